# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The registration import writes the checked rows: all of them or none.

The check found the customers (by phone) and serial numbers the database
already has; what is missing is created here, then the registrations, in
batches, quietly (no chatter message per record), inside one savepoint (the
shared import's ``_write_all_or_nothing``). Each
batch is flushed and the ORM cache emptied after it, and only ids are kept
between batches, so that the memory a big file takes does not grow with it.
"""

from odoo import models

#: records created per batch
BATCH = 2000
#: no chatter message or tracking for records created in bulk by an import
QUIET = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}


class AftersalesWarrantyRegistrationImport(models.TransientModel):
    _inherit = "aftersales.warranty.registration.import"

    def _write_rows(self, rows):
        """Create the missing customers and serial numbers, then the
        registrations of ``rows`` (:class:`CheckedRow`): ``(registrations,
        counts)``. The caller writes all of them or none (a savepoint)."""
        company_id = self.company_id.id
        partners = self._create_partners(rows)
        lots = self._create_lots(rows)
        registration_model = self.env["aftersales.warranty.registration"].with_context(
            **QUIET
        )
        created = []
        for start in range(0, len(rows), BATCH):
            values = [
                {
                    "company_id": company_id,
                    "partner_id": partner_id or partners[phone],
                    "partner_phone": phone,
                    "product_id": product_id,
                    "lot_id": (
                        lot_id or lots[(product_id, row.serial.casefold())]
                        if row.serial
                        else False
                    ),
                    "purchase_date": row.purchase_date,
                    "proof_reference": row.invoice or False,
                    "sales_channel": row.channel or False,
                    "origin": "import",
                }
                for row, phone, product_id, partner_id, lot_id in rows[
                    start : start + BATCH
                ]
            ]
            created += registration_model.create(values).ids
            self._flush_batch()
        return registration_model.browse(created), {"registrations": len(created)}

    def _flush_batch(self):
        """Written: keep the memory of a big import flat."""
        self.env.flush_all()
        self.env.invalidate_all()

    def _create_partners(self, rows):
        """``{E.164 phone: partner id}`` of the customers the check did not
        find: a new one takes the name of the first row with his phone."""
        names = {}
        for row, phone, _product_id, partner_id, _lot_id in rows:
            if not partner_id:
                names.setdefault(phone, row.customer)
        missing = list(names)
        partner_model = self.env["res.partner"].with_context(**QUIET)
        found = {}
        for start in range(0, len(missing), BATCH):
            chunk = missing[start : start + BATCH]
            created = partner_model.create(
                [
                    {"name": names[number], "phone": number, "company_id": False}
                    for number in chunk
                ]
            )
            found.update(zip(chunk, created.ids, strict=True))
            self._flush_batch()
        return found

    def _create_lots(self, rows):
        """``{(product id, serial casefolded): lot id}`` of the serial numbers
        the check did not find."""
        missing = list(
            {
                (product_id, row.serial): None
                for row, _phone, product_id, _partner_id, lot_id in rows
                if row.serial and not lot_id
            }
        )
        lot_model = self.env["stock.lot"].with_context(active_test=False, **QUIET)
        lots = {}
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
            for (product_id, serial), lot_id in zip(chunk, created.ids, strict=True):
                lots[(product_id, serial.casefold())] = lot_id
            self._flush_batch()
        return lots
