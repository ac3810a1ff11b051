# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..rules import dispatch as dispatch_rules

FAULT_TYPES = [
    ("hardware", "Hardware"),
    ("software", "Software"),
    ("appearance", "Appearance"),
]
LEVELS = [(dispatch_rules.JUNIOR, "Junior"), (dispatch_rules.SENIOR, "Senior")]
OPEN_ORDER_STATES = ("dispatched", "on_site")


class AftersalesEngineer(models.Model):
    _name = "aftersales.engineer"
    _description = "After-sales Engineer"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "name, id"
    _check_company_auto = True

    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
        help="The employee who works as an engineer; his user sees his "
        "dispatch orders.",
    )
    name = fields.Char(related="employee_id.name", store=True, index="trigram")
    user_id = fields.Many2one(
        related="employee_id.user_id", store=True, index=True, string="User"
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    active = fields.Boolean(default=True)
    color = fields.Integer()
    image_128 = fields.Image(related="employee_id.image_128")
    zone_id = fields.Many2one(
        "aftersales.zone",
        string="Zone / City",
        check_company=True,
        tracking=True,
        help="Where the engineer works from; dispatch prefers engineers of the "
        "customer's zone.",
    )
    level = fields.Selection(
        LEVELS,
        default=dispatch_rules.JUNIOR,
        required=True,
        tracking=True,
        help="Complex jobs go to senior engineers; a junior may assist a senior.",
    )
    phone = fields.Char(related="employee_id.mobile_phone")
    skill_ids = fields.One2many(
        "aftersales.engineer.skill", "engineer_id", string="Skills"
    )
    certification_ids = fields.One2many(
        "aftersales.certification", "engineer_id", string="Certifications"
    )
    dispatch_order_ids = fields.One2many("aftersales.dispatch.order", "engineer_id")
    open_job_count = fields.Integer(
        string="Open Jobs",
        compute="_compute_open_job_count",
        help="Dispatch orders of the engineer that are not done or cancelled.",
    )

    _sql_constraints = [
        (
            "employee_uniq",
            "unique(employee_id)",
            "This employee already has an engineer profile.",
        ),
    ]

    def _compute_open_job_count(self):
        counts = self._open_job_counts()
        for engineer in self:
            engineer.open_job_count = counts.get(engineer.id, 0)

    def _open_job_counts(self):
        """{engineer id: open dispatch orders, as engineer or as assistant}."""
        # sudo: agents and engineers read only their teams' or jobs' orders; only the
        # count of open orders per engineer is returned
        orders = self.env["aftersales.dispatch.order"].sudo()
        counts = {}
        for field_name in ("engineer_id", "assistant_id"):
            for engineer, count in orders._read_group(
                [(field_name, "in", self.ids), ("state", "in", OPEN_ORDER_STATES)],
                [field_name],
                ["__count"],
            ):
                counts[engineer.id] = counts.get(engineer.id, 0) + count
        return counts

    @api.depends("name", "zone_id", "level")
    @api.depends_context("aftersales_short_name")
    def _compute_display_name(self):
        levels = dict(self._fields["level"]._description_selection(self.env))
        for engineer in self:
            parts = [engineer.name or ""]
            details = [
                d for d in (engineer.zone_id.name, levels.get(engineer.level)) if d
            ]
            if details and not self.env.context.get("aftersales_short_name"):
                parts.append(f"({', '.join(details)})")
            engineer.display_name = " ".join(parts)

    def _valid_certification_categories(self, on_date=None):
        """{engineer id: set of product category ids with a valid certification}.

        A certification without a category covers every category: it is
        represented by ``dispatch_rules.ANY_CATEGORY``.
        """
        on_date = on_date or fields.Date.context_today(self)
        result = {engineer.id: set() for engineer in self}
        # sudo: an engineer reads only his own certifications; the dispatch check needs
        # the others', and only their categories are returned
        certifications = (
            self.env["aftersales.certification"]
            .sudo()
            .search(
                [
                    ("engineer_id", "in", self.ids),
                    ("date_issued", "<=", on_date),
                    ("date_expiry", ">=", on_date),
                ]
            )
        )
        for certification in certifications:
            result[certification.engineer_id.id].add(
                certification.product_categ_id.id or dispatch_rules.ANY_CATEGORY
            )
        return result

    def _as_dispatch_candidates(self):
        """The engineers as the dispatch ranking (rules layer) sees them."""
        workloads = self._open_job_counts()
        certified = self._valid_certification_categories()
        candidates = []
        for engineer in self:
            categories = certified[engineer.id]
            candidates.append(
                dispatch_rules.Candidate(
                    id=engineer.id,
                    name=engineer.name or "",
                    zone_id=engineer.zone_id.id or None,
                    level=engineer.level,
                    skills=tuple(
                        dispatch_rules.Skill(
                            fault_type=skill.fault_type or None,
                            category_id=skill.product_categ_id.id or None,
                            level=skill.level,
                        )
                        for skill in engineer.skill_ids
                    ),
                    certified_category_ids=frozenset(categories),
                    workload=workloads.get(engineer.id, 0),
                )
            )
        return candidates

    def action_view_dispatch_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "aftersales_sop.aftersales_dispatch_order_action"
        )
        action["domain"] = [
            "|",
            ("engineer_id", "=", self.id),
            ("assistant_id", "=", self.id),
        ]
        action["context"] = {"search_default_open": 1}
        return action
