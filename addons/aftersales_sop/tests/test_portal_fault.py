# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Report a fault from the portal (SPEC §12): the helpdesk's form with a fault
section; a fault becomes a repair request (class B) of the online channel with
its clocks and the customer's time slots; a form with a mistake says what is
wrong and writes nothing; the helpdesk's own form is unchanged."""

import io
import os

from PIL import Image

from odoo import http
from odoo.tests import HttpCase, freeze_time, tagged
from odoo.tools import mute_logger

from .portal_common import (
    FRIDAY_AFTERNOON,
    MONDAY_10,
    PNG,
    WEDNESDAY_MORNING,
    PortalCommon,
)


def noise_png(side):
    """A PNG of random pixels (it does not compress): about 3 x side² bytes."""
    buffer = io.BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(
        buffer, "PNG"
    )
    return buffer.getvalue()


@tagged("post_install", "-at_install")
@freeze_time(MONDAY_10)
class TestPortalFault(HttpCase, PortalCommon):
    def setUp(self):
        super().setUp()
        self.authenticate("as_portal_1", "as_portal_1")

    def _fault(self, **fields):
        return {
            "csrf_token": http.Request.csrf_token(self),
            "aftersales_kind": "fault",
            "subject": "The AC blows warm air",
            "description": "It runs but does not cool.",
            "aftersales_product_id": str(self.product.id),
            "aftersales_serial": "ac-t-0001",
            "aftersales_fault_type": "hardware",
            "aftersales_service_address": "1 Test Road, Shanghai-T",
            "aftersales_phone": "137 0000 0001",
            "aftersales_slot_day_1": "2026-09-30",
            "aftersales_slot_period_1": "morning",
            "aftersales_slot_day_2": "2026-10-02",
            "aftersales_slot_period_2": "afternoon",
            **fields,
        }

    def _post(self, data, files=None):
        if files is None:
            files = [("attachment", ("fault.png", PNG, "image/png"))]
        return self.url_open("/submitted/ticket", data=data, files=files)

    def _tickets(self):
        return self.env["helpdesk.ticket"].search(
            [("partner_id", "=", self.customer.id)]
        )

    def test_the_form_has_a_fault_section(self):
        page = self.url_open("/new/ticket?kind=fault")
        self.assertEqual(page.status_code, 200)
        for name in (
            'name="aftersales_kind"',
            'name="aftersales_product_id"',
            'name="aftersales_fault_type"',
            'name="aftersales_slot_day_3"',
            'name="aftersales_slot_period_1"',
            "1 Test Road",  # his address, proposed
            'accept="image/*"',
        ):
            self.assertIn(name, page.text)
        self.assertIn(self.product.name, page.text)
        # the helpdesk's form, without it
        plain = self.url_open("/new/ticket")
        self.assertEqual(plain.status_code, 200)
        self.assertNotIn('name="aftersales_kind"', plain.text)

    def test_a_fault_becomes_a_repair_request_of_the_online_channel(self):
        response = self._post(self._fault())
        self.assertEqual(response.status_code, 200)
        ticket = self._tickets()
        self.assertEqual(len(ticket), 1)
        self.assertTrue(response.url.endswith(f"/my/ticket/{ticket.id}"))
        self.assertEqual(
            (ticket.inquiry_class, ticket.urgency, ticket.repair_state),
            ("b", "urgent", "registered"),
        )
        self.assertEqual(
            ticket.channel_id, self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web")
        )
        self.assertEqual((ticket.product_id, ticket.lot_id), (self.product, self.lot))
        self.assertFalse(ticket.reported_serial)
        self.assertEqual(ticket.fault_type, "hardware")
        self.assertEqual(ticket.service_address, "1 Test Road, Shanghai-T")
        self.assertEqual(ticket.partner_phone, "+8613700000001")
        self.assertEqual(
            [(s.date_start, s.date_end, s.period) for s in ticket.slot_ids],
            [(*WEDNESDAY_MORNING, "morning"), (*FRIDAY_AFTERNOON, "afternoon")],
        )
        self.assertEqual(ticket.requested_service_date, WEDNESDAY_MORNING[0])
        # its clocks run from now: the dispatcher's review first
        review = self._clock(ticket, "dispatch_review")
        self.assertEqual(review.state, "running")
        self.assertEqual(ticket.attachment_ids.mapped("mimetype"), ["image/png"])
        # the customer follows it on his page
        page = self.url_open(f"/my/ticket/{ticket.id}")
        self.assertIn('id="aftersales_progress"', page.text)
        self.assertIn('data-step="received" data-state="current"', page.text)

    def test_an_unknown_serial_number_is_kept_for_the_agent(self):
        self._post(self._fault(aftersales_serial="AC-T-9999"))
        ticket = self._tickets()
        self.assertFalse(ticket.lot_id)
        self.assertEqual(ticket.reported_serial, "AC-T-9999")
        self.assertIn("serial number", ticket.repair_missing_info)

    def test_a_form_with_a_mistake_writes_nothing(self):
        not_on_sale = self.env["product.product"].create(
            {"name": "Internal Tool", "type": "consu", "sale_ok": False}
        )
        self.company.aftersales_portal_upload_mb = 1
        text = [("attachment", ("photo.png", b"not a picture at all", "image/png"))]
        pdf = [("attachment", ("photo.png", b"%PDF-1.4\n%%EOF", "image/png"))]
        fake = [("attachment", ("photo.jpg", b"\xff\xd8\xff\xe0garbage", "image/jpeg"))]
        big = [("attachment", ("big.png", noise_png(700), "image/png"))]
        cases = [
            (
                {"aftersales_product_id": str(not_on_sale.id)},
                None,
                "Choose the product",
            ),
            ({"aftersales_product_id": ""}, None, "Choose the product"),
            ({"aftersales_serial": ""}, None, "Enter the serial number"),
            ({"aftersales_fault_type": "smell"}, None, "kind of fault"),
            ({"aftersales_service_address": " "}, None, "address"),
            ({"aftersales_phone": "12"}, None, "not a valid phone number"),
            (
                {"aftersales_slot_day_2": "", "aftersales_slot_period_2": ""},
                None,
                "at least 2 time slots",
            ),
            ({"aftersales_slot_day_1": "2026-09-28"}, None, "has already begun"),
            (
                {
                    "aftersales_slot_day_2": "2026-09-30",
                    "aftersales_slot_period_2": "morning",
                },
                None,
                "offered twice",
            ),
            ({}, text, "is not a photo"),
            ({}, pdf, "is not a photo"),
            ({}, fake, "is not a photo"),
            ({}, big, "files up to 1 MB"),
        ]
        attachments = self.env["ir.attachment"].search_count([])
        for fields, files, message in cases:
            with self.subTest(message=message, fields=fields):
                response = self._post(self._fault(**fields), files=files)
                self.assertEqual(response.status_code, 200)
                self.assertIn('id="aftersales_fault_error"', response.text)
                self.assertIn(message, response.text)
                # what he typed is kept
                self.assertIn("The AC blows warm air", response.text)
                self.assertFalse(self._tickets())
                self.assertEqual(
                    self.env["ir.attachment"].search_count([]), attachments
                )

    def test_the_helpdesk_form_without_the_fault_section(self):
        data = {
            "csrf_token": http.Request.csrf_token(self),
            "subject": "A question about my invoice",
            "description": "Where do I find it?",
        }
        self.url_open("/submitted/ticket", data=data)
        ticket = self._tickets()
        self.assertEqual(len(ticket), 1)
        self.assertFalse(ticket.inquiry_class)
        self.assertFalse(ticket.slot_ids)

    def test_the_form_needs_its_csrf_token(self):
        data = self._fault()
        del data["csrf_token"]
        with mute_logger("odoo.http"):
            response = self._post(data)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._tickets())
