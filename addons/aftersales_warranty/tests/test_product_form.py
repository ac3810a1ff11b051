# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The product form as an administrator gets it from the server: the warranty
policy field (docs/warranty.md) and the spare part's Service Parts button are
both there, each added by its own inherited view."""

from lxml import etree

from odoo.tests import Form, tagged

from .common import WarrantyCommon


@tagged("post_install", "-at_install")
class TestProductForm(WarrantyCommon):
    def _admin_form_arch(self):
        admin = self.env.ref("base.user_admin")
        views = (
            self.env["product.template"].with_user(admin).get_views([(False, "form")])
        )
        return etree.fromstring(views["views"]["form"]["arch"])

    def test_the_administrator_product_form_shows_the_warranty_policy(self):
        arch = self._admin_form_arch()
        self.assertTrue(arch.xpath("//field[@name='aftersales_warranty_policy_id']"))
        self.assertTrue(arch.xpath("//field[@name='aftersales_effective_policy_id']"))
        # the spare-part button of the other inherited view is there too
        self.assertTrue(
            arch.xpath("//button[@name='action_view_aftersales_part_lines']")
        )

    def test_the_administrator_sets_a_product_policy_on_the_form(self):
        two_years = self.main_policy.copy({"name": "Two years", "months": 24})
        admin = self.env.ref("base.user_admin")
        with Form(self.product.product_tmpl_id.with_user(admin)) as form:
            form.aftersales_warranty_policy_id = two_years
        self.assertEqual(
            self.product.product_tmpl_id.aftersales_effective_policy_id, two_years
        )
