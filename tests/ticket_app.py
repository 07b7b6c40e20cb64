"""The app, with tests/ticket_demo.py's exit ticket when the lesson has none of its own: what the
browser tests of a class (tests/test_browser_lesson_class.py) serve. The steps are changed in
this server process before any page runs; everything else is the real app (app.py)."""

import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
sys.path[:0] = [str(TESTS.parent), str(TESTS)]

import ticket_demo  # noqa: E402

ticket_demo.install()

import streamlit as st  # noqa: E402

from ui.warm_up import server_lifespan  # noqa: E402

app = st.App(str(TESTS.parent / "ui" / "main.py"), lifespan=server_lifespan)
