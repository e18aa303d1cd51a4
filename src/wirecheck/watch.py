"""``watch``: a stream. Files, folders and feeds are read again round after round; what the
store does not hold yet (a new file, a changed one, a new feed entry) goes through the pipeline,
and the story stages redo only the stories it touched (``engines/runs.py``).

A document is new when its id (a hash of its name and content) is not stored, or when it is
stored but was never cleaned (a round stopped early); an input that cannot be read is recorded
once as a failure, not once a round. The outlet boilerplate the
cleaner learns comes from each round's new documents.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .api import Analysis, as_store, ingest
from .config import Settings, load_settings
from .engines import open_engine
from .ingest.readers import read_paths
from .store import Store
from .types import Failure, RawDocument


@dataclass
class Round:
    number: int
    new: int  # documents the store did not hold
    analysis: Analysis | None  # None when nothing was new


def watch(paths: Iterable[str | Path], store: Store | str | Path, settings: Settings | None = None,
          interval: float = 60.0, rounds: int | None = None, engine: str = "local",
          on_round: Callable[[Round], None] | None = None,
          sleep: Callable[[float], None] = time.sleep) -> int:
    """Read ``paths`` every ``interval`` seconds (``rounds`` times, or until interrupted) and
    analyse what is new into ``store``; ``on_round`` hears of each round. Returns the rounds."""
    settings = settings or load_settings()
    runner = open_engine(engine)
    target = as_store(store)
    wanted = list(paths)
    done = 0
    try:
        while rounds is None or done < rounds:
            if done:
                sleep(interval)
            done += 1
            cleaned = {i.source for kind in ("article", "failure") for i in target.all(kind)}
            documents = [d for d in read_paths(wanted, settings) if is_new(target, d, cleaned)]
            new = sum(isinstance(d, RawDocument) for d in documents)
            analysis = ingest(documents, target, settings, runner) if documents else None
            if on_round is not None:
                on_round(Round(done, new, analysis))
    finally:
        if target is not store:  # opened here from a path
            target.close()
    return done


def is_new(store: Store, item: RawDocument | Failure, cleaned: set[str]) -> bool:
    """A document not stored, or stored but never cleaned (``cleaned``: the sources of the
    stored articles and failures; a round stopped before the cleaner reached it); a failure
    to read not recorded yet."""
    if isinstance(item, Failure):
        return store.get("failure", item.id) is None
    return store.get("raw", item.id) is None or item.source not in cleaned
