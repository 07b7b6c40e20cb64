"""keep_freed_memory: a freed large block is reused, not returned to the kernel and faulted in again."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# malloc, fill and free 16 MB twice and count the page faults of the second fill. (Through libc
# itself: NumPy asks for huge pages for big arrays, TensorFlow does not.)
PROBE = """
import ctypes, resource, sys
sys.path.insert(0, {root!r})
if {tuned}:
    from fmnist.runtime import keep_freed_memory
    assert keep_freed_memory() and keep_freed_memory()  # idempotent
libc = ctypes.CDLL("libc.so.6")
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = [ctypes.c_void_p]
def fill_and_free(size=16 << 20):
    block = libc.malloc(size)
    ctypes.memset(block, 1, size)
    libc.free(block)
fill_and_free()
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
fill_and_free()
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def faults_of_second_touch(tuned: bool) -> int:
    code = PROBE.format(root=str(ROOT), tuned=tuned)
    return int(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a glibc setting")
def test_a_freed_large_block_is_reused_without_new_page_faults():
    assert faults_of_second_touch(tuned=False) > 2_000  # 4,096 pages of 4 KB, faulted in again
    assert faults_of_second_touch(tuned=True) < 1_000
