# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The specialists open the request form with what warranty adds to it: the QC
inspector checks a repaired unit whose request has spare parts and a dispatch
order, technical support reads the request of an escalated question."""

from odoo.tests import Form, tagged

from .test_parts import PartsCommon


@tagged("post_install", "-at_install")
class TestSpecialistForms(PartsCommon):
    def test_the_specialists_open_a_request_with_its_spare_parts(self):
        ticket, _order = self._dispatched()
        self._add(ticket, self.cap)
        self._add(ticket, self.fan)
        for user in (self.qc_inspector, self.tech_support):
            with self.subTest(user=user.login):
                form = Form(ticket.with_user(user))
                self.assertEqual(len(form.part_line_ids), 2)
                lines = ticket.with_user(user).part_line_ids
                self.assertEqual(set(lines.product_id.ids), {self.cap.id, self.fan.id})
                self.assertEqual(
                    lines.mapped("state"), ticket.part_line_ids.mapped("state")
                )
