# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The registration import in batches: what crosses a batch boundary."""

from unittest.mock import patch

from odoo.tests import freeze_time, tagged

from odoo.addons.aftersales_warranty.wizard import (
    aftersales_warranty_registration_import_check as import_check,
)
from odoo.addons.aftersales_warranty.wizard import (
    aftersales_warranty_registration_import_write as import_write,
)

from .import_common import HEADER, ImportCommon, xlsx


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestImportBatches(ImportCommon):
    def test_a_file_written_in_several_batches(self):
        """Batches of two rows (look-ups in chunks of two values): a customer
        whose rows fall in several batches is created once, a known one (by
        any way his phone is written) is never created again, a serial number
        repeated in a later batch is a bad row; every row lands on the right
        customer and serial number, nothing is written twice."""
        # the same phone on a newer contact too: the oldest one is the customer
        self.env["res.partner"].create(
            {"name": "Test Customer (copy)", "phone": "+8613700000001"}
        )
        rows = [
            HEADER,
            ["Someone", "+86 137 0000 0001", "T-RC", None, "2026-05-01", "B-1"],
            ["Batch One", "13900000071", "Test AC", "AC-T-B1", "2026-05-01", "B-2"],
            ["Batch Two", "13900000072", "Test AC", "AC-T-0001", "2026-05-02", "B-3"],
            ["Batch Three", "13900000073", "T-RC", None, "2026-05-03", "B-4"],
            ["Batch One", "139 0000 0071", "T-RC", None, "2026-05-04", "B-5"],
            # line 7: the serial number of line 3 again, in another batch
            ["Twice", "13900000075", "Test AC", "ac-t-b1", "2026-05-04", "B-X"],
            ["Batch Four", "13900000074", "Test AC", "AC-T-B2", "2026-05-05", "B-6"],
            ["Batch Two", "13900000072", "T-RC", None, "2026-05-06", "B-7"],
            ["Test Customer", "13700000001", "Test AC", "AC-T-B3", "2026-05-07", "B-8"],
        ]
        before = self._counts()
        wizard = self._wizard(xlsx(rows))
        sizes = {"registration": [], "partner": [], "lot": []}
        originals = {}

        def spy(key, model):
            originals[key] = type(self.env[model]).create

            def create(records, vals_list):
                sizes[key].append(len(vals_list))
                return originals[key](records, vals_list)

            return patch.object(type(self.env[model]), "create", create)

        flush = import_write.AftersalesWarrantyRegistrationImport._flush_batch
        with (
            patch.object(import_write, "BATCH", 2),
            patch.object(import_check, "CHUNK", 2),
            spy("registration", "aftersales.warranty.registration"),
            spy("partner", "res.partner"),
            spy("lot", "stock.lot"),
            patch.object(
                import_write.AftersalesWarrantyRegistrationImport,
                "_flush_batch",
                autospec=True,
                side_effect=flush,
            ) as flushed,
        ):
            wizard.action_import()
            # one bad row stops the whole file
            self.assertEqual(self._counts(), before)
            self.assertIn("Nothing was imported: 1 row(s)", wizard.file_error)
            self.assertEqual(
                [(line, column) for line, column, _m in self._problems(wizard)],
                [(7, "Serial Number")],
            )
            self.assertIn("already on line 3", self._problems(wizard)[0][2])
            self.assertEqual(sizes, {"registration": [], "partner": [], "lot": []})
            wizard.import_valid_rows = True
            wizard.action_import()
        self.assertFalse(wizard.file_error, wizard.file_error)
        self.assertEqual(wizard.imported_count, 8)
        # written in batches of two: customers, serial numbers, registrations
        self.assertEqual(
            sizes, {"registration": [2, 2, 2, 2], "partner": [2, 2], "lot": [2, 1]}
        )
        self.assertEqual(flushed.call_count, 8)
        registrations, partners, lots = (
            after - first for after, first in zip(self._counts(), before, strict=True)
        )
        self.assertEqual((registrations, partners, lots), (8, 4, 3))
        imported = wizard.registration_ids.sorted("proof_reference")
        self.assertEqual(
            imported.mapped("proof_reference"), [f"B-{i}" for i in range(1, 9)]
        )
        customer = {
            name: self.env["res.partner"].search([("name", "=", name)])
            for name in ("Batch One", "Batch Two", "Batch Three", "Batch Four")
        }
        self.assertEqual([len(p) for p in customer.values()], [1, 1, 1, 1])
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Twice")]))
        self.assertEqual(
            [r.partner_id.id for r in imported],
            [
                self.customer.id,
                customer["Batch One"].id,
                customer["Batch Two"].id,
                customer["Batch Three"].id,
                customer["Batch One"].id,
                customer["Batch Four"].id,
                customer["Batch Two"].id,
                self.customer.id,
            ],
        )
        self.assertEqual(
            [p.phone for p in customer.values()],
            ["+8613900000071", "+8613900000072", "+8613900000073", "+8613900000074"],
        )
        self.assertEqual(self.customer.name, "Test Customer")
        self.assertEqual(
            imported.mapped(lambda r: r.lot_id.name or ""),
            ["", "AC-T-B1", "AC-T-0001", "", "", "AC-T-B2", "", "AC-T-B3"],
        )
        self.assertEqual(imported[2].lot_id, self.lot)
        new_lots = self.env["stock.lot"].search(
            [("name", "in", ["AC-T-B1", "ac-t-b1", "AC-T-B2", "AC-T-B3"])]
        )
        self.assertEqual(len(new_lots), 3)
        self.assertEqual(new_lots.product_id, self.product)
        self.assertEqual(new_lots, imported.lot_id - self.lot)
        remote, unit = self.remote, self.product
        self.assertEqual(
            [r.product_id for r in imported],
            [remote, unit, unit, remote, remote, unit, remote, unit],
        )
        self.assertEqual(
            [str(r.purchase_date) for r in imported],
            [f"2026-05-0{day}" for day in (1, 1, 2, 3, 4, 5, 6, 7)],
        )
        self.assertEqual(len(set(imported.mapped("name"))), 8)
        self.assertEqual(
            imported.mapped("partner_phone"),
            [
                "+8613700000001",
                "+8613900000071",
                "+8613900000072",
                "+8613900000073",
                "+8613900000071",
                "+8613900000074",
                "+8613900000072",
                "+8613700000001",
            ],
        )
        # the same file again: nothing new but the accessories' registrations
        again = self._wizard(xlsx(rows), import_valid_rows=True)
        with patch.object(import_write, "BATCH", 2):
            again.action_import()
        self.assertEqual(again.imported_count, 4)
        self.assertEqual(
            [(line, column) for line, column, _m in self._problems(again)],
            [(3, "Serial Number"), (4, "Serial Number"), (7, "Serial Number")]
            + [(8, "Serial Number"), (10, "Serial Number")],
        )
        self.assertEqual(
            [
                after - first
                for after, first in zip(self._counts(), before, strict=True)
            ],
            [12, 4, 3],
        )
        self.assertEqual(
            [r.partner_id.id for r in again.registration_ids.sorted("proof_reference")],
            [self.customer.id, customer["Batch Three"].id, customer["Batch One"].id]
            + [customer["Batch Two"].id],
        )
