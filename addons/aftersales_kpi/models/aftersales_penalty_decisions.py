# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import AccessError, UserError

DECIDE = {"aftersales_penalty_decision": True}


class AftersalesPenalty(models.Model):
    """The decisions on a penalty: the supervisor (an assessment reviewer, which
    every after-sales manager is) confirms or dismisses a proposal and cancels
    a confirmed penalty; the engineer contests, the supervisor answers."""

    _inherit = "aftersales.penalty"

    def _check_can_decide(self):
        if not self._is_reviewer():
            raise AccessError(
                self.env._(
                    "Only assessment reviewers and after-sales managers decide on "
                    "penalties."
                )
            )
        own = self.filtered(lambda p: p.user_id == self.env.user)
        if own and not self.env.su:
            raise AccessError(
                self.env._(
                    "%(name)s is your own penalty: another supervisor decides on it.",
                    name=own[0].name,
                )
            )

    @staticmethod
    def _required_text(text, message):
        text = (text or "").strip()
        if not text:
            raise UserError(message)
        return text

    def _check_proposed(self):
        wrong = self.filtered(lambda p: p.state != "proposed")
        if wrong:
            raise UserError(
                self.env._("%(name)s is not a proposal any more.", name=wrong[0].name)
            )

    def _aftersales_confirm(self, serious_impact=None, note=None):
        """Confirm proposals. ``serious_impact``: the supervisor's judgement for
        complaint offences (None keeps the proposal's); a contested proposal
        needs ``note``, the answer to the engineer."""
        self._check_can_decide()
        self._check_proposed()
        note = (note or "").strip() or False
        for penalty in self:
            impact = (
                penalty.serious_impact if serious_impact is None else serious_impact
            )
            if penalty.requires_serious_impact and not impact:
                raise UserError(
                    self.env._(
                        "%(name)s: %(offence)s is penalized only when the complaint "
                        "had a serious impact. Dismiss it, or judge the impact "
                        "serious.",
                        name=penalty.name,
                        offence=penalty.rule_id.name,
                    )
                )
            if penalty.contest_state == "contested" and not note:
                raise UserError(
                    self.env._(
                        "%(name)s is contested: answer the engineer's statement.",
                        name=penalty.name,
                    )
                )
            values = {
                "state": "confirmed",
                "decided_by_id": self.env.user.id,
                "decision_date": fields.Datetime.now(),
                "decision_note": note,
            }
            if penalty.requires_serious_impact:
                values["serious_impact"] = True
            if penalty.contest_state == "contested":
                values.update(contest_state="answered", contest_answer=note)
            penalty.with_context(**DECIDE).write(values)
        self._aftersales_close_review_activities()
        self._aftersales_update_strikes()
        return True

    def _aftersales_dismiss(self, reason):
        self._check_can_decide()
        self._check_proposed()
        reason = self._required_text(
            reason, self.env._("Say why the proposal is dismissed.")
        )
        values = {
            "state": "dismissed",
            "decided_by_id": self.env.user.id,
            "decision_date": fields.Datetime.now(),
            "decision_note": reason,
        }
        for penalty in self:
            extra = {}
            if penalty.contest_state == "contested":
                extra = {"contest_state": "answered", "contest_answer": reason}
            penalty.with_context(**DECIDE).write(dict(values, **extra))
        self._aftersales_close_review_activities()
        return True

    def _aftersales_cancel(self, reason):
        """Cancel confirmed penalties: they count for nothing any more."""
        self._check_can_decide()
        wrong = self.filtered(lambda p: p.state != "confirmed")
        if wrong:
            raise UserError(
                self.env._(
                    "%(name)s is not confirmed: only a confirmed penalty is "
                    "cancelled (a proposal is dismissed).",
                    name=wrong[0].name,
                )
            )
        reason = self._required_text(
            reason, self.env._("Say why the penalty is cancelled.")
        )
        for penalty in self:
            values = {
                "state": "cancelled",
                "cancel_reason": reason,
                "cancelled_by_id": self.env.user.id,
                "cancel_date": fields.Datetime.now(),
            }
            if penalty.contest_state == "contested":
                values.update(contest_state="answered", contest_answer=reason)
            penalty.with_context(**DECIDE).write(values)
        self._aftersales_close_review_activities()
        self._aftersales_update_strikes()
        return True

    def _aftersales_contest(self, statement):
        """The engineer contests his penalty with his statement."""
        statement = self._required_text(
            statement, self.env._("Write your statement: why you contest it.")
        )
        for penalty in self:
            if penalty.user_id != self.env.user and not self.env.su:
                raise AccessError(
                    self.env._(
                        "Only the engineer himself contests penalty %(name)s.",
                        name=penalty.name,
                    )
                )
            if penalty.state not in ("proposed", "confirmed") or penalty.contest_state:
                raise UserError(
                    self.env._(
                        "%(name)s cannot be contested: it is closed or was "
                        "contested already.",
                        name=penalty.name,
                    )
                )
        # sudo: the engineer only reads his penalties; contesting is his right
        self.sudo().with_context(**DECIDE).write(
            {
                "contest_state": "contested",
                "contest_statement": statement,
                "contest_date": fields.Datetime.now(),
            }
        )
        self._aftersales_schedule_review(contest=True)
        return True

    def _aftersales_answer_contest(self, answer):
        """The supervisor keeps a confirmed penalty and answers the engineer."""
        self._check_can_decide()
        wrong = self.filtered(
            lambda p: p.state != "confirmed" or p.contest_state != "contested"
        )
        if wrong:
            raise UserError(
                self.env._(
                    "%(name)s is not a contested confirmed penalty: confirm or "
                    "dismiss a proposal instead.",
                    name=wrong[0].name,
                )
            )
        answer = self._required_text(
            answer, self.env._("Write your answer to the engineer.")
        )
        self.with_context(**DECIDE).write(
            {"contest_state": "answered", "contest_answer": answer}
        )
        self._aftersales_close_review_activities()
        return True

    # ---------------------------------------------------------------------------
    # who is told
    # ---------------------------------------------------------------------------

    def _aftersales_supervisor(self):
        """Who reviews the penalty: who decided on it, else the engineer's
        manager, else the company's HR contact, the first who is a reviewer."""
        self.ensure_one()
        reviewer_group = "aftersales_kpi.aftersales_kpi_group_reviewer"
        candidates = (
            self.decided_by_id
            | self.employee_id.parent_id.user_id
            | self.company_id.aftersales_hr_user_id
        )
        for user in candidates:
            if user.active and user != self.user_id and user.has_group(reviewer_group):
                return user
        return self.env["res.users"]

    def _aftersales_schedule_review(self, contest=False):
        for penalty in self.sudo():  # sudo: an engineer contesting, a cron
            user = penalty._aftersales_supervisor()
            if not user:
                continue
            summary = (
                self.env._("Answer the engineer who contests the penalty")
                if contest
                else self.env._("Confirm or dismiss the proposed penalty")
            )
            penalty.activity_schedule(
                "aftersales_kpi.mail_act_penalty_review",
                summary=summary,
                note=penalty.contest_statement if contest else penalty.description,
                user_id=user.id,
            )

    def _aftersales_close_review_activities(self):
        # sudo: the activity may be assigned to another supervisor
        self.sudo().activity_feedback(["aftersales_kpi.mail_act_penalty_review"])
