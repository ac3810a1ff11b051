# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression


class AftersalesCertification(models.Model):
    _name = "aftersales.certification"
    _description = "After-sales Certification"
    _inherit = ["mail.thread"]
    _order = "date_expiry desc, id desc"

    engineer_id = fields.Many2one(
        "aftersales.engineer",
        required=True,
        ondelete="cascade",
        index=True,
        tracking=True,
    )
    company_id = fields.Many2one(related="engineer_id.company_id", store=True)
    name = fields.Char(string="Certificate Number", required=True, tracking=True)
    product_categ_id = fields.Many2one(
        "product.category",
        string="Product Category",
        tracking=True,
        help="The products the certification covers (with their sub-categories); "
        "empty: every product.",
    )
    date_issued = fields.Date(required=True, tracking=True)
    validity_months = fields.Integer(
        default=lambda self: self.env.company.aftersales_certification_months,
        help="How long the certification is valid (company default: 24 months).",
    )
    date_expiry = fields.Date(
        string="Valid Until",
        compute="_compute_date_expiry",
        store=True,
        readonly=False,
        tracking=True,
        help="Last day the certification is valid; after it the engineer is taken "
        "out of dispatch for its product category until it is renewed.",
    )
    state = fields.Selection(
        [("valid", "Valid"), ("expiring", "Expiring Soon"), ("expired", "Expired")],
        compute="_compute_state",
        search="_search_state",
    )

    @api.depends("date_issued", "validity_months")
    def _compute_date_expiry(self):
        for certification in self:
            if certification.date_issued and certification.validity_months > 0:
                certification.date_expiry = (
                    certification.date_issued
                    + relativedelta(months=certification.validity_months)
                    - relativedelta(days=1)
                )
            else:
                certification.date_expiry = certification.date_expiry

    @api.depends("date_expiry", "date_issued")
    def _compute_state(self):
        today = fields.Date.context_today(self)
        soon = today + relativedelta(months=1)
        for certification in self:
            if not certification.date_expiry or certification.date_expiry < today:
                certification.state = "expired"
            elif certification.date_expiry <= soon:
                certification.state = "expiring"
            else:
                certification.state = "valid"

    def _search_state(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise UserError(
                self.env._("Unsupported search on the certification state.")
            )
        values = {value} if isinstance(value, str) else set(value)
        if operator in ("!=", "not in"):
            values = {"valid", "expiring", "expired"} - values
        today = fields.Date.context_today(self)
        soon = today + relativedelta(months=1)
        domains = {
            "valid": [("date_expiry", ">", soon)],
            "expiring": [("date_expiry", ">=", today), ("date_expiry", "<=", soon)],
            "expired": ["|", ("date_expiry", "=", False), ("date_expiry", "<", today)],
        }
        if not values:
            return [("id", "=", False)]
        return expression.OR([domains[state] for state in sorted(values)])

    @api.constrains("date_issued", "date_expiry")
    def _check_dates(self):
        today = fields.Date.context_today(self)
        for certification in self:
            if certification.date_issued and certification.date_issued > today:
                raise ValidationError(
                    self.env._(
                        "Certification %(name)s cannot be issued in the future.",
                        name=certification.name,
                    )
                )
            if (
                certification.date_expiry
                and certification.date_issued
                and certification.date_expiry < certification.date_issued
            ):
                raise ValidationError(
                    self.env._(
                        "Certification %(name)s expires before it is issued.",
                        name=certification.name,
                    )
                )
