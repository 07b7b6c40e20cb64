"""The class challenge on one server: thirty students press "Train my model" at the same instant.

    python bench/bench_challenge.py                 # a class of 30, then 5 jobs the old way (about 4 min)
    python bench/bench_challenge.py --alone --students 10 --reference 3

Issue 19's goal: thirty students submitting thirty different settings at the same instant on
one 2-core server all have their model stored within 2 minutes, each page showing its place in
the queue and the time left.

(a) Through the real server (tests/conftest.py's ``streamlit run``, ``FMNIST_REGISTRY`` a
temporary folder): a teacher opens ``/lesson?step=14`` (the challenge) and presses "Start a
class" (``lesson_start``); ``--students`` protocol students (``bench/_load_client.py``, with the
browser's ``run_every`` timers: the board's fragment reruns every 2 s, as in a classroom) open
``/lesson?class=CODE`` (``--alone``: ``/lesson?step=14`` each, no class). Each fills the form
``challenge_form`` (nickname, hidden units, epochs, learning rate, normalisation: thirty distinct
settings, a seeded sample of the 160) and all press "Train my model" at once (``asyncio.gather``).
Measured: the time from the presses to the last ``.keras`` file in the registry folder (polled
every 0.2 s), each job's time in the warm training process (its record in ``<registry>/jobs``:
started -> finished; the first includes the warm process's start), what each page showed in the
run that followed its press (place in the queue, time left), and when each page first showed
the student's own score. The stored keys are checked against the settings sent (a value the
server did not take would train the default instead).

(b) The reference, in this process after the server has stopped: the first ``--reference`` of
the same configs through the old manager, ``JobManager(isolate=True)`` (a new process, a
TensorFlow import and the dataset sent to it, per job), one after another; extrapolated to
thirty (one job slot: the last student waits for all of them).

The protocol clients share the 2 cores with the server (a real class's browsers do not): the
client's CPU share is printed beside the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import itertools
import json
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from _load_client import Session, Widget  # noqa: E402
from bench_lesson import stats  # noqa: E402
from bench_load import (add_cluster_arguments, cpu_seconds, machine, machine_busy_seconds, percentile,  # noqa: E402
                        streamlit_server)

from fmnist import challenge, i18n, lesson  # noqa: E402

GOAL_S = 120.0
STEP = lesson.STEP_IDS.index("train") + 1  # the challenge's step, 1-based in the URL
QUEUED_PREFIX = i18n.t("challenge.mine_queued", "en", position=0, seconds=0).split("0")[0]
RUNNING_TEXT = i18n.t("challenge.mine_running", "en")
DONE_PREFIX = i18n.t("challenge.mine_done", "en", public=0.5).split("50")[0]


def all_settings() -> list[challenge.Choices]:
    return [challenge.Choices(h, e, r, n) for h, e, r, n in itertools.product(
        challenge.HIDDEN, challenge.EPOCHS, challenge.LEARNING_RATES, challenge.NORMALISE)]


def settings(count: int, seed: int) -> list[challenge.Choices]:
    """``count`` distinct settings, a seeded sample of every combination."""
    every = all_settings()
    if count > len(every):
        raise SystemExit(f"only {len(every)} distinct settings")
    return random.Random(seed).sample(every, count)


@dataclass
class Student:
    number: int
    choices: challenge.Choices
    session: Session
    statuses: list = field(default_factory=list)  # (perf_counter, text) of each own-model status shown
    errors: list = field(default_factory=list)

    def seen(self, kind, proto, arrived) -> None:
        if kind == "alert" and (proto.body.startswith((QUEUED_PREFIX, DONE_PREFIX)) or proto.body == RUNNING_TEXT):
            self.statuses.append((arrived, proto.body))
        elif kind == "exception":
            self.errors.append(f"exception: {proto.type}: {proto.message}")
        elif kind == "alert" and proto.format == 1:  # ERROR
            self.errors.append(f"st.error: {proto.body[:160]}")


def fill_form(student: Student) -> None:
    """Hold the form's values as the browser does until the press (all sent with it)."""
    s, c = student.session, student.choices
    s.set_value("challenge_nickname", string_value=f"student {student.number:02d}")
    s.set_value("challenge_hidden", string_array_value=[str(c.hidden)])
    s.set_value("challenge_epochs", string_array_value=[str(c.epochs)])
    s.set_value("challenge_learning_rate", string_array_value=[f"{c.learning_rate:g}"])
    s.set_value("challenge_normalise_en", string_value=i18n.t(f"train.normalise_{c.normalise}", "en"))


def submit_button(run) -> Widget:
    label = i18n.t("challenge.submit", "en")
    found = [p for p in run.find("button", lambda p: p.label == label)]
    if not found:
        raise SystemExit(f"no '{label}' button on the challenge step: {run.errors}")
    return Widget(found[0].id, "button", "", found[0])


def records(registry: Path) -> dict:
    out = {}
    for path in (registry / "jobs").glob("*.json"):
        if not path.name.startswith("."):
            try:
                out[path.stem] = json.loads(path.read_text())
            except (OSError, ValueError):
                pass
    return out


def stored(registry: Path) -> set[str]:
    return {p.stem for p in registry.glob("*.keras") if not p.name.startswith(".")}


async def through_server(args, chosen: list[challenge.Choices]) -> dict:
    figures: dict = {}
    with tempfile.TemporaryDirectory() as folder, streamlit_server(Path(folder), args.root, args.cluster, args.workers) as server:
        url, registry = server.url, Path(folder) / "registry"
        teacher = None
        query = f"lang=en&step={STEP}"
        if not args.alone:
            teacher = Session(url, query, timeout=args.timeout, auto_rerun=True)
            await teacher.open(load_page=True)
            await teacher.open_page("lesson")
            run = await teacher.change("lesson_start", trigger_value=True)
            codes = run.find("metric", lambda m: m.label == i18n.t("lesson.class_code", "en"))
            if not codes:
                raise SystemExit(f"no 'Class code' metric after Start a class: {run.errors}")
            query = f"lang=en&class={codes[0].body}"
            print(f"class {codes[0].body} at step {STEP} (the challenge)", flush=True)
        students = [Student(i + 1, c, Session(url, query, timeout=args.timeout, auto_rerun=True))
                    for i, c in enumerate(chosen)]

        async def join(student: Student):
            student.session.on_element = student.seen
            await student.session.open(load_page=True)
            return await student.session.open_page("lesson")

        runs = await asyncio.gather(*(join(s) for s in students))
        buttons = [submit_button(r) for r in runs]
        print(f"{len(students)} students on the challenge step ({'alone' if args.alone else 'in the class'})",
              flush=True)
        await asyncio.sleep(args.settle)

        server0, busy0, client0 = cpu_seconds(server.pid), machine_busy_seconds(), time.process_time()
        for student, button in zip(students, buttons):
            fill_form(student)
            student.session.widgets["_submit"] = button
        wall0 = time.time()
        start = time.perf_counter()
        submitted = await asyncio.gather(*(s.session.change("_submit", trigger_value=True) for s in students),
                                         return_exceptions=True)
        pressed_s = time.perf_counter() - start
        expected = {challenge.config_for(s.choices).key(): s for s in students}
        last_seen, finished_records = set(), {}
        deadline = start + args.limit
        while time.perf_counter() < deadline:
            last_seen = stored(registry)
            finished_records = {k: r for k, r in records(registry).items() if r.get("state") not in ("queued", "running")}
            if len(last_seen) >= len(students) or len(finished_records) >= len(students):
                break
            await asyncio.sleep(0.2)
        all_stored_s = time.perf_counter() - start
        server_cores = (cpu_seconds(server.pid) - server0) / all_stored_s
        client_cores = (time.process_time() - client0) / all_stored_s
        machine_cores = (machine_busy_seconds() - busy0) / all_stored_s
        await asyncio.sleep(args.after)  # the pages' timers bring the scores

        jobs_done = records(registry)
        job_times = {k: r["finished"] - r["started"] for k, r in jobs_done.items()
                     if r.get("started") and r.get("finished") and r.get("state") == "done"}
        order = sorted(job_times, key=lambda k: jobs_done[k]["started"])
        warm_times = [job_times[k] for k in order[1:]]  # the first includes the warm process's start
        train_times = []
        for key in job_times:
            meta = registry / f"{key}.json"
            if meta.exists():
                train_times.append(json.loads(meta.read_text()).get("wall_time_s"))
        shown = []
        for student, run in zip(students, submitted):
            if isinstance(run, Exception):
                student.errors.append(f"submit: {run!r}")
                shown.append(None)
                continue
            texts = [p.body for p in run.find("alert") if p.body.startswith(QUEUED_PREFIX) or p.body == RUNNING_TEXT]
            shown.append(texts[0] if texts else None)
        done_seen = []
        for student in students:
            at = next((t for t, text in student.statuses if text.startswith(DONE_PREFIX) and t >= start), None)
            if at is not None:
                done_seen.append(at - start)
        wrong = sorted(set(last_seen) - set(expected))
        missing = sorted(set(expected) - set(last_seen))
        failed = {k: r.get("error") for k, r in jobs_done.items() if r.get("state") != "done"}
        last_started = max((r["started"] for r in jobs_done.values() if r.get("started")), default=None)
        figures = {
            "mode": "alone" if args.alone else "class", "students": len(students),
            "presses_answered_s": pressed_s, "all_stored_s": all_stored_s,
            "stored": len(last_seen), "missing": missing, "unexpected": wrong, "failed": failed,
            "last_finished_after_s": (max(r["finished"] for r in jobs_done.values() if r.get("finished")) - wall0)
            if jobs_done else None,
            "last_started_after_s": last_started - wall0 if last_started else None,
            "first_job_s": job_times[order[0]] if order else None, "first_key": order[0] if order else None,
            "warm_job_median_s": statistics.median(warm_times) if warm_times else None,
            "warm_job_p95_s": percentile(warm_times, 0.95) if warm_times else None,
            "warm_job_min_s": min(warm_times) if warm_times else None,
            "warm_job_max_s": max(warm_times) if warm_times else None,
            "train_wall_median_s": statistics.median(train_times) if train_times else None,
            "job_s_by_key": job_times,
            "first_shown": shown, "own_score_seen_s": sorted(done_seen),
            "server_cores": server_cores, "client_cores": client_cores,
            "others_cores": max(0.0, machine_cores - server_cores - client_cores),
            "errors": [e for s in students for e in s.errors][:20],
        }
        log_errors = [line for line in server.log.read_text().splitlines()
                      if "Traceback" in line or " ERROR " in line]
        figures["server_log_errors"] = log_errors[:5]
        for s in students:
            await s.session.close()
        if teacher is not None:
            await teacher.close()
    return figures


def reference(chosen: list[challenge.Choices], count: int) -> dict:
    """The old way: a new process per job (TensorFlow imported, the dataset sent), one at a time."""
    import os

    from fmnist import data, jobs, registry

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # the children inherit it
    dataset = data.load_data()
    times = {}
    with tempfile.TemporaryDirectory() as folder:
        manager = jobs.JobManager(registry.Registry(folder), trainer="challenge", isolate=True)
        for choices in chosen[:count]:
            job = manager.request(challenge.config_for(choices), dataset)
            job = manager.wait(job.key, timeout=600)
            if job.state != jobs.DONE:
                raise SystemExit(f"reference job {job.key} {job.state}: {job.error}")
            times[job.key] = job.finished - job.started
    return {"count": len(times), "job_s_by_key": times, "median_s": statistics.median(times.values()),
            "mean_s": statistics.fmean(times.values())}


def report(a: dict, b: dict | None, n: int) -> None:
    print(f"\n== {n} students pressed 'Train my model' at the same instant ({a['mode']}; protocol clients with "
          f"the browser's run_every timers)")
    print(f"  every press answered (the page's rerun) after {a['presses_answered_s']:.2f} s")
    met = a["stored"] >= n and not a["missing"] and a["all_stored_s"] <= GOAL_S
    print(f"  all {n} models stored after {a['all_stored_s']:.1f} s ({a['stored']} .keras files; "
          f"missing {len(a['missing'])}, not asked for {len(a['unexpected'])}, failed {len(a['failed'])}); "
          f"goal <= {GOAL_S:.0f} s: {'met' if met else 'NOT met'}")
    if a["warm_job_median_s"] is not None:
        print(f"  warm process, per model (its job record: started -> finished): median {a['warm_job_median_s']:.2f} s, "
              f"p95 {a['warm_job_p95_s']:.2f} s, min {a['warm_job_min_s']:.2f} s, max {a['warm_job_max_s']:.2f} s; "
              f"the first (with the process's start) {a['first_job_s']:.2f} s; training alone (wall_time_s) "
              f"median {a['train_wall_median_s']:.2f} s")
    print(f"  while training: server {a['server_cores']:.2f} cores (pages; the training process is its child, "
          f"counted in other processes {a['others_cores']:.2f}), client {a['client_cores']:.2f}")
    shown = [t for t in a["first_shown"] if t]
    print(f"  the run after each press showed a queue place on {len(shown)} of {n} pages, e.g.:")
    for i in sorted({0, 1, 2, n // 2, n - 1}):
        if i < len(a["first_shown"]):
            print(f"    student {i + 1:02d}: {a['first_shown'][i]}")
    if a["own_score_seen_s"]:
        print(f"  own score shown on the page (fragment timers): {stats(a['own_score_seen_s'])}")
    if b is not None:
        per = b["mean_s"]
        print(f"== the old way, JobManager(isolate=True): {b['count']} jobs one after another, per job median "
              f"{b['median_s']:.2f} s, mean {per:.2f} s -> {n} at once: about {n * per:.0f} s for the last "
              f"student ({n * per / 60:.1f} min)")
        same = [k for k in b["job_s_by_key"] if k in a["job_s_by_key"] and k != a["first_key"]]
        if same and a["warm_job_median_s"]:
            warm_same = statistics.fmean(a["job_s_by_key"][k] for k in same)
            print(f"  ratio: old / warm per job {per / a['warm_job_median_s']:.1f}x (same {len(same)} configs: "
                  f"{statistics.fmean(b['job_s_by_key'][k] for k in same):.2f} s / {warm_same:.2f} s in the warm run); "
                  f"the last student's wait {n * per / a['all_stored_s']:.1f}x")
    errors = a["errors"] + a["server_log_errors"]
    print(f"== errors: {len(errors)}" + "".join(f"\n  {e[:300]}" for e in errors))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--alone", action="store_true", help="no class: each student at /lesson?step=14")
    parser.add_argument("--reference", type=int, default=5, help="jobs through JobManager(isolate=True); 0: none")
    parser.add_argument("--seed", type=int, default=0, help="which distinct settings")
    parser.add_argument("--settle", type=float, default=5.0, help="seconds between the joins and the presses")
    parser.add_argument("--after", type=float, default=4.0, help="seconds the pages keep polling after the last model")
    parser.add_argument("--limit", type=float, default=600.0, help="give up waiting for the models after this")
    parser.add_argument("--timeout", type=float, default=120.0, help="a session's wait for a run it asked for")
    parser.add_argument("--json", help="also write the figures to this file")
    add_cluster_arguments(parser)
    parser.add_argument("--root", type=Path, default=ROOT, help="the app to serve (default this checkout)")
    args = parser.parse_args()
    chosen = settings(args.students, args.seed)
    print(f"{datetime.now():%Y-%m-%d %H:%M}, {machine()}; app in {args.root}", flush=True)

    async def run():
        asyncio.get_running_loop().set_default_executor(
            concurrent.futures.ThreadPoolExecutor(max_workers=args.students + 8, thread_name_prefix="student"))
        return await through_server(args, chosen)

    a = asyncio.run(run())
    b = None
    if args.reference:
        print(f"reference: {args.reference} of the same configs through JobManager(isolate=True) ...", flush=True)
        b = reference(chosen, args.reference)
    report(a, b, args.students)
    if args.json:
        Path(args.json).write_text(json.dumps({"server": a, "reference": b}, indent=1, default=str))


if __name__ == "__main__":
    main()
