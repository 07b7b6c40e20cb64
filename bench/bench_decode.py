"""How fast an upload whose header claims a huge picture is refused, against decoding an honest one.

    python bench/bench_decode.py [--repeats 200]

A decompression bomb is a few hundred bytes whose header claims billions of pixels;
``preprocess.decode_image`` refuses it from the header alone (tests/test_preprocess.py proves no
pixel is decoded). This prints, per format, the median and worst refusal time over ``--repeats``
and the time to decode an honest 2,000x2,000 picture of that format, and the process's peak
memory growth over the refusals.
"""

from __future__ import annotations

import argparse
import io
import resource
import statistics
import struct
import sys
import time
import zlib
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fmnist import preprocess  # noqa: E402


def encode(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def bomb(fmt: str) -> bytes:
    """A small valid file of ``fmt`` whose header is patched to claim the largest size it can hold
    (PNG 40,000 x 40,000; GIF 65,535 x 65,535; BMP 40,000 x 40,000; WebP 16,384 x 16,384)."""
    small = Image.effect_noise((16, 16), 60).convert("L")
    if fmt == "PNG":
        data = bytearray(encode(small, "PNG"))
        data[16:24] = struct.pack(">II", 40_000, 40_000)
        data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    elif fmt == "GIF":
        data = bytearray(encode(small, "GIF"))
        data[6:10] = struct.pack("<HH", 65_535, 65_535)
    elif fmt == "BMP":
        data = bytearray(encode(small, "BMP"))
        data[18:26] = struct.pack("<ii", 40_000, 40_000)
    else:
        data = bytearray(encode(small.convert("RGB"), "WEBP", lossless=True))
        bits = struct.unpack("<I", data[21:25])[0] & ~((1 << 28) - 1)
        data[21:25] = struct.pack("<I", bits | 0x3FFF | 0x3FFF << 14)
    return bytes(data)


def times(fn, repeats: int) -> list[float]:
    spent = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        spent.append(time.perf_counter() - start)
    return spent


def refuse(data: bytes) -> None:
    try:
        preprocess.decode_image(data)
    except preprocess.ImageRejected as refused:
        assert refused.reason == "too_many_pixels", refused
    else:
        raise AssertionError("a bomb was accepted")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=200)
    args = parser.parse_args()
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for fmt in ("PNG", "GIF", "BMP", "WEBP"):
        data = bomb(fmt)
        refused = times(lambda: refuse(data), args.repeats)
        print(f"{fmt}: a {len(data)}-byte bomb refused in {statistics.median(refused) * 1e3:.2f} ms median, "
              f"{max(refused) * 1e3:.2f} ms worst of {args.repeats}", flush=True)
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before
    print(f"peak memory grew by {grown / 1024:.1f} MB over the refusals")
    honest_picture = Image.effect_noise((2000, 2000), 60).convert("RGB")
    for fmt in ("PNG", "GIF", "BMP", "WEBP"):
        honest = encode(honest_picture, fmt)
        decoded = times(lambda: preprocess.decode_image(honest, max_bytes=len(honest)), 5)
        print(f"for comparison, an honest 2000x2000 {fmt} ({len(honest) / 1e6:.1f} MB) decodes in "
              f"{statistics.median(decoded) * 1e3:.0f} ms (median of 5)", flush=True)

if __name__ == "__main__":
    main()
