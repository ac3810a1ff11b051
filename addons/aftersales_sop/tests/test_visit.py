# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The visit (SPEC §4.3-4.4, 4.7): the engineer's service form on site."""

from datetime import datetime

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, freeze_time, tagged
from odoo.tools import mute_logger

from .common import AftersalesSopCommon

MONDAY_10 = "2026-09-28 02:00:00"  # Monday 10:00 in Beijing


@tagged("post_install", "-at_install")
@freeze_time(MONDAY_10)
class TestVisit(AftersalesSopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.engineer = cls.zhang.user_id

    def _dispatch(self, **vals):
        ticket = self._create_repair(**vals.pop("ticket_vals", {}))
        return self.env["aftersales.dispatch.order"].create(
            {
                "ticket_id": ticket.id,
                "engineer_id": self.zhang.id,
                "appointment_date": datetime(2026, 9, 28, 6, 0),  # 14:00 Beijing
                **vals,
            }
        )

    def _visit(self, order):
        return order.current_visit_id.with_user(self.engineer)

    def _on_site(self, order):
        self._decide_warranty(order.ticket_id)
        visit = self._visit(order)
        visit.action_check_in()
        visit.action_show_id()
        return visit

    # -- planning and the call ahead ---------------------------------------------

    def test_the_first_visit_is_planned_with_the_order_at_its_appointment(self):
        order = self._dispatch()
        visit = order.visit_ids
        self.assertEqual(len(visit), 1)
        self.assertEqual(visit.state, "planned")
        self.assertTrue(visit.is_first)
        self.assertEqual(visit.planned_date, datetime(2026, 9, 28, 6, 0))
        self.assertTrue(visit.name.startswith("FW"))
        self.assertEqual(visit.partner_id, self.customer)
        self.assertEqual(visit.engineer_user_id, self.engineer)
        # the customer moves the appointment: the visit follows it
        order.ticket_id.appointment_date = datetime(2026, 9, 29, 1, 0)
        self.assertEqual(visit.planned_date, datetime(2026, 9, 29, 1, 0))
        # one visit open at a time
        with self.assertRaises(UserError):
            self.env["aftersales.visit"].create({"dispatch_order_id": order.id})

    def test_the_call_ahead_is_timed_and_a_delay_is_explained(self):
        order = self._dispatch()
        visit = self._visit(order)
        action = visit.action_log_eta_call()
        Call = self.env[action["res_model"]].with_user(self.engineer)
        with freeze_time("2026-09-28 05:00:00"):
            call = Form(Call.with_context(**action["context"]))
            self.assertEqual(call.eta_date, datetime(2026, 9, 28, 6, 0))
            call.save()
        self.assertEqual(visit.call_ids.call_date, datetime(2026, 9, 28, 5, 0))
        self.assertEqual(visit.delay_minutes, 0)
        # a later arrival needs the reason told to the customer
        with freeze_time("2026-09-28 05:40:00"):
            late = Form(Call.with_context(**action["context"]))
            late.eta_date = datetime(2026, 9, 28, 6, 45)
            self.assertEqual(late.delay_minutes, 45)
            with self.assertRaises(AssertionError):  # reason required in the view
                late.save()
            late.reason = "Traffic jam on the Yan'an elevated road"
            late.save()
        self.assertEqual(visit.eta_date, datetime(2026, 9, 28, 6, 45))
        self.assertEqual(visit.delay_minutes, 45)
        self.assertEqual(order.delay_note, "Traffic jam on the Yan'an elevated road")
        with self.assertRaises(UserError):  # without the view too
            Call.create({"visit_id": visit.id, "eta_date": datetime(2026, 9, 28, 7, 0)})
        with self.assertRaises(UserError):  # a call is a fact
            visit.call_ids[0].write({"reason": "another one"})
        visit.action_check_in()
        with self.assertRaises(UserError):  # calls are made before arriving
            visit.action_log_eta_call()

    # -- on site -------------------------------------------------------------------

    def test_check_in_of_the_first_visit_is_the_orders(self):
        order = self._dispatch()
        visit = self._visit(order)
        with freeze_time("2026-09-28 06:20:00"):
            visit.action_check_in()
        self.assertEqual(visit.state, "on_site")
        self.assertEqual(visit.checkin_date, datetime(2026, 9, 28, 6, 20))
        self.assertEqual(order.state, "on_site")
        self.assertEqual(order.checkin_date, datetime(2026, 9, 28, 6, 20))
        self.assertTrue(order.arrived_late)
        self.assertEqual(order.late_minutes, 20)
        self.assertEqual(order.ticket_id.onsite_date, datetime(2026, 9, 28, 6, 20))
        # checking in from the order checks the visit in too
        other = self._dispatch()
        other.with_user(self.engineer).action_check_in()
        self.assertEqual(other.visit_ids.state, "on_site")

    def test_no_work_before_the_id_and_the_plan(self):
        order = self._dispatch()
        self._decide_warranty(order.ticket_id)
        visit = self._visit(order)
        visit.action_check_in()
        with self.assertRaisesRegex(UserError, "show the customer your ID"):
            visit.action_start_work()
        visit.action_show_id()
        self.assertTrue(visit.id_shown_date)
        with self.assertRaisesRegex(UserError, "explain the repair plan"):
            visit.action_start_work()
        visit.plan_note = "Replace the fan capacitor."
        visit.action_start_work()  # free of charge: no acceptance needed
        self.assertEqual(visit.work_start_date, datetime(2026, 9, 28, 2, 0))

    def test_a_chargeable_job_starts_only_after_the_customer_accepts(self):
        order = self._dispatch()
        visit = self._on_site(order)
        visit.write({"plan_note": "Replace the compressor.", "fee_amount": 680.0})
        self.assertTrue(visit.chargeable)
        with self.assertRaisesRegex(UserError, "has not accepted the plan and the fee"):
            visit.action_start_work()
        self.assertIn("has not accepted the plan and the fee", visit.work_waiting_for)
        self.assertFalse(visit.work_start_date)
        visit.accepted_by = "Mrs Wang"
        visit.action_accept_plan()
        self.assertEqual(visit.acceptance_state, "accepted")
        self.assertEqual(visit.accepted_date, datetime(2026, 9, 28, 2, 0))
        self.assertEqual(visit.accepted_by, "Mrs Wang")
        # a higher fee is accepted again before the work
        visit.fee_amount = 880.0
        self.assertEqual(visit.acceptance_state, "pending")
        with self.assertRaises(UserError):
            visit.action_start_work()
        visit.action_accept_plan()
        visit.action_start_work()
        self.assertTrue(visit.work_start_date)
        # a negative fee is refused
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.cr.savepoint(),
        ):
            visit.sudo().write({"fee_amount": -1})
            visit.flush_recordset()

    def test_a_refused_plan_ends_the_visit_without_work(self):
        order = self._dispatch()
        visit = self._on_site(order)
        with self.assertRaises(UserError):  # nothing explained yet
            visit.action_refuse_plan()
        visit.write({"plan_note": "Replace the board.", "fee_amount": 300})
        visit.action_refuse_plan()
        self.assertEqual(visit.acceptance_state, "refused")
        self.assertEqual(visit.result, "refused")
        with self.assertRaisesRegex(UserError, "refused"):
            visit.action_start_work()
        visit.write(
            {"no_signature_reason": "Refused to sign", "checklist_declined": True}
        )
        visit.action_check_out()
        self.assertEqual(order.state, "done")

    def test_the_joint_test_comes_after_the_work(self):
        order = self._dispatch()
        visit = self._on_site(order)
        with self.assertRaises(UserError):
            visit.action_joint_test_passed()
        visit.plan_note = "Clean the coil."
        visit.action_start_work()
        with freeze_time("2026-09-28 03:00:00"):
            visit.action_joint_test_failed()
        self.assertFalse(visit.joint_test_passed)
        self.assertEqual(visit.joint_test_date, datetime(2026, 9, 28, 3, 0))

    def test_check_out_needs_the_end_of_the_service_form(self):
        order = self._dispatch()
        visit = self._on_site(order)
        visit.plan_note = "Replace the capacitor."
        visit.action_start_work()
        visit.write(
            {
                "part_ids": [
                    Command.create(
                        {"product_id": self.fan_capacitor.id, "quantity": 1}
                    ),
                ]
            }
        )
        with self.assertRaisesRegex(UserError, "the result"):
            visit.action_check_out()
        visit.result = "fixed"
        with self.assertRaises(UserError) as error:
            visit.action_check_out()
        message = str(error.exception)
        for expected in (
            "joint test",
            "consent to replace Fan Capacitor 4 uF",
            "signature",
            "satisfaction checklist",
        ):
            self.assertIn(expected, message)
        visit.action_joint_test_passed()
        visit.part_ids.consent = True
        visit.no_signature_reason = "The customer's son was there, not him."
        visit.checklist_declined = True
        with freeze_time("2026-09-28 03:30:00"):
            visit.action_check_out()
        self.assertEqual(visit.state, "done")
        self.assertEqual(visit.work_hours, 1.5)
        self.assertEqual(order.state, "done")
        self.assertEqual(order.ticket_id.repair_state, "done")
        self.assertEqual(order.ticket_id.repair_done_date, datetime(2026, 9, 28, 3, 30))

    def test_the_order_is_done_only_when_its_visit_is_checked_out(self):
        order = self._dispatch()
        self._on_site(order)
        with self.assertRaisesRegex(UserError, "checks out of"):
            order.with_user(self.engineer).action_done()
        self.assertEqual(order.state, "on_site")

    def test_another_visit_keeps_the_job_open(self):
        order = self._dispatch()
        first = self._on_site(order)
        first.write(
            {
                "plan_note": "The board is to be replaced; it is not in the van.",
                "result": "next_visit",
                "no_signature_reason": "Nothing to sign: the part is ordered.",
                "checklist_declined": True,
            }
        )
        with self.assertRaisesRegex(UserError, "comes back"):
            first.action_check_out()
        first.next_visit_date = datetime(2026, 9, 29, 2, 0)
        with freeze_time("2026-09-28 03:00:00"):
            first.action_check_out()
        self.assertEqual(order.state, "on_site")
        second = order.current_visit_id
        self.assertNotEqual(second, first)
        self.assertEqual(second.state, "planned")
        self.assertFalse(second.is_first)
        self.assertEqual(second.planned_date, datetime(2026, 9, 29, 2, 0))
        self.assertTrue(
            second.activity_ids.filtered(lambda a: a.user_id == self.engineer)
        )
        self.assertNotEqual(order.ticket_id.repair_state, "done")
        # the return: no new lateness, the order keeps its first check-in
        with freeze_time("2026-09-29 05:00:00"):
            self._finish_visit(order, self.engineer)
        self.assertEqual(second.checkin_date, datetime(2026, 9, 29, 5, 0))
        self.assertEqual(order.checkin_date, datetime(2026, 9, 28, 2, 0))
        self.assertEqual(order.state, "done")
        self.assertEqual(order.ticket_id.repair_state, "done")
        self.assertEqual(order.visit_count, 2)

    def test_what_the_customer_signed_does_not_change(self):
        order = self._dispatch()
        visit = self._on_site(order)
        visit.plan_note = "Replace the capacitor."
        with self.assertRaisesRegex(UserError, "record the result"):
            visit.customer_signature = b"iVBORw0KGgo="
        visit.action_start_work()
        visit.write({"work_note": "Replaced it.", "result": "fixed"})
        with self.assertRaisesRegex(UserError, "test the unit"):
            visit.customer_signature = b"iVBORw0KGgo="
        visit.action_joint_test_passed()
        with freeze_time("2026-09-28 03:00:00"):
            visit.write({"customer_signature": b"iVBORw0KGgo=", "signed_by": "Mr Li"})
        self.assertEqual(visit.signed_date, datetime(2026, 9, 28, 3, 0))
        self.assertEqual(visit.signed_by, "Mr Li")
        for values in (
            {"work_note": "Something else"},
            {"result": "not_fixed"},
            {"fee_amount": 10},
            {"customer_signature": b"iVBORw0KGgo="},
        ):
            with self.assertRaisesRegex(UserError, "signed by the customer"):
                visit.write(values)
        # the photos and the check-out still come
        visit.checklist_declined = True
        visit.action_check_out()
        self.assertEqual(visit.state, "done")

    def test_the_result_and_the_signature_saved_together(self):
        order = self._dispatch()
        visit = self._on_site(order)
        visit.write(
            {
                "result": "taken_back",
                "signed_by": "Mr Li",
                "customer_signature": b"iVBORw0KGgo=",
            }
        )
        self.assertTrue(visit.signed_date)
        # the result written with the signature is checked like any other
        other = self._on_site(self._dispatch())
        with self.assertRaisesRegex(UserError, "test the unit"):
            other.write({"result": "fixed", "customer_signature": b"iVBORw0KGgo="})

    def test_cancelling_the_order_cancels_its_visits(self):
        order = self._dispatch()
        visit = order.visit_ids
        order.with_user(self.dispatcher).action_cancel()
        self.assertEqual(visit.state, "cancel")
        with self.assertRaises(UserError):
            visit.action_check_in()

    def test_a_visit_that_took_place_is_not_deleted(self):
        order = self._dispatch()
        visit = self._on_site(order)
        with self.assertRaises(UserError):
            visit.sudo().unlink()

    def test_the_work_screen_in_a_form(self):
        order = self._dispatch()
        self._visit(order).action_check_in()
        with Form(order.current_visit_id.with_user(self.engineer)) as form:
            form.inspection_note = "Fan stalls when warm."
            form.plan_note = "Replace the fan capacitor."
            with form.part_ids.new() as part:
                part.product_id = self.fan_capacitor
                part.consent = True
        visit = form.record
        self.assertEqual(visit.part_ids.name, "Fan Capacitor 4 uF")
        # a part of the catalogue, never free text
        with (
            self.assertRaises(AssertionError),
            Form(visit) as form,
            form.part_ids.new() as part,
        ):
            part.quantity = 1
        action = order.with_user(self.engineer).action_open_current_visit()
        self.assertEqual(action["res_id"], visit.id)
