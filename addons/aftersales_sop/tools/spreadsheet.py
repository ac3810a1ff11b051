# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Reading the first sheet of an ``.xls`` (xlrd) or ``.xlsx`` (openpyxl) file,
or a ``.csv`` text for an import that takes one, and writing an ``.xlsx`` (a
template to fill in, an error report), for every spreadsheet import of the
suite.

Whatever the bytes hold, the only exception that leaves the reader is
:class:`SpreadsheetError`, with a code the Odoo layer turns into a sentence:
``empty_file``, ``too_big``, ``not_excel`` (``not_spreadsheet`` when a CSV
text would do), ``unreadable``, ``no_sheet``. The file type is told by the
content, not by the name. Cells come out as the plain values the cell reader
(:mod:`..rules.cells`) expects; formulas give their computed value (a formula
never computed reads as empty); a CSV cell is its text, a blank one ``None``.
"""

import csv
import io
import struct
import warnings
import zipfile
import zlib

import openpyxl
import xlrd
from openpyxl.utils.exceptions import InvalidFileException

from ..rules.cells import CellError

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
EXCEL_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"}
)
#: refuse files larger than this (bytes)
MAX_BYTES = 50 * 1024 * 1024
#: the encodings a CSV export comes in: UTF-8 (with or without a byte order
#: mark), else the Chinese national one (what Excel and telephony systems in
#: China write)
CSV_ENCODINGS = ("utf-8-sig", "gb18030")
#: the separators a CSV export may use, told by its first line
CSV_DELIMITERS = ",;\t|"
#: what openpyxl, xlrd and the libraries under them raise on a damaged file:
#: the archive and compression layers, the XML parsers (their errors are
#: SyntaxErrors), the binary records of .xls, and the plain errors of code
#: that reads values it did not expect. Found by feeding the readers damaged
#: files (tests/rules/test_spreadsheet_files.py); a bug of ours stays loud.
BROKEN_FILE_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    struct.error,
    SyntaxError,
    EOFError,
    OSError,
    InvalidFileException,
    xlrd.XLRDError,
    xlrd.compdoc.CompDocError,
    AssertionError,
    ArithmeticError,
    AttributeError,
    LookupError,  # KeyError, IndexError, an unknown text encoding of .xls
    TypeError,
    ValueError,
    RuntimeError,  # an encrypted zip member; NotImplementedError of a parser
)


class SpreadsheetError(Exception):
    def __init__(self, code, **params):
        super().__init__(code)
        self.code = code
        self.params = params


def file_kind(data):
    """``"xls"``, ``"xlsx"`` or ``None``, from the first bytes of ``data``."""
    if data.startswith(OLE2_MAGIC):
        return "xls"
    if data.startswith(ZIP_MAGIC):
        return "xlsx"
    return None


def read_sheet(data, max_bytes=MAX_BYTES, csv_text=False):
    """``(rows, datemode)`` of the first sheet of an Excel file, or of a CSV
    text when ``csv_text`` (an import that takes one).

    ``rows`` is an iterator of tuples of cell values; reading happens as it is
    consumed, and a file that turns out to be broken half-way raises
    :class:`SpreadsheetError` from the iterator too.
    """
    if not data:
        raise SpreadsheetError("empty_file")
    if len(data) > max_bytes:
        raise SpreadsheetError("too_big", size=len(data), max=max_bytes)
    kind = file_kind(data)
    if kind is None and csv_text:
        return _read_csv(data), 0
    if kind is None:
        raise SpreadsheetError("not_excel")
    try:
        if kind == "xls":
            rows, datemode = _read_xls(data)
        else:
            rows, datemode = _read_xlsx(data)
    except BROKEN_FILE_ERRORS as error:
        raise SpreadsheetError("unreadable", kind=kind, detail=_detail(error)) from None
    return _guarded(rows, kind), datemode


def _detail(error):
    text = " ".join(str(error).split())[:200]
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _guarded(rows, kind):
    try:
        yield from rows
    except BROKEN_FILE_ERRORS as error:
        raise SpreadsheetError("unreadable", kind=kind, detail=_detail(error)) from None


# -- .csv ------------------------------------------------------------------------


def _read_csv(data):
    """The rows of a CSV text: comma, semicolon, tab or bar separated (the one
    its first line uses most), in UTF-8 or GB 18030."""
    for encoding in CSV_ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise SpreadsheetError(
            "unreadable", kind="csv", detail="not UTF-8 or GB 18030 text"
        )
    first = text.split("\n", 1)[0]
    delimiters = [d for d in CSV_DELIMITERS if d in first]
    if "\x00" in text or not delimiters:
        raise SpreadsheetError("not_spreadsheet")
    delimiter = max(delimiters, key=first.count)
    return _csv_rows(text, delimiter)


def _csv_rows(text, delimiter):
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            yield tuple(cell if cell.strip() else None for cell in row)
    except csv.Error as error:
        raise SpreadsheetError(
            "unreadable", kind="csv", detail=_detail(error)
        ) from None


# -- .xls ------------------------------------------------------------------------


def _read_xls(data):
    book = xlrd.open_workbook(
        file_contents=data, on_demand=True, logfile=io.StringIO(), verbosity=0
    )
    if not book.nsheets:
        raise SpreadsheetError("no_sheet")
    sheet = book.sheet_by_index(0)
    return _xls_rows(book, sheet), book.datemode


def _xls_rows(book, sheet):
    for index in range(sheet.nrows):
        yield tuple(
            _xls_value(book, cell_type, value)
            for cell_type, value in zip(
                sheet.row_types(index), sheet.row_values(index), strict=False
            )
        )


def _xls_value(book, cell_type, value):
    if cell_type in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if cell_type == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(value, book.datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return value  # the rules report the serial as a bad date
    if cell_type == xlrd.XL_CELL_BOOLEAN:
        return bool(value)
    if cell_type == xlrd.XL_CELL_ERROR:
        return CellError(xlrd.error_text_from_code.get(value, "#ERROR"))
    return value


# -- .xlsx -----------------------------------------------------------------------


def _read_xlsx(data):
    with warnings.catch_warnings():
        # openpyxl warns about styles and extensions it does not know
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=True, keep_links=False
        )
    if not book.worksheets:
        raise SpreadsheetError("no_sheet")
    sheet = book.worksheets[0]
    if not hasattr(sheet, "iter_rows"):  # a chart sheet
        raise SpreadsheetError("no_sheet")
    datemode = 1 if book.epoch.year == 1904 else 0
    return _xlsx_rows(book, sheet), datemode


def _xlsx_rows(book, sheet):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # the dimensions a file declares may be wrong: read what is there
            sheet.reset_dimensions()
            for row in sheet.iter_rows(values_only=True):
                yield tuple(_xlsx_value(value) for value in row)
    finally:
        book.close()


def _xlsx_value(value):
    if isinstance(value, str) and value in EXCEL_ERRORS:
        return CellError(value)
    return value


# -- writing ---------------------------------------------------------------------


def xlsx_bytes(sheets, width=20):
    """An .xlsx file of ``sheets``, ``[(title, rows)]`` in order, its columns
    ``width`` characters wide."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        for column in sheet.columns:
            sheet.column_dimensions[column[0].column_letter].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
