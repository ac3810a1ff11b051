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

    def test_cross_company_links_are_refused(self):
        """Every company-bound link of the warranty documents is checked."""
        env = self.env
        other = self.other_company
        other_lot = env["stock.lot"].create(
            {
                "name": "AC-T-OTHER",
                "product_id": self.product.id,
                "company_id": other.id,
            }
        )
        other_partner = env["res.partner"].create(
            {"name": "Other Co Customer", "company_id": other.id}
        )
        other_product = env["product.product"].create(
            {"name": "Other Co Part", "company_id": other.id}
        )
        other_warehouse = env["stock.warehouse"].create(
            {"name": "Other Co Warehouse", "code": "OTH", "company_id": other.id}
        )
        registration = self._register(self.lot)
        ticket = self._create_repair()
        self.assertEqual(ticket.warranty_registration_id, registration)
        ticket.action_warranty_confirm()
        other_registration = env["aftersales.warranty.registration"].create(
            {
                "company_id": other.id,
                "partner_id": self.customer.id,
                "product_id": self.product.id,
                "lot_id": other_lot.id,
                "purchase_date": date(2026, 1, 1),
            }
        )
        attempts = {
            "registration customer": lambda: registration.write(
                {"partner_id": other_partner.id}
            ),
            "request's unit": lambda: ticket.write(
                {"warranty_registration_id": other_registration.id}
            ),
            "contract customer": lambda: env["aftersales.warranty.contract"].create(
                {
                    "name": "C-OTHER",
                    "partner_id": other_partner.id,
                    "date_start": date(2026, 1, 1),
                }
            ),
            "contract product": lambda: env["aftersales.warranty.contract"].create(
                {
                    "name": "C-OTHER-2",
                    "partner_id": self.customer.id,
                    "date_start": date(2026, 1, 1),
                    "line_ids": [
                        Command.create({"product_id": other_product.id, "months": 6})
                    ],
                }
            ),
            "replacement warehouse": lambda: env[
                "aftersales.warranty.replacement"
            ].create(
                {
                    "ticket_id": ticket.id,
                    "warehouse_id": other_warehouse.id,
                    "reason": "x",
                }
            ),
            "loaner unit": lambda: env["aftersales.warranty.loan"].create(
                {
                    "ticket_id": ticket.id,
                    "product_id": self.product.id,
                    "lot_id": other_lot.id,
                }
            ),
            "repair's request": lambda: env["repair.order"].create(
                {
                    "company_id": other.id,
                    "picking_type_id": other_warehouse.repair_type_id.id,
                    "helpdesk_ticket_id": ticket.id,
                    "partner_id": self.customer.id,
                }
            ),
            "transfer's request": lambda: env["stock.picking"].create(
                {
                    "picking_type_id": other_warehouse.out_type_id.id,
                    "helpdesk_ticket_id": ticket.id,
                }
            ),
        }
        for name, attempt in attempts.items():
            with (
                self.subTest(name),
                self.assertRaises(UserError) as error,
                self.env.cr.savepoint(),
            ):
                attempt()
            self.assertIn("Incompatible companies", str(error.exception), name)
        self.assertEqual(ticket.warranty_registration_id.company_id, self.company)
