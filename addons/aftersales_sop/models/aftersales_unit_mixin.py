# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class AftersalesUnitMixin(models.AbstractModel):
    """A customer's unit and its purchase: what a service request and a warranty
    registration both record (SPEC §2, §5).

    The contact phone is stored in E.164, read in the record's company country
    when it has no prefix; a number that cannot be a phone number is refused
    before anything is written. The purchase date cannot be in the future, and
    the serial number must be one of the product's.
    """

    _name = "aftersales.unit.mixin"
    _description = "After-sales Unit and Purchase"

    partner_phone = fields.Char(
        string="Contact Phone",
        index="btree_not_null",
        tracking=True,
        help="Stored in international format (E.164); numbers without a country "
        "prefix are read in the company's country.",
    )
    product_id = fields.Many2one("product.product", tracking=True, check_company=True)
    product_tracking = fields.Selection(related="product_id.tracking")
    lot_id = fields.Many2one(
        "stock.lot",
        string="Serial Number",
        tracking=True,
        check_company=True,
        domain="[('product_id', '=', product_id)]",
    )
    purchase_date = fields.Date(
        tracking=True, help="The date on the proof of purchase: the warranty starts."
    )
    proof_reference = fields.Char(
        string="Proof of Purchase",
        help="Invoice or receipt number of the purchase.",
    )

    # -- the phone ----------------------------------------------------------------

    @api.model
    def _aftersales_format_phone(self, number, company=None):
        """``number`` in E.164, read in ``company``'s country when it has no prefix.

        Raises a UserError that says why when the number cannot be a phone number.
        """
        number = (number or "").strip()
        if not number:
            return False
        country = (company or self.env.company).country_id or self.env.ref("base.cn")
        try:
            return self._phone_format_number(
                number, country, force_format="E164", raise_exception=True
            )
        except UserError as error:
            raise UserError(
                self.env._(
                    "The contact phone %(number)s is not a valid phone number "
                    "(%(reason)s). Enter it with its area code, or with +country code "
                    "for a number outside %(country)s.",
                    number=number,
                    reason=error.args[0] if error.args else "",
                    country=country.name,
                )
            ) from error

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("partner_phone"):
                company = (
                    self.env["res.company"].browse(vals.get("company_id"))
                    or self.env.company
                )
                vals["partner_phone"] = self._aftersales_format_phone(
                    vals["partner_phone"], company
                )
        return super().create(vals_list)

    def write(self, vals):
        if not vals.get("partner_phone"):
            return super().write(vals)
        # a number without prefix is read in each record's own country; every
        # number is checked before any record is written
        by_country = self.grouped(lambda r: r.company_id.country_id)
        numbers = [
            (
                records,
                self._aftersales_format_phone(
                    vals["partner_phone"], records.company_id[:1]
                ),
            )
            for records in (by_country.values() or [self])
        ]
        for records, number in numbers:
            super(AftersalesUnitMixin, records).write(dict(vals, partner_phone=number))
        return True

    # -- checks and proposals ----------------------------------------------------

    @api.constrains("purchase_date")
    def _check_purchase_date(self):
        today = fields.Date.context_today(self)
        for record in self:
            if record.purchase_date and record.purchase_date > today:
                raise ValidationError(
                    self.env._(
                        "The purchase date %(date)s of %(record)s is in the future.",
                        date=record.purchase_date,
                        record=record.display_name,
                    )
                )

    @api.constrains("lot_id", "product_id")
    def _check_lot_product(self):
        # sudo: the serial number's product decides, whoever may read stock
        for record in self.sudo():
            lot, product = record.lot_id, record.product_id
            if lot and lot.product_id != product:
                raise ValidationError(
                    self.env._(
                        "The serial number %(serial)s belongs to %(lot_product)s, "
                        "not to %(product)s.",
                        serial=lot.name,
                        lot_product=lot.product_id.display_name,
                        product=product.display_name or "-",
                    )
                )

    @api.onchange("partner_id")
    def _onchange_partner_id_phone(self):
        if self.partner_id and not self.partner_phone:
            self.partner_phone = self.partner_id.phone or self.partner_id.mobile

    @api.onchange("product_id")
    def _onchange_product_id_lot(self):
        if self.lot_id and self.lot_id.product_id != self.product_id:
            self.lot_id = False

    @api.onchange("lot_id")
    def _onchange_lot_id_product(self):
        if self.lot_id and not self.product_id:
            self.product_id = self.lot_id.product_id
