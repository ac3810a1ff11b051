# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "After-Sales SOP",
    "summary": "After-sales requests on the OCA helpdesk: intake, clocks, dispatch",
    "version": "18.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "After-Sales Suite Authors",
    "website": "https://github.com/aftersales-suite/aftersales",
    "maintainers": ["aftersales-suite"],
    "development_status": "Alpha",
    "depends": ["helpdesk_mgmt", "hr", "resource"],
    "data": [
        "security/aftersales_sop_groups.xml",
        "views/helpdesk_ticket_team_views.xml",
        "views/aftersales_sop_menus.xml",
    ],
    "demo": [
        "demo/resource_calendar_demo.xml",
    ],
    "application": True,
}
