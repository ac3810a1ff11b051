# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import fields, models

CARE_GROUPS = (
    "aftersales_sop.aftersales_sop_group_agent,"
    "aftersales_sop.aftersales_sop_group_customer_relations"
)


class HelpdeskTicket(models.Model):
    """Follow-ups of a completed repair (SPEC §8): the follow-up call within 3
    working days, the VIP customer's second one within 7 days; a call that
    finds the problem persists reopens the request."""

    _inherit = "helpdesk.ticket"

    followup_ids = fields.One2many(
        "aftersales.followup", "ticket_id", string="Follow-ups", groups=CARE_GROUPS
    )
    followup_count = fields.Integer(
        string="Follow-up Count", compute="_compute_followup_count", groups=CARE_GROUPS
    )

    def _compute_followup_count(self):
        for ticket in self:
            ticket.followup_count = len(ticket.followup_ids)

    def _aftersales_complete_repair(self):
        """Completing the repair plans its follow-up calls."""
        completing = self.filtered(lambda t: t.repair_state != "done")
        result = super()._aftersales_complete_repair()
        completing.filtered("repair_done_date")._aftersales_plan_followups()
        return result

    def _aftersales_prepare_followup_vals(self, kind):
        self.ensure_one()
        return {
            "ticket_id": self.id,
            "kind": kind,
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "team_id": self.team_id.id,
            "user_id": self.team_id.followup_user_id.id,
            "repair_done_date": self.repair_done_date,
        }

    def _aftersales_plan_followups(self):
        """The follow-up call of each completed repair, and the second one of a
        VIP customer, unless they are already planned."""
        vals_list = []
        for ticket in self.sudo().filtered("partner_id"):
            kinds = ["first"]
            if ticket.partner_id._aftersales_is_vip():
                kinds.append("second")
            planned = ticket.followup_ids.filtered(
                lambda f, done=ticket.repair_done_date: (
                    f.state != "cancel" and f.repair_done_date == done
                )
            ).mapped("kind")
            vals_list += [
                ticket._aftersales_prepare_followup_vals(kind)
                for kind in kinds
                if kind not in planned
            ]
        return self.env["aftersales.followup"].sudo().create(vals_list)

    def _aftersales_reopen_stage(self):
        self.ensure_one()
        Stage = self.env["helpdesk.ticket.stage"]
        domain = [
            ("closed", "=", False),
            "|",
            ("team_ids", "=", False),
            ("team_ids", "in", self.team_id.ids),
            ("company_id", "in", [False, self.company_id.id]),
        ]
        return Stage.search(
            [("aftersales_reopen", "=", True), *domain], order="sequence, id", limit=1
        ) or Stage.search(domain, order="sequence, id", limit=1)

    def _aftersales_reopen_after_followup(self, followup):
        """The follow-up found the problem persists: the request goes back to an
        open stage, says why, and a completed repair goes back to dispatch (a
        new dispatch review, then a new on-site clock)."""
        self.ensure_one()
        ticket = self.sudo()
        stage = ticket._aftersales_reopen_stage()
        if stage and ticket.stage_id != stage:
            ticket.stage_id = stage
        # moving to the stage of reopened requests already reopened the repair
        ticket._aftersales_reopen_repair()
        body = Markup("<p>%s</p>") % self.env._(
            "Reopened by follow-up %(followup)s: the problem persists.",
            followup=followup.name,
        )
        if followup.outcome_note:
            body += Markup("<p>%s</p>") % followup.outcome_note
        ticket.message_post(body=body, subtype_xmlid="mail.mt_note")
        return True

    def action_view_followups(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_sop.aftersales_followup_action"
        )
        action.update(
            domain=[("ticket_id", "=", self.id)],
            context={"default_ticket_id": self.id},
        )
        return action
