# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Odoo half of docs/architecture.md's "where a new rule goes", each
change made once as the page says: a new clock and a new penalty type are
data (a record, and for a penalty one call where the offence is seen), and
the screens that count them need no change. (A new KPI's line and a new
import: tests/rules/test_worked_examples.py.)"""

from datetime import datetime

from odoo.tests import freeze_time, tagged

from .common import SEP, SEPTEMBER, KpiMonthCommon


@tagged("post_install", "-at_install")
class TestWorkedExamples(KpiMonthCommon):
    def test_a_new_clock_is_a_record(self):
        """From the first contact to the customer told the scheduled time,
        within 4 hours, on repair requests: a record, no code."""
        clock = self.env["aftersales.clock"].create(
            {
                "name": "Schedule After Contact",
                "code": "schedule_after_contact",
                "start_event": "customer_contacted",
                "stop_event": "schedule_told",
                "time_limit": 4,
                "unit": "hours",
                "ticket_domain": "[('inquiry_class', '=', 'b')]",
            }
        )
        with freeze_time("2026-09-28 02:00:00"):
            ticket = self._create_repair(inquiry_class="b")
            runs = ticket.clock_ids.filtered(lambda r: r.clock_id == clock)
            self.assertNotIn("running", runs.mapped("state"))  # not started yet
        with freeze_time("2026-09-28 02:30:00"):
            ticket.action_record_customer_contacted()
            self.env.flush_all()
        run = ticket.clock_ids.filtered(lambda r: r.clock_id == clock)
        self.assertEqual(run.state, "running")
        self.assertEqual(run.deadline, datetime(2026, 9, 28, 6, 30))
        with freeze_time("2026-09-28 07:00:00"):
            ticket.sudo().schedule_told_date = datetime(2026, 9, 28, 7, 0)
            self.env.flush_all()
        self.assertEqual(run.state, "breached")
        # a request of another class does not run it
        with freeze_time("2026-09-28 03:00:00"):
            consultation = self._create_repair(inquiry_class="a")
            consultation.action_record_customer_contacted()
            self.env.flush_all()
        self.assertFalse(
            consultation.clock_ids.filtered(
                lambda r: r.clock_id == clock and r.state == "running"
            )
        )

    def test_a_new_penalty_type_is_a_record_and_one_call(self):
        """Leaving the customer's site without his signature: a rule with its
        code, proposed where the offence is seen; once confirmed, the
        assessment and the penalty analysis count it, the same amount."""
        rule = self.env["aftersales.penalty.rule"].create(
            {"code": "no_signature", "name": "Left Without Signature", "amount": 30.0}
        )
        Penalty = self.env["aftersales.penalty"]
        employee = self.zhang.employee_id
        proposal = Penalty._aftersales_propose_penalty(
            employee, "no_signature", "2026-09-15", self.order1
        )
        self.assertEqual(proposal.rule_id, rule)
        # the same evidence proposes it once
        again = Penalty._aftersales_propose_penalty(
            employee, "no_signature", "2026-09-15", self.order1
        )
        self.assertEqual(again, proposal)
        _assessment, lines = self._figures(self._run(), "engineer", self.zhang.id)
        before = lines["penalty_amount"].value
        # a proposal counts in no money figure
        self.assertEqual(before, 20.0)
        with freeze_time(SEP[16]):
            proposal._aftersales_confirm()
        _assessment, lines = self._figures(self._run(), "engineer", self.zhang.id)
        self.assertEqual(lines["penalty_amount"].value, before + 30.0)
        Report = self.env["aftersales.kpi.penalty.report"]
        total = Report.read_group(
            [("engineer_id", "=", self.zhang.id), ("period", "=", SEPTEMBER)],
            ["penalty_amount"],
            [],
        )[0]
        self.assertEqual(total["penalty_amount"], before + 30.0)
