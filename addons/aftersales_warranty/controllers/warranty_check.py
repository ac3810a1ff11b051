# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The public warranty check (SPEC §12): a serial number in, the product, its
warranty period and what to do next out; no customer data ever, and the same
answer for an unknown serial number as for one that is not registered.

Look-ups are limited per address and minute (Settings: Warranty checks per
minute and address); over it, the page says so with HTTP 429. The counts are
kept in the database (``aftersales.rate.limit``), so that the limit holds
across the server's workers. The page with the form only reads, and runs on a
read-only cursor; the look-up is a POST that counts (its count is written in a
transaction of its own, committed at once)."""

from odoo import http
from odoo.http import request

SCOPE = "warranty_check"
TEMPLATE = "aftersales_warranty.portal_warranty_check"


class AftersalesWarrantyCheck(http.Controller):
    def _aftersales_check_values(self, **values):
        company = request.env.company
        return {
            "company": company,
            "serial": "",
            "answers": None,
            "limited": False,
            "retry_after": 0,
            "logged_in": not request.env.user._is_public(),
            **values,
        }

    @http.route(
        "/warranty",
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
        readonly=True,
    )
    def aftersales_warranty_page(self, **kw):
        return request.render(TEMPLATE, self._aftersales_check_values())

    @http.route(
        "/warranty/check",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        sitemap=False,
    )
    def aftersales_warranty_check(self, serial="", **kw):
        serial = (serial or "").strip()
        allowed, retry_after = request.env["aftersales.rate.limit"]._aftersales_hit(
            SCOPE,
            request.httprequest.remote_addr,
            request.env.company.aftersales_warranty_check_limit,
        )
        if not allowed:
            return request.render(
                TEMPLATE,
                self._aftersales_check_values(
                    serial=serial, limited=True, retry_after=retry_after
                ),
                status=429,
                headers=[("Retry-After", str(retry_after))],
            )
        answers = request.env[
            "aftersales.warranty.registration"
        ]._aftersales_public_check(serial)
        return request.render(
            TEMPLATE, self._aftersales_check_values(serial=serial, answers=answers)
        )
