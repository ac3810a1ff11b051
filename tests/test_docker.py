"""The Docker path (docker/): entrypoint decisions, compose files, image pin,
production profile and the Docker test target's own logic.

No Docker engine is needed: the entrypoint runs with stub odoo/psql commands
(tests/docker/entrypoint_test.sh) and the files are read as data.
"""

import configparser
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
DOCKER = REPO / "docker"
#: where the image keeps our addons (and development mounts the checkout's)
ADDONS_IN_IMAGE = "/opt/aftersales/addons"


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


docker_pin = _load("docker_pin", REPO / "tools" / "docker_pin.py")
docker_odoo_test = _load("docker_odoo_test", REPO / "tools" / "docker_odoo_test.py")


class ComposeLoader(yaml.SafeLoader):
    """YAML with Compose's !override and !reset tags."""


ComposeLoader.add_constructor(
    "!override",
    lambda loader, node: (
        loader.construct_sequence(node)
        if isinstance(node, yaml.SequenceNode)
        else loader.construct_mapping(node)
    ),
)
ComposeLoader.add_constructor("!reset", lambda loader, node: None)


def compose(name):
    return yaml.load((DOCKER / name).read_text(), Loader=ComposeLoader)


def odoo_conf(name):
    parser = configparser.ConfigParser(inline_comment_prefixes=(";",))
    parser.read(DOCKER / name)
    return parser["options"]


def seconds(duration):
    units = {"s": 1, "m": 60, "h": 3600}
    return sum(int(n) * units[u] for n, u in re.findall(r"(\d+)([smh])", duration))


# -- the entrypoint ----------------------------------------------------------------


def test_entrypoint_decisions_with_stub_commands():
    """Fresh, interrupted, installed, upgrade requested, subcommands, signals."""
    result = subprocess.run(
        ["bash", str(REPO / "tests" / "docker" / "entrypoint_test.sh")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"entrypoint: \d+ passed, 0 failed", result.stdout)


def test_the_image_uses_our_entrypoint_and_configuration():
    dockerfile = (DOCKER / "Dockerfile").read_text()
    assert "COPY docker/odoo.conf /etc/odoo/aftersales.conf" in dockerfile
    assert re.search(r"ODOO_RC=/etc/odoo/aftersales\.conf", dockerfile)
    assert 'ENTRYPOINT ["/usr/local/bin/aftersales-entrypoint"]' in dockerfile
    assert "--target /opt/oca-addons" in dockerfile
    for script in ("aftersales-first-start.py", "aftersales-hash-password.py"):
        assert f"docker/{script}" in dockerfile
    assert "/usr/local/lib/aftersales/" in dockerfile


def test_the_image_has_oca_click_odoo_contrib():
    dockerfile = (DOCKER / "Dockerfile").read_text()
    assert "-r /tmp/aftersales/image-requirements.txt" in dockerfile
    pins = (DOCKER / "image-requirements.txt").read_text()
    assert re.search(r"^click-odoo-contrib==[\d.]+$", pins, re.MULTILINE)


def test_the_addons_live_outside_every_volume_of_the_image():
    """The official image declares /var/lib/odoo and /mnt/extra-addons VOLUMEs:
    addons copied there would be kept by Docker and served after a rebuild."""
    dockerfile = (DOCKER / "Dockerfile").read_text()
    pattern = r"^COPY --chown=odoo:odoo addons (\S+)$"
    copied = re.search(pattern, dockerfile, re.MULTILINE)[1]
    assert copied == ADDONS_IN_IMAGE
    assert not copied.startswith(("/var/lib/odoo", "/mnt/extra-addons"))
    assert "/mnt/extra-addons" not in odoo_conf("odoo.conf")["addons_path"]
    # development mounts the checkout over them, read-only
    dev = compose("compose.yaml")["services"]["odoo"]["volumes"]
    assert f"../addons:{ADDONS_IN_IMAGE}:ro" in dev


def test_no_secret_goes_into_the_build_context():
    assert "docker/secrets" in (REPO / ".dockerignore").read_text().split()
    assert "/docker/secrets/" in (REPO / ".gitignore").read_text().split()


def test_the_hashed_master_password_is_one_odoo_accepts():
    """docker/aftersales-hash-password.py writes passlib's pbkdf2_sha512: the
    hash is checked by passlib of the Odoo runtime when it is there."""
    hasher = _load("hash_password", DOCKER / "aftersales-hash-password.py")
    hashed = hasher.pbkdf2_sha512("Ma5ter pass", rounds=1000)
    assert hashed.startswith("$pbkdf2-sha512$1000$")
    assert hasher.pbkdf2_sha512("Ma5ter pass") != hasher.pbkdf2_sha512("Ma5ter pass")
    python = os.environ.get("ODOO_PYTHON") or str(
        Path.home() / ".cache/odoo18-runtime/venv/bin/python"
    )
    check = (
        "import sys; from passlib.context import CryptContext; "
        "c = CryptContext(['pbkdf2_sha512']); "
        "sys.exit(0 if c.verify('Ma5ter pass', sys.argv[1]) "
        "and not c.verify('other', sys.argv[1]) else 1)"
    )
    if not Path(python).exists():
        pytest.skip("no Odoo python with passlib here")
    result = subprocess.run([python, "-c", check, hashed], check=False)
    assert result.returncode == 0


# -- the base image ----------------------------------------------------------------


def test_the_base_image_is_the_official_one_pinned_by_digest():
    dockerfile = (DOCKER / "Dockerfile").read_text()
    froms = re.findall(r"^FROM (.+)$", dockerfile, re.MULTILINE)
    assert len(froms) == 1
    assert re.fullmatch(r"odoo:18\.0@sha256:[0-9a-f]{64}", froms[0])
    assert "make docker-pin" in dockerfile


INSPECT = """Name:      docker.io/library/odoo:18.0
MediaType: application/vnd.oci.image.index.v1+json
Digest:    sha256:{digest}

Manifests:
  Name:      docker.io/library/odoo:18.0@sha256:{other}
  Platform:  linux/amd64
"""


def test_docker_pin_reads_the_index_digest_and_rewrites_the_from_line():
    digest, other = "a" * 64, "b" * 64
    found = docker_pin.digest_from_inspect(INSPECT.format(digest=digest, other=other))
    assert found == f"sha256:{digest}"
    text = "# x\nFROM odoo:18.0\nUSER root\n"
    pinned = docker_pin.pin(text, found)
    assert f"FROM odoo:18.0@sha256:{digest}\n" in pinned
    repinned = docker_pin.pin(pinned, f"sha256:{other}")
    assert f"FROM odoo:18.0@sha256:{other}\n" in repinned
    assert digest not in repinned
    with pytest.raises(ValueError):
        docker_pin.pin(text, "latest")
    with pytest.raises(ValueError):
        docker_pin.pin("FROM python:3\n", found)
    with pytest.raises(ValueError):
        docker_pin.digest_from_inspect("no digest here")


# -- compose -----------------------------------------------------------------------


def test_compose_runs_the_image_with_postgres_16():
    services = compose("compose.yaml")["services"]
    assert services["db"]["image"] == "postgres:16"
    odoo = services["odoo"]
    assert odoo["build"] == {"context": "..", "dockerfile": "docker/Dockerfile"}
    assert odoo["pull_policy"] == "build"  # a plain "up" rebuilds
    assert odoo["depends_on"]["db"]["condition"] == "service_healthy"
    mounts = [v.split(":")[0] for v in odoo["volumes"] + services["db"]["volumes"]]
    assert {"db-data", "odoo-data"} <= set(compose("compose.yaml")["volumes"])
    assert {"db-data", "odoo-data"} <= set(mounts)


def test_compose_odoo_is_local_only_passes_signals_and_has_a_healthcheck():
    odoo = compose("compose.yaml")["services"]["odoo"]
    assert odoo["init"] is True
    assert odoo["ports"] == ["127.0.0.1:8069:8069"]
    health = odoo["healthcheck"]
    assert "http://localhost:8069/web/health" in health["test"]
    # the first start installs for minutes before Odoo listens
    assert seconds(health["start_period"]) >= 20 * 60


def test_odoo_connects_as_the_role_the_database_init_script_creates():
    db = compose("compose.yaml")["services"]["db"]
    env = compose("compose.yaml")["services"]["odoo"]["environment"]
    assert "./postgres-init:/docker-entrypoint-initdb.d:ro" in db["volumes"]
    assert (DOCKER / "postgres-init" / "10-odoo-role.sh").is_file()
    assert env["PGUSER"] == db["environment"]["ODOO_DB_USER"] != "postgres"
    assert env["PGPASSWORD"] == db["environment"]["ODOO_DB_PASSWORD"]
    assert db["environment"]["POSTGRES_USER"] != env["PGUSER"]
    # healthy only once the first-run server (which runs the script) is gone
    assert "-h 127.0.0.1" in db["healthcheck"]["test"][1]


def test_compose_environment_matches_the_entrypoint():
    env = compose("compose.yaml")["services"]["odoo"]["environment"]
    entrypoint = (DOCKER / "aftersales-entrypoint.sh").read_text()
    for name in ("PGHOST", "PGPORT", "PGUSER"):
        assert name in env and f"{name}=${{{name}:-" in entrypoint
    for name in ("DB", "DEMO", "LANG", "TZ"):
        assert f"AFTERSALES_{name}" in env and f"AFTERSALES_{name}" in entrypoint
    assert env["AFTERSALES_LANG"] == "${AFTERSALES_LANG:-zh_CN}"
    assert "AFTERSALES_UPDATE" not in env  # every start upgrades what changed


def test_the_configuration_names_the_database_the_entrypoint_creates():
    conf = odoo_conf("odoo.conf")
    compose_db = compose("compose.yaml")["services"]["odoo"]["environment"][
        "AFTERSALES_DB"
    ]
    assert conf["db_name"] == compose_db
    assert conf["dbfilter"] == f"^{compose_db}$"
    assert conf["list_db"] == "False"
    assert "admin_passwd" not in conf  # the entrypoint adds it, hashed
    paths = conf["addons_path"].split(",")
    assert paths[0] == ADDONS_IN_IMAGE
    assert docker_odoo_test.IMAGE_OCA_ADDONS in paths
    assert docker_odoo_test.IMAGE_ODOO_ADDONS in paths


# -- the production profile --------------------------------------------------------


def test_production_profile_workers_gevent_proxy_and_no_demo():
    override = compose("compose.production.yaml")["services"]
    odoo = override["odoo"]
    assert odoo["environment"]["ODOO_RC"] == "/etc/odoo/production.conf"
    assert odoo["environment"]["AFTERSALES_DEMO"] == "0"
    assert "./production.conf:/etc/odoo/production.conf:ro" in odoo["volumes"]
    # the image's addons, not the checkout's
    assert not any(ADDONS_IN_IMAGE in v for v in odoo["volumes"])
    conf = odoo_conf("production.conf")
    assert int(conf["workers"]) >= 2
    assert conf["proxy_mode"] == "True"
    gevent = conf["gevent_port"]
    assert f"127.0.0.1:{gevent}:{gevent}" in odoo["ports"]
    assert "127.0.0.1:8069:8069" in odoo["ports"]
    assert conf["list_db"] == "False"
    assert "admin_passwd" not in conf
    assert conf["addons_path"] == odoo_conf("odoo.conf")["addons_path"]


def test_production_is_another_project_with_its_own_volumes():
    dev, prod = compose("compose.yaml"), compose("compose.production.yaml")
    assert dev["name"] != prod["name"]
    names = {volume["name"] for volume in prod["volumes"].values()}
    assert len(names) == 2
    assert all(name.startswith(prod["name"]) for name in names)


def test_production_passwords_are_secrets_never_values():
    prod = compose("compose.production.yaml")
    services = prod["services"]
    for name, secret in prod["secrets"].items():
        assert secret == {"file": f"./secrets/{name}"}
    db_env, odoo_env = services["db"]["environment"], services["odoo"]["environment"]
    for env in (db_env, odoo_env):
        for key, value in env.items():
            if "PASSWORD" in key:
                assert key.endswith("_FILE"), key
                assert value.startswith("/run/secrets/"), key
    assert odoo_env["PGUSER"] == db_env["ODOO_DB_USER"] != db_env["POSTGRES_USER"]
    assert odoo_env["PGPASSWORD_FILE"] == db_env["ODOO_DB_PASSWORD_FILE"]
    for name in ("AFTERSALES_ADMIN_PASSWORD_FILE", "AFTERSALES_MASTER_PASSWORD_FILE"):
        secret = odoo_env[name].removeprefix("/run/secrets/")
        assert secret in services["odoo"]["secrets"]


def test_production_connections_fit_postgres():
    conf = odoo_conf("production.conf")
    db = compose("compose.production.yaml")["services"]["db"]
    max_connections = int(
        re.search(r"max_connections=(\d+)", " ".join(db["command"]))[1]
    )
    per_container = (int(conf["workers"]) + int(conf["max_cron_threads"]) + 1) * int(
        conf["db_maxconn"]
    )
    assert 2 * per_container < max_connections  # room to scale out


# -- beyond one server: compose.scaling.yaml ----------------------------------------


def _max_connections(command):
    return int(re.search(r"max_connections=(\d+)", command)[1])


def test_scaling_nodes_share_one_filestore_and_read_from_the_standby():
    services = compose("compose.scaling.yaml")["services"]
    assert {"db", "db-replica", "odoo-init", "odoo", "nginx"} <= set(services)
    conf = odoo_conf("scaling/odoo.conf")
    for name in ("odoo-init", "odoo"):
        odoo = services[name]
        # sessions and attachments in one volume: any node answers any request
        assert f"odoo-data:{conf['data_dir']}" in odoo["volumes"]
        assert "./scaling/odoo.conf:/etc/odoo/scaling.conf:ro" in odoo["volumes"]
        assert odoo["environment"]["ODOO_RC"] == "/etc/odoo/scaling.conf"
        assert odoo["environment"]["AFTERSALES_DEMO"] == "0"
        assert "${POSTGRES_PASSWORD:?" in odoo["environment"]["PGPASSWORD"]
    nodes = services["odoo"]
    assert nodes["deploy"]["replicas"] >= 2
    assert "ports" not in nodes  # only nginx is reachable
    assert nodes["depends_on"] == {
        "odoo-init": {"condition": "service_completed_successfully"}
    }
    assert "--stop-after-init" in services["odoo-init"]["command"]
    assert conf["db_replica_host"] == "db-replica"
    assert conf["proxy_mode"] == "True"
    assert conf["list_db"] == "False"
    # a cron worker on every node: Odoo locks each job, no node is special
    assert int(conf["max_cron_threads"]) >= 1
    assert int(conf["workers"]) >= 2
    assert conf["addons_path"] == odoo_conf("odoo.conf")["addons_path"]
    assert services["nginx"]["ports"] == ["127.0.0.1:8080:80"]


def test_scaling_primary_streams_to_a_hot_standby():
    services = compose("compose.scaling.yaml")["services"]
    command = " ".join(services["db"]["command"])
    assert "wal_level=replica" in command
    assert "max_wal_senders=" in command
    # a read sent to the standby right after a write sees it
    assert "synchronous_commit=remote_apply" in command
    standby = re.search(r"synchronous_standby_names=(\w+)", command)[1]
    init = (DOCKER / "scaling" / "primary-init.sh").read_text()
    assert "WITH REPLICATION LOGIN" in init
    assert "host replication replicator all scram-sha-256" in init
    assert (
        "./scaling/primary-init.sh:/docker-entrypoint-initdb.d/10-replication.sh:ro"
        in services["db"]["volumes"]
    )
    entrypoint = (DOCKER / "scaling" / "replica-entrypoint.sh").read_text()
    assert re.search(r"pg_basebackup \\\n.*application_name=" + standby, entrypoint)
    assert "-R -X stream" in entrypoint
    assert "hot_standby=on" in entrypoint
    replica = services["db-replica"]
    assert replica["entrypoint"] == ["bash", "/usr/local/bin/replica-entrypoint.sh"]
    assert (
        "./scaling/replica-entrypoint.sh:/usr/local/bin/replica-entrypoint.sh:ro"
        in replica["volumes"]
    )


def test_scaling_connections_fit_both_servers():
    """Each process of a node opens up to db_maxconn connections to the
    primary and as many to the standby; four nodes fit each server."""
    conf = odoo_conf("scaling/odoo.conf")
    per_node = (int(conf["workers"]) + int(conf["max_cron_threads"]) + 1) * int(
        conf["db_maxconn"]
    )
    services = compose("compose.scaling.yaml")["services"]
    primary = _max_connections(" ".join(services["db"]["command"]))
    standby = _max_connections(
        (DOCKER / "scaling" / "replica-entrypoint.sh").read_text()
    )
    for limit in (primary, standby):
        assert 4 * per_node + 10 < limit


def test_scaling_nginx_sends_the_bus_and_the_rest_to_every_node():
    conf = odoo_conf("scaling/odoo.conf")
    proxy = (DOCKER / "nginx" / "odoo-proxy.conf").read_text()
    websocket = re.search(r"location /websocket \{(.*?)\}", proxy, re.DOTALL)[1]
    assert "proxy_pass http://aftersales_odoo_websocket;" in websocket
    assert "proxy_set_header Upgrade $http_upgrade;" in websocket
    assert "proxy_set_header Connection $aftersales_connection_upgrade;" in websocket
    rest = re.search(r"location / \{(.*?)\}", proxy, re.DOTALL)[1]
    assert "proxy_pass http://aftersales_odoo;" in rest
    for header in ("X-Forwarded-Host", "X-Forwarded-For", "X-Forwarded-Proto"):
        assert f"proxy_set_header {header}" in proxy
    # a 7.5 MB import file, and a request as long as Odoo lets it run
    assert int(re.search(r"client_max_body_size (\d+)m;", proxy)[1]) >= 50
    read_timeout = int(re.search(r"proxy_read_timeout (\d+)s;", proxy)[1])
    assert read_timeout >= int(conf["limit_time_real"])
    nginx = (DOCKER / "scaling" / "nginx.conf").read_text()
    assert f"server odoo:{conf['http_port']};" in nginx
    assert f"server odoo:{conf['gevent_port']};" in nginx
    assert "include /etc/nginx/odoo-proxy.conf;" in nginx
    assert (
        "./nginx/odoo-proxy.conf:/etc/nginx/odoo-proxy.conf:ro"
        in compose("compose.scaling.yaml")["services"]["nginx"]["volumes"]
    )
    # the local set-up of bench/scaling.py has the same rules
    bench = (REPO / "bench" / "nginx-scaling.conf").read_text()
    assert "include {repo}/docker/nginx/odoo-proxy.conf;" in bench


# -- make docker-test --------------------------------------------------------------


def test_docker_test_environment_defaults_and_overrides():
    env = docker_odoo_test.container_environ({"PATH": "/usr/bin"}, "/usr/bin/python3")
    assert env["ODOO_PYTHON"] == "/usr/bin/python3"
    assert env["ODOO_ADDONS_PATH"] == docker_odoo_test.IMAGE_ODOO_ADDONS
    assert env["AFTERSALES_OCA_ADDONS"] == docker_odoo_test.IMAGE_OCA_ADDONS
    assert not env["AFTERSALES_CACHE_DIR"].startswith(docker_odoo_test.MOUNT)
    assert env["PGHOST"] == "db"
    mine = docker_odoo_test.container_environ(
        {"PGHOST": "pg.example", "ODOO_PYTHON": "/opt/py"}, "/usr/bin/python3"
    )
    assert (mine["PGHOST"], mine["ODOO_PYTHON"]) == ("pg.example", "/opt/py")


def test_odoo_layer_uses_the_image_addons_and_a_writable_cache(tmp_path):
    """What make docker-test relies on in tools/odoo_layer.py."""
    oca = tmp_path / "oca"
    probe = (
        "import sys; sys.path.insert(0, 'tools'); import odoo_layer; "
        "print(odoo_layer.CACHE); print(odoo_layer.ensure_oca_addons()); "
        "print(odoo_layer.odoo_addons_path({'package': '/nowhere/odoo'}, "
        "[odoo_layer.ensure_oca_addons()]))"
    )
    env = dict(
        os.environ,
        AFTERSALES_CACHE_DIR=str(tmp_path / "cache"),
        AFTERSALES_OCA_ADDONS=str(oca),
        ODOO_ADDONS_PATH="/image/odoo/addons",
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert out[0] == str(tmp_path / "cache")
    assert out[1] == str(oca)  # nothing installed from PyPI
    assert out[2] == f"/image/odoo/addons,{oca},{REPO / 'addons'}"


def test_make_docker_test_mounts_the_checkout_where_the_script_expects_it():
    makefile = (REPO / "Makefile").read_text()
    target = makefile[makefile.index("docker-test:") :].split("\n\n")[0]
    assert f':{docker_odoo_test.MOUNT}:ro"' in target
    assert f"{docker_odoo_test.MOUNT}/tools/docker_odoo_test.py" in target
    assert "build odoo" in target
