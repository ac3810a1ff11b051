#!/usr/bin/env python3
# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The KPI analyses read on a hot standby, the writes on the primary
(docs/scaling.md, "Read-only work on a replica").

bench/scaling.py starts a PostgreSQL primary of its own, a hot standby
streaming from it (``pg_basebackup -R``), and one Odoo node (``--workers 2``)
with ``db_replica_host``/``db_replica_port`` pointing at the standby. Then, as
the web client would, logged in as the administrator:

1. the KPI Dashboard's analyses (``read_group``, ``web_read_group``,
   ``web_search_read`` of each, the calls of the pivot, graph and list
   views): their SQL runs on the standby, none on the primary
   (``pg_stat_statements`` of each server, and each server's statement log);
2. a new request (``helpdesk.ticket`` ``web_save``): its INSERT runs on the
   primary only;
3. read right after write, ``--rounds`` times: a request is created (primary),
   and at once searched for by a read-only call (standby). Odoo promises
   nothing across two requests; the standby is synchronous here
   (``synchronous_commit = remote_apply``: a commit returns once the standby
   has applied it), so every read finds it. ``--asynchronous`` shows what an
   asynchronous standby does;
4. what Odoo promises within a request: a read-only request that writes is
   rolled back and run again on the primary. ``/web/session/get_session_info``
   is read-only in Odoo and creates the user's settings when they are
   missing: it is served once on the standby, fails there, and again on the
   primary (the node's log says ``ro->rw``).

Everything listens on 127.0.0.1 and stops at the end. Run it with the python
of an Odoo 18.0::

    $ODOO_PYTHON bench/replica_check.py [--rounds 20] [--asynchronous]
"""

import argparse
import re
import sys
import time

from day_mix import ANALYSES
from scaling import Topology, stop_on_sigterm
from web_session import WebSession


def calls(cluster, database, pattern):
    """Statements ``pg_stat_statements`` saw on ``cluster`` matching ``pattern``."""
    rows = cluster.sql(
        "select coalesce(sum(calls), 0) from pg_stat_statements "
        f"where query ilike '%{pattern}%' and query not ilike '%pg_stat_statements%'",
        database,
    )
    return int(rows[0])


def reset(top, database):
    for cluster in (top.primary, top.standby):
        cluster.sql("select pg_stat_statements_reset()", database)


def log_since(path, offset):
    with open(path, encoding="utf-8", errors="replace") as log:
        log.seek(offset)
        return log.read()


def odoo_statements(path, offset, pattern):
    """Statements of Odoo's connections (application ``odoo-<pid>``, the
    servers' log_line_prefix names it) in a server's log since ``offset``."""
    # an entry begins with its time; a statement goes on over the next lines
    entries = re.split(r"\n(?=\d{4}-\d\d-\d\d )", log_since(path, offset))
    return [
        entry
        for entry in entries
        if re.search(r"\] odoo-\d+ .*statement: ", entry) and pattern in entry
    ]


def modes(node_log, offset, path):
    """The cursor modes (``ro``, ``rw``, ``ro->rw``) of the requests to
    ``path`` in the node's log since ``offset``."""
    return [
        line.rsplit(" ", 1)[-1]
        for line in log_since(node_log, offset).splitlines()
        if f"POST {path}" in line and "werkzeug" in line
    ]


def check(results, name, ok, detail):
    results.append((name, ok, detail))
    print(f"{'ok ' if ok else 'FAIL'} {name}: {detail}", flush=True)


def measure_fields(session):
    """The count measure of each analysis (the field may be named otherwise)."""
    measures = {}
    for model, preferred in ANALYSES.items():
        fields = session.call(model, "fields_get", attributes=["type", "store"])
        if preferred in fields:
            measures[model] = preferred
        else:
            measures[model] = next(
                name
                for name, field in fields.items()
                if field["type"] == "integer" and name != "id"
            )
    return measures


def run(top, args):
    results = []
    db = top.database
    node = top.nodes[0]
    session = WebSession(node.url, db)
    session.authenticate("admin", args.password)
    measures = measure_fields(session)
    company = session.call("res.users", "read", [session.uid], ["company_id"])[0]
    domain = [("company_id", "=", company["company_id"][0])]

    # 1. the analyses, on the standby
    reset(top, db)
    offsets = {c: c.log.stat().st_size for c in (top.primary, top.standby)}
    node_offset = node.log.stat().st_size
    for model, measure in measures.items():
        session.call(
            model, "read_group", domain, [f"{measure}:sum"], ["company_id"], lazy=False
        )
        session.call(
            model, "web_read_group", domain, [f"{measure}:sum"], ["company_id"]
        )
        session.call(model, "web_search_read", domain, {measure: {}}, limit=80)
    time.sleep(0.5)  # the logs of the last statements
    tables = [model.replace(".", "_") for model in ANALYSES]
    on_standby = {t: calls(top.standby, db, t) for t in tables}
    on_primary = {t: calls(top.primary, db, t) for t in tables}
    check(
        results,
        "the analyses' queries ran on the standby",
        all(on_standby.values()),
        f"pg_stat_statements calls {on_standby}",
    )
    check(
        results,
        "none of them on the primary",
        not any(on_primary.values()),
        f"pg_stat_statements calls {on_primary}",
    )
    on_standby = odoo_statements(
        top.standby.log, offsets[top.standby], "aftersales_kpi_"
    )
    on_primary = odoo_statements(
        top.primary.log, offsets[top.primary], "aftersales_kpi_"
    )
    check(
        results,
        "the standby's log has Odoo's statements on the analyses",
        any("aftersales_kpi_request_report" in line for line in on_standby),
        f"{len(on_standby)} statements on aftersales_kpi_* views",
    )
    check(
        results,
        "the primary's log has none",
        not on_primary,
        f"{len(on_primary)} statements on aftersales_kpi_* views",
    )
    served = modes(node.log, node_offset, "/web/dataset/call_kw/aftersales.kpi")
    check(
        results,
        "Odoo served them on read-only cursors",
        bool(served) and set(served) == {"ro"},
        f"cursor modes {sorted(set(served))} of {len(served)} requests",
    )

    # 2. a write, on the primary
    reset(top, db)
    node_offset = node.log.stat().st_size
    session.call(
        "helpdesk.ticket",
        "web_save",
        [],
        {"name": "Replica check", "description": "<p>written on the primary</p>"},
        specification={"number": {}},
    )[0]
    inserts = {
        c.name: calls(c, db, 'insert into "helpdesk_ticket"')
        for c in (top.primary, top.standby)
    }
    check(
        results,
        "the new request was written on the primary",
        inserts["primary"] >= 1 and inserts["standby"] == 0,
        f"INSERT calls {inserts}",
    )
    served = modes(
        node.log, node_offset, "/web/dataset/call_kw/helpdesk.ticket/web_save"
    )
    check(results, "on a read/write cursor", served == ["rw"], f"cursor modes {served}")

    # 3. read right after write
    found, lags = 0, []
    for number in range(args.rounds):
        new = session.call("res.partner", "create", {"name": f"Replica check {number}"})
        rows = session.call(
            "res.partner", "web_search_read", [("id", "=", new)], {"name": {}}
        )
        found += rows["length"] == 1
        lag = top.primary.sql(
            "select coalesce(extract(epoch from replay_lag) * 1000, 0) "
            "from pg_stat_replication"
        )
        lags.append(float(lag[0]) if lag else 0.0)
    mode = "asynchronous" if args.asynchronous else "synchronous (remote_apply)"
    check(
        results,
        f"read right after write, {mode} standby",
        found == args.rounds or args.asynchronous,
        f"{found} of {args.rounds} reads on the standby found the record just "
        f"written; replay lag max {max(lags):.1f} ms",
    )

    # 4. a read-only request that writes: rolled back, run again on the primary
    user = session.call(
        "res.users",
        "create",
        {
            "name": "Replica check user",
            "login": f"replica-check-{time.time_ns()}",
            "password": "replica-check-pw",
        },
    )
    login = session.call("res.users", "read", [user], ["login"])[0]["login"]
    other = WebSession(node.url, db)
    other.authenticate(login, "replica-check-pw")
    settings = session.call("res.users.settings", "search", [("user_id", "=", user)])
    session.call("res.users.settings", "unlink", settings)
    node_offset = node.log.stat().st_size
    info = other.json("/web/session/get_session_info")
    served = modes(node.log, node_offset, "/web/session/get_session_info")
    again = session.call("res.users.settings", "search", [("user_id", "=", user)])
    retried = "retrying with a read/write cursor" in log_since(node.log, node_offset)
    check(
        results,
        "a read-only request that writes runs again on the primary",
        served == ["ro->rw"] and retried and bool(again) and info.get("uid") == user,
        f"cursor modes {served}, the user's settings made again: {bool(again)}",
    )
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--asynchronous", action="store_true")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--dir", help="bench/scaling.py's directory")
    parser.add_argument("--database", default="aftersales_scaling")
    args = parser.parse_args()
    stop_on_sigterm()
    options = {"base_dir": args.dir} if args.dir else {}
    top = Topology(
        nodes=1,
        replica=True,
        use_nginx=False,
        cron="none",
        synchronous=not args.asynchronous,
        database=args.database,
        log_statements=True,
        **options,
    )
    with top:
        results = run(top, args)
    failed = [name for name, ok, _detail in results if not ok]
    print(f"\n{len(results) - len(failed)} of {len(results)} checks passed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
