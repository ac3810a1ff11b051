# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Service clocks (SPEC §3) on a calendar with a weekend and a public holiday."""

from datetime import datetime

from odoo.tests import freeze_time, tagged

from .common import AftersalesSopCommon


@tagged("post_install", "-at_install")
class TestClocks(AftersalesSopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.waiting = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_awaiting")
        cls.in_progress = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        cls.breach_type = cls.env.ref("aftersales_sop.mail_act_clock_breach")

    def _breach_activities(self, ticket):
        return ticket.activity_ids.filtered(
            lambda a: a.activity_type_id == self.breach_type
        )

    @freeze_time("2026-09-25 07:00:00")  # Friday 15:00 in Beijing
    def test_working_day_clock_skips_the_weekend(self):
        ticket = self._create_repair()
        first_contact = self._clock(ticket, "first_contact")
        # 1 working day = 8 working hours: Friday 15-17 (2 h), Monday 8-12 and
        # 13-15 (6 h) -> Monday 15:00 Beijing = 07:00 UTC
        self.assertEqual(first_contact.deadline, datetime(2026, 9, 28, 7, 0))
        self.assertEqual(first_contact.state, "running")
        # elapsed clocks ignore the calendar
        self.assertEqual(
            self._clock(ticket, "reply").deadline, datetime(2026, 9, 26, 7, 0)
        )
        self.assertEqual(
            self._clock(ticket, "dispatch_review").deadline,
            datetime(2026, 9, 25, 7, 30),
        )

    @freeze_time("2026-09-30 07:00:00")  # Wednesday 15:00, the day before the holiday
    def test_working_day_clock_skips_the_public_holiday(self):
        ticket = self._create_repair()
        # Wednesday 15-17 (2 h), Thursday 1 October is a holiday, Friday 8-12
        # and 13-15 (6 h) -> Friday 2 October 15:00 Beijing
        self.assertEqual(
            self._clock(ticket, "first_contact").deadline, datetime(2026, 10, 2, 7, 0)
        )

    def test_met_and_breached(self):
        with freeze_time("2026-09-28 02:00:00"):
            ticket = self._create_repair()
        review = self._clock(ticket, "dispatch_review")
        with freeze_time("2026-09-28 02:20:00"):
            ticket.action_record_customer_contacted()
            first_contact = self._clock(ticket, "first_contact")
            self.assertEqual(first_contact.state, "met")
            self.assertEqual(first_contact.stop_date, datetime(2026, 9, 28, 2, 20))
            self.assertIn("early", first_contact.time_left_display)
            self.assertFalse(ticket.clock_breached)
        with freeze_time("2026-09-28 02:45:00"):
            # the engineer is assigned 15 minutes after the 30-minute limit
            ticket.dispatch_date = datetime(2026, 9, 28, 2, 45)
            self.assertEqual(review.state, "breached")
            self.assertEqual(review.stop_date, datetime(2026, 9, 28, 2, 45))
            self.assertIn("overdue by 15 min", review.time_left_display)
            self.assertTrue(review.is_overdue)
            self.assertTrue(ticket.clock_breached)
        activity = self._breach_activities(ticket)
        self.assertEqual(activity.user_id, self.dispatcher)
        self.assertIn("Dispatch Review", activity.summary)

    def test_scheduled_action_catches_breaches(self):
        with freeze_time("2026-09-28 02:00:00"):
            ticket = self._create_repair()
        review = self._clock(ticket, "dispatch_review")
        self.assertEqual(review.state, "running")
        Ticket = self.env["helpdesk.ticket"]
        with freeze_time("2026-09-28 02:31:00"):
            # nobody touched the ticket: the stored state is still running, but
            # the clock is already seen as overdue
            self.assertEqual(review.state, "running")
            self.assertTrue(review.is_overdue)
            Clock = self.env["aftersales.clock.run"]
            self.assertIn(review, Clock.search([("is_overdue", "=", True)]))
            self.env.ref(
                "aftersales_sop.ir_cron_check_clock_breaches"
            ).method_direct_trigger()
        self.assertEqual(review.state, "breached")
        self.assertTrue(ticket.clock_breached)
        breached = Ticket.search(
            [("clock_breached", "=", True), ("team_id", "=", self.team.id)]
        )
        self.assertEqual(breached, ticket)
        self.assertEqual(len(self._breach_activities(ticket)), 1)
        # the breach is told once
        with freeze_time("2026-09-28 03:00:00"):
            self.env.ref(
                "aftersales_sop.ir_cron_check_clock_breaches"
            ).method_direct_trigger()
            ticket.name = "touched again"
            ticket.dispatch_date = datetime(2026, 9, 28, 3, 0)
        self.assertEqual(len(self._breach_activities(ticket)), 1)
        self.assertEqual(review.state, "breached")

    def test_breach_without_responsible_posts_a_message(self):
        self.team.write({"dispatcher_id": False, "user_id": False})
        with freeze_time("2026-09-28 02:00:00"):
            ticket = self._create_repair(user_id=False)
        with freeze_time("2026-09-28 03:00:00"):
            self.env.ref(
                "aftersales_sop.ir_cron_check_clock_breaches"
            ).method_direct_trigger()
        self.assertFalse(self._breach_activities(ticket))
        self.assertTrue(
            ticket.message_ids.filtered(
                lambda m: "Service clock breached" in (m.subject or "")
            )
        )

    def test_no_clock_pauses_unless_the_company_opts_in(self):
        with freeze_time("2026-09-28 02:00:00"):  # Monday 10:00 Beijing
            ticket = self._create_repair()
        first_contact = self._clock(ticket, "first_contact")
        with freeze_time("2026-09-28 03:00:00"):
            ticket.stage_id = self.waiting
        self.assertEqual(first_contact.state, "running")
        self.assertFalse(first_contact.paused_since)
        self.assertFalse(self.waiting.aftersales_pause_clocks)
        self.assertFalse(
            self.env["aftersales.clock"].search([("pause_when_waiting", "=", True)])
        )

    def test_waiting_for_the_customer_pauses_the_clock(self):
        # pausing is an option: on the waiting stage and on the clock
        self.waiting.aftersales_pause_clocks = True
        self.env.ref(
            "aftersales_sop.aftersales_clock_first_contact"
        ).pause_when_waiting = True
        with freeze_time("2026-09-28 02:00:00"):  # Monday 10:00 Beijing
            ticket = self._create_repair()
        first_contact = self._clock(ticket, "first_contact")
        # Monday 10:00 + 8 working hours = Tuesday 10:00 Beijing
        self.assertEqual(first_contact.deadline, datetime(2026, 9, 29, 2, 0))
        review = self._clock(ticket, "dispatch_review")  # does not pause
        with freeze_time("2026-09-28 03:00:00"):  # Monday 11:00: waiting
            ticket.stage_id = self.waiting
            self.assertEqual(first_contact.state, "paused")
            self.assertEqual(first_contact.paused_since, datetime(2026, 9, 28, 3, 0))
            self.assertEqual(review.state, "breached")  # 30 minutes are gone
        with freeze_time(
            "2026-09-29 05:00:00"
        ):  # Tuesday 13:00: still paused, not breached
            self.env.ref(
                "aftersales_sop.ir_cron_check_clock_breaches"
            ).method_direct_trigger()
            self.assertEqual(first_contact.state, "paused")
            self.assertIn("paused", first_contact.time_left_display)
        with freeze_time("2026-09-30 01:00:00"):  # Wednesday 09:00: back to work
            ticket.stage_id = self.in_progress
            # 7 working hours were left (Monday 11-12, 13-17, Tuesday 8-10):
            # Wednesday 09:00 + 7 h = Wednesday 17:00 Beijing = 09:00 UTC
            self.assertEqual(first_contact.state, "running")
            self.assertFalse(first_contact.paused_since)
            self.assertEqual(first_contact.deadline, datetime(2026, 9, 30, 9, 0))

    def test_onsite_limit_depends_on_the_engineer_zone(self):
        with freeze_time("2026-09-28 02:00:00"):
            near = self._create_repair()
            far = self._create_repair()
            orders = self.env["aftersales.dispatch.order"]
            near_order = orders.create(
                {"ticket_id": near.id, "engineer_id": self.zhang.id}
            )
            far_order = orders.create(
                {"ticket_id": far.id, "engineer_id": self.chen.id}
            )
        self.assertEqual(
            self._clock(near, "onsite").deadline, datetime(2026, 9, 28, 6, 0)
        )
        self.assertEqual(
            self._clock(far, "onsite").deadline, datetime(2026, 9, 29, 2, 0)
        )
        self.assertEqual(near_order.onsite_deadline, datetime(2026, 9, 28, 6, 0))
        self.assertEqual(far_order.onsite_deadline, datetime(2026, 9, 29, 2, 0))
        self.assertTrue(near_order.same_zone)
        self.assertFalse(far_order.same_zone)
        with freeze_time("2026-09-28 05:00:00"):
            near_order.with_user(self.zhang.user_id).action_check_in()
        self.assertEqual(self._clock(near, "onsite").state, "met")
        self.assertEqual(near.repair_state, "on_site")
        with freeze_time("2026-09-29 03:00:00"):
            self.assertTrue(far_order.is_late)
            self.assertIn(far_order, orders.search([("is_late", "=", True)]))
            self.assertNotIn(near_order, orders.search([("is_late", "=", True)]))

    def test_clock_that_stops_applying_is_removed(self):
        with freeze_time("2026-09-28 02:00:00"):
            ticket = self._create_repair()
            self.assertTrue(self._clock(ticket, "reply"))
            ticket.inquiry_class = "a"
        self.assertFalse(self._clock(ticket, "reply"))
        self.assertFalse(self._clock(ticket, "dispatch_review"))

    def test_clock_definition_changes_apply_to_new_tickets(self):
        clock = self.env.ref("aftersales_sop.aftersales_clock_dispatch_review")
        clock.write(
            {"time_limit": 2, "unit": "working_hours", "calendar_source": "team"}
        )
        with freeze_time("2026-09-25 08:30:00"):  # Friday 16:30 Beijing
            ticket = self._create_repair()
        # Friday 16:30-17:00, Monday 08:00-09:30
        self.assertEqual(
            self._clock(ticket, "dispatch_review").deadline,
            datetime(2026, 9, 28, 1, 30),
        )
        clock.active = False
        with freeze_time("2026-09-25 08:30:00"):
            other = self._create_repair()
        self.assertFalse(self._clock(other, "dispatch_review"))

    def test_closing_the_ticket_stops_the_resolution_clock(self):
        with freeze_time("2026-09-28 02:00:00"):
            ticket = self._create_repair()
        resolution = self._clock(ticket, "resolution")
        self.assertEqual(resolution.deadline, datetime(2026, 10, 28, 2, 0))
        with freeze_time("2026-10-05 02:00:00"):
            ticket.stage_id = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        self.assertEqual(resolution.state, "met")
        self.assertEqual(resolution.stop_date, datetime(2026, 10, 5, 2, 0))
