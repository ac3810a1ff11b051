# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models

#: fields that make a request a repeat repair of an earlier one
REPEAT_FIELDS = frozenset(
    {"inquiry_class", "lot_id", "product_id", "fault_type", "partner_id"}
)


class HelpdeskTicket(models.Model):
    """Repeat repairs (SPEC §9): a second repair request for the same unit and
    fault type within the company's window after an earlier repair was
    completed proposes a penalty for the engineer of that repair."""

    _inherit = "helpdesk.ticket"

    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        tickets._aftersales_detect_repeat_repair()
        return tickets

    def write(self, vals):
        result = super().write(vals)
        if REPEAT_FIELDS.intersection(vals):
            self._aftersales_detect_repeat_repair()
        return result

    def _aftersales_detect_repeat_repair(self):
        for ticket in self.filtered("kpi_repeat_of_id"):
            # sudo: the earlier request may be out of the current user's sight
            earlier = ticket.kpi_repeat_of_id.sudo()
            engineer = earlier._aftersales_repair_engineer()
            if not engineer:
                continue
            company = ticket.company_id
            rule = company.aftersales_repeat_repair_rule_id or self.env.ref(
                "aftersales_kpi.aftersales_penalty_rule_complaint_repeat",
                raise_if_not_found=False,
            )
            if not rule or not rule.active:
                continue
            self.env["aftersales.penalty"]._aftersales_propose_penalty(
                engineer.employee_id,
                rule,
                fields.Date.context_today(ticket, ticket.request_date),
                evidence=ticket,
                origin="repeat_repair",
                related_ticket=earlier,
                description=self.env._(
                    "%(ticket)s asks again to repair %(unit)s for the same fault "
                    "type, %(days)s days after %(earlier)s was completed by "
                    "%(engineer)s.",
                    ticket=ticket.display_name,
                    unit=ticket.lot_id.name or ticket.product_id.display_name,
                    days=(ticket.request_date - earlier.repair_done_date).days,
                    earlier=earlier.display_name,
                    engineer=engineer.name,
                ),
            )

    def _aftersales_earlier_repair(self):
        """The latest repair of the same unit and fault type completed within
        the company's window before this request was received."""
        self.ensure_one()
        days = self.company_id.aftersales_repeat_repair_days
        if days <= 0 or not self.request_date:
            return self.browse()
        domain = [
            ("id", "!=", self._origin.id or 0),
            ("company_id", "=", self.company_id.id),
            ("inquiry_class", "=", "b"),
            ("fault_type", "=", self.fault_type),
            ("repair_done_date", ">=", self.request_date - timedelta(days=days)),
            ("repair_done_date", "<=", self.request_date),
        ]
        if self.lot_id:
            domain.append(("lot_id", "=", self.lot_id.id))
        elif self.product_id.tracking == "none" and self.partner_id:
            # an untracked product: the same product of the same customer
            domain += [
                ("lot_id", "=", False),
                ("product_id", "=", self.product_id.id),
                (
                    "commercial_partner_id",
                    "=",
                    self.partner_id.commercial_partner_id.id,
                ),
            ]
        else:
            return self.browse()
        # sudo: the earlier request may be out of the current user's sight
        return self.sudo().search(domain, order="repair_done_date desc", limit=1)

    def _aftersales_repair_engineer(self):
        """The engineer of the repair: the one of its last done dispatch order."""
        orders = self.dispatch_order_ids.filtered(lambda o: o.state == "done")
        return orders.sorted(lambda o: (o.done_date, o.id))[-1:].engineer_id
