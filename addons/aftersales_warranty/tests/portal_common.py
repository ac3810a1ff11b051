# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Shared fixtures of the warranty's customer-side tests: data only."""

from odoo import http

from odoo.addons.aftersales_sop.tests.portal_common import PortalCommon

from .common import WarrantyCommon


class WarrantyPortalCommon(WarrantyCommon, PortalCommon):
    """The warranty policies and two portal customers; the first one owns the
    test air conditioner AC-T-0001 (bought on 1 March 2026, covered through
    1 March 2027), registered by staff with its invoice number."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit = cls._register(cls.lot)

    def _form(self, **fields):
        """The fields of the purchase a customer registers (HttpCase)."""
        return {
            "csrf_token": http.Request.csrf_token(self),
            "product_id": str(self.product.id),
            "serial": "",
            "purchase_date": "2026-09-20",
            "shop": "Suning, Nanjing Road",
            "invoice_number": "",
            **fields,
        }
