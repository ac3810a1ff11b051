# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Reading a CSV export (the hotline's call log) into rows of cells, as the
spreadsheet readers give them: a text per cell, ``None`` for a blank one."""

import csv
import io


class CsvError(ValueError):
    """A file that is not a readable CSV text: ``code`` says why."""

    def __init__(self, code, **params):
        super().__init__(code)
        self.code = code
        self.params = params


#: the encodings telephony systems export in: UTF-8 (with or without a byte
#: order mark), else the Chinese national one
CSV_ENCODINGS = ("utf-8-sig", "gb18030")


def csv_rows(data: bytes) -> list[tuple]:
    """The rows of a CSV export, blank cells as ``None``: comma, semicolon,
    tab or bar separated, in UTF-8 or GB 18030."""
    for encoding in CSV_ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise CsvError("unreadable", detail="not UTF-8 or GB 18030 text")
    if "\x00" in text:
        raise CsvError("not_excel")
    first = text.split("\n", 1)[0]
    delimiters = [d for d in ",;\t|" if d in first]
    if not delimiters:
        raise CsvError("not_excel")
    delimiter = max(delimiters, key=first.count)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        return [tuple(cell if cell.strip() else None for cell in row) for row in reader]
    except csv.Error as error:
        raise CsvError("unreadable", detail=str(error)[:200]) from None
