# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Paths of the checkout and the one way the tools speak."""

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
ADDONS_DIR = REPO / "addons"
# AFTERSALES_CACHE_DIR moves it (make docker-test: the checkout is read-only)
CACHE = Path(os.environ.get("AFTERSALES_CACHE_DIR") or REPO / ".cache")
OUR_ADDONS = ["aftersales_sop", "aftersales_warranty", "aftersales_kpi"]
SKIPPED = 3


def say(message):
    print(message, flush=True)
