# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The QC inspector inspects the spare parts that come back to the warehouse
(SPEC §1, 质检员 checks replaced parts): when the return transfer of a
request's parts is validated, the inspector gets the task; he passes the
parts, or fails them with what is wrong. The result is recorded on the
return, and the request hears of it."""

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.aftersales_sop.models.helpdesk_ticket_qc import QC_STATES
from odoo.addons.aftersales_sop.tools.chatter import post_note


class StockPicking(models.Model):
    _name = "stock.picking"
    _inherit = ["stock.picking", "aftersales.reason.mixin"]

    aftersales_parts_return = fields.Boolean(
        string="Returned Spare Parts",
        compute="_compute_aftersales_parts_return",
        store=True,
        help="The return of a service request's spare parts to the warehouse: "
        "a QC inspector inspects them once they arrived.",
    )
    aftersales_qc_state = fields.Selection(
        QC_STATES,
        string="Parts Inspection",
        readonly=True,
        copy=False,
        tracking=True,
        index="btree_not_null",
    )
    aftersales_qc_user_id = fields.Many2one(
        "res.users", string="Inspected By", readonly=True, copy=False
    )
    aftersales_qc_date = fields.Datetime(
        string="Inspected On", readonly=True, copy=False
    )
    aftersales_qc_note = fields.Text(
        string="Inspection Result",
        readonly=True,
        copy=False,
        tracking=True,
        help="What the QC inspector found wrong with the returned parts.",
    )

    @api.depends("move_ids.aftersales_part_move")
    def _compute_aftersales_parts_return(self):
        for picking in self:
            picking.aftersales_parts_return = any(
                move.aftersales_part_move == "return" for move in picking.move_ids
            )

    def _aftersales_reason_actions(self):
        actions = super()._aftersales_reason_actions()
        actions["parts_qc_fail"] = "_aftersales_parts_qc_fail"
        return actions

    def _action_done(self):
        result = super()._action_done()
        self.filtered(
            lambda p: p.state == "done" and p.aftersales_parts_return
        )._aftersales_parts_qc_request()
        return result

    def _aftersales_parts_qc_request(self):
        """The returned parts arrived: the QC inspector inspects them."""
        users = self.env["res.users"]
        # sudo: the warehouse validates; the inspector's task follows
        for picking in self.sudo():
            picking.aftersales_qc_state = "to_check"
            inspector = users._aftersales_qc_inspector(picking.company_id)
            if inspector:
                picking.activity_schedule(
                    "aftersales_warranty.mail_act_parts_qc",
                    summary=self.env._("Inspect the parts returned to the warehouse"),
                    user_id=inspector.id,
                )

    def action_aftersales_parts_qc_pass(self):
        self._aftersales_check_parts_qc()
        self._aftersales_parts_qc_record("passed")
        return True

    def action_aftersales_parts_qc_fail(self):
        self.ensure_one()
        self._aftersales_check_parts_qc()
        return self.env["aftersales.reason"]._aftersales_open(
            self,
            "parts_qc_fail",
            self.env._("Returned Parts Failed"),
            self.env._("What is wrong with the returned parts."),
        )

    def _aftersales_parts_qc_fail(self, reason):
        self._aftersales_check_parts_qc()
        self._aftersales_parts_qc_record("failed", reason)
        return True

    def _aftersales_parts_qc_record(self, result, reason=False):
        # sudo: a QC inspector records the inspection without stock rights
        for picking in self.sudo():
            picking.write(
                {
                    "aftersales_qc_state": result,
                    "aftersales_qc_user_id": self.env.user.id,
                    "aftersales_qc_date": fields.Datetime.now(),
                    "aftersales_qc_note": reason,
                }
            )
            if result == "passed":
                body = self.env._(
                    "The QC inspector passed the parts returned on %(picking)s.",
                    picking=picking.name,
                )
            else:
                body = self.env._(
                    "The QC inspector failed the parts returned on %(picking)s: "
                    "%(reason)s",
                    picking=picking.name,
                    reason=reason,
                )
            post_note(picking, body)
            tickets = picking.move_ids.aftersales_part_line_id.ticket_id
            post_note(tickets | picking.helpdesk_ticket_id, body)
            picking.activity_feedback(
                ["aftersales_warranty.mail_act_parts_qc"], feedback=body
            )

    def _aftersales_check_parts_qc(self):
        self.env["res.users"]._check_aftersales_qc(
            self.env._(
                "Only a QC inspector or an after-sales manager inspects returned parts."
            )
        )
        for picking in self:
            if picking.aftersales_qc_state != "to_check":
                raise UserError(
                    self.env._(
                        "%(picking)s does not wait for an inspection: returned parts "
                        "are inspected once the return is validated.",
                        picking=picking.name,
                    )
                )
