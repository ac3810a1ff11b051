# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Consultations in the monthly figures: the customer's rating of an answer
counts in the month's customer satisfaction and its analysis, and the
Feedback clock of an escalated question in the clock analysis."""

from datetime import date

from odoo.tests import freeze_time, tagged

from .common import KpiCommon

SEPTEMBER = date(2026, 9, 1)


@tagged("post_install", "-at_install")
class TestConsultationFigures(KpiCommon):
    def _question(self, partner, inquiry_class="a"):
        return self.env["helpdesk.ticket"].create(
            {
                "name": "How do I descale the water heater?",
                "description": "d",
                "inquiry_class": inquiry_class,
                "team_id": self.team.id,
                "partner_id": partner.id,
                "user_id": self.agent.id,
            }
        )

    def _team_satisfaction(self):
        assessments = self.env["aftersales.kpi.assessment"]._aftersales_run(
            self.company, SEPTEMBER
        )
        team = assessments.filtered(lambda a: a.scope_key == f"team-{self.team.id}")
        return team.line_ids.filtered(lambda line: line.kpi == "satisfaction")

    def test_the_rating_of_an_answer_counts_in_the_months_satisfaction(self):
        customers = self.env["res.partner"].create(
            [{"name": "Consulting customer 1"}, {"name": "Consulting customer 2"}]
        )
        with freeze_time("2026-09-10 02:00:00"):
            on_the_spot = self._question(customers[0])
            on_the_spot.result_note = "Open the valve, then run the descaling cycle."
            on_the_spot.action_question_answered()
            escalated = self._question(customers[1], "c")
            escalated.action_request_escalation()
            escalated.tech_support_user_id = self.tech_support
        with freeze_time("2026-09-10 03:00:00"):
            escalated.result_note = "The descaling kit is free in the first year."
            escalated.with_user(self.tech_support).action_question_answered()
        with freeze_time("2026-09-10 06:00:00"):
            escalated.action_result_told()  # after the 2 hours
        self.assertFalse(self._team_satisfaction().has_value)
        with freeze_time("2026-09-11 02:00:00"):
            # the customer rates from the link, the agent records a call
            link = self.env["aftersales.survey"].create(
                {"ticket_id": on_the_spot.id, "method": "portal"}
            )
            link._aftersales_answer({"overall_score": "9", "comment": "Clear."})
            self.env["aftersales.survey"].with_user(self.agent).create(
                {"ticket_id": escalated.id, "method": "phone", "overall_score": "6"}
            )
        satisfaction = self._team_satisfaction()
        self.assertTrue(satisfaction.has_value)
        self.assertEqual((satisfaction.numerator, satisfaction.denominator), (15, 2))
        self.assertAlmostEqual(satisfaction.value, 7.5)
        self.assertTrue(satisfaction.missed)  # below the 8.5 target
        # the satisfaction analysis lists both answers
        answers = self.env["aftersales.kpi.survey.report"].search(
            [("team_id", "=", self.team.id)]
        )
        self.assertEqual(sorted(answers.mapped("overall")), [6.0, 9.0])
        # the clock analysis shows the late Feedback clock of the escalated one
        feedback = self.env["aftersales.kpi.clock.report"].search(
            [("team_id", "=", self.team.id), ("code", "=", "feedback")]
        )
        self.assertEqual(len(feedback), 1)
        self.assertEqual(feedback.state, "breached")
        self.assertEqual(feedback.met_rate, 0.0)
