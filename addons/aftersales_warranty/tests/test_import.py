# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Importing registrations from .xls and .xlsx files (SPEC §11)."""

import base64
from datetime import date, datetime
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import Form, freeze_time, tagged

from odoo.addons.aftersales_sop.tools.spreadsheet import read_sheet
from odoo.addons.aftersales_warranty.rules.registration_import import COLUMNS

from .import_common import HEADER, ImportCommon, xls, xlsx


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestImport(ImportCommon):
    def test_valid_rows_are_imported(self):
        rows = [
            HEADER,
            # a known customer (by phone), a product by its reference, no serial
            ["Someone", "+86 137 0000 0001", "T-RC", None, datetime(2026, 8, 1)],
            # a new customer, a product by its name, a new serial, a text date
            [
                "Wang Fang",
                13900000002,
                "test ac",
                "AC-T-IMP-1",
                "2026/01/15",
                "F-1",
                "电商平台",
            ],
            # an existing serial not registered yet, an Excel date number
            [
                "Wang Fang",
                "139 0000 0002",
                "Test AC",
                "AC-T-0001",
                46000,
                "F-2",
                "Retail Store",
            ],
        ]
        before = self._counts()
        wizard = self._wizard(xlsx(rows))
        wizard.action_check()
        self.assertEqual(wizard.state, "checked")
        self.assertEqual((wizard.row_count, wizard.valid_count), (3, 3))
        self.assertFalse(self._problems(wizard))
        # line 2: a known phone under another name, and no invoice number
        self.assertEqual(
            [(line, column) for line, column, _m in self._problems(wizard, "warning")],
            [(2, "Customer"), (2, "Invoice Number")],
        )
        self.assertEqual(wizard.warning_row_count, 1)
        self.assertEqual(self._counts(), before)  # checking writes nothing
        wizard.action_import()
        self.assertEqual(wizard.state, "done")
        self.assertEqual(wizard.imported_count, 3)
        self.assertEqual(len(self._problems(wizard, "warning")), 2)  # still shown
        first, second, third = wizard.registration_ids.sorted("id")
        self.assertEqual(first.partner_id, self.customer)
        self.assertEqual(self.customer.name, "Test Customer")
        self.assertEqual(first.product_id, self.remote)
        self.assertEqual(first.warranty_end_date, date(2026, 11, 1))
        self.assertFalse(first.has_proof)
        self.assertEqual(second.partner_id.name, "Wang Fang")
        self.assertEqual(second.partner_id.phone, "+8613900000002")
        self.assertEqual(third.partner_id, second.partner_id)
        self.assertEqual(second.lot_id.name, "AC-T-IMP-1")
        self.assertEqual(second.purchase_date, date(2026, 1, 15))
        self.assertEqual(second.sales_channel, "online")
        self.assertEqual(third.lot_id, self.lot)
        self.assertEqual(third.purchase_date, date(2025, 12, 9))
        self.assertEqual(third.sales_channel, "store")
        self.assertEqual(set(wizard.registration_ids.mapped("origin")), {"import"})
        action = wizard.action_view_registrations()
        self.assertEqual(
            self.env[action["res_model"]].search(action["domain"]),
            wizard.registration_ids,
        )

    def test_an_old_xls_file(self):
        rows = [
            HEADER,
            [
                "Zhao Lei",
                13800138001.0,
                "T-CHILL",
                "CH-T-XLS",
                datetime(2025, 11, 30),
                4711.0,
            ],
            ["Zhao Lei", "13800138001", "T-RC", None, "2025-11-30", "R-9"],
        ]
        wizard = self._wizard(xls(rows), filename="units.xls")
        wizard.action_import()
        self.assertFalse(wizard.file_error, wizard.file_error)
        self.assertEqual(wizard.imported_count, 2)
        chiller, remote = wizard.registration_ids.sorted("id")
        self.assertEqual(chiller.partner_phone, "+8613800138001")
        self.assertEqual(chiller.proof_reference, "4711")
        self.assertEqual(chiller.purchase_date, date(2025, 11, 30))
        # the accessory bought on 30 November: covered through 28 February
        self.assertEqual(remote.warranty_end_date, date(2026, 2, 28))

    def _bad_rows(self):
        self._register(self._lot("AC-T-TAKEN"))
        return [
            HEADER,
            ["Good One", "13900000011", "T-RC", None, "2026-05-01"],
            ["Bad Phone", "12345", "T-RC", None, "2026-05-01"],
            ["No Product", "13900000012", "NOPE-42", None, "2026-05-01"],
            ["No Serial", "13900000013", "Test AC", None, "2026-05-01"],
            ["Untracked", "13900000014", "T-RC", "RC-SN-1", "2026-05-01"],
            ["Taken", "13900000015", "Test AC", "AC-T-TAKEN", "2026-05-01"],
            ["Good Two", "13900000016", "Test AC", "AC-T-NEW-1", "2026-05-01"],
            ["Twice", "13900000017", "Test AC", "ac-t-new-1", "2026-05-01"],
            ["Future", "13900000018", "T-RC", None, "2027-01-01"],
            ["Bad Date", "13900000019", "T-RC", None, "01/02/2025"],
            ["Error Cell", "#N/A", "T-RC", None, "2026-05-01"],
            ["=A2", "13900000020", "T-RC", None, "2026-05-01"],
            ["Huge", 1e20, "T-RC", None, "2026-05-01"],
            [None, None, None, None, None],
            ["Channel", "13900000021", "T-RC", None, "2026-05-01", None, "Flea market"],
        ]

    def test_every_bad_row_is_reported_and_nothing_is_imported(self):
        rows = self._bad_rows()
        before = self._counts()
        wizard = self._wizard(xlsx(rows))
        wizard.action_import()
        self.assertEqual(self._counts(), before)
        self.assertEqual(wizard.state, "checked")
        self.assertIn("Nothing was imported: 12 row(s)", wizard.file_error)
        self.assertEqual((wizard.row_count, wizard.valid_count), (14, 2))
        problems = self._problems(wizard)
        self.assertEqual(
            [(line, column) for line, column, _message in problems],
            [
                (3, "Phone"),
                (4, "Product"),
                (5, "Serial Number"),
                (6, "Serial Number"),
                (7, "Serial Number"),
                (9, "Serial Number"),
                (10, "Purchase Date"),
                (11, "Purchase Date"),
                (12, "Phone"),
                (13, "Customer"),
                (14, "Phone"),
                (16, "Sales Channel"),
            ],
        )
        messages = {(line, column): message for line, column, message in problems}
        self.assertIn("12345 is not a valid phone number", messages[3, "Phone"])
        self.assertIn("NOPE-42", messages[4, "Product"])
        self.assertIn("serial number is required", messages[5, "Serial Number"])
        self.assertIn("leave the serial number empty", messages[6, "Serial Number"])
        self.assertIn("already registered", messages[7, "Serial Number"])
        self.assertIn("already on line 8", messages[9, "Serial Number"])
        self.assertIn("in the future", messages[10, "Purchase Date"])
        self.assertIn(
            "01/02/2025 can be read as 2025-02-01 / 2025-01-02",
            messages[11, "Purchase Date"],
        )
        self.assertIn("#N/A", messages[12, "Phone"])
        self.assertIn("required", messages[13, "Customer"])
        self.assertIn("too large", messages[14, "Phone"])
        self.assertIn("Retail Store", messages[16, "Sales Channel"])
        # the user asks for the valid rows only
        wizard.import_valid_rows = True
        wizard.action_import()
        self.assertEqual(wizard.imported_count, 2)
        self.assertEqual(
            sorted(wizard.registration_ids.partner_id.mapped("name")),
            ["Good One", "Good Two"],
        )
        self.assertEqual(len(self._problems(wizard)), 12)

    def test_a_wrongly_shaped_spreadsheet_imports_nothing(self):
        before = self._counts()
        rows = [
            ["Customer", "Phone", "Product", "Colour", "Purchase Date"],
            ["Good One", "13900000011", "T-RC", "red", "2026-05-01"],
        ]
        wizard = self._wizard(xlsx(rows), import_valid_rows=True)
        wizard.action_import()
        self.assertEqual(self._counts(), before)
        self.assertFalse(wizard.problem_ids)
        self.assertIn("Serial Number", wizard.file_error)
        self.assertNotIn("Colour", wizard.file_error)  # an extra column is no error
        self.assertEqual(wizard.ignored_columns, "Colour")
        self.assertEqual(wizard.imported_count, 0)
        for shape in ([], [[None], [None]], [HEADER]):
            wizard = self._wizard(xlsx(shape), import_valid_rows=True)
            wizard.action_import()
            self.assertTrue(wizard.file_error)
            self.assertEqual(self._counts(), before)

    def test_a_real_file_with_extra_columns_and_chinese_dates(self):
        """A shop's export: remarks, address and store columns, dates as staff
        write them, a customer already known by his phone under another name."""
        header = ["备注", *COLUMNS.template_header(chinese=True), "地址", "门店"]
        rows = [
            header,
            [
                "老客户",
                "周先生",
                "+86 137 0000 0001",
                "T-RC",
                None,
                "2026/08/01",
                "F-CN-1",
                "门店",
                "上海",
                "徐汇店",
            ],
            ["", "李娜", "13900000051", "T-RC", None, "2026.07.15", None, None, "", ""],
            [None, "王芳", "13900000052", "T-RC", None, "2026年6月3日", "F-CN-3"],
            [None, "王小芳", "13900000052", "T-RC", None, datetime(2026, 5, 2), "F-4"],
            [None, "赵磊", "13900000053", "T-RC", None, "03/04/2026", "F-CN-5"],
        ]
        wizard = self._wizard(xlsx(rows))
        wizard.action_import()
        self.assertIn("Nothing was imported: 1 row(s)", wizard.file_error)
        self.assertEqual(wizard.ignored_columns, "备注, 地址, 门店")
        self.assertEqual(self._problems(wizard)[0][:2], (6, "Purchase Date"))
        self.assertIn("03/04/2026", self._problems(wizard)[0][2])
        warnings = self._problems(wizard, "warning")
        self.assertEqual(
            [(line, column) for line, column, _m in warnings],
            [(2, "Customer"), (3, "Invoice Number"), (5, "Customer")],
        )
        self.assertIn("Test Customer", warnings[0][2])
        self.assertIn("周先生", warnings[0][2])
        self.assertIn("line 4", warnings[2][2])
        wizard.import_valid_rows = True
        wizard.action_import()
        self.assertEqual(wizard.imported_count, 4)
        zhou, li, wang, wang_again = wizard.registration_ids.sorted("id")
        self.assertEqual(zhou.partner_id, self.customer)
        self.assertEqual(zhou.purchase_date, date(2026, 8, 1))
        self.assertEqual(zhou.sales_channel, "store")
        self.assertEqual(li.purchase_date, date(2026, 7, 15))
        self.assertFalse(li.has_proof)
        self.assertEqual(wang.purchase_date, date(2026, 6, 3))
        self.assertEqual(wang_again.purchase_date, date(2026, 5, 2))
        self.assertEqual(wang_again.partner_id, wang.partner_id)
        self.assertEqual(wang.partner_id.name, "王芳")

    def test_chinese_messages(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        rows = [HEADER, ["Li", "13900000061", "T-RC", None, "01/02/2026", "F"]]
        wizard = self._wizard(xlsx(rows)).with_context(lang="zh_CN")
        wizard.action_check()
        self.assertEqual(wizard.problem_ids.column, "购买日期")
        self.assertIn("2026-02-01 / 2026-01-02", wizard.problem_ids.message)
        self.assertNotIn("can be read", wizard.problem_ids.message)

    def test_a_corrupt_file_imports_nothing_and_says_why(self):
        good = xlsx([HEADER, ["A", "13900000011", "T-RC", None, "2026-05-01"]])
        before = self._counts()
        payloads = {
            "empty": b"",
            "text": b"customer;phone\nA;13900000011\n",
            "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
            "truncated xlsx": good[: len(good) // 2],
            "damaged xlsx": good[:200] + b"\x00" * 300 + good[500:],
            "damaged xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x07" * 2048,
            "random": bytes(range(256)) * 8,
        }
        for name, data in payloads.items():
            with self.subTest(name):
                wizard = self._wizard(data, import_valid_rows=True)
                wizard.action_import()
                self.assertTrue(wizard.file_error, name)
                self.assertEqual(wizard.imported_count, 0)
                self.assertEqual(self._counts(), before)
        wizard = self._wizard(b"")
        wizard.file = "this is not base64!"
        wizard.action_check()
        self.assertIn("cannot be read", wizard.file_error)

    def test_a_failure_while_writing_rolls_everything_back(self):
        before = self._counts()
        rows = [
            HEADER,
            ["New Person", "13900000031", "Test AC", "AC-T-ROLL-1", "2026-05-01"],
            ["New Person", "13900000031", "Test AC", "AC-T-ROLL-2", "2026-05-01"],
        ]
        wizard = self._wizard(xlsx(rows))
        registrations = type(self.env["aftersales.warranty.registration"])
        with patch.object(
            registrations, "create", side_effect=UserError("the disk is full")
        ):
            wizard.action_import()
        self.assertEqual(self._counts(), before)  # no partner, no lot either
        self.assertIn("Nothing was imported: the disk is full", wizard.file_error)
        self.assertEqual(wizard.imported_count, 0)

    def test_the_template_can_be_downloaded_and_read_back(self):
        wizard = self._wizard(b"")
        action = wizard.action_download_template()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertIn("template_file", action["url"])
        rows, _datemode = read_sheet(base64.b64decode(wizard.template_file))
        header = next(rows)
        self.assertEqual(list(header), HEADER)
        self.assertEqual(
            COLUMNS.map_header(header)[1:], ([], [])
        )  # no problem, none ignored
        self.env["res.lang"]._activate_lang("zh_CN")
        chinese = wizard.with_context(lang="zh_CN")
        chinese.action_download_template()
        rows, _datemode = read_sheet(base64.b64decode(chinese.template_file))
        self.assertEqual(next(rows)[0], "客户")

    def test_the_import_form(self):
        data = base64.b64encode(
            xlsx([HEADER, ["Form Person", "13900000041", "T-RC", None, "2026-05-01"]])
        )
        action = self.env.ref(
            "aftersales_warranty.aftersales_warranty_registration_import_action"
        )
        wizard_model = self.env[action.res_model].with_user(self.importer)
        with Form(wizard_model) as form:
            form.file = data
        wizard = form.record
        result = wizard.action_import()
        self.assertEqual(result["res_id"], wizard.id)
        self.assertEqual(wizard.imported_count, 1)
