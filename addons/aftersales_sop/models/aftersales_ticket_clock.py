# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.sql import index_exists

from ..rules import clocks as clock_rules
from .aftersales_clock import UNITS

CLOCK_STATES = [
    ("pending", "Pending"),
    ("running", "Running"),
    ("paused", "Paused"),
    ("met", "Met"),
    ("breached", "Breached"),
    ("cancelled", "Cancelled"),
]


def _duration_parts(seconds):
    minutes = int(abs(seconds) // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    return days, hours, minutes


class AftersalesTicketClock(models.Model):
    """One run of a service clock on one record: a ticket, a complaint or a
    follow-up (exactly one of the links is set).

    A clock runs once on a record, except on a request: the on-site clock runs
    once per dispatch order (``dispatch_order_id``), and the dispatch review
    again each time the request goes back to the dispatcher; an ended run keeps
    its verdict, tied to the dispatch order it ended with.
    """

    _name = "aftersales.ticket.clock"
    _description = "Ticket Service Clock"
    _order = "deadline, id"
    _rec_name = "clock_id"
    #: the links to the records that run clocks, one per model
    _owner_fields = ("ticket_id", "complaint_id", "followup_id")

    ticket_id = fields.Many2one("helpdesk.ticket", ondelete="cascade", index=True)
    complaint_id = fields.Many2one(
        "aftersales.complaint", ondelete="cascade", index=True
    )
    followup_id = fields.Many2one(
        "aftersales.followup", string="Follow-up", ondelete="cascade", index=True
    )
    dispatch_order_id = fields.Many2one(
        "aftersales.dispatch.order",
        ondelete="cascade",
        index=True,
        readonly=True,
        help="The dispatch order this run is about: the order whose engineer the "
        "on-site clock judges, against the order's own appointment; for a dispatch "
        "review, the order it ended with.",
    )
    clock_id = fields.Many2one(
        "aftersales.clock",
        required=True,
        ondelete="restrict",
        index=True,
    )
    code = fields.Char(related="clock_id.code", store=True)
    res_model = fields.Selection(
        related="clock_id.res_model", store=True, string="Runs On"
    )
    company_id = fields.Many2one(
        "res.company", compute="_compute_owner_team", store=True, index=True
    )
    team_id = fields.Many2one(
        "helpdesk.ticket.team", compute="_compute_owner_team", store=True, index=True
    )
    partner_id = fields.Many2one(
        "res.partner", compute="_compute_owner_ref", string="Customer"
    )
    owner_ref = fields.Reference(
        selection="_selection_owner_ref",
        string="Document",
        compute="_compute_owner_ref",
        help="The request, complaint or follow-up the clock runs on.",
    )
    start_date = fields.Datetime(string="Started", readonly=True)
    stop_date = fields.Datetime(string="Stopped", readonly=True)
    deadline = fields.Datetime(readonly=True, index=True)
    time_limit = fields.Float(
        string="Limit", readonly=True, help="The limit this clock was given."
    )
    unit = fields.Selection(UNITS, readonly=True, help="The unit of its limit.")
    by_appointment = fields.Boolean(
        string="Appointment",
        readonly=True,
        help="The deadline is the appointment agreed with the customer.",
    )
    paused_since = fields.Datetime(readonly=True)
    state = fields.Selection(
        CLOCK_STATES,
        default="pending",
        required=True,
        readonly=True,
        index=True,
        help="Met or breached: the verdict, which stays. Cancelled: the dispatch "
        "order was cancelled before the engineer arrived, in time; the run has no "
        "verdict and counts against nobody.",
    )
    responsible_user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        readonly=True,
        help="Told by an activity when the clock is breached.",
    )
    breach_notified = fields.Boolean(readonly=True, copy=False)
    is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_timing",
        search="_search_is_overdue",
        help="Breached, or still running after its deadline.",
    )
    time_left_display = fields.Char(string="Time Left", compute="_compute_timing")
    overdue_hours = fields.Float(
        compute="_compute_timing",
        help="Hours past the deadline (negative: hours left).",
    )

    _sql_constraints = [
        (
            "ticket_clock_uniq",
            "unique(ticket_id, clock_id, dispatch_order_id)",
            "A clock runs once per dispatch order of a ticket.",
        ),
        (
            "complaint_clock_uniq",
            "unique(complaint_id, clock_id)",
            "A clock runs once on a complaint.",
        ),
        (
            "followup_clock_uniq",
            "unique(followup_id, clock_id)",
            "A clock runs once on a follow-up.",
        ),
        (
            "one_owner",
            "CHECK(num_nonnulls(ticket_id, complaint_id, followup_id) = 1)",
            "A clock runs on one request, complaint or follow-up.",
        ),
    ]

    def init(self):
        # the runs of a request that are not tied to a dispatch order: one per
        # clock (the unique constraint above does not see them, NULL being
        # distinct)
        if not index_exists(self.env.cr, "aftersales_ticket_clock_current_run_uniq"):
            self.env.cr.execute(
                SQL(
                    "CREATE UNIQUE INDEX aftersales_ticket_clock_current_run_uniq "
                    "ON aftersales_ticket_clock (ticket_id, clock_id) "
                    "WHERE dispatch_order_id IS NULL"
                )
            )

    @api.model
    def _selection_owner_ref(self):
        return self.env["aftersales.clock"]._selection_res_model()

    @api.depends(
        "ticket_id.company_id",
        "ticket_id.team_id",
        "complaint_id.company_id",
        "complaint_id.team_id",
        "followup_id.company_id",
        "followup_id.team_id",
    )
    def _compute_owner_team(self):
        for clock in self:
            owner = clock._owner()
            clock.company_id = owner.company_id
            clock.team_id = owner.team_id

    @api.depends("ticket_id", "complaint_id", "followup_id")
    def _compute_owner_ref(self):
        for clock in self:
            owner = clock._owner()
            clock.partner_id = owner.partner_id
            origin = owner._origin  # a record being edited in a form is new
            clock.owner_ref = f"{origin._name},{origin.id}" if origin else False

    def _owner(self):
        """The record the clock runs on."""
        self.ensure_one()
        for name in self._owner_fields:
            if self[name]:
                return self[name]
        return self.env["helpdesk.ticket"]

    @api.depends("state", "deadline", "stop_date", "paused_since")
    def _compute_timing(self):
        now = fields.Datetime.now()
        for clock in self:
            if not clock.deadline:
                clock.is_overdue = False
                clock.overdue_hours = 0.0
                clock.time_left_display = ""
                continue
            moment = clock.stop_date or clock.paused_since or now
            late = (moment - clock.deadline).total_seconds()
            clock.overdue_hours = late / 3600
            clock.is_overdue = clock.state == "breached" or (
                clock.state == "running" and late > 0
            )
            clock.time_left_display = clock._format_timing(late)

    def _format_timing(self, late_seconds):
        days, hours, minutes = _duration_parts(late_seconds)
        if days:
            span = self.env._("%(days)s d %(hours)s h", days=days, hours=hours)
        elif hours:
            span = self.env._(
                "%(hours)s h %(minutes)s min", hours=hours, minutes=minutes
            )
        else:
            span = self.env._("%(minutes)s min", minutes=minutes)
        if self.state == clock_rules.CANCELLED:
            return self.env._("cancelled, no verdict")
        if self.state == "met":
            return self.env._("met, %(span)s early", span=span)
        if self.state == "paused":
            return self.env._("paused, %(span)s left", span=span)
        if late_seconds > 0:
            return self.env._("overdue by %(span)s", span=span)
        return self.env._("%(span)s left", span=span)

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("Unsupported search on overdue clocks."))
        now = fields.Datetime.now()
        overdue = [
            "|",
            ("state", "=", "breached"),
            "&",
            ("state", "=", "running"),
            ("deadline", "<", now),
        ]
        if (operator == "=") == bool(value):
            return overdue
        return ["!"] + overdue

    def _aftersales_changed_values(self, values):
        """The ``values`` that differ from this run's (ids for its user)."""
        self.ensure_one()
        return {
            key: value
            for key, value in values.items()
            if (self[key].id if key == "responsible_user_id" else self[key]) != value
        }

    def _notify_breach(self):
        """Tell the responsible person of each newly breached clock, once."""
        for clock in self.filtered(
            lambda c: c.state == "breached" and not c.breach_notified
        ):
            ticket = clock._owner()
            summary = self.env._(
                "Service clock breached: %(clock)s", clock=clock.clock_id.name
            )
            note = self.env._(
                "The %(clock)s clock of %(ticket)s was due on %(deadline)s "
                "(%(status)s).",
                clock=clock.clock_id.name,
                ticket=ticket.display_name,
                deadline=fields.Datetime.to_string(clock.deadline),
                status=clock.time_left_display,
            )
            user = clock.responsible_user_id
            if user and ticket.with_user(user).has_access("read"):
                ticket.activity_schedule(
                    ticket._aftersales_clock_breach_activity,
                    summary=summary,
                    note=note,
                    user_id=user.id,
                )
            else:
                ticket.message_post(
                    body=note,
                    subject=summary,
                    subtype_xmlid="mail.mt_note",
                )
            clock.breach_notified = True

    @api.model
    def _cron_check_breaches(self, batch_size=500):
        """Catch clocks that ran out while nobody touched their ticket."""
        now = fields.Datetime.now()
        late = self.search(
            [("state", "=", "running"), ("deadline", "<", now)], limit=batch_size
        )
        for name in self._owner_fields:
            late[name]._aftersales_sync_clocks()
        remaining = self.search_count(
            [("state", "=", "running"), ("deadline", "<", now)]
        )
        self.env["ir.cron"]._notify_progress(done=len(late), remaining=remaining)
        return late
