# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who may read and change what; companies do not see each other's units."""

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, new_test_user, tagged

from .common import WarrantyCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestSecurity(WarrantyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.engineer = cls.zhang.user_id
        cls.other_company = cls.env["res.company"].create(
            {"name": "Other Service Co", "country_id": cls.env.ref("base.cn").id}
        )
        cls.other_agent = new_test_user(
            cls.env,
            login="as_other_agent",
            groups="aftersales_sop.aftersales_sop_group_agent",
            company_id=cls.other_company.id,
            company_ids=[Command.set(cls.other_company.ids)],
        )

    def test_agents_read_policies_and_managers_edit_them(self):
        policy = self.main_policy.with_user(self.agent)
        self.assertEqual(policy.months, 12)
        self.assertTrue(self.water.with_user(self.agent).name)
        with self.assertRaises(AccessError):
            policy.months = 24
        with self.assertRaises(AccessError):
            self.water.with_user(self.agent).name = "Rain"
        with self.assertRaises(AccessError):
            self.env["aftersales.warranty.policy"].with_user(self.agent).create(
                {"name": "Mine", "months": 99}
            )
        self.main_policy.with_user(self.manager).months = 24
        self.assertEqual(self.main_policy.months, 24)
        contract_model = self.env["aftersales.warranty.contract"]
        with self.assertRaises(AccessError):
            contract_model.with_user(self.agent).create(
                {
                    "name": "C-AGENT",
                    "partner_id": self.customer.id,
                    "date_start": date(2026, 1, 1),
                }
            )
        contract_model.with_user(self.manager).create(
            {
                "name": "C-MANAGER",
                "partner_id": self.customer.id,
                "date_start": date(2026, 1, 1),
            }
        )

    def test_who_registers_units(self):
        registration = self._register(self._lot("AC-T-SEC"))
        # engineers and the warehouse read registrations, agents keep them
        self.assertTrue(registration.with_user(self.engineer).warranty_end_date)
        self.assertTrue(registration.with_user(self.warehouse_user).name)
        with self.assertRaises(AccessError):
            registration.with_user(self.engineer).proof_reference = "X"
        registration.with_user(self.agent).proof_reference = "INV-AGENT"
        with self.assertRaises(AccessError):
            registration.with_user(self.agent).unlink()
        registration.with_user(self.manager).unlink()

    def test_companies_do_not_see_each_other(self):
        registration = self._register(self._lot("AC-T-MC"))
        registrations = self.env["aftersales.warranty.registration"]
        self.assertIn(registration, registrations.with_user(self.agent).search([]))
        self.assertNotIn(
            registration, registrations.with_user(self.other_agent).search([])
        )
        with self.assertRaises(AccessError):
            registration.with_user(self.other_agent).read(["name"])
        # a unit of the other company cannot use a product of this one only
        self.product.company_id = self.company
        with self.assertRaises(UserError):
            registrations.with_user(self.other_agent).create(
                {
                    "partner_id": self.customer.id,
                    "product_id": self.product.id,
                    "lot_id": self._lot("AC-T-MC2").id,
                    "purchase_date": date(2026, 1, 1),
                }
            )
        # each company's policies apply: a company-specific one stays there
        own_policy = self.main_policy.copy(
            {"name": "Other Co only", "company_id": self.other_company.id}
        )
        policies = self.env["aftersales.warranty.policy"]
        self.assertNotIn(own_policy, policies.with_user(self.agent).search([]))
        self.assertIn(own_policy, policies.with_user(self.other_agent).search([]))
        self.assertIn(self.main_policy, policies.with_user(self.other_agent).search([]))

    def test_imports_are_private_to_their_user(self):
        wizard = (
            self.env["aftersales.warranty.registration.import"]
            .with_user(self.agent)
            .create({})
        )
        with self.assertRaises(AccessError):
            wizard.with_user(self.dispatcher).read(["state"])
        with self.assertRaises(AccessError):
            self.env["aftersales.warranty.registration.import"].with_user(
                self.engineer
            ).create({})
