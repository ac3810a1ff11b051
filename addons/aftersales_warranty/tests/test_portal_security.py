# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A customer reaches only his own units, registrations, requests and reports
(SPEC §12): two portal customers, by id and by URL; a fault reported on one of
his registered units carries its warranty to the dispatcher; the request page
shows the repair quote he is to accept."""

from datetime import timedelta

from odoo import fields, http
from odoo.exceptions import AccessError
from odoo.tests import Form, HttpCase, freeze_time, new_test_user, tagged

from odoo.addons.aftersales_sop.tests.portal_common import MONDAY_10, PNG

from .portal_common import WarrantyPortalCommon
from .test_repair_quote import QuoteCommon


@tagged("post_install", "-at_install")
@freeze_time(MONDAY_10)
class TestPortalSecurity(HttpCase, WarrantyPortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_unit = cls._register(
            cls._lot("AC-T-OTHER"), partner_id=cls.other_customer.id
        )

    def _fault(self, **fields):
        return {
            "csrf_token": http.Request.csrf_token(self),
            "aftersales_kind": "fault",
            "subject": "The AC blows warm air",
            "description": "It runs but does not cool.",
            "aftersales_fault_type": "hardware",
            "aftersales_service_address": "1 Test Road, Shanghai-T",
            "aftersales_phone": "137 0000 0001",
            "aftersales_slot_day_1": "2026-09-30",
            "aftersales_slot_period_1": "morning",
            "aftersales_slot_day_2": "2026-10-02",
            "aftersales_slot_period_2": "afternoon",
            **fields,
        }

    def _tickets(self, partner):
        return self.env["helpdesk.ticket"].search([("partner_id", "=", partner.id)])

    def test_his_units_only_by_url(self):
        self.authenticate("as_portal_2", "as_portal_2")
        listing = self.url_open("/my/units")
        self.assertIn("AC-T-OTHER", listing.text)
        self.assertNotIn("AC-T-0001", listing.text)
        for url in (f"/my/units/{self.unit.id}", "/my/units/999999"):
            with self.subTest(url=url):
                self.assertEqual(self.url_open(url).status_code, 404)
        response = self.url_open(
            f"/my/units/{self.unit.id}/proof",
            data={"csrf_token": http.Request.csrf_token(self)},
            files=[("invoice", ("invoice.png", PNG, "image/png"))],
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.unit.proof_attachment_ids)

    def test_his_units_only_by_id(self):
        Registration = self.env["aftersales.warranty.registration"]
        self.assertEqual(
            Registration.with_user(self.other_user).search([]), self.other_unit
        )
        with self.assertRaises(AccessError):
            self.unit.with_user(self.other_user).read(["lot_id"])
        # he reads his own, and changes nothing of it himself
        self.other_unit.with_user(self.other_user).read(["lot_id"])
        with self.assertRaises(AccessError):
            self.other_unit.with_user(self.other_user).write(
                {"purchase_date": "2026-01-01"}
            )
        with self.assertRaises(AccessError):
            Registration.with_user(self.other_user).create(
                {
                    "partner_id": self.other_customer.id,
                    "product_id": self.product.id,
                    "lot_id": self._lot("AC-T-SELF").id,
                    "purchase_date": "2026-09-01",
                }
            )

    def test_a_fault_on_his_registered_unit(self):
        self.authenticate("as_portal_1", "as_portal_1")
        form = self.url_open(f"/new/ticket?kind=fault&unit={self.unit.id}")
        self.assertIn('id="aftersales_fault_units"', form.text)
        self.assertIn("AC-T-0001", form.text)
        self.assertNotIn("AC-T-OTHER", form.text)
        self.url_open(
            "/submitted/ticket",
            data=self._fault(aftersales_unit=str(self.unit.id)),
            files=[("attachment", ("fault.png", PNG, "image/png"))],
        )
        ticket = self._tickets(self.customer)
        self.assertEqual(ticket.warranty_registration_id, self.unit)
        self.assertEqual((ticket.product_id, ticket.lot_id), (self.product, self.lot))
        self.assertEqual(ticket.purchase_date, self.unit.purchase_date)
        self.assertEqual(ticket.warranty_suggestion, "in_warranty")
        self.assertFalse(ticket.repair_missing_info)
        # the dispatcher sees the suggestion and the customer's slots
        wizard = Form(
            self.env["helpdesk.ticket.dispatch"]
            .with_user(self.dispatcher)
            .with_context(default_ticket_id=ticket.id)
        )
        self.assertEqual(wizard.warranty_suggestion, "in_warranty")
        self.assertEqual(len(wizard.slot_ids), 2)

    def test_not_on_another_customers_unit(self):
        self.authenticate("as_portal_1", "as_portal_1")
        response = self.url_open(
            "/submitted/ticket",
            data=self._fault(aftersales_unit=str(self.other_unit.id)),
            files=[("attachment", ("fault.png", PNG, "image/png"))],
        )
        self.assertIn("Choose one of your units", response.text)
        self.assertFalse(self._tickets(self.customer))
        self.assertFalse(self.other_unit.ticket_ids)

    def test_the_public_pages_tell_nothing_of_him(self):
        self.authenticate(None, None)
        for url in ("/warranty", "/my/units", f"/my/units/{self.unit.id}"):
            with self.subTest(url=url):
                text = self.url_open(url).text
                for private in (self.customer.name, self.customer.street, "AC-T-0001"):
                    self.assertNotIn(private, text)


@tagged("post_install", "-at_install")
class TestPortalQuote(QuoteCommon, HttpCase):
    """The repair quote is on the customer's request page, once it is sent."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        new_test_user(
            cls.env,
            login="as_portal_quote",
            password="as_portal_quote",
            groups="base.group_portal",
            partner_id=cls.customer.id,
        )

    def test_the_quote_to_accept(self):
        today = fields.Date.today()
        ticket = self._decided_ticket(
            today - timedelta(days=800),
            requested_service_date=fields.Datetime.now() + timedelta(days=1),
        )
        repair = self._repair(ticket, parts=[(self.capacitor, 1, None)])
        repair.action_create_sale_order()
        order = repair.sale_order_id
        order.require_payment = False
        self.authenticate("as_portal_quote", "as_portal_quote")
        page = self.url_open(f"/my/ticket/{ticket.id}")
        self.assertNotIn('id="aftersales_quotes"', page.text)  # not sent yet
        self._approve(order)
        order.action_quotation_sent()
        page = self.url_open(f"/my/ticket/{ticket.id}")
        self.assertIn('id="aftersales_quotes"', page.text)
        self.assertIn(f"/my/orders/{order.id}", page.text)
        self.assertIn("Review and accept the quote", page.text)
