"""Beyond one server: the same class through one server and through the cluster, in one run.

    python bench/bench_cluster.py                   # about 25 minutes on 2 cores
    python bench/bench_cluster.py --students 60 --only lesson load

Each part runs another bench twice, one after the other on the same machine, so that the two
figures are a ratio rather than two numbers from different days:

- ``lesson``: ``bench_lesson.py --students N`` (a teacher and N protocol students following ten
  Nexts, the answers at the same instant, the idle followers), on one ``streamlit run`` server,
  then through ``--cluster 2``: nginx, two app replicas, Redis, two workers (deploy/cluster.py);
  nginx spreads the students over both replicas by its stickiness cookie.
- ``load``: ``bench_load.py --sessions N --shape instant`` (N students through the whole visit at
  the same instant: Browse, Compose, Predict, an upload), the same two ways.
- ``challenge``: ``bench_challenge.py`` (thirty students press "Train my model" at the same instant
  in a class) through the cluster with ``--workers 1``, then with ``--workers 2``: the time until
  the last model is stored.

On 2 cores two replicas and two workers share the same two cores as one server does: what the
cluster shows here is that the class works through it (nothing lost, nothing refused) and what
the proxy and Redis cost; the capacity comes from putting the same pieces on more machines
(README, "Beyond one server").
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_load import machine  # noqa: E402


def run(script: str, args: list[str], out: Path):
    """Run a bench with ``--json out``; its figures (None if it failed)."""
    command = [sys.executable, str(HERE / script), *args, "--json", str(out)]
    print(f"\n### {' '.join(command[1:])}", flush=True)
    done = subprocess.run(command)
    if done.returncode != 0 or not out.exists():
        print(f"  {script} failed (exit code {done.returncode})", flush=True)
        return None
    return json.loads(out.read_text())


def ratio(a, b) -> str:
    return f"{a / b:.2f}x" if a and b else "n/a"


def lesson_part(students: int, folder: Path) -> list[str]:
    common = ["--students", str(students), "--idle", "20"]
    one = run("bench_lesson.py", common, folder / "lesson-one.json")
    two = run("bench_lesson.py", [*common, "--cluster", "2"], folder / "lesson-cluster.json")
    lines = [f"lesson, {students} students (class shape):"]
    for name, figures in (("one server", one), ("2 replicas behind nginx", two)):
        if figures is None:
            lines.append(f"  {name}: failed")
            continue
        nexts, answers = figures["nexts"], figures.get("answers", {})
        lines.append(f"  {name}: Next -> student's header p50 {nexts['header_p50_s']:.2f} s, p95 "
                     f"{nexts['header_p95_s']:.2f} s, max {nexts['header_max_s']:.2f} s, {nexts['missing']} missing; "
                     f"answers at once all counted: {answers.get('all_counted')}; idle followers "
                     f"{figures['idle_followers']['server_pct']:.1f}% of a core; errors {len(figures['errors'])}")
    if one and two:
        lines.append(f"  cluster / one server, p95: {ratio(two['nexts']['header_p95_s'], one['nexts']['header_p95_s'])}")
    return lines


def load_part(students: int, folder: Path) -> list[str]:
    common = ["--sessions", str(students), "--shape", "instant"]
    one = run("bench_load.py", common, folder / "load-one.json")
    two = run("bench_load.py", [*common, "--cluster", "2"], folder / "load-cluster.json")
    lines = [f"load, {students} students at the same instant (instant shape):"]
    for name, result in (("one server", one), ("2 replicas behind nginx", two)):
        if not result:
            lines.append(f"  {name}: failed")
            continue
        figures = result[0]
        steps = figures["steps"]
        worst = max(steps, key=lambda step: steps[step]["p95_s"])
        errors = sum(row["errors"] + row["not_run"] for row in steps.values())
        lines.append(f"  {name}: {figures['wall_s']:.0f} s for all visits; slowest step {worst} p95 "
                     f"{steps[worst]['p95_s']:.2f} s; errors or steps not run {errors}; uploads answered right "
                     f"{figures['answers_right']}/{figures['answers']}; memory peak {figures['rss_peak_mb']:.0f} MB")
    if one and two:
        lines.append(f"  cluster / one server, wall: {ratio(two[0]['wall_s'], one[0]['wall_s'])}")
    return lines


def challenge_part(students: int, folder: Path) -> list[str]:
    lines = [f"challenge, {students} trainings pressed at the same instant in a class, through the cluster:"]
    results = {}
    for workers in (1, 2):
        figures = run("bench_challenge.py", ["--students", str(students), "--cluster", "2", "--workers", str(workers),
                                             "--reference", "0"], folder / f"challenge-{workers}.json")
        results[workers] = figures
        if figures is None:
            lines.append(f"  {workers} worker(s): failed")
            continue
        through = figures["server"]
        lines.append(f"  {workers} worker(s): all {through.get('stored')} stored after {through['all_stored_s']:.1f} s; "
                     f"missing {len(through.get('missing', []))}, failed {len(through.get('failed', {}))}")
    one, two = results.get(1), results.get(2)
    if one and two:
        a = one["server"]["all_stored_s"]
        b = two["server"]["all_stored_s"]
        lines.append(f"  two workers / one: {ratio(b, a)} of the time")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=60, help="students of the lesson and load parts (default 60)")
    parser.add_argument("--trainings", type=int, default=30, help="students of the challenge part (default 30)")
    parser.add_argument("--only", nargs="*", choices=("lesson", "load", "challenge"), default=None)
    args = parser.parse_args()
    parts = args.only or ["lesson", "load", "challenge"]
    print(f"{datetime.now():%Y-%m-%d %H:%M}, {machine()}", flush=True)
    summary = []
    with tempfile.TemporaryDirectory() as folder:
        if "lesson" in parts:
            summary += lesson_part(args.students, Path(folder))
        if "load" in parts:
            summary += load_part(args.students, Path(folder))
        if "challenge" in parts:
            summary += challenge_part(args.trainings, Path(folder))
    print("\n== bench_cluster summary")
    for line in summary:
        print(line)


if __name__ == "__main__":
    main()
