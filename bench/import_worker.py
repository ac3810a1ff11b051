# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One registration import inside Odoo, run by ``bench/bench_warranty.py``.

``python import_worker.py <odoo options> -- make-file|wizard|odoo --file PATH``

- ``make-file --rows N --file PATH`` writes the registration ``.xls`` both
  sides import: N rows, a customer every 2.5 rows (N × 0.4 customers, named
  and with a phone), four rows in five a tracked product with a new serial
  number, the fifth an untracked accessory without one.
- ``wizard --file PATH``: our import wizard checks and imports the file.
- ``odoo --file PATH [--batch 2000]``: Odoo's own path, as its Import button
  drives it: ``base_import.import`` with the file, ``execute_import`` called
  batch after batch (``limit``/``skip``, 2,000 rows a call by default, the
  button's default), first for the serial numbers (Lot/Serial Number
  records), then for the registrations.

The upload (the file stored in the wizard, or in ``base_import.import``) comes
first and is not measured; from the click on Import on, each prints one JSON
line: seconds, rows per second, SQL queries, the resident memory at the click
and its peak during the import (the process's high-water mark is reset at the
click, Linux ``/proc/self/clear_refs``), and what was created. Nothing is
committed.
"""

import base64
import json
import random
import sys
import time
from datetime import date, timedelta

from warranty_worker import make_product

import odoo
from odoo import api

TRACKED, UNTRACKED = "BENCH-AC", "BENCH-RC"
HEADER = [
    "Customer",
    "Phone",
    "Product",
    "Serial Number",
    "Purchase Date",
    "Invoice Number",
    "Sales Channel",
]


def rss_mb():
    """``(current, peak)`` resident memory of this process, in MB."""
    values = {}
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(("VmRSS:", "VmHWM:")):
                values[line.split(":")[0]] = int(line.split()[1]) / 1024
    return values["VmRSS"], values["VmHWM"]


def reset_peak():
    """Start the peak (VmHWM) again from the current memory (Linux >= 4.0)."""
    with open("/proc/self/clear_refs", "w") as clear_refs:
        clear_refs.write("5")


def make_file(rows, path):
    import xlwt  # Odoo 18 itself requires it

    book = xlwt.Workbook()
    sheet = book.add_sheet("Registrations")
    for column, label in enumerate(HEADER):
        sheet.write(0, column, label)
    day_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    rng = random.Random(42)
    first_day = date(2024, 12, 1)
    customers = max(1, rows * 2 // 5)
    for i in range(rows):
        customer = i % customers
        line = i + 1
        sheet.write(line, 0, f"Customer {customer}")
        sheet.write(line, 1, f"139{customer:08d}")
        if i % 5:
            sheet.write(line, 2, TRACKED)
            sheet.write(line, 3, f"BSN{i:07d}")
        else:
            sheet.write(line, 2, UNTRACKED)
        sheet.write(line, 4, first_day + timedelta(days=rng.randrange(700)), day_style)
        sheet.write(line, 5, f"INV-{i}")
        sheet.write(line, 6, "Online Shop")
    book.save(path)
    # what an Odoo user makes of it for the serial numbers (a filter on the
    # serial number column, two columns copied): Odoo imports Lot/Serial
    # Number records from a sheet of their own, it cannot skip a row whose
    # serial number is empty
    serials = xlwt.Workbook()
    sheet = serials.add_sheet("Serial Numbers")
    sheet.write(0, 0, "Product")
    sheet.write(0, 1, "Serial Number")
    line = 0
    for i in range(rows):
        if i % 5:
            line += 1
            sheet.write(line, 0, TRACKED)
            sheet.write(line, 1, f"BSN{i:07d}")
    serials.save(serials_path(path))
    return {"rows": rows, "customers": customers, "serial_numbers": line}


def serials_path(path):
    return path.rsplit(".", 1)[0] + "-serials.xls"


def counts(env):
    env.flush_all()
    partners = env["res.partner"].with_context(active_test=False)
    return {
        "registrations": env["aftersales.warranty.registration"].search_count([]),
        "customers": partners.search_count([]),
        "serial_numbers": env["stock.lot"].search_count([]),
    }


def upload_wizard(env, data):
    """The file uploaded in our wizard (one request in the web client); the
    import in the page, as measured here (no background job)."""
    env.company.aftersales_import_background_rows = 0
    wizard = env["aftersales.warranty.registration.import"].create(
        {"file": base64.b64encode(data), "filename": "bench.xls"}
    )
    env.flush_all()
    return wizard


def import_wizard(env, wizard):
    """The Import button of our wizard: the file is checked and imported."""
    wizard.action_import()
    env.flush_all()
    if wizard.file_error or wizard.bad_row_count:
        raise SystemExit(f"import failed: {wizard.file_error} {wizard.problem_ids[:5]}")
    return wizard.imported_count


#: the options the Import button sends (base_import/static/src/import_model.js)
BUTTON_OPTIONS = {
    "advanced": True,
    "has_headers": True,
    "keep_matches": False,
    "sheet": "",
    "skip": 0,
    "tracking_disable": True,
    "date_format": "",
    "datetime_format": "",
    "encoding": "",
    "separator": "",
    "quoting": '"',
    "float_thousand_separator": ",",
    "float_decimal_separator": ".",
    "import_skip_records": [],
    "import_set_empty_fields": [],
    "fallback_values": {},
    "name_create_enabled_fields": {},
}


def upload_odoo(env, model, data):
    """A file uploaded in Odoo's import screen (``base_import.import``)."""
    importer = (
        env["base_import.import"]
        .with_context(tracking_disable=True)
        .create(
            {
                "res_model": model,
                "file": data,
                "file_name": "bench.xls",
                "file_type": "application/vnd.ms-excel",
            }
        )
    )
    env.flush_all()
    return importer


def button_import(env, importer, header, fields, batch, **options):
    """What Odoo's Import button does with a mapped file: ``execute_import``
    batch after batch, each call in a fresh cache as each is a request of its
    own; every call reads the whole file again, as in Odoo."""
    skip, ids = 0, 0
    while True:
        result = importer.execute_import(
            fields,
            header,
            {**BUTTON_OPTIONS, **options, "limit": batch or None, "skip": skip},
        )
        errors = [m for m in result["messages"] if m.get("type") == "error"]
        if errors or result["ids"] is False:
            raise SystemExit(f"Odoo's import failed: {errors[:3]}")
        ids += len(result["ids"])
        env.invalidate_all()
        skip = result.get("nextrow") or 0
        # a file of exactly N batches ends with an empty call, as in the UI
        if not skip or not result["ids"]:
            return ids


def import_odoo(env, serials_importer, importer, batch):
    # first the serial numbers: Product -> Product, Serial Number ->
    # Lot/Serial Number
    button_import(
        env,
        serials_importer,
        ["Product", "Serial Number"],
        ["product_id", "name"],
        batch,
    )
    # then the registrations: the customer by name, created when not found
    # (the column's "Create if it does not exist"), the product by its
    # reference, the serial number by name
    return button_import(
        env,
        importer,
        HEADER,
        [
            "partner_id",
            "partner_phone",
            "product_id",
            "lot_id",
            "purchase_date",
            "proof_reference",
            "sales_channel",
        ],
        batch,
        name_create_enabled_fields={"partner_id": True},
    )


def run(env, task, path, batch):
    env = env(user=env.ref("base.user_admin").id)
    make_product(env, TRACKED, "serial", 12)
    make_product(env, UNTRACKED, "none", 3)
    with open(path, "rb") as handle:
        data = handle.read()
    size = len(data)
    before = counts(env)
    if task == "wizard":
        wizard = upload_wizard(env, data)
    else:
        with open(serials_path(path), "rb") as handle:
            serials = handle.read()
        size += len(serials)
        uploads = (
            upload_odoo(env, "stock.lot", serials),
            upload_odoo(env, "aftersales.warranty.registration", data),
        )
        del serials
    del data
    env.invalidate_all()
    # measured from here: the click on Import; the upload is done
    rss_start, _peak = rss_mb()
    reset_peak()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    if task == "wizard":
        imported = import_wizard(env, wizard)
    else:
        imported = import_odoo(env, *uploads, batch)
    env.flush_all()
    elapsed = time.perf_counter() - start
    _rss, peak = rss_mb()
    queries = env.cr.sql_log_count - queries
    after = counts(env)
    return {
        "side": task,
        "rows": imported,
        "file_bytes": size,
        "seconds": elapsed,
        "rows_per_second": imported / elapsed,
        "queries": queries,
        "rss_start_mb": rss_start,
        "peak_rss_mb": peak,
        "created": {key: after[key] - before[key] for key in after},
    }


def main():
    split = sys.argv.index("--")
    odoo_args, task_args = sys.argv[1:split], sys.argv[split + 1 :]

    def option(name, default):
        if name in task_args:
            return task_args[task_args.index(name) + 1]
        return default

    task, path = task_args[0], option("--file", None)
    if task == "make-file":
        result = make_file(int(option("--rows", 50000)), path)
        print("RESULT " + json.dumps(result))
        return
    if task not in ("wizard", "odoo"):
        raise SystemExit(f"unknown task {task}")
    odoo.tools.config.parse_config(odoo_args)
    registry = odoo.modules.registry.Registry(odoo.tools.config["db_name"])
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        # a Chinese service centre: phone numbers without prefix are Chinese
        env.ref("base.main_company").country_id = env.ref("base.cn")
        result = run(env, task, path, int(option("--batch", 2000)))
        cr.rollback()
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
