# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The appointment agreed with the customer (SPEC §3, §12): the dispatcher
proposes it (the customer with a portal account is e-mailed), the customer
confirms it or moves it to another offered slot up to the company's hours
before it, every change is in the request's chatter, and the on-site clock of
the dispatch order in progress is judged against the agreed appointment."""

from datetime import datetime

from odoo.exceptions import UserError
from odoo.tests import Form, freeze_time, tagged

from .portal_common import (
    FRIDAY_AFTERNOON,
    FRIDAY_EVENING,
    MONDAY_10,
    PROPOSED,
    WEDNESDAY_MORNING,
    PortalCommon,
)


@tagged("post_install", "-at_install")
@freeze_time(MONDAY_10)
class TestAppointment(PortalCommon):
    @classmethod
    def default_env_context(cls):
        # the chatter is what these tests read: keep tracking and messages
        return {}

    def _end_transaction(self, ticket):
        """Write the tracking of what was changed, as a commit does."""
        self.env.flush_all()
        self.env.cr.precommit.run()
        ticket.invalidate_recordset(["message_ids"])

    def _messages(self, ticket):
        return ticket.message_ids.sorted("id")

    def _slot(self, ticket, bounds):
        return ticket.slot_ids.filtered(lambda s: s.date_start == bounds[0])

    def test_the_dispatcher_proposes_and_the_customer_is_told(self):
        ticket = self._online_repair(slots=(WEDNESDAY_MORNING, FRIDAY_AFTERNOON))
        before = self._messages(ticket)
        order = self._dispatch(ticket)
        self.assertEqual(ticket.appointment_state, "proposed")
        self.assertEqual(ticket.schedule_told_date, datetime(2026, 9, 28, 2, 0))
        self.assertEqual(order.appointment_date, PROPOSED)
        # the customer can answer online until Tuesday 10:00 in Shanghai
        self.assertEqual(ticket.appointment_answer_deadline, datetime(2026, 9, 29, 2))
        mail = (self._messages(ticket) - before).filtered(
            lambda m: self.customer in m.partner_ids
        )
        self.assertEqual(len(mail), 1)
        self.assertIn("2026-09-30 10:00", mail.body)
        self.assertIn(ticket.number, mail.subject)
        # the slot of the proposal is marked, the other one offered
        self.assertTrue(self._slot(ticket, WEDNESDAY_MORNING).is_appointment)
        self.assertEqual(
            ticket.slot_ids._aftersales_choosable(),
            self._slot(ticket, FRIDAY_AFTERNOON),
        )

    def test_a_customer_without_portal_account_is_told_by_phone(self):
        ticket = self._online_repair(
            partner=self.env["res.partner"].create(
                {
                    "name": "Phone Only",
                    "phone": "+86 137 0000 0009",
                    "email": "p@example.com",
                }
            )
        )
        before = self._messages(ticket)
        self._dispatch(ticket)
        self.assertEqual(ticket.appointment_state, "proposed")
        self.assertFalse(
            (self._messages(ticket) - before).filtered(lambda m: m.partner_ids)
        )

    def test_the_customer_confirms(self):
        ticket = self._online_repair()
        self._dispatch(ticket)
        before = self._messages(ticket)
        with freeze_time("2026-09-29 01:59:00"):  # a minute before the limit
            self.assertTrue(ticket._aftersales_customer_confirm())
        self.assertEqual(ticket.appointment_state, "confirmed")
        self.assertEqual(ticket.appointment_answer_date, datetime(2026, 9, 29, 1, 59))
        note = self._messages(ticket) - before
        self.assertEqual(note.author_id, self.customer)
        self.assertIn("confirmed the appointment of 2026-09-30 10:00", note.body)
        # confirming again changes nothing
        self.assertFalse(ticket._aftersales_customer_confirm())

    def test_too_late_to_answer_online(self):
        ticket = self._online_repair(slots=(WEDNESDAY_MORNING, FRIDAY_AFTERNOON))
        self._dispatch(ticket)
        with freeze_time("2026-09-29 02:00:01"):  # less than 24 hours before
            self.assertFalse(ticket._aftersales_may_answer())
            with self.assertRaisesRegex(UserError, "less than 24 hours away"):
                ticket._aftersales_customer_confirm()
            with self.assertRaisesRegex(UserError, "less than 24 hours away"):
                ticket._aftersales_customer_choose_slot(
                    self._slot(ticket, FRIDAY_AFTERNOON)
                )
        self.assertEqual(ticket.appointment_state, "proposed")
        self.assertEqual(ticket.appointment_date, PROPOSED)
        # the company allows answers up to 12 hours before
        self.company.aftersales_appointment_answer_hours = 12
        with freeze_time("2026-09-29 02:00:01"):
            ticket._aftersales_customer_confirm()
        self.assertEqual(ticket.appointment_state, "confirmed")

    def test_only_an_offered_slot_far_enough_ahead(self):
        ticket = self._online_repair(
            slots=(WEDNESDAY_MORNING, FRIDAY_AFTERNOON, FRIDAY_EVENING)
        )
        self._dispatch(ticket)
        afternoon = self._slot(ticket, FRIDAY_AFTERNOON)
        evening = self._slot(ticket, FRIDAY_EVENING)
        # the dispatcher can no longer send anyone on Friday evening
        evening.offered = False
        with self.assertRaisesRegex(UserError, "can no longer be chosen"):
            ticket._aftersales_customer_choose_slot(evening)
        # the slot of the appointment itself is no move
        with self.assertRaisesRegex(UserError, "can no longer be chosen"):
            ticket._aftersales_customer_choose_slot(
                self._slot(ticket, WEDNESDAY_MORNING)
            )
        # a slot less than 24 hours ahead cannot become the appointment
        with freeze_time("2026-10-01 06:00:00"):
            self.assertNotIn(afternoon, ticket.slot_ids._aftersales_choosable())
        self.assertEqual(ticket.appointment_date, PROPOSED)
        # another request's slot is not this one's
        other = self._online_repair()
        with self.assertRaisesRegex(UserError, "can no longer be chosen"):
            ticket._aftersales_customer_choose_slot(other.slot_ids[0])

    def test_the_on_site_clock_follows_the_agreed_appointment(self):
        """The customer moves Wednesday 10:00 to Friday afternoon while the
        order's on-site clock runs: the clock's deadline moves with it, and the
        engineer who comes on Thursday is on time; without the move the same
        arrival is late."""
        ticket = self._online_repair(slots=(WEDNESDAY_MORNING, FRIDAY_AFTERNOON))
        order = self._dispatch(ticket)
        clock = order.clock_ids.filtered(lambda c: c.code == "onsite")
        self.assertEqual((clock.deadline, clock.state), (PROPOSED, "running"))
        visit = order.current_visit_id
        # what the transaction of the dispatch wrote is in the chatter (Odoo
        # tracks a record created in the same transaction no further)
        self._end_transaction(ticket)
        before = self._messages(ticket)
        ticket._aftersales_customer_choose_slot(self._slot(ticket, FRIDAY_AFTERNOON))
        friday = FRIDAY_AFTERNOON[0]
        self.assertEqual(ticket.appointment_date, friday)
        self.assertEqual(ticket.appointment_state, "confirmed")
        self.assertEqual(order.appointment_date, friday)
        self.assertEqual(visit.planned_date, friday)
        self.assertEqual(
            (clock.deadline, clock.by_appointment, clock.state),
            (friday, True, "running"),
        )
        # the chatter tells the move: the tracked appointment and the
        # customer's own words
        self._end_transaction(ticket)
        new = self._messages(ticket) - before
        tracked = self.env["mail.tracking.value"].search(
            [("mail_message_id", "in", new.ids)]
        )
        self.assertIn("appointment_date", tracked.field_id.mapped("name"))
        note = new.filtered(lambda m: m.author_id == self.customer)
        self.assertIn("from 2026-09-30 10:00 to 2026-10-02 13:00", note.body)
        # Thursday 10:00: after the old appointment, before the agreed one
        with freeze_time("2026-10-01 02:00:00"):
            order.with_user(self.zhang.user_id).action_check_in()
        self.assertEqual(clock.state, "met")
        self.assertFalse(order.arrived_late)
        # the same arrival against the appointment that was not moved
        kept = self._online_repair()
        kept_order = self._dispatch(kept)
        with freeze_time("2026-10-01 02:00:00"):
            kept_order.with_user(self.zhang.user_id).action_check_in()
        self.assertTrue(kept_order.arrived_late)

    def test_a_second_dispatch_order_takes_the_move_alone(self):
        """The first order was cancelled: its clock keeps its appointment and
        no verdict; the order in progress follows the customer's move."""
        ticket = self._online_repair(slots=(WEDNESDAY_MORNING, FRIDAY_AFTERNOON))
        first = self._dispatch(ticket)
        first.action_cancel()
        second = self._dispatch(ticket, engineer=self.liu)
        ticket._aftersales_customer_choose_slot(self._slot(ticket, FRIDAY_AFTERNOON))
        runs = ticket.clock_ids.filtered(lambda c: c.code == "onsite")
        first_run = runs.filtered(lambda c: c.dispatch_order_id == first)
        second_run = runs.filtered(lambda c: c.dispatch_order_id == second)
        self.assertEqual(first.appointment_date, PROPOSED)
        self.assertEqual((first_run.deadline, first_run.state), (PROPOSED, "cancelled"))
        self.assertEqual(second.appointment_date, FRIDAY_AFTERNOON[0])
        self.assertEqual(
            (second_run.deadline, second_run.state), (FRIDAY_AFTERNOON[0], "running")
        )

    def test_a_new_proposal_after_the_customer_agreed(self):
        ticket = self._online_repair()
        order = self._dispatch(ticket)
        ticket._aftersales_customer_confirm()
        # the dispatcher moves it on the order: proposed again
        order.with_user(self.dispatcher).appointment_date = datetime(2026, 10, 2, 6)
        self.assertEqual(ticket.appointment_date, datetime(2026, 10, 2, 6))
        self.assertEqual(ticket.appointment_state, "proposed")
        self.assertFalse(ticket.appointment_answer_date)

    def test_the_dispatch_wizard_shows_the_customers_slots(self):
        ticket = self._online_repair(slots=(WEDNESDAY_MORNING, FRIDAY_AFTERNOON))
        form = Form(
            self.env["helpdesk.ticket.dispatch"]
            .with_user(self.dispatcher)
            .with_context(default_ticket_id=ticket.id)
        )
        self.assertEqual(len(form.slot_ids), 2)
        form.slot_id = self._slot(ticket, FRIDAY_AFTERNOON)
        self.assertEqual(form.appointment_date, FRIDAY_AFTERNOON[0])
        action = form.save().action_confirm()
        order = self.env["aftersales.dispatch.order"].browse(action["res_id"])
        self.assertEqual(order.appointment_date, FRIDAY_AFTERNOON[0])
        self.assertEqual(ticket.appointment_state, "proposed")

    def test_the_status_in_plain_words(self):
        ticket = self._online_repair()
        self._decide_warranty(ticket)
        self.assertEqual(ticket.portal_status, "received")
        order = self._dispatch(ticket)
        self.assertEqual(ticket.portal_status, "assigned")
        self.assertEqual(ticket._aftersales_portal_progress()["engineer"], "Zhang")
        visit = order.current_visit_id
        self.env["aftersales.visit.call"].with_user(self.zhang.user_id).create(
            {"visit_id": visit.id, "eta_date": datetime(2026, 9, 30, 1, 45)}
        )
        ticket.invalidate_recordset(["portal_status"])
        progress = ticket._aftersales_portal_progress()
        self.assertEqual(progress["status"], "on_the_way")
        self.assertEqual(progress["eta"], "2026-09-30 09:45")  # Shanghai time
        order.with_user(self.zhang.user_id).action_check_in()
        ticket.invalidate_recordset(["portal_status"])
        self.assertEqual(ticket.portal_status, "on_site")
        self.assertEqual(
            [state for _code, _label, state in ticket._aftersales_portal_steps()],
            ["done", "done", "done", "current", "todo"],
        )
        self._finish_visit(order)
        ticket.invalidate_recordset(["portal_status"])
        self.assertEqual(ticket.portal_status, "done")
        # a question (class A) has no repair status
        question = self._create_repair(inquiry_class="a")
        self.assertFalse(question.portal_status)
