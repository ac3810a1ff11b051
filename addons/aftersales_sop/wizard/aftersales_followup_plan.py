# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class AftersalesFollowupPlan(models.TransientModel):
    """The monthly follow-up plan (SPEC §8): the customers whose repairs were
    completed in the month, and the VIP customers. Plans the calls still
    missing: the follow-ups of completed repairs that have none, and a planned
    call for each VIP customer not yet called in the month."""

    _name = "aftersales.followup.plan"
    _description = "Plan the Month's Follow-up Calls"

    month = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="Any day of the month to plan.",
    )
    call_date = fields.Datetime(
        string="Call VIP Customers On",
        required=True,
        default=fields.Datetime.now,
        help="When the planned calls of VIP customers are made.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Customer Relations",
        domain=lambda self: self.env["res.users"]._aftersales_role_domain(
            "aftersales_sop.aftersales_sop_group_customer_relations"
        ),
        default=lambda self: self.env.user,
        help="Who makes the VIP customers' planned calls (the follow-ups of "
        "repairs go to their team's customer relations specialist).",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    ticket_ids = fields.Many2many(
        "helpdesk.ticket",
        string="Repairs Without Follow-up",
        compute="_compute_plan",
        help="Repairs completed in the month whose follow-up is not planned.",
    )
    partner_ids = fields.Many2many(
        "res.partner",
        string="VIP Customers to Call",
        compute="_compute_plan",
        help="VIP customers with no follow-up or call in the month.",
    )

    def _month_bounds(self):
        """The month as naive UTC datetimes (in the user's time zone)."""
        self.ensure_one()
        first = self.month.replace(day=1)
        start = datetime.combine(first, time.min)
        end = datetime.combine(first + relativedelta(months=1), time.min)
        tz_start = fields.Datetime.context_timestamp(self, start)
        offset = tz_start.utcoffset()
        return start - offset, end - offset

    @api.depends("month", "company_id")
    def _compute_plan(self):
        Ticket = self.env["helpdesk.ticket"]
        Followup = self.env["aftersales.followup"]
        for plan in self:
            if not plan.month:
                plan.ticket_ids = plan.partner_ids = False
                continue
            start, end = plan._month_bounds()
            tickets = Ticket.search(
                [
                    ("company_id", "=", plan.company_id.id),
                    ("repair_done_date", ">=", start),
                    ("repair_done_date", "<", end),
                    ("partner_id", "!=", False),
                ]
            )
            plan.ticket_ids = tickets.filtered(
                lambda t: (
                    not t.followup_ids.filtered(
                        lambda f: (
                            f.state != "cancel"
                            and f.repair_done_date == t.repair_done_date
                        )
                    )
                )
            )
            called = Followup.search(
                [
                    ("company_id", "=", plan.company_id.id),
                    ("state", "!=", "cancel"),
                    ("scheduled_date", ">=", start),
                    ("scheduled_date", "<", end),
                ]
            ).partner_id.commercial_partner_id
            vips = self.env["res.partner"].search(
                [
                    ("aftersales_vip", "=", True),
                    ("company_id", "in", [False, plan.company_id.id]),
                ]
            )
            plan.partner_ids = vips.filtered(
                lambda p, c=called: p.commercial_partner_id not in c
            )

    def action_plan(self):
        self.ensure_one()
        self.env["aftersales.followup"]._aftersales_check_caller_role()
        self.ticket_ids._aftersales_plan_followups()
        self.env["aftersales.followup"].create(
            [
                {
                    "kind": "planned",
                    "partner_id": partner.id,
                    "company_id": self.company_id.id,
                    "user_id": self.user_id.id,
                    "scheduled_date": self.call_date,
                }
                for partner in self.partner_ids
            ]
        )
        start, end = self._month_bounds()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_sop.aftersales_followup_action_plan"
        )
        action["domain"] = [
            ("scheduled_date", ">=", fields.Datetime.to_string(start)),
            ("scheduled_date", "<", fields.Datetime.to_string(end)),
        ]
        action["context"] = {}
        return action
