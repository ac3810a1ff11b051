# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What every Locust user of a department's day shares (bench/locustfile_day.py
holds the users of each role): the run's settings, the JSON-RPC client of the
web client, and the user who logs in as a real user of his role and measures
each action as one sample."""

# isort: off
# Locust first: it patches the standard library for gevent before requests
# imports it
from locust import User, between, events

# isort: on
import itertools
import json
import os
import re
import time
from datetime import datetime, timedelta, timezone

import requests
from day_mix import WAIT_SECONDS, task_weights

with open(os.environ["I18B_DAY_SETTINGS"], encoding="utf-8") as _settings:
    SETTINGS = json.load(_settings)
JOURNAL = os.environ["I18B_DAY_JOURNAL"]
BASELINE = SETTINGS["profile"] == "baseline"
BUSINESS_ERRORS = (
    "odoo.exceptions.UserError",
    "odoo.exceptions.ValidationError",
    "odoo.exceptions.AccessError",
    "odoo.exceptions.MissingError",
    "odoo.exceptions.RedirectWarning",
)
SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
    "60e6kgAAAABJRU5ErkJggg=="
)
CSRF = re.compile(r'name="csrf_token"\s+value="([^"]+)"')


class ServerError(Exception):
    """The server failed (not a refusal the user would read and act on)."""


class BusinessError(Exception):
    """A refusal in the user's words (UserError and the like)."""


def now_utc(delta_minutes=0):
    moment = datetime.now(timezone.utc) + timedelta(minutes=delta_minutes)
    return moment.strftime("%Y-%m-%d %H:%M:%S")


class Rpc:
    """One web client session."""

    def __init__(self, host):
        self.host = host
        self.http = requests.Session()
        self.uid = None

    def post(self, path, params):
        response = self.http.post(
            f"{self.host}{path}",
            json={"jsonrpc": "2.0", "method": "call", "params": params, "id": 1},
            timeout=600,
        )
        if response.status_code >= 500:
            raise ServerError(f"HTTP {response.status_code} on {path}")
        response.raise_for_status()
        answer = response.json()
        if "error" in answer:
            data = answer["error"].get("data") or {}
            name = data.get("name") or "error"
            message = (data.get("message") or "").splitlines()[:1]
            text = f"{name}: {message[0] if message else ''}"[:160]
            if name in BUSINESS_ERRORS:
                raise BusinessError(text)
            raise ServerError(text)
        return answer.get("result")

    def login(self, database, login, password):
        result = self.post(
            "/web/session/authenticate",
            {"db": database, "login": login, "password": password},
        )
        self.uid = result["uid"]
        return result

    def call(self, model, method, *args, button=False, **kwargs):
        kind = "call_button" if button else "call_kw"
        return self.post(
            f"/web/dataset/{kind}/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )


class DayUser(User):
    """A person of the department: logs in once, then works."""

    abstract = True
    role = None
    wait_time = between(*WAIT_SECONDS)
    _logins = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.role:
            cls._logins = itertools.cycle(SETTINGS["users"].get(cls.role, []))
            weights = task_weights(cls.role, baseline=BASELINE)
            # Locust's own form of weighted tasks: each as often as its weight
            cls.tasks = [
                getattr(cls, _method_name(name))
                for name, weight in weights.items()
                for _i in range(weight)
            ]

    def on_start(self):
        self.login = next(self._logins)
        self.tag = self.login.split("@")[0].replace("_", "").replace(".", "")
        self.count = itertools.count(1)
        self.rpc = Rpc(self.host)
        self.rpc.login(SETTINGS["database"], self.login, SETTINGS["password"])
        self.seed = SETTINGS["seed"]

    # -- measuring --------------------------------------------------------------------

    def measure(self, name, work):
        """Run ``work`` (several calls maybe) as one sample named ``name``;
        returns its result, or None when it failed."""
        start = time.perf_counter()
        error = None
        result = None
        try:
            result = work()
        except (BusinessError, ServerError, requests.RequestException) as exc:
            error = exc
        events.request.fire(
            request_type="server error" if isinstance(error, ServerError) else "rpc",
            name=name,
            response_time=(time.perf_counter() - start) * 1000,
            response_length=0,
            exception=error,
            context={},
        )
        return None if error else result

    def journal(self, ref, ok, detail=""):
        with open(JOURNAL, "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"ref": ref, "ok": ok, "detail": detail}) + "\n")

    def ids(self, model, domain, limit=20, order="id"):
        return self.rpc.call(model, "search", domain, limit=limit, order=order)


def _method_name(action):
    return "do_" + re.sub(r"\W+", "_", action).strip("_")
