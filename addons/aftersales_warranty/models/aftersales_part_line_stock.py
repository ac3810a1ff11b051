# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The stock side of a request's spare parts, with Odoo's own stock moves:

- request: a confirmed move from the warehouse's stock to the engineer's van
  (or the Parts Issued location), in the warehouse's Spare Parts operation
  type, one transfer per request;
- reserve: ``_action_assign`` (by the warehouse manager, or at once when the
  company reserves automatically), one reservation of a part at a time;
- issue: the transfer validated, the part is with the engineer;
- consume: what he used goes to the customer when the visit or the repair is
  done; return: the rest comes back to stock (a transfer the warehouse
  validates on receipt);
- release: a reservation not issued is cancelled when the request is
  cancelled or closed, or when it is older than the company allows.
"""

from collections import defaultdict

from markupsafe import Markup

from odoo import Command, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_compare, float_is_zero

from odoo.addons.aftersales_sop.tools.chatter import post_note

PENDING = ("draft", "waiting", "confirmed", "partially_available", "assigned")


class AftersalesPartLine(models.Model):
    _inherit = "aftersales.part.line"

    # ---------------------------------------------------------------------------
    # helpers
    # ---------------------------------------------------------------------------

    def _aftersales_check_warehouse_manager(self):
        if not (self.env.su or self.env.user.has_group("stock.group_stock_manager")):
            raise AccessError(
                self.env._(
                    "Only a warehouse manager (Inventory: Administrator) reserves, "
                    "issues and returns spare parts."
                )
            )

    def _aftersales_issue_location(self):
        """Where the part goes when it is issued: the engineer's van, else the
        warehouse's Parts Issued location."""
        self.ensure_one()
        # sudo: engineers and agents read warehouses but may not create their parts
        # location and operation type, made once here when missing
        warehouse = self.warehouse_id.sudo()
        if not warehouse.aftersales_parts_location_id:
            warehouse._aftersales_create_parts_data()
        # sudo: the warehouse manager has no right on engineer profiles; only the van
        # location is read
        return (
            self.engineer_id.sudo().van_location_id
            or warehouse.aftersales_parts_location_id
        )

    def _aftersales_moves(self, kind, states=None):
        # sudo: engineers and agents cannot read stock moves; the line's own moves of
        # one kind are returned for the stock calls of the flow
        moves = self.sudo().move_ids.filtered(lambda m: m.aftersales_part_move == kind)
        if states:
            moves = moves.filtered(lambda m: m.state in states)
        return moves

    def _aftersales_move_vals(self, kind, quantity, source, destination):
        self.ensure_one()
        ticket = self.ticket_id
        return {
            "name": self.env._(
                "%(ticket)s: %(part)s",
                ticket=ticket.number or ticket.name,
                part=self.product_id.display_name,
            ),
            "origin": ticket.number,
            "product_id": self.product_id.id,
            "product_uom": self.product_id.uom_id.id,
            "product_uom_qty": quantity,
            "location_id": source.id,
            "location_dest_id": destination.id,
            "company_id": self.company_id.id,
            "partner_id": ticket.partner_id.id,
            "procure_method": "make_to_stock",
            "aftersales_part_line_id": self.id,
            "aftersales_part_move": kind,
        }

    def _aftersales_post(self, body_by_ticket):
        for ticket, lines in body_by_ticket.items():
            # sudo: engineers and warehouse staff write on requests they may
            # not follow
            post_note(ticket.sudo(), Markup("<br/>").join(lines))

    # ---------------------------------------------------------------------------
    # request and reservation
    # ---------------------------------------------------------------------------

    def _aftersales_request(self):
        """Ask the warehouse for the parts of new lines (a confirmed move each)."""
        vals_list = []
        # sudo: the engineer or agent asking for parts has no stock right; the flow
        # reads the lines' moves and warehouse to request them
        for line in self.sudo().filtered(
            lambda line: not line.move_ids.filtered(lambda m: m.state != "cancel")
        ):
            warehouse = line.warehouse_id
            picking_type = warehouse._aftersales_parts_type()
            vals = line._aftersales_move_vals(
                "issue",
                line.product_uom_qty,
                warehouse.lot_stock_id,
                line._aftersales_issue_location(),
            )
            vals.update(
                picking_type_id=picking_type.id,
                group_id=line.ticket_id._aftersales_parts_group().id,
                warehouse_id=warehouse.id,
            )
            vals_list.append(vals)
        if not vals_list:
            return self.env["stock.move"]
        # sudo: the issue moves of the new lines are created and confirmed for an
        # engineer or agent without stock rights; quantities come from the lines
        moves = self.env["stock.move"].sudo().create(vals_list)
        moves._action_confirm(merge=False)
        automatic = moves.filtered(lambda m: m.company_id.aftersales_parts_auto_reserve)
        if automatic:
            # Odoo reserves them again as soon as stock arrives
            automatic.write({"reservation_date": fields.Date.today()})
            deferred = automatic._aftersales_assign()
            (automatic - deferred).aftersales_part_line_id._aftersales_post_outcome()
        return moves

    def action_aftersales_reserve(self):
        """The warehouse manager reserves the parts in stock."""
        self._aftersales_check_warehouse_manager()
        moves = self._aftersales_moves(
            "issue", ("confirmed", "partially_available", "waiting")
        )
        if not moves:
            raise UserError(
                self.env._("Every requested part is already reserved or issued.")
            )
        deferred = moves._aftersales_assign()
        (moves - deferred).aftersales_part_line_id._aftersales_post_outcome()
        return True

    def _aftersales_post_outcome(self):
        """Tell the request what is reserved and what waits for stock."""
        notes = defaultdict(list)
        for line in self:
            if line.state == "reserved":
                notes[line.ticket_id].append(
                    self.env._("Reserved: %(part)s.", part=line._aftersales_part_list())
                )
            elif line.state == "waiting":
                expected = line.expected_date
                notes[line.ticket_id].append(
                    self.env._(
                        "Waiting for stock: %(part)s (%(reserved)s reserved, "
                        "%(missing)s missing, expected %(date)s).",
                        part=line._aftersales_part_list(),
                        reserved=line.qty_reserved,
                        missing=line.qty_waiting,
                        date=fields.Date.to_date(expected) if expected else "-",
                    )
                )
        self._aftersales_post(notes)

    def _aftersales_update_demand(self):
        """A new quantity before the issue: the pending move follows it."""
        # sudo: a new quantity asked by an engineer or agent changes the pending issue
        # move, which only stock users may write
        for line in self.sudo():
            if line.qty_issued or line.qty_consumed:
                raise UserError(
                    self.env._(
                        "%(part)s was issued already: its quantity does not change. "
                        "Request more with a new line.",
                        part=line.product_id.display_name,
                    )
                )
            moves = line._aftersales_moves("issue", PENDING)
            if not moves:
                continue
            moves[1:]._action_cancel()
            moves[:1].product_uom_qty = line.product_uom_qty
            moves[:1]._aftersales_assign()

    def _aftersales_sync_destination(self):
        """Parts not issued yet go to the van of the line's engineer."""
        # sudo: the job changing hands moves pending parts to the new engineer's van:
        # moves the engineer or dispatcher may not write
        for line in self.sudo():
            destination = line._aftersales_issue_location()
            moves = line._aftersales_moves("issue", PENDING).filtered(
                lambda m, destination=destination: m.location_dest_id != destination
            )
            if moves:
                moves.write({"location_dest_id": destination.id})
                moves.move_line_ids.write({"location_dest_id": destination.id})

    # ---------------------------------------------------------------------------
    # issue
    # ---------------------------------------------------------------------------

    def action_aftersales_issue(self):
        """The warehouse hands the reserved parts to the engineer."""
        self._aftersales_check_warehouse_manager()
        self._aftersales_sync_destination()
        moves = self._aftersales_moves("issue", ("partially_available", "assigned"))
        moves = moves.filtered(lambda m: m.quantity > 0)
        if not moves:
            raise UserError(
                self.env._(
                    "Nothing is reserved to issue: reserve the parts first (or "
                    "wait for the stock)."
                )
            )
        moves.picked = True
        moves._action_done()
        notes = defaultdict(list)
        for move in moves.filtered(lambda m: m.state == "done"):
            line = move.aftersales_part_line_id
            notes[line.ticket_id].append(
                self.env._(
                    "Issued to %(who)s (%(where)s): %(part)s %(qty)s %(uom)s.",
                    who=line.engineer_id.name or self.env._("the engineer"),
                    where=move.location_dest_id.display_name,
                    part=line.product_id.display_name,
                    qty=move.quantity,
                    uom=move.product_uom.name,
                )
            )
        self._aftersales_post(notes)
        return True

    # ---------------------------------------------------------------------------
    # consumption and return
    # ---------------------------------------------------------------------------

    def _aftersales_held_stock(self):
        """``[(location, lot, quantity)]`` the engineer holds for this line:
        what was issued, less what was consumed or sent back."""
        self.ensure_one()
        held = defaultdict(float)
        for ml in self._aftersales_moves("issue", ("done",)).move_line_ids:
            held[ml.location_dest_id, ml.lot_id] += ml.quantity
        for kind in ("consume", "return"):
            for ml in (
                self._aftersales_moves(kind)
                .filtered(lambda m: m.state != "cancel")
                .move_line_ids
            ):
                held[ml.location_id, ml.lot_id] -= ml.quantity
        rounding = self.product_id.uom_id.rounding
        return [
            (location, lot, quantity)
            for (location, lot), quantity in held.items()
            if float_compare(quantity, 0, precision_rounding=rounding) > 0
        ]

    def _aftersales_take(self, quantity, destination):
        """Values of the move lines that take ``quantity`` from what the
        engineer holds for this line."""
        self.ensure_one()
        rounding = self.product_id.uom_id.rounding
        values = []
        for location, lot, held in self._aftersales_held_stock():
            if float_is_zero(quantity, precision_rounding=rounding):
                break
            take = min(held, quantity)
            values.append(
                {
                    "product_id": self.product_id.id,
                    "product_uom_id": self.product_id.uom_id.id,
                    "quantity": take,
                    "location_id": location.id,
                    "location_dest_id": destination.id,
                    "lot_id": lot.id,
                    "company_id": self.company_id.id,
                }
            )
            quantity -= take
        return values

    def _aftersales_to_consume(self):
        """The lines with a used quantity not consumed yet."""
        return self.filtered(
            lambda line: (
                not float_is_zero(
                    line._aftersales_quantities().to_consume,
                    precision_rounding=line.product_uom.rounding,
                )
            )
        )

    def _aftersales_consume(self, visit=None):
        """The used parts go into the customer's unit (done at once), at the
        end of ``visit`` when it is given (its service report lists them)."""
        # sudo: the engineer's visit end or order close consumes his used parts: stock
        # moves from his van to the customer, which he cannot write
        moves = self.env["stock.move"].sudo()
        # sudo: the lines' moves, van and customer location are read for the engineer,
        # who has no stock right
        for line in self.sudo():
            quantity = line._aftersales_quantities().to_consume
            if float_is_zero(quantity, precision_rounding=line.product_uom.rounding):
                continue
            customer = (
                line.ticket_id.partner_id.property_stock_customer
                or self.env.ref("stock.stock_location_customers")
            )
            taken = line._aftersales_take(quantity, customer)
            if not taken:
                continue
            source = self.env["stock.location"].browse(taken[0]["location_id"])
            vals = line._aftersales_move_vals("consume", quantity, source, customer)
            # done at once, from what he holds (as Odoo scraps a product)
            vals.update(
                move_line_ids=[Command.create(ml) for ml in taken],
                picked=True,
                sale_line_id=line.sale_line_id.id,
                aftersales_visit_id=visit.id if visit else False,
            )
            moves |= moves.create(vals)
        moves._action_done()
        return moves

    def _aftersales_lots_to_consume(self):
        """The serial or lot numbers the next consumption of the line takes."""
        self.ensure_one()
        quantity = self._aftersales_quantities().to_consume
        taken = self._aftersales_take(quantity, self.warehouse_id.lot_stock_id)
        return self.env["stock.lot"].browse(
            [values["lot_id"] for values in taken if values["lot_id"]]
        )

    def action_aftersales_return(self):
        """The warehouse manager takes back what the engineer did not use."""
        self._aftersales_check_warehouse_manager()
        if not self._aftersales_return():
            raise UserError(self.env._("The engineer holds no unused part to return."))
        return True

    def _aftersales_return(self):
        """A return transfer of the unused parts, for the warehouse to
        validate when they arrive."""
        # sudo: the request's end or close (an engineer, a dispatcher) returns the
        # unused parts: return moves they cannot create, only for what the engineer
        # holds
        moves = self.env["stock.move"].sudo()
        taken_by_move = {}
        # sudo: the lines' moves, warehouse and the engineer's van are read for callers
        # without stock rights
        for line in self.sudo():
            quantity = line._aftersales_quantities().to_return
            if float_is_zero(quantity, precision_rounding=line.product_uom.rounding):
                continue
            stock = line.warehouse_id.lot_stock_id
            taken = line._aftersales_take(quantity, stock)
            if not taken:
                continue
            source = self.env["stock.location"].browse(taken[0]["location_id"])
            vals = line._aftersales_move_vals("return", quantity, source, stock)
            vals.update(
                picking_type_id=line.warehouse_id._aftersales_parts_type().id,
                group_id=line.ticket_id._aftersales_parts_group().id,
            )
            move = moves.create(vals)
            taken_by_move[move] = taken
            moves |= move
        moves._action_confirm(merge=False)
        # reserved in the van: exactly the parts (and serial numbers) he holds
        # sudo: reserves in the van exactly the parts and serial numbers the engineer
        # holds, for callers without stock rights
        self.env["stock.move.line"].sudo().create(
            [
                {**ml, "move_id": move.id, "picking_id": move.picking_id.id}
                for move, taken in taken_by_move.items()
                for ml in taken
            ]
        )
        if moves:
            notes = defaultdict(list)
            for move in moves:
                notes[move.aftersales_part_line_id.ticket_id].append(
                    self.env._(
                        "To return to stock: %(part)s %(qty)s %(uom)s (%(picking)s).",
                        part=move.product_id.display_name,
                        qty=move.product_uom_qty,
                        uom=move.product_uom.name,
                        picking=move.picking_id.name or "-",
                    )
                )
            self._aftersales_post(notes)
        return moves

    # ---------------------------------------------------------------------------
    # release
    # ---------------------------------------------------------------------------

    def _aftersales_release(self, reason=None):
        """Cancel what is not issued yet (the reservations are freed)."""
        moves = self._aftersales_moves("issue", PENDING)
        if not moves:
            return moves
        notes = defaultdict(list)
        why = f" ({reason})" if reason else ""
        for line in moves.aftersales_part_line_id:
            notes[line.ticket_id].append(
                self.env._(
                    "Released: %(part)s %(qty)s %(uom)s%(reason)s.",
                    part=line.product_id.display_name,
                    qty=line.qty_pending,
                    uom=line.product_uom.name,
                    reason=why,
                )
            )
        moves._action_cancel()
        moves.aftersales_part_line_id._aftersales_sync_quote()
        self._aftersales_post(notes)
        return moves

    def action_aftersales_release(self):
        self._aftersales_check_warehouse_manager()
        if not self._aftersales_release(
            self.env._("by %(user)s", user=self.env.user.name)
        ):
            raise UserError(
                self.env._("No part of these lines is waiting or reserved.")
            )
        return True

    def action_aftersales_request_again(self):
        """A released line asks the warehouse again."""
        lines = self.filtered(lambda line: line.state == "released")
        if not lines:
            raise UserError(self.env._("Only a released part is requested again."))
        for line in lines:
            if line.ticket_id.closed:
                raise UserError(
                    self.env._(
                        "%(ticket)s is closed: it needs no more parts.",
                        ticket=line.ticket_id.display_name,
                    )
                )
        lines._aftersales_request()
        lines._aftersales_sync_quote()
        return True

    def _cron_release_old_reservations(self):
        """Release reservations older than each company's limit (Settings)."""
        released = self.env["stock.move"]
        for company in self.env["res.company"].search(
            [("aftersales_parts_reservation_days", ">", 0)]
        ):
            days = company.aftersales_parts_reservation_days
            limit = fields.Datetime.subtract(fields.Datetime.now(), days=days)
            # the scheduled action runs as the superuser: no sudo() needed
            moves = self.env["stock.move"].search(
                [
                    ("company_id", "=", company.id),
                    ("aftersales_part_move", "=", "issue"),
                    ("state", "in", ("partially_available", "assigned")),
                    ("aftersales_reserved_date", "<", limit),
                ]
            )
            released |= moves.aftersales_part_line_id._aftersales_release(
                self.env._(
                    "reserved more than %(days)s days ago and not issued", days=days
                )
            )
        return released
