# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The first start of a database (the image's entrypoint): Chinese and
Shanghai time for the staff, the admin password of a production database."""

from odoo.exceptions import AccessDenied, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon

from ..models.aftersales_first_start import FIRST_START_PARAM


@tagged("post_install", "-at_install")
class TestFirstStart(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.first_start = cls.env["aftersales.first.start"]
        cls.agent = new_test_user(
            cls.env,
            login="fs_agent",
            groups="aftersales_sop.aftersales_sop_group_agent",
            tz="Europe/Paris",
        )
        cls.portal = new_test_user(
            cls.env, login="fs_portal", groups="base.group_portal", tz="Europe/Paris"
        )
        cls.admin = cls.env.ref("base.user_admin")
        cls.env["ir.config_parameter"].sudo().set_param(FIRST_START_PARAM, False)

    def _login(self, user, password):
        self.env.flush_all()
        self.env["res.users"].with_user(user)._check_credentials(
            {"login": user.login, "password": password, "type": "password"},
            {"interactive": False},
        )

    def test_chinese_and_shanghai_time_for_every_internal_user(self):
        self.first_start._first_start(lang="zh_CN", tz="Asia/Shanghai")
        self.assertTrue(self.env["res.lang"]._lang_get("zh_CN").active)
        for user in self.agent | self.admin:
            self.assertEqual((user.lang, user.tz), ("zh_CN", "Asia/Shanghai"))
        # a customer's portal account keeps his own settings
        self.assertEqual(self.portal.tz, "Europe/Paris")
        self.assertNotEqual(self.portal.lang, "zh_CN")
        # the menus of our addons are in Chinese for them
        menu = self.env.ref("aftersales_sop.aftersales_sop_menu_root")
        self.assertNotEqual(
            menu.with_context(lang="zh_CN").name, menu.with_context(lang="en_US").name
        )
        self.assertTrue(
            self.env["ir.config_parameter"].sudo().get_param(FIRST_START_PARAM)
        )

    def test_another_language(self):
        self.first_start._first_start(lang="en_US", tz="Asia/Hong_Kong")
        self.assertEqual((self.agent.lang, self.agent.tz), ("en_US", "Asia/Hong_Kong"))

    def test_an_unknown_language_or_time_zone_changes_nothing(self):
        for lang, tz in (("xx_YY", "Asia/Shanghai"), ("zh_CN", "Mars/Olympus")):
            with self.assertRaises(UserError):
                self.first_start._first_start(lang=lang, tz=tz)
        self.assertEqual(self.agent.tz, "Europe/Paris")
        self.assertFalse(
            self.env["ir.config_parameter"].sudo().get_param(FIRST_START_PARAM)
        )

    def test_a_given_admin_password_is_set(self):
        generated = self.first_start._first_start(
            lang="en_US", admin_password="S3cret-given"
        )
        self.assertIsNone(generated)
        self._login(self.admin, "S3cret-given")

    def test_production_generates_one_while_admin_has_odoo_default(self):
        self.admin.password = "admin"
        generated = self.first_start._first_start(
            lang="en_US", generate_admin_password=True
        )
        self.assertTrue(generated and len(generated) >= 16)
        self._login(self.admin, generated)
        with self.assertRaises(AccessDenied):
            self._login(self.admin, "admin")
        # a password the administrator chose is never replaced
        self.admin.password = "Chosen-by-admin"
        self.assertIsNone(self.first_start._first_start(generate_admin_password=True))
        self._login(self.admin, "Chosen-by-admin")
