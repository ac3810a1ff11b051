# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Report a fault from the portal (SPEC §12): the helpdesk's own new-ticket
form (``/new/ticket``) with a fault section (``?kind=fault``). A fault report
becomes a repair request (class B) of the online channel; a form with a
mistake is shown again with what is wrong, and nothing is written. Without
the fault section, the form is the helpdesk's, unchanged."""

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController

from ..rules import portal as portal_rules
from ..rules import uploads
from ..tools.portal_files import read_files

FAULT = "fault"


class AftersalesFaultReport(HelpdeskTicketController):
    @staticmethod
    def _aftersales_is_fault(kw):
        return FAULT in (kw.get("kind"), kw.get("aftersales_kind"))

    def _get_create_new_ticket_values(self, **kw):
        values = super()._get_create_new_ticket_values(**kw)
        values["fault_form"] = self._aftersales_is_fault(kw)
        if values["fault_form"]:
            values.update(self._aftersales_fault_form_values(**kw))
        return values

    def _aftersales_fault_form_values(self, **kw):
        """What the fault section of the form shows: the products, the kinds
        of fault, the parts of a day, and what the customer entered (or his
        address and phone, the first time)."""
        env = request.env
        partner = env.user.partner_id
        Ticket = env["helpdesk.ticket"]
        Slot = env["aftersales.service.slot"]
        answer = {
            "aftersales_service_address": Ticket._aftersales_service_location(partner)[
                "service_address"
            ]
            or "",
            "aftersales_phone": partner.phone or partner.mobile or "",
            **{key: value for key, value in kw.items() if isinstance(value, str)},
        }
        return {
            "fault_products": Ticket._aftersales_portal_products(),
            "fault_types": Ticket._fields["fault_type"]._description_selection(env),
            "slot_periods": Slot._fields["period"]._description_selection(env),
            "slot_numbers": range(1, portal_rules.MAX_SLOTS + 1),
            "slot_required": portal_rules.MIN_SLOTS,
            "fault_answer": answer,
            "fault_error": False,
        }

    def _prepare_submit_ticket_vals(self, **kw):
        vals = super()._prepare_submit_ticket_vals(**kw)
        if self._aftersales_is_fault(kw):
            vals.update(
                request.env["helpdesk.ticket"]._aftersales_portal_fault_vals(
                    kw, request.env.user.partner_id
                )
            )
        return vals

    @http.route()
    def submit_ticket(self, **kw):
        if not self._aftersales_is_fault(kw):
            return super().submit_ticket(**kw)
        try:
            # the photos are photos, the form's values complete: checked
            # before the helpdesk writes anything
            read_files(
                request.env,
                request.httprequest.files.getlist("attachment"),
                uploads.IMAGES,
                request.env.company,
            )
            self._prepare_submit_ticket_vals(**kw)
        except UserError as error:
            values = self._get_create_new_ticket_values(**kw)
            values["fault_error"] = error.args[0]
            return request.render("helpdesk_mgmt.portal_create_ticket", values)
        return super().submit_ticket(**kw)
