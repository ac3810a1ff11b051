# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..rules import dispatch as dispatch_rules
from ..tools.chatter import post_note


class AftersalesDispatchOrder(models.Model):
    """Who may be sent (SPEC §4.2): an engineer with a valid certification for
    the product and a skill that fits the fault type and the product category;
    one whose skills do not fit goes only on an after-sales manager's
    decision, with a reason, which the order keeps and its chatter shows."""

    _inherit = "aftersales.dispatch.order"

    skill_override_reason = fields.Text(
        string="Sent Without a Fitting Skill",
        readonly=True,
        tracking=True,
        copy=False,
        help="Why an after-sales manager sent this engineer although no skill of "
        "his fits the fault type and product category of the request.",
    )
    skill_override_user_id = fields.Many2one(
        "res.users",
        string="Decided By",
        readonly=True,
        tracking=True,
        copy=False,
        help="The after-sales manager who sent the engineer without a fitting skill.",
    )

    def _aftersales_eligibility(self, engineer):
        """Whether ``engineer`` may be sent to this order's job
        (:class:`~..rules.dispatch.Eligibility`)."""
        self.ensure_one()
        job = self.ticket_id._aftersales_dispatch_job()
        (candidate,) = engineer._as_dispatch_candidates()
        return dispatch_rules.eligibility(candidate, job)

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        for order in orders.filtered("skill_override_reason"):
            post_note(
                order,
                Markup("<p>%s</p><p>%s</p>")
                % (
                    self.env._(
                        "%(engineer)s was sent by %(manager)s although no skill of "
                        "his fits the fault and product.",
                        engineer=order.engineer_id.name,
                        manager=order.skill_override_user_id.name,
                    ),
                    self.env._(
                        "Reason: %(reason)s", reason=order.skill_override_reason
                    ),
                ),
            )
        return orders

    def write(self, vals):
        if vals.get("engineer_id") and not self.env.su:
            engineer = self.env["aftersales.engineer"].browse(vals["engineer_id"])
            for order in self:
                if not order._aftersales_eligibility(engineer).eligible:
                    raise UserError(
                        self.env._(
                            "%(name)s cannot take over %(order)s: he needs a valid "
                            "certification for the product and a skill that fits "
                            "the fault and product. Cancel the order and dispatch "
                            "again: an after-sales manager may send him there with "
                            "a reason.",
                            name=engineer.name,
                            order=order.name,
                        )
                    )
        return super().write(vals)
