# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Stock moves of a request's spare parts, and their reservation: never two
requests on the last unit, never an error for the user.

Odoo reserves with ``_action_assign`` in the transaction of the request
(REPEATABLE READ). Two requests reserving the same part at the same moment
both read the quant as free; PostgreSQL lets the first update it and stops the
second with a serialization failure. For the moves of spare parts:

- a reservation that finds no free unit of the part (as its transaction sees
  the stock) has nothing to take: it neither locks nor waits, and the move
  keeps waiting for stock (the many requests that come after the last unit
  was taken do not queue behind each other);
- otherwise the reservation first locks the quants of the part (``FOR NO KEY
  UPDATE``, in the order of their ids): one reservation of a part at a time;
- when another transaction holds these quants (it is reserving the part), or
  reserved from them after this one began, the lock itself fails at once,
  before anything is reserved (this transaction's view of the stock is, or
  will be, out of date): the savepoint is rolled back, the move keeps
  waiting, and the reservation is made again right after this transaction
  commits, in a fresh transaction that reads committed data
  (READ COMMITTED, under the same locks). It reserves what is left or leaves
  the move waiting for stock, saves that at once (the lock is held no longer
  than the reservation), then says so on the request.

The quant is never reserved twice (the lock and PostgreSQL's own checks) and
no user sees a serialization error.
"""

import logging

import psycopg2.errors

from odoo import api, fields, models
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

CONCURRENCY_ERRORS = (
    psycopg2.errors.SerializationFailure,
    psycopg2.errors.DeadlockDetected,
    psycopg2.errors.LockNotAvailable,
)
TO_RESERVE = ("confirmed", "partially_available")


class StockMove(models.Model):
    _inherit = "stock.move"

    aftersales_part_line_id = fields.Many2one(
        "aftersales.part.line",
        string="Service Request Part",
        index="btree_not_null",
        ondelete="set null",
        check_company=True,
    )
    aftersales_part_move = fields.Selection(
        [("issue", "Issue"), ("consume", "Consumption"), ("return", "Return")],
        string="Spare Part Step",
        help="Issue to the engineer, consumption in the customer's unit, or "
        "return to stock.",
    )
    aftersales_visit_id = fields.Many2one(
        "aftersales.visit",
        string="Used on Visit",
        index="btree_not_null",
        readonly=True,
        copy=False,
        ondelete="set null",
        help="The engineer's visit at whose end the part was consumed.",
    )
    aftersales_reserved_date = fields.Datetime(
        string="Reserved On",
        copy=False,
        readonly=True,
        help="When the part was reserved for the request.",
    )

    def _prepare_merge_moves_distinct_fields(self):
        # two lines of one part are two reservations
        return super()._prepare_merge_moves_distinct_fields() + [
            "aftersales_part_line_id",
            "aftersales_part_move",
        ]

    def _get_new_picking_values(self):
        values = super()._get_new_picking_values()
        ticket = self.aftersales_part_line_id.ticket_id[:1]
        if ticket:
            values["helpdesk_ticket_id"] = ticket.id
        return values

    # ---------------------------------------------------------------------------
    # reservation
    # ---------------------------------------------------------------------------

    def _aftersales_part_moves(self):
        return self.filtered(
            lambda m: m.aftersales_part_line_id and m.aftersales_part_move == "issue"
        )

    def _action_assign(self, force_qty=False):
        parts = self._aftersales_part_moves()
        if not parts or self.env.context.get("aftersales_quants_locked"):
            result = super()._action_assign(force_qty=force_qty)
            parts._aftersales_stamp_reservation()
            return result
        result = super(StockMove, self - parts)._action_assign(force_qty=force_qty)
        parts._aftersales_assign(force_qty=force_qty)
        return result

    def _aftersales_assign(self, force_qty=False):
        """Reserve the moves under the lock of their quants.

        Returns the moves whose reservation waits for the end of this
        transaction (another one reserved the same part meanwhile).
        """
        moves = self.filtered(lambda m: m.state in TO_RESERVE)
        if not moves or (not force_qty and not moves._aftersales_free_stock()):
            # no free unit in this transaction's view of the stock: Odoo's
            # reservation would take nothing either, nothing to lock
            return self.browse()
        try:
            with self.env.cr.savepoint():
                moves._aftersales_lock_quants(wait=False)
                moves.with_context(aftersales_quants_locked=True)._action_assign(
                    force_qty=force_qty
                )
        except CONCURRENCY_ERRORS as error:
            _logger.info(
                "Spare parts %s: reserved by another transaction meanwhile (%s); "
                "reserving again after this one",
                moves.ids,
                error.pgcode,
            )
            moves._aftersales_assign_after_commit()
            return moves
        return self.browse()

    def _aftersales_quants_sql(self):
        """The quants the moves can reserve from: of their parts, in their
        source locations and below (archived ones too: a lock or a count too
        wide is harmless)."""
        self.env["stock.location"].flush_model(["parent_path"])
        return SQL(
            "stock_quant WHERE product_id IN %s AND location_id IN ("
            "SELECT child.id FROM stock_location child JOIN stock_location source "
            "ON child.parent_path LIKE source.parent_path || %s "
            "WHERE source.id IN %s)",
            tuple(self.product_id.ids),
            "%",
            tuple(self.location_id.ids),
        )

    def _aftersales_free_stock(self):
        """Whether the quants of the moves hold any unit that is not reserved,
        as this transaction sees them: every free unit of every quant counts,
        so this never says "none" where Odoo's reservation would find one."""
        self.env["stock.quant"].flush_model(["quantity", "reserved_quantity"])
        self.env.cr.execute(
            SQL(
                "SELECT COALESCE(SUM(GREATEST(quantity - reserved_quantity, 0)), 0) "
                "FROM %s",
                self._aftersales_quants_sql(),
            )
        )
        return self.env.cr.fetchone()[0] > 0

    def _aftersales_lock_quants(self, wait=True):
        """Lock the quants the moves can reserve, in a fixed order.

        Under REPEATABLE READ the lock fails at once when another transaction
        changed these quants after this one began: nothing is reserved on a
        stale quantity. Without ``wait`` it fails at once too when another
        transaction holds them (it is reserving the part: once it commits,
        this transaction's view is out of date anyway).
        """
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s ORDER BY id FOR NO KEY UPDATE%s",
                self._aftersales_quants_sql(),
                SQL("") if wait else SQL(" NOWAIT"),
            ),
            log_exceptions=False,
        )

    def _aftersales_assign_after_commit(self):
        """Reserve the moves in a transaction of their own once this one is
        committed (and its changes, the moves included, are visible)."""
        registry, uid = self.env.registry, self.env.uid
        context, move_ids = dict(self.env.context), self.ids

        def environment(cr):
            cr.transaction = api.Transaction(registry)
            return api.Environment(cr, uid, context)

        @self.env.cr.postcommit.add
        def reserve():
            try:
                with registry.cursor() as cr:
                    if not registry.in_test_mode():
                        # each statement reads what is committed when it runs:
                        # after waiting for the locks, the quants are current
                        cr.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED")
                    moves = environment(cr)["stock.move"].sudo().browse(move_ids)
                    moves = moves.exists().filtered(lambda m: m.state in TO_RESERVE)
                    # without a free unit there is nothing to lock or reserve
                    if moves and moves._aftersales_free_stock():
                        moves._aftersales_lock_quants()
                        moves.with_context(
                            aftersales_quants_locked=True
                        )._action_assign()
                if not moves:
                    return
                # the reservation is saved and its locks released: the note on
                # the request needs none
                with registry.cursor() as cr:
                    moves = environment(cr)["stock.move"].sudo().browse(moves.ids)
                    moves.aftersales_part_line_id._aftersales_post_outcome()
            except Exception:  # the moves stay waiting; the warehouse reserves them
                _logger.warning(
                    "Spare parts %s: the reservation after commit failed; they "
                    "keep waiting",
                    move_ids,
                    exc_info=True,
                )

    def _aftersales_stamp_reservation(self):
        """Record when a part move got its reservation (for its age)."""
        now = fields.Datetime.now()
        self.filtered(
            lambda m: (
                m.state in ("assigned", "partially_available")
                and not m.aftersales_reserved_date
            )
        ).aftersales_reserved_date = now
        self.filtered(
            lambda m: (
                m.state not in ("assigned", "partially_available")
                and m.aftersales_reserved_date
            )
        ).aftersales_reserved_date = False

    def _do_unreserve(self):
        result = super()._do_unreserve()
        self._aftersales_part_moves()._aftersales_stamp_reservation()
        return result

    # ---------------------------------------------------------------------------
    # issue
    # ---------------------------------------------------------------------------

    def _action_done(self, cancel_backorder=False):
        issuing = self._aftersales_part_moves().filtered(lambda m: m.state != "done")
        returning = self.filtered(
            lambda m: (
                m.aftersales_part_line_id
                and m.aftersales_part_move == "return"
                and m.state != "done"
            )
        )
        result = super()._action_done(cancel_backorder=cancel_backorder)
        # what is issued is used, unless the engineer says fewer
        for move in issuing.filtered(lambda m: m.state == "done"):
            line = move.aftersales_part_line_id.sudo()
            line.quantity_used += move.quantity
        issuing._aftersales_stamp_reservation()
        # what came back was not used
        for line in returning.filtered(
            lambda m: m.state == "done"
        ).aftersales_part_line_id:
            line = line.sudo()
            most = line._aftersales_quantities().max_used
            if line.quantity_used > most:
                line.quantity_used = max(most, line.qty_consumed)
        return result
