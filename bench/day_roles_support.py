# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Locust users of a department's day around the service itself: the
warehouse, HR and the customers (bench/locustfile_day.py holds the agents,
dispatchers and engineers, and starts them all)."""

# isort: off
# Locust first: it patches the standard library for gevent before requests
# imports it
import locust  # noqa: F401

# isort: on
import random
from datetime import datetime, timezone

from day_user import (
    CSRF,
    BusinessError,
    DayUser,
    ServerError,
)

# -- the warehouse ---------------------------------------------------------------------


class Warehouse(DayUser):
    role = "warehouse"

    def do_parts_reserve(self):
        # the parts of the jobs dispatched first
        lines = self.ids(
            "aftersales.part.line",
            [("state", "=", "waiting"), ("engineer_id", "!=", False)],
            limit=5,
            order="id",
        ) or self.ids(
            "aftersales.part.line", [("state", "=", "waiting")], limit=5, order="id"
        )
        if lines:
            line = random.choice(lines)
            self.measure(
                "parts: reserve",
                lambda: self.rpc.call(
                    "aftersales.part.line",
                    "action_aftersales_reserve",
                    [line],
                    button=True,
                ),
            )

    def do_parts_issue(self):
        # reserved for a job that has its engineer (the line's Issue To)
        lines = self.ids(
            "aftersales.part.line",
            [("state", "=", "reserved"), ("engineer_id", "!=", False)],
            limit=5,
            order="id",
        )
        if lines:
            line = random.choice(lines)
            self.measure(
                "parts: issue",
                lambda: self.rpc.call(
                    "aftersales.part.line",
                    "action_aftersales_issue",
                    [line],
                    button=True,
                ),
            )


# -- HR --------------------------------------------------------------------------------


class Hr(DayUser):
    role = "hr"

    def do_kpi_pivot(self):
        model, measure = random.choice(sorted(self.seed["analyses"].items()))
        self.measure(
            "kpi: pivot",
            lambda: self.rpc.call(
                model,
                "read_group",
                [],
                [f"{measure}:sum"],
                ["team_id"] if "team_id" in self.seed["analysis_groups"][model] else [],
                lazy=False,
            ),
        )

    def do_kpi_quality_report(self):
        assessment = self.seed["company_assessment"]

        def report():
            response = self.rpc.http.get(
                f"{self.host}/report/pdf/aftersales_kpi.report_quality_review/"
                f"{assessment}",
                timeout=600,
            )
            if response.status_code >= 500:
                raise ServerError(f"HTTP {response.status_code} on the quality report")
            if not response.content.startswith(b"%PDF"):
                raise BusinessError("the quality report is not a PDF")
            return True

        self.measure("kpi: quality report", report)

    def do_kpi_compute_month(self):
        def compute():
            wizard = self.rpc.call(
                "aftersales.kpi.month",
                "create",
                [{"month": datetime.now(timezone.utc).strftime("%Y-%m-01")}],
            )
            return self.rpc.call(
                "aftersales.kpi.month", "action_compute", wizard, button=True
            )

        self.measure("kpi: compute month", compute)


# -- the customers ---------------------------------------------------------------------


class Customer(DayUser):
    role = "customer"

    def do_survey_answer(self):
        surveys = self.rpc.call(
            "aftersales.survey",
            "search_read",
            [("state", "=", "pending"), ("method", "=", "portal")],
            ["id", "access_token"],
            limit=1,
        )
        if not surveys or not surveys[0]["access_token"]:
            return
        survey = surveys[0]

        def answer():
            url = f"{self.host}/aftersales/survey/{survey['id']}"
            page = self.rpc.http.get(
                url, params={"access_token": survey["access_token"]}, timeout=600
            )
            if page.status_code >= 500:
                raise ServerError(f"HTTP {page.status_code} on the survey page")
            token = CSRF.search(page.text)
            if not token:
                raise BusinessError("the survey page has no form")
            answer = self.rpc.http.post(
                f"{url}/answer",
                data={
                    "access_token": survey["access_token"],
                    "csrf_token": token.group(1),
                    "overall_score": str(random.randint(6, 10)),
                    "comment": "Quick and polite.",
                },
                timeout=600,
            )
            if answer.status_code >= 500:
                raise ServerError(f"HTTP {answer.status_code} on the survey answer")
            if answer.status_code != 200:
                raise BusinessError(f"HTTP {answer.status_code} on the survey answer")
            return True

        self.measure("survey: answer", answer)
