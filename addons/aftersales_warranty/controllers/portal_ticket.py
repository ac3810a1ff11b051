# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.helpdesk_mgmt.controllers.myaccount import CustomerPortalHelpdesk


class AftersalesWarrantyTicketPortal(CustomerPortalHelpdesk):
    """The request page shows the repair quote to accept, and the warranty."""

    def _ticket_get_page_view_values(self, ticket, access_token, **kwargs):
        values = super()._ticket_get_page_view_values(ticket, access_token, **kwargs)
        # ticket is the sudoed record the caller checked access to
        values["aftersales_quotes"] = ticket._aftersales_portal_quotes()
        return values
