# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The facts stored on requests and dispatch orders for the monthly figures
(their clocks' verdicts, the repair a request repeats, the hours of its
visits): kept up to date as the records change, and the same when the
install fills them in SQL over existing records."""

from datetime import timedelta

from odoo.tests import freeze_time, tagged

from ..models import aftersales_dispatch_order_kpi_facts as order_facts
from ..models import helpdesk_ticket_kpi_facts as ticket_facts
from .truth_common import MONTH, NOW, SEP, KpiTruthCommon

TICKET_FACTS = list(ticket_facts.FACT_COLUMNS)
ORDER_FACTS = list(order_facts.FACT_COLUMNS)


@tagged("post_install", "-at_install")
class TestKpiFacts(KpiTruthCommon):
    def _facts(self, records, names):
        records.invalidate_recordset(names)
        return {record.id: tuple(record[name] for name in names) for record in records}

    def test_the_install_fills_what_the_orm_computes(self):
        tickets = self.env["helpdesk.ticket"].search(
            [("company_id", "=", self.company.id)]
        )
        orders = tickets.dispatch_order_ids
        self.assertTrue(tickets.filtered("kpi_repeat_of_id"))
        self.assertTrue(tickets.filtered("kpi_resolution_clock_id"))
        self.assertTrue(tickets.filtered("kpi_visit_hours"))
        self.assertGreater(len(orders.filtered("kpi_onsite_clock_id")), 3)
        expected = self._facts(tickets, TICKET_FACTS), self._facts(orders, ORDER_FACTS)
        self.env.flush_all()
        # as in a database where the addon is installed over existing requests
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET kpi_resolution_clock_id = NULL,"
            " kpi_resolution_state = NULL, kpi_resolution_deadline = NULL,"
            " kpi_repeat_of_id = NULL, kpi_repeat_engineer_id = NULL,"
            " kpi_visit_hours = NULL WHERE company_id = %s",
            [self.company.id],
        )
        self.env.cr.execute(
            "UPDATE aftersales_dispatch_order SET kpi_onsite_clock_id = NULL,"
            " kpi_onsite_state = NULL, kpi_onsite_deadline = NULL"
            " WHERE company_id = %s",
            [self.company.id],
        )
        self.assertFalse(self._facts(tickets, TICKET_FACTS) == expected[0])
        ticket_facts.fill_facts(self.env.cr)
        order_facts.fill_facts(self.env.cr)
        self.assertEqual(self._facts(tickets, TICKET_FACTS), expected[0])
        self.assertEqual(self._facts(orders, ORDER_FACTS), expected[1])

    def test_the_repeat_is_the_earlier_repair_of_the_unit(self):
        # R4 repeats R1's unit and fault: it counts for Zhang, who did R1,
        # although Liu has R4
        self.assertEqual(self.r4.kpi_repeat_of_id, self.r1)
        self.assertEqual(self.r4.kpi_repeat_engineer_id, self.zhang)
        self.assertEqual(self.r4.engineer_id, self.liu)
        # reclassified as another fault: no repeat any more; back: again
        self.r4.fault_type = "software"
        self.assertFalse(self.r4.kpi_repeat_of_id)
        self.assertFalse(self.r4.kpi_repeat_engineer_id)
        self.r4.fault_type = self.r1.fault_type
        self.assertEqual(self.r4.kpi_repeat_of_id, self.r1)
        # R1 itself repeats nothing, and a consultation is no repeat
        self.assertFalse(self.r1.kpi_repeat_of_id)

    def test_a_repeat_stays_one_when_the_earlier_repair_is_reopened(self):
        def zhang_repeats():
            totals = self.env["aftersales.kpi.figures"]._aftersales_totals(
                self.company, MONTH, now=NOW
            )
            return totals[("engineer", self.zhang.id)]["repeat_rate"][0]

        before = zhang_repeats()
        self.assertGreaterEqual(before, 1)
        # a follow-up finds R1's problem persists: its repair is reopened
        with freeze_time(NOW):
            reopened = self.r1._aftersales_reopen_repair()
        self.assertEqual(reopened, self.r1)
        self.assertNotEqual(self.r1.repair_state, "done")
        # R4 was received within the window after R1's completion: it stays
        # a repeat of R1, counted for Zhang
        self.assertEqual(self.r4.kpi_repeat_of_id, self.r1)
        self.assertEqual(self.r4.kpi_repeat_engineer_id, self.zhang)
        self.assertEqual(zhang_repeats(), before)

    def test_the_clocks_verdicts_follow_the_clocks(self):
        clock = self.r7.kpi_resolution_clock_id
        self.assertEqual(clock.code, "resolution")
        self.assertEqual(self.r7.kpi_resolution_state, clock.state)
        self.assertEqual(self.r7.kpi_resolution_deadline, clock.deadline)
        # R7's on-site limit passed with nobody on site: the breach check
        # records the verdict, and the order's stored state follows
        onsite = self.order7.kpi_onsite_clock_id
        self.assertEqual(onsite.code, "onsite")
        self.assertEqual(onsite.dispatch_order_id, self.order7)
        with freeze_time(onsite.deadline + timedelta(hours=1)):
            self.env["aftersales.clock.run"]._cron_check_breaches()
        self.assertEqual(onsite.state, "breached")
        self.assertEqual(self.order7.kpi_onsite_state, "breached")
        self.assertEqual(self.order7.kpi_onsite_deadline, onsite.deadline)
        # a second dispatch of the same request is judged by its own clock
        self.assertEqual(self.order3.kpi_onsite_clock_id.dispatch_order_id, self.order3)
        cancelled = self.r3.dispatch_order_ids - self.order3
        self.assertEqual(len(cancelled), 1)
        self.assertNotEqual(
            cancelled.kpi_onsite_clock_id, self.order3.kpi_onsite_clock_id
        )
        self.assertEqual(cancelled.kpi_onsite_state, "cancelled")

    def test_visit_hours_count_ended_visits(self):
        # R1: 2 h of work at its one visit
        self.assertEqual(self.r1.kpi_visit_hours, 2.0)
        # R3's second dispatch has no ended visit yet
        self.assertEqual(self.r3.kpi_visit_hours, 0.0)
        with freeze_time(SEP[29]):
            self.r1.visit_ids[:1].work_hours = 3.5
        self.assertEqual(self.r1.kpi_visit_hours, 3.5)
