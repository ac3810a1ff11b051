# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Shared fixtures of the aftersales_sop tests: data only, no test methods."""

from odoo import Command

from odoo.addons.base.tests.common import BaseCommon


class AftersalesCommon(BaseCommon):
    @classmethod
    def _create_calendar(
        cls, name="Mon-Fri 08:00-17:00, lunch 12-13, Beijing", tz="Asia/Shanghai"
    ):
        """A Monday-to-Friday calendar with a lunch break, in ``tz``."""
        attendances = []
        for day in range(5):
            attendances += [
                Command.create(
                    {
                        "name": f"Day {day} morning",
                        "dayofweek": str(day),
                        "hour_from": 8,
                        "hour_to": 12,
                        "day_period": "morning",
                    }
                ),
                Command.create(
                    {
                        "name": f"Day {day} lunch",
                        "dayofweek": str(day),
                        "hour_from": 12,
                        "hour_to": 13,
                        "day_period": "lunch",
                    }
                ),
                Command.create(
                    {
                        "name": f"Day {day} afternoon",
                        "dayofweek": str(day),
                        "hour_from": 13,
                        "hour_to": 17,
                        "day_period": "afternoon",
                    }
                ),
            ]
        return cls.env["resource.calendar"].create(
            {
                "name": name,
                "tz": tz,
                "attendance_ids": [Command.clear()] + attendances,
                "global_leave_ids": [Command.clear()],
            }
        )

    @classmethod
    def _create_holiday(cls, calendar, date_from, date_to, name="Public holiday"):
        return cls.env["resource.calendar.leaves"].create(
            {
                "name": name,
                "calendar_id": calendar.id,
                "date_from": date_from,
                "date_to": date_to,
                "time_type": "leave",
            }
        )
