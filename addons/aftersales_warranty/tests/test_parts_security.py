# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who sees and does what with the spare parts of requests (SPEC §1, §6):
warehouse managers reserve, issue and return; engineers see the parts of their
own jobs; agents see availability; records of another company stay hidden."""

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, freeze_time, new_test_user, tagged

from .test_parts import PartsCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestPartsSecurity(PartsCommon):
    def test_the_agent_adds_parts_on_the_request_form(self):
        ticket, _order = self._dispatched()
        with (
            Form(ticket.with_user(self.agent)) as form,
            form.part_line_ids.new() as line,
        ):
            line.product_id = self.cap
            line.product_uom_qty = 2
        line = ticket.part_line_ids
        self.assertEqual((line.product_id, line.state), (self.cap, "waiting"))
        self.assertEqual(line.warehouse_id, self.warehouse)
        self.assertEqual(line.with_user(self.agent).qty_available, 5)
        self.assertEqual(ticket.with_user(self.agent).parts_status, "waiting")
        # the agent does not reserve; he cannot read the stock moves either
        with self.assertRaises(AccessError):
            line.with_user(self.agent).action_aftersales_reserve()
        with self.assertRaises(AccessError):
            line.with_user(self.agent).move_ids.ids  # noqa: B018

    def test_engineers_see_the_parts_of_their_own_jobs(self):
        ticket, order = self._dispatched()
        line = self._add(ticket, self.cap)
        other_ticket, _other = self._dispatched(engineer=self.chen)
        other_line = self._add(other_ticket, self.fuse)
        parts = self.env["aftersales.part.line"]
        zhang = self.zhang.user_id
        self.assertEqual(parts.with_user(zhang).search([]), line)
        self.assertEqual(parts.with_user(self.chen.user_id).search([]), other_line)
        # the assistant of the job sees them too
        order.assistant_id = self.liu
        self.assertIn(line, parts.with_user(self.liu.user_id).search([]))
        # the engineer asks for a part, says what he used, records the consent;
        # he neither reserves, issues nor returns
        extra = self._add(ticket, self.fuse, user=zhang)
        for action in ("reserve", "issue", "return", "release"):
            with self.assertRaises(AccessError):
                getattr(extra.with_user(zhang), f"action_aftersales_{action}")()
        with self.assertRaises(AccessError):
            line.with_user(zhang).unlink()
        with self.assertRaises(AccessError):
            other_line.with_user(zhang).quantity_used = 0
        # he sees his parts on his dispatch order
        self.assertEqual(order.with_user(zhang).part_line_ids, line | extra)

    def test_the_parts_follow_the_job_when_it_changes_hands(self):
        wang = self._create_engineer(
            "as_parts_wang", "Wang", self.shanghai, "senior", self.appliances
        )
        sun = self._create_engineer(
            "as_parts_sun", "Sun", self.shanghai, "junior", self.air_con
        )
        ticket, first = self._dispatched()
        first.assistant_id = self.liu
        line = self._add(ticket, self.cap)
        other_ticket, _other = self._dispatched(engineer=wang)
        other_line = self._add(other_ticket, self.fuse)
        zhang = self.zhang.user_id
        self.assertIn(line, line.with_user(zhang).search([]))
        # the job goes from Zhang and Liu to Chen, with Sun assisting
        first.with_user(self.dispatcher).action_cancel()
        self.env["aftersales.dispatch.order"].with_user(self.dispatcher).create(
            {
                "ticket_id": ticket.id,
                "engineer_id": self.chen.id,
                "assistant_id": sun.id,
            }
        )
        parts = self.env["aftersales.part.line"]
        # the former engineer and assistant no more
        for user in (self.zhang | self.liu).user_id:
            self.assertFalse(parts.with_user(user).search([("id", "=", line.id)]))
            with self.assertRaises(AccessError):
                line.with_user(user).product_uom_qty  # noqa: B018
        # the new engineer and his assistant
        for engineer in (self.chen, sun):
            user = engineer.user_id
            self.assertEqual(parts.with_user(user).search([]), line)
            line.with_user(user).read(["product_uom_qty"])
        # another engineer of the team sees his own job's, not this one's
        self.assertEqual(parts.with_user(wang.user_id).search([]), other_line)
        with self.assertRaises(AccessError):
            line.with_user(wang.user_id).product_uom_qty  # noqa: B018
        # agents and dispatchers see every request's
        for user in (self.agent, self.dispatcher):
            self.assertLessEqual(line | other_line, parts.with_user(user).search([]))

    def test_the_warehouse_reserves_issues_and_returns(self):
        ticket, _order = self._dispatched()
        line = self._add(ticket, self.cap, 2)
        # an Inventory user sees every request's parts but does not reserve
        self.assertIn(
            line,
            self.env["aftersales.part.line"].with_user(self.warehouse_user).search([]),
        )
        with self.assertRaises(AccessError):
            line.with_user(self.warehouse_user).action_aftersales_reserve()
        manager = line.with_user(self.stock_manager)
        manager.action_aftersales_reserve()
        manager.action_aftersales_issue()
        line.with_user(self.zhang.user_id).quantity_used = 1
        manager.action_aftersales_return()
        self.assertEqual((line.qty_returning, line.state), (1, "issued"))
        # the stock manager sees the request's parts without being an agent
        self.assertIn(self.cap.display_name, manager.display_name)

    def test_parts_of_another_company_stay_hidden(self):
        other = self.env["res.company"].create({"name": "Test Other Service Co"})
        ticket, _order = self._dispatched()
        line = self._add(ticket, self.cap)
        outsider = new_test_user(
            self.env,
            login="as_other_agent",
            groups="aftersales_sop.aftersales_sop_group_agent,stock.group_stock_manager",
            company_id=other.id,
            company_ids=[Command.set(other.ids)],
        )
        parts = self.env["aftersales.part.line"].with_user(outsider)
        self.assertFalse(parts.search([("id", "=", line.id)]))
        with self.assertRaises(AccessError):
            line.with_user(outsider).product_uom_qty  # noqa: B018
        # the other company's warehouse has its own Spare Parts operation type
        warehouse = self.env["stock.warehouse"].search([("company_id", "=", other.id)])
        self.assertEqual(warehouse.aftersales_parts_type_id.company_id, other)
