# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools

from ..rules import clocks as clock_rules


class HelpdeskTicket(models.Model):
    """The clock engine on the ticket: which events start and stop the service
    clocks (SPEC §3), and the sync that creates, runs, stops and breaches them
    whenever a ticket changes. The clock definitions are ``aftersales.clock``;
    the clocks of one ticket are ``aftersales.ticket.clock``."""

    _inherit = "helpdesk.ticket"

    # -- service clocks ------------------------------------------------------------
    clock_ids = fields.One2many(
        "aftersales.ticket.clock", "ticket_id", string="Service Clocks"
    )
    clock_breached = fields.Boolean(
        readonly=True,
        copy=False,
        index=True,
        help="One of the ticket's service clocks ran out.",
    )
    clock_deadline = fields.Datetime(
        string="Next Deadline",
        readonly=True,
        copy=False,
        help="The earliest deadline of the clocks still running.",
    )

    def _aftersales_clock_summary(self):
        """``clock_breached`` and ``clock_deadline`` as the clocks now stand."""
        self.ensure_one()
        running = [
            c.deadline for c in self.clock_ids if c.state == "running" and c.deadline
        ]
        return {
            "clock_breached": any(c.state == "breached" for c in self.clock_ids),
            "clock_deadline": min(running) if running else False,
        }

    @api.model
    def _aftersales_clock_events(self):
        """{event code: (label, ticket datetime field)}: what clocks start and stop on.

        Other modules add their events by extending this method.
        """
        return {
            "request_received": (self.env._("Request received"), "request_date"),
            "first_response": (
                self.env._("Customer first answered"),
                "first_response_date",
            ),
            "schedule_told": (
                self.env._("Customer told the scheduled time"),
                "schedule_told_date",
            ),
            "customer_contacted": (
                self.env._("Customer contacted"),
                "first_contact_date",
            ),
            "escalation_needed": (
                self.env._("Question found unanswerable"),
                "escalation_requested_date",
            ),
            "escalated": (self.env._("Handed to technical support"), "escalated_date"),
            "repair_registered": (
                self.env._("Repair request registered"),
                "repair_registered_date",
            ),
            "engineer_assigned": (self.env._("Engineer assigned"), "dispatch_date"),
            "assessment_recorded": (
                self.env._("Initial assessment recorded"),
                "assessment_date",
            ),
            "engineer_on_site": (self.env._("Engineer on site"), "onsite_date"),
            "repair_completed": (
                self.env._("Repair completed"),
                "repair_done_date",
            ),
            "resolved": (self.env._("Ticket closed"), "closed_date"),
        }

    @api.model
    @tools.ormcache()
    def _aftersales_clock_trigger_fields(self):
        """Ticket fields whose change may start, stop, pause or move a clock."""
        event_fields = {
            name for _label, name in self._aftersales_clock_events().values()
        }
        domain_fields = set()
        for *_ids, domain in self._aftersales_clock_specs():
            for leaf in domain:
                if isinstance(leaf, list | tuple) and leaf and isinstance(leaf[0], str):
                    domain_fields.add(leaf[0].split(".")[0])
        return frozenset(
            event_fields
            | domain_fields
            | {
                "stage_id",
                "team_id",
                "company_id",
                "service_zone_id",
                "dispatch_order_id",
                "inquiry_class",
                "urgency",
                "appointment_date",
            }
        )

    @tools.ormcache()
    def _aftersales_clock_specs(self):
        """The active clock definitions, as plain data read once per registry.

        ``(clock id, company id, start field, stop field, ticket domain)``;
        the cache is cleared whenever a clock definition changes.
        """
        events = self._aftersales_clock_events()
        specs = []
        for clock in (
            self.env["aftersales.clock"].sudo().search([("active", "=", True)])
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
                )
            )
        return tuple(specs)

    def _aftersales_engineer_from_other_zone(self):
        """The engineer comes from another zone than the service address."""
        self.ensure_one()
        engineer = self.dispatch_order_id.engineer_id
        return bool(
            engineer
            and self.service_zone_id
            and engineer.zone_id
            and engineer.zone_id != self.service_zone_id
        )

    def _aftersales_clock_responsible(self, clock):
        self.ensure_one()
        team = self.team_id
        candidates = {
            "dispatcher": team.dispatcher_id or team.user_id or self.user_id,
            "leader": team.user_id or self.user_id,
            "assignee": self.user_id or team.dispatcher_id or team.user_id,
        }
        return candidates.get(clock.responsible) or self.env["res.users"]

    def _aftersales_sync_clocks(self, new=False):
        """Create, start, pause, resume, stop and breach the tickets' clocks.

        A clock is created when its start event happens on a ticket it applies
        to; one that stops applying before it ended is removed. A met or
        breached clock keeps its verdict, whatever changes later, unless a
        manager's correction asks to re-judge it (context
        ``aftersales_rejudge_clocks``). ``new``: the tickets were just created,
        so they have no clock yet.
        """
        specs = self._aftersales_clock_specs()
        if not specs or not self:
            return
        Clock = self.env["aftersales.clock"].sudo()
        TicketClock = self.env["aftersales.ticket.clock"].sudo()
        now = fields.Datetime.now()
        calendars = {}
        rejudge = self.env.context.get("aftersales_rejudge_clocks")
        to_create, to_remove, changed = [], TicketClock, TicketClock
        for ticket in self.sudo():
            existing = {} if new else {c.clock_id.id: c for c in ticket.clock_ids}
            for clock_id, company_id, start_field, stop_field, domain in specs:
                instance = existing.get(clock_id)
                start = ticket[start_field]
                if not start and not instance:
                    continue  # not started: nothing to do, whatever the domain
                applies = (
                    not company_id or company_id == ticket.company_id.id
                ) and bool(ticket.filtered_domain(domain))
                if not (applies and start):
                    if not instance:
                        continue
                    judged = instance.state in ("met", "breached")
                    if not (judged and (not applies or not rejudge)):
                        to_remove |= instance  # a judged clock stays, as history
                    continue
                values = ticket._aftersales_clock_values(
                    Clock.browse(clock_id),
                    instance,
                    start,
                    ticket[stop_field],
                    now,
                    calendars,
                )
                if not instance:
                    to_create.append(
                        dict(values, ticket_id=ticket.id, clock_id=clock_id)
                    )
                    continue
                dirty = {
                    key: value
                    for key, value in values.items()
                    if (
                        instance[key].id
                        if key == "responsible_user_id"
                        else instance[key]
                    )
                    != value
                }
                if dirty:
                    instance.write(dirty)
                    changed |= instance
        touched = changed.ticket_id | to_remove.ticket_id
        if to_remove:
            to_remove.unlink()
        if to_create:
            created = TicketClock.create(to_create)
            changed |= created
            touched |= created.ticket_id
        for ticket in touched:
            summary = ticket._aftersales_clock_summary()
            if any(ticket[key] != value for key, value in summary.items()):
                ticket.write(summary)
        changed.filtered(lambda c: c.state == "breached")._notify_breach()

    def _aftersales_clock_values(self, clock, instance, start, stop, now, calendars):
        """The values of ``clock`` on this ticket at ``now`` (``instance``: its
        current record, if any)."""
        self.ensure_one()
        stop = max(stop, start) if stop else False
        if (
            instance
            and instance.state in ("met", "breached")
            and not self.env.context.get("aftersales_rejudge_clocks")
        ):
            # the verdict stands; a breached clock still records when it stopped
            if instance.state == "breached" and stop and not instance.stop_date:
                return {"stop_date": stop}
            return {}
        appointment = clock.use_appointment and self.appointment_date
        limit = None if appointment else clock._limit_for(self)
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
                deadline=clock._deadline(start, self, calendars, limit=limit),
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
            and self.stage_id.aftersales_pause_clocks
        )
        if paused_since and not pause:
            # resuming: give back the time that was left when it paused
            unit = terms["unit"] or "hours"
            calendar = None
            if unit in clock_rules.WORKING_UNITS:
                calendar = clock._working_calendar(self, paused_since, calendars)
            resumed_at = max(min(stop or now, now), paused_since)
            deadline = clock_rules.resumed_deadline(
                paused_since, resumed_at, deadline, unit, calendar
            )
            paused_since = False
        elif pause and not paused_since:
            paused_since = now
        values.update(
            stop_date=stop or False,
            deadline=deadline,
            paused_since=paused_since or False,
            state=clock_rules.state(
                start, stop or None, deadline, now, paused_since or None
            ),
            responsible_user_id=self._aftersales_clock_responsible(clock).id,
        )
        return values
