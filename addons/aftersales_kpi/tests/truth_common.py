# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A month of every kind of record, for the tests that compare the figures
of the assessment, the analyses and the quality report: data only, no test
methods.

September 2026 in Shanghai, read on Monday 5 October 10:00 (``NOW``): two
teams (the Service Centre: Zhang and Liu; the Northern Centre: Chen and Wu).
The expected figures are in ``test_one_truth.py``.
"""

from datetime import datetime, timedelta

from odoo import Command
from odoo.tests import freeze_time

from .common import SEPTEMBER, KpiCommon

#: when the month is read: Monday 5 October 2026, 10:00 in Beijing
NOW = datetime(2026, 10, 5, 2, 0)
#: Beijing 10:00 of the days of September 2026, in UTC
SEP = {day: datetime(2026, 9, day, 2, 0) for day in range(1, 31)}
MONTH = SEPTEMBER


class KpiTruthCommon(KpiCommon):
    """September 2026, every kind of record:

    Service Centre
    - consultations (class A): Liu answered in 10 s and in 60 s; one nobody
      answered; a hotline call nobody answered (the company's only);
    - repair requests: Zhang's R1 (answered in 20 s, resolved in 4 days, on
      site 2 h after dispatch, fixed at the first visit, 2 h of work, a
      capacitor from the warehouse also written on the service form and a
      seal ring of his own), Zhang's R2 (answered in 60 s, never resolved: its
      30 days passed on 2 October; on site 6 h after dispatch, late, a next
      visit needed), Liu's R3 (received on 25 September, within its 30 days;
      a first dispatch cancelled, the second waiting for an appointment on 6
      October), Liu's R4 (a repeat of R1's unit and fault, within its 30
      days), Liu's R5 (repaired at the repair centre: a repair order with 1.5
      h of labour, a trip and two capacitors; completed on 20 September);
    - complaints: Liu's closed in time, Liu's closed late, Zhang's under
      investigation within its limits, Zhang's never investigated (its
      limit passed);
    - follow-ups: R1's called in time, R5's called late, one planned for a
      repair completed on 30 September (within its limit);
    - surveys: customer A 10 and 8 for Zhang, customer B 10 for Zhang,
      customer C 7 for Liu.

    Northern Centre
    - Chen's R6 (answered in 5 s, resolved, on site in 3 h, fixed), Wu's R7
      (answered in 40 s, open, dispatched and never on site: its on-site limit
      passed); a consultation of Chen at 23:30 on 30 September (in the month)
      and one at 00:30 on 1 October (not);
    - a survey of customer D: 6 for Chen.

    Penalties: Zhang's late arrival of R2 (confirmed, 20), a proposal (20), a
    dismissed one; Liu's left post (confirmed, 100) and a cancelled late
    arrival; Wu's confirmed late arrival (20) on 30 September and one of
    Zhang on 1 October (not in the month).
    """

    @classmethod
    def setup_independent_company(cls, **kwargs):
        """A company of its own: whatever a database holds (its demo data
        dated relative to the day it was installed) stays out of the month."""
        return cls.env["res.company"].create(
            {"name": "Truth Service Centre", "country_id": cls.env.ref("base.cn").id}
        )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.company.resource_calendar_id.tz = "Asia/Shanghai"
        cls.team.write(
            {"followup_user_id": cls.agent.id, "complaint_user_id": cls.agent.id}
        )
        cls.wu = cls._create_engineer(
            "as_wu", "Wu", cls.suzhou, "senior", cls.appliances
        )
        Partner = env["res.partner"]
        cls.customer_a, cls.customer_b, cls.customer_c, cls.customer_d = Partner.create(
            [
                {"name": f"Truth customer {c}", "phone": f"+86 137 1000 000{i}"}
                for i, c in enumerate("ABCD", 1)
            ]
        )
        products = env["product.product"]
        cls.labour, cls.travel = products.create(
            [
                {"name": "Truth labour", "type": "service", "standard_price": 50.0},
                {"name": "Truth travel", "type": "service", "standard_price": 20.0},
            ]
        )
        spare = {"type": "consu", "is_storable": True, "aftersales_is_spare_part": True}
        cls.cap, cls.seal = products.create(
            [
                {**spare, "name": "Truth capacitor", "standard_price": 40.0},
                {**spare, "name": "Truth seal ring", "standard_price": 5.0},
            ]
        )
        cls.company.write(
            {
                "aftersales_labour_product_id": cls.labour.id,
                "aftersales_travel_product_id": cls.travel.id,
            }
        )
        cls.warehouse = env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        env["stock.quant"]._update_available_quantity(
            cls.cap, cls.warehouse.lot_stock_id, 10
        )
        cls.lot_2 = env["stock.lot"].create(
            {"name": "AC-T-TRUTH-2", "product_id": cls.product.id}
        )
        cls._service_centre()
        cls._northern_centre()
        cls._penalties()

    # ---------------------------------------------------------------------------
    # helpers
    # ---------------------------------------------------------------------------

    @classmethod
    def _request(cls, reported, response_s, engineer=None, team=None, **vals):
        """A request received at ``reported``, first answered ``response_s``
        seconds later (None: never), a repair request unless told."""
        vals.setdefault("inquiry_class", "b")
        vals.setdefault("team_id", (team or cls.team).id)
        if vals["inquiry_class"] != "b":
            vals.setdefault("lot_id", False)
        if response_s is not None:
            vals["first_response_date"] = reported + timedelta(seconds=response_s)
        with freeze_time(reported + timedelta(minutes=5)):
            ticket = cls._create_repair(request_date=reported, **vals)
            if engineer:
                ticket.sudo().engineer_id = engineer
        return ticket

    @classmethod
    def _order(cls, ticket, engineer, when, **vals):
        with freeze_time(when):
            return cls.env["aftersales.dispatch.order"].create(
                {"ticket_id": ticket.id, "engineer_id": engineer.id, **vals}
            )

    @classmethod
    def _on_site(cls, order, when, result, hours, parts=()):
        """The engineer checks in at ``when`` and ends the first visit
        ``hours`` later with ``result``; ``parts``: (product, quantity) he
        writes on the service form."""
        visit = order.current_visit_id.with_user(order.engineer_user_id)
        with freeze_time(when):
            visit.action_check_in()
            visit.action_show_id()
            visit.plan_note = "Replace the part."
            # the work waits for the request's confirmed warranty decision
            KpiCommon._decide_warranty(cls, visit.ticket_id)
            visit.action_start_work()
        visit.write(
            {
                "result": result,
                "no_signature_reason": "The customer was called away.",
                "checklist_declined": True,
                "next_visit_date": (
                    when + timedelta(days=3) if result == "next_visit" else False
                ),
                "part_ids": [
                    Command.create(
                        {"product_id": product.id, "quantity": qty, "consent": True}
                    )
                    for product, qty in parts
                ],
            }
        )
        with freeze_time(when + timedelta(hours=hours)):
            if result == "fixed":
                visit.action_joint_test_passed()
            visit.action_check_out()
        visit.sudo().work_hours = hours
        return visit

    @classmethod
    def _survey(cls, ticket, customer, score, when, engineer):
        return cls.env["aftersales.survey"].create(
            {
                "ticket_id": ticket.id,
                "partner_id": customer.id,
                "engineer_id": engineer.id,
                "overall_score": score,
                "answer_date": when,
            }
        )

    @classmethod
    def _complaint(cls, received, engineer, **vals):
        with freeze_time(received + timedelta(minutes=5)):
            complaint = cls.env["aftersales.complaint"].create(
                {
                    "partner_id": cls.customer.id,
                    "team_id": cls.team.id,
                    "channel": "phone",
                    "category": "service",
                    "reason": "The engineer was rude.",
                    "customer_expectation": "An apology.",
                    "received_date": received,
                    **vals,
                }
            )
        complaint.sudo().engineer_id = engineer
        return complaint

    @classmethod
    def _complaint_step(cls, complaint, when, **moments):
        """Record moments of ``complaint`` at ``when`` (as its handler would)."""
        values = {
            name: when if value is True else value for name, value in moments.items()
        }
        with freeze_time(when):
            complaint.sudo().write(values)

    # ---------------------------------------------------------------------------
    # the month
    # ---------------------------------------------------------------------------

    @classmethod
    def _service_centre(cls):
        zhang, liu = cls.zhang, cls.liu
        cls.c1 = cls._request(SEP[3], 10, liu, inquiry_class="a")
        cls.c2 = cls._request(SEP[4], 60, liu, inquiry_class="a")
        cls.c3 = cls._request(SEP[5], None, None, inquiry_class="a")
        # R1: everything in time, a part from the warehouse also on the form
        cls.r1 = cls._request(SEP[1], 20, zhang)
        cls.order1 = cls._order(cls.r1, zhang, SEP[1] + timedelta(minutes=30))
        cls.part_line = (
            cls.env["aftersales.part.line"]
            .sudo()
            .create({"ticket_id": cls.r1.id, "product_id": cls.cap.id})
        )
        cls.part_line.action_aftersales_reserve()
        cls.part_line.action_aftersales_issue()
        # covered by the warranty, the customer agreed to its replacement
        cls.part_line.write(
            {"warranty_covered": True, "quantity_used": 1, "aftersales_consent_qty": 1}
        )
        cls.visit1 = cls._on_site(
            cls.order1,
            SEP[1] + timedelta(hours=2, minutes=30),
            "fixed",
            2.0,
            parts=[(cls.cap, 1), (cls.seal, 1)],
        )
        # R2: answered late, on site late, never resolved
        cls.r2 = cls._request(SEP[2], 60, zhang, lot_id=cls.lot_2.id)
        cls.order2 = cls._order(cls.r2, zhang, SEP[2] + timedelta(minutes=30))
        cls._on_site(
            cls.order2, SEP[2] + timedelta(hours=6, minutes=30), "next_visit", 1.0
        )
        # R3: within its 30 days, a cancelled dispatch, one waiting for 6 October
        cls.r3 = cls._heater_request(SEP[25], 10, liu, cls.customer_a)
        cancelled = cls._order(cls.r3, zhang, SEP[26])
        with freeze_time(SEP[26] + timedelta(hours=1)):
            cancelled.action_cancel()
        cls.order3 = cls._order(
            cls.r3, liu, SEP[30], appointment_date=datetime(2026, 10, 6, 2, 0)
        )
        # R4: repeats R1's unit and fault within the 30 days, for Zhang
        cls.r4 = cls._request(SEP[15], 5, liu)
        # R5: at the repair centre, a repair order
        cls.r5 = cls._heater_request(SEP[18], 15, liu, cls.customer_b)
        repair = (
            cls.env["repair.order"]
            .sudo()
            .create(
                {
                    "product_id": cls.r5.product_id.id,
                    "partner_id": cls.customer.id,
                    "helpdesk_ticket_id": cls.r5.id,
                    "labour_hours": 1.5,
                    "travel_quantity": 1.0,
                    "move_ids": [
                        Command.create(
                            {
                                "repair_line_type": "add",
                                "product_id": cls.cap.id,
                                "product_uom_qty": 2.0,
                            }
                        )
                    ],
                }
            )
        )
        repair._action_repair_confirm()
        repair.move_ids._action_assign()
        repair.move_ids.picked = True
        repair.move_ids._action_done()
        repair.state = "done"
        with freeze_time(SEP[20]):
            cls.r5.sudo()._aftersales_complete_repair()
        # complaints
        cls.complaint_ok = cls._complaint(SEP[10], liu)
        cls._complaint_step(
            cls.complaint_ok,
            SEP[10] + timedelta(minutes=30),
            investigation_date=True,
            state="investigation",
        )
        cls._complaint_step(
            cls.complaint_ok,
            SEP[11],
            proposed_date=True,
            approved_date=True,
            state="approved",
        )
        cls._complaint_step(
            cls.complaint_ok, SEP[11] + timedelta(hours=2), told_date=True, state="told"
        )
        cls._complaint_step(
            cls.complaint_ok, SEP[12], confirmed_date=True, state="closed"
        )
        cls.complaint_late = cls._complaint(SEP[11], liu)
        cls._complaint_step(
            cls.complaint_late, SEP[14], investigation_date=True, state="investigation"
        )
        cls._complaint_step(
            cls.complaint_late,
            SEP[15],
            proposed_date=True,
            approved_date=True,
            state="approved",
        )
        cls._complaint_step(
            cls.complaint_late,
            SEP[15] + timedelta(hours=1),
            told_date=True,
            state="told",
        )
        cls._complaint_step(
            cls.complaint_late, SEP[16], confirmed_date=True, state="closed"
        )
        cls.complaint_open = cls._complaint(SEP[28], zhang)
        cls._complaint_step(
            cls.complaint_open,
            SEP[28] + timedelta(minutes=20),
            investigation_date=True,
            state="investigation",
        )
        cls.complaint_overdue = cls._complaint(SEP[29], zhang)
        # follow-ups: R1's in time, R5's late, one within its limit
        cls.followups = cls.env["aftersales.followup"].sudo()
        followups = (cls.r1 | cls.r5).followup_ids
        f1 = followups.filtered(lambda f: f.ticket_id == cls.r1)
        f5 = followups.filtered(lambda f: f.ticket_id == cls.r5)
        with freeze_time(SEP[2]):
            f1.sudo().write({"state": "done", "call_date": SEP[2]})
        with freeze_time(SEP[29]):
            f5.sudo().write({"state": "done", "call_date": SEP[29]})
        lot_3 = cls.env["stock.lot"].create(
            {"name": "AC-T-TRUTH-3", "product_id": cls.product.id}
        )
        r8 = cls._request(SEP[29], 12, zhang, lot_id=lot_3.id)
        with freeze_time(SEP[30]):
            r8.sudo()._aftersales_complete_repair()
        cls.r8 = r8
        cls.followups = f1 | f5 | r8.followup_ids
        # a hotline call nobody answered (the imported call log)
        cls.missed_call = cls.env["aftersales.call"].create(
            {
                "company_id": cls.company.id,
                "caller_number": "+8613710000009",
                "call_start": SEP[7],
            }
        )
        # surveys
        cls._survey(cls.r1, cls.customer_a, "10", SEP[6], zhang)
        cls._survey(cls.r2, cls.customer_a, "8", SEP[7], zhang)
        cls._survey(cls.r1, cls.customer_b, "10", SEP[8], zhang)
        cls._survey(cls.c1, cls.customer_c, "7", SEP[9], liu)
        cls._survey(cls.c1, cls.customer_c, "0", datetime(2026, 10, 2, 2, 0), liu)

    @classmethod
    def _heater_request(cls, reported, response_s, engineer, customer, **vals):
        """A repair request for a heater (no serial number) of ``customer``."""
        if not getattr(cls, "heater", None):
            cls.heater = cls.env["product.product"].create(
                {"name": "Truth heater", "type": "consu", "categ_id": cls.heaters.id}
            )
        return cls._request(
            reported,
            response_s,
            engineer,
            lot_id=False,
            product_id=cls.heater.id,
            partner_id=customer.id,
            partner_phone=customer.phone,
            **vals,
        )

    @classmethod
    def _northern_centre(cls):
        chen, wu, team = cls.chen, cls.wu, cls.other_team
        cls.r6 = cls._heater_request(SEP[8], 5, chen, cls.customer_c, team=team)
        cls.order6 = cls._order(cls.r6, chen, SEP[8] + timedelta(minutes=30))
        cls._on_site(cls.order6, SEP[8] + timedelta(hours=3, minutes=30), "fixed", 1.5)
        cls.r7 = cls._heater_request(SEP[29], 40, wu, cls.customer_d, team=team)
        cls.order7 = cls._order(cls.r7, wu, SEP[29] + timedelta(minutes=30))
        # 23:30 and 00:30 in Beijing: the last evening of September, the
        # first night of October
        cls.late_evening = cls._request(
            datetime(2026, 9, 30, 15, 30), 8, chen, team=team, inquiry_class="a"
        )
        cls.october_night = cls._request(
            datetime(2026, 9, 30, 16, 30), 8, chen, team=team, inquiry_class="a"
        )
        cls._survey(cls.r6, cls.customer_d, "6", SEP[21], chen)

    @classmethod
    def _penalties(cls):
        Penalty = cls.env["aftersales.penalty"]
        # the late check-in of R2 proposed a late arrival: confirmed
        cls.zhang_late = Penalty.search(
            [("engineer_id", "=", cls.zhang.id), ("origin", "=", "late_arrival")]
        )
        assert len(cls.zhang_late) == 1, cls.zhang_late
        with freeze_time(SEP[3]):
            cls.zhang_late._aftersales_confirm(serious_impact=True)
        cls.zhang_proposed = cls._penalty(cls.zhang, "late_arrival", "2026-09-10")
        cls.zhang_dismissed = cls._penalty(cls.zhang, "complaint_quarrel", "2026-09-11")
        cls.zhang_dismissed._aftersales_dismiss("Not his fault.")
        cls.liu_left_post = cls._confirmed(cls.liu, "left_post", "2026-09-15")
        cls.liu_cancelled = cls._confirmed(cls.liu, "late_arrival", "2026-09-16")
        cls.liu_cancelled._aftersales_cancel("Traffic accident, proven.")
        cls.wu_late = cls._confirmed(cls.wu, "late_arrival", "2026-09-30")
        cls.zhang_october = cls._confirmed(cls.zhang, "late_arrival", "2026-10-01")

    # ---------------------------------------------------------------------------
    # reading the month
    # ---------------------------------------------------------------------------

    @classmethod
    def _assess(cls):
        with freeze_time(NOW):
            return cls.env["aftersales.kpi.assessment"]._aftersales_run(
                cls.company, MONTH
            )
