"""The lesson as a plan: a core path that fits in 50 minutes read aloud at 150 words a minute with
its activities, ending with a summing-up and an exit ticket; every question naming the
misconception it targets, none given away by its formatting or by an earlier step's words."""

import re

import pytest

from fmnist import i18n, lesson

QUESTIONS = [(step, question) for step in lesson.STEPS
             for question in ((step.question,) if step.question else ()) + step.ticket]


def timing_rows() -> list[tuple[str, int, float, float, float]]:
    """(step, words, reading minutes, activity minutes, total) of each core step."""
    rows = []
    for step in lesson.core_steps():
        words = lesson.word_count(lesson.spoken_texts(step))
        reading = words / lesson.WORDS_PER_MINUTE
        rows.append((step.id, words, reading, step.activity, reading + step.activity))
    return rows


def test_the_core_path_read_aloud_with_its_activities_fits_in_50_minutes(capsys):
    rows = timing_rows()
    with capsys.disabled():
        print("\nstep      words  reading  activity  total  plan")
        for (step, words, reading, activity, total), planned in zip(rows, lesson.core_steps()):
            print(f"{step:<9} {words:>5}  {reading:>7.1f}  {activity:>8.1f}  {total:>5.1f}  {planned.minutes:>4.1f}")
        print(f"{'core':<9} {sum(r[1] for r in rows):>5}  {sum(r[2] for r in rows):>7.1f}  "
              f"{sum(r[3] for r in rows):>8.1f}  {sum(r[4] for r in rows):>5.1f}  "
              f"{sum(s.minutes for s in lesson.core_steps()):>4.1f}")
    assert sum(total for *_, total in rows) <= lesson.CORE_MINUTES
    assert sum(step.minutes for step in lesson.core_steps()) <= lesson.CORE_MINUTES


@pytest.mark.parametrize("step", lesson.core_steps(), ids=lambda step: step.id)
def test_each_core_steps_plan_leaves_time_to_read_it_aloud_and_do_its_activity(step):
    assert step.minutes >= lesson.reading_minutes(step) + step.activity - 1e-9, (
        step.id, lesson.reading_minutes(step), step.activity)


def test_the_core_path_ends_with_a_summing_up_and_an_exit_ticket_of_three_questions():
    core = lesson.core_steps()
    assert [step.id for step in core[-2:]] == ["summary", "ticket"]
    ticket = core[-1].ticket
    assert len(ticket) == 3 and not core[-1].question
    for question in ticket:
        assert question.answer is not None and 0 <= question.answer < question.choices


def test_optional_steps_are_marked_and_the_path_keeps_every_big_idea():
    optional = {step.id for step in lesson.STEPS if step.optional}
    assert optional == {"pixels", "single", "looked", "train"}
    assert {"dense", "errors", "versus", "sigmoid", "own"} <= {step.id for step in lesson.core_steps()}


def test_every_question_names_its_misconception_and_has_its_texts_in_both_languages():
    ids = [question.id for _, question in QUESTIONS]
    assert len(ids) == len(set(ids))
    for step, question in QUESTIONS:
        assert len(question.misconception.split()) >= 6, question.id
        prefix = lesson.text_prefix(step, question)
        for lang in ("en", "ko"):
            assert i18n.t(f"{prefix}.question", lang)
            assert all(i18n.t(f"{prefix}.choice_{i}", lang) for i in range(question.choices))
        assert f"{prefix}.choice_{question.choices}" not in i18n.TEXT  # no choice left over


def numbers_in(text: str) -> list[str]:
    return re.findall(r"\d+(?:\.\d+)?", text)


@pytest.mark.parametrize(("step", "question"), QUESTIONS, ids=[q.id for _, q in QUESTIONS])
def test_no_choice_is_given_away_by_its_formatting(step, question):
    """Where choices carry numbers, they are all written alike: the same number of decimals, the same
    roundness (no lone 'about 88%' among multiples of 10), and the same words around them."""
    prefix = lesson.text_prefix(step, question)
    for lang in ("en", "ko"):
        choices = [i18n.t(f"{prefix}.choice_{i}", lang) for i in range(question.choices)]
        shared = set.intersection(*(set(numbers_in(c)) for c in choices))  # '10' in 'ten bars' of every choice
        numbered = [c for c in choices if set(numbers_in(c)) - shared]
        if len(numbered) < 2:
            continue
        values = [next(n for n in numbers_in(c) if n not in shared) for c in numbered]
        assert len({len(v.partition(".")[2]) for v in values}) == 1, choices  # decimals alike
        if all("." not in v for v in values):
            assert all(int(v) % 5 == 0 for v in values), choices  # round alike
        assert len({re.sub(r"\d+(?:\.\d+)?", "#", c) for c in numbered}) == 1, choices  # the same words around


def test_the_most_wrong_class_is_not_named_by_any_earlier_step(fmnist_data):
    """The class the question's answer is (the shipped model's) is not pointed at before its step."""
    from conftest import ROOT
    from fmnist import answer_files

    found = answer_files.read(ROOT / "models" / "dense.keras", "dense", fmnist_data)
    answer = lesson.MOST_WRONG_CLASSES[lesson.most_wrong_choice(found.labels, found.predicted)[0]]
    number = lesson.STEP_IDS.index("errors")
    for lang in ("en", "ko"):
        earlier = " ".join(i18n.t(key, lang) for step in lesson.STEPS[:number] for key in i18n.TEXT
                           if key.startswith(f"lesson.{step.id}."))
        name = re.escape(i18n.class_name(answer, lang))
        assert not re.search(rf"(?<![\w/-]){name}", earlier, re.IGNORECASE), (lang, name)


def test_every_step_has_its_texts_and_teacher_notes_in_both_languages():
    for step in lesson.STEPS:
        for part in ("title", "body", "say", "ask", "myth"):
            english, korean = i18n.TEXT[f"lesson.{step.id}.{part}"]
            assert english.strip() and korean.strip(), (step.id, part)
