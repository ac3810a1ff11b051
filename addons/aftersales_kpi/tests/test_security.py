# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who sees an engineer's penalties and strike flags: he himself, his managers
(the employee hierarchy), the assessment reviewers and HR; nobody else, in
the UI and through RPC."""

from odoo.exceptions import AccessError
from odoo.tests import freeze_time, tagged

from .common import MONDAY_10, PenaltyAccessCommon


@tagged("post_install", "-at_install")
@freeze_time(MONDAY_10)
class TestPenaltyAccess(PenaltyAccessCommon):
    def _visible(self, user, model="aftersales.penalty"):
        """What ``user`` finds through RPC (search_read), among the test records."""
        records = self.penalties | self.zhang_penalty
        if model == "aftersales.penalty.strike":
            records = self.flag
        rows = (
            self.env[model]
            .with_user(user)
            .search_read([("id", "in", records.ids)], ["display_name"])
        )
        return {row["id"] for row in rows}

    def _assert_sees(self, user, liu, zhang, flag):
        self.assertEqual(
            self._visible(user) >= set(self.penalties.ids), liu, "Liu's penalties"
        )
        self.assertEqual(self.zhang_penalty.id in self._visible(user), zhang, "Zhang's")
        self.assertEqual(
            bool(self._visible(user, "aftersales.penalty.strike")), flag, "the flag"
        )
        if not liu:
            self.assertFalse(self._visible(user) & set(self.penalties.ids))
            with self.assertRaises(AccessError):
                self.penalties[0].with_user(user).read(["amount"])
        if not flag:
            with self.assertRaises(AccessError):
                self.flag.with_user(user).read(["state"])

    def test_the_engineer_himself(self):
        self._assert_sees(self.liu.user_id, liu=True, zhang=False, flag=True)
        with self.assertRaises(AccessError):
            self.penalties[0].with_user(self.liu.user_id).write({"amount": 0})

    def test_another_engineer(self):
        self._assert_sees(self.chen.user_id, liu=False, zhang=False, flag=False)

    def test_his_managers_up_the_hierarchy(self):
        # Zhang manages Liu; Wang manages Zhang, so Liu too
        self._assert_sees(self.zhang.user_id, liu=True, zhang=True, flag=True)
        self._assert_sees(self.boss, liu=True, zhang=True, flag=True)
        # a manager reads, he does not decide or change
        with self.assertRaises(AccessError):
            self.penalties[0].with_user(self.boss).write({"amount": 0})
        with self.assertRaises(AccessError):
            self.zhang_penalty.with_user(self.boss)._aftersales_confirm()

    def test_an_unrelated_manager(self):
        self._assert_sees(self.other_boss, liu=False, zhang=False, flag=False)

    def test_hr_and_the_reviewers(self):
        self._assert_sees(self.hr_officer, liu=True, zhang=True, flag=True)
        self._assert_sees(self.reviewer, liu=True, zhang=True, flag=True)
        self._assert_sees(self.manager, liu=True, zhang=True, flag=True)

    def test_service_desk_staff_see_nothing(self):
        for user in (self.agent, self.dispatcher, self.tech_support):
            self._assert_sees(user, liu=False, zhang=False, flag=False)

    def test_another_company_sees_nothing(self):
        other = self.env["res.company"].create({"name": "Other Co"})
        self.reviewer.write({"company_ids": [(4, other.id)], "company_id": other.id})
        rows = (
            self.env["aftersales.penalty"]
            .with_user(self.reviewer)
            .with_context(allowed_company_ids=[other.id])
            .search([("id", "in", self.penalties.ids)])
        )
        self.assertFalse(rows)

    def test_every_view_opens_for_each_role(self):
        views = {
            "aftersales.penalty": [
                "list",
                "form",
                "kanban",
                "search",
                "pivot",
                "graph",
            ],
            "aftersales.penalty.strike": ["list", "form", "search"],
            "aftersales.penalty.rule": ["list", "form", "search"],
        }
        for user in (self.liu.user_id, self.boss, self.reviewer, self.hr_officer):
            for model, types in views.items():
                result = (
                    self.env[model]
                    .with_user(user)
                    .get_views([(False, view_type) for view_type in types])
                )
                self.assertEqual(set(result["views"]), set(types), (user, model))
        # the engineer is offered Contest, never Confirm
        form = self.env["aftersales.penalty"].with_user(self.liu.user_id)
        penalty = form.browse(self.penalties[0].id)
        self.assertTrue(penalty.is_own)
        self.assertFalse(penalty.can_decide)
        self.assertTrue(penalty.with_user(self.reviewer).can_decide)
