# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A spare part a service request needs (SPEC §6): what, how many, covered or
charged, the customer's consent, and where it stands in stock.

The stock side is Odoo's own: the line's stock moves (see
``aftersales_part_line_stock.py``) reserve, issue, consume and return the part;
the quantities and the state below are read from them.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..rules import parts as rules
from .product_spare_part import SPARE_PART_DOMAIN

LINE_STATES = [
    (rules.WAITING, "Waiting for Stock"),
    (rules.RESERVED, "Reserved"),
    (rules.ISSUED, "Issued"),
    (rules.DONE, "Done"),
    (rules.RELEASED, "Released"),
]


class AftersalesPartLine(models.Model):
    _name = "aftersales.part.line"
    _description = "Spare Part of a Service Request"
    _inherit = ["aftersales.part.consent.mixin"]
    _order = "ticket_id desc, sequence, id"
    _check_company_auto = True
    _rec_names_search = ["ticket_id.number", "product_id.default_code"]

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Service Request",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        related="ticket_id.company_id", store=True, index=True, precompute=True
    )
    partner_id = fields.Many2one(related="ticket_id.partner_id", string="Customer")
    unit_product_tmpl_id = fields.Many2one(
        related="ticket_id.product_id.product_tmpl_id", string="Unit Model"
    )
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one(
        "product.product",
        string="Part",
        required=True,
        index=True,
        check_company=True,
        domain=SPARE_PART_DOMAIN,
        help="Only original spare parts; those that fit the unit's model are offered.",
    )
    product_tracking = fields.Selection(related="product_id.tracking")
    product_uom = fields.Many2one(related="product_id.uom_id", string="Unit")
    product_uom_qty = fields.Float(
        string="Quantity",
        default=1.0,
        required=True,
        digits="Product Unit of Measure",
    )
    warehouse_id = fields.Many2one(
        "stock.warehouse",
        required=True,
        check_company=True,
        default=lambda self: self._default_warehouse(),
        help="The warehouse that reserves and issues the part.",
    )
    engineer_id = fields.Many2one(
        "aftersales.engineer",
        string="Issue To",
        index="btree_not_null",
        check_company=True,
        help="The engineer who takes the part: to his van location when he has "
        "one. The request's engineer by default.",
    )
    # -- stock ----------------------------------------------------------------------
    move_ids = fields.One2many(
        "stock.move",
        "aftersales_part_line_id",
        string="Stock Moves",
        groups="stock.group_stock_user",
    )
    state = fields.Selection(
        LINE_STATES,
        compute="_compute_quantities",
        store=True,
        index=True,
        string="Status",
    )
    qty_pending = fields.Float(
        string="To Issue",
        compute="_compute_quantities",
        store=True,
        digits="Product Unit of Measure",
        help="Requested and not issued yet (reserved or waiting).",
    )
    qty_reserved = fields.Float(
        string="Reserved",
        compute="_compute_quantities",
        store=True,
        digits="Product Unit of Measure",
        help="Reserved in the warehouse for this request, not issued yet.",
    )
    qty_waiting = fields.Float(
        string="Missing",
        compute="_compute_quantities",
        store=True,
        digits="Product Unit of Measure",
        help="Requested and not in stock: waits for a receipt.",
    )
    qty_issued = fields.Float(
        string="Issued",
        compute="_compute_quantities",
        store=True,
        digits="Product Unit of Measure",
    )
    qty_consumed = fields.Float(
        string="Consumed",
        compute="_compute_quantities",
        store=True,
        digits="Product Unit of Measure",
        help="Used and gone into the customer's unit.",
    )
    qty_returning = fields.Float(
        string="Coming Back",
        compute="_compute_quantities",
        store=True,
        digits="Product Unit of Measure",
    )
    qty_returned = fields.Float(
        string="Returned",
        compute="_compute_quantities",
        store=True,
        digits="Product Unit of Measure",
    )
    quantity_used = fields.Float(
        string="Used",
        digits="Product Unit of Measure",
        copy=False,
        help="How many the engineer used: all the issued ones unless he says "
        "fewer. Used parts are consumed when the visit or the repair is done, "
        "the others come back to stock.",
    )
    reserved_date = fields.Datetime(
        string="Reserved On",
        compute="_compute_quantities",
        store=True,
        help="When the oldest reservation still held was made.",
    )
    reservation_age = fields.Integer(
        string="Age (days)",
        compute="_compute_reservation_age",
        help="Days since the part was reserved.",
    )
    qty_available = fields.Float(
        string="Available",
        compute="_compute_availability",
        compute_sudo=True,
        digits="Product Unit of Measure",
        help="Free to reserve in the warehouse now (on hand, not reserved).",
    )
    expected_date = fields.Datetime(
        string="Expected",
        compute="_compute_expected_date",
        compute_sudo=True,
        help="When the missing quantity is expected, from the receipts planned "
        "in the warehouse.",
    )
    lot_names = fields.Char(
        string="Serial Numbers",
        compute="_compute_lot_names",
        compute_sudo=True,
        help="Serial or lot numbers issued for this line (the used ones once "
        "they are consumed).",
    )

    _sql_constraints = [
        (
            "quantity_positive",
            "CHECK(product_uom_qty > 0)",
            "The quantity of a spare part must be positive.",
        ),
    ]

    # ---------------------------------------------------------------------------
    # defaults and computes
    # ---------------------------------------------------------------------------

    @api.model
    def _default_warehouse(self):
        company = self.env.company
        ticket_id = self.env.context.get("default_ticket_id")
        if ticket_id:
            company = self.env["helpdesk.ticket"].browse(ticket_id).company_id
        return self.env["stock.warehouse"].search(
            [("company_id", "=", company.id)], limit=1
        )

    def _aftersales_quantities(self):
        """The line's quantities, read from its stock moves (rules layer)."""
        self.ensure_one()
        totals = dict.fromkeys(
            ("pending", "reserved", "issued", "consumed", "returning", "returned"),
            0.0,
        )
        for move in self.sudo().move_ids:
            kind, state = move.aftersales_part_move, move.state
            if state == "cancel":
                continue
            if kind == "issue":
                if state == "done":
                    totals["issued"] += move.quantity
                else:
                    totals["pending"] += move.product_uom_qty
                    totals["reserved"] += move.quantity
            elif kind == "consume" and state == "done":
                totals["consumed"] += move.quantity
            elif kind == "return":
                key = "returned" if state == "done" else "returning"
                totals[key] += (
                    move.quantity if state == "done" else move.product_uom_qty
                )
        return rules.PartQuantities(used=self.quantity_used, **totals)

    @api.depends(
        "move_ids.state",
        "move_ids.quantity",
        "move_ids.product_uom_qty",
        "move_ids.aftersales_reserved_date",
    )
    def _compute_quantities(self):
        for line in self:
            q = line._aftersales_quantities()
            line.update(
                {
                    "state": rules.line_state(q),
                    "qty_pending": q.pending,
                    "qty_reserved": q.reserved,
                    "qty_waiting": max(q.pending - q.reserved, 0.0),
                    "qty_issued": q.issued,
                    "qty_consumed": q.consumed,
                    "qty_returning": q.returning,
                    "qty_returned": q.returned,
                }
            )
            held = line.sudo().move_ids.filtered(
                lambda m: (
                    m.aftersales_part_move == "issue"
                    and m.state in ("assigned", "partially_available")
                    and m.aftersales_reserved_date
                )
            )
            line.reserved_date = min(
                held.mapped("aftersales_reserved_date"), default=False
            )

    @api.depends("reserved_date")
    def _compute_reservation_age(self):
        now = fields.Datetime.now()
        for line in self:
            line.reservation_age = (
                (now - line.reserved_date).days if line.reserved_date else 0
            )

    @api.depends("product_id", "warehouse_id", "qty_waiting")
    def _compute_availability(self):
        for line in self:
            product = line.product_id.with_context(warehouse_id=line.warehouse_id.id)
            line.qty_available = product.free_qty if line.product_id else 0.0

    @api.depends("product_id", "warehouse_id", "qty_waiting")
    def _compute_expected_date(self):
        incoming = self._aftersales_incoming_dates()
        for line in self:
            line.expected_date = (
                incoming.get((line.product_id, line.warehouse_id), False)
                if line.qty_waiting
                else False
            )

    def _aftersales_incoming_dates(self):
        """{(part, warehouse): the date of the first receipt planned into the
        warehouse} for the parts that wait for stock."""
        waiting = self.filtered("qty_waiting")
        if not waiting:
            return {}
        moves = self.env["stock.move"].search(
            [
                ("product_id", "in", waiting.product_id.ids),
                (
                    "state",
                    "in",
                    ("waiting", "confirmed", "partially_available", "assigned"),
                ),
                ("location_id.usage", "not in", ("internal", "transit")),
                (
                    "location_dest_id",
                    "child_of",
                    waiting.warehouse_id.view_location_id.ids,
                ),
            ],
            order="date",
        )
        dates = {}
        for move in moves:
            key = (move.product_id, move.location_dest_id.warehouse_id)
            dates.setdefault(key, move.date)
        return dates

    @api.depends("move_ids.move_line_ids.lot_id", "move_ids.state")
    def _compute_lot_names(self):
        for line in self:
            moves = line.move_ids.filtered(
                lambda m: m.state == "done" and m.aftersales_part_move == "consume"
            ) or line.move_ids.filtered(
                lambda m: m.state != "cancel" and m.aftersales_part_move == "issue"
            )
            line.lot_names = ", ".join(moves.move_line_ids.lot_id.mapped("name"))

    # ---------------------------------------------------------------------------
    # constraints, CRUD
    # ---------------------------------------------------------------------------

    @api.constrains("product_id")
    def _check_original_part(self):
        for line in self:
            problem = line.product_id._aftersales_spare_part_problem(
                line.unit_product_tmpl_id
            )
            if problem:
                raise ValidationError(problem)

    @api.constrains("quantity_used")
    def _check_quantity_used(self):
        messages = {
            "negative": self.env._("The used quantity cannot be negative."),
            "more_than_issued": self.env._(
                "%(part)s: %(used)s used, but only %(issued)s were issued to the "
                "engineer and kept."
            ),
            "less_than_consumed": self.env._(
                "%(part)s: %(consumed)s are already consumed; the used quantity "
                "cannot be lower."
            ),
        }
        for line in self:
            q = line._aftersales_quantities()
            problem = rules.used_problem(q)
            if problem:
                raise ValidationError(
                    messages[problem]
                    % {
                        "part": line.product_id.display_name,
                        "used": q.used,
                        "issued": q.max_used,
                        "consumed": q.consumed,
                    }
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            ticket = self.env["helpdesk.ticket"].browse(vals.get("ticket_id"))
            if ticket.closed:
                raise UserError(
                    self.env._(
                        "%(ticket)s is closed: it needs no more parts.",
                        ticket=ticket.display_name,
                    )
                )
            if "engineer_id" not in vals and ticket.engineer_id:
                vals["engineer_id"] = ticket.engineer_id.id
        lines = super().create(vals_list)
        lines._aftersales_request()
        lines._aftersales_sync_quote()
        return lines

    def write(self, vals):
        if {"product_id", "warehouse_id"} & set(vals) and any(
            line.move_ids for line in self.sudo()
        ):
            raise UserError(
                self.env._(
                    "The part and the warehouse of a requested part do not "
                    "change: remove the line and request the right part."
                )
            )
        result = super().write(vals)
        if "product_uom_qty" in vals:
            self._aftersales_update_demand()
        if "engineer_id" in vals:
            self._aftersales_sync_destination()
        if {"product_uom_qty", "warranty_covered", "exclusion_id"} & set(vals):
            self._aftersales_sync_quote()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued(self):
        for line in self:
            if line.qty_issued or line.qty_consumed:
                raise UserError(
                    self.env._(
                        "%(part)s was issued to the engineer for %(ticket)s: it "
                        "stays on the request (return it instead).",
                        part=line.product_id.display_name,
                        ticket=line.ticket_id.display_name,
                    )
                )

    def unlink(self):
        # the reservations go with the line, and its line on a quotation
        self._aftersales_release()
        self.sudo().sale_line_id.filtered(
            lambda sol: sol.order_id.state in ("draft", "sent")
        ).unlink()
        return super().unlink()

    @api.depends("ticket_id", "product_id")
    def _compute_display_name(self):
        for line in self:
            # sudo: the warehouse names the request without reading it
            number = line.sudo().ticket_id.number
            line.display_name = " - ".join(
                name for name in (number, line.product_id.display_name) if name
            )
