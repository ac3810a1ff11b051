# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .aftersales_complaint_cause import COMPLAINT_CATEGORIES, COMPLAINT_OFFENCES

COMPLAINT_CHANNELS = [
    ("phone", "Phone"),
    ("letter", "Letter"),
    ("in_person", "In Person"),
    ("online", "Online"),
]
COMPLAINT_STATES = [
    ("recorded", "Recorded"),
    ("investigation", "Investigation"),
    ("cross_check", "Cross-department Check"),
    ("proposed", "Solution Proposed"),
    ("approved", "Solution Approved"),
    ("told", "Customer Told"),
    ("closed", "Closed"),
]
#: states after the supervisor approved the solution
APPROVED_STATES = ("approved", "told", "closed")
HANDLER_GROUP = "aftersales_sop.aftersales_sop_group_complaint_handler"
MANAGER_GROUP = "aftersales_sop.aftersales_sop_group_manager"


class AftersalesComplaint(models.Model):
    """A customer's complaint (投诉, SPEC §7): what happened, who was involved,
    what the customer expects; the investigation, the cross-department check
    when other departments are involved, the solution the supervisor approves,
    and the customer's confirmation. Four service clocks run on it (record,
    investigation, cross-department check, reply): the moments and clocks are
    in ``aftersales_complaint_clocks.py``, the workflow in
    ``aftersales_complaint_flow.py``."""

    _name = "aftersales.complaint"
    _description = "Complaint"
    _inherit = [
        "aftersales.sequence.mixin",
        "aftersales.clock.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "received_date desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "partner_id.name", "ticket_id.number"]
    _aftersales_sequence_code = "aftersales.complaint"
    _aftersales_clock_link = "complaint_id"
    _aftersales_clock_breach_activity = "aftersales_sop.mail_act_complaint_clock_breach"

    # -- the complaint as recorded -------------------------------------------------
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Service Request",
        index=True,
        tracking=True,
        check_company=True,
        help="The request the complaint is about, if any: a complaint may come "
        "without one (then the customer is required).",
    )
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
    partner_phone = fields.Char(
        string="Contact Phone",
        compute="_compute_partner_phone",
        store=True,
        readonly=False,
        precompute=True,
    )
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        index=True,
    )
    team_id = fields.Many2one(
        "helpdesk.ticket.team",
        compute="_compute_team_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        check_company=True,
        help="The team whose working calendar counts the complaint's working "
        "time, whose complaint handler and supervisor take it.",
    )
    product_id = fields.Many2one(
        "product.product",
        compute="_compute_product_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
    )
    product_categ_id = fields.Many2one(
        related="product_id.categ_id", store=True, string="Product Category"
    )
    channel = fields.Selection(
        COMPLAINT_CHANNELS,
        required=True,
        default="phone",
        tracking=True,
        help="How the complaint came in.",
    )
    category = fields.Selection(
        COMPLAINT_CATEGORIES,
        required=True,
        default="service",
        tracking=True,
        index=True,
        help="Product: the product itself; service: the service and its people; "
        "other: anything else.",
    )
    reason = fields.Text(
        string="Complaint",
        required=True,
        help="What the customer complains about, in his words.",
    )
    customer_expectation = fields.Text(
        string="Customer Expects",
        help="What the customer expects: an apology, a refund, a new visit, ...",
    )
    involved_user_ids = fields.Many2many(
        "res.users",
        "aftersales_complaint_involved_user_rel",
        "complaint_id",
        "user_id",
        string="Staff Involved",
        domain=[("share", "=", False)],
        help="The staff the complaint is about or who handled the customer. They "
        "are not told of the complaint and do not follow it.",
    )
    involved_engineer_ids = fields.Many2many(
        "aftersales.engineer",
        "aftersales_complaint_involved_engineer_rel",
        "complaint_id",
        "engineer_id",
        string="Engineers Involved",
        check_company=True,
    )
    evidence_attachment_ids = fields.Many2many(
        "ir.attachment",
        "aftersales_complaint_evidence_rel",
        "complaint_id",
        "attachment_id",
        string="Evidence",
        help="Letters, photos, call recordings, chat screenshots.",
    )
    department_ids = fields.Many2many(
        "hr.department",
        "aftersales_complaint_department_rel",
        "complaint_id",
        "department_id",
        string="Other Departments Involved",
        help="Departments whose check the complaint needs (product quality, "
        "logistics, ...): the cross-department check and its clock apply only "
        "when one is named.",
    )
    cross_department = fields.Boolean(
        string="Cross-department",
        compute="_compute_cross_department",
        store=True,
        index=True,
        help="Other departments are involved: their check is required before a "
        "solution is proposed, within its clock.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Complaint Handler",
        compute="_compute_user_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
        domain=lambda self: self.env["res.users"]._aftersales_role_domain(
            HANDLER_GROUP
        ),
        help="Investigates the complaint and settles it with the customer: the "
        "team's complaint handler by default.",
    )
    supervisor_id = fields.Many2one(
        "res.users",
        compute="_compute_supervisor_id",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        domain=lambda self: self.env["res.users"]._aftersales_role_domain(),
        help="The after-sales supervisor or manager who approves the solution.",
    )
    state = fields.Selection(
        COMPLAINT_STATES,
        default="recorded",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
        group_expand=True,
        copy=False,
    )

    # -- investigation --------------------------------------------------------------
    investigation_note = fields.Html(
        string="Findings",
        help="What the investigation found: records, call recordings, photos, "
        "the staff's account.",
    )
    cause_id = fields.Many2one(
        "aftersales.complaint.cause",
        tracking=True,
        index=True,
        help="The cause the investigation found: the improvement report sums "
        "complaints up by cause.",
    )
    engineer_id = fields.Many2one(
        "aftersales.engineer",
        string="Attributed to Engineer",
        tracking=True,
        index=True,
        check_company=True,
        help="The engineer the investigation holds responsible, if any.",
    )
    offence_code = fields.Selection(
        COMPLAINT_OFFENCES,
        string="Offence",
        tracking=True,
        help="The engineer's offence: with a serious impact it may lead to a penalty.",
    )
    serious_impact = fields.Boolean(
        tracking=True,
        help="Judged by the supervisor when approving the solution: an offence of "
        "an engineer is penalized only when the complaint had a serious impact.",
    )
    penalty_candidate = fields.Boolean(
        compute="_compute_penalty_candidate",
        store=True,
        index=True,
        help="Approved, attributed to an engineer for an offence, with a serious "
        "impact: the complaint may lead to a penalty of the engineer.",
    )

    # -- solution --------------------------------------------------------------------
    solution_type_ids = fields.Many2many(
        "aftersales.complaint.solution.type",
        "aftersales_complaint_solution_type_rel",
        "complaint_id",
        "type_id",
        string="Solution",
        help="What is offered: apology, compensation, rework, process change; "
        "several may apply.",
    )
    solution_note = fields.Text(
        string="Solution Details", help="The solution as it is told to the customer."
    )
    has_compensation = fields.Boolean(compute="_compute_has_compensation")
    currency_id = fields.Many2one(related="company_id.currency_id")
    compensation_amount = fields.Monetary(
        currency_field="currency_id", tracking=True, aggregator="sum"
    )
    approver_id = fields.Many2one(
        "res.users", string="Approved By", readonly=True, copy=False, tracking=True
    )
    reopen_count = fields.Integer(
        string="Reopened",
        readonly=True,
        copy=False,
        aggregator="sum",
        help="How many times the customer did not accept the solution.",
    )

    _sql_constraints = [
        (
            "compensation_positive",
            "CHECK(compensation_amount >= 0)",
            "A compensation cannot be negative.",
        ),
    ]

    # ---------------------------------------------------------------------------
    # computes
    # ---------------------------------------------------------------------------

    @api.depends("ticket_id")
    def _compute_partner_id(self):
        for complaint in self:
            if complaint.ticket_id.partner_id:
                complaint.partner_id = complaint.ticket_id.partner_id

    @api.depends("ticket_id", "partner_id")
    def _compute_partner_phone(self):
        for complaint in self:
            partner = complaint.partner_id
            complaint.partner_phone = (
                complaint.ticket_id.partner_phone
                or partner.phone
                or partner.mobile
                or complaint.partner_phone
            )

    @api.depends("ticket_id")
    def _compute_company_id(self):
        for complaint in self:
            complaint.company_id = (
                complaint.ticket_id.company_id
                or complaint.company_id
                or self.env.company
            )

    @api.depends("ticket_id")
    def _compute_team_id(self):
        for complaint in self:
            if complaint.ticket_id.team_id:
                complaint.team_id = complaint.ticket_id.team_id

    @api.depends("ticket_id")
    def _compute_product_id(self):
        for complaint in self:
            if complaint.ticket_id.product_id:
                complaint.product_id = complaint.ticket_id.product_id

    @api.depends("department_ids")
    def _compute_cross_department(self):
        for complaint in self:
            complaint.cross_department = bool(complaint.department_ids)

    @api.depends("team_id")
    def _compute_user_id(self):
        for complaint in self:
            if not complaint.user_id:
                complaint.user_id = complaint.team_id.complaint_user_id

    @api.depends("team_id")
    def _compute_supervisor_id(self):
        for complaint in self:
            if not complaint.supervisor_id:
                complaint.supervisor_id = complaint.team_id.complaint_supervisor_id

    @api.depends("engineer_id", "offence_code", "serious_impact", "state")
    def _compute_penalty_candidate(self):
        for complaint in self:
            complaint.penalty_candidate = bool(
                complaint.engineer_id
                and complaint.offence_code
                and complaint.serious_impact
                and complaint.state in APPROVED_STATES
            )

    @api.depends("solution_type_ids")
    def _compute_has_compensation(self):
        for complaint in self:
            complaint.has_compensation = any(
                complaint.solution_type_ids.mapped("is_compensation")
            )

    # ---------------------------------------------------------------------------
    # constraints and onchanges
    # ---------------------------------------------------------------------------

    @api.constrains("partner_id", "ticket_id")
    def _check_partner(self):
        for complaint in self:
            if not complaint.partner_id:
                raise ValidationError(
                    self.env._(
                        "Who complains? Choose the customer of complaint %(name)s "
                        "(or the service request it is about).",
                        name=complaint.name,
                    )
                )

    @api.constrains("engineer_id", "offence_code")
    def _check_attribution(self):
        for complaint in self:
            if complaint.offence_code and not complaint.engineer_id:
                raise ValidationError(
                    self.env._(
                        "An offence is an engineer's: choose the engineer complaint "
                        "%(name)s is attributed to.",
                        name=complaint.name,
                    )
                )

    @api.onchange("cause_id")
    def _onchange_cause_id(self):
        if self.cause_id.category:
            self.category = self.cause_id.category
        if self.engineer_id and self.cause_id.offence_code and not self.offence_code:
            self.offence_code = self.cause_id.offence_code

    # ---------------------------------------------------------------------------
    # CRUD
    # ---------------------------------------------------------------------------

    @api.model
    def _aftersales_record_action(self, **defaults):
        """The form of a new complaint, with ``defaults`` (field: value)."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record a Complaint"),
            "res_model": "aftersales.complaint",
            "view_mode": "form",
            "target": "current",
            "context": {f"default_{name}": value for name, value in defaults.items()},
        }

    @api.model
    def _aftersales_sequence_company(self, vals):
        ticket = self.env["helpdesk.ticket"].browse(vals.get("ticket_id"))
        return ticket.company_id or super()._aftersales_sequence_company(vals)

    @api.model_create_multi
    def create(self, vals_list):
        now = fields.Datetime.now()
        backdate = self.env["res.users"]._is_aftersales_manager()
        for vals in vals_list:
            # recording is creating: only a manager (or an import) dates it otherwise
            if not (backdate and vals.get("recorded_date")):
                vals["recorded_date"] = now
        complaints = super().create(vals_list)
        complaints._aftersales_sync_clocks(new=True)
        complaints._aftersales_plan_activities()
        return complaints

    def write(self, vals):
        self._aftersales_check_complaint_changes(vals)
        result = super().write(vals)
        if set(vals) & self._aftersales_clock_trigger_fields():
            self._aftersales_sync_clocks()
        if {"user_id", "supervisor_id"} & set(vals):
            self._aftersales_plan_activities()
        return result
