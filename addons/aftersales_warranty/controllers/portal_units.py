# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer's units on his portal (SPEC §12): the list, one unit with its
warranty and the check of its proof, and the purchase he registers with a
photo or PDF of the invoice. A customer reaches only his own units: another
customer's unit is not found, whatever its id."""

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

MODEL = "aftersales.warranty.registration"


class AftersalesUnitsPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "aftersales_unit_count" in counters:
            Registration = request.env[MODEL]
            values["aftersales_unit_count"] = (
                Registration.search_count(self._aftersales_units_domain())
                if Registration.has_access("read")
                else 0
            )
        return values

    def _aftersales_units_domain(self):
        """The user's own units (staff see theirs too, not everyone's)."""
        partner = request.env.user.commercial_partner_id
        return [("partner_id", "child_of", partner.id)]

    def _aftersales_unit(self, registration_id):
        """The user's unit ``registration_id``, sudoed for the page, or None."""
        Registration = request.env[MODEL]
        if not Registration.has_access("read"):
            return None
        unit = Registration.search(
            [("id", "=", registration_id), *self._aftersales_units_domain()], limit=1
        )
        # sudo: checked above; the page shows the unit's policy and dates
        return unit.sudo() if unit else None

    @staticmethod
    def _aftersales_uploads(name):
        return [
            (upload.filename, upload.read())
            for upload in request.httprequest.files.getlist(name)
            if upload and upload.filename
        ]

    @http.route(["/my/units"], type="http", auth="user", website=True, readonly=True)
    def aftersales_my_units(self, **kw):
        Registration = request.env[MODEL]
        units = (
            Registration.search(self._aftersales_units_domain())
            if Registration.has_access("read")
            else Registration
        )
        values = self._prepare_portal_layout_values()
        # sudo: the units were searched with the user's rights
        values.update(units=units.sudo(), page_name="aftersales_units")
        return request.render("aftersales_warranty.portal_my_units", values)

    def _aftersales_register_values(self, **values):
        return {
            **self._prepare_portal_layout_values(),
            "page_name": "aftersales_unit_register",
            "products": request.env["helpdesk.ticket"]._aftersales_portal_products(),
            "answer": {},
            "error": False,
            "max_mb": request.env.company.aftersales_portal_upload_mb,
            **values,
        }

    @http.route(
        ["/my/units/register"],
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
        readonly=True,
    )
    def aftersales_unit_register_form(self, **kw):
        return request.render(
            "aftersales_warranty.portal_unit_register",
            self._aftersales_register_values(),
        )

    @http.route(
        ["/my/units/register"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def aftersales_unit_register(self, **post):
        partner = request.env.user.partner_id
        try:
            # sudo: the customer registers his own purchase; every value is
            # checked first (the partner is the user's, the product one on sale)
            unit = (
                request.env[MODEL]
                .sudo()
                ._aftersales_portal_register(
                    post, partner, self._aftersales_uploads("invoice")
                )
            )
        except UserError as error:
            answer = {k: v for k, v in post.items() if isinstance(v, str)}
            return request.render(
                "aftersales_warranty.portal_unit_register",
                self._aftersales_register_values(answer=answer, error=error.args[0]),
            )
        return request.redirect(f"/my/units/{unit.id}")

    def _aftersales_unit_values(self, unit, **values):
        return {
            **self._prepare_portal_layout_values(),
            "page_name": "aftersales_unit",
            "unit": unit,
            "error": False,
            "max_mb": request.env.company.aftersales_portal_upload_mb,
            **values,
        }

    @http.route(
        ["/my/units/<int:registration_id>"],
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
        readonly=True,
    )
    def aftersales_my_unit(self, registration_id, **kw):
        unit = self._aftersales_unit(registration_id)
        if unit is None:
            raise request.not_found()
        return request.render(
            "aftersales_warranty.portal_unit_page", self._aftersales_unit_values(unit)
        )

    @http.route(
        ["/my/units/<int:registration_id>/proof"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def aftersales_unit_proof(self, registration_id, **post):
        unit = self._aftersales_unit(registration_id)
        if unit is None:
            raise request.not_found()
        try:
            unit._aftersales_portal_add_proof(self._aftersales_uploads("invoice"))
        except UserError as error:
            return request.render(
                "aftersales_warranty.portal_unit_page",
                self._aftersales_unit_values(unit, error=error.args[0]),
            )
        return request.redirect(f"/my/units/{unit.id}")
