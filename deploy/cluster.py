"""A whole cluster on one machine, on loopback: Redis, app replicas, training workers, nginx.

    python deploy/cluster.py start [--replicas 2] [--workers 2] [--port 8080] [--folder .cluster]
    python deploy/cluster.py stop  [--folder .cluster]

``make cluster`` and ``make cluster-stop`` run these. ``start`` starts, each in a session of its
own so that it outlives this command:

- ``redis-server`` (Debian's package) on a free loopback port, its append-only file in the folder;
- ``--replicas`` app servers (``streamlit run app.py``), each on a port of its own, all with
  ``FMNIST_REDIS_URL`` set: the class store, the board and the training queue are in Redis;
- ``--workers`` training workers (``python -m fmnist worker``): they train what any replica asks for;
- ``nginx`` (Debian's package) on ``--port``, with deploy/nginx.conf.template: sticky sessions and
  the websocket upgrade on ``/_stcore/stream``;

then prints the URL once everything answers (each replica's health, every worker registered in
Redis, the replicas through nginx). Every pid goes to ``<folder>/cluster.json``, with the moment
its process started; ``stop`` ends exactly those process groups (SIGTERM, then SIGKILL), nothing
else: a recorded pid that another process has since been given is left alone.

``start`` refuses while a cluster recorded in the folder is still running, and says which port
is taken when ``--port`` is; a record whose processes are all gone (a machine restarted) is
stale: said, removed, and the cluster started. When a service does not start, the ones already
started are stopped and no record is left (the logs stay in the folder, to read why).

The replicas and the workers share the registry folder ($FMNIST_REGISTRY, else the
repository's registry/), as machines would share a volume. :class:`Cluster` does the same for
the tests and the benches, as a context manager.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as a script: deploy/ is not on the path, the repository is
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from deploy.services import Redis, ServiceError, free_port, stop_process, wait_for_port  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.template"
NGINX = os.environ.get("NGINX", "/usr/sbin/nginx")
STATE = "cluster.json"


def nginx_config(folder: Path, listen: str, replicas: list[str]) -> str:
    """deploy/nginx.conf.template filled in for ``replicas`` ("127.0.0.1:8601", ...)."""
    # As root, nginx's workers would run as nobody and could not write the folder: they stay root
    # (this nginx listens on loopback only; a real one runs as the distribution configures it).
    user = "user root;\n" if hasattr(os, "geteuid") and os.geteuid() == 0 else ""
    servers = "\n".join(f"        server {address} max_fails=1 fail_timeout=5s;" for address in replicas)
    return TEMPLATE.read_text().format(user=user, folder=folder, listen=listen, servers=servers)


def _http_ok(url: str, timeout: float = 2.0) -> bool:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: never a proxy
    try:
        with opener.open(url, timeout=timeout) as reply:
            return reply.status == 200
    except OSError:
        return False


def _tail(log: Path) -> str:
    return log.read_text(errors="replace")[-3000:] if log.exists() else ""


def _wait_for_health(url: str, process: subprocess.Popen, log: Path, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while not _http_ok(f"{url}/_stcore/health"):
        if process.poll() is not None or time.monotonic() > deadline:
            raise ServiceError(f"{url} did not start:\n{_tail(log)}")
        time.sleep(0.3)


def _port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def started_at(pid: int) -> str | None:
    """When process ``pid`` started (an opaque string), None if there is no such process: with its
    pid it names one process, so that a pid the system has since given to another is not ours."""
    if Path("/proc/self/stat").exists():  # Linux: the start time in clock ticks since boot
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            return None
        fields = stat[stat.rindex(")") + 2:].split()
        return None if fields[0] == "Z" else fields[19]  # a zombie has ended already
    found = subprocess.run(["ps", "-o", "lstart=", "-p", str(pid)], capture_output=True, text=True)
    return found.stdout.strip() or None


@dataclass
class Cluster:
    """Redis, ``replicas`` app servers, ``workers`` training workers and nginx, in ``folder``."""

    folder: Path
    replicas: int = 2
    workers: int = 2
    port: int = 0  # nginx's; 0: a free one
    env: dict = field(default_factory=dict)  # added to every app server's and worker's environment
    redis: Redis | None = None
    replica_processes: list = field(default_factory=list)
    replica_urls: list = field(default_factory=list)
    worker_processes: list = field(default_factory=list)
    nginx: subprocess.Popen | None = None
    _workers_started: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _env(self) -> dict:
        return {**os.environ, "PYTHONUNBUFFERED": "1", "FMNIST_REDIS_URL": self.redis.url, **self.env}

    def _spawn(self, args: list[str], log_name: str, env: dict | None = None) -> subprocess.Popen:
        with open(self.folder / log_name, "w") as out:
            return subprocess.Popen(args, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=env or self._env(),
                                    stdin=subprocess.DEVNULL, start_new_session=True)

    def start_worker(self) -> subprocess.Popen:
        """One more training worker (the tests kill and add workers; :meth:`wait_for_workers`
        waits until it can train)."""
        self._workers_started += 1
        number = self._workers_started  # a worker's name is never reused (RQ refuses a live name)
        worker = self._spawn([sys.executable, "-m", "fmnist", "worker", "--name", f"worker-{number}-{os.getpid()}"],
                             f"worker-{number}.log")
        self.worker_processes.append(worker)
        return worker

    def _spawn_replica(self, index: int) -> subprocess.Popen:
        port = self.replica_urls[index].rsplit(":", 1)[1]
        process = self._spawn([sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", port,
                               "--server.address", "127.0.0.1", "--server.headless", "true"], f"replica-{index + 1}.log")
        self.replica_processes[index] = process
        return process

    def start_replica(self, index: int) -> subprocess.Popen:
        """Replica ``index`` (0, 1, ...) again, on its own port (after it was killed: nginx knows it
        by that port); returns once it answers."""
        process = self._spawn_replica(index)
        _wait_for_health(self.replica_urls[index], process, self.folder / f"replica-{index + 1}.log")
        return process

    def _worker_name(self, process: subprocess.Popen) -> str:
        return process.args[-1]

    def wait_for_workers(self, timeout: float = 180.0) -> None:
        """Until every worker process is registered in Redis (it registers once TensorFlow and the
        data are loaded); ServiceError, with its log, if one ends or the time runs out."""
        from rq import Worker
        import redis

        connection = redis.Redis.from_url(self.redis.url, socket_timeout=5, socket_connect_timeout=5)
        deadline = time.monotonic() + timeout
        try:
            while True:
                try:
                    registered = {worker.name for worker in Worker.all(connection=connection)}
                except redis.RedisError:
                    registered = set()
                waiting = [p for p in self.worker_processes if self._worker_name(p) not in registered]
                if not waiting:
                    return
                for process in waiting:
                    if process.poll() is not None or time.monotonic() > deadline:
                        log = self.folder / f"{self._worker_name(process).rsplit('-', 1)[0]}.log"
                        raise ServiceError(f"training worker {self._worker_name(process)} did not start:\n{_tail(log)}")
                time.sleep(0.5)
        finally:
            connection.close()

    def start(self) -> "Cluster":
        self.folder = Path(self.folder).resolve()
        (self.folder / "tmp").mkdir(parents=True, exist_ok=True)
        if self.port and not _port_is_free(self.port):  # before anything is started
            raise ServiceError(f"port {self.port} on 127.0.0.1 is in use already (another cluster, or another "
                               f"server): choose another (make cluster CLUSTER_PORT=...)")
        try:
            self.redis = Redis(self.folder / "redis")
            self.redis.start()
            self.replica_urls = [f"http://127.0.0.1:{free_port()}" for _ in range(self.replicas)]
            self.replica_processes = [None] * self.replicas
            for index in range(self.replicas):  # all at once: they start side by side
                self._spawn_replica(index)
            for _ in range(self.workers):
                self.start_worker()
            for number, (url, process) in enumerate(zip(self.replica_urls, self.replica_processes), start=1):
                _wait_for_health(url, process, self.folder / f"replica-{number}.log")
            self.wait_for_workers()
            self.port = self.port or free_port()
            config = self.folder / "nginx.conf"
            config.write_text(nginx_config(self.folder, f"127.0.0.1:{self.port}",
                                           [url.removeprefix("http://") for url in self.replica_urls]))
            self.nginx = self._spawn([NGINX, "-c", str(config), "-p", str(self.folder)], "nginx.log",
                                     env=dict(os.environ))
            wait_for_port(self.port, process=self.nginx, log=self.folder / "nginx-error.log")
            _wait_for_health(self.url, self.nginx, self.folder / "nginx-error.log", timeout=30)  # nginx reaches them
            self._save()
            return self
        except BaseException:
            self.stop()
            raise

    def processes(self) -> list[subprocess.Popen]:
        """Everything started, nginx first (the order to stop them in), Redis last."""
        return [process for process in ([self.nginx] + self.replica_processes + self.worker_processes
                                        + [self.redis.process if self.redis else None]) if process is not None]

    def _save(self) -> None:
        state = {"url": self.url, "replicas": self.replica_urls, "redis": self.redis.url,
                 "processes": [{"pid": process.pid, "started": started_at(process.pid)}
                               for process in self.processes()]}
        (self.folder / STATE).write_text(json.dumps(state, indent=1) + "\n")

    def stop(self) -> None:
        for process in self.processes():
            process.poll()  # one that ended already is reaped: its group is then only what it left running
            _end_group(process.pid)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                stop_process(process)
        (self.folder / STATE).unlink(missing_ok=True)

    def __enter__(self) -> "Cluster":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _end_group(pid: int, grace: float = 10.0) -> bool:
    """SIGTERM to the process group ``pid`` leads (each service started its own), SIGKILL after
    ``grace`` seconds; False when there was none."""
    try:
        os.killpg(pid, signal.SIGTERM)
    except (ProcessLookupError, PermissionError):
        return False
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        try:
            os.killpg(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    return True


def recorded_running(folder: Path) -> tuple[list[int], int]:
    """(the pids recorded in ``<folder>/cluster.json`` whose processes still run, how many were
    recorded); ([], 0) with no record. A pid now held by another process is not counted."""
    state_file = Path(folder) / STATE
    try:
        recorded = json.loads(state_file.read_text()).get("processes", [])
    except FileNotFoundError:
        return [], 0
    except (OSError, ValueError, AttributeError):  # unreadable: nothing of it can be trusted
        return [], 0
    running = [int(entry["pid"]) for entry in recorded
               if isinstance(entry, dict) and entry.get("started") and started_at(int(entry["pid"])) == entry["started"]]
    return running, len(recorded)


def stop_recorded(folder: Path) -> int:
    """End the process groups recorded in ``<folder>/cluster.json`` that still run; how many."""
    running, _ = recorded_running(folder)
    ended = sum(_end_group(pid) for pid in running)
    (Path(folder) / STATE).unlink(missing_ok=True)
    return ended


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="deploy/cluster.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("start", "stop"))
    parser.add_argument("--folder", default=str(ROOT / ".cluster"), help="logs, pids, Redis's data (default .cluster)")
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8080, help="nginx's port on 127.0.0.1 (default 8080)")
    args = parser.parse_args(argv)
    folder = Path(args.folder)
    if args.action == "stop":
        ended = stop_recorded(folder)
        print(f"Stopped {ended} processes." if ended else "No cluster was running.")
        return 0
    running, recorded = recorded_running(folder)
    if running:
        print(f"A cluster is already running ({len(running)} of its {recorded} processes, recorded in "
              f"{folder / STATE}): `make cluster-stop` first.", file=sys.stderr)
        return 1
    if (folder / STATE).exists():
        print(f"None of the processes recorded in {folder / STATE} runs any more (a stale record): removed.",
              file=sys.stderr)
        (folder / STATE).unlink()
    try:
        cluster = Cluster(folder, replicas=args.replicas, workers=args.workers, port=args.port).start()
    except (ServiceError, OSError) as exc:
        print(f"The cluster did not start: {exc}", file=sys.stderr)
        return 1
    print(f"Fashion-MNIST Studio: {cluster.url}  ({args.replicas} app servers behind nginx, {args.workers} training "
          f"workers, Redis at {cluster.redis.url}; logs in {cluster.folder}; `make cluster-stop` ends it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
