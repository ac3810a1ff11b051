# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "After-Sales KPI",
    "summary": "Engineer penalties, strike flags for HR, certification re-reviews "
    "and the engineer roster import",
    "version": "18.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "After-Sales Suite Authors",
    "website": "https://github.com/aftersales-suite/aftersales",
    "maintainers": ["aftersales-suite"],
    "development_status": "Alpha",
    "depends": ["aftersales_sop", "aftersales_warranty", "hr"],
    "external_dependencies": {"python": ["openpyxl"]},
    "data": [
        "security/aftersales_kpi_groups.xml",
        "security/ir.model.access.csv",
        "security/aftersales_kpi_security.xml",
        "data/ir_sequence_data.xml",
        "data/aftersales_penalty_rule_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "views/aftersales_penalty_views.xml",
        "views/aftersales_penalty_rule_views.xml",
        "views/aftersales_penalty_strike_views.xml",
        "views/aftersales_certification_review_views.xml",
        "views/hr_employee_views.xml",
        "views/res_config_settings_views.xml",
        "wizard/aftersales_penalty_decision_views.xml",
        "wizard/aftersales_roster_import_views.xml",
        "views/aftersales_kpi_menus.xml",
    ],
}
