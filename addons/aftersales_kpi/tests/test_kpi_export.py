# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer service supervisor downloads the month's figures from the
pivot of the request analysis as an Excel file (the pivot's Download xlsx)."""

import io
import json

import openpyxl

from odoo import http
from odoo.tests import HttpCase, freeze_time, tagged

from .common import KpiMonthCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-10-02 02:00:00")
class TestKpiExport(HttpCase, KpiMonthCommon):
    def test_the_supervisor_exports_the_pivot_to_excel(self):
        Report = self.env["aftersales.kpi.request.report"].with_user(self.supervisor)
        groups = Report.read_group(
            [
                ("team_id", "=", self.team.id),
                ("request_date", ">=", "2026-08-31 16:00:00"),
                ("request_date", "<", "2026-09-30 16:00:00"),
            ],
            ["request_count:sum", "response_compliance:avg"],
            ["engineer_id"],
            orderby="engineer_id",
        )
        rows = [
            {
                "title": group["engineer_id"][1],
                "indent": 1,
                "values": [
                    {"value": group["request_count"]},
                    {"value": group["response_compliance"]},
                ],
            }
            for group in groups
        ]
        data = {
            "title": "Request Analysis",
            "model": Report._name,
            "measure_count": 2,
            "origin_count": 1,
            "col_group_headers": [[{"title": "Total", "width": 2, "height": 1}]],
            "measure_headers": [
                {"title": "Requests", "is_bold": False},
                {"title": "Response Compliance (%)", "is_bold": False},
            ],
            "origin_headers": [],
            "rows": rows,
        }
        self.authenticate("kpi_supervisor", "kpi_supervisor")
        response = self.url_open(
            "/web/pivot/export_xlsx",
            data={
                "data": json.dumps(data),
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        cells = {
            str(row[0]).strip(): row[1:]
            for row in sheet.iter_rows(min_row=3, values_only=True)
        }
        by_name = {
            name: next(v for k, v in cells.items() if k.startswith(name))
            for name in ("Zhang", "Liu")
        }
        self.assertEqual(by_name["Zhang"], (2, 50))
        self.assertEqual(by_name["Liu"], (1, 100))
