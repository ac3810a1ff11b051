# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Locust users of a department's day (bench/locust_day.py starts Locust
on this file; it does not run alone). Each simulated user logs in as a real
user of his role (``/web/session/authenticate``) and works through JSON-RPC
as the web client does (``/web/dataset/call_kw``, ``call_button``); a
customer answers his survey on its public page. The agents, dispatchers and
engineers are here; the warehouse, HR and the customers in
``day_roles_support.py``; what they all share in ``day_user.py``.

One measured action may take several calls (checking out: the ID shown, the
plan, the work started, the signature, the joint test, the check-out): Locust
gets one sample per action, its time the sum, failed when a call failed. A
JSON-RPC error whose exception is not a business one (UserError,
ValidationError, AccessError, MissingError, RedirectWarning) or an HTTP
status of 500 and up is a server error, counted apart. An action with nothing
to do (no request to dispatch yet) is not sampled.

The run's settings come from the environment: I18B_DAY_SETTINGS, a JSON file
written by bench/locust_day.py (the database, the users of each role and
their passwords, the seed's records, the run's tag, the profile ``suite`` or
``baseline``), and I18B_DAY_JOURNAL, where each user appends the references
of the requests he created and the answer he got.
"""

# isort: off
# Locust first: it patches the standard library for gevent before requests
# imports it
import locust  # noqa: F401

# isort: on
import random
from datetime import datetime, timedelta, timezone

import requests
from day_mix import ROLES, reference
from day_roles_support import Customer, Hr, Warehouse
from day_user import (
    BASELINE,
    SETTINGS,
    SIGNATURE,
    BusinessError,
    DayUser,
    ServerError,
    now_utc,
)

# -- the agents ------------------------------------------------------------------------


class Agent(DayUser):
    role = "agent"

    def on_start(self):
        super().on_start()
        self.unclassified = []
        # the customers of the requests: those logged in by this run, who
        # answer their surveys
        customers = SETTINGS["counts"].get("customer", 0) or 1
        self.customers = self.seed["customer_partners"][:customers]

    def _new_request(self, ref, extra=None):
        values = {
            "name": f"[{ref}] The unit blows warm air",
            "description": f"<p>Logged by the load test ({ref}).</p>",
            "partner_id": random.choice(self.customers),
            "team_id": self.seed["team"],
            **(extra or {}),
        }
        try:
            ticket = self.rpc.call("helpdesk.ticket", "create", [values])[0]
        except (BusinessError, ServerError, requests.RequestException) as error:
            self.journal(ref, False, str(error))
            raise
        self.journal(ref, True)
        return ticket

    def do_request_create(self):
        ref = reference(SETTINGS["run"], self.tag, next(self.count))
        ticket = self.measure("request: create", lambda: self._new_request(ref))
        if ticket:
            self.unclassified.append(ticket)

    def do_request_classify(self):
        if not self.unclassified:
            return
        ticket = self.unclassified.pop(0)
        self.measure("request: classify", lambda: self._classify(ticket))

    def _classify(self, ticket):
        seed = self.seed
        if BASELINE:
            self.rpc.call(
                "helpdesk.ticket",
                "write",
                [ticket],
                {
                    "priority": random.choice(["0", "1", "2", "3"]),
                    "category_id": seed["category"],
                    "tag_ids": [(6, 0, [random.choice(seed["tags"])])],
                },
            )
            return True
        self.rpc.call(
            "helpdesk.ticket",
            "write",
            [ticket],
            {
                "inquiry_class": "b",
                "fault_type": "hardware",
                "partner_phone": f"137{random.randint(0, 99999999):08d}",
                "product_id": seed["product"],
                "lot_id": random.choice(seed["lots"]),
                "purchase_date": (
                    datetime.now(timezone.utc) - timedelta(days=60)
                ).strftime("%Y-%m-%d"),
                "proof_reference": "INV-LOAD",
                "requested_service_date": now_utc(24 * 60),
            },
        )
        self.rpc.call(
            "helpdesk.ticket", "action_warranty_confirm", [ticket], button=True
        )
        self.rpc.call(
            "aftersales.part.line",
            "create",
            [
                {
                    "ticket_id": ticket,
                    "product_id": random.choice(seed["parts"]),
                    "product_uom_qty": 1,
                }
            ],
        )
        return True

    def do_request_open_list(self):
        self.measure(
            "request: open list",
            lambda: self.rpc.call(
                "helpdesk.ticket",
                "web_search_read",
                [("team_id", "=", self.seed["team"])],
                {"name": {}, "stage_id": {"fields": {"display_name": {}}}},
                limit=80,
                order="id desc",
            ),
        )

    def do_consultation_answer(self):
        ref = reference(SETTINGS["run"], self.tag, next(self.count))

        def answer():
            ticket = self._new_request(ref, {"inquiry_class": "a"})
            self.rpc.call(
                "helpdesk.ticket",
                "write",
                [ticket],
                {"result_note": "Hold the reset button for five seconds."},
            )
            return self.rpc.call(
                "helpdesk.ticket", "action_question_answered", [ticket], button=True
            )

        self.measure("consultation: answer", answer)

    def do_survey_send_link(self):
        done = self.ids(
            "helpdesk.ticket",
            [
                ("team_id", "=", self.seed["team"]),
                ("repair_state", "=", "done"),
                ("survey_ids", "=", False),
            ],
            limit=1,
        )
        if done:
            self.measure(
                "survey: send link",
                lambda: self.rpc.call(
                    "helpdesk.ticket", "action_send_survey_link", done, button=True
                ),
            )


# -- the dispatchers -------------------------------------------------------------------


class Dispatcher(DayUser):
    role = "dispatcher"

    def do_dispatch(self):
        # the requests that wait for an engineer, shared out among the
        # dispatchers at work in this run (two never dispatch the same one;
        # sharing them among all the seeded dispatchers left the others'
        # share, the oldest requests, to nobody)
        index = SETTINGS["users"]["dispatcher"].index(self.login)
        count = SETTINGS["counts"]["dispatcher"]
        waiting = [
            row["id"]
            for row in self.rpc.call(
                "helpdesk.ticket",
                "search_read",
                [
                    ("team_id", "=", self.seed["team"]),
                    ("inquiry_class", "=", "b"),
                    ("warranty_decision", "!=", False),
                    ("dispatch_order_ids", "=", False),
                ],
                ["repair_missing_info"],
                limit=40,
                order="id",
            )
            # what cannot be dispatched yet waits for the agent
            if row["id"] % count == index % count and not row["repair_missing_info"]
        ]
        if not waiting:
            return
        ticket = waiting[0]
        wizard = self.measure(
            "dispatch: rank",
            lambda: self.rpc.call(
                "helpdesk.ticket.dispatch",
                "web_save",
                [],
                {"ticket_id": ticket},
                specification={
                    "engineer_id": {},
                    "candidate_ids": {
                        "fields": {"engineer_id": {}, "rank": {}, "eligible": {}}
                    },
                },
            ),
        )
        if not wizard:
            return
        wizard = wizard[0]
        # the best ranked engineer of those at work today (the simulated ones)
        on_duty = {
            self.seed["engineers"][login]
            for login in SETTINGS["users"]["engineer"][: SETTINGS["counts"]["engineer"]]
        }
        choice = next(
            (
                line["engineer_id"]
                for line in sorted(wizard["candidate_ids"], key=lambda l: l["rank"])
                if line["eligible"] and line["engineer_id"] in on_duty
            ),
            None,
        )
        if not choice:
            return
        # one appointment in four was agreed for half an hour ago: its engineer
        # arrives late (a late-arrival penalty is proposed)
        late = random.random() < 0.25
        values = {
            "engineer_id": choice,
            "appointment_date": now_utc(-30 if late else 240),
        }

        def confirm():
            self.rpc.call(
                "helpdesk.ticket.dispatch",
                "web_save",
                [wizard["id"]],
                values,
                specification={},
            )
            return self.rpc.call(
                "helpdesk.ticket.dispatch",
                "action_confirm",
                [wizard["id"]],
                button=True,
            )

        self.measure("dispatch: confirm", confirm)


# -- the engineers ---------------------------------------------------------------------


class Engineer(DayUser):
    role = "engineer"

    def _visits(self, state):
        return self.rpc.call(
            "aftersales.visit",
            "search_read",
            [("engineer_user_id", "=", self.rpc.uid), ("state", "=", state)],
            ["id", "ticket_id"],
            limit=1,
            order="id",
        )

    def do_jobs_open(self):
        self.measure(
            "jobs: open",
            lambda: self.rpc.call(
                "aftersales.dispatch.order",
                "web_search_read",
                [("engineer_user_id", "=", self.rpc.uid)],
                {
                    "name": {},
                    "state": {},
                    "ticket_id": {"fields": {"display_name": {}}},
                },
                limit=80,
            ),
        )

    def do_visit_next_step(self):
        on_site = self._visits("on_site")
        if on_site:
            visit = on_site[0]["id"]
            self.measure("visit: check out signed", lambda: self._check_out(visit))
            return
        planned = self._visits("planned")
        if planned:
            visit = planned[0]["id"]
            self.measure(
                "visit: check in",
                lambda: self.rpc.call(
                    "aftersales.visit", "action_check_in", [visit], button=True
                ),
            )

    def _check_out(self, visit):
        call = self.rpc.call
        [form] = call("aftersales.visit", "read", [visit], ["signed_date", "ticket_id"])
        # the customer agrees in person to the parts the engineer replaces;
        # without it the visit does not check out
        self._record_consent(form["ticket_id"][0])
        if not form["signed_date"]:
            # a visit signed on an earlier try (its check out refused) keeps
            # what the customer signed: it only checks out
            call("aftersales.visit", "action_show_id", [visit], button=True)
            call(
                "aftersales.visit", "write", [visit], {"plan_note": "Replace the fan."}
            )
            call("aftersales.visit", "action_start_work", [visit], button=True)
            call("aftersales.visit", "write", [visit], {"result": "fixed"})
            call("aftersales.visit", "action_joint_test_passed", [visit], button=True)
            call(
                "aftersales.visit",
                "write",
                [visit],
                {
                    "customer_signature": SIGNATURE,
                    "signed_by": "The customer",
                    "checklist_declined": True,
                },
            )
        return call("aftersales.visit", "action_check_out", [visit], button=True)

    def _record_consent(self, ticket):
        call = self.rpc.call
        lines = call(
            "aftersales.part.line",
            "search_read",
            [("ticket_id", "=", ticket)],
            ["aftersales_consent_pending"],
        )
        if any(line["aftersales_consent_pending"] for line in lines):
            wizard = call(
                "repair.order.part.consent",
                "create",
                [{"ticket_id": ticket, "how": "in_person"}],
            )
            call("repair.order.part.consent", "action_apply", wizard, button=True)


USER_CLASSES = {
    "agent": Agent,
    "dispatcher": Dispatcher,
    "engineer": Engineer,
    "warehouse": Warehouse,
    "hr": Hr,
    "customer": Customer,
}
assert set(USER_CLASSES) == set(ROLES)
for _role, _cls in USER_CLASSES.items():
    _cls.fixed_count = SETTINGS["counts"].get(_role, 0)
# not a user class of its own for Locust, which takes every class of this module
del _role, _cls
