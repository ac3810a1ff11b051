# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.exceptions import UserError

from ..rules import clocks as clock_rules
from ..rules import dispatch as dispatch_rules

REPAIR_STATES = [
    ("registered", "Registered"),
    ("dispatched", "Dispatched"),
    ("on_site", "Engineer On Site"),
    ("done", "Done"),
]


class HelpdeskTicket(models.Model):
    """The repair flow of a class B request (SPEC §4): what it needs before an
    engineer is sent, the dispatcher's review and the dispatch orders."""

    _inherit = "helpdesk.ticket"

    # -- repair flow and dispatch (SPEC §4) -------------------------------------
    repair_state = fields.Selection(
        REPAIR_STATES, tracking=True, copy=False, index=True, string="Repair Status"
    )
    dispatch_order_ids = fields.One2many(
        "aftersales.dispatch.order", "ticket_id", string="Dispatch Orders"
    )
    dispatch_order_id = fields.Many2one(
        "aftersales.dispatch.order",
        readonly=True,
        check_company=True,
        copy=False,
        help="The dispatch order in progress (not cancelled).",
    )
    engineer_id = fields.Many2one(
        "aftersales.engineer",
        readonly=True,
        copy=False,
        index=True,
        check_company=True,
    )
    repair_done_date = fields.Datetime(
        string="Repair Completed On",
        copy=False,
        tracking=True,
        help="When the repair was completed: the last dispatch order or the repair "
        "order done. Follow-ups count from it.",
    )
    resolved_date = fields.Datetime(
        string="Resolved On",
        compute="_compute_resolved_date",
        store=True,
        index=True,
        help="When the customer's problem was resolved: the repair's completion "
        "for a completed repair (the request may stay open, e.g. while a loaner "
        "is still with the customer), otherwise the request's closing. The "
        "Resolution clock stops here.",
    )
    repair_missing_info = fields.Char(
        compute="_compute_repair_missing_info",
        help="What a repair request still needs before an engineer is sent.",
    )

    @api.depends("repair_state", "repair_done_date", "closed_date")
    def _compute_resolved_date(self):
        for ticket in self:
            completed = ticket.repair_state == "done" and ticket.repair_done_date
            ticket.resolved_date = completed or ticket.closed_date

    @api.depends(
        "inquiry_class",
        "partner_id",
        "partner_phone",
        "product_id",
        "lot_id",
        "purchase_date",
        "proof_reference",
        "proof_attachment_ids",
        "description",
        "service_address",
        "requested_service_date",
    )
    def _compute_repair_missing_info(self):
        for ticket in self:
            missing = (
                ticket._aftersales_repair_missing()
                if ticket.inquiry_class == "b"
                else []
            )
            ticket.repair_missing_info = ", ".join(missing) if missing else False

    def _aftersales_repair_missing(self):
        """What SPEC §2 requires on a repair request and this one lacks."""
        self.ensure_one()
        checks = [
            (self.partner_id, self.env._("customer")),
            (self.partner_phone, self.env._("contact phone")),
            (self.product_id, self.env._("product")),
            (
                self.lot_id or self.product_id.tracking in (False, "none"),
                self.env._("serial number"),
            ),
            (self.purchase_date, self.env._("purchase date")),
            (
                self.proof_reference or self.proof_attachment_ids,
                self.env._("proof of purchase"),
            ),
            (
                tools.html2plaintext(self.description or "").strip(),
                self.env._("fault symptom"),
            ),
            (self.requested_service_date, self.env._("wanted service time")),
            (self.service_address, self.env._("service address")),
        ]
        return [label for present, label in checks if not present]

    # ---------------------------------------------------------------------------
    # repair flow
    # ---------------------------------------------------------------------------

    def _aftersales_dispatch_job(self, is_complex=None):
        """The request as the dispatch rules see it (``is_complex``: as the
        dispatcher ticks it, else the request's)."""
        self.ensure_one()
        path = ()
        if self.product_categ_id:
            path = tuple(
                int(i) for i in self.product_categ_id.parent_path.split("/") if i
            )
        return dispatch_rules.Job(
            zone_id=self.service_zone_id.id or None,
            fault_type=self.fault_type or None,
            category_path=path,
            complex=self.is_complex if is_complex is None else is_complex,
        )

    def _aftersales_schedule_dispatch_review(self):
        """A new repair request waits for the dispatcher's review."""
        for ticket in self.sudo():
            user = ticket.team_id.dispatcher_id or ticket.team_id.user_id
            if not user:
                continue
            review = ticket.clock_ids.filtered(
                lambda c: c.code == "dispatch_review" and not c.dispatch_order_id
            )
            deadline = review[:1].deadline or fields.Datetime.now()
            ticket.activity_schedule(
                "aftersales_sop.mail_act_dispatch_review",
                date_deadline=fields.Date.context_today(ticket, deadline),
                summary=self.env._(
                    "Review the repair request and dispatch an engineer"
                ),
                user_id=user.id,
            )

    def _aftersales_back_to_dispatch_review(self, values=None):
        """The requests go back to the dispatcher's review: their dispatch
        order was cancelled, or their repair was reopened.

        The review runs that ended keep their verdicts, tied to the dispatch
        order each ended with; a new review runs from now, and the next
        dispatch gets its own on-site clock. ``values``: more values of the
        requests.
        """
        now = fields.Datetime.now()
        review_clocks = {
            spec[0]
            for spec in self._aftersales_clock_specs()
            if spec[2] == "dispatch_review_date" and not spec[5]
        }
        for ticket in self.sudo():  # sudo: the flow's moments, not a correction
            for run in ticket.clock_ids.filtered(
                lambda c: (
                    c.clock_id.id in review_clocks
                    and not c.dispatch_order_id
                    and c.state in clock_rules.ENDED
                )
            ):
                run.dispatch_order_id = ticket._aftersales_order_ending(run)
            # before the new run is inserted: one run per clock is not tied to
            # an order
            ticket.clock_ids.flush_recordset(["dispatch_order_id"])
            ticket.write(
                {
                    "dispatch_review_date": now,
                    "dispatch_date": False,
                    "onsite_date": False,
                    "dispatch_order_id": False,
                    "repair_state": "registered",
                    **(values or {}),
                }
            )
        self._aftersales_schedule_dispatch_review()

    def _aftersales_order_ending(self, run):
        """The dispatch order that ended the review ``run``: the first one
        dispatched since it started that ended no other run of its clock."""
        self.ensure_one()
        taken = self.clock_ids.filtered(lambda c: c.clock_id == run.clock_id)
        return self.dispatch_order_ids.filtered(
            lambda o: (
                o.dispatch_date >= run.start_date and o not in taken.dispatch_order_id
            )
        ).sorted("dispatch_date")[:1]

    def _aftersales_reopen_repair(self):
        """Reopen the completed repairs of the requests: the problem persists
        (a follow-up call) or the request was moved back to the stage of
        reopened requests. The repair goes back to dispatch with a new review;
        the done orders stay as history, with their clocks."""
        reopening = self.filtered(lambda t: t.repair_state == "done")
        reopening._aftersales_back_to_dispatch_review()
        return reopening

    def write(self, vals):
        reopening = self.browse()
        if vals.get("stage_id"):
            stage = self.env["helpdesk.ticket.stage"].browse(vals["stage_id"])
            if stage.aftersales_reopen and not stage.closed:
                reopening = self.filtered(
                    lambda t: t.repair_state == "done" and t.stage_id != stage
                )
        result = super().write(vals)
        reopening._aftersales_reopen_repair()
        return result

    def action_open_dispatch(self):
        self.ensure_one()
        if self.inquiry_class != "b":
            raise UserError(
                self.env._(
                    "Only repair requests (class B) are dispatched to an engineer."
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Dispatch an Engineer"),
            "res_model": "helpdesk.ticket.dispatch",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    def action_view_dispatch_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_sop.aftersales_dispatch_order_action"
        )
        action.update(
            domain=[("ticket_id", "=", self.id)], context={"default_ticket_id": self.id}
        )
        return action

    def _aftersales_has_open_work(self):
        """The request still has work in progress: a dispatch order not done or
        cancelled. Other modules add their work (repair orders)."""
        self.ensure_one()
        return any(
            order.state in ("dispatched", "on_site")
            for order in self.dispatch_order_ids
        )

    def _aftersales_complete_repair_if_finished(self):
        """Complete the repair of the requests whose work is all finished."""
        finished = self.filtered(lambda t: not t._aftersales_has_open_work())
        return finished._aftersales_complete_repair()

    def _aftersales_complete_repair(self):
        """The repair is completed: record the moment, mark the repair done and
        move the request to the stage that takes completed repairs.

        Other modules extend it (the unit's warranty registration, follow-ups).
        """
        now = fields.Datetime.now()
        for ticket in self.filtered(lambda t: t.repair_state != "done"):
            values = {"repair_state": "done", "repair_done_date": now}
            stage = ticket._aftersales_repair_done_stage()
            if stage and not ticket.closed:
                values["stage_id"] = stage.id
            ticket.write(values)
        return True

    def _aftersales_repair_done_stage(self):
        self.ensure_one()
        return self.env["helpdesk.ticket.stage"].search(
            [
                ("aftersales_repair_done", "=", True),
                "|",
                ("team_ids", "=", False),
                ("team_ids", "in", self.team_id.ids),
                ("company_id", "in", [False, self.company_id.id]),
            ],
            order="sequence, id",
            limit=1,
        )
