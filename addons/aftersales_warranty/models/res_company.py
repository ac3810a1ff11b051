# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..rules import warranty as rules

REPLACEMENT_RULES = [
    (rules.REPLACEMENT_REMAINING, "Remaining warranty of the replaced unit"),
    (rules.REPLACEMENT_FRESH, "A fresh warranty period"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    aftersales_replacement_warranty = fields.Selection(
        REPLACEMENT_RULES,
        string="Warranty of a Replacement Unit",
        default=rules.REPLACEMENT_REMAINING,
        required=True,
        help="What warranty the new unit of a replacement gets: the time the "
        "replaced unit had left, or a full period from the day it is shipped.",
    )
    aftersales_loan_days = fields.Integer(
        string="Loan Period (days)",
        default=14,
        help="When a loaner unit is due back, counted from the day the repair "
        "of the request is completed.",
    )
    aftersales_register_deliveries = fields.Boolean(
        string="Register Delivered Units",
        default=True,
        help="Each serial number delivered to a customer gets a warranty "
        "registration, dated the day of the delivery.",
    )
    aftersales_loaner_location_id = fields.Many2one(
        "stock.location",
        string="Loaner Units Location",
        check_company=True,
        domain="[('usage', '=', 'internal')]",
        help="Where the loaner units are kept while they are not lent.",
    )
    aftersales_return_location_id = fields.Many2one(
        "stock.location",
        string="Returned Units Location",
        check_company=True,
        domain="[('usage', '=', 'internal')]",
        help="Where replaced units arrive to be checked.",
    )
    aftersales_repair_rules_all = fields.Boolean(
        string="After-Sales Rules for Every Repair",
        help="Repairs without a service request follow the after-sales rules "
        "too: per-part warranty cover, no work before the customer accepted "
        "the quote and agreed to the parts. Off: they keep Odoo's standard "
        "repair flow ('Under Warranty' makes all their parts free).",
    )
    aftersales_quote_approval_amount = fields.Monetary(
        string="Quotes Approved Above",
        currency_field="currency_id",
        default=0.0,
        help="An after-sales repair quote whose total is above this amount goes "
        "to the customer only once the after-sales supervisor approved it. "
        "0: every after-sales quote is approved first.",
    )
    aftersales_labour_product_id = fields.Many2one(
        "product.product",
        string="Repair Labour",
        check_company=True,
        domain="[('type', '=', 'service')]",
        help="Service product of the labour hours on repair quotes.",
    )
    aftersales_travel_product_id = fields.Many2one(
        "product.product",
        string="Travel Fee",
        check_company=True,
        domain="[('type', '=', 'service')]",
        help="Service product of the travel on repair quotes.",
    )

    # -- spare parts (SPEC §6) -------------------------------------------------------
    aftersales_parts_auto_reserve = fields.Boolean(
        string="Reserve Spare Parts Automatically",
        help="A part requested for a service request is reserved at once when "
        "it is in stock, and as soon as it arrives otherwise. Off: the "
        "warehouse manager reserves it.",
    )
    aftersales_parts_reservation_days = fields.Integer(
        string="Release Reservations After (days)",
        default=7,
        help="A spare part reserved for a request and not issued to the "
        "engineer within this many days is released for other requests, with "
        "a message on the request. 0: never.",
    )
    aftersales_parts_demand_months = fields.Integer(
        string="Demand Period (months)",
        default=6,
        help="The suggested minimum stock of a spare part is its average monthly "
        "consumption (sales, repairs and service requests) over this many "
        "months.",
    )
    aftersales_parts_cover_months = fields.Float(
        string="Minimum Stock Covers (months)",
        default=1.0,
        help="How many months of average demand the suggested minimum stock "
        "of a spare part covers.",
    )

    def _aftersales_location(self, field_name):
        """The company's loaner or returned-units location, created when missing.

        It is an internal location under the company's first warehouse.
        """
        self.ensure_one()
        location = self[field_name]
        if location:
            return location
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", self.id)], limit=1
        )
        if not warehouse:
            return location
        names = {
            "aftersales_loaner_location_id": self.env._("Loaner Units"),
            "aftersales_return_location_id": self.env._("Returned Units"),
        }
        # a technical record of the company: whoever needs it first creates it
        location = (
            self.env["stock.location"]
            .sudo()
            .create(
                {
                    "name": names[field_name],
                    "usage": "internal",
                    "location_id": warehouse.view_location_id.id,
                    "company_id": self.id,
                }
            )
        )
        self.sudo()[field_name] = location
        return location.sudo(False)

    def _aftersales_service_product(self, field_name):
        self.ensure_one()
        xmlids = {
            "aftersales_labour_product_id": "aftersales_warranty.product_repair_labour",
            "aftersales_travel_product_id": "aftersales_warranty.product_travel_fee",
        }
        return self[field_name] or self.env.ref(
            xmlids[field_name], raise_if_not_found=False
        )
