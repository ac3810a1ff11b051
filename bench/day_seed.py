#!/usr/bin/env python3
# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The people and records of a department's day (bench/locust_day.py): users
of every role with their passwords, a team, a zone, engineers, units, spare
parts in stock, last month's assessments; or, on the bare helpdesk_mgmt
baseline, agents, a team, a category and tags. Made once per database and
kept (a system parameter holds what was made); printed as JSON.

Run by bench/locust_day.py with the python of an Odoo 18.0, against the
primary PostgreSQL of bench/scaling.py::

    $ODOO_PYTHON bench/day_seed.py --db-port P --database D --addons-path A
        --data-dir DIR [--baseline]
"""

import argparse
import contextlib
import json
from datetime import date

from day_mix import ANALYSES, SEED_USERS

PASSWORD = "i18b-load-day"
PARAMETER = "i18b.load_day.seed"
GROUPS = {
    "agent": ["aftersales_sop.aftersales_sop_group_agent"],
    "dispatcher": ["aftersales_sop.aftersales_sop_group_dispatcher"],
    "engineer": ["aftersales_sop.aftersales_sop_group_engineer"],
    "warehouse": ["base.group_user", "stock.group_stock_manager"],
    "hr": ["hr.group_hr_user", "aftersales_kpi.aftersales_kpi_group_supervisor"],
    "customer": ["base.group_portal"],
}
BASELINE_GROUPS = {"agent": ["helpdesk_mgmt.group_helpdesk_user"]}


def add_arguments(parser):
    parser.add_argument("--db-port", type=int, required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--data-dir", required=True)


@contextlib.contextmanager
def odoo_env(args, commit=True):
    """An environment of the superuser on the database of ``args``; commits
    at the end, or rolls back when not ``commit`` (a check that only reads)."""
    import odoo
    from odoo.tools import config

    config.parse_config(
        [
            f"--addons-path={args.addons_path}",
            f"--data-dir={args.data_dir}",
            f"--database={args.database}",
            "--db_host=127.0.0.1",
            f"--db_port={args.db_port}",
            "--db_user=odoo",
            "--log-level=warn",
        ]
    )
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        try:
            yield odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        finally:
            if not commit:
                cr.rollback()


def make_users(env, role, groups, extra=None):
    """The users of a role: ``i18b_<role><n>``, the same password."""
    group_ids = [env.ref(xmlid).id for xmlid in groups]
    users = env["res.users"].with_context(no_reset_password=True)
    made = []
    for number in range(1, SEED_USERS[role] + 1):
        login = f"i18b_{role}{number}"
        values = {
            "name": f"Load {role.title()} {number}",
            "login": login,
            "password": PASSWORD,
            "email": f"{login}@load.example.com",
            "groups_id": [(6, 0, group_ids)],
            **(extra(number) if extra else {}),
        }
        made.append(users.create(values))
    return made


def seed_suite(env):
    company = env.company
    company.country_id = env.ref("base.cn")
    company.aftersales_parts_auto_reserve = False
    users = {
        role: make_users(env, role, groups)
        for role, groups in GROUPS.items()
        if role != "customer"
    }
    zone = env["aftersales.zone"].create(
        {"name": "Load City", "code": "LOAD", "city_names": "Load City"}
    )
    customers = make_users(
        env,
        "customer",
        GROUPS["customer"],
        lambda n: {
            "street": f"{n} Load Road",
            "city": "Load City",
            "phone": f"+86 137 0000 {n:04d}",
        },
    )
    team = env["helpdesk.ticket.team"].create(
        {
            "name": "Load Service Centre",
            "user_id": users["dispatcher"][0].id,
            "dispatcher_id": users["dispatcher"][0].id,
            "user_ids": [(6, 0, [u.id for u in users["agent"] + users["dispatcher"]])],
        }
    )
    appliances = env["product.category"].create(
        {
            "name": "Load Appliances",
            "aftersales_warranty_policy_id": env.ref(
                "aftersales_warranty.aftersales_warranty_policy_main_unit"
            ).id,
        }
    )
    air_con = env["product.category"].create(
        {"name": "Load ACs", "parent_id": appliances.id}
    )
    product = env["product.product"].create(
        {
            "name": "Load AC",
            "type": "consu",
            "is_storable": True,
            "tracking": "serial",
            "categ_id": air_con.id,
        }
    )
    lots = env["stock.lot"].create(
        [{"name": f"LOAD-AC-{n:04d}", "product_id": product.id} for n in range(300)]
    )
    engineers = {}
    for number, user in enumerate(users["engineer"], start=1):
        employee = env["hr.employee"].create({"name": user.name, "user_id": user.id})
        engineers[user.login] = (
            env["aftersales.engineer"]
            .create(
                {
                    "employee_id": employee.id,
                    "zone_id": zone.id,
                    "level": "senior",
                    "skill_ids": [
                        (
                            0,
                            0,
                            {
                                "fault_type": "hardware",
                                "product_categ_id": air_con.id,
                                "level": "senior",
                            },
                        )
                    ],
                    "certification_ids": [
                        (
                            0,
                            0,
                            {
                                "name": f"LOAD-CERT-{number}",
                                "product_categ_id": appliances.id,
                                "date_issued": date(2026, 1, 5),
                            },
                        )
                    ],
                }
            )
            .id
        )
    warehouse = env["stock.warehouse"].search(
        [("company_id", "=", company.id)], limit=1
    )
    parts = env["product.product"].create(
        [
            {
                "name": f"Load spare part {n}",
                "type": "consu",
                "is_storable": True,
                "aftersales_is_spare_part": True,
            }
            for n in range(1, 7)
        ]
    )
    quants = env["stock.quant"].with_context(inventory_mode=True)
    for part in parts:
        quants.create(
            {
                "product_id": part.id,
                "location_id": warehouse.lot_stock_id.id,
                "inventory_quantity": 500,
            }
        ).action_apply_inventory()
    # last month's assessments: HR opens its quality report
    assessments = env["aftersales.kpi.assessment"]._aftersales_run_previous_month()
    company_assessment = assessments.filtered(lambda a: a.scope == "company")
    groups = {
        model: sorted(
            name for name in ("team_id", "engineer_id") if name in env[model]._fields
        )
        for model in ANALYSES
    }
    return {
        "profile": "suite",
        "users": {role: [u.login for u in made] for role, made in users.items()}
        | {"customer": [u.login for u in customers]},
        "customer_partners": [u.partner_id.id for u in customers],
        "team": team.id,
        "zone": zone.id,
        "engineers": engineers,
        "product": product.id,
        "lots": lots.ids,
        "parts": parts.ids,
        "company_assessment": company_assessment.id,
        "analyses": ANALYSES,
        "analysis_groups": groups,
    }


def seed_baseline(env):
    agents = make_users(env, "agent", BASELINE_GROUPS["agent"])
    customers = env["res.partner"].create(
        [
            {"name": f"Load Customer {n}", "email": f"customer{n}@load.example.com"}
            for n in range(1, SEED_USERS["customer"] + 1)
        ]
    )
    team = env["helpdesk.ticket.team"].create(
        {"name": "Load Service Centre", "user_ids": [(6, 0, [u.id for u in agents])]}
    )
    category = env["helpdesk.ticket.category"].create({"name": "Load repairs"})
    tags = env["helpdesk.ticket.tag"].create(
        [{"name": f"Load tag {n}"} for n in range(1, 4)]
    )
    return {
        "profile": "baseline",
        "users": {"agent": [u.login for u in agents]},
        "customer_partners": customers.ids,
        "team": team.id,
        "category": category.id,
        "tags": tags.ids,
    }


def seed(env, baseline=False):
    """What was made (made now if it was not)."""
    parameters = env["ir.config_parameter"]
    made = parameters.get_param(PARAMETER)
    if made:
        return json.loads(made)
    result = seed_baseline(env) if baseline else seed_suite(env)
    parameters.set_param(PARAMETER, json.dumps(result))
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_arguments(parser)
    parser.add_argument("--baseline", action="store_true")
    args = parser.parse_args()
    with odoo_env(args) as env:
        result = seed(env, baseline=args.baseline)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
