# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

#: a score from 0 to 10, or not answered
SCORES = [(str(score), str(score)) for score in range(11)]
#: the six dimensions of SPEC §8: field -> label
DIMENSIONS = {
    "score_response_speed": "Response Speed",
    "score_attitude": "Service Attitude",
    "score_result": "Service Result",
    "score_resolution_speed": "Resolution Speed",
    "score_parts_supply": "Parts Supply",
    "score_professionalism": "Professionalism",
}
SCORE_FIELDS = (*DIMENSIONS, "overall_score")
METHODS = [
    ("service_form", "Service form (end of the job)"),
    ("portal", "Portal link"),
    ("interview", "On-site interview"),
    ("phone", "Phone call"),
]
STATES = [
    ("pending", "Waiting for the Answer"),
    ("done", "Answered"),
    ("cancel", "Cancelled"),
]
#: what a survey asks about: a consultation's asks only the overall score of
#: the answer (and a comment), a repair's the six dimensions too
KINDS = [("repair", "Repair Service"), ("consultation", "Consultation Answer")]
#: the inquiry classes of a consultation (SPEC §2: A usage, C policy, D other)
CONSULTATION_CLASSES = ("a", "c", "d")


class AftersalesSurvey(models.Model):
    """A customer's satisfaction survey (SPEC §8): six scores from 0 to 10,
    an overall score and a comment, and how it was collected.

    The survey of a consultation (class A, C or D, SPEC §2) rates the answer:
    it asks for the overall score and a comment only (``kind``
    ``consultation``); the six dimensions belong to a repair.

    The satisfaction checklist of the service form is a survey collected on it
    (method ``service_form``); a follow-up call records one with the method
    ``phone``; the customer answers one from a link without an account
    (``portal``, see ``_aftersales_survey_url``). Create one from code with a
    plain ``create``: with an overall score it is answered at once, without
    one it waits for the customer's answer.
    """

    _name = "aftersales.survey"
    _description = "Satisfaction Survey"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "answer_date desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["ticket_id.number", "partner_id.name"]

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Request",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
        tracking=True,
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True, index=True)
    team_id = fields.Many2one(related="ticket_id.team_id", store=True, index=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
    )
    visit_id = fields.Many2one(
        "aftersales.visit",
        index="btree_not_null",
        check_company=True,
        help="The visit whose service form the checklist was filled in on, or "
        "that the survey asks about.",
    )
    dispatch_order_id = fields.Many2one(
        related="visit_id.dispatch_order_id", store=True, index="btree_not_null"
    )
    followup_id = fields.Many2one(
        "aftersales.followup",
        string="Follow-up Call",
        index="btree_not_null",
        check_company=True,
        help="The follow-up call the answer was collected on.",
    )
    engineer_id = fields.Many2one(
        "aftersales.engineer",
        compute="_compute_engineer_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        help="The engineer the survey scores: the visit's, else the request's.",
    )
    engineer_user_id = fields.Many2one(
        related="engineer_id.user_id", store=True, index=True, string="Engineer User"
    )
    method = fields.Selection(
        METHODS,
        string="Collected By",
        required=True,
        default="phone",
        tracking=True,
        help="How the answer was collected: on the service form at the end of the "
        "job, by the customer from a portal link, in an on-site interview, or by "
        "an agent on a phone call.",
    )
    kind = fields.Selection(
        KINDS,
        string="Survey Of",
        compute="_compute_kind",
        store=True,
        precompute=True,
        index=True,
        help="What the customer rates: a repair service (six dimensions and an "
        "overall score) or the answer to a consultation (class A, C or D: how "
        "useful the answer was, as the overall score, and a comment).",
    )
    state = fields.Selection(
        STATES, default="pending", required=True, tracking=True, index=True, copy=False
    )
    respondent = fields.Char(help="Who answered, when not the customer himself.")
    user_id = fields.Many2one(
        "res.users",
        string="Recorded By",
        default=lambda self: self.env.user,
        help="The engineer or the agent who recorded the answer; empty when the "
        "customer answered from the portal link.",
    )
    answer_date = fields.Datetime(string="Answered On", readonly=True, copy=False)
    score_response_speed = fields.Selection(SCORES, string="Response Speed")
    score_attitude = fields.Selection(SCORES, string="Service Attitude")
    score_result = fields.Selection(SCORES, string="Service Result")
    score_resolution_speed = fields.Selection(SCORES, string="Resolution Speed")
    score_parts_supply = fields.Selection(SCORES, string="Parts Supply")
    score_professionalism = fields.Selection(SCORES, string="Professionalism")
    overall_score = fields.Selection(
        SCORES, help="The customer's overall score, 0 to 10."
    )
    comment = fields.Text()
    overall_value = fields.Float(
        string="Overall",
        compute="_compute_values",
        store=True,
        aggregator="avg",
        help="The overall score as a number (answered surveys).",
    )
    dimension_average = fields.Float(
        string="Average of the Dimensions",
        compute="_compute_values",
        store=True,
        aggregator="avg",
        digits=(3, 1),
        help="The average of the dimensions the customer scored.",
    )

    @api.depends("ticket_id")
    def _compute_partner_id(self):
        for survey in self:
            survey.partner_id = survey.partner_id or survey.ticket_id.partner_id

    @api.depends("ticket_id.inquiry_class")
    def _compute_kind(self):
        for survey in self:
            if survey.state == "done" and survey.kind:
                continue  # an answer keeps the questions it answered
            consultation = survey.ticket_id.inquiry_class in CONSULTATION_CLASSES
            survey.kind = "consultation" if consultation else "repair"

    @api.depends("visit_id", "ticket_id")
    def _compute_engineer_id(self):
        for survey in self:
            survey.engineer_id = (
                survey.visit_id.engineer_id
                or survey.engineer_id
                or survey.ticket_id.engineer_id
            )

    @api.depends(*SCORE_FIELDS)
    def _compute_values(self):
        for survey in self:
            survey.overall_value = float(survey.overall_score or 0)
            scores = [int(survey[name]) for name in DIMENSIONS if survey[name]]
            survey.dimension_average = sum(scores) / len(scores) if scores else 0.0

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for survey in self:
            survey.access_url = f"/aftersales/survey/{survey.id}"
        return result

    @api.depends("ticket_id", "method")
    def _compute_display_name(self):
        methods = dict(self._fields["method"]._description_selection(self.env))
        for survey in self:
            survey.display_name = self.env._(
                "%(ticket)s - %(method)s",
                ticket=survey.ticket_id.display_name or "",
                method=methods.get(survey.method, ""),
            )

    @api.constrains("state", "overall_score")
    def _check_overall_score(self):
        for survey in self:
            if survey.state == "done" and not survey.overall_score:
                raise ValidationError(
                    self.env._("An answered survey has an overall score.")
                )

    @api.constrains("visit_id", "ticket_id")
    def _check_visit(self):
        for survey in self:
            if survey.visit_id and survey.visit_id.ticket_id != survey.ticket_id:
                raise ValidationError(
                    self.env._("The visit of a survey is one of its request's.")
                )

    # ---------------------------------------------------------------------------
    # CRUD
    # ---------------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        now = fields.Datetime.now()
        for vals in vals_list:
            if vals.get("overall_score") and vals.get("state", "pending") == "pending":
                vals.update(state="done", answer_date=vals.get("answer_date") or now)
        return super().create(vals_list)

    def write(self, vals):
        answered = self.filtered(lambda s: s.state == "done")
        if answered and set(vals) & {*SCORE_FIELDS, "comment", "method"}:
            self.env["res.users"]._check_aftersales_manager(
                self.env._(
                    "%(survey)s was answered: only an after-sales manager changes "
                    "the answer.",
                    survey=answered[0].display_name,
                )
            )
        if vals.get("overall_score") and "state" not in vals:
            # an overall score answers a pending survey, in the same write (the
            # answer and its state are checked together)
            pending = self.filtered(lambda s: s.state == "pending")
            if pending:
                super(AftersalesSurvey, pending).write(
                    dict(vals, state="done", answer_date=fields.Datetime.now())
                )
                return super(AftersalesSurvey, self - pending).write(vals)
        return super().write(vals)

    def _aftersales_dimensions(self):
        """The score fields the survey asks besides the overall score: none
        for a consultation's answer, the six dimensions for a repair."""
        self.ensure_one()
        return [] if self.kind == "consultation" else list(DIMENSIONS)

    def _aftersales_dimension_scores(self):
        """``[(label, score or False)]`` of the six dimensions, in order."""
        self.ensure_one()
        return [
            (self._fields[name]._description_string(self.env), self[name])
            for name in DIMENSIONS
        ]

    # ---------------------------------------------------------------------------
    # the link without an account
    # ---------------------------------------------------------------------------

    def _aftersales_survey_url(self):
        """The link the customer opens without an account to answer."""
        self.ensure_one()
        self._portal_ensure_token()
        return self.get_base_url() + self.get_portal_url()

    def _aftersales_answer(self, values, respondent=None):
        """Record the customer's answer given through the link: ``values`` maps
        score fields to '0'..'10' (or empty) and may hold a comment."""
        self.ensure_one()
        if self.state != "pending":
            raise UserError(self.env._("This survey was already answered. Thank you!"))
        asked = [*self._aftersales_dimensions(), "overall_score"]
        answer = {name: values.get(name) or False for name in asked}
        for value in answer.values():
            if value and value not in dict(SCORES):
                raise UserError(self.env._("A score is a number from 0 to 10."))
        if not answer["overall_score"]:
            raise UserError(self.env._("Please give an overall score."))
        answer.update(
            comment=(values.get("comment") or "").strip() or False,
            state="done",
            answer_date=fields.Datetime.now(),
            method="portal",
            user_id=False,
        )
        if respondent:
            answer["respondent"] = respondent
        self.write(answer)
        self.message_post(
            body=self.env._("The customer answered the survey from the link."),
            subtype_xmlid="mail.mt_note",
        )
        return True

    # ---------------------------------------------------------------------------
    # actions
    # ---------------------------------------------------------------------------

    def action_send_link(self):
        """Send the customer the link to answer (by e-mail, from the request)."""
        self.ensure_one()
        if self.state != "pending":
            raise UserError(self.env._("This survey was already answered."))
        if not self.partner_id.email:
            raise UserError(
                self.env._(
                    "%(partner)s has no e-mail address: give him the link another "
                    "way, or record his answer on a call.",
                    partner=self.partner_id.display_name,
                )
            )
        self.method = "portal"
        template = self.env.ref("aftersales_sop.mail_template_survey_link")
        # sudo: staff without an e-mail address send the link too
        self._portal_ensure_token()
        self.sudo().message_post_with_source(
            template,
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.partner_id.ids,
        )
        return True

    def action_copy_link(self):
        """Show the link, e.g. to send it by a chat app."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": self._aftersales_survey_url(),
            "target": "new",
        }

    def action_cancel(self):
        self.filtered(lambda s: s.state == "pending").write({"state": "cancel"})
        return True

    def action_record_answer(self):
        """Close the form of an answer recorded by the engineer or the agent."""
        for survey in self:
            if not survey.overall_score:
                raise UserError(self.env._("Please give an overall score."))
        self.filtered(lambda s: s.state == "pending").write(
            {"state": "done", "answer_date": fields.Datetime.now()}
        )
        return {"type": "ir.actions.act_window_close"}
