# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_amount

from ..tools.chatter import post_note


class AftersalesVisit(models.Model):
    """The engineer's steps on the service form, in the order of the SOP
    (SPEC §4.3-4.4, 4.7): call ahead, check in, show his ID, survey, explain
    the plan and the fee and have them accepted, work, test the unit with the
    customer, have the form signed and the checklist filled, check out."""

    _inherit = "aftersales.visit"

    work_waiting_for = fields.Char(
        string="The Work Waits For",
        compute="_compute_work_waiting_for",
        help="Why the repair work cannot start yet: the customer's acceptance of "
        "a fee, and with the warranty addon the request's warranty decision or "
        "the approval of a goodwill repair.",
    )

    @api.depends("state", "work_start_date", "fee_amount", "acceptance_state")
    def _compute_work_waiting_for(self):
        for visit in self:
            waiting = (
                visit.state == "on_site"
                and not visit.work_start_date
                and visit._aftersales_work_blockers()
            )
            visit.work_waiting_for = "; ".join(waiting) if waiting else False

    def _aftersales_check_state(self, states, message):
        """Refuse the step unless every visit is in ``states``; ``message``
        gives the error of a visit."""
        for visit in self:
            if visit.state not in states:
                raise UserError(message(visit))

    # -- before the visit --------------------------------------------------------

    def action_log_eta_call(self):
        """Open the ETA call of this visit: its time is now."""
        self.ensure_one()
        self._aftersales_check_state(
            ("planned",),
            lambda v: self.env._(
                "%(visit)s: the engineer calls ahead before he arrives.", visit=v.name
            ),
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Call the Customer"),
            "res_model": "aftersales.visit.call",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_visit_id": self.id,
                "default_eta_date": fields.Datetime.to_string(
                    self.eta_date or self.planned_date
                ),
            },
        }

    # -- on site -------------------------------------------------------------------

    def action_check_in(self):
        """The engineer arrives: the first arrival of a dispatch order is the
        order's check-in (the on-site clock stops, lateness is measured)."""
        self._aftersales_check_state(
            ("planned",),
            lambda v: self.env._(
                "%(visit)s is not waiting for the engineer.", visit=v.name
            ),
        )
        for visit in self:
            order = visit.dispatch_order_id
            if order.state == "dispatched":
                order.action_check_in()  # checks this visit in
            else:
                visit._aftersales_mark_checked_in(fields.Datetime.now())
        return True

    def _aftersales_mark_checked_in(self, when):
        self.write({"state": "on_site", "checkin_date": when})
        # sudo: the feedback is logged as the engineer, who may have no e-mail
        self.sudo().activity_feedback(["aftersales_sop.mail_act_service_visit"])

    def action_show_id(self):
        self._aftersales_check_state(
            ("on_site",),
            lambda v: self.env._(
                "%(visit)s: the engineer shows his ID once on site.", visit=v.name
            ),
        )
        self.filtered(lambda v: not v.id_shown_date).write(
            {"id_shown_date": fields.Datetime.now()}
        )
        return True

    def action_accept_plan(self):
        """The customer accepts the plan and the fee explained to him."""
        return self._aftersales_answer_plan("accepted")

    def action_refuse_plan(self):
        """The customer refuses: no work; the visit ends with that result."""
        return self._aftersales_answer_plan("refused")

    def _aftersales_answer_plan(self, answer):
        self._aftersales_check_state(
            ("on_site",),
            lambda v: self.env._(
                "%(visit)s: the plan is explained on site.", visit=v.name
            ),
        )
        for visit in self:
            if not (visit.plan_note or "").strip():
                raise UserError(
                    self.env._(
                        "%(visit)s: write the repair plan explained to the customer "
                        "first.",
                        visit=visit.name,
                    )
                )
            if answer == "refused" and visit.work_start_date:
                raise UserError(
                    self.env._(
                        "%(visit)s: the work has started; record the result instead.",
                        visit=visit.name,
                    )
                )
            values = {
                "acceptance_state": answer,
                "accepted_date": fields.Datetime.now(),
                "accepted_by": visit.accepted_by or visit.partner_id.name,
            }
            if answer == "refused":
                values["result"] = "refused"
            visit.write(values)
        return True

    def _aftersales_ask_acceptance_again(self):
        """The plan or the fee changed after the customer accepted them."""
        for visit in self:
            visit.write({"acceptance_state": "pending", "accepted_date": False})
            post_note(
                visit,
                self.env._(
                    "The plan or the fee changed after the customer accepted them: "
                    "he accepts them again before the work goes on."
                ),
            )

    def action_start_work(self):
        """The repair work starts once the plan is explained and nothing it
        waits for is missing (SPEC §4.4): the diagnosis (the site survey) needs
        no button and starts freely."""
        self._aftersales_check_state(
            ("on_site",),
            lambda v: self.env._(
                "%(visit)s: the engineer checks in before he starts working.",
                visit=v.name,
            ),
        )
        for visit in self:
            visit._aftersales_check_before_work()
        self.filtered(lambda v: not v.work_start_date).write(
            {"work_start_date": fields.Datetime.now()}
        )
        return True

    def _aftersales_check_before_work(self):
        self.ensure_one()
        if not self.id_shown_date:
            raise UserError(
                self.env._(
                    "%(visit)s: show the customer your ID first.", visit=self.name
                )
            )
        if not (self.plan_note or "").strip():
            raise UserError(
                self.env._(
                    "%(visit)s: explain the repair plan to the customer first.",
                    visit=self.name,
                )
            )
        if self.acceptance_state == "refused":
            raise UserError(
                self.env._(
                    "%(visit)s: the customer refused the plan; no work is done.",
                    visit=self.name,
                )
            )
        missing = self._aftersales_work_blockers()
        if missing:
            raise UserError(
                self.env._(
                    "%(visit)s: the work cannot start yet: %(reasons)s.",
                    visit=self.name,
                    reasons="; ".join(missing),
                )
            )

    def _aftersales_work_blockers(self):
        """Why the repair work of this visit cannot start yet, each a clause
        naming what is missing; empty when it can start.

        The money gate: a chargeable job (a fee above zero) waits for the
        customer's acceptance of the plan and the fee. Other modules add their
        conditions (the warranty decision of the request, a goodwill repair).
        """
        self.ensure_one()
        if self.chargeable and self.acceptance_state != "accepted":
            return [
                self.env._(
                    "the customer has not accepted the plan and the fee (%(fee)s) yet",
                    fee=format_amount(self.env, self.fee_amount, self.currency_id),
                )
            ]
        return []

    def action_joint_test_passed(self):
        return self._aftersales_joint_test(True)

    def action_joint_test_failed(self):
        return self._aftersales_joint_test(False)

    def _aftersales_joint_test(self, passed):
        for visit in self:
            if visit.state != "on_site" or not visit.work_start_date:
                raise UserError(
                    self.env._(
                        "%(visit)s: the unit is tested with the customer after the "
                        "work.",
                        visit=visit.name,
                    )
                )
        self.write(
            {"joint_test_date": fields.Datetime.now(), "joint_test_passed": passed}
        )
        return True

    def action_open_checklist(self):
        """The satisfaction checklist of the service form: a survey collected
        on it, one per visit, filled in by the customer at the end of the job."""
        self.ensure_one()
        if self.state not in ("on_site", "done"):
            raise UserError(
                self.env._(
                    "%(visit)s: the customer fills in the checklist at the end of "
                    "the job.",
                    visit=self.name,
                )
            )
        view = self.env.ref("aftersales_sop.aftersales_survey_view_form_answer")
        action = {
            "type": "ir.actions.act_window",
            "name": self.env._("Satisfaction Checklist"),
            "res_model": "aftersales.survey",
            "view_mode": "form",
            "views": [(view.id, "form")],
            "target": "new",
        }
        if self.checklist_id:
            action["res_id"] = self.checklist_id.id
        else:
            action["context"] = {
                f"default_{name}": value
                for name, value in self._aftersales_prepare_checklist_vals().items()
            }
        return action

    def _aftersales_prepare_checklist_vals(self):
        self.ensure_one()
        return {
            "ticket_id": self.ticket_id.id,
            "visit_id": self.id,
            "method": "service_form",
            "respondent": self.signed_by or self.partner_id.name,
        }

    def _aftersales_check_can_sign(self):
        for visit in self:
            if visit.state != "on_site":
                raise UserError(
                    self.env._(
                        "%(visit)s: the customer signs the service form on site.",
                        visit=visit.name,
                    )
                )
            if not visit.result:
                raise UserError(
                    self.env._(
                        "%(visit)s: record the result before the customer signs.",
                        visit=visit.name,
                    )
                )
            if visit.result == "fixed" and not visit.joint_test_date:
                raise UserError(
                    self.env._(
                        "%(visit)s: test the unit with the customer before he signs.",
                        visit=visit.name,
                    )
                )

    def _aftersales_signed(self):
        """The customer signed: date the signature, keep the report."""
        for visit in self:
            visit.write(
                {
                    "signed_date": fields.Datetime.now(),
                    "signed_by": visit.signed_by or visit.partner_id.name,
                }
            )
        self._aftersales_attach_service_report()

    def action_check_out(self):
        """The engineer leaves. What the SOP asks at the end of every job
        must be on the service form; the result decides what follows."""
        self._aftersales_check_state(
            ("on_site",),
            lambda v: self.env._(
                "%(visit)s: the engineer is not on site.", visit=v.name
            ),
        )
        for visit in self:
            visit._aftersales_check_before_checkout()
        now = fields.Datetime.now()
        self.write({"state": "done", "checkout_date": now})
        for visit in self:
            visit._aftersales_after_checkout()
        return True

    def _aftersales_check_before_checkout(self):
        self.ensure_one()
        missing = []
        if not self.result:
            missing.append(self.env._("the result"))
        if self.result == "next_visit" and not self.next_visit_date:
            missing.append(self.env._("when the engineer comes back"))
        if self.result == "fixed" and not self.work_start_date:
            missing.append(self.env._("the start of the work"))
        if self.result == "fixed" and not self.joint_test_date:
            missing.append(self.env._("the joint test with the customer"))
        unconsented = self.part_ids.filtered(lambda p: not p.consent)
        if unconsented:
            missing.append(
                self.env._(
                    "the customer's consent to replace %(parts)s",
                    parts=", ".join(unconsented.mapped("name")),
                )
            )
        if not self.signed_date and not (self.no_signature_reason or "").strip():
            missing.append(
                self.env._("the customer's signature (or why he did not sign)")
            )
        if self.checklist_id.state != "done" and not self.checklist_declined:
            missing.append(
                self.env._("the satisfaction checklist (or that he declined it)")
            )
        if missing:
            raise UserError(
                self.env._(
                    "%(visit)s: before you check out, record %(missing)s.",
                    visit=self.name,
                    missing="; ".join(missing),
                )
            )
        # the fee (or what it depends on) changed after the work started: the
        # customer agrees before the engineer leaves
        reasons = self.work_start_date and self._aftersales_work_blockers()
        if reasons:
            raise UserError(
                self.env._(
                    "%(visit)s: the work was done, but %(reasons)s.",
                    visit=self.name,
                    reasons="; ".join(reasons),
                )
            )

    def _aftersales_after_checkout(self):
        self.ensure_one()
        order = self.dispatch_order_id
        if self.report_attachment_id:
            self._aftersales_attach_service_report()  # with the check-out time
        if self.result == "taken_back":
            self.ticket_id._aftersales_record_path_step(
                "unit_taken_back", when=self.checkout_date
            )
        if self.result == "next_visit":
            order._aftersales_plan_visit(self.next_visit_date)
            return
        if order.state == "on_site" and not order.visit_ids.filtered(
            lambda v: v.state in ("planned", "on_site")
        ):
            order.action_done()

    def action_cancel(self):
        """A planned visit that will not take place: the dispatcher's call."""
        if not (
            self.env.su
            or self.env.user.has_group("aftersales_sop.aftersales_sop_group_dispatcher")
        ):
            raise AccessError(self.env._("Only a dispatcher cancels a visit."))
        for visit in self:
            if visit.state != "planned":
                raise UserError(
                    self.env._(
                        "%(visit)s took place or is closed: it cannot be cancelled.",
                        visit=visit.name,
                    )
                )
        self.write({"state": "cancel"})
        self.activity_unlink(["aftersales_sop.mail_act_service_visit"])
        return True
