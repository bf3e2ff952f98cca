"""Regenerate ``news-brazil-argentina-2025.pdf``, the sample PDF news item.

The article text lives in this script (``TITLE`` and ``ARTICLE``) so that the examples folder
holds no second copy of it for the demo to ingest. The PDF uses the core Helvetica font, so every
character must be in Latin-1. The metadata creation date is fixed, which keeps the output
byte-identical from run to run.

Usage::

    .venv/bin/python examples/make_pdf.py            # writes next to this script
    .venv/bin/python examples/make_pdf.py OUT.pdf    # writes elsewhere
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

TITLE = "Lula and Milei keep their distance as Brazil takes over Mercosur"
PUBLISHED = datetime(2025, 7, 4, 8, 0, 0, tzinfo=UTC)
OUTPUT = Path(__file__).with_name("news-brazil-argentina-2025.pdf")

# The article, one paragraph per blank-line-separated block; lines are joined with single spaces.
ARTICLE = """
BUENOS AIRES, 4 July 2025 - Published 4 July 2025. Sample news item written for diplomap.

Argentine President Javier Milei handed the rotating presidency of Mercosur to Brazilian President
Luiz Inácio Lula da Silva at the bloc's summit in Buenos Aires on 3 July 2025. The two leaders
shook hands for the cameras, but they did not hold a bilateral meeting.

In his speech on 3 July, Milei called on the bloc to give its members more freedom to negotiate
trade agreements with third countries on their own.

A day earlier, on 2 July, Mercosur and the European Free Trade Association, whose members are
Switzerland, Norway, Iceland and Liechtenstein, concluded negotiations on a free trade agreement.
For exporters in São Paulo and Buenos Aires, it opens a small but wealthy market in Europe.

After the summit, on 3 July, Lula visited former Argentine president Cristina Fernández de
Kirchner, who is serving a corruption sentence under house arrest in Buenos Aires.

Milei's government arrived at the summit with fresh support from abroad: on 11 April, the
International Monetary Fund approved a $20 billion loan programme for Argentina. Mercosur itself
dates back to the Treaty of Asunción, signed in 1991.

Brazil will host the next Mercosur summit in December. Lula is expected to use the Brazilian
presidency to push for the signing of the trade agreement between Mercosur and the European Union,
whose negotiations were concluded in December 2024.
"""


def paragraphs(article: str = ARTICLE) -> tuple[str, ...]:
    """Split ``article`` at blank lines and join each block's lines into one paragraph."""
    return tuple(" ".join(block.split()) for block in article.strip().split("\n\n"))


def build(title: str = TITLE, article: str = ARTICLE) -> FPDF:
    """Lay out the article on A4 pages and return the document, not yet written."""
    pdf = FPDF(format="A4")
    pdf.set_title(title)
    pdf.set_author("diplomap sample corpus")
    pdf.set_subject("Sample news item: Mercosur summit in Buenos Aires, July 2025")
    pdf.set_creator("diplomap examples/make_pdf.py")
    pdf.set_creation_date(PUBLISHED)
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=16)
    pdf.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", size=11)
    for paragraph in paragraphs(article):
        pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    return pdf


def main(argv: list[str]) -> int:
    """Write the PDF to ``argv[1]`` if given, else next to this script."""
    out = Path(argv[1]) if len(argv) > 1 else OUTPUT
    build().output(str(out))
    print(f"wrote {out} ({out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
