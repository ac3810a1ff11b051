# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The runs of the service clocks were the model ``aftersales.ticket.clock``,
although they run on complaints, follow-ups and dispatch orders too: the model
is now ``aftersales.clock.run``. Its table, rows, ids and the records that
point at it (access rights, rules, views, the clock cron) are renamed, not
made again."""

from odoo.addons.aftersales_sop.tools.upgrade import rename_model, rename_xmlids


def migrate(cr, version):
    if not version:
        return
    if rename_model(cr, "aftersales.ticket.clock", "aftersales.clock.run"):
        for module in ("aftersales_sop", "aftersales_warranty", "aftersales_kpi"):
            rename_xmlids(cr, module, "aftersales_ticket_clock", "aftersales_clock_run")
