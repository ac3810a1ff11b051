# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer's request page (SPEC §12): its status in plain words, the
appointment he confirms or moves from his phone; and what another customer
reaches of it: nothing, by id or by URL."""

from datetime import datetime

from odoo import http
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, freeze_time, tagged
from odoo.tools import mute_logger

from .portal_common import FRIDAY_AFTERNOON, MONDAY_10, PROPOSED, PortalCommon


@tagged("post_install", "-at_install")
@freeze_time(MONDAY_10)
class TestPortalRequest(HttpCase, PortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket = cls._online_repair()
        cls.order = cls.env["aftersales.dispatch.order"].create(
            {
                "ticket_id": cls.ticket.id,
                "engineer_id": cls.zhang.id,
                "appointment_date": PROPOSED,
            }
        )
        cls.friday = cls.ticket.slot_ids.filtered(
            lambda s: s.date_start == FRIDAY_AFTERNOON[0]
        )

    def _post(self, url, **data):
        return self.url_open(
            url, data={"csrf_token": http.Request.csrf_token(self), **data}
        )

    def test_the_page_says_where_the_repair_is(self):
        self.authenticate("as_portal_1", "as_portal_1")
        page = self.url_open(f"/my/ticket/{self.ticket.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn('data-step="assigned" data-state="current"', page.text)
        self.assertIn("Zhang", page.text)
        self.assertIn("2026-09-30 10:00", page.text)  # the appointment, his time
        self.assertIn('id="aftersales_appointment_confirm"', page.text)
        self.assertIn("2026-10-02, 13:00-17:00", page.text)  # the other slot
        # the engineer calls ahead: on the way, with his arrival time
        self.env["aftersales.visit.call"].with_user(self.zhang.user_id).create(
            {
                "visit_id": self.order.current_visit_id.id,
                "eta_date": datetime(2026, 9, 30, 1, 50),
            }
        )
        page = self.url_open(f"/my/ticket/{self.ticket.id}")
        self.assertIn('data-step="on_the_way" data-state="current"', page.text)
        self.assertIn("arriving at 2026-09-30 09:50", page.text)
        # the list of his requests says it too
        listing = self.url_open("/my/tickets")
        self.assertIn("On the way", listing.text)

    def test_the_survey_waits_on_his_request_page(self):
        self.authenticate("as_portal_1", "as_portal_1")
        page = self.url_open(f"/my/ticket/{self.ticket.id}")
        self.assertNotIn('id="aftersales_pending_survey"', page.text)
        survey = self.env["aftersales.survey"].create(
            {"ticket_id": self.ticket.id, "method": "portal"}
        )
        page = self.url_open(f"/my/ticket/{self.ticket.id}")
        self.assertIn('id="aftersales_pending_survey"', page.text)
        self.assertIn(survey.get_portal_url().replace("&", "&amp;"), page.text)
        # a survey made by phone is not his to answer online
        survey.method = "phone"
        page = self.url_open(f"/my/ticket/{self.ticket.id}")
        self.assertNotIn('id="aftersales_pending_survey"', page.text)

    def test_he_confirms_the_appointment(self):
        self.authenticate("as_portal_1", "as_portal_1")
        response = self._post(f"/my/ticket/{self.ticket.id}/appointment/confirm")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.ticket.appointment_state, "confirmed")
        self.assertIn('id="aftersales_appointment_agreed"', response.text)
        self.assertNotIn('id="aftersales_appointment_confirm"', response.text)

    def test_he_moves_it_to_another_offered_slot(self):
        self.authenticate("as_portal_1", "as_portal_1")
        self._post(
            f"/my/ticket/{self.ticket.id}/appointment/slot", slot_id=self.friday.id
        )
        self.assertEqual(self.ticket.appointment_date, FRIDAY_AFTERNOON[0])
        self.assertEqual(self.order.appointment_date, FRIDAY_AFTERNOON[0])
        self.assertEqual(self.ticket.appointment_state, "confirmed")

    def test_too_late_he_is_told_to_call(self):
        self.authenticate("as_portal_1", "as_portal_1")
        with freeze_time("2026-09-29 12:00:00"):
            page = self.url_open(f"/my/ticket/{self.ticket.id}")
            self.assertNotIn('id="aftersales_appointment_confirm"', page.text)
            self.assertIn("please call us", page.text)
            response = self._post(f"/my/ticket/{self.ticket.id}/appointment/confirm")
        self.assertIn('id="aftersales_appointment_error"', response.text)
        self.assertEqual(self.ticket.appointment_state, "proposed")

    def test_from_the_link_of_the_email_without_logging_in(self):
        self.authenticate(None, None)
        url = self.ticket.get_portal_url()
        self.assertIn("access_token=", url)
        page = self.url_open(url)
        self.assertIn('id="aftersales_appointment_confirm"', page.text)
        self._post(
            f"/my/ticket/{self.ticket.id}/appointment/confirm",
            access_token=self.ticket.access_token,
        )
        self.assertEqual(self.ticket.appointment_state, "confirmed")

    def test_another_customer_reaches_nothing(self):
        """The second customer, by id and by URL."""
        self.authenticate("as_portal_2", "as_portal_2")
        page = self.url_open(f"/my/ticket/{self.ticket.id}", allow_redirects=False)
        self.assertEqual(page.status_code, 303)
        self.assertNotIn(f"/my/ticket/{self.ticket.id}", page.headers["Location"])
        listing = self.url_open("/my/tickets")
        self.assertNotIn(self.ticket.number, listing.text)
        for url, data in (
            (f"/my/ticket/{self.ticket.id}/appointment/confirm", {}),
            (
                f"/my/ticket/{self.ticket.id}/appointment/slot",
                {"slot_id": self.friday.id},
            ),
        ):
            with self.subTest(url=url):
                response = self._post(url, **data)
                self.assertEqual(response.status_code, 404)
        # a token of another request does not open this one
        other = self._online_repair(partner=self.other_customer)
        other._portal_ensure_token()
        response = self._post(
            f"/my/ticket/{self.ticket.id}/appointment/confirm",
            access_token=other.access_token,
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self.ticket.appointment_state, "proposed")
        self.assertEqual(self.ticket.appointment_date, PROPOSED)
        # by id, through the ORM: his slots only
        slots = self.env["aftersales.service.slot"].with_user(self.other_user)
        self.assertEqual(slots.search([]), other.slot_ids)
        with self.assertRaises(AccessError):
            self.friday.with_user(self.other_user).read(["date_start"])
        with self.assertRaises(AccessError):
            self.ticket.with_user(self.other_user).read(["name"])

    def test_the_answers_need_their_csrf_token(self):
        self.authenticate("as_portal_1", "as_portal_1")
        with mute_logger("odoo.http"):
            response = self.url_open(
                f"/my/ticket/{self.ticket.id}/appointment/confirm", data={"x": "1"}
            )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.ticket.appointment_state, "proposed")
