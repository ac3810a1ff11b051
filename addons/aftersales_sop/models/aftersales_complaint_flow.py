# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools.chatter import post_note
from .aftersales_complaint import APPROVED_STATES, HANDLER_GROUP, MANAGER_GROUP

#: moments set by the workflow; once set, only a manager changes one
COMPLAINT_MOMENTS = (
    "received_date",
    "recorded_date",
    "investigation_date",
    "verified_date",
    "proposed_date",
    "approved_date",
    "told_date",
    "confirmed_date",
)
#: what only the workflow's steps (or a manager) write
STEP_FIELDS = {"state", "approver_id", "reopen_count", *COMPLAINT_MOMENTS} - {
    "received_date"
}
#: the activity of each step, and the field of the user who does it
STEP_ACTIVITIES = {
    "recorded": ("aftersales_sop.mail_act_complaint_investigate", "user_id"),
    "investigation": ("aftersales_sop.mail_act_complaint_investigate", "user_id"),
    "cross_check": ("aftersales_sop.mail_act_complaint_investigate", "user_id"),
    "proposed": ("aftersales_sop.mail_act_complaint_approve", "supervisor_id"),
    "approved": ("aftersales_sop.mail_act_complaint_reply", "user_id"),
}


class AftersalesComplaint(models.Model):
    """The complaint's workflow: recorded → investigation → (cross-department
    check) → solution proposed → approved by the supervisor → customer told →
    closed on the customer's confirmation, or reopened."""

    _inherit = "aftersales.complaint"

    # ---------------------------------------------------------------------------
    # who may do what
    # ---------------------------------------------------------------------------

    def _aftersales_check_handler(self):
        """Complaint handlers and after-sales managers investigate and settle."""
        user = self.env.user
        if not (
            self.env.su
            or user.has_group(HANDLER_GROUP)
            or user.has_group(MANAGER_GROUP)
        ):
            raise AccessError(
                self.env._(
                    "Only complaint handlers and after-sales managers investigate "
                    "and settle complaints."
                )
            )

    def _aftersales_check_state(self, *states):
        for complaint in self:
            if complaint.state not in states:
                state = dict(
                    self._fields["state"]._description_selection(self.env)
                ).get(complaint.state)
                raise UserError(
                    self.env._(
                        "Complaint %(name)s is at the step %(state)s: this action "
                        "does not apply to it.",
                        name=complaint.name,
                        state=state,
                    )
                )

    def _aftersales_step(self, vals):
        """Write what a step of the workflow records."""
        return self.with_context(aftersales_complaint_step=True).write(vals)

    def _aftersales_check_complaint_changes(self, vals):
        """The step, its moments and approver are written by the workflow's
        steps; recorded moments, the supervisor's judgement and an approved
        attribution change only by a manager."""
        if self.env["res.users"]._is_aftersales_manager():
            return
        Users = self.env["res.users"]
        if set(vals) & STEP_FIELDS and not self.env.context.get(
            "aftersales_complaint_step"
        ):
            Users._check_aftersales_manager(
                self.env._(
                    "A complaint moves from step to step with its buttons; only an "
                    "after-sales manager sets its step or moments otherwise."
                )
            )
        for name in set(vals) & set(COMPLAINT_MOMENTS):
            new = fields.Datetime.to_datetime(vals[name])
            changed = self.filtered(lambda c, n=name, v=new: c[n] and c[n] != v)
            if changed:
                Users._check_aftersales_manager(
                    self.env._(
                        "%(moment)s of complaint %(name)s was recorded on %(date)s: "
                        "only an after-sales manager corrects it.",
                        moment=self._fields[name]._description_string(self.env),
                        name=changed[0].name,
                        date=fields.Datetime.to_string(changed[0][name]),
                    )
                )
        if "serious_impact" in vals:
            Users._check_aftersales_manager(
                self.env._(
                    "Only the supervisor (an after-sales manager) judges whether a "
                    "complaint had a serious impact."
                )
            )
        if {"engineer_id", "offence_code"} & set(vals) and any(
            c.state in APPROVED_STATES for c in self
        ):
            Users._check_aftersales_manager(
                self.env._(
                    "The solution of this complaint is approved: only an "
                    "after-sales manager changes its attribution."
                )
            )

    # ---------------------------------------------------------------------------
    # activities
    # ---------------------------------------------------------------------------

    def _aftersales_plan_activities(self):
        """One open activity per complaint, for the step it is at, given to the
        person who does that step; the activities of other steps are done."""
        all_types = {xmlid for xmlid, _field in STEP_ACTIVITIES.values()}
        summaries = {
            "aftersales_sop.mail_act_complaint_investigate": self.env._(
                "Investigate the complaint"
            ),
            "aftersales_sop.mail_act_complaint_approve": self.env._(
                "Approve the complaint solution"
            ),
            "aftersales_sop.mail_act_complaint_reply": self.env._(
                "Tell the customer the approved solution"
            ),
        }
        # sudo: handlers and supervisors without an e-mail address too
        for complaint in self.sudo():
            xmlid, user_field = STEP_ACTIVITIES.get(complaint.state, (None, None))
            complaint.activity_feedback(sorted(all_types - {xmlid}))
            user = complaint[user_field] if user_field else None
            if not user:
                if xmlid:
                    complaint.activity_unlink([xmlid])
                continue
            activity_type = self.env.ref(xmlid)
            current = complaint.activity_ids.filtered(
                lambda a, t=activity_type: a.activity_type_id == t
            )
            if current:
                if current.user_id != user:
                    current.write({"user_id": user.id})
                continue
            deadline = complaint.clock_deadline or fields.Datetime.now()
            complaint.activity_schedule(
                xmlid,
                date_deadline=fields.Date.context_today(complaint, deadline),
                summary=summaries[xmlid],
                user_id=user.id,
            )

    # ---------------------------------------------------------------------------
    # steps
    # ---------------------------------------------------------------------------

    def action_start_investigation(self):
        self._aftersales_check_handler()
        self._aftersales_check_state("recorded")
        now = fields.Datetime.now()
        for complaint in self:
            values = {"state": "investigation"}
            if not complaint.investigation_date:
                values["investigation_date"] = now
            if not complaint.user_id and self.env.user.has_group(HANDLER_GROUP):
                values["user_id"] = self.env.user.id
            complaint._aftersales_step(values)
        self._aftersales_plan_activities()
        return True

    def action_cross_check(self):
        """Hand the complaint to the other departments involved for their check."""
        self._aftersales_check_handler()
        self._aftersales_check_state("investigation")
        for complaint in self:
            if not complaint.department_ids:
                raise UserError(
                    self.env._(
                        "Name the other departments involved in complaint %(name)s "
                        "first.",
                        name=complaint.name,
                    )
                )
            if complaint.verified_date:
                raise UserError(
                    self.env._(
                        "The departments' checks of complaint %(name)s are "
                        "already verified.",
                        name=complaint.name,
                    )
                )
        self._aftersales_step({"state": "cross_check"})
        for complaint in self:
            post_note(
                complaint,
                self.env._(
                    "Sent to the departments involved for their check: "
                    "%(departments)s.",
                    departments=", ".join(complaint.department_ids.mapped("name")),
                ),
            )
        return True

    def action_verify(self):
        """The departments' checks are in: back to the investigation."""
        self._aftersales_check_handler()
        self._aftersales_check_state("cross_check")
        now = fields.Datetime.now()
        for complaint in self:
            complaint._aftersales_step(
                {
                    "state": "investigation",
                    "verified_date": complaint.verified_date or now,
                }
            )
        return True

    def _aftersales_check_proposal(self):
        for complaint in self:
            missing = [
                label
                for present, label in (
                    (complaint.cause_id, self.env._("the cause")),
                    (complaint.solution_type_ids, self.env._("the solution")),
                    (
                        (complaint.solution_note or "").strip(),
                        self.env._("the solution details"),
                    ),
                    (complaint.supervisor_id, self.env._("the supervisor")),
                )
                if not present
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "Before its solution is proposed, complaint %(name)s needs "
                        "%(missing)s.",
                        name=complaint.name,
                        missing=", ".join(missing),
                    )
                )
            if complaint.cross_department and not complaint.verified_date:
                raise UserError(
                    self.env._(
                        "Other departments are involved in complaint %(name)s: "
                        "their check is verified before a solution is proposed.",
                        name=complaint.name,
                    )
                )
            if complaint.engineer_id and not complaint.offence_code:
                raise UserError(
                    self.env._(
                        "Complaint %(name)s is attributed to %(engineer)s: say "
                        "which offence.",
                        name=complaint.name,
                        engineer=complaint.engineer_id.name,
                    )
                )
            if complaint.has_compensation and complaint.compensation_amount <= 0:
                raise UserError(
                    self.env._(
                        "The solution of complaint %(name)s pays a compensation: "
                        "enter its amount.",
                        name=complaint.name,
                    )
                )

    def action_propose(self):
        self._aftersales_check_handler()
        self._aftersales_check_state("investigation")
        self._aftersales_check_proposal()
        now = fields.Datetime.now()
        for complaint in self:
            complaint._aftersales_step(
                {"state": "proposed", "proposed_date": complaint.proposed_date or now}
            )
        self._aftersales_plan_activities()
        return True

    def action_send_back(self):
        """The supervisor does not approve: back to the investigation."""
        self.env["res.users"]._check_aftersales_manager(
            self.env._("Only an after-sales manager sends a proposed solution back.")
        )
        self._aftersales_check_state("proposed")
        self._aftersales_step({"state": "investigation"})
        self._aftersales_plan_activities()
        return True

    def action_approve(self):
        self.env["res.users"]._check_aftersales_manager(
            self.env._(
                "Only the supervisor (an after-sales manager) approves a complaint's "
                "solution."
            )
        )
        self._aftersales_check_state("proposed")
        self._aftersales_check_proposal()
        now = fields.Datetime.now()
        for complaint in self:
            complaint._aftersales_step(
                {
                    "state": "approved",
                    "approved_date": complaint.approved_date or now,
                    "approver_id": self.env.user.id,
                }
            )
        self._aftersales_plan_activities()
        self._aftersales_propose_penalties()
        return True

    def action_customer_told(self):
        self._aftersales_check_handler()
        self._aftersales_check_state("approved")
        now = fields.Datetime.now()
        for complaint in self:
            complaint._aftersales_step(
                {"state": "told", "told_date": complaint.told_date or now}
            )
        self._aftersales_plan_activities()
        return True

    def action_customer_confirmed(self):
        """The customer accepts the solution: the complaint is closed."""
        self._aftersales_check_handler()
        self._aftersales_check_state("told")
        now = fields.Datetime.now()
        for complaint in self:
            complaint._aftersales_step(
                {
                    "state": "closed",
                    "confirmed_date": complaint.confirmed_date or now,
                }
            )
        self._aftersales_plan_activities()
        return True

    def action_reopen(self):
        """The customer does not accept the solution: investigate again. The
        clocks keep the verdicts of the first round."""
        self._aftersales_check_handler()
        self._aftersales_check_state("told", "closed")
        for complaint in self:
            complaint._aftersales_step(
                {"state": "investigation", "reopen_count": complaint.reopen_count + 1}
            )
            post_note(
                complaint,
                Markup("<p>%s</p>")
                % self.env._(
                    "Reopened: the customer does not accept the solution "
                    "(time %(count)s).",
                    count=complaint.reopen_count,
                ),
            )
        self._aftersales_plan_activities()
        return True

    # ---------------------------------------------------------------------------
    # penalties (the KPI addon)
    # ---------------------------------------------------------------------------

    def _aftersales_penalty_proposal_vals(self):
        """What a penalty proposal needs from this complaint (SPEC §9): the
        engineer, the offence code (complaint_quarrel, complaint_solicit,
        complaint_delay, complaint_repeat), the date of the supervisor's
        approval, the complaint and its company."""
        self.ensure_one()
        return {
            "engineer_id": self.engineer_id.id,
            "offence_code": self.offence_code,
            "date": self.approved_date,
            "complaint_id": self.id,
            "company_id": self.company_id.id,
            "description": self.env._(
                "Complaint %(name)s: %(offence)s",
                name=self.name,
                offence=dict(
                    self._fields["offence_code"]._description_selection(self.env)
                ).get(self.offence_code),
            ),
        }

    def _aftersales_propose_penalties(self):
        """Called when the supervisor approves solutions: the approved complaints
        that may lead to a penalty (``penalty_candidate``). aftersales_sop has
        no penalty model; the KPI addon extends this method (super() first) to
        create its penalty proposals from ``_aftersales_penalty_proposal_vals``."""
        return self.filtered("penalty_candidate")

    @api.ondelete(at_uninstall=False)
    def _unlink_except_handled(self):
        for complaint in self:
            if complaint.state != "recorded":
                raise UserError(
                    self.env._(
                        "Complaint %(name)s is being handled: it is kept, with its "
                        "clocks, for the monthly figures.",
                        name=complaint.name,
                    )
                )
