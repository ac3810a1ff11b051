# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Warranty periods: policies per category, product and contract (SPEC §5)."""

from datetime import date

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import freeze_time, tagged

from .common import WarrantyCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestPolicy(WarrantyCommon):
    def test_accessory_bought_on_30_november_is_covered_through_february(self):
        registration = self._register(
            product=self.remote, purchase_date=date(2025, 11, 30)
        )
        self.assertEqual(registration.policy_id, self.accessory_policy)
        self.assertEqual(registration.warranty_months, 3)
        self.assertEqual(registration.warranty_end_date, date(2026, 2, 28))

    def test_leap_day_purchase_of_a_main_unit(self):
        registration = self._register(
            self._lot("AC-T-LEAP"), purchase_date=date(2024, 2, 29)
        )
        self.assertEqual(registration.policy_id, self.main_policy)
        self.assertEqual(registration.warranty_end_date, date(2025, 2, 28))
        self.assertEqual(registration.warranty_state, "expired")

    def test_the_nearest_category_policy_applies(self):
        # air conditioners inherit the main unit policy of their parent category
        self.assertEqual(self.air_con.aftersales_effective_policy_id, self.main_policy)
        self.assertFalse(self.air_con.aftersales_warranty_policy_id)
        six_months = self.main_policy.copy({"name": "Six months", "months": 6})
        self.air_con.aftersales_warranty_policy_id = six_months
        registration = self._register(self._lot("AC-T-CAT"))
        self.assertEqual(registration.warranty_months, 6)
        # a parent's change reaches the subcategories without a policy
        self.heaters.aftersales_warranty_policy_id = False
        self.appliances.aftersales_warranty_policy_id = six_months
        self.assertEqual(self.heaters.aftersales_effective_policy_id, six_months)

    def test_product_policy_overrides_the_category(self):
        two_years = self.main_policy.copy({"name": "Two years", "months": 24})
        self.product.product_tmpl_id.aftersales_warranty_policy_id = two_years
        registration = self._register(self._lot("AC-T-PROD"))
        self.assertEqual(registration.policy_id, two_years)
        self.assertEqual(registration.warranty_end_date, date(2028, 3, 1))
        self.assertEqual(
            self.product.product_tmpl_id.aftersales_effective_policy_id, two_years
        )

    def test_contract_overrides_product_and_category(self):
        registration = self._register(self._lot("AC-T-CONTRACT"))
        self.assertEqual(registration.warranty_months, 12)
        contract = self.env["aftersales.warranty.contract"].create(
            {
                "name": "C-T-1",
                "partner_id": self.customer.id,
                "date_start": date(2026, 1, 1),
                "line_ids": [
                    Command.create({"categ_id": self.appliances.id, "months": 36}),
                ],
            }
        )
        # the existing unit follows the new contract
        self.assertEqual(registration.contract_id, contract)
        self.assertEqual(registration.warranty_months, 36)
        self.assertEqual(registration.warranty_end_date, date(2029, 3, 1))
        # a line for the product wins over the line for its category
        contract.line_ids = [
            Command.create({"product_id": self.product.id, "months": 18})
        ]
        self.assertEqual(registration.warranty_months, 18)
        # units bought outside the contract's dates are not covered by it
        contract.date_start = date(2026, 6, 1)
        self.assertFalse(registration.contract_id)
        self.assertEqual(registration.warranty_months, 12)

    def test_custom_products_are_covered_by_contract_only(self):
        lot = self._lot("CH-T-1", self.custom_unit)
        registration = self._register(lot)
        self.assertEqual(registration.policy_id, self.custom_policy)
        self.assertEqual(registration.warranty_months, 0)
        self.assertFalse(registration.warranty_end_date)
        self.assertEqual(registration.warranty_state, "no_warranty")
        self.env["aftersales.warranty.contract"].create(
            {
                "name": "C-T-CUSTOM",
                "partner_id": self.customer.id,
                "date_start": date(2025, 1, 1),
                "date_end": date(2027, 12, 31),
                "line_ids": [
                    Command.create({"categ_id": self.custom_category.id, "months": 24})
                ],
            }
        )
        self.assertEqual(registration.warranty_months, 24)
        self.assertEqual(registration.warranty_state, "in_warranty")

    def test_changing_a_period_moves_the_end_of_its_units(self):
        registration = self._register(
            product=self.remote, purchase_date=date(2026, 8, 31)
        )
        self.assertEqual(registration.warranty_end_date, date(2026, 11, 30))
        self.accessory_policy.months = 6
        self.assertEqual(registration.warranty_end_date, date(2027, 2, 28))

    def test_bad_periods_are_refused(self):
        with self.assertRaises(ValidationError):
            self.main_policy.months = 0
        self.custom_policy.months = 0  # custom: the contract says
        with self.assertRaises(ValidationError):
            self.env["aftersales.warranty.contract"].create(
                {
                    "name": "C-T-BAD",
                    "partner_id": self.customer.id,
                    "date_start": date(2026, 1, 1),
                    "date_end": date(2025, 1, 1),
                }
            )
        contract = self.env["aftersales.warranty.contract"].create(
            {
                "name": "C-T-LINES",
                "partner_id": self.customer.id,
                "date_start": date(2026, 1, 1),
            }
        )
        with self.assertRaises(ValidationError):
            contract.line_ids = [
                Command.create({"months": 12})
            ]  # neither product nor category
        with self.assertRaises(ValidationError):
            contract.line_ids = [
                Command.create(
                    {
                        "months": 12,
                        "product_id": self.product.id,
                        "categ_id": self.air_con.id,
                    }
                )
            ]

    def test_a_fresh_database_applies_the_default_periods(self):
        """The module's data, not its demo, puts the periods on categories."""
        everything = self.env.ref("product.product_category_all")
        accessories = self.env.ref("aftersales_warranty.product_category_accessories")
        custom = self.env.ref("aftersales_warranty.product_category_custom")
        self.assertEqual(everything.aftersales_warranty_policy_id, self.main_policy)
        self.assertEqual(accessories.aftersales_effective_policy_id.months, 3)
        self.assertEqual(custom.aftersales_effective_policy_id, self.custom_policy)
        saleable = self.env.ref("product.product_category_1")
        self.assertEqual(saleable.aftersales_warranty_months, 12)
        # a product created with the default category is a main unit
        fan = self.env["product.product"].create({"name": "Test Fresh Fan"})
        self.assertEqual(fan.categ_id, everything)
        registration = self._register(product=fan, purchase_date=date(2026, 3, 1))
        self.assertEqual(registration.warranty_end_date, date(2027, 3, 1))
        cable = self.env["product.product"].create(
            {"name": "Test Fresh Cable", "categ_id": accessories.id}
        )
        registration = self._register(product=cable, purchase_date=date(2026, 3, 1))
        self.assertEqual(registration.warranty_end_date, date(2026, 6, 1))

    def test_settings_show_which_categories_carry_which_period(self):
        bare = self.env["product.category"].create({"name": "Test Bare Shelf"})
        settings = self.env["res.config.settings"].create({})
        overview = str(settings.aftersales_warranty_overview)
        self.assertIn("Main Unit and Core Components: 12 months", overview)
        self.assertIn("Accessories and Peripherals: 3 months", overview)
        self.assertIn("No warranty period", overview)
        none_part = overview.split("No warranty period")[1]
        self.assertIn("Test Bare Shelf", none_part)
        self.assertIn("Test Custom Units", none_part)
        # the list behind the button: categories without a period first
        categories = self.env["product.category"]
        without = categories.search([("aftersales_has_warranty", "=", False)])
        self.assertIn(bare, without)
        self.assertIn(self.custom_category, without)
        self.assertNotIn(self.accessories, without)
        self.assertIn(
            self.accessories,
            categories.search([("aftersales_has_warranty", "=", True)]),
        )
        action = self.env.ref(
            "aftersales_warranty.product_category_action_aftersales_warranty"
        )
        self.assertEqual(action.res_model, "product.category")
