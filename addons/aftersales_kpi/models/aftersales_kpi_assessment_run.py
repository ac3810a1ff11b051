# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.fields import Command

from ..rules import kpi as kpi_rules
from .aftersales_kpi_assessment import REVIEWER_GROUPS

SUPERVISOR_GROUP = "aftersales_kpi.aftersales_kpi_group_supervisor"
RUN_CONTEXT = {
    "aftersales_kpi_run": True,
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_notrack": True,
}


class AftersalesKpiAssessment(models.Model):
    """The monthly run: the figures of a month for the company, each team and
    each engineer, made into assessments.

    Running a month again gives the same records: a draft gets its figures
    again (the causes of missed targets and HR's comment stay), an assessment
    HR reviewed or the engineer acknowledged is left as it is.
    """

    _inherit = "aftersales.kpi.assessment"

    @api.model
    def _aftersales_check_can_run(self):
        user = self.env.user
        groups = (*REVIEWER_GROUPS, SUPERVISOR_GROUP)
        if not (self.env.su or any(user.has_group(g) for g in groups)):
            raise AccessError(
                self.env._(
                    "Only the customer service supervisor, HR and the "
                    "assessment reviewers compute the month's figures."
                )
            )

    @api.model
    def _cron_monthly_assessment(self):
        """Daily: the previous month's assessments of every company are made,
        then refreshed every day while they are drafts, so that the items
        still pending on the 1st (repair requests within their 30 days,
        complaints under investigation, engineers on their way...) count once
        decided; the month before is refreshed too (its last requests' 30
        days end in the previous month). What HR reviewed stays as it is."""
        today = fields.Date.context_today(self)
        month = kpi_rules.previous_month(today)
        before = kpi_rules.previous_month(month)
        # sudo: the daily run assesses every active company, whichever user
        # the scheduled action runs as
        companies = self.env["res.company"].sudo().search([("active", "=", True)])
        # sudo: the run is the system's, not the scheduled action's user's
        system = self.sudo()
        for company in companies:
            system._aftersales_run(company, month)
            drafts = system.search_count(
                [
                    ("company_id", "=", company.id),
                    ("period_start", "=", before),
                    ("state", "=", "draft"),
                ],
                limit=1,
            )
            if drafts:
                system._aftersales_run(company, before, create=False)

    @api.model
    def _aftersales_run_previous_month(self):
        """The previous month's assessments of the current company (demo)."""
        today = fields.Date.context_today(self)
        return self._aftersales_run(self.env.company, kpi_rules.previous_month(today))

    @api.model
    def _aftersales_run(self, company, month, create=True):
        """Make or refresh the assessments of ``company`` for the month of
        ``month``; returns them. Drafts get the figures as they stand now;
        reviewed and acknowledged ones are left as they are. ``create``:
        make the missing ones too (else refresh the drafts only)."""
        self._aftersales_check_can_run()
        # sudo: the run makes every assessment of the month, those the user
        # who started it may not read included
        run = self.sudo().with_context(**RUN_CONTEXT)
        start = kpi_rules.month_start(month)
        now = fields.Datetime.now()
        # sudo: the figures count every source record of the company (requests,
        # penalties, surveys...), whoever started the run; who may run it was
        # checked above
        figures = self.env["aftersales.kpi.figures"].sudo()
        totals = figures._aftersales_totals(company, start, now=now)
        targets = self.env["aftersales.kpi.target"]._aftersales_targets(company)
        threshold = company.aftersales_commendation_score
        existing = {
            a.scope_key: a
            for a in run.search(
                [("company_id", "=", company.id), ("period_start", "=", start)]
            )
        }
        to_create = []
        for scope, res_id in run._aftersales_subjects(company, totals):
            figures = totals.get((scope, res_id), {})
            lines = run._aftersales_line_values(figures, targets)
            line = next(line for line in lines if line["kpi"] == "satisfaction")
            satisfaction = line["value"] if line["has_value"] else None
            vals = {
                "commendation_proposed": kpi_rules.commended(satisfaction, threshold),
                "computed_date": now,
            }
            key = kpi_rules.assessment_key(scope, res_id)
            assessment = existing.get(key)
            if assessment:
                if assessment.state == "draft":
                    assessment._aftersales_refresh(vals, lines)
                continue
            if not create:
                continue
            to_create.append(
                dict(
                    vals,
                    company_id=company.id,
                    period_start=start,
                    scope=scope,
                    scope_key=key,
                    engineer_id=res_id if scope == "engineer" else False,
                    team_id=res_id if scope == "team" else False,
                    line_ids=[Command.create(line) for line in lines],
                )
            )
        created = run.create(to_create)
        return run.browse([a.id for a in existing.values()] + created.ids).with_env(
            self.env
        )

    def _aftersales_refresh(self, vals, lines):
        """New figures for a draft: causes and comments stay."""
        self.ensure_one()
        if self.commendation_proposed != vals["commendation_proposed"]:
            self.write(vals)
        else:
            self.write({"computed_date": vals["computed_date"]})
        current = {line.kpi: line for line in self.line_ids}
        new_lines = []
        for values in lines:
            line = current.get(values["kpi"])
            if not line:
                new_lines.append(Command.create(values))
                continue
            changed = {
                name: value for name, value in values.items() if line[name] != value
            }
            if "has_value" in changed:
                changed["value"] = values["value"]  # a measured 0 is not no data
            if changed:
                line.write(changed)
        if new_lines:
            self.write({"line_ids": new_lines})

    @api.model
    def _aftersales_subjects(self, company, totals):
        """The company, its active engineers (one without activity learns
        it from his assessment), and the teams and other engineers that have
        figures this month."""
        engineers = set(
            self.env["aftersales.engineer"]
            .search([("company_id", "=", company.id)])
            .ids
        )
        teams = {res_id for scope, res_id in totals if scope == "team"}
        engineers |= {res_id for scope, res_id in totals if scope == "engineer"}
        return [
            ("company", 0),
            *(("team", team) for team in sorted(teams)),
            *(("engineer", engineer) for engineer in sorted(engineers)),
        ]

    @api.model
    def _aftersales_line_values(self, figures, targets):
        """The values of the figure lines from the totals and the targets."""
        lines = []
        for sequence, kpi in enumerate(kpi_rules.KPIS, start=1):
            numerator, denominator, pending = figures.get(kpi.code, (0.0, 0.0, 0.0))
            value = kpi_rules.value(kpi.code, numerator, denominator)
            target, better = targets.get(kpi.code, (None, kpi.better))
            lines.append(
                {
                    "kpi": kpi.code,
                    "sequence": sequence,
                    "has_value": value is not None,
                    "value": round(value, 2) if value is not None else False,
                    "numerator": round(numerator, 2),
                    "denominator": round(denominator, 2),
                    "pending": int(pending),
                    "has_target": target is not None,
                    "target": target or 0.0,
                    "better": better,
                    "missed": kpi_rules.missed(
                        None if value is None else round(value, 2), target, better
                    ),
                }
            )
        return lines
