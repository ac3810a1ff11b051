# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Importing the engineer roster from .xls and .xlsx files (SPEC §11)."""

import base64
from datetime import date
from unittest.mock import patch

from odoo.tests import freeze_time, tagged

from odoo.addons.aftersales_kpi.rules.roster_import import COLUMNS
from odoo.addons.aftersales_sop.tests.spreadsheet_common import xls, xlsx
from odoo.addons.aftersales_sop.tools.spreadsheet import read_sheet

from .common import MONDAY_10, KpiCommon

HEADER = COLUMNS.template_header()


def row(**values):
    base = dict.fromkeys(
        (
            "employee",
            "badge",
            "login",
            "mobile",
            "zone",
            "level",
            "fault_type",
            "skill_category",
            "skill_level",
            "certificate",
            "certificate_category",
            "issued",
            "validity_months",
        )
    )
    base.update(values)
    return list(base.values())


@tagged("post_install", "-at_install")
@freeze_time(MONDAY_10)
class TestRosterImport(KpiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.new_user = cls.env["res.users"].create(
            {"name": "Sun Hao", "login": "sun.hao"}
        )

    def _wizard(self, data, **vals):
        return (
            self.env["aftersales.roster.import"]
            .with_user(self.hr_officer)
            .create({"file": base64.b64encode(data), "filename": "roster.xlsx", **vals})
        )

    def _problems(self, wizard):
        return [(p.line, p.column, p.message) for p in wizard.problem_ids]

    def _engineer(self, name):
        return self.env["aftersales.engineer"].search([("name", "=", name)])

    def _good_rows(self):
        return [
            HEADER + ["Remarks"],
            row(
                employee="Sun Hao",
                badge="2001",
                login="sun.hao",
                mobile="13600002001",
                zone="T-SH",
                level="Senior",
                fault_type="Hardware",
                skill_category="Test ACs",
                skill_level="Senior",
                certificate="ASC-2026-2001",
                certificate_category="Test Appliances",
                issued="2026-03-01",
                validity_months=24,
            )
            + ["new hire"],
            row(
                employee="Sun Hao", fault_type="Software", skill_category="Test Heaters"
            ),
            # an existing engineer gets a new skill and moves to Suzhou
            row(employee="Liu", zone="Suzhou-T", fault_type="Appearance"),
        ]

    def _check_good_import(self, wizard):
        self.assertFalse(wizard.problem_ids, self._problems(wizard))
        self.assertEqual(wizard.state, "done")
        self.assertEqual(wizard.ignored_columns, "Remarks")
        sun = self._engineer("Sun Hao")
        self.assertEqual(wizard.engineer_ids, sun | self.liu)
        self.assertEqual(sun.user_id, self.new_user)
        self.assertEqual(sun.employee_id.barcode, "2001")
        self.assertEqual(sun.employee_id.mobile_phone, "+8613600002001")
        self.assertEqual((sun.zone_id, sun.level), (self.shanghai, "senior"))
        self.assertEqual(
            sorted(
                (s.fault_type, s.product_categ_id.name, s.level) for s in sun.skill_ids
            ),
            [
                ("hardware", "Test ACs", "senior"),
                ("software", "Test Heaters", "senior"),
            ],
        )
        certification = sun.certification_ids
        self.assertEqual(certification.name, "ASC-2026-2001")
        self.assertEqual(certification.product_categ_id, self.appliances)
        self.assertEqual(certification.date_expiry, date(2028, 2, 29))
        self.assertEqual(self.liu.zone_id, self.suzhou)
        self.assertIn("appearance", self.liu.skill_ids.mapped("fault_type"))

    def test_a_good_xlsx_file(self):
        wizard = self._wizard(xlsx(self._good_rows()))
        wizard.action_import()
        self._check_good_import(wizard)
        self.assertIn("Engineers: 1 created, 1 updated", wizard.summary)
        # importing it again changes nothing and duplicates nothing
        again = self._wizard(xlsx(self._good_rows()))
        again.action_import()
        self.assertFalse(again.problem_ids)
        sun = self._engineer("Sun Hao")
        self.assertEqual(
            (len(sun), len(sun.skill_ids), len(sun.certification_ids)), (1, 2, 1)
        )
        self.assertIn("Engineers: 0 created, 2 updated", again.summary)

    def test_a_good_xls_file_with_date_cells(self):
        rows = self._good_rows()
        rows[1][HEADER.index("Issued On")] = date(2026, 3, 1)
        wizard = self._wizard(xls(rows, "Engineers"), filename="roster.xls")
        wizard.action_import()
        self._check_good_import(wizard)

    def test_every_bad_row_is_named_and_nothing_is_imported(self):
        rows = [
            HEADER,
            row(employee="Good One", zone="T-SH"),
            row(employee="No Zone", zone="Atlantis"),
            row(employee="Bad Level", level="Expert"),
            row(employee="Bad Login", login="nobody"),
            row(employee="Taken Login", login=self.zhang.user_id.login),
            row(employee="Bad Category", fault_type="Hardware", skill_category="Toys"),
            row(employee="Bad Date", certificate="C-1", issued="01/02/2025"),
            row(employee="Bad Phone", mobile="12"),
            row(
                employee="Taken Certificate",
                certificate="CERT-as_zhang",
                issued="2026-01-05",
            ),
        ]
        engineers = self.env["aftersales.engineer"].search_count([])
        wizard = self._wizard(xlsx(rows))
        wizard.action_import()
        problems = self._problems(wizard)
        self.assertEqual(
            [(line, column) for line, column, _message in problems],
            [
                (3, "Zone"),
                (4, "Level"),
                (5, "User Login"),
                (6, "User Login"),
                (7, "Skill Product Category"),
                (8, "Issued On"),
                (9, "Mobile"),
                (10, "Certificate Number"),
            ],
        )
        messages = {line: message for line, _c, message in problems}
        self.assertIn("Atlantis", messages[3])
        self.assertIn("Senior, Junior", messages[4])
        self.assertIn("No user has the login nobody", messages[5])
        self.assertIn("Zhang", messages[6])
        self.assertIn("Toys", messages[7])
        self.assertIn("01/02/2025 can be read as 2025-02-01 / 2025-01-02", messages[8])
        self.assertIn("belongs to Zhang", messages[10])
        self.assertEqual(
            (wizard.row_count, wizard.valid_count, wizard.bad_row_count), (9, 1, 8)
        )
        self.assertIn("Nothing was imported", wizard.file_error)
        self.assertEqual(self.env["aftersales.engineer"].search_count([]), engineers)
        # the valid rows only, when asked; missing zones created when asked, by
        # someone who may create zones
        wizard.write({"import_valid_rows": True, "create_zones": True})
        wizard.action_import()
        self.assertIn("may not create zones", self._problems(wizard)[0][2])
        self.hr_officer.groups_id |= self.env.ref(
            "aftersales_sop.aftersales_sop_group_manager"
        )
        wizard.action_import()
        self.assertTrue(self._engineer("Good One"))
        self.assertEqual(self._engineer("No Zone").zone_id.name, "Atlantis")
        self.assertFalse(self._engineer("Bad Level"))

    def test_rows_of_one_engineer_must_agree_and_stand_or_fall_together(self):
        rows = [
            HEADER,
            row(employee="Ma Lin", login="nobody", fault_type="Hardware"),
            row(employee="Ma Lin", fault_type="Software"),
            row(
                employee="Ma Lin", zone="T-SH", level="Junior", fault_type="Appearance"
            ),
            row(employee="Ma Lin", level="Senior"),
        ]
        wizard = self._wizard(xlsx(rows), import_valid_rows=True)
        wizard.action_import()
        self.assertEqual(
            [(line, column) for line, column, _m in self._problems(wizard)],
            [(2, "User Login"), (3, "Engineer"), (4, "Engineer"), (5, "Level")],
        )
        self.assertFalse(self._engineer("Ma Lin"))

    def test_a_file_whose_structure_is_wrong_imports_nothing(self):
        cases = {
            "no engineer column": xlsx([["Zone", "Level"], ["T-SH", "Senior"]]),
            "a column twice": xlsx([["Engineer", "Name"], ["A", "B"]]),
            "no rows": xlsx([HEADER]),
            "not excel": b"engineer,zone\nA,B\n",
            "empty": b"",
            "damaged xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x07" * 2048,
        }
        for case, data in cases.items():
            with self.subTest(case=case):
                wizard = self._wizard(data, import_valid_rows=True)
                wizard.action_import()
                self.assertTrue(wizard.file_error, case)
                self.assertEqual(wizard.state, "checked")
                self.assertFalse(wizard.engineer_ids)
        wizard = self._wizard(cases["no engineer column"])
        wizard.action_check()
        self.assertIn("Engineer", wizard.file_error)

    def test_the_template_reads_back_without_problems(self):
        wizard = self._wizard(b"")
        wizard.action_download_template()
        rows, _datemode = read_sheet(base64.b64decode(wizard.template_file))
        header = next(rows)
        self.assertEqual(list(header), HEADER)
        chinese = self._wizard(b"").with_context(lang="zh_CN")
        self.assertEqual(
            list(next(read_sheet(chinese._template_bytes(chinese=True))[0])),
            COLUMNS.template_header(True),
        )

    def test_a_big_roster_is_imported_in_the_background(self):
        """Through the suite's shared import: a job writes it in batches, an
        engineer's rows in one batch (they stand or fall together)."""
        self.company.aftersales_import_background_rows = 3
        rows = [HEADER]
        for fault in ("Hardware", "Software", "Appearance"):
            rows.append(row(employee="Big A", fault_type=fault))
        rows += [row(employee="Big B", zone="T-SH"), row(employee="Big C")]
        wizard = self._wizard(xlsx(rows))
        batches = []
        write_rows = type(wizard)._write_rows

        def spy(records, ready):
            batches.append(sorted({engineer.key for engineer, _row, _x in ready}))
            return write_rows(records, ready)

        cron = self.env.ref("aftersales_sop.ir_cron_aftersales_import_jobs")
        with (
            patch.object(type(wizard), "_batch_size", 2),
            patch.object(type(wizard), "_write_rows", spy),
        ):
            action = wizard.action_import()
            job = self.env[action["res_model"]].browse(action["res_id"])
            self.assertEqual(job.user_id, self.hr_officer)
            for _call in range(10):
                cron.method_direct_trigger()
                if job.state in ("done", "failed"):
                    break
        self.assertEqual(job.state, "done", job.file_error)
        self.assertEqual(batches, [["big a"], ["big b", "big c"]])
        self.assertIn("Engineers: 3 created, 0 updated", job.summary)
        self.assertEqual(len(self._engineer("Big A").skill_ids), 3)
        self.assertEqual(self._engineer("Big B").zone_id, self.shanghai)

    def test_only_hr_imports_the_roster(self):
        from odoo.exceptions import AccessError

        with self.assertRaises(AccessError):
            self.env["aftersales.roster.import"].with_user(self.dispatcher).create({})
