"""Beyond one server, with the real services: Redis, two app replicas, two training workers and
nginx on loopback (deploy/cluster.py, as `make cluster` starts them), and real Chromium.

Every browser goes through nginx; the test picks which replica each browser sticks to by giving
it the stickiness cookie that nginx maps to that replica, so a teacher on one replica and a
student on the other is a choice, not luck. The cases: the lesson followed across replicas; the
board filled from both; a training asked for on one replica, watched from the other, cancelled;
a worker killed in the middle of a training; Redis restarted while a class is open.
"""

from __future__ import annotations

import os
import re
import signal
import urllib.request

import pytest

from conftest import assert_no_exception, wait_for_app
from test_browser_challenge import board_rows
from test_browser_lesson import open_lesson, start_class, teacher_moves_and_reveals

pytestmark = [pytest.mark.browser, pytest.mark.timeout(900)]

COOKIE = "fmnist_replica"


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    from deploy.cluster import Cluster
    from deploy.services import ServiceError

    folder = tmp_path_factory.mktemp("cluster")
    try:
        with Cluster(folder, replicas=2, workers=2,
                     env={"FMNIST_REGISTRY": str(folder / "registry"), "FMNIST_WARM_UP": "0"}) as started:
            yield started
    except ServiceError as exc:
        pytest.fail(str(exc))


def replica_of(cluster, cookie: str) -> int:
    """Which replica (0, 1, ...) nginx sends a browser with this stickiness cookie to."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    request = urllib.request.Request(f"{cluster.url}/_stcore/health", headers={"Cookie": f"{COOKIE}={cookie}"})
    with opener.open(request, timeout=10) as reply:
        address = reply.headers["X-Fmnist-Replica"]
    return [url.removeprefix("http://") for url in cluster.replica_urls].index(address)


def tab_on(browser, cluster, replica: int, width: int = 1280, height: int = 900):
    """A fresh browser (context and tab) that nginx sends to ``replica``."""
    cookie = next(f"t{n}" for n in range(1000) if replica_of(cluster, f"t{n}") == replica)
    context = browser.new_context(viewport={"width": width, "height": height})
    context.add_cookies([{"name": COOKIE, "value": cookie, "url": cluster.url}])
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))
    return context, tab


def served_by(tab, cluster) -> int:
    """The replica that served this tab's page (the header nginx adds)."""
    reply = tab.request.get(f"{tab.url.split('?')[0]}")
    return [url.removeprefix("http://") for url in cluster.replica_urls].index(reply.headers["x-fmnist-replica"])


@pytest.fixture
def tabs(browser):
    contexts = []

    def make(cluster, replica, width=1280, height=900):
        context, tab = tab_on(browser, cluster, replica, width, height)
        contexts.append(context)
        return tab
    yield make
    for context in contexts:
        context.close()


def test_nginx_spreads_browsers_over_both_replicas_and_keeps_each_on_its_own(cluster):
    seen = {replica_of(cluster, f"x{n}") for n in range(40)}
    assert seen == {0, 1}
    assert all(replica_of(cluster, "same") == replica_of(cluster, "same") for _ in range(10))


def test_the_lesson_is_followed_across_replicas(cluster, tabs):
    teacher, student = tabs(cluster, 0), tabs(cluster, 1, 390, 844)  # the student on a phone
    open_lesson(teacher, cluster.url)
    code, _ = start_class(teacher)
    open_lesson(student, cluster.url, f"?class={code}")
    student.get_by_text(f"You are in class {code}").wait_for(timeout=30_000)
    assert (served_by(teacher, cluster), served_by(student, cluster)) == (0, 1)
    teacher.get_by_text("Students joined: 1").wait_for(timeout=15_000)
    teacher_moves_and_reveals(teacher, student, follow_timeout=15_000)
    assert_no_exception(teacher)
    assert_no_exception(student)


def test_the_board_is_filled_from_both_replicas(cluster, tabs):
    teacher = tabs(cluster, 0, 1400, 1000)
    open_lesson(teacher, cluster.url)
    code, _ = start_class(teacher)
    students = [tabs(cluster, replica, 900, 1000) for replica in (0, 1, 1)]
    for tab in students:
        open_lesson(tab, cluster.url, f"?class={code}")
        tab.get_by_text(f"You are in class {code}").wait_for(timeout=30_000)
    teacher.get_by_text("Students joined: 3").wait_for(timeout=15_000)
    for number in range(2, 15):  # one Next at a time, each seen on the teacher's page before the next
        teacher.get_by_role("button", name="Next").first.click()
        teacher.get_by_text(f"Step {number} of 14").first.wait_for(timeout=30_000)
    title = "Your turn: train one, compare them all"
    for tab, (nickname, units) in zip(students, (("Ana", 3), ("Bo", -1), ("Cy", 0))):
        tab.get_by_role("heading", name=title).wait_for(timeout=30_000)
        tab.get_by_role("textbox", name="Nickname").fill(nickname)
        slider = tab.locator('[data-testid="stSlider"]').filter(has_text="Hidden units").get_by_role("slider")
        slider.focus()
        for _ in range(abs(units)):
            slider.press("ArrowRight" if units > 0 else "ArrowLeft")
        tab.get_by_role("button", name="Train my model").click()
    teacher.get_by_text("3 models scored, 0 still training").wait_for(timeout=240_000)
    for tab in (teacher, *students):
        tab.get_by_text("3 models scored").wait_for(timeout=30_000)
        text = "\n".join(board_rows(tab))
        assert all(name in text for name in ("Ana", "Bo", "Cy"))
        assert_no_exception(tab)
    workers = _workers_that_trained(cluster)
    assert workers, "no challenge model was trained by a worker"


def _workers_that_trained(cluster) -> set[str]:
    """The names of the workers whose logs say they finished a job."""
    names = set()
    for path in sorted(cluster.folder.glob("worker-*.log")):
        if "Job OK" in path.read_text(errors="replace"):
            names.add(path.stem)
    return names


def _start_dense_training(tab, cluster, train_images_steps: int) -> str:
    """Open Train on ``tab``, press Train for the tutorial's dense model: its Full recipe (the
    shipped model's) with ``train_images_steps`` steps fewer training images; the job's key."""
    tab.goto(cluster.url)
    wait_for_app(tab)
    tab.goto(f"{cluster.url}/train")
    wait_for_app(tab)
    panel = tab.locator('[role="tabpanel"]:visible')
    panel.get_by_role("radiogroup").first.get_by_text("Train now", exact=True).click()
    wait_for_app(tab)
    panel.get_by_text(re.compile(r"^Full")).first.click()  # five epochs: long enough to watch, cancel or kill
    wait_for_app(tab)
    if train_images_steps:  # not the shipped recipe itself, which is answered at once
        slider = panel.locator('[data-testid="stSlider"]').filter(has_text="Training images").get_by_role("slider")
        slider.focus()
        for _ in range(train_images_steps):
            slider.press("ArrowLeft")
        wait_for_app(tab)
    panel.get_by_role("button", name="Train", exact=True).click()
    title = panel.get_by_text(re.compile(r"^Training dense-[0-9a-f]{12}$")).first  # the job's panel, not a stored model
    title.wait_for(timeout=60_000)
    return re.search(r"dense-[0-9a-f]{12}", title.inner_text()).group(0)


def test_a_training_asked_for_on_one_replica_is_watched_and_cancelled_from_the_other(cluster, tabs):
    asker, watcher = tabs(cluster, 0), tabs(cluster, 1)
    key = _start_dense_training(asker, cluster, train_images_steps=1)
    asker.get_by_text("Epoch 1", exact=False).first.wait_for(timeout=120_000)  # running on a worker
    watcher.goto(cluster.url)
    wait_for_app(watcher)
    watcher.goto(f"{cluster.url}/train")
    wait_for_app(watcher)
    watcher.get_by_text("Also training on this server").wait_for(timeout=30_000)
    running = watcher.get_by_text(re.compile(rf"{key}.*training, \d+%"))
    running.wait_for(timeout=30_000)
    asker.get_by_role("button", name="Cancel").first.click()
    asker.get_by_text("Training was cancelled.").wait_for(timeout=60_000)
    running.wait_for(state="detached", timeout=30_000)
    assert not list((cluster.folder / "registry").glob(f"**/{key}*.keras"))
    assert_no_exception(asker)
    assert_no_exception(watcher)


def test_a_worker_killed_mid_training_fails_its_job_and_another_worker_goes_on(cluster, tabs):
    import redis
    from rq.job import Job

    tab = tabs(cluster, 1)
    key = _start_dense_training(tab, cluster, train_images_steps=3)
    tab.get_by_text("Epoch 1", exact=False).first.wait_for(timeout=120_000)
    connection = redis.Redis.from_url(cluster.redis.url)
    worker_name = Job.fetch(key, connection=connection).worker_name
    victim = next(process for process in cluster.worker_processes if process.args[-1] == worker_name)
    os.killpg(victim.pid, signal.SIGKILL)  # the machine is gone: the worker and anything it started
    victim.wait(timeout=10)
    tab.get_by_text("Training failed", exact=False).wait_for(timeout=60_000)
    assert not list((cluster.folder / "registry").glob(f"**/{key}*.keras"))  # nothing half-written
    cluster.worker_processes.remove(victim)
    cluster.start_worker()
    assert_no_exception(tab)


def test_redis_restarted_while_a_class_is_open_is_said_and_the_class_goes_on(cluster, tabs):
    teacher, student = tabs(cluster, 0), tabs(cluster, 1)
    open_lesson(teacher, cluster.url)
    code, _ = start_class(teacher)
    open_lesson(student, cluster.url, f"?class={code}")
    student.get_by_text(f"You are in class {code}").wait_for(timeout=30_000)
    cluster.redis.stop()
    try:
        student.get_by_text("not reachable", exact=False).first.wait_for(timeout=30_000)
        teacher.get_by_text("not reachable", exact=False).first.wait_for(timeout=30_000)
    finally:
        cluster.redis.start()  # the same port, the same append-only file: the class is still there
    for tab in (student, teacher):
        try:
            tab.get_by_text("not reachable", exact=False).first.wait_for(state="detached", timeout=60_000)
        except Exception as exc:  # say what the page showed instead
            raise AssertionError(f"the page did not come back after Redis restarted:\n{tab.inner_text('body')}") from exc
    teacher.get_by_role("button", name="Next").first.click()
    teacher.get_by_role("heading", name="The data: 70,000 small pictures").wait_for(timeout=30_000)
    student.get_by_role("heading", name="The data: 70,000 small pictures").wait_for(timeout=30_000)
    assert_no_exception(teacher)
    assert_no_exception(student)
