# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The after-sales roles: their implied groups, and their place on the user form."""

from odoo.tests import TransactionCase, tagged

from odoo.addons.base.models.res_users import name_selection_groups


@tagged("post_install", "-at_install")
class TestRoles(TransactionCase):
    def _group(self, role):
        return self.env.ref(f"aftersales_sop.aftersales_sop_group_{role}")

    def test_roles_imply_what_they_need(self):
        agent, dispatcher = self._group("agent"), self._group("dispatcher")
        engineer, manager = self._group("engineer"), self._group("manager")
        helpdesk = "helpdesk_mgmt.group_helpdesk_"
        self.assertIn(self.env.ref(helpdesk + "user"), agent.trans_implied_ids)
        self.assertIn(self.env.ref(helpdesk + "user_own"), engineer.trans_implied_ids)
        self.assertNotIn(self.env.ref(helpdesk + "user"), engineer.trans_implied_ids)
        self.assertIn(agent, dispatcher.trans_implied_ids)
        self.assertLessEqual(
            dispatcher | agent | engineer | self.env.ref(helpdesk + "manager"),
            manager.trans_implied_ids,
        )
        self.assertIn(self.env.ref("base.user_admin"), manager.users)

    def test_roles_are_choices_on_the_user_form(self):
        desk = self._group("agent") | self._group("dispatcher") | self._group("manager")
        field_names = self.env["res.users"].fields_get()
        self.assertIn(name_selection_groups(desk.ids), field_names)
        self.assertIn(name_selection_groups(self._group("engineer").ids), field_names)
        form = self.env.ref("base.view_users_form")
        views = self.env["res.users"].get_views([(form.id, "form")])
        arch = views["views"]["form"]["arch"]
        self.assertIn(name_selection_groups(desk.ids), arch)
        self.assertIn("After-sales", arch)
        category = self.env.ref("aftersales_sop.module_category_aftersales")
        self.assertEqual(desk.category_id.parent_id, category)
