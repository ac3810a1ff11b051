# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Look-ups counted by several server workers at the same moment (SPEC §12:
look-ups are limited per address): each worker in its own transaction, all
begun before any of them counts, as the workers of a server are. The counts
are in the database: every look-up is counted, and no more than the limit
are allowed, whichever worker served them.

The counts are committed (that is the point) and removed afterwards."""

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.tests.common import BaseCase, get_db_name, tagged

WORKERS = 8
LIMIT = 5


@tagged("post_install", "-at_install")
class TestRateLimitWorkers(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())
        cls.scope = f"test-{uuid.uuid4().hex}"
        cls.addClassCleanup(cls._remove_counts)

    @classmethod
    def _remove_counts(cls):
        with cls.registry.cursor() as cr:
            cr.execute(
                "DELETE FROM aftersales_rate_limit WHERE scope = %s", [cls.scope]
            )

    def test_workers_share_one_count(self):
        started = threading.Barrier(WORKERS)

        def look_up(_number):
            with self.registry.cursor() as cr:
                # the registry as it is (the test runner holds its lock)
                cr.transaction = api.Transaction(self.registry)
                env = api.Environment(cr, SUPERUSER_ID, {})
                cr.execute("SELECT 1")  # the worker's transaction has begun
                started.wait(timeout=20)
                # an hour's window: the test never straddles two of them
                return env["aftersales.rate.limit"]._aftersales_hit(
                    self.scope, "203.0.113.7", LIMIT, seconds=3600
                )

        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            results = list(pool.map(look_up, range(WORKERS)))
        allowed = [ok for ok, _retry in results]
        self.assertEqual(allowed.count(True), LIMIT)
        self.assertEqual(allowed.count(False), WORKERS - LIMIT)
        self.assertTrue(all(retry > 0 for ok, retry in results if not ok))
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            Limit = env["aftersales.rate.limit"]
            self.assertEqual(
                Limit._aftersales_hits(self.scope, "203.0.113.7", seconds=3600),
                WORKERS,
            )
            # another address has its own count; the address is not stored
            self.assertEqual(
                Limit._aftersales_hits(self.scope, "203.0.113.8", seconds=3600), 0
            )
            cr.execute(
                "SELECT count(*) FROM aftersales_rate_limit WHERE key LIKE %s",
                ["%203.0.113%"],
            )
            self.assertEqual(cr.fetchone()[0], 0)
