"""The report button: the cited report of ``yalu report`` as a download, public edition for public readers."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

Login = Callable[..., str]
ClientFactory = Callable[..., TestClient]
SENSITIVE_TITLE = "Interview notes, Dandong"


def test_the_html_report_is_an_attachment_citing_its_findings(viewer: TestClient) -> None:
    response = viewer.get("/report?format=html")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="yalu-report.html"'
    html = response.text
    assert "Support: 3 independent outlets</strong> (Daily NK, Radio Free Asia, Yonhap)" in html
    assert '[2] Daily NK, 2019-05-02, <a href="https://dailynk.example/cn-1">' in html
    assert SENSITIVE_TITLE in html
    assert "<script>alert" not in html


def test_the_pdf_report_is_a_pdf(viewer: TestClient) -> None:
    response = viewer.get("/report?format=pdf&place=China")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == 'attachment; filename="yalu-report.pdf"'
    assert response.content.startswith(b"%PDF")


def test_the_markdown_report_keeps_its_scope(viewer: TestClient) -> None:
    response = viewer.get("/report?format=md&place=cn-jilin&date_from=2020&date_to=2020-12")
    assert response.headers["content-type"] == "text/markdown; charset=utf-8"
    assert "Jilin; claims about 2020 to 2020-12" in response.text
    assert "Daily NK" not in response.text and "Hunchun" in response.text


def test_public_readers_and_public_editions_leave_out_sensitive_documents(
    evidence_client_for: ClientFactory, viewer: TestClient
) -> None:
    public = evidence_client_for(public=True)
    anonymous = public.get("/report?format=html")
    assert anonymous.headers["content-disposition"] == 'attachment; filename="yalu-report-public.html"'
    assert "Public edition" in anonymous.text and SENSITIVE_TITLE not in anonymous.text
    asked = viewer.get("/report?format=html&public=true")
    assert "Public edition" in asked.text and SENSITIVE_TITLE not in asked.text


def test_bad_report_requests_are_refused(viewer: TestClient) -> None:
    assert viewer.get("/report?format=docx").status_code == 422
    assert viewer.get("/report?date_from=May").status_code == 422
    assert viewer.get("/report?place=Xyzzyville").status_code == 404


def test_the_overview_and_findings_pages_offer_the_report(viewer: TestClient) -> None:
    for path in ["/overview", "/findings?place=Dandong&date_from=2018"]:
        html = viewer.get(path).text
        assert '<form action="/report" method="get"' in html, path
        assert '<option value="pdf">PDF</option>' in html
    assert 'name="place" value="Dandong"' in viewer.get("/findings?place=cn-dandong").text.split("/report")[1]
