# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.http import request

from odoo.addons.aftersales_sop.controllers.portal_fault import AftersalesFaultReport


class AftersalesFaultReportUnits(AftersalesFaultReport):
    """The fault form offers the customer's registered units first."""

    def _aftersales_fault_form_values(self, **kw):
        values = super()._aftersales_fault_form_values(**kw)
        units = request.env["helpdesk.ticket"]._aftersales_portal_units(
            request.env.user.partner_id
        )
        values["fault_units"] = units
        if kw.get("unit") and "aftersales_unit" not in values["fault_answer"]:
            values["fault_answer"]["aftersales_unit"] = kw["unit"]
        return values
