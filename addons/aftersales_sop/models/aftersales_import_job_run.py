# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""How an import job runs: one step per call of its scheduled action.

Each call is one transaction, committed by Odoo's cron runner, which calls
again at once while ``_notify_progress`` reports work left:

1. ``queued`` → ``checking``: the job is taken (the user sees it started);
2. ``checking``: the whole file is read and checked, rules and database, as the
   import in the page checks it; nothing is written. Then the job is done (a
   wrong file, a check only, bad rows without "valid rows only"), or the
   checked rows are kept (``work_file``) and it goes on writing;
3. ``writing``: one batch of rows is checked again against the database as it
   is now and written, with the job's count of rows done, in the same
   transaction. A worker that dies in a batch leaves that batch unwritten and
   the count where it was: the next call writes it again, so a job stopped by a
   crash finishes from where it stopped, each row written once;
4. at the end the summary, the error report and a message to the importer.

The import runs as the importer, in his company and language, with his
rights. A batch the database refuses (a serial number registered meanwhile by
someone else, ...) stops the job with the reason: the batches before it stay
written, and Resume goes on from that batch once the cause is fixed.
"""

import base64
import logging
import time
from pathlib import PurePath

from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import SQL

from ..rules import sheet
from ..tools import spreadsheet
from .aftersales_import_job import UNFINISHED

_logger = logging.getLogger(__name__)

#: seconds of steps in one pass of the cron runner, far below the default time
#: limit of a scheduled action (limit_time_real, 120 s): a step takes seconds,
#: the check of a whole file up to about a minute
PASS_SECONDS = 60
#: where the start of the pass is kept: the cursor of the pass
PASS_STARTED = "aftersales_import_pass_started"


class AftersalesImportJob(models.Model):
    _inherit = "aftersales.import.job"

    @api.model
    def _cron_run_imports(self):
        """One step of the oldest unfinished job; called again while any job
        has work left.

        Odoo's cron runner calls the action up to ten times in one pass, in
        one cursor, under the server's time limit for the whole pass: once a
        pass has run for ``PASS_SECONDS`` it is told that nothing is left, and
        the job's trigger starts the next pass at once.
        """
        started = self.env.cr.cache.setdefault(PASS_STARTED, time.monotonic())
        job = self._next_job()
        if job:
            job._run_step()
        remaining = self.search_count([("state", "in", UNFINISHED)])
        long_enough = time.monotonic() - started > PASS_SECONDS
        self.env["ir.cron"]._notify_progress(
            done=1 if job else 0, remaining=0 if long_enough else remaining
        )
        if job and remaining:
            # wakes the next pass at once, not at the next poll of the cron
            # thread (a minute) or the hourly call
            self._wake_up()

    @api.model
    def _next_job(self):
        """The oldest unfinished job no other worker holds, locked."""
        self.flush_model(["state"])
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE state IN %s ORDER BY id LIMIT 1 "
                "FOR NO KEY UPDATE SKIP LOCKED",
                SQL.identifier(self._table),
                UNFINISHED,
            )
        )
        row = self.env.cr.fetchone()
        return self.browse(row[0] if row else ())

    def _run_step(self):
        self.ensure_one()
        try:
            with self.env.cr.savepoint():
                if self.state == "queued":
                    self.write(
                        {"state": "checking", "date_started": fields.Datetime.now()}
                    )
                elif self.state == "checking":
                    self._step_check()
                else:
                    self._step_write()
        except Exception as error:
            # a job that cannot go on ends with the reason shown to its
            # importer, instead of failing again at every call
            _logger.exception("Import job %s stopped", self.id)
            self.env.invalidate_all()
            self._stop(
                self._in_user_lang().env._(
                    "An unexpected error stopped the import: %(error)s",
                    error=str(error) or type(error).__name__,
                )
            )

    def _in_user_lang(self):
        return self.with_context(lang=self.user_id.lang or "en_US")

    def _wizard(self, with_file=False):
        """The import wizard of this job, run as the importer."""
        model = (
            self.env[self.import_model]
            .with_user(self.user_id)
            .with_company(self.company_id)
            .with_context(lang=self.user_id.lang, tz=self.user_id.tz)
        )
        values = {"company_id": self.company_id.id, **(self.options or {})}
        if with_file:
            values.update(file=self.file, filename=self.filename)
        return model.create(values)

    # ---------------------------------------------------------------------------
    # the steps
    # ---------------------------------------------------------------------------

    def _step_check(self):
        wizard = self._wizard(with_file=True)
        check, ready = wizard._check_file()
        wizard.file = False  # the job keeps the file
        values, write = wizard._check_result(check, ready, self.mode == "import")
        values.update(
            problem_ids=[fields.Command.clear()]
            + wizard._problem_commands(check.problems + check.warnings),
            summary=False,
            todo_count=0,
            done_count=0,
            imported_count=0,
            counts={},
            result_ids=[],
            report_file=False,
            report_filename=False,
            state="done",
        )
        if write:
            rows = wizard._ready_rows(ready)
            values.update(
                state="writing",
                todo_count=len(rows),
                work_file=base64.b64encode(sheet.rows_to_json(rows).encode()),
            )
        self.write(values)
        if self.state == "done":
            self._finish(wizard)

    def _step_write(self):
        wizard = self._wizard()
        rules = wizard._import_rules
        rows = sheet.JsonRows(
            base64.b64decode(self.work_file).decode(), rules.Row, rules.COLUMNS
        )
        if len(rows) != self.todo_count:
            self._stop(
                self._in_user_lang().env._(
                    "The rows this job kept to import cannot be read any more: "
                    "import the file again."
                )
            )
            return
        start = self.done_count
        end = min(wizard._batch_end(rows, start), len(rows))
        records, counts, problems, error = wizard._write_batch(rows[start:end])
        if error:
            self._stop(
                self._in_user_lang().env._(
                    "The rows from line %(line)s on could not be written: "
                    "%(error)s\n%(count)s row(s) before them were imported; "
                    "Resume goes on from line %(line)s once the cause is fixed.",
                    line=rows[start].line,
                    error=error,
                    count=self.imported_count,
                )
            )
            return
        totals = dict(self.counts or {})
        for key, number in counts.items():
            totals[key] = totals.get(key, 0) + number
        known = self.result_ids or []
        seen = set(known)
        new_ids = [i for i in records.ids if i not in seen]
        self.write(
            {
                "done_count": end,
                "imported_count": self.imported_count + len(records),
                "counts": totals,
                "result_ids": known + new_ids,
                "bad_row_count": self.bad_row_count + len({p.line for p in problems}),
                "problem_ids": wizard._problem_commands(problems),
            }
        )
        if end >= len(rows):
            self._finish(wizard)

    # ---------------------------------------------------------------------------
    # the end
    # ---------------------------------------------------------------------------

    def _finish(self, wizard):
        env = self._in_user_lang().env
        if self.imported_count:
            summary = wizard._summary(self.counts)
            if self.bad_row_count:
                summary += " " + env._(
                    "%(count)s row(s) with problems were left out.",
                    count=self.bad_row_count,
                )
        elif self.file_error:
            summary = self.file_error
        else:
            summary = env._(
                "Checked %(rows)s row(s): %(valid)s valid, %(bad)s with "
                "problems, %(warnings)s with warnings. Nothing was imported.",
                rows=self.row_count,
                valid=self.valid_count,
                bad=self.bad_row_count,
                warnings=self.warning_row_count,
            )
        self.write(
            {
                "state": "done",
                "summary": summary,
                "work_file": False,
                "date_done": fields.Datetime.now(),
                **self._error_report(),
            }
        )
        self._tell_importer(success=bool(self.imported_count) or not self.problem_ids)

    def _stop(self, message):
        self.write(
            {
                "state": "failed",
                "file_error": message,
                "summary": message,
                "date_done": fields.Datetime.now(),
                **self._error_report(),
            }
        )
        self._tell_importer(success=False)

    def _error_report(self):
        """The problems and warnings of the file as a spreadsheet, one a line."""
        if not (self.problem_ids or self.file_error):
            return {"report_file": False, "report_filename": False}
        env = self._in_user_lang().env
        severities = dict(
            self.problem_ids._fields["severity"]._description_selection(env)
        )
        rows = [[env._("Line"), env._("Column"), env._("Problem"), env._("Severity")]]
        if self.file_error:
            rows.append([0, "", self.file_error, severities["error"]])
        rows += [
            [p.line, p.column or "", p.message, severities[p.severity]]
            for p in self.problem_ids
        ]
        stem = PurePath(self.filename or "import").stem
        return {
            "report_file": base64.b64encode(
                spreadsheet.xlsx_bytes([(env._("Problems"), rows)], width=30)
            ),
            "report_filename": f"{stem}-problems.xlsx",
        }

    def _tell_importer(self, success):
        """A message on the job for the importer (his inbox, with the error
        report), and a notification in his open pages."""
        env = self._in_user_lang().env
        attachments = []
        if self.report_file:
            attachments.append(
                self.env["ir.attachment"]
                .create(
                    {
                        "name": self.report_filename,
                        "datas": self.report_file,
                        "res_model": self._name,
                        "res_id": self.id,
                    }
                )
                .id
            )
        self.message_post(
            body=Markup("<p>%s</p>") % self.summary,
            attachment_ids=attachments,
            partner_ids=self.user_id.partner_id.ids,
            author_id=self.env.ref("base.partner_root").id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.user_id._bus_send(
            "simple_notification",
            {
                "type": "success" if success else "warning",
                "title": env._("Import finished: %(job)s", job=self.name)
                if self.state == "done"
                else env._("Import stopped: %(job)s", job=self.name),
                "message": self.summary,
                "sticky": True,
            },
        )
