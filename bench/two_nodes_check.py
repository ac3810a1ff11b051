#!/usr/bin/env python3
# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two Odoo nodes behind nginx: whichever node answers, the user's session,
his attachments, the bus and the scheduled actions work (docs/scaling.md,
"Several Odoo nodes").

bench/scaling.py starts a PostgreSQL primary of its own, two Odoo nodes
(``--workers 2`` each, one cron worker each) on the same database and the
same data directory, and nginx in front of them (bench/nginx-scaling.conf).
Then:

1. session: log in on node 1; node 2 knows the session (the session files are
   in the shared data directory);
2. attachment: uploaded through node 1, downloaded through node 2, the same
   bytes (the filestore is shared);
3. bus: a WebSocket opened on node 2 (and one through nginx) receives a
   notification sent by a request served by node 1 (PostgreSQL ``NOTIFY``
   reaches the bus process of every node);
4. cron: a scheduled action made due runs exactly once, on one of the nodes
   (each node runs a cron worker; Odoo takes a job with ``FOR NO KEY UPDATE
   SKIP LOCKED``);
5. through nginx: requests go to both nodes and the session holds.

Everything listens on 127.0.0.1 and stops at the end. Run it with the python
of an Odoo 18.0::

    $ODOO_PYTHON bench/two_nodes_check.py
"""

import argparse
import base64
import json
import os
import re
import sys
import time

import websocket
from scaling import Topology, stop_on_sigterm
from web_session import WebSession

CRON = "aftersales_warranty.ir_cron_release_part_reservations"


def check(results, name, ok, detail):
    results.append((name, ok, detail))
    print(f"{'ok ' if ok else 'FAIL'} {name}: {detail}", flush=True)


def same_session(url, database, session_id):
    other = WebSession(url, database)
    other.http.cookies.set("session_id", session_id)
    return other


def open_bus(url, session_id):
    """A WebSocket on the bus of ``url`` (ws://), subscribed as the session's
    user (his partner's channel is among his own)."""
    ws = websocket.create_connection(
        f"{url}/websocket?version=18.0-1",
        cookie=f"session_id={session_id}",
        timeout=5,
    )
    ws.send(
        json.dumps({"event_name": "subscribe", "data": {"channels": [], "last": 0}})
    )
    return ws


def wait_bus(ws, marker, timeout=30):
    """Whether the user's settings notification carrying ``marker`` arrives
    within ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            message = ws.recv()
        except websocket.WebSocketTimeoutException:
            continue
        for notification in json.loads(message or "[]"):
            body = notification.get("message") or {}
            if (
                body.get("type") == "res.users.settings"
                and body.get("payload", {}).get("voice_active_duration") == marker
            ):
                return True
    return False


def run(top, args):
    results = []
    db = top.database
    node1, node2 = top.nodes

    # 1. the session
    one = WebSession(node1.url, db)
    one.authenticate("admin", args.password)
    two = same_session(node2.url, db, one.session_id)
    info = two.json("/web/session/get_session_info")
    check(
        results,
        "a session opened on node 1 is known to node 2",
        info.get("uid") == one.uid,
        f"uid {info.get('uid')} on node 2",
    )

    # 2. an attachment
    content = os.urandom(64 * 1024)
    attachment = one.call(
        "ir.attachment",
        "create",
        {
            "name": "two-nodes.bin",
            "datas": base64.b64encode(content).decode(),
            "res_model": "res.partner",
            "res_id": 1,
        },
    )
    download = two.http.get(
        f"{node2.url}/web/content/{attachment}?download=true", timeout=60
    )
    check(
        results,
        "uploaded through node 1, downloaded through node 2",
        download.status_code == 200 and download.content == content,
        f"HTTP {download.status_code}, {len(download.content)} bytes, "
        f"same bytes: {download.content == content}",
    )

    # 3. the bus, across nodes (node 2 directly, and through nginx)
    ws_node2 = open_bus(f"ws://127.0.0.1:{node2.gevent_port}", one.session_id)
    ws_nginx = open_bus(top.url.replace("http://", "ws://"), one.session_id)
    time.sleep(1)  # the subscriptions are made
    marker = 1000 + int(time.time()) % 50000
    settings = one.call("res.users.settings", "search", [("user_id", "=", one.uid)])
    one.call(
        "res.users.settings",
        "set_res_users_settings",
        settings,
        {"voice_active_duration": marker},
    )
    got_node2 = wait_bus(ws_node2, marker)
    got_nginx = wait_bus(ws_nginx, marker)
    ws_node2.close()
    ws_nginx.close()
    check(
        results,
        "a notification sent on node 1 reaches the bus of node 2",
        got_node2,
        f"received: {got_node2}",
    )
    check(
        results,
        "and a WebSocket opened through nginx",
        got_nginx,
        f"received: {got_nginx}",
    )

    # 4. a scheduled action, due now, runs once
    module, name = CRON.split(".")
    cron_id = one.call(
        "ir.model.data",
        "search_read",
        [("module", "=", module), ("name", "=", name)],
        ["res_id"],
    )[0]["res_id"]
    before = one.call("ir.cron", "read", [cron_id], ["lastcall", "name"])[0]
    offsets = [node.log.stat().st_size for node in top.nodes]
    one.call(
        "ir.cron",
        "write",
        [cron_id],
        {"nextcall": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())},
    )
    deadline = time.monotonic() + args.cron_wait
    lastcall = before["lastcall"]
    while time.monotonic() < deadline and lastcall == before["lastcall"]:
        time.sleep(2)
        lastcall = one.call("ir.cron", "read", [cron_id], ["lastcall"])[0]["lastcall"]
    time.sleep(3)  # the other node's cron worker wakes up too
    pattern = re.compile(rf"Job .* \({cron_id}\) starting")
    runs = []
    for node, offset in zip(top.nodes, offsets, strict=True):
        with open(node.log, encoding="utf-8", errors="replace") as log:
            log.seek(offset)
            runs += [node.index for line in log if pattern.search(line)]
    check(
        results,
        "a due scheduled action ran exactly once",
        lastcall != before["lastcall"] and len(runs) == 1,
        f"{before['name']!r}: ran on node(s) {runs}, last run {lastcall}",
    )

    # 5. through nginx: both nodes answer, one session
    via = same_session(top.url, db, one.session_id)
    access = top.nginx.access_log
    offset = access.stat().st_size
    uids = {via.json("/web/session/get_session_info").get("uid") for _i in range(8)}
    partners = via.call("res.partner", "search_count", [])
    served = set(re.findall(r"node=127\.0\.0\.1:(\d+)", access.read_text()[offset:]))
    ports = {str(node.port) for node in top.nodes}
    check(
        results,
        "through nginx, both nodes answer with the same session",
        uids == {one.uid} and served == ports and partners > 0,
        f"uids {sorted(uids)}, nodes (ports) that answered {sorted(served)}",
    )

    # a node stops: the other one serves the same session through nginx
    top.stop_node(2)
    uids = {via.json("/web/session/get_session_info").get("uid") for _i in range(4)}
    top.start_node(2)
    check(
        results,
        "with node 2 stopped, nginx sends everything to node 1",
        uids == {one.uid},
        f"uids {sorted(uids)}",
    )
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--password", default="admin")
    parser.add_argument(
        "--cron-wait",
        type=int,
        default=150,
        help="seconds to wait for the cron workers (they "
        "look for due jobs every 60 s or so)",
    )
    parser.add_argument("--dir", help="bench/scaling.py's directory")
    parser.add_argument("--database", default="aftersales_scaling")
    args = parser.parse_args()
    stop_on_sigterm()
    options = {"base_dir": args.dir} if args.dir else {}
    with Topology(
        nodes=2, workers=2, cron="all", database=args.database, **options
    ) as top:
        results = run(top, args)
    failed = [name for name, ok, _detail in results if not ok]
    print(f"\n{len(results) - len(failed)} of {len(results)} checks passed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
