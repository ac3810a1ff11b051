# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class AftersalesReason(models.TransientModel):
    """The reason of a decision that needs one: a step refused with why (a
    quote rejected, a quality check failed), an approval given with why (a
    goodwill repair, a request closed with a loaner still out).

    The wizard only asks for the text: the record's own method, named in the
    record model's ``_aftersales_reason_actions``, checks who may decide and
    records the decision with its reason.
    """

    _name = "aftersales.reason"
    _description = "Reason of an After-sales Decision"

    res_model = fields.Char(string="Document Model", required=True, readonly=True)
    res_id = fields.Integer(string="Document", required=True, readonly=True)
    action = fields.Char(string="Decision", required=True, readonly=True)
    prompt = fields.Char(string="What to Say", readonly=True)
    reason = fields.Text(required=True)

    @api.model
    def _aftersales_open(self, record, action, title, prompt=False):
        """The window that asks the reason of ``action`` on ``record``."""
        record.ensure_one()
        record._aftersales_reason_method(action)  # refuses an unknown action
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": self._name,
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_res_model": record._name,
                "default_res_id": record.id,
                "default_action": action,
                "default_prompt": prompt,
            },
        }

    def action_apply(self):
        self.ensure_one()
        reason = (self.reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason."))
        record = self.env[self.res_model].browse(self.res_id).exists()
        if not record:
            raise UserError(self.env._("The document was deleted meanwhile."))
        getattr(record, record._aftersales_reason_method(self.action))(reason)
        return {"type": "ir.actions.act_window_close"}
