# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Helpers of the read-only tests: the entry points an addon marks read-only,
a read-only transaction, and which cursor a request ran on.

With a database replica (``db_replica_host``), Odoo 18 serves a read-only
entry point (a route with ``readonly=True`` or a callable saying so, a model
method with ``@api.readonly`` called through ``/web/dataset/call_kw`` or
``call_button``) on a connection to the replica, opened read-only: any
INSERT/UPDATE/DELETE fails with "cannot execute ... in a read-only
transaction" (``psycopg2.errors.ReadOnlySqlTransaction``). Odoo then rolls the
request back and runs it again on the primary, with a warning.

A test cannot start a replica; it does what Odoo's own test cursor does to
emulate a read-only connection (``odoo/sql_db.py``, ``TestCursor``): ``SET
TRANSACTION READ ONLY``, which PostgreSQL enforces exactly as a hot standby
does. In an ``HttpCase`` Odoo itself opens a read-only test cursor for a
read-only route (``Registry.enter_test_mode``), so a request goes the way it
goes in production: ``cursor_modes`` records which cursor each request was
served on.
"""

import contextlib
import inspect
import logging
from unittest.mock import patch

from psycopg2.errors import ReadOnlySqlTransaction

from odoo import http
from odoo.tools import mute_logger


@contextlib.contextmanager
def read_only(env):
    """Run the block in a read-only transaction (in a savepoint, rolled back
    after it, with the ORM cache): a write raises ReadOnlySqlTransaction."""
    env.flush_all()
    savepoint = env.cr.savepoint(flush=False)
    try:
        env.cr.execute("SET TRANSACTION READ ONLY")
        yield
        env.flush_all()  # what the block wrote reaches the database here
    finally:
        savepoint.close(rollback=True)
        env.invalidate_all()


@contextlib.contextmanager
def refused(testcase, env):
    """Assert that the block writes: on a read-only cursor it fails (the
    statement PostgreSQL refuses is logged by Odoo as a bad query: muted)."""
    with (
        mute_logger("odoo.sql_db"),
        testcase.assertRaises(ReadOnlySqlTransaction),
        read_only(env),
    ):
        yield


def is_read_only_method(model, method):
    """Whether ``/web/dataset/call_kw`` serves ``method`` on a read-only
    cursor (the rule of ``DataSet._call_kw_readonly``)."""
    for cls in type(model).mro():
        function = getattr(cls, method, None)
        if function is not None and hasattr(function, "_readonly"):
            return function._readonly
    return False


def marked_methods(env, module):
    """``{(class name, method)}`` the addon ``module`` marks ``@api.readonly``."""
    prefix = f"odoo.addons.{module}."
    marked = set()
    for model in env.registry.values():
        for cls in model.mro():
            if not cls.__module__.startswith(prefix):
                continue
            for name, value in vars(cls).items():
                if getattr(value, "_readonly", False):
                    marked.add((cls.__name__, name))
    return marked


def _controller_classes(cls=http.Controller):
    for sub in cls.__subclasses__():
        yield sub
        yield from _controller_classes(sub)


def marked_routes(module):
    """``{(class name, method)}`` of the routes the addon ``module`` declares
    read-only (``readonly=True`` or a callable)."""
    prefix = f"odoo.addons.{module}."
    return {
        (cls.__name__, name)
        for cls in set(_controller_classes())
        if cls.__module__.startswith(prefix)
        for name, value in vars(cls).items()
        if inspect.isfunction(value)
        and getattr(value, "original_routing", {}).get("readonly")
    }


@contextlib.contextmanager
def cursor_modes(env):
    """Record, for each request served meanwhile, whether its cursor was
    read-only (when its response is made, after the controller ran)."""
    modes = []
    IrHttp = type(env["ir.http"])
    post_dispatch = IrHttp._post_dispatch.__func__

    def _post_dispatch(cls, response):
        modes.append("ro" if http.request.env.cr.readonly else "rw")
        return post_dispatch(cls, response)

    with patch.object(IrHttp, "_post_dispatch", classmethod(_post_dispatch)):
        yield modes


@contextlib.contextmanager
def served(testcase):
    """The cursors (``ro``/``rw``) the requests made in the block were served
    on, none of them run again on a read/write cursor after a write on a
    read-only one (Odoo warns when it does)."""
    with (
        testcase.assertNoLogs("odoo.http", logging.WARNING),
        cursor_modes(testcase.env) as modes,
    ):
        yield modes
