# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Staff without an e-mail address do everything their warranty role allows.

Odoo refuses a chatter message whose author has no e-mail address; our notes
are logged instead, so nothing an agent, a manager, a repairer, the warehouse
or a QC inspector does depends on an address they may not have.
"""

import base64
from datetime import date

from odoo.tests import Form, freeze_time, new_test_user, tagged

from .import_common import HEADER, xlsx
from .test_repair_quote import QuoteCommon


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestNoEmail(QuoteCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        roles = "aftersales_sop.aftersales_sop_group_"

        def user(login, groups):
            return new_test_user(cls.env, login=login, groups=groups, email=False)

        cls.agent = user("as_agent_nomail", roles + "agent,base.group_partner_manager")
        cls.manager = user("as_manager_nomail", roles + "manager")
        cls.repairer = user(
            "as_repairer_nomail",
            roles + "agent,stock.group_stock_user,"
            "sales_team.group_sale_salesman_all_leads",
        )
        cls.warehouse_user = user("as_warehouse_nomail", "stock.group_stock_user")
        cls.qc = user("as_qc_nomail", roles + "qc")
        for who in (cls.agent, cls.manager, cls.repairer, cls.warehouse_user, cls.qc):
            assert not who.email, who.login
        # what Odoo itself e-mails (the customer follows his delivery) leaves
        # from the company's default sender, as on a server that sends e-mail
        cls.company.alias_domain_id = cls.env["mail.alias.domain"].create(
            {"name": "aftersales.example.com", "default_from": "notifications"}
        )

    def _authored_by(self, record, user):
        return record.sudo().message_ids.filtered(
            lambda m: m.author_id == user.partner_id
        )

    def test_a_manager_without_email_overrides_a_decision(self):
        ticket = self._create_repair(purchase_date=date(2025, 1, 5))
        action = ticket.with_user(self.manager).action_warranty_override()
        with Form(
            self.env[action["res_model"]]
            .with_user(self.manager)
            .with_context(**action["context"])
        ) as form:
            form.decision = "in_warranty"
            form.reason = "Known defect of the batch."
        form.record.action_apply()
        self.assertEqual(ticket.warranty_decision, "in_warranty")
        notes = self._authored_by(ticket, self.manager)
        self.assertTrue(any("Known defect" in (m.body or "") for m in notes))

    def test_an_agent_without_email_decides_registers_and_imports(self):
        ticket = self._create_repair().with_user(self.agent)
        ticket.action_warranty_confirm()
        self.assertEqual(ticket.warranty_decision_user_id, self.agent)
        registration = (
            self.env["aftersales.warranty.registration"]
            .with_user(self.agent)
            .create(
                {
                    "partner_id": self.customer.id,
                    "product_id": self.remote.id,
                    "purchase_date": date(2026, 5, 1),
                    "proof_reference": "INV-NOMAIL",
                }
            )
        )
        registration.proof_reference = "INV-NOMAIL-2"
        data = xlsx([HEADER, ["No Mail", "13900000071", "T-RC", None, "2026-05-01"]])
        wizard = (
            self.env["aftersales.warranty.registration.import"]
            .with_user(self.agent)
            .create({"file": base64.b64encode(data)})
        )
        wizard.action_import()
        self.assertEqual(wizard.imported_count, 1, wizard.file_error)

    def test_a_repairer_without_email_quotes_and_records_consent(self):
        ticket = self._decided_ticket(date(2025, 1, 5))
        repair = self._repair(ticket, parts=[(self.capacitor, 1, None)])
        repair = repair.with_user(self.repairer)
        repair.action_create_sale_order()
        self.assertTrue(self._authored_by(ticket, self.repairer))
        self._approve(repair.sale_order_id)
        repair.sale_order_id.action_quotation_sent()
        repair.action_quote_accepted()
        self.assertEqual(repair.quote_state, "accepted")
        covered = self._repair(
            self._decided_ticket(date(2026, 3, 1)), parts=[(self.capacitor, 1, None)]
        )
        self._consent(covered, user=self.repairer)
        covered.with_user(self.repairer).action_repair_start()
        self.assertEqual(covered.state, "under_repair")

    def test_a_replacement_from_application_to_check_without_email(self):
        old_lot, new_lot = self._lot("AC-T-NM-OLD"), self._lot("AC-T-NM-NEW")
        self._register(old_lot)
        self._stock(self.product, lot=new_lot)
        ticket = self._create_repair(lot_id=old_lot.id)
        ticket.with_user(self.agent).action_warranty_confirm()
        replacement = (
            self.env["aftersales.warranty.replacement"]
            .with_user(self.agent)
            .create({"ticket_id": ticket.id, "reason": "Compressor failed twice."})
        )
        replacement.action_submit()
        replacement.with_user(self.manager).action_approve()
        replacement.action_create_transfers()
        self._validate(replacement.delivery_picking_id.with_user(self.warehouse_user))
        self._validate(replacement.return_picking_id.with_user(self.warehouse_user))
        self.assertEqual(replacement.state, "returned")
        # the QC inspector gets the check, and records it
        activity = replacement.sudo().activity_ids
        self.assertTrue(
            activity.user_id.has_group("aftersales_sop.aftersales_sop_group_qc")
        )
        as_qc = replacement.with_user(self.qc)
        as_qc.write({"check_result": "fault_confirmed", "check_note": "Burnt board."})
        as_qc.action_check()
        self.assertEqual(replacement.state, "done")
        self.assertEqual(replacement.checked_by_id, self.qc)
