# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.chatter import post_note
from .aftersales_survey import CONSULTATION_CLASSES, SCORES

CONSULTATION_STATES = [
    ("open", "Open"),
    ("to_escalate", "Escalation Needed"),
    ("escalated", "With Technical Support"),
    ("to_tell", "Answer to Tell"),
    ("answered", "Answered"),
    ("closed", "Closed Unanswered"),
]


class HelpdeskTicket(models.Model):
    """The consultation flow (SPEC §2, §3, §8): a usage (A), policy (C) or
    other (D) question is answered on the spot, or escalated to technical
    support whose answer the agent then tells the customer; the customer rates
    the answer.

    The answer is the "problem solved" moment of the request and telling it
    the "result given to the customer" moment, as at the repair centre: the
    Feedback clock runs between them on an escalated question. A question
    answered on the spot is told in the same moment, and has no Feedback clock
    (its definition applies to repair requests and escalated questions).
    """

    _inherit = "helpdesk.ticket"

    consultation_state = fields.Selection(
        CONSULTATION_STATES,
        string="Handling Status",
        compute="_compute_consultation_state",
        store=True,
        index=True,
        help="Where a consultation (class A, C or D) stands: open; found "
        "unanswerable and waiting to be handed to technical support; with "
        "technical support; answered by technical support, the customer still "
        "to be told; answered (on the spot, or told after the escalation); or "
        "closed without a recorded answer.",
    )
    customer_rating = fields.Selection(
        SCORES,
        compute="_compute_customer_rating",
        store=True,
        help="The overall score, 0 to 10, of the customer's latest answered "
        "survey of the request: for a consultation, his rating of the answer.",
    )

    @api.depends(
        "inquiry_class",
        "escalation_requested_date",
        "escalated_date",
        "solved_date",
        "result_told_date",
        "closed",
    )
    def _compute_consultation_state(self):
        for ticket in self:
            ticket.consultation_state = ticket._aftersales_consultation_state()

    def _aftersales_consultation_state(self):
        self.ensure_one()
        if self.inquiry_class not in CONSULTATION_CLASSES:
            return False
        if self.result_told_date:
            return "answered"
        if self.solved_date:
            return "to_tell"
        if self.escalated_date:
            return "escalated"
        if self.escalation_requested_date:
            return "to_escalate"
        return "closed" if self.closed else "open"

    @api.depends("survey_ids.state", "survey_ids.overall_score")
    def _compute_customer_rating(self):
        for ticket in self:
            answered = ticket.survey_ids.filtered(
                lambda s: s.state == "done" and s.overall_score
            ).sorted(lambda s: (s.answer_date or fields.Datetime.now(), s.id))
            ticket.customer_rating = answered[-1:].overall_score or False

    # ---------------------------------------------------------------------------
    # the answer
    # ---------------------------------------------------------------------------

    def _aftersales_check_question_answer(self):
        for ticket in self:
            if ticket.inquiry_class not in CONSULTATION_CLASSES:
                raise UserError(
                    self.env._(
                        "%(ticket)s is not a consultation (class A, C or D): its "
                        "result is told from the repair steps.",
                        ticket=ticket.display_name,
                    )
                )
            if ticket.solved_date:
                raise UserError(
                    self.env._(
                        "The question of %(ticket)s was already answered.",
                        ticket=ticket.display_name,
                    )
                )
            if ticket.escalation_requested_date and not ticket.escalated_date:
                raise UserError(
                    self.env._(
                        "The question of %(ticket)s was found unanswerable on the "
                        "spot: hand it to technical support first.",
                        ticket=ticket.display_name,
                    )
                )
            if not (ticket.result_note or "").strip():
                raise UserError(
                    self.env._(
                        "Write the answer to the question of %(ticket)s first.",
                        ticket=ticket.display_name,
                    )
                )

    def action_question_answered(self):
        """The question is answered: by the agent on the spot (the customer has
        the answer at once: solved and told in the same moment), or by technical
        support after the escalation (the agent is asked to tell the customer
        within the Feedback clock)."""
        self._aftersales_check_question_answer()
        now = fields.Datetime.now()
        for ticket in self:
            values = {"solved_date": now}
            if not ticket.escalated_date:
                values["result_told_date"] = now
            ticket.write(values)
            ticket._aftersales_question_answered_followup()
        return True

    def _aftersales_question_answered_followup(self):
        self.ensure_one()
        # sudo: activities for others, by staff who may have no e-mail address
        ticket = self.sudo()
        if self.escalated_date:
            ticket.activity_feedback(
                ["aftersales_sop.mail_act_escalated_question"],
                feedback=self.env._("Question answered"),
            )
            feedback = ticket.clock_ids.filtered(lambda c: c.code == "feedback")
            user = ticket.user_id or ticket.team_id.user_id
            if user:
                ticket.activity_schedule(
                    "aftersales_sop.mail_act_repair_feedback",
                    date_deadline=fields.Date.context_today(
                        ticket, feedback[:1].deadline or fields.Datetime.now()
                    ),
                    summary=self.env._("Tell the customer the answer"),
                    user_id=user.id,
                )
            label = self.env._("Question answered by technical support")
        else:
            label = self.env._("Question answered on the spot")
        post_note(self, Markup("<p>%s</p><p>%s</p>") % (label, self.result_note))

    # ---------------------------------------------------------------------------
    # the customer's rating of the answer
    # ---------------------------------------------------------------------------

    def action_rate_answer(self):
        """Record the customer's rating of the answer, given on a call."""
        self.ensure_one()
        if self.consultation_state != "answered":
            raise UserError(
                self.env._(
                    "The customer rates the answer of %(ticket)s once he was told it.",
                    ticket=self.display_name,
                )
            )
        view = self.env.ref("aftersales_sop.aftersales_survey_view_form_answer")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Rate the Answer"),
            "res_model": "aftersales.survey",
            "view_mode": "form",
            "views": [(view.id, "form")],
            "target": "new",
            "context": {"default_ticket_id": self.id, "default_method": "phone"},
        }
