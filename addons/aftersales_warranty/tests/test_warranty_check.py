# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The public warranty check (SPEC §12): a serial number in, the product, its
period and what to do next out; no customer data; the same answer for an
unknown serial number as for one that is not registered; a limit of look-ups
per address and minute, over it a clear message and HTTP 429."""

from datetime import date

from odoo import http
from odoo.tests import HttpCase, freeze_time, tagged
from odoo.tools import mute_logger

from odoo.addons.aftersales_sop.tests.portal_common import MONDAY_10

from ..controllers.warranty_check import SCOPE, AftersalesWarrantyCheck
from .portal_common import WarrantyPortalCommon


@tagged("post_install", "-at_install")
@freeze_time(MONDAY_10)
class TestWarrantyCheck(HttpCase, WarrantyPortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.aftersales_warranty_check_limit = 10
        cls.customer.email = "customer@example.com"

    def setUp(self):
        super().setUp()
        self.authenticate(None, None)  # a visitor, not logged in

    def _check(self, serial):
        return self.url_open(
            "/warranty/check",
            data={"csrf_token": http.Request.csrf_token(self), "serial": serial},
        )

    def _hits(self):
        return self.env["aftersales.rate.limit"]._aftersales_hits(SCOPE, "127.0.0.1")

    def test_the_page(self):
        page = self.url_open("/warranty")
        self.assertEqual(page.status_code, 200)
        self.assertIn('id="aftersales_warranty_check_form"', page.text)
        self.assertIn('id="aftersales_login_link"', page.text)
        # the page only reads (a replica serves it); the look-up counts
        routing = AftersalesWarrantyCheck.aftersales_warranty_page.original_routing
        self.assertTrue(routing["readonly"])
        check = AftersalesWarrantyCheck.aftersales_warranty_check.original_routing
        self.assertFalse(check.get("readonly"))
        self.assertEqual(self._hits(), 0)

    def test_a_registered_unit(self):
        answer = self._check("ac-t-0001")
        self.assertEqual(answer.status_code, 200)
        text = answer.text
        self.assertIn('data-state="in_warranty"', text)
        self.assertIn("Test AC", text)
        self.assertIn("Main Unit and Core Components", text)
        self.assertIn("12 months", text)
        self.assertIn("Covered through 2027-03-01", text)
        # nothing of the customer, nor of his registration
        for private in (
            self.customer.name,
            "137 0000 0001",
            "+8613700000001",
            self.customer.street,
            self.customer.email,
            self.unit.name,
            self.unit.proof_reference,
        ):
            self.assertNotIn(private, text)
        self.assertEqual(self._hits(), 1)

    def test_unknown_and_unregistered_serials_get_the_same_answer(self):
        self._lot("AC-T-0002")  # a serial number we know, not registered
        known = self._check("AC-T-0002").text.replace("AC-T-0002", "SERIAL")
        unknown = self._check("NOPE-0002").text.replace("NOPE-0002", "SERIAL")
        self.assertIn('id="aftersales_warranty_unknown"', known)
        # the pages differ by their CSRF token only
        strip = lambda text: "".join(
            line for line in text.splitlines() if "csrf_token" not in line
        )
        self.assertEqual(strip(known), strip(unknown))

    def test_what_to_do_next(self):
        expired = self._register(self._lot("AC-T-OLD"), purchase_date=date(2025, 1, 5))
        waiting = self._register(
            self._lot("AC-T-WAIT"), proof_state="to_verify", origin="portal"
        )
        no_proof = self._register(self._lot("AC-T-NONE"), proof_reference=False)
        for unit, state, words in (
            (expired, "expired", "The warranty ended on 2026-01-05"),
            (waiting, "no_proof", "Proof of purchase being checked"),
            (no_proof, "no_proof", "No proof of purchase yet"),
        ):
            with self.subTest(state=state, words=words):
                text = self._check(unit.lot_id.name).text
                self.assertIn(f'data-state="{state}"', text)
                self.assertIn(words, text)

    def test_the_limit_per_address(self):
        self.company.aftersales_warranty_check_limit = 3
        for _number in range(3):
            self.assertEqual(self._check("AC-T-0001").status_code, 200)
        refused = self._check("AC-T-0001")
        self.assertEqual(refused.status_code, 429)
        self.assertIn('id="aftersales_warranty_limited"', refused.text)
        self.assertNotIn("Covered through", refused.text)
        retry = int(refused.headers["Retry-After"])
        self.assertTrue(0 < retry <= 60)
        self.assertEqual(self._hits(), 4)
        # the next minute, it is counted again from one
        with freeze_time("2026-09-28 02:01:00"):
            self.assertEqual(self._check("AC-T-0001").status_code, 200)
        # 0: no limit, nothing counted
        self.company.aftersales_warranty_check_limit = 0
        self.assertEqual(self._check("AC-T-0001").status_code, 200)
        self.assertEqual(self._hits(), 4)

    def test_the_look_up_needs_its_csrf_token(self):
        with mute_logger("odoo.http"):
            response = self.url_open("/warranty/check", data={"serial": "AC-T-0001"})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self._hits(), 0)
