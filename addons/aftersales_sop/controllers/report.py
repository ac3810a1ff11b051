# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The reports the web client downloads, on a read-only cursor when their
rendering only reads.

The web client prints through ``/report/download``, which Odoo keeps
read/write for every report (a report may save its PDF as an attachment).
The after-sales reports listed by ``_aftersales_read_only_reports`` save
nothing: their download runs on a read-only cursor, that is on the database
replica when one is configured (``db_replica_host``). ``/report/pdf`` and
``/report/html`` are read-only in Odoo already.
"""

import json

from odoo import http
from odoo.http import request

from odoo.addons.web.controllers.report import ReportController


def _download_reads_only(controller):
    return controller._aftersales_read_only_download()


class AftersalesReportController(ReportController):
    def _aftersales_read_only_reports(self):
        """Report names whose rendering writes nothing (tests render each of
        them on a read-only cursor)."""
        return {"aftersales_sop.report_service_visit"}

    def _aftersales_read_only_download(self):
        """Whether this ``/report/download`` request is the PDF of one of the
        reports of ``_aftersales_read_only_reports``."""
        try:
            url, report_type = json.loads(request.httprequest.form["data"])[:2]
        except (KeyError, TypeError, ValueError):
            return False
        if report_type != "qweb-pdf" or not str(url).startswith("/report/pdf/"):
            return False
        name = url.removeprefix("/report/pdf/").split("?")[0].split("/")[0]
        return name in self._aftersales_read_only_reports()

    @http.route(readonly=_download_reads_only)
    def report_download(self, data, context=None, token=None, readonly=True):
        return super().report_download(
            data, context=context, token=token, readonly=readonly
        )
