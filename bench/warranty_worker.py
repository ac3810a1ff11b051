# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One ticket measurement inside Odoo, run by ``bench/bench_warranty.py``.

``python warranty_worker.py <odoo options> -- tickets|tickets-registered
[--count N]`` prints one JSON line with the figures. Nothing it creates is
committed. The import is measured by ``import_worker.py``.
"""

import json
import sys
import time
from datetime import date

import odoo
from odoo import api

SAMPLE = 20  # warm-up creations, not counted


def make_product(env, code, tracking, months):
    policy = None
    if "aftersales.warranty.policy" in env:
        policy = env["aftersales.warranty.policy"].create(
            {"name": f"Bench {months} months", "months": months}
        )
    category = env["product.category"].create(
        {
            "name": f"Bench {code}",
            **({"aftersales_warranty_policy_id": policy.id} if policy else {}),
        }
    )
    return env["product.product"].create(
        {
            "name": f"Bench {code}",
            "default_code": code,
            "type": "consu",
            "is_storable": True,
            "tracking": tracking,
            "categ_id": category.id,
        }
    )


def bench_tickets(env, count, registered):
    """Create ``count`` repair requests one by one, as the agents do."""
    env = env(user=env.ref("base.user_admin").id)
    product = make_product(env, "BENCH-T-AC", "serial", 12)
    customer = env["res.partner"].create(
        {"name": "Bench Customer", "phone": "+86 139 0000 0000"}
    )
    lots = env["stock.lot"].create(
        [
            {"name": f"BT-{i:06d}", "product_id": product.id}
            for i in range(count + SAMPLE)
        ]
    )
    if registered:
        env["aftersales.warranty.registration"].create(
            [
                {
                    "partner_id": customer.id,
                    "product_id": product.id,
                    "lot_id": lot.id,
                    "purchase_date": date(2026, 3, 1),
                    "proof_reference": f"INV-{lot.name}",
                }
                for lot in lots
            ]
        )
    env.flush_all()
    tickets = env["helpdesk.ticket"]
    timings, queries = [], []
    for index, lot in enumerate(lots):
        values = {
            "name": "Bench: unit does not cool",
            "description": "<p>The unit runs but does not cool.</p>",
            "partner_id": customer.id,
            "partner_phone": "13900000000",
            "inquiry_class": "b",
            "fault_type": "hardware",
            "product_id": product.id,
            "lot_id": lot.id,
            "purchase_date": date(2026, 3, 1),
            "proof_reference": "INV-1",
        }
        before_queries = env.cr.sql_log_count
        start = time.perf_counter()
        tickets.create(values)
        env.flush_all()
        elapsed = time.perf_counter() - start
        if index >= SAMPLE:
            timings.append(elapsed)
            queries.append(env.cr.sql_log_count - before_queries)
    timings.sort()
    return {
        "tickets": count,
        "ms_mean": 1000 * sum(timings) / len(timings),
        "ms_median": 1000 * timings[len(timings) // 2],
        "queries_mean": sum(queries) / len(queries),
    }


def main():
    split = sys.argv.index("--")
    odoo_args, task_args = sys.argv[1:split], sys.argv[split + 1 :]
    odoo.tools.config.parse_config(odoo_args)
    database = odoo.tools.config["db_name"]
    registry = odoo.modules.registry.Registry(database)
    task = task_args[0]
    count = (
        int(task_args[task_args.index("--count") + 1]) if "--count" in task_args else 0
    )
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        # a Chinese service centre: phone numbers without prefix are Chinese
        env.ref("base.main_company").country_id = env.ref("base.cn")
        if task == "tickets":
            result = bench_tickets(env, count or 300, registered=False)
        elif task == "tickets-registered":
            result = bench_tickets(env, count or 300, registered=True)
        else:
            raise SystemExit(f"unknown task {task}")
        cr.rollback()
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
