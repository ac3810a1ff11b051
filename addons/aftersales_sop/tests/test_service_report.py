# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The service report (维修服务单 / 服务报告): printed in the customer's
language with his signature, kept on the request once signed."""

import base64
from datetime import datetime
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from odoo.addons.base.models.ir_actions_report import IrActionsReport

from .common import AftersalesSopCommon

REPORT = "aftersales_sop.action_report_service_visit"
#: a 1x1 transparent PNG: the customer's drawn signature in these tests
SIGNATURE = (
    b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
    b"60e6kgAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")  # Monday 10:00 in Beijing
class TestServiceReport(AftersalesSopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env.ref("base.module_aftersales_sop")._update_translations("zh_CN")
        cls.engineer = cls.zhang.user_id

    def _signed_visit(self, sign=True, **values):
        ticket = self._create_repair()
        order = self.env["aftersales.dispatch.order"].create(
            {"ticket_id": ticket.id, "engineer_id": self.zhang.id}
        )
        visit = order.current_visit_id.with_user(self.engineer)
        visit.action_check_in()
        visit.action_show_id()
        visit.write(
            {
                "inspection_note": "Fan capacitor swollen.",
                "plan_note": "Replace the fan capacitor.",
                "fee_amount": 150.0,
                "accepted_by": "Mr Li",
            }
        )
        visit.action_accept_plan()
        self._start_work(visit)
        visit.write(
            {
                "work_note": "Replaced the capacitor, cleaned the coil.",
                "problem_note": "Dusty coil.",
                "solution_note": "Coil cleaned.",
                "result": "fixed",
                "part_ids": [
                    Command.create(
                        {
                            "product_id": self.fan_capacitor.id,
                            "quantity": 1,
                            "consent": True,
                        }
                    )
                ],
                **values,
            }
        )
        visit.action_joint_test_passed()
        self.env["aftersales.survey"].with_user(self.engineer).create(
            {
                **visit._aftersales_prepare_checklist_vals(),
                "score_attitude": "10",
                "score_response_speed": "8",
                "overall_score": "9",
                "comment": "Tidy work.",
            }
        )
        if sign:
            visit.write({"customer_signature": SIGNATURE, "signed_by": "Mr Li"})
        return visit

    def _html(self, visit):
        html, kind = self.env["ir.actions.report"]._render_qweb_html(REPORT, visit.ids)
        self.assertEqual(kind, "html")
        return html.decode()

    def test_the_report_in_english_with_the_signature(self):
        visit = self._signed_visit()
        html = self._html(visit)
        for expected in (
            "Service Report",
            visit.name,
            visit.ticket_id.number,
            "Test Customer",
            "Replaced the capacitor, cleaned the coil.",
            "Problems found",
            "Capacitor 4 uF",
            "Fixed on site",
            "Joint test",
            "Satisfaction checklist",
            "Service Attitude",
            "Tidy work.",
            "accepted by",
            "Mr Li",
            "Zhang",
            "ID shown",
            "150.00, accepted by Mr Li on 09/28/2026 10:00:00",
            f"data:image/png;base64,{SIGNATURE.decode()}",
        ):
            self.assertIn(expected, html)
        # the times are Beijing's (the team's calendar), not UTC
        self.assertIn("10:00", html)
        self.assertNotIn("02:00:00", html)

    def test_the_report_in_chinese_for_a_chinese_customer(self):
        self.customer.lang = "zh_CN"
        visit = self._signed_visit()
        html = self._html(visit)
        for expected in (
            "服务报告",  # Service Report
            "现场修复",  # Fixed on site
            "服务态度",  # Service Attitude
            "客户签名",  # Customer signature
            "完成的工作",  # Work done
            f"data:image/png;base64,{SIGNATURE.decode()}",
        ):
            self.assertIn(expected, html)
        self.assertNotIn("Service Report", html)
        # the English customer of the same engineer still reads English
        self.customer.lang = "en_US"
        self.assertIn("Service Report", self._html(visit))

    def test_the_signed_report_is_kept_on_the_request(self):
        visit = self._signed_visit(sign=False)
        ticket = visit.ticket_id
        self.assertFalse(visit.report_attachment_id)
        with freeze_time("2026-09-28 03:00:00"):
            visit.write({"customer_signature": SIGNATURE, "signed_by": "Mr Li"})
        self.assertEqual(visit.signed_date, datetime(2026, 9, 28, 3, 0))
        attachment = visit.sudo().report_attachment_id
        self.assertEqual(attachment.res_model, "helpdesk.ticket")
        self.assertEqual(attachment.res_id, ticket.id)
        # tests render reports as HTML (no PDF engine); a server keeps a PDF
        self.assertEqual(attachment.name, f"Service Report {visit.name}.html")
        self.assertIn(attachment, ticket.attachment_ids)
        content = base64.b64decode(attachment.datas).decode()
        self.assertIn(SIGNATURE.decode(), content)
        self.assertNotIn("11:30", content)
        # the check-out refreshes the same attachment with its time
        with freeze_time("2026-09-28 03:30:00"):
            visit.action_check_out()
        self.assertEqual(visit.report_attachment_id, attachment)
        content = base64.b64decode(attachment.datas).decode()
        self.assertIn("11:30", content)
        self.assertEqual(visit.work_hours, 1.5)

    def test_printed_from_the_request_and_the_dispatch_order(self):
        visit = self._signed_visit()
        for record in (visit.ticket_id, visit.dispatch_order_id, visit):
            action = record.with_user(self.engineer).action_print_service_report()
            self.assertEqual(action["type"], "ir.actions.report")
            self.assertEqual(
                action["report_name"], "aftersales_sop.report_service_visit"
            )
            self.assertEqual(action["context"]["active_ids"], visit.ids)
        bare = self._create_repair()
        with self.assertRaises(UserError):
            bare.action_print_service_report()

    def test_a_report_that_cannot_be_rendered_does_not_undo_the_signature(self):
        visit = self._signed_visit(sign=False)

        # what Odoo raises on a server without wkhtmltopdf
        message = "Unable to find Wkhtmltopdf on this system."

        def no_pdf_engine(*args, **kwargs):
            raise UserError(message)

        with patch.object(IrActionsReport, "_render_qweb_pdf", no_pdf_engine):
            visit.write({"customer_signature": SIGNATURE})
        self.assertTrue(visit.signed_date)
        self.assertEqual(visit.signed_by, "Test Customer")
        self.assertFalse(visit.report_attachment_id)
        self.assertIn("could not be kept as a PDF", visit.sudo().message_ids[:1].body)
        # once the engine works, the report is kept
        visit.action_attach_service_report()
        self.assertTrue(visit.report_attachment_id)

    def test_the_parts_of_the_report_come_from_one_hook(self):
        visit = self._signed_visit()
        self.assertEqual(
            visit._aftersales_report_parts(),
            [
                {
                    "name": "Fan Capacitor 4 uF",
                    "quantity": 1.0,
                    "serial_number": "",
                    "consent": True,
                }
            ],
        )
        # what the hook returns is what the report prints
        with patch.object(
            type(visit),
            "_aftersales_report_parts",
            lambda self: [
                {
                    "name": "Compressor K-200",
                    "quantity": 1.0,
                    "serial_number": "K200-77",
                    "consent": True,
                }
            ],
        ):
            html = self._html(visit)
        self.assertIn("Compressor K-200", html)
        self.assertNotIn("Capacitor 4 uF", html)
