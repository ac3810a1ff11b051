# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

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
TECH_SUPPORT_GROUP = "aftersales_sop.aftersales_sop_group_tech_support"
#: helpdesk priority (0 low .. 3 very high) that goes with an urgency
URGENCY_PRIORITY = {"normal": "1", "important": "2", "urgent": "3"}


class HelpdeskTicket(models.Model):
    """Intake (SPEC §2): the request as the agent records and classifies it.

    The unit and its purchase (product, serial number, purchase date and proof,
    contact phone) come from ``aftersales.unit.mixin``; the clock engine and
    the repair flow extend the ticket in files of their own.
    """

    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "aftersales.unit.mixin"]
    _check_company_auto = True

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
        "count from it. Once recorded, only a manager corrects it, with a reason.",
    )
    product_categ_id = fields.Many2one(
        related="product_id.categ_id", store=True, string="Product Category"
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
        check_company=True,
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

    # -- escalation to technical support ---------------------------------------
    tech_support_user_id = fields.Many2one(
        "res.users",
        string="Technical Support",
        tracking=True,
        copy=False,
        domain=lambda self: self._aftersales_tech_support_domain(),
        help="The technical support engineer who takes the escalated question: a "
        "member of the Technical Support role.",
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

    @api.model
    def _aftersales_tech_support_domain(self):
        group = self.env.ref(TECH_SUPPORT_GROUP, raise_if_not_found=False)
        return [("groups_id", "in", group.ids)] if group else [("share", "=", False)]

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

    @api.constrains("tech_support_user_id")
    def _check_tech_support_user(self):
        for ticket in self.filtered("tech_support_user_id"):
            if not ticket.tech_support_user_id.has_group(TECH_SUPPORT_GROUP):
                raise ValidationError(
                    self.env._(
                        "%(user)s does not have the Technical Support role: escalated "
                        "questions go to technical support engineers.",
                        user=ticket.tech_support_user_id.name,
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

    # ---------------------------------------------------------------------------
    # CRUD
    # ---------------------------------------------------------------------------

    def _aftersales_prepare_vals(self, vals):
        """Set the urgency of the class and its priority, the escalation moment,
        and the moment the customer was told an appointment given at once."""
        if vals.get("inquiry_class") in CLASS_URGENCY and "urgency" not in vals:
            vals["urgency"] = CLASS_URGENCY[vals["inquiry_class"]]
        if vals.get("urgency") and "priority" not in vals:
            vals["priority"] = URGENCY_PRIORITY[vals["urgency"]]
        if vals.get("tech_support_user_id") and "escalated_date" not in vals:
            vals["escalated_date"] = fields.Datetime.now()
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._aftersales_prepare_vals(vals)
            if vals.get("appointment_date") and not vals.get("schedule_told_date"):
                vals["schedule_told_date"] = fields.Datetime.now()
            if vals.get("inquiry_class") == "b":
                vals["repair_registered_date"] = (
                    vals.get("repair_registered_date") or fields.Datetime.now()
                )
                vals.setdefault("dispatch_review_date", vals["repair_registered_date"])
                vals["repair_state"] = vals.get("repair_state") or "registered"
                if vals.get("partner_id") and not vals.get("service_address"):
                    partner = self.env["res.partner"].browse(vals["partner_id"])
                    location = self._aftersales_service_location(partner)
                    vals["service_address"] = location["service_address"]
                    vals.setdefault("service_zone_id", location["service_zone_id"])
        tickets = super().create(vals_list)
        tickets.filtered("first_response_date")._aftersales_record_response()
        tickets._aftersales_after_change(
            new_repairs=tickets.filtered("repair_registered_date")
        )
        tickets.filtered("tech_support_user_id")._aftersales_notify_tech_support()
        return tickets

    def write(self, vals):
        self._aftersales_check_moment_changes(vals)
        vals = self._aftersales_prepare_vals(dict(vals))
        if vals.get("appointment_date"):
            # agreeing an appointment is telling the customer the scheduled time
            untold = self.filtered(lambda t: not t.schedule_told_date)
            if untold and "schedule_told_date" not in vals:
                untold.write({"schedule_told_date": fields.Datetime.now()})
        new_repairs = self.browse()
        if vals.get("inquiry_class") == "b":
            new_repairs = self.filtered(lambda t: not t.repair_registered_date)
        result = super().write(vals)
        for ticket in new_repairs:
            # open the repair flow of tickets that become repair requests
            now = fields.Datetime.now()
            values = {
                "repair_registered_date": now,
                "dispatch_review_date": now,
                "repair_state": "registered",
            }
            if ticket.partner_id and not ticket.service_address:
                values.update(self._aftersales_service_location(ticket.partner_id))
            super(HelpdeskTicket, ticket).write(values)
        if {"first_response_date", "request_date"} & set(vals):
            self._aftersales_record_response()
        if new_repairs or set(vals) & self._aftersales_clock_trigger_fields():
            self._aftersales_after_change(new_repairs=new_repairs)
        if vals.get("tech_support_user_id"):
            self._aftersales_notify_tech_support()
        return result

    def _aftersales_notify_tech_support(self):
        # sudo: the agent who escalates may have no e-mail address to notify from
        for ticket in self.sudo():
            ticket.activity_schedule(
                "aftersales_sop.mail_act_escalated_question",
                summary=self.env._("Answer the escalated question"),
                user_id=ticket.tech_support_user_id.id,
            )

    def _aftersales_after_change(self, new_repairs=None, new=False):
        self._aftersales_sync_clocks(new=new)
        if new_repairs:
            new_repairs._aftersales_schedule_dispatch_review()

    # ---------------------------------------------------------------------------
    # actions
    # ---------------------------------------------------------------------------

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
