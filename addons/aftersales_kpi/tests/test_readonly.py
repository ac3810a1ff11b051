# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The KPI analyses, the assessments, their smart buttons and the monthly
quality report are read on a read-only cursor (the database replica when one
is configured), as the web client asks for them; computing a month, reviewing
and reserving write, and are never sent there (aftersales_sop's
readonly_common.py says how a test sees the cursor of a request)."""

import json

from odoo import http
from odoo.tests import HttpCase, freeze_time, tagged

from odoo.addons.aftersales_sop.tests.readonly_common import (
    is_read_only_method,
    marked_methods,
    marked_routes,
    refused,
    served,
)

from .common import SEPTEMBER, KpiMonthCommon

#: every model method aftersales_kpi marks @api.readonly; each is called below
MARKED_METHODS = {
    ("HrEmployeeBase", "action_view_aftersales_penalties"),
    ("HrEmployeeBase", "action_view_aftersales_strikes"),
    ("HrEmployeeBase", "action_view_aftersales_assessments"),
    ("HrEmployeeBase", "action_view_aftersales_certifications"),
    ("AftersalesPenaltyStrike", "action_view_penalties"),
    ("AftersalesPenalty", "action_view_strikes"),
    ("AftersalesPenaltyRule", "action_view_penalties"),
}
ANALYSES = (
    "aftersales.kpi.request.report",
    "aftersales.kpi.clock.report",
    "aftersales.kpi.visit.report",
    "aftersales.kpi.complaint.report",
    "aftersales.kpi.survey.report",
    "aftersales.kpi.penalty.report",
)


@tagged("post_install", "-at_install")
@freeze_time("2026-10-02 02:00:00")
class TestReadOnlyKpi(HttpCase, KpiMonthCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.penalty = cls._confirmed(cls.zhang, "late_arrival", "2026-09-10")
        cls.assessments = cls.env["aftersales.kpi.assessment"]._aftersales_run(
            cls.company, SEPTEMBER
        )

    def _rpc(self, model, method, args, kwargs=None, button=False):
        """Call ``model.method`` as the web client does: the result and the
        cursors the request was served on (no read-only request is run again
        on a read/write cursor)."""
        kind = "call_button" if button else "call_kw"
        with served(self) as modes:
            result = self.make_jsonrpc_request(
                f"/web/dataset/{kind}/{model}/{method}",
                {
                    "model": model,
                    "method": method,
                    "args": args,
                    "kwargs": kwargs or {},
                },
            )
        return result, modes

    def test_the_marked_entry_points(self):
        """What the addon marks read-only is what these tests call on a
        read-only cursor (marking another entry point needs its test)."""
        self.assertEqual(marked_methods(self.env, "aftersales_kpi"), MARKED_METHODS)
        self.assertEqual(marked_routes("aftersales_kpi"), set())

    def test_the_analyses_read_only(self):
        """The pivot, graph and list of each analysis of the KPI Dashboard."""
        self.authenticate("kpi_reviewer", "kpi_reviewer")
        domain = [("company_id", "=", self.company.id)]
        for model in ANALYSES:
            fields = self.env[model]._fields
            measure = next(
                name
                for name, field in fields.items()
                if field.type in ("integer", "float") and name != "id"
            )
            groups, modes = self._rpc(
                model,
                "read_group",
                [domain, [f"{measure}:sum"], ["company_id"]],
                {"lazy": False},
            )
            self.assertTrue(groups, model)
            _web, web_modes = self._rpc(
                model,
                "web_read_group",
                [domain, [f"{measure}:sum"], ["company_id"]],
            )
            rows, list_modes = self._rpc(
                model,
                "web_search_read",
                [domain, {name: {} for name in (measure, "company_id")}],
                {"limit": 80},
            )
            self.assertTrue(rows["records"], model)
            self.assertEqual(modes + web_modes + list_modes, ["ro"] * 3, model)

    def test_the_assessments_read_only(self):
        """The Quality Reviews list and an assessment's form, and its
        quality report as the web client downloads and previews it."""
        company = self.assessments.filtered(lambda a: a.scope == "company")
        model = "aftersales.kpi.assessment"
        self.authenticate("kpi_hr", "kpi_hr")
        form = {
            name: {}
            for name, field in self.env[model]._fields.items()
            if field.type not in ("one2many", "many2many", "binary")
        }
        form["line_ids"] = {"fields": {"kpi": {}, "value": {}, "cause": {}}}
        domain = [("id", "in", self.assessments.ids)]
        rows, modes = self._rpc(model, "web_search_read", [domain, form])
        self.assertEqual(rows["length"], len(self.assessments))
        record, read_modes = self._rpc(model, "web_read", [company.ids, form])
        self.assertTrue(record[0]["line_ids"])
        self.assertEqual(modes + read_modes, ["ro", "ro"])
        # the quality report: Print (/report/download), and its preview
        url = f"/report/pdf/aftersales_kpi.report_quality_review/{company.id}"
        with served(self) as modes:
            download = self.url_open(
                "/report/download",
                data={
                    "data": json.dumps([url, "qweb-pdf"]),
                    "context": "{}",
                    "csrf_token": http.Request.csrf_token(self),
                },
            )
            preview = self.url_open(url.replace("/report/pdf/", "/report/html/"))
        for response in (download, preview):
            self.assertEqual(response.status_code, 200)
            self.assertIn("Monthly Quality Review", response.text)
        self.assertEqual(modes, ["ro", "ro"])

    def test_the_smart_buttons_read_only(self):
        employee = self.zhang.employee_id
        for day in ("2026-09-01", "2026-09-02"):
            self._confirmed(self.liu, "left_post", day)
        flag = self._confirmed(self.liu, "left_post", "2026-09-03").strike_ids
        self.assertTrue(flag)
        calls = [
            ("hr.employee", "action_view_aftersales_penalties", employee.ids),
            ("hr.employee", "action_view_aftersales_strikes", employee.ids),
            ("hr.employee", "action_view_aftersales_assessments", employee.ids),
            ("hr.employee", "action_view_aftersales_certifications", employee.ids),
            ("aftersales.penalty.strike", "action_view_penalties", flag.ids),
            ("aftersales.penalty", "action_view_strikes", flag.penalty_ids[:1].ids),
            ("aftersales.penalty.rule", "action_view_penalties", flag.rule_id.ids),
        ]
        self.assertEqual(
            {method for _model, method, _ids in calls},
            {method for _cls, method in MARKED_METHODS},
        )
        self.authenticate("kpi_hr", "kpi_hr")
        for model, method, ids in calls:
            self.assertTrue(is_read_only_method(self.env[model], method))
            action, modes = self._rpc(model, method, [ids], button=True)
            self.assertEqual(action["type"], "ir.actions.act_window", method)
            self.assertEqual(modes, ["ro"], method)

    def test_what_writes_is_not_read_only(self):
        """Computing a month, printing it from the wizard (it computes first),
        reviewing and recomputing an assessment write: none is marked, and
        each fails on a read-only cursor."""
        wizard = (
            self.env["aftersales.kpi.month"]
            .with_user(self.supervisor)
            .create({"month": SEPTEMBER})
        )
        chen = self._figures(self.assessments, "engineer", self.chen.id)[0]
        writes = [
            (wizard, "action_compute"),
            (wizard, "action_print"),
            (chen.with_user(self.hr_officer), "action_review"),
            (chen.with_user(self.reviewer), "action_recompute"),
        ]
        for records, method in writes:
            self.assertFalse(is_read_only_method(records, method), method)
            with refused(self, self.env):
                getattr(records, method)()
        # and they work on the primary
        for records, method in writes:
            getattr(records, method)()
        self.assertEqual(chen.state, "reviewed")
