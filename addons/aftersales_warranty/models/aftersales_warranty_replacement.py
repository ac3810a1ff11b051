# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .res_company import REPLACEMENT_RULES

STATES = [
    ("draft", "Application"),
    ("review", "Review"),
    ("approved", "Approved"),
    ("shipped", "New Unit Shipped"),
    ("returned", "Old Unit Returned"),
    ("done", "Checked"),
    ("rejected", "Rejected"),
    ("cancel", "Cancelled"),
]
CHECK_RESULTS = [
    ("fault_confirmed", "Fault Confirmed"),
    ("no_fault", "No Fault Found"),
]


class AftersalesWarrantyReplacement(models.Model):
    """更换: application, review, new unit shipped, old unit returned and checked."""

    _name = "aftersales.warranty.replacement"
    _description = "Unit Replacement"
    _inherit = ["aftersales.sequence.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True

    _aftersales_sequence_code = "aftersales.warranty.replacement"

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        STATES, default="draft", required=True, tracking=True, copy=False, index=True
    )
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Service Request",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
    )
    registration_id = fields.Many2one(
        "aftersales.warranty.registration",
        compute="_compute_registration_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        check_company=True,
        tracking=True,
    )
    partner_id = fields.Many2one(
        related="registration_id.partner_id", store=True, string="Customer"
    )
    old_product_id = fields.Many2one(
        "product.product",
        string="Replaced Product",
        compute="_compute_old_unit",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
    )
    old_lot_id = fields.Many2one(
        "stock.lot",
        string="Replaced Serial Number",
        compute="_compute_old_unit",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
    )
    new_product_id = fields.Many2one(
        "product.product",
        compute="_compute_new_product_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        tracking=True,
    )
    new_lot_id = fields.Many2one(
        "stock.lot",
        string="New Serial Number",
        check_company=True,
        tracking=True,
        domain="[('product_id', '=', new_product_id)]",
        help="The unit to ship; when empty, the warehouse picks one and the "
        "serial number shipped is recorded here.",
    )
    reason = fields.Text(
        string="Application", help="Why the unit is replaced instead of repaired."
    )
    review_note = fields.Text(string="Review")
    reviewed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    review_date = fields.Datetime(string="Reviewed On", readonly=True, copy=False)
    warranty_rule = fields.Selection(
        REPLACEMENT_RULES,
        string="Warranty of the New Unit",
        required=True,
        default=lambda self: self.env.company.aftersales_replacement_warranty,
        tracking=True,
    )
    warehouse_id = fields.Many2one(
        "stock.warehouse",
        required=True,
        check_company=True,
        default=lambda self: self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        ),
    )
    delivery_picking_id = fields.Many2one(
        "stock.picking",
        string="Delivery of the New Unit",
        readonly=True,
        copy=False,
        check_company=True,
    )
    return_picking_id = fields.Many2one(
        "stock.picking",
        string="Return of the Old Unit",
        readonly=True,
        copy=False,
        check_company=True,
    )
    shipped_date = fields.Date(string="Shipped On", readonly=True, copy=False)
    returned_date = fields.Date(string="Returned On", readonly=True, copy=False)
    check_result = fields.Selection(CHECK_RESULTS, tracking=True, copy=False)
    check_note = fields.Text(string="Check Report", copy=False)
    checked_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    check_date = fields.Datetime(string="Checked On", readonly=True, copy=False)

    @api.depends("ticket_id")
    def _compute_registration_id(self):
        for replacement in self:
            replacement.registration_id = (
                replacement.ticket_id.warranty_registration_id
                or replacement.registration_id
            )

    @api.depends("registration_id")
    def _compute_old_unit(self):
        # only the registration chosen: the unit it points to changes when
        # the replacement is shipped, the replaced unit does not
        for replacement in self:
            if replacement.state in ("draft", "review", "approved"):
                unit = replacement.registration_id
            else:
                unit = replacement
                unit = {"product_id": unit.old_product_id, "lot_id": unit.old_lot_id}
            replacement.old_product_id = unit["product_id"]
            replacement.old_lot_id = unit["lot_id"]

    @api.depends("old_product_id")
    def _compute_new_product_id(self):
        for replacement in self:
            replacement.new_product_id = (
                replacement.new_product_id or replacement.old_product_id
            )

    # ---------------------------------------------------------------------------
    # the flow
    # ---------------------------------------------------------------------------

    def _check_state(self, allowed, action):
        for replacement in self:
            if replacement.state not in allowed:
                raise UserError(
                    self.env._(
                        "%(replacement)s cannot be %(action)s in its state "
                        "(%(state)s).",
                        replacement=replacement.name,
                        action=action,
                        state=dict(
                            self._fields["state"]._description_selection(self.env)
                        )[replacement.state],
                    )
                )

    def _check_manager(self):
        self.env["res.users"]._check_aftersales_manager(
            self.env._("Only an after-sales manager reviews a replacement.")
        )

    def action_submit(self):
        self._check_state(("draft",), self.env._("submitted"))
        for replacement in self:
            if not (replacement.reason or "").strip():
                raise UserError(
                    self.env._(
                        "Write why %(replacement)s is needed before submitting it.",
                        replacement=replacement.name,
                    )
                )
        self.write({"state": "review"})
        return True

    def action_approve(self):
        self._check_manager()
        self._check_state(("review",), self.env._("approved"))
        for replacement in self:
            if not replacement.ticket_id.warranty_free:
                raise UserError(
                    self.env._(
                        "%(replacement)s cannot be approved: a free replacement "
                        "needs the decision 'in warranty' on %(ticket)s.",
                        replacement=replacement.name,
                        ticket=replacement.ticket_id.display_name,
                    )
                )
        self.write(
            {
                "state": "approved",
                "reviewed_by_id": self.env.user.id,
                "review_date": fields.Datetime.now(),
            }
        )
        return True

    def action_reject(self):
        self._check_manager()
        self._check_state(("review",), self.env._("rejected"))
        for replacement in self:
            if not (replacement.review_note or "").strip():
                raise UserError(
                    self.env._(
                        "Write in the review why %(replacement)s is rejected.",
                        replacement=replacement.name,
                    )
                )
        self.write(
            {
                "state": "rejected",
                "reviewed_by_id": self.env.user.id,
                "review_date": fields.Datetime.now(),
            }
        )
        return True

    def action_create_transfers(self):
        """Ship the new unit and take the old one back: two transfers."""
        self._check_state(("approved",), self.env._("shipped"))
        customers = self.env.ref("stock.stock_location_customers")
        pickings = self.env["stock.picking"]
        for replacement in self.filtered(lambda r: not r.delivery_picking_id):
            warehouse = replacement.warehouse_id
            links = {
                "origin": replacement.name,
                "helpdesk_ticket_id": replacement.ticket_id.id,
                "aftersales_replacement_id": replacement.id,
            }
            delivery = pickings._aftersales_create_unit_transfer(
                warehouse.out_type_id,
                warehouse.out_type_id.default_location_src_id,
                customers,
                replacement.new_product_id,
                replacement.new_lot_id,
                replacement.partner_id,
                **links,
            )
            back = pickings._aftersales_create_unit_transfer(
                warehouse.in_type_id,
                customers,
                replacement.company_id._aftersales_location(
                    "aftersales_return_location_id"
                )
                or warehouse.in_type_id.default_location_dest_id,
                replacement.old_product_id,
                replacement.old_lot_id,
                replacement.partner_id,
                **links,
            )
            replacement.write(
                {"delivery_picking_id": delivery.id, "return_picking_id": back.id}
            )
        return True

    def _on_picking_done(self, picking):
        """A transfer of the replacement was validated by the warehouse."""
        self.ensure_one()
        day = fields.Date.context_today(self, picking.date_done)
        if picking == self.delivery_picking_id:
            line = picking.move_line_ids.filtered(
                lambda ml: ml.product_id == self.new_product_id and ml.quantity > 0
            )[:1]
            self.registration_id._move_to_unit(
                self.new_product_id, line.lot_id, day, self.warranty_rule, self
            )
            self.write(
                {
                    "new_lot_id": line.lot_id.id,
                    "shipped_date": day,
                    "state": "returned" if self.returned_date else "shipped",
                }
            )
        elif picking == self.return_picking_id:
            values = {"returned_date": day}
            if self.shipped_date:
                values["state"] = "returned"
            self.write(values)
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Check the returned unit"),
                user_id=self._qc_inspector().id,
            )

    def _qc_inspector(self):
        """Who checks the returned unit: a QC inspector of the company, else
        the request's responsible."""
        self.ensure_one()
        return (
            self.env["res.users"]._aftersales_qc_inspector(self.company_id)
            or self.ticket_id.user_id
            or self.env.user
        )

    def action_check(self):
        self.env["res.users"]._check_aftersales_qc(
            self.env._(
                "Only a QC inspector or an after-sales manager records the "
                "check of a returned unit."
            )
        )
        self._check_state(("returned",), self.env._("checked"))
        for replacement in self:
            if not replacement.check_result:
                raise UserError(
                    self.env._(
                        "Record the result of the check of the returned unit of "
                        "%(replacement)s.",
                        replacement=replacement.name,
                    )
                )
        self.write(
            {
                "state": "done",
                "checked_by_id": self.env.user.id,
                "check_date": fields.Datetime.now(),
            }
        )
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def action_cancel(self):
        self._check_state(("draft", "review", "approved"), self.env._("cancelled"))
        (self.delivery_picking_id | self.return_picking_id).filtered(
            lambda p: p.state != "done"
        ).action_cancel()
        self.write({"state": "cancel"})
        return True

    def action_view_pickings(self):
        self.ensure_one()
        return self.ticket_id._aftersales_window(
            "stock.action_picking_tree_all",
            self.delivery_picking_id | self.return_picking_id,
            {},
        )
