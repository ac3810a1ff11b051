# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A big registration file uploaded through the web client: the requests the
form makes (save the wizard with the file, press Import) return at once with
the import job, which then runs in the background and ends with its summary.
The file is small and the company's limit low here, for the CI's sake; the
README gives the figures of a 50,000-row file."""

import base64
import time

from odoo.tests import HttpCase, freeze_time, tagged

from .import_common import HEADER, ImportCommon, xlsx

WIZARD = "aftersales.warranty.registration.import"
ROWS = 60


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestImportJobHttp(HttpCase, ImportCommon):
    def _call(self, model, method, args, **kwargs):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs},
        )

    def test_a_big_file_uploaded_in_the_web_client_returns_at_once(self):
        self.company.aftersales_import_background_rows = 20
        rows = [HEADER] + [
            [f"Web {i}", f"1390002{i:04d}", "T-RC", None, "2026-05-01", f"W-{i}"]
            for i in range(ROWS)
        ]
        data = base64.b64encode(xlsx(rows)).decode()
        self.authenticate(self.importer.login, self.importer.login)
        started = time.monotonic()
        # the form's save (the file goes up with it), then its Import button
        (saved,) = self._call(
            WIZARD,
            "web_save",
            [[], {"file": data, "filename": "web.xlsx", "import_valid_rows": True}],
            specification={"state": {}},
        )
        action = self.make_jsonrpc_request(
            "/web/dataset/call_button",
            {
                "model": WIZARD,
                "method": "action_import",
                "args": [[saved["id"]]],
                "kwargs": {},
            },
        )
        self.assertLess(time.monotonic() - started, 5)
        self.assertEqual(action["res_model"], "aftersales.import.job")
        self.assertEqual(action["target"], "current")
        # the page shows the job waiting; nothing is written yet
        registrations = self.env["aftersales.warranty.registration"]
        self.assertFalse(registrations.search([("proof_reference", "=like", "W-%")]))
        fields = {"state": {}, "progress": {}, "summary": {}, "row_count": {}}
        (job,) = self._call(
            action["res_model"], "web_read", [[action["res_id"]]], specification=fields
        )
        self.assertEqual(job["state"], "queued")
        # the cron worker runs the job in steps, as the page is left alone
        cron = self.env.ref("aftersales_sop.ir_cron_aftersales_import_jobs")
        for _call in range(10):
            cron.method_direct_trigger()
            (job,) = self._call(
                action["res_model"],
                "web_read",
                [[action["res_id"]]],
                specification=fields,
            )
            if job["state"] == "done":
                break
        self.assertEqual(job["state"], "done")
        self.assertEqual(job["progress"], 100)
        self.assertEqual(job["row_count"], ROWS)
        self.assertEqual(job["summary"], f"{ROWS} registration(s) imported.")
        self.assertEqual(
            registrations.search_count([("proof_reference", "=like", "W-%")]), ROWS
        )
