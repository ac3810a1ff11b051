# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from typing import NamedTuple

from odoo import api, fields, models, tools

from ..rules import clocks as clock_rules


class ClockRun(NamedTuple):
    """One run of a clock on a record, as the record tells it: when it started
    and stopped, the dispatch order it judges (``order_id``, False for the
    record's own run), and what its deadline depends on."""

    order_id: int | bool
    start: object
    stop: object
    appointment: object = False
    other_zone: bool = False
    #: when the run was called off before it stopped (its order cancelled)
    called_off: object = False


class AftersalesClockMixin(models.AbstractModel):
    """A record that runs service clocks (SPEC §3): tickets, complaints,
    follow-ups.

    The clock definitions (``aftersales.clock``) name the model they run on
    (``res_model``), an event that starts them and one that stops them; the
    clocks of one record are ``aftersales.ticket.clock`` lines linked to it by
    the field ``_aftersales_clock_link``. A model that inherits this mixin:

    - defines ``clock_ids`` (One2many on that link field), ``company_id`` and
      ``team_id`` (the team's working calendar counts working time);
    - returns its events from ``_aftersales_clock_events()``: {event code:
      (label, datetime field)};
    - says who is told of a breach (``_aftersales_clock_responsible``) and,
      when it has them, its urgency, appointment and pauses.

    Whenever such a record changes, ``_aftersales_sync_clocks`` creates, runs,
    pauses, stops and breaches its clocks.

    A clock runs once on a record (its own run), except a clock that starts at
    a moment of a dispatch order (``_aftersales_clock_order_fields``): it runs
    once per order, with the order's moments, appointment and engineer
    (``_aftersales_clock_runs``).
    """

    _name = "aftersales.clock.mixin"
    _description = "Runs Service Clocks"

    #: the field of aftersales.ticket.clock that links a clock to this record
    _aftersales_clock_link = None
    #: the activity a breach gives the responsible person
    _aftersales_clock_breach_activity = "aftersales_sop.mail_act_clock_breach"

    clock_breached = fields.Boolean(
        readonly=True,
        copy=False,
        index=True,
        help="One of its service clocks ran out.",
    )
    clock_deadline = fields.Datetime(
        string="Next Deadline",
        readonly=True,
        copy=False,
        help="The earliest deadline of the clocks still running.",
    )

    # ---------------------------------------------------------------------------
    # what a model says about its clocks
    # ---------------------------------------------------------------------------

    @api.model
    def _aftersales_clock_events(self):
        """{event code: (label, datetime field of this model)}."""
        return {}

    @api.model
    def _aftersales_clock_extra_trigger_fields(self):
        """Fields besides the events and the definitions' domains whose change
        may start, stop, pause or move a clock."""
        return {"team_id", "company_id"}

    def _aftersales_clock_responsible(self, clock):
        """The user told, by an activity, when ``clock`` is breached."""
        self.ensure_one()
        return self.env["res.users"]

    def _aftersales_clock_urgency(self):
        """The urgency the clock limits by urgency look at (None: none)."""
        return

    def _aftersales_engineer_from_other_zone(self):
        """The engineer comes from another zone than the service address."""
        return False

    def _aftersales_clock_appointment(self):
        """The appointment agreed with the customer, if any (clocks that follow
        appointments run out at it)."""
        return False

    def _aftersales_clock_paused(self):
        """The record waits for the customer: clocks that may pause do."""
        return False

    @api.model
    def _aftersales_clock_order_fields(self):
        """{moment field of this model: field of its dispatch orders} for the
        moments that belong to each dispatch order: a clock that starts at one
        runs once per order."""
        return {}

    def _aftersales_clock_runs(self, start_field, stop_field, per_order):
        """The runs of a clock that starts at ``start_field`` and stops at
        ``stop_field`` on this record: a list of :class:`ClockRun`. Without
        dispatch orders, one run: the record's own."""
        self.ensure_one()
        return [
            ClockRun(
                order_id=False,
                start=self[start_field],
                stop=self[stop_field],
                appointment=self._aftersales_clock_appointment(),
                other_zone=self._aftersales_engineer_from_other_zone(),
            )
        ]

    def _aftersales_clock_summary(self):
        """The stored summary of the clocks (``clock_breached``,
        ``clock_deadline``) as they now stand."""
        self.ensure_one()
        running = [
            c.deadline for c in self.clock_ids if c.state == "running" and c.deadline
        ]
        return {
            "clock_breached": any(c.state == "breached" for c in self.clock_ids),
            "clock_deadline": min(running) if running else False,
        }

    # ---------------------------------------------------------------------------
    # the engine
    # ---------------------------------------------------------------------------

    @api.model
    @tools.ormcache()
    def _aftersales_clock_trigger_fields(self):
        """Fields whose change may start, stop, pause or move a clock."""
        event_fields = {
            name for _label, name in self._aftersales_clock_events().values()
        }
        domain_fields = set()
        for spec in self._aftersales_clock_specs():
            for leaf in spec[4]:
                if isinstance(leaf, list | tuple) and leaf and isinstance(leaf[0], str):
                    domain_fields.add(leaf[0].split(".")[0])
        return frozenset(
            event_fields | domain_fields | self._aftersales_clock_extra_trigger_fields()
        )

    @tools.ormcache()
    def _aftersales_clock_specs(self):
        """The active clock definitions of this model, as plain data read once
        per registry.

        ``(clock id, company id, start field, stop field, domain, per order)``
        (per order: it starts at a moment of each dispatch order); the cache
        is cleared whenever a clock definition changes.
        """
        events = self._aftersales_clock_events()
        order_fields = self._aftersales_clock_order_fields()
        specs = []
        for clock in (
            self.env["aftersales.clock"]
            .sudo()
            .search([("active", "=", True), ("res_model", "=", self._name)])
        ):
            start = events.get(clock.start_event)
            stop = events.get(clock.stop_event)
            if not start or not stop:
                continue  # an event of a module that is not installed any more
            specs.append(
                (
                    clock.id,
                    clock.company_id.id,
                    start[1],
                    stop[1],
                    clock._get_ticket_domain(),
                    start[1] in order_fields,
                )
            )
        return tuple(specs)

    def _aftersales_sync_clocks(self, new=False):
        """Create, start, pause, resume, stop and breach the records' clocks.

        A run is created when its start event happens on a record it applies
        to; one that stops applying before it ended is removed. An ended run
        (met, breached, or cancelled with its dispatch order) keeps its
        verdict, whatever changes later, unless a manager's correction asks to
        re-judge it (context ``aftersales_rejudge_clocks``). ``new``: the
        records were just created, so they have no clock yet.
        """
        specs = self._aftersales_clock_specs()
        if not specs or not self:
            return
        link = self._aftersales_clock_link
        RecordClock = self.env["aftersales.ticket.clock"].sudo()
        sync = {
            "now": fields.Datetime.now(),
            "calendars": {},
            "rejudge": self.env.context.get("aftersales_rejudge_clocks"),
            "to_create": [],
            "to_remove": RecordClock,
            "changed": RecordClock,
        }
        for record in self.sudo():
            existing = (
                {}
                if new
                else {
                    (c.clock_id.id, c.dispatch_order_id.id): c for c in record.clock_ids
                }
            )
            for spec in specs:
                if spec[5] and new:
                    continue  # a record just created has no dispatch order yet
                record._aftersales_sync_runs(spec, existing, sync)
        to_remove, changed = sync["to_remove"], sync["changed"]
        touched = changed[link] | to_remove[link]
        if to_remove:
            to_remove.unlink()
        if sync["to_create"]:
            created = RecordClock.create(sync["to_create"])
            changed |= created
            touched |= created[link]
        for record in touched:
            summary = record._aftersales_clock_summary()
            if any(record[key] != value for key, value in summary.items()):
                record.write(summary)
        changed.filtered(lambda c: c.state == "breached")._notify_breach()

    def _aftersales_sync_runs(self, spec, existing, sync):
        """Sync the runs of one clock definition (``spec``) on this record:
        what to create, remove and what changed go into ``sync``."""
        self.ensure_one()
        clock_id, company_id, start_field, stop_field, domain, per_order = spec
        applies = None
        for run in self._aftersales_clock_runs(start_field, stop_field, per_order):
            instance = existing.get((clock_id, run.order_id))
            if not run.start and not instance:
                continue  # not started: nothing to do, whatever the domain
            if applies is None:
                applies = (not company_id or company_id == self.company_id.id) and bool(
                    self.filtered_domain(domain)
                )
            if not (applies and run.start):
                if not instance:
                    continue
                ended = instance.state in clock_rules.ENDED
                if not (ended and (not applies or not sync["rejudge"])):
                    sync["to_remove"] |= instance  # an ended run stays, as history
                continue
            values = self._aftersales_clock_values(
                self.env["aftersales.clock"].sudo().browse(clock_id),
                instance,
                run,
                sync["now"],
                sync["calendars"],
            )
            if not instance:
                sync["to_create"].append(
                    dict(
                        values,
                        clock_id=clock_id,
                        dispatch_order_id=run.order_id,
                        **{self._aftersales_clock_link: self.id},
                    )
                )
                continue
            dirty = instance._aftersales_changed_values(values)
            if dirty:
                instance.write(dirty)
                sync["changed"] |= instance

    def _aftersales_clock_values(self, clock, instance, run, now, calendars):
        """The values of ``clock``'s ``run`` (a :class:`ClockRun`) on this
        record at ``now`` (``instance``: its current line, if any)."""
        self.ensure_one()
        start = run.start
        stop = max(run.stop, start) if run.stop else False
        called_off = run.called_off if run.called_off and not stop else False
        if (
            instance
            and instance.state in clock_rules.ENDED
            and not self.env.context.get("aftersales_rejudge_clocks")
        ):
            # the verdict stands; a breached clock still records when it stopped
            end = stop or called_off
            if instance.state == "breached" and end and not instance.stop_date:
                return {"stop_date": end}
            return {}
        appointment = clock.use_appointment and run.appointment
        limit = (
            None if appointment else clock._limit_for(self, other_zone=run.other_zone)
        )
        terms = {
            "by_appointment": bool(appointment),
            "time_limit": limit.limit if limit else 0.0,
            "unit": limit.unit if limit else False,
        }
        values = {}
        if (
            not instance
            or instance.start_date != start
            or any(instance[key] != value for key, value in terms.items())
            or (appointment and instance.deadline != appointment)
        ):
            values.update(
                terms,
                start_date=start,
                deadline=clock._deadline(
                    start, self, calendars, limit=limit, appointment=appointment
                ),
                paused_since=False,
            )
        deadline = values.get("deadline", instance.deadline if instance else False)
        paused_since = values.get(
            "paused_since", instance.paused_since if instance else False
        )
        pause = (
            clock.pause_when_waiting
            and not appointment
            and not stop
            and not called_off
            and self._aftersales_clock_paused()
        )
        if paused_since and not pause:
            # resuming: give back the time that was left when it paused
            unit = terms["unit"] or "hours"
            calendar = None
            if unit in clock_rules.WORKING_UNITS:
                calendar = clock._working_calendar(self, paused_since, calendars)
            resumed_at = max(min(stop or called_off or now, now), paused_since)
            deadline = clock_rules.resumed_deadline(
                paused_since, resumed_at, deadline, unit, calendar
            )
            paused_since = False
        elif pause and not paused_since:
            paused_since = now
        values.update(
            stop_date=stop or called_off or False,
            deadline=deadline,
            paused_since=paused_since or False,
            state=clock_rules.state(
                start,
                stop or None,
                deadline,
                now,
                paused_since or None,
                called_off or None,
            ),
            responsible_user_id=self._aftersales_clock_responsible(clock).id,
        )
        return values

    def _aftersales_clocks_all_met(self):
        """Every clock of the record ran and was met (none pending, running,
        paused or breached; a run called off counts for nothing): what
        "handled in time" counts."""
        self.ensure_one()
        runs = self.clock_ids.filtered(lambda c: c.state != clock_rules.CANCELLED)
        return bool(runs) and all(c.state == "met" for c in runs)
