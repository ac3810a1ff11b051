# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Access follows the job (SPEC §1): a request dispatched again, read over the
ORM by each role: the former engineer, the new engineer, his assistant,
another engineer of the team, an agent, a dispatcher."""

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import freeze_time, tagged

from .common import AftersalesSopCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestJobAccess(AftersalesSopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.wang = cls._create_engineer(
            "as_wang", "Wang", cls.shanghai, "senior", cls.appliances
        )
        cls.sun = cls._create_engineer(
            "as_sun", "Sun", cls.shanghai, "junior", cls.air_con
        )
        # the engineers are members of the team: the helpdesk would show them
        # its unassigned requests
        cls.engineer_users = (
            cls.zhang | cls.liu | cls.chen | cls.wang | cls.sun
        ).user_id
        cls.team.user_ids = [Command.link(user.id) for user in cls.engineer_users]
        Order = cls.env["aftersales.dispatch.order"]
        cls.ticket = cls._create_repair(name="dispatched twice")
        # Zhang goes with Liu, checks in, and the job is taken from them: it
        # goes to Chen with Sun assisting
        cls.first = Order.with_user(cls.dispatcher).create(
            {
                "ticket_id": cls.ticket.id,
                "engineer_id": cls.zhang.id,
                "assistant_id": cls.liu.id,
            }
        )
        cls.first.with_user(cls.zhang.user_id).action_check_in()
        cls.first.with_user(cls.dispatcher).action_cancel()
        cls.second = Order.with_user(cls.dispatcher).create(
            {
                "ticket_id": cls.ticket.id,
                "engineer_id": cls.chen.id,
                "assistant_id": cls.sun.id,
            }
        )
        cls.unassigned = cls._create_repair(name="not dispatched yet")
        cls.visits = cls.ticket.with_context(active_test=False).visit_ids
        cls.clocks = cls.ticket.clock_ids
        cls.orders = cls.first | cls.second

    def _assert_reads(self, user, records):
        records.with_user(user).read(["display_name"])
        self.assertEqual(
            records.with_user(user).search([("id", "in", records.ids)]), records
        )

    def _assert_denied(self, user, records):
        for record in records:
            with self.assertRaises(AccessError, msg=f"{user.name}: {record}"):
                record.with_user(user).read(["display_name"])
        self.assertFalse(records.with_user(user).search([("id", "in", records.ids)]))

    def test_the_request_has_what_the_roles_look_at(self):
        self.assertEqual(len(self.visits), 2)
        self.assertEqual(
            set(self.clocks.mapped("code")),
            {"reply", "first_contact", "dispatch_review", "onsite", "resolution"},
        )
        self.assertEqual(
            self.ticket.aftersales_job_user_ids, (self.chen | self.sun).user_id
        )

    def test_the_former_engineer_and_assistant_read_nothing_of_the_request(self):
        for user in (self.zhang | self.liu).user_id:
            self._assert_denied(user, self.ticket)
            self._assert_denied(user, self.visits)
            self._assert_denied(user, self.clocks)
            self._assert_denied(user, self.orders)
            # dispatch left them no follower: the helpdesk's follower rule
            # would let them read it
            self.assertNotIn(user.partner_id, self.ticket.message_partner_ids)
            self.assertNotIn(user.partner_id, self.first.message_partner_ids)
        zhang = self.zhang.user_id
        self.assertNotEqual(self.ticket.user_id, zhang)
        # nor can he change his cancelled order
        with self.assertRaises(AccessError):
            self.first.with_user(zhang).write({"delay_note": "On my way"})

    def test_the_new_engineer_and_his_assistant_read_the_whole_request(self):
        for engineer in (self.chen, self.sun):
            user = engineer.user_id
            self._assert_reads(user, self.ticket)
            self._assert_reads(user, self.visits)
            self._assert_reads(user, self.clocks)
            self._assert_reads(user, self.orders)
            self.assertIn(user.partner_id, self.ticket.message_partner_ids)
        self.assertEqual(self.ticket.user_id, self.chen.user_id)
        # they change their own order, not the cancelled one
        self.second.with_user(self.chen.user_id).delay_note = "Traffic"
        with self.assertRaises(AccessError):
            self.first.with_user(self.chen.user_id).write({"delay_note": "x"})

    def test_another_engineer_of_the_team_reads_nothing(self):
        wang = self.wang.user_id
        self._assert_denied(wang, self.ticket | self.unassigned)
        for records in (self.visits, self.clocks, self.orders):
            self._assert_denied(wang, records)
        # not even as a follower: the helpdesk's rules never widen his access
        self.ticket.message_subscribe(partner_ids=wang.partner_id.ids)
        self.unassigned.message_subscribe(partner_ids=wang.partner_id.ids)
        self._assert_denied(wang, self.ticket | self.unassigned)
        # nor as the assigned user of a request he has no order on
        self.unassigned.user_id = wang
        self._assert_denied(wang, self.unassigned)
        self._assert_denied(wang, self.unassigned.clock_ids)

    def test_agents_and_dispatchers_read_every_request_of_their_team(self):
        for user in (self.agent, self.dispatcher):
            for records in (self.visits, self.clocks, self.orders):
                self._assert_reads(user, records)
            self._assert_reads(user, self.ticket | self.unassigned)

    def test_a_done_order_stays_readable_a_cancelled_one_does_not(self):
        # Chen finishes the job: it is his history, and his assistant's
        self.second.with_user(self.chen.user_id).action_check_in()
        self._finish_visit(self.second)
        self.assertEqual(self.second.state, "done")
        for user in (self.chen | self.sun).user_id:
            for records in (self.ticket, self.visits, self.clocks):
                self._assert_reads(user, records)
        self._assert_denied(self.zhang.user_id, self.ticket)
        # Zhang is sent again to the same request, after the job was reopened:
        # he holds an order on it again
        self.ticket._aftersales_reopen_repair()
        third = (
            self.env["aftersales.dispatch.order"]
            .with_user(self.dispatcher)
            .create({"ticket_id": self.ticket.id, "engineer_id": self.zhang.id})
        )
        self._assert_reads(self.zhang.user_id, self.ticket)
        self._assert_reads(self.zhang.user_id, third)
        # cancelled again: the job is gone, Chen's done order is still Chen's
        third.with_user(self.dispatcher).action_cancel()
        self._assert_denied(self.zhang.user_id, self.ticket)
        self._assert_reads(self.chen.user_id, self.ticket)
        self.assertIn(self.chen.user_id.partner_id, self.ticket.message_partner_ids)
        # his history does not hang on his following the request, nor on its
        # being unassigned (the helpdesk shows a team its unassigned requests)
        self.ticket.message_unsubscribe(partner_ids=self.chen.user_id.partner_id.ids)
        self.ticket.user_id = self.dispatcher
        for records in (self.ticket, self.visits, self.clocks, self.orders):
            self._assert_reads(self.chen.user_id, records)

    def test_an_engineer_with_a_desk_role_reads_by_that_role(self):
        # a manager is an engineer too: the engineer's limit is not his
        self._assert_reads(self.manager, self.ticket | self.unassigned)
        self.wang.user_id.groups_id = [
            Command.link(self.env.ref("aftersales_sop.aftersales_sop_group_agent").id)
        ]
        self._assert_reads(self.wang.user_id, self.ticket | self.unassigned)
