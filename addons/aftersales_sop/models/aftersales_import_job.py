# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A spreadsheet import run in the background.

An import wizard (``aftersales.spreadsheet.import.mixin``) hands a file of more
rows than the company's limit to a job: the page only stores the file and wakes
the job's scheduled action, the user can leave. The job keeps the file, the
options the user chose, its state, its counts and progress, the problems found
(lines, and an .xlsx error report) and the summary; it tells the importer when
it is done. How it runs, step by step, is in ``aftersales_import_job_run.py``.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

#: the states of a job that has work left
UNFINISHED = ("queued", "checking", "writing")


class AftersalesImportJob(models.Model):
    _name = "aftersales.import.job"
    _inherit = ["mail.thread", "aftersales.spreadsheet.import.result.mixin"]
    _description = "Spreadsheet Import Job"
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(required=True, readonly=True)
    import_model = fields.Char(
        required=True,
        readonly=True,
        help="The technical name of the import that reads the file.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Imported By",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.user,
        help="The import runs with this user's rights, and tells him when done.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda s: s.env.company
    )
    file = fields.Binary(attachment=True, readonly=True)
    filename = fields.Char(readonly=True)
    mode = fields.Selection(
        [("check", "Check Only"), ("import", "Check and Import")],
        required=True,
        readonly=True,
        default="import",
    )
    options = fields.Json(readonly=True, help="The options chosen in the import.")
    state = fields.Selection(
        [
            ("queued", "Waiting"),
            ("checking", "Checking"),
            ("writing", "Importing"),
            ("done", "Done"),
            ("failed", "Interrupted"),
        ],
        default="queued",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
    )
    todo_count = fields.Integer(
        string="Rows to Import",
        readonly=True,
        help="The valid rows of the file, written in batches.",
    )
    done_count = fields.Integer(
        string="Rows Written",
        readonly=True,
        help="Rows of the file the job has gone through; a job stopped on the "
        "way goes on from here.",
    )
    progress = fields.Float(compute="_compute_progress", string="Progress (%)")
    problem_ids = fields.One2many(
        "aftersales.import.job.problem", "job_id", string="Problems", readonly=True
    )
    report_file = fields.Binary(
        string="Error Report",
        attachment=True,
        readonly=True,
        help="Every problem and warning of the file, by line, as a spreadsheet.",
    )
    report_filename = fields.Char(readonly=True)
    #: the checked rows still to write, as JSON (emptied when the job ends)
    work_file = fields.Binary(
        attachment=True, readonly=True, groups="base.group_system"
    )
    #: what the batches wrote: the counts of the import's summary, the records
    counts = fields.Json(readonly=True)
    result_ids = fields.Json(readonly=True)
    date_started = fields.Datetime(string="Started", readonly=True)
    date_done = fields.Datetime(string="Finished", readonly=True)

    @api.depends("state", "todo_count", "done_count")
    def _compute_progress(self):
        for job in self:
            if job.state == "done":
                job.progress = 100.0
            elif job.state == "writing" and job.todo_count:
                job.progress = 100.0 * job.done_count / job.todo_count
            else:
                job.progress = 0.0

    @api.constrains("import_model")
    def _check_import_model(self):
        mixin = self.env.registry["aftersales.spreadsheet.import.mixin"]
        for job in self:
            model = self.env.get(job.import_model)
            if model is None or not isinstance(model, mixin):
                raise ValidationError(
                    self.env._(
                        "%(model)s is not a spreadsheet import.",
                        model=job.import_model,
                    )
                )

    # ---------------------------------------------------------------------------
    # starting a job
    # ---------------------------------------------------------------------------

    @api.model
    def _queue(self, wizard, create):
        """A job for the file of ``wizard``, woken at once; ``create``: import
        the rows, else only check them."""
        job = self.create(
            {
                "name": self.env._(
                    "%(title)s: %(file)s",
                    title=wizard._import_title(),
                    file=wizard.filename or "-",
                ),
                "import_model": wizard._name,
                "company_id": wizard.company_id.id,
                "file": wizard.with_context(bin_size=False).file,
                "filename": wizard.filename,
                "mode": "import" if create else "check",
                "options": wizard._job_options(),
            }
        )
        job._wake_up()
        return job

    def _wake_up(self):
        self.env.ref("aftersales_sop.ir_cron_aftersales_import_jobs")._trigger()

    def action_open(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_view_records(self):
        """The records the job imported, in a list."""
        self.ensure_one()
        return self.env[self.import_model]._records_action(self.result_ids or [])

    def action_import(self):
        """Import a file that was only checked: check it again, then write."""
        self._restart({"mode": "import", "state": "queued"}, ("done",), "check")
        return True

    def action_resume(self):
        """Go on with a stopped job from where it stopped."""
        for job in self:
            state = "writing" if job.todo_count else "queued"
            job._restart({"state": state, "file_error": False}, ("failed",))
        return True

    def _restart(self, values, states, mode=None):
        for job in self:
            if job.state not in states or (mode and job.mode != mode):
                continue
            if job.user_id != self.env.user and not self.env.user.has_group(
                "aftersales_sop.aftersales_sop_group_manager"
            ):
                raise AccessError(
                    self.env._("Only the importer or a manager may restart it.")
                )
            # sudo: users only read jobs; the importer (or a manager, checked
            # above) may queue his own job again, which runs with his rights
            job.sudo().write(values)
            job._wake_up()


class AftersalesImportJobProblem(models.Model):
    _name = "aftersales.import.job.problem"
    _inherit = ["aftersales.spreadsheet.import.problem.mixin"]
    _description = "Problem Found by an Import Job"

    job_id = fields.Many2one(
        "aftersales.import.job",
        string="Import Job",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(related="job_id.company_id", store=True)
