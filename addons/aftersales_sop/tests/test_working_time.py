# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The rules-layer working time agrees with Odoo's own resource.calendar."""

from datetime import datetime, timedelta

from odoo.tests import tagged

from ..rules.working_time import NoWorkingTimeError
from .common import AftersalesCommon


@tagged("post_install", "-at_install")
class TestWorkingTime(AftersalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls._create_calendar()
        cls.holiday = cls._create_national_day(cls.calendar)

    def _odoo_deadline(self, start, hours):
        return self.calendar.plan_hours(hours, start, compute_leaves=True)

    def test_deadlines_agree_with_plan_hours(self):
        # starts (naive UTC) around the holiday: before work, in the lunch break,
        # in the morning, at the end of the day, on the holiday, on a Saturday
        starts = [
            datetime(2026, 9, 29, 23, 0),  # Wed 07:00 Beijing, before opening
            datetime(2026, 9, 30, 4, 30),  # Wed 12:30, lunch break
            datetime(2026, 9, 30, 1, 15),  # Wed 09:15
            datetime(2026, 9, 30, 9, 0),  # Wed 17:00, closing time
            datetime(2026, 10, 1, 2, 0),  # Thu 10:00, on the holiday
            datetime(2026, 10, 3, 2, 0),  # Sat 10:00
        ]
        for start in starts:
            for hours in (0.5, 1, 3, 4, 8, 9, 17.25, 40):
                with self.subTest(start=start, hours=hours):
                    ours = self.calendar._aftersales_add(start, hours, "working_hours")
                    theirs = self._odoo_deadline(start, hours)
                    self.assertTrue(theirs)
                    self.assertAlmostEqual(
                        ours, theirs, delta=timedelta(seconds=1), msg="deadline differs"
                    )

    def test_working_time_between_agrees_with_odoo(self):
        moments = [
            datetime(2026, 9, 28, 0, 0),
            datetime(2026, 9, 30, 3, 20),
            datetime(2026, 10, 1, 5, 0),
            datetime(2026, 10, 2, 8, 59),
            datetime(2026, 10, 6, 1, 0),
        ]
        for start in moments:
            for end in moments:
                if end < start:
                    continue
                with self.subTest(start=start, end=end):
                    ours = self.calendar._aftersales_working_hours_between(start, end)
                    theirs = self.calendar.get_work_hours_count(
                        start, end, compute_leaves=True
                    )
                    self.assertAlmostEqual(ours, theirs, places=4)

    def test_holiday_is_skipped(self):
        # Wed 30 Sep 16:00 Beijing + 2 working hours: 1 h on Wednesday, Thursday
        # is the holiday, so the second hour ends Friday 09:00 Beijing (01:00 UTC)
        start = datetime(2026, 9, 30, 8, 0)
        deadline = self.calendar._aftersales_add(start, 2, "working_hours")
        self.assertEqual(deadline, datetime(2026, 10, 2, 1, 0))
        self.holiday.unlink()
        deadline = self.calendar._aftersales_add(start, 2, "working_hours")
        self.assertEqual(deadline, datetime(2026, 10, 1, 1, 0))

    def test_working_days_and_elapsed_units(self):
        start = datetime(2026, 9, 25, 2, 0)  # Friday 10:00 Beijing
        self.assertEqual(self.calendar.hours_per_day, 8)
        # one working day later: Monday 10:00 Beijing
        self.assertEqual(
            self.calendar._aftersales_add(start, 1, "working_days"),
            datetime(2026, 9, 28, 2, 0),
        )
        # elapsed units ignore the calendar
        self.assertEqual(
            self.calendar._aftersales_add(start, 30, "minutes"),
            start + timedelta(minutes=30),
        )
        self.assertEqual(
            self.calendar._aftersales_add(start, 24, "hours"), start + timedelta(days=1)
        )
        self.assertEqual(
            self.calendar._aftersales_add(start, 7, "days"), start + timedelta(days=7)
        )

    def test_team_calendar_fallback(self):
        team = self.env["helpdesk.ticket.team"].create({"name": "Repair centre"})
        self.assertEqual(
            team.resource_calendar_id, self.env.company.resource_calendar_id
        )
        team.resource_calendar_id = self.calendar
        self.assertEqual(team._get_working_calendar(), self.calendar)
        team.resource_calendar_id = False
        self.assertEqual(
            team._get_working_calendar(), self.env.company.resource_calendar_id
        )

    def test_calendar_without_hours(self):
        empty = self.env["resource.calendar"].create(
            {"name": "Flexible", "attendance_ids": [], "flexible_hours": True}
        )
        empty.attendance_ids.unlink()
        with self.assertRaises(NoWorkingTimeError):
            empty._aftersales_add(datetime(2026, 1, 5), 1, "working_hours")
