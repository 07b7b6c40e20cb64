"""The class challenge on the Lesson's last step, with AppTest: alone, and a class of three with
a teacher who reveals the private scores and hides an entry. Real trainings, in the warm process."""

from __future__ import annotations

import time

import pytest

from fmnist import challenge, i18n, lesson
from test_page_lesson import button, lesson_app, metric, teacher_to, texts

pytestmark = pytest.mark.timeout(600)

STEP = str(lesson.STEP_IDS.index("train") + 1)
SUBMIT = "FormSubmitter:challenge_form-Train my model"


@pytest.fixture(autouse=True)
def warm_process_ends():
    yield
    from ui.backends import _challenge_manager, model_registry

    _challenge_manager(str(model_registry().root), None).shutdown()


def submit(at, nickname, **choices):
    at.text_input(key="challenge_nickname").set_value(nickname)
    for name, value in choices.items():
        at.select_slider(key=f"challenge_{name}").set_value(value)
    at.button(key=SUBMIT).click().run()
    assert not at.exception, at.exception


def board(at) -> dict:
    """The board as a phone reads it first: rank, nickname, accuracy (and, revealed, the move)."""
    return at.table[0].value.to_dict("list") if at.table else {}


def details(at) -> dict:
    """Every figure and setting, one click away."""
    return at.dataframe[0].value.to_dict("list") if at.dataframe else {}


def percent(cell: str) -> float:
    """'84.2% ± 1.0' -> 84.2, checking the interval is there."""
    value, interval = cell.split("% ± ")
    assert 0 < float(interval) < 2  # 5,000 images: about a point either way
    return float(value)


def wait_for_board(at, rows: int, timeout: float = 240) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        at.run()
        found = board(at)
        if found and len(found[i18n.t("challenge.nickname", "en")]) >= rows and i18n.t(
                "challenge.board_count", "en", done=rows, waiting=0) in texts(at):
            return found
        assert time.monotonic() < deadline, texts(at)
        time.sleep(1)


def stored_test(key: str) -> dict:
    """The test figures the registry holds for a model."""
    from fmnist import registry
    from ui.backends import model_registry

    return registry.read_metadata(model_registry().path_for_key(key))["test"]


def stored_scores(key: str) -> tuple[str, str]:
    """The public and private accuracy the registry holds for a model, as the board writes them."""
    test = stored_test(key)
    return f"{test['public_accuracy']:.1%}", f"{test['private_accuracy']:.1%}"


def test_alone_a_student_trains_and_sees_their_own_board(fmnist_data):
    at = lesson_app(step=STEP)
    assert i18n.t("lesson.train.title", "en") in texts(at)
    button_labels = [b.label for b in at.button]
    assert i18n.t("challenge.submit", "en") in button_labels
    submit(at, "<b>Ana</b>", hidden=32)
    shown = wait_for_board(at, 1)
    assert shown[i18n.t("challenge.nickname", "en")] == ["<b>Ana</b>"]  # as text, in a table cell
    assert all("<b>Ana" not in m.value for m in at.markdown)
    assert list(shown) == [i18n.t(k, "en") for k in ("challenge.rank", "challenge.nickname", "challenge.public")]
    assert details(at)[i18n.t("train.hidden", "en")] == ["32"]
    mine = at.session_state["challenge_mine"]
    assert [v.split(" ± ")[0] for v in shown[i18n.t("challenge.public", "en")]] == [stored_scores(mine)[0]]
    assert i18n.t("challenge.mine_done", "en", public=stored_test(mine)["public_accuracy"]) in [
        s.value for s in at.success]
    # take it home: the model and its notebook, from the board
    assert at.selectbox(key="challenge_take_home").value == at.session_state["challenge_mine"]
    labels = [d.label for d in at.get("download_button")]
    assert i18n.t("take_home.model", "en") in labels and i18n.t("take_home.notebook", "en") in labels


def test_without_a_nickname_nothing_is_trained():
    at = lesson_app(step=STEP)
    submit(at, "   ")
    assert i18n.t("challenge.nickname_missing", "en") in texts(at)
    assert not at.table


def test_a_class_of_three_the_private_reveal_and_a_hidden_entry(fmnist_data):
    teacher = lesson_app()
    button(teacher, "lesson_start").click().run()
    code = metric(teacher, "Class code").value
    students = [lesson_app(**{"class": code}) for _ in range(3)]
    teacher.toggle(key="lesson_include_optional").set_value(True).run()  # the challenge is optional
    teacher_to(teacher, "train")
    assert i18n.t("challenge.reveal_private", "en") in [b.label for b in teacher.button]
    assert not [b for b in teacher.button if b.key == SUBMIT]  # the teacher does not compete
    settings = [("Ana", dict(hidden=256, learning_rate=0.01)), ("Bo", dict(hidden=16, learning_rate=0.0001)),
                ("<i>Cy</i>", dict(hidden=64, epochs=1))]
    for student, (nickname, choices) in zip(students, settings):
        student.run()
        assert i18n.t("lesson.train.title", "en") in texts(student)
        submit(student, nickname, **choices)
    shown = wait_for_board(teacher, 3)
    names = shown[i18n.t("challenge.nickname", "en")]
    assert sorted(names) == ["<i>Cy</i>", "Ana", "Bo"]
    from ui.backends import class_store

    keys = {entry.nickname: entry.key for entry in class_store().board(code)}
    public_column = shown[i18n.t("challenge.public", "en")]
    # each row its own model's score, with its interval
    assert [v.split(" ± ")[0] for v in public_column] == [stored_scores(keys[name])[0] for name in names]
    publics = [percent(v) for v in public_column]
    assert publics == sorted(publics, reverse=True)  # ranked on the public half
    ranks = [int(r.split()[0]) for r in shown[i18n.t("challenge.rank", "en")]]
    from ui.backends import class_store

    exact = sorted((entry.public for entry in class_store().board(code)), reverse=True)
    assert ranks == challenge.noise_ranks(exact)  # entries within noise share a rank
    assert i18n.t("challenge.private", "en") not in shown

    button(teacher, "challenge_reveal").click().run()
    revealed = board(teacher)
    names = revealed[i18n.t("challenge.nickname", "en")]
    assert [v.split(" ± ")[0] for v in revealed[i18n.t("challenge.private", "en")]] == [
        stored_scores(keys[name])[1] for name in names]  # each row its own model's private score
    privates = [percent(v) for v in revealed[i18n.t("challenge.private", "en")]]
    assert privates == sorted(privates, reverse=True)  # re-ranked on the private half
    assert i18n.t("challenge.moved", "en") in revealed
    assert i18n.t("challenge.public", "en") in details(teacher)

    bo = next(entry.id for entry in class_store().board(code) if entry.nickname == "Bo")
    teacher.multiselect(key="challenge_hidden").set_value([bo]).run()
    assert "Bo" not in board(teacher)[i18n.t("challenge.nickname", "en")]
    for student in students:
        student.run()
        names = board(student)[i18n.t("challenge.nickname", "en")]
        assert "Bo" not in names and len(names) == 2
        assert i18n.t("challenge.private", "en") in board(student)  # everyone sees the reveal
    assert challenge.clean_nickname("<i>Cy</i>") in names


def the_warm_training_process():
    """The server's warm process that trains the challenge's models (a child of this process)."""
    import multiprocessing

    return next((child for child in multiprocessing.active_children() if child.name == "train-warm"), None)


def test_a_training_whose_process_dies_is_said_and_marked_failed_on_the_board_until_its_model_is_stored(
        fmnist_data):
    import os
    import signal

    from fmnist import jobs
    from ui.backends import _challenge_manager
    from ui.backends import model_registry

    teacher = lesson_app()
    button(teacher, "lesson_start").click().run()
    code = metric(teacher, "Class code").value
    student = lesson_app(**{"class": code})
    teacher.toggle(key="lesson_include_optional").set_value(True).run()  # the challenge is optional
    teacher_to(teacher, "train")
    student.run()
    submit(student, "Dee", hidden=256, epochs=4)
    key = student.session_state["challenge_mine"]
    manager = _challenge_manager(str(model_registry().root), None)
    deadline = time.monotonic() + 120
    while manager.get(key).state != jobs.RUNNING or the_warm_training_process() is None:
        assert time.monotonic() < deadline, manager.get(key)
        time.sleep(0.2)
    os.kill(the_warm_training_process().pid, signal.SIGKILL)  # as the kernel's OOM killer would
    assert manager.wait(key, timeout=60).state == jobs.FAILED

    student.run()
    said = [w.value for w in student.warning]
    assert [text for text in said if text.startswith(i18n.t("challenge.mine_failed", "en", error=""))], said
    assert "exit code" in " ".join(said)  # what happened, in a line: no traceback
    for seen in (student.run(), teacher.run()):
        assert not seen.exception
        assert i18n.t("challenge.board_count", "en", done=0, waiting=0) in texts(seen)
        shown = board(seen)
        assert shown[i18n.t("challenge.nickname", "en")] == ["Dee"]
        assert shown[i18n.t("challenge.public", "en")] == [i18n.t("challenge.failed_row", "en")]
    button(teacher, "challenge_reveal").click().run()
    revealed = board(teacher)
    # after the reveal the board reads rank, nickname, the private half's accuracy and the move
    assert revealed[i18n.t("challenge.private", "en")] == [i18n.t("challenge.failed_row", "en")]
    assert revealed[i18n.t("challenge.rank", "en")] == [""] and revealed[i18n.t("challenge.moved", "en")] == [""]
    assert not model_registry().path_for_key(key).exists()  # nothing half-written

    # The same model stored after all (here: another student alone, with the same knobs; in a
    # cluster: a worker the app took for lost under load): the entry is scored, not failed.
    alone = lesson_app(step=STEP)
    submit(alone, "Eve", hidden=256, epochs=4)
    assert alone.session_state["challenge_mine"] == key
    wait_for_board(alone, 1)
    shown = wait_for_board(teacher, 1)
    assert shown[i18n.t("challenge.nickname", "en")] == ["Dee"]
    # the teacher revealed the private half above: the board ranks on it now
    assert [v.split(" ± ")[0] for v in shown[i18n.t("challenge.private", "en")]] == [stored_scores(key)[1]]
    student.run()
    assert not student.warning and i18n.t("challenge.mine_done", "en", public=stored_test(key)["public_accuracy"]) in [
        s.value for s in student.success]
