# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def post_init_hook(env):
    """Each company with a warehouse gets its loaner and returned-units
    locations; each warehouse its Parts Issued location and its Spare Parts
    operation type (new warehouses get them when they are created)."""
    env["stock.warehouse"]._aftersales_create_parts_data()
    for company in env["res.company"].search([]):
        company._aftersales_location("aftersales_loaner_location_id")
        company._aftersales_location("aftersales_return_location_id")
