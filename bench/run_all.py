"""Every benchmark, one after the other: `make bench`."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

for script in ("bench_data.py", "bench_models.py"):
    print(f"\n### {script}", flush=True)
    subprocess.run([sys.executable, str(HERE / script), *sys.argv[1:]] if script == "bench_models.py"
                   else [sys.executable, str(HERE / script)], check=True)
