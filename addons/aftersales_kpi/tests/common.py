# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Shared fixtures of the aftersales_kpi tests: data only, no test methods."""

from datetime import date, datetime, timedelta

from odoo.tests import freeze_time, new_test_user

from odoo.addons.aftersales_sop.tests.common import AftersalesSopCommon

MONDAY_10 = "2026-09-28 02:00:00"  # Monday 10:00 in Beijing
REVIEWER = "aftersales_kpi.aftersales_kpi_group_reviewer"
SUPERVISOR = "aftersales_kpi.aftersales_kpi_group_supervisor"


class KpiCommon(AftersalesSopCommon):
    """The Shanghai service centre, with its HR officer, an assessment
    reviewer, and an employee hierarchy: Wang manages Zhang, who manages Liu;
    Zhou manages an office clerk and none of the engineers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reviewer = new_test_user(cls.env, login="kpi_reviewer", groups=REVIEWER)
        cls.hr_officer = new_test_user(
            cls.env, login="kpi_hr", name="HR Officer", groups="hr.group_hr_user"
        )
        cls.company.aftersales_hr_user_id = cls.hr_officer
        cls.supervisor = new_test_user(
            cls.env, login="kpi_supervisor", name="CS Supervisor", groups=SUPERVISOR
        )
        employees = cls.env["hr.employee"]
        cls.boss = new_test_user(cls.env, login="kpi_boss", name="Wang (manager)")
        cls.boss_employee = employees.create(
            {"name": "Wang (manager)", "user_id": cls.boss.id}
        )
        cls.zhang.employee_id.parent_id = cls.boss_employee
        cls.liu.employee_id.parent_id = cls.zhang.employee_id
        cls.other_boss = new_test_user(
            cls.env, login="kpi_other_boss", name="Zhou (manager)"
        )
        cls.other_boss_employee = employees.create(
            {"name": "Zhou (manager)", "user_id": cls.other_boss.id}
        )
        cls.clerk_employee = employees.create(
            {"name": "Office clerk", "parent_id": cls.other_boss_employee.id}
        )
        cls.rules = {
            rule.code: rule
            for rule in cls.env["aftersales.penalty.rule"].search(
                [("company_id", "=", False)]
            )
        }

    @classmethod
    def _penalty(cls, engineer, code, day, **vals):
        """A penalty filed by hand by the reviewer, still a proposal."""
        return (
            cls.env["aftersales.penalty"]
            .with_user(cls.reviewer)
            .create(
                {
                    "employee_id": engineer.employee_id.id,
                    "rule_id": cls.rules[code].id,
                    "date": day,
                    **vals,
                }
            )
        )

    @classmethod
    def _confirmed(cls, engineer, code, day, **vals):
        penalty = cls._penalty(engineer, code, day, **vals)
        penalty._aftersales_confirm(serious_impact=True)
        return penalty

    def _dispatch(self, ticket, engineer, **vals):
        return self.env["aftersales.dispatch.order"].create(
            {"ticket_id": ticket.id, "engineer_id": engineer.id, **vals}
        )


class PenaltyAccessCommon(KpiCommon):
    """Three confirmed left_post of Liu with their strike flag, and a
    proposal for Zhang."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # three left_post of Liu: confirmed penalties and a strike flag
        cls.penalties = cls.env["aftersales.penalty"]
        for day in ("2026-09-01", "2026-09-02", "2026-09-03"):
            cls.penalties |= cls._confirmed(cls.liu, "left_post", day)
        cls.flag = cls.penalties.strike_ids
        cls.zhang_penalty = cls._penalty(cls.zhang, "late_arrival", "2026-09-04")


SEPTEMBER = date(2026, 9, 1)
#: Beijing days of September 2026, in UTC
SEP = {day: datetime(2026, 9, day, 2, 0) for day in range(1, 31)}


class KpiMonthCommon(KpiCommon):
    """September 2026 in the test team, built from the facts the other addons
    store (the ORM flows that record them have their own tests):

    - Zhang: two repair requests (one answered within 30 s and resolved in
      time, one answered late and still open), both completed 48 hours after
      the request; Chen's later request repeats Zhang's first repair; three
      customers' surveys give him 9.5 (one customer answered twice: 10 and 8,
      the other 10); two arrivals on site, 2 h and 4 h after dispatch; one
      first visit fixed, one not; a confirmed late arrival (20 CNY) and a
      proposal that does not count; service cost of his first repair: 2 h of
      labour at 50, a part at 300.
    - Liu: a consultation answered in time, a survey of 7 (below the 8.5
      target), a complaint whose clocks were all met, one whose investigation
      started late, both closed.
    - A request of August and a survey of October stay out of September.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.customer_a, cls.customer_b, cls.customer_c = Partner.create(
            [{"name": f"KPI customer {c}"} for c in "ABC"]
        )
        services = cls.env["product.product"].create(
            [
                {"name": "KPI labour", "type": "service", "standard_price": 50.0},
                {"name": "KPI travel", "type": "service", "standard_price": 20.0},
                {
                    "name": "KPI compressor",
                    "type": "consu",
                    "is_storable": True,
                    "aftersales_is_spare_part": True,
                    "standard_price": 300.0,
                },
            ]
        )
        cls.labour, cls.travel, cls.compressor = services
        cls.company.write(
            {
                "aftersales_labour_product_id": cls.labour.id,
                "aftersales_travel_product_id": cls.travel.id,
            }
        )
        cls.other_lot = cls.env["stock.lot"].create(
            {"name": "AC-T-KPI-2", "product_id": cls.product.id}
        )
        cls.t1 = cls._month_ticket(SEP[1], 20, cls.zhang, closed=SEP[5], done=SEP[3])
        cls.t2 = cls._month_ticket(
            SEP[2], 60, cls.zhang, done=SEP[4], lot_id=cls.other_lot.id
        )
        cls.t3 = cls._month_ticket(SEP[3], 10, cls.liu, inquiry_class="a")
        cls.t4 = cls._month_ticket(SEP[20], 5, cls.chen)
        cls.august = cls._month_ticket(datetime(2026, 8, 20, 2, 0), 90, cls.zhang)
        # surveys
        for ticket, customer, score, day, engineer in (
            (cls.t1, cls.customer_a, "10", SEP[6], cls.zhang),
            (cls.t2, cls.customer_a, "8", SEP[7], cls.zhang),
            (cls.t2, cls.customer_b, "10", SEP[8], cls.zhang),
            (cls.t3, cls.customer_c, "7", SEP[9], cls.liu),
            (cls.t3, cls.customer_c, "0", datetime(2026, 10, 2, 2, 0), cls.liu),
        ):
            cls.env["aftersales.survey"].create(
                {
                    "ticket_id": ticket.id,
                    "partner_id": customer.id,
                    "engineer_id": engineer.id,
                    "overall_score": score,
                    "answer_date": day,
                }
            )
        # dispatch orders and first visits
        with freeze_time(SEP[1]):
            cls.order1 = cls._dispatch_order(cls.t1, cls.zhang)
        with freeze_time(SEP[2]):
            cls.order2 = cls._dispatch_order(cls.t2, cls.zhang)
        cls._arrive(cls.order1, SEP[1] + timedelta(hours=2), "fixed", 2.0)
        cls._arrive(cls.order2, SEP[2] + timedelta(hours=4), "next_visit", 1.0)
        cls.env["aftersales.visit.part"].create(
            {
                "visit_id": cls.order1.visit_ids[:1].id,
                "product_id": cls.compressor.id,
                "quantity": 1.0,
                "consent": True,
            }
        )
        # complaints attributed to Liu: one handled in time, one whose
        # investigation started a day late; both closed
        cls.complaints = cls.env["aftersales.complaint"]
        for investigated in (SEP[10] + timedelta(minutes=30), SEP[11]):
            with freeze_time(SEP[10] + timedelta(minutes=5)):
                complaint = cls.complaints.create(
                    {
                        "partner_id": cls.customer.id,
                        "team_id": cls.team.id,
                        "channel": "phone",
                        "category": "service",
                        "reason": "Rude on the phone.",
                        "customer_expectation": "An apology.",
                        "received_date": SEP[10],
                    }
                )
            complaint.sudo().engineer_id = cls.liu
            for when, values in (
                (investigated, {"investigation_date": investigated}),
                (SEP[12], {"approved_date": SEP[12], "proposed_date": SEP[12]}),
                (SEP[12] + timedelta(hours=1), {"told_date": SEP[12]}),
                (SEP[13], {"confirmed_date": SEP[13], "state": "closed"}),
            ):
                with freeze_time(when):
                    complaint.sudo().write(values)
            cls.complaints |= complaint
        # penalties
        with freeze_time(SEP[12]):
            cls.late = cls._confirmed(cls.zhang, "late_arrival", "2026-09-10")
            cls._penalty(cls.liu, "late_arrival", "2026-09-11")

    @classmethod
    def _month_ticket(
        cls, reported, response_s, engineer, closed=None, done=None, **vals
    ):
        vals.setdefault("inquiry_class", "b")
        with freeze_time(reported + timedelta(minutes=5)):
            ticket = cls._create_repair(
                request_date=reported,
                first_response_date=reported + timedelta(seconds=response_s),
                **vals,
            )
        facts = {"engineer_id": engineer.id}
        if done:
            facts["repair_done_date"] = done
        if closed:
            facts["closed_date"] = closed
        with freeze_time(closed or reported + timedelta(minutes=10)):
            ticket.sudo().write(facts)
        return ticket

    @classmethod
    def _dispatch_order(cls, ticket, engineer):
        return cls.env["aftersales.dispatch.order"].create(
            {"ticket_id": ticket.id, "engineer_id": engineer.id}
        )

    @classmethod
    def _arrive(cls, order, when, result, hours):
        order.sudo().write({"checkin_date": when, "state": "on_site"})
        visit = order.visit_ids[:1]
        visit.sudo().write(
            {
                "state": "done",
                "checkin_date": when,
                "checkout_date": when + timedelta(hours=hours),
                "result": result,
                "work_hours": hours,
            }
        )

    def _run(self, month=SEPTEMBER, user=None):
        Assessment = self.env["aftersales.kpi.assessment"]
        if user:
            Assessment = Assessment.with_user(user)
        return Assessment._aftersales_run(self.company, month)

    @staticmethod
    def _figures(assessments, scope, res_id=0):
        key = f"{scope}-{res_id}"
        assessment = assessments.filtered(lambda a: a.scope_key == key)
        return assessment, {line.kpi: line for line in assessment.line_ids}
