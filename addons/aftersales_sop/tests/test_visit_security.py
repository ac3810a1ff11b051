# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who sees which visits, service reports and surveys: a user of each role."""

from odoo.exceptions import AccessError
from odoo.tests import freeze_time, new_test_user, tagged

from .common import AftersalesSopCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestVisitSecurity(AftersalesSopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Order = cls.env["aftersales.dispatch.order"]
        Survey = cls.env["aftersales.survey"]
        cls.portal_partner = cls.env["res.partner"].create(
            {"name": "Portal Customer", "email": "portal@example.com"}
        )
        cls.portal_user = new_test_user(
            cls.env,
            login="as_visit_portal",
            groups="base.group_portal",
            partner_id=cls.portal_partner.id,
        )
        cls.other_portal = new_test_user(
            cls.env, login="as_visit_portal_2", groups="base.group_portal"
        )
        # Zhang (with Liu assisting) at the portal customer's; Chen elsewhere;
        # Chen again for the northern team
        cls.ticket_zhang = cls._create_repair(partner_id=cls.portal_partner.id)
        cls.order_zhang = Order.create(
            {
                "ticket_id": cls.ticket_zhang.id,
                "engineer_id": cls.zhang.id,
                "assistant_id": cls.liu.id,
            }
        )
        cls.ticket_chen = cls._create_repair()
        cls.order_chen = Order.create(
            {"ticket_id": cls.ticket_chen.id, "engineer_id": cls.chen.id}
        )
        cls.ticket_north = cls._create_repair(team_id=cls.other_team.id)
        cls.order_north = Order.create(
            {"ticket_id": cls.ticket_north.id, "engineer_id": cls.chen.id}
        )
        cls.visit_zhang = cls.order_zhang.visit_ids
        cls.visit_chen = cls.order_chen.visit_ids
        cls.visit_north = cls.order_north.visit_ids
        cls.visits = cls.visit_zhang | cls.visit_chen | cls.visit_north
        cls.survey_zhang = Survey.create(
            {
                "ticket_id": cls.ticket_zhang.id,
                "visit_id": cls.visit_zhang.id,
                "method": "service_form",
                "overall_score": "9",
            }
        )
        cls.survey_chen = Survey.create(
            {"ticket_id": cls.ticket_chen.id, "method": "phone", "overall_score": "6"}
        )
        cls.survey_north = Survey.create(
            {"ticket_id": cls.ticket_north.id, "method": "portal"}
        )
        cls.surveys = cls.survey_zhang | cls.survey_chen | cls.survey_north

    def _visible(self, user, records):
        return records.with_user(user).search([("id", "in", records.ids)])

    def test_an_engineer_sees_his_own_visits_and_surveys(self):
        zhang = self.zhang.user_id
        self.assertEqual(self._visible(zhang, self.visits), self.visit_zhang)
        self.assertEqual(self._visible(zhang, self.surveys), self.survey_zhang)
        with self.assertRaises(AccessError):
            self.visit_chen.with_user(zhang).read(["name"])
        with self.assertRaises(AccessError):
            self.survey_chen.with_user(zhang).read(["overall_score"])
        # his assistant too
        liu = self.liu.user_id
        self.assertEqual(self._visible(liu, self.visits), self.visit_zhang)
        self.assertEqual(self._visible(liu, self.surveys), self.survey_zhang)
        # he works on his visit, not on another's
        self.visit_zhang.with_user(zhang).action_check_in()
        with self.assertRaises(AccessError):
            self.visit_chen.with_user(zhang).action_check_in()
        # he does not plan visits himself, nor delete one
        with self.assertRaises(AccessError):
            self.env["aftersales.visit"].with_user(zhang).create(
                {"dispatch_order_id": self.order_zhang.id}
            )
        with self.assertRaises(AccessError):
            self.visit_zhang.with_user(zhang).unlink()
        other = self.order_chen.visit_ids.with_user(self.chen.user_id)
        with self.assertRaises(AccessError):
            other.action_cancel()
        chen = self.chen.user_id
        self.assertEqual(
            self._visible(chen, self.visits), self.visit_chen | self.visit_north
        )

    def test_agents_and_dispatchers_see_their_teams_visits_and_every_survey(self):
        self.assertEqual(
            self._visible(self.agent, self.visits), self.visit_zhang | self.visit_chen
        )
        self.assertEqual(self._visible(self.agent, self.surveys), self.surveys)
        with self.assertRaises(AccessError):  # an agent reads visits
            self.visit_zhang.with_user(self.agent).write({"plan_note": "x"})
        self.assertEqual(
            self._visible(self.other_dispatcher, self.visits), self.visit_north
        )
        # the dispatcher plans and cancels
        self.visit_chen.with_user(self.dispatcher).action_cancel()
        self.assertEqual(self.visit_chen.state, "cancel")

    def test_a_manager_sees_everything(self):
        self.assertEqual(self._visible(self.manager, self.visits), self.visits)
        self.assertEqual(self._visible(self.manager, self.surveys), self.surveys)

    def test_a_portal_customer_sees_his_own_reports_and_surveys(self):
        self.assertEqual(self._visible(self.portal_user, self.visits), self.visit_zhang)
        self.assertEqual(
            self._visible(self.portal_user, self.surveys), self.survey_zhang
        )
        with self.assertRaises(AccessError):
            self.visit_zhang.with_user(self.portal_user).write({"signed_by": "me"})
        with self.assertRaises(AccessError):
            self.survey_zhang.with_user(self.portal_user).write({"comment": "x"})
        with self.assertRaises(AccessError):
            self.visit_chen.with_user(self.portal_user).read(["name"])
        self.assertFalse(self._visible(self.other_portal, self.visits))
        self.assertFalse(self._visible(self.other_portal, self.surveys))
        with self.assertRaises(AccessError):
            self.env["aftersales.visit.call"].with_user(self.portal_user).search([])
        with self.assertRaises(AccessError):
            self.env["aftersales.survey.report"].with_user(self.portal_user).search([])

    def test_the_satisfaction_analysis_is_for_the_service_desk(self):
        rows = (
            self.env["aftersales.survey.report"]
            .with_user(self.dispatcher)
            .search([("ticket_id", "in", (self.ticket_zhang | self.ticket_chen).ids)])
        )
        self.assertEqual(len(rows), 2)  # two overall scores
        with self.assertRaises(AccessError):
            self.env["aftersales.survey.report"].with_user(self.zhang.user_id).search(
                []
            )
