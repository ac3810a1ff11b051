# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AftersalesComplaint(models.Model):
    """The complaint's moments and its four service clocks (SPEC §3, §7):
    record (received → recorded, 10 min), investigation (recorded →
    investigation started, 1 h), cross-department check (investigation started
    → checks verified, 2 working days, only when other departments are
    involved), reply (solution approved → customer told, 1 working day)."""

    _inherit = "aftersales.complaint"

    # -- moments the clocks count from (facts, like a request's) -------------------
    received_date = fields.Datetime(
        string="Received On",
        required=True,
        default=fields.Datetime.now,
        tracking=True,
        help="When the complaint reached the company (the call, the letter's "
        "arrival, the visit): the record clock counts from it.",
    )
    recorded_date = fields.Datetime(string="Recorded On", readonly=True, copy=False)
    investigation_date = fields.Datetime(
        string="Investigation Started", readonly=True, copy=False, tracking=True
    )
    verified_date = fields.Datetime(
        string="Checks Verified On", readonly=True, copy=False, tracking=True
    )
    proposed_date = fields.Datetime(
        string="Solution Proposed On", readonly=True, copy=False
    )
    approved_date = fields.Datetime(
        string="Solution Approved On", readonly=True, copy=False, tracking=True
    )
    told_date = fields.Datetime(
        string="Customer Told On", readonly=True, copy=False, tracking=True
    )
    confirmed_date = fields.Datetime(
        string="Customer Confirmed On", readonly=True, copy=False, tracking=True
    )

    # -- clocks ------------------------------------------------------------------------
    clock_ids = fields.One2many(
        "aftersales.clock.run", "complaint_id", string="Service Clocks"
    )
    clocks_all_met = fields.Boolean(
        string="All Clocks Met",
        readonly=True,
        copy=False,
        index=True,
        help="Every clock of the complaint ran and was met: the monthly complaint "
        "handling timeliness counts the closed complaints that have it.",
    )

    @api.constrains("received_date")
    def _check_received_date(self):
        limit = fields.Datetime.now() + timedelta(minutes=1)
        for complaint in self:
            if complaint.received_date > limit:
                raise ValidationError(
                    self.env._(
                        "Complaint %(name)s cannot be received in the future.",
                        name=complaint.name,
                    )
                )
            if complaint.recorded_date and complaint.received_date > (
                complaint.recorded_date + timedelta(minutes=1)
            ):
                raise ValidationError(
                    self.env._(
                        "Complaint %(name)s cannot be received after it was recorded.",
                        name=complaint.name,
                    )
                )

    # ---------------------------------------------------------------------------
    # clocks
    # ---------------------------------------------------------------------------

    @api.model
    def _aftersales_clock_events(self):
        """{event code: (label, complaint datetime field)}."""
        return {
            "complaint_received": (
                self.env._("Complaint received"),
                "received_date",
            ),
            "complaint_recorded": (
                self.env._("Complaint recorded"),
                "recorded_date",
            ),
            "investigation_started": (
                self.env._("Investigation started"),
                "investigation_date",
            ),
            "checks_verified": (
                self.env._("Cross-department checks verified"),
                "verified_date",
            ),
            "solution_proposed": (
                self.env._("Solution proposed"),
                "proposed_date",
            ),
            "solution_approved": (
                self.env._("Solution approved"),
                "approved_date",
            ),
            "customer_told": (
                self.env._("Customer told the solution"),
                "told_date",
            ),
            "customer_confirmed": (
                self.env._("Customer confirmed"),
                "confirmed_date",
            ),
        }

    @api.model
    def _aftersales_clock_extra_trigger_fields(self):
        return super()._aftersales_clock_extra_trigger_fields() | {
            "department_ids",
            "cross_department",
            "user_id",
            "supervisor_id",
        }

    def _aftersales_clock_responsible(self, clock):
        self.ensure_one()
        team = self.team_id
        candidates = {
            "assignee": self.user_id or self.supervisor_id or team.user_id,
            "leader": self.supervisor_id or team.user_id or self.user_id,
            "dispatcher": team.dispatcher_id or team.user_id or self.user_id,
        }
        return candidates.get(clock.responsible) or self.env["res.users"]

    def _aftersales_clock_summary(self):
        summary = super()._aftersales_clock_summary()
        summary["clocks_all_met"] = self._aftersales_clocks_all_met()
        return summary
