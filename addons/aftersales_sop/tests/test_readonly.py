# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer's read pages run on a read-only cursor (the database replica
when one is configured); the pages that write do not (readonly_common.py says
how a test sees the cursor of a request)."""

import json
import re

from odoo import http
from odoo.tests import HttpCase, freeze_time, new_test_user, tagged

from .common import AftersalesSopCommon
from .readonly_common import (
    cursor_modes,
    marked_methods,
    marked_routes,
    refused,
    served,
)
from .test_service_report import SIGNATURE

#: every entry point aftersales_sop marks read-only; each has a test below
MARKED_ROUTES = {
    ("AftersalesPortal", "portal_my_tickets"),
    ("AftersalesPortal", "portal_service_report"),
    ("AftersalesPortal", "aftersales_survey"),
    ("AftersalesReportController", "report_download"),
}


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestReadOnlyPages(HttpCase, AftersalesSopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket = cls._create_repair()
        cls.survey = cls.env["aftersales.survey"].create(
            {"ticket_id": cls.ticket.id, "method": "portal"}
        )
        cls.survey._portal_ensure_token()
        cls.portal_user = new_test_user(
            cls.env,
            login="as_ro_customer",
            password="as_ro_customer",
            groups="base.group_portal",
            partner_id=cls.customer.id,
        )

    def _get(self, url, **kwargs):
        """GET ``url``: the response and the cursors it was served on, and
        no read-only request run again on a read/write cursor."""
        with served(self) as modes:
            response = self.url_open(url, **kwargs)
        return response, modes

    def _signed_visit(self):
        order = self.env["aftersales.dispatch.order"].create(
            {"ticket_id": self.ticket.id, "engineer_id": self.zhang.id}
        )
        visit = order.current_visit_id.with_user(self.zhang.user_id)
        visit.action_check_in()
        visit.write({"result": "not_fixed", "no_signature_reason": False})
        visit.write({"customer_signature": SIGNATURE, "signed_by": "Test Customer"})
        return visit.sudo()

    def test_the_marked_entry_points(self):
        """What the addon marks read-only is what these tests show working on
        a read-only cursor (marking another entry point needs its test)."""
        self.assertEqual(marked_routes("aftersales_sop"), MARKED_ROUTES)
        self.assertEqual(marked_methods(self.env, "aftersales_sop"), set())

    def test_the_survey_page_reads_only(self):
        page, modes = self._get(self.survey._aftersales_survey_url())
        self.assertEqual(page.status_code, 200)
        self.assertIn("How was our service?", page.text)
        self.assertEqual(modes, ["ro"])

    def test_the_survey_answer_writes(self):
        page = self.url_open(self.survey._aftersales_survey_url())
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        answer = {"overall_score": "9", "comment": "On time."}
        # what the answer does cannot run on a read-only cursor
        with refused(self, self.env):
            self.survey._aftersales_answer(dict(answer))
        with cursor_modes(self.env) as modes:
            response = self.url_open(
                f"/aftersales/survey/{self.survey.id}/answer",
                data={
                    "csrf_token": csrf,
                    "access_token": self.survey.access_token,
                    **answer,
                },
            )
        self.assertIn("Thank you!", response.text)
        self.assertEqual(modes, ["rw"])
        self.survey.invalidate_recordset()
        self.assertEqual(self.survey.state, "done")

    def test_the_portal_pages_read_only(self):
        visit = self._signed_visit()
        self.authenticate("as_ro_customer", "as_ro_customer")
        page, modes = self._get("/my/tickets")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.ticket.number, page.text)
        self.assertEqual(modes, ["ro"])
        # the signed report kept when the customer signed, and rendered again
        # when that copy is gone
        url = f"/my/ticket/{self.ticket.id}/service-report/{visit.id}?download=1"
        report, modes = self._get(url)
        self.assertIn(SIGNATURE.decode(), report.text)
        visit.report_attachment_id.unlink()
        report, modes_again = self._get(url)
        self.assertEqual(report.status_code, 200)
        self.assertIn(visit.name, report.text)
        self.assertEqual(modes + modes_again, ["ro", "ro"])

    def test_the_request_page_may_write(self):
        """The request's page gives its attachments an access token the first
        time it shows them: it stays read/write."""
        self._signed_visit()
        attachment = self.env["ir.attachment"].create(
            {
                "name": "photo.txt",
                "raw": b"photo",
                "res_model": "helpdesk.ticket",
                "res_id": self.ticket.id,
            }
        )
        with refused(self, self.env):
            attachment.generate_access_token()
        self.authenticate("as_ro_customer", "as_ro_customer")
        page, modes = self._get(f"/my/ticket/{self.ticket.id}")
        self.assertEqual(page.status_code, 200)
        self.assertEqual(modes, ["rw"])
        self.assertTrue(attachment.access_token)

    def _download(self, url):
        with served(self) as modes:
            response = self.url_open(
                "/report/download",
                data={
                    "data": json.dumps([url, "qweb-pdf"]),
                    "context": "{}",
                    "csrf_token": http.Request.csrf_token(self),
                },
            )
        self.assertEqual(response.status_code, 200)
        return response, modes

    def test_the_service_report_downloads_read_only(self):
        visit = self._signed_visit()
        self.authenticate(self.dispatcher.login, self.dispatcher.login)
        report, modes = self._download(
            f"/report/pdf/aftersales_sop.report_service_visit/{visit.id}"
        )
        self.assertIn(visit.name, report.text)
        self.assertEqual(modes, ["ro"])
        # another report keeps Odoo's read/write download
        self.authenticate("admin", "admin")
        module = self.env.ref("base.module_base")
        _response, modes = self._download(
            f"/report/pdf/base.report_irmodulereference/{module.id}"
        )
        self.assertEqual(modes, ["rw"])
