# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Spreadsheets written in memory for the tests of every spreadsheet import
(the registration import of aftersales_warranty, the roster import of
aftersales_kpi): data only, no test methods."""

import io
from datetime import date, datetime

import openpyxl
import xlwt


def xlsx(rows):
    """An .xlsx file of ``rows`` (its first sheet)."""
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xls(rows, sheet_name="Sheet 1"):
    """An old .xls file of ``rows``, days as date cells."""
    book = xlwt.Workbook()
    sheet = book.add_sheet(sheet_name)
    day = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, datetime | date):
                sheet.write(r, c, value, day)
            elif value is not None:
                sheet.write(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
