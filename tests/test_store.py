"""The store: gazetteer entities are written once per version of the gazetteer (#2)."""

from __future__ import annotations

from diplomap.model import Entity
from diplomap.store.db import Store


def test_entities_are_written_once_per_gazetteer(fresh_store: Store) -> None:
    first = [Entity("AZE", "state", "Azerbaijan", "AZE", aliases=("Azeri",)), Entity("EU", "organisation", "EU", "EU")]
    assert fresh_store.sync_entities(first) is True
    assert fresh_store.sync_entities(list(reversed(first))) is False  # same set, nothing rewritten
    changed = [*first, Entity("ARM", "state", "Armenia", "ARM")]
    assert fresh_store.sync_entities(changed) is True
    assert fresh_store.conn.execute("SELECT COUNT(*) FROM entities").fetchone()[0] == 3
    aliases = fresh_store.conn.execute("SELECT alias FROM aliases WHERE entity_id = 'AZE'").fetchall()
    assert [a[0] for a in aliases] == ["Azeri"]
