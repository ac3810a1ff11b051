# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestHelpdeskChinese(TransactionCase):
    """The Chinese of helpdesk_mgmt that aftersales_sop ships (i18n_extra/zh_CN.po)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        # what installing or upgrading the addon does for every active language,
        # and what Settings > Translations > Languages > Update does for it
        cls.env.ref("base.module_aftersales_sop")._update_translations("zh_CN")
        cls.zh = cls.env(context=dict(cls.env.context, lang="zh_CN"))

    def test_stage_names(self):
        self.assertEqual(
            self.zh.ref("helpdesk_mgmt.helpdesk_ticket_stage_new").name, "新建"
        )
        self.assertEqual(
            self.zh.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress").name,
            "处理中",
        )
        # English stays English
        self.assertEqual(
            self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
            .with_context(lang="en_US")
            .name,
            "New",
        )

    def test_ticket_labels_and_priorities(self):
        fields = self.zh["helpdesk.ticket"].fields_get(
            ["team_id", "stage_id", "category_id", "priority"], ["string", "selection"]
        )
        self.assertEqual(fields["team_id"]["string"], "团队")
        self.assertEqual(fields["stage_id"]["string"], "阶段")
        self.assertEqual(fields["category_id"]["string"], "类别")
        self.assertEqual(fields["priority"]["string"], "优先级")
        self.assertEqual(
            dict(fields["priority"]["selection"]),
            {"0": "低", "1": "中", "2": "高", "3": "非常高"},
        )

    def test_channels_and_menus(self):
        self.assertEqual(
            self.zh.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone").name, "电话"
        )
        self.assertEqual(
            self.zh.ref("helpdesk_mgmt.helpdesk_ticket_main_menu").name, "服务台"
        )
