# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

CALL_STATES = [
    ("matched", "Request Found"),
    ("no_request", "No Request"),
    ("unanswered", "Not Answered"),
]


class AftersalesCall(models.Model):
    """A call of the hotline's call log, as the telephony system recorded it
    (imported by Import the Call Log): who called, when, when it was answered
    and by whom. An answered call is matched to the request the agent created
    from it, which then takes its response time from the call; a call nobody
    answered counts as a consultation not answered in time."""

    _name = "aftersales.call"
    _description = "Hotline Call"
    _order = "call_start desc, id desc"
    _rec_name = "caller_number"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, index=True
    )
    caller_number = fields.Char(
        string="Caller",
        required=True,
        readonly=True,
        index=True,
        help="The caller's number in E.164, as the requests store it.",
    )
    call_start = fields.Datetime(
        required=True, readonly=True, index=True, help="When the call came in."
    )
    answered_date = fields.Datetime(
        string="Answered At",
        readonly=True,
        help="When an agent picked up; empty: nobody answered.",
    )
    answer_seconds = fields.Integer(
        string="Answer Delay (s)",
        readonly=True,
        aggregator="avg",
        help="Seconds from the call's start to its answer, as the telephony "
        "system recorded them: the response time of the request created from "
        "the call.",
    )
    in_time = fields.Boolean(
        string="Answered in Time",
        readonly=True,
        help="Answered within the company's response threshold (30 seconds "
        "by default).",
    )
    duration = fields.Integer(string="Duration (s)", readonly=True)
    agent = fields.Char(
        readonly=True, help="The agent as the call log names him (ID or name)."
    )
    agent_user_id = fields.Many2one(
        "res.users",
        readonly=True,
        help="The user the agent of the log is: by login, name or badge ID.",
    )
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Request",
        index="btree_not_null",
        ondelete="set null",
        check_company=True,
        help="The request the agent created from the call. A call without one "
        "is listed here: link it to its request when it has one.",
    )
    state = fields.Selection(
        CALL_STATES,
        compute="_compute_state",
        store=True,
        index=True,
        string="Status",
    )
    file_name = fields.Char(string="Imported From", readonly=True)
    import_ref = fields.Char(
        string="Import", readonly=True, index=True, help="The import that made it."
    )

    _sql_constraints = [
        (
            "call_uniq",
            "unique(company_id, caller_number, call_start)",
            "A call is imported once.",
        ),
    ]

    @api.depends("answered_date", "ticket_id")
    def _compute_state(self):
        for call in self:
            if not call.answered_date:
                call.state = "unanswered"
            else:
                call.state = "matched" if call.ticket_id else "no_request"

    def write(self, vals):
        if "ticket_id" not in vals:
            return super().write(vals)
        previous = self.ticket_id
        unanswered = self.filtered(lambda c: not c.answered_date)
        if unanswered and vals["ticket_id"]:
            raise UserError(
                self.env._(
                    "Nobody answered the call of %(caller)s: no request was "
                    "created from it.",
                    caller=unanswered[0].caller_number,
                )
            )
        if vals["ticket_id"]:
            ticket = self.env["helpdesk.ticket"].browse(vals["ticket_id"])
            taken = ticket.call_id - self
            if len(self) > 1 or taken:
                raise UserError(
                    self.env._(
                        "%(ticket)s was created from one call only.",
                        ticket=ticket.display_name,
                    )
                )
        result = super().write(vals)
        # sudo: the supervisor who links a call may not edit requests; the
        # request only takes the call's recorded response time
        (previous | self.ticket_id).sudo()._aftersales_link_calls()
        return result
