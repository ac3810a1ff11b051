# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

VISIT_STATES = [
    ("planned", "Planned"),
    ("on_site", "On Site"),
    ("done", "Done"),
    ("cancel", "Cancelled"),
]
RESULTS = [
    ("fixed", "Fixed on site"),
    ("taken_back", "Unit taken back to the repair centre"),
    ("next_visit", "Another visit needed"),
    ("refused", "Customer refused the plan or the fee"),
    ("not_fixed", "Not fixed"),
]
ACCEPTANCE_STATES = [
    ("pending", "Not Accepted Yet"),
    ("accepted", "Accepted"),
    ("refused", "Refused"),
]
#: what the customer signs: it does not change once he signed
SIGNED_FIELDS = frozenset(
    {
        "inspection_note",
        "plan_note",
        "fee_amount",
        "acceptance_state",
        "accepted_date",
        "accepted_by",
        "work_note",
        "problem_note",
        "solution_note",
        "result",
        "result_note",
        "part_ids",
        "joint_test_date",
        "joint_test_passed",
        "joint_test_note",
        "customer_signature",
        "signed_by",
        "signed_date",
    }
)
#: a change of these after the customer accepted asks for his acceptance again
ACCEPTED_FIELDS = frozenset({"plan_note", "fee_amount"})


class AftersalesVisit(models.Model):
    """One trip of the engineer to the customer for a dispatch order, and its
    service form (维修服务单): the work screen the engineer fills on site.

    A dispatch order may need several visits (a part to bring, a unit to bring
    back): each has its own ETA call, arrival, work, signature and satisfaction
    checklist. One visit at a time is open; the first is planned with the
    order, at its appointment. The buttons of the visit are in
    ``aftersales_visit_flow.py``, its printed report in
    ``aftersales_visit_report.py``.
    """

    _name = "aftersales.visit"
    _description = "Service Visit"
    _inherit = ["aftersales.sequence.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "planned_date desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "ticket_id.number", "partner_id.name"]
    _aftersales_sequence_code = "aftersales.visit"

    # -- the job -------------------------------------------------------------------
    dispatch_order_id = fields.Many2one(
        "aftersales.dispatch.order",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
        readonly=True,
    )
    ticket_id = fields.Many2one(
        related="dispatch_order_id.ticket_id", store=True, index=True
    )
    company_id = fields.Many2one(
        related="dispatch_order_id.company_id", store=True, index=True
    )
    team_id = fields.Many2one(related="dispatch_order_id.team_id", store=True)
    partner_id = fields.Many2one(
        related="ticket_id.partner_id", store=True, index=True, string="Customer"
    )
    partner_phone = fields.Char(related="ticket_id.partner_phone")
    service_address = fields.Char(related="ticket_id.service_address")
    product_id = fields.Many2one(related="ticket_id.product_id")
    lot_id = fields.Many2one(related="ticket_id.lot_id")
    fault_description = fields.Html(related="ticket_id.description")
    engineer_id = fields.Many2one(
        related="dispatch_order_id.engineer_id", store=True, index=True
    )
    engineer_user_id = fields.Many2one(
        related="dispatch_order_id.engineer_user_id",
        store=True,
        index=True,
        string="Engineer User",
    )
    assistant_id = fields.Many2one(related="dispatch_order_id.assistant_id")
    assistant_user_id = fields.Many2one(
        related="dispatch_order_id.assistant_user_id",
        store=True,
        index=True,
        string="Assistant User",
    )
    engineer_image = fields.Image(related="engineer_id.image_128")
    engineer_certificate = fields.Char(
        string="Certificate",
        compute="_compute_engineer_certificate",
        help="The engineer's valid after-sales service certificates, shown to the "
        "customer with his ID.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        VISIT_STATES,
        default="planned",
        required=True,
        tracking=True,
        index=True,
        copy=False,
        group_expand=True,
    )
    is_first = fields.Boolean(
        string="First Visit",
        readonly=True,
        copy=False,
        help="The visit planned with the dispatch order.",
    )
    planned_date = fields.Datetime(
        string="Planned For",
        compute="_compute_planned_date",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
        help="When the engineer is expected on site: the first visit follows the "
        "appointment of the dispatch order until the engineer arrives.",
    )
    planned_hours = fields.Float(
        string="Planned Duration", default=2.0, help="For the calendar, in hours."
    )
    # -- before the visit ----------------------------------------------------------
    call_ids = fields.One2many("aftersales.visit.call", "visit_id", string="ETA Calls")
    eta_date = fields.Datetime(
        string="Announced Arrival",
        compute="_compute_eta",
        help="The arrival time the engineer gave the customer on his last call.",
    )
    delay_minutes = fields.Integer(
        string="Announced Delay (min)",
        compute="_compute_eta",
        help="How late the announced arrival is, against the planned time.",
    )
    # -- on site -------------------------------------------------------------------
    checkin_date = fields.Datetime(string="Checked In", readonly=True, copy=False)
    checkout_date = fields.Datetime(string="Checked Out", readonly=True, copy=False)
    id_shown_date = fields.Datetime(
        string="ID Shown",
        readonly=True,
        copy=False,
        help="When the engineer showed the customer his ID.",
    )
    inspection_note = fields.Text(
        string="Site Survey", help="What the engineer found when he looked at the unit."
    )
    plan_note = fields.Text(
        string="Repair Plan",
        help="The plan explained to the customer before the work starts.",
    )
    fee_amount = fields.Monetary(
        string="Fee",
        tracking=True,
        help="What the customer pays for the repair, as explained to him: parts, "
        "labour and travel not covered. Zero for a free repair. A chargeable "
        "repair starts only once the customer accepted the plan and the fee.",
    )
    chargeable = fields.Boolean(compute="_compute_chargeable", store=True)
    acceptance_state = fields.Selection(
        ACCEPTANCE_STATES,
        string="Customer Acceptance",
        default="pending",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    accepted_date = fields.Datetime(string="Answered On", readonly=True, copy=False)
    accepted_by = fields.Char(
        string="Answered By", help="Who accepted or refused the plan and the fee."
    )
    work_start_date = fields.Datetime(
        string="Work Started", readonly=True, copy=False, tracking=True
    )
    # -- the work ------------------------------------------------------------------
    work_note = fields.Text(string="Work Done")
    problem_note = fields.Text(string="Problems Found")
    solution_note = fields.Text(string="Solutions")
    result = fields.Selection(RESULTS, tracking=True, copy=False)
    result_note = fields.Text(string="Result Details")
    next_visit_date = fields.Datetime(
        string="Next Visit",
        copy=False,
        help="When the engineer comes back, for the result 'Another visit needed'.",
    )
    part_ids = fields.One2many(
        "aftersales.visit.part", "visit_id", string="Parts Used", copy=False
    )
    work_hours = fields.Float(
        string="Time Spent (h)",
        compute="_compute_work_hours",
        store=True,
        readonly=False,
        aggregator="sum",
        help="From check-in to check-out unless the engineer corrects it.",
    )
    photo_ids = fields.Many2many(
        "ir.attachment",
        "aftersales_visit_photo_rel",
        "visit_id",
        "attachment_id",
        string="Photos",
        help="Photos of the unit, of the fault and of the repaired unit.",
    )
    joint_test_date = fields.Datetime(
        string="Joint Test", readonly=True, copy=False, tracking=True
    )
    joint_test_passed = fields.Boolean(readonly=True, copy=False)
    joint_test_note = fields.Text(
        help="What the engineer and the customer tested together, and how it went."
    )
    # -- the customer's signature and checklist ------------------------------------
    customer_signature = fields.Binary(
        attachment=True, copy=False, help="The customer signs the service form."
    )
    signed_by = fields.Char(copy=False)
    signed_date = fields.Datetime(string="Signed On", readonly=True, copy=False)
    no_signature_reason = fields.Char(
        copy=False, help="Why the customer did not sign the service form."
    )
    survey_ids = fields.One2many("aftersales.survey", "visit_id", string="Surveys")
    checklist_id = fields.Many2one(
        "aftersales.survey",
        string="Satisfaction Checklist",
        compute="_compute_checklist_id",
        help="The satisfaction checklist (满意度检查表) the customer filled in on "
        "the service form.",
    )
    checklist_declined = fields.Boolean(
        copy=False,
        help="The customer did not want to fill in the satisfaction checklist.",
    )
    report_attachment_id = fields.Many2one(
        "ir.attachment",
        string="Signed Report",
        readonly=True,
        copy=False,
        help="The signed service report, kept on the repair request.",
    )

    _sql_constraints = [
        ("fee_positive", "CHECK(fee_amount >= 0)", "A fee cannot be negative."),
        ("hours_positive", "CHECK(work_hours >= 0)", "Time spent cannot be negative."),
    ]

    # ---------------------------------------------------------------------------
    # computes
    # ---------------------------------------------------------------------------

    @api.depends("engineer_id")
    def _compute_engineer_certificate(self):
        for visit in self:
            # sudo: the visit's other readers (his assistant, agents, QC, the portal
            # customer) may not read his certifications; only valid ones' names show
            certificates = visit.engineer_id.sudo().certification_ids.filtered(
                lambda c: c.state in ("valid", "expiring")
            )
            visit.engineer_certificate = ", ".join(certificates.mapped("name"))

    @api.depends("dispatch_order_id.appointment_date")
    def _compute_planned_date(self):
        for visit in self:
            appointment = visit.dispatch_order_id.appointment_date
            if visit.is_first and visit.state == "planned" and appointment:
                visit.planned_date = appointment
            elif not visit.planned_date:
                visit.planned_date = fields.Datetime.now()

    @api.depends("call_ids.eta_date", "call_ids.delay_minutes")
    def _compute_eta(self):
        for visit in self:
            last = visit.call_ids.sorted(lambda c: (c.call_date, c.id))[-1:]
            visit.eta_date = last.eta_date
            visit.delay_minutes = last.delay_minutes

    @api.depends("fee_amount")
    def _compute_chargeable(self):
        for visit in self:
            visit.chargeable = visit._aftersales_is_chargeable()

    def _aftersales_is_chargeable(self):
        """The customer pays for this visit's repair. Other modules extend it
        (e.g. with the quote of a repair order)."""
        self.ensure_one()
        return self.fee_amount > 0

    @api.depends("checkin_date", "checkout_date")
    def _compute_work_hours(self):
        for visit in self:
            if visit.checkin_date and visit.checkout_date:
                seconds = (visit.checkout_date - visit.checkin_date).total_seconds()
                visit.work_hours = round(max(seconds, 0) / 3600.0, 2)
            else:
                visit.work_hours = visit.work_hours or 0.0

    @api.depends("survey_ids.method", "survey_ids.state")
    def _compute_checklist_id(self):
        for visit in self:
            visit.checklist_id = visit.survey_ids.filtered(
                lambda s: s.method == "service_form" and s.state != "cancel"
            )[:1]

    # ---------------------------------------------------------------------------
    # CRUD
    # ---------------------------------------------------------------------------

    @api.model
    def _aftersales_sequence_company(self, vals):
        order = self.env["aftersales.dispatch.order"].browse(
            vals.get("dispatch_order_id")
        )
        return order.company_id or self.env.company

    @api.model_create_multi
    def create(self, vals_list):
        visits = super().create(vals_list)
        for visit in visits:
            visit._aftersales_check_one_open()
            partners = (visit.engineer_user_id | visit.assistant_user_id).partner_id
            visit.message_subscribe(partner_ids=partners.ids)
        return visits

    def write(self, vals):
        self._aftersales_check_signed_content(vals)
        before = {}
        if ACCEPTED_FIELDS & set(vals):
            names = ACCEPTED_FIELDS & set(vals)
            before = {
                visit: {name: visit[name] for name in names}
                for visit in self.filtered(lambda v: v.acceptance_state == "accepted")
            }
        result = super().write(vals)
        for visit, values in before.items():
            if any(visit[name] != value for name, value in values.items()):
                visit._aftersales_ask_acceptance_again()
        if vals.get("customer_signature"):
            # checked with the values of this write (a result chosen with the
            # signature); a refusal rolls the whole write back
            self._aftersales_check_can_sign()
            self._aftersales_signed()
        return result

    def _aftersales_check_signed_content(self, vals):
        """What the customer signed stays as he signed it."""
        if self.env.su:
            return
        changed = SIGNED_FIELDS & set(vals)
        signed = self.filtered("signed_date")
        if changed and signed:
            raise UserError(
                self.env._(
                    "%(visit)s was signed by the customer on %(date)s: what he "
                    "signed does not change.",
                    visit=signed[0].display_name,
                    date=fields.Datetime.to_string(signed[0].signed_date),
                )
            )

    def _aftersales_check_one_open(self):
        self.ensure_one()
        others = self.dispatch_order_id.visit_ids.filtered(
            lambda v: v != self and v.state in ("planned", "on_site")
        )
        if self.state in ("planned", "on_site") and others:
            raise UserError(
                self.env._(
                    "%(order)s already has an open visit (%(visit)s): finish or "
                    "cancel it first.",
                    order=self.dispatch_order_id.name,
                    visit=others[0].name,
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        for visit in self:
            if visit.checkin_date:
                raise UserError(
                    self.env._(
                        "%(visit)s took place: it is kept with its service form.",
                        visit=visit.name,
                    )
                )
