# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "After-Sales Warranty",
    "summary": "Warranty decisions, repair quotes, replacement and loaner units",
    "version": "18.0.1.0.0",
    "category": "After-Sales",
    "license": "AGPL-3",
    "author": "After-Sales Suite Authors",
    "website": "https://github.com/aftersales-suite/aftersales",
    "maintainers": ["aftersales-suite"],
    "development_status": "Alpha",
    "depends": ["aftersales_sop", "stock", "repair", "sale_management"],
    "external_dependencies": {"python": ["openpyxl", "xlrd"]},
    "data": [
        "views/aftersales_warranty_menus.xml",
    ],
}
