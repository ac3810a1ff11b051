# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Automatic proposals: late arrivals, repeat repairs, and complaints
attributed to an engineer (through the method the complaint will call)."""

from datetime import date, datetime

from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from .common import MONDAY_10, KpiCommon

TUESDAY_9 = datetime(2026, 9, 29, 1, 0)  # Tuesday 09:00 Beijing
WEDNESDAY_9 = datetime(2026, 9, 30, 1, 0)


@tagged("post_install", "-at_install")
class TestLateArrival(KpiCommon):
    def _penalties(self, order):
        return self.env["aftersales.penalty"].search(
            [("dispatch_order_id", "=", order.id)]
        )

    def _order(self, **vals):
        with freeze_time(MONDAY_10):
            ticket = self._create_repair(**vals)
            return self._dispatch(ticket, self.zhang)

    def test_a_check_in_after_the_appointment_proposes_a_late_arrival(self):
        order = self._order(appointment_date=TUESDAY_9)
        with freeze_time("2026-09-29 01:20:00"):
            order.with_user(self.zhang.user_id).action_check_in()
        penalty = self._penalties(order)
        self.assertEqual(len(penalty), 1)
        self.assertEqual(penalty.rule_id.code, "late_arrival")
        self.assertEqual(penalty.employee_id, self.zhang.employee_id)
        self.assertEqual(penalty.origin, "late_arrival")
        self.assertEqual(penalty.state, "proposed")
        self.assertEqual(penalty.amount, 20)
        self.assertEqual(penalty.date, date(2026, 9, 29))
        self.assertEqual(penalty.ticket_id, order.ticket_id)
        self.assertEqual(penalty.source_ref, order)
        self.assertIn("20 minutes after the appointment", penalty.description)
        # the supervisor of the engineer (his manager is no reviewer; the
        # company's HR contact is not one either) gets no activity; a reviewer
        # manager does
        self.boss.groups_id |= self.env.ref(
            "aftersales_kpi.aftersales_kpi_group_reviewer"
        )
        other = self._order(appointment_date=TUESDAY_9)
        with freeze_time("2026-09-29 01:30:00"):
            other.with_user(self.zhang.user_id).action_check_in()
        self.assertEqual(self._penalties(other).activity_ids.user_id, self.boss)

    def test_once_per_order(self):
        order = self._order(appointment_date=TUESDAY_9)
        with freeze_time("2026-09-29 01:20:00"):
            order.with_user(self.zhang.user_id).action_check_in()
        order._aftersales_propose_late_arrival()
        self.assertEqual(len(self._penalties(order)), 1)

    def test_an_on_time_check_in_proposes_nothing(self):
        order = self._order(appointment_date=TUESDAY_9)
        with freeze_time("2026-09-29 00:50:00"):
            order.with_user(self.zhang.user_id).action_check_in()
        self.assertFalse(order.arrived_late)
        self.assertFalse(self._penalties(order))

    def test_late_for_the_standard_limit_but_on_time_for_the_appointment(self):
        # dispatched Monday 10:00 (on site by 14:00 without an appointment);
        # the customer asked for Wednesday 09:00
        order = self._order(appointment_date=WEDNESDAY_9)
        with freeze_time("2026-09-30 00:55:00"):
            order.with_user(self.zhang.user_id).action_check_in()
        self.assertFalse(order.arrived_late)
        self.assertFalse(self._penalties(order))

    def test_a_second_dispatch_is_judged_by_its_own_appointment(self):
        # Zhang checks in on time, then his order is cancelled and the job goes
        # to Liu, with an appointment on Wednesday 12:00 (Beijing)
        first = self._order()
        with freeze_time("2026-09-28 03:00:00"):
            first.with_user(self.zhang.user_id).action_check_in()
        with freeze_time("2026-09-28 04:30:00"):
            first.with_user(self.dispatcher).action_cancel()
        with freeze_time("2026-09-28 05:10:00"):
            second = self._dispatch(
                first.ticket_id, self.liu, appointment_date=datetime(2026, 9, 30, 4)
            )
        # 30 minutes before his appointment, 2,730 minutes after the first
        # order's deadline
        with freeze_time("2026-09-30 03:30:00"):
            second.with_user(self.liu.user_id).action_check_in()
        self.assertFalse(second.arrived_late)
        self.assertFalse(self._penalties(second))
        self.assertFalse(self._penalties(first))
        # the clock analysis counts each on-site clock for its own engineer
        runs = (first | second).clock_ids.filtered(lambda c: c.code == "onsite")
        self.env.flush_all()
        report = self.env["aftersales.kpi.clock.report"].search(
            [("id", "in", runs.ids)]
        )
        self.assertEqual(
            {(line.engineer_id, line.state) for line in report},
            {(self.zhang, "met"), (self.liu, "met")},
        )
        # late against his own appointment, he is proposed a penalty that says so
        with freeze_time("2026-09-30 04:30:00"):
            third_ticket = self._create_repair(appointment_date=datetime(2026, 10, 2))
            third = self._dispatch(third_ticket, self.liu)
        with freeze_time("2026-10-02 00:45:00"):
            third.with_user(self.liu.user_id).action_check_in()
        self.assertEqual(third.late_minutes, 45)
        self.assertIn(
            "45 minutes after the appointment", self._penalties(third).description
        )

    def test_without_appointment_the_on_site_limit_applies(self):
        order = self._order()
        self.assertEqual(order.onsite_deadline, datetime(2026, 9, 28, 6, 0))
        with freeze_time("2026-09-28 07:00:00"):
            order.with_user(self.zhang.user_id).action_check_in()
        penalty = self._penalties(order)
        self.assertEqual(len(penalty), 1)
        self.assertIn("no appointment was agreed", penalty.description)


@tagged("post_install", "-at_install")
class TestRepeatRepair(KpiCommon):
    def _repair(self, engineer, at, done_at, **vals):
        with freeze_time(at):
            ticket = self._create_repair(**vals)
            order = self._dispatch(ticket, engineer)
            order.with_user(engineer.user_id).action_check_in()
        with freeze_time(done_at):
            self._finish_visit(order, engineer.user_id)
        return ticket

    def _penalties(self, ticket):
        return self.env["aftersales.penalty"].search([("ticket_id", "=", ticket.id)])

    def test_a_second_request_within_the_window_proposes_for_the_first_engineer(self):
        first = self._repair(self.liu, MONDAY_10, "2026-09-28 06:00:00")
        self.assertEqual(first.repair_done_date, datetime(2026, 9, 28, 6, 0))
        with freeze_time("2026-10-20 02:00:00"):  # 22 days later
            second = self._create_repair(name="Blows warm air again")
        penalty = self._penalties(second)
        self.assertEqual(len(penalty), 1)
        self.assertEqual(penalty.employee_id, self.liu.employee_id)
        self.assertEqual(penalty.rule_id.code, "complaint_repeat")
        self.assertEqual(penalty.origin, "repeat_repair")
        self.assertEqual(penalty.related_ticket_id, first)
        self.assertEqual(penalty.date, date(2026, 10, 20))
        # a complaint offence: confirmed only when judged serious
        with self.assertRaises(UserError):
            penalty.with_user(self.reviewer)._aftersales_confirm()
        penalty.with_user(self.reviewer)._aftersales_confirm(serious_impact=True)
        self.assertTrue(penalty.serious_impact)
        # reclassifying the request does not propose it twice
        second.fault_type = "software"
        second.fault_type = "hardware"
        self.assertEqual(len(self._penalties(second)), 1)

    def test_the_engineer_of_the_last_done_order_of_the_first_repair(self):
        with freeze_time(MONDAY_10):
            first = self._create_repair()
            zhang_visit = self._dispatch(first, self.zhang)
            liu_visit = self._dispatch(first, self.liu)  # a second visit
            zhang_visit.with_user(self.zhang.user_id).action_check_in()
            liu_visit.with_user(self.liu.user_id).action_check_in()
        with freeze_time("2026-09-28 04:00:00"):
            self._finish_visit(liu_visit, self.liu.user_id)
        with freeze_time("2026-09-28 06:00:00"):
            self._finish_visit(zhang_visit, self.zhang.user_id)
        self.assertEqual(first.repair_state, "done")
        with freeze_time("2026-10-05 02:00:00"):
            second = self._create_repair()
        self.assertEqual(self._penalties(second).employee_id, self.zhang.employee_id)

    def test_outside_the_window_or_another_fault_no_proposal(self):
        self._repair(self.liu, MONDAY_10, "2026-09-28 06:00:00")
        with freeze_time("2026-10-29 02:00:00"):  # 31 days after completion
            late = self._create_repair()
        self.assertFalse(self._penalties(late))
        with freeze_time("2026-10-05 02:00:00"):
            software = self._create_repair(fault_type="software")
        self.assertFalse(self._penalties(software))
        other_unit = self.env["stock.lot"].create(
            {"name": "AC-T-0002", "product_id": self.product.id}
        )
        with freeze_time("2026-10-05 02:00:00"):
            other = self._create_repair(lot_id=other_unit.id)
        self.assertFalse(self._penalties(other))
        # the window is a company setting
        self.company.aftersales_repeat_repair_days = 40
        with freeze_time("2026-10-29 02:00:00"):
            again = self._create_repair()
        self.assertEqual(len(self._penalties(again)), 1)

    def test_an_untracked_product_is_the_same_unit_for_the_same_customer(self):
        fan = self.env["product.product"].create(
            {"name": "Test Fan", "type": "consu", "categ_id": self.air_con.id}
        )
        values = {"product_id": fan.id, "lot_id": False}
        self._repair(self.chen, MONDAY_10, "2026-09-28 06:00:00", **values)
        with freeze_time("2026-10-05 02:00:00"):
            again = self._create_repair(**values)
        self.assertEqual(self._penalties(again).employee_id, self.chen.employee_id)
        neighbour = self.customer.copy({"name": "Neighbour"})
        with freeze_time("2026-10-05 02:00:00"):
            other = self._create_repair(partner_id=neighbour.id, **values)
        self.assertFalse(self._penalties(other))

    def test_an_unfinished_first_repair_is_no_repeat(self):
        with freeze_time(MONDAY_10):
            first = self._create_repair()
            self._dispatch(first, self.zhang)
        with freeze_time("2026-10-05 02:00:00"):
            second = self._create_repair()
        self.assertFalse(self._penalties(second))


@tagged("post_install", "-at_install")
@freeze_time(MONDAY_10)
class TestComplaintProposal(KpiCommon):
    """A complaint attributed to an engineer calls
    ``_aftersales_propose_penalty(employee, offence code, date, complaint,
    serious_impact)``; a request stands in for the complaint here."""

    def _propose(self, code, serious_impact):
        with freeze_time(MONDAY_10):
            ticket = self._create_repair()
        return self.env["aftersales.penalty"]._aftersales_propose_penalty(
            self.zhang.employee_id,
            code,
            date(2026, 9, 25),
            ticket,
            serious_impact=serious_impact,
            description="The customer complains he was shouted at.",
        )

    def test_with_serious_impact_it_is_confirmed(self):
        for code in (
            "complaint_quarrel",
            "complaint_solicit",
            "complaint_delay",
            "complaint_repeat",
        ):
            penalty = self._propose(code, True)
            self.assertEqual(
                (penalty.rule_id.code, penalty.origin, penalty.state, penalty.amount),
                (code, "complaint", "proposed", 20),
            )
            self.assertTrue(penalty.serious_impact)
            penalty.with_user(self.reviewer)._aftersales_confirm()
            self.assertEqual(penalty.state, "confirmed")

    def test_without_serious_impact_it_is_not_confirmed_unless_judged_so(self):
        penalty = self._propose("complaint_quarrel", False)
        self.assertEqual(penalty.state, "proposed")
        with self.assertRaises(UserError):
            penalty.with_user(self.reviewer)._aftersales_confirm()
        with self.assertRaises(UserError):
            penalty.with_user(self.reviewer)._aftersales_confirm(serious_impact=False)
        self.assertEqual(penalty.state, "proposed")
        penalty.with_user(self.reviewer)._aftersales_dismiss("No serious impact.")
        self.assertEqual(penalty.state, "dismissed")
        # the supervisor may judge it serious when he confirms
        other = self._propose("complaint_quarrel", False)
        other.with_user(self.reviewer)._aftersales_confirm(serious_impact=True)
        self.assertEqual((other.state, other.serious_impact), ("confirmed", True))

    def test_one_proposal_per_evidence_and_offence_and_unknown_codes(self):
        first = self._propose("complaint_delay", True)
        again = self.env["aftersales.penalty"]._aftersales_propose_penalty(
            self.zhang.employee_id,
            "complaint_delay",
            date(2026, 9, 25),
            first.ticket_id,
        )
        self.assertEqual(again, first)
        self.rules["complaint_delay"].active = False
        self.assertFalse(self._propose("complaint_delay", True))
        self.assertFalse(self._propose("no_such_offence", True))
