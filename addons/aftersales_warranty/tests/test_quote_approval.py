# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The after-sales supervisor approves repair quotes (SPEC §1) before they go
to the customer; a rejection goes back to the engineer with its reason."""

import json
from datetime import date, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, freeze_time, tagged

from .test_repair_quote import SIGNATURE, QuoteCommon


class ApprovalCommon(QuoteCommon):
    def _quote(self, labour_hours=1.0, purchase_date=date(2025, 1, 5)):
        """A repair quote of an expired unit: the capacitor (40) and labour
        (120 an hour), made by the repairer."""
        ticket = self._decided_ticket(purchase_date)
        repair = self._repair(
            ticket, parts=[(self.capacitor, 1, None)], labour_hours=labour_hours
        )
        repair.with_user(self.repairer).action_create_sale_order()
        return repair, repair.sale_order_id


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestQuoteApproval(ApprovalCommon):
    def _activity(self, order, xmlid):
        kind = self.env.ref(xmlid)
        return order.activity_ids.filtered(lambda a: a.activity_type_id == kind)

    def test_every_after_sales_quote_by_default(self):
        self.assertEqual(self.company.aftersales_quote_approval_amount, 0.0)
        repair, order = self._quote()
        self.assertTrue(order.aftersales_quote)
        self.assertEqual(order.aftersales_approval_state, "to_approve")
        asked = self._activity(order, "aftersales_warranty.mail_act_quote_approval")
        self.assertTrue(
            asked.user_id.has_group("aftersales_sop.aftersales_sop_group_manager")
        )
        # it does not reach the customer before the approval
        for send in (order.action_quotation_sent, order.action_preview_sale_order):
            with self.assertRaisesRegex(UserError, "supervisor's approval"):
                send()
        with self.assertRaisesRegex(UserError, "supervisor's approval"):
            order.action_quotation_send()
        with self.assertRaisesRegex(UserError, "supervisor's approval"):
            order.with_context(mark_so_as_sent=True).message_post(body="Your quote")
        with self.assertRaisesRegex(UserError, "supervisor's approval"):
            repair.action_quote_accepted()
        self.assertEqual(order.state, "draft")
        self.assertIn("supervisor", repair.aftersales_blocker)
        # neither the engineer nor the agent approves it
        with self.assertRaises(AccessError):
            order.with_user(self.repairer).action_aftersales_approve()
        order.with_user(self.supervisor).action_aftersales_approve()
        self.assertEqual(order.aftersales_approval_state, "approved")
        self.assertEqual(order.aftersales_approved_by_id, self.supervisor)
        self.assertEqual(order.aftersales_approved_amount, order.amount_total)
        self.assertGreaterEqual(order.amount_total, 160.0)  # with the taxes
        self.assertFalse(
            self._activity(order, "aftersales_warranty.mail_act_quote_approval")
        )
        self.assertIn("approved by", repair.helpdesk_ticket_id.message_ids[0].body)
        order.action_quotation_sent()
        self.assertEqual(order.state, "sent")
        repair.action_quote_accepted()
        self.assertEqual(order.state, "sale")

    def test_a_rejected_quote_goes_back_to_the_engineer(self):
        repair, order = self._quote()
        action = order.with_user(self.supervisor).action_aftersales_reject()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.supervisor)
            .with_context(**action["context"])
        )
        wizard.reason = "Two hours of labour for a capacitor: one is enough."
        wizard.save().action_apply()
        self.assertEqual(order.aftersales_approval_state, "rejected")
        self.assertIn("one is enough", order.aftersales_rejection_reason)
        back = self._activity(order, "aftersales_warranty.mail_act_quote_rejected")
        self.assertEqual(back.user_id, self.repairer)
        self.assertIn("one is enough", back.note)
        self.assertIn("one is enough", repair.helpdesk_ticket_id.message_ids[0].body)
        with self.assertRaisesRegex(UserError, "rejected the quote"):
            order.action_quotation_sent()
        with self.assertRaisesRegex(UserError, "rejected the quote"):
            repair.action_repair_start()
        # revised, asked again, approved
        repair.with_user(self.repairer).labour_hours = 0.5
        order.with_user(self.repairer).action_aftersales_request_approval()
        self.assertEqual(order.aftersales_approval_state, "to_approve")
        self.assertFalse(
            self._activity(order, "aftersales_warranty.mail_act_quote_rejected")
        )
        self.assertTrue(
            self._activity(order, "aftersales_warranty.mail_act_quote_approval")
        )
        self._approve(order)
        order.action_quotation_sent()

    def test_the_threshold_of_the_settings(self):
        settings = self.env["res.config.settings"].create(
            {"aftersales_quote_approval_amount": 150.0}
        )
        settings.execute()
        self.assertEqual(self.company.aftersales_quote_approval_amount, 150.0)
        _repair, small = self._quote(labour_hours=0.0)  # 40 and its taxes
        self.assertEqual(small.aftersales_approval_state, "not_needed")
        small.action_quotation_sent()
        _repair, large = self._quote(labour_hours=1.0)  # 160 and its taxes
        self.assertEqual(large.aftersales_approval_state, "to_approve")
        self._approve(large)
        # the quote grows after the approval: approved again
        large.order_line.filtered(lambda line: line.product_id == self.capacitor)[
            :1
        ].product_uom_qty = 3
        self.assertEqual(large.aftersales_approval_state, "to_approve")
        with self.assertRaises(UserError):
            large.action_quotation_sent()

    def test_other_quotations_keep_odoo_s_flow(self):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [
                    Command.create(
                        {"product_id": self.capacitor.id, "product_uom_qty": 1}
                    )
                ],
            }
        )
        self.assertFalse(order.aftersales_quote)
        self.assertEqual(order.aftersales_approval_state, "not_needed")
        order.action_quotation_sent()
        order.action_confirm()
        self.assertEqual(order.state, "sale")


@tagged("post_install", "-at_install")
class TestQuoteApprovalPortal(ApprovalCommon, HttpCase):
    def test_the_customer_signs_only_an_approved_quote(self):
        today = fields.Date.today()
        repair, order = self._quote(purchase_date=today - timedelta(days=800))
        order.require_payment = False
        order._portal_ensure_token()
        self.assertFalse(order._has_to_be_signed())
        response = self.url_open(
            f"/my/orders/{order.id}/accept",
            data=json.dumps(
                {
                    "params": {
                        "access_token": order.access_token,
                        "name": "Test Customer",
                        "signature": SIGNATURE,
                    }
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200)
        order.invalidate_recordset()
        self.assertNotEqual(order.state, "sale")
        self.assertEqual(repair.quote_state, "draft")
        self._approve(order)
        self.assertTrue(order._has_to_be_signed())
