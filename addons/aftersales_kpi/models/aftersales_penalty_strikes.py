# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..rules import strikes as strike_rules


class AftersalesPenalty(models.Model):
    _inherit = "aftersales.penalty"

    @api.readonly
    def action_view_strikes(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_kpi.aftersales_penalty_strike_action"
        )
        action.update(domain=[("id", "in", self.strike_ids.ids)], context={})
        return action

    def _aftersales_update_strikes(self):
        """Raise and withdraw the strike flags of the engineers and rules of
        these penalties, from their confirmed penalties."""
        # sudo: a supervisor confirming a penalty raises the flag for HR
        strikes = self.env["aftersales.penalty.strike"].sudo()
        for employee, rule in {(p.employee_id, p.rule_id) for p in self}:
            found = strike_rules.find_strikes(
                self._strike_occurrences(employee, rule),
                rule.strike_limit,
                rule.window_days,
            )
            wanted = {strike.keys: strike for strike in found}
            current = strikes.search(
                [
                    ("employee_id", "=", employee.id),
                    ("rule_id", "=", rule.id),
                    ("state", "!=", "withdrawn"),
                ]
            )
            for flag in current:
                if wanted.pop(frozenset(flag.penalty_ids.ids), None) is None:
                    flag._withdraw(
                        self.env._(
                            "Withdrawn: its penalties no longer reach the strike "
                            "limit (one was cancelled or changed)."
                        )
                    )
            created = strikes.create(
                [
                    {
                        "employee_id": employee.id,
                        "company_id": employee.company_id.id,
                        "rule_id": rule.id,
                        "strike_consequence": rule.strike_consequence,
                        "penalty_ids": [fields.Command.set(sorted(strike.keys))],
                        "first_date": strike.first_day,
                        "date": strike.last_day,
                    }
                    for strike in wanted.values()
                ]
            )
            created._notify_hr()
