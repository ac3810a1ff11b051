# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from ..tools.chatter import post_note

#: the check's verdict: written by a QC inspector (or a manager) only
QC_FIELDS = frozenset({"qc_state", "qc_user_id", "qc_date", "qc_note"})
QC_STATES = [
    ("to_check", "To Check"),
    ("passed", "Passed"),
    ("failed", "Failed"),
]


class HelpdeskTicket(models.Model):
    """The quality check of a unit repaired at the repair centre (SPEC §1, 质检员).

    When the repair centre has repaired a unit (taken back or sent by post), it
    asks for the check; a QC inspector passes it, or fails it with what is
    wrong, which sends the unit back to repair. The problem is solved, and the
    unit goes back to the customer, only once the check passed.
    """

    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "aftersales.reason.mixin"]

    qc_state = fields.Selection(
        QC_STATES,
        string="Quality Check",
        tracking=True,
        copy=False,
        index=True,
        help="The QC inspector's check of the unit repaired at the repair centre: "
        "the unit goes back to the customer once it passed.",
    )
    qc_user_id = fields.Many2one(
        "res.users", string="Checked By", readonly=True, copy=False, tracking=True
    )
    qc_date = fields.Datetime(string="Checked On", readonly=True, copy=False)
    qc_note = fields.Text(
        string="Check Result",
        readonly=True,
        copy=False,
        tracking=True,
        help="What the QC inspector found wrong, when the check failed.",
    )

    def _aftersales_reason_actions(self):
        actions = super()._aftersales_reason_actions()
        actions["qc_fail"] = "_aftersales_qc_fail"
        return actions

    def write(self, vals):
        if QC_FIELDS & set(vals) and not self.env["res.users"]._is_aftersales_qc():
            raise AccessError(
                self.env._(
                    "Only a QC inspector or an after-sales manager records a "
                    "quality check."
                )
            )
        return super().write(vals)

    # ---------------------------------------------------------------------------
    # the steps
    # ---------------------------------------------------------------------------

    def action_qc_request(self):
        """The repair centre has repaired the unit: the QC inspector checks it."""
        for ticket in self:
            if not ticket.at_repair_centre or not ticket.unit_received_date:
                raise UserError(
                    self.env._(
                        "%(ticket)s: the QC inspector checks a unit the repair "
                        "centre received and has not returned yet.",
                        ticket=ticket.display_name,
                    )
                )
            if ticket.qc_state == "to_check":
                raise UserError(
                    self.env._(
                        "%(ticket)s already waits for its quality check.",
                        ticket=ticket.display_name,
                    )
                )
        # sudo: the repair centre asks the inspector, whose task it may not write
        for ticket in self.sudo():
            ticket.write(
                {"qc_state": "to_check", "qc_user_id": False, "qc_date": False}
            )
            ticket.activity_unlink(["aftersales_sop.mail_act_qc_repair"])
            inspector = self.env["res.users"]._aftersales_qc_inspector(
                ticket.company_id
            )
            ticket.activity_schedule(
                "aftersales_sop.mail_act_qc_check",
                summary=self.env._("Check the repaired unit before it goes back"),
                user_id=(inspector or ticket.user_id or ticket.team_id.user_id).id,
            )
        return True

    def action_qc_pass(self):
        self._aftersales_check_qc()
        self.write(
            {
                "qc_state": "passed",
                "qc_user_id": self.env.user.id,
                "qc_date": fields.Datetime.now(),
                "qc_note": False,
            }
        )
        for ticket in self:
            # sudo: the inspector closes his task and tells the repair centre
            ticket.sudo().activity_feedback(["aftersales_sop.mail_act_qc_check"])
            post_note(ticket, self.env._("The QC inspector passed the repaired unit."))
        return True

    def action_qc_fail(self):
        self.ensure_one()
        self._aftersales_check_qc()
        return self.env["aftersales.reason"]._aftersales_open(
            self,
            "qc_fail",
            self.env._("Quality Check Failed"),
            self.env._("What is wrong with the repaired unit: it goes back to repair."),
        )

    def _aftersales_qc_fail(self, reason):
        """The check failed: the unit goes back to repair, with the reason."""
        self._aftersales_check_qc()
        self.write(
            {
                "qc_state": "failed",
                "qc_user_id": self.env.user.id,
                "qc_date": fields.Datetime.now(),
                "qc_note": reason,
            }
        )
        for ticket in self:
            post_note(
                ticket,
                self.env._(
                    "The QC inspector failed the repaired unit: %(reason)s",
                    reason=reason,
                ),
            )
            # sudo: the inspector gives the repair back to the repair centre
            ticket = ticket.sudo()
            ticket.activity_feedback(["aftersales_sop.mail_act_qc_check"])
            user = ticket.user_id or ticket.team_id.user_id
            if user:
                ticket.activity_schedule(
                    "aftersales_sop.mail_act_qc_repair",
                    summary=self.env._("Repair the unit again"),
                    note=reason,
                    user_id=user.id,
                )
        return True

    def _aftersales_check_qc(self):
        self.env["res.users"]._check_aftersales_qc(
            self.env._(
                "Only a QC inspector or an after-sales manager records a quality check."
            )
        )
        for ticket in self:
            if ticket.qc_state != "to_check":
                raise UserError(
                    self.env._(
                        "%(ticket)s does not wait for a quality check: the repair "
                        "centre asks for it once the unit is repaired.",
                        ticket=ticket.display_name,
                    )
                )

    # ---------------------------------------------------------------------------
    # the gate: solved (and back to the customer) once the check passed
    # ---------------------------------------------------------------------------

    def _aftersales_check_path_step(self, step):
        result = super()._aftersales_check_path_step(step)
        if step == "problem_solved":
            self._aftersales_check_qc_passed()
        return result

    def _aftersales_check_qc_passed(self):
        for ticket in self:
            if ticket.unit_received_date and ticket.qc_state != "passed":
                raise UserError(ticket._aftersales_qc_missing())

    def _aftersales_qc_missing(self):
        """Why the repaired unit cannot go back to the customer yet."""
        self.ensure_one()
        if self.qc_state == "failed":
            return self.env._(
                "%(ticket)s: the QC inspector failed the repaired unit (%(reason)s): "
                "repair it again and ask for a new check.",
                ticket=self.display_name,
                reason=self.qc_note,
            )
        if self.qc_state == "to_check":
            return self.env._(
                "%(ticket)s: the repaired unit waits for the QC inspector's check.",
                ticket=self.display_name,
            )
        return self.env._(
            "%(ticket)s: a QC inspector passes the repaired unit before it goes back "
            "to the customer: ask for the check (Ready for QC).",
            ticket=self.display_name,
        )
