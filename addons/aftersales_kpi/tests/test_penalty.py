# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A penalty's life: proposed, confirmed or dismissed with a reason, contested
and answered, cancelled only with a reason, never deleted once decided, and
every change tracked."""

from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, freeze_time, tagged

from .common import MONDAY_10, KpiCommon


@tagged("post_install", "-at_install")
@freeze_time(MONDAY_10)
class TestPenalty(KpiCommon):
    def _decide(self, penalties, decision, user=None, **values):
        action = penalties.with_user(user or self.reviewer)._open_decision(decision)
        with Form(
            self.env[action["res_model"]]
            .with_user(user or self.reviewer)
            .with_context(**action["context"])
        ) as form:
            for name, value in values.items():
                setattr(form, name, value)
        return form.record.action_apply()

    def test_a_manual_penalty_from_proposal_to_confirmation(self):
        penalty = self._penalty(self.zhang, "left_post", "2026-09-21")
        self.assertRegex(penalty.name, r"^CF2609-\d{4}$")
        self.assertEqual(penalty.state, "proposed")
        self.assertEqual(penalty.amount, 100)
        self.assertEqual(penalty.engineer_id, self.zhang)
        self.assertEqual(penalty.user_id, self.zhang.user_id)
        # the engineer follows his penalty
        self.assertIn(self.zhang.user_id.partner_id, penalty.message_partner_ids)
        # the supervisor may change the amount of a proposal
        penalty.with_user(self.reviewer).amount = 80
        self._decide(penalty, "confirm", reason="Seen by the dispatcher.")
        self.assertEqual(penalty.state, "confirmed")
        self.assertEqual(penalty.decided_by_id, self.reviewer)
        self.assertEqual(penalty.decision_note, "Seen by the dispatcher.")
        self.assertEqual(penalty.amount, 80)
        self.assertEqual(penalty.strike_progress, "1 of 3")

    def test_a_proposal_is_dismissed_only_with_a_reason(self):
        penalty = self._penalty(self.zhang, "late_arrival", "2026-09-21")
        with self.assertRaises(UserError):
            penalty.with_user(self.reviewer)._aftersales_dismiss("  ")
        self._decide(penalty, "dismiss", reason="Road closed by the police.")
        self.assertEqual(penalty.state, "dismissed")
        self.assertEqual(penalty.decision_note, "Road closed by the police.")
        with self.assertRaises(UserError):  # not a proposal any more
            penalty.with_user(self.reviewer)._aftersales_confirm()
        with self.assertRaises(UserError):  # only confirmed ones are cancelled
            penalty.with_user(self.reviewer)._aftersales_cancel("No")

    def test_only_reviewers_decide_and_never_on_their_own_penalty(self):
        penalty = self._penalty(self.zhang, "late_arrival", "2026-09-21")
        for user in (self.zhang.user_id, self.liu.user_id, self.hr_officer, self.boss):
            with self.assertRaises(AccessError):
                penalty.with_user(user)._aftersales_confirm()
        # an after-sales manager is a reviewer
        self.assertTrue(penalty.with_user(self.manager).can_decide)
        own = self.env["aftersales.penalty"].create(
            {
                "employee_id": self.env["hr.employee"]
                .create({"name": "Reviewer", "user_id": self.reviewer.id})
                .id,
                "rule_id": self.rules["late_arrival"].id,
            }
        )
        self.assertFalse(own.with_user(self.reviewer).can_decide)
        with self.assertRaises(AccessError):
            own.with_user(self.reviewer)._aftersales_confirm()
        own.with_user(self.manager)._aftersales_confirm()

    def test_a_confirmed_penalty_is_never_deleted_and_its_facts_never_change(self):
        penalty = self._confirmed(self.zhang, "left_post", "2026-09-21")
        for values in (
            {"amount": 1},
            {"date": "2026-09-01"},
            {"employee_id": self.liu.employee_id.id},
            {"rule_id": self.rules["late_arrival"].id},
            {"description": "Something else"},
        ):
            with self.assertRaises(UserError):
                penalty.with_user(self.reviewer).write(values)
        with self.assertRaises(UserError):  # the status goes through decisions
            penalty.with_user(self.reviewer).write({"state": "proposed"})
        with self.assertRaises(UserError):
            penalty.with_user(self.reviewer).unlink()
        with self.assertRaises(UserError):  # not even by the administrator
            penalty.sudo().unlink()
        # a penalty never starts confirmed
        with self.assertRaises(UserError):
            self._penalty(self.zhang, "left_post", "2026-09-22", state="confirmed")
        # a proposal that nobody decided on may go
        proposal = self._penalty(self.zhang, "left_post", "2026-09-22")
        proposal.with_user(self.reviewer).unlink()
        self.assertFalse(proposal.exists())

    def test_a_confirmed_penalty_is_cancelled_only_with_a_reason(self):
        penalty = self._confirmed(self.zhang, "left_post", "2026-09-21")
        with self.assertRaises(UserError):
            penalty.with_user(self.reviewer)._aftersales_cancel("")
        self._decide(penalty, "cancel", reason="Leave was approved by phone.")
        self.assertEqual(penalty.state, "cancelled")
        self.assertEqual(penalty.cancel_reason, "Leave was approved by phone.")
        self.assertEqual(penalty.cancelled_by_id, self.reviewer)
        self.assertTrue(penalty.exists())
        with self.assertRaises(UserError):
            penalty.with_user(self.reviewer).unlink()

    def test_the_engineer_contests_and_the_supervisor_answers(self):
        penalty = self._penalty(self.liu, "late_arrival", "2026-09-21")
        # another engineer cannot contest it, nor can the supervisor for him
        for user in (self.zhang.user_id, self.reviewer):
            with self.assertRaises(AccessError):
                penalty.with_user(user)._aftersales_contest("Not me")
        self.assertTrue(penalty.with_user(self.liu.user_id).is_own)
        self._decide(
            penalty,
            "contest",
            user=self.liu.user_id,
            reason="The customer moved the appointment.",
        )
        self.assertEqual(penalty.contest_state, "contested")
        self.assertEqual(
            penalty.contest_statement, "The customer moved the appointment."
        )
        with self.assertRaises(UserError):  # once
            penalty.with_user(self.liu.user_id)._aftersales_contest("Again")
        # confirming a contested proposal needs an answer to the engineer
        with self.assertRaises(UserError):
            penalty.with_user(self.reviewer)._aftersales_confirm()
        self._decide(penalty, "confirm", reason="The customer says he did not.")
        self.assertEqual(penalty.state, "confirmed")
        self.assertEqual(penalty.contest_state, "answered")
        self.assertEqual(penalty.contest_answer, "The customer says he did not.")

    def test_a_confirmed_penalty_contested_is_kept_or_cancelled(self):
        kept = self._confirmed(self.liu, "late_arrival", "2026-09-21")
        kept.with_user(self.liu.user_id)._aftersales_contest("Traffic jam")
        self._decide(kept, "answer", reason="A jam is no reason: leave earlier.")
        self.assertEqual((kept.state, kept.contest_state), ("confirmed", "answered"))
        cancelled = self._confirmed(self.liu, "late_arrival", "2026-09-22")
        cancelled.with_user(self.liu.user_id)._aftersales_contest("I was on time")
        self._decide(cancelled, "cancel", reason="The GPS log shows he was.")
        self.assertEqual(
            (cancelled.state, cancelled.contest_state, cancelled.contest_answer),
            ("cancelled", "answered", "The GPS log shows he was."),
        )

    def test_every_change_is_tracked(self):
        penalty = self._penalty(self.zhang, "left_post", "2026-09-21").with_context(
            tracking_disable=False, mail_notrack=False
        )
        # a record created in the same transaction is not tracked yet
        self.env.flush_all()
        self.env.cr.precommit.run()
        penalty.with_user(self.reviewer).amount = 90
        penalty.with_user(self.reviewer)._aftersales_confirm()
        penalty.with_user(self.reviewer)._aftersales_cancel("Wrong engineer")
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = penalty.sudo().message_ids.tracking_value_ids.mapped("field_id.name")
        for field in ("amount", "state", "decided_by_id", "cancel_reason"):
            self.assertIn(field, tracked)

    def test_a_penalty_of_another_company_rule_or_employee_is_refused(self):
        other = self.env["res.company"].create({"name": "Other Co"})
        employee = self.env["hr.employee"].create(
            {"name": "Far away", "company_id": other.id}
        )
        with self.assertRaises(UserError):
            self.env["aftersales.penalty"].create(
                {
                    "employee_id": employee.id,
                    "company_id": self.company.id,
                    "rule_id": self.rules["left_post"].id,
                    "date": date(2026, 9, 1),
                }
            )
