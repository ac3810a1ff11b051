# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A cron worker of its own, for ``test_import_job_killed.py``: run with the
Odoo interpreter, it processes the background-import scheduled action of a
database the way a cron thread of ``odoo-bin`` does (acquire the job, run it
while it reports work left, commit, again while it is ready), in this process
only, so that the test can kill it with SIGKILL in the middle of a batch.

``python import_job_worker.py <odoo options> -- <cron id> <batch size> <stop at>``

``batch size``: rows per batch of the registration import (small, for a test).
After each batch is written, before Odoo's cron runner commits it, the worker
prints ``written <rows done>``; after batch number ``stop at`` (0: none) it
waits there, its transaction open, for the test to kill it.
"""

import sys
import time


def main():
    import odoo
    from odoo.tools import config

    cut = sys.argv.index("--")
    config.parse_config(sys.argv[1:cut])
    cron_id, batch, stop_at = (int(arg) for arg in sys.argv[cut + 1 :])
    database = config["db_name"]
    if isinstance(database, list):
        database = database[0]
    registry = odoo.modules.registry.Registry(database)
    registry["aftersales.warranty.registration.import"]._batch_size = batch
    jobs = registry["aftersales.import.job"]
    step_write = jobs._step_write
    batches = []

    def told_step_write(self):
        step_write(self)
        batches.append(self.done_count)
        sys.stdout.write(f"written {self.done_count}\n")
        sys.stdout.flush()
        if len(batches) == stop_at:
            time.sleep(3600)

    jobs._step_write = told_step_write
    cron_model = registry["ir.cron"]
    connection = odoo.sql_db.db_connect(database)
    while True:
        with connection.cursor() as cron_cr:
            job = cron_model._acquire_one_job(cron_cr, cron_id)
            if not job:
                break
            cron_model._process_job(connection, cron_cr, job)
    sys.stdout.write("idle\n")


if __name__ == "__main__":
    main()
