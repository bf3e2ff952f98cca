"""Shared fixtures: an in-memory store, one spaCy pipeline per session, the shared folder if present."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from diplomap.store.db import Store

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"


@pytest.fixture
def fresh_store() -> Iterator[Store]:
    store = Store(":memory:")
    yield store
    store.close()


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from diplomap.extract.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval" / "score.py").is_file():
        pytest.skip("../shared is not present (it is on developer machines and in CI)")
    return SHARED
