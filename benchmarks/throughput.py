"""Throughput of ingest + extract, and of spaCy's small pipeline alone, on the same text, in one run.

Text: the seed report repeated 20 times when ../shared is present, else the shipped examples
repeated until they are as long. Prints words/s and sentences/s for both, and peak memory.

    python benchmarks/throughput.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from diplomap.extract.pipeline import Pipeline, load_model
from diplomap.ingest.reader import read_bytes
from diplomap.store.db import Store

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "corpus" / "azerbaijan-foreign-policy-2025.md"


def source_text() -> tuple[str, str]:
    if SEED.is_file():
        return SEED.read_text(encoding="utf-8"), "seed report"
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples").glob("*.md")) if p.name != "README.md"]
    return "\n\n".join(texts), "shipped examples"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    base, label = source_text()
    # each copy differs by a line, so every copy is a new document and none is skipped as a duplicate
    copies = [f"{base}\n\nCopy {i} of the benchmark text." for i in range(args.repeat)]
    words = sum(len(c.split()) for c in copies)

    pipeline = Pipeline()
    _ = pipeline.nlp  # load once, outside the timings
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        sentences = 0
        for i, text in enumerate(copies):
            doc = read_bytes(text.encode(), f"bench-{i}.md", "markdown")
            extraction = pipeline.extract(doc)
            store.add_document(doc, extraction.sentences, extraction.mentions, extraction.events)
            sentences += len(extraction.sentences)
        full = time.perf_counter() - t0
        events = store.stats().events
        store.close()

    nlp = load_model()
    t0 = time.perf_counter()
    spacy_sents = 0
    for text in copies:
        for pdoc in nlp.pipe(text.split("\n\n"), batch_size=32):
            spacy_sents += sum(1 for _ in pdoc.sents)
    bare = time.perf_counter() - t0

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"text: {label} x {args.repeat} = {words:,} words")
    print(f"diplomap ingest+extract+store: {words / full:,.0f} words/s  {sentences / full:,.1f} sentences/s  "
          f"({full:.1f} s, {events} events stored)")
    print(f"spaCy en_core_web_sm alone:    {words / bare:,.0f} words/s  {spacy_sents / bare:,.1f} sentences/s  "
          f"({bare:.1f} s)")
    print(f"overhead over spaCy: {full / bare:.2f}x   peak memory: {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
