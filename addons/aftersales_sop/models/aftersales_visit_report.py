# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import logging

from markupsafe import Markup

from odoo import models
from odoo.exceptions import UserError
from odoo.tools import format_amount

from ..tools.chatter import post_note

_logger = logging.getLogger(__name__)

REPORT = "aftersales_sop.action_report_service_visit"


class AftersalesVisit(models.Model):
    """The service report (服务报告) of a visit: what the report prints, and
    the signed copy kept on the repair request, where the customer finds it on
    the portal."""

    _inherit = "aftersales.visit"

    def _aftersales_report_parts(self):
        """The parts the report lists: ``[{name, quantity, serial_number,
        consent}]``. The lines of the service form for now; the request's own
        parts lines will feed it when it has them."""
        self.ensure_one()
        return [
            {
                "name": part.name,
                "quantity": part.quantity,
                "serial_number": part.serial_number or "",
                "consent": part.consent,
            }
            for part in self.part_ids
        ]

    def _aftersales_report_tz(self):
        """The time zone the report's times are printed in: the customer's, else
        the team's working calendar's, else the company's, else the user's."""
        self.ensure_one()
        return (
            self.partner_id.tz
            or self.team_id.resource_calendar_id.tz
            or self.company_id.resource_calendar_id.tz
            or self.env.user.tz
            or "UTC"
        )

    def _aftersales_report_time(self, value):
        """A moment as the report prints it: in its time zone and language."""
        self.ensure_one()
        # as the report's datetime fields print it (the language's format)
        return self.env["ir.qweb.field.datetime"].value_to_html(
            value, {"tz_name": self._aftersales_report_tz()}
        )

    def _aftersales_report_calls(self):
        """The calls ahead, one sentence each, in the report's language."""
        self.ensure_one()
        lines = []
        for call in self.call_ids.sorted(lambda c: (c.call_date, c.id)):
            values = {
                "time": self._aftersales_report_time(call.call_date),
                "eta": self._aftersales_report_time(call.eta_date),
                "minutes": call.delay_minutes,
                "reason": call.reason or "",
            }
            if call.delay_minutes:
                lines.append(
                    self.env._(
                        "%(time)s: arrival announced at %(eta)s, %(minutes)s minutes "
                        "late (%(reason)s)",
                        **values,
                    )
                )
            else:
                lines.append(
                    self.env._("%(time)s: arrival announced at %(eta)s", **values)
                )
        return lines

    def _aftersales_report_fee_line(self):
        """The fee and the customer's answer, in the report's language."""
        self.ensure_one()
        fee = (
            format_amount(self.env, self.fee_amount, self.currency_id)
            if self.fee_amount
            else self.env._("free of charge")
        )
        values = {
            "fee": fee,
            "name": self.accepted_by or "",
            "date": self._aftersales_report_time(self.accepted_date)
            if self.accepted_date
            else "",
        }
        if self.acceptance_state == "accepted":
            return self.env._(
                "Fee: %(fee)s, accepted by %(name)s on %(date)s", **values
            )
        if self.acceptance_state == "refused":
            return self.env._("Fee: %(fee)s, refused by %(name)s on %(date)s", **values)
        return self.env._("Fee: %(fee)s, not accepted yet", **values)

    def _aftersales_report_filename(self, extension="pdf"):
        self.ensure_one()
        return self.env._(
            "Service Report %(visit)s.%(ext)s", visit=self.name, ext=extension
        )

    def _get_report_base_filename(self):
        # the portal's report download names its file with it
        return self._aftersales_report_filename().removesuffix(".pdf")

    def _aftersales_attach_service_report(self):
        """Render the report and keep it on the request (the same attachment
        is refreshed when the visit changes after the signature, e.g. at the
        check-out). A report that cannot be rendered does not undo the
        signature: the visit says so and can be printed later."""
        Report = self.env["ir.actions.report"].sudo()
        for visit in self:
            try:
                # sudo: the report is kept whoever signs; it reads the company,
                # the engineer and the request the engineer may not read
                content, kind = Report._render_qweb_pdf(REPORT, visit.ids)
            except UserError as error:
                _logger.info("Service report of %s not rendered: %s", visit.name, error)
                post_note(
                    visit,
                    self.env._(
                        "The signed service report could not be kept as a PDF "
                        "(%(error)s): print it from the visit.",
                        error=str(error),
                    ),
                )
                continue
            # in test mode Odoo renders reports as HTML
            extension = "pdf" if kind == "pdf" else "html"
            values = {
                "name": visit._aftersales_report_filename(extension),
                "datas": base64.b64encode(content),
                "mimetype": "application/pdf" if kind == "pdf" else "text/html",
                "res_model": "helpdesk.ticket",
                "res_id": visit.ticket_id.id,
                "description": self.env._(
                    "Service report of %(visit)s, signed by %(name)s",
                    visit=visit.name,
                    name=visit.signed_by or "-",
                ),
            }
            # sudo: the engineer writes on the request's attachments
            attachment = visit.report_attachment_id.sudo()
            if attachment:
                attachment.write(values)
                continue
            attachment = self.env["ir.attachment"].sudo().create(values)
            visit.sudo().report_attachment_id = attachment
            visit.ticket_id.sudo().message_post(
                body=Markup("<p>%s</p>")
                % self.env._(
                    "The customer signed the service report of %(visit)s.",
                    visit=visit.name,
                ),
                attachment_ids=attachment.ids,
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_print_service_report(self):
        return self.env.ref(REPORT).report_action(self)

    def action_attach_service_report(self):
        """Keep the signed report on the request again (e.g. after a failure)."""
        self.filtered("signed_date")._aftersales_attach_service_report()
        return True
