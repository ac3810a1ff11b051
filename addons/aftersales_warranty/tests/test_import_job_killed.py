# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A background import whose worker is killed in the middle of a batch
finishes from where it stopped, each row written once.

The job and its data are committed to the test database (through a cursor of
their own: another process must see them), a worker process runs the job's
scheduled action as a cron thread of odoo-bin does (``import_job_worker.py``),
and is killed with SIGKILL while a batch is written but not committed; a new
worker then finishes the job. Everything committed is removed afterwards.
"""

import base64
import os
import selectors
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from odoo import SUPERUSER_ID, api
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import config

from odoo.addons.aftersales_sop.tests.spreadsheet_common import xlsx
from odoo.addons.aftersales_warranty.rules.registration_import import COLUMNS

WORKER = Path(__file__).with_name("import_job_worker.py")
ROWS = 40
BATCH = 5
TIMEOUT = 600  # seconds: loading a registry on a busy machine is slow


@tagged("post_install", "-at_install")
class TestImportJobKilled(TransactionCase):
    def _committed(self):
        """An environment on a cursor of its own, committed when it closes."""
        return self.registry.cursor()

    def _worker(self, stop_at, log):
        command = [
            sys.executable,
            str(WORKER),
            f"--addons-path={config['addons_path']}",
        ]
        command += [f"--data-dir={config['data_dir']}", f"--database={self.db}"]
        for option in ("db_host", "db_port", "db_user"):
            if config[option]:
                command.append(f"--{option}={config[option]}")
        command += ["--", str(self.cron_id), str(BATCH), str(stop_at)]
        environ = dict(os.environ)
        if config["db_password"]:
            environ["PGPASSWORD"] = config["db_password"]
        # unbuffered: each line is read as soon as the worker prints it
        return subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=log, bufsize=0, env=environ
        )

    def _job_row(self):
        with self._committed() as cr:
            cr.execute(
                "SELECT state, done_count, todo_count, imported_count "
                "FROM aftersales_import_job WHERE id = %s",
                [self.job_id],
            )
            return cr.fetchone()

    def _problems(self):
        """The job's state, error and first problems, to say why it stopped."""
        with self._committed() as cr:
            cr.execute(
                "SELECT j.state, j.file_error, array_agg(p.message) "
                "FROM aftersales_import_job j "
                "LEFT JOIN aftersales_import_job_problem p ON p.job_id = j.id "
                "WHERE j.id = %s GROUP BY j.id",
                [self.job_id],
            )
            return cr.fetchone()

    def _registrations(self):
        with self._committed() as cr:
            cr.execute(
                "SELECT proof_reference FROM aftersales_warranty_registration "
                "WHERE proof_reference LIKE 'KILL-%%'"
            )
            return sorted(reference for (reference,) in cr.fetchall())

    def _set_up_committed_job(self):
        with self._committed() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"no_reset_password": True})
            importer = new_test_user(
                env,
                login="kill_importer",
                groups="aftersales_sop.aftersales_sop_group_agent,"
                "base.group_partner_manager",
            )
            product = env["product.product"].create(
                {"name": "Kill Test Remote", "default_code": "T-KILL", "type": "consu"}
            )
            rows = [COLUMNS.template_header()] + [
                # +86: whatever the company's country (none without demo data)
                [f"Kill {i}", f"+86 1390003{i:04d}", "T-KILL", None, "2025-11-30"]
                + [f"KILL-{i:02d}"]
                for i in range(ROWS)
            ]
            wizard = (
                env["aftersales.warranty.registration.import"]
                .with_user(importer)
                .create({"file": base64.b64encode(xlsx(rows)), "filename": "k.xlsx"})
            )
            job = env["aftersales.import.job"].with_user(importer)._queue(wizard, True)
            self.job_id, self.cron_id = (
                job.id,
                job.env.ref("aftersales_sop.ir_cron_aftersales_import_jobs").id,
            )
            self.addCleanup(self._clean, importer.id, product.id, job.id)

    def _clean(self, user_id, product_id, job_id):
        with self._committed() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
            cr.execute(
                "DELETE FROM aftersales_warranty_registration "
                "WHERE proof_reference LIKE 'KILL-%%'"
            )
            env["aftersales.import.job"].browse(job_id).unlink()
            env["res.partner"].search([("name", "=like", "Kill %")]).unlink()
            env["product.product"].browse(product_id).product_tmpl_id.unlink()
            user = env["res.users"].browse(user_id)
            partner = user.partner_id
            user.unlink()
            partner.unlink()
            env["ir.cron.trigger"].search([("cron_id", "=", self.cron_id)]).unlink()

    def test_a_worker_killed_in_a_batch_finishes_from_where_it_stopped(self):
        self.db = self.env.cr.dbname
        self._set_up_committed_job()
        self.assertEqual(self._job_row()[0], "queued")
        with tempfile.TemporaryFile("w+") as log:
            worker = self._worker(stop_at=3, log=log)
            try:
                # the third batch is written, its transaction still open
                written = [self._line(worker) for _batch in range(3)]
                self.assertEqual(
                    written,
                    [f"written {BATCH * n}" for n in (1, 2, 3)],
                    f"{self._problems()}\n{self._read(log)}",
                )
                os.kill(worker.pid, signal.SIGKILL)
            finally:
                worker.kill()
                worker.wait(TIMEOUT)
            self.assertEqual(worker.returncode, -signal.SIGKILL)
            # two batches committed, the third lost with the worker
            state, done, todo, imported = self._job_row()
            self.assertEqual((state, done, todo, imported), ("writing", 10, ROWS, 10))
            self.assertEqual(
                self._registrations(), [f"KILL-{i:02d}" for i in range(10)]
            )
            # a new worker goes on from line 12, the first row not committed
            started = time.monotonic()
            worker = self._worker(stop_at=0, log=log)
            output, _errors = worker.communicate(timeout=TIMEOUT)
            output = output.decode()
            self.assertEqual(worker.returncode, 0, self._read(log))
            self.assertLess(time.monotonic() - started, TIMEOUT)
        # the rest in six batches, from the third on
        self.assertEqual(
            output.splitlines(),
            [f"written {BATCH * n}" for n in range(3, ROWS // BATCH + 1)] + ["idle"],
        )
        self.assertEqual(self._job_row(), ("done", ROWS, ROWS, ROWS))
        # each row once: no registration written twice, none lost
        self.assertEqual(self._registrations(), [f"KILL-{i:02d}" for i in range(ROWS)])
        with self._committed() as cr:
            cr.execute(
                "SELECT count(*), count(DISTINCT phone) FROM res_partner "
                "WHERE name LIKE 'Kill %%'"
            )
            self.assertEqual(cr.fetchone(), (ROWS, ROWS))

    @staticmethod
    def _line(worker):
        """The next line the worker prints ('' when it ends or says nothing
        in time)."""
        with selectors.DefaultSelector() as selector:
            selector.register(worker.stdout, selectors.EVENT_READ)
            if not selector.select(TIMEOUT):
                return ""
            return worker.stdout.readline().decode().strip()

    @staticmethod
    def _read(log):
        log.seek(0)
        return log.read()[-3000:]
