"""The one private Streamlit function the app replaces (ui/streamlit_patch.py): still there in the pinned
Streamlit and still called, and a clear warning in the log the day an upgrade removes it."""

import logging
import types

from streamlit.runtime.scriptrunner import script_runner

from ui import streamlit_patch as _shell


def test_the_pinned_streamlit_still_has_and_calls_the_clean_up_the_app_replaces():
    assert _shell.clean_up_problem() is None
    assert script_runner._clean_problem_modules is _shell._close_pyplot_figures, "replaced at start-up"


def fake_script_runner(call_it: bool, define_it: bool = True):
    """A stand-in for Streamlit's script_runner module: a ScriptRunner whose run calls the clean-up or not."""
    module = types.ModuleType("fake_script_runner")
    source = ("class ScriptRunner:\n"
              "    def _run_script(self):\n"
              f"        {'_clean_problem_modules()' if call_it else 'pass'}\n")
    if define_it:
        source += "def _clean_problem_modules():\n    pass\n"
    exec(source, module.__dict__)
    return module


def test_a_streamlit_without_the_function_is_said_in_the_log_and_left_alone(monkeypatch, caplog):
    module = fake_script_runner(call_it=False, define_it=False)
    with caplog.at_level(logging.WARNING, logger=_shell.logger.name):
        assert _shell.replace_clean_up(module) is False
    assert not hasattr(module, "_clean_problem_modules")
    [record] = caplog.records
    assert record.levelno == logging.WARNING
    assert "has no function _clean_problem_modules" in record.getMessage()
    assert "0.4 s" in record.getMessage() and "ui/streamlit_patch.py" in record.getMessage()


def test_a_streamlit_that_no_longer_calls_it_is_said_in_the_log(caplog):
    module = fake_script_runner(call_it=False)
    with caplog.at_level(logging.WARNING, logger=_shell.logger.name):
        assert _shell.replace_clean_up(module) is False
    assert "no method of streamlit's ScriptRunner calls _clean_problem_modules" in caplog.text


def test_the_pinned_streamlit_check_fails_if_the_attribute_goes(monkeypatch, caplog):
    monkeypatch.delattr(script_runner, "_clean_problem_modules")
    with caplog.at_level(logging.WARNING, logger=_shell.logger.name):
        assert _shell.replace_clean_up() is False
    assert "has no function _clean_problem_modules" in caplog.text


def test_a_streamlit_that_still_calls_it_has_it_replaced_without_a_warning(caplog):
    module = fake_script_runner(call_it=True)
    with caplog.at_level(logging.WARNING, logger=_shell.logger.name):
        assert _shell.replace_clean_up(module) is True
    assert module._clean_problem_modules is _shell._close_pyplot_figures
    assert not caplog.records
