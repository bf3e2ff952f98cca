"""Bad input through the real command line, in a subprocess (issue #9, acceptance).

One `diplomap ingest` runs over a batch of good files and every bad input below. Each bad input must give
exactly one error line naming the file and saying what to do; no traceback; a non-zero exit; the good
files (and the awkward-but-valid ones) still go in; and the database ends up identical (apart from
timestamps and row order) to one that was given only the good files. Options that make the whole
command impossible (a bad --db, a missing --gazetteer) get one line too, and leave the database alone.
"""

from __future__ import annotations

import codecs
import gzip
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import EXAMPLES, table_rows

TIMEOUT = 300  # a FIFO used to hang ingest forever
PDF = (EXAMPLES / "news-brazil-argentina-2025.pdf").read_bytes()
ARTICLE = ("On 3 May 2025, Georgia and Armenia signed a transit agreement in Tbilisi.\n\n"
           "On 9 June 2025, President Aliyev met President Erdogan in Ankara to discuss the Middle Corridor.\n")


def diplomap(*args: str | Path, cwd: Path, user: bool = False) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "diplomap", *map(str, args)]
    if user:  # as root every file is readable: run as nobody to meet a permission error
        cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *cmd]
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT, check=False)


# -- the bad inputs: a name, how to make it, and a word the error line must contain --------------------


def _write(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _symlink_loop(path: Path) -> None:
    os.symlink(path.with_name("loop-b.md"), path)
    os.symlink(path, path.with_name("loop-b.md"))


def _dangling(path: Path) -> None:
    os.symlink(path.with_name("gone.md"), path)


def _sparse(path: Path) -> None:
    with path.open("wb") as out:
        out.truncate(201 * 2**20)  # 201 MB of nothing, on no disk


def _encrypted_pdf(path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(PDF)))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    writer.write(path)


def _blank_pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60)  # a page with a drawing and no text, as a scan has
    pdf.output(str(path))


@dataclass(frozen=True)
class Bad:
    name: str
    make: Callable[[Path], None] | None  # None: the path does not exist
    says: str

    def __str__(self) -> str:
        return self.name


BAD = [
    Bad("missing.md", None, "no such file"),
    Bad("empty.txt", _write(b""), "empty"),
    Bad("blank.md", _write(b"  \n\n \t \r\n"), "empty"),
    Bad("nul.txt", _write(b"Baku\x00\x01\x02 binary"), "binary"),
    Bad("image.md", _write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary"),
    Bad("gzipped.txt", _write(gzip.compress(ARTICLE.encode())), "binary"),
    Bad("utf16-without-bom.txt", _write(ARTICLE.encode("utf-16-le")), "byte-order mark"),
    Bad("latin1.txt", _write("Café diplomacy in Tbilisi".encode("latin-1")), "UTF-8"),
    Bad("bad-byte-late.md", _write(ARTICLE.encode() * 50 + b"\xff\xfe tail"), "UTF-8"),
    Bad("broken-utf16.txt", _write(codecs.BOM_UTF16_LE + "Baku".encode("utf-16-le") + b"\x00\xd8"), "UTF-16 LE"),
    Bad("notes.docx", _write(b"PK\x03\x04"), "unsupported"),
    Bad("Makefile", _write(b"all:\n\techo hi\n"), "unsupported"),
    Bad("items.jsonl", _write(b'{"path": "a.txt"}\n'), "--manifest"),
    Bad("folder.md", lambda path: path.mkdir(), "directory"),
    Bad("pipe.txt", _fifo, "not a regular file"),
    Bad("loop.md", _symlink_loop, "link loop"),
    Bad("dangling.md", _dangling, "broken symbolic link"),
    Bad("a-file.txt/inside.md", None, "no such file"),
    Bad("huge.txt", _sparse, "limit"),
    Bad("fake.pdf", _write(b"hello, not a pdf at all"), "not a PDF"),
    Bad("header-only.pdf", _write(b"%PDF-1.7\n1 0 obj broken"), "corrupt"),
    Bad("hlate.pdf", _write(PDF.replace(b"/FlateDecode", b"/HlateDecode", 1)), "corrupt"),
    Bad("truncated.pdf", _write(PDF[: len(PDF) // 3]), "corrupt"),
    Bad("deprecated-filter.pdf", _write(PDF.replace(b"/FlateDecode", b"/Fl", 1)), "corrupt"),
    Bad("encrypted.pdf", _encrypted_pdf, "encrypted"),
    Bad("scanned.pdf", _blank_pdf, "OCR"),
    Bad("empty-body.html", _write(b"<html><head><title>News</title></head><body> </body></html>"), "no article text"),
    Bad("script-only.html", _write(b"<html><body><script>var news = 1;</script></body></html>"), "no article text"),
    Bad("rules-only.md", _write(b"---\n\n***\n\n# \n"), "no text"),
]

# awkward but valid: each used to fail or to make a second document (#9 findings 3, 4, 6, 8)
AWKWARD: list[tuple[str, Callable[[Path], None], str]] = [
    ("utf16.txt", _write(codecs.BOM_UTF16_LE + ARTICLE.replace("Tbilisi", "Batumi").encode("utf-16-le")), "added"),
    ("utf32.md", _write(codecs.BOM_UTF32_BE + ARTICLE.replace("Tbilisi", "Gori").encode("utf-32-be")), "added"),
    ("deep.html", _write(("<html><head><title>Deep</title></head><body>" + "<div>" * 400
                          + "<p>" + ARTICLE.replace("Tbilisi", "Kutaisi") + "</p>" + "</div>" * 400
                          + "</body></html>").encode()), "added"),
    ("dates.txt", _write(b"The dispute began 2500 years ago. It was 1000000 days ago, 30000 months ago, and "
                         b"99999999999999999999 days later Azerbaijan and Georgia signed an agreement in Baku.\n"),
     "added"),
]


def _root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The base database, the batch run over it, and a reference run with only the files that are good."""
    root = tmp_path_factory.mktemp("bad")
    files = root / "in"
    files.mkdir()
    good = [files / "good-1.txt", files / "good-2.md"]
    good[0].write_text(ARTICLE, encoding="utf-8")
    good[1].write_text("# Visit\n\n" + ARTICLE.replace("Georgia", "Moldova"), encoding="utf-8")
    (files / "a-file.txt").write_text("a file, not a folder", encoding="utf-8")
    for bad in BAD:
        if bad.make is not None:
            bad.make(files / bad.name)
    awkward = []
    for name, make, _ in AWKWARD:
        make(files / name)
        awkward.append(files / name)
    # the same text as good-1 with a BOM and CRLF, at its own path: a document of its own (another source)
    twin = files / "good-1-crlf.txt"
    twin.write_bytes(codecs.BOM_UTF8 + ARTICLE.replace("\n", "\r\n").encode())

    base = root / "base.db"
    seed = files / "already-stored.txt"
    seed.write_text("On 20 October 2025, President Aliyev paid an official visit to Astana.\n", encoding="utf-8")
    first = diplomap("ingest", "--db", base, seed, cwd=root)
    assert first.returncode == 0, first.stderr

    db, reference = root / "batch.db", root / "reference.db"
    shutil.copy(base, db)
    shutil.copy(base, reference)
    valid = [good[0], *awkward, twin, seed, good[1]]
    argv = [good[0], *(files / b.name for b in BAD), *awkward, twin, seed, good[1]]
    run = diplomap("ingest", "--db", db, *argv, cwd=root)
    ref = diplomap("ingest", "--db", reference, *valid, cwd=root)
    assert ref.returncode == 0, ref.stderr
    return {"root": root, "files": files, "run": run, "db": db, "reference": reference, "good": good,
            "awkward": awkward, "twin": twin, "seed": seed}


@pytest.mark.parametrize("bad", BAD, ids=str)
def test_each_bad_input_gives_one_line_naming_it_and_the_fix(batch: dict[str, object], bad: Bad) -> None:
    run = batch["run"]
    assert isinstance(run, subprocess.CompletedProcess)
    path = str(Path(str(batch["files"])) / bad.name)
    lines = [line for line in run.stderr.splitlines() if line.startswith(f"error: {path}: ")]
    assert len(lines) == 1, run.stderr
    problem_and_fix = lines[0][len(f"error: {path}: "):]
    assert bad.says in problem_and_fix and "; " in problem_and_fix, lines[0]


def test_the_batch_fails_without_a_traceback_and_says_nothing_else(batch: dict[str, object]) -> None:
    run = batch["run"]
    assert isinstance(run, subprocess.CompletedProcess)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr and "Warning" not in run.stderr
    # one line each, and no other (no pypdf noise) but the warning on a document without a date (#10)
    said = [line for line in run.stderr.splitlines() if "no publication date found" not in line]
    assert len(said) == len(BAD), run.stderr


def test_the_good_and_awkward_files_still_go_in(batch: dict[str, object]) -> None:
    run = batch["run"]
    assert isinstance(run, subprocess.CompletedProcess)
    out = run.stdout.splitlines()
    for path in [*batch["good"], *batch["awkward"], batch["twin"]]:  # type: ignore[misc]
        assert any(line.startswith(f"added   {path}") for line in out), (path, run.stdout)
    assert any(line.startswith(f"skipped {batch['seed']}: already stored") for line in out)
    assert any("utf16.txt (read as UTF-16 LE): " in line for line in out)
    assert any("utf32.md (read as UTF-32 BE): " in line for line in out)


def test_the_database_is_otherwise_unchanged(batch: dict[str, object]) -> None:
    """The same rows in every table as the run with only the files that could be read."""
    db, reference = Path(str(batch["db"])), Path(str(batch["reference"]))
    assert table_rows(db) == table_rows(reference)


@pytest.mark.skipif(_root() and shutil.which("setpriv") is None, reason="root, and no setpriv to drop privileges")
def test_an_unreadable_file_and_an_unreachable_db() -> None:
    """Permission denied: one line, as any other bad input (run as nobody when the tests run as root, in a
    folder of its own that nobody may enter: pytest's temporary folders are root's alone)."""
    import tempfile

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        folder.chmod(0o777)
        locked = folder / "locked.txt"
        locked.write_text(ARTICLE, encoding="utf-8")
        locked.chmod(0)
        run = diplomap("ingest", "--db", folder / "t.db", locked, cwd=folder, user=_root())
        assert run.returncode == 1 and "Traceback" not in run.stderr
        assert run.stderr.splitlines() == [
            f"error: {locked}: permission denied; make the file readable (chmod u+r) or copy it somewhere readable"]
        closed = folder / "closed"
        closed.mkdir()
        closed.chmod(0)  # a folder that cannot be entered
        run = diplomap("ingest", "--db", closed / "t.db", locked, cwd=folder, user=_root())
        assert run.returncode == 1 and "Traceback" not in run.stderr
        [line] = run.stderr.splitlines()
        assert line.startswith(f"error: {closed / 't.db'}: ") and "permission" in line.lower(), line


# -- options that make the whole command impossible ---------------------------------------------------

OPTIONS = {
    "db is a folder": (lambda root: ["--db", root], "is a folder"),
    "db in a missing folder": (lambda root: ["--db", root / "nowhere" / "t.db"], "does not exist"),
    "db is not a database": (lambda root: ["--db", root / "notes.txt"], "not a SQLite database"),
    "db is another program's": (lambda root: ["--db", root / "photos.db"], "not a diplomap one"),
    "missing gazetteer": (lambda root: ["--db", root / "t.db", "--gazetteer", root / "nope.csv"], "no such gazetteer"),
    "date out of range": (lambda root: ["--db", root / "t.db", "--date", "0001-01-01"], "not a publication date"),
}


@pytest.mark.parametrize("case", sorted(OPTIONS))
def test_a_bad_option_is_one_line_and_touches_nothing(tmp_path: Path, case: str) -> None:
    import sqlite3

    (tmp_path / "notes.txt").write_text("shopping list\n" * 20, encoding="utf-8")
    with sqlite3.connect(tmp_path / "photos.db") as conn:
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)")
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    photos = (tmp_path / "photos.db").read_bytes()
    make, says = OPTIONS[case]
    run = diplomap("ingest", *make(tmp_path), good, cwd=tmp_path)
    assert run.returncode != 0 and "Traceback" not in run.stderr
    # one error line (argparse puts its usage lines before its own)
    [line] = [line for line in run.stderr.strip().splitlines() if "error: " in line]
    assert says in line and line.startswith(("error: ", "diplomap ingest: error: ")), run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert (tmp_path / "photos.db").read_bytes() == photos


def test_the_matrix_is_big_enough() -> None:
    assert len(BAD) + len(OPTIONS) + 1 >= 25
