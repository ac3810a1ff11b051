# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import binascii
import io
import logging

import openpyxl

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import escape_psql

from odoo.addons.phone_validation.tools import phone_validation

from ..rules import registration_import as import_rules
from ..tools import spreadsheet

_logger = logging.getLogger(__name__)

#: at most this many lines under the header
MAX_ROWS = 100_000
#: registrations created per batch
BATCH = 2000
#: no chatter message or tracking for records created in bulk by an import
QUIET = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}


class AftersalesWarrantyRegistrationImport(models.TransientModel):
    _name = "aftersales.warranty.registration.import"
    _description = "Import Warranty Registrations"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    file = fields.Binary(attachment=False)
    filename = fields.Char()
    import_valid_rows = fields.Boolean(
        string="Import the Valid Rows Only",
        help="Import the rows without problems and leave out the bad ones. "
        "Otherwise one bad row stops the whole import.",
    )
    state = fields.Selection(
        [("upload", "Upload"), ("checked", "Checked"), ("done", "Imported")],
        default="upload",
        required=True,
    )
    file_error = fields.Text(readonly=True)
    row_count = fields.Integer(string="Rows", readonly=True)
    valid_count = fields.Integer(string="Valid Rows", readonly=True)
    bad_row_count = fields.Integer(string="Rows with Problems", readonly=True)
    imported_count = fields.Integer(string="Imported", readonly=True)
    problem_ids = fields.One2many(
        "aftersales.warranty.registration.import.problem",
        "wizard_id",
        string="Problems",
        readonly=True,
    )
    registration_ids = fields.Many2many(
        "aftersales.warranty.registration",
        "aftersales_warranty_import_registration_rel",
        "import_id",
        "registration_id",
        string="Imported Registrations",
    )
    template_file = fields.Binary(attachment=False, readonly=True)

    @api.onchange("file")
    def _onchange_file(self):
        self.state = "upload"

    # ---------------------------------------------------------------------------
    # actions
    # ---------------------------------------------------------------------------

    def action_check(self):
        self.ensure_one()
        self._run(create=False)
        return self._reopen()

    def action_import(self):
        self.ensure_one()
        self._run(create=True)
        return self._reopen()

    def action_view_registrations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_warranty.aftersales_warranty_registration_action"
        )
        action.update(domain=[("id", "in", self.registration_ids.ids)], context={})
        return action

    def action_download_template(self):
        self.ensure_one()
        chinese = (self.env.lang or "").startswith("zh")
        self.template_file = base64.b64encode(self._template_bytes(chinese))
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self._name}/{self.id}/template_file/"
            "warranty_registrations.xlsx?download=true",
            "target": "download",
        }

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Import Warranty Registrations"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    @api.model
    def _template_bytes(self, chinese=False):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "登记" if chinese else "Registrations"
        header = import_rules.template_header(chinese)
        sheet.append(header)
        example = book.create_sheet("示例" if chinese else "Example")
        example.append(header)
        example.append(
            [
                "Zhou Min",
                "+86 138 0013 8000",
                "AC-3500",
                "AC35-2025-000184",
                "2025-11-30",
                "INV-SH-2025-018832",
                import_rules.CHANNELS["online"][1 if chinese else 0],
            ]
        )
        for ws in (sheet, example):
            for column in ws.columns:
                ws.column_dimensions[column[0].column_letter].width = 22
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()

    # ---------------------------------------------------------------------------
    # checking and importing
    # ---------------------------------------------------------------------------

    def _run(self, create):
        """Check the file; import it when asked and allowed. Never half-writes."""
        self.problem_ids.unlink()
        values = {
            "file_error": False,
            "row_count": 0,
            "valid_count": 0,
            "bad_row_count": 0,
            "imported_count": 0,
            "registration_ids": [fields.Command.clear()],
        }
        file_problems, rows, problems, row_count = self._check_file()
        bad_lines = {p.line for p in problems}
        values.update(
            row_count=row_count, valid_count=len(rows), bad_row_count=len(bad_lines)
        )
        if file_problems:
            values["file_error"] = "\n".join(
                self._problem_message(p) for p in file_problems
            )
        elif create and rows and (not problems or self.import_valid_rows):
            registrations, error = self._create_registrations(rows)
            if error:
                values["file_error"] = error
            else:
                values.update(
                    imported_count=len(registrations),
                    registration_ids=[fields.Command.set(registrations.ids)],
                )
        elif create and problems:
            values["file_error"] = self.env._(
                "Nothing was imported: %(count)s row(s) have problems. Correct "
                "them, or tick 'Import the Valid Rows Only'.",
                count=len(bad_lines),
            )
        values["state"] = "done" if values["imported_count"] else "checked"
        values["problem_ids"] = [
            fields.Command.create(self._problem_values(p))
            for p in sorted(problems, key=lambda p: (p.line, p.column or ""))
        ]
        self.write(values)

    def _check_file(self):
        """``(file problems, rows to import, row problems, row count)``."""
        problem = import_rules.Problem
        try:
            content = self.with_context(bin_size=False).file or b""
            data = base64.b64decode(content, validate=True)
        except (binascii.Error, ValueError):
            return [problem("unreadable")], [], [], 0
        today = fields.Date.context_today(self)
        try:
            rows, datemode = spreadsheet.read_sheet(data)
            check = import_rules.check_rows(rows, today, datemode, MAX_ROWS)
        except spreadsheet.SpreadsheetError as error:
            return [problem(error.code, params=error.params)], [], [], 0
        if not check.readable:
            return check.file_problems, [], [], check.row_count
        rows, problems = self._check_against_database(check.rows)
        return [], rows, check.problems + problems, check.row_count

    def _check_against_database(self, rows):
        """Phones, products, serial numbers: ``(rows with their values, problems)``."""
        problems, valid = [], []
        products = self._find_products({row.product for row in rows})
        phones = {}
        ticket_model = self.env["helpdesk.ticket"]
        for row in rows:
            if row.phone not in phones:
                try:
                    phones[row.phone] = ticket_model._aftersales_format_phone(
                        row.phone, self.company_id
                    )
                except UserError as error:
                    phones[row.phone] = error
        lots, registered = self._find_units(rows, products)
        for row in rows:
            row_problems = []
            phone = phones[row.phone]
            if isinstance(phone, UserError):
                row_problems.append(
                    self._db_problem(row, "phone", "bad_phone", value=row.phone)
                )
            product = products.get(row.product)
            if not product:
                row_problems.append(
                    self._db_problem(
                        row, "product", "unknown_product", value=row.product
                    )
                )
            elif len(product) > 1:
                row_problems.append(
                    self._db_problem(
                        row, "product", "ambiguous_product", value=row.product
                    )
                )
            elif product.tracking in ("serial", "lot") and not row.serial:
                row_problems.append(
                    self._db_problem(
                        row, "serial", "serial_required", product=product.display_name
                    )
                )
            elif product.tracking == "none" and row.serial:
                row_problems.append(
                    self._db_problem(
                        row,
                        "serial",
                        "serial_not_tracked",
                        product=product.display_name,
                    )
                )
            elif row.serial:
                lot = lots.get((product.id, row.serial.casefold()))
                if lot and lot.id in registered:
                    row_problems.append(
                        self._db_problem(
                            row,
                            "serial",
                            "serial_registered",
                            serial=row.serial,
                            registration=registered[lot.id],
                        )
                    )
            if row_problems:
                problems.extend(row_problems)
            else:
                valid.append((row, phone, product))
        return valid, problems

    @staticmethod
    def _db_problem(row, column, code, **params):
        return import_rules.Problem(code, row.line, column, params)

    def _find_products(self, texts):
        """``{text: products}``: by internal reference, else by exact name."""
        company = self.company_id
        products = self.env["product.product"].with_context(active_test=True)
        domain_company = [("company_id", "in", [company.id, False])]
        found = {}
        by_code = {}
        if texts:
            for product in products.search(
                [("default_code", "in", list(texts)), *domain_company]
            ):
                by_code.setdefault(product.default_code, products)
                by_code[product.default_code] |= product
        for text in texts:
            if text in by_code:
                found[text] = by_code[text]
                continue
            match = products.search(
                [("name", "=ilike", escape_psql(text)), *domain_company], limit=2
            )
            if match:
                found[text] = match
        return found

    def _find_units(self, rows, products):
        """Existing serial numbers, and the registrations that hold them."""
        wanted = {
            row.serial
            for row in rows
            if row.serial and len(products.get(row.product, ())) == 1
        }
        if not wanted:
            return {}, {}
        product_ids = list({p.id for p in products.values() if len(p) == 1})
        lots = {}
        lot_model = self.env["stock.lot"].with_context(active_test=False)
        serials = list(wanted)
        for start in range(0, len(serials), 5000):
            for lot in lot_model.search(
                [
                    ("product_id", "in", product_ids),
                    ("name", "in", serials[start : start + 5000]),
                    ("company_id", "in", [self.company_id.id, False]),
                ]
            ):
                lots[(lot.product_id.id, lot.name.casefold())] = lot
        registered = {}
        if lots:
            # sudo: a registration of another company also holds the serial
            for registration in (
                self.env["aftersales.warranty.registration"]
                .sudo()
                .with_context(active_test=False)
                .search([("lot_id", "in", [lot.id for lot in lots.values()])])
            ):
                registered[registration.lot_id.id] = registration.name
        return lots, registered

    def _create_registrations(self, rows):
        """Create everything or nothing: ``(registrations, error message)``."""
        registrations = self.env["aftersales.warranty.registration"]
        try:
            with self.env.cr.savepoint():
                registrations = self._create_all(rows)
        # whatever the database refuses is reported: nothing is half-written
        except Exception as error:
            _logger.info("warranty registration import failed", exc_info=True)
            self.env.invalidate_all()
            message = (
                error.args[0] if isinstance(error, UserError) and error.args else None
            )
            return registrations.browse(), self.env._(
                "Nothing was imported: %(error)s",
                error=message
                or self.env._(
                    "the database refused the rows (%(kind)s).",
                    kind=type(error).__name__,
                ),
            )
        return registrations, None

    def _create_all(self, rows):
        company = self.company_id
        partners = self._find_or_create_partners(rows)
        lots = self._find_or_create_lots(rows)
        registration_model = self.env["aftersales.warranty.registration"].with_context(
            **QUIET
        )
        created = registration_model.browse()
        values = [
            {
                "company_id": company.id,
                "partner_id": partners[phone].id,
                "partner_phone": phone,
                "product_id": product.id,
                "lot_id": (
                    lots[(product.id, row.serial.casefold())].id
                    if row.serial
                    else False
                ),
                "purchase_date": row.purchase_date,
                "proof_reference": row.invoice or False,
                "sales_channel": row.channel or False,
                "origin": "import",
            }
            for row, phone, product in rows
        ]
        for start in range(0, len(values), BATCH):
            created |= registration_model.create(values[start : start + BATCH])
            # written: keep the memory of a big import flat
            self.env.flush_all()
            self.env.invalidate_all()
        return created

    def _find_or_create_partners(self, rows):
        """``{E.164 phone: partner}``: a customer is recognized by his phone."""
        numbers = {}
        for row, phone, _product in rows:
            numbers.setdefault(phone, row.customer)
        partner_model = self.env["res.partner"].with_context(active_test=False, **QUIET)
        found = {}
        variants = {}
        for number in numbers:
            for variant in self._phone_variants(number):
                variants[variant] = number
        keys = list(variants)
        for start in range(0, len(keys), 5000):
            chunk = keys[start : start + 5000]
            for partner in partner_model.search(
                ["|", ("phone", "in", chunk), ("mobile", "in", chunk)],
                order="id",
            ):
                for value in (partner.phone, partner.mobile):
                    number = variants.get(value)
                    if number and number not in found:
                        found[number] = partner
        missing = [n for n in numbers if n not in found]
        created = partner_model.create(
            [{"name": numbers[n], "phone": n, "company_id": False} for n in missing]
        )
        found.update(zip(missing, created, strict=True))
        return found

    def _phone_variants(self, number):
        """How a phone in E.164 may be written on a partner."""
        variants = {number}
        country = self.company_id.country_id or self.env.ref("base.cn")
        for style in ("INTERNATIONAL", "NATIONAL"):
            try:
                variants.add(
                    phone_validation.phone_format(
                        number,
                        country.code,
                        country.phone_code,
                        force_format=style,
                        raise_exception=True,
                    )
                )
            except UserError:
                continue
        return variants

    def _find_or_create_lots(self, rows):
        wanted = {
            (product.id, row.serial): row.serial
            for row, _phone, product in rows
            if row.serial
        }
        if not wanted:
            return {}
        lot_model = self.env["stock.lot"].with_context(active_test=False, **QUIET)
        lots = {}
        serials = list({serial for _p, serial in wanted})
        for start in range(0, len(serials), 5000):
            for lot in lot_model.search(
                [
                    ("product_id", "in", list({p for p, _s in wanted})),
                    ("name", "in", serials[start : start + 5000]),
                    ("company_id", "in", [self.company_id.id, False]),
                ]
            ):
                lots[(lot.product_id.id, lot.name.casefold())] = lot
        missing = [key for key in wanted if (key[0], key[1].casefold()) not in lots]
        for start in range(0, len(missing), BATCH):
            chunk = missing[start : start + BATCH]
            created = lot_model.create(
                [
                    {
                        "name": serial,
                        "product_id": product_id,
                        "company_id": self.company_id.id,
                    }
                    for product_id, serial in chunk
                ]
            )
            for (product_id, serial), lot in zip(chunk, created, strict=True):
                lots[(product_id, serial.casefold())] = lot
        return lots

    # ---------------------------------------------------------------------------
    # messages
    # ---------------------------------------------------------------------------

    def _column_label(self, key):
        labels = {
            "customer": self.env._("Customer"),
            "phone": self.env._("Phone"),
            "product": self.env._("Product"),
            "serial": self.env._("Serial Number"),
            "purchase_date": self.env._("Purchase Date"),
            "invoice": self.env._("Invoice Number"),
            "channel": self.env._("Sales Channel"),
        }
        return labels.get(key, key or "")

    def _problem_values(self, problem):
        return {
            "line": problem.line,
            "column": self._column_label(problem.column) if problem.column else False,
            "message": self._problem_message(problem),
        }

    def _problem_message(self, problem):
        p = dict(problem.params)
        code = problem.code
        if "columns" in p:
            p["columns"] = ", ".join(self._column_label(c) for c in p["columns"])
        if code == "missing_columns":
            return self.env._(
                "The header (line 1) lacks the column(s) %(columns)s: download the "
                "template and keep its first row.",
                columns=p["columns"],
            )
        if code == "unknown_columns":
            return self.env._(
                "The header (line 1) has column(s) this import does not know: "
                "%(columns)s.",
                columns=", ".join(problem.params["columns"]),
            )
        if code == "duplicate_columns":
            return self.env._(
                "The header (line 1) has the same column twice: %(columns)s.",
                columns=", ".join(problem.params["columns"]),
            )
        simple = {
            "no_header": self.env._(
                "The first row of the first sheet must be the header."
            ),
            "no_rows": self.env._("The file has a header but no row to import."),
            "empty_file": self.env._("The file is empty."),
            "not_excel": self.env._(
                "This is not an Excel file: save it as .xlsx or .xls and try again."
            ),
            "no_sheet": self.env._("The file has no worksheet."),
            "required": self.env._("This cell is required."),
        }
        if code in simple:
            return simple[code]
        messages = {
            "unreadable": lambda: self.env._(
                "The file cannot be read: it is damaged, protected by a password, "
                "or not a spreadsheet (%(detail)s).",
                detail=p.get("detail") or p.get("kind") or "-",
            ),
            "too_big": lambda: self.env._(
                "The file is too big (%(size)s bytes, at most %(max)s).",
                size=p["size"],
                max=p["max"],
            ),
            "too_many_rows": lambda: self.env._(
                "The file has more than %(max)s rows: split it.", max=p["max"]
            ),
            "error_value": lambda: self.env._(
                "The cell holds the error %(value)s.", value=p["value"]
            ),
            "not_text": lambda: self.env._(
                "%(value)s is not a text or a number.", value=p["value"]
            ),
            "number_too_large": lambda: self.env._(
                "The number %(value)s is too large to be exact in Excel: enter it as "
                "text.",
                value=p["value"],
            ),
            "too_long": lambda: self.env._(
                "The text is too long (%(length)s characters, at most %(max)s).",
                length=p["length"],
                max=p["max"],
            ),
            "bad_date": lambda: self.env._(
                "%(value)s is not a date: use a date cell or write it as 2025-11-30.",
                value=p["value"],
            ),
            "future_date": lambda: self.env._(
                "The purchase date %(date)s is in the future.", date=p["date"]
            ),
            "too_old": lambda: self.env._(
                "The purchase date %(date)s is before %(earliest)s.",
                date=p["date"],
                earliest=p["earliest"],
            ),
            "unknown_channel": lambda: self.env._(
                "Unknown sales channel %(value)s; use one of: %(allowed)s.",
                value=p["value"],
                allowed=", ".join(p["allowed"]),
            ),
            "duplicate_in_file": lambda: self.env._(
                "The serial number %(serial)s is already on line %(first_line)s.",
                serial=p["serial"],
                first_line=p["first_line"],
            ),
            "bad_phone": lambda: self.env._(
                "%(value)s is not a valid phone number.", value=p["value"]
            ),
            "unknown_product": lambda: self.env._(
                "No product has the internal reference or the name %(value)s.",
                value=p["value"],
            ),
            "ambiguous_product": lambda: self.env._(
                "Several products have the reference or the name %(value)s: use the "
                "internal reference.",
                value=p["value"],
            ),
            "serial_required": lambda: self.env._(
                "%(product)s is tracked by serial number: the serial number is "
                "required.",
                product=p["product"],
            ),
            "serial_not_tracked": lambda: self.env._(
                "%(product)s is not tracked by serial number: leave the serial "
                "number empty.",
                product=p["product"],
            ),
            "serial_registered": lambda: self.env._(
                "The serial number %(serial)s is already registered "
                "(%(registration)s).",
                serial=p["serial"],
                registration=p["registration"],
            ),
        }
        if code in messages:
            return messages[code]()
        return code


class AftersalesWarrantyRegistrationImportProblem(models.TransientModel):
    _name = "aftersales.warranty.registration.import.problem"
    _description = "Problem Found in a Registration File"
    _order = "line, id"

    wizard_id = fields.Many2one(
        "aftersales.warranty.registration.import",
        string="Import",
        required=True,
        ondelete="cascade",
    )
    line = fields.Integer(help="The line in the spreadsheet; 0: the whole file.")
    column = fields.Char()
    message = fields.Char(string="Problem")
