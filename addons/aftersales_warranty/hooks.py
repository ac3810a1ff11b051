# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def post_init_hook(env):
    """Each company with a warehouse gets its loaner and returned-units locations."""
    for company in env["res.company"].search([]):
        company._aftersales_location("aftersales_loaner_location_id")
        company._aftersales_location("aftersales_return_location_id")
