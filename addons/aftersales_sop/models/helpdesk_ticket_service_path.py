# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

SERVICE_PATHS = [
    ("onsite", "On Site"),
    ("repair_centre", "Repair Centre"),
    ("mail_in", "Mail-in"),
]
#: event button -> (moment field, note field the customer is told, or None)
PATH_STEPS = {
    "unit_taken_back": ("unit_taken_back_date", None),
    "unit_received": ("unit_received_date", None),
    "diagnosis_reported": ("diagnosis_date", "diagnosis_note"),
    "progress_reported": ("progress_report_date", "progress_note"),
    "problem_solved": ("solved_date", None),
    "result_told": ("result_told_date", "result_note"),
}


class HelpdeskTicket(models.Model):
    """The repair-centre and mail-in paths of a repair request (SPEC §4.5-4.6).

    A unit the engineer cannot fix on site is taken back to the repair centre;
    a mail-in unit arrives by post. Each step is a recorded moment of the
    request, and the clocks of the detection (receipt to diagnosis), the
    progress report (take-back to progress told) and the feedback (solved to
    result told) run between them. The repair order and its quote (warranty
    addon) follow the repair at the centre as before.
    """

    _inherit = "helpdesk.ticket"

    repair_state = fields.Selection(
        selection_add=[("repair_centre", "At the Repair Centre"), ("done",)]
    )
    service_path = fields.Selection(
        SERVICE_PATHS,
        tracking=True,
        copy=False,
        index=True,
        help="Where the unit is repaired: on site by the engineer, at the repair "
        "centre after the engineer took it back, or at the repair centre after "
        "the customer sent it (mail-in). Taking the unit back or receiving a unit "
        "that was not taken back sets it.",
    )
    unit_taken_back_date = fields.Datetime(
        string="Unit Taken Back On",
        copy=False,
        tracking=True,
        help="When the engineer took the unit back to the repair centre: the "
        "progress report to the customer is due from then.",
    )
    unit_received_date = fields.Datetime(
        string="Unit Received On",
        copy=False,
        tracking=True,
        help="When the repair centre received the unit (taken back or sent by "
        "the customer): the diagnosis is due from then.",
    )
    diagnosis_date = fields.Datetime(
        string="Diagnosis Reported On", copy=False, tracking=True
    )
    diagnosis_note = fields.Text(
        string="Diagnosis",
        help="What the repair centre found, as told to the customer.",
    )
    progress_report_date = fields.Datetime(
        string="Progress Reported On",
        copy=False,
        tracking=True,
        help="When the customer was first told how the repair of his unit at the "
        "repair centre goes.",
    )
    progress_note = fields.Text(
        string="Progress Report", help="What the customer was told of the repair."
    )
    solved_date = fields.Datetime(
        string="Solved On",
        copy=False,
        tracking=True,
        help="When the repair centre solved the problem: the customer is told "
        "the result from then.",
    )
    result_told_date = fields.Datetime(
        string="Result Told On", copy=False, tracking=True
    )
    result_note = fields.Text(
        string="Result Told", help="The result as given to the customer."
    )
    at_repair_centre = fields.Boolean(
        compute="_compute_at_repair_centre",
        search="_search_at_repair_centre",
        help="The unit was taken back or received and its problem is not solved yet.",
    )

    @api.depends("unit_taken_back_date", "unit_received_date", "solved_date")
    def _compute_at_repair_centre(self):
        for ticket in self:
            ticket.at_repair_centre = bool(
                (ticket.unit_taken_back_date or ticket.unit_received_date)
                and not ticket.solved_date
            )

    def _search_at_repair_centre(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on units at the centre."))
        domain = [
            "|",
            ("unit_taken_back_date", "!=", False),
            ("unit_received_date", "!=", False),
            ("solved_date", "=", False),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.model
    def _aftersales_clock_events(self):
        events = super()._aftersales_clock_events()
        events.update(
            {
                "unit_taken_back": (
                    self.env._("Unit taken back to the repair centre"),
                    "unit_taken_back_date",
                ),
                "unit_received": (
                    self.env._("Unit received at the repair centre"),
                    "unit_received_date",
                ),
                "diagnosis_reported": (
                    self.env._("Diagnosis reported"),
                    "diagnosis_date",
                ),
                "progress_reported": (
                    self.env._("Progress reported to the customer"),
                    "progress_report_date",
                ),
                "problem_solved": (self.env._("Problem solved"), "solved_date"),
                "result_told": (
                    self.env._("Result given to the customer"),
                    "result_told_date",
                ),
            }
        )
        return events

    # ---------------------------------------------------------------------------
    # the steps
    # ---------------------------------------------------------------------------

    def _aftersales_check_path_step(self, step):
        """Refuse a step that comes before its time or says nothing."""
        labels = {
            "unit_received": self.env._("The unit is already at the repair centre."),
            "diagnosis_reported": self.env._(
                "The repair centre reports a diagnosis once it has the unit."
            ),
            "progress_reported": self.env._(
                "Progress is reported on a unit taken back to the repair centre."
            ),
            "problem_solved": self.env._(
                "The repair centre solves the problem of a unit it received."
            ),
            "result_told": self.env._("The result is told once the problem is solved."),
        }
        needs = {
            "unit_taken_back": lambda t: t.inquiry_class == "b",
            "unit_received": lambda t: t.inquiry_class == "b",
            "diagnosis_reported": lambda t: t.unit_received_date,
            "progress_reported": lambda t: t.unit_taken_back_date,
            "problem_solved": lambda t: t.unit_received_date,
            "result_told": lambda t: t.solved_date,
        }
        note_field = PATH_STEPS[step][1]
        for ticket in self:
            if not needs[step](ticket):
                raise UserError(
                    labels.get(step)
                    or self.env._(
                        "Only a repair request (class B) goes to the repair centre."
                    )
                )
            if note_field and not (ticket[note_field] or "").strip():
                raise UserError(
                    self.env._(
                        "Write what the customer is told (%(field)s) on %(ticket)s "
                        "first.",
                        field=ticket._fields[note_field]._description_string(self.env),
                        ticket=ticket.display_name,
                    )
                )

    def _aftersales_record_path_step(self, step, when=None):
        """Record the moment of ``step`` (once), then what follows from it."""
        self._aftersales_check_path_step(step)
        moment = PATH_STEPS[step][0]
        when = when or fields.Datetime.now()
        for ticket in self.filtered(lambda t: not t[moment]):
            values = {moment: when}
            if step in ("unit_taken_back", "unit_received"):
                values["repair_state"] = "repair_centre"
            if step == "unit_taken_back":
                values["service_path"] = "repair_centre"
            elif step == "unit_received" and not ticket.unit_taken_back_date:
                # a mail-in: nobody is dispatched, the dispatch review is moot
                values["service_path"] = "mail_in"
                # sudo: the engineer or repair centre recording a mail-in may not delete
                # the dispatcher's review activity; only that activity goes
                ticket.sudo().activity_unlink(
                    ["aftersales_sop.mail_act_dispatch_review"]
                )
            # sudo: the engineer or the repair centre records the step on a
            # request that may not be assigned to him
            ticket.sudo().write(values)
            ticket._aftersales_path_followup(step)
        return True

    def _aftersales_path_followup(self, step):
        """Tell whoever acts next, and complete the repair once it is solved."""
        self.ensure_one()
        ticket = self.sudo()  # sudo: activities for others, by staff without e-mail
        # step -> (activity type, clock, summary) of what the step asks for next
        next_steps = {
            "unit_taken_back": (
                "aftersales_sop.mail_act_repair_progress",
                "progress_report",
                self.env._("Report the progress of the repair to the customer"),
            ),
            "unit_received": (
                "aftersales_sop.mail_act_repair_diagnosis",
                "detection",
                self.env._("Report the diagnosis of the unit"),
            ),
            "problem_solved": (
                "aftersales_sop.mail_act_repair_feedback",
                "feedback",
                self.env._("Tell the customer the result"),
            ),
        }
        done_steps = {
            "progress_reported": "aftersales_sop.mail_act_repair_progress",
            "diagnosis_reported": "aftersales_sop.mail_act_repair_diagnosis",
            "result_told": "aftersales_sop.mail_act_repair_feedback",
        }
        if step in done_steps:
            ticket.activity_feedback(
                [done_steps[step]], feedback=self._aftersales_step_label(step)
            )
        if step in next_steps:
            act, code, summary = next_steps[step]
            clock = ticket.clock_ids.filtered(lambda c, code=code: c.code == code)
            user = ticket.user_id or ticket.team_id.user_id
            if user:
                ticket.activity_schedule(
                    act,
                    date_deadline=fields.Date.context_today(
                        ticket, clock[:1].deadline or fields.Datetime.now()
                    ),
                    summary=summary,
                    user_id=user.id,
                )
        note_field = PATH_STEPS[step][1]
        body = Markup("<p>%s</p>") % self._aftersales_step_label(step)
        if note_field:
            body += Markup("<p>%s</p>") % ticket[note_field]
        ticket.message_post(body=body, subtype_xmlid="mail.mt_note")
        if step == "problem_solved":
            ticket._aftersales_complete_repair_if_finished()

    def _aftersales_step_label(self, step):
        return self._aftersales_clock_events()[step][0]

    def _aftersales_schedule_dispatch_review(self):
        """A mail-in request is not dispatched: nobody reviews it for that."""
        mail_in = self.filtered(lambda t: t.service_path == "mail_in")
        return super(
            HelpdeskTicket, self - mail_in
        )._aftersales_schedule_dispatch_review()

    def _aftersales_has_open_work(self):
        """A unit still at the repair centre is not repaired because the
        engineer's visit is over: it completes when the centre solves it."""
        return super()._aftersales_has_open_work() or self.at_repair_centre

    def action_unit_taken_back(self):
        return self._aftersales_record_path_step("unit_taken_back")

    def action_unit_received(self):
        return self._aftersales_record_path_step("unit_received")

    def action_diagnosis_reported(self):
        return self._aftersales_record_path_step("diagnosis_reported")

    def action_progress_reported(self):
        """The first report starts nothing and stops the clock; later reports
        are logged on the request."""
        first = self.filtered(lambda t: not t.progress_report_date)
        first._aftersales_record_path_step("progress_reported")
        for ticket in self - first:
            ticket._aftersales_check_path_step("progress_reported")
            ticket._aftersales_path_followup("progress_reported")
        return True

    def action_problem_solved(self):
        return self._aftersales_record_path_step("problem_solved")

    def action_result_told(self):
        return self._aftersales_record_path_step("result_told")
