"""The rules-layer half of docs/architecture.md's "where a new rule goes":
a new import is its columns and its row check on the shared stack
(aftersales_sop.rules.sheet and cells); a new KPI is a line of KPIS whose
formula follows from its unit. The Odoo-layer half (a new clock, a new
penalty type, a new KPI through every screen) is in
addons/aftersales_kpi/tests/test_worked_examples.py."""

from dataclasses import dataclass
from datetime import date

from aftersales_kpi.rules import kpi
from aftersales_sop.rules import sheet

TODAY = date(2026, 9, 28)

# -- a new import: spare-part prices from a supplier's price list ---------------

PRICE_COLUMNS = sheet.Columns(
    (
        sheet.Column("code", True, ("Part Code", "零件编码")),
        sheet.Column("name", False, ("Part Name", "零件名称"), blank_allowed=True),
        sheet.Column(
            "price",
            True,
            ("Price (cents)", "价格（分）"),
            kind="number",
            high=10_000_000,
        ),
        sheet.Column(
            "since",
            True,
            ("Valid From", "生效日期"),
            kind="date",
            earliest=date(2020, 1, 1),
        ),
    )
)


@dataclass
class PriceRow:
    line: int
    code: str
    price: int
    since: date


def _price_row(seen):
    def make_row(line, values, problems):
        if problems:
            return None, problems, []
        if values["code"] in seen:
            return None, [sheet.Problem("duplicate", line, "code")], []
        seen.add(values["code"])
        return PriceRow(line, values["code"], values["price"], values["since"]), [], []

    return make_row


def test_a_new_import_is_its_columns_and_its_row_check():
    rows = [
        ["零件编码", "价格（分）", "生效日期", "Supplier Note"],
        ["CAP-4UF", "１２５０", "2026年9月1日", "ok"],  # full-width digits, a 日 date
        ["CAP-4UF", "1300", "2026-09-02", ""],  # the same code twice
        ["FAN-01", "12.5", "2026/9/1", ""],  # not a whole number
        ["BELT-2", "900", "2026-12-01", ""],  # a date in the future
        ["", "", "", ""],
    ]
    check = sheet.check_sheet(rows, PRICE_COLUMNS, _price_row(set()), TODAY)
    assert check.readable
    assert check.ignored_columns == ["Supplier Note"]
    assert check.rows == [PriceRow(2, "CAP-4UF", 1250, date(2026, 9, 1))]
    assert [(p.code, p.line, p.column) for p in check.problems] == [
        ("duplicate", 3, "code"),
        ("bad_number", 4, "price"),
        ("future_date", 5, "since"),
    ]
    assert check.row_count == 4


def test_a_new_import_refuses_a_header_without_its_required_columns():
    check = sheet.check_sheet(
        [["Part Name", "Price (cents)"], ["x", "1"]],
        PRICE_COLUMNS,
        _price_row(set()),
        TODAY,
    )
    assert not check.readable and not check.rows
    assert {p.code for p in check.file_problems} == {"missing_columns"}


def test_the_template_of_a_new_import_reads_back():
    for chinese in (False, True):
        header = PRICE_COLUMNS.template_header(chinese)
        mapping, problems, ignored = PRICE_COLUMNS.map_header(header)
        assert not problems and not ignored
        assert sorted(mapping) == sorted(c.key for c in PRICE_COLUMNS)


# -- a new KPI: a line of KPIS, its formula from its unit ------------------------


def test_a_new_kpi_takes_its_formula_from_its_unit(monkeypatch):
    new = kpi.Kpi("quote_acceptance", kpi.PERCENT, kpi.AT_LEAST, "Quotes Accepted (%)")
    monkeypatch.setattr(kpi, "KPI_BY_CODE", {**kpi.KPI_BY_CODE, new.code: new})
    assert kpi.value("quote_acceptance", 3, 4) == 75.0
    assert kpi.value("quote_acceptance", 0, 0) is None  # no data, not 0
    assert kpi.missed(75.0, 80.0, new.better)
    assert not kpi.missed(None, 80.0, new.better)
    # the pivots' SQL formula is the same one, chosen by the unit
    assert "NULLIF" in kpi.SQL_FORMULAS[new.unit]
