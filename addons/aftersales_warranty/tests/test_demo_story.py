# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The warranty demo tells a coherent story: the repair done on site had its
warranty decision confirmed before the work started, the parts written on its
service form are original parts of the unit, the quote went to the hotel once
approved, and the loaner is out while the repair goes on. Skipped without demo
data."""

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestWarrantyDemoStory(TransactionCase):
    def _demo(self, xmlid):
        record = self.env.ref(xmlid, raise_if_not_found=False)
        if not record:
            self.skipTest("the database has no demo data")
        return record

    def test_the_decision_came_before_the_work(self):
        for xmlid in ("ticket_repair_completed_demo", "ticket_repair_done_vip_demo"):
            ticket = self._demo(f"aftersales_sop.{xmlid}")
            visit = ticket.dispatch_order_ids.visit_ids
            self.assertEqual(ticket.repair_state, "done")
            self.assertEqual(ticket.warranty_decision, "in_warranty")
            self.assertFalse(ticket.warranty_decision_outdated)
            self.assertLessEqual(ticket.warranty_decision_date, visit.work_start_date)
            for part in visit.part_ids:
                self.assertFalse(
                    part.product_id._aftersales_spare_part_problem(
                        ticket.product_id.product_tmpl_id
                    )
                )

    def test_the_quote_was_approved_before_it_was_sent(self):
        repair = self._demo("aftersales_warranty.repair_water_heater_demo")
        order = repair.sale_order_id
        self.assertEqual(order.state, "sent")
        self.assertEqual(order.aftersales_approval_state, "approved")
        admin = self.env.ref("base.user_admin")
        self.assertEqual(order.aftersales_approved_by_id, admin)

    def test_the_loaner_is_out_during_the_repair(self):
        loan = self._demo("aftersales_warranty.loan_zhou_min_demo")
        self.assertEqual(loan.state, "out")
        self.assertNotEqual(loan.ticket_id.repair_state, "done")
        self.assertFalse(loan.date_due)  # due once the repair is completed
        self.assertTrue(loan.ticket_id.loaner_out)
