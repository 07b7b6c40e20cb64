"""Session state has one home: every key is defined in ui/state.py and written only through its
functions; the pages and the other interface modules only read it."""

import ast

import pytest
from conftest import ROOT

from ui import state

WRITING_METHODS = {"setdefault", "pop", "popitem", "update", "clear", "__setitem__", "__delitem__"}


def _is_session_state(node: ast.AST) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == "session_state") or (
        isinstance(node, ast.Name) and node.id == "session_state")


def session_state_writes(source: str) -> list[int]:
    """The lines of ``source`` that write Streamlit's session state directly."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        targets = []
        if isinstance(node, (ast.Assign, ast.Delete)):
            targets = node.targets
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        for target in targets:
            if isinstance(target, (ast.Subscript, ast.Attribute)) and _is_session_state(target.value):
                lines.append(node.lineno)
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in WRITING_METHODS and _is_session_state(node.func.value)):
            lines.append(node.lineno)
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("setattr", "delattr")
                and node.args and _is_session_state(node.args[0])):
            lines.append(node.lineno)
    return sorted(lines)


def interface_files():
    files = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "ui").glob("*.py"))]
    return [path for path in files if path != ROOT / "ui" / "state.py"]


def test_the_check_finds_every_way_of_writing_the_session_state():
    planted = ("import streamlit as st\n"
               "st.session_state['a'] = 1\n"
               "st.session_state.b = 2\n"
               "st.session_state.setdefault('c', 3)\n"
               "st.session_state.pop('d', None)\n"
               "del st.session_state['e']\n"
               "st.session_state['f'] += 1\n"
               "st.session_state.update(g=1)\n"
               "x = st.session_state.get('h')\n")  # a read: allowed
    assert session_state_writes(planted) == [2, 3, 4, 5, 6, 7, 8]


@pytest.mark.parametrize("path", interface_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_page_or_interface_module_writes_the_session_state_but_ui_state(path):
    assert session_state_writes(path.read_text()) == [], f"{path.name}: write through ui.state instead"


def test_only_keys_defined_in_ui_state_can_be_written():
    for key in state.KEYS:
        assert state.defined(key) == key
    assert state.defined("predict_tab") == "predict_tab"  # a page's own widget, of its family
    for stray in ("lang", "train", "predicttab", "my_key"):
        with pytest.raises(KeyError, match="not defined in ui/state.py"):
            state.defined(stray)


def test_the_pages_folder_holds_only_page_scripts():
    """Streamlit would show any .py of a pages/ folder beside the app's script as a page; the app's
    script lives in ui/, and pages/ holds the page scripts the navigation names, and nothing else."""
    from ui.shell import PAGES

    assert not (ROOT / "ui" / "pages").exists()
    assert {path.stem for path in (ROOT / "pages").glob("*.py")} == {name for name, _, _ in PAGES}
    assert not (ROOT / "pages" / "__init__.py").exists()
