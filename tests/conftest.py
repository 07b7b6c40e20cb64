"""Shared fixtures: the dataset, a Streamlit server on loopback, headless Chromium."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("FMNIST_NO_DOWNLOAD", "1")  # tests never download anything
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _tree_state(folder: Path) -> dict | None:
    """Every file under ``folder`` with its size, modification time and bytes' hash; None if absent."""
    import hashlib

    if not folder.exists():
        return None
    return {str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime_ns,
                                            hashlib.sha256(path.read_bytes()).hexdigest())
            for path in sorted(folder.rglob("*")) if path.is_file()}


REPOSITORY_REGISTRY = ROOT / "registry"


@pytest.fixture(scope="session", autouse=True)
def test_registry(tmp_path_factory):
    """Every test, and every server it starts, stores models and job records in a registry of the
    session's own ($FMNIST_REGISTRY), never in the repository's registry/: a Train page opened
    there would mark a developer's running training failed. The session fails at its end if
    registry/ changed all the same."""
    before = _tree_state(REPOSITORY_REGISTRY)
    folder = tmp_path_factory.mktemp("registry")
    saved = os.environ.get("FMNIST_REGISTRY")
    os.environ["FMNIST_REGISTRY"] = str(folder)
    yield folder
    if saved is None:
        os.environ.pop("FMNIST_REGISTRY", None)
    else:
        os.environ["FMNIST_REGISTRY"] = saved
    assert _tree_state(REPOSITORY_REGISTRY) == before, "the tests changed the repository's registry/"


@pytest.fixture(autouse=True)
def own_registry(tmp_path, monkeypatch):
    """Each test's own registry folder (not created until something is stored): no test sees what
    another stored."""
    folder = tmp_path / "own-registry"
    monkeypatch.setenv("FMNIST_REGISTRY", str(folder))
    return folder


@pytest.fixture(scope="session")
def fmnist_data():
    from fmnist import data

    return data.load_data()


#: The notebook's plain CNN trained on a few hundred canvases: seconds, through the real trainer.
TINY_PLAIN = dict(arch="plain", epochs=1, train_size=300, batch_size=64)


@pytest.fixture(scope="session")
def tiny_plain(fmnist_data):
    """A real (tiny) training run of the plain CNN for single and for multi: kind -> (TrainResult, reports)."""
    from fmnist import training

    results = {}
    for kind in ("single", "multi"):
        reports = []
        config = training.TrainConfig(kind, **TINY_PLAIN)
        results[kind] = (training.train(config, fmnist_data, on_progress=reports.append, eval_size=200), reports)
    return results


@pytest.fixture
def shipped_tiles(tmp_path, monkeypatch):
    """A stand-in for models/ with copies of the shipped tutorial model and tile networks, and no
    plain CNN (whatever the real folder holds today)."""
    import shutil

    from fmnist import registry

    folder = tmp_path / "shipped"
    folder.mkdir()
    for name in ("dense", "single", "multi"):
        for suffix in (".keras", ".json"):
            shutil.copy(registry.SHIPPED_DIR / f"{name}{suffix}", folder)
    monkeypatch.setattr(registry, "SHIPPED_DIR", folder)
    return folder


@pytest.fixture
def shipped_with_plain(shipped_tiles, tiny_plain):
    """:func:`shipped_tiles` with the tiny plain CNNs shipped beside them as plain_single and plain_multi."""
    from fmnist import registry

    for kind, (result, _) in tiny_plain.items():
        registry.save_model(result.model, result.metadata(), shipped_tiles / f"plain_{kind}.keras")
    return shipped_tiles


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerDidNotStart(RuntimeError):
    pass


@dataclass
class Server:
    url: str
    pid: int
    log: Path


@contextlib.contextmanager
def streamlit_process(folder: Path, root: Path = ROOT, env: dict | None = None, start_timeout: float = 60,
                      script: str = "app.py"):
    """``streamlit run app.py`` (or ``script``) in ``root`` on a free loopback port; yields a :class:`Server`
    (its URL, process id and log). Log and registry in ``folder``; ``env`` adds variables.
    Raises ServerDidNotStart, with the log, if the server does not answer within ``start_timeout``."""
    port = _free_port()
    log = folder / "server.log"
    # Models trained by browser tests go to a throwaway registry, not the repository's registry/.
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "FMNIST_REGISTRY": str(folder / "registry"), **(env or {})}
    with open(log, "w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=root, stdout=out, stderr=subprocess.STDOUT, env=env,
        )
    url = f"http://127.0.0.1:{port}"
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: never a proxy
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            try:
                with opener.open(f"{url}/_stcore/health", timeout=2) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise ServerDidNotStart(f"streamlit did not start:\n{log.read_text()}")
            time.sleep(0.3)
        yield Server(url, server.pid, log)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


@contextlib.contextmanager
def streamlit_server(folder: Path, script: str = "app.py"):
    """:func:`streamlit_process` for the tests: yields its URL; a server that does not start fails the test."""
    try:
        with streamlit_process(folder, script=script) as server:
            yield server.url
    except ServerDidNotStart as exc:
        pytest.fail(str(exc))


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    """One server shared by the real-browser tests."""
    with streamlit_server(tmp_path_factory.mktemp("streamlit")) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test`, which installs it")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def new_tab(browser):
    """A tab in a fresh context of ``browser``, 1280x900, collecting page errors in ``tab.errors``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))
    return tab


@pytest.fixture
def page(browser):
    """A fresh browser tab, 1280x900; collects page errors in ``page.errors``."""
    tab = new_tab(browser)
    yield tab
    tab.context.close()


def wait_for_app(tab, timeout: float = 60_000) -> None:
    """Wait until Streamlit has finished running the page's script."""
    tab.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    tab.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && document.querySelector('[data-testid=\"stMainBlockContainer\"]')",
        timeout=timeout,
    )
    tab.wait_for_timeout(300)
    tab.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout)


def open_path(tab, app_url: str, path: str, timeout: float = 180_000) -> None:
    """Open a page of the app by its link (``compose``, ``lesson?class=…``)."""
    tab.goto(f"{app_url}/{path}")
    wait_for_app(tab, timeout=timeout)


def assert_no_exception(tab) -> None:
    assert tab.locator('[data-testid="stException"]').count() == 0, tab.inner_text("body")
    assert not tab.errors, tab.errors


APP = ROOT / "ui" / "main.py"


def new_app(timeout: float = 60):
    """An AppTest of the app's script (ui/main.py, which app.py serves), not yet run."""
    from streamlit.testing.v1 import AppTest

    return AppTest.from_file(str(APP), default_timeout=timeout)


def open_app(lang: str | None = None, page: str | None = None, timeout: float = 60):
    """An AppTest of the whole app (navigation and sidebar included), run once.

    ``page`` is a path such as "pages/compose.py"; ``lang`` goes in the URL as ?lang=.
    """
    at = new_app(timeout)
    if lang is not None:
        at.query_params["lang"] = lang
    at.run()
    if page is not None:
        at.switch_page(str(ROOT / page)).run()
    return at


# --- Real services on loopback (Redis: beyond one server) -----------------------------------------

@pytest.fixture(scope="session")
def redis_service(tmp_path_factory):
    """One redis-server of the test session's own on a free loopback port (Debian's package, which
    `make test` installs); its append-only file in a temporary folder."""
    from deploy.services import Redis, ServiceError

    try:
        redis = Redis(tmp_path_factory.mktemp("redis")).start()
    except ServiceError as exc:
        pytest.fail(str(exc))
    yield redis
    redis.stop()


@pytest.fixture
def redis_url(redis_service):
    """The session's Redis, emptied for this test: ``redis://127.0.0.1:PORT/0``."""
    import redis

    if redis_service.process is None or redis_service.process.poll() is not None:
        redis_service.start()  # a test before this one stopped it
    client = redis.Redis.from_url(redis_service.url)
    client.flushall()
    client.close()
    return redis_service.url
