# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models

REVIEW_ACTIVITY = "aftersales_kpi.mail_act_certification_review"


class AftersalesCertification(models.Model):
    """The re-review of certifications (SPEC §10): HR is reminded before a
    certification expires and records the re-review, which renews it or not.
    An expired certification takes the engineer out of dispatch for its
    product category (aftersales_sop)."""

    _name = "aftersales.certification"
    _inherit = ["aftersales.certification", "mail.activity.mixin"]

    review_ids = fields.One2many(
        "aftersales.certification.review", "certification_id", string="Re-reviews"
    )
    last_review_date = fields.Date(
        compute="_compute_last_review", string="Last Re-review"
    )
    last_review_result = fields.Selection(
        related="review_ids.result", string="Last Result"
    )
    employee_id = fields.Many2one(related="engineer_id.employee_id", store=True)

    @api.depends("review_ids.date")
    def _compute_last_review(self):
        for certification in self:
            certification.last_review_date = max(
                certification.review_ids.mapped("date"), default=False
            )

    def action_open_review(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Re-review %(name)s", name=self.name),
            "res_model": "aftersales.certification.review",
            "view_mode": "form",
            "target": "new",
            "context": {"default_certification_id": self.id},
        }

    def _superseded(self):
        """Certifications a later one of the same engineer and category replaces."""
        later = self.search(
            [
                ("engineer_id", "in", self.engineer_id.ids),
                ("date_expiry", "!=", False),
            ]
        )
        return self.filtered(
            lambda c: any(
                other != c
                and other.engineer_id == c.engineer_id
                and other.product_categ_id == c.product_categ_id
                and other.date_expiry > c.date_expiry
                for other in later
            )
        )

    @api.model
    def _cron_remind_reviews(self):
        """Ask HR to re-review the certifications expiring soon (or expired)
        that nobody re-reviewed in their reminder period."""
        today = fields.Date.context_today(self)
        review_type = self.env.ref(REVIEW_ACTIVITY)
        companies = self.env["res.company"].search(
            [("aftersales_certification_reminder_days", ">", 0)]
        )
        for company in companies:
            days = company.aftersales_certification_reminder_days
            certifications = self.search(
                [
                    ("company_id", "=", company.id),
                    ("engineer_id.active", "=", True),
                    ("date_expiry", "!=", False),
                    ("date_expiry", "<=", today + timedelta(days=days)),
                ]
            )
            certifications -= certifications._superseded()
            certifications = certifications.filtered(
                lambda c, days=days: (
                    review_type not in c.activity_ids.activity_type_id
                    and not (
                        c.last_review_date
                        and c.last_review_date >= c.date_expiry - timedelta(days=days)
                    )
                )
            )
            users = company._aftersales_hr_users()
            for certification in certifications:
                for user in users:
                    certification.activity_schedule(
                        REVIEW_ACTIVITY,
                        date_deadline=max(certification.date_expiry, today),
                        summary=self.env._(
                            "Re-review the certification of %(engineer)s",
                            engineer=certification.engineer_id.name,
                        ),
                        user_id=user.id,
                    )
