"""The class challenge on a page: each student's knobs and nickname, their place in the queue,
and the board (public scores, then the private ones when the teacher reveals them).

The board says no more than its numbers hold (``fmnist.challenge``): each accuracy with its 95%
interval, entries within noise of each other sharing a rank, the reveal's caption computed from
what moved, and, when the teacher asks for it, one setting trained with several seeds beside the
board (the spread noise alone makes). On a phone it reads rank, nickname and accuracy first; every
other figure and setting is one click away.

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


def knobs_ui(key: str) -> challenge.Choices:
    """The four knobs, inside the caller's form."""
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
    return challenge.Choices(hidden, epochs, rate, normalise)


def choices_ui(key: str) -> tuple[str, challenge.Choices] | None:
    """The nickname and the knobs, in a form; (nickname, choices) when submitted, else None."""
    with st.form(f"{key}_form", border=True):
        # No max_chars: the browser would drop a pasted name longer than it whole; clean_nickname cuts it.
        nickname = st.text_input(tr("challenge.nickname"), key=f"{key}_nickname", help=tr("challenge.nickname_help"))
        choices = knobs_ui(key)
        if not st.form_submit_button(tr("challenge.submit"), type="primary", icon=":material/model_training:"):
            return None
    name = challenge.clean_nickname(nickname)
    if not name:
        st.warning(tr("challenge.nickname_missing"), icon=":material/warning:")
        return None
    return name, choices


SEED_COUNTS = (3, 5, 8)


def seeds_ui(key: str) -> tuple[challenge.Choices, int] | None:
    """The teacher's one setting and how many seeds to train it with; (choices, seeds) when submitted."""
    with st.expander(tr("challenge.seeds_title"), icon=":material/casino:"), st.form(f"{key}_form", border=False):
        st.caption(tr("challenge.seeds_explain"))
        choices = knobs_ui(key)
        count = st.segmented_control(tr("challenge.seeds_count"), SEED_COUNTS, default=5, key=f"{key}_count")
        if not st.form_submit_button(tr("challenge.seeds_submit"), icon=":material/model_training:"):
            return None
    return choices, int(count or 5)


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
    """One row per scored entry: nickname, knobs, public score and rank (and the private ones, with
    the move). Ranks are :func:`fmnist.challenge.noise_ranks`: entries within noise share one."""
    shown = [e for e in entries if e.public is not None]
    public_ranks = challenge.noise_ranks([e.public for e in shown])
    private_ranks = challenge.noise_ranks([e.private for e in shown])
    rows = []
    for entry, public_rank, private_rank in zip(shown, public_ranks, private_ranks):
        knobs = dict(entry.knobs)
        row = {"id": entry.id, "nickname": entry.nickname, "rank": public_rank, "public": entry.public,
               "seconds": entry.seconds, **{name: knobs.get(name) for name in challenge.KNOB_NAMES}}
        if private:
            row.update(private=entry.private, private_rank=private_rank,
                       moved=(public_rank - private_rank) if private_rank is not None else None)
        rows.append(row)
    score = "private" if private else "public"
    rows.sort(key=lambda r: -(r[score] if r[score] is not None else -1))
    for name in ("rank", "private_rank"):
        shared = challenge.tied([row.get(name) for row in rows])
        for row, tie in zip(rows, shared):
            row[f"{name}_tied"] = tie
    return rows


# --- Show ----------------------------------------------------------------------------------------

def moved_text(moved) -> str:
    if moved is None:
        return ""
    return f"↑{moved}" if moved > 0 else f"↓{-moved}" if moved < 0 else "="


def accuracy_text(value: float | None) -> str:
    """An accuracy with its 95% interval from the half's images: '84.2% ± 1.0'."""
    if value is None:
        return ""
    low, high = challenge.wilson_interval(value)
    return f"{value:.1%} ± {50 * (high - low):.1f}"


def rank_text(rank: int | None, tie: bool) -> str:
    if rank is None:
        return ""
    return tr("challenge.rank_tied", rank=rank) if tie else str(rank)


def cell(row: dict, name: str) -> str:
    value = row.get(name)
    if name in ("public", "private") and row.get("failed"):
        return tr("challenge.failed_row")
    if name in ("public", "private"):
        return accuracy_text(value)
    if name in ("rank", "private_rank"):
        return rank_text(value, row.get(f"{name}_tied", False))
    if name == "seconds":
        return f"{value:.1f}" if value is not None else ""
    if name == "moved":
        return moved_text(value)
    if name in challenge.KNOB_NAMES:
        return knob_label(name, value)
    return "" if value is None else str(value)


def table_of(rows: list[dict], columns: dict) -> dict:
    return {label: [cell(row, name) for row in rows] for name, label in columns.items()}


def board_table(rows: list[dict], private: bool) -> None:
    """The board as a phone reads it: rank, nickname, accuracy (and, revealed, the move); nicknames
    are plain text in it, never HTML."""
    if private:
        columns = {"private_rank": tr("challenge.rank"), "nickname": tr("challenge.nickname"),
                   "private": tr("challenge.private"), "moved": tr("challenge.moved")}
    else:
        columns = {"rank": tr("challenge.rank"), "nickname": tr("challenge.nickname"), "public": tr("challenge.public")}
    st.table(table_of(rows, columns), hide_index=True)


def details_table(rows: list[dict], private: bool) -> None:
    """Every figure and setting of each entry, one click away (it scrolls within itself on a phone)."""
    columns = {"nickname": tr("challenge.nickname"), "public": tr("challenge.public"),
               "rank": tr("challenge.public_rank")}
    if private:
        columns.update(private=tr("challenge.private"), private_rank=tr("challenge.rank"))
    columns.update({name: tr(f"train.{name}") for name in challenge.KNOB_NAMES}, seconds=tr("challenge.seconds"))
    st.dataframe(table_of(rows, columns), hide_index=True, width="stretch", key="challenge_details")


def knob_chart(rows: list[dict], name: str, private: bool) -> alt.Chart:
    """One knob against accuracy, each entry with its 95% interval: which knob mattered, and how
    much of a difference noise alone could make."""
    score = "private" if private else "public"
    order = {"hidden": challenge.HIDDEN, "epochs": challenge.EPOCHS, "learning_rate": challenge.LEARNING_RATES,
             "normalise": challenge.NORMALISE}[name]
    points = [{"value": knob_label(name, row[name]), "accuracy": row[score],
               "low": challenge.wilson_interval(row[score])[0], "high": challenge.wilson_interval(row[score])[1],
               "order": order.index(row[name]) if row[name] in order else 0, "nickname": row["nickname"]}
              for row in rows if row[score] is not None]
    accuracy = tr("challenge.private" if private else "challenge.public")
    base = alt.Chart(alt.Data(values=points)).encode(
        x=alt.X("value:N", title=tr(f"train.{name}"), sort=alt.EncodingSortField("order"),
                axis=alt.Axis(labelAngle=0)),
        color=alt.Color("value:N", legend=None))
    interval = base.mark_rule(opacity=0.5).encode(y=alt.Y("low:Q", title=accuracy, scale=alt.Scale(zero=False),
                                                          axis=alt.Axis(format="%")), y2="high:Q")
    dots = base.mark_circle(size=80, opacity=0.8).encode(
        y="accuracy:Q", tooltip=[alt.Tooltip("nickname:N", title=tr("challenge.nickname")),
                                 alt.Tooltip("value:N", title=tr("challenge.value")),
                                 alt.Tooltip("accuracy:Q", title=accuracy, format=".1%")])
    return (interval + dots).properties(height=200)


def knob_charts(rows: list[dict], private: bool) -> None:
    """The four knobs side by side on a wide screen, one under another on a phone (columns stack)."""
    for column, name in zip(st.columns(len(challenge.KNOB_NAMES)), challenge.KNOB_NAMES):
        column.altair_chart(knob_chart(rows, name, private), width="stretch")


def setting_text(knobs: dict) -> str:
    return " · ".join(f"{tr(f'train.{name}')} {knob_label(name, knobs[name])}"
                      for name in challenge.KNOB_NAMES if name in knobs)


def noise_ui(runs: list) -> None:
    """The teacher's seed runs beside the board: how far apart one setting lands by chance alone."""
    if not runs:
        return
    found = challenge.spread([run.public for run in runs])
    setting = setting_text(dict(runs[0].knobs))
    if found is None or any(run.public is None and not run.failed for run in runs):
        done = sum(1 for run in runs if run.public is not None)
        st.markdown(tr("challenge.seeds_waiting", setting=setting, count=len(runs), done=done))
        return
    low, high = found
    st.markdown(tr("challenge.seeds_result", setting=setting, count=len(runs), low=low, high=high,
                   spread=100 * (high - low)))
    st.caption(" · ".join(f"{tr('challenge.seed')} {run.seed}: {run.public:.1%}" for run in runs
                          if run.public is not None))


def private_caption(rows: list[dict]) -> str:
    """What the halves stand for, and what this class's reveal changed: computed, never assumed."""
    scored = [row for row in rows if row.get("private") is not None]
    found = challenge.reshuffle([row["public"] for row in scored], [row["private"] for row in scored])
    if found.beyond_noise:
        what = tr("challenge.reshuffle_beyond", beyond=found.beyond_noise, entries=found.entries, moved=found.moved,
                  gap=found.largest_gap, noise=found.noise)
    elif found.moved:
        what = tr("challenge.reshuffle_noise", moved=found.moved, entries=found.entries, gap=found.largest_gap,
                  noise=found.noise)
    else:
        what = tr("challenge.reshuffle_none", gap=found.largest_gap, noise=found.noise)
    return tr("challenge.private_caption", half=f"{challenge.HALF_SIZE:,}", what=what)


def board_ui(entries: list, private: bool) -> None:
    students = [e for e in entries if e.seed is None]
    rows = board_rows(students, private)
    failed = [{"id": e.id, "nickname": e.nickname, "failed": True, **dict(e.knobs)} for e in students
              if e.failed and e.public is None]  # last, with no score and no rank, out of the charts
    waiting = sum(1 for e in students if e.public is None and not e.failed)
    st.markdown(tr("challenge.board_count", done=len(rows), waiting=waiting))
    if rows or failed:
        board_table(rows + failed, private)
        st.caption(tr("challenge.interval_caption", half=f"{challenge.HALF_SIZE:,}"))
        if private:
            st.caption(private_caption(rows))
    noise_ui([e for e in entries if e.seed is not None])
    if rows:
        with st.expander(tr("challenge.details"), icon=":material/table:"):
            details_table(rows, private)
        knob_charts(rows, private)


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
    names = {e.id: e.nickname for e in entries if e.seed is None}
    hidden = hide.multiselect(tr("challenge.hide"), list(names), default=[e.id for e in entries if e.hidden],
                              format_func=names.get, key="challenge_hidden", help=tr("challenge.hide_help"),
                              placeholder=tr("challenge.hide_none"))
    for entry in entries:
        if entry.id in names and (entry.id in hidden) != entry.hidden:
            class_store().set_hidden(code, token, entry.id, entry.id in hidden)


@outage_safe
def train_seeds(code: str, choices: challenge.Choices, count: int) -> None:
    """One setting trained with seeds 0 .. count-1 through the challenge's queue, on the board as
    the teacher's seed runs (seed 0 is the students' own: a student with this setting shares it)."""
    configs = [challenge.config_for(choices, seed=challenge.SEED + seed) for seed in range(count)]
    for config in configs:
        challenge_manager().request(config, dataset())
    class_store().set_seed_runs(code, st.session_state.get(state.LESSON_TOKEN), choices.as_dict(),
                                [config.key() for config in configs])


def take_home_choice_ui(entries: list) -> None:
    """Any scored model of the board, downloaded with the notebook that rebuilds it."""
    scored = {e.key: e.nickname for e in entries if e.public is not None and not e.hidden and e.seed is None}
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
    elif code is not None:
        seeds = seeds_ui("challenge_seeds")
        if seeds is not None:
            train_seeds(code, *seeds)
    if role == "own" and st.session_state.get(state.CHALLENGE_OWN):
        st.toggle(tr("challenge.reveal_private"), key=state.CHALLENGE_PRIVATE)
    live_board(code, role == "teacher")
    try:
        entries = class_store().board(code) if code else own_entries()
    except classroom.NoSuchClass:
        return
    take_home_choice_ui(entries)
