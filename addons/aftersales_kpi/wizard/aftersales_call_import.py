# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The call log import: the file (.csv, .xls, .xlsx), its header, its cells,
the steps, the counts, the template and the background import of a big file
are the suite's spreadsheet import (``aftersales.spreadsheet.import.mixin`` of
``aftersales_sop``); the call log's own checks are in ``rules/call_log.py``,
the storing and the matching of the calls in
``models/aftersales_call_matching.py``."""

import re
import uuid

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.aftersales_sop.rules.cells import CellProblem, shorten
from odoo.addons.phone_validation.tools import phone_validation

from ..rules import call_log as call_rules
from .aftersales_call_messages import COLUMN_LABELS, MESSAGES


class AftersalesCallImport(models.TransientModel):
    """Import the hotline's call log as the telephony provider exports it
    (.csv, .xls, .xlsx): each answered call is matched to the request created
    from it, which takes the answer delay the telephony system recorded; a
    call with no request is listed; a call nobody answered counts as a
    consultation not answered in time. Every bad row is named with its line
    and the reason; nothing is half-written."""

    _name = "aftersales.call.import"
    _inherit = ["aftersales.spreadsheet.import.mixin"]
    _description = "Import the Hotline Call Log"
    _template_filename = "call_log.xlsx"
    _import_rules = call_rules
    _result_model = "aftersales.call"
    _result_action = "aftersales_kpi.aftersales_call_action"
    _max_rows = 200_000
    _accepts_csv = True
    #: calls stored and matched per transaction by a background import (a
    #: statement per 5,000 calls, see ``aftersales_call_matching.py``)
    _batch_size = 5000

    import_ref = fields.Char(
        readonly=True,
        default=lambda self: uuid.uuid4().hex,
        help="Marks the calls of this import (the steps of a background "
        "import share it).",
    )
    unmatched_count = fields.Integer(string="Calls without a Request", readonly=True)
    problem_ids = fields.One2many(
        "aftersales.call.import.problem", "wizard_id", string="Problems"
    )

    def _import_title(self):
        return self.env._("Import the Call Log")

    @api.model
    def _template_bytes(self, chinese=False):
        rows = [
            call_rules.template_header(chinese),
            ["13700000001", "2026-10-03 09:00:00", "2026-10-03 09:00:12", "1001", 95],
            ["+86 138 0000 0002", "2026-10-03 09:05:00", None, None, 0],
        ]
        return self._xlsx_bytes([("通话记录" if chinese else "Calls", rows)])

    def action_view_unmatched(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(self._result_action)
        action.update(
            domain=[("import_ref", "=", self.import_ref), ("state", "=", "no_request")],
            context={},
        )
        return action

    # ---------------------------------------------------------------------------
    # what the shared import asks of this one
    # ---------------------------------------------------------------------------

    def _import_messages(self):
        return MESSAGES

    def _column_labels(self):
        return COLUMN_LABELS

    def _job_options(self):
        return {**super()._job_options(), "import_ref": self.import_ref}

    def _company_tz(self):
        return pytz.timezone(
            self.env["aftersales.kpi.figures"]._aftersales_company_tz(self.company_id)
        )

    def _check_sheet(self, rows, datemode):
        """The call log's rules, with the caller's number read in the company's
        country and the telephony's local time (the company's time zone)."""
        local_now = (
            pytz.utc.localize(fields.Datetime.now())
            .astimezone(self._company_tz())
            .replace(tzinfo=None)
        )
        return call_rules.check_rows(
            rows,
            None,
            datemode,
            self._max_rows,
            phone=self._aftersales_phone_reader(),
            now=local_now,
        )

    def _aftersales_phone_reader(self):
        """A caller's number in E.164, read in the company's country when it
        has no country code (as the requests store their phones)."""
        country = self.company_id.country_id or self.env.ref("base.cn")
        known = {}

        def e164(number):
            if number not in known:
                try:
                    known[number] = phone_validation.phone_format(
                        re.sub(r"[^\d+]", "", number),
                        country.code,
                        country.phone_code,
                        force_format="E164",
                        raise_exception=True,
                    )
                except UserError:
                    known[number] = None
            if not known[number]:
                raise CellProblem("bad_phone", value=shorten(number))
            return known[number]

        return e164

    def _check_rows(self, rows):
        """Nothing of a call is checked against the database: calls imported
        before are left out when they are stored."""
        return list(rows), [], []

    def _ready_rows(self, ready):
        """The calls in the order they came in: a background import stores and
        matches them batch after batch, the earliest calls choosing their
        request first, as in one go."""
        return sorted(ready, key=lambda call: (call.start, call.caller, call.line))

    def _write_rows(self, ready):
        Call = self.env["aftersales.call"]
        ids, counts = Call._aftersales_import(
            self.company_id,
            self._ready_rows(ready),
            self._company_tz(),
            self.filename or "",
            self.import_ref,
        )
        return Call.browse(ids), counts

    def _summary(self, counts):
        return self.env._(
            "Calls imported: %(new)s (%(known)s already imported). Answered: "
            "%(answered)s, matched to the request created from them: %(matched)s; "
            "without a request: %(no_request)s (listed in the Call Log). Not "
            "answered: %(unanswered)s, counted as consultations not answered in "
            "time.",
            **counts,
        )

    def _result_values(self, records):
        if records is None:
            return {"unmatched_count": 0}
        unmatched = self.env["aftersales.call"].search_count(
            [("import_ref", "=", self.import_ref), ("state", "=", "no_request")]
        )
        return {"unmatched_count": unmatched}
