"""The HTTP API's latency over the sample corpus's store: median and 95th percentile per call.

The store holds the sample corpus (11 articles, 2 stories), analysed before timing; calls go
through FastAPI's TestClient (in process: no network, the app's own work only). Each call is
made ``--repeat`` times (default 30) after one untimed call: ``GET /stories``, ``GET
/stories/{id}`` (the story's report), ``GET /stories/{id}/brief`` (the HTML page), ``GET /`` with
a statement (the page checks it), ``POST /check`` against one story, and ``POST /articles``
with one new record (the whole pipeline; a different record each time, so each is new).
Needs the ``server`` extra. Prints one JSON line.
Usage: .venv/bin/python benchmarks/server.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wirecheck import analyze
from wirecheck.nlp.spacy_backend import load_nlp

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "harbour-bridge"
BODY = ("The harbour ferry strike at Port Amberley was called off on Monday after the union "
        "accepted a pay offer of {n} percent, union leader Mara Quill said. \"We have a deal "
        "that our members can live with,\" Quill told reporters at the quay on Monday evening.")


def timed(call: Callable[[int], Any], repeat: int) -> dict[str, float]:
    call(0)
    seconds = []
    for n in range(1, repeat + 1):
        start = time.perf_counter()
        response = call(n)
        seconds.append(time.perf_counter() - start)
        assert response.status_code == 200, response.text
    ordered = sorted(seconds)
    return {"median_ms": round(statistics.median(ordered) * 1000, 1),
            "p95_ms": round(ordered[max(0, round(0.95 * len(ordered)) - 1)] * 1000, 1)}


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--repeat", type=int, default=30)
    args = options.parse_args()
    from fastapi.testclient import TestClient

    from wirecheck.server import create_app

    load_nlp()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "news.db"
        analyze([SAMPLE], store=db).store.close()
        client = TestClient(create_app(db))
        story = client.get("/stories").json()[0]["id"]
        calls: dict[str, Callable[[int], Any]] = {
            "GET /stories": lambda n: client.get("/stories"),
            "GET /stories/{id}": lambda n: client.get(f"/stories/{story}"),
            "GET /stories/{id}/brief": lambda n: client.get(f"/stories/{story}/brief"),
            "GET / (checks a statement)": lambda n: client.get(
                "/", params={"statement": "14 people were injured"}),
            "POST /check": lambda n: client.post(
                "/check", json={"statement": "14 people were injured", "story": story}),
            "POST /articles (1 new record)": lambda n: client.post(
                "/articles", json={"title": f"Ferry deal {n}", "outlet": "Bench Wire",
                                   "text": BODY.format(n=n)}),
        }
        line = {"benchmark": "server", "repeat": args.repeat, "machine": platform.machine(),
                "python": platform.python_version(),
                "calls": {name: timed(call, args.repeat) for name, call in calls.items()}}
    print(json.dumps(line))


if __name__ == "__main__":
    main()
