# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The specialists open the request form with all it shows: the QC inspector
checks a repaired unit whose request has clocks, a dispatch order and spare
parts; technical support, the complaint handler and customer relations read the
requests of their questions, complaints and calls."""

from odoo.tests import Form, new_test_user, tagged

from .test_parts import PartsCommon


@tagged("post_install", "-at_install")
class TestSpecialistForms(PartsCommon):
    def test_the_specialists_open_a_request_with_its_spare_parts(self):
        ticket, _order = self._dispatched()
        self._add(ticket, self.cap)
        self._add(ticket, self.fan)
        complaint_handler = new_test_user(
            self.env,
            login="as_forms_complaints",
            groups="aftersales_sop.aftersales_sop_group_complaint_handler",
        )
        customer_relations = new_test_user(
            self.env,
            login="as_forms_relations",
            groups="aftersales_sop.aftersales_sop_group_customer_relations",
        )
        specialists = (
            self.qc_inspector,
            self.tech_support,
            complaint_handler,
            customer_relations,
        )
        for user in specialists:
            with self.subTest(user=user.login):
                form = Form(ticket.with_user(user))
                self.assertEqual(len(form.part_line_ids), 2)
                lines = ticket.with_user(user).part_line_ids
                self.assertEqual(set(lines.product_id.ids), {self.cap.id, self.fan.id})
                self.assertEqual(
                    lines.mapped("state"), ticket.part_line_ids.mapped("state")
                )
