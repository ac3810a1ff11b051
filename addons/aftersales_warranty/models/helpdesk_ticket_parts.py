# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The spare parts of a service request (SPEC §6): its parts lines, what
happens to them when the work is done or the request is closed, the gate
(consent, quote) and the list of parts used for the visit and its report."""

from odoo import api, fields, models

from odoo.addons.aftersales_sop.tools.chatter import post_note


class HelpdeskTicket(models.Model):
    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "aftersales.consent.mixin"]
    _aftersales_consent_wizard_field = "ticket_id"

    part_line_ids = fields.One2many(
        "aftersales.part.line", "ticket_id", string="Spare Parts"
    )
    part_line_count = fields.Integer(
        string="Parts", compute="_compute_parts_status", compute_sudo=True
    )
    parts_status = fields.Selection(
        [
            ("none", "No Parts"),
            ("waiting", "Parts Missing"),
            ("ready", "Parts Reserved"),
            ("issued", "Parts with the Engineer"),
            ("done", "Parts Used or Returned"),
        ],
        compute="_compute_parts_status",
        compute_sudo=True,
        help="Whether the parts of the request are there: the engineer knows "
        "before he leaves.",
    )
    aftersales_parts_group_id = fields.Many2one(
        "procurement.group",
        string="Parts Procurement Group",
        copy=False,
        readonly=True,
        groups="stock.group_stock_user",
    )

    @api.depends("part_line_ids.state")
    def _compute_parts_status(self):
        for ticket in self:
            states = set(ticket.part_line_ids.mapped("state")) - {"released"}
            ticket.part_line_count = len(ticket.part_line_ids)
            if not states:
                status = "none"
            elif "waiting" in states:
                status = "waiting"
            elif "reserved" in states:
                status = "ready"
            elif "issued" in states:
                status = "issued"
            else:
                status = "done"
            ticket.parts_status = status

    def _aftersales_parts_group(self):
        """The procurement group that keeps the request's parts in one transfer."""
        self.ensure_one()
        # sudo: the field is for stock users only; the engineer or agent asking for
        # parts may not read or set it; one group per request, named after it
        ticket = self.sudo()
        if not ticket.aftersales_parts_group_id:
            ticket.aftersales_parts_group_id = self.env["procurement.group"].create(
                {
                    "name": ticket.number or ticket.name,
                    "partner_id": ticket.partner_id.id,
                }
            )
        return ticket.aftersales_parts_group_id

    # ---------------------------------------------------------------------------
    # the request's life: engineer, completion, closing
    # ---------------------------------------------------------------------------

    def write(self, vals):
        result = super().write(vals)
        if "engineer_id" in vals:
            # parts not issued yet go to the new engineer
            # sudo: whoever changes the engineer (the dispatch flow) may not write
            # the previous engineer's lines; only waiting or reserved lines follow
            for ticket in self.sudo():
                lines = ticket.part_line_ids.filtered(
                    lambda line, ticket=ticket: (
                        line.state in ("waiting", "reserved")
                        and line.engineer_id != ticket.engineer_id
                    )
                )
                if lines and ticket.engineer_id:
                    lines.write({"engineer_id": ticket.engineer_id.id})
        if "stage_id" in vals:
            self.filtered("closed")._aftersales_parts_close()
        return result

    def _aftersales_complete_repair(self):
        result = super()._aftersales_complete_repair()
        self._aftersales_parts_finish()
        return result

    def _aftersales_parts_finish(self):
        """The work is done: the used parts are consumed, the others come back,
        what was never issued is released."""
        # sudo: the work's end (an engineer, a dispatcher) consumes, releases and
        # returns parts through stock moves they cannot write; only this request's lines
        lines = self.sudo().part_line_ids
        lines._aftersales_consume()
        lines._aftersales_release(self.env._("the work is done"))
        lines._aftersales_return()

    def _aftersales_parts_close(self):
        """Closed or cancelled: nothing stays reserved; without a completed
        repair nothing was used, everything issued comes back."""
        # sudo: closing a request (an agent, an engineer) releases and returns its parts
        # through stock moves they cannot write; only this request's lines
        for ticket in self.sudo():
            if ticket.repair_state == "done":
                ticket._aftersales_parts_finish()
                continue
            lines = ticket.part_line_ids
            lines._aftersales_release(self.env._("the request is closed"))
            for line in lines.filtered(lambda line: line.quantity_used):
                # sudo: a closed request used none of its parts
                line.quantity_used = line.qty_consumed
            lines._aftersales_return()

    # ---------------------------------------------------------------------------
    # the gate: consent and quote (with the repairs' in repair_order_gate.py)
    # ---------------------------------------------------------------------------

    def _aftersales_work_blocker(self):
        return super()._aftersales_work_blocker() or self._aftersales_parts_blocker()

    def _aftersales_parts_blocker(self, lines=None):
        """Why the parts the engineer used (of ``lines``, by default all the
        request's) cannot be accepted yet, or ``None``."""
        self.ensure_one()
        if lines is None:
            lines = self.part_line_ids
        # sudo: the lines' issued quantities and quotation lines are read from stock and
        # sale records the engineer cannot read; only a reason is returned
        used = lines.sudo().filtered(
            lambda line: line.qty_issued and line._aftersales_consent_applies()
        )
        unquoted = used.filtered(
            lambda line: not line.warranty_covered and not line.sale_line_id
        )
        if unquoted:
            return self.env._(
                "%(parts)s are charged to the customer and on no quote: open a "
                "repair order for the request, its quote lists them",
                parts=unquoted._aftersales_part_list(),
            )
        not_accepted = used.filtered(
            lambda line: (
                not line.warranty_covered and line.sale_line_id.order_id.state != "sale"
            )
        )
        if not_accepted:
            return self.env._(
                "%(parts)s are charged and the customer has not accepted the quote "
                "%(quote)s yet",
                parts=not_accepted._aftersales_part_list(),
                quote=", ".join(not_accepted.sale_line_id.order_id.mapped("name")),
            )
        pending = used.filtered(lambda line: line._aftersales_needs_consent())
        if pending:
            return self.env._(
                "the customer has not agreed yet to the replacement of %(parts)s: "
                "record his consent",
                parts=pending._aftersales_part_list(),
            )
        return None

    def _aftersales_quote_repair(self):
        """The repair order whose quote carries the request's charged parts:
        the first one still open."""
        self.ensure_one()
        # sudo: engineers and agents cannot read repair orders; only which open repair
        # carries the quote is returned, to put the line's part on it
        repairs = self.sudo().repair_order_ids.filtered(
            lambda r: r.state not in ("done", "cancel")
        )
        return repairs.sorted("id")[:1]

    def _aftersales_parts_awaiting_consent(self):
        self.ensure_one()
        return self.part_line_ids.filtered(
            lambda line: line._aftersales_needs_consent()
        )

    # the customer's consent (aftersales_consent_mixin.py)

    def action_aftersales_parts_consent(self):
        """The request's button (its name kept so that an upgrade of a
        database validates the request's views)."""
        return self.action_aftersales_record_consent()

    def _aftersales_consent_unpriced(self, parts):
        return parts.filtered(
            lambda line: (
                not line.warranty_covered
                # sudo: the quote line of a part, read by staff without Sales
                and line.sudo().sale_line_id.order_id.state != "sale"
            )
        )

    def _aftersales_consent_quote_hint(self, parts):
        return self.env._(
            "%(parts)s of %(ticket)s are charged: the customer agrees to "
            "their price by accepting the quote of the request's repair "
            "order.",
            parts=parts._aftersales_part_list(),
            ticket=self.display_name,
        )

    def _aftersales_consent_store(self, parts, how):
        # sudo: the engineer records the consent on site without the right to
        # write parts lines (the warehouse's); only the consent fields change
        return super()._aftersales_consent_store(parts.sudo(), how)

    def _aftersales_consent_notify(self, parts, body):
        # sudo: the engineer who records it may not follow the request
        post_note(self.sudo(), body)

    # ---------------------------------------------------------------------------
    # buttons
    # ---------------------------------------------------------------------------

    def action_view_part_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_warranty.aftersales_part_line_action"
        )
        action.update(
            domain=[("ticket_id", "=", self.id)],
            context={"default_ticket_id": self.id},
        )
        return action

    def action_aftersales_reserve_parts(self):
        self.part_line_ids.action_aftersales_reserve()
        return True

    def action_aftersales_issue_parts(self):
        self.part_line_ids.action_aftersales_issue()
        return True

    def action_aftersales_return_parts(self):
        self.part_line_ids.action_aftersales_return()
        return True

    # ---------------------------------------------------------------------------
    # for the visit and its service report
    # ---------------------------------------------------------------------------

    def _aftersales_parts_used(self, engineer=None):
        """The parts the engineer used on this request (all engineers, or the
        one given), for the visit and its service report::

            [{"name", "product_id", "quantity", "uom", "serial_number",
              "covered", "consent", "line_id"}]

        ``quantity`` is the quantity used (consumed, or to be consumed when the
        visit or the repair is done); ``consent`` says the customer agreed.
        """
        self.ensure_one()
        # sudo: the service report lists the parts for an engineer or a customer who
        # cannot read other engineers' lines; only names, quantities, serials and
        # consent
        lines = self.sudo().part_line_ids.filtered(
            lambda line: (
                line.quantity_used > 0
                and (not engineer or line.engineer_id == engineer)
            )
        )
        return [
            {
                "name": line.product_id.display_name,
                "product_id": line.product_id.id,
                "quantity": line.quantity_used,
                "uom": line.product_uom.name,
                "serial_number": line.lot_names or "",
                "covered": line.warranty_covered,
                "consent": not line._aftersales_needs_consent(),
                "line_id": line.id,
            }
            for line in lines
        ]
