# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The company's clock rules: working minutes, limits by urgency and zone,
appointments, recorded moments as facts (SPEC §3)."""

from datetime import datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged

from .common import AftersalesSopCommon

MONDAY_10 = "2026-09-28 02:00:00"  # Monday 10:00 in Beijing


@tagged("post_install", "-at_install")
class TestClockRules(AftersalesSopCommon):
    def _dispatch(self, ticket, engineer, at=MONDAY_10):
        with freeze_time(at):
            return self.env["aftersales.dispatch.order"].create(
                {"ticket_id": ticket.id, "engineer_id": engineer.id}
            )

    # -- the dispatch review on the team's calendar ---------------------------------

    def test_a_request_registered_after_hours_is_reviewed_when_the_centre_opens(self):
        with freeze_time("2026-09-28 14:00:00"):  # Monday 22:00 in Beijing
            night = self._create_repair()
        # 30 working minutes from Tuesday 08:00 Beijing
        self.assertEqual(
            self._clock(night, "dispatch_review").deadline,
            datetime(2026, 9, 29, 0, 30),
        )
        self.assertEqual(self._clock(night, "dispatch_review").unit, "working_minutes")
        with freeze_time("2026-09-25 11:00:00"):  # Friday 19:00
            friday = self._create_repair()
        with freeze_time("2026-09-27 12:00:00"):  # Sunday 20:00: not breached
            self.env.ref(
                "aftersales_sop.ir_cron_check_clock_breaches"
            ).method_direct_trigger()
        review = self._clock(friday, "dispatch_review")
        self.assertEqual(review.deadline, datetime(2026, 9, 28, 0, 30))
        self.assertEqual(review.state, "running")

    # -- on-site limits by urgency and zone ----------------------------------------

    def test_on_site_limits_by_urgency_and_zone(self):
        with freeze_time(MONDAY_10):
            urgent_near = self._create_repair()
            normal_near = self._create_repair(urgency="normal")
            normal_far = self._create_repair(urgency="normal")
            important_far = self._create_repair(urgency="important")
        self.assertEqual(urgent_near.urgency, "urgent")
        self._dispatch(urgent_near, self.zhang)
        self._dispatch(normal_near, self.zhang)
        self._dispatch(normal_far, self.chen)
        self._dispatch(important_far, self.chen)
        expected = {
            urgent_near: (datetime(2026, 9, 28, 6, 0), 4, "hours"),  # 14:00
            # 1 working day: Tuesday 10:00 Beijing
            normal_near: (datetime(2026, 9, 29, 2, 0), 1, "working_days"),
            # 2 working days: Wednesday 10:00 Beijing
            normal_far: (datetime(2026, 9, 30, 2, 0), 2, "working_days"),
            # no line for "important": the other-zone line, 24 hours
            important_far: (datetime(2026, 9, 29, 2, 0), 24, "hours"),
        }
        for ticket, (deadline, limit, unit) in expected.items():
            clock = self._clock(ticket, "onsite")
            self.assertEqual(
                (clock.deadline, clock.time_limit, clock.unit),
                (deadline, limit, unit),
                ticket.urgency,
            )

    # -- appointments -------------------------------------------------------------

    def test_the_appointment_is_the_on_site_deadline(self):
        tuesday_9 = datetime(2026, 9, 29, 1, 0)  # Tuesday 09:00 Beijing
        with freeze_time(MONDAY_10):
            ticket = self._create_repair(appointment_date=tuesday_9)
        # agreeing the appointment is telling the customer: the reply clock is met
        self.assertEqual(ticket.schedule_told_date, datetime(2026, 9, 28, 2, 0))
        self.assertEqual(self._clock(ticket, "reply").state, "met")
        order = self._dispatch(ticket, self.zhang)
        self.assertEqual(order.appointment_date, tuesday_9)
        self.assertEqual(order.onsite_deadline, tuesday_9)
        clock = self._clock(ticket, "onsite")
        self.assertTrue(clock.by_appointment)
        # four hours after the dispatch the engineer is not late: he comes tomorrow
        with freeze_time("2026-09-28 10:00:00"):
            self.assertFalse(order.is_late)
            self.env.ref(
                "aftersales_sop.ir_cron_check_clock_breaches"
            ).method_direct_trigger()
            self.assertEqual(clock.state, "running")
            self.assertNotIn(
                order, order.search([("is_late", "=", True), ("id", "=", order.id)])
            )
        # he checks in twenty minutes after the appointment: late, and by how much
        with freeze_time("2026-09-29 01:20:00"):
            order.with_user(self.zhang.user_id).action_check_in()
        self.assertTrue(order.arrived_late)
        self.assertEqual(order.late_minutes, 20)
        self.assertEqual(clock.state, "breached")
        self.assertIn(order, order.search([("is_late", "=", True)]))

    def test_a_later_time_asked_by_the_customer_does_not_make_the_engineer_late(self):
        with freeze_time(MONDAY_10):
            ticket = self._create_repair()
        order = self._dispatch(ticket, self.zhang)
        self.assertEqual(order.onsite_deadline, datetime(2026, 9, 28, 6, 0))
        # the customer cannot receive him today: Wednesday 09:00 is agreed, on
        # the dispatch order, and becomes the request's appointment
        wednesday_9 = datetime(2026, 9, 30, 1, 0)
        with (
            freeze_time("2026-09-28 03:00:00"),
            Form(order.with_user(self.dispatcher)) as form,
        ):
            form.appointment_date = wednesday_9
        self.assertEqual(ticket.appointment_date, wednesday_9)
        self.assertEqual(order.onsite_deadline, wednesday_9)
        with freeze_time("2026-09-30 00:50:00"):
            order.with_user(self.zhang.user_id).action_check_in()
        self.assertFalse(order.arrived_late)
        self.assertEqual(self._clock(ticket, "onsite").state, "met")

    # -- recorded moments are facts ------------------------------------------------

    def test_a_recorded_moment_is_corrected_only_by_a_manager_with_a_reason(self):
        with freeze_time(MONDAY_10):
            ticket = self._create_repair()
        # an hour later: the dispatch review is breached
        self._dispatch(ticket, self.zhang, at="2026-09-28 03:00:00")
        review = self._clock(ticket, "dispatch_review")
        self.assertEqual(review.state, "breached")
        later = datetime(2026, 9, 28, 2, 45)
        # an agent cannot move the moments the clocks count from
        for field_name in (
            "request_date",
            "repair_registered_date",
            "dispatch_review_date",
        ):
            with self.assertRaises(AccessError):
                ticket.with_user(self.agent).write({field_name: later})
        self.assertEqual(ticket.request_date, datetime(2026, 9, 28, 2, 0))
        # a manager needs a reason
        with self.assertRaises(UserError):
            ticket.with_user(self.manager).write({"repair_registered_date": later})
        # with a reason, the moment the review started from changes (tracked)
        # but the breached clock keeps its verdict
        wizard = Form(
            self.env["helpdesk.ticket.moment.correction"]
            .with_user(self.manager)
            .with_context(
                default_ticket_id=ticket.id, tracking_disable=False, mail_notrack=False
            )
        )
        wizard.moment = "dispatch_review_date"
        wizard.new_value = later
        wizard.reason = "Registered late by mistake"
        wizard.save().action_apply()
        self.assertEqual(ticket.dispatch_review_date, later)
        self.assertEqual(review.state, "breached")
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking is posted when the request ends
        note = ticket.message_ids.filtered(
            lambda m: "Registered late by mistake" in (m.body or "")
        )
        self.assertTrue(note)
        tracked = ticket.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "dispatch_review_date"
        )
        self.assertTrue(tracked)
        # asked explicitly, the clocks are judged again and the note says so
        wizard = Form(
            self.env["helpdesk.ticket.moment.correction"]
            .with_user(self.manager)
            .with_context(default_ticket_id=ticket.id)
        )
        wizard.moment = "dispatch_review_date"
        wizard.new_value = datetime(2026, 9, 28, 2, 40)
        wizard.reason = "The call log says 10:40"
        wizard.rejudge = True
        wizard.save().action_apply()
        self.assertEqual(review.state, "met")
        self.assertIn("Clocks judged again", ticket.message_ids[0].body)
        # recording a moment for the first time needs nobody's permission
        ticket.with_user(self.agent).action_record_customer_contacted()
        self.assertTrue(ticket.first_contact_date)

    def test_the_correction_wizard_is_for_managers(self):
        ticket = self._create_repair()
        with self.assertRaises(AccessError):
            ticket.with_user(self.dispatcher).action_correct_moment()
        action = ticket.with_user(self.manager).action_correct_moment()
        self.assertEqual(action["res_model"], "helpdesk.ticket.moment.correction")

    # -- clock definitions ---------------------------------------------------------

    def test_a_clock_domain_cannot_depend_on_the_user(self):
        clock = self.env.ref("aftersales_sop.aftersales_clock_reply")
        with self.assertRaises(ValidationError):
            clock.ticket_domain = "[('user_id', '=', uid)]"
        # the cached definitions are the same whoever reads them first
        Ticket = self.env["helpdesk.ticket"]
        self.env.registry.clear_cache()
        as_agent = Ticket.with_user(self.agent)._aftersales_clock_specs()
        self.assertEqual(
            as_agent, Ticket.with_user(self.manager)._aftersales_clock_specs()
        )
