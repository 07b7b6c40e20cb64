"""A classroom on one server: N students at once through a scripted visit, on loopback.

    python bench/bench_load.py                      # both shapes, N = 1, 10, 30 (about 10 min)
    python bench/bench_load.py --sessions 10 --shape staggered --pause 5
    python bench/bench_load.py --profile --py-spy /tmp/pyspy/bin/py-spy   # where a page run's time goes

Each student is a session of Streamlit's own websocket protocol (``bench/_load_client.py``),
not a browser: the client costs a few percent of a core, so the machine's cores measure the
server. (Ten headless Chromium tabs spent most of a 2-core machine in the browsers.) Like a
browser with an empty cache, each session first loads the page and its static files, and
fetches the ``/media`` images of every page it opens (the "+images" column: the run and its
images, as a person sees the page complete).

The visit, each step timed from the message sent to the end of the run it starts
(``script_finished``; the upload from asking for its URL):

    home          open the app (a fresh session's first run)
    browse        open Browse
    browse class  choose another class in its "Class" selectbox (a fragment rerun)
    compose       open Compose
    compose 3     move "Number of garments" to 3 (a fragment rerun)
    predict       press "Send to prediction": st.switch_page, then the Predict page's
                  softmax-against-multi-label tab answers the canvas
    draw          open Draw & upload
    upload tab    open its "Upload a picture" tab
    upload        upload a garment photo (a test image as a product photo: dark on white,
                  enlarged, JPEG) and read the answer (the st.metric)

An error is an exception element, a script error, an ``st.error`` on the page, a step that
does not land where it should (no Predict page, no answer), a timeout or a dropped socket.

Shapes: ``staggered``: each session starts at a random moment within ``--start-window``
seconds and pauses uniformly ``--pause`` +- 1 s between steps; ``instant``: all start at once
and never pause. Each (shape, N) gets a fresh server, warmed by one visit (dataset, models,
first figures: the costs of the first student of the day) before the clock starts. The
server's memory is its RSS sampled every 0.2 s (peak) and the kernel's high-water mark
(VmHWM, since the server started); its CPU is utime + stime from /proc.

Other people's work on the machine would be measured as the app's slowness: before each shape
the script waits (``--quiet-wait``, bounded) for the other processes to go quiet, and it
reports the CPU they used while the shape ran (a NOTE when it is over a quarter of a core).

``--profile`` samples the server with py-spy during warm runs of each step (one session, py-spy
attached around each run alone) and prints the functions that take the most of a run.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import contextlib
import io
import json
import math
import os
import platform
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

sys.path.insert(0, str(ROOT / "tests"))

from _load_client import Session  # noqa: E402
from conftest import Server, streamlit_process  # noqa: E402

STEPS = ("home", "browse", "browse class", "compose", "compose 3", "predict", "draw", "upload tab", "upload")
CLK_TCK = os.sysconf("SC_CLK_TCK")
GOALS = {"staggered": 2.0, "instant": 4.0}  # p95 of every step at N = 30, seconds
MEMORY_GOAL_GB = 3.0


# --- The server --------------------------------------------------------------------------------

@contextlib.contextmanager
def streamlit_server(folder: Path, root: Path = ROOT, cluster: int = 0, workers: int = 2):
    """The tests' server (tests/conftest.py), with the data never downloaded and a longer start
    allowed on a busy machine; yields a Server (URL, process id for its memory and CPU, log).

    ``cluster`` > 0: instead, deploy/cluster.py's cluster of that many app replicas behind nginx,
    with ``workers`` training workers and Redis, on loopback (always this checkout's app); the
    Server's URL is nginx's, its "pid" every process the cluster started (:class:`Processes`)
    and its log all their logs."""
    if not cluster:
        with streamlit_process(folder, root, env={"FMNIST_NO_DOWNLOAD": "1"}, start_timeout=90) as server:
            yield server
        return
    from deploy.cluster import Cluster

    env = {"FMNIST_NO_DOWNLOAD": "1", "FMNIST_REGISTRY": str(Path(folder) / "registry")}
    with Cluster(Path(folder), replicas=cluster, workers=workers, env=env) as started:
        groups = Processes(tuple(process.pid for process in started.processes()))
        server = Server(started.url, groups, Logs(Path(started.folder)))
        server.replicas = list(started.replica_urls)  # each warmed directly, as one server is
        yield server


@dataclass(frozen=True)
class Processes:
    """The process groups a cluster started (each service leads its own): the processes of a
    cluster measured together as "the server" (CPU and memory summed over every live member)."""

    groups: tuple

    def members(self) -> list[int]:
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError, ValueError, IndexError):
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if int(fields[2]) in self.groups:  # its process group
                    found.append(int(stat.parent.name))
        return found


class Logs:
    """Every log in a cluster's folder, read as one."""

    def __init__(self, folder: Path):
        self.folder = folder

    def read_text(self, **_) -> str:
        return "\n".join(path.read_text(errors="replace") for path in sorted(self.folder.glob("*.log")))


def rss_kb(pid) -> tuple[int, int]:
    """(VmRSS, VmHWM) of a process, in kB (summed over a :class:`Processes`)."""
    if isinstance(pid, Processes):
        pairs = [rss_kb(member) for member in pid.members()]
        return sum(p[0] for p in pairs), sum(p[1] for p in pairs)
    values = {}
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    name, amount = line.split(":")
                    values[name] = int(amount.split()[0])
    except OSError:  # a member of a cluster that has just ended
        pass
    return values.get("VmRSS", 0), values.get("VmHWM", 0)


def cpu_seconds(pid) -> float:
    """utime + stime of a process (all its threads), in seconds (summed over a :class:`Processes`:
    the time of a member that ended between two readings is lost, so measure steady services)."""
    if isinstance(pid, Processes):
        return sum(cpu_seconds(member) for member in pid.members())
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def machine_busy_seconds() -> float:
    """CPU seconds every core has spent busy since boot (all processes), from /proc/stat."""
    with open("/proc/stat") as stat:
        values = [int(v) for v in stat.readline().split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return (sum(values[:8]) - idle) / CLK_TCK


async def wait_until_quiet(server_pid: int, limit_s: float, threshold: float = 0.25, window: float = 3.0) -> float:
    """Wait (at most ``limit_s``) until the other processes on the machine use under ``threshold``
    cores over ``window`` seconds: other people's training would be measured as the app's
    slowness. Returns what they used in the last window, in cores."""
    end = time.perf_counter() + limit_s
    while True:  # bounded by limit_s
        busy0, mine0 = machine_busy_seconds(), cpu_seconds(server_pid) + time.process_time()
        await asyncio.sleep(window)
        others = (machine_busy_seconds() - busy0 - (cpu_seconds(server_pid) + time.process_time() - mine0)) / window
        if others < threshold or time.perf_counter() + window > end:
            return max(0.0, others)


class Sampler:
    """The server's RSS every ``period`` seconds while a shape runs (bounded by ``stop``)."""

    def __init__(self, pid: int, period: float = 0.2):
        self.pid, self.period = pid, period
        self.peak_kb = 0
        self._stop = asyncio.Event()

    async def run(self, limit_s: float) -> None:
        end = time.perf_counter() + limit_s
        while not self._stop.is_set() and time.perf_counter() < end:
            self.peak_kb = max(self.peak_kb, rss_kb(self.pid)[0])
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._stop.wait(), self.period)

    def stop(self) -> None:
        self._stop.set()


# --- What a student brings: a garment photo -------------------------------------------------------

@dataclass
class Photo:
    payload: bytes
    truth: str


def garment_photos(count: int, seed: int) -> list[Photo]:
    """Test images restyled as product photos (dark garment on white, enlarged, off-centre, JPEG)."""
    from PIL import Image

    from fmnist import data, i18n

    _, (images, labels) = data.load_data()
    rng = random.Random(seed)
    names = i18n.class_names("en")
    photos = []
    for _ in range(count):
        index = rng.randrange(len(images))
        side = rng.randrange(200, 320)
        garment = Image.fromarray(255 - images[index]).resize((side, side), Image.Resampling.BILINEAR)
        paper = Image.new("L", (int(side * 1.4), int(side * 1.4)), 255)
        paper.paste(garment, (rng.randrange(0, paper.width - side), rng.randrange(0, paper.height - side)))
        buffer = io.BytesIO()
        paper.convert("RGB").save(buffer, "JPEG", quality=85)
        photos.append(Photo(buffer.getvalue(), names[int(labels[index])]))
    return photos


# --- One student's visit -------------------------------------------------------------------------

@dataclass
class StepResult:
    step: str
    seconds: float | None  # None when the step failed before its run ended
    errors: list = field(default_factory=list)
    complete: float | None = None  # the run and its images
    images: int = 0
    started: float = 0.0  # on the shape's clock


@dataclass
class Visit:
    steps: list = field(default_factory=list)
    connect_s: float | None = None
    answer_right: bool | None = None


def upload_tab_label() -> str:
    from fmnist import i18n

    return i18n.t("draw.tab_upload", "en")


async def visit(url: str, number: int, photo: Photo, pause, rng: random.Random, clock0: float,
                timeout: float, media: bool = True, load_page: bool = True) -> Visit:
    """The scripted visit of one student; a failed step ends the visit (the rest count as not run)."""
    result = Visit()
    session = Session(url, timeout=timeout, media=media)
    tab_label = upload_tab_label()

    def other_class(s: Session) -> str:
        options = list(s.widget("browse_class").proto.options)
        return options[1 + number % (len(options) - 1)]  # never the first, which is the default

    actions = {
        "home": lambda s: s.open_page(""),
        "browse": lambda s: s.open_page("browse"),
        "browse class": lambda s: s.change("browse_class", string_value=other_class(s)),
        "compose": lambda s: s.open_page("compose"),
        "compose 3": lambda s: s.change("compose_count", double_array_value=[3]),
        "predict": lambda s: s.change("compose_multi_send", trigger_value=True),
        "draw": lambda s: s.open_page("draw"),
        "upload tab": lambda s: s.change("draw_tab", string_value=tab_label),
        "upload": lambda s: s.upload("draw_upload", f"garment_{number}.jpg", photo.payload, "image/jpeg"),
    }
    try:
        start = time.perf_counter()
        try:
            await session.open(load_page=load_page)
        except Exception as exc:  # noqa: BLE001 - a refused connection is a figure too
            result.steps.append(StepResult(STEPS[0], None, [f"connect: {type(exc).__name__}: {exc}"]))
            return result
        result.connect_s = time.perf_counter() - start
        for i, step in enumerate(STEPS):
            if i:
                await asyncio.sleep(pause(rng))
            started = time.perf_counter() - clock0
            try:
                run = await actions[step](session)
            except Exception as exc:  # noqa: BLE001 - every failure is a figure (a missing widget ends the visit)
                result.steps.append(StepResult(step, None, [f"{type(exc).__name__}: {exc}"], started=started))
                return result
            errors = list(run.errors)
            if step == "predict" and session.page_name != "predict":
                errors.append(f"landed on {session.page_name!r}, not on Predict")
            if step == "upload":
                answers = run.find("metric", lambda m: m.label.endswith(" says"))
                if not answers:
                    errors.append("no answer (metric) after the upload")
                else:
                    result.answer_right = answers[0].body == photo.truth
            result.steps.append(StepResult(step, run.seconds, errors, started=started, complete=run.complete,
                                           images=run.images))
    finally:
        with contextlib.suppress(Exception):
            await session.close()
    return result


# --- A shape: N students on a fresh, warmed server ---------------------------------------------

def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile: the p95 of 10 values is the 10th, of 30 values the 29th."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


@dataclass
class ShapeResult:
    shape: str
    sessions: int
    visits: list
    wall_s: float
    client_cpu_s: float
    server_cpu_s: float
    others_cpu_s: float  # every other process on the machine (other people's work, the kernel)
    warm_s: float
    rss_before_mb: float
    rss_peak_mb: float
    hwm_mb: float


async def run_shape(server: Server, shape: str, sessions: int, photos: list[Photo], args) -> ShapeResult:
    rng = random.Random(args.seed * 1000 + sessions)
    # Warm: one full visit, no pauses: dataset, models, cached figures, first-time imports.
    warm_start = time.perf_counter()
    for url in getattr(server, "replicas", [server.url]):  # a cluster: every replica, each its own caches
        warm = await visit(url, 999, photos[-1], lambda r: 0.0, random.Random(0), warm_start, args.step_timeout)
    warm_s = time.perf_counter() - warm_start
    failed = [(s.step, s.errors) for s in warm.steps if s.errors] + (
        [] if len(warm.steps) == len(STEPS) else [("visit", "ended early")])
    if failed:
        print(f"  warm-up visit had errors: {failed}", flush=True)
    rss_before = rss_kb(server.pid)[0]
    waited = time.perf_counter()
    others_before = await wait_until_quiet(server.pid, args.quiet_wait)
    print(f"  {shape}, N = {sessions}: other processes used {others_before:.2f} cores just before the start "
          f"(waited {time.perf_counter() - waited:.0f} s for a quiet machine)", flush=True)

    if shape == "instant":
        starts = [0.0] * sessions
        pause = lambda r: 0.0  # noqa: E731
    else:
        starts = [rng.uniform(0, args.start_window) for _ in range(sessions)]
        low, high = max(0.0, args.pause - 1), args.pause + 1
        pause = lambda r: r.uniform(low, high)  # noqa: E731
    sampler = Sampler(server.pid)
    limit = args.start_window + len(STEPS) * (args.pause + 1 + args.step_timeout) + 60
    sampling = asyncio.create_task(sampler.run(limit))
    cpu_server0, cpu_client0, busy0 = cpu_seconds(server.pid), time.process_time(), machine_busy_seconds()
    clock0 = time.perf_counter()

    async def student(number: int) -> Visit:
        await asyncio.sleep(starts[number])
        return await visit(server.url, number, photos[number], pause, random.Random(rng.random()), clock0,
                           args.step_timeout, not args.no_media, not args.no_page_load)

    visits = await asyncio.wait_for(asyncio.gather(*(student(i) for i in range(sessions))), limit)
    wall = time.perf_counter() - clock0
    client_cpu = time.process_time() - cpu_client0
    server_cpu = cpu_seconds(server.pid) - cpu_server0
    others_cpu = machine_busy_seconds() - busy0 - server_cpu - client_cpu
    sampler.stop()
    await sampling
    _, hwm = rss_kb(server.pid)
    return ShapeResult(shape, sessions, visits, wall, client_cpu, server_cpu, max(0.0, others_cpu), warm_s,
                       rss_before / 1024,
                       max(sampler.peak_kb, rss_before) / 1024, hwm / 1024)


def report(result: ShapeResult) -> dict:
    by_step, complete, images = defaultdict(list), defaultdict(list), defaultdict(int)
    errors = defaultdict(list)
    for v in result.visits:
        for s in v.steps:
            if s.seconds is not None:
                by_step[s.step].append(s.seconds)
                complete[s.step].append(s.complete or s.seconds)
                images[s.step] += s.images
            errors[s.step].extend(s.errors)
    not_run = {step: sum(1 for v in result.visits if step not in {s.step for s in v.steps}) for step in STEPS}
    goal = GOALS[result.shape]
    print(f"\n{result.shape}, N = {result.sessions}: {result.wall_s:.1f} s wall "
          f"(fresh server, warmed by one visit of {result.warm_s:.1f} s)")
    print(f"  {'step':<13}{'runs':>5}{'median s':>10}{'p95 s':>8}{'max s':>8}{'errors':>8}{'not run':>9}"
          f"{'+images p95 s':>15}{'images':>8}")
    rows = {}
    for step in STEPS:
        times = by_step.get(step, [])
        med = statistics.median(times) if times else float("nan")
        p95 = percentile(times, 0.95) if times else float("nan")
        top = max(times) if times else float("nan")
        mark = " !" if times and p95 > goal else ""
        with_images = percentile(complete[step], 0.95) if times else float("nan")
        print(f"  {step:<13}{len(times):>5}{med:>10.3f}{p95:>8.3f}{top:>8.3f}{len(errors[step]):>8}"
              f"{not_run[step]:>9}{with_images:>15.3f}{images[step]:>8}{mark}")
        rows[step] = {"runs": len(times), "median_s": med, "p95_s": p95, "max_s": top,
                      "errors": len(errors[step]), "not_run": not_run[step], "p95_with_images_s": with_images,
                      "images": images[step]}
    every = [s.seconds for v in result.visits for s in v.steps if s.seconds is not None]
    connects = [v.connect_s for v in result.visits if v.connect_s is not None]
    answers = [v.answer_right for v in result.visits if v.answer_right is not None]
    if every:
        print(f"  {'every step':<13}{len(every):>5}{statistics.median(every):>10.3f}"
              f"{percentile(every, 0.95):>8.3f}{max(every):>8.3f}")
    if connects:
        print(f"  connect (page and its static files, health, websocket) median {statistics.median(connects):.3f} s, "
              f"max {max(connects):.3f} s")
    print(f"  upload answers right: {sum(answers)}/{len(answers)}")
    print(f"  server memory: RSS {result.rss_before_mb:.0f} MB after warm-up, peak {result.rss_peak_mb:.0f} MB "
          f"(sampled every 0.2 s), VmHWM {result.hwm_mb:.0f} MB (goal < {MEMORY_GOAL_GB:.0f} GB)")
    print(f"  server CPU {result.server_cpu_s:.1f} s = {result.server_cpu_s / result.wall_s:.2f} cores; "
          f"client CPU {result.client_cpu_s:.1f} s = {result.client_cpu_s / result.wall_s:.2f} cores "
          f"({100 * result.client_cpu_s / max(1e-9, result.client_cpu_s + result.server_cpu_s):.0f}% of the CPU used); "
          f"other processes {result.others_cpu_s:.1f} s = {result.others_cpu_s / result.wall_s:.2f} cores")
    shown = [f"{s.step}: {e}" for v in result.visits for s in v.steps for e in s.errors][:8]
    for line in shown:
        print(f"  error: {line[:300]}")
    worst = max((max(by_step[s]) for s in STEPS if by_step.get(s)), default=0)
    if result.others_cpu_s / result.wall_s > 0.25:
        print(f"  NOTE: other processes used {result.others_cpu_s / result.wall_s:.2f} of the 2 cores while this ran: "
              f"the figures above are slower than the app alone would be")
    verdict = all(not math.isnan(r["p95_s"]) and r["p95_s"] <= goal for r in rows.values())
    print(f"  goal p95 <= {goal:.0f} s on every step: {'met' if verdict else 'NOT met'} (slowest run {worst:.2f} s); "
          f"errors: {sum(len(e) for e in errors.values())}")
    return {"shape": result.shape, "sessions": result.sessions, "wall_s": result.wall_s, "steps": rows,
            "server_cpu_s": result.server_cpu_s, "client_cpu_s": result.client_cpu_s,
            "others_cpu_s": result.others_cpu_s,
            "rss_after_warm_mb": result.rss_before_mb, "rss_peak_mb": result.rss_peak_mb, "vmhwm_mb": result.hwm_mb,
            "answers_right": sum(answers), "answers": len(answers)}


# --- Where a run's time goes: py-spy around single warm runs --------------------------------------

# py-spy cannot tell a sleeping thread from a busy one on every kernel (here it cannot), so a
# sample whose innermost frame is one of these waits is idle, not work.
IDLE_LEAVES = ("(selectors.py:", "polling_path_watcher.py:90)", "(concurrent/futures/thread.py:81)",
               "wait (threading.py:", "_wait_for_tstate_lock (threading.py:", "get (queue.py:",
               "sleep (", "accept (socket.py:", "select (")
# frames every thread or every run passes through: no information
PLUMBING = ("threading.py", "concurrent/futures/thread.py", "asyncio/runners.py", "asyncio/base_events.py",
            "asyncio/events.py", "click/core.py", "streamlit/web/cli.py", "streamlit/web/bootstrap.py",
            "script_runner.py", "exec_code.py", "metrics_util.py", "navigation/page.py", "runtime/fragment.py",
            "<module> (app.py)", "uvicorn/server.py", "uvicorn/main.py", "selector_events.py")


def _frame_name(frame: str) -> str:
    """'func (path/to/file.py:123)' -> 'func (to/file.py)': one entry per function, short path."""
    name, _, where = frame.rpartition(" (")
    path = where.rstrip(")").rsplit(":", 1)[0]
    for marker in ("site-packages/", "/work/main/", "/tmp/lb/head/", "lib/python3.11/"):
        if marker in path:
            path = path.split(marker, 1)[1]
    return f"{name} ({path})"


PROJECT_FILES = {p.name for p in (ROOT / "pages").glob("*.py")} | {"app.py", "main.py"}


def _is_project(name: str) -> bool:
    """py-spy names a page file by its base name, the library as fmnist/..."""
    path = name.rpartition(" (")[2].rstrip(")")
    return path in PROJECT_FILES or path.startswith(("fmnist/", "pages/", "ui/"))


def summarise_profile(files: list[Path], runs: int, rate: int, top: int) -> list[str]:
    inclusive, own, threads = defaultdict(int), defaultdict(int), defaultdict(int)
    busy = 0
    for path in files:
        if not path.exists():
            continue
        for line in path.read_text().splitlines():
            stack, _, count = line.rpartition(" ")
            if not stack or not count.isdigit():
                continue
            frames = stack.split(";")
            if any(marker in frames[-1] for marker in IDLE_LEAVES):
                continue
            n = int(count)
            busy += n
            threads[frames[0].split(": ", 1)[-1]] += n
            for name in {_frame_name(f) for f in frames[1:]}:
                inclusive[name] += n
            own[_frame_name(frames[-1])] += n
    ms = 1000.0 / rate / max(1, runs)
    lines = [f"   busy Python samples {busy * ms:.0f} ms per run; by thread: "
             + ", ".join(f"{name} {n * ms:.0f}" for name, n in sorted(threads.items(), key=lambda kv: -kv[1])[:4])]
    project = [(n, f) for f, n in inclusive.items() if _is_project(f)]
    library = [(n, f) for f, n in inclusive.items()
               if not _is_project(f) and not any(p in f for p in PLUMBING)]
    for title, rows in (("project code, inclusive", project), ("library, inclusive", library),
                        ("self (innermost frame)", [(n, f) for f, n in own.items()])):
        lines.append(f"   {title} (ms per run):")
        for n, frame in sorted(rows, key=lambda row: -row[0])[:top]:
            if n * ms >= 5:
                lines.append(f"   {n * ms:7.0f}  {frame[:140]}")
    return lines


async def profile(server: Server, photos: list[Photo], args) -> None:
    """Sample the server with py-spy during ``--repeat`` warm runs of each step, py-spy attached
    around each run alone; print the top functions in ms per run, and the run's CPU from /proc."""
    folder = Path(tempfile.mkdtemp(prefix="load_profile_"))
    others = await wait_until_quiet(server.pid, args.quiet_wait)
    print(f"  other processes used {others:.2f} cores just before the profile", flush=True)
    warm = await visit(server.url, 998, photos[-1], lambda r: 0.0, random.Random(0), time.perf_counter(),
                       args.step_timeout)
    if any(s.errors for s in warm.steps) or len(warm.steps) != len(STEPS):
        print("  warm-up visit errors:", [(s.step, s.errors) for s in warm.steps if s.errors])
    tab_label = upload_tab_label()
    samples: dict[str, list[Path]] = defaultdict(list)
    seconds: dict[str, list[float]] = defaultdict(list)
    cpu: dict[str, list[float]] = defaultdict(list)
    session = Session(server.url, timeout=args.step_timeout)
    await session.open()

    async def sampled(step: str, action) -> None:
        out = folder / f"{step.replace(' ', '_')}_{len(samples[step])}.txt"
        spy = subprocess.Popen([args.py_spy, "record", "-p", str(server.pid), "--threads", "--rate", str(args.rate),
                                "--nonblocking", "-f", "raw", "-o", str(out)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        await asyncio.sleep(1.0)  # attached, and the server idle again
        cpu0 = cpu_seconds(server.pid)
        run = await action()
        await asyncio.sleep(0.2)  # the last messages leave the server after script_finished
        cpu[step].append(cpu_seconds(server.pid) - cpu0)
        spy.send_signal(signal.SIGINT)
        try:
            spy.wait(timeout=30)
        except subprocess.TimeoutExpired:
            spy.kill()
            spy.wait(timeout=10)
        samples[step].append(out)
        seconds[step].append(run.seconds)
        if run.errors:
            print(f"  {step}: errors {run.errors}")

    s = session
    for r in range(args.repeat):  # each step's run, as in a visit; py-spy around the one run only
        await s.open_page("")  # so that "home" below is a warm rerun, as a return to Home is
        await sampled("home", lambda: s.open_page(""))
        await sampled("browse", lambda: s.open_page("browse"))
        choice = list(s.widget("browse_class").proto.options)[1 + r % 9]
        await sampled("browse class", lambda: s.change("browse_class", string_value=choice))
        await sampled("compose", lambda: s.open_page("compose"))
        await sampled("compose 3", lambda: s.change("compose_count", double_array_value=[3]))
        await sampled("predict", lambda: s.change("compose_multi_send", trigger_value=True))
        await sampled("draw", lambda: s.open_page("draw"))
        await sampled("upload tab", lambda: s.change("draw_tab", string_value=tab_label))
        photo = photos[r % len(photos)]
        await sampled("upload", lambda: s.upload("draw_upload", f"p{r}.jpg", photo.payload, "image/jpeg"))
    await s.close()

    print(f"\nprofile: py-spy {args.rate} Hz around each of {args.repeat} warm runs per step, one session; "
          f"CPU = the server process's utime+stime over the run (+0.2 s)")
    for step in STEPS:
        print(f"\n{step}: run {statistics.median(seconds[step]) * 1000:.0f} ms wall, "
              f"{statistics.median(cpu[step]) * 1000:.0f} ms server CPU (medians of {len(seconds[step])})")
        print("\n".join(summarise_profile(samples[step], len(samples[step]), args.rate, args.top)))
    print(f"\n(raw py-spy files in {folder})")


# --- Main ------------------------------------------------------------------------------------------

def add_cluster_arguments(parser) -> None:
    """--cluster N and --workers W: serve through deploy/cluster.py (:func:`streamlit_server`)."""
    parser.add_argument("--cluster", type=int, default=0, metavar="N",
                        help="serve through deploy/cluster.py: N app replicas behind nginx, Redis, --workers workers")
    parser.add_argument("--workers", type=int, default=2, help="training workers of the cluster (--cluster)")


def machine() -> str:
    model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({model}), {memory:.0f} GB, {platform.system()} {platform.release()}"


async def main_async(args) -> None:
    photos = garment_photos(max(args.sessions) + 1, args.seed)
    # Each student's browser makes its own HTTP requests (the health check, the upload's PUT):
    # the default executor's few threads (cores + 4) would queue thirty students' uploads here,
    # in the client, and the wait would be counted as the server's.
    asyncio.get_running_loop().set_default_executor(
        concurrent.futures.ThreadPoolExecutor(max_workers=max(args.sessions) + 8, thread_name_prefix="student"))
    print(f"{datetime.now():%Y-%m-%d %H:%M}, {machine()}; app in {args.root}", flush=True)
    results = []
    if args.profile:
        with tempfile.TemporaryDirectory() as folder, streamlit_server(Path(folder), args.root, args.cluster, args.workers) as server:
            await profile(server, photos, args)
        return
    for shape in args.shape:
        for sessions in args.sessions:
            with tempfile.TemporaryDirectory() as folder, streamlit_server(Path(folder), args.root, args.cluster, args.workers) as server:
                result = await run_shape(server, shape, sessions, photos, args)
                results.append(report(result))
                errors = [line for line in server.log.read_text().splitlines()
                          if "Traceback" in line or " ERROR " in line or "Exception" in line]
                if errors:
                    print(f"  server log: {len(errors)} error lines, first: {errors[0][:200]}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 10, 30], help="N students (default 1 10 30)")
    parser.add_argument("--shape", nargs="+", choices=("staggered", "instant"), default=["staggered", "instant"])
    parser.add_argument("--pause", type=float, default=5.0, help="seconds between steps, +- 1 (staggered)")
    parser.add_argument("--start-window", type=float, default=10.0, help="sessions start within this (staggered)")
    parser.add_argument("--step-timeout", type=float, default=120.0)
    parser.add_argument("--no-media", action="store_true", help="do not fetch the /media images a browser would")
    parser.add_argument("--no-page-load", action="store_true",
                        help="connect without first loading the page and its static files")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--quiet-wait", type=float, default=60.0,
                        help="wait up to this long before each shape for other processes to use < 0.25 cores")
    parser.add_argument("--json", help="also write the figures to this file")
    add_cluster_arguments(parser)
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="the app to serve (default this checkout; e.g. a `git archive HEAD` copy)")
    parser.add_argument("--profile", action="store_true", help="profile warm runs of each step with py-spy instead")
    parser.add_argument("--py-spy", default="py-spy", help="the py-spy executable (--profile)")
    parser.add_argument("--rate", type=int, default=200, help="py-spy samples per second (--profile)")
    parser.add_argument("--repeat", type=int, default=5, help="warm runs sampled per step (--profile)")
    parser.add_argument("--top", type=int, default=12, help="frames listed per step (--profile)")
    args = parser.parse_args()
    asyncio.run(main_async(args))


if __name__ == "__main__":
    main()
