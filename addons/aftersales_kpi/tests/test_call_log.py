# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The hotline's call log: the customer service supervisor imports the
telephony system's export (.csv, .xls, .xlsx, English or Chinese headers);
each answered call gives the request created from it the answer delay the
telephony recorded; calls with no request are listed; calls nobody answered
count as consultations not answered in time; a bad file or row changes
nothing and is named."""

import base64
from datetime import datetime, timedelta
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, tagged

from odoo.addons.aftersales_sop.tests.spreadsheet_common import xls, xlsx

from .common import KpiCommon

#: Saturday 3 October 2026 in Beijing (UTC+8)
DAY = datetime(2026, 10, 3)
CHINESE_HEADER = ["主叫号码", "呼入时间", "接听时间", "坐席", "通话时长"]


def beijing(hour, minute=0, second=0):
    """The UTC moment of a Beijing time of DAY."""
    return DAY + timedelta(hours=hour - 8, minutes=minute, seconds=second)


def local(hour, minute=0, second=0):
    """The same moment as the call log writes it (Beijing time, as text)."""
    moment = DAY + timedelta(hours=hour, minutes=minute, seconds=second)
    return moment.strftime("%Y-%m-%d %H:%M:%S")


@tagged("post_install", "-at_install")
@freeze_time("2026-10-05 02:00:00")
class TestCallLog(KpiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.resource_calendar_id.tz = "Asia/Shanghai"
        cls.company.aftersales_call_window_minutes = 30
        # four requests the agent logged from calls, one by the dispatcher
        cls.answered = cls._logged(9, 0, 30, "13700000011")  # call answered in 12 s
        cls.typed = cls._logged(9, 10, 40, "13700000012", typed=5)  # log: 45 s
        cls.later = cls._logged(11, 0, 0, "13700000013")  # no call near it
        cls.other_agent = cls._logged(9, 20, 30, "13700000014", user=cls.dispatcher)
        cls.rows = [
            ["137 0000 0011", local(9), local(9, 0, 12), "as_agent", 60],
            ["13700000012", local(9, 10), local(9, 10, 45), "as_agent", "01:30"],
            ["+8613700000013", local(9, 30), local(9, 30, 8), "as_agent", 30],
            ["13700000014", local(9, 20), local(9, 20, 9), "as_agent", 30],
            ["13700000015", local(10), None, None, None],
        ]

    @classmethod
    def _logged(cls, hour, minute, second, phone, typed=None, user=None):
        """A consultation the agent logged at that Beijing time."""
        received = beijing(hour, minute, second)
        vals = {
            "name": "Question about the remote",
            "description": "<p>How do I pair the remote?</p>",
            "team_id": cls.team.id,
            "partner_id": cls.customer.id,
            "partner_phone": phone,
            "inquiry_class": "a",
            "request_date": received,
        }
        if typed is not None:
            vals["first_response_date"] = received + timedelta(seconds=typed)
        with freeze_time(received):
            return cls.env["helpdesk.ticket"].with_user(user or cls.agent).create(vals)

    def _import(self, data, filename="calls.xlsx", valid_only=False, check=False):
        wizard = (
            self.env["aftersales.call.import"]
            .with_user(self.supervisor)
            .create(
                {
                    "file": base64.b64encode(data),
                    "filename": filename,
                    "import_valid_rows": valid_only,
                }
            )
        )
        wizard.action_check() if check else wizard.action_import()
        return wizard

    def _calls(self):
        Call = self.env["aftersales.call"]
        return Call.search([("company_id", "=", self.company.id)])

    def _assert_imported(self, wizard):
        self.assertFalse(wizard.file_error, wizard.file_error)
        self.assertEqual(wizard.state, "done")
        calls = {call.caller_number: call for call in self._calls()}
        self.assertEqual(len(calls), 5)
        # answered in 12 s: the request created during the call takes it
        first = calls["+8613700000011"]
        self.assertEqual(
            (first.state, first.ticket_id, first.answer_seconds, first.in_time),
            ("matched", self.answered, 12, True),
        )
        self.assertEqual(first.call_start, beijing(9))
        self.assertEqual(first.agent_user_id, self.agent)
        self.assertEqual(
            (
                self.answered.call_id,
                self.answered.response_seconds,
                self.answered.responded_in_time,
                self.answered.response_source,
            ),
            (first, 12, True, "call_log"),
        )
        # the agent typed 5 s; the telephony recorded 45 s: the log decides
        self.assertEqual(
            (
                self.typed.response_seconds,
                self.typed.responded_in_time,
                self.typed.response_source,
            ),
            (45, False, "call_log"),
        )
        # no request of that caller near the call; the dispatcher's request is
        # not the one the logged agent created: both listed without a request
        self.assertEqual(calls["+8613700000013"].state, "no_request")
        self.assertEqual(calls["+8613700000014"].state, "no_request")
        self.assertFalse(self.later.call_id)
        self.assertFalse(self.other_agent.call_id)
        self.assertEqual(calls["+8613700000015"].state, "unanswered")
        self.assertEqual(wizard.unmatched_count, 2)
        action = wizard.action_view_unmatched()
        self.assertEqual(
            set(self.env["aftersales.call"].search(action["domain"]).mapped("state")),
            {"no_request"},
        )

    def test_an_xlsx_export_with_chinese_headers(self):
        wizard = self._import(xlsx([CHINESE_HEADER, *self.rows]))
        self._assert_imported(wizard)
        self.assertIn("Calls imported: 5", wizard.summary)

    def test_a_csv_export_in_gb18030_with_semicolons(self):
        text = "\n".join(
            ";".join("" if cell is None else str(cell) for cell in row)
            for row in [CHINESE_HEADER, *self.rows]
        )
        self._assert_imported(self._import(text.encode("gb18030"), "calls.csv"))

    def test_a_big_log_is_imported_by_a_background_job(self):
        """More calls than the company's limit for the page: the shared import
        job checks the log, then stores and matches its calls batch after
        batch, in the order they came in, as one import."""
        self.company.aftersales_import_background_rows = 3
        wizard = self.env["aftersales.call.import"]
        batch = patch.object(type(wizard), "_batch_size", 2)
        batch.start()
        self.addCleanup(batch.stop)
        # the log lists the calls out of order; the last one is the earliest
        # call of the first caller, which the request he called about answers
        # (the closest call coming in first takes it, as in one go): the
        # batches go by time, not by the file's order
        early = ["13700000011", local(8, 59, 50), local(8, 59, 55), "as_agent", 5]
        rows = [self.rows[4], *self.rows[:4], early]
        action = self._import(xlsx([CHINESE_HEADER, *rows]))
        self.assertEqual(action.state, "upload")  # the wizard handed it over
        self.assertFalse(self._calls())
        job = self.env["aftersales.import.job"].search(
            [("import_model", "=", "aftersales.call.import")]
        )
        self.assertEqual((job.state, job.user_id), ("queued", self.supervisor))
        cron = self.env.ref("aftersales_sop.ir_cron_aftersales_import_jobs")
        states = []
        with patch.object(type(self.supervisor), "_bus_send", autospec=True):
            for _call in range(10):
                cron.method_direct_trigger()
                job.invalidate_recordset()
                states.append(job.state)
                if job.state in ("done", "failed"):
                    break
        self.assertEqual(states, ["checking", "writing", "writing", "writing", "done"])
        self.assertFalse(job.file_error, job.file_error)
        self.assertEqual((job.row_count, job.imported_count), (6, 6))
        calls = self._calls()
        self.assertEqual(len(set(calls.mapped("import_ref"))), 1)
        self.assertEqual(sorted(job.result_ids), sorted(calls.ids))
        self.assertEqual(
            sorted((c.caller_number, c.call_start, c.state) for c in calls),
            [
                ("+8613700000011", beijing(8, 59, 50), "matched"),
                ("+8613700000011", beijing(9), "no_request"),
                ("+8613700000012", beijing(9, 10), "matched"),
                ("+8613700000013", beijing(9, 30), "no_request"),
                ("+8613700000014", beijing(9, 20), "no_request"),
                ("+8613700000015", beijing(10), "unanswered"),
            ],
        )
        self.assertEqual(self.answered.call_id.call_start, beijing(8, 59, 50))
        self.assertEqual(self.answered.response_seconds, 5)
        self.assertEqual(self.typed.response_seconds, 45)
        self.assertIn("Calls imported: 6 (0 already imported)", job.summary)
        self.assertIn("without a request: 3", job.summary)

    def test_an_old_xls_export_with_date_cells(self):
        rows = [
            [
                phone,
                datetime.strptime(start, "%Y-%m-%d %H:%M:%S"),
                datetime.strptime(answered, "%Y-%m-%d %H:%M:%S") if answered else None,
                agent,
                duration,
            ]
            for phone, start, answered, agent, duration in self.rows
        ]
        header = ["Caller Number", "Call Start", "Answered At", "Agent", "Duration"]
        self._assert_imported(self._import(xls([header, *rows]), "calls.xls"))

    def test_unanswered_calls_fail_the_response_figure_everywhere(self):
        self._import(xlsx([CHINESE_HEADER, *self.rows]))
        assessments = self.env["aftersales.kpi.assessment"]._aftersales_run(
            self.company, DAY
        )
        company = assessments.filtered(lambda a: a.scope == "company")
        line = company.line_ids.filtered(lambda l: l.kpi == "response_compliance")
        # answered in time: the 12 s call; late: the 45 s call; the later
        # request and the dispatcher's were never answered (past 30 s); and
        # the call nobody answered
        self.assertEqual((line.numerator, line.denominator), (1, 5))
        team = assessments.filtered(lambda a: a.team_id == self.team)
        team_line = team.line_ids.filtered(lambda l: l.kpi == "response_compliance")
        self.assertEqual((team_line.numerator, team_line.denominator), (1, 4))
        pivot = (
            self.env["aftersales.kpi.report"]
            .with_user(self.hr_officer)
            .read_group(
                [("period", "=", DAY.replace(day=1).date())],
                ["response_compliance"],
                ["company_id"],
            )
        )
        self.assertAlmostEqual(pivot[0]["response_compliance"], 20.0)

    def test_importing_the_same_log_again_changes_nothing(self):
        self._import(xlsx([CHINESE_HEADER, *self.rows]))
        wizard = self._import(xlsx([CHINESE_HEADER, *self.rows]))
        self.assertEqual(len(self._calls()), 5)
        self.assertIn("Calls imported: 0 (5 already imported)", wizard.summary)

    def test_a_bad_row_is_named_and_nothing_is_imported(self):
        rows = [*self.rows, ["not a phone", local(12), None, None, None]]
        wizard = self._import(xlsx([CHINESE_HEADER, *rows]))
        self.assertFalse(self._calls())
        self.assertFalse(self.answered.call_id)
        self.assertIn("1 row(s) have problems", wizard.file_error)
        self.assertEqual(
            [(p.line, p.column) for p in wizard.problem_ids], [(7, "Caller Number")]
        )
        self.assertIn("not a phone", wizard.problem_ids.message)
        # the valid rows only, when asked
        wizard = self._import(xlsx([CHINESE_HEADER, *rows]), valid_only=True)
        self.assertEqual(len(self._calls()), 5)
        self.assertEqual(self.answered.response_source, "call_log")

    def test_a_wrong_file_imports_nothing(self):
        for data, filename, expected in (
            (xlsx([["Caller", "Queue"], ["13700000011", "A"]]), "x.xlsx", "lacks"),
            (b"\x00\x01\x02 not a log", "x.csv", "not a spreadsheet or a CSV text"),
            (b"", "x.csv", "empty"),
        ):
            wizard = self._import(data, filename)
            self.assertIn(expected, wizard.file_error)
            self.assertEqual(wizard.state, "checked")
        self.assertFalse(self._calls())

    def test_a_call_without_a_request_is_linked_by_hand(self):
        self._import(xlsx([CHINESE_HEADER, *self.rows]))
        call = self._calls().filtered(lambda c: c.caller_number == "+8613700000013")
        call.with_user(self.supervisor).ticket_id = self.later
        self.assertEqual(call.state, "matched")
        later = self.later
        self.assertEqual(
            (later.call_id, later.response_seconds, later.response_source),
            (call, 8, "call_log"),
        )
        # an unanswered call created no request; a request has one call
        missed = self._calls().filtered(lambda c: c.state == "unanswered")
        with self.assertRaises(UserError):
            missed.with_user(self.supervisor).ticket_id = self.other_agent
        with self.assertRaises(UserError):
            self._calls().filtered(
                lambda c: c.caller_number == "+8613700000014"
            ).with_user(self.supervisor).ticket_id = self.later
        # unlinked: the request's response is the agent's again (none typed)
        call.with_user(self.supervisor).ticket_id = False
        self.assertEqual(
            (self.later.call_id, self.later.response_source), (call.browse(), False)
        )

    def test_the_answered_button_is_marked_as_typed(self):
        ticket = self._logged(14, 0, 0, "13700000016")
        self.assertFalse(ticket.response_source)
        with freeze_time(beijing(14, 0, 20)):
            ticket.with_user(self.agent).action_record_first_response()
        self.assertEqual(
            (ticket.response_source, ticket.response_seconds, ticket.responded_in_time),
            ("typed", 20, True),
        )

    def test_who_sees_the_call_log(self):
        self._import(xlsx([CHINESE_HEADER, *self.rows]))
        for model, types in (
            ("aftersales.call", ["list", "search", "pivot"]),
            ("aftersales.call.import", ["form"]),
        ):
            views = (
                self.env[model]
                .with_user(self.supervisor)
                .get_views([(False, view_type) for view_type in types])
            )
            self.assertEqual(set(views["views"]), set(types))
        self.assertEqual(
            self.env["aftersales.call"].with_user(self.reviewer).search_count([]), 5
        )
        # agents and engineers work on requests, not on the telephony's log
        for user in (self.agent, self.zhang.user_id):
            with self.assertRaises(AccessError):
                self.env["aftersales.call"].with_user(user).search([])
        # the template, with the headers of the user's language
        Wizard = self.env["aftersales.call.import"].with_user(self.supervisor)
        wizard = Wizard.create({})
        self.assertEqual(wizard.action_download_template()["target"], "download")
