# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fixtures of the complaint and follow-up tests: data only, no test methods."""

from odoo import Command
from odoo.tests import new_test_user

from .common import AftersalesSopCommon

GROUPS = "aftersales_sop.aftersales_sop_group_"
MONDAY_10 = "2026-09-28 02:00:00"  # Monday 10:00 in Beijing


class AftersalesCareCommon(AftersalesSopCommon):
    """The Shanghai service centre with a complaint handler, a customer
    relations specialist and a supervisor for its complaints."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.handler = new_test_user(
            cls.env, login="as_handler", groups=GROUPS + "complaint_handler"
        )
        cls.other_handler = new_test_user(
            cls.env, login="as_handler_2", groups=GROUPS + "complaint_handler"
        )
        cls.care = new_test_user(
            cls.env, login="as_care", groups=GROUPS + "customer_relations"
        )
        cls.team.write(
            {
                "complaint_user_id": cls.handler.id,
                "complaint_supervisor_id": cls.manager.id,
                "followup_user_id": cls.care.id,
            }
        )
        cls.quality = cls.env["hr.department"].create({"name": "Test Quality"})
        cls.apology = cls.env.ref("aftersales_sop.complaint_solution_apology")
        cls.compensation = cls.env.ref("aftersales_sop.complaint_solution_compensation")
        cls.attitude = cls.env.ref("aftersales_sop.complaint_cause_attitude")
        cls.stage_done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        cls.stage_in_progress = cls.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_in_progress"
        )

    @classmethod
    def _complaint_vals(cls, **vals):
        """A complaint of the test customer; one about a request takes its
        customer and team from it."""
        who = (
            {}
            if "ticket_id" in vals
            else {
                "partner_id": cls.customer.id,
                "team_id": cls.team.id,
            }
        )
        return {
            **who,
            "channel": "phone",
            "category": "service",
            "reason": "The engineer was rude.",
            "customer_expectation": "An apology.",
            **vals,
        }

    def _complaint(self, user=None, **vals):
        Complaint = self.env["aftersales.complaint"].with_user(user or self.agent)
        return Complaint.create(self._complaint_vals(**vals))

    def _settle(self, complaint, **vals):
        """What the handler writes before proposing a solution."""
        complaint.write(
            {
                "cause_id": self.attitude.id,
                "solution_type_ids": [Command.set(self.apology.ids)],
                "solution_note": "We apologise.",
                **vals,
            }
        )

    def _complete_repair(self, engineer=None, **vals):
        """A repair request dispatched, visited and done now."""
        engineer = engineer or self.zhang
        ticket = self._create_repair(**vals)
        order = self.env["aftersales.dispatch.order"].create(
            {"ticket_id": ticket.id, "engineer_id": engineer.id}
        )
        order.with_user(engineer.user_id).action_check_in()
        self._finish_visit(order, engineer.user_id)
        return ticket

    def _clock_of(self, record, code):
        return record.clock_ids.filtered(lambda c: c.code == code)

    def _activities(self, record, xmlid):
        activity_type = self.env.ref(xmlid)
        return record.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type
        )

    def _run_breach_check(self):
        self.env.ref(
            "aftersales_sop.ir_cron_check_clock_breaches"
        ).method_direct_trigger()
