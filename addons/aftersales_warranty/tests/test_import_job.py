# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A big registration file is checked and imported by a background job
(aftersales.import.job of aftersales_sop), step by step, by its scheduled
action; a small one still in the page."""

import base64
import io
from unittest.mock import patch

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, new_test_user, tagged

from odoo.addons.aftersales_sop.models import aftersales_import_job_run as job_run

from .import_common import HEADER, ImportCommon, xlsx

WIZARD = "aftersales.warranty.registration.import"


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestImportJob(ImportCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.aftersales_import_background_rows = 5
        cls.cron = cls.env.ref("aftersales_sop.ir_cron_aftersales_import_jobs")
        cls.jobs = cls.env["aftersales.import.job"]
        cls.agent_other = new_test_user(
            cls.env,
            login="as_agent_other",
            groups="aftersales_sop.aftersales_sop_group_agent",
        )

    def setUp(self):
        super().setUp()
        # three rows a batch: the nine valid rows of a file are three batches
        batch = patch.object(type(self.env[WIZARD]), "_batch_size", 3)
        batch.start()
        self.addCleanup(batch.stop)

    def _rows(self, bad=True):
        rows = [HEADER]
        for i in range(9):
            if i % 3:
                rows.append(
                    [
                        f"Job {i}",
                        f"1390001{i:04d}",
                        "T-RC",
                        None,
                        "2026-05-01",
                        f"J-{i}",
                    ]
                )
            else:
                rows.append(
                    [f"Job {i}", f"1390001{i:04d}", "Test AC", f"AC-JOB-{i}", 46000]
                    + [f"J-{i}"]
                )
        if bad:
            rows.insert(3, ["Bad Phone", "12345", "T-RC", None, "2026-05-01", "J-X"])
            rows.append(["Bad Date", "13900019999", "T-RC", None, "01/02/2026", "J-Y"])
        return rows

    def _run(self, job, limit=20):
        """Call the scheduled action as the cron worker does until the job
        ends; the states it went through."""
        states = []
        for _call in range(limit):
            self.cron.method_direct_trigger()
            job.invalidate_recordset()
            states.append(job.state)
            if job.state in ("done", "failed"):
                break
        return states

    def _imported(self):
        return self.env["aftersales.warranty.registration"].search(
            [("proof_reference", "=like", "J-%")]
        )

    def test_a_big_file_is_imported_in_the_background(self):
        wizard = self._wizard(xlsx(self._rows()), import_valid_rows=True)
        before = self._counts()
        action = wizard.action_import()
        # the page only stored the file and woke the job
        self.assertEqual(self._counts(), before)
        self.assertEqual(action["res_model"], "aftersales.import.job")
        job = self.jobs.browse(action["res_id"])
        self.assertEqual(action["target"], "current")
        self.assertEqual((job.state, job.mode), ("queued", "import"))
        self.assertEqual(job.user_id, self.importer)
        self.assertEqual(base64.b64decode(job.file), base64.b64decode(wizard.file))
        self.assertTrue(
            self.env["ir.cron.trigger"].search([("cron_id", "=", self.cron.id)])
        )
        self.assertIn("Import Warranty Registrations", job.name)
        progress = []
        original = type(job)._step_write

        def step_write(records):
            original(records)
            progress.append((records.done_count, round(records.progress)))

        with (
            patch.object(type(job), "_step_write", step_write),
            patch.object(type(self.importer), "_bus_send", autospec=True) as bus,
        ):
            states = self._run(job)
        self.assertEqual(states, ["checking", "writing", "writing", "writing", "done"])
        self.assertEqual(progress, [(3, 33), (6, 67), (9, 100)])
        self.assertEqual(
            (job.row_count, job.valid_count, job.bad_row_count, job.imported_count),
            (11, 9, 2, 9),
        )
        self.assertEqual(len(self._imported()), 9)
        self.assertEqual(sorted(job.result_ids), sorted(self._imported().ids))
        self.assertEqual(self._imported().mapped("origin"), ["import"] * 9)
        self.assertEqual(
            self.env["stock.lot"].search_count([("name", "=like", "AC-JOB-%")]), 3
        )
        self.assertEqual(
            job.summary,
            "9 registration(s) imported. 2 row(s) with problems were left out.",
        )
        self.assertEqual(
            [(p.line, p.column, p.severity) for p in job.problem_ids],
            [(4, "Phone", "error"), (12, "Purchase Date", "error")],
        )
        self.assertFalse(job.work_file)
        # the error report: the problems, a line each
        report = openpyxl.load_workbook(io.BytesIO(base64.b64decode(job.report_file)))
        lines = list(report.active.iter_rows(values_only=True))
        self.assertEqual(lines[0], ("Line", "Column", "Problem", "Severity"))
        self.assertEqual([line[0] for line in lines[1:]], [4, 12])
        self.assertIn("01/02/2026", lines[2][2])
        # the importer is told: a message with the report, a notification
        message = job.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertIn("9 registration(s) imported", message.body)
        self.assertIn(self.importer.partner_id, message.partner_ids)
        self.assertEqual(message.attachment_ids.name, job.report_filename)
        (call,) = [c for c in bus.call_args_list if c.args[1] == "simple_notification"]
        user, _kind, payload = call.args
        self.assertEqual(user, self.importer)
        self.assertEqual(payload["message"], job.summary)
        self.assertEqual(payload["type"], "success")
        action = job.with_user(self.importer).action_view_records()
        self.assertEqual(
            self.env[action["res_model"]].search(action["domain"]), self._imported()
        )

    def test_a_check_only_job_then_its_import(self):
        wizard = self._wizard(xlsx(self._rows(bad=False)))
        job = self.jobs.browse(wizard.action_check()["res_id"])
        self.assertEqual(job.mode, "check")
        self.assertEqual(self._run(job), ["checking", "done"])
        self.assertFalse(self._imported())
        self.assertEqual((job.valid_count, job.imported_count), (9, 0))
        self.assertIn("Checked 9 row(s): 9 valid", job.summary)
        self.assertFalse(job.report_file)
        job.with_user(self.importer).action_import()
        self.assertEqual((job.state, job.mode), ("queued", "import"))
        self.assertEqual(self._run(job)[-1], "done")
        self.assertEqual(len(self._imported()), 9)
        self.assertEqual(job.summary, "9 registration(s) imported.")

    def test_bad_rows_stop_a_job_that_imports_all_or_nothing(self):
        wizard = self._wizard(xlsx(self._rows()))
        job = self.jobs.browse(wizard.action_import()["res_id"])
        self.assertEqual(self._run(job), ["checking", "done"])
        self.assertFalse(self._imported())
        self.assertIn("Nothing was imported: 2 row(s) have problems", job.summary)
        self.assertTrue(job.report_file)

    def test_a_wrongly_shaped_big_file_is_reported_by_the_job(self):
        rows = [["Customer", "Phone", "Colour"]] + [["A", "1", "red"]] * 8
        job = self.jobs.browse(self._wizard(xlsx(rows)).action_import()["res_id"])
        self._run(job)
        self.assertEqual(job.state, "done")
        self.assertIn("lacks the column(s) Product, Serial Number", job.file_error)
        self.assertEqual(job.summary, job.file_error)
        self.assertEqual(job.ignored_columns, "Colour")

    def test_a_small_or_unreadable_file_is_checked_in_the_page(self):
        small = self._wizard(xlsx(self._rows(bad=False)[:5]))
        self.assertEqual(small.action_import()["res_model"], WIZARD)
        self.assertEqual(small.imported_count, 4)
        broken = self._wizard(b"PK\x03\x04" + b"x" * 500)
        self.assertEqual(broken.action_import()["res_model"], WIZARD)
        self.assertIn("cannot be read", broken.file_error)
        self.company.aftersales_import_background_rows = 0
        every = self._wizard(xlsx(self._rows(bad=False)))
        self.assertEqual(every.action_import()["res_model"], WIZARD)
        self.assertFalse(self.jobs.search([("user_id", "=", self.importer.id)]))

    def test_a_refused_batch_stops_the_job_and_resume_goes_on(self):
        """The batches written stay, the refused one is not written; Resume
        writes it and the rest, each row once."""
        wizard = self._wizard(xlsx(self._rows(bad=False)))
        job = self.jobs.browse(wizard.action_import()["res_id"])
        calls = []
        original = type(wizard)._write_rows
        refused = UserError("the disk is full")

        def write_rows(records, ready):
            calls.append(len(ready))
            if len(calls) == 2:
                raise refused
            return original(records, ready)

        with patch.object(type(wizard), "_write_rows", write_rows):
            states = self._run(job)
        self.assertEqual(states, ["checking", "writing", "writing", "failed"])
        self.assertEqual(len(self._imported()), 3)
        self.assertEqual(job.done_count, 3)
        self.assertIn("The rows from line 5 on could not be written", job.file_error)
        self.assertIn("the disk is full", job.file_error)
        self.assertIn("3 row(s) before them were imported", job.file_error)
        with self.assertRaises(AccessError):
            job.with_user(self.agent_other).action_resume()
        job.with_user(self.importer).action_resume()
        self.assertEqual(job.state, "writing")
        self.assertEqual(self._run(job), ["writing", "done"])
        self.assertEqual(len(self._imported()), 9)
        self.assertEqual(
            sorted(self._imported().mapped("proof_reference")),
            sorted(f"J-{i}" for i in range(9)),
        )
        self.assertEqual(job.imported_count, 9)

    def test_a_pass_of_the_cron_runner_ends_in_time(self):
        """The runner calls the action again while work is left, but a pass
        (one cursor) that ran PASS_SECONDS is told nothing is left: the job's
        trigger starts the next pass."""
        job = self.jobs.browse(
            self._wizard(xlsx(self._rows(bad=False))).action_import()["res_id"]
        )
        progress = self.env["ir.cron.progress"]
        self.env.cr.cache.pop(job_run.PASS_STARTED, None)

        def last():
            found = progress.search(
                [("cron_id", "=", self.cron.id)], order="id desc", limit=1
            )
            return found.done, found.remaining

        self.cron.method_direct_trigger()
        self.assertEqual(last(), (1, 1))
        triggers = self.env["ir.cron.trigger"].search([("cron_id", "=", self.cron.id)])
        with patch.object(job_run, "PASS_SECONDS", -1):
            self.cron.method_direct_trigger()
        self.assertEqual(last(), (1, 0))
        self.assertEqual(job.state, "writing")
        self.assertGreater(
            self.env["ir.cron.trigger"].search_count([("cron_id", "=", self.cron.id)]),
            len(triggers),
        )

    def test_kept_rows_that_cannot_be_read_stop_the_job(self):
        job = self.jobs.browse(
            self._wizard(xlsx(self._rows(bad=False))).action_import()["res_id"]
        )
        self.cron.method_direct_trigger()  # taken
        self.cron.method_direct_trigger()  # checked
        self.assertEqual((job.state, job.todo_count), ("writing", 9))
        job.work_file = base64.b64encode(b'{"line": 2}')
        self.assertEqual(self._run(job), ["failed"])
        self.assertIn("cannot be read any more", job.file_error)
        self.assertFalse(self._imported())

    def test_an_unexpected_error_ends_the_job_with_its_reason(self):
        wizard = self._wizard(xlsx(self._rows()))
        job = self.jobs.browse(wizard.action_import()["res_id"])
        with (
            patch.object(
                type(wizard), "_check_file", side_effect=RuntimeError("out of paper")
            ),
            self.assertLogs(
                "odoo.addons.aftersales_sop.models.aftersales_import_job_run", "ERROR"
            ) as logged,
        ):
            self.assertEqual(self._run(job), ["checking", "failed"])
        self.assertIn(
            "out of paper", logged.output[0] + str(logged.records[0].exc_info)
        )
        self.assertIn(
            "An unexpected error stopped the import: out of paper", job.summary
        )
        self.cron.method_direct_trigger()  # nothing left to run
        self.assertEqual(job.state, "failed")

    def test_who_sees_an_import_job(self):
        job = self.jobs.browse(
            self._wizard(xlsx(self._rows())).action_import()["res_id"]
        )
        self.assertEqual(self.jobs.with_user(self.importer).search([]), job)
        self.assertFalse(self.jobs.with_user(self.agent_other).search([]))
        with self.assertRaises(AccessError):
            job.with_user(self.agent_other).read(["state"])
        self.assertIn(job, self.jobs.with_user(self.manager).search([]))
        # the job is written by the import machinery, not by hand
        with self.assertRaises(AccessError):
            job.with_user(self.importer).write({"state": "done"})
        with self.assertRaises(AccessError):
            job.with_user(self.importer).unlink()
        self._run(job)
        self.assertTrue(job.with_user(self.importer).problem_ids)
        self.assertFalse(
            self.env["aftersales.import.job.problem"]
            .with_user(self.agent_other)
            .search([])
        )
        job.with_user(self.manager).unlink()
        self.assertFalse(job.exists())
