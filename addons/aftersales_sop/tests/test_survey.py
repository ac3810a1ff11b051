# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Satisfaction surveys (SPEC §8): six dimensions, an overall score, a
comment and how the answer was collected."""

from datetime import datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged

from .common import AftersalesSopCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestSurvey(AftersalesSopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket = cls._create_repair()
        cls.order = cls.env["aftersales.dispatch.order"].create(
            {"ticket_id": cls.ticket.id, "engineer_id": cls.zhang.id}
        )
        cls.Survey = cls.env["aftersales.survey"]

    def test_a_plain_create_from_code(self):
        # what a follow-up call records
        answered = self.Survey.with_user(self.agent).create(
            {
                "ticket_id": self.ticket.id,
                "method": "phone",
                "score_response_speed": "8",
                "score_attitude": "10",
                "score_parts_supply": "0",
                "overall_score": "9",
                "comment": "Friendly engineer.",
            }
        )
        self.assertEqual(answered.state, "done")
        self.assertEqual(answered.answer_date, datetime(2026, 9, 28, 2, 0))
        self.assertEqual(answered.user_id, self.agent)
        self.assertEqual(answered.partner_id, self.customer)
        self.assertEqual(answered.engineer_id, self.zhang)  # the request's engineer
        self.assertEqual(answered.overall_value, 9.0)
        # the average counts the dimensions scored, a 0 included
        self.assertEqual(answered.dimension_average, 6.0)
        # a survey sent to the customer waits for his answer
        pending = self.Survey.create({"ticket_id": self.ticket.id, "method": "portal"})
        self.assertEqual(pending.state, "pending")
        self.assertFalse(pending.answer_date)
        with self.assertRaises(ValidationError):
            self.Survey.create({"ticket_id": self.ticket.id, "state": "done"})

    def test_the_link_without_an_account(self):
        survey = self.Survey.create({"ticket_id": self.ticket.id, "method": "portal"})
        url = survey._aftersales_survey_url()
        self.assertTrue(survey.access_token)
        self.assertTrue(url.startswith(survey.get_base_url()))
        self.assertIn(
            f"/aftersales/survey/{survey.id}?access_token={survey.access_token}", url
        )
        self.assertEqual(url, survey._aftersales_survey_url())  # the same link
        with self.assertRaisesRegex(UserError, "overall score"):
            survey._aftersales_answer({"score_attitude": "7"})
        with self.assertRaisesRegex(UserError, "0 to 10"):
            survey._aftersales_answer({"overall_score": "11"})
        survey._aftersales_answer(
            {"overall_score": "7", "score_result": "6", "comment": " Slow parts. "},
            respondent="Mrs Test",
        )
        self.assertEqual(survey.state, "done")
        self.assertEqual(survey.method, "portal")
        self.assertEqual(survey.comment, "Slow parts.")
        self.assertEqual(survey.respondent, "Mrs Test")
        self.assertFalse(survey.user_id)
        with self.assertRaisesRegex(UserError, "already answered"):
            survey._aftersales_answer({"overall_score": "10"})

    def test_an_answer_is_changed_only_by_a_manager(self):
        survey = self.Survey.create(
            {"ticket_id": self.ticket.id, "method": "interview", "overall_score": "5"}
        )
        with self.assertRaises(AccessError):
            survey.with_user(self.agent).overall_score = "10"
        survey.with_user(self.agent).respondent = "The customer's wife"
        survey.with_user(self.manager).overall_score = "6"
        self.assertEqual(survey.overall_value, 6.0)

    def test_the_checklist_of_the_service_form(self):
        engineer = self.zhang.user_id
        visit = self.order.current_visit_id.with_user(engineer)
        with self.assertRaises(UserError):  # at the end of the job
            visit.action_open_checklist()
        visit.action_check_in()
        action = visit.action_open_checklist()
        self.assertEqual(action["target"], "new")
        with Form(
            self.env[action["res_model"]]
            .with_user(engineer)
            .with_context(**action["context"]),
            view=action["views"][0][0],
        ) as form:
            form.score_attitude = "10"
            form.score_professionalism = "9"
            form.overall_score = "9"
            form.comment = "Very clear explanations."
        checklist = form.record
        self.assertEqual(checklist.method, "service_form")
        self.assertEqual(checklist.state, "done")
        self.assertEqual(checklist.visit_id, visit)
        self.assertEqual(checklist.dispatch_order_id, self.order)
        self.assertEqual(checklist.engineer_id, self.zhang)
        self.assertEqual(checklist.user_id, engineer)
        self.assertEqual(visit.checklist_id, checklist)
        # reopening shows the same checklist
        self.assertEqual(visit.action_open_checklist()["res_id"], checklist.id)
        # a visit of another request cannot carry it
        other = self._create_repair()
        with self.assertRaises(ValidationError):
            self.Survey.create(
                {"ticket_id": other.id, "visit_id": visit.id, "method": "interview"}
            )

    def test_the_link_sent_to_the_customer(self):
        self.customer.email = False
        with self.assertRaisesRegex(UserError, "no e-mail address"):
            self.ticket.with_user(self.agent).action_send_survey_link()
        self.customer.email = "customer@example.com"
        self.ticket.with_user(self.agent).action_send_survey_link()
        self.ticket.with_user(self.agent).action_send_survey_link()  # again
        survey = self.ticket.survey_ids
        self.assertEqual(len(survey), 1)
        self.assertEqual(survey.method, "portal")
        message = survey.message_ids.filtered(
            lambda m: survey.access_token in (m.body or "")
        )
        self.assertTrue(message)
        self.assertIn(self.customer, message.partner_ids)

    def test_the_satisfaction_analysis_counts_each_score_given(self):
        self.Survey.create(
            [
                {
                    "ticket_id": self.ticket.id,
                    "method": "phone",
                    "score_attitude": "10",
                    "overall_score": "9",
                },
                {
                    "ticket_id": self.ticket.id,
                    "method": "portal",
                    "score_attitude": "6",
                    "score_parts_supply": "4",
                    "overall_score": "7",
                },
                {"ticket_id": self.ticket.id, "method": "portal"},  # not answered
            ]
        )
        self.env.flush_all()
        rows = self.env["aftersales.survey.report"]._read_group(
            [("ticket_id", "=", self.ticket.id)],
            ["dimension"],
            ["score:avg", "answer_count:sum"],
        )
        by_dimension = {dimension: (avg, count) for dimension, avg, count in rows}
        self.assertEqual(
            by_dimension,
            {"attitude": (8.0, 2), "parts_supply": (4.0, 1), "overall": (8.0, 2)},
        )
        # by engineer, as the monthly review reads it
        rows = self.env["aftersales.survey.report"]._read_group(
            [("dimension", "=", "overall"), ("ticket_id", "=", self.ticket.id)],
            ["engineer_id"],
            ["score:avg"],
        )
        self.assertEqual(rows, [(self.zhang, 8.0)])
