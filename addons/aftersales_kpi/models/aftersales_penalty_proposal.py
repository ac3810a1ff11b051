# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import api, models

from .aftersales_penalty import EVIDENCE_MODELS

_logger = logging.getLogger(__name__)


class AftersalesPenalty(models.Model):
    """Automatic proposals (SPEC §9): late arrivals, repeat repairs and
    complaints attributed to an engineer become proposals the supervisor
    confirms or dismisses. One proposal per evidence record and offence."""

    _inherit = "aftersales.penalty"

    @api.model
    def _aftersales_propose_penalty(
        self,
        employee,
        rule,
        date,
        evidence=None,
        serious_impact=False,
        description=None,
        origin="complaint",
        related_ticket=None,
    ):
        """Propose a penalty of ``employee`` for ``rule`` (a rule or its code)
        on ``date``, with ``evidence`` (a request, a dispatch order, a
        complaint, ...) as the record it comes from.

        ``serious_impact`` is the judgement known so far (a complaint's); the
        supervisor makes the final one when he confirms. Returns the proposal,
        the one already made from the same evidence for the same offence, or an
        empty recordset when the company has no active rule of that code.

        This is the entry point for complaints: ``_aftersales_propose_penalty(
        complaint.engineer_id.employee_id, complaint.offence_code,
        complaint.date, complaint, serious_impact=complaint.serious_impact)``.
        """
        employee.ensure_one()
        if isinstance(rule, str):
            code = rule
            # sudo: who triggers the proposal (agent, engineer, complaint handler) may
            # work in another company than the engineer; only the rule of the code is
            # looked up
            rule = (
                self.env["aftersales.penalty.rule"]
                .sudo()
                ._find(code, employee.company_id)
            )
            if not rule:
                _logger.info("no active penalty rule %s: nothing proposed", code)
                return self.browse()
        evidence_values = self._aftersales_evidence_values(evidence)
        if evidence_values:
            # sudo: an agent or complaint handler may not read the engineer's penalties;
            # only whether one exists for this evidence is checked, nothing is shown
            existing = self.sudo().search(
                [
                    ("employee_id", "=", employee.id),
                    ("rule_id", "=", rule.id),
                    ("source_ref", "=", evidence_values["source_ref"]),
                ],
                limit=1,
            )
            if existing:
                return self.browse(existing.id)
        values = {
            "employee_id": employee.id,
            "company_id": employee.company_id.id,
            "rule_id": rule.id,
            "date": date,
            "origin": origin,
            "serious_impact": bool(serious_impact),
            "description": description or False,
            "related_ticket_id": related_ticket.id if related_ticket else False,
            **evidence_values,
        }
        # sudo: a proposal is made whoever triggers it (an engineer checking in,
        # an agent logging a request, a complaint handler)
        penalty = self.sudo().create(values)
        penalty._aftersales_schedule_review()
        return self.browse(penalty.id)

    @api.model
    def _aftersales_evidence_values(self, evidence):
        """The fields that point at ``evidence`` on a penalty."""
        if not evidence:
            return {}
        evidence.ensure_one()
        if evidence._name not in EVIDENCE_MODELS:
            raise ValueError(f"a penalty cannot be proposed from {evidence._name}")
        values = {"source_ref": f"{evidence._name},{evidence.id}"}
        if evidence._name == "helpdesk.ticket":
            values["ticket_id"] = evidence.id
        elif evidence._name == "aftersales.dispatch.order":
            values["dispatch_order_id"] = evidence.id
            values["ticket_id"] = evidence.ticket_id.id
        elif "ticket_id" in evidence._fields:
            values["ticket_id"] = evidence.ticket_id.id
        return values
