# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Checking the rows of a warranty registration spreadsheet (SPEC §11).

The file readers (Odoo layer) turn a sheet into rows of plain values: ``None``,
``str``, ``int``, ``float``, ``bool``, ``date``/``datetime``, or a
:class:`CellError` for an error cell (``#DIV/0!``, ``#REF!``, ...). This module
checks the header and every row, and never raises on what a file holds: every
problem becomes a :class:`Problem` with a code and parameters, which the Odoo
layer turns into a translated sentence. Lines are numbered as the spreadsheet
shows them: the header is line 1.

Real files carry more than the import needs: columns it does not know (备注,
地址, 门店, ...) are ignored and listed. Cells are read by the suite's one cell
reader (``aftersales_sop.rules.cells``: dates in every form staff write them,
long numbers refused rather than changed) through its header layer
(``aftersales_sop.rules.sheet``). A row without an invoice number is imported
with a warning: its unit has no proof of purchase.

What needs the database (phone numbers, products, serial numbers already
registered) is checked by the Odoo layer on the rows this module accepts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from odoo.addons.aftersales_sop.rules import sheet
from odoo.addons.aftersales_sop.rules.sheet import Column, Columns, Problem, SheetCheck

#: sales channels: key -> (English label, Chinese label)
CHANNELS = {
    "store": ("Retail Store", "门店"),
    "online": ("Online Shop", "电商平台"),
    "distributor": ("Distributor", "经销商"),
    "direct": ("Direct Sales", "直销"),
    "project": ("Project", "工程项目"),
    "other": ("Other", "其他"),
}

#: no registration is older than this
EARLIEST_PURCHASE = date(1980, 1, 1)

#: the columns of a registration file; the first alias of each language is the
#: template's header, the others are accepted too (matching ignores case,
#: spaces, underscores, "*", brackets and a trailing colon)
COLUMNS = Columns(
    (
        Column("customer", True, ("Customer", "Customer Name", "客户", "客户名称")),
        Column(
            "phone",
            True,
            ("Phone", "Contact Phone", "Mobile", "电话", "联系电话", "手机"),
            max_length=64,
        ),
        Column(
            "product",
            True,
            (
                "Product",
                "Product Code",
                "Model",
                "产品",
                "产品编码",
                "型号",
                "产品型号",
            ),
        ),
        # required in the header; blank for a product without serial numbers
        Column(
            "serial",
            True,
            ("Serial Number", "Serial", "SN", "序列号", "机身编号"),
            max_length=64,
            blank_allowed=True,
        ),
        Column(
            "purchase_date",
            True,
            ("Purchase Date", "购买日期"),
            kind="date",
            earliest=EARLIEST_PURCHASE,
        ),
        Column(
            "invoice",
            False,
            ("Invoice Number", "Invoice", "Receipt Number", "发票号", "发票号码"),
            max_length=64,
        ),
        Column(
            "channel",
            False,
            ("Sales Channel", "Channel", "销售渠道"),
            kind="choice",
            choices=tuple(CHANNELS.items()),
        ),
    )
)


@dataclass(frozen=True, slots=True)
class Row:
    """A row whose cells are all well-formed (slots: a file holds 100,000)."""

    line: int
    customer: str
    phone: str
    product: str
    serial: str | None
    purchase_date: date
    invoice: str | None
    channel: str | None


def check_rows(
    rows: Iterable[Sequence],
    today: date,
    datemode: int = 0,
    max_rows: int = 100_000,
) -> SheetCheck:
    """A registration file checked by the suite's sheet check
    (:func:`~aftersales_sop.rules.sheet.check_sheet`), with this import's rows:
    of two rows with the same product and serial number the second is
    reported; a row without an invoice number is imported with a warning."""
    seen = {}

    def make_row(line, values, problems):
        if problems:
            return None, problems, []
        row = Row(line=line, **values)
        if row.serial:
            key = (row.product.casefold(), row.serial.casefold())
            if key in seen:
                params = {"serial": row.serial, "first_line": seen[key]}
                return None, [Problem("duplicate_in_file", line, "serial", params)], []
            seen[key] = line
        warnings = []
        if not row.invoice:
            warnings.append(Problem("no_invoice", line, "invoice", warning=True))
        return row, [], warnings

    return sheet.check_sheet(rows, COLUMNS, make_row, today, datemode, max_rows)
