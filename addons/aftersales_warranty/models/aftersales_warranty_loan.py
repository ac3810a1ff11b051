# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

STATES = [
    ("draft", "Draft"),
    ("out", "Lent"),
    ("returned", "Returned"),
    ("cancel", "Cancelled"),
]


class AftersalesWarrantyLoan(models.Model):
    """备用机: a loaner unit lent to a customer during an in-warranty repair."""

    _name = "aftersales.warranty.loan"
    _description = "Loaner Unit Loan"
    _inherit = ["aftersales.sequence.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_due, id desc"
    _check_company_auto = True

    _aftersales_sequence_code = "aftersales.warranty.loan"

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        STATES, default="draft", required=True, tracking=True, copy=False, index=True
    )
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Service Request",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
    )
    partner_id = fields.Many2one(
        related="ticket_id.partner_id", store=True, string="Customer"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    product_id = fields.Many2one(
        "product.product",
        string="Loaner Product",
        required=True,
        check_company=True,
        domain="[('tracking', '=', 'serial')]",
    )
    lot_id = fields.Many2one(
        "stock.lot",
        string="Loaner Unit",
        required=True,
        check_company=True,
        tracking=True,
        domain="[('product_id', '=', product_id), ('aftersales_is_loaner', '=', True)]",
    )
    date_issue = fields.Date(string="Lent On", tracking=True, copy=False)
    date_due = fields.Date(
        string="Due Back On",
        tracking=True,
        copy=False,
        help="Set when the repair of the request is completed: the loan period "
        "of the settings counts from the completion.",
    )
    date_returned = fields.Date(string="Returned On", tracking=True, copy=False)
    issue_picking_id = fields.Many2one(
        "stock.picking",
        string="Issue Transfer",
        readonly=True,
        copy=False,
        check_company=True,
    )
    return_picking_id = fields.Many2one(
        "stock.picking",
        string="Return Transfer",
        readonly=True,
        copy=False,
        check_company=True,
    )
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )
    days_overdue = fields.Integer(compute="_compute_is_overdue")
    note = fields.Text()

    @api.depends_context("tz")
    @api.depends("state", "date_due")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for loan in self:
            late = loan.state == "out" and loan.date_due and loan.date_due < today
            loan.is_overdue = bool(late)
            loan.days_overdue = (today - loan.date_due).days if late else 0

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(
                self.env._(
                    "Unsupported operator %(operator)s for overdue loans.",
                    operator=operator,
                )
            )
        today = fields.Date.context_today(self)
        if (operator == "=") == bool(value):
            return [("state", "=", "out"), ("date_due", "<", today)]
        return [
            "|",
            ("state", "!=", "out"),
            "|",
            ("date_due", "=", False),
            ("date_due", ">=", today),
        ]

    @api.constrains("date_issue", "date_due")
    def _check_dates(self):
        for loan in self:
            if loan.date_issue and loan.date_due and loan.date_due < loan.date_issue:
                raise ValidationError(
                    self.env._(
                        "%(loan)s cannot be due back before it is lent.",
                        loan=loan.name,
                    )
                )

    @api.onchange("product_id")
    def _onchange_product_id(self):
        if self.lot_id.product_id != self.product_id:
            self.lot_id = False

    # ---------------------------------------------------------------------------
    # the flow
    # ---------------------------------------------------------------------------

    def action_issue(self):
        """Prepare the transfer that takes the loaner unit to the customer."""
        customers = self.env.ref("stock.stock_location_customers")
        for loan in self:
            if loan.state != "draft" or loan.issue_picking_id:
                raise UserError(
                    self.env._("%(loan)s was already issued.", loan=loan.name)
                )
            ticket = loan.ticket_id
            if not ticket.warranty_free:
                raise UserError(
                    self.env._(
                        "A loaner unit is lent during an in-warranty repair only: "
                        "the warranty decision of %(ticket)s is not 'in warranty'.",
                        ticket=ticket.display_name,
                    )
                )
            location = loan.company_id._aftersales_location(
                "aftersales_loaner_location_id"
            )
            if loan.lot_id.aftersales_current_loan_id or not (
                loan.lot_id._aftersales_in_loaner_stock(location)
            ):
                raise UserError(
                    self.env._(
                        "The loaner unit %(serial)s is not available in %(location)s.",
                        serial=loan.lot_id.name,
                        location=location.display_name,
                    )
                )
            warehouse = location.warehouse_id or self.env["stock.warehouse"].search(
                [("company_id", "=", loan.company_id.id)], limit=1
            )
            loan.issue_picking_id = self.env[
                "stock.picking"
            ]._aftersales_create_unit_transfer(
                warehouse.out_type_id,
                location,
                customers,
                loan.product_id,
                loan.lot_id,
                ticket.partner_id,
                origin=loan.name,
                helpdesk_ticket_id=ticket.id,
                aftersales_loan_id=loan.id,
            )
        return True

    def action_return(self):
        """Prepare the transfer that brings the loaner unit back."""
        customers = self.env.ref("stock.stock_location_customers")
        for loan in self:
            if loan.state != "out" or loan.return_picking_id:
                raise UserError(
                    self.env._("%(loan)s is not out with the customer.", loan=loan.name)
                )
            location = loan.company_id._aftersales_location(
                "aftersales_loaner_location_id"
            )
            warehouse = location.warehouse_id or self.env["stock.warehouse"].search(
                [("company_id", "=", loan.company_id.id)], limit=1
            )
            loan.return_picking_id = self.env[
                "stock.picking"
            ]._aftersales_create_unit_transfer(
                warehouse.in_type_id,
                customers,
                location,
                loan.product_id,
                loan.lot_id,
                loan.partner_id,
                origin=loan.name,
                helpdesk_ticket_id=loan.ticket_id.id,
                aftersales_loan_id=loan.id,
            )
        return True

    def action_cancel(self):
        for loan in self:
            if loan.state != "draft":
                raise UserError(
                    self.env._(
                        "Only a loan not issued yet can be cancelled; %(loan)s "
                        "is out: take the unit back.",
                        loan=loan.name,
                    )
                )
        self.issue_picking_id.filtered(lambda p: p.state != "done").action_cancel()
        self.write({"state": "cancel"})
        return True

    def _on_picking_done(self, picking):
        self.ensure_one()
        day = fields.Date.context_today(self, picking.date_done)
        if picking == self.issue_picking_id:
            # due after the repair's completion: unknown while it goes on
            due = self.ticket_id._aftersales_loan_due_date() or self.date_due
            self.write(
                {"state": "out", "date_issue": day, "date_due": due and max(due, day)}
            )
            if self.ticket_id.repair_done_date:
                self._aftersales_due_after_repair()
        elif picking == self.return_picking_id:
            self.write({"state": "returned", "date_returned": day})
            self.activity_unlink(["aftersales_warranty.mail_act_loan_overdue"])
            ticket = self.ticket_id
            ticket.activity_feedback(
                ["aftersales_warranty.mail_act_loan_return"],
                feedback=self.env._(
                    "Loaner unit %(serial)s returned.", serial=self.lot_id.name
                ),
            )
            if ticket.repair_state == "done" and not ticket.loaner_out:
                ticket._aftersales_move_to_done()

    def _aftersales_due_after_repair(self):
        """The repair is completed: the loaner is due the configured days
        after it, and the request's owner takes it back."""
        for loan in self:
            ticket = loan.ticket_id
            due = ticket._aftersales_loan_due_date()
            loan.date_due = max(due, loan.date_issue) if loan.date_issue else due
            user = loan.user_id or ticket.user_id or ticket.team_id.user_id
            if user:
                ticket.activity_schedule(
                    "aftersales_warranty.mail_act_loan_return",
                    date_deadline=loan.date_due,
                    summary=self.env._(
                        "Take the loaner unit %(serial)s back by %(date)s",
                        serial=loan.lot_id.name,
                        date=loan.date_due,
                    ),
                    user_id=user.id,
                )

    def action_view_pickings(self):
        self.ensure_one()
        return self.ticket_id._aftersales_window(
            "stock.action_picking_tree_all",
            self.issue_picking_id | self.return_picking_id,
            {},
        )

    @api.model
    def _cron_remind_overdue(self):
        """Remind the responsible of each overdue loan, once."""
        activity_type = self.env.ref("aftersales_warranty.mail_act_loan_overdue")
        for loan in self.search([("is_overdue", "=", True)]):
            if loan.activity_ids.filtered(
                lambda a, t=activity_type: a.activity_type_id == t
            ):
                continue
            loan.activity_schedule(
                "aftersales_warranty.mail_act_loan_overdue",
                summary=self.env._(
                    "Loaner unit %(serial)s was due back on %(date)s",
                    serial=loan.lot_id.name,
                    date=loan.date_due,
                ),
                user_id=(loan.user_id or loan.ticket_id.user_id or self.env.user).id,
            )
        return True
