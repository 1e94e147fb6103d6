"""Markdown escaping: a document's words stay words, and links stay links."""

from __future__ import annotations

from yalu.report.render import markdown_escape, markdown_url


def test_markdown_punctuation_and_html_are_made_literal() -> None:
    assert markdown_escape("*bold* [link](x) | cell # `code`") == r"\*bold\* \[link\](x) \| cell \# \`code\`"
    assert markdown_escape("<b>a</b>\nb") == "&lt;b&gt;a&lt;/b&gt; b"


def test_urls_keep_their_meaning_but_cannot_end_the_link_early() -> None:
    url = "https://example.org/wiki/Hunchun_(city) page?q=a&b=<c>"
    assert markdown_url(url) == "https://example.org/wiki/Hunchun_%28city%29%20page?q=a&b=%3Cc%3E"
    assert markdown_escape(markdown_url(url)) == str(markdown_url(url))
