"""Every Korean text follows the glossary of fmnist/i18n/_glossary.py: no banned variant, no
English-style punctuation, no fallback particle, a glossed term glossed at its first use. The
texts are read from i18n.TEXT, so a new module is checked too."""

import re

import pytest

from fmnist import i18n, lesson
from fmnist.data import CLASS_NAMES_KO
from fmnist.i18n._glossary import GLOSSARY, GRAMMAR, PUNCTUATION

KOREAN_TEXTS = {key: korean for key, (_, korean) in i18n.TEXT.items()}
KOREAN_TEXTS.update({f"CLASS_NAMES_KO[{label}]": name for label, name in enumerate(CLASS_NAMES_KO)})


def _offences(pattern: str) -> list[str]:
    found = re.compile(pattern)
    return [f"{key}: …{text[max(0, m.start() - 20):m.end() + 20]}…"
            for key, text in KOREAN_TEXTS.items() for m in found.finditer(text)]


@pytest.mark.parametrize("term", GLOSSARY, ids=lambda term: term.english)
def test_no_korean_text_uses_a_banned_variant(term):
    offences = [f"{banned} (say {term.korean}) in {where}" for banned in term.banned for where in _offences(banned)]
    assert not offences, "\n".join(offences)


@pytest.mark.parametrize(("pattern", "why"), PUNCTUATION, ids=[why for _, why in PUNCTUATION])
def test_korean_texts_use_korean_punctuation(pattern, why):
    assert not _offences(pattern), f"{why}:\n" + "\n".join(_offences(pattern))


@pytest.mark.parametrize(("pattern", "why"), GRAMMAR, ids=[why for _, why in GRAMMAR])
def test_korean_texts_print_no_fallback_particle(pattern, why):
    assert not _offences(pattern), f"{why}:\n" + "\n".join(_offences(pattern))


def _lesson_in_reading_order(language: str) -> list[tuple[str, str]]:
    """(key, text) of every step's texts, the steps in the lesson's order."""
    index = 0 if language == "en" else 1
    return [(key, texts[index]) for step in lesson.STEPS
            for key, texts in i18n.TEXT.items() if key.startswith(f"lesson.{step.id}.")]


@pytest.mark.parametrize(("word", "glossed"), [("유닛", "유닛(노드)"), ("중요도 맵", "중요도 맵(saliency map)"),
                                               ("오탐", "오탐(없는 옷을 있다고 함)")])
def test_the_lesson_glosses_a_term_where_it_first_uses_it(word, glossed):
    key, first = next(((key, text) for key, text in _lesson_in_reading_order("ko") if word in text), (None, ""))
    assert key, f"the lesson no longer says {word}: take it off this list"
    assert glossed in first, f"{key} is the first to say {word}: say {glossed} there"


INSTRUCTIONS_TO_THE_TEACHER = {"en": r"\bstudents?\b|\bpupils?\b|\bthe class\b|^(?:Ask|Have|Let|Tell|Get) ",
                               "ko": r"학생|하게 하세요|시키세요|물어보세요"}


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_teachers_say_notes_speak_to_the_class(language):
    """A say-note is a line the teacher reads to the class, not an instruction to the teacher."""
    instruction = re.compile(INSTRUCTIONS_TO_THE_TEACHER[language])
    to_the_teacher = [(key, text) for key, text in _lesson_in_reading_order(language)
                      if key.endswith(".say") and instruction.search(text)]
    assert _lesson_in_reading_order(language) and not to_the_teacher, to_the_teacher


def test_the_glossary_bans_no_word_it_prefers():
    for term in GLOSSARY:
        for banned in term.banned:
            assert not re.search(banned, term.korean), (term.korean, banned)


def test_korean_seconds_are_not_zero_padded():
    assert i18n.t("model.minutes", "ko", m=5, s=5) == "5분 5초"
    assert i18n.t("model.minutes", "en", m=5, s=5) == "5 min 05 s"


def test_pullover_is_called_a_sweater_in_korean():
    assert i18n.class_name(2, "ko") == "스웨터"
    assert i18n.bilingual_class_name(2) == "Pullover (스웨터)"
