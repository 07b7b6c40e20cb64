"""The Lesson's class: where a session is (on its own, a class's teacher, a student), joining,
leaving, starting and ending a class, the teacher's and the student's panels, following the
teacher's step, Previous/Next, and the presenter view's corner.

Three roles. On one's own (no class): Previous/Next, the step in the URL (``?step=5``).
Teacher (this session holds the class's token): the class code, its QR code, the students, the
pace, Previous/Next that move the class along the core path (optional steps skipped unless the
teacher includes them, ``fmnist.lesson_plan``), the time used against the plan (on the teacher's
own screen only), how many have answered, a second round, Reveal. Student (joined
with a code): the teacher's step within a second of the teacher's click (a fragment that looks at
the class every second and reruns the page when the teacher changed it), an answer per question.
``?view=present`` (or the teacher's toggle) is the presenter view for the projector.
"""

from __future__ import annotations

import io
import os
import time

import segno
import streamlit as st

from fmnist import classroom, lesson, lesson_plan
from ui import state
from ui.backends import class_store, outage_safe
from ui.lesson_questions import answered_lines
from ui.text import lang, tr

FOLLOW_EVERY_S = 1.0  # how often a student's page looks at its class: the step arrives within this
COUNT_EVERY_S = 1.0  # how often the teacher's page counts students and answers
PLAN_EVERY_S = 20.0  # how often the teacher's time against the plan is redrawn (it shows minutes)
LAST = len(lesson.STEPS) - 1


# --- Where the session is: the URL once, then the session ------------------------------------

def read_url() -> None:
    """The lesson's query parameters, read when a session first opens the page: ``step``,
    ``view=present``, ``class``, a student's own ``student`` id (so that a browser that reconnects
    to another server keeps its seat and its answers, not counted twice) and the private
    ``teacher`` token (taken out of the address bar at once: the projector shows the URL)."""
    params = st.query_params
    if state.LESSON_URL_READ in st.session_state:
        return
    state.put(state.LESSON_URL_READ, True)
    state.put(state.LESSON_STEP, lesson.clamp_step(params.get("step"), 0))
    state.put(state.LESSON_PRESENT, params.get("view") == "present")
    code = classroom.normalise_code(params.get("class"))
    token = params.get("teacher")
    if "teacher" in params:
        del st.query_params["teacher"]
    if code and token and class_store().is_teacher(code, token):
        state.put(state.LESSON_CLASS, code)
        state.put(state.LESSON_TOKEN, token)
    elif code:
        join(code, params.get("student"))


def join(code: str, seat: str | None = None) -> bool:
    """Join ``code`` as a student (as ``seat``, the id this browser had before it reconnected, if
    the address carries one); on failure a message, and the session stays on its own."""
    student = state.default(state.LESSON_STUDENT, seat if classroom.is_student_id(seat) else classroom.new_student_id())
    try:
        class_store().join(code, student)
    except classroom.ClassError as exc:
        st.warning(tr(f"lesson.error_{exc.reason}"), icon=":material/warning:")
        return False
    state.put(state.LESSON_CLASS, code)
    state.take(state.LESSON_TOKEN)
    state.take(state.LESSON_SHOWN)
    return True


def leave() -> None:
    for key in (state.LESSON_CLASS, state.LESSON_TOKEN, state.LESSON_SHOWN):
        state.take(key)
    st.query_params.pop("class", None)
    st.query_params.pop("student", None)


def current_class() -> tuple[classroom.ClassView | None, bool]:
    """(the class this session is in, whether as its teacher); (None, False) on one's own.
    A class that ended or expired says so once and the session goes on on its own."""
    code = st.session_state.get(state.LESSON_CLASS)
    if not code:
        return None, False
    try:
        view = class_store().view(code)
    except classroom.NoSuchClass:
        leave()
        st.info(tr("lesson.class_ended"), icon=":material/info:")
        return None, False
    return view, class_store().is_teacher(code, st.session_state.get(state.LESSON_TOKEN))


# --- Ask -----------------------------------------------------------------------------------------

def start_class() -> None:
    try:
        code, token = class_store().create(len(lesson.STEPS))
    except classroom.ClassError as exc:
        state.put(state.LESSON_START_ERROR, exc.reason)
        return
    state.put(state.LESSON_CLASS, code)
    state.put(state.LESSON_TOKEN, token)
    class_store().set_step(code, token, st.session_state.get(state.LESSON_STEP, 0))


def own_class_ui() -> None:
    """On one's own: start a class (a teacher) or join one with its code (a student)."""
    with st.expander(tr("lesson.class_box"), icon=":material/groups:"):
        start, join_column = st.columns(2, gap="large")
        with start:
            st.markdown(tr("lesson.start_explain"))
            st.button(tr("lesson.start"), key="lesson_start", type="primary", on_click=start_class,
                      icon=":material/co_present:")
            error = state.take(state.LESSON_START_ERROR)
            if error:
                st.warning(tr(f"lesson.error_{error}"), icon=":material/warning:")
        with join_column, st.form("lesson_join_form", border=False):
            typed = st.text_input(tr("lesson.code_input"), max_chars=12, key="lesson_code_input",
                                  placeholder="ABC234")
            if st.form_submit_button(tr("lesson.join"), icon=":material/login:"):
                code = classroom.normalise_code(typed)
                if not code:
                    st.warning(tr("lesson.error_bad_code"), icon=":material/warning:")
                elif join(code):
                    st.rerun()


def network_host() -> str | None:
    """The server's address on the network, the one Streamlit prints in its Network URL (its
    ``net_util`` is not public API: without it, the link keeps the browser's address)."""
    try:
        from streamlit import net_util

        return net_util.get_internal_ip()
    except Exception:  # noqa: BLE001 - an upgrade that moved it must not break the page
        return None


def join_link(code: str) -> str:
    return classroom.join_link(st.context.url or "http://localhost:8501", code, network_host=network_host(),
                               public_url=os.environ.get("FMNIST_PUBLIC_URL"), language=lang())


@st.cache_data(show_spinner=False, max_entries=32)
def qr_png(link: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=8, border=2)
    return buffer.getvalue()


def teacher_ui(view: classroom.ClassView, token: str) -> None:
    """The class code large, its QR code, the students, the pace, presenter view, the private link."""
    link = join_link(view.code)
    code_column, qr_column, settings = st.columns([2, 1, 2], gap="medium")
    with code_column:
        st.metric(tr("lesson.class_code"), view.code)
        st.markdown(tr("lesson.join_how", link=link))
        students_count(view.code)
        time_against_plan(view.started, view.step, bool(st.session_state.get(state.LESSON_OPTIONAL)))
    qr_column.image(qr_png(link), caption=tr("lesson.qr_caption"), width=180)
    with settings:
        paced = st.toggle(tr("lesson.teacher_paced"), value=view.pace == classroom.TEACHER_PACED,
                          key="lesson_pace", help=tr("lesson.teacher_paced_help"))
        pace = classroom.TEACHER_PACED if paced else classroom.STUDENT_PACED
        if pace != view.pace:
            class_store().set_pace(view.code, token, pace)
        st.toggle(tr("lesson.present"), key=state.LESSON_PRESENT, help=tr("lesson.present_help"))
        include_optional_ui()
        with st.popover(tr("lesson.teacher_link"), icon=":material/key:"):
            st.caption(tr("lesson.teacher_link_help"))
            st.code(classroom.teacher_link(link, token), language=None)
        with st.popover(tr("lesson.end"), icon=":material/logout:"):  # asks first: ending cannot be undone
            st.markdown(tr("lesson.end_warning"))
            if st.button(tr("lesson.end_confirm"), key="lesson_end", type="primary", icon=":material/logout:"):
                class_store().close(view.code, token)
                leave()
                st.rerun()


@st.fragment(run_every=COUNT_EVERY_S)
@outage_safe
def students_count(code: str) -> None:
    try:
        count = class_store().view(code).students
    except classroom.NoSuchClass:
        return
    st.markdown(tr("lesson.students", count=count))


def include_optional_ui() -> None:
    """The teacher's one click that puts the optional steps on the path of Next and Previous."""
    st.toggle(tr("lesson.include_optional"), key=state.LESSON_OPTIONAL, help=tr("lesson.include_optional_help"))


@st.fragment(run_every=PLAN_EVERY_S)
def time_against_plan(started: float, step: int, include_optional: bool) -> None:
    """Minutes since the class started against the minutes the plan gives the steps before this
    one (the class store's clock is the wall clock, on every server)."""
    plan = lesson_plan.time_against_plan(time.time() - started, lesson.STEPS, step, include_optional)
    behind = round(plan.behind)
    status = (tr("lesson.time_behind", minutes=behind) if behind > 0 else
              tr("lesson.time_ahead", minutes=-behind) if behind < 0 else tr("lesson.time_on_plan"))
    st.markdown(tr("lesson.time_plan", used=round(plan.used), planned=round(plan.planned), status=status,
                   whole=round(plan.whole)))


def student_ui(view: classroom.ClassView) -> None:
    paced = view.pace == classroom.TEACHER_PACED
    info, leave_column = st.columns([4, 1], vertical_alignment="center")
    info.info(tr("lesson.joined_paced" if paced else "lesson.joined_free", code=view.code),
              icon=":material/groups:")
    if leave_column.button(tr("lesson.leave"), key="lesson_leave"):
        leave()
        st.rerun()


@st.fragment(run_every=FOLLOW_EVERY_S)
@outage_safe
def follow(code: str, shown: int, counted: tuple[str, ...] = ()) -> None:
    """A page looking at its class: when the teacher moved it (or ended it), run the page again;
    meanwhile, how many have answered each of the ``counted`` questions (a student's page)."""
    try:
        view = class_store().view(code)
    except classroom.NoSuchClass:
        st.rerun()
    if view.version != shown:
        st.rerun()
    if counted:
        answered_lines(view, counted)


@outage_safe
def go(step: int, view: classroom.ClassView | None, teacher: bool) -> None:
    step = min(max(step, 0), LAST)
    if teacher:
        class_store().set_step(view.code, st.session_state[state.LESSON_TOKEN], step)
    state.put(state.LESSON_STEP, step)


def step_nav_ui(step: int, view: classroom.ClassView | None, teacher: bool, moves: bool, key: str,
                include_optional: bool = True) -> None:
    """Previous, the counter, Next; only the counter for a student who follows the teacher.
    Without ``include_optional`` (the teacher's and presenter view's default) Next and Previous
    skip the optional steps."""
    back, counter, forward = st.columns([1, 2, 1], vertical_alignment="center")
    optional = f" · {tr('lesson.optional_step')}" if lesson.STEPS[step].optional else ""
    counter.markdown(f"<div class='lesson-counter' style='text-align:center'>"
                     f"{tr('lesson.counter', n=step + 1, total=LAST + 1)}{optional}</div>", unsafe_allow_html=True)
    if not moves:
        return
    before = lesson_plan.previous_step(lesson.STEPS, step, include_optional)
    after = lesson_plan.next_step(lesson.STEPS, step, include_optional)
    back.button(tr("lesson.previous"), key=f"{key}_back", disabled=before is None, width="stretch",
                icon=":material/arrow_back:", on_click=go, args=(step if before is None else before, view, teacher))
    forward.button(tr("lesson.next"), key=f"{key}_next", disabled=after is None, width="stretch", type="primary",
                   icon=":material/arrow_forward:", icon_position="right",
                   on_click=go, args=(step if after is None else after, view, teacher))


# --- Show ----------------------------------------------------------------------------------------

PRESENTER_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"] { display: none; }
[data-testid="stMainBlockContainer"] { max-width: 1500px; padding-top: 1.5rem; }
[data-testid="stMainBlockContainer"] p, [data-testid="stMainBlockContainer"] li { font-size: 1.45rem; }
[data-testid="stMainBlockContainer"] h1 { font-size: 3.2rem; }
[data-testid="stMainBlockContainer"] h2 { font-size: 2.4rem; }
[class*="st-key-lesson_nav"] button { min-height: 4rem; }
[class*="st-key-lesson_nav"] button p { font-size: 1.6rem; }
.lesson-counter { text-align: center; }
[data-testid="stMainBlockContainer"] .lesson-counter { font-size: 1.6rem; }
.lesson-corner { position: fixed; bottom: 1rem; right: 1rem; z-index: 1000; background: #1f4e8c; color: #fff;
  border-radius: 10px; padding: 0.3rem 0.9rem; font-size: 1.5rem; font-weight: 700; }
</style>
"""


@st.fragment(run_every=COUNT_EVERY_S)
@outage_safe
def presenter_corner(code: str) -> None:
    """The class code and the number of students in the corner of the projected screen (our own
    text only: a code of CODE_ALPHABET and a number)."""
    try:
        count = class_store().view(code).students
    except classroom.NoSuchClass:
        return
    st.html(f"<div class='lesson-corner'>{tr('lesson.corner', code=code, count=count)}</div>")
