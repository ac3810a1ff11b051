"""bench/scaling.py without starting anything: the Odoo nodes' command lines
and the nginx configuration it writes (``nginx -t`` when nginx is here)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

import scaling


@pytest.fixture
def topology(tmp_path):
    top = scaling.Topology(nodes=2, replica=True, base_dir=tmp_path, cron="all")
    top.addons_path = "/opt/addons"
    top.run_dir.mkdir(parents=True)
    for index in (1, 2):
        top.nodes.append(scaling.OdooNode(index, top))
    return top


def options(node):
    return dict(
        arg.removeprefix("--").split("=", 1) for arg in node.command() if "=" in arg
    )


def test_the_nodes_share_the_database_the_data_and_the_standby(topology):
    first, second = (options(node) for node in topology.nodes)
    for key in ("database", "data-dir", "db_host", "db_port", "db_replica_port"):
        assert first[key] == second[key]
    assert first["db_port"] == str(topology.primary.port)
    assert first["db_replica_port"] == str(topology.standby.port)
    assert first["http-port"] != second["http-port"]
    assert first["gevent-port"] != second["gevent-port"]
    for node in (first, second):
        assert node["workers"] == "2"
        assert node["max-cron-threads"] == "1"  # every node: Odoo locks each job
        assert node["http-interface"] == "127.0.0.1"
    assert "--proxy-mode" in topology.nodes[0].command()


def test_one_cron_node_and_no_replica(tmp_path):
    top = scaling.Topology(nodes=2, base_dir=tmp_path, cron="first")
    top.addons_path = "/opt/addons"
    nodes = [scaling.OdooNode(index, top) for index in (1, 2)]
    assert [options(node)["max-cron-threads"] for node in nodes] == ["1", "0"]
    assert "db_replica_host" not in options(nodes[0])


def test_nginx_configuration(topology):
    nginx = scaling.Nginx(topology)
    text = nginx.render().read_text()
    for node in topology.nodes:
        assert f"server 127.0.0.1:{node.port};" in text
        assert f"server 127.0.0.1:{node.gevent_port};" in text
    assert f"listen 127.0.0.1:{nginx.port};" in text
    assert f"include {REPO}/docker/nginx/odoo-proxy.conf;" in text
    assert "{" + "run_dir}" not in text
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists():
        pytest.skip("nginx is not installed")
    result = subprocess.run(
        [binary, "-t", "-c", str(nginx.conf)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
