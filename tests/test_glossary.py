"""Every Korean text follows the glossary of fmnist/i18n/_glossary.py: no banned variant, no
English-style punctuation. The texts are read from i18n.TEXT, so a new module is checked too."""

import re

import pytest

from fmnist import i18n
from fmnist.data import CLASS_NAMES_KO
from fmnist.i18n._glossary import GLOSSARY, PUNCTUATION

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
