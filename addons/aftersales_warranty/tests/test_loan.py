# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Loaner units (备用机): issued and returned as transfers of the ticket."""

from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged

from .common import WarrantyCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestLoan(WarrantyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pool = cls.company._aftersales_location("aftersales_loaner_location_id")
        cls.loaner = cls._lot("AC-T-LOANER")
        cls.loaner.aftersales_is_loaner = True
        cls._stock(cls.product, lot=cls.loaner, location=cls.pool)

    def _ticket(self, purchase_date=date(2026, 3, 1)):
        ticket = self._create_repair(purchase_date=purchase_date)
        ticket.with_user(self.agent).action_warranty_confirm()
        return ticket

    def _loan(self, ticket):
        action = ticket.with_user(self.agent).action_new_loan()
        with Form(
            self.env[action["res_model"]]
            .with_user(self.agent)
            .with_context(**action["context"])
        ) as form:
            form.product_id = self.product
            form.lot_id = self.loaner
        return self.env["aftersales.warranty.loan"].browse(form.record.id)

    def test_a_loaner_goes_out_and_comes_back(self):
        self.assertEqual(self.pool.usage, "internal")
        self.assertEqual(self.company.aftersales_loaner_location_id, self.pool)
        self.assertEqual(self.loaner.aftersales_loaner_state, "available")
        ticket = self._ticket()
        loan = self._loan(ticket)
        self.assertTrue(loan.name.startswith("LN"))
        loan.with_user(self.agent).action_issue()
        issue = loan.issue_picking_id
        self.assertEqual(issue.location_id, self.pool)
        self.assertEqual(issue.location_dest_id, self.customers)
        self.assertEqual(issue.move_line_ids.lot_id, self.loaner)
        self.assertEqual(issue.helpdesk_ticket_id, ticket)
        self.assertEqual(ticket.loan_count, 1)
        with self.assertRaises(UserError):
            loan.with_user(self.agent).action_issue()  # once
        self._validate(issue.with_user(self.warehouse_user))
        self.assertEqual(loan.state, "out")
        self.assertEqual(loan.date_issue, date(2026, 9, 28))
        self.assertEqual(loan.date_due, date(2026, 10, 12))  # 14 days by default
        self.assertEqual(self.loaner.aftersales_loaner_state, "lent")
        self.assertEqual(self.loaner.aftersales_current_loan_id, loan)
        # a loaner is not sold: it gets no registration
        self.assertFalse(
            self.env["aftersales.warranty.registration"].search(
                [("lot_id", "=", self.loaner.id)]
            )
        )
        # nobody else can borrow it while it is out
        other = self._loan(self._ticket())
        with self.assertRaises(UserError):
            other.action_issue()
        loan.with_user(self.agent).action_return()
        back = loan.return_picking_id
        self.assertEqual(back.location_dest_id, self.pool)
        self.assertEqual(back.move_line_ids.lot_id, self.loaner)
        self._validate(back)
        self.assertEqual(loan.state, "returned")
        self.assertEqual(loan.date_returned, date(2026, 9, 28))
        self.assertEqual(self.loaner.aftersales_loaner_state, "available")

    def test_only_during_an_in_warranty_repair(self):
        loan = self._loan(self._ticket(purchase_date=date(2025, 1, 5)))
        with self.assertRaises(UserError) as error:
            loan.action_issue()
        self.assertIn("in-warranty repair", str(error.exception))
        with self.assertRaises(UserError):
            self._create_repair().with_user(self.agent).action_new_loan()

    def test_overdue_loans_are_listed_and_reminded(self):
        loan = self._loan(self._ticket())
        loan.date_due = date(2026, 10, 5)
        loan.action_issue()
        self._validate(loan.issue_picking_id)
        self.assertEqual(loan.date_due, date(2026, 10, 5))
        loans = self.env["aftersales.warranty.loan"]
        self.assertFalse(loan.is_overdue)
        self.assertNotIn(loan, loans.search([("is_overdue", "=", True)]))
        cron = self.env.ref("aftersales_warranty.ir_cron_remind_overdue_loans")
        with freeze_time("2026-10-08 02:00:00"):
            loan.invalidate_recordset(["is_overdue", "days_overdue"])
            self.assertTrue(loan.is_overdue)
            self.assertEqual(loan.days_overdue, 3)
            self.assertIn(loan, loans.search([("is_overdue", "=", True)]))
            self.assertNotIn(loan, loans.search([("is_overdue", "!=", True)]))
            cron.method_direct_trigger()
            cron.method_direct_trigger()
            overdue = self.env.ref("aftersales_warranty.mail_act_loan_overdue")
            reminders = loan.activity_ids.filtered(
                lambda a: a.activity_type_id == overdue
            )
            self.assertEqual(len(reminders), 1)
            self.assertEqual(reminders.user_id, self.agent)
        loan.action_return()
        self._validate(loan.return_picking_id)
        self.assertFalse(loan.activity_ids)

    def test_bad_dates_and_cancelling(self):
        loan = self._loan(self._ticket())
        loan.action_issue()
        self._validate(loan.issue_picking_id)
        with self.assertRaises(ValidationError):
            loan.date_due = date(2026, 9, 1)
        with self.assertRaises(UserError):
            loan.action_cancel()  # out: it must come back
        draft = self._loan(self._ticket())
        draft.action_cancel()
        self.assertEqual(draft.state, "cancel")
