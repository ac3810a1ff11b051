# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError


class AftersalesReasonMixin(models.AbstractModel):
    """Decisions of a document taken with a reason (the ``aftersales.reason``
    wizard): each model lists the decisions it takes that way."""

    _name = "aftersales.reason.mixin"
    _description = "Decisions Taken with a Reason"

    def _aftersales_reason_actions(self):
        """``{action: method}``: the decisions the reason wizard may apply; each
        method takes the reason, checks who decides and records it. Extended
        by the modules that add a decision."""
        return {}

    def _aftersales_reason_method(self, action):
        method = self._aftersales_reason_actions().get(action)
        if not method:
            raise UserError(
                self.env._(
                    "%(action)s is not a decision of %(model)s.",
                    action=action,
                    model=self._description,
                )
            )
        return method
