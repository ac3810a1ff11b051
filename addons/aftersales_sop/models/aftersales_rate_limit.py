# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import hashlib
import hmac
from datetime import timedelta

from psycopg2.extensions import ISOLATION_LEVEL_READ_COMMITTED

from odoo import api, fields, models
from odoo.tools import SQL

from ..rules import rate_limit as rules


class AftersalesRateLimit(models.Model):
    """How many look-ups an address made in a window, per kind of look-up
    (``scope``): what limits a public page that anyone may call (SPEC §12).

    The counts live in the database, not in a server worker's memory: every
    worker of every server counts into the same rows, with one atomic
    ``INSERT ... ON CONFLICT DO UPDATE`` per look-up, in READ COMMITTED: two
    workers counting the same address at once wait for each other and both
    counts land. Each look-up is counted in a transaction of its own,
    committed at once: the count stays whatever the page does afterwards (an
    error rolls the page back, not the count), and the row is locked for one
    statement only. Addresses are kept as keyed
    hashes (HMAC with the database secret), never in clear; windows older than
    a day are deleted by a cron.
    """

    _name = "aftersales.rate.limit"
    _description = "Look-ups per Address"
    _log_access = False
    _order = "window_start desc"

    scope = fields.Char(required=True, readonly=True, help="The kind of look-up.")
    key = fields.Char(
        required=True, readonly=True, help="A keyed hash of the caller's address."
    )
    window_start = fields.Datetime(required=True, readonly=True, index=True)
    hits = fields.Integer(readonly=True, help="Look-ups in the window.")

    _sql_constraints = [
        (
            "scope_key_window_uniq",
            "UNIQUE(scope, key, window_start)",
            "An address is counted once per window and kind of look-up.",
        ),
    ]

    @api.model
    def _aftersales_key(self, scope, address):
        # sudo: the database secret keys the hash; nobody reads it from here
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret")
        message = f"{scope}:{address or '-'}".encode()
        return hmac.new((secret or "").encode(), message, hashlib.sha256).hexdigest()

    @api.model
    def _aftersales_hit(self, scope, address, limit, seconds=60):
        """Count a look-up of ``address`` for ``scope``; ``(allowed, retry
        after seconds)``. With ``limit`` <= 0 nothing is counted."""
        if limit <= 0:
            return True, 0
        now = fields.Datetime.now()
        start = rules.window_start(now, seconds)
        key = self._aftersales_key(scope, address)
        query = SQL(
            "INSERT INTO aftersales_rate_limit (scope, key, window_start, hits) "
            "VALUES (%s, %s, %s, 1) "
            "ON CONFLICT (scope, key, window_start) "
            "DO UPDATE SET hits = aftersales_rate_limit.hits + 1 "
            "RETURNING hits",
            scope,
            key,
            start,
        )
        # a transaction of its own, committed when the block ends
        with self.env.registry.cursor() as cr:
            if not self.env.registry.in_test_mode():
                # read committed: counts of one address made at the same moment
                # by several workers wait for each other and add up (under
                # Odoo's repeatable read, all but the first would fail)
                cr.connection.set_isolation_level(ISOLATION_LEVEL_READ_COMMITTED)
            cr.execute(query)
            hits = cr.fetchone()[0]
        if rules.allowed(hits, limit):
            return True, 0
        return False, rules.retry_after(now, seconds)

    @api.model
    def _aftersales_hits(self, scope, address, seconds=60):
        """The look-ups of ``address`` for ``scope`` in the current window."""
        start = rules.window_start(fields.Datetime.now(), seconds)
        # sudo: the counts are nobody's to read but the code's
        row = self.sudo().search(
            [
                ("scope", "=", scope),
                ("key", "=", self._aftersales_key(scope, address)),
                ("window_start", "=", start),
            ],
            limit=1,
        )
        return row.hits

    @api.model
    def _cron_purge(self, days=1):
        """Forget the windows older than ``days``."""
        before = fields.Datetime.now() - timedelta(days=days)
        self.env.cr.execute(
            SQL("DELETE FROM aftersales_rate_limit WHERE window_start < %s", before)
        )
        return self.env.cr.rowcount
