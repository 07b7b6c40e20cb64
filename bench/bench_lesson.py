"""A class following its teacher on one server: the Lesson page's three figures, on loopback.

    python bench/bench_lesson.py                    # 30 students, 10 Nexts, 60 s idle (about 4 min)
    python bench/bench_lesson.py --students 10 --idle 20 --no-warm

Everyone is a session of Streamlit's own websocket protocol (``bench/_load_client.py``) that
behaves as a browser tab on the Lesson page, ``run_every`` fragments included: the server does
not rerun a ``@st.fragment(run_every=...)`` by itself, it sends an ``AutoRerun`` message and
the browser sends a fragment rerun every interval (``Session(auto_rerun=True)`` keeps those
timers as the browser's App does). So a student's ``follow`` fragment asks the server every
``FOLLOW_EVERY_S`` whether the class moved, and the teacher's counts refresh every second, here
as in a classroom.

On a fresh ``streamlit run`` server (tests/conftest.py's), warmed by one session that walks the
lesson's steps on its own (dataset, models, each step's figures; ``--no-warm``: the first
class of the day):

1. The teacher opens the Lesson page and presses "Start a class" (``lesson_start``; the code is
   the "Class code" metric). ``--students`` students open ``/lesson?class=CODE`` (the page and
   its static files first, as a browser with an empty cache). The teacher presses Next
   (``lesson_nav_top_next``, along the core path: optional steps skipped) ten times, ``--pause`` seconds apart. Each arrival: from the
   teacher's rerun BackMsg sent to the student's websocket bringing the new step's header
   (``st.header``: the step's title), and to that student's run ending (``script_finished``,
   the whole step shown). Goal: p95 of the header arrivals < 2 s.
2. Server CPU while the students sit idle on one step (the step the Nexts end on) for ``--idle``
   seconds: utime + stime of the server process (/proc/<pid>/stat) over wall time, in % of one
   core; then the students close their tabs and the same is measured with 0 followers (the
   teacher's page alone, its own timers running). Goal with 30: < 20%.
3. At the step "dense" (passed on the way, after the third Next) every student answers at the
   same instant (``asyncio.gather`` of the radio ``lesson_class_train_vs_test`` changes,
   choice i mod the number of choices): the time until the teacher's page shows "**N** of N have answered" (while a
   question is open no screen shows the bars); then the teacher reveals it (``lesson_reveal_…``)
   and the bars' counts per choice are checked against what was sent (none lost).

Other processes' work would be measured as the app's cost: before each timed part the script
waits (``--quiet-wait``, bounded) for the machine to go quiet and reports what other processes
used while it ran.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import json
import random
import re
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

from _load_client import ProtocolError, Session  # noqa: E402
from bench_load import (add_cluster_arguments, cpu_seconds, machine, machine_busy_seconds, percentile,  # noqa: E402
                        streamlit_server, wait_until_quiet)

from fmnist import i18n, lesson, lesson_plan  # noqa: E402

LATENCY_GOAL_S = 2.0
IDLE_CPU_GOAL = 20.0  # % of one core, thirty idle followers
QUESTION_STEP = "dense"
QUESTION_KEY = "lesson_class_train_vs_test"
REVEAL_KEY = "lesson_reveal_train_vs_test"
NEXT_KEY = "lesson_nav_top_next"


def title(step: int) -> str:
    return i18n.t(f"lesson.{lesson.STEPS[step].id}.title", "en")


TITLES = {title(i): i for i in range(len(lesson.STEPS))}


@dataclass
class Student:
    number: int
    session: Session
    headers: dict = field(default_factory=dict)  # step -> perf_counter its header first arrived
    errors: list = field(default_factory=list)

    def seen(self, kind, proto, arrived) -> None:
        if kind == "heading" and proto.body in TITLES:
            self.headers.setdefault(TITLES[proto.body], arrived)
        elif kind == "exception":
            self.errors.append(f"exception: {proto.type}: {proto.message}")
        elif kind == "alert" and proto.format in (1, 2):  # ERROR, WARNING (a refused join or answer)
            self.errors.append(f"alert: {proto.body[:160]}")


#: "**23** of 30 have answered", the line every screen shows while a question is open
ANSWERED = re.compile(re.escape(i18n.TEXT["lesson.answered"][0]).replace(r"\{count\}", r"(?P<count>\d+)")
                      .replace(r"\{students\}", r"\d+"))


@dataclass
class Teacher:
    session: Session
    answers: list = field(default_factory=list)  # (perf_counter, count) of each "N of M have answered" shown
    errors: list = field(default_factory=list)

    def seen(self, kind, proto, arrived) -> None:
        found = ANSWERED.match(proto.body) if kind == "markdown" else None
        if found:
            self.answers.append((arrived, int(found["count"])))
        elif kind == "exception":
            self.errors.append(f"exception: {proto.type}: {proto.message}")


def stats(values: list[float]) -> str:
    if not values:
        return "no values"
    return (f"p50 {statistics.median(values):.3f} s, p95 {percentile(values, 0.95):.3f} s, "
            f"max {max(values):.3f} s (n = {len(values)})")


async def warm(url: str, timeout: float) -> float:
    """One session on its own walks every step (the first visitor of the day pays for these)."""
    start = time.perf_counter()
    session = Session(url, timeout=timeout, auto_rerun=True)
    try:
        await session.open(load_page=True)
        await session.open_page("lesson")
        for _ in range(len(lesson.STEPS) - 1):
            await session.change(NEXT_KEY, trigger_value=True)
    finally:
        await session.close()
    return time.perf_counter() - start


async def idle_cpu(server_pid: int, seconds: float, sessions: list[Session]) -> dict:
    sent0 = sum(s.auto_reruns_sent for s in sessions)
    runs0 = sum(s.unsolicited_runs for s in sessions)
    server0, client0, busy0 = cpu_seconds(server_pid), time.process_time(), machine_busy_seconds()
    start = time.perf_counter()
    await asyncio.sleep(seconds)
    wall = time.perf_counter() - start
    server = cpu_seconds(server_pid) - server0
    client = time.process_time() - client0
    others = max(0.0, machine_busy_seconds() - busy0 - server - client)
    return {"wall_s": wall, "server_cpu_s": server, "server_pct": 100 * server / wall,
            "client_pct": 100 * client / wall, "others_pct": 100 * others / wall,
            "fragment_reruns_per_s": (sum(s.auto_reruns_sent for s in sessions) - sent0) / wall,
            "runs_per_s": (sum(s.unsolicited_runs for s in sessions) - runs0) / wall}


async def main_async(args) -> dict:
    asyncio.get_running_loop().set_default_executor(
        concurrent.futures.ThreadPoolExecutor(max_workers=args.students + 8, thread_name_prefix="student"))
    print(f"{datetime.now():%Y-%m-%d %H:%M}, {machine()}; app in {args.root}", flush=True)
    figures: dict = {"students": args.students}
    with tempfile.TemporaryDirectory() as folder, streamlit_server(Path(folder), args.root, args.cluster, args.workers) as server:
        url = server.url
        if not args.no_warm:  # a cluster: every replica, each with caches of its own
            figures["warm_s"] = sum([await warm(each, args.timeout) for each in getattr(server, "replicas", [url])])
            print(f"warm-up: one session walked the {len(lesson.STEPS)} steps in {figures['warm_s']:.1f} s", flush=True)

        # --- the teacher starts a class, the students join -----------------------------------
        teacher = Teacher(Session(url, timeout=args.timeout, auto_rerun=True))
        teacher.session.on_element = teacher.seen
        await teacher.session.open(load_page=True)
        await teacher.session.open_page("lesson")
        run = await teacher.session.change("lesson_start", trigger_value=True)
        codes = run.find("metric", lambda m: m.label == i18n.t("lesson.class_code", "en"))
        if not codes:
            raise SystemExit(f"no 'Class code' metric after Start a class: {run.errors} {run.fragment_ids} "
                             f"{[(k, getattr(p, 'label', '')) for k, p in run.elements]}")
        code = codes[0].body
        students = [Student(i, Session(url, f"lang=en&class={code}", timeout=args.timeout, auto_rerun=True))
                    for i in range(args.students)]
        for student in students:
            student.session.on_element = student.seen

        async def join(student: Student) -> float:
            start = time.perf_counter()
            await student.session.open(load_page=True)
            await student.session.open_page("lesson")
            return time.perf_counter() - start

        joins = await asyncio.gather(*(join(s) for s in students))
        at_start = sum(1 for s in students if 0 in s.headers)
        print(f"class {code}: {args.students} students joined at once ({stats(joins)}); "
              f"{at_start} show step 1", flush=True)
        figures["join"] = {"p50_s": statistics.median(joins), "max_s": max(joins)}

        # --- 1 and 3: ten Nexts; the answers at "dense" ---------------------------------------
        others = await wait_until_quiet(server.pid, args.quiet_wait)
        print(f"other processes used {others:.2f} cores just before the Nexts", flush=True)
        headers: list[float] = []
        complete: list[float] = []
        rows = []
        missing = 0
        step = 0
        # the teacher talks for pause +- 1 s: a fixed pause would click at a fixed phase of the
        # students' timers (a full run restarts them), and measure that phase instead of the wait
        rng = random.Random(args.seed)
        server0, busy0, client0 = cpu_seconds(server.pid), machine_busy_seconds(), time.process_time()
        clock0 = time.perf_counter()
        for _ in range(args.nexts):
            step = lesson_plan.next_step(lesson.STEPS, step, include_optional=False)  # the teacher's Next
            if step is None:
                break
            await asyncio.sleep(rng.uniform(max(0.0, args.pause - 1), args.pause + 1))
            cpu_before = cpu_seconds(server.pid)
            clicked = time.perf_counter()
            click = asyncio.create_task(teacher.session.change(NEXT_KEY, trigger_value=True))

            def shows(r, step=step):
                return not r.fragment_ids and any(p.body == title(step) for p in r.find("heading"))

            results = await asyncio.gather(
                *(s.session.wait_for_run(shows, after=clicked, timeout=args.step_timeout) for s in students),
                return_exceptions=True)
            teacher_run = await click
            step_cpu = cpu_seconds(server.pid) - cpu_before  # the teacher's and every student's run of the step
            row_headers, row_complete = [], []
            for student, result in zip(students, results):
                if isinstance(result, Exception) or step not in student.headers:
                    missing += 1
                    student.errors.append(f"step {step + 1}: {result!r}")
                    continue
                row_headers.append(student.headers[step] - clicked)
                row_complete.append(result.finished_at - clicked)
            headers += row_headers
            complete += row_complete
            rows.append({"step": step + 1, "id": lesson.STEPS[step].id, "teacher_run_s": teacher_run.seconds,
                         "header_p50_s": statistics.median(row_headers) if row_headers else None,
                         "header_max_s": max(row_headers) if row_headers else None,
                         "complete_max_s": max(row_complete) if row_complete else None,
                         "arrived": len(row_headers), "server_cpu_s": step_cpu})
            print(f"  Next to step {step + 1:>2} ({lesson.STEPS[step].id:<7}): teacher's run "
                  f"{teacher_run.seconds:.2f} s; headers {stats(row_headers)}; "
                  f"whole step max {max(row_complete) if row_complete else float('nan'):.2f} s; "
                  f"server CPU {step_cpu:.2f} s", flush=True)

            if lesson.STEPS[step].id == QUESTION_STEP and not args.no_answers:
                figures["answers"] = await answers(teacher, students, args)
        wall = time.perf_counter() - clock0
        server_cpu = cpu_seconds(server.pid) - server0
        client_cpu = time.process_time() - client0
        others_cpu = max(0.0, machine_busy_seconds() - busy0 - server_cpu - client_cpu)
        figures["nexts"] = {"rows": rows, "missing": missing,
                            "header_p50_s": statistics.median(headers) if headers else None,
                            "header_p95_s": percentile(headers, 0.95) if headers else None,
                            "header_max_s": max(headers) if headers else None,
                            "complete_p50_s": statistics.median(complete) if complete else None,
                            "complete_p95_s": percentile(complete, 0.95) if complete else None,
                            "complete_max_s": max(complete) if complete else None,
                            "server_cores": server_cpu / wall, "client_cores": client_cpu / wall,
                            "others_cores": others_cpu / wall}

        # --- 2: idle followers ------------------------------------------------------------------
        await asyncio.sleep(3)  # the last step's runs and images settle
        others = await wait_until_quiet(server.pid, args.quiet_wait)
        print(f"other processes used {others:.2f} cores just before the idle minute", flush=True)
        idle = await idle_cpu(server.pid, args.idle, [teacher.session] + [s.session for s in students])
        figures["idle_followers"] = idle
        for student in students:
            await student.session.close()
        await asyncio.sleep(5)  # the server ends the closed sessions
        others = await wait_until_quiet(server.pid, args.quiet_wait)
        figures["idle_alone"] = await idle_cpu(server.pid, args.idle, [teacher.session])
        await teacher.session.close()

        errors = [e for s in students for e in s.errors] + teacher.errors
        log_errors = [line for line in server.log.read_text().splitlines()
                      if "Traceback" in line or " ERROR " in line or "Exception" in line]
        figures["errors"] = errors[:20]
        figures["server_log_errors"] = len(log_errors)
        report(figures, args, log_errors)
    return figures


async def answers(teacher: Teacher, students: list[Student], args) -> dict:
    """Every student answers at the same instant; until the teacher's page counts them all."""
    await asyncio.sleep(args.pause)
    options = [list(s.session.widget(QUESTION_KEY).proto.options) for s in students]
    sent = [i % len(options[i]) for i in range(len(students))]
    expected = [sent.count(c) for c in range(len(options[0]))]
    teacher.answers.clear()
    start = time.perf_counter()
    runs = await asyncio.gather(*(s.session.change(QUESTION_KEY, string_value=options[i][sent[i]])
                                  for i, s in enumerate(students)), return_exceptions=True)
    runs_done_s = time.perf_counter() - start
    total = len(students)

    def counted(r):
        return any((found := ANSWERED.match(p.body)) and int(found["count"]) == total for p in r.find("markdown"))

    try:
        await teacher.session.wait_for_run(counted, after=start, timeout=args.step_timeout)
        shown_s = next(at for at, n in teacher.answers if n == total) - start
        revealed = await teacher.session.change(REVEAL_KEY, trigger_value=True)  # the bars come at the reveal
        bars = [p.text for p in revealed.find("progress")]
        counts = [int(text.rsplit("·", 1)[1]) for text in bars]
    except (ProtocolError, StopIteration) as exc:
        shown_s, counts, bars = None, [], [f"{exc!r}; last shown {teacher.answers[-1:]}"]
    failed = [f"{type(r).__name__}: {r}" for r in runs if isinstance(r, Exception)]
    failed += [e for r in runs if not isinstance(r, Exception) for e in r.errors]
    result = {"students": total, "sent": expected, "shown": counts, "bars": bars,
              "all_counted": counts == expected, "shown_after_s": shown_s,
              "students_runs": stats([r.seconds for r in runs if not isinstance(r, Exception)]),
              "failed": failed[:10]}
    print(f"  {total} answers at once (their runs all done after {runs_done_s:.2f} s): the teacher's page showed "
          f"'{total} of {total} have answered' after {shown_s if shown_s is None else round(shown_s, 3)} s; "
          f"revealed, per choice sent {expected}, shown {counts}; students' runs {result['students_runs']}", flush=True)
    return result


def report(figures: dict, args, log_errors: list[str]) -> None:
    nexts, n = figures["nexts"], figures["students"]
    print(f"\n== {n} students following the teacher through {args.nexts} Nexts "
          f"(client: protocol sessions with the browser's run_every timers)")
    if nexts["header_p95_s"] is not None:
        print(f"  click -> student's new step header: p50 {nexts['header_p50_s']:.3f} s, "
              f"p95 {nexts['header_p95_s']:.3f} s, max {nexts['header_max_s']:.3f} s "
              f"over {n * args.nexts - nexts['missing']} arrivals ({nexts['missing']} missing)")
        print(f"  click -> student's step complete (script_finished): p50 {nexts['complete_p50_s']:.3f} s, "
              f"p95 {nexts['complete_p95_s']:.3f} s, max {nexts['complete_max_s']:.3f} s")
        met = nexts["header_p95_s"] < LATENCY_GOAL_S and not nexts["missing"]
        print(f"  goal p95 < {LATENCY_GOAL_S:.0f} s, none missing: {'met' if met else 'NOT met'}")
    print(f"  while moving: server {nexts['server_cores']:.2f} cores, client {nexts['client_cores']:.2f}, "
          f"other processes {nexts['others_cores']:.2f}")
    step_name = lesson.STEPS[args.nexts].id if args.nexts < len(lesson.STEPS) else "?"
    for label, key in ((f"{n} followers", "idle_followers"), ("0 followers (the teacher's page alone)", "idle_alone")):
        idle = figures[key]
        print(f"== idle on step {args.nexts + 1} ({step_name}), {label}, {idle['wall_s']:.0f} s: server CPU "
              f"{idle['server_cpu_s']:.1f} s = {idle['server_pct']:.1f}% of one core "
              f"({idle['fragment_reruns_per_s']:.1f} fragment reruns/s sent, {idle['runs_per_s']:.1f} runs/s read); "
              f"client {idle['client_pct']:.1f}%, other processes {idle['others_pct']:.1f}%")
    followers = figures["idle_followers"]["server_pct"]
    print(f"  goal < {IDLE_CPU_GOAL:.0f}% with {n}: {'met' if followers < IDLE_CPU_GOAL else 'NOT met'}; "
          f"per follower {(followers - figures['idle_alone']['server_pct']) / max(1, n):.2f}% of a core")
    if "answers" in figures:
        a = figures["answers"]
        print(f"== {a['students']} answers at the same instant: all counted: {a['all_counted']} "
              f"(sent {a['sent']}, the teacher's bars at the reveal {a['shown']}); "
              f"'{a['students']} of {a['students']} have answered' shown after "
              f"{a['shown_after_s'] if a['shown_after_s'] is None else round(a['shown_after_s'], 3)} s"
              + (f"; failures: {a['failed']}" if a["failed"] else ""))
    print(f"== errors on the pages: {len(figures['errors'])}" + "".join(f"\n  {e[:300]}" for e in figures["errors"]))
    if log_errors:
        print(f"  server log: {len(log_errors)} error lines, first: {log_errors[0][:200]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--nexts", type=int, default=10, help="the teacher's Next presses along the core path (at most its steps less one)")
    parser.add_argument("--pause", type=float, default=3.0, help="seconds between the teacher's Nexts, +- 1")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--idle", type=float, default=60.0, help="seconds of each idle measurement")
    parser.add_argument("--timeout", type=float, default=120.0, help="a session's wait for a run it asked for")
    parser.add_argument("--step-timeout", type=float, default=30.0,
                        help="how long a student may take to show the new step before it counts as missing")
    parser.add_argument("--quiet-wait", type=float, default=30.0,
                        help="wait up to this long before each timed part for other processes to use < 0.25 cores")
    parser.add_argument("--no-warm", action="store_true", help="no warm-up walk: the first class of the day")
    parser.add_argument("--no-answers", action="store_true", help="skip the answers at the same instant")
    parser.add_argument("--json", help="also write the figures to this file")
    add_cluster_arguments(parser)
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="the app to serve (default this checkout; e.g. a `git archive HEAD` copy)")
    args = parser.parse_args()
    args.nexts = max(1, min(args.nexts, len(lesson.STEPS) - 1))
    figures = asyncio.run(main_async(args))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1, default=str))


if __name__ == "__main__":
    main()
