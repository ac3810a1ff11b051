# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One measurement inside Odoo, run by ``bench/bench_warranty.py``.

``python warranty_worker.py <odoo options> -- tickets|import [--count N]``
prints one JSON line with the figures. Nothing it creates is committed.
"""

import base64
import io
import json
import random
import resource
import sys
import time
from datetime import date, timedelta

import odoo
from odoo import api

SAMPLE = 20  # warm-up creations, not counted


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


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


def xls_file(rows, tracked, untracked):
    import xlwt  # Odoo 18 itself requires it

    book = xlwt.Workbook()
    sheet = book.add_sheet("Registrations")
    header = [
        "Customer",
        "Phone",
        "Product",
        "Serial Number",
        "Purchase Date",
        "Invoice Number",
        "Sales Channel",
    ]
    for column, label in enumerate(header):
        sheet.write(0, column, label)
    day_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    rng = random.Random(42)
    first_day = date(2024, 12, 1)
    for i in range(rows):
        customer = i % 20000
        line = i + 1
        sheet.write(line, 0, f"Customer {customer}")
        sheet.write(line, 1, f"139{customer:08d}")
        if i % 5:
            sheet.write(line, 2, tracked)
            sheet.write(line, 3, f"BSN{i:07d}")
        else:
            sheet.write(line, 2, untracked)
        sheet.write(line, 4, first_day + timedelta(days=rng.randrange(700)), day_style)
        sheet.write(line, 5, f"INV-{i}")
        sheet.write(line, 6, "Online Shop")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def bench_import(env, rows):
    env = env(user=env.ref("base.user_admin").id)
    tracked = make_product(env, "BENCH-AC", "serial", 12).default_code
    untracked = make_product(env, "BENCH-RC", "none", 3).default_code
    data = xls_file(rows, tracked, untracked)
    env.flush_all()
    rss_before = peak_rss_mb()
    wizard = env["aftersales.warranty.registration.import"].create(
        {"file": base64.b64encode(data), "filename": "bench.xls"}
    )
    start = time.perf_counter()
    wizard.action_import()
    env.flush_all()
    elapsed = time.perf_counter() - start
    if wizard.file_error or wizard.imported_count != rows:
        raise SystemExit(f"import failed: {wizard.file_error} {wizard.problem_ids[:5]}")
    return {
        "rows": rows,
        "file_bytes": len(data),
        "seconds": elapsed,
        "rows_per_second": rows / elapsed,
        "peak_rss_mb_before": rss_before,
        "peak_rss_mb_after": peak_rss_mb(),
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
        elif task == "import":
            result = bench_import(env, count or 50000)
        else:
            raise SystemExit(f"unknown task {task}")
        cr.rollback()
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
