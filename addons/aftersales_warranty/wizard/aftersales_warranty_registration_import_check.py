# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The registration import reads its rows against the database.

Phones, products and serial numbers are looked up in batches; a row that cannot
be imported gets a problem, a row imported with something to know about it
(another name for a known phone) gets a warning. Nothing is written here: each
valid row comes out as a :class:`CheckedRow` carrying the ids of the customer
and the serial number the database already has, so that writing creates only
what is missing and looks nothing up again. Ids, not records: the ORM cache of
a big file's look-ups is not kept.
"""

from typing import NamedTuple

from odoo import models
from odoo.exceptions import UserError
from odoo.tools import escape_psql

from odoo.addons.phone_validation.tools import phone_validation

from ..rules import registration_import as import_rules

#: values per ``IN`` clause of the look-ups
CHUNK = 5000


def _same_name(first, second):
    return " ".join(first.split()).casefold() == " ".join(second.split()).casefold()


class CheckedRow(NamedTuple):
    """A row that can be imported, with what the database already has for it."""

    row: import_rules.Row
    #: the contact phone in E.164
    phone: str
    product_id: int
    #: the customer known by this phone, else None (the import creates him)
    partner_id: int | None
    #: the existing serial number, else None (created when the row has one)
    lot_id: int | None


class AftersalesWarrantyRegistrationImport(models.TransientModel):
    _inherit = "aftersales.warranty.registration.import"

    def _check_rows(self, rows):
        """``(valid rows as CheckedRow, problems, warnings)``."""
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
            lot_id = None
            if not row_problems and row.serial:
                lot_id = lots.get((product.id, row.serial.casefold()))
            if lot_id and lot_id in registered:
                row_problems.append(
                    self._db_problem(
                        row,
                        "serial",
                        "serial_registered",
                        serial=row.serial,
                        registration=registered[lot_id],
                    )
                )
            if row_problems:
                problems.extend(row_problems)
            else:
                valid.append((row, phones[row.phone], product.id, lot_id))
        known = self._find_partners({phone for _row, phone, *_ids in valid})
        warnings = self._name_warnings(valid, known)
        valid = [
            CheckedRow(row, phone, product_id, known.get(phone, (None,))[0], lot_id)
            for row, phone, product_id, lot_id in valid
        ]
        return valid, problems, warnings

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

    def _name_warnings(self, valid, known):
        """A row whose phone is a known customer's, or an earlier row's, under
        another name: the unit goes to that customer, the row's name is not used.

        ``valid``: ``(row, phone, ...)`` tuples; ``known``: ``{phone: (partner
        id, partner name)}``."""
        first_rows = {}
        warnings = []
        for row, phone, *_ids in valid:
            partner = known.get(phone)
            if partner:
                if not _same_name(partner[1], row.customer):
                    warnings.append(
                        self._db_problem(
                            row,
                            "customer",
                            "name_differs",
                            warning=True,
                            phone=phone,
                            partner=partner[1],
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
        """Existing serial numbers ``{(product id, serial casefolded): lot id}``,
        and the registrations that hold them ``{lot id: registration name}``."""
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
            registration_model = (
                self.env["aftersales.warranty.registration"]
                .sudo()
                .with_context(active_test=False)
            )
            lot_ids = list(lots.values())
            for start in range(0, len(lot_ids), CHUNK):
                for registration in registration_model.search_fetch(
                    [("lot_id", "in", lot_ids[start : start + CHUNK])],
                    ["name", "lot_id"],
                ):
                    registered[registration.lot_id.id] = registration.name
        return lots, registered

    def _find_lots(self, product_ids, serials):
        """``{(product id, serial casefolded): lot id}`` of the company."""
        lots = {}
        lot_model = self.env["stock.lot"].with_context(active_test=False)
        serials = list(serials)
        for start in range(0, len(serials), CHUNK):
            for lot in lot_model.search_fetch(
                [
                    ("product_id", "in", product_ids),
                    ("name", "in", serials[start : start + CHUNK]),
                    ("company_id", "in", [self.company_id.id, False]),
                ],
                ["name", "product_id"],
            ):
                lots[(lot.product_id.id, lot.name.casefold())] = lot.id
        return lots

    def _find_partners(self, numbers):
        """``{E.164 phone: (partner id, name)}`` of the customers known by
        these phones (the first one by id when several are)."""
        partner_model = self.env["res.partner"].with_context(active_test=False)
        found, variants = {}, {}
        for number in numbers:
            for variant in self._phone_variants(number):
                variants[variant] = number
        keys = list(variants)
        for start in range(0, len(keys), CHUNK):
            chunk = keys[start : start + CHUNK]
            for partner in partner_model.search_fetch(
                ["|", ("phone", "in", chunk), ("mobile", "in", chunk)],
                ["name", "phone", "mobile"],
                order="id",
            ):
                for value in (partner.phone, partner.mobile):
                    number = variants.get(value)
                    # the ways of writing one number may fall in two chunks:
                    # the oldest partner wins whichever chunk found him
                    if number and (
                        number not in found or partner.id < found[number][0]
                    ):
                        found[number] = (partner.id, partner.name or "")
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
