# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The QC inspector (质检员, SPEC §1) checks a unit repaired at the repair
centre before it goes back to the customer."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, freeze_time, tagged

from .common import AftersalesSopCommon

MONDAY_10 = "2026-09-28 02:00:00"  # Monday 10:00 in Beijing


@tagged("post_install", "-at_install")
@freeze_time(MONDAY_10)
class TestQualityCheck(AftersalesSopCommon):
    def _received(self):
        ticket = self._create_repair(service_path="mail_in", user_id=self.agent.id)
        ticket.with_user(self.agent).action_unit_received()
        return ticket

    def _activities(self, ticket, xmlid):
        kind = self.env.ref(xmlid)
        return ticket.activity_ids.filtered(lambda a: a.activity_type_id == kind)

    def test_a_failed_check_sends_the_unit_back_to_repair(self):
        ticket = self._received()
        agent = ticket.with_user(self.agent)
        with self.assertRaisesRegex(UserError, "ask for the check"):
            agent.action_problem_solved()
        agent.action_qc_request()
        self.assertEqual(ticket.qc_state, "to_check")
        check = self._activities(ticket, "aftersales_sop.mail_act_qc_check")
        self.assertEqual(check.user_id, self.qc_inspector)
        with self.assertRaisesRegex(UserError, "waits for the QC inspector"):
            agent.action_problem_solved()
        # the agent does not judge the repair
        with self.assertRaises(AccessError):
            agent.action_qc_pass()
        # the inspector fails it, with what is wrong
        inspector = ticket.with_user(self.qc_inspector)
        action = inspector.action_qc_fail()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.qc_inspector)
            .with_context(**action["context"])
        )
        wizard.reason = "Still leaks water at the drain pan."
        wizard.save().action_apply()
        self.assertEqual(ticket.qc_state, "failed")
        self.assertEqual(ticket.qc_user_id, self.qc_inspector)
        self.assertEqual(ticket.qc_note, "Still leaks water at the drain pan.")
        self.assertFalse(self._activities(ticket, "aftersales_sop.mail_act_qc_check"))
        again = self._activities(ticket, "aftersales_sop.mail_act_qc_repair")
        self.assertEqual(again.user_id, self.agent)
        self.assertIn("drain pan", again.note)
        self.assertIn("drain pan", " ".join(ticket.message_ids.mapped("body")))
        with self.assertRaisesRegex(UserError, "failed the repaired unit"):
            agent.action_problem_solved()
        self.assertFalse(ticket.solved_date)
        # repaired again, checked again, passed: the unit goes back
        agent.action_qc_request()
        self.assertFalse(self._activities(ticket, "aftersales_sop.mail_act_qc_repair"))
        inspector.action_qc_pass()
        self.assertEqual(ticket.qc_state, "passed")
        self.assertFalse(ticket.qc_note)
        agent.action_problem_solved()
        self.assertEqual(ticket.repair_state, "done")

    def test_only_a_received_unit_is_checked_once_at_a_time(self):
        ticket = self._create_repair()
        with self.assertRaises(UserError):
            ticket.with_user(self.agent).action_qc_request()  # not at the centre
        with self.assertRaises(UserError):
            ticket.with_user(self.qc_inspector).action_qc_pass()  # not asked
        ticket.with_user(self.agent).action_unit_received()
        ticket.with_user(self.agent).action_qc_request()
        with self.assertRaises(UserError):
            ticket.with_user(self.agent).action_qc_request()
        # a manager can do every role's work
        ticket.with_user(self.manager).action_qc_pass()
        self.assertEqual(ticket.qc_user_id, self.manager)
        # nobody else writes a verdict around the buttons
        with self.assertRaises(AccessError):
            ticket.with_user(self.agent).qc_state = "failed"
        self.assertEqual(ticket.qc_state, "passed")

    def test_the_inspector_opens_the_after_sales_app(self):
        menu = self.env.ref("aftersales_sop.aftersales_sop_menu_qc")
        visible = (
            self.env["ir.ui.menu"].with_user(self.qc_inspector)._visible_menu_ids()
        )
        self.assertIn(menu.id, visible)
        root = self.env.ref("aftersales_sop.aftersales_sop_menu_root")
        self.assertIn(root.id, visible)
        agent_menus = self.env["ir.ui.menu"].with_user(self.agent)._visible_menu_ids()
        self.assertNotIn(menu.id, agent_menus)
