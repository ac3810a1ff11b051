"""The files docker/ gives the services around Odoo, tried on this machine
where it can: nginx -t on the reverse proxy's configuration, and the database
init script that creates Odoo's role, run against the local PostgreSQL.
(tools/test installs Debian's nginx-light when it may, as odoo_layer.py does
PostgreSQL.)"""

import os
import re
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
NGINX_CONF = REPO / "docker" / "nginx" / "aftersales.conf"
#: the proxy rules every nginx of the suite includes (single server and nodes)
PROXY_RULES = REPO / "docker" / "nginx" / "odoo-proxy.conf"
ROLE_SCRIPT = REPO / "docker" / "postgres-init" / "10-odoo-role.sh"
#: the largest import measured (README.md, benchmarks): 50,000 rows, 7.5 MB, 184 s
LARGEST_IMPORT_MB, LARGEST_IMPORT_S = 7.5, 184
FORWARDED = ("Host", "X-Forwarded-Host", "X-Forwarded-For", "X-Forwarded-Proto")


def _nginx():
    return shutil.which("nginx", path=os.environ.get("PATH", "") + ":/usr/sbin")


def _directive(name, text=None):
    text = PROXY_RULES.read_text() if text is None else text
    return re.findall(rf"^\s*{name}\s+([^;]+);", text, re.MULTILINE)


def _seconds(value):
    return int(value.rstrip("s"))


def _server_level():
    """The rules outside their locations (comments left out)."""
    rules = re.sub(r"#.*", "", PROXY_RULES.read_text())
    return rules.split("\nlocation ")[0]


def _limit(name, path="production.conf"):
    conf = (REPO / "docker" / path).read_text()
    return int(re.search(rf"^{name} = (\d+)", conf, re.MULTILINE)[1])


def test_uploads_and_reads_leave_room_for_the_largest_import():
    body = _directive("client_max_body_size")
    assert len(body) == 1 and body[0].endswith("m")
    assert int(body[0][:-1]) >= 4 * LARGEST_IMPORT_MB
    # what Odoo accepts itself (http.py, DEFAULT_MAX_CONTENT_LENGTH: 128 MiB)
    assert int(body[0][:-1]) == 128
    # one value of each limit, at the server level of the rules
    for name in ("proxy_read_timeout", "proxy_send_timeout", "proxy_connect_timeout"):
        assert len(_directive(name, _server_level())) == 1
    read = _seconds(_directive("proxy_read_timeout")[0])
    assert read == _seconds(_directive("proxy_send_timeout")[0])
    assert read >= 2 * LARGEST_IMPORT_S
    # longer than the time Odoo gives a request, in production and on every
    # scaling node: Odoo ends (and rolls back) a request that runs too long
    # before nginx gives up on it
    limit = _limit("limit_time_real")
    assert _limit("limit_time_real", "scaling/odoo.conf") == limit
    assert limit < read <= limit + 120
    # a node that does not answer is skipped quickly
    assert _seconds(_directive("proxy_connect_timeout")[0]) <= 30


def test_every_nginx_includes_the_one_set_of_rules():
    for path, include in (
        (NGINX_CONF, "include /etc/nginx/odoo-proxy.conf;"),
        (
            REPO / "docker" / "scaling" / "nginx.conf",
            "include /etc/nginx/odoo-proxy.conf;",
        ),
        (
            REPO / "bench" / "nginx-scaling.conf",
            "include {repo}/docker/nginx/odoo-proxy.conf;",
        ),
    ):
        text = path.read_text()
        assert include in text, path
        # the rules live in the included file only
        for directive in ("client_max_body_size", "proxy_read_timeout", "location"):
            assert directive not in re.sub(r"#.*", "", text), (path, directive)
        for name in ("aftersales_odoo", "aftersales_odoo_websocket"):
            assert f"upstream {name} {{" in text, (path, name)
        assert "map $http_upgrade $aftersales_connection_upgrade {" in text, path


def test_websocket_to_gevent_and_forwarded_headers_in_every_location():
    text = NGINX_CONF.read_text()
    rules = PROXY_RULES.read_text()
    conf = (REPO / "docker" / "production.conf").read_text()
    gevent = re.search(r"^gevent_port = (\d+)", conf, re.MULTILINE)[1]
    assert f"server 127.0.0.1:{gevent};" in text
    locations = re.findall(
        r"^location (\S+) \{(.*?)\n\}", rules, re.DOTALL | re.MULTILINE
    )
    assert [path for path, _body in locations] == ["/websocket", "/"]
    server_headers = " ".join(_directive("proxy_set_header", _server_level()))
    for path, body in locations:
        headers = " ".join(_directive("proxy_set_header", body))
        # a location with headers of its own inherits none from the server
        headers = headers or server_headers
        for header in FORWARDED:
            assert f"{header} $" in headers, (path, header)
    websocket = locations[0][1]
    assert "proxy_pass http://aftersales_odoo_websocket;" in websocket
    assert "proxy_http_version 1.1" in websocket
    assert "Upgrade $http_upgrade" in websocket
    assert "Connection $aftersales_connection_upgrade" in websocket
    assert "proxy_pass http://aftersales_odoo;" in locations[1][1]
    assert "proxy_mode = True" in conf


def test_nginx_accepts_the_configuration(tmp_path):
    nginx = _nginx()
    if not nginx:
        pytest.skip("nginx is not installed (make test installs nginx-light)")
    openssl = shutil.which("openssl")
    if not openssl:
        pytest.skip("openssl is needed for a test certificate")
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=erp.example.com", "-keyout", str(tmp_path / "test.key"),
         "-out", str(tmp_path / "test.crt")],
        check=True, capture_output=True,
    )  # fmt: skip
    site = NGINX_CONF.read_text()
    site = site.replace("/etc/nginx/ssl/aftersales.crt", str(tmp_path / "test.crt"))
    site = site.replace("/etc/nginx/ssl/aftersales.key", str(tmp_path / "test.key"))
    site = site.replace("/var/log/nginx/", f"{tmp_path}/")
    site = site.replace("/etc/nginx/odoo-proxy.conf", str(PROXY_RULES))
    (tmp_path / "aftersales.conf").write_text(site)
    # the http block of a server, with this file where conf.d files go
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        "events {}\n"
        f"http {{\n    access_log {tmp_path}/access.log;\n"
        f"    include {tmp_path}/aftersales.conf;\n}}\n"
    )
    result = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr


def _psql(*args, sql=None, env=None):
    return subprocess.run(
        ["psql", "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", *args],
        input=sql,
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def test_the_database_init_script_creates_a_role_that_is_no_superuser(tmp_path):
    if not shutil.which("psql") or _psql("-d", "postgres", "-c", "SELECT 1").returncode:
        pytest.skip("no PostgreSQL answers here")
    superuser = _psql("-d", "postgres", "-c", "SELECT rolsuper FROM pg_roles "
                      "WHERE rolname = current_user").stdout.strip()  # fmt: skip
    if superuser != "t":
        pytest.skip("the local PostgreSQL role cannot create roles")
    role = f"i17_odoo_{uuid.uuid4().hex[:8]}"
    secret = tmp_path / "odoo_db_password"
    secret.write_text("pa'ss word")  # a quote: psql quotes it, not the shell
    env = dict(
        os.environ,
        POSTGRES_USER=_psql("-d", "postgres", "-c", "SELECT user").stdout.strip(),
        POSTGRES_DB="postgres",
        ODOO_DB_USER=role,
        ODOO_DB_PASSWORD_FILE=str(secret),
    )
    try:
        result = subprocess.run(
            ["bash", str(ROLE_SCRIPT)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        flags = _psql(
            "-d", "postgres", "-c",
            "SELECT rolcanlogin, rolcreatedb, rolsuper, rolcreaterole, "
            f"rolpassword IS NOT NULL FROM pg_authid WHERE rolname = '{role}'",
        ).stdout.strip()  # fmt: skip
        assert flags == "t|t|f|f|t"
        # without a password the script refuses
        env.pop("ODOO_DB_PASSWORD_FILE")
        result = subprocess.run(
            ["bash", str(ROLE_SCRIPT)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 1
        assert "ODOO_DB_PASSWORD" in result.stderr
    finally:
        _psql("-d", "postgres", "-c", f'DROP ROLE IF EXISTS "{role}"')
