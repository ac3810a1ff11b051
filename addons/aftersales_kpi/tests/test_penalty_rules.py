# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The seven penalty rules of the company (管理考查办法), as records."""

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import KpiCommon


@tagged("post_install", "-at_install")
class TestPenaltyRules(KpiCommon):
    def test_the_seven_rules_are_seeded(self):
        cny = self.env.ref("base.CNY")
        expected = {
            # code: (effect, amount, serious impact, strike limit, consequence)
            "complaint_quarrel": ("fine", 20, True, 0, "review"),
            "complaint_solicit": ("fine", 20, True, 0, "review"),
            "complaint_delay": ("fine", 20, True, 0, "review"),
            "complaint_repeat": ("fine", 20, True, 0, "review"),
            "late_arrival": ("fine", 20, False, 0, "review"),
            "left_post": ("fine", 100, False, 3, "dismissal"),
            "false_expense": ("claim_rejected", 0, False, 3, "dismissal_legal"),
        }
        self.assertEqual(set(self.rules), set(expected))
        for code, values in expected.items():
            rule = self.rules[code]
            self.assertEqual(
                (
                    rule.effect,
                    rule.amount,
                    rule.requires_serious_impact,
                    rule.strike_limit,
                    rule.strike_consequence,
                ),
                values,
                code,
            )
            self.assertEqual(rule.currency_id, cny, code)
            self.assertEqual(rule.window_days, 365, code)
        self.assertEqual(
            self.env.company.aftersales_repeat_repair_days, 30, "the repeat window"
        )

    def test_managers_edit_rules_and_nobody_else(self):
        rule = self.rules["left_post"]
        rule.with_user(self.manager).write({"amount": 150, "strike_limit": 2})
        self.assertEqual((rule.amount, rule.strike_limit), (150, 2))
        # the penalty of a rule starts with its amount
        penalty = self._penalty(self.zhang, "left_post", "2026-09-01")
        self.assertEqual(penalty.amount, 150)
        for user in (self.zhang.user_id, self.reviewer, self.hr_officer):
            self.assertTrue(rule.with_user(user).name)  # everybody reads them
            with self.assertRaises(AccessError):
                rule.with_user(user).write({"amount": 1})

    def test_a_rule_claim_rejected_costs_no_money(self):
        penalty = self._penalty(self.zhang, "false_expense", "2026-09-01")
        self.assertEqual(penalty.amount, 0)
        self.assertEqual(penalty.effect, "claim_rejected")

    def test_rule_checks(self):
        rules = self.env["aftersales.penalty.rule"].with_user(self.manager)
        with self.assertRaises(ValidationError):
            rules.create({"code": "two words", "name": "Bad code"})
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            rules.create({"code": "x", "name": "Negative", "strike_limit": -1})
            rules.flush_model()

    def test_a_company_rule_replaces_the_shared_one(self):
        own = self.env["aftersales.penalty.rule"].create(
            {
                "code": "late_arrival",
                "name": "Late (our rule)",
                "amount": 50,
                "company_id": self.company.id,
            }
        )
        found = self.env["aftersales.penalty.rule"]._find("late_arrival", self.company)
        self.assertEqual(found, own)
        own.active = False
        found = self.env["aftersales.penalty.rule"]._find("late_arrival", self.company)
        self.assertEqual(found, self.rules["late_arrival"])
