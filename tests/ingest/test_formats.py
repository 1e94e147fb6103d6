"""Each supported format becomes a document with its text, metadata and original bytes."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from yalu.ingest import Ingester, Metadata, Outcome
from yalu.store import Store, get_document

Ingest = Callable[..., list[Outcome]]
MakePdf = Callable[[str, str | None], Path]

REPORT = "About 150 North Korean workers crossed into Dandong in September to work in seafood plants."

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Workers sent to Dandong | Example News</title>
<meta name="author" content="Kim Ji-hoon">
<meta property="og:site_name" content="Example News">
<meta property="og:title" content="Workers sent to Dandong">
<meta property="article:published_time" content="2023-05-04T09:00:00+09:00">
<link rel="canonical" href="https://news.example.org/2023/05/dandong-workers">
</head><body>
<nav><a href="/">Home</a> | <a href="/about">About us</a> | <a href="/subscribe">Subscribe</a></nav>
<article><h1>Workers sent to Dandong</h1>
<p>About 150 North Korean workers crossed into Dandong last month, a source in North Pyongan said.</p>
<p>They were taken to seafood processing plants on the edge of the city and may not leave their dormitory.</p>
</article>
<footer>Copyright 2023 Example News. All rights reserved.</footer>
</body></html>"""


def stored(store: Store, document_id: str | None) -> dict[str, object]:
    assert document_id is not None
    with store.session() as session:
        row = get_document(session, document_id)
        return {**vars(row), "original": row.original.content}


def test_plain_text_keeps_its_bytes_and_text(store: Store, ingest: Ingest, tmp_path: Path) -> None:
    path = tmp_path / "Dandong report.txt"
    path.write_text(REPORT)
    [outcome] = ingest(path)
    assert outcome.status == "new"
    assert outcome.document_id is not None and outcome.document_id.startswith("dandong-report-")
    row = stored(store, outcome.document_id)
    assert row["text"] == REPORT
    assert row["original"] == REPORT.encode()
    assert row["sha256"] == hashlib.sha256(REPORT.encode()).hexdigest()
    assert row["media_type"] == "text/plain"
    assert row["sensitive"] is True, "a file with no URL or outlet is treated as unpublished"


def test_markdown_title_comes_from_its_first_heading(store: Store, ingest: Ingest, tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(f"# Seafood plants in Dandong\n\n{REPORT}\n")
    [outcome] = ingest(path)
    row = stored(store, outcome.document_id)
    assert row["title"] == "Seafood plants in Dandong"
    assert row["media_type"] == "text/markdown"


def test_html_yields_main_text_and_page_metadata(store: Store, ingest: Ingest, tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE)
    [outcome] = ingest(path)
    row = stored(store, outcome.document_id)
    assert "seafood processing plants" in str(row["text"])
    assert "Subscribe" not in str(row["text"]) and "Copyright" not in str(row["text"])
    assert row["title"] == "Workers sent to Dandong"
    assert row["published"] == "2023-05-04"
    assert row["author"] == "Kim Ji-hoon"
    assert row["site"] == "Example News"
    assert row["url"] == "https://news.example.org/2023/05/dandong-workers"
    assert row["original"] == PAGE.encode()
    assert row["sensitive"] is False


def test_pdf_text_layer_is_read(store: Store, ingest: Ingest, make_pdf: MakePdf) -> None:
    path = make_pdf("report.pdf", REPORT)
    [outcome] = ingest(path)
    row = stored(store, outcome.document_id)
    assert " ".join(str(row["text"]).split()) == REPORT
    assert row["title"] == "Labour report"
    assert row["media_type"] == "application/pdf"
    assert row["original"] == path.read_bytes()


def test_json_lines_records_keep_their_ids_text_and_extra_keys(
    store: Store, ingest: Ingest, tmp_path: Path
) -> None:
    records = [
        {
            "id": "rfa-2019-01",
            "text": "Construction workers from North Korea arrived in Vladivostok.\r\nMore came in May.",
            "url": "https://www.rfa.example/2019/01",
            "outlet": "Radio Free Asia",
            "title": "Builders arrive",
            "published": "2019-01",
            "language": "en",
            "citation": {"outlet": "Radio Free Asia", "published": "2019-01-15"},
        },
        {"id": "note-7", "text": "A source described wages of 500 yuan a month in a garment factory."},
    ]
    path = tmp_path / "reports.jsonl"
    path.write_text("\n".join(json.dumps(record) for record in records) + "\n\n")
    outcomes = ingest(path)
    assert [o.status for o in outcomes] == ["new", "new"]
    assert [o.source for o in outcomes] == [f"{path}:1", f"{path}:2"]
    first = stored(store, "rfa-2019-01")
    assert first["text"] == records[0]["text"], "JSON Lines text is kept exactly: quotes are offsets into it"
    assert (first["outlet"], first["published"], first["language"]) == ("Radio Free Asia", "2019-01", "en")
    assert first["extra"] == {"citation": {"outlet": "Radio Free Asia", "published": "2019-01-15"}}
    assert first["sensitive"] is False
    assert stored(store, "note-7")["sensitive"] is True


def test_folders_are_walked_recursively_skipping_hidden_and_unknown_files(
    ingest: Ingest, tmp_path: Path
) -> None:
    (tmp_path / "china" / "dandong").mkdir(parents=True)
    (tmp_path / "china" / "dandong" / "a.txt").write_text("Workers in Dandong sew garments for export.")
    (tmp_path / "russia.md").write_text("Builders from North Korea work on sites in Moscow.")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "b.txt").write_text("Hidden copy that must be skipped.")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n")
    outcomes = ingest(tmp_path)
    assert sorted(Path(o.source).name for o in outcomes) == ["a.txt", "russia.md"]
    assert {o.status for o in outcomes} == {"new"}


def test_legacy_encodings_are_detected_and_decoded(store: Store, ingest: Ingest, tmp_path: Path) -> None:
    russian = "Северокорейские рабочие строят жилые дома во Владивостоке. " * 3
    korean = "북한 노동자들이 단둥의 수산물 가공 공장에서 일하고 있다고 소식통이 전했다. " * 3
    (tmp_path / "ru.txt").write_bytes(russian.encode("cp1251"))
    (tmp_path / "ko.txt").write_bytes(korean.encode("euc-kr"))
    (tmp_path / "bom.txt").write_bytes(REPORT.encode("utf-16"))
    outcomes = {Path(o.source).name: o for o in ingest(tmp_path)}
    assert stored(store, outcomes["ru.txt"].document_id)["text"] == russian
    assert stored(store, outcomes["ko.txt"].document_id)["text"] == korean
    assert stored(store, outcomes["bom.txt"].document_id)["text"] == REPORT


def test_metadata_given_for_a_file_beats_what_it_says(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(REPORT)
    metadata = Metadata(outlet="Daily NK", published="2019-03", url="https://example.org/s", title="Dandong")
    [outcome] = Ingester(store, max_file_size=2**20, metadata=metadata).ingest([path])
    with store.session() as session:
        row = get_document(session, str(outcome.document_id))
        assert (row.outlet, row.published, row.url, row.title) == (
            "Daily NK",
            "2019-03",
            "https://example.org/s",
            "Dandong",
        )
        assert row.sensitive is False


def test_malformed_or_fragmentary_html_is_read_where_it_can_be(
    store: Store, ingest: Ingest, tmp_path: Path
) -> None:
    (tmp_path / "unclosed.html").write_text(
        "<html><body><p>Workers from North Korea <b>went to Russia <div>to build flats in Kazan</p>"
    )
    (tmp_path / "fragment.htm").write_text(
        "<div><p>Forty North Korean workers sewed uniforms in Hunchun.</p></div>"
    )
    outcomes = {Path(o.source).name: o for o in ingest(tmp_path)}
    unclosed = str(stored(store, outcomes["unclosed.html"].document_id)["text"])
    assert " ".join(unclosed.split()) == "Workers from North Korea went to Russia to build flats in Kazan"
    fragment = stored(store, outcomes["fragment.htm"].document_id)["text"]
    assert fragment == "Forty North Korean workers sewed uniforms in Hunchun."
