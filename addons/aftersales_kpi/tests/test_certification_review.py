# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The certification re-review: HR is reminded before expiry, records who
re-reviewed, when and the result; renewing extends the certification or
creates the new one; an expired certification keeps the engineer out of
dispatch for its category."""

from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged

from .common import MONDAY_10, KpiCommon

CRON = "aftersales_kpi.ir_cron_remind_certification_reviews"


@tagged("post_install", "-at_install")
@freeze_time(MONDAY_10)
class TestCertificationReview(KpiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Liu's certification: issued 2024-10-20, valid through 2026-10-19
        cls.certification = cls.liu.certification_ids
        cls.certification.date_issued = date(2024, 10, 20)

    def _reminders(self, certification):
        return certification.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("aftersales_kpi.mail_act_certification_review")
            )
        )

    def _review(self, **values):
        with Form(
            self.env["aftersales.certification.review"]
            .with_user(self.hr_officer)
            .with_context(default_certification_id=self.certification.id)
        ) as form:
            for name, value in values.items():
                setattr(form, name, value)
        return form.record

    def test_hr_is_reminded_before_expiry_once(self):
        self.assertEqual(self.certification.date_expiry, date(2026, 10, 19))
        self.company.aftersales_certification_reminder_days = 14
        self.env.ref(CRON).method_direct_trigger()
        self.assertFalse(self._reminders(self.certification))  # 21 days left
        self.company.aftersales_certification_reminder_days = 30
        self.env.ref(CRON).method_direct_trigger()
        reminder = self._reminders(self.certification)
        self.assertEqual(reminder.user_id, self.hr_officer)
        self.assertEqual(reminder.date_deadline, date(2026, 10, 19))
        self.env.ref(CRON).method_direct_trigger()
        self.assertEqual(len(self._reminders(self.certification)), 1)
        # other engineers' certifications (issued 2026-01-05) are not due
        self.assertFalse(self._reminders(self.zhang.certification_ids))

    def test_renewing_extends_the_certification_and_keeps_dispatch(self):
        self.env.ref(CRON).method_direct_trigger()
        review = self._review(note="Passed the practical test.")
        self.assertEqual(review.result, "renewed")
        self.assertEqual(review.reviewer_id, self.hr_officer)
        self.assertEqual(review.date, date(2026, 9, 28))
        self.assertEqual(review.previous_expiry, date(2026, 10, 19))
        self.assertEqual(review.new_expiry, date(2028, 9, 27))
        self.assertEqual(self.certification.date_expiry, date(2028, 9, 27))
        self.assertEqual(self.certification.last_review_date, date(2026, 9, 28))
        self.assertFalse(self._reminders(self.certification))
        with freeze_time("2026-11-02 02:00:00"):
            certified = self.liu._valid_certification_categories()[self.liu.id]
            self.assertIn(self.air_con.id, certified)
        # a reviewed certification is not reminded again
        self.env.ref(CRON).method_direct_trigger()
        self.assertFalse(self._reminders(self.certification))
        # the re-review is a record: only its note changes
        review.with_user(self.hr_officer).note = "Passed with honours."
        with self.assertRaises(UserError):
            review.with_user(self.hr_officer).result = "not_renewed"
        with self.assertRaises(UserError):
            review.with_user(self.hr_officer).unlink()

    def test_a_new_certificate_number_creates_the_new_certification(self):
        review = self._review(
            new_certificate_number="ASC-2026-0999", validity_months=12
        )
        new = review.new_certification_id
        self.assertEqual(new.name, "ASC-2026-0999")
        self.assertEqual(new.engineer_id, self.liu)
        self.assertEqual(new.product_categ_id, self.air_con)
        self.assertEqual(
            (new.date_issued, new.date_expiry), (date(2026, 9, 28), date(2027, 9, 27))
        )
        self.assertEqual(self.certification.date_expiry, date(2026, 10, 19))
        # the old one is replaced: no reminder for it
        self.env.ref(CRON).method_direct_trigger()
        self.assertFalse(self._reminders(self.certification))

    def test_not_renewed_the_engineer_leaves_dispatch_when_it_expires(self):
        self._review(result="not_renewed", note="Failed the safety test.")
        self.assertEqual(self.certification.date_expiry, date(2026, 10, 19))
        with freeze_time("2026-10-20 02:00:00"):
            self.assertEqual(self.certification.state, "expired")
            certified = self.liu._valid_certification_categories()[self.liu.id]
            self.assertNotIn(self.air_con.id, certified)
            self.env.ref(CRON).method_direct_trigger()
            self.assertFalse(self._reminders(self.certification))

    def test_a_review_cannot_be_dated_in_the_future(self):
        with self.assertRaises(ValidationError):
            self.env["aftersales.certification.review"].create(
                {"certification_id": self.certification.id, "date": date(2026, 10, 1)}
            )

    def test_the_re_review_button_and_the_employee_tabs(self):
        action = self.certification.with_user(self.hr_officer).action_open_review()
        self.assertEqual(
            action["context"], {"default_certification_id": self.certification.id}
        )
        employee = self.liu.employee_id.with_user(self.hr_officer)
        self.assertEqual(employee.aftersales_certification_ids, self.certification)
        self.assertEqual(employee.aftersales_certification_count, 1)
        with Form(employee) as form:  # the HR form with the after-sales tabs opens
            self.assertEqual(form.aftersales_certification_count, 1)
