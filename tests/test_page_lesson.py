"""The Lesson page with Streamlit's AppTest: every step in both languages, the questions' reveals
computed by the shipped models, the class seen by a teacher's session and a student's."""

from __future__ import annotations

import pytest

from conftest import ROOT, new_app
from fmnist import classroom, composite, i18n, lesson, registry
from fmnist.inference import Predictor
from ui import state

LESSON = str(ROOT / "pages/lesson.py")
LAST = len(lesson.STEPS)


def lesson_app(lang="en", **params):
    """An AppTest on the Lesson page, with ``params`` in the URL as a shared link would carry them."""
    at = new_app(timeout=180)
    at.query_params["lang"] = lang
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    return at.switch_page(LESSON).run()


def headers(at) -> list[str]:
    return [h.value for h in at.header]


def texts(at) -> str:
    """Everything the page shows as text."""
    parts = [e.value for kind in ("markdown", "caption", "header", "title", "info", "success", "warning", "error")
             for e in getattr(at, kind)]
    parts += [m.label + " " + str(m.value) for m in at.metric]
    parts += [b.label for b in at.button] + [r.label + " " + " ".join(map(str, r.options)) for r in at.radio]
    parts += [c.value for c in at.code]
    return "\n".join(map(str, parts))


def button(at, key):
    found = [b for b in at.button if b.key == key]
    assert found, f"no button {key}: {[b.key for b in at.button]}"
    return found[0]


def metric(at, label):
    return next(m for m in at.metric if m.label == label)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_step_in_order_with_its_title_words_and_full_page_link(lang, fmnist_data):
    at = lesson_app(lang)
    for number, step in enumerate(lesson.STEPS, start=1):
        assert not at.exception, (step.id, at.exception)
        assert not at.error, (step.id, [e.value for e in at.error])
        assert headers(at)[0] == i18n.t(f"lesson.{step.id}.title", lang)
        assert i18n.t("lesson.counter", lang, n=number, total=LAST) in texts(at)
        assert at.query_params["step"] == [str(number)] or at.query_params["step"] == str(number)
        assert any(i18n.t(f"lesson.{step.id}.body", lang) == m.value for m in at.markdown)
        if step.question:
            assert i18n.t(f"lesson.{step.id}.question", lang) in texts(at)
        # the teacher notes are for a teacher only
        assert i18n.t(f"lesson.{step.id}.myth", lang) not in texts(at)
        if step.id not in ("own", "train"):  # every figure says what a sighted student reads from it
            assert all(image.alt for element in at.get("imgs") for image in element.proto.imgs), step.id
        if number < LAST:
            button(at, "lesson_nav_top_next").click().run()
    assert button(at, "lesson_nav_top_next").disabled
    button(at, "lesson_nav_bottom_back").click().run()
    assert headers(at)[0] == i18n.t(f"lesson.{lesson.STEPS[-2].id}.title", lang)


@pytest.mark.parametrize(("given", "step"), [("5", 4), ("abc", 0)])  # every case of clamp_step: test_lesson.py
def test_a_link_opens_its_step_and_a_bad_one_opens_a_sensible_step(given, step):
    at = lesson_app(step=given)
    assert not at.exception
    assert headers(at)[0] == i18n.t(f"lesson.{lesson.STEPS[step].id}.title", "en")


def shipped(kind, arch="tiles"):
    return Predictor(registry.load_model(registry.shipped_path(kind, arch)))


def versus_canvas(fmnist_data):
    _, (x_test, y_test) = fmnist_data
    quadrants = list(lesson.VERSUS_CLASSES)
    sources = composite.arrange(y_test, [lesson.VERSUS_CLASSES[q] for q in quadrants], quadrants, seed=0)
    return composite.compose(x_test, sources[None])[0], composite.multi_hot(y_test, sources[None])[0]


def reveal_on_my_own(step_id: str, choice: int, lang="en"):
    number = lesson.STEP_IDS.index(step_id) + 1
    at = lesson_app(lang, step=str(number))
    question = lesson.STEPS[number - 1].question
    at.radio(key=f"lesson_own_{question.id}").set_value(choice).run()
    button(at, f"lesson_reveal_{question.id}").click().run()
    assert not at.exception and not at.error
    return at


def answer_text(at, step_id, correct, lang="en"):
    return i18n.t("lesson.answer_is", lang, answer=i18n.t(f"lesson.{step_id}.choice_{correct}", lang))


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_softmax_question_is_answered_by_the_notebooks_softmax_cnn(lang, fmnist_data):
    probabilities = shipped("single", "plain")(versus_canvas(fmnist_data)[0])
    correct = lesson.softmax_choice(probabilities)
    wrong = 2  # "nearly all on both": what ten bars summing to 1 can never show
    at = reveal_on_my_own("versus", wrong, lang)
    assert answer_text(at, "versus", correct, lang) in [s.value for s in at.success]
    assert i18n.t("lesson.you_wrong", lang, answer=i18n.t("lesson.versus.choice_2", lang)) in texts(at)
    assert at.radio(key="lesson_own_softmax_two").disabled  # answered and revealed: closed
    split = shipped("single")(versus_canvas(fmnist_data)[0])
    bag, sneaker = lesson.VERSUS_CLASSES[0], lesson.VERSUS_CLASSES[3]
    assert i18n.t("lesson.versus.tiles", lang, model=i18n.t("model.single", lang), bag=float(split[bag]),
                  sneaker=float(split[sneaker])) in texts(at)


def test_the_threshold_question_is_answered_on_the_canvas_and_the_slider_then_moves_the_line(fmnist_data):
    canvas, truth = versus_canvas(fmnist_data)
    correct = lesson.threshold_choice(shipped("multi", "plain")(canvas), truth)
    at = reveal_on_my_own("sigmoid", correct)
    assert answer_text(at, "sigmoid", correct) in [s.value for s in at.success]
    assert i18n.t("lesson.you_right", "en", answer=i18n.t(f"lesson.sigmoid.choice_{correct}", "en")) in texts(at)
    slider = at.slider(key="lesson_sigmoid_threshold")
    slider.set_value(0.8).run()
    said = next(m.value for m in at.markdown if m.value.startswith("The model says") and "Sneaker" not in m.value)
    assert "Bag" in said  # at 0.8 the plain CNN keeps the bag and misses the sneaker


def test_the_train_and_test_question_is_computed_on_both_sets(fmnist_data):
    from fmnist import evaluation

    model = registry.load_model(registry.shipped_path("dense"))
    train, _ = lesson.training_accuracy(model, registry.read_metadata(registry.shipped_path("dense"))["config"],
                                        fmnist_data)
    found = evaluation.test_predictions(model, "dense", fmnist_data)
    test = evaluation.accuracy(found.probabilities, found.labels)
    at = reveal_on_my_own("dense", 1)
    assert answer_text(at, "dense", lesson.generalisation_choice(train, test)) in [s.value for s in at.success]
    assert metric(at, "Right on its own training images").value == f"{train:.1%}"
    assert metric(at, "Test accuracy").value == f"{test:.1%}"
    worst, _ = lesson.most_wrong_choice(found.labels, found.predicted)
    at = reveal_on_my_own("errors", 0)
    assert answer_text(at, "errors", worst) in [s.value for s in at.success]


def test_the_saliency_question_asks_about_a_class_that_is_not_on_the_canvas(fmnist_data):
    from fmnist import saliency

    canvas, _ = versus_canvas(fmnist_data)
    _, (_, y_test) = fmnist_data
    model = registry.load_model(registry.shipped_path("multi", "plain"))
    shares = saliency.quadrant_shares(saliency.saliency_map(model, canvas, lesson.ABSENT_CLASS))
    classes = [lesson.VERSUS_CLASSES.get(q, -1) for q in range(4)]
    correct = lesson.map_choice(shares, classes)
    at = reveal_on_my_own("looked", 3)
    assert answer_text(at, "looked", correct) in [s.value for s in at.success]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_mistakes_step_shows_red_and_a_confident_mistake(lang, fmnist_data):
    from fmnist import answer_files

    found = answer_files.read(registry.shipped_path("dense"), "dense", fmnist_data)
    start = lesson.mistakes_window(found.labels, found.predicted)
    wrong = int(sum(found.predicted[i] != found.labels[i] for i in range(start, start + 15)))
    at = lesson_app(lang, step=str(lesson.STEP_IDS.index("errors") + 1))
    assert wrong >= 3
    assert i18n.t("lesson.errors.grid_caption", lang, first=start, last=start + 14, count=wrong) in texts(at)
    button(at, "lesson_errors_confident_button").click().run()
    names = i18n.class_names(lang)
    candidates = lesson.confident_mistakes(found.probabilities, found.labels)
    shown = [i for i in candidates if i18n.t(
        "lesson.errors.confident_caption", lang, index=i, truth=names[found.labels[i]], predicted=names[found.predicted[i]],
        percent=float(found.probabilities[i].max()), count=len(candidates), at_least=lesson.CONFIDENT) in texts(at)]
    assert len(shown) == 1  # one of the model's real confident mistakes, with its figures


def test_the_drawing_step_asks_about_outlines_and_reveals_both_calibrations(fmnist_data):
    from fmnist import data, evaluation

    _, (x_test, y_test) = fmnist_data
    model = registry.load_model(registry.shipped_path("dense"))
    sure, right = evaluation.confident_answers(evaluation.predict(model, data.outlines(x_test)), y_test, lesson.SURE_AT)
    at = reveal_on_my_own("own", 0)
    assert answer_text(at, "own", lesson.confidence_choice(right / sure)) in [s.value for s in at.success]
    assert any(f"{sure:,} answers" in caption.value for caption in at.caption)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_exit_ticket_asks_three_questions_and_reveals_their_known_answers(lang):
    step = lesson.STEPS[lesson.STEP_IDS.index("ticket")]
    at = lesson_app(lang, step=str(lesson.STEP_IDS.index("ticket") + 1))
    for question in step.ticket:
        prefix = lesson.text_prefix(step, question)
        assert i18n.t(f"{prefix}.question", lang) in texts(at)
        at.radio(key=f"lesson_own_{question.id}").set_value(question.answer).run()
        button(at, f"lesson_reveal_{question.id}").click().run()
        assert i18n.t("lesson.answer_is", lang, answer=i18n.t(f"{prefix}.choice_{question.answer}", lang)) in [
            s.value for s in at.success]
        assert i18n.t(f"{prefix}.reveal", lang) in texts(at)
    assert not at.exception


def test_the_sidebar_hides_the_models_test_figures_during_the_lesson():
    at = lesson_app()
    sidebar = " ".join(c.value for c in at.sidebar.caption)
    assert i18n.t("app.metric_hidden", "en") in sidebar and "accuracy" not in sidebar


def test_an_answer_on_my_own_is_kept_when_coming_back_to_the_step():
    number = lesson.STEP_IDS.index("versus") + 1
    at = lesson_app(step=str(number))
    at.radio(key="lesson_own_softmax_two").set_value(1).run()
    button(at, "lesson_nav_top_next").click().run()
    button(at, "lesson_nav_top_back").click().run()
    assert at.radio(key="lesson_own_softmax_two").value == 1


# --- A class: the teacher's session and the students' ---------------------------------------------

def teacher_to(teacher, step_id: str) -> None:
    """The teacher's Next, pressed until the class is on ``step_id`` (a step of the core path)."""
    for _ in range(len(lesson.STEPS)):
        if teacher.session_state[state.LESSON_STEP] == lesson.STEP_IDS.index(step_id):
            return
        button(teacher, "lesson_nav_top_next").click().run()
    raise AssertionError(f"Next never reached {step_id}")


def start_class(lang="en"):
    teacher = lesson_app(lang)
    button(teacher, "lesson_start").click().run()
    code = metric(teacher, i18n.t("lesson.class_code", lang)).value
    token_line = next(c.value for c in teacher.code if "teacher=" in c.value)
    return teacher, code, token_line.split("teacher=")[1]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_teacher_moves_the_students_and_sees_their_answers(lang, fmnist_data):
    teacher, code, token = start_class(lang)
    assert i18n.t("lesson.students", lang, count=0) in texts(teacher)
    student = lesson_app(lang, **{"class": code})
    assert i18n.t("lesson.joined_paced", lang, code=code) in texts(student)
    assert not [b for b in student.button if "nav" in (b.key or "")]  # no control that moves the class
    assert i18n.t("lesson.class_code", lang) not in [m.label for m in student.metric]
    teacher.run()
    assert i18n.t("lesson.students", lang, count=1) in texts(teacher)
    # teacher notes on the teacher's page only
    assert i18n.t("lesson.goals.myth", lang) in texts(teacher)
    assert i18n.t("lesson.goals.myth", lang) not in texts(student)

    teacher_to(teacher, "versus")
    student.run()  # what the student's follower does when it sees the teacher's move
    assert headers(student)[0] == i18n.t("lesson.versus.title", lang)

    student.radio(key="lesson_class_softmax_two").set_value(2).run()
    assert i18n.t("lesson.answer_saved", lang) in texts(student)
    teacher.run()
    assert i18n.t("lesson.answered", lang, count=1, students=1) in texts(teacher)
    assert not list(teacher.get("progress"))  # how many answered, no bars until the reveal

    button(teacher, "lesson_reveal_softmax_two").click().run()
    assert not teacher.exception
    bars = [p for p in teacher.get("progress")]
    assert len(bars) == 4 and bars[2].value == 100  # the one answer is the third choice
    student.run()
    correct = lesson.softmax_choice(shipped("single", "plain")(versus_canvas(fmnist_data)[0]))
    assert answer_text(student, "versus", correct, lang) in [s.value for s in student.success]
    assert answer_text(teacher, "versus", correct, lang) in [s.value for s in teacher.success]
    assert i18n.t("lesson.you_wrong", lang, answer=i18n.t("lesson.versus.choice_2", lang)) in texts(student)
    assert token not in texts(student)


def test_a_forged_teacher_parameter_gets_the_student_view():
    teacher, code, token = start_class()
    for forged in ("A" * len(token), token[:-1] + ("A" if token[-1] != "A" else "B"), "", "x"):
        forger = lesson_app(**{"class": code, "teacher": forged})
        assert not forger.exception
        assert i18n.t("lesson.joined_paced", "en", code=code) in texts(forger)
        assert "Class code" not in [m.label for m in forger.metric]
        assert not [b for b in forger.button if "nav" in (b.key or "")]
        assert "teacher" not in forger.query_params  # taken out of the address
    store_view = teacher.run()
    assert i18n.t("lesson.counter", "en", n=1, total=LAST) in texts(store_view)


def test_the_private_teacher_link_makes_a_second_teacher_screen():
    teacher, code, token = start_class()
    second = lesson_app(**{"class": code, "teacher": token})
    assert metric(second, "Class code").value == code
    assert "teacher" not in second.query_params
    button(second, "lesson_nav_top_next").click().run()
    teacher.run()
    assert headers(teacher)[0] == i18n.t("lesson.data.title", "en")


def test_student_paced_lets_students_move_and_back_to_the_teacher(fmnist_data):
    teacher, code, _ = start_class()
    student = lesson_app(**{"class": code})
    teacher.toggle(key="lesson_pace").set_value(False).run()
    student.run()
    assert i18n.t("lesson.joined_free", "en", code=code) in texts(student)
    button(student, "lesson_nav_top_next").click().run()
    button(student, "lesson_nav_top_next").click().run()
    assert headers(student)[0] == i18n.t("lesson.pixels.title", "en")
    teacher.run()
    assert headers(teacher)[0] == i18n.t("lesson.goals.title", "en")  # the teacher did not move
    teacher.toggle(key="lesson_pace").set_value(True).run()
    student.run()
    assert headers(student)[0] == i18n.t("lesson.goals.title", "en")
    assert not [b for b in student.button if "nav" in (b.key or "")]


def test_joining_with_a_typed_code_and_with_a_wrong_one():
    _, code, _ = start_class()
    student = lesson_app()
    student.text_input(key="lesson_code_input").set_value(f" {code.lower()[:3]}-{code.lower()[3:]} ")
    student.button(key="FormSubmitter:lesson_join_form-Join").click().run()
    assert i18n.t("lesson.joined_paced", "en", code=code) in texts(student)

    lost = lesson_app()
    lost.text_input(key="lesson_code_input").set_value("QQQQQQ")
    lost.button(key="FormSubmitter:lesson_join_form-Join").click().run()
    assert i18n.t("lesson.error_no_such_class", "en") in texts(lost)
    lost.text_input(key="lesson_code_input").set_value("<b>hi</b>")
    lost.button(key="FormSubmitter:lesson_join_form-Join").click().run()
    assert i18n.t("lesson.error_bad_code", "en") in texts(lost)
    assert not lost.exception


def test_a_link_to_a_class_that_does_not_exist_says_so_and_goes_on_on_ones_own():
    at = lesson_app(**{"class": "QQQQQQ"})
    assert i18n.t("lesson.error_no_such_class", "en") in texts(at)
    assert button(at, "lesson_nav_top_next")  # on one's own
    assert not at.exception


def test_when_the_teacher_ends_the_class_students_go_on_on_their_own():
    from ui.backends import class_store

    teacher, code, _ = start_class()
    student = lesson_app(**{"class": code})
    assert i18n.t("lesson.end_warning", "en") in [m.value for m in teacher.markdown]  # asked before it is done
    assert class_store().view(code).students == 1  # opening the question ends nothing
    button(teacher, "lesson_end").click().run()
    assert "Class code" not in [m.label for m in teacher.metric]
    student.run()
    assert i18n.t("lesson.class_ended", "en") in texts(student)
    assert button(student, "lesson_nav_top_next")


def test_presenter_view_hides_the_sidebar_and_shows_code_and_count_in_a_corner():
    teacher, code, _ = start_class()
    teacher.toggle(key="lesson_present").set_value(True).run()
    html = "\n".join(str(h.proto) for h in teacher.get("html"))
    assert "stSidebar" in html and "display: none" in html
    assert i18n.t("lesson.corner", "en", code=code, count=0) in html
    assert not teacher.title  # one step per screen: no page title above it
    assert i18n.t("lesson.goals.myth", "en") not in texts(teacher)  # teacher notes stay off the projector
    assert button(teacher, "lesson_nav_top_next")
    # ?view=present on a student's link does not give a student the teacher's screen
    student = lesson_app(**{"class": code, "view": "present"})
    assert not [h for h in student.get("html") if "lesson-corner" in str(h.proto)]


def every_element(node):
    """``node`` and everything under it, whatever its kind (markdown, alerts, HTML, tables, widgets...)."""
    yield node
    for child in getattr(node, "children", {}).values():
        yield from every_element(child)


def test_nothing_a_student_types_is_rendered_as_html():
    typed = "<img src=x onerror=alert(1)>"
    at = lesson_app()
    at.text_input(key="lesson_code_input").set_value(typed)
    at.button(key="FormSubmitter:lesson_join_form-Join").click().run()
    assert not at.exception
    assert [w.value for w in at.warning] == [i18n.t("lesson.error_bad_code", "en")]
    elements = [node for node in every_element(at._tree) if getattr(node, "key", None) != "lesson_code_input"]
    assert len(elements) > 20  # the whole page was looked at, not an empty tree
    assert not [node for node in elements if "onerror" in str(getattr(node, "proto", ""))]


def test_the_class_store_is_one_for_every_session():
    from ui.backends import class_store

    teacher, code, token = start_class()
    assert class_store().is_teacher(code, token)
    assert isinstance(class_store(), classroom.ClassStore)


def test_a_student_who_reconnects_with_the_same_address_keeps_their_seat_and_answer():
    teacher, code, _ = start_class()
    teacher_to(teacher, "dense")
    student = lesson_app(**{"class": code})
    seat = student.query_params["student"]
    seat = seat[0] if isinstance(seat, list) else seat
    assert classroom.is_student_id(seat)
    student.radio(key="lesson_class_train_vs_test").set_value(2).run()
    # The same browser on another server (its replica was lost): a new session, the same address.
    again = lesson_app(**{"class": code, "student": seat})
    assert i18n.t("lesson.answer_saved", "en") in texts(again)
    assert again.radio(key="lesson_class_train_vs_test").value == 2
    from ui.backends import class_store

    assert class_store().view(code).students == 1
    assert class_store().counts(code, "train_vs_test", 3) == [0, 0, 1]
    for forged in ("<b>x</b>", "short", "A" * 65):  # not an id this app gives: a seat of its own
        other = lesson_app(**{"class": code, "student": forged})
        assert not other.exception and i18n.t("lesson.joined_paced", "en", code=code) in texts(other)
    assert class_store().view(code).students == 4
