from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "examples" / "harbour-bridge"


def lenient(text: str) -> str:
    """Case, curly vs straight quotes and whitespace folded (the seeds' matching rule)."""
    text = text.lower()
    for curly, plain in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(curly, plain)
    return re.sub(r"\s+", " ", text).strip()


def shared_or_skip(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared is only beside a developer's checkout or CI")
    return path


@pytest.fixture(scope="session")
def sample_expected() -> dict[str, Any]:
    return json.loads((SAMPLE / "expected.json").read_text("utf-8"))
