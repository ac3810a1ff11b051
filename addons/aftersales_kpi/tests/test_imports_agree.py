# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The registration import, the roster import and the call log read the same
cells the same way (one cell reader, one message table): the same cells, as a
purchase date and as the day a certification was issued, as an invoice number,
a certificate number and a call's agent, give the same values and the same
messages."""

import base64
from datetime import datetime

from odoo.tests import freeze_time, tagged

from odoo.addons.aftersales_kpi.rules import call_log, roster_import
from odoo.addons.aftersales_sop.tests.spreadsheet_common import xlsx
from odoo.addons.aftersales_warranty.rules import registration_import

from .common import MONDAY_10, KpiCommon

DATES = [
    "30/11/2025",
    "２０２５／１１／３０",
    "2025年11月30号",
    "2025.11.30",
    datetime(2025, 11, 30, 9, 30),
    45991,
    "01/02/2025",
    "25/11/30",
    "2025-02-30",
    "yesterday",
    "2027-01-01",
    "1975-05-01",
    True,
    1e16,
    "#REF!",
]
TEXTS = [
    13800138000.0,
    4711,
    "  A   B  ",
    "发票 №7",
    1e16,
    10**15,
    True,
    "x" * 70,
    "#N/A",
    datetime(2025, 11, 30),
]


def _registration_rows(cells, column):
    rows = [registration_import.COLUMNS.template_header()]
    for index, cell in enumerate(cells):
        values = {
            "customer": f"Agree {index}",
            "phone": f"139{index + 20000000:08d}",
            "product": "T-AGREE",
            "serial": None,
            "purchase_date": "2025-11-30",
            "invoice": f"INV-{index}",
            "channel": None,
            column: cell,
        }
        rows.append([values[c.key] for c in registration_import.COLUMNS])
    return rows


def _roster_rows(cells, column):
    rows = [roster_import.COLUMNS.template_header()]
    for index, cell in enumerate(cells):
        values = dict.fromkeys(c.key for c in roster_import.COLUMNS)
        values.update(
            employee=f"Agree {index}",
            certificate=f"C-AG-{index}",
            issued="2025-11-30",
        )
        values[column] = cell
        rows.append([values[c.key] for c in roster_import.COLUMNS])
    return rows


@tagged("post_install", "-at_install")
@freeze_time(MONDAY_10)
class TestImportsAgree(KpiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent.groups_id |= cls.env.ref("base.group_partner_manager")
        cls.env["product.product"].create(
            {"name": "Agreement Remote", "default_code": "T-AGREE", "type": "consu"}
        )

    def _import(self, model, user, rows):
        wizard = (
            self.env[model]
            .with_user(user)
            .create(
                {
                    "file": base64.b64encode(xlsx(rows)),
                    "filename": "agree.xlsx",
                    "import_valid_rows": True,
                }
            )
        )
        wizard.action_check()
        messages = {}
        for problem in wizard.problem_ids:
            messages.setdefault(problem.line, []).append(
                (problem.column, problem.message)
            )
        wizard.action_import()
        return wizard, messages

    def _messages(self, messages, column):
        return {
            line: [text for label, text in found if label == column]
            for line, found in messages.items()
            if any(label == column for label, _text in found)
        }

    def test_the_same_dates_give_the_same_days_and_messages(self):
        registration, reg_messages = self._import(
            "aftersales.warranty.registration.import",
            self.agent,
            _registration_rows(DATES, "purchase_date"),
        )
        roster, roster_messages = self._import(
            "aftersales.roster.import",
            self.hr_officer,
            _roster_rows(DATES, "issued"),
        )
        reg_messages = self._messages(reg_messages, "Purchase Date")
        roster_messages = self._messages(roster_messages, "Issued On")
        self.assertEqual(reg_messages, roster_messages)
        # the forms both read, the ones both refuse, each with its reason
        self.assertEqual(sorted(reg_messages), list(range(8, 17)))
        self.assertIn("2025-02-01 / 2025-01-02", reg_messages[8][0])
        self.assertIn("in the future", reg_messages[12][0])
        self.assertIn("1e+16 is not a date", reg_messages[15][0])
        self.assertIn("#REF!", reg_messages[16][0])
        days = {
            int(r.proof_reference.removeprefix("INV-")): r.purchase_date
            for r in registration.registration_ids
        }
        issued = {
            int(c.name.removeprefix("C-AG-")): c.date_issued
            for c in roster.engineer_ids.certification_ids
        }
        self.assertEqual(days, issued)
        self.assertEqual(sorted(days), list(range(6)))
        self.assertEqual(set(days.values()), {datetime(2025, 11, 30).date()})

    def test_the_same_texts_give_the_same_values_and_messages(self):
        registration, reg_messages = self._import(
            "aftersales.warranty.registration.import",
            self.agent,
            _registration_rows(TEXTS, "invoice"),
        )
        roster, roster_messages = self._import(
            "aftersales.roster.import",
            self.hr_officer,
            _roster_rows(TEXTS, "certificate"),
        )
        reg_messages = self._messages(reg_messages, "Invoice Number")
        roster_messages = self._messages(roster_messages, "Certificate Number")
        # the roster also says a certification needs its number: only the
        # cell's own message is the reader's
        self.assertEqual(
            reg_messages, {line: texts[:1] for line, texts in roster_messages.items()}
        )
        self.assertEqual(sorted(reg_messages), [6, 7, 8, 9, 10, 11])
        self.assertIn("1e+16", reg_messages[6][0])
        invoices = {
            r.partner_id.name: r.proof_reference for r in registration.registration_ids
        }
        certificates = {
            c.engineer_id.name: c.name for c in roster.engineer_ids.certification_ids
        }
        self.assertEqual(invoices, certificates)
        self.assertEqual(
            sorted(invoices.values()), ["13800138000", "4711", "A B", "发票 №7"]
        )

    def test_the_call_log_reads_texts_as_the_registrations_do(self):
        """The call log is the same import underneath: the same cells as an
        agent and as an invoice number give the same values and messages."""
        registration, reg_messages = self._import(
            "aftersales.warranty.registration.import",
            self.agent,
            _registration_rows(TEXTS, "invoice"),
        )
        rows = [call_log.COLUMNS.template_header()]
        for index, cell in enumerate(TEXTS):
            rows.append([f"1370000{index:04d}", "2026-01-01 09:00:00", None, cell])
        calls, call_messages = self._import(
            "aftersales.call.import", self.supervisor, rows
        )
        reg_messages = self._messages(reg_messages, "Invoice Number")
        call_messages = self._messages(call_messages, "Agent")
        self.assertEqual(call_messages, reg_messages)
        self.assertEqual(sorted(call_messages), [6, 7, 8, 9, 10, 11])
        invoices = {
            r.partner_id.name.removeprefix("Agree "): r.proof_reference
            for r in registration.registration_ids
        }
        agents = {
            str(int(call.caller_number[-4:])): call.agent
            for call in self.env["aftersales.call"].search(
                [("import_ref", "=", calls.import_ref)]
            )
            if call.agent
        }
        self.assertEqual(agents, invoices)
