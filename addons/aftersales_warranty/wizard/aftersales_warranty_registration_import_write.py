# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The registration import writes the checked rows: all of them or none.

Customers are found by phone (else created), serial numbers by name (else
created), then the registrations are created in batches, quietly (no chatter
message per record), inside one savepoint.
"""

import logging

import psycopg2

from odoo import models
from odoo.exceptions import UserError

from .registration_import_messages import message

_logger = logging.getLogger(__name__)

#: records created per batch
BATCH = 2000
#: no chatter message or tracking for records created in bulk by an import
QUIET = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}


class AftersalesWarrantyRegistrationImport(models.TransientModel):
    _inherit = "aftersales.warranty.registration.import"

    def _create_registrations(self, rows):
        """Create everything or nothing: ``(registrations, error message)``."""
        registrations = self.env["aftersales.warranty.registration"]
        try:
            with self.env.cr.savepoint():
                registrations = self._create_all(rows)
        # what the ORM refuses (access, constraints: UserError and its
        # subclasses) or the database refuses (psycopg2): nothing half-written
        except (UserError, psycopg2.Error) as error:
            _logger.info("warranty registration import failed", exc_info=True)
            self.env.invalidate_all()
            detail = (
                error.args[0]
                if isinstance(error, UserError) and error.args
                else message(
                    self.env, "database_refused", {"kind": type(error).__name__}
                )
            )
            return registrations.browse(), message(
                self.env, "write_failed", {"error": detail}
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
        """``{E.164 phone: partner}``: a customer is recognized by his phone;
        a new one takes the name of the first row with his phone."""
        names = {}
        for row, phone, _product in rows:
            names.setdefault(phone, row.customer)
        found = self._find_partners(names)
        missing = [number for number in names if number not in found]
        created = (
            self.env["res.partner"]
            .with_context(**QUIET)
            .create(
                [
                    {"name": names[number], "phone": number, "company_id": False}
                    for number in missing
                ]
            )
        )
        found.update(zip(missing, created, strict=True))
        return found

    def _find_or_create_lots(self, rows):
        wanted = {
            (product.id, row.serial): row.serial
            for row, _phone, product in rows
            if row.serial
        }
        if not wanted:
            return {}
        lots = self._find_lots(
            list({product_id for product_id, _serial in wanted}),
            {serial for _product_id, serial in wanted},
        )
        missing = [key for key in wanted if (key[0], key[1].casefold()) not in lots]
        lot_model = self.env["stock.lot"].with_context(active_test=False, **QUIET)
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
