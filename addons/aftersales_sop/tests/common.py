# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Shared fixtures of the aftersales_sop tests: data only, no test methods."""

from datetime import date, datetime

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon


class AftersalesCommon(BaseCommon):
    @classmethod
    def _create_calendar(cls, name="Mon-Fri 08:00-17:00, Beijing", tz="Asia/Shanghai"):
        """A Monday-to-Friday calendar with a lunch break (12-13), in ``tz``."""
        attendances = []
        for day in range(5):
            for hour_from, hour_to, period in (
                (8, 12, "morning"),
                (12, 13, "lunch"),
                (13, 17, "afternoon"),
            ):
                attendances.append(
                    Command.create(
                        {
                            "name": f"Day {day} {period}",
                            "dayofweek": str(day),
                            "hour_from": hour_from,
                            "hour_to": hour_to,
                            "day_period": period,
                        }
                    )
                )
        return cls.env["resource.calendar"].create(
            {
                "name": name,
                "tz": tz,
                "attendance_ids": [Command.clear()] + attendances,
                "global_leave_ids": [Command.clear()],
            }
        )

    @classmethod
    def _create_national_day(cls, calendar):
        """Thursday 1 October 2026 is a public holiday, the whole day in Beijing
        (00:00 Beijing time is 16:00 UTC the day before)."""
        return cls._create_holiday(
            calendar,
            datetime(2026, 9, 30, 16),
            datetime(2026, 10, 1, 16),
            "National Day",
        )

    @classmethod
    def _create_holiday(cls, calendar, date_from, date_to, name="Public holiday"):
        return cls.env["resource.calendar.leaves"].create(
            {
                "name": name,
                "calendar_id": calendar.id,
                "date_from": date_from,
                "date_to": date_to,
                "time_type": "leave",
            }
        )


class AftersalesSopCommon(AftersalesCommon):
    """A Shanghai service centre: users of every role, engineers in two cities."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.country_id = cls.env.ref("base.cn")
        cls.calendar = cls._create_calendar()
        cls.holiday = cls._create_national_day(cls.calendar)
        groups = "aftersales_sop.aftersales_sop_group_"
        cls.agent = new_test_user(cls.env, login="as_agent", groups=groups + "agent")
        cls.dispatcher = new_test_user(
            cls.env, login="as_dispatcher", groups=groups + "dispatcher"
        )
        cls.manager = new_test_user(
            cls.env, login="as_manager", groups=groups + "manager"
        )
        cls.tech_support = new_test_user(
            cls.env, login="as_support", groups=groups + "tech_support"
        )
        cls.other_dispatcher = new_test_user(
            cls.env, login="as_dispatcher_2", groups=groups + "dispatcher"
        )
        cls.qc_inspector = new_test_user(
            cls.env, login="as_qc_inspector", groups=groups + "qc"
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Service Centre",
                "user_id": cls.dispatcher.id,
                "dispatcher_id": cls.dispatcher.id,
                "resource_calendar_id": cls.calendar.id,
                "user_ids": [Command.set([cls.agent.id, cls.dispatcher.id])],
            }
        )
        cls.other_team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Northern Centre",
                "user_id": cls.other_dispatcher.id,
                "dispatcher_id": cls.other_dispatcher.id,
                "user_ids": [Command.set([cls.other_dispatcher.id])],
            }
        )
        zones = cls.env["aftersales.zone"]
        # names of their own, not to meet the zones of the demo data
        cls.shanghai = zones.create(
            {"name": "Shanghai-T", "code": "T-SH", "city_names": "上海-T"}
        )
        cls.suzhou = zones.create({"name": "Suzhou-T", "code": "T-SZ"})
        categories = cls.env["product.category"]
        cls.appliances = categories.create({"name": "Test Appliances"})
        cls.air_con = categories.create(
            {"name": "Test ACs", "parent_id": cls.appliances.id}
        )
        cls.heaters = categories.create(
            {"name": "Test Heaters", "parent_id": cls.appliances.id}
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "Test AC",
                "type": "consu",
                "is_storable": True,
                "tracking": "serial",
                "categ_id": cls.air_con.id,
            }
        )
        cls.lot = cls.env["stock.lot"].create(
            {"name": "AC-T-0001", "product_id": cls.product.id}
        )
        # a part the engineer writes on the service form (with
        # aftersales_warranty, the form takes original spare parts only)
        part = {"name": "Fan Capacitor 4 uF", "type": "consu", "is_storable": True}
        if "aftersales_is_spare_part" in cls.product._fields:
            part["aftersales_is_spare_part"] = True
        cls.fan_capacitor = cls.env["product.product"].create(part)
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Test Customer",
                "street": "1 Test Road",
                "city": "Shanghai-T",
                "phone": "+86 137 0000 0001",
                "email": "customer@example.com",
            }
        )
        if "aftersales_warranty_policy_id" in categories._fields:
            # with aftersales_warranty installed, the test units are main units
            # (12 months) and the repair work waits for the warranty decision
            cls.appliances.aftersales_warranty_policy_id = cls.env.ref(
                "aftersales_warranty.aftersales_warranty_policy_main_unit"
            )
        # engineers: a senior and a junior in Shanghai, a senior in Suzhou
        cls.zhang = cls._create_engineer(
            "as_zhang", "Zhang", cls.shanghai, "senior", cls.appliances
        )
        cls.liu = cls._create_engineer(
            "as_liu", "Liu", cls.shanghai, "junior", cls.air_con
        )
        cls.chen = cls._create_engineer(
            "as_chen", "Chen", cls.suzhou, "senior", cls.appliances
        )

    @classmethod
    def _create_engineer(
        cls, login, name, zone, level, certified_category, issued=None
    ):
        user = new_test_user(
            cls.env,
            login=login,
            name=name,
            groups="aftersales_sop.aftersales_sop_group_engineer",
        )
        employee = cls.env["hr.employee"].create({"name": name, "user_id": user.id})
        return cls.env["aftersales.engineer"].create(
            {
                "employee_id": employee.id,
                "zone_id": zone.id,
                "level": level,
                "skill_ids": [
                    Command.create(
                        {
                            "fault_type": "hardware",
                            "product_categ_id": cls.air_con.id,
                            "level": level,
                        }
                    )
                ],
                "certification_ids": [
                    Command.create(
                        {
                            "name": f"CERT-{login}",
                            "product_categ_id": certified_category.id,
                            "date_issued": issued or date(2026, 1, 5),
                        }
                    )
                ],
            }
        )

    @classmethod
    def _repair_vals(cls, **vals):
        """A complete repair request (class B) of the test customer."""
        return {
            "name": "AC blows warm air",
            "description": "<p>The unit runs but does not cool.</p>",
            "team_id": cls.team.id,
            "partner_id": cls.customer.id,
            "partner_phone": "13700000001",
            "inquiry_class": "b",
            "fault_type": "hardware",
            "product_id": cls.product.id,
            "lot_id": cls.lot.id,
            "purchase_date": date(2026, 3, 1),
            "proof_reference": "INV-001",
            "requested_service_date": datetime(2026, 9, 30, 6, 0),
            **vals,
        }

    @classmethod
    def _create_repair(cls, **vals):
        return cls.env["helpdesk.ticket"].create(cls._repair_vals(**vals))

    def _clock(self, ticket, code):
        return ticket.clock_ids.filtered(lambda c: c.code == code)

    def _qc_passed(self, ticket, user=None):
        """The repair centre asks for the check of the repaired unit and the QC
        inspector passes it."""
        ticket.with_user(user or self.agent).action_qc_request()
        ticket.with_user(self.qc_inspector).action_qc_pass()

    def _decide_warranty(self, ticket):
        """With aftersales_warranty installed, the repair work waits for the
        request's confirmed warranty decision (its own tests show the gate): the
        agent records the suggestion, unless a decision is there already."""
        if "warranty_decision" in ticket._fields and not ticket.warranty_decision:
            ticket.with_user(self.agent).action_warranty_confirm()

    def _start_work(self, visit):
        """The engineer starts the repair work of ``visit`` (its request's
        warranty decision confirmed first, see ``_decide_warranty``)."""
        self._decide_warranty(visit.ticket_id)
        visit.action_start_work()

    def _finish_visit(self, order, user=None, result="fixed"):
        """The engineer fills the least of the service form of the order's
        visit on site and checks out (the last visit completes the order)."""
        visit = order.current_visit_id.with_user(user or order.engineer_user_id)
        if visit.state == "planned":
            visit.action_check_in()
        visit.action_show_id()
        visit.plan_note = "Replace the part."
        self._start_work(visit)
        visit.write(
            {
                "result": result,
                "no_signature_reason": "The customer was called away.",
                "checklist_declined": True,
            }
        )
        if result == "fixed":
            visit.action_joint_test_passed()
        visit.action_check_out()
        return visit
