"""The pages with $FMNIST_REDIS_URL set (several servers sharing one Redis), with Streamlit's
AppTest and a real redis-server on loopback: the class lives in Redis, where another server
(here a store object of its own) sees it; while Redis is down a page says so, shows no
traceback and comes back by itself; without the variable nothing changes."""

from __future__ import annotations

import pytest

from conftest import ROOT, new_app
from fmnist import classroom, i18n, lesson
from fmnist.classroom_redis import RedisClassStore

LESSON = str(ROOT / "pages/lesson.py")


@pytest.fixture
def shared(redis_url, monkeypatch):
    """This test's servers share ``redis_url``; the pages' cached store and managers are made anew."""
    import ui.backends as _ui

    monkeypatch.setenv("FMNIST_REDIS_URL", redis_url)
    _ui._class_store.clear()
    yield redis_url
    _ui._class_store.clear()


def lesson_app(**params):
    at = new_app(timeout=180)
    at.query_params["lang"] = "en"
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    return at.switch_page(LESSON).run()


def shown(at) -> str:
    return "\n".join(str(e.value) for kind in ("markdown", "info", "warning", "error", "header")
                     for e in getattr(at, kind))


def test_without_the_variable_the_class_store_is_this_servers_memory(monkeypatch):
    import ui.backends as _ui

    monkeypatch.delenv("FMNIST_REDIS_URL", raising=False)
    assert isinstance(_ui.class_store(), classroom.MemoryClassStore)
    assert _ui.shared_reachable()


def test_a_class_started_on_another_server_is_joined_and_followed_here(shared):
    import ui.backends as _ui

    assert isinstance(_ui.class_store(), RedisClassStore)
    other_server = RedisClassStore(shared)
    code, token = other_server.create(len(lesson.STEPS))
    student = lesson_app(**{"class": code})
    assert i18n.t("lesson.joined_paced", "en", code=code) in shown(student)
    assert other_server.view(code).students == 1  # the join reached the other server
    other_server.set_step(code, token, 3)
    student.run()  # what the student's follower does when it sees the teacher's move
    assert student.header[0].value == i18n.t(f"lesson.{lesson.STEPS[3].id}.title", "en")
    assert not student.exception


def test_redis_down_is_said_on_the_page_and_the_page_comes_back(shared, redis_service):
    other_server = RedisClassStore(shared)
    code, _ = other_server.create(len(lesson.STEPS))
    student = lesson_app(**{"class": code})
    redis_service.stop()
    try:
        student.run()
        assert not student.exception
        assert i18n.t("app.shared_down", "en") in [w.value for w in student.warning]
    finally:
        redis_service.start()
    student.run()
    assert not student.exception
    assert i18n.t("app.shared_down", "en") not in [w.value for w in student.warning]
    assert i18n.t("lesson.joined_paced", "en", code=code) in shown(student)  # the class survived the restart


def test_a_hosted_app_keeps_its_classes_in_redis_and_trains_in_its_own_server(monkeypatch):
    """FMNIST_TRAIN_HERE=1 beside FMNIST_REDIS_URL: the class store is shared, the training queues local."""
    import ui.backends as backends

    monkeypatch.setenv("FMNIST_REDIS_URL", "redis://127.0.0.1:1/0")
    assert backends.redis_url() == backends.queue_redis_url() == "redis://127.0.0.1:1/0"
    monkeypatch.setenv("FMNIST_TRAIN_HERE", "1")
    assert backends.redis_url() == "redis://127.0.0.1:1/0"
    assert backends.queue_redis_url() is None
    monkeypatch.delenv("FMNIST_REDIS_URL")
    assert backends.redis_url() is None and backends.queue_redis_url() is None
