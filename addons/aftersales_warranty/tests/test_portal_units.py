# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A purchase the customer registers on his portal (SPEC §5, §12): it waits
for an agent, who verifies its invoice or rejects it with a reason the
customer reads; only a verified one proves the purchase in the warranty
decision. A form with a mistake says what is wrong and writes nothing."""

from datetime import date

from odoo.exceptions import UserError
from odoo.tests import Form, HttpCase, freeze_time, tagged
from odoo.tools import mute_logger

from odoo.addons.aftersales_sop.tests.portal_common import MONDAY_10, PNG
from odoo.addons.aftersales_sop.tests.test_portal_fault import noise_png

from .portal_common import WarrantyPortalCommon

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@tagged("post_install", "-at_install")
@freeze_time(MONDAY_10)
class TestPortalUnits(HttpCase, WarrantyPortalCommon):
    def setUp(self):
        super().setUp()
        self.authenticate("as_portal_1", "as_portal_1")
        self.new_lot = self._lot("AC-T-NEW")

    def _register_online(self, files=None, **fields):
        if files is None:
            files = [("invoice", ("invoice.pdf", PDF, "application/pdf"))]
        return self.url_open(
            "/my/units/register",
            data=self._form(**{"serial": "ac-t-new", **fields}),
            files=files,
        )

    def _registrations(self):
        return self.env["aftersales.warranty.registration"].search(
            [("lot_id", "=", self.new_lot.id)]
        )

    def test_his_units(self):
        page = self.url_open("/my/units")
        self.assertEqual(page.status_code, 200)
        self.assertIn("AC-T-0001", page.text)
        self.assertIn("Covered through", page.text)
        unit = self.url_open(f"/my/units/{self.unit.id}")
        self.assertEqual(unit.status_code, 200)
        self.assertIn("Main Unit and Core Components", unit.text)
        self.assertIn(f"/new/ticket?kind=fault&amp;unit={self.unit.id}", unit.text)
        home = self.url_open("/my")
        self.assertIn("/my/units", home.text)
        self.assertIn("/new/ticket?kind=fault", home.text)

    def test_a_purchase_registered_online_waits_for_its_proof(self):
        response = self._register_online()
        registration = self._registrations()
        self.assertEqual(len(registration), 1)
        self.assertTrue(response.url.endswith(f"/my/units/{registration.id}"))
        self.assertEqual(
            (
                registration.partner_id,
                registration.product_id,
                registration.origin,
                registration.proof_state,
                registration.shop_name,
                registration.purchase_date,
            ),
            (
                self.customer,
                self.product,
                "portal",
                "to_verify",
                "Suning, Nanjing Road",
                date(2026, 9, 20),
            ),
        )
        attachment = registration.proof_attachment_ids
        self.assertEqual(
            (attachment.mimetype, attachment.res_model, attachment.res_id),
            ("application/pdf", registration._name, registration.id),
        )
        # not proof yet: the warranty waits for the check
        self.assertFalse(registration.has_proof)
        self.assertEqual(registration.warranty_state, "no_proof")
        self.assertIn('id="aftersales_proof_to_verify"', response.text)
        # the agents find it to verify
        to_verify = self.env["aftersales.warranty.registration"].search(
            [("proof_state", "=", "to_verify")]
        )
        self.assertIn(registration, to_verify)

    def test_a_verified_proof_counts_in_the_warranty_decision(self):
        self._register_online(invoice_number="INV-NEW-1")
        registration = self._registrations()
        # a fault reported on the unit before the check: no proof yet, and
        # the invoice number the customer typed is not copied as proof
        ticket = self._create_repair(
            lot_id=self.new_lot.id,
            proof_reference=False,
            purchase_date=False,
        )
        self.assertEqual(ticket.warranty_registration_id, registration)
        self.assertFalse(ticket.proof_reference)
        self.assertEqual(ticket.warranty_suggestion, "no_proof")
        self.assertIn("proof of purchase", ticket.repair_missing_info)
        registration.with_user(self.agent).action_proof_verify()
        self.assertEqual(registration.proof_state, "verified")
        self.assertEqual(registration.proof_checked_by_id, self.agent)
        self.assertTrue(registration.has_proof)
        self.assertEqual(ticket.warranty_suggestion, "in_warranty")
        self.assertNotIn("proof of purchase", ticket.repair_missing_info or "")
        ticket.with_user(self.agent).action_warranty_confirm()
        self.assertEqual(ticket.warranty_decision, "in_warranty")
        page = self.url_open(f"/my/units/{registration.id}")
        self.assertIn('id="aftersales_proof_verified"', page.text)

    def test_a_rejected_proof_says_why_and_another_can_be_sent(self):
        self._register_online()
        registration = self._registrations()
        action = registration.with_user(self.agent).action_proof_reject()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.agent)
            .with_context(**action["context"])
        )
        wizard.reason = "The invoice shows another serial number"
        wizard.save().action_apply()
        self.assertEqual(registration.proof_state, "rejected")
        self.assertFalse(registration.has_proof)
        page = self.url_open(f"/my/units/{registration.id}")
        self.assertIn('id="aftersales_proof_rejected"', page.text)
        self.assertIn("The invoice shows another serial number", page.text)
        # a verified or rejected proof is not checked again from the buttons
        with self.assertRaisesRegex(UserError, "no proof waiting"):
            registration.with_user(self.agent).action_proof_verify()
        # he sends another invoice: it waits for a check again
        self.url_open(
            f"/my/units/{registration.id}/proof",
            data={"csrf_token": self._form()["csrf_token"]},
            files=[("invoice", ("new.png", PNG, "image/png"))],
        )
        self.assertEqual(registration.proof_state, "to_verify")
        self.assertFalse(registration.proof_rejection_reason)
        self.assertEqual(len(registration.proof_attachment_ids), 2)

    def test_a_form_with_a_mistake_writes_nothing(self):
        other_lot = self._lot("AC-T-TAKEN")
        self._register(other_lot, partner_id=self.other_customer.id)
        not_on_sale = self.env["product.product"].create(
            {"name": "Internal Tool", "type": "consu", "sale_ok": False}
        )
        self.company.aftersales_portal_upload_mb = 1
        cases = [
            ({"purchase_date": "2026-09-29"}, None, "cannot be in the future"),
            ({"purchase_date": ""}, None, "date of the purchase"),
            ({"product_id": str(not_on_sale.id)}, None, "Choose the product"),
            ({"product_id": "abc"}, None, "Choose the product"),
            ({"serial": ""}, None, "Enter the serial number"),
            ({"serial": "AC-T-NOBODY"}, None, "is not a serial number"),
            ({"serial": "AC-T-TAKEN"}, None, "registered to another customer"),
            ({"serial": "AC-T-0001"}, None, "You registered this unit already"),
            ({"shop": " "}, None, "shop"),
            ({}, [], "Add a photo or a PDF"),
            (
                {},
                [
                    (
                        "invoice",
                        ("invoice.pdf", b"MZ\x90\x00 not a pdf", "application/pdf"),
                    )
                ],
                "neither a photo nor a PDF",
            ),
            (
                {},
                [("invoice", ("big.png", noise_png(700), "image/png"))],
                "files up to 1 MB",
            ),
        ]
        registrations = self.env["aftersales.warranty.registration"].search_count([])
        attachments = self.env["ir.attachment"].search_count([])
        for fields, files, message in cases:
            with self.subTest(message=message):
                form = self._form(**{"serial": "ac-t-new", **fields})
                response = self.url_open(
                    "/my/units/register",
                    data=form,
                    files=[("invoice", ("invoice.pdf", PDF, "application/pdf"))]
                    if files is None
                    else files,
                )
                self.assertEqual(response.status_code, 200)
                self.assertIn('id="aftersales_register_error"', response.text)
                self.assertIn(message, response.text)
                self.assertEqual(
                    self.env["aftersales.warranty.registration"].search_count([]),
                    registrations,
                )
                self.assertEqual(
                    self.env["ir.attachment"].search_count([]), attachments
                )
        # another customer's name is never told
        response = self._register_online(serial="AC-T-TAKEN")
        self.assertNotIn(self.other_customer.name, response.text)

    def test_a_wrong_file_for_a_rejected_proof_writes_nothing(self):
        self._register_online()
        registration = self._registrations()
        registration.write(
            {"proof_state": "rejected", "proof_rejection_reason": "Unreadable"}
        )
        self.company.aftersales_portal_upload_mb = 1
        attachments = self.env["ir.attachment"].search_count([])
        for files, message in (
            ([], "Add a photo or a PDF"),
            (
                [("invoice", ("x.pdf", b"MZ\x90\x00 no pdf", "application/pdf"))],
                "neither",
            ),
            (
                [("invoice", ("big.png", noise_png(700), "image/png"))],
                "files up to 1 MB",
            ),
        ):
            with self.subTest(message=message):
                response = self.url_open(
                    f"/my/units/{registration.id}/proof",
                    data={"csrf_token": self._form()["csrf_token"]},
                    files=files,
                )
                self.assertEqual(response.status_code, 200)
                self.assertIn(message, response.text)
                self.assertEqual(
                    (registration.proof_state, registration.proof_rejection_reason),
                    ("rejected", "Unreadable"),
                )
                self.assertEqual(
                    self.env["ir.attachment"].search_count([]), attachments
                )
        # a proof waiting for its check, or verified, is not sent again
        registration.write({"proof_state": "verified"})
        response = self.url_open(
            f"/my/units/{registration.id}/proof",
            data={"csrf_token": self._form()["csrf_token"]},
            files=[("invoice", ("new.png", PNG, "image/png"))],
        )
        self.assertIn("not to be sent again", response.text)
        self.assertEqual(len(registration.proof_attachment_ids), 1)

    def test_the_forms_need_their_csrf_token(self):
        self._register_online()
        registration = self._registrations()
        registration.write({"proof_state": "rejected"})
        self._lot("AC-T-CSRF")
        before = self.env["aftersales.warranty.registration"].search_count([])
        with mute_logger("odoo.http"):
            refused = self.url_open(
                "/my/units/register",
                data={**self._form(serial="AC-T-CSRF"), "csrf_token": "forged"},
                files=[("invoice", ("invoice.pdf", PDF, "application/pdf"))],
            )
            self.assertEqual(refused.status_code, 400)
            refused = self.url_open(
                f"/my/units/{registration.id}/proof",
                data={"shop": "x"},
                files=[("invoice", ("new.png", PNG, "image/png"))],
            )
            self.assertEqual(refused.status_code, 400)
        self.assertEqual(
            self.env["aftersales.warranty.registration"].search_count([]), before
        )
        self.assertEqual(registration.proof_state, "rejected")
        self.assertEqual(len(registration.proof_attachment_ids), 1)
