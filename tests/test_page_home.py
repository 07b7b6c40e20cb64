"""The app shell and Home page with Streamlit's AppTest, in both languages."""

import string

import pytest
from conftest import open_app as run_app
from fmnist import i18n


def test_home_opens_in_english_by_default():
    at = run_app()
    assert not at.exception
    assert at.title[0].value == "Fashion-MNIST Studio"
    assert at.session_state["language"] == "en"
    assert "Sneaker" in at.markdown[-1].value


def test_home_opens_in_korean_from_the_url():
    at = run_app("ko")
    assert not at.exception
    assert at.title[0].value == "패션 MNIST 스튜디오"
    assert "스니커즈" in at.markdown[-1].value


def test_the_sidebar_switches_language():
    # The URL half (?lang=ko after the switch) is checked in a real browser: test_browser_home.py.
    at = run_app()
    at.sidebar.radio(key="language").set_value("ko").run()
    assert not at.exception
    assert at.title[0].value == "패션 MNIST 스튜디오"


def test_an_unknown_language_in_the_url_falls_back_to_english():
    at = run_app("xx")
    assert not at.exception
    assert at.title[0].value == "Fashion-MNIST Studio"


def placeholders(text: str) -> set[str]:
    """The names of the values a text takes ("{model} has {count:,}" -> {"model", "count"})."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_text_exists_in_both_languages_and_takes_the_same_values():
    empty = [key for key, texts in i18n.TEXT.items() if not all(text.strip() for text in texts)]
    differ = {key: (placeholders(english), placeholders(korean))
              for key, (english, korean) in i18n.TEXT.items() if placeholders(english) != placeholders(korean)}
    assert not empty, f"texts missing in a language: {empty}"
    assert not differ, f"the languages take different values (English, Korean): {differ}"


def test_the_placeholder_check_tells_names_apart_not_only_braces():
    assert placeholders("{model} `{model_id}`: {count:,} of {total}") == {"model", "model_id", "count", "total"}
    assert placeholders("{model} trained") != placeholders("{name} 학습")
    assert placeholders("{{not a value}} {value}") == {"value"}


@pytest.mark.parametrize("page", ["pages/browse.py", "pages/compose.py", "pages/train.py"])
def test_a_page_keeps_the_sidebar_and_language_on_every_rerun(page):
    at = run_app("ko", page)
    title = at.title[0].value
    for _ in range(2):
        assert not at.exception
        assert at.session_state["language"] == "ko"
        assert at.sidebar.radio(key="language").value == "ko"
        assert at.title[0].value == title != "패션 MNIST 스튜디오"
        at.run()


def test_a_page_run_leaves_the_models_keras_state_alone():
    """Streamlit's end-of-run clean-up would call keras.backend.clear_session(), resetting Keras for
    every thread (a training in a worker thread included) and emptying TensorFlow's kernel cache."""
    import keras

    at = run_app()
    first = keras.backend.get_uid("studio_probe")
    at.run()
    assert not at.exception
    assert keras.backend.get_uid("studio_probe") == first + 1
