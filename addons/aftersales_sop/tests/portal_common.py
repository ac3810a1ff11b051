# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Shared fixtures of the customer's-side tests: data only, no test methods.

The tests run on Monday 28 September 2026, 10:00 in Shanghai (02:00 UTC); the
customers read times in Shanghai. The slots a customer offers: Wednesday
morning (09:00-12:00), Friday afternoon (13:00-17:00) and Friday evening
(18:00-20:00)."""

import io
from datetime import datetime

from PIL import Image

from odoo import Command
from odoo.tests import new_test_user

from .common import AftersalesSopCommon

MONDAY_10 = "2026-09-28 02:00:00"
#: the slots, in UTC
WEDNESDAY_MORNING = (datetime(2026, 9, 30, 1, 0), datetime(2026, 9, 30, 4, 0))
FRIDAY_AFTERNOON = (datetime(2026, 10, 2, 5, 0), datetime(2026, 10, 2, 9, 0))
FRIDAY_EVENING = (datetime(2026, 10, 2, 10, 0), datetime(2026, 10, 2, 12, 0))
#: the dispatcher's proposal: Wednesday 10:00 in Shanghai, in the first slot
PROPOSED = datetime(2026, 9, 30, 2, 0)


def picture(fmt="PNG", size=(2, 2)):
    """The bytes of a small picture in ``fmt``."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, fmt)
    return buffer.getvalue()


PNG = picture()


class PortalCommon(AftersalesSopCommon):
    """Two customers with a portal account each (their own companies), in
    Shanghai."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.tz = "Asia/Shanghai"
        cls.company.aftersales_appointment_answer_hours = 24
        cls.customer_user = new_test_user(
            cls.env,
            login="as_portal_1",
            password="as_portal_1",
            groups="base.group_portal",
            partner_id=cls.customer.id,
        )
        cls.other_customer = cls.env["res.partner"].create(
            {
                "name": "Other Customer",
                "street": "2 Other Road",
                "city": "Shanghai-T",
                "phone": "+86 137 0000 0002",
                "email": "other@example.com",
                "tz": "Asia/Shanghai",
            }
        )
        cls.other_user = new_test_user(
            cls.env,
            login="as_portal_2",
            password="as_portal_2",
            groups="base.group_portal",
            partner_id=cls.other_customer.id,
        )

    @classmethod
    def _slot_commands(cls, *slots):
        return [
            Command.create({"date_start": start, "date_end": end})
            for start, end in (slots or (WEDNESDAY_MORNING, FRIDAY_AFTERNOON))
        ]

    @classmethod
    def _online_repair(cls, partner=None, slots=(), **vals):
        """A repair request of ``partner`` (the first customer) with the time
        slots he offered."""
        partner = partner or cls.customer
        return cls._create_repair(
            partner_id=partner.id,
            channel_id=cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web").id,
            slot_ids=cls._slot_commands(*slots),
            requested_service_date=(slots or (WEDNESDAY_MORNING,))[0][0],
            **vals,
        )

    def _dispatch(self, ticket, appointment=PROPOSED, engineer=None):
        return self.env["aftersales.dispatch.order"].create(
            {
                "ticket_id": ticket.id,
                "engineer_id": (engineer or self.zhang).id,
                "appointment_date": appointment,
            }
        )
