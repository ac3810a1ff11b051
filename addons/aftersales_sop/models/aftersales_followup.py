# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools.chatter import post_note

FOLLOWUP_KINDS = [
    ("first", "Follow-up Call"),
    ("second", "Second Follow-up (VIP)"),
    ("planned", "Planned Call"),
]
FOLLOWUP_OUTCOMES = [
    ("satisfied", "Satisfied"),
    ("unsatisfied", "Not Satisfied"),
    ("problem_persists", "Problem Persists"),
    ("not_reached", "Not Reached"),
]
CUSTOMER_RELATIONS_GROUP = "aftersales_sop.aftersales_sop_group_customer_relations"
MANAGER_GROUP = "aftersales_sop.aftersales_sop_group_manager"


class AftersalesFollowup(models.Model):
    """A follow-up call (回访, SPEC §8) after a completed repair: within 3
    working days for every customer, a second one within 7 days for VIP
    customers, and the calls of the monthly plan. Its clock runs from the
    repair's completion to the call; a call that finds the problem persists
    reopens the request."""

    _name = "aftersales.followup"
    _description = "Follow-up Call"
    _inherit = [
        "aftersales.sequence.mixin",
        "aftersales.clock.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "scheduled_date, id"
    _check_company_auto = True
    _rec_names_search = ["name", "partner_id.name", "ticket_id.number"]
    _aftersales_sequence_code = "aftersales.followup"
    _aftersales_clock_link = "followup_id"
    _aftersales_clock_breach_activity = "aftersales_sop.mail_act_followup_clock_breach"

    survey_ids = fields.One2many(
        "aftersales.survey",
        "followup_id",
        string="Surveys",
        help="The satisfaction survey recorded on the call.",
    )
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Service Request",
        index=True,
        ondelete="cascade",
        check_company=True,
        help="The completed repair this call follows up (none for a planned "
        "courtesy call of a VIP customer).",
    )
    kind = fields.Selection(
        FOLLOWUP_KINDS,
        required=True,
        default="first",
        help="Follow-up call: within 3 working days of the repair's completion; "
        "second follow-up: VIP customers, within 7 days; planned call: a call of "
        "the monthly plan.",
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, tracking=True
    )
    partner_phone = fields.Char(
        string="Phone",
        compute="_compute_partner_phone",
        store=True,
        readonly=False,
        precompute=True,
    )
    is_vip = fields.Boolean(
        string="VIP",
        related="partner_id.commercial_partner_id.aftersales_vip",
        store=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    team_id = fields.Many2one("helpdesk.ticket.team", index=True, check_company=True)
    user_id = fields.Many2one(
        "res.users",
        string="Customer Relations",
        index=True,
        tracking=True,
        domain=lambda self: self.env["res.users"]._aftersales_role_domain(
            CUSTOMER_RELATIONS_GROUP
        ),
        help="The customer relations specialist who makes the call.",
    )
    product_id = fields.Many2one(related="ticket_id.product_id", store=True)
    engineer_id = fields.Many2one(
        related="ticket_id.engineer_id", store=True, string="Engineer"
    )
    repair_done_date = fields.Datetime(
        string="Repair Completed On",
        readonly=True,
        help="When the repair was completed: the follow-up clock counts from it.",
    )
    scheduled_date = fields.Datetime(
        string="Call Planned On",
        tracking=True,
        help="When the specialist plans to call: by default the follow-up's deadline.",
    )
    call_date = fields.Datetime(
        string="Called On",
        readonly=True,
        copy=False,
        tracking=True,
        help="When the follow-up was made and its outcome recorded: the clock stops.",
    )
    attempt_count = fields.Integer(string="Unanswered Calls", readonly=True, copy=False)
    last_attempt_date = fields.Datetime(
        string="Last Unanswered Call", readonly=True, copy=False
    )
    outcome = fields.Selection(
        FOLLOWUP_OUTCOMES,
        tracking=True,
        copy=False,
        help="Problem persists reopens the service request; not reached closes "
        "the follow-up after unanswered calls.",
    )
    outcome_note = fields.Text(
        string="Call Notes", help="What the customer said: remarks, suggestions."
    )
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancel", "Cancelled")],
        default="planned",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
        group_expand=True,
        copy=False,
    )
    clock_ids = fields.One2many(
        "aftersales.clock.run", "followup_id", string="Service Clocks"
    )

    @api.depends("ticket_id", "partner_id")
    def _compute_partner_phone(self):
        for followup in self:
            partner = followup.partner_id
            followup.partner_phone = (
                followup.ticket_id.partner_phone
                or partner.phone
                or partner.mobile
                or followup.partner_phone
            )

    # ---------------------------------------------------------------------------
    # clocks
    # ---------------------------------------------------------------------------

    @api.model
    def _aftersales_clock_events(self):
        """{event code: (label, follow-up datetime field)}."""
        return {
            "repair_completed": (self.env._("Repair completed"), "repair_done_date"),
            "followup_called": (self.env._("Follow-up call made"), "call_date"),
        }

    @api.model
    def _aftersales_clock_extra_trigger_fields(self):
        return super()._aftersales_clock_extra_trigger_fields() | {
            "kind",
            "state",
            "user_id",
        }

    def _aftersales_clock_responsible(self, clock):
        self.ensure_one()
        team = self.team_id
        candidates = {
            "assignee": self.user_id or team.user_id,
            "leader": team.user_id or self.user_id,
            "dispatcher": team.dispatcher_id or team.user_id or self.user_id,
        }
        return candidates.get(clock.responsible) or self.env["res.users"]

    # ---------------------------------------------------------------------------
    # CRUD
    # ---------------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        followups = super().create(vals_list)
        followups._aftersales_sync_clocks(new=True)
        for followup in followups.filtered(lambda f: not f.scheduled_date):
            followup.scheduled_date = followup.clock_deadline or fields.Datetime.now()
        followups._aftersales_schedule_call()
        return followups

    def write(self, vals):
        result = super().write(vals)
        if set(vals) & self._aftersales_clock_trigger_fields():
            self._aftersales_sync_clocks()
        if "user_id" in vals or "scheduled_date" in vals:
            self._aftersales_schedule_call()
        return result

    # ---------------------------------------------------------------------------
    # the call
    # ---------------------------------------------------------------------------

    def _aftersales_schedule_call(self):
        """The specialist's activity to call, on the planned day."""
        activity_type = self.env.ref("aftersales_sop.mail_act_followup_call")
        # sudo: specialists without an e-mail address too
        for followup in self.sudo().filtered(lambda f: f.state == "planned"):
            current = followup.activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
            )
            if not followup.user_id:
                current.unlink()
                continue
            when = fields.Date.context_today(
                followup, followup.scheduled_date or fields.Datetime.now()
            )
            if current:
                current.write({"user_id": followup.user_id.id, "date_deadline": when})
                continue
            followup.activity_schedule(
                "aftersales_sop.mail_act_followup_call",
                date_deadline=when,
                summary=self.env._("Call the customer: how is the repair?"),
                user_id=followup.user_id.id,
            )

    def _aftersales_check_caller_role(self):
        user = self.env.user
        if not (
            self.env.su
            or user.has_group(CUSTOMER_RELATIONS_GROUP)
            or user.has_group(MANAGER_GROUP)
        ):
            raise AccessError(
                self.env._(
                    "Only customer relations specialists and after-sales managers "
                    "make and plan follow-up calls."
                )
            )

    def _aftersales_check_caller(self):
        self._aftersales_check_caller_role()
        for followup in self:
            if followup.state != "planned":
                raise UserError(
                    self.env._(
                        "Follow-up %(name)s is no longer planned.", name=followup.name
                    )
                )

    def action_not_reached(self):
        """An unanswered call: logged, and the call planned again the next day;
        the follow-up and its clock go on."""
        self._aftersales_check_caller()
        now = fields.Datetime.now()
        for followup in self:
            followup.write(
                {
                    "attempt_count": followup.attempt_count + 1,
                    "last_attempt_date": now,
                    "scheduled_date": followup._aftersales_next_try(now),
                }
            )
            post_note(
                followup,
                self.env._(
                    "Call %(count)s: the customer was not reached.",
                    count=followup.attempt_count,
                ),
            )
        return True

    def _aftersales_next_try(self, now):
        """The next working hour of the team's calendar, a day later."""
        calendar = (
            self.team_id._get_working_calendar()
            if self.team_id
            else self.company_id.resource_calendar_id
        )
        if not calendar:
            return now + timedelta(days=1)
        return calendar._aftersales_add(now, 1, "working_days")

    def action_record_outcome(self):
        """The call is made: record its outcome and stop the clock. Problem
        persists reopens the service request; not reached closes the follow-up
        after unanswered calls."""
        self._aftersales_check_caller()
        for followup in self:
            if not followup.outcome:
                raise UserError(
                    self.env._(
                        "Choose the outcome of the call of %(name)s first.",
                        name=followup.name,
                    )
                )
        now = fields.Datetime.now()
        self.write({"state": "done", "call_date": now})
        # the caller wrote the follow-ups: he may close their call activity
        self.activity_feedback(["aftersales_sop.mail_act_followup_call"])
        for followup in self:
            if followup.outcome == "problem_persists" and followup.ticket_id:
                followup.ticket_id._aftersales_reopen_after_followup(followup)
        self.filtered(lambda f: f.outcome != "not_reached")._aftersales_record_survey()
        return True

    def action_cancel(self):
        self._aftersales_check_caller()
        self.write({"state": "cancel"})
        self.activity_unlink(["aftersales_sop.mail_act_followup_call"])
        return True

    def action_reset(self):
        """Plan a cancelled follow-up again."""
        self._aftersales_check_caller_role()
        self.filtered(lambda f: f.state == "cancel").write({"state": "planned"})
        self._aftersales_schedule_call()
        return True

    def action_record_complaint(self):
        """The customer complains during the call: record the complaint."""
        self.ensure_one()
        return self.env["aftersales.complaint"]._aftersales_record_action(
            ticket_id=self.ticket_id.id,
            partner_id=self.partner_id.id,
            channel="phone",
            team_id=self.team_id.id,
            reason=self.outcome_note or False,
        )

    # ---------------------------------------------------------------------------
    # the satisfaction survey
    # ---------------------------------------------------------------------------

    def _aftersales_record_survey(self):
        """A reached call is where the specialist records the customer's
        satisfaction: each follow-up gets its survey, collected by phone call,
        waiting for the scores he gives."""
        missing = self.filtered(lambda f: f.ticket_id and not f.survey_ids)
        # sudo: the survey belongs to the request the specialist calls about
        self.env["aftersales.survey"].sudo().create(
            [
                {
                    "ticket_id": followup.ticket_id.id,
                    "partner_id": followup.partner_id.id,
                    "followup_id": followup.id,
                    "method": "phone",
                    "user_id": self.env.user.id,
                }
                for followup in missing
            ]
        )
        return self

    def action_open_survey(self):
        """The survey of the call, to record the customer's scores."""
        self.ensure_one()
        survey = self.survey_ids[:1]
        if not survey:
            self._aftersales_record_survey()
            survey = self.survey_ids[:1]
        if not survey:
            raise UserError(
                self.env._(
                    "%(followup)s is about no service request: there is nothing "
                    "to survey.",
                    followup=self.name,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "aftersales.survey",
            "res_id": survey.id,
            "views": [(False, "form")],
        }
