# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The migration scripts of the noupdate records: a database whose records are
as 18.0.1.0.0 left them gets the new ones; what an administrator changed stays."""

import importlib.util
import os

from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, tagged


def migration(module, version, name="post-migration"):
    """The migration script ``name`` of ``module`` for ``version``, loaded as
    Odoo's upgrade loads it (by its path)."""
    path = os.path.join(get_module_path(module), "migrations", version, f"{name}.py")
    spec = importlib.util.spec_from_file_location(
        f"{module}_{version.replace('.', '_')}_{name.replace('-', '_')}", path
    )
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return script


OLD_TICKET_ASSISTANT_RULE = "[('dispatch_order_ids.assistant_user_id', '=', user.id)]"
OLD_VISIT_RULE = (
    "['|', ('engineer_user_id', '=', user.id), ('assistant_user_id', '=', user.id)]"
)
OLD_SURVEY_BODY = """<div>
    <p>Dear <t t-out="object.partner_id.name or ''">customer</t>,</p>
    <p>Thank you for choosing our after-sales service for your request
        <t t-out="object.ticket_id.number or ''">HT00001</t>.
        Would you tell us how we did? It takes a minute: score our response speed,
        attitude, result, resolution speed, parts supply and professionalism from
        0 to 10.</p>
    <p style="margin: 16px 0px;">
        <a t-att-href="object.get_base_url() + object.get_portal_url()"
           style="background-color: #875A7B; padding: 8px 16px; color: #ffffff; \
border-radius: 5px; text-decoration: none;">
            Answer the survey
        </a>
    </p>
    <p>No account is needed.</p>
</div>"""


@tagged("post_install", "-at_install")
class TestUpgradeNoupdateRecords(TransactionCase):
    def _as_in_1_0(self):
        """Put the records back as a database of 18.0.1.0.0 has them."""
        env = self.env
        old_rule = env["ir.rule"].create(
            {
                "name": "Ticket: the assistant engineer of a dispatch order",
                "model_id": env.ref("helpdesk_mgmt.model_helpdesk_ticket").id,
                "domain_force": OLD_TICKET_ASSISTANT_RULE,
                "groups": [env.ref("aftersales_sop.aftersales_sop_group_engineer").id],
            }
        )
        env["ir.model.data"].create(
            {
                "module": "aftersales_sop",
                "name": "helpdesk_ticket_rule_engineer_assistant",
                "model": "ir.rule",
                "res_id": old_rule.id,
                "noupdate": True,
            }
        )
        env.ref("aftersales_sop.aftersales_visit_rule_engineer_own").write(
            {"domain_force": OLD_VISIT_RULE, "perm_read": True}
        )
        env.ref("aftersales_warranty.aftersales_part_line_rule_engineer_own").write(
            {"domain_force": "[('ticket_id.user_id', '=', user.id)]"}
        )
        review = env.ref("aftersales_sop.aftersales_clock_dispatch_review")
        review.start_event = "repair_registered"
        feedback = env.ref("aftersales_sop.aftersales_clock_feedback")
        feedback.ticket_domain = "[('inquiry_class', '=', 'b')]"
        env.ref("aftersales_sop.mail_template_survey_link").with_context(
            lang="en_US"
        ).body_html = OLD_SURVEY_BODY
        return old_rule

    def test_the_old_records_become_the_new_ones(self):
        old_rule = self._as_in_1_0()
        migration("aftersales_sop", "18.0.1.1.0").upgrade(self.env)
        migration("aftersales_warranty", "18.0.1.2.0").upgrade(self.env)

        self.assertFalse(old_rule.exists(), "the rule that left the files is gone")
        self.assertFalse(
            self.env.ref(
                "aftersales_sop.helpdesk_ticket_rule_engineer_assistant", False
            )
        )
        visit_rule = self.env.ref("aftersales_sop.aftersales_visit_rule_engineer_own")
        self.assertIn("dispatch_order_id.state", visit_rule.domain_force)
        self.assertFalse(visit_rule.perm_read)
        self.assertIn(
            "aftersales_job_user_ids",
            self.env.ref(
                "aftersales_warranty.aftersales_part_line_rule_engineer_own"
            ).domain_force,
        )
        self.assertEqual(
            self.env.ref("aftersales_sop.aftersales_clock_dispatch_review").start_event,
            "review_started",
        )
        self.assertIn(
            "escalated_date",
            self.env.ref("aftersales_sop.aftersales_clock_feedback").ticket_domain,
        )
        body = (
            self.env.ref("aftersales_sop.mail_template_survey_link")
            .with_context(lang="en_US")
            .body_html
        )
        self.assertIn("object.kind", body)

    def test_what_an_administrator_set_stays(self):
        self._as_in_1_0()
        feedback = self.env.ref("aftersales_sop.aftersales_clock_feedback")
        feedback.ticket_domain = "[('inquiry_class', 'in', ('b', 'c'))]"
        feedback.description = "Our own words."
        template = self.env.ref("aftersales_sop.mail_template_survey_link")
        template.with_context(lang="en_US").body_html = "<p>Our own e-mail.</p>"
        migration("aftersales_sop", "18.0.1.1.0").upgrade(self.env)
        self.assertEqual(
            feedback.ticket_domain, "[('inquiry_class', 'in', ('b', 'c'))]"
        )
        self.assertEqual(feedback.description, "Our own words.")
        self.assertIn("Our own e-mail.", template.with_context(lang="en_US").body_html)
        self.assertEqual(
            self.env.ref("aftersales_sop.aftersales_clock_dispatch_review").start_event,
            "review_started",
            "the start event nobody changed moves to the new default",
        )

    def test_a_fresh_installation_is_left_as_it_is(self):
        """Run on the current records, the steps change nothing."""
        rule = self.env.ref("aftersales_sop.aftersales_visit_rule_engineer_own")
        before = (rule.domain_force, rule.perm_read, rule.perm_write)
        migration("aftersales_sop", "18.0.1.1.0").upgrade(self.env)
        self.assertEqual((rule.domain_force, rule.perm_read, rule.perm_write), before)
