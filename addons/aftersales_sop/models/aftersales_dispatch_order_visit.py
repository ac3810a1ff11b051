# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class AftersalesDispatchOrder(models.Model):
    """The visits of a dispatch order: the first one is planned with the order
    at its appointment; the engineer's arrival on the first visit is the
    order's check-in, and the order is done when its last visit is checked
    out."""

    _inherit = "aftersales.dispatch.order"

    visit_ids = fields.One2many(
        "aftersales.visit", "dispatch_order_id", string="Visits"
    )
    visit_count = fields.Integer(compute="_compute_visit_count")
    current_visit_id = fields.Many2one(
        "aftersales.visit",
        compute="_compute_current_visit_id",
        help="The visit planned or in progress.",
    )

    @api.depends("visit_ids")
    def _compute_visit_count(self):
        for order in self:
            order.visit_count = len(order.visit_ids)

    @api.depends("visit_ids.state")
    def _compute_current_visit_id(self):
        for order in self:
            order.current_visit_id = order.visit_ids.filtered(
                lambda v: v.state in ("planned", "on_site")
            ).sorted("planned_date")[:1]

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        for order in orders:
            order._aftersales_plan_visit(
                order.appointment_date or order.onsite_deadline, first=True
            )
        return orders

    def _aftersales_plan_visit(self, when, first=False):
        """Plan the next visit of the order at ``when``; the engineer is told
        (the order's Site Visit activity stands for the first one)."""
        self.ensure_one()
        # sudo: the engineer plans his own next visit on an order he may not write
        visit = (
            self.env["aftersales.visit"]
            .sudo()
            .create(
                {
                    "dispatch_order_id": self.id,
                    "is_first": first,
                    "planned_date": when or fields.Datetime.now(),
                }
            )
        )
        if not first and self.engineer_user_id:
            visit.activity_schedule(
                "aftersales_sop.mail_act_service_visit",
                date_deadline=fields.Date.context_today(self, visit.planned_date),
                summary=self.env._("Call the customer, then go back on site"),
                user_id=self.engineer_user_id.id,
            )
        # sudo: not a privilege: the visit created as superuser above goes back to the
        # caller's own rights
        return visit.sudo(self.env.su)

    def action_check_in(self):
        result = super().action_check_in()
        for order in self:
            visit = order.visit_ids.filtered(lambda v: v.state == "planned")[:1]
            if not visit:
                visit = order._aftersales_plan_visit(order.checkin_date, first=True)
            visit._aftersales_mark_checked_in(order.checkin_date)
        return result

    def action_done(self):
        for order in self:
            on_site = order.visit_ids.filtered(lambda v: v.state == "on_site")
            if on_site:
                raise UserError(
                    self.env._(
                        "%(order)s: the engineer checks out of %(visit)s first, with "
                        "its service form.",
                        order=order.name,
                        visit=on_site[0].name,
                    )
                )
        result = super().action_done()
        # visits that were planned but not made
        # sudo: only a dispatcher cancels a visit by hand; the engineer closing his
        # order cancels its visits that were planned but not made
        self.visit_ids.filtered(lambda v: v.state == "planned").sudo().action_cancel()
        return result

    def action_cancel(self):
        result = super().action_cancel()
        visits = self.visit_ids.filtered(lambda v: v.state in ("planned", "on_site"))
        # sudo: the dispatcher cancels the order and its visits with it
        visits.sudo().write({"state": "cancel"})
        # sudo: an engineer cancelling his own order no longer passes the visits' rule
        # (order not cancelled); only their visit activity goes
        visits.sudo().activity_unlink(["aftersales_sop.mail_act_service_visit"])
        return result

    def action_view_visits(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_sop.aftersales_visit_action"
        )
        action.update(
            domain=[("dispatch_order_id", "=", self.id)],
            context={"create": False},
        )
        if len(self.visit_ids) == 1:
            action.update(views=[(False, "form")], res_id=self.visit_ids.id)
        return action

    def action_open_current_visit(self):
        """The engineer's work screen: the visit planned or in progress."""
        self.ensure_one()
        visit = self.current_visit_id or self.visit_ids.sorted("planned_date")[-1:]
        if not visit:
            raise UserError(self.env._("%(order)s has no visit.", order=self.name))
        return {
            "type": "ir.actions.act_window",
            "res_model": "aftersales.visit",
            "res_id": visit.id,
            "views": [(False, "form")],
        }

    def action_print_service_report(self):
        visits = self.visit_ids.filtered(lambda v: v.state != "cancel")
        if not visits:
            raise UserError(self.env._("There is no visit to report on."))
        return self.env.ref("aftersales_sop.action_report_service_visit").report_action(
            visits
        )
