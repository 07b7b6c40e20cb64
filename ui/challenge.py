"""The class challenge on a page: each student's knobs and nickname, their place in the queue,
and the board (public scores, then the private ones when the teacher reveals them).

Trainings go to one warm training process for the whole server (``fmnist.jobs.JobManager`` with
``warm=True``): thirty small trainings one after another, without a process start and a
TensorFlow import each. In a class the board lives in the class store (``fmnist.classroom``);
alone, a student's own tries are their board.
"""

from __future__ import annotations

import statistics

import altair as alt
import streamlit as st

from fmnist import challenge, classroom, jobs, registry
from ui import state
from ui.backends import challenge_manager, class_store, model_registry, outage_safe
from ui.dataset import dataset
from ui.take_home import take_home_ui
from ui.text import lang, tr

#: bench/bench_challenge.py, thirty at once on the 2-core machine (2026-11-29), median 2.16 s a
#: model in a class (p95 2.9 s; the 30 pages' boards polling beside it), 1.92 s alone; the
#: warm process's start adds about 3.5 s to the first model; all thirty stored in 61-70 s.
SECONDS_PER_MODEL = 2.2


def seconds_per_model(manager: jobs.JobManager) -> float:
    """How long one model takes here: the median of this server's finished ones, else the bench's."""
    times = [job.finished - job.started for job in manager.jobs()
             if job.state == jobs.DONE and job.started and job.finished]
    return statistics.median(times) if times else SECONDS_PER_MODEL


# --- Ask ---------------------------------------------------------------------------------------

def knob_label(name: str, value) -> str:
    if name == "normalise":
        return tr(f"train.normalise_{value}")
    if name == "learning_rate":
        return f"{value:g}"
    return str(value)


def choices_ui(key: str) -> tuple[str, challenge.Choices] | None:
    """The nickname and the knobs, in a form; (nickname, choices) when submitted, else None."""
    with st.form(f"{key}_form", border=True):
        # No max_chars: the browser would drop a pasted name longer than it whole; clean_nickname cuts it.
        nickname = st.text_input(tr("challenge.nickname"), key=f"{key}_nickname", help=tr("challenge.nickname_help"))
        left, right = st.columns(2)
        hidden = left.select_slider(tr("train.hidden"), challenge.HIDDEN, value=128, key=f"{key}_hidden",
                                    help=tr("train.hidden_help"))
        epochs = right.select_slider(tr("train.epochs"), challenge.EPOCHS, value=2, key=f"{key}_epochs",
                                     help=tr("challenge.epochs_help", budget=f"{challenge.BUDGET_IMAGES:,}"))
        rate = left.select_slider(tr("train.learning_rate"), challenge.LEARNING_RATES, value=1e-3,
                                  format_func=lambda v: f"{v:g}", key=f"{key}_learning_rate")
        labels = [tr(f"train.normalise_{v}") for v in challenge.NORMALISE]  # shown as they are: no format_func
        normalise = challenge.NORMALISE[labels.index(right.radio(tr("train.normalise"), labels,
                                                                 key=f"{key}_normalise_{lang()}"))]
        st.caption(tr("challenge.budget", budget=f"{challenge.BUDGET_IMAGES:,}", split=" · ".join(
            tr("challenge.budget_split", epochs=e, images=f"{challenge.BUDGET_IMAGES // e:,}") for e in challenge.EPOCHS)))
        if not st.form_submit_button(tr("challenge.submit"), type="primary", icon=":material/model_training:"):
            return None
    name = challenge.clean_nickname(nickname)
    if not name:
        st.warning(tr("challenge.nickname_missing"), icon=":material/warning:")
        return None
    return name, challenge.Choices(hidden, epochs, rate, normalise)


# --- Compute: the board's rows -----------------------------------------------------------------

def scores_of(key: str) -> tuple[str, dict | None]:
    """("done", the model's figures) once trained; ("failed", None); ("waiting", None). A model in
    the registry is done whatever its job says (it is written whole or not at all): a worker the
    app took for lost under load may still have finished it."""
    job = challenge_manager().get(key)
    metadata = job.metadata if job is not None and job.metadata else None
    if metadata is None:  # trained before this server started, or by another server
        path = model_registry().path_for_key(key)
        metadata = registry.read_metadata(path) if path.exists() else None
    if metadata is None:
        return ("failed" if job is not None and job.state in (jobs.FAILED, jobs.CANCELLED) else "waiting"), None
    test = metadata.get("test") or {}
    return "done", {"public": test.get("public_accuracy"), "private": test.get("private_accuracy"),
                    "seconds": metadata.get("wall_time_s")}


def settle_board(code: str) -> None:
    """Fill in the scores of the class's entries whose training has finished."""
    store = class_store()
    for entry in store.board(code):
        if entry.public is None:  # a failed one too: its model may still arrive (see scores_of)
            status, figures = scores_of(entry.key)
            if status == "done":
                store.complete(code, entry.key, figures["public"], figures["private"], figures["seconds"])
            elif status == "failed" and not entry.failed:
                store.complete(code, entry.key, None, None, None, failed=True)


def board_rows(entries: list, private: bool) -> list[dict]:
    """One row per entry: nickname, knobs, public score and rank (and the private ones, with the move);
    the entries whose training failed last, marked ``failed``, with no score."""
    shown = [e for e in entries if e.public is not None]
    public_ranks = challenge.ranks([e.public for e in shown])
    private_ranks = challenge.ranks([e.private for e in shown])
    rows = []
    for entry, public_rank, private_rank in zip(shown, public_ranks, private_ranks):
        knobs = dict(entry.knobs)
        row = {"id": entry.id, "nickname": entry.nickname, "rank": public_rank, "public": entry.public,
               "seconds": entry.seconds, **{name: knobs.get(name) for name in challenge.KNOB_NAMES}}
        if private:
            row.update(private=entry.private, private_rank=private_rank,
                       moved=(public_rank - private_rank) if private_rank is not None else None)
        rows.append(row)
    failed = [{"id": e.id, "nickname": e.nickname, "rank": None, "failed": True, **dict(e.knobs)}
              for e in entries if e.failed]
    return sorted(rows, key=lambda r: (r["private_rank"] if private else r["rank"]) or 10**6) + failed


# --- Show ----------------------------------------------------------------------------------------

def moved_text(moved) -> str:
    if moved is None:
        return ""
    return f"↑{moved}" if moved > 0 else f"↓{-moved}" if moved < 0 else "="


def board_table(rows: list[dict], private: bool) -> None:
    """The board as a table: nicknames are plain text in it, never HTML."""
    columns = {"rank": tr("challenge.rank"), "nickname": tr("challenge.nickname"),
               "hidden": tr("train.hidden"), "epochs": tr("train.epochs"), "learning_rate": tr("train.learning_rate"),
               "normalise": tr("train.normalise"), "public": tr("challenge.public"), "seconds": tr("challenge.seconds")}
    if private:
        columns = {"private_rank": tr("challenge.rank"), "moved": tr("challenge.moved"), **columns,
                   "private": tr("challenge.private")}
        columns["rank"] = tr("challenge.public_rank")
    table = {label: [] for label in columns.values()}
    for row in rows:
        for name, label in columns.items():
            value = row.get(name)
            if name == "public" and row.get("failed"):
                value = tr("challenge.failed_row")
            elif name in ("public", "private"):
                value = f"{value:.1%}" if value is not None else ""
            elif name == "seconds":
                value = f"{value:.1f}" if value is not None else ""
            elif name == "moved":
                value = moved_text(value)
            elif name in ("rank", "private_rank"):  # text, as every column: a number or nothing
                value = "" if value is None else str(value)
            elif name in challenge.KNOB_NAMES:
                value = knob_label(name, value)
            table[label].append(value)
    st.table(table, hide_index=True)


def knob_chart(rows: list[dict], private: bool) -> alt.Chart:
    """Each knob against accuracy, side by side: which knob mattered."""
    score = "private" if private else "public"
    choices = {"hidden": challenge.HIDDEN, "epochs": challenge.EPOCHS, "learning_rate": challenge.LEARNING_RATES,
               "normalise": challenge.NORMALISE}
    points = [{"knob": tr(f"train.{name}"), "value": knob_label(name, row[name]), "accuracy": row[score],
               "order": choices[name].index(row[name]) if row[name] in choices[name] else 0,
               "nickname": row["nickname"]} for row in rows for name in challenge.KNOB_NAMES]
    accuracy = tr("challenge.private" if private else "challenge.public")
    return (alt.Chart(alt.Data(values=points)).mark_circle(size=90, opacity=0.75)
            .encode(x=alt.X("value:N", title=None, sort=alt.EncodingSortField("order")),  # the choices' order
                    y=alt.Y("accuracy:Q", title=accuracy, scale=alt.Scale(zero=False), axis=alt.Axis(format="%")),
                    color=alt.Color("value:N", legend=None),
                    tooltip=[alt.Tooltip("nickname:N", title=tr("challenge.nickname")),
                             alt.Tooltip("value:N", title=tr("challenge.value")),
                             alt.Tooltip("accuracy:Q", title=accuracy, format=".1%")])
            .properties(width=150, height=220)
            .facet(column=alt.Column("knob:N", title=None, sort=[tr(f"train.{n}") for n in challenge.KNOB_NAMES]))
            .resolve_scale(x="independent"))


def board_ui(entries: list, private: bool) -> None:
    rows = board_rows(entries, private)
    scored = [row for row in rows if not row.get("failed")]
    waiting = sum(1 for e in entries if e.public is None and not e.failed)
    st.markdown(tr("challenge.board_count", done=len(scored), waiting=waiting))
    if not rows:
        return
    board_table(rows, private)
    if scored:
        st.altair_chart(knob_chart(scored, private), width="content")
    if private:
        st.caption(tr("challenge.private_caption"))


def my_status(key: str | None) -> None:
    """The student's own model: place in the queue and time left, progress, or the result."""
    if not key:
        return
    manager = challenge_manager()
    job = manager.get(key)
    status, figures = scores_of(key)
    if status == "done" or job is None:
        if status == "done" and figures["public"] is not None:
            st.success(tr("challenge.mine_done", public=figures["public"]), icon=":material/check_circle:")
        return
    if job.state == jobs.QUEUED:
        position = manager.position(key) or 1
        each = seconds_per_model(manager)
        st.info(tr("challenge.mine_queued", position=position, seconds=round(position * each + each)),
                icon=":material/hourglass_top:")
    elif job.state == jobs.RUNNING:
        st.info(tr("challenge.mine_running"), icon=":material/model_training:")
    else:
        st.warning(tr("challenge.mine_failed", error=job.error or ""), icon=":material/warning:")


# --- The challenge, in a class or alone -------------------------------------------------------------

def submit(nickname: str, choices: challenge.Choices, code: str | None) -> None:
    config = challenge.config_for(choices)
    challenge_manager().request(config, dataset())
    state.put(state.CHALLENGE_MINE, config.key())
    if code:
        store = class_store()
        try:
            store.submit(code, st.session_state.get(state.LESSON_STUDENT, ""), nickname, config.key(),
                         choices.as_dict())
        except classroom.ClassError as exc:
            st.warning(tr(f"lesson.error_{exc.reason}"), icon=":material/warning:")
    else:
        own = state.items(state.CHALLENGE_OWN)
        own.append({"nickname": nickname, "key": config.key(), "knobs": choices.as_dict()})
        del own[:-30]


def own_entries() -> list[classroom.Entry]:
    """A student's own tries, alone, as board entries."""
    entries = []
    for number, tried in enumerate(st.session_state.get(state.CHALLENGE_OWN, []), start=1):
        status, figures = scores_of(tried["key"])
        figures = figures or {}
        entries.append(classroom.Entry(number, "", tried["nickname"], tried["key"], tuple(tried["knobs"].items()),
                                       figures.get("public"), figures.get("private"), figures.get("seconds"),
                                       failed=status == "failed"))
    return entries


@st.fragment(run_every=2.0)
@outage_safe
def live_board(code: str | None, teacher: bool) -> None:
    """The board, redrawn every two seconds while trainings finish."""
    my_status(st.session_state.get(state.CHALLENGE_MINE))
    if code is None:
        board_ui(own_entries(), bool(st.session_state.get(state.CHALLENGE_PRIVATE)))
        return
    store = class_store()
    try:
        settle_board(code)
        if teacher:
            teacher_controls(code, store.board(code), store.view(code))
        view, entries = store.view(code), store.board(code)  # as the teacher's controls left them
    except classroom.NoSuchClass:
        return
    board_ui([e for e in entries if not e.hidden], view.private_revealed)


def teacher_controls(code: str, entries: list, view: classroom.ClassView) -> None:
    token = st.session_state.get(state.LESSON_TOKEN)
    reveal, hide = st.columns([1, 2], vertical_alignment="bottom")
    if not view.private_revealed and reveal.button(tr("challenge.reveal_private"), key="challenge_reveal",
                                                  type="primary", icon=":material/leaderboard:"):
        class_store().reveal_private(code, token)
    names = {e.id: e.nickname for e in entries}
    hidden = hide.multiselect(tr("challenge.hide"), list(names), default=[e.id for e in entries if e.hidden],
                              format_func=names.get, key="challenge_hidden", help=tr("challenge.hide_help"),
                              placeholder=tr("challenge.hide_none"))
    for entry in entries:
        if (entry.id in hidden) != entry.hidden:
            class_store().set_hidden(code, token, entry.id, entry.id in hidden)


def take_home_choice_ui(entries: list) -> None:
    """Any scored model of the board, downloaded with the notebook that rebuilds it."""
    scored = {e.key: e.nickname for e in entries if e.public is not None and not e.hidden}
    if not scored:
        return
    mine = st.session_state.get(state.CHALLENGE_MINE)
    keys = list(scored)
    chosen = st.selectbox(tr("challenge.take_home"), keys, index=keys.index(mine) if mine in keys else 0,
                          format_func=scored.get, key="challenge_take_home")
    path = model_registry().path_for_key(chosen)
    if path.exists():
        with st.container(horizontal=True):
            take_home_ui(path, registry.read_metadata(path), "challenge")


def challenge_ui(role: str, view: classroom.ClassView | None) -> None:
    """The challenge step: students choose and submit; everyone sees the board."""
    code = view.code if view is not None else None
    if role != "teacher":
        asked = choices_ui("challenge")
        if asked is not None:
            submit(*asked, code)
    if role == "own" and st.session_state.get(state.CHALLENGE_OWN):
        st.toggle(tr("challenge.reveal_private"), key=state.CHALLENGE_PRIVATE)
    live_board(code, role == "teacher")
    try:
        entries = class_store().board(code) if code else own_entries()
    except classroom.NoSuchClass:
        return
    take_home_choice_ui(entries)
