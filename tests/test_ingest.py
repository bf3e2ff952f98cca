"""Readers: repair of extraction debris, offsets back to the original, formats, bad input (#2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomap.ingest import IngestError, read_file
from diplomap.ingest.text import clean_text, same_character

from .conftest import EXAMPLES


def test_page_break_inside_sentence_is_joined() -> None:
    raw = "The two sides agreed to\n\ncontinue talks in May.\n\nA new paragraph starts here."
    assert clean_text(raw).text == "The two sides agreed to continue talks in May.\n\nA new paragraph starts here."


def test_word_hyphenated_across_pages_is_rejoined() -> None:
    raw = "Unlike earlier phases char-\n\nacterized by symbolism, the year was different."
    assert clean_text(raw).text == "Unlike earlier phases characterized by symbolism, the year was different."


def test_compound_split_at_line_end_keeps_hyphen() -> None:
    assert clean_text("the Kars-\nIgdir railway").text == "the Kars-Igdir railway"


def test_markdown_markers_and_dollar_escapes_are_stripped() -> None:
    cleaned = clean_text("## **1. Title**\n\nA \\$7 billion *plan* with **the US** and [a link](http://x).")
    assert cleaned.text == "1. Title\n\nA $7 billion plan with the US and a link."
    assert cleaned.headings == ((0, "1. Title"),)


def test_paragraph_ending_a_sentence_is_not_joined() -> None:
    assert clean_text("First paragraph.\n\nsecond starts lower.").text == "First paragraph.\n\nsecond starts lower."


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_every_clean_character_maps_back_to_the_same_raw_character(raw: str) -> None:
    cleaned = clean_text(raw)
    for i, ch in enumerate(cleaned.text):
        if ch in " \n":
            continue  # joins and separators are made by the cleaner
        assert same_character(raw[cleaned.raw_offset(i)], ch)


def test_markdown_example_reads_with_title_and_date() -> None:
    doc = read_file(EXAMPLES / "news-kazakhstan-china-2025.md")
    assert doc.fmt == "markdown" and doc.title and doc.published is not None
    assert "**" not in doc.text


def test_a_date_line_opening_the_text_is_no_part_of_its_title(tmp_path: Path) -> None:
    path = tmp_path / "item.txt"
    path.write_text(" date 2024-06-15 Chile has stopped exporting copper to Peru.\n\nThe minister said so on Thursday.",
                    encoding="utf-8")
    doc = read_file(path)
    assert doc.title == "Chile has stopped exporting copper to Peru." and str(doc.published) == "2024-06-15"


def test_html_drops_navigation_footer_and_script() -> None:
    doc = read_file(EXAMPLES / "news-georgia-eu-2025.html")
    assert doc.fmt == "html" and doc.published is not None
    assert "console.log" not in doc.text
    assert len(doc.text) > 500


def test_pdf_text_and_metadata() -> None:
    doc = read_file(EXAMPLES / "news-brazil-argentina-2025.pdf")
    assert doc.fmt == "pdf" and doc.published is not None
    assert "Mercosur" in doc.text


def test_identity_is_the_source_and_the_normalised_text(tmp_path: Path) -> None:
    """Issue #9, finding 8: a BOM, CRLF or trailing whitespace make no new text; another path is another
    source (a new document), and one path is one document id whatever its text."""
    from diplomap.ingest import identify

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Armenia and Azerbaijan met in May 2025.", encoding="utf-8")
    b.write_text("Armenia and Azerbaijan met in May 2025.", encoding="utf-8")
    doc_a, doc_b = read_file(a), read_file(b)
    assert doc_a.id != doc_b.id
    assert identify(a, doc_a.raw).content_hash == identify(b, doc_b.raw).content_hash
    for variant in (b"\xef\xbb\xbfArmenia and Azerbaijan met in May 2025.\n",
                    b"Armenia and Azerbaijan met in May 2025.  \r\n\r\n"):
        a.write_bytes(variant)
        again = read_file(a)
        assert again.id == doc_a.id and identify(a, again.raw) == identify(a, doc_a.raw)
    a.write_text("Armenia and Azerbaijan met in June 2025.", encoding="utf-8")
    changed = read_file(a)
    assert changed.id == doc_a.id and identify(a, changed.raw).content_hash != identify(a, doc_a.raw).content_hash
    assert read_file(tmp_path / "." / "a.txt").id == doc_a.id  # one file, however the path is written


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.md", b"  \n\n ", "empty"),
        ("binary.txt", b"\x00\x01\x02\x03binary\x00", "binary"),
        ("latin1.txt", "Türkiye und Baku".encode("latin-1"), "UTF-8"),
        ("corrupt.pdf", b"%PDF-1.4\n this is not really a pdf", "PDF"),
        ("fake.pdf", b"hello, not a pdf at all", "PDF"),
        ("notes.docx", b"PK\x03\x04", "unsupported"),
    ],
)
def test_bad_input_raises_one_clear_error(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(IngestError) as info:
        read_file(path)
    text = str(info.value)
    assert str(path) in text and message in text and "\n" not in text


def test_missing_file_error_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file"):
        read_file(tmp_path / "nope.md")


def test_a_date_inside_the_body_is_no_publication_date() -> None:
    """A byline or dateline dates a text; "On 8 May 2025, ..." in its third paragraph does not (#3)."""
    from datetime import date

    from diplomap.ingest.reader import find_publication_date

    body = "Georgia deepened its ties with China. On 8 May 2025, Georgia and China signed a memorandum " * 2
    assert find_publication_date(f"# Georgia in 2025\n\n## China\n\n{body}\n") is None
    assert find_publication_date(f"# Georgia in 2025\n\nDecember 2025\n\n{body}\n") == date(2025, 12, 31)
    assert find_publication_date(f"TBILISI, 12 May 2025 — {body}") == date(2025, 5, 12)


def test_cleaning_is_linear_not_quadratic() -> None:
    """Issue #9, finding 2: 1 MB of short paragraphs took 8-15 s (the text was rebuilt per paragraph)."""
    import time

    raw = "".join(f"Paragraph {i} of the report, broken over\na line and ending mid-sentence with the\n\n"
                  for i in range(13_000))
    assert len(raw) > 1_000_000
    started = time.perf_counter()
    cleaned = clean_text(raw)
    assert time.perf_counter() - started < 5  # about 0.3 s; the quadratic cleaner took 10 s and more
    assert cleaned.text.count("\n\n") == 1  # the rest continue into the next ("... with the")
    assert raw[cleaned.raw_offset(len(cleaned.text) - 1)] == "e"


def test_an_apostrophe_typed_as_an_opening_quote_is_repaired_in_place() -> None:
    raw = "It came as Egypt‘s ministry spoke and Israel`s army moved; he said ‘no‘ to ‘talks’."
    cleaned = clean_text(raw, markdown=False)
    assert "Egypt’s ministry" in cleaned.text and "Israel’s army" in cleaned.text
    assert "‘no‘ to ‘talks’" in cleaned.text  # quotation marks stay
    assert len(cleaned.text) == len(raw) and cleaned.raw_offset(cleaned.text.index("’s")) == raw.index("‘s")
