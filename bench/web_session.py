# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A web client's session for the scripts of bench/ (run with the python of
an Odoo 18.0, which has ``requests``)."""

import requests


class WebSession:
    """JSON-RPC as the web client speaks it: a session cookie from
    ``/web/session/authenticate``, then ``/web/dataset/call_kw``."""

    def __init__(self, url, database):
        self.url = url
        self.database = database
        self.http = requests.Session()

    def json(self, path, params=None):
        response = self.http.post(
            f"{self.url}{path}",
            json={"jsonrpc": "2.0", "method": "call", "params": params or {}, "id": 1},
            timeout=600,
        )
        response.raise_for_status()
        answer = response.json()
        if "error" in answer:
            data = answer["error"].get("data") or {}
            raise RuntimeError(f"{path}: {data.get('name')}: {data.get('message')}")
        return answer.get("result")

    def authenticate(self, login, password):
        result = self.json(
            "/web/session/authenticate",
            {"db": self.database, "login": login, "password": password},
        )
        if not result or not result.get("uid"):
            raise RuntimeError(f"{login} cannot log in")
        self.uid = result["uid"]
        return result

    @property
    def session_id(self):
        return self.http.cookies.get("session_id")

    def call(self, model, method, *args, button=False, **kwargs):
        kind = "call_button" if button else "call_kw"
        return self.json(
            f"/web/dataset/{kind}/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )
