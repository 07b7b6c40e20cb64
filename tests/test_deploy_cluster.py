"""deploy/cluster.py as `make cluster` and `make cluster-stop` run it, with the real services: a
second start while one runs, a stale record of pids, a pid since given to another process, a
service that does not start, a port already taken.

Each run has a folder of its own; "nothing left behind" is checked by looking for any process that
still uses that folder, as ``fuser``/``lsof +D`` would: its working folder (Redis works in its data
folder) or a file open in it (every service writes its log there). Linux's /proc, as root or as the
same user.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = [pytest.mark.timeout(600),
              pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="reads /proc to find leftovers")]


def cluster_py(action: str, folder: Path, *options: str, env: dict | None = None):
    """``python deploy/cluster.py ACTION --folder FOLDER ...``; the finished process."""
    environment = {**os.environ, "FMNIST_WARM_UP": "0", "FMNIST_REGISTRY": str(folder / "registry"), **(env or {})}
    return subprocess.run([sys.executable, "deploy/cluster.py", action, "--folder", str(folder), *options], cwd=ROOT,
                          env=environment, capture_output=True, text=True, timeout=400)


def using(folder: Path) -> list[int]:
    """The running processes (zombies are gone already) whose working folder, or one of whose
    open files, is ``folder`` or in it."""
    inside = str(folder.resolve())
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if (entry / "stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
                continue
            targets = [os.readlink(entry / "cwd")] + [os.readlink(link) for link in (entry / "fd").iterdir()]
        except OSError:  # ended meanwhile, or not ours to read
            continue
        if any(target == inside or target.startswith(inside + "/") for target in targets):
            found.append(int(entry.name))
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(url: str) -> bool:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(f"{url}/_stcore/health", timeout=5) as reply:
            return reply.status == 200
    except OSError:
        return False


@pytest.fixture
def stranger():
    """A process of nobody's cluster, in a session of its own (as each service is)."""
    process = subprocess.Popen(["sleep", "600"], start_new_session=True)
    yield process
    process.kill()
    process.wait()


def stale_record(folder: Path, stranger) -> None:
    """A cluster.json left by a machine that restarted: one pid that no process has, and one that
    a process of someone else's has since been given (its start time is not the recorded one)."""
    gone = subprocess.Popen(["true"])
    gone.wait()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cluster.json").write_text(json.dumps({"processes": [
        {"pid": gone.pid, "started": "12345"}, {"pid": stranger.pid, "started": "1"}]}))


def test_stop_with_a_stale_record_ends_nothing_and_removes_it(tmp_path, stranger):
    stale_record(tmp_path, stranger)
    stopped = cluster_py("stop", tmp_path)
    assert stopped.returncode == 0 and "No cluster was running." in stopped.stdout
    assert stranger.poll() is None  # the pid recorded once is someone else's now: left alone
    assert not (tmp_path / "cluster.json").exists()


def test_a_start_over_a_stale_record_runs_a_second_start_is_refused_and_stop_ends_exactly_it(
        tmp_path, stranger):
    stale_record(tmp_path, stranger)
    port = free_port()
    try:
        started = cluster_py("start", tmp_path, "--replicas", "1", "--workers", "1", "--port", str(port))
        assert started.returncode == 0, started.stderr
        assert "stale record" in started.stderr and f"http://127.0.0.1:{port}" in started.stdout
        assert answers(f"http://127.0.0.1:{port}")  # through nginx, once start has returned
        record = (tmp_path / "cluster.json").read_text()
        pids = [entry["pid"] for entry in json.loads(record)["processes"]]
        assert len(pids) == 4 and set(pids) <= set(using(tmp_path))  # nginx, a replica, a worker, Redis

        again = cluster_py("start", tmp_path, "--replicas", "1", "--workers", "1", "--port", str(port))
        assert again.returncode == 1 and "already running (4 of its 4 processes" in again.stderr
        assert (tmp_path / "cluster.json").read_text() == record and answers(f"http://127.0.0.1:{port}")
    finally:
        stopped = cluster_py("stop", tmp_path)
    assert stopped.returncode == 0 and "Stopped 4 processes." in stopped.stdout
    assert using(tmp_path) == [] and stranger.poll() is None
    assert not answers(f"http://127.0.0.1:{port}")
    assert "No cluster was running." in cluster_py("stop", tmp_path).stdout


@pytest.mark.parametrize("failing", ["REDIS_SERVER", "NGINX"])  # the first service started, and the last
def test_a_service_that_does_not_start_stops_the_others_and_leaves_nothing_behind(tmp_path, failing):
    started = cluster_py("start", tmp_path, "--replicas", "1", "--workers", "1", "--port", str(free_port()),
                         env={failing: "/bin/false"})
    assert started.returncode == 1 and "The cluster did not start" in started.stderr, started.stderr
    assert "Traceback" not in started.stderr
    assert not (tmp_path / "cluster.json").exists()
    assert using(tmp_path) == []
    if failing == "NGINX":  # the others had started, and were stopped
        assert (tmp_path / "replica-1.log").exists() and (tmp_path / "worker-1.log").exists()


def test_a_port_in_use_is_said_before_anything_starts(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        started = cluster_py("start", tmp_path, "--port", str(port))
    assert started.returncode == 1 and f"port {port} on 127.0.0.1 is in use already" in started.stderr
    assert using(tmp_path) == [] and not (tmp_path / "cluster.json").exists()
    assert not (tmp_path / "redis").exists()  # nothing was started


def test_a_process_is_known_by_its_start_and_one_that_ended_not_at_all():
    from deploy.cluster import started_at

    child = subprocess.Popen(["sleep", "60"])
    running = started_at(child.pid)
    assert running is not None and started_at(child.pid) == running
    child.kill()
    deadline = time.monotonic() + 30  # a hang guard: ended, not yet reaped (a zombie) is ended
    while started_at(child.pid) is not None:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    child.wait()
    assert started_at(child.pid) is None
