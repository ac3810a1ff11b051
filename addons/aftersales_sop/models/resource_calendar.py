# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields, models

from ..rules import clocks as clock_rules
from ..rules.working_time import Attendance, WorkingCalendar


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    def _aftersales_working_calendar(self, since=None):
        """The rules-layer :class:`WorkingCalendar` of this Odoo calendar.

        Attendances are the calendar's own working lines (not lunch breaks, not
        section lines, not a resource's personal lines); holidays are the global
        time-off records of the calendar (or of every calendar) of its company.
        With ``since`` (a naive UTC datetime), holidays that ended more than a
        day before it are left out: they cannot matter to a later deadline.
        """
        self.ensure_one()
        attendances = [
            Attendance(
                weekday=int(line.dayofweek),
                hour_from=line.hour_from,
                hour_to=line.hour_to,
                week_type=int(line.week_type) if self.two_weeks_calendar else None,
                date_from=line.date_from or None,
                date_to=line.date_to or None,
            )
            for line in self.attendance_ids
            if not line.display_type
            and line.day_period != "lunch"
            and not line.resource_id
        ]
        leave_domain = [
            ("calendar_id", "in", [False, self.id]),
            ("resource_id", "=", False),
            ("time_type", "=", "leave"),
        ]
        if self.company_id:
            leave_domain.append(("company_id", "in", [False, self.company_id.id]))
        if since:
            leave_domain.append(("date_to", ">=", since - timedelta(days=1)))
        # sudo: deadlines are computed for whoever changes a request, portal customers
        # too, who cannot read time off; only public holidays (no resource) are read
        leaves = self.env["resource.calendar.leaves"].sudo().search(leave_domain)
        return WorkingCalendar(
            attendances,
            tz=self.tz or "UTC",
            holidays=[(leave.date_from, leave.date_to) for leave in leaves],
            hours_per_day=self.hours_per_day or None,
        )

    def _aftersales_add(self, start, amount, unit):
        """The moment ``amount`` ``unit`` after ``start`` (naive UTC in and out).

        ``unit`` is ``minutes``, ``hours`` or ``days`` (elapsed time, the
        calendar is not used) or ``working_hours`` / ``working_days`` (working
        time of this calendar, holidays excluded).
        """
        start = fields.Datetime.to_datetime(start)
        calendar = None
        if unit in clock_rules.WORKING_UNITS:
            self.ensure_one()
            calendar = self._aftersales_working_calendar(since=start)
        return clock_rules.deadline(start, amount, unit, calendar)

    def _aftersales_working_hours_between(self, start, end):
        """Working hours of this calendar between two naive UTC datetimes."""
        self.ensure_one()
        start = fields.Datetime.to_datetime(start)
        end = fields.Datetime.to_datetime(end)
        calendar = self._aftersales_working_calendar(since=min(start, end))
        return calendar.working_hours_between(start, end)
