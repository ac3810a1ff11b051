# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

COMPLAINT_CATEGORIES = [
    ("product", "Product"),
    ("service", "Service"),
    ("other", "Other"),
]
#: the four complaint offences of an engineer (管理考查办法); the KPI addon maps
#: these codes to its penalty rules
COMPLAINT_OFFENCES = [
    ("complaint_quarrel", "Argued with or talked back to the customer"),
    ("complaint_solicit", "Asked for money, gifts or unreasonable demands"),
    ("complaint_delay", "Did not serve in time for personal reasons"),
    ("complaint_repeat", "Same problem repaired again by his own fault"),
]


class AftersalesComplaintCause(models.Model):
    """Why customers complain, as the investigation finds it: what the
    improvement report sums up (SPEC §7)."""

    _name = "aftersales.complaint.cause"
    _description = "Complaint Cause"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    category = fields.Selection(
        COMPLAINT_CATEGORIES,
        help="The category a complaint of this cause usually has (proposed when "
        "the cause is chosen).",
    )
    offence_code = fields.Selection(
        COMPLAINT_OFFENCES,
        string="Engineer's Offence",
        help="When the complaint is attributed to an engineer, the offence this "
        "cause usually is (proposed, the handler decides).",
    )
    description = fields.Text(translate=True)

    _sql_constraints = [
        ("name_uniq", "unique(name)", "A complaint cause with this name exists."),
    ]
