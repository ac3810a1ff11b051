# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every dispatch is judged on its own (SPEC §3): the on-site clock of each
dispatch order, the cancelled order, the request dispatched again, the
reopened repair."""

from datetime import datetime

from odoo.tests import Form, freeze_time, tagged

from .common import AftersalesSopCommon

MONDAY_10 = "2026-09-28 02:00:00"  # Monday 10:00 in Beijing
#: the first order's on-site limit: 4 hours from its dispatch, Monday 14:00
FIRST_DEADLINE = datetime(2026, 9, 28, 6, 0)
#: the second order's appointment: Wednesday 12:00 in Beijing
APPOINTMENT = datetime(2026, 9, 30, 4, 0)


@tagged("post_install", "-at_install")
class TestDispatchRounds(AftersalesSopCommon):
    def _dispatch(self, ticket, engineer, at, appointment=None):
        """The dispatcher confirms ``engineer`` in the dispatch wizard."""
        with freeze_time(at):
            form = Form(
                self.env["helpdesk.ticket.dispatch"]
                .with_user(self.dispatcher)
                .with_context(default_ticket_id=ticket.id)
            )
            form.engineer_id = engineer
            if appointment:
                form.appointment_date = appointment
            action = form.save().action_confirm()
        return self.env["aftersales.dispatch.order"].browse(action["res_id"])

    def _check_in(self, order, at):
        with freeze_time(at):
            order.with_user(order.engineer_user_id).action_check_in()

    def _cancel(self, order, at):
        with freeze_time(at):
            order.with_user(self.dispatcher).action_cancel()

    def _runs(self, ticket, code):
        return ticket.clock_ids.filtered(lambda c: c.code == code).sorted("id")

    def test_a_second_dispatch_is_judged_against_its_own_appointment(self):
        """The reported case: the first engineer checked in, his order was
        cancelled, and the new engineer, dispatched with an appointment,
        checked in 30 minutes before it."""
        with freeze_time(MONDAY_10):
            ticket = self._create_repair()
        first = self._dispatch(ticket, self.zhang, MONDAY_10)
        self.assertEqual(first.onsite_deadline, FIRST_DEADLINE)
        self._check_in(first, "2026-09-28 03:00:00")
        self.assertEqual(self._runs(ticket, "onsite").state, "met")
        # the job goes to Liu: Zhang's order is cancelled after he checked in
        self._cancel(first, "2026-09-28 04:30:00")
        self.assertEqual(ticket.repair_state, "registered")
        second = self._dispatch(
            ticket, self.liu, "2026-09-28 05:10:00", appointment=APPOINTMENT
        )
        # Wednesday 11:30 Beijing: 2,730 minutes after the first order's
        # deadline, 30 minutes before his own appointment
        self._check_in(second, "2026-09-30 03:30:00")
        self.assertEqual(
            (second.arrived_late, second.late_minutes, second.onsite_deadline),
            (False, 0, APPOINTMENT),
        )
        self.assertFalse(second.is_late)
        onsite = self._runs(ticket, "onsite")
        self.assertEqual(onsite.dispatch_order_id, first | second)
        new_run = second.clock_ids.filtered(lambda c: c.code == "onsite")
        self.assertEqual(
            (new_run.start_date, new_run.deadline, new_run.by_appointment),
            (datetime(2026, 9, 28, 5, 10), APPOINTMENT, True),
        )
        self.assertEqual(new_run.state, "met")
        # the first verdict stays as it was recorded
        old_run = first.clock_ids.filtered(lambda c: c.code == "onsite")
        self.assertEqual(
            (old_run.state, old_run.deadline, old_run.stop_date),
            ("met", FIRST_DEADLINE, datetime(2026, 9, 28, 3, 0)),
        )

    def test_a_cancelled_order_ends_its_clock_without_a_verdict(self):
        with freeze_time(MONDAY_10):
            ticket = self._create_repair()
        first = self._dispatch(ticket, self.zhang, MONDAY_10)
        # cancelled in time, before Zhang arrived: no verdict, counted for
        # nobody; the request goes back to the dispatcher
        self._cancel(first, "2026-09-28 03:00:00")
        run = first.clock_ids.filtered(lambda c: c.code == "onsite")
        self.assertEqual(run.state, "cancelled")
        self.assertEqual(run.stop_date, datetime(2026, 9, 28, 3, 0))
        self.assertEqual(first.cancel_date, datetime(2026, 9, 28, 3, 0))
        self.assertIn("cancelled", run.time_left_display)
        self.assertFalse(run.is_overdue)
        self.assertFalse(first.is_late or first.arrived_late)
        # hours later, neither the cron nor anything else judges it
        with freeze_time("2026-09-29 03:00:00"):
            self.env.ref(
                "aftersales_sop.ir_cron_check_clock_breaches"
            ).method_direct_trigger()
            self.assertFalse(first.is_late)
        self.assertEqual(run.state, "cancelled")
        # dispatched again without an appointment: 4 hours from this dispatch
        second = self._dispatch(ticket, self.liu, "2026-09-29 03:00:00")
        self.assertEqual(second.onsite_deadline, datetime(2026, 9, 29, 7, 0))
        self.assertEqual(first.onsite_deadline, FIRST_DEADLINE)
        with freeze_time("2026-09-29 08:00:00"):
            self.assertTrue(second.is_late)
            self.assertEqual(
                second.search([("is_late", "=", True), ("ticket_id", "=", ticket.id)]),
                second,
            )

    def test_an_order_cancelled_after_its_deadline_keeps_the_breach(self):
        with freeze_time(MONDAY_10):
            ticket = self._create_repair()
        order = self._dispatch(ticket, self.zhang, MONDAY_10)
        # nobody arrived by 14:00; the order is cancelled at 15:00
        self._cancel(order, "2026-09-28 07:00:00")
        run = order.clock_ids.filtered(lambda c: c.code == "onsite")
        self.assertEqual(run.state, "breached")
        self.assertEqual(run.stop_date, datetime(2026, 9, 28, 7, 0))

    def test_the_request_sent_back_gets_a_new_dispatch_review(self):
        with freeze_time(MONDAY_10):
            ticket = self._create_repair()
        first = self._dispatch(ticket, self.zhang, "2026-09-28 02:10:00")
        self._cancel(first, "2026-09-28 03:00:00")
        reviews = self._runs(ticket, "dispatch_review")
        self.assertEqual(len(reviews), 2)
        # the first review met, tied to the order it ended with
        self.assertEqual(
            (reviews[0].state, reviews[0].dispatch_order_id), ("met", first)
        )
        # a new review from the cancellation, 30 working minutes
        self.assertEqual(
            (reviews[1].state, reviews[1].start_date, reviews[1].deadline),
            ("running", datetime(2026, 9, 28, 3, 0), datetime(2026, 9, 28, 3, 30)),
        )
        self.assertEqual(ticket.dispatch_review_date, datetime(2026, 9, 28, 3, 0))
        review_type = self.env.ref("aftersales_sop.mail_act_dispatch_review")
        self.assertTrue(
            ticket.activity_ids.filtered(lambda a: a.activity_type_id == review_type)
        )
        # dispatched again an hour later: this review is breached, the first
        # one keeps its verdict
        second = self._dispatch(ticket, self.liu, "2026-09-28 04:00:00")
        self.assertEqual(reviews[1].state, "breached")
        self.assertEqual(reviews[0].state, "met")
        self.assertEqual(second.onsite_deadline, datetime(2026, 9, 28, 8, 0))

    def test_a_corrected_check_in_is_the_order_s_and_re_judged_only_on_request(self):
        with freeze_time(MONDAY_10):
            ticket = self._create_repair()
        order = self._dispatch(ticket, self.zhang, MONDAY_10)
        self._check_in(order, "2026-09-28 06:20:00")  # 20 minutes late
        run = order.clock_ids.filtered(lambda c: c.code == "onsite")
        self.assertEqual((run.state, order.late_minutes), ("breached", 20))

        def correct(when, rejudge):
            wizard = Form(
                self.env["helpdesk.ticket.moment.correction"]
                .with_user(self.manager)
                .with_context(default_ticket_id=ticket.id)
            )
            wizard.moment = "onsite_date"
            wizard.new_value = when
            wizard.reason = "He checked in late on his phone: he was there at 13:50"
            wizard.rejudge = rejudge
            wizard.save().action_apply()

        # the correction moves the order's check-in; the verdict stays
        correct(datetime(2026, 9, 28, 5, 50), rejudge=False)
        self.assertEqual(order.checkin_date, datetime(2026, 9, 28, 5, 50))
        self.assertEqual((run.state, order.arrived_late), ("breached", True))
        self.assertEqual(order.late_minutes, 20)
        # judged again on the manager's request: in time
        correct(datetime(2026, 9, 28, 5, 55), rejudge=True)
        self.assertEqual(order.checkin_date, datetime(2026, 9, 28, 5, 55))
        self.assertEqual(run.state, "met")
        self.assertEqual((order.arrived_late, order.late_minutes), (False, 0))

    def _complete(self, ticket, engineer, at, done_at):
        order = self._dispatch(ticket, engineer, at)
        self._check_in(order, at)
        with freeze_time(done_at):
            self._finish_visit(order)
        self.assertEqual(ticket.repair_state, "done")
        return order

    def _check_reopened(self, ticket, first, reopened_at):
        """A new review runs from the reopening; the next dispatch has its own
        on-site clock, against its own appointment."""
        self.assertEqual(ticket.repair_state, "registered")
        self.assertFalse(ticket.dispatch_order_id)
        self.assertFalse(ticket.dispatch_date)
        reviews = self._runs(ticket, "dispatch_review")
        self.assertEqual(reviews.mapped("state"), ["met", "running"])
        self.assertEqual(reviews[0].dispatch_order_id, first)
        self.assertEqual(reviews[1].start_date, reopened_at)
        second = self._dispatch(
            ticket, self.chen, "2026-09-29 03:00:00", appointment=APPOINTMENT
        )
        self.assertEqual(reviews[1].state, "breached")  # 90 minutes later
        self._check_in(second, "2026-09-30 03:30:00")
        run = second.clock_ids.filtered(lambda c: c.code == "onsite")
        self.assertEqual((run.deadline, run.state), (APPOINTMENT, "met"))
        self.assertFalse(second.arrived_late)
        first_run = first.clock_ids.filtered(lambda c: c.code == "onsite")
        self.assertEqual(first_run.state, "met")
        self.assertEqual(len(self._runs(ticket, "onsite")), 2)

    def test_a_reopened_repair_runs_a_new_review_and_on_site_clock(self):
        with freeze_time(MONDAY_10):
            ticket = self._create_repair()
        first = self._complete(
            ticket, self.zhang, "2026-09-28 02:10:00", "2026-09-28 04:00:00"
        )
        # the customer calls back: the dispatcher moves the request to the
        # stage of reopened requests
        reopen_stage = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        reopen_stage.aftersales_reopen = True
        with freeze_time("2026-09-29 01:30:00"):
            ticket.with_user(self.dispatcher).stage_id = reopen_stage
        self._check_reopened(ticket, first, datetime(2026, 9, 29, 1, 30))

    def test_a_follow_up_that_finds_the_problem_persists_reopens_the_repair(self):
        # no stage is ticked for reopened requests: the request goes to the
        # team's first open stage, and the call itself reopens the repair
        self.env["helpdesk.ticket.stage"].search([]).aftersales_reopen = False
        with freeze_time(MONDAY_10):
            ticket = self._create_repair()
        first = self._complete(
            ticket, self.zhang, "2026-09-28 02:10:00", "2026-09-28 04:00:00"
        )
        followup = ticket.followup_ids.filtered(lambda f: f.kind == "first")
        self.assertEqual(followup.state, "planned")
        with freeze_time("2026-09-29 01:30:00"):
            followup.write({"outcome": "problem_persists"})
            followup.action_record_outcome()
        self._check_reopened(ticket, first, datetime(2026, 9, 29, 1, 30))
