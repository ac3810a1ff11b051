# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.myaccount import CustomerPortalHelpdesk

from ..models.aftersales_survey import SCORES

REPORT = "aftersales_sop.action_report_service_visit"


def _read_only(controller):
    """A page that only reads runs on a read-only cursor (the database
    replica when one is configured). Odoo keeps an inherited route read/write
    when an override says ``readonly=True``; it takes a callable."""
    return True


class AftersalesPortal(CustomerPortalHelpdesk):
    """The customer's side: the signed service reports of his requests on
    the portal, and the satisfaction survey he answers from a link, without an
    account."""

    # -- the customer's list of requests ---------------------------------------------

    @http.route(readonly=_read_only)
    def portal_my_tickets(self, *args, **kwargs):
        return super().portal_my_tickets(*args, **kwargs)

    # -- the service reports on the request's portal page ----------------------------

    def _ticket_get_page_view_values(self, ticket, access_token, **kwargs):
        values = super()._ticket_get_page_view_values(ticket, access_token, **kwargs)
        # ticket is the sudoed record the caller checked access to
        values["aftersales_visits"] = ticket.visit_ids.filtered("signed_date")
        values["aftersales_surveys"] = ticket.survey_ids.filtered(
            lambda s: s.state == "pending" and s.method == "portal"
        )
        return values

    @http.route(
        ["/my/ticket/<int:ticket_id>/service-report/<int:visit_id>"],
        type="http",
        auth="public",
        website=True,
        readonly=True,
    )
    def portal_service_report(
        self, ticket_id, visit_id, access_token=None, download=None, **kw
    ):
        try:
            ticket_sudo = self._document_check_access(
                "helpdesk.ticket", ticket_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        visit = ticket_sudo.visit_ids.filtered(
            lambda v: v.id == visit_id and v.signed_date
        )
        if not visit:
            raise request.not_found()
        attachment = visit.report_attachment_id
        if attachment:
            # the copy kept when the customer signed
            stream = request.env["ir.binary"]._get_stream_from(attachment)
            return stream.get_response(as_attachment=bool(download))
        return self._show_report(
            model=visit, report_type="pdf", report_ref=REPORT, download=download
        )

    # -- the satisfaction survey from a link -------------------------------------

    def _aftersales_survey_sudo(self, survey_id, access_token):
        try:
            return self._document_check_access(
                "aftersales.survey", survey_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return None

    @staticmethod
    def _aftersales_survey_dimensions(survey):
        """[(field, label)] of the scores the page asks besides the overall
        one: the six dimensions of a repair, none for a consultation."""
        return [
            (name, survey._fields[name]._description_string(survey.env))
            for name in survey._aftersales_dimensions()
        ]

    def _aftersales_survey_values(self, survey, access_token, **values):
        return {
            "survey": survey,
            "access_token": access_token,
            "dimensions": self._aftersales_survey_dimensions(survey),
            "scores": [score for score, _label in SCORES],
            "answer": {},
            "error": False,
            **values,
        }

    def _aftersales_survey_render(self, survey, template, values):
        # the page speaks the customer's language
        lang = survey.partner_id.lang
        if lang and request.env["res.lang"]._get_data(code=lang):
            request.update_context(lang=lang)
            survey = survey.with_context(lang=lang)
            values["survey"] = survey
            values["dimensions"] = self._aftersales_survey_dimensions(survey)
        return request.render(template, values)

    @http.route(
        ["/aftersales/survey/<int:survey_id>"],
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
        sitemap=False,
        readonly=True,
    )
    def aftersales_survey(self, survey_id, access_token=None, **kw):
        survey = self._aftersales_survey_sudo(survey_id, access_token)
        if survey is None or survey.state == "cancel":
            raise request.not_found()
        template = (
            "aftersales_sop.portal_survey_page"
            if survey.state == "pending"
            else "aftersales_sop.portal_survey_thanks"
        )
        return self._aftersales_survey_render(
            survey, template, self._aftersales_survey_values(survey, access_token)
        )

    @http.route(
        ["/aftersales/survey/<int:survey_id>/answer"],
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        sitemap=False,
    )
    def aftersales_survey_answer(self, survey_id, access_token=None, **post):
        survey = self._aftersales_survey_sudo(survey_id, access_token)
        if survey is None or survey.state == "cancel":
            raise request.not_found()
        if survey.state != "pending":
            return self._aftersales_survey_render(
                survey,
                "aftersales_sop.portal_survey_thanks",
                self._aftersales_survey_values(survey, access_token),
            )
        try:
            # sudo (from the access check): the customer has no account
            survey._aftersales_answer(post, respondent=post.get("respondent"))
        except UserError as error:
            values = self._aftersales_survey_values(
                survey, access_token, answer=post, error=error.args[0]
            )
            return self._aftersales_survey_render(
                survey, "aftersales_sop.portal_survey_page", values
            )
        return self._aftersales_survey_render(
            survey,
            "aftersales_sop.portal_survey_thanks",
            self._aftersales_survey_values(survey, access_token),
        )
