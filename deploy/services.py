"""Start and stop the services a cluster needs, on loopback, from Debian's packages.

Used by ``make cluster`` (deploy/cluster.py) and by the tests that need a real Redis: each
service is a process of ours with its files in a folder of ours, stopped by its pid.

    with redis_server(folder) as redis:      # redis-server on a free loopback port
        redis.url                             # redis://127.0.0.1:PORT/0
        redis.restart()                       # what a managed Redis does on a failover
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

REDIS_SERVER = os.environ.get("REDIS_SERVER", shutil.which("redis-server") or "/usr/bin/redis-server")


class ServiceError(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, timeout: float = 20.0, process: subprocess.Popen | None = None,
                  log: Path | None = None) -> None:
    """Until something listens on 127.0.0.1:``port``; ServiceError (with the log) otherwise."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            pass
        if (process is not None and process.poll() is not None) or time.monotonic() > deadline:
            text = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
            raise ServiceError(f"nothing answered on 127.0.0.1:{port}\n{text}")
        time.sleep(0.1)


def stop_process(process: subprocess.Popen, timeout: float = 10.0) -> None:
    """SIGTERM, then SIGKILL if it has not ended within ``timeout`` seconds."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=timeout)


@dataclass
class Redis:
    """A redis-server of ours on 127.0.0.1:``port``, its data (append-only file) in ``folder``."""

    folder: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def log(self) -> Path:
        return self.folder / "redis.log"

    def start(self) -> "Redis":
        if not Path(REDIS_SERVER).exists():
            raise ServiceError(f"redis-server not found at {REDIS_SERVER}: `make test` installs Debian's redis-server")
        self.folder.mkdir(parents=True, exist_ok=True)
        # Loopback only, no password (nothing else can reach it), the append-only file so that a
        # restart keeps what was there, as a managed Redis does.
        args = [REDIS_SERVER, "--bind", "127.0.0.1", "--port", str(self.port), "--dir", str(self.folder),
                "--appendonly", "yes", "--save", "", "--protected-mode", "yes", "--logfile", str(self.log),
                "--daemonize", "no"]
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        try:
            wait_for_port(self.port, process=self.process, log=self.log)
        except BaseException:
            self.stop()  # one that never answered is not left running
            raise
        return self

    def stop(self) -> None:
        if self.process is not None:
            stop_process(self.process)
            self.process = None

    def kill(self) -> None:
        """Gone at once, as a crashed server (no final save: the append-only file has it all)."""
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None

    def restart(self, down_for: float = 0.0) -> None:
        self.stop()
        time.sleep(down_for)
        self.start()


@contextlib.contextmanager
def redis_server(folder: Path, port: int | None = None):
    redis = Redis(Path(folder), port or free_port()).start()
    try:
        yield redis
    finally:
        redis.stop()
