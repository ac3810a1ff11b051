# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer's pages: the survey answered from a link without an account,
and the signed service report of his request on the portal."""

import re

from odoo.tests import HttpCase, freeze_time, new_test_user, tagged

from .common import AftersalesSopCommon
from .test_service_report import SIGNATURE


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestSurveyPortal(HttpCase, AftersalesSopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket = cls._create_repair()
        cls.Survey = cls.env["aftersales.survey"]

    def _csrf(self, html):
        return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)

    def _open(self, survey, token=None):
        token = survey.access_token if token is None else token
        return self.url_open(f"/aftersales/survey/{survey.id}?access_token={token}")

    def test_the_customer_answers_through_the_link(self):
        survey = self.Survey.create({"ticket_id": self.ticket.id, "method": "portal"})
        url = survey._aftersales_survey_url()
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("How was our service?", page.text)
        self.assertIn(self.ticket.number, page.text)
        for name in ("score_response_speed", "score_professionalism", "overall_score"):
            self.assertIn(f'name="{name}"', page.text)
        # without the overall score: the page says so and nothing is recorded
        answer = self.url_open(
            f"/aftersales/survey/{survey.id}/answer",
            data={
                "csrf_token": self._csrf(page.text),
                "access_token": survey.access_token,
                "score_attitude": "8",
            },
        )
        self.assertIn("Please give an overall score.", answer.text)
        self.assertIn('value="8"', answer.text)
        self.assertEqual(survey.state, "pending")
        answer = self.url_open(
            f"/aftersales/survey/{survey.id}/answer",
            data={
                "csrf_token": self._csrf(answer.text),
                "access_token": survey.access_token,
                "score_response_speed": "9",
                "score_attitude": "10",
                "score_result": "8",
                "score_resolution_speed": "7",
                "score_parts_supply": "",
                "score_professionalism": "9",
                "overall_score": "9",
                "comment": "The engineer came on time.",
                "respondent": "Mr Test",
            },
        )
        self.assertEqual(answer.status_code, 200)
        self.assertIn("Thank you!", answer.text)
        survey.invalidate_recordset()
        self.assertEqual(survey.state, "done")
        self.assertEqual(survey.method, "portal")
        self.assertEqual(survey.overall_score, "9")
        self.assertEqual(survey.score_attitude, "10")
        self.assertFalse(survey.score_parts_supply)
        self.assertEqual(survey.comment, "The engineer came on time.")
        self.assertEqual(survey.respondent, "Mr Test")
        # the link again: thanks, and the answer stays
        self.assertIn("Thank you!", self._open(survey).text)
        again = self.url_open(
            f"/aftersales/survey/{survey.id}/answer",
            data={
                "csrf_token": self._csrf(page.text),
                "access_token": survey.access_token,
                "overall_score": "1",
            },
        )
        self.assertIn("Thank you!", again.text)
        survey.invalidate_recordset()
        self.assertEqual(survey.overall_score, "9")

    def test_a_consultation_is_rated_through_the_link(self):
        question = self.env["helpdesk.ticket"].create(
            {
                "name": "How do I set the sleep timer?",
                "description": "From the remote control.",
                "inquiry_class": "a",
                "team_id": self.team.id,
                "partner_id": self.customer.id,
            }
        )
        question.result_note = "Press TIMER twice, then choose the hours."
        question.action_question_answered()
        question.with_user(self.agent).action_send_survey_link()
        survey = question.survey_ids
        self.assertEqual((survey.kind, survey.method), ("consultation", "portal"))
        mail = survey.message_ids.filtered(lambda m: m.partner_ids == self.customer)
        self.assertIn("how useful our answer was", mail.body)
        page = self.url_open(survey._aftersales_survey_url())
        self.assertEqual(page.status_code, 200)
        self.assertIn("How useful was our answer?", page.text)
        self.assertIn(question.number, page.text)
        # the answer's rating and a comment, not the six questions of a repair
        self.assertIn('name="overall_score"', page.text)
        self.assertNotIn('name="score_attitude"', page.text)
        self.assertNotIn('name="score_parts_supply"', page.text)
        answer = self.url_open(
            f"/aftersales/survey/{survey.id}/answer",
            data={
                "csrf_token": self._csrf(page.text),
                "access_token": survey.access_token,
                "score_attitude": "2",
                "overall_score": "9",
                "comment": "Clear answer, the timer works.",
            },
        )
        self.assertIn("Thank you!", answer.text)
        survey.invalidate_recordset()
        self.assertEqual(survey.state, "done")
        self.assertEqual(survey.overall_score, "9")
        self.assertFalse(survey.score_attitude)
        self.assertEqual(survey.comment, "Clear answer, the timer works.")
        question.invalidate_recordset()
        self.assertEqual(question.customer_rating, "9")
        self.assertEqual(question.consultation_state, "answered")

    def test_a_wrong_link_shows_nothing(self):
        survey = self.Survey.create({"ticket_id": self.ticket.id, "method": "portal"})
        survey._portal_ensure_token()
        self.assertEqual(self._open(survey, token="not-the-token").status_code, 404)
        self.assertEqual(self._open(survey, token="").status_code, 404)
        other = self.Survey.create({"ticket_id": self.ticket.id, "method": "portal"})
        other._portal_ensure_token()
        self.assertEqual(self._open(other, token=survey.access_token).status_code, 404)
        cancelled = self.Survey.create(
            {"ticket_id": self.ticket.id, "method": "portal"}
        )
        cancelled._portal_ensure_token()
        cancelled.action_cancel()
        self.assertEqual(self._open(cancelled).status_code, 404)

    def test_the_page_speaks_the_customers_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env.ref("base.module_aftersales_sop")._update_translations("zh_CN")
        self.customer.lang = "zh_CN"
        survey = self.Survey.create({"ticket_id": self.ticket.id, "method": "portal"})
        page = self.url_open(survey._aftersales_survey_url())
        self.assertIn("您对我们的服务满意吗", page.text)
        self.assertIn("服务态度", page.text)  # Service Attitude

    def test_the_signed_report_on_the_customers_portal(self):
        portal_user = new_test_user(
            self.env,
            login="as_portal_customer",
            password="as_portal_customer",
            groups="base.group_portal",
            partner_id=self.customer.id,
        )
        new_test_user(
            self.env,
            login="as_portal_other",
            password="as_portal_other",
            groups="base.group_portal",
        )
        order = self.env["aftersales.dispatch.order"].create(
            {"ticket_id": self.ticket.id, "engineer_id": self.zhang.id}
        )
        self._finish_visit(order, self.zhang.user_id)
        visit = order.visit_ids
        self.assertFalse(visit.signed_date)  # not signed: not on the portal
        signed_order = self.env["aftersales.dispatch.order"].create(
            {"ticket_id": self._create_repair().id, "engineer_id": self.zhang.id}
        )
        ticket = signed_order.ticket_id
        visit = signed_order.current_visit_id.with_user(self.zhang.user_id)
        visit.action_check_in()
        visit.write({"result": "not_fixed", "no_signature_reason": False})
        visit.write({"customer_signature": SIGNATURE, "signed_by": "Test Customer"})
        self.assertTrue(visit.report_attachment_id)
        path = f"/my/ticket/{ticket.id}/service-report/{visit.id}?download=1"
        self.authenticate(portal_user.login, "as_portal_customer")
        page = self.url_open(f"/my/ticket/{ticket.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Service Reports", page.text)
        self.assertIn(f"/service-report/{visit.id}", page.text)
        report = self.url_open(path)
        self.assertEqual(report.status_code, 200)
        self.assertIn(SIGNATURE.decode(), report.text)
        self.assertIn("attachment", report.headers.get("Content-Disposition", ""))
        # the report of an unsigned visit is not served
        unsigned = f"/my/ticket/{self.ticket.id}/service-report/{order.visit_ids.id}"
        self.assertEqual(self.url_open(unsigned).status_code, 404)
        # another customer gets nothing
        self.authenticate("as_portal_other", "as_portal_other")
        response = self.url_open(path, allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertNotIn(SIGNATURE.decode(), response.text)
        # a link with the request's token works without an account
        self.authenticate(None, None)
        ticket._portal_ensure_token()
        report = self.url_open(f"{path}&access_token={ticket.access_token}")
        self.assertEqual(report.status_code, 200)
        self.assertIn(SIGNATURE.decode(), report.text)
