# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

SCOPES = [("company", "Company"), ("team", "Team"), ("engineer", "Engineer")]
STATES = [
    ("draft", "Draft"),
    ("reviewed", "Reviewed by HR"),
    ("acknowledged", "Acknowledged"),
]
REVIEWER_GROUPS = ("aftersales_kpi.aftersales_kpi_group_reviewer", "hr.group_hr_user")
#: written by the monthly run and the buttons only
RUN_FIELDS = frozenset(
    {
        "company_id",
        "period_start",
        "scope",
        "scope_key",
        "engineer_id",
        "team_id",
        "state",
        "line_ids",
        "commendation_proposed",
        "computed_date",
        "reviewed_by_id",
        "reviewed_date",
        "acknowledged_by_id",
        "acknowledged_date",
    }
)


class AftersalesKpiAssessment(models.Model):
    """The monthly assessment of an engineer, a team or the company: the
    figures of the quality review against their targets, a commendation
    proposed at a high satisfaction, the missed targets with their causes.

    Made by the monthly run (``aftersales_kpi_assessment_run.py``), reviewed by
    HR or an assessment reviewer, acknowledged by the engineer (a team's by its
    leader, the company's by an after-sales manager).
    """

    _name = "aftersales.kpi.assessment"
    _description = "Monthly Assessment"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "period_start desc, scope, name, id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True, index="trigram")
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    period_start = fields.Date(
        string="Month",
        required=True,
        readonly=True,
        index=True,
        help="The first day of the month assessed.",
    )
    scope = fields.Selection(SCOPES, required=True, readonly=True, index=True)
    scope_key = fields.Char(required=True, readonly=True)
    engineer_id = fields.Many2one(
        "aftersales.engineer", readonly=True, index=True, check_company=True
    )
    employee_id = fields.Many2one(
        related="engineer_id.employee_id", store=True, index=True, string="Employee"
    )
    user_id = fields.Many2one(
        related="engineer_id.user_id", store=True, index=True, string="User"
    )
    team_id = fields.Many2one(
        "helpdesk.ticket.team", readonly=True, index=True, check_company=True
    )
    state = fields.Selection(
        STATES,
        default="draft",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
        group_expand=True,
    )
    line_ids = fields.One2many(
        "aftersales.kpi.assessment.line", "assessment_id", string="Figures"
    )
    missed_line_ids = fields.One2many(
        "aftersales.kpi.assessment.line",
        "assessment_id",
        string="Missed Targets",
        domain=[("missed", "=", True)],
    )
    missed_count = fields.Integer(
        string="Targets Missed", compute="_compute_summary", store=True
    )
    satisfaction = fields.Float(
        compute="_compute_summary",
        store=True,
        digits=(16, 2),
        aggregator="avg",
        help="Sum of the overall scores over the customers who scored; empty "
        "when nobody scored (no data, not 0).",
    )
    satisfaction_measured = fields.Boolean(
        compute="_compute_summary",
        store=True,
        help="Some customer scored this month.",
    )
    satisfaction_display = fields.Char(
        string="Customer Satisfaction",
        compute="_compute_satisfaction_display",
        help='The customer satisfaction of the month, or "no data" when nobody scored.',
    )
    pending_count = fields.Integer(
        string="Items Pending",
        compute="_compute_summary",
        store=True,
        help="Items not decided yet when the figures were computed (still open "
        "within their limit): they count in no figure until they are decided. "
        "The daily run refreshes a draft until HR reviews it.",
    )
    commendation_proposed = fields.Boolean(
        string="Proposed for Commendation",
        readonly=True,
        index=True,
        tracking=True,
        help="The satisfaction reached the company's commendation score "
        "(9.5 by default): proposed for commendation and reward.",
    )
    hr_comment = fields.Text(
        string="HR Comment",
        tracking=True,
        help="HR's comment: kept when the figures are computed again.",
    )
    computed_date = fields.Datetime(
        string="Figures as of",
        readonly=True,
        help="When the figures were last computed: the daily run refreshes a "
        "draft until HR reviews it.",
    )
    reviewed_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    reviewed_date = fields.Datetime(readonly=True)
    acknowledged_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    acknowledged_date = fields.Datetime(readonly=True)
    can_review = fields.Boolean(compute="_compute_permissions")
    can_acknowledge = fields.Boolean(compute="_compute_permissions")

    _sql_constraints = [
        (
            "subject_month_uniq",
            "unique(company_id, period_start, scope_key)",
            "An engineer, a team or a company has one assessment a month.",
        ),
    ]

    @api.depends("period_start", "scope", "engineer_id", "team_id", "company_id")
    def _compute_name(self):
        for assessment in self:
            subject = {
                "engineer": assessment.engineer_id.name,
                "team": assessment.team_id.name,
            }.get(assessment.scope) or assessment.company_id.name
            month = (
                assessment.period_start.strftime("%Y-%m")
                if assessment.period_start
                else ""
            )
            assessment.name = f"{month} {subject or ''}".strip()

    @api.depends(
        "line_ids.missed",
        "line_ids.value",
        "line_ids.has_value",
        "line_ids.kpi",
        "line_ids.pending",
    )
    def _compute_summary(self):
        for assessment in self:
            lines = assessment.line_ids
            assessment.missed_count = len(lines.filtered("missed"))
            assessment.pending_count = sum(lines.mapped("pending"))
            satisfaction = lines.filtered(
                lambda line: line.kpi == "satisfaction" and line.has_value
            )
            assessment.satisfaction_measured = bool(satisfaction)
            # no answer: shown empty, left out of averages (_read_group_select)
            assessment.satisfaction = satisfaction.value if satisfaction else 0.0

    def _read_group_select(self, aggregate_spec, query):
        # an average of satisfactions leaves out the assessments without any
        # (stored as 0.0: no data is not zero)
        if aggregate_spec == "satisfaction:avg":
            super()._read_group_select(aggregate_spec, query)  # access checks
            return SQL(
                "AVG(CASE WHEN %s THEN %s END)",
                self._field_to_sql(self._table, "satisfaction_measured", query),
                self._field_to_sql(self._table, "satisfaction", query),
            )
        return super()._read_group_select(aggregate_spec, query)

    @api.depends("satisfaction", "satisfaction_measured")
    def _compute_satisfaction_display(self):
        for assessment in self:
            assessment.satisfaction_display = (
                f"{assessment.satisfaction:.2f}"
                if assessment.satisfaction_measured
                else self.env._("no data")
            )

    @api.depends_context("uid")
    @api.depends("state", "scope", "user_id", "team_id")
    def _compute_permissions(self):
        reviewer = self._aftersales_is_reviewer()
        for assessment in self:
            assessment.can_review = reviewer and assessment.state == "draft"
            assessment.can_acknowledge = (
                assessment.state == "reviewed"
                and assessment._aftersales_is_assessed_user()
            )

    # ---------------------------------------------------------------------------
    # who may do what
    # ---------------------------------------------------------------------------

    @api.model
    def _aftersales_is_reviewer(self):
        user = self.env.user
        return self.env.su or any(user.has_group(group) for group in REVIEWER_GROUPS)

    def _aftersales_check_reviewer(self):
        if not self._aftersales_is_reviewer():
            raise AccessError(
                self.env._(
                    "Only HR and the assessment reviewers review monthly assessments."
                )
            )

    def _aftersales_check_not_acknowledged(self):
        done = self.filtered(lambda a: a.state == "acknowledged")
        if done:
            raise UserError(
                self.env._(
                    "Assessment %(name)s has been acknowledged: it no longer changes.",
                    name=done[0].name,
                )
            )

    def _aftersales_is_assessed_user(self):
        """The current user is the one assessed: the engineer himself, the
        leader of the team, an after-sales manager for the company."""
        self.ensure_one()
        user = self.env.user
        if self.scope == "engineer":
            return self.user_id == user
        if self.scope == "team":
            return self.team_id.user_id == user
        return user.has_group("aftersales_sop.aftersales_sop_group_manager")

    # ---------------------------------------------------------------------------
    # CRUD
    # ---------------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.context.get("aftersales_kpi_run"):
            raise UserError(
                self.env._(
                    "Monthly assessments are made by the monthly run: use "
                    "Compute a Month."
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.context.get("aftersales_kpi_run"):
            if RUN_FIELDS.intersection(vals):
                raise UserError(
                    self.env._(
                        "The figures and the status of an assessment change only "
                        "through the monthly run and its buttons."
                    )
                )
            if vals:
                self._aftersales_check_reviewer()
                self._aftersales_check_not_acknowledged()
        return super().write(vals)

    # ---------------------------------------------------------------------------
    # buttons
    # ---------------------------------------------------------------------------

    def _aftersales_set(self, vals):
        # sudo: the buttons checked who may press them; the run's fields are
        # written through its context only
        self.sudo().with_context(aftersales_kpi_run=True).write(vals)

    def action_review(self):
        self._aftersales_check_reviewer()
        for assessment in self:
            if assessment.state != "draft":
                raise UserError(
                    self.env._(
                        "Assessment %(name)s is not a draft.", name=assessment.name
                    )
                )
            if assessment.user_id == self.env.user and not self.env.su:
                raise UserError(self.env._("Nobody reviews his own assessment."))
            without_cause = assessment.missed_line_ids.filtered(
                lambda line: not (line.cause or "").strip()
            )
            if without_cause:
                raise UserError(
                    self.env._(
                        "Give the cause of every missed target of %(name)s "
                        "before the review (%(figures)s).",
                        name=assessment.name,
                        figures=", ".join(
                            dict(
                                without_cause._fields["kpi"]._description_selection(
                                    self.env
                                )
                            )[line.kpi]
                            for line in without_cause
                        ),
                    )
                )
        self._aftersales_set(
            {
                "state": "reviewed",
                "reviewed_by_id": self.env.user.id,
                "reviewed_date": fields.Datetime.now(),
            }
        )
        return True

    def action_acknowledge(self):
        for assessment in self:
            if assessment.state != "reviewed":
                raise UserError(
                    self.env._(
                        "Assessment %(name)s is acknowledged once HR reviewed it.",
                        name=assessment.name,
                    )
                )
            if not assessment._aftersales_is_assessed_user():
                raise AccessError(
                    self.env._(
                        "Only the engineer assessed (a team's leader, an "
                        "after-sales manager for the company) acknowledges "
                        "assessment %(name)s.",
                        name=assessment.name,
                    )
                )
        self._aftersales_set(
            {
                "state": "acknowledged",
                "acknowledged_by_id": self.env.user.id,
                "acknowledged_date": fields.Datetime.now(),
            }
        )
        return True

    def action_reset_draft(self):
        self._aftersales_check_reviewer()
        self._aftersales_check_not_acknowledged()
        self._aftersales_set(
            {"state": "draft", "reviewed_by_id": False, "reviewed_date": False}
        )
        return True

    def action_recompute(self):
        """Compute the months of these assessments again (their drafts)."""
        self.env["aftersales.kpi.assessment"]._aftersales_check_can_run()
        months = {(a.company_id, a.period_start) for a in self}
        for company, month in sorted(months, key=lambda m: (m[0].id, m[1])):
            self._aftersales_run(company, month)
        return True
