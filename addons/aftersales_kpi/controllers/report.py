# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.aftersales_sop.controllers.report import AftersalesReportController


class AftersalesKpiReportController(AftersalesReportController):
    def _aftersales_read_only_reports(self):
        # the monthly quality report reads the assessments' figures
        return super()._aftersales_read_only_reports() | {
            "aftersales_kpi.report_quality_review"
        }
