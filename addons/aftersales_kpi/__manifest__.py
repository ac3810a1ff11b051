# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "After-Sales KPI",
    "summary": "Engineer penalties, monthly assessments and after-sales quality KPIs",
    "version": "18.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "After-Sales Suite Authors",
    "website": "https://github.com/aftersales-suite/aftersales",
    "maintainers": ["aftersales-suite"],
    "development_status": "Alpha",
    "depends": ["aftersales_sop", "hr"],
    "data": [
        "security/aftersales_kpi_groups.xml",
        "security/ir.model.access.csv",
        "views/aftersales_kpi_menus.xml",
    ],
}
