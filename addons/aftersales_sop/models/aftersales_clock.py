# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.safe_eval import safe_eval

from ..rules import clocks as clock_rules

UNITS = [
    ("minutes", "Minutes"),
    ("hours", "Hours"),
    ("days", "Days"),
    ("working_minutes", "Working Minutes"),
    ("working_hours", "Working Hours"),
    ("working_days", "Working Days"),
]
#: names a clock's "Applies To" domain may use: none depends on the user, so
#: that a definition means the same whoever's change runs the clocks
DOMAIN_EVAL_CONTEXT = {}


class AftersalesClock(models.Model):
    """A service clock definition (SPEC §3): from an event to another, a limit."""

    _name = "aftersales.clock"
    _description = "Service Clock"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Technical name, used by reports and other modules (e.g. onsite).",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", help="Leave empty to apply the clock in every company."
    )
    description = fields.Text(translate=True)
    res_model = fields.Selection(
        selection="_selection_res_model",
        string="Runs On",
        required=True,
        default="helpdesk.ticket",
        help="The records this clock runs on: service requests, complaints or "
        "follow-ups. Its events and its Applies To filter are theirs.",
    )
    start_event = fields.Selection(
        selection="_selection_event",
        required=True,
        help="The clock starts when this happens on the record.",
    )
    stop_event = fields.Selection(
        selection="_selection_event",
        required=True,
        help="The clock stops (met or breached) when this happens on the record.",
    )
    time_limit = fields.Float(
        string="Limit", required=True, help="How long the clock may run."
    )
    unit = fields.Selection(
        UNITS,
        required=True,
        default="hours",
        help="Minutes, hours and days are elapsed time; working minutes, hours and "
        "days count only the working time of the calendar, without its holidays. "
        "A working day is the calendar's average hours per day.",
    )
    limit_ids = fields.One2many(
        "aftersales.clock.limit",
        "clock_id",
        string="Limits by Urgency and Zone",
        copy=True,
        help="Other limits for some tickets: by urgency, and by whether the "
        "dispatched engineer comes from the zone of the service address or from "
        "another one. The most specific line that fits a ticket applies; tickets "
        "that no line fits get the limit above.",
    )
    use_appointment = fields.Boolean(
        string="Appointment Is the Deadline",
        help="When an appointment was agreed with the customer, the clock runs "
        "out at the appointment instead of after its limit: the engineer must "
        "arrive by the agreed time, and a later time the customer asked for does "
        "not make him late.",
    )
    calendar_source = fields.Selection(
        [
            ("team", "Team working hours"),
            ("company", "Company working hours"),
            ("calendar", "A specific calendar"),
        ],
        default="team",
        required=True,
        help="Which working calendar counts the working time of this clock.",
    )
    resource_calendar_id = fields.Many2one("resource.calendar", string="Calendar")
    ticket_domain = fields.Char(
        string="Applies To",
        default="[]",
        required=True,
        help="The records this clock runs on (a filter on the model it runs on).",
    )
    pause_when_waiting = fields.Boolean(
        string="Pauses While Waiting",
        help="An option, off by default: stop counting while the ticket is in a "
        "stage that pauses service clocks (waiting for the customer), and give "
        "back the time that was left when it leaves that stage.",
    )
    responsible = fields.Selection(
        [
            ("dispatcher", "Team dispatcher"),
            ("leader", "Team leader"),
            ("assignee", "Assigned user"),
        ],
        default="dispatcher",
        required=True,
        help="Who is told, by an activity, when the clock is breached. Without such "
        "a person, a message is posted on the ticket.",
    )
    ticket_clock_ids = fields.One2many("aftersales.ticket.clock", "clock_id")
    breached_count = fields.Integer(compute="_compute_counts")
    running_count = fields.Integer(compute="_compute_counts")

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The clock code must be unique.",
        ),
        (
            "limit_positive",
            "CHECK(time_limit >= 0)",
            "A clock limit cannot be negative.",
        ),
    ]

    @api.model
    def _clock_models(self):
        """The models that run service clocks (they inherit the clock mixin)."""
        return [
            name
            for name in self.env.registry.descendants(
                ["aftersales.clock.mixin"], "_inherit"
            )
            if not self.env[name]._abstract
        ]

    @api.model
    def _selection_res_model(self):
        models_ = self.env["ir.model"].sudo()
        return [(name, models_._get(name).name) for name in self._clock_models()]

    @api.model
    def _selection_event(self):
        """The events of every model that runs clocks (a code shared by two
        models, such as "Repair completed", is listed once)."""
        selection = {}
        for name in self._clock_models():
            for code, (label, _field) in (
                self.env[name]._aftersales_clock_events().items()
            ):
                selection.setdefault(code, label)
        return list(selection.items())

    def _compute_counts(self):
        rows = self.env["aftersales.ticket.clock"]._read_group(
            [("clock_id", "in", self.ids), ("state", "in", ("running", "breached"))],
            ["clock_id", "state"],
            ["__count"],
        )
        counts = {(clock.id, state): count for clock, state, count in rows}
        for clock in self:
            clock.breached_count = counts.get((clock.id, "breached"), 0)
            clock.running_count = counts.get((clock.id, "running"), 0)

    @api.constrains("ticket_domain")
    def _check_ticket_domain(self):
        for clock in self:
            try:
                domain = clock._get_ticket_domain()
                self.env[clock.res_model].search_count(domain, limit=1)
            except (ValueError, NameError, SyntaxError, TypeError, KeyError) as error:
                raise ValidationError(
                    self.env._(
                        "The tickets of clock %(clock)s are not a valid domain: "
                        "%(error)s",
                        clock=clock.name,
                        error=error,
                    )
                ) from error

    @api.constrains("start_event", "stop_event", "res_model")
    def _check_events(self):
        for clock in self:
            if clock.start_event == clock.stop_event:
                raise ValidationError(
                    self.env._(
                        "Clock %(clock)s starts and stops on the same event.",
                        clock=clock.name,
                    )
                )
            events = self.env[clock.res_model]._aftersales_clock_events()
            wrong = [
                e for e in (clock.start_event, clock.stop_event) if e not in events
            ]
            if wrong:
                labels = dict(
                    self._fields["start_event"]._description_selection(self.env)
                )
                raise ValidationError(
                    self.env._(
                        "Clock %(clock)s runs on %(model)s, which has no event "
                        "%(event)s.",
                        clock=clock.name,
                        model=dict(
                            self._fields["res_model"]._description_selection(self.env)
                        ).get(clock.res_model, clock.res_model),
                        event=labels.get(wrong[0], wrong[0]),
                    )
                )

    @api.constrains("calendar_source", "resource_calendar_id")
    def _check_calendar(self):
        for clock in self:
            if clock.calendar_source == "calendar" and not clock.resource_calendar_id:
                raise ValidationError(
                    self.env._(
                        "Choose the calendar of clock %(clock)s.", clock=clock.name
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        clocks = super().create(vals_list)
        self.env.registry.clear_cache()
        return clocks

    def write(self, vals):
        result = super().write(vals)
        self.env.registry.clear_cache()
        return result

    def unlink(self):
        result = super().unlink()
        self.env.registry.clear_cache()
        return result

    def _get_ticket_domain(self):
        """The records the clock runs on. The domain is read without the user
        (no ``uid``): clocks run the same whoever changes a record, and their
        definitions are cached for every user."""
        self.ensure_one()
        return safe_eval(self.ticket_domain or "[]", dict(DOMAIN_EVAL_CONTEXT))

    def _calendar_for(self, ticket):
        """The resource.calendar that counts this clock's working time on
        ``ticket`` (any record that runs clocks: its team's, else its company's)."""
        self.ensure_one()
        if self.calendar_source == "calendar" and self.resource_calendar_id:
            return self.resource_calendar_id
        if self.calendar_source == "team" and ticket.team_id:
            return ticket.team_id._get_working_calendar()
        return (
            ticket.company_id.resource_calendar_id
            or self.env.company.resource_calendar_id
        )

    def _limit_for(self, ticket, other_zone=None):
        """The :class:`~..rules.clocks.Limit` of this clock on ``ticket``: by its
        urgency and whether the engineer comes from another zone."""
        self.ensure_one()
        if other_zone is None:
            other_zone = ticket._aftersales_engineer_from_other_zone()
        return clock_rules.pick_limit(
            [line._as_rule() for line in self.limit_ids],
            clock_rules.Limit(self.time_limit, self.unit),
            ticket._aftersales_clock_urgency(),
            other_zone,
        )

    def _deadline(
        self, start, ticket, working_calendars=None, limit=None, appointment=False
    ):
        """Deadline of this clock's run started at ``start`` on ``ticket`` (naive
        UTC): the ``appointment`` agreed for the run when the clock follows
        appointments and one was agreed, else ``start`` plus the ticket's limit
        (``limit``: already known)."""
        self.ensure_one()
        appointment = self.use_appointment and appointment
        limit = None if appointment else (limit or self._limit_for(ticket))
        calendar = None
        if limit and limit.unit in clock_rules.WORKING_UNITS:
            calendar = self._working_calendar(ticket, start, working_calendars)
        return clock_rules.run_deadline(start, limit, calendar, appointment or None)

    def _working_calendar(self, ticket, since, cache=None):
        calendar = self._calendar_for(ticket)
        key = (calendar.id, since.date())
        if cache is not None and key in cache:
            return cache[key]
        working = calendar._aftersales_working_calendar(since=since)
        if cache is not None:
            cache[key] = working
        return working

    def action_view_ticket_clocks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_sop.aftersales_ticket_clock_action"
        )
        action["domain"] = [("clock_id", "=", self.id)]
        return action
