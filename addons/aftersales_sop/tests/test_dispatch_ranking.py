# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The dispatch wizard's ranking as a dispatcher sees it (SPEC §4.2): skill
before zone, seniors first on complex jobs, and the reasons of every place."""

from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, freeze_time, tagged

from ..rules import dispatch as dispatch_rules
from ..wizard.helpdesk_ticket_dispatch import REASON_MESSAGES
from .common import AftersalesSopCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestDispatchRanking(AftersalesSopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a senior of Shanghai, certified for every appliance, free, whose
        # skills are software only: he does not fit a hardware fault
        cls.wu = cls._create_engineer(
            "as_wu", "Wu", cls.shanghai, "senior", cls.appliances
        )
        cls.wu.skill_ids = [
            Command.clear(),
            Command.create({"fault_type": "software", "level": "senior"}),
        ]

    def _ranking(self, ticket, lang=None, user=None):
        """The wizard as the dispatcher opens it: {engineer: candidate line}."""
        user = user or self.dispatcher
        action = ticket.with_user(user).action_open_dispatch()
        context = dict(action["context"], **({"lang": lang} if lang else {}))
        wizard = Form(
            self.env[action["res_model"]].with_user(user).with_context(**context)
        ).save()
        return wizard, {line.engineer_id: line for line in wizard.candidate_ids}

    def _order(self, lines, *engineers):
        return sorted(engineers, key=lambda engineer: lines[engineer].rank)

    def _busy(self, engineer, count):
        for _i in range(count):
            self.env["aftersales.dispatch.order"].create(
                {"ticket_id": self._create_repair().id, "engineer_id": engineer.id}
            )

    def test_a_skilled_engineer_from_another_city_before_an_unskilled_local(self):
        self._busy(self.chen, 2)
        _wizard, lines = self._ranking(self._create_repair())
        wu, chen = lines[self.wu], lines[self.chen]
        self.assertTrue(wu.same_zone and not wu.eligible and not wu.skill_fit)
        self.assertTrue(wu.certified and wu.overridable)
        self.assertTrue(chen.skill_fit and not chen.same_zone)
        self.assertEqual(chen.workload, 2)
        self.assertEqual(
            self._order(lines, self.wu, self.chen, self.liu, self.zhang),
            [self.liu, self.zhang, self.chen, self.wu],
        )
        self.assertEqual(wu.rank, chen.rank + 1)
        self.assertIn(
            "after Chen, whose skills fit the fault and product (skills count "
            "before the zone)",
            wu.reasons,
        )
        self.assertIn(
            "NO skill for this fault and product: cannot be sent unless an "
            "after-sales manager decides so, with a reason; after the engineers "
            "whose skills fit, whatever their zone or workload",
            wu.reasons,
        )
        self.assertIn("same zone as the service address (Shanghai-T)", wu.reasons)
        self.assertIn("skill fits the fault and product (Senior)", chen.reasons)
        self.assertIn("other zone (Suzhou-T)", chen.reasons)
        self.assertIn("2 open jobs", chen.reasons)

    def test_complex_job_a_senior_from_farther_before_a_local_junior(self):
        ticket = self._create_repair(is_complex=True)
        wizard, lines = self._ranking(ticket)
        self.assertTrue(wizard.is_complex)
        self.assertEqual(wizard.engineer_id, self.zhang)
        self.assertEqual(
            self._order(lines, self.zhang, self.liu, self.chen, self.wu),
            [self.zhang, self.chen, self.liu, self.wu],
        )
        liu, chen = lines[self.liu], lines[self.chen]
        self.assertEqual(liu.rank, chen.rank + 1)
        self.assertTrue(chen.senior and not chen.same_zone)
        self.assertTrue(liu.same_zone and not liu.senior)
        self.assertIn(
            "after Chen, a senior: complex jobs go to seniors before the zone counts",
            liu.reasons,
        )
        self.assertIn(
            "junior: on a complex job after every senior, even a farther one; "
            "can assist a senior",
            liu.reasons,
        )
        self.assertIn(
            "senior: on a complex job before every junior, even a nearer one",
            chen.reasons,
        )
        self.assertIn(
            "after Zhang, who works in the zone of the service address", chen.reasons
        )
        # the senior who does not fit stays after them all, complex or not
        self.assertIn("after Liu, whose skills fit", lines[self.wu].reasons)
        # the same request, not complex: the zone decides before seniority
        ticket.is_complex = False
        _wizard, lines = self._ranking(ticket)
        self.assertEqual(
            self._order(lines, self.zhang, self.liu, self.chen, self.wu),
            [self.liu, self.zhang, self.chen, self.wu],
        )
        self.assertIn(
            "after Liu: equal on every rule, in name order", lines[self.zhang].reasons
        )
        self.assertNotIn("senior:", lines[self.zhang].reasons)

    def test_the_dispatch_order_keeps_the_reasons_of_the_choice(self):
        ticket = self._create_repair(is_complex=True)
        wizard, lines = self._ranking(ticket)
        wizard.engineer_id = self.chen
        wizard.assistant_id = self.liu
        order = self.env["aftersales.dispatch.order"].browse(
            wizard.action_confirm()["res_id"]
        )
        self.assertEqual(order.engineer_id, self.chen)
        self.assertEqual(order.assistant_id, self.liu)
        self.assertIn(f"Rank {lines[self.chen].rank} of", order.ranking_note)
        self.assertIn("after Zhang, who works in the zone", order.ranking_note)

    def test_an_engineer_whose_skills_do_not_fit_is_not_confirmed(self):
        ticket = self._create_repair()
        wizard, _lines = self._ranking(ticket)
        self.assertNotEqual(wizard.engineer_id, self.wu)  # not proposed
        wizard.engineer_id = self.wu
        self.assertFalse(wizard.engineer_eligible)
        self.assertTrue(wizard.engineer_overridable)
        with self.assertRaisesRegex(UserError, "cannot be dispatched"):
            wizard.action_confirm()
        # a dispatcher cannot send him, even with a reason
        wizard.skill_override_reason = "Nobody else is free today."
        with self.assertRaises(AccessError):
            wizard.action_confirm()
        self.assertFalse(ticket.dispatch_order_ids)
        # nor can a manager without a reason
        wizard, _lines = self._ranking(ticket, user=self.manager)
        wizard.engineer_id = self.wu
        with self.assertRaisesRegex(UserError, "cannot be dispatched"):
            wizard.action_confirm()
        # a manager sends him with a reason: the order keeps it, its chatter
        # says so
        wizard.skill_override_reason = "Nobody else is free today."
        order = self.env["aftersales.dispatch.order"].browse(
            wizard.action_confirm()["res_id"]
        )
        self.assertEqual(order.engineer_id, self.wu)
        self.assertEqual(order.skill_override_reason, "Nobody else is free today.")
        self.assertEqual(order.skill_override_user_id, self.manager)
        note = order.message_ids.filtered(
            lambda m: "Nobody else is free today." in (m.body or "")
        )
        self.assertIn("no skill of his fits", note.body)

    def test_no_override_for_an_engineer_without_a_valid_certification(self):
        self.liu.certification_ids.date_issued = date(2020, 1, 5)  # expired
        wizard, lines = self._ranking(self._create_repair(), user=self.manager)
        self.assertFalse(lines[self.liu].certified or lines[self.liu].overridable)
        wizard.engineer_id = self.liu
        wizard.skill_override_reason = "He knows this customer."
        with self.assertRaisesRegex(UserError, "cannot be dispatched"):
            wizard.action_confirm()

    def test_the_job_changes_hands_only_to_an_engineer_who_may_go(self):
        ticket = self._create_repair()
        order = self.env["aftersales.dispatch.order"].create(
            {"ticket_id": ticket.id, "engineer_id": self.zhang.id}
        )
        zhang = self.zhang.user_id
        self.assertIn(zhang.partner_id, ticket.message_partner_ids)
        with (
            self.assertRaisesRegex(UserError, "cannot take over"),
            Form(order.with_user(self.dispatcher)) as form,
        ):
            form.engineer_id = self.wu
        self.assertEqual(order.engineer_id, self.zhang)
        with Form(order.with_user(self.dispatcher)) as form:
            form.engineer_id = self.liu
        self.assertEqual(ticket.engineer_id, self.liu)
        self.assertEqual(ticket.user_id, self.liu.user_id)
        self.assertIn(self.liu.user_id.partner_id, ticket.message_partner_ids)
        self.assertNotIn(zhang.partner_id, ticket.message_partner_ids)
        self.assertNotIn(zhang.partner_id, order.message_partner_ids)

    def test_reasons_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        # the level's label is a field term: load the addon's translations
        self.env["ir.module.module"]._load_module_terms(["aftersales_sop"], ["zh_CN"])
        self._busy(self.chen, 1)
        _wizard, lines = self._ranking(
            self._create_repair(is_complex=True), lang="zh_CN"
        )
        self.assertIn("1 个未完成任务", lines[self.chen].reasons)
        self.assertIn("其他区域（Suzhou-T）", lines[self.chen].reasons)
        self.assertIn("技能匹配故障类型和产品（高级）", lines[self.chen].reasons)
        self.assertIn("排在 Chen 之后", lines[self.liu].reasons)
        self.assertNotIn("after", lines[self.liu].reasons)
        self.assertNotIn("after", lines[self.wu].reasons)

    def test_every_reason_of_the_rules_has_a_message(self):
        codes = {code for group in dispatch_rules.CODES.values() for code in group}
        self.assertEqual(set(REASON_MESSAGES), codes)

    def test_a_certification_without_category_covers_every_product(self):
        sun = self._create_engineer(
            "as_sun", "Sun", self.suzhou, "junior", self.env["product.category"]
        )
        self.assertFalse(sun.certification_ids.product_categ_id)
        _wizard, lines = self._ranking(self._create_repair())
        self.assertTrue(lines[sun].eligible)
        self.assertIn(
            "valid certification for Test Appliances / Test ACs", lines[sun].reasons
        )
