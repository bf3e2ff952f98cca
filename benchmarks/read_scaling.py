"""Reading time and peak memory for 1, 10 and 100 MB of text: reading stays linear (issue #9).

    .venv/bin/python benchmarks/read_scaling.py            # 1, 10, 100 MB
    .venv/bin/python benchmarks/read_scaling.py 1 10       # sizes in MB

"Reading" is what ingest does before any language processing: the file is read, decoded and cleaned
(page breaks, hyphenation, Markdown) into a Document with its offset map, and its identity is hashed.
The text is the examples' Markdown and plain text, repeated to the size. Each size runs in a process of
its own, so that its peak memory (resident set) is its own. The issue's bar: 100 MB takes at most 150
times as long as 1 MB, and less than 2 GB of memory.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
MB = 2**20


def sample_text(size: int) -> str:
    """The examples' Markdown and text files, one after another, numbered, until ``size`` characters."""
    parts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.md")) + sorted(EXAMPLES.glob("*.txt"))
             if p.name != "README.md"]
    chunks, total, n = [], 0, 0
    while total < size:
        chunk = f"\n\n## Part {n}\n\n" + parts[n % len(parts)]
        chunks.append(chunk)
        total += len(chunk)
        n += 1
    return "".join(chunks)[:size]


def measure(path: Path) -> dict[str, float]:
    """Read one file as ingest does; in a fresh process (see main)."""
    from diplomap.ingest import identify, read_file

    started = time.perf_counter()
    doc = read_file(path)
    identify(doc.source, doc.raw)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"seconds": seconds, "peak_mb": peak, "chars": len(doc.text), "breaks": len(doc.offset_map)}


def main(sizes: list[float]) -> int:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for mb in sizes:
            path = Path(tmp) / f"text-{mb:g}mb.md"
            path.write_text(sample_text(int(mb * MB)), encoding="utf-8")
            out = subprocess.run([sys.executable, __file__, "--measure", str(path)], capture_output=True, text=True,
                                 check=True).stdout
            rows.append((mb, json.loads(out)))
            path.unlink()
    print(f"{'size':>8} {'seconds':>9} {'MB/s':>7} {'peak MB':>8}  {'offset-map breaks':>17}")
    for mb, r in rows:
        print(f"{mb:>6g}MB {r['seconds']:>9.2f} {mb / r['seconds']:>7.1f} {r['peak_mb']:>8.0f}  {r['breaks']:>17,.0f}")
    by_size = dict(rows)
    if 1 in by_size and 100 in by_size:
        ratio = by_size[100]["seconds"] / by_size[1]["seconds"]
        print(f"100 MB / 1 MB time ratio {ratio:.0f} (bar: 150); peak memory for 100 MB "
              f"{by_size[100]['peak_mb']:.0f} MB (bar: 2048)")
        return 0 if ratio <= 150 and by_size[100]["peak_mb"] < 2048 else 1
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        print(json.dumps(measure(Path(sys.argv[2]))))
    else:
        sys.exit(main([float(a) for a in sys.argv[1:]] or [1, 10, 100]))
