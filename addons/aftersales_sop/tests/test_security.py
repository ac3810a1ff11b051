# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who sees what: record rules with a user of each role."""

from odoo.exceptions import AccessError
from odoo.tests import freeze_time, new_test_user, tagged

from .common import AftersalesSopCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestSecurity(AftersalesSopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Order = cls.env["aftersales.dispatch.order"]
        cls.ticket_zhang = cls._create_repair(name="for Zhang")
        cls.order_zhang = Order.create(
            {
                "ticket_id": cls.ticket_zhang.id,
                "engineer_id": cls.zhang.id,
                "assistant_id": cls.liu.id,
            }
        )
        cls.ticket_chen = cls._create_repair(name="for Chen")
        cls.order_chen = Order.create(
            {"ticket_id": cls.ticket_chen.id, "engineer_id": cls.chen.id}
        )
        cls.ticket_north = cls._create_repair(
            name="northern", team_id=cls.other_team.id
        )
        cls.order_north = Order.create(
            {"ticket_id": cls.ticket_north.id, "engineer_id": cls.chen.id}
        )
        cls.portal_partner = cls.env["res.partner"].create(
            {"name": "Portal Customer", "email": "p@example.com"}
        )
        cls.portal_user = new_test_user(
            cls.env,
            login="as_portal",
            groups="base.group_portal",
            partner_id=cls.portal_partner.id,
        )
        cls.portal_ticket = cls.env["helpdesk.ticket"].create(
            {"name": "mine", "description": "d", "partner_id": cls.portal_partner.id}
        )
        cls.all_orders = cls.order_zhang | cls.order_chen | cls.order_north

    def _visible(self, user, records):
        return records.with_user(user).search([("id", "in", records.ids)])

    def test_engineer_sees_his_own_jobs(self):
        zhang = self.zhang.user_id
        self.assertEqual(self._visible(zhang, self.all_orders), self.order_zhang)
        # the assistant sees the job and its ticket too
        liu = self.liu.user_id
        self.assertEqual(self._visible(liu, self.all_orders), self.order_zhang)
        self.assertIn(
            self.ticket_zhang, self._visible(liu, self.ticket_zhang | self.ticket_chen)
        )
        tickets = self.ticket_zhang | self.ticket_chen | self.ticket_north
        self.assertEqual(self._visible(zhang, tickets), self.ticket_zhang)
        with self.assertRaises(AccessError):
            self.order_chen.with_user(zhang).read(["name"])
        with self.assertRaises(AccessError):
            self.ticket_chen.with_user(zhang).read(["name"])
        # his clocks, not the others'
        clocks = (tickets).clock_ids
        self.assertEqual(self._visible(zhang, clocks).ticket_id, self.ticket_zhang)
        # he checks in on his job, not on another one
        self.order_zhang.with_user(zhang).action_check_in()
        with self.assertRaises(AccessError):
            self.order_chen.with_user(zhang).action_check_in()
        # his certifications only
        certifications = (self.zhang | self.chen).certification_ids
        self.assertEqual(
            self._visible(zhang, certifications), self.zhang.certification_ids
        )

    def test_dispatcher_sees_his_teams_jobs(self):
        self.assertEqual(
            self._visible(self.dispatcher, self.all_orders),
            self.order_zhang | self.order_chen,
        )
        self.assertEqual(
            self._visible(self.other_dispatcher, self.all_orders), self.order_north
        )
        with self.assertRaises(AccessError):
            self.order_north.with_user(self.dispatcher).read(["name"])
        # he dispatches, an agent or an engineer does not
        ticket = self._create_repair()
        Order = self.env["aftersales.dispatch.order"]
        Order.with_user(self.dispatcher).create(
            {"ticket_id": ticket.id, "engineer_id": self.liu.id}
        )
        for user in (self.agent, self.zhang.user_id):
            with self.assertRaises(AccessError):
                Order.with_user(user).create(
                    {"ticket_id": self._create_repair().id, "engineer_id": self.liu.id}
                )
        # certifications of every engineer, for the ranking
        certifications = (self.zhang | self.chen).certification_ids
        self.assertEqual(self._visible(self.dispatcher, certifications), certifications)

    def test_agent_reads_every_ticket_but_changes_no_configuration(self):
        tickets = self.ticket_zhang | self.ticket_chen | self.ticket_north
        self.assertEqual(self._visible(self.agent, tickets), tickets)
        self.assertEqual(
            self._visible(self.agent, self.all_orders),
            self.order_zhang | self.order_chen,
        )
        clock = self.env.ref("aftersales_sop.aftersales_clock_reply")
        clock.with_user(self.agent).read(["name"])
        with self.assertRaises(AccessError):
            clock.with_user(self.agent).write({"time_limit": 48})
        with self.assertRaises(AccessError):
            self.zhang.with_user(self.agent).write({"level": "junior"})

    def test_manager_sees_and_configures_everything(self):
        self.assertEqual(self._visible(self.manager, self.all_orders), self.all_orders)
        self.env.ref("aftersales_sop.aftersales_clock_reply").with_user(
            self.manager
        ).write({"time_limit": 48})
        self.zhang.with_user(self.manager).write({"level": "senior"})

    def test_portal_customer_sees_only_his_tickets(self):
        tickets = self.portal_ticket | self.ticket_zhang | self.ticket_chen
        self.assertEqual(self._visible(self.portal_user, tickets), self.portal_ticket)
        with self.assertRaises(AccessError):
            self.ticket_zhang.with_user(self.portal_user).read(["name"])
        with self.assertRaises(AccessError):
            self.env["aftersales.dispatch.order"].with_user(self.portal_user).search([])
