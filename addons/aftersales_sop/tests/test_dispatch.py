# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Dispatch (SPEC §4.2): ranking the engineers, the dispatch order."""

from datetime import date, datetime

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged

from .common import AftersalesSopCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestDispatch(AftersalesSopCommon):
    def _wizard(self, ticket, user=None):
        action = ticket.with_user(user or self.dispatcher).action_open_dispatch()
        return Form(
            self.env[action["res_model"]]
            .with_user(user or self.dispatcher)
            .with_context(**action["context"])
        )

    def _ranking(self, wizard_record):
        return [
            (c.engineer_id, c.eligible)
            for c in wizard_record.candidate_ids.sorted("rank")
        ]

    def _our(self, wizard_record):
        ours = self.zhang | self.liu | self.chen
        return wizard_record.candidate_ids.filtered(
            lambda c: c.engineer_id in ours
        ).sorted("rank")

    def test_ranking_same_zone_first_then_workload(self):
        ticket = self._create_repair()
        form = self._wizard(ticket)
        wizard = form.save()
        lines = self._our(wizard)
        # Shanghai engineers before the Suzhou one; both Shanghai ones are free:
        # the junior Liu and the senior Zhang tie on everything but the name
        self.assertEqual(lines.engineer_id[-1:], self.chen)
        self.assertEqual(lines[:2].engineer_id, self.zhang | self.liu)
        chen = lines.filtered(lambda c: c.engineer_id == self.chen)
        self.assertIn("other zone (Suzhou-T)", chen.reasons)
        zhang = lines.filtered(lambda c: c.engineer_id == self.zhang)
        self.assertIn("same zone as the service address (Shanghai-T)", zhang.reasons)
        self.assertIn("skill fits the fault and product (Senior)", zhang.reasons)
        self.assertIn("valid certification for Test Appliances", zhang.reasons)
        self.assertIn("0 open jobs", zhang.reasons)
        # a workload moves Zhang behind Liu
        busy = self._create_repair()
        self.env["aftersales.dispatch.order"].create(
            {"ticket_id": busy.id, "engineer_id": self.zhang.id}
        )
        wizard = self._wizard(ticket).save()
        lines = self._our(wizard)
        self.assertEqual(lines.engineer_id, self.liu | self.zhang | self.chen)
        self.assertEqual(
            lines.mapped("engineer_id").ids, [self.liu.id, self.zhang.id, self.chen.id]
        )
        self.assertIn("1 open jobs", lines[1].reasons)

    def test_complex_job_goes_to_a_senior(self):
        ticket = self._create_repair(is_complex=True)
        form = self._wizard(ticket)
        self.assertTrue(form.is_complex)
        wizard = form.save()
        lines = self._our(wizard)
        self.assertEqual(lines[0].engineer_id, self.zhang)
        self.assertIn("senior: on a complex job before every junior", lines[0].reasons)
        liu = lines.filtered(lambda c: c.engineer_id == self.liu)
        self.assertIn("junior: on a complex job after every senior", liu.reasons)
        # unticking "complex" in the wizard re-ranks: then the junior's name
        # comes first among equals
        form.is_complex = False
        wizard = form.save()
        self.assertEqual(self._our(wizard)[0].engineer_id, self.liu)

    def test_expired_certification_takes_the_engineer_out(self):
        self.zhang.certification_ids.date_issued = date(
            2024, 1, 5
        )  # expired 2026-01-04
        self.assertEqual(self.zhang.certification_ids.state, "expired")
        ticket = self._create_repair()
        wizard = self._wizard(ticket).save()
        zhang = wizard.candidate_ids.filtered(lambda c: c.engineer_id == self.zhang)
        self.assertFalse(zhang.eligible)
        self.assertIn(
            "NO valid certification for Test Appliances / Test ACs", zhang.reasons
        )
        self.assertNotEqual(wizard.engineer_id, self.zhang)
        wizard.engineer_id = self.zhang
        with self.assertRaises(UserError):
            wizard.action_confirm()
        # a certification of the parent category covers the child: Liu's is for
        # ACs, and the Suzhou senior's for all appliances
        self.assertTrue(
            wizard.candidate_ids.filtered(lambda c: c.engineer_id == self.liu).eligible
        )

    def test_confirm_creates_the_dispatch_order(self):
        ticket = self._create_repair(is_complex=True)
        form = self._wizard(ticket)
        self.assertEqual(form.engineer_id, self.zhang)
        form.assistant_id = self.liu
        form.appointment_date = datetime(2026, 9, 28, 5, 0)
        wizard = form.save()
        action = wizard.action_confirm()
        order = self.env["aftersales.dispatch.order"].browse(action["res_id"])
        self.assertTrue(order.name.startswith("PG"))
        self.assertEqual(order.engineer_id, self.zhang)
        self.assertEqual(order.assistant_id, self.liu)
        # the appointment agreed with the customer is the on-site deadline, and
        # the request's appointment
        self.assertEqual(order.onsite_deadline, datetime(2026, 9, 28, 5, 0))
        self.assertEqual(ticket.appointment_date, datetime(2026, 9, 28, 5, 0))
        self.assertTrue(self._clock(ticket, "onsite").by_appointment)
        self.assertIn("Rank 1 of", order.ranking_note)
        self.assertEqual(ticket.dispatch_order_id, order)
        self.assertEqual(ticket.engineer_id, self.zhang)
        self.assertEqual(ticket.user_id, self.zhang.user_id)
        self.assertEqual(ticket.repair_state, "dispatched")
        self.assertEqual(self._clock(ticket, "dispatch_review").state, "met")
        self.assertEqual(self._clock(ticket, "onsite").state, "running")
        review_type = self.env.ref("aftersales_sop.mail_act_dispatch_review")
        self.assertFalse(
            ticket.activity_ids.filtered(lambda a: a.activity_type_id == review_type)
        )
        self.assertEqual(order.activity_ids.user_id, self.zhang.user_id)
        self.assertEqual(self.zhang.open_job_count, 1)
        self.assertEqual(self.liu.open_job_count, 1)
        # dispatched once only
        with self.assertRaises(UserError):
            self._wizard(ticket).save().action_confirm()
        # an order in progress is cancelled, not deleted
        with self.assertRaises(UserError):
            order.with_user(self.manager).unlink()
        # cancelling sends the request back to dispatch
        order.with_user(self.dispatcher).action_cancel()
        self.assertEqual(ticket.repair_state, "registered")
        self.assertFalse(ticket.dispatch_order_id)
        self.assertFalse(ticket.engineer_id)
        self.assertEqual(self.zhang.open_job_count, 0)
        order.with_user(self.manager).unlink()
        self.assertFalse(order.exists())

    def test_a_junior_assists_a_senior(self):
        ticket = self._create_repair()
        orders = self.env["aftersales.dispatch.order"]
        with self.assertRaises(ValidationError):
            orders.create(
                {
                    "ticket_id": ticket.id,
                    "engineer_id": self.liu.id,
                    "assistant_id": self.zhang.id,
                }
            )
        with self.assertRaises(ValidationError):
            orders.create(
                {
                    "ticket_id": ticket.id,
                    "engineer_id": self.zhang.id,
                    "assistant_id": self.zhang.id,
                }
            )
        with self.assertRaises(ValidationError):
            orders.create(
                {
                    "ticket_id": ticket.id,
                    "engineer_id": self.zhang.id,
                    "assistant_id": self.chen.id,
                }
            )

    def test_incomplete_request_is_not_dispatched(self):
        ticket = self._create_repair(lot_id=False, proof_reference=False)
        self.assertIn("serial number", ticket.repair_missing_info)
        self.assertIn("proof of purchase", ticket.repair_missing_info)
        wizard = self._wizard(ticket).save()
        with self.assertRaises(UserError) as error:
            wizard.action_confirm()
        self.assertIn("serial number", str(error.exception))
        self.assertFalse(ticket.dispatch_order_ids)

    def test_only_repair_requests_are_dispatched(self):
        question = self.env["helpdesk.ticket"].create(
            {"name": "q", "description": "d", "inquiry_class": "a"}
        )
        with self.assertRaises(UserError):
            question.action_open_dispatch()

    def test_engineer_without_user_cannot_be_dispatched(self):
        employee = self.env["hr.employee"].create({"name": "No User"})
        nobody = self.env["aftersales.engineer"].create(
            {"employee_id": employee.id, "zone_id": self.shanghai.id}
        )
        ticket = self._create_repair()
        with self.assertRaises(UserError):
            self.env["aftersales.dispatch.order"].create(
                {"ticket_id": ticket.id, "engineer_id": nobody.id}
            )

    def test_the_dispatcher_sends_the_engineer_he_chose(self):
        ticket = self._create_repair()
        ranking = self._ranking(
            self.env["helpdesk.ticket.dispatch"].create({"ticket_id": ticket.id})
        )
        eligible = [engineer for engineer, ok in ranking if ok]
        self.assertGreater(len(eligible), 1, "the test needs two eligible engineers")
        form = self._wizard(ticket)
        self.assertEqual(form.engineer_id, eligible[0])
        form.engineer_id = eligible[1]
        action = form.save().action_confirm()
        order = self.env["aftersales.dispatch.order"].browse(action["res_id"])
        self.assertEqual(order.engineer_id, eligible[1])

    @freeze_time("2026-09-28 02:00:00")
    def test_an_ineligible_choice_is_refused_not_replaced(self):
        # a certification issued in 2020 has long expired
        self._create_engineer(
            "as_wang",
            "Wang",
            self.shanghai,
            "senior",
            self.appliances,
            date(2020, 1, 5),
        )
        ticket = self._create_repair()
        ranking = self._ranking(
            self.env["helpdesk.ticket.dispatch"].create({"ticket_id": ticket.id})
        )
        ineligible = [engineer for engineer, ok in ranking if not ok]
        self.assertTrue(ineligible, "the test needs an ineligible engineer")
        form = self._wizard(ticket)
        form.engineer_id = ineligible[0]
        wizard = form.save()
        self.assertEqual(wizard.engineer_id, ineligible[0])
        with self.assertRaisesRegex(UserError, "cannot be dispatched"):
            wizard.action_confirm()
        self.assertFalse(ticket.dispatch_order_id)
