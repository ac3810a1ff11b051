# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

import pytz

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.sql import escape_psql

from ..rules import portal as rules
from .aftersales_engineer import FAULT_TYPES


class HelpdeskTicket(models.Model):
    """A fault the customer reports on his portal (SPEC §12): the repair
    request (class B) of the online channel, with its unit, fault type,
    service address, contact phone and the time slots he offers. The form
    is the helpdesk's own (``/new/ticket``), with a fault section."""

    _inherit = "helpdesk.ticket"

    reported_serial = fields.Char(
        string="Serial Number Given",
        copy=False,
        help="The serial number the customer typed on his portal when it is not "
        "one of the product's known serial numbers: check it with him and set "
        "the Serial Number.",
    )

    @api.model
    def _aftersales_portal_product_domain(self):
        return [
            ("sale_ok", "=", True),
            ("type", "=", "consu"),
            ("company_id", "in", [False, self.env.company.id]),
        ]

    @api.model
    def _aftersales_portal_products(self):
        """The products a customer may report a fault on."""
        # sudo: the customer reads the names of the products on sale only
        return (
            self.env["product.product"]
            .sudo()
            .search(self._aftersales_portal_product_domain(), order="name")
        )

    @api.model
    def _aftersales_portal_int(self, value):
        try:
            return int(value or 0)
        except (TypeError, ValueError):
            return 0

    @api.model
    def _aftersales_portal_find_lot(self, product, serial):
        """The serial number ``serial`` of ``product`` (case does not matter)."""
        # sudo: the customer types a serial number, he does not read stock
        return (
            self.env["stock.lot"]
            .sudo()
            .search(
                [
                    ("product_id", "=", product.id),
                    ("name", "=ilike", escape_psql(serial)),
                    ("company_id", "in", [False, self.env.company.id]),
                ],
                limit=1,
            )
        )

    @api.model
    def _aftersales_portal_unit(self, form, partner):
        """``{product_id, lot_id, reported_serial}`` of the unit the form names."""
        product_id = self._aftersales_portal_int(form.get("aftersales_product_id"))
        product = self._aftersales_portal_products().filtered(
            lambda p: p.id == product_id
        )
        if not product:
            raise UserError(self.env._("Choose the product from the list."))
        serial = (form.get("aftersales_serial") or "").strip()
        if not serial and product.tracking in ("serial", "lot"):
            raise UserError(
                self.env._(
                    "Enter the serial number of your %(product)s: it is on the "
                    "label of the unit.",
                    product=product.display_name,
                )
            )
        lot = self._aftersales_portal_find_lot(product, serial) if serial else False
        return {
            "product_id": product.id,
            "lot_id": lot.id if lot else False,
            # an unknown serial number is kept for the agent, not refused: the
            # customer needs his repair
            "reported_serial": serial if serial and not lot else False,
        }

    @api.model
    def _aftersales_portal_slots(self, form, partner):
        """``[(start, end, period)]`` (UTC) of the time slots the form offers,
        checked (rules.slot_problem) in the customer's time zone."""
        tz = pytz.timezone(self._aftersales_partner_tz(partner, self.env.company))
        periods = dict(
            self.env["aftersales.service.slot"]
            ._fields["period"]
            ._description_selection(self.env)
        )
        slots = []
        for number in range(1, rules.MAX_SLOTS + 2):
            day = (form.get(f"aftersales_slot_day_{number}") or "").strip()
            period = (form.get(f"aftersales_slot_period_{number}") or "").strip()
            if not day and not period:
                continue
            try:
                parsed = date.fromisoformat(day)
            except ValueError as error:
                raise UserError(
                    self.env._("Time slot %(number)s: choose the day.", number=number)
                ) from error
            slots.append(rules.Slot(parsed, period))
        now = fields.Datetime.now().replace(tzinfo=pytz.utc).astimezone(tz)
        problem = rules.slot_problem(now.replace(tzinfo=None), slots)
        if problem:
            code, slot = problem
            label = (
                f"{slot.day.isoformat()} {periods.get(slot.period, slot.period)}"
                if slot
                else ""
            )
            messages = {
                rules.TOO_FEW: self.env._(
                    "Offer at least %(count)s time slots for the visit.",
                    count=rules.MIN_SLOTS,
                ),
                rules.TOO_MANY: self.env._(
                    "Offer at most %(count)s time slots.", count=rules.MAX_SLOTS
                ),
                rules.UNKNOWN_PERIOD: self.env._(
                    "Choose the morning, the afternoon or the evening of %(day)s.",
                    day=slot.day.isoformat() if slot else "",
                ),
                rules.TWICE: self.env._("%(slot)s is offered twice.", slot=label),
                rules.TOO_SOON: self.env._(
                    "%(slot)s has already begun: offer a later time.", slot=label
                ),
            }
            raise UserError(messages[code])
        result = []
        for slot in slots:
            start, end = slot.bounds()
            result.append(
                (
                    tz.localize(start).astimezone(pytz.utc).replace(tzinfo=None),
                    tz.localize(end).astimezone(pytz.utc).replace(tzinfo=None),
                    slot.period,
                )
            )
        return result

    @api.model
    def _aftersales_portal_fault_vals(self, form, partner):
        """The values of the repair request ``partner`` reports on the portal
        with ``form`` (the posted fields). A UserError says what is missing or
        wrong; nothing is written here."""
        company = self.env.company
        unit = self._aftersales_portal_unit(form, partner)
        fault_type = form.get("aftersales_fault_type")
        if fault_type not in dict(FAULT_TYPES):
            raise UserError(
                self.env._(
                    "Tell us the kind of fault: hardware, software or appearance."
                )
            )
        address = (form.get("aftersales_service_address") or "").strip()
        if not address:
            raise UserError(self.env._("Give the address where the unit is."))
        phone = self._aftersales_format_phone(
            form.get("aftersales_phone") or partner.phone or partner.mobile, company
        )
        if not phone:
            raise UserError(self.env._("Give a phone number the engineer can call."))
        slots = self._aftersales_portal_slots(form, partner)
        location = self._aftersales_service_location(partner)
        return {
            **unit,
            "inquiry_class": "b",
            "fault_type": fault_type,
            "service_address": address,
            "service_zone_id": location["service_zone_id"],
            "partner_phone": phone,
            "requested_service_date": min(start for start, _end, _p in slots),
            "slot_ids": [
                Command.create({"date_start": start, "date_end": end, "period": p})
                for start, end, p in slots
            ],
        }
