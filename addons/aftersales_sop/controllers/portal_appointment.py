# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.myaccount import CustomerPortalHelpdesk


class AftersalesAppointmentPortal(CustomerPortalHelpdesk):
    """The customer's request page: its status in plain words, and the
    appointment he confirms or moves to another offered slot (SPEC §12)."""

    def _ticket_get_page_view_values(self, ticket, access_token, **kwargs):
        values = super()._ticket_get_page_view_values(ticket, access_token, **kwargs)
        # ticket is the sudoed record the caller checked access to
        if ticket.repair_state:
            values.update(
                aftersales_progress=ticket._aftersales_portal_progress(),
                aftersales_steps=ticket._aftersales_portal_steps(),
                aftersales_slots=ticket.slot_ids._aftersales_choosable(),
                aftersales_slot_tz=ticket._aftersales_customer_tz(),
                aftersales_answer_until=ticket._aftersales_customer_time(
                    ticket.appointment_answer_deadline
                ),
                aftersales_may_answer=ticket._aftersales_may_answer(),
            )
        values.setdefault("aftersales_appointment_error", False)
        return values

    def _aftersales_ticket_sudo(self, ticket_id, access_token):
        try:
            return self._document_check_access(
                "helpdesk.ticket", ticket_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return None

    def _aftersales_answer(self, ticket_id, access_token, answer):
        ticket = self._aftersales_ticket_sudo(ticket_id, access_token)
        if ticket is None:
            raise request.not_found()
        try:
            answer(ticket)
        except UserError as error:
            values = self._ticket_get_page_view_values(ticket, access_token)
            values["aftersales_appointment_error"] = error.args[0]
            return request.render("helpdesk_mgmt.portal_helpdesk_ticket_page", values)
        return request.redirect(ticket.get_portal_url(anchor="aftersales_appointment"))

    @http.route(
        ["/my/ticket/<int:ticket_id>/appointment/confirm"],
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        sitemap=False,
    )
    def aftersales_appointment_confirm(self, ticket_id, access_token=None, **kw):
        return self._aftersales_answer(
            ticket_id, access_token, lambda t: t._aftersales_customer_confirm()
        )

    @http.route(
        ["/my/ticket/<int:ticket_id>/appointment/slot"],
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        sitemap=False,
    )
    def aftersales_appointment_slot(
        self, ticket_id, access_token=None, slot_id=None, **kw
    ):
        def choose(ticket):
            slot = ticket.slot_ids.filtered(lambda s: str(s.id) == str(slot_id or ""))
            if not slot:
                raise UserError(request.env._("Choose one of the offered time slots."))
            ticket._aftersales_customer_choose_slot(slot)

        return self._aftersales_answer(ticket_id, access_token, choose)
