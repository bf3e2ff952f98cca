#!/usr/bin/env python3
"""Vendor the review's offline base map from npm's world-atlas package (run at build time, never at run time).

    python scripts/vendor_basemap.py            # needs npm; writes src/diplomap/report/basemap/

world-atlas 2.0.2 (ISC licence, Mike Bostock) ships Natural Earth's 1:50m admin-0 countries (public domain)
as TopoJSON. We keep the countries object (borders and coastlines come from the same arcs), drop the
duplicate land object, simplify each arc (Douglas–Peucker, TOLERANCE quantized units ≈ 3 km) and gzip
it: about 140 KB in the package instead of 756 KB. diplomap/report/basemap.py reads it.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "world-atlas@2.0.2"
TOLERANCE = 10  # in the file's quantized units: 0.036° of longitude, 0.017° of latitude
OUT = Path(__file__).resolve().parents[1] / "src" / "diplomap" / "report" / "basemap"


def simplify(points: list[tuple[int, int]], tol: float) -> list[tuple[int, int]]:
    """Douglas–Peucker on absolute integer coordinates; the ends stay (arcs meet there)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        (x0, y0), (x1, y1) = points[i], points[j]
        dx, dy = x1 - x0, y1 - y0
        norm = (dx * dx + dy * dy) ** 0.5
        best, at = -1.0, i
        for k in range(i + 1, j):
            x, y = points[k]
            d = abs(dy * (x - x0) - dx * (y - y0)) / norm if norm else ((x - x0) ** 2 + (y - y0) ** 2) ** 0.5
            if d > best:
                best, at = d, k
        if best > tol:
            keep[at] = True
            stack += [(i, at), (at, j)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        tgz = next(Path(tmp).glob("world-atlas-*.tgz"))
        with tarfile.open(tgz) as tar:
            tar.extractall(tmp, filter="data")
        pkg = Path(tmp) / "package"
        data = json.loads((pkg / "countries-50m.json").read_text(encoding="utf-8"))
        arcs = []
        for arc in data["arcs"]:
            x = y = 0
            absolute = []
            for dx, dy in arc:
                x, y = x + dx, y + dy
                absolute.append((x, y))
            rel, px, py = [], 0, 0
            for x, y in simplify(absolute, TOLERANCE):
                rel.append([x - px, y - py])
                px, py = x, y
            arcs.append(rel)
        countries = data["objects"]["countries"]
        for geometry in countries["geometries"]:
            geometry["properties"] = {"name": geometry.get("properties", {}).get("name", "")}
        out = {"type": "Topology", "transform": data["transform"], "objects": {"countries": countries}, "arcs": arcs}
        OUT.mkdir(parents=True, exist_ok=True)
        raw = json.dumps(out, separators=(",", ":")).encode()
        (OUT / "countries-50m.json.gz").write_bytes(gzip.compress(raw, 9, mtime=0))
        shutil.copy(pkg / "LICENSE", OUT / "LICENSE-world-atlas")
    print(f"wrote {OUT / 'countries-50m.json.gz'} ({(OUT / 'countries-50m.json.gz').stat().st_size} bytes)")


if __name__ == "__main__":
    main()
