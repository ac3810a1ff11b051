# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Shared fixtures of the aftersales_warranty tests: data only, no test methods."""

from datetime import date

from odoo.tests import new_test_user

from odoo.addons.aftersales_sop.tests.common import AftersalesSopCommon


class WarrantyCommon(AftersalesSopCommon):
    """The SOP service centre, with warranty policies on its test products.

    Air conditioners and heaters (under "Test Appliances") are main units
    (12 months); the remote control is an accessory (3 months); the custom
    unit is covered by contract only.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.main_policy = env.ref(
            "aftersales_warranty.aftersales_warranty_policy_main_unit"
        )
        cls.accessory_policy = env.ref(
            "aftersales_warranty.aftersales_warranty_policy_accessory"
        )
        cls.custom_policy = env.ref(
            "aftersales_warranty.aftersales_warranty_policy_custom"
        )
        cls.water = env.ref("aftersales_warranty.aftersales_warranty_exclusion_water")
        cls.consumable = env.ref(
            "aftersales_warranty.aftersales_warranty_exclusion_consumable"
        )
        cls.appliances.aftersales_warranty_policy_id = cls.main_policy
        categories = env["product.category"]
        cls.accessories = categories.create(
            {
                "name": "Test Accessories",
                "parent_id": cls.appliances.id,
                "aftersales_warranty_policy_id": cls.accessory_policy.id,
            }
        )
        cls.custom_category = categories.create(
            {
                "name": "Test Custom Units",
                "aftersales_warranty_policy_id": cls.custom_policy.id,
            }
        )
        products = env["product.product"]
        cls.remote = products.create(
            {
                "name": "Test Remote",
                "default_code": "T-RC",
                "type": "consu",
                "is_storable": True,
                "categ_id": cls.accessories.id,
                "list_price": 89.0,
            }
        )
        cls.custom_unit = products.create(
            {
                "name": "Test Custom Chiller",
                "default_code": "T-CHILL",
                "type": "consu",
                "is_storable": True,
                "tracking": "serial",
                "categ_id": cls.custom_category.id,
            }
        )
        cls.capacitor = products.create(
            {
                "name": "Test Capacitor",
                "default_code": "T-CAP",
                "type": "consu",
                "is_storable": True,
                "categ_id": cls.accessories.id,
                "list_price": 40.0,
            }
        )
        cls.battery = products.create(
            {
                "name": "Test Remote Battery",
                "default_code": "T-BAT",
                "type": "consu",
                "is_storable": True,
                "categ_id": cls.accessories.id,
                "list_price": 10.0,
            }
        )
        cls.product.list_price = 4299.0
        cls.warehouse = env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.stock_location = cls.warehouse.lot_stock_id
        cls.customers = env.ref("stock.stock_location_customers")
        cls.warehouse_user = new_test_user(
            env, login="as_warehouse", groups="stock.group_stock_user"
        )
        cls.repairer = new_test_user(
            env,
            login="as_repairer",
            groups="aftersales_sop.aftersales_sop_group_agent,"
            "stock.group_stock_user,sales_team.group_sale_salesman_all_leads",
        )
        # 售后主管: approves repair quotes (he opens them with the Sales role)
        cls.supervisor = new_test_user(
            env,
            login="as_supervisor",
            groups="aftersales_sop.aftersales_sop_group_manager,"
            "sales_team.group_sale_salesman_all_leads",
        )

    @classmethod
    def _lot(cls, name, product=None):
        return cls.env["stock.lot"].create(
            {"name": name, "product_id": (product or cls.product).id}
        )

    @classmethod
    def _register(cls, lot=None, product=None, purchase_date=date(2026, 3, 1), **vals):
        product = product or (lot.product_id if lot else cls.product)
        return cls.env["aftersales.warranty.registration"].create(
            {
                "partner_id": cls.customer.id,
                "product_id": product.id,
                "lot_id": lot.id if lot else False,
                "purchase_date": purchase_date,
                "proof_reference": "INV-T-1",
                **vals,
            }
        )

    @classmethod
    def _stock(cls, product, quantity=1.0, lot=None, location=None):
        cls.env["stock.quant"]._update_available_quantity(
            product, location or cls.stock_location, quantity, lot_id=lot
        )

    def _approve(self, order):
        """The after-sales supervisor approves the repair quote ``order``."""
        order.with_user(self.supervisor).action_aftersales_approve()
        self.assertEqual(order.aftersales_approval_state, "approved")

    @staticmethod
    def _validate(picking):
        picking.move_ids.picked = True
        result = picking.button_validate()
        assert result is True, result
        assert picking.state == "done", picking.state
        return picking
