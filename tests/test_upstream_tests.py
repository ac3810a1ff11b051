"""The runner of the suites of the apps we extend (tools/upstream_tests.py)."""

import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tools"))
_spec = importlib.util.spec_from_file_location(
    "upstream_tests", REPO / "tools" / "upstream_tests.py"
)
upstream = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(upstream)

STAMP = "2026-11-30 12:27:55,883 24044"


def _line(level, logger, message):
    return f"{STAMP} {level} db {logger}: {message} "


def test_tests_are_counted_per_module(tmp_path):
    log = tmp_path / "odoo.log"
    repair = "odoo.addons.repair.tests.test_repair"
    stock = "odoo.addons.sale_stock.tests.test_sale_stock"
    log.write_text(
        "\n".join(
            [
                _line("INFO", repair, "Starting TestRepair.test_01 ..."),
                _line("INFO", repair, "Starting TestRepair.test_02 ..."),
                _line("ERROR", repair, "FAIL: TestRepair.test_02"),
                "Traceback (most recent call last):",
                _line("INFO", stock, "Starting TestSaleStock.test_x ..."),
                _line("ERROR", stock, "FAIL: Subtest TestSaleStock.test_x (a=1)"),
                _line("ERROR", stock, "FAIL: Subtest TestSaleStock.test_x (a=2)"),
                _line(
                    "INFO",
                    "odoo.addons.helpdesk_mgmt.tests.test_js.TestHelpdesMgmtJs."
                    "test_helpdesk_mgmt.browser",
                    "Starting ClickEverywhere test",
                ),
            ]
        )
    )
    assert upstream.count_tests(log) == {"repair": (2, 1), "sale_stock": (1, 1)}
