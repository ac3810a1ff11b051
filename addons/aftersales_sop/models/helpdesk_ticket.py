# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from odoo.addons.phone_validation.tools import phone_validation

from ..rules import clocks as clock_rules
from .aftersales_engineer import FAULT_TYPES

INQUIRY_CLASSES = [
    ("a", "A - Product Usage"),
    ("b", "B - Fault / Repair"),
    ("c", "C - Policy"),
    ("d", "D - Other"),
]
URGENCIES = [("urgent", "Urgent"), ("important", "Important"), ("normal", "Normal")]
#: SPEC §2: A and C are normal, B is urgent, D is judged by the agent
CLASS_URGENCY = {"a": "normal", "b": "urgent", "c": "normal"}
#: helpdesk priority (0 low .. 3 very high) that goes with an urgency
URGENCY_PRIORITY = {"normal": "1", "important": "2", "urgent": "3"}
REPAIR_STATES = [
    ("registered", "Registered"),
    ("dispatched", "Dispatched"),
    ("on_site", "Engineer On Site"),
    ("done", "Done"),
]


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # -- intake (SPEC §2) ----------------------------------------------------------
    inquiry_class = fields.Selection(
        INQUIRY_CLASSES,
        tracking=True,
        index=True,
        help="A: how to use a product; B: a fault to repair (starts the repair flow); "
        "C: a question on the service policy; D: anything else.",
    )
    # Urgency, service address and zone, the dispatch order and the clock
    # summary are plain fields kept up to date by create/write and the clock and
    # dispatch code rather than stored computes: a ticket created by an
    # integration (title, description, contact) must stay cheap (bench/).
    urgency = fields.Selection(
        URGENCIES,
        tracking=True,
        help="Set from the inquiry class (A and C normal, B urgent); "
        "the agent judges class D.",
    )
    fault_type = fields.Selection(FAULT_TYPES, tracking=True)
    is_complex = fields.Boolean(
        string="Complex Job", help="Complex jobs are dispatched to senior engineers."
    )
    request_date = fields.Datetime(
        string="Reported On",
        default=fields.Datetime.now,
        required=True,
        copy=False,
        help="When the customer's request was received: the service clocks "
        "count from it.",
    )
    partner_phone = fields.Char(
        string="Contact Phone",
        index="btree_not_null",
        tracking=True,
        help="Stored in international format (E.164); numbers without a country "
        "prefix are read in the company's country.",
    )
    product_id = fields.Many2one("product.product", tracking=True, check_company=True)
    product_categ_id = fields.Many2one(
        related="product_id.categ_id", store=True, string="Product Category"
    )
    product_tracking = fields.Selection(related="product_id.tracking")
    lot_id = fields.Many2one(
        "stock.lot",
        string="Serial Number",
        tracking=True,
        check_company=True,
        domain="[('product_id', '=', product_id)]",
    )
    purchase_date = fields.Date(tracking=True)
    proof_reference = fields.Char(
        string="Proof of Purchase",
        help="Invoice or receipt number of the purchase.",
    )
    proof_attachment_ids = fields.Many2many(
        "ir.attachment",
        "helpdesk_ticket_proof_attachment_rel",
        "ticket_id",
        "attachment_id",
        string="Proof Documents",
        help="Scanned invoice, receipt or warranty card.",
    )
    service_address = fields.Char(
        help="Where the service takes place; a repair request takes the customer's "
        "address unless another one is given."
    )
    service_zone_id = fields.Many2one(
        "aftersales.zone",
        index=True,
        help="Zone of the service address: dispatch prefers engineers from it.",
    )
    requested_service_date = fields.Datetime(
        string="Wanted Service Time", help="When the customer wants the service."
    )
    caller_ticket_ids = fields.Many2many(
        "helpdesk.ticket",
        string="Caller's Other Tickets",
        compute="_compute_caller_ticket_ids",
        help="Open tickets of the same caller (by phone or contact), and "
        "recent closed ones.",
    )
    caller_ticket_count = fields.Integer(compute="_compute_caller_ticket_ids")

    # -- events the service clocks start and stop on (SPEC §3) -------------------
    first_response_date = fields.Datetime(
        string="First Response",
        copy=False,
        help="When the customer was first answered.",
    )
    responded_in_time = fields.Boolean(
        compute="_compute_responded_in_time",
        help="The first response came within the channel's target (30 s online).",
    )
    schedule_told_date = fields.Datetime(
        string="Schedule Told On",
        copy=False,
        help="When the customer was told the scheduled time.",
    )
    first_contact_date = fields.Datetime(string="Customer Contacted On", copy=False)
    escalation_requested_date = fields.Datetime(
        string="Escalation Needed Since",
        copy=False,
        help="When the agent found he could not answer the question on the spot.",
    )
    tech_support_user_id = fields.Many2one(
        "res.users",
        string="Technical Support",
        tracking=True,
        copy=False,
        domain="[('share', '=', False)]",
    )
    escalated_date = fields.Datetime(string="Escalated On", copy=False)
    repair_registered_date = fields.Datetime(string="Repair Registered On", copy=False)
    assessment_date = fields.Datetime(string="Assessment Recorded On", copy=False)
    assessment_note = fields.Text(string="Initial Assessment")
    dispatch_date = fields.Datetime(
        string="Dispatched On", copy=False, help="When an engineer was assigned."
    )
    onsite_date = fields.Datetime(string="Engineer On Site", copy=False)

    # -- repair flow and dispatch (SPEC §4) -------------------------------------
    repair_state = fields.Selection(
        REPAIR_STATES, tracking=True, copy=False, index=True, string="Repair Status"
    )
    dispatch_order_ids = fields.One2many(
        "aftersales.dispatch.order", "ticket_id", string="Dispatch Orders"
    )
    dispatch_order_id = fields.Many2one(
        "aftersales.dispatch.order",
        readonly=True,
        copy=False,
        help="The dispatch order in progress (not cancelled).",
    )
    engineer_id = fields.Many2one(
        "aftersales.engineer", readonly=True, copy=False, index=True
    )
    repair_missing_info = fields.Char(
        compute="_compute_repair_missing_info",
        help="What a repair request still needs before an engineer is sent.",
    )

    # -- service clocks ------------------------------------------------------------
    clock_ids = fields.One2many(
        "aftersales.ticket.clock", "ticket_id", string="Service Clocks"
    )
    clock_breached = fields.Boolean(
        readonly=True,
        copy=False,
        index=True,
        help="One of the ticket's service clocks ran out.",
    )
    clock_deadline = fields.Datetime(
        string="Next Deadline",
        readonly=True,
        copy=False,
        help="The earliest deadline of the clocks still running.",
    )

    # ---------------------------------------------------------------------------
    # computes
    # ---------------------------------------------------------------------------

    @api.depends("partner_phone", "partner_id")
    def _compute_caller_ticket_ids(self):
        for ticket in self:
            domain = ticket._aftersales_caller_domain()
            ticket.caller_ticket_ids = (
                self.search(domain, limit=50) if domain else False
            )
            ticket.caller_ticket_count = len(ticket.caller_ticket_ids)

    def _aftersales_caller_domain(self):
        """Tickets of the same caller: open ones, and closed ones still recent."""
        self.ensure_one()
        who = []
        if self.partner_phone:
            who.append([("partner_phone", "=", self.partner_phone)])
        if self.partner_id:
            who.append(
                [
                    (
                        "commercial_partner_id",
                        "=",
                        self.partner_id.commercial_partner_id.id,
                    )
                ]
            )
        if not who:
            return []
        days = self.company_id.aftersales_repeat_caller_days or 0
        since = fields.Datetime.now() - timedelta(days=days)
        return expression.AND(
            [
                expression.OR(who),
                [("id", "!=", self._origin.id or 0)],
                ["|", ("closed", "=", False), ("request_date", ">=", since)],
            ]
        )

    @api.depends(
        "first_response_date", "request_date", "channel_id.response_target_seconds"
    )
    def _compute_responded_in_time(self):
        for ticket in self:
            target = ticket.channel_id.response_target_seconds or 30
            ticket.responded_in_time = bool(
                ticket.first_response_date
                and ticket.request_date
                and (ticket.first_response_date - ticket.request_date).total_seconds()
                <= target
            )

    @api.depends(
        "inquiry_class",
        "partner_id",
        "partner_phone",
        "product_id",
        "lot_id",
        "purchase_date",
        "proof_reference",
        "proof_attachment_ids",
        "description",
        "service_address",
        "requested_service_date",
    )
    def _compute_repair_missing_info(self):
        for ticket in self:
            missing = (
                ticket._aftersales_repair_missing()
                if ticket.inquiry_class == "b"
                else []
            )
            ticket.repair_missing_info = ", ".join(missing) if missing else False

    def _aftersales_repair_missing(self):
        """What SPEC §2 requires on a repair request and this one lacks."""
        self.ensure_one()
        checks = [
            (self.partner_id, self.env._("customer")),
            (self.partner_phone, self.env._("contact phone")),
            (self.product_id, self.env._("product")),
            (
                self.lot_id or self.product_id.tracking in (False, "none"),
                self.env._("serial number"),
            ),
            (self.purchase_date, self.env._("purchase date")),
            (
                self.proof_reference or self.proof_attachment_ids,
                self.env._("proof of purchase"),
            ),
            (
                tools.html2plaintext(self.description or "").strip(),
                self.env._("fault symptom"),
            ),
            (self.requested_service_date, self.env._("wanted service time")),
            (self.service_address, self.env._("service address")),
        ]
        return [label for present, label in checks if not present]

    def _aftersales_clock_summary(self):
        """``clock_breached`` and ``clock_deadline`` as the clocks now stand."""
        self.ensure_one()
        running = [
            c.deadline for c in self.clock_ids if c.state == "running" and c.deadline
        ]
        return {
            "clock_breached": any(c.state == "breached" for c in self.clock_ids),
            "clock_deadline": min(running) if running else False,
        }

    @api.model
    def _aftersales_service_location(self, partner):
        """Service address and zone proposed for ``partner``."""
        parts = [partner.street, partner.street2, partner.city, partner.zip]
        return {
            "service_address": ", ".join(p for p in parts if p) or False,
            "service_zone_id": partner.aftersales_zone_id.id,
        }

    # ---------------------------------------------------------------------------
    # constraints
    # ---------------------------------------------------------------------------

    @api.constrains("purchase_date")
    def _check_purchase_date(self):
        today = fields.Date.context_today(self)
        for ticket in self:
            if ticket.purchase_date and ticket.purchase_date > today:
                raise ValidationError(
                    self.env._(
                        "The purchase date %(date)s of %(ticket)s is in the future.",
                        date=ticket.purchase_date,
                        ticket=ticket.display_name,
                    )
                )

    @api.constrains("request_date")
    def _check_request_date(self):
        # a minute of slack for clocks of the client and the server
        limit = fields.Datetime.now() + timedelta(minutes=1)
        for ticket in self:
            if ticket.request_date and ticket.request_date > limit:
                raise ValidationError(
                    self.env._(
                        "%(ticket)s cannot be reported in the future.",
                        ticket=ticket.display_name,
                    )
                )

    @api.constrains("lot_id", "product_id")
    def _check_lot_product(self):
        for ticket in self.sudo():
            if ticket.lot_id and ticket.lot_id.product_id != ticket.product_id:
                raise ValidationError(
                    self.env._(
                        "Serial number %(lot)s is not a serial number of %(product)s.",
                        lot=ticket.lot_id.name,
                        product=ticket.product_id.display_name or "-",
                    )
                )

    # ---------------------------------------------------------------------------
    # onchanges
    # ---------------------------------------------------------------------------

    @api.onchange("inquiry_class")
    def _onchange_inquiry_class(self):
        if CLASS_URGENCY.get(self.inquiry_class):
            self.urgency = CLASS_URGENCY[self.inquiry_class]

    @api.onchange("partner_id")
    def _onchange_partner_id_location(self):
        if self.partner_id:
            location = self._aftersales_service_location(self.partner_id)
            if not self.service_address:
                self.service_address = location["service_address"]
            if location["service_zone_id"]:
                self.service_zone_id = location["service_zone_id"]

    @api.onchange("urgency")
    def _onchange_urgency(self):
        if self.urgency:
            self.priority = URGENCY_PRIORITY[self.urgency]

    @api.onchange("partner_id")
    def _onchange_partner_id_phone(self):
        if self.partner_id and not self.partner_phone:
            self.partner_phone = self.partner_id.phone or self.partner_id.mobile

    @api.onchange("product_id")
    def _onchange_product_id_lot(self):
        if self.lot_id and self.lot_id.product_id != self.product_id:
            self.lot_id = False

    @api.onchange("lot_id")
    def _onchange_lot_id_product(self):
        if self.lot_id and not self.product_id:
            self.product_id = self.lot_id.product_id

    # ---------------------------------------------------------------------------
    # CRUD
    # ---------------------------------------------------------------------------

    @api.model
    def _aftersales_format_phone(self, number, company=None):
        """``number`` in E.164, read in ``company``'s country when it has no prefix.

        Raises a UserError that says why when the number cannot be a phone number.
        """
        number = (number or "").strip()
        if not number:
            return False
        country = (company or self.env.company).country_id or self.env.ref("base.cn")
        try:
            return phone_validation.phone_format(
                number,
                country.code,
                country.phone_code,
                force_format="E164",
                raise_exception=True,
            )
        except UserError as error:
            raise UserError(
                self.env._(
                    "The contact phone %(number)s is not a valid phone number "
                    "(%(reason)s). Enter it with its area code, or with +country code "
                    "for a number outside %(country)s.",
                    number=number,
                    reason=error.args[0] if error.args else "",
                    country=country.name,
                )
            ) from error

    def _aftersales_prepare_vals(self, vals, company):
        """Normalize the phone; set the urgency of the class and its priority."""
        if vals.get("inquiry_class") in CLASS_URGENCY and "urgency" not in vals:
            vals["urgency"] = CLASS_URGENCY[vals["inquiry_class"]]
        if vals.get("urgency") and "priority" not in vals:
            vals["priority"] = URGENCY_PRIORITY[vals["urgency"]]
        if vals.get("partner_phone"):
            vals["partner_phone"] = self._aftersales_format_phone(
                vals["partner_phone"], company
            )
        if vals.get("tech_support_user_id") and "escalated_date" not in vals:
            vals["escalated_date"] = fields.Datetime.now()
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            company = (
                self.env["res.company"].browse(vals.get("company_id"))
                or self.env.company
            )
            self._aftersales_prepare_vals(vals, company)
            if vals.get("inquiry_class") == "b":
                vals["repair_registered_date"] = (
                    vals.get("repair_registered_date") or fields.Datetime.now()
                )
                vals["repair_state"] = vals.get("repair_state") or "registered"
                if vals.get("partner_id") and not vals.get("service_address"):
                    partner = self.env["res.partner"].browse(vals["partner_id"])
                    location = self._aftersales_service_location(partner)
                    vals["service_address"] = location["service_address"]
                    vals.setdefault("service_zone_id", location["service_zone_id"])
        tickets = super().create(vals_list)
        tickets._aftersales_after_change(
            new_repairs=tickets.filtered("repair_registered_date")
        )
        tickets.filtered("tech_support_user_id")._aftersales_notify_tech_support()
        return tickets

    def write(self, vals):
        companies = self.company_id or self.env.company
        if vals.get("partner_phone") and len(companies.country_id) > 1:
            # a number without prefix is read in each ticket's own country; all
            # are checked before any ticket is written
            numbers = {
                company: self._aftersales_format_phone(vals["partner_phone"], company)
                for company in companies
            }
            for company, number in numbers.items():
                tickets = self.filtered(lambda t, c=company: t.company_id == c)
                tickets.write(dict(vals, partner_phone=number))
            return True
        vals = dict(vals)
        self._aftersales_prepare_vals(vals, companies[:1])
        new_repairs = self.browse()
        if vals.get("inquiry_class") == "b":
            new_repairs = self.filtered(lambda t: not t.repair_registered_date)
        result = super().write(vals)
        for ticket in new_repairs:
            # open the repair flow of tickets that become repair requests
            values = {
                "repair_registered_date": fields.Datetime.now(),
                "repair_state": "registered",
            }
            if ticket.partner_id and not ticket.service_address:
                values.update(self._aftersales_service_location(ticket.partner_id))
            super(HelpdeskTicket, ticket).write(values)
        if new_repairs or set(vals) & self._aftersales_clock_trigger_fields():
            self._aftersales_after_change(new_repairs=new_repairs)
        if vals.get("tech_support_user_id"):
            self._aftersales_notify_tech_support()
        return result

    def _aftersales_notify_tech_support(self):
        for ticket in self:
            ticket.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Answer the escalated question"),
                user_id=ticket.tech_support_user_id.id,
            )

    def _aftersales_after_change(self, new_repairs=None, new=False):
        self._aftersales_sync_clocks(new=new)
        if new_repairs:
            new_repairs._aftersales_schedule_dispatch_review()

    # ---------------------------------------------------------------------------
    # service clocks
    # ---------------------------------------------------------------------------

    @api.model
    def _aftersales_clock_events(self):
        """{event code: (label, ticket datetime field)}: what clocks start and stop on.

        Other modules add their events by extending this method.
        """
        return {
            "request_received": (self.env._("Request received"), "request_date"),
            "first_response": (
                self.env._("Customer first answered"),
                "first_response_date",
            ),
            "schedule_told": (
                self.env._("Customer told the scheduled time"),
                "schedule_told_date",
            ),
            "customer_contacted": (
                self.env._("Customer contacted"),
                "first_contact_date",
            ),
            "escalation_needed": (
                self.env._("Question found unanswerable"),
                "escalation_requested_date",
            ),
            "escalated": (self.env._("Handed to technical support"), "escalated_date"),
            "repair_registered": (
                self.env._("Repair request registered"),
                "repair_registered_date",
            ),
            "engineer_assigned": (self.env._("Engineer assigned"), "dispatch_date"),
            "assessment_recorded": (
                self.env._("Initial assessment recorded"),
                "assessment_date",
            ),
            "engineer_on_site": (self.env._("Engineer on site"), "onsite_date"),
            "resolved": (self.env._("Ticket closed"), "closed_date"),
        }

    @api.model
    @tools.ormcache()
    def _aftersales_clock_trigger_fields(self):
        """Ticket fields whose change may start, stop, pause or move a clock."""
        event_fields = {
            name for _label, name in self._aftersales_clock_events().values()
        }
        domain_fields = set()
        for *_ids, domain in self._aftersales_clock_specs():
            for leaf in domain:
                if isinstance(leaf, list | tuple) and leaf and isinstance(leaf[0], str):
                    domain_fields.add(leaf[0].split(".")[0])
        return frozenset(
            event_fields
            | domain_fields
            | {
                "stage_id",
                "team_id",
                "company_id",
                "service_zone_id",
                "dispatch_order_id",
                "inquiry_class",
            }
        )

    @tools.ormcache()
    def _aftersales_clock_specs(self):
        """The active clock definitions, as plain data read once per registry.

        ``(clock id, company id, start field, stop field, ticket domain)``;
        the cache is cleared whenever a clock definition changes.
        """
        events = self._aftersales_clock_events()
        specs = []
        for clock in (
            self.env["aftersales.clock"].sudo().search([("active", "=", True)])
        ):
            start = events.get(clock.start_event)
            stop = events.get(clock.stop_event)
            if not start or not stop:
                continue  # an event of a module that is not installed any more
            specs.append(
                (
                    clock.id,
                    clock.company_id.id,
                    start[1],
                    stop[1],
                    clock._get_ticket_domain(),
                )
            )
        return tuple(specs)

    def _aftersales_engineer_from_other_zone(self):
        """The engineer comes from another zone than the service address."""
        self.ensure_one()
        engineer = self.dispatch_order_id.engineer_id
        return bool(
            engineer
            and self.service_zone_id
            and engineer.zone_id
            and engineer.zone_id != self.service_zone_id
        )

    def _aftersales_clock_responsible(self, clock):
        self.ensure_one()
        team = self.team_id
        candidates = {
            "dispatcher": team.dispatcher_id or team.user_id or self.user_id,
            "leader": team.user_id or self.user_id,
            "assignee": self.user_id or team.dispatcher_id or team.user_id,
        }
        return candidates.get(clock.responsible) or self.env["res.users"]

    def _aftersales_sync_clocks(self, new=False):
        """Create, start, pause, resume, stop and breach the tickets' clocks.

        A clock is created when its start event happens on a ticket it applies
        to; one that stops applying before it ended is removed. ``new``: the
        tickets were just created, so they have no clock yet.
        """
        specs = self._aftersales_clock_specs()
        if not specs or not self:
            return
        Clock = self.env["aftersales.clock"].sudo()
        TicketClock = self.env["aftersales.ticket.clock"].sudo()
        now = fields.Datetime.now()
        calendars = {}
        to_create, to_remove, changed = [], TicketClock, TicketClock
        for ticket in self.sudo():
            existing = {} if new else {c.clock_id.id: c for c in ticket.clock_ids}
            for clock_id, company_id, start_field, stop_field, domain in specs:
                instance = existing.get(clock_id)
                start = ticket[start_field]
                if not start and not instance:
                    continue  # not started: nothing to do, whatever the domain
                applies = (
                    not company_id or company_id == ticket.company_id.id
                ) and bool(ticket.filtered_domain(domain))
                if not (applies and start):
                    if instance and (instance.state != "pending" or not applies):
                        if not applies and instance.state in ("met", "breached"):
                            continue  # an ended clock stays, as history
                        to_remove |= instance
                    continue
                values = ticket._aftersales_clock_values(
                    Clock.browse(clock_id),
                    instance,
                    start,
                    ticket[stop_field],
                    now,
                    calendars,
                )
                if not instance:
                    to_create.append(
                        dict(values, ticket_id=ticket.id, clock_id=clock_id)
                    )
                    continue
                dirty = {
                    key: value
                    for key, value in values.items()
                    if (
                        instance[key].id
                        if key == "responsible_user_id"
                        else instance[key]
                    )
                    != value
                }
                if dirty:
                    instance.write(dirty)
                    changed |= instance
        touched = changed.ticket_id | to_remove.ticket_id
        if to_remove:
            to_remove.unlink()
        if to_create:
            created = TicketClock.create(to_create)
            changed |= created
            touched |= created.ticket_id
        for ticket in touched:
            summary = ticket._aftersales_clock_summary()
            if any(ticket[key] != value for key, value in summary.items()):
                ticket.write(summary)
        changed.filtered(lambda c: c.state == "breached")._notify_breach()

    def _aftersales_clock_values(self, clock, instance, start, stop, now, calendars):
        """The values of ``clock`` on this ticket at ``now`` (``instance``: its
        current record, if any)."""
        self.ensure_one()
        stop = max(stop, start) if stop else False
        limit = clock._limit_for(self)
        values = {}
        if not instance or instance.start_date != start or instance.time_limit != limit:
            values.update(
                start_date=start,
                time_limit=limit,
                deadline=clock._deadline(start, self, calendars),
                paused_since=False,
            )
        deadline = values.get("deadline", instance.deadline if instance else False)
        paused_since = values.get(
            "paused_since", instance.paused_since if instance else False
        )
        pause = (
            clock.pause_when_waiting
            and not stop
            and self.stage_id.aftersales_pause_clocks
        )
        if paused_since and not pause:
            # resuming: give back the time that was left when it paused
            calendar = None
            if clock.unit in clock_rules.WORKING_UNITS:
                calendar = clock._working_calendar(self, paused_since, calendars)
            resumed_at = max(min(stop or now, now), paused_since)
            deadline = clock_rules.resumed_deadline(
                paused_since, resumed_at, deadline, clock.unit, calendar
            )
            paused_since = False
        elif pause and not paused_since:
            paused_since = now
        values.update(
            stop_date=stop or False,
            deadline=deadline,
            paused_since=paused_since or False,
            state=clock_rules.state(
                start, stop or None, deadline, now, paused_since or None
            ),
            responsible_user_id=self._aftersales_clock_responsible(clock).id,
        )
        return values

    # ---------------------------------------------------------------------------
    # repair flow
    # ---------------------------------------------------------------------------

    def _aftersales_schedule_dispatch_review(self):
        """A new repair request waits for the dispatcher's review."""
        for ticket in self.sudo():
            user = ticket.team_id.dispatcher_id or ticket.team_id.user_id
            if not user:
                continue
            review = ticket.clock_ids.filtered(lambda c: c.code == "dispatch_review")
            deadline = review.deadline or fields.Datetime.now()
            ticket.activity_schedule(
                "aftersales_sop.mail_act_dispatch_review",
                date_deadline=fields.Date.context_today(ticket, deadline),
                summary=self.env._(
                    "Review the repair request and dispatch an engineer"
                ),
                user_id=user.id,
            )

    # ---------------------------------------------------------------------------
    # actions
    # ---------------------------------------------------------------------------

    def _aftersales_record(self, field_name):
        for ticket in self:
            if not ticket[field_name]:
                ticket[field_name] = fields.Datetime.now()
        return True

    def action_record_first_response(self):
        return self._aftersales_record("first_response_date")

    def action_record_schedule_told(self):
        return self._aftersales_record("schedule_told_date")

    def action_record_customer_contacted(self):
        return self._aftersales_record("first_contact_date")

    def action_record_assessment(self):
        for ticket in self:
            if not (ticket.assessment_note or "").strip():
                raise UserError(
                    self.env._(
                        "Write the initial assessment of %(ticket)s "
                        "before recording it.",
                        ticket=ticket.display_name,
                    )
                )
        return self._aftersales_record("assessment_date")

    def action_request_escalation(self):
        for ticket in self:
            if ticket.inquiry_class not in ("a", "c"):
                raise UserError(
                    self.env._(
                        "Only product usage (A) and policy (C) questions are escalated "
                        "to technical support; %(ticket)s is not one.",
                        ticket=ticket.display_name,
                    )
                )
        return self._aftersales_record("escalation_requested_date")

    def action_open_dispatch(self):
        self.ensure_one()
        if self.inquiry_class != "b":
            raise UserError(
                self.env._(
                    "Only repair requests (class B) are dispatched to an engineer."
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Dispatch an Engineer"),
            "res_model": "helpdesk.ticket.dispatch",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    def action_view_caller_tickets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_sop.helpdesk_ticket_action_service"
        )
        action.update(
            name=self.env._("Tickets of this Caller"),
            domain=[("id", "in", self.caller_ticket_ids.ids)],
            context={},
        )
        return action

    def action_view_dispatch_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_sop.aftersales_dispatch_order_action"
        )
        action.update(
            domain=[("ticket_id", "=", self.id)], context={"default_ticket_id": self.id}
        )
        return action
