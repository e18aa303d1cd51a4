"""The JSON report: the machine interface of wirecheck, described by ``schema/report.schema.json``.

``validate`` checks a report against the schema, then checks what a schema cannot: every
``article_id`` names an article of the report and every span fits inside that article's text.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from wirecheck.errors import WirecheckError

SCHEMA_RESOURCE = "schema/report.schema.json"
_HINT = "see docs/output.md and src/wirecheck/schema/report.schema.json"


def render_json(report: dict[str, Any]) -> str:
    """The report as indented UTF-8 JSON text, ending with a newline."""
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


@functools.cache
def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a report, read from the package data."""
    text = resources.files("wirecheck").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@functools.cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(load_schema())


def validate(report: Any, *, references: bool = True) -> None:
    """Raise ``WirecheckError`` naming the JSON path of the first problem of ``report``.

    With ``references`` (the default), also check that ids point to articles of the report and
    that each span's offsets lie inside the article's text.
    """
    errors = sorted(_validator().iter_errors(report), key=_error_key)
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
        raise WirecheckError(
            f"invalid report at {first.json_path}: {first.message}{more}", hint=_HINT
        )
    if references:
        problem = next(reference_problems(report), None)
        if problem is not None:
            path, message = problem
            raise WirecheckError(f"invalid report at {path}: {message}", hint=_HINT)


def _error_key(error: ValidationError) -> tuple[tuple[int, int, str], ...]:
    return tuple((0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in error.path)


def reference_problems(report: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(JSON path, message) of each dangling article id or out-of-range span, in order."""
    lengths = {a["id"]: len(a["text"]) for a in report["articles"]}
    for i, article in enumerate(report["articles"]):
        for j, para in enumerate(article["paragraphs"]):
            yield from _offsets(f"$.articles[{i}].paragraphs[{j}]", para, len(article["text"]))
    yield from _walk(report["duplicate_groups"], "$.duplicate_groups", lengths)
    yield from _walk(report["stories"], "$.stories", lengths)


def _walk(node: Any, path: str, lengths: dict[str, int]) -> Iterator[tuple[str, str]]:
    if isinstance(node, list):
        for i, item in enumerate(node):
            yield from _walk(item, f"{path}[{i}]", lengths)
        return
    if not isinstance(node, dict):
        return
    for key in ("article_id", "canonical"):
        if key in node and node[key] not in lengths:
            yield f"{path}.{key}", f"unknown article {node[key]!r}"
    for k, article_id in enumerate(node.get("article_ids", [])):
        if article_id not in lengths:
            yield f"{path}.article_ids[{k}]", f"unknown article {article_id!r}"
    if node.get("article_id") in lengths:
        yield from _offsets(path, node, lengths[node["article_id"]])
    for key, value in node.items():
        if isinstance(value, list | dict):
            yield from _walk(value, f"{path}.{key}", lengths)


def _offsets(path: str, node: dict[str, Any], length: int) -> Iterator[tuple[str, str]]:
    start, end = node.get("start"), node.get("end")
    if start is None or end is None:
        return
    if not 0 <= start <= end <= length:
        yield path, f"span [{start}, {end}) does not fit in the article's text of {length} chars"
