# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who sees complaints and follow-ups: a user of each role; the new roles on
the user form; staff without an e-mail address doing their part."""

from odoo.exceptions import AccessError
from odoo.tests import freeze_time, tagged

from odoo.addons.base.models.res_users import name_boolean_group

from .care_common import MONDAY_10, AftersalesCareCommon


@tagged("post_install", "-at_install")
@freeze_time(MONDAY_10)
class TestCareSecurity(AftersalesCareCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Complaint = cls.env["aftersales.complaint"]
        cls.ticket_zhang = cls._create_repair(name="for Zhang")
        cls.env["aftersales.dispatch.order"].create(
            {"ticket_id": cls.ticket_zhang.id, "engineer_id": cls.zhang.id}
        )
        # about Zhang's job, assigned to the team's handler
        cls.complaint_mine = Complaint.create(
            cls._complaint_vals(
                ticket_id=cls.ticket_zhang.id,
                involved_engineer_ids=[(6, 0, cls.zhang.ids)],
                involved_user_ids=[(6, 0, cls.zhang.user_id.ids)],
            )
        )
        cls.complaint_other = Complaint.create(
            cls._complaint_vals(user_id=cls.other_handler.id)
        )
        cls.complaint_north = Complaint.create(
            cls._complaint_vals(team_id=cls.other_team.id, user_id=False)
        )
        cls.complaints = cls.complaint_mine | cls.complaint_other | cls.complaint_north
        cls.followup = cls.env["aftersales.followup"].create(
            {
                "ticket_id": cls.ticket_zhang.id,
                "partner_id": cls.customer.id,
                "team_id": cls.team.id,
                "user_id": cls.care.id,
            }
        )
        cls.followup_north = cls.env["aftersales.followup"].create(
            {"partner_id": cls.customer.id, "team_id": cls.other_team.id}
        )
        cls.followups = cls.followup | cls.followup_north

    def _visible(self, user, records):
        return records.with_user(user).search([("id", "in", records.ids)])

    def test_complaint_handler_sees_his_complaints_and_the_unassigned(self):
        self.assertEqual(
            self._visible(self.handler, self.complaints),
            self.complaint_mine | self.complaint_north,
        )
        with self.assertRaises(AccessError):
            self.complaint_other.with_user(self.handler).read(["reason"])
        self.assertEqual(
            self._visible(self.other_handler, self.complaints),
            self.complaint_other | self.complaint_north,
        )
        # the clocks of his complaints only, not the requests'
        clocks = self.complaints.clock_ids | self.ticket_zhang.clock_ids
        self.assertEqual(
            self._visible(self.handler, clocks).complaint_id,
            self.complaint_mine | self.complaint_north,
        )
        self.assertFalse(self._visible(self.handler, clocks).ticket_id)
        # he reads the request of a complaint and the engineers to attribute it to
        self.ticket_zhang.with_user(self.handler).read(["name"])
        self.zhang.with_user(self.handler).read(["name"])
        # no follow-ups
        with self.assertRaises(AccessError):
            self.followup.with_user(self.handler).read(["name"])

    def test_engineer_does_not_see_complaints_about_him(self):
        zhang = self.zhang.user_id
        Complaint = self.env["aftersales.complaint"].with_user(zhang)
        with self.assertRaises(AccessError):
            Complaint.search([])
        with self.assertRaises(AccessError):
            self.complaint_mine.with_user(zhang).read(["reason"])
        # his own request shows no complaint, and its chatter says nothing
        ticket = self.ticket_zhang.with_user(zhang)
        ticket.read(["name"])
        self.assertNotIn("complaint_ids", ticket.fields_get())
        self.assertNotIn(zhang.partner_id, self.complaint_mine.message_partner_ids)
        self.assertFalse(
            ticket.message_ids.filtered(
                lambda m: self.complaint_mine.name in (m.body or "")
            )
        )
        clocks = self.complaints.clock_ids | self.ticket_zhang.clock_ids
        self.assertFalse(self._visible(zhang, clocks).complaint_id)
        with self.assertRaises(AccessError):
            self.followup.with_user(zhang).read(["name"])

    def test_agent_records_and_follows_his_teams_complaints(self):
        self.assertEqual(
            self._visible(self.agent, self.complaints),
            self.complaint_mine | self.complaint_other,
        )
        complaint = (
            self.env["aftersales.complaint"]
            .with_user(self.agent)
            .create(self._complaint_vals(ticket_id=self.ticket_zhang.id))
        )
        self.assertEqual(complaint.user_id, self.handler)
        # he follows his teams' follow-ups, he does not make the calls
        self.assertEqual(self._visible(self.agent, self.followups), self.followup)
        with self.assertRaises(AccessError):
            self.followup.with_user(self.agent).write({"outcome": "satisfied"})
        with self.assertRaises(AccessError):
            complaint.with_user(self.agent).action_approve()

    def test_customer_relations_makes_every_follow_up(self):
        care = self.care
        self.assertEqual(self._visible(care, self.followups), self.followups)
        clocks = self.followups.clock_ids | self.ticket_zhang.clock_ids
        self.assertEqual(self._visible(care, clocks), self.followups.clock_ids)
        self.followup_north.with_user(care).write({"user_id": care.id})
        # a complaint heard on a call: he records it and sees only those
        self.assertFalse(self._visible(care, self.complaints))
        action = self.followup.with_user(care).action_record_complaint()
        complaint = (
            self.env["aftersales.complaint"]
            .with_user(care)
            .with_context(**action["context"])
            .create({"reason": "Nobody told me the visit was charged."})
        )
        self.assertEqual(complaint.partner_id, self.customer)
        self.assertEqual(complaint.ticket_id, self.ticket_zhang)
        self.assertEqual(self._visible(care, self.complaints | complaint), complaint)
        with self.assertRaises(AccessError):
            complaint.with_user(care).action_start_investigation()

    def test_manager_sees_everything(self):
        manager = self.manager
        self.assertEqual(self._visible(manager, self.complaints), self.complaints)
        self.assertEqual(self._visible(manager, self.followups), self.followups)
        clocks = self.complaints.clock_ids | self.followups.clock_ids
        self.assertEqual(self._visible(manager, clocks), clocks)
        self.env.ref("aftersales_sop.complaint_cause_attitude").with_user(
            manager
        ).write({"name": "Rude staff"})
        with self.assertRaises(AccessError):
            self.env.ref("aftersales_sop.complaint_cause_attitude").with_user(
                self.handler
            ).write({"name": "Rude"})

    def test_roles_are_specialists_checkboxes(self):
        fields = self.env["res.users"].fields_get()
        for role in ("complaint_handler", "customer_relations"):
            group = self.env.ref(f"aftersales_sop.aftersales_sop_group_{role}")
            self.assertIn(name_boolean_group(group.id), fields)
            self.assertEqual(
                group.category_id,
                self.env.ref("aftersales_sop.module_category_aftersales_specialists"),
            )
            self.assertIn(
                self.env.ref("helpdesk_mgmt.group_helpdesk_user"),
                group.trans_implied_ids,
            )
        # both open the After-sales app
        root = self.env.ref("aftersales_sop.aftersales_sop_menu_root")
        for user in (self.handler, self.care):
            visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            self.assertIn(root.id, visible)
            self.assertIn(
                self.env.ref("aftersales_sop.aftersales_sop_menu_care").id, visible
            )

    def test_staff_without_an_email_address_do_their_part(self):
        self.company.alias_domain_id = self.env["mail.alias.domain"].create(
            {"name": "aftersales.example.com", "default_from": "notifications"}
        )
        for user in (
            self.agent,
            self.handler,
            self.manager,
            self.care,
            self.dispatcher,
        ):
            user.partner_id.email = False
        complaint = (
            self.env["aftersales.complaint"]
            .with_user(self.agent)
            .create(self._complaint_vals(ticket_id=self.ticket_zhang.id))
        )
        handler = complaint.with_user(self.handler)
        handler.action_start_investigation()
        self._settle(handler, engineer_id=self.zhang.id, offence_code="complaint_delay")
        handler.action_propose()
        supervisor = complaint.with_user(self.manager)
        supervisor.serious_impact = True
        supervisor.action_approve()
        handler.action_customer_told()
        handler.action_reopen()
        self._settle(handler)
        handler.action_propose()
        supervisor.action_approve()
        handler.action_customer_told()
        handler.action_customer_confirmed()
        self.assertEqual(complaint.state, "closed")
        # the follow-up call finds the problem persists: the request reopens
        followup = self.followup.with_user(self.care)
        followup.action_not_reached()
        followup.write({"outcome": "problem_persists", "outcome_note": "Still noisy."})
        followup.action_record_outcome()
        self.assertEqual(self.followup.state, "done")
