# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

RESPONSE_SOURCES = [("call_log", "Call Log"), ("typed", "Typed by the Agent")]


class HelpdeskTicket(models.Model):
    """The response time of a request created from a hotline call is the delay
    the telephony system recorded between the call's start and its answer
    (SPEC: the hotline's call log). The agent's "Answered" button stays for
    the channels without a log: its response is marked as typed."""

    _inherit = "helpdesk.ticket"

    call_id = fields.Many2one(
        "aftersales.call",
        string="Hotline Call",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The call of the hotline's call log this request was created from: "
        "its recorded answer delay is the request's response time.",
    )
    response_source = fields.Selection(
        RESPONSE_SOURCES,
        string="Response Recorded From",
        readonly=True,
        copy=False,
        index=True,
        help="Call Log: the delay the telephony system recorded. Typed by the "
        "Agent: the moment the agent pressed Answered (channels without a log).",
    )

    def _aftersales_record_response(self):
        """The call log's delay when the request has its call, else the typed
        moment (``aftersales_sop``)."""
        logged = self.filtered(lambda t: t.call_id.answered_date)
        result = super(HelpdeskTicket, self - logged)._aftersales_record_response()
        for ticket in self:
            call = ticket.call_id
            if call.answered_date:
                values = {
                    "response_seconds": call.answer_seconds,
                    "responded_in_time": call.in_time,
                    "response_source": "call_log",
                }
            else:
                values = {
                    "response_source": "typed" if ticket.first_response_date else False
                }
            changed = {k: v for k, v in values.items() if ticket[k] != v}
            if changed:
                ticket.write(changed)
        return result

    def _aftersales_link_calls(self):
        """Take the call each request was created from (the answered call of
        the log linked to it) and its response time."""
        calls = self.env["aftersales.call"].search(
            [("ticket_id", "in", self.ids), ("answered_date", "!=", False)],
            order="call_start, id",
        )
        first = {}
        for call in calls:
            first.setdefault(call.ticket_id, call)
        for ticket in self:
            call = first.get(ticket, self.env["aftersales.call"])
            if ticket.call_id != call:
                ticket.call_id = call
        self._aftersales_record_response()
