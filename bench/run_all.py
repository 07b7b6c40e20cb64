"""Every benchmark, one after the other: `make bench` (about an hour on 2 cores).

    python bench/run_all.py [--skip NAME ...]

Arguments after the script names go to bench_models.py (e.g. --skip-quick, --full).
"""

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ("bench_data.py", "bench_models.py", "bench_ablations.py", "bench_upload.py", "bench_decode.py", "bench_saliency.py", "bench_pages.py",
           "bench_train_app.py", "bench_load.py", "bench_lesson.py",
           "bench_challenge.py")

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--skip", nargs="*", default=[], help="scripts to leave out, e.g. bench_load.py")
args, model_args = parser.parse_known_args()
for script in SCRIPTS:
    if script in args.skip:
        continue
    print(f"\n### {script}", flush=True)
    extra = model_args if script == "bench_models.py" else []
    subprocess.run([sys.executable, str(HERE / script), *extra], check=True)
