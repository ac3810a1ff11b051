# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .aftersales_certification import REVIEW_ACTIVITY

RESULTS = [("renewed", "Renewed"), ("not_renewed", "Not Renewed")]


class AftersalesCertificationReview(models.Model):
    """A re-review of a certification: who reviewed it, when, the result and
    the new validity. Renewing extends the certification, or creates the new
    one when a new certificate number was issued."""

    _name = "aftersales.certification.review"
    _description = "Certification Re-review"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    certification_id = fields.Many2one(
        "aftersales.certification",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    engineer_id = fields.Many2one(
        related="certification_id.engineer_id", store=True, index=True
    )
    company_id = fields.Many2one(related="certification_id.company_id", store=True)
    product_categ_id = fields.Many2one(related="certification_id.product_categ_id")
    reviewer_id = fields.Many2one(
        "res.users",
        string="Reviewed By",
        required=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    date = fields.Date(
        string="Reviewed On", required=True, default=fields.Date.context_today
    )
    result = fields.Selection(RESULTS, required=True, default="renewed")
    validity_months = fields.Integer(
        default=lambda self: self.env.company.aftersales_certification_months,
        help="How long the renewed certification is valid from the re-review.",
    )
    previous_expiry = fields.Date(string="Was Valid Until", readonly=True, copy=False)
    new_expiry = fields.Date(
        string="Now Valid Until",
        compute="_compute_new_expiry",
        store=True,
        readonly=False,
        help="Last day of the renewed certification: the re-review date plus "
        "the validity, unless changed.",
    )
    new_certificate_number = fields.Char(
        help="When a new certificate was issued: its number. Empty: the current "
        "certification is extended."
    )
    new_certification_id = fields.Many2one(
        "aftersales.certification", readonly=True, copy=False
    )
    note = fields.Text(help="What was checked, and why it was (not) renewed.")

    @api.depends("date", "validity_months", "result")
    def _compute_new_expiry(self):
        for review in self:
            if review.result == "renewed" and review.date and review.validity_months:
                review.new_expiry = (
                    review.date
                    + relativedelta(months=review.validity_months)
                    - relativedelta(days=1)
                )
            else:
                review.new_expiry = False

    @api.constrains("date", "new_expiry", "result")
    def _check_dates(self):
        today = fields.Date.context_today(self)
        for review in self:
            if review.date > today:
                raise ValidationError(
                    self.env._("A re-review cannot be dated in the future.")
                )
            if review.result == "renewed" and (
                not review.new_expiry or review.new_expiry <= review.date
            ):
                raise ValidationError(
                    self.env._("A renewed certification is valid after the re-review.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        reviews = super().create(vals_list)
        reviews._apply()
        return reviews

    def write(self, vals):
        if set(vals) - {"note"}:
            raise UserError(
                self.env._(
                    "A re-review is a record of what was decided: only its note "
                    "changes. Record a new re-review instead."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_recorded(self):
        raise UserError(self.env._("Re-reviews are kept: record a new one instead."))

    def _apply(self):
        for review in self:
            certification = review.certification_id
            values = {"previous_expiry": certification.date_expiry}
            if review.result == "renewed" and review.new_certificate_number:
                values["new_certification_id"] = certification.create(
                    {
                        "engineer_id": certification.engineer_id.id,
                        "name": review.new_certificate_number,
                        "product_categ_id": certification.product_categ_id.id,
                        "date_issued": review.date,
                        "validity_months": review.validity_months,
                        "date_expiry": review.new_expiry,
                    }
                ).id
            elif review.result == "renewed":
                certification.date_expiry = review.new_expiry
            super(AftersalesCertificationReview, review).write(values)
            results = dict(self._fields["result"]._description_selection(self.env))
            feedback = self.env._(
                "Re-reviewed by %(reviewer)s on %(date)s: %(result)s.",
                reviewer=review.reviewer_id.name,
                date=review.date,
                result=results[review.result],
            )
            # sudo: the reminder may be assigned to another HR officer; the
            # reviewer may have no e-mail address
            certification = certification.sudo()
            reminders = certification.activity_ids.filtered(
                lambda a: a.activity_type_id == self.env.ref(REVIEW_ACTIVITY)
            )
            if reminders:
                reminders.action_feedback(feedback=feedback)
            else:
                certification.message_post(body=feedback)
        return True
