"""Train the comparison's support judge (``consistency/paraphrase.py``) on the MSRP train pairs.

Reads ``../shared/data/paraphrase-msrp/msr_paraphrase_train.txt`` (never copied into the repo),
fits the logistic head on all 4,076 pairs and writes
``src/wirecheck/consistency/head_paraphrase.json``. Deterministic: the same data and versions
give the same head. ``benchmarks/paraphrase_msrp.py`` measures it cross-validated.

Usage:  python scripts/train_paraphrase.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from wirecheck.consistency.paraphrase import fit  # noqa: E402

MSRP = ROOT.parent / "shared" / "data" / "paraphrase-msrp" / "msr_paraphrase_train.txt"
OUT = ROOT / "src" / "wirecheck" / "consistency" / "head_paraphrase.json"


def msrp_pairs(path: Path = MSRP) -> list[tuple[int, str, str]]:
    """(label, sentence 1, sentence 2) of each row of the MSRP TSV (1 = paraphrase)."""
    rows = []
    for line in path.read_text("utf-8-sig").splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) == 5:
            rows.append((int(parts[0]), parts[3].strip(), parts[4].strip()))
    return rows


def main() -> int:
    if not MSRP.exists():
        print(f"needs {MSRP} (the shared dev data beside the repository)", file=sys.stderr)
        return 2
    pairs = msrp_pairs()
    head = fit(pairs)
    head["trained_on"] = f"MSRP train, {len(pairs)} pairs"
    OUT.write_text(json.dumps(head) + "\n", "utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} from {len(pairs)} pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
