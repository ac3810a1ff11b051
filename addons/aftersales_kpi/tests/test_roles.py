# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The assessment reviewer role."""

from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.base.models.res_users import name_selection_groups


@tagged("post_install", "-at_install")
class TestReviewerRole(TransactionCase):
    def test_reviewer_is_a_choice_on_the_user_form(self):
        reviewer = self.env.ref("aftersales_kpi.aftersales_kpi_group_reviewer")
        self.assertEqual(
            reviewer.category_id.parent_id,
            self.env.ref("aftersales_sop.module_category_aftersales"),
        )
        self.assertIn(
            name_selection_groups(reviewer.ids), self.env["res.users"].fields_get()
        )
        manager = self.env.ref("aftersales_sop.aftersales_sop_group_manager")
        self.assertIn(reviewer, manager.trans_implied_ids)

    def test_reviewer_reaches_the_performance_menu(self):
        user = new_test_user(
            self.env,
            login="kpi_reviewer",
            groups="aftersales_kpi.aftersales_kpi_group_reviewer",
        )
        menus = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
        self.assertIn(self.env.ref("aftersales_sop.aftersales_sop_menu_root").id, menus)
        self.assertIn(self.env.ref("aftersales_kpi.aftersales_kpi_menu").id, menus)
        agent = new_test_user(
            self.env,
            login="kpi_agent",
            groups="aftersales_sop.aftersales_sop_group_agent",
        )
        self.assertNotIn(
            self.env.ref("aftersales_kpi.aftersales_kpi_menu").id,
            self.env["ir.ui.menu"].with_user(agent)._visible_menu_ids(),
        )
