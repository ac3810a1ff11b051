# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Loaner units (备用机): issued and returned as transfers of the ticket."""

from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged

from .common import WarrantyCommon


class LoanCommon(WarrantyCommon):
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


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestLoan(LoanCommon):
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
        # due 14 days after the repair's completion: not known while it goes on
        self.assertFalse(loan.date_due)
        self.assertTrue(ticket.loaner_out)
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
        loan.action_issue()
        self._validate(loan.issue_picking_id)
        loan.date_due = date(2026, 10, 5)
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


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestLoanAfterTheRepair(LoanCommon):
    """The loaner is due after the repair's completion, and the request stays
    open while it is out (SPEC §4: the loaner must come back)."""

    def _lent(self):
        ticket = self._create_repair(user_id=self.agent.id)
        ticket.with_user(self.agent).action_warranty_confirm()
        loan = self._loan(ticket)
        loan.action_issue()
        self._validate(loan.issue_picking_id)
        return ticket, loan

    def _complete(self, ticket, when):
        order = self.env["aftersales.dispatch.order"].create(
            {"ticket_id": ticket.id, "engineer_id": self.zhang.id}
        )
        with freeze_time(when):
            order.with_user(self.zhang.user_id).action_check_in()
            self._finish_visit(order, self.zhang.user_id)
        self.assertEqual(ticket.repair_state, "done")

    def _return_tasks(self, ticket):
        kind = self.env.ref("aftersales_warranty.mail_act_loan_return")
        return ticket.activity_ids.filtered(lambda a: a.activity_type_id == kind)

    def test_due_after_the_completion_and_back_before_the_close(self):
        ticket, loan = self._lent()
        self.assertFalse(loan.date_due)
        self.assertIn(
            ticket, self.env["helpdesk.ticket"].search([("loaner_out", "=", True)])
        )
        self._complete(ticket, "2026-10-09 03:00:00")  # Friday 11:00 in Beijing
        self.assertEqual(loan.date_due, date(2026, 10, 23))  # 14 days later
        task = self._return_tasks(ticket)
        self.assertEqual(task.user_id, self.agent)
        self.assertEqual(task.date_deadline, date(2026, 10, 23))
        self.assertIn(self.loaner.name, task.summary)
        # the repair is completed, the request stays open for the loaner
        self.assertFalse(ticket.closed)
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        with self.assertRaisesRegex(UserError, "still with the customer"):
            ticket.with_user(self.agent).stage_id = done
        # the unit comes back: the task is done, the request closes
        loan.action_return()
        self._validate(loan.return_picking_id)
        self.assertFalse(ticket.loaner_out)
        self.assertFalse(self._return_tasks(ticket))
        self.assertEqual(ticket.stage_id, done)
        self.assertTrue(ticket.closed)

    def test_the_problem_is_resolved_when_the_repair_is_completed(self):
        """A request kept open for the loaner is resolved at the repair's
        completion: its Resolution clock stops then, not when the loaner is back."""
        with freeze_time("2026-10-01 02:00:00"):
            ticket, loan = self._lent()
        resolution = ticket.clock_ids.filtered(lambda c: c.code == "resolution")
        self.assertEqual(resolution.state, "running")
        self._complete(ticket, "2026-10-09 03:00:00")
        self.assertFalse(ticket.closed)
        self.assertEqual(ticket.resolved_date, ticket.repair_done_date)
        self.assertEqual(resolution.state, "met")
        self.assertEqual(resolution.stop_date, ticket.repair_done_date)
        loan.action_return()
        with freeze_time("2026-12-09 03:00:00"):  # two months later
            self._validate(loan.return_picking_id)
        self.assertTrue(ticket.closed)
        self.assertEqual(resolution.stop_date, ticket.repair_done_date)
        self.assertEqual(resolution.state, "met")

    def test_a_loaner_that_leaves_after_the_completion(self):
        ticket = self._create_repair(user_id=self.agent.id)
        ticket.with_user(self.agent).action_warranty_confirm()
        loan = self._loan(ticket)
        loan.action_issue()  # the transfer waits in the warehouse
        self._complete(ticket, "2026-09-29 02:00:00")
        self.assertTrue(ticket.closed)
        self._validate(loan.issue_picking_id)
        self.assertEqual(loan.date_due, date(2026, 10, 13))
        self.assertTrue(self._return_tasks(ticket))

    def test_a_manager_closes_with_the_loaner_out_and_says_why(self):
        ticket, loan = self._lent()
        self._complete(ticket, "2026-09-29 02:00:00")
        self.assertFalse(ticket.closed)
        with self.assertRaises(AccessError):
            ticket.with_user(self.agent).action_close_with_loaner_out()
        action = ticket.with_user(self.manager).action_close_with_loaner_out()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.manager)
            .with_context(**action["context"])
        )
        wizard.reason = "The customer bought the loaner unit."
        wizard.save().action_apply()
        self.assertIn("bought the loaner unit", ticket.loaner_close_reason)
        self.assertTrue(ticket.closed)
        self.assertTrue(loan.state == "out" and ticket.loaner_out)
        self.assertIn("bought the loaner", ticket.message_ids[0].body)
