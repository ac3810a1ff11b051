# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The registration import reads its rows against the database.

Phones, products and serial numbers are looked up in batches; a row that cannot
be imported gets a problem, a row imported with something to know about it
(another name for a known phone) gets a warning. Nothing is written here.
"""

from odoo import models
from odoo.exceptions import UserError
from odoo.tools import escape_psql

from odoo.addons.phone_validation.tools import phone_validation

from ..rules import registration_import as import_rules

#: values per ``IN`` clause of the look-ups
CHUNK = 5000


def _same_name(first, second):
    return " ".join(first.split()).casefold() == " ".join(second.split()).casefold()


class AftersalesWarrantyRegistrationImport(models.TransientModel):
    _inherit = "aftersales.warranty.registration.import"

    def _check_against_database(self, rows):
        """``(valid rows as (row, phone, product), problems, warnings)``."""
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
            row_problems = self._row_problems(row, phones[row.phone], products, lots)
            product = products.get(row.product)
            lot = None
            if not row_problems and row.serial:
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
                valid.append((row, phones[row.phone], product))
        return valid, problems, self._name_warnings(valid)

    def _row_problems(self, row, phone, products, lots):
        problems = []
        if isinstance(phone, UserError):
            problems.append(
                self._db_problem(row, "phone", "bad_phone", value=row.phone)
            )
        product = products.get(row.product)
        if not product:
            problems.append(
                self._db_problem(row, "product", "unknown_product", value=row.product)
            )
        elif len(product) > 1:
            problems.append(
                self._db_problem(row, "product", "ambiguous_product", value=row.product)
            )
        elif product.tracking in ("serial", "lot") and not row.serial:
            problems.append(
                self._db_problem(
                    row, "serial", "serial_required", product=product.display_name
                )
            )
        elif product.tracking == "none" and row.serial:
            problems.append(
                self._db_problem(
                    row, "serial", "serial_not_tracked", product=product.display_name
                )
            )
        return problems

    @staticmethod
    def _db_problem(row, column, code, warning=False, **params):
        return import_rules.Problem(code, row.line, column, params, warning=warning)

    def _name_warnings(self, valid):
        """A row whose phone is a known customer's, or an earlier row's, under
        another name: the unit goes to that customer, the row's name is not used."""
        known = self._find_partners({phone for _row, phone, _product in valid})
        first_rows = {}
        warnings = []
        for row, phone, _product in valid:
            partner = known.get(phone)
            if partner:
                if not _same_name(partner.name or "", row.customer):
                    warnings.append(
                        self._db_problem(
                            row,
                            "customer",
                            "name_differs",
                            warning=True,
                            phone=phone,
                            partner=partner.name,
                            name=row.customer,
                        )
                    )
                continue
            first = first_rows.setdefault(phone, row)
            if not _same_name(first.customer, row.customer):
                warnings.append(
                    self._db_problem(
                        row,
                        "customer",
                        "name_differs_in_file",
                        warning=True,
                        phone=phone,
                        first_name=first.customer,
                        first_line=first.line,
                        name=row.customer,
                    )
                )
        return warnings

    # ---------------------------------------------------------------------------
    # look-ups
    # ---------------------------------------------------------------------------

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
        lots = self._find_lots(product_ids, wanted)
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

    def _find_lots(self, product_ids, serials):
        """``{(product id, serial casefolded): lot}`` of the company."""
        lots = {}
        lot_model = self.env["stock.lot"].with_context(active_test=False)
        serials = list(serials)
        for start in range(0, len(serials), CHUNK):
            for lot in lot_model.search(
                [
                    ("product_id", "in", product_ids),
                    ("name", "in", serials[start : start + CHUNK]),
                    ("company_id", "in", [self.company_id.id, False]),
                ]
            ):
                lots[(lot.product_id.id, lot.name.casefold())] = lot
        return lots

    def _find_partners(self, numbers):
        """``{E.164 phone: partner}`` of the customers known by these phones."""
        partner_model = self.env["res.partner"].with_context(active_test=False)
        found, variants = {}, {}
        for number in numbers:
            for variant in self._phone_variants(number):
                variants[variant] = number
        keys = list(variants)
        for start in range(0, len(keys), CHUNK):
            chunk = keys[start : start + CHUNK]
            for partner in partner_model.search(
                ["|", ("phone", "in", chunk), ("mobile", "in", chunk)], order="id"
            ):
                for value in (partner.phone, partner.mobile):
                    number = variants.get(value)
                    if number and number not in found:
                        found[number] = partner
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
