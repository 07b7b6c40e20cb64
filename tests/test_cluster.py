"""Beyond one server, with the real services: Redis, two app replicas, two training workers and
nginx on loopback (deploy/cluster.py, as `make cluster` starts them), and real Chromium.

Every browser goes through nginx; the test picks which replica each browser sticks to by giving
it the stickiness cookie that nginx maps to that replica, so a teacher on one replica and a
student on the other is a choice, not luck. The cases: the lesson followed across replicas; the
board filled from both; a training asked for and cancelled on one replica, watched from the
other (which has no Cancel for it: only the session that asked may cancel a training); a worker
killed in the middle of a training; Redis restarted, and Redis hung, while a class is open; the
students' replica killed in the middle of a lesson.

The cluster is started once for the module; before each test the ``cluster`` fixture puts back
what a test before may have taken (Redis running and answering, both replicas answering directly
and through nginx, two workers registered), so that no test depends on the order or on another's
leftovers.
"""

from __future__ import annotations

import os
import re
import signal
import time
import urllib.request

import pytest

from conftest import assert_no_exception, wait_for_app
from test_browser_challenge import board_rows
from test_browser_lesson import open_lesson, start_class, teacher_goes_to, teacher_moves_and_reveals

pytestmark = [pytest.mark.browser, pytest.mark.timeout(900)]

COOKIE = "fmnist_replica"


REPLICAS, WORKERS = 2, 2


@pytest.fixture(scope="module")
def started_cluster(tmp_path_factory):
    from deploy.cluster import Cluster
    from deploy.services import ServiceError

    folder = tmp_path_factory.mktemp("cluster")
    try:
        with Cluster(folder, replicas=REPLICAS, workers=WORKERS,
                     env={"FMNIST_REGISTRY": str(folder / "registry"), "FMNIST_WARM_UP": "0"}) as started:
            started.cookies = [cookie_for(started, replica) for replica in range(REPLICAS)]
            yield started
    except ServiceError as exc:
        pytest.fail(str(exc))


@pytest.fixture
def cluster(started_cluster):
    """The module's cluster, whole again: whatever a test before stopped, hung or killed is back
    and answering before this test starts."""
    from deploy.services import ServiceError

    try:
        restore(started_cluster)
    except ServiceError as exc:
        pytest.fail(str(exc))
    return started_cluster


def restore(cluster, timeout: float = 120) -> None:
    import redis

    if cluster.redis.process is None or cluster.redis.process.poll() is not None:
        cluster.redis.start()  # the same port and append-only file
    else:
        os.kill(cluster.redis.process.pid, signal.SIGCONT)  # a no-op unless it was hung
    client = redis.Redis.from_url(cluster.redis.url, socket_timeout=5)
    wait_until(lambda: client.ping(), timeout, "Redis answering")
    client.close()
    for index, process in enumerate(cluster.replica_processes):
        if process.poll() is not None:
            cluster.start_replica(index)
    for process in [p for p in cluster.worker_processes if p.poll() is not None]:
        cluster.worker_processes.remove(process)
    while len(cluster.worker_processes) < WORKERS:
        cluster.start_worker()
    cluster.wait_for_workers()
    for replica, cookie in enumerate(cluster.cookies):  # nginx sends to each again (it avoids a failed one a while)
        wait_until(lambda: replica_of(cluster, cookie) == replica, timeout, f"nginx sending to replica {replica}")


def wait_until(check, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if check():
                return
        except Exception:  # noqa: BLE001 - not yet
            pass
        assert time.monotonic() < deadline, f"not ready after {timeout} s: {what}"
        time.sleep(0.5)


def replica_of(cluster, cookie: str) -> int:
    """Which replica (0, 1, ...) nginx sends a browser with this stickiness cookie to."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    request = urllib.request.Request(f"{cluster.url}/_stcore/health", headers={"Cookie": f"{COOKIE}={cookie}"})
    with opener.open(request, timeout=10) as reply:
        address = reply.headers["X-Fmnist-Replica"]
    return [url.removeprefix("http://") for url in cluster.replica_urls].index(address)


def cookie_for(cluster, replica: int) -> str:
    """A stickiness cookie that nginx maps to ``replica`` (while every replica answers)."""
    return next(f"t{n}" for n in range(1000) if replica_of(cluster, f"t{n}") == replica)


def tab_on(browser, cluster, replica: int, width: int = 1280, height: int = 900):
    """A fresh browser (context and tab) that nginx sends to ``replica``."""
    cookie = cluster.cookies[replica]
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
    teacher.get_by_text("Students joined: 1").wait_for(timeout=30_000)
    teacher_moves_and_reveals(teacher, student)
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
    teacher.get_by_text("Students joined: 3").wait_for(timeout=30_000)
    teacher_goes_to(teacher, "train")
    title = "Your turn: train one, compare them all"
    for tab, (nickname, units) in zip(students, (("Ana", 3), ("Bo", -1), ("Cy", 0))):
        tab.get_by_role("heading", name=title).wait_for(timeout=30_000)
        tab.get_by_role("textbox", name="Nickname").fill(nickname)
        slider = tab.locator('[data-testid="stSlider"]').filter(has_text="Hidden units").get_by_role("slider")
        slider.focus()
        for _ in range(abs(units)):
            slider.press("ArrowRight" if units > 0 else "ArrowLeft")
        tab.get_by_role("button", name="Train my model").click()
    teacher.get_by_text("3 scored, 0 still training").wait_for(timeout=240_000)
    for tab in (teacher, *students):
        tab.get_by_text("3 scored, ").wait_for(timeout=30_000)
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


def test_a_training_asked_for_and_cancelled_on_one_replica_is_watched_from_the_other(cluster, tabs):
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
    assert watcher.get_by_role("button", name="Cancel").count() == 0  # only the one who asked may cancel it
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
    assert_no_exception(tab)  # (the next test's fixture starts a worker in its place)


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


def step_counter(tab) -> str:
    """The "Step n of 17" the page shows."""
    return tab.locator(".lesson-counter").first.inner_text().strip()


def test_a_hung_redis_is_said_browse_still_serves_and_the_class_goes_on_when_it_answers_again(cluster, tabs):
    teacher, student, browser_elsewhere = tabs(cluster, 0), tabs(cluster, 1, 390, 844), tabs(cluster, 1)
    open_lesson(teacher, cluster.url)
    code, _ = start_class(teacher)
    open_lesson(student, cluster.url, f"?class={code}")
    student.get_by_text(f"You are in class {code}").wait_for(timeout=30_000)
    redis_pid = cluster.redis.process.pid
    os.kill(redis_pid, signal.SIGSTOP)  # it still accepts connections, and answers nothing
    try:
        teacher.get_by_role("button", name="Next").first.click()
        for tab in (teacher, student):
            tab.get_by_text("not reachable", exact=False).first.wait_for(timeout=60_000)
            assert_no_exception(tab)  # said in a line, no traceback
        browser_elsewhere.goto(cluster.url)
        wait_for_app(browser_elsewhere)
        browser_elsewhere.goto(f"{cluster.url}/browse")
        browser_elsewhere.get_by_role("heading", name="Browse the dataset").wait_for(timeout=60_000)
        browser_elsewhere.locator('[data-testid="stImage"]').first.wait_for(timeout=60_000)
        assert_no_exception(browser_elsewhere)
    finally:
        os.kill(redis_pid, signal.SIGCONT)
    for tab in (teacher, student):
        tab.get_by_text("not reachable", exact=False).first.wait_for(state="detached", timeout=60_000)
    # The Next sent while Redis hung may have been carried out once it woke: the class is where
    # the store says, on both pages, and the next Next moves both.
    student.wait_for_function("text => document.querySelector('.lesson-counter')?.innerText.trim() === text",
                              arg=step_counter(teacher), timeout=30_000)
    shown = step_counter(teacher)
    teacher.get_by_role("button", name="Next").first.click()
    teacher.wait_for_function("old => document.querySelector('.lesson-counter')?.innerText.trim() !== old",
                              arg=shown, timeout=30_000)
    student.wait_for_function("text => document.querySelector('.lesson-counter')?.innerText.trim() === text",
                              arg=step_counter(teacher), timeout=30_000)
    for tab in (teacher, student):
        assert_no_exception(tab)


def test_the_students_replica_killed_mid_lesson_they_go_on_through_the_other_with_their_answers(cluster, tabs):
    from fmnist.classroom_redis import RedisClassStore

    teacher = tabs(cluster, 0)
    students = [tabs(cluster, 1, 390, 844) for _ in range(2)]  # phones, both on the replica that will go
    open_lesson(teacher, cluster.url)
    code, _ = start_class(teacher)
    for student in students:
        open_lesson(student, cluster.url, f"?class={code}")
        student.get_by_text(f"You are in class {code}").wait_for(timeout=30_000)
    assert [served_by(tab, cluster) for tab in (teacher, *students)] == [0, 1, 1]
    teacher.get_by_text("Students joined: 2").wait_for(timeout=30_000)
    teacher_goes_to(teacher, "dense")  # the tutorial network's question
    question = "The tutorial's network, and how it learned"
    for student, choice in zip(students, ("About as often", "Less often")):
        student.get_by_role("heading", name=question).wait_for(timeout=30_000)
        student.get_by_text(choice, exact=True).click(timeout=120_000)  # a cold replica loads TensorFlow for this step
        student.get_by_text("Your answer is in").wait_for(timeout=30_000)
    teacher.get_by_text("2 of 2 have answered").wait_for(timeout=30_000)

    victim = cluster.replica_processes[1]
    os.killpg(victim.pid, signal.SIGKILL)  # the machine is gone, with everything it ran
    victim.wait(timeout=10)
    teacher.get_by_role("button", name="Next").first.click()
    teacher.get_by_role("heading", name="One test image, ten probabilities").wait_for(timeout=30_000)
    for student in students:
        try:
            student.get_by_role("heading", name="One test image, ten probabilities").wait_for(timeout=90_000)
            student.get_by_text(f"You are in class {code}").wait_for(timeout=30_000)
        except Exception as exc:  # say what the page showed instead
            raise AssertionError(f"a student did not go on after the replica was lost:\n{student.inner_text('body')}") from exc
        assert served_by(student, cluster) == 0
        assert_no_exception(student)
    store = RedisClassStore(cluster.redis.url)
    assert store.counts(code, "train_vs_test", 3) == [0, 1, 1]  # both answers, given before the kill
    assert store.view(code).students == 2  # each kept their seat: not counted again on the other replica
    teacher.get_by_role("button", name="Previous").first.click()  # the teacher's own page says so too
    teacher.get_by_role("heading", name=question).wait_for(timeout=30_000)
    teacher.get_by_text("2 of 2 have answered").wait_for(timeout=30_000)
    assert_no_exception(teacher)
