# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fill and measure inside Odoo, run by ``bench/bench_kpi.py``.

``python kpi_worker.py <odoo options> -- fill --requests N --engineers E``
fills the database in SQL and commits; ``-- kpis [--no-indexes]``, ``-- run``
and ``-- calls --lines N`` measure one month and roll back. Each prints one
JSON line.
"""

import base64
import json
import statistics
import sys
import time
from datetime import date, timedelta

import psycopg2

import odoo
from odoo import api
from odoo.tools import SQL

MONTHS = 24
#: the month measured: the last of the 24 months filled
MONTH = date(2026, 10, 1)
START = "2024-11-01"
TEAMS = 20
PARTNERS = 20000
PRODUCTS = 50


def arg(args, name, default):
    return int(args[args.index(name) + 1]) if name in args else default


def fill(env, requests, engineers):
    """Teams, engineers, customers and products through SQL or the ORM in
    batches; requests and their clocks, dispatch orders, visits, surveys and
    complaints in SQL (``INSERT ... SELECT ... generate_series``)."""
    cr = env.cr
    started = time.time()
    company = env.company
    company.aftersales_repeat_repair_days = 30
    teams = env["helpdesk.ticket.team"].create(
        [{"name": f"Bench team {i}"} for i in range(TEAMS)]
    )
    employees = env["hr.employee"].create(
        [{"name": f"Bench engineer {i}"} for i in range(engineers)]
    )
    env["aftersales.engineer"].create(
        [{"employee_id": e.id, "level": "senior"} for e in employees]
    )
    category = env["product.category"].create({"name": "Bench appliances"})
    products = env["product.product"].create(
        [
            {"name": f"Bench product {i}", "type": "consu", "categ_id": category.id}
            for i in range(PRODUCTS)
        ]
    )
    cr.execute(
        SQL(
            """
            INSERT INTO res_partner (name, active, type, autopost_bills,
                                     create_date, write_date)
            SELECT 'Bench customer ' || g, TRUE, 'contact', 'ask', now(), now()
              FROM generate_series(1, %s) g
            """,
            PARTNERS,
        )
    )
    # each customer is his own commercial entity, as the ORM would store
    cr.execute(
        "UPDATE res_partner SET commercial_partner_id = id"
        " WHERE name LIKE 'Bench customer %' AND commercial_partner_id IS NULL"
    )
    env.flush_all()
    setup = time.time() - started
    clock = {
        code: env.ref(f"aftersales_sop.aftersales_clock_{code}").id
        for code in ("reply", "resolution", "onsite")
    }
    params = {
        "requests": requests,
        "company": company.id,
        "start": START,
        "months": MONTHS,
        "products": products.ids,
        "categ": category.id,
        "teams": teams.ids,
        "resolution": clock["resolution"],
        "reply": clock["reply"],
        "onsite": clock["onsite"],
        "engineers_like": "Bench engineer %",
        "requests_like": "Bench request %",
        "orders_like": "BENCH-%",
        "partners": PARTNERS,
    }
    steps = {}
    for name, query in QUERIES:
        step = time.time()
        cr.execute(SQL(query, **params))
        steps[name] = (cr.rowcount, round(time.time() - step, 1))
    # the facts the figures read from each request and order, stored as the
    # addon's install stores them over existing records
    from odoo.addons.aftersales_kpi.models import (
        aftersales_dispatch_order_kpi_facts as order_facts,
    )
    from odoo.addons.aftersales_kpi.models import (
        helpdesk_ticket_kpi_facts as ticket_facts,
    )

    step = time.time()
    ticket_facts.fill_facts(cr)
    order_facts.fill_facts(cr)
    steps["stored facts"] = (0, round(time.time() - step, 1))
    step = time.time()
    cr.execute("ANALYZE")
    steps["analyze"] = (0, round(time.time() - step, 1))
    cr.commit()
    return {
        "requests": requests,
        "engineers": engineers,
        "setup_seconds": round(setup, 1),
        "steps": steps,
        "seconds": round(time.time() - started, 1),
    }


#: one request every (24 months / N); 60 % repair requests (B), 95 % answered
#: within 30 s, 85 % of the repairs completed within 4 days and closed a day
#: later, one engineer and team per request in turn, one customer in 20,000
#: (a customer calls again about every two weeks: some requests are repeats)
QUERIES = [
    (
        "requests",
        """
        WITH e AS (SELECT array_agg(id ORDER BY id) AS ids FROM aftersales_engineer
                    WHERE name LIKE %(engineers_like)s)
        INSERT INTO helpdesk_ticket (name, description, company_id, team_id,
            engineer_id, partner_id, commercial_partner_id, product_id,
            product_categ_id, inquiry_class, fault_type, request_date,
            first_response_date, response_seconds, responded_in_time,
            repair_done_date, closed_date, create_date, write_date)
        SELECT 'Bench request ' || g, '', %(company)s,
               (%(teams)s::int[])[1 + mod(g, array_length(%(teams)s::int[], 1))],
               e.ids[1 + mod(g, array_length(e.ids, 1))],
               p.first + mod(g, %(partners)s), p.first + mod(g, %(partners)s),
               (%(products)s::int[])[1 + mod(g, array_length(%(products)s::int[], 1))],
               %(categ)s,
               CASE WHEN mod(g, 10) < 6 THEN 'b' ELSE 'a' END,
               CASE WHEN mod(g, 10) < 6 THEN 'hardware' END,
               d.at,
               d.at + (CASE WHEN mod(g, 20) = 0 THEN 45 ELSE 12 END)
                   * INTERVAL '1 second',
               CASE WHEN mod(g, 20) = 0 THEN 45 ELSE 12 END, mod(g, 20) != 0,
               CASE WHEN mod(g, 10) < 6 AND mod(g, 7) != 0
                    THEN d.at + (1 + mod(g, 96)) * INTERVAL '1 hour' END,
               CASE WHEN mod(g, 10) < 6 AND mod(g, 7) != 0
                    THEN d.at + (25 + mod(g, 96)) * INTERVAL '1 hour' END,
               d.at, d.at
          FROM generate_series(1, %(requests)s) g
         CROSS JOIN e
         CROSS JOIN (SELECT max(id) - %(partners)s AS first FROM res_partner) p
         CROSS JOIN LATERAL (SELECT %(start)s::timestamp
               + (g::float / %(requests)s)
                 * (%(months)s * INTERVAL '30.4 days') AS at) d
        """,
    ),
    (
        "clocks",
        """
        INSERT INTO aftersales_clock_run (ticket_id, clock_id, code, res_model,
            company_id, team_id, start_date, stop_date, deadline, state)
        SELECT t.id, c.clock_id, c.code, 'helpdesk.ticket', t.company_id,
               t.team_id, t.request_date, c.stop, t.request_date + c.limit_,
               CASE WHEN c.stop IS NULL THEN 'running'
                    WHEN c.stop <= t.request_date + c.limit_ THEN 'met'
                    ELSE 'breached' END
          FROM helpdesk_ticket t
         CROSS JOIN LATERAL (VALUES
               (%(reply)s, 'reply', t.first_response_date, INTERVAL '24 hours'),
               (%(resolution)s, 'resolution',
                CASE WHEN t.inquiry_class = 'b' THEN t.closed_date END,
                INTERVAL '30 days')) AS c(clock_id, code, stop, limit_)
         WHERE t.name LIKE %(requests_like)s
           AND (c.code = 'reply' OR t.inquiry_class = 'b')
        """,
    ),
    (
        "dispatch orders",
        """
        INSERT INTO aftersales_dispatch_order (name, ticket_id, company_id, team_id,
            engineer_id, state, dispatch_date, checkin_date, done_date)
        SELECT 'BENCH-' || t.id, t.id, t.company_id, t.team_id, t.engineer_id,
               CASE WHEN t.repair_done_date IS NULL THEN 'on_site' ELSE 'done' END,
               t.request_date + INTERVAL '30 minutes',
               t.request_date + INTERVAL '30 minutes'
                   + (1 + mod(t.id, 8)) * INTERVAL '1 hour',
               t.repair_done_date
          FROM helpdesk_ticket t
         WHERE t.name LIKE %(requests_like)s AND t.inquiry_class = 'b'
        """,
    ),
    (
        "on-site clocks",
        """
        INSERT INTO aftersales_clock_run (ticket_id, dispatch_order_id, clock_id,
            code, res_model, company_id, team_id, start_date, stop_date, deadline,
            state)
        SELECT o.ticket_id, o.id, %(onsite)s, 'onsite', 'helpdesk.ticket',
               o.company_id, o.team_id, o.dispatch_date, o.checkin_date,
               o.dispatch_date + INTERVAL '4 hours',
               CASE WHEN o.checkin_date IS NULL THEN 'running'
                    WHEN o.checkin_date <= o.dispatch_date + INTERVAL '4 hours'
                    THEN 'met' ELSE 'breached' END
          FROM aftersales_dispatch_order o
         WHERE o.name LIKE %(orders_like)s
        """,
    ),
    (
        "visits",
        """
        INSERT INTO aftersales_visit (name, dispatch_order_id, ticket_id, company_id,
            team_id, engineer_id, state, acceptance_state, is_first, planned_date,
            checkin_date, checkout_date, result, work_hours)
        SELECT 'BENCH-V-' || o.id, o.id, o.ticket_id, o.company_id, o.team_id,
               o.engineer_id, 'done', 'accepted', TRUE, o.dispatch_date,
               o.checkin_date, o.checkin_date + INTERVAL '2 hours',
               CASE WHEN mod(o.id, 5) = 0 THEN 'next_visit' ELSE 'fixed' END, 2.0
          FROM aftersales_dispatch_order o
         WHERE o.name LIKE %(orders_like)s
        """,
    ),
    (
        "surveys",
        """
        INSERT INTO aftersales_survey (ticket_id, company_id, team_id, partner_id,
            engineer_id, method, state, answer_date, overall_score, overall_value)
        SELECT t.id, t.company_id, t.team_id, t.partner_id, t.engineer_id, 'phone',
               'done', t.request_date + INTERVAL '3 days',
               (6 + mod(t.id, 5))::text, 6 + mod(t.id, 5)
          FROM helpdesk_ticket t
         WHERE t.name LIKE %(requests_like)s AND mod(t.id, 10) < 3
        """,
    ),
    (
        "complaints",
        """
        INSERT INTO aftersales_complaint (name, company_id, team_id, ticket_id,
            partner_id, engineer_id, channel, category, state, reason,
            received_date, clocks_all_met)
        SELECT 'BENCH-C-' || t.id, t.company_id, t.team_id, t.id, t.partner_id,
               t.engineer_id, 'phone', 'service', 'closed', 'Bench',
               t.request_date + INTERVAL '2 days', mod(t.id, 4) != 0
          FROM helpdesk_ticket t
         WHERE t.name LIKE %(requests_like)s AND mod(t.id, 50) = 0
        """,
    ),
]


def measure_kpis(env, repeat, indexes, timeout):
    """The month's figures for the company, its teams and 500 engineers;
    without the KPI indexes (dropped in this transaction, rolled back), each
    call is given up after ``timeout`` seconds."""
    if not indexes:
        from odoo.addons.aftersales_kpi.models.aftersales_kpi_indexes import (
            KPI_INDEXES,
        )

        for _table, name, _columns, _where in KPI_INDEXES:
            env.cr.execute(SQL("DROP INDEX IF EXISTS %s", SQL.identifier(name)))
        env.cr.execute(SQL("SET LOCAL statement_timeout = %s", timeout * 1000))
    Figures = env["aftersales.kpi.figures"]
    times = []
    totals = {}
    for _ in range(repeat):
        started = time.perf_counter()
        env.cr.execute("SAVEPOINT kpis")
        try:
            totals = Figures._aftersales_totals(env.company, MONTH)
        except psycopg2.errors.QueryCanceled:
            env.cr.execute("ROLLBACK TO SAVEPOINT kpis")
            times.append(None)
            break
        times.append(time.perf_counter() - started)
    done = [t for t in times if t is not None]
    engineers = sum(1 for scope, _id in totals if scope == "engineer")
    return {
        "seconds": times,
        "median": statistics.median(done) if done else None,
        "timed_out": len(done) < len(times),
        "engineers": engineers,
        "requests": totals.get(("company", 0), {}).get("response_compliance", (0, 0))[
            1
        ],
        "repeats": totals.get(("company", 0), {}).get("repeat_rate", (0, 0))[0],
    }


def measure_run(env):
    """The month's assessments made, then made again (the recompute)."""
    Assessment = env["aftersales.kpi.assessment"]
    started = time.perf_counter()
    made = Assessment._aftersales_run(env.company, MONTH)
    env.flush_all()
    first = time.perf_counter() - started
    started = time.perf_counter()
    again = Assessment._aftersales_run(env.company, MONTH)
    env.flush_all()
    second = time.perf_counter() - started
    return {
        "first": first,
        "again": second,
        "assessments": len(made),
        "same": set(made.ids) == set(again.ids),
        "lines": len(made.line_ids),
    }


def measure_calls(env, lines):
    """Import and match a call log of ``lines`` calls of the month (a CSV as
    the telephony exports it): half of them the calls the month's requests
    were created from (their customers' phones are set first, not timed),
    the others answered calls without a request and calls nobody answered."""
    cr = env.cr
    company = env.company
    Figures = env["aftersales.kpi.figures"]
    start, end = Figures._aftersales_month_range(company, MONTH)
    # the month's requests get their customers' phones, the admin logged them
    cr.execute(
        SQL(
            """
            UPDATE helpdesk_ticket
               SET partner_phone = '+86139' || lpad(id::text, 8, '0'),
                   create_uid = %s
             WHERE company_id = %s AND request_date >= %s AND request_date < %s
            """,
            env.ref("base.user_admin").id,
            company.id,
            start,
            end,
        )
    )
    cr.execute(
        SQL(
            """
            SELECT partner_phone, request_date FROM helpdesk_ticket
             WHERE company_id = %s AND request_date >= %s AND request_date < %s
             ORDER BY id LIMIT %s
            """,
            company.id,
            start,
            end,
            lines // 2,
        )
    )
    requests = cr.fetchall()
    env.invalidate_all()
    tz = Figures._aftersales_company_tz(company)
    import pytz

    zone = pytz.timezone(tz)

    def local(moment):
        shown = pytz.utc.localize(moment).astimezone(zone)
        return shown.strftime("%Y-%m-%d %H:%M:%S")

    rows = ["主叫号码,呼入时间,接听时间,坐席,通话时长"]
    for index, (phone, received) in enumerate(requests):
        call = received - timedelta(seconds=40)
        answered = call + timedelta(seconds=5 + index % 50)
        rows.append(f"{phone},{local(call)},{local(answered)},admin,{60 + index % 300}")
    others = lines - len(requests)
    for index in range(others):
        call = start + (end - start) * index / max(others, 1)
        phone = f"+86150{index:08d}"
        if index % 2:
            rows.append(f"{phone},{local(call)},,,0")
        else:
            answered = call + timedelta(seconds=12)
            rows.append(f"{phone},{local(call)},{local(answered)},admin,90")
    data = "\n".join(rows).encode("utf-8")
    wizard = env["aftersales.call.import"].create(
        {"file": base64.b64encode(data), "filename": "calls.csv"}
    )
    env.flush_all()
    started = time.perf_counter()
    check, _ready = wizard._check_file()
    checked = time.perf_counter() - started
    started = time.perf_counter()
    wizard._run(create=True)
    env.flush_all()
    imported = time.perf_counter() - started
    calls = env["aftersales.call"]
    return {
        "lines": lines,
        "check_seconds": checked,
        "import_seconds": imported,
        "calls": calls.search_count([]),
        "matched": calls.search_count([("state", "=", "matched")]),
        "no_request": calls.search_count([("state", "=", "no_request")]),
        "unanswered": calls.search_count([("state", "=", "unanswered")]),
        "problems": len(check.problems) + len(check.file_problems),
        "error": wizard.file_error or None,
        "bytes": len(data),
    }


def main():
    split = sys.argv.index("--")
    odoo_args, task_args = sys.argv[1:split], sys.argv[split + 1 :]
    odoo.tools.config.parse_config(odoo_args)
    registry = odoo.modules.registry.Registry(odoo.tools.config["db_name"])
    task = task_args[0]
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        if task == "fill":
            result = fill(
                env,
                arg(task_args, "--requests", 1000000),
                arg(task_args, "--engineers", 500),
            )
        elif task == "kpis":
            result = measure_kpis(
                env,
                arg(task_args, "--repeat", 3),
                "--no-indexes" not in task_args,
                arg(task_args, "--timeout", 60),
            )
        elif task == "run":
            result = measure_run(env)
        elif task == "calls":
            result = measure_calls(env, arg(task_args, "--lines", 100000))
        else:
            raise SystemExit(f"unknown task {task}")
        cr.rollback()
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
