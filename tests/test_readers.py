"""read_paths: files and folders in, RawDocuments or Failures out, never an exception."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirecheck.config import load_settings
from wirecheck.ids import content_id, source_key
from wirecheck.ingest.readers import decode, read_paths
from wirecheck.types import Failure, RawDocument

BODY = "The bridge was closed on Tuesday after engineers found a crack, officials said.\n"


@pytest.fixture
def settings():
    return load_settings()


def read(settings, *paths):
    return list(read_paths(paths, settings))


def only_failure(items) -> Failure:
    assert len(items) == 1 and isinstance(items[0], Failure), items
    assert items[0].stage == "read" and "hint:" in items[0].message
    return items[0]


def test_text_and_html_files_get_their_media_type(tmp_path, settings):
    (tmp_path / "a.txt").write_text(BODY, "utf-8")
    (tmp_path / "b.html").write_text(f"<p>{BODY}</p>", "utf-8")
    (tmp_path / "c.HTM").write_text(f"<p>{BODY}</p>", "utf-8")
    docs = read(settings, tmp_path)
    assert [(Path(d.source).name, d.media_type) for d in docs] == [
        ("a.txt", "text"), ("b.html", "html"), ("c.HTM", "html")]
    assert docs[0].content == BODY
    assert docs[0].id == content_id(source_key(docs[0].source), docs[0].content)
    assert docs[0].meta == {}


def test_folders_are_read_recursively_in_order_and_hidden_files_skipped(tmp_path, settings):
    for name in ("b.txt", "a/z.txt", "a/b/c.txt", ".hidden.txt", ".git/d.txt", "a/.e.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(BODY, "utf-8")
    names = [Path(d.source).relative_to(tmp_path).as_posix() for d in read(settings, tmp_path)]
    assert names == ["a/b/c.txt", "a/z.txt", "b.txt"]


def test_a_named_file_is_read_even_when_hidden(tmp_path, settings):
    (tmp_path / ".x.txt").write_text(BODY, "utf-8")
    assert isinstance(read(settings, tmp_path / ".x.txt")[0], RawDocument)


def test_jsonl_records_carry_meta_and_line_numbers(tmp_path, settings):
    records = [
        {"id": "r1", "url": "https://a.example/1", "outlet": "A", "title": "T1",
         "published": "2025-10-14", "text": BODY, "extra": "ignored"},
        {"id": "r2", "html": f"<p>{BODY}</p>"},
    ]
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(records[0]) + "\n\n" + json.dumps(records[1]) + "\n", "utf-8")
    first, second = read(settings, path)
    assert first.source == f"{path}#1" and first.media_type == "text" and first.content == BODY
    assert first.meta == {"id": "r1", "url": "https://a.example/1", "outlet": "A", "title": "T1",
                          "published": "2025-10-14"}
    assert second.source == f"{path}#3" and second.media_type == "html"
    assert first.id == content_id(source_key(first.source), BODY)


def test_a_malformed_jsonl_line_fails_alone(tmp_path, settings):
    path = tmp_path / "r.jsonl"
    lines = [json.dumps({"text": BODY}), "{not json", "[1, 2]", json.dumps({"text": "x" + BODY})]
    path.write_text("\n".join(lines), "utf-8")
    items = read(settings, path)
    assert [type(i).__name__ for i in items] == ["RawDocument", "Failure", "Failure", "RawDocument"]
    assert items[1].source == f"{path}#2" and items[1].error == "MalformedInput"
    assert "line 2 is not valid JSON" in items[1].message
    assert items[2].error == "MalformedInput" and "not an object" in items[2].message


@pytest.mark.parametrize("record", [{"title": "No body"}, {"text": "   "}, {"text": 42}])
def test_a_record_without_text_fails(tmp_path, settings, record):
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(record), "utf-8")
    failure = only_failure(read(settings, path))
    assert failure.error == "EmptyInput" and "has no text" in failure.message


def test_json_holds_one_record_or_a_list(tmp_path, settings):
    (tmp_path / "one.json").write_text(json.dumps({"title": "T", "text": BODY}), "utf-8")
    (tmp_path / "many.json").write_text(json.dumps([{"text": BODY}, {"text": BODY + "!"}]), "utf-8")
    many1, many2, one = read(settings, tmp_path)
    assert many1.source.endswith("many.json#1") and many2.source.endswith("many.json#2")
    assert one.source.endswith("one.json") and one.meta == {"title": "T"}


def test_invalid_json_file_fails(tmp_path, settings):
    (tmp_path / "bad.json").write_text('{"text": ', "utf-8")
    assert only_failure(read(settings, tmp_path / "bad.json")).error == "MalformedInput"


def test_utf8_with_bom(tmp_path, settings):
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbf" + "caf\u00e9 ".encode() + BODY.encode())
    doc = read(settings, tmp_path / "a.txt")[0]
    assert doc.content.startswith("caf\u00e9") and "encoding" not in doc.meta


def test_cp1252_and_latin1_fallbacks_are_recorded(tmp_path, settings):
    (tmp_path / "a.txt").write_bytes(b"\x93Quoted\x94 caf\xe9 " + BODY.encode())
    (tmp_path / "b.txt").write_bytes(b"caf\xe9 \x81 " + BODY.encode())
    a, b = read(settings, tmp_path)
    assert a.content.startswith("\u201cQuoted\u201d caf\u00e9") and a.meta["encoding"] == "cp1252"
    assert b.content.startswith("caf\u00e9") and b.meta["encoding"] == "latin-1"


def test_utf16_with_bom():
    assert decode("Hello".encode("utf-16")) == ("Hello", "utf-16")


@pytest.mark.parametrize("data", [b"", b"  \n\t\n"])
def test_an_empty_file_fails(tmp_path, settings, data):
    (tmp_path / "a.txt").write_bytes(data)
    assert only_failure(read(settings, tmp_path / "a.txt")).error == "EmptyInput"


@pytest.mark.parametrize("data", [b"PK\x03\x04\x00\x00binary", bytes(range(1, 32)) * 20])
def test_a_binary_file_fails(tmp_path, settings, data):
    (tmp_path / "a.txt").write_bytes(data)
    failure = only_failure(read(settings, tmp_path / "a.txt"))
    assert failure.error == "BinaryInput" and "binary" in failure.message


def test_a_file_over_max_bytes_fails(tmp_path, settings):
    (tmp_path / "a.txt").write_text(BODY, "utf-8")
    small = settings.with_overrides({"ingest": {"max_bytes": 10}})
    failure = only_failure(read(small, tmp_path / "a.txt"))
    assert failure.error == "TooLarge" and "max_bytes" in failure.message


def test_an_unknown_extension_fails(tmp_path, settings):
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4")
    failure = only_failure(read(settings, tmp_path / "a.pdf"))
    assert failure.error == "InputError" and "unsupported file type '.pdf'" in failure.message


def test_a_folder_passes_over_files_that_are_not_inputs(tmp_path, settings):
    (tmp_path / "a.txt").write_text(BODY, "utf-8")
    (tmp_path / "EXPECTED.md").write_text("# notes", "utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "expected.json").write_text(json.dumps({"cleaning": {}}), "utf-8")
    (tmp_path / "titled.json").write_text(json.dumps({"title": "no body"}), "utf-8")
    items = read(settings, tmp_path)
    assert [Path(i.source).name for i in items] == ["a.txt", "titled.json"]
    assert isinstance(items[1], Failure) and items[1].error == "EmptyInput"
    assert only_failure(read(settings, tmp_path / "expected.json")).error == "EmptyInput"


def test_a_missing_path_fails(tmp_path, settings):
    failure = only_failure(read(settings, tmp_path / "nope.txt"))
    assert "does not exist" in failure.message and failure.source.endswith("nope.txt")


def test_an_unreadable_file_fails_and_reading_goes_on(tmp_path, settings, monkeypatch):
    (tmp_path / "a.txt").write_text(BODY, "utf-8")
    (tmp_path / "b.txt").write_text(BODY, "utf-8")
    (tmp_path / "c.txt").symlink_to(tmp_path / "gone.txt")  # a dangling link
    real = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name == "a.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    a, b, c = read(settings, tmp_path)
    assert isinstance(a, Failure) and "cannot be read (Permission denied)" in a.message
    assert isinstance(b, RawDocument)
    assert isinstance(c, Failure) and "cannot be read" in c.message


def test_failures_have_stable_ids(tmp_path, settings):
    first = read(settings, tmp_path / "nope.txt")[0]
    assert first.id == read(settings, tmp_path / "nope.txt")[0].id


def test_lone_surrogates_in_records_are_replaced(tmp_path, settings):
    text = '{"title": "a\\ud83d", "text": "b\\udc00 ' + BODY.strip() + '"}'
    (tmp_path / "r.jsonl").write_text(text, "utf-8")
    doc = read(settings, tmp_path / "r.jsonl")[0]
    assert doc.meta["title"] == "a\ufffd" and doc.content.startswith("b\ufffd ")
    doc.content.encode("utf-8")


def test_a_source_is_keyed_by_its_name_not_its_folder() -> None:
    assert source_key("/home/a/corpus/wire.txt") == source_key("corpus/wire.txt") == "wire.txt"
    assert source_key("C:\\news\\feed.jsonl#3") == "feed.jsonl#3"
    assert source_key("https://example.org/news/1#top") == "https://example.org/news/1#top"
    assert source_key("<stdin>") == "<stdin>"
