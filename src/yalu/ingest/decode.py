"""Bytes to text: UTF-8 when it is, the detected encoding when it is not, an error when it is binary."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from yalu.errors import InputError

# UTF-32 first: its little-endian mark begins with UTF-16's.
BYTE_ORDER_MARKS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
# Control characters other than tab, line feed, vertical tab, form feed and carriage return.
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
MAX_CONTROL_SHARE = 0.01


def decode_text(data: bytes, source: str) -> str:
    """The text in ``data``; raises :class:`InputError` naming ``source`` when there is none to read."""
    if not data:
        raise InputError(source, "empty file")
    text = _decode(data, source)
    if _looks_binary(text):
        raise InputError(source, "binary data, not text (wrong file extension?)")
    if not text.strip():
        raise InputError(source, "no text: the file is blank")
    return text


def _decode(data: bytes, source: str) -> str:
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                return data[len(mark) :].decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(
                    source, f"starts with a {encoding} byte-order mark but is not {encoding}"
                ) from error
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise InputError(source, "binary data, not text (wrong file extension?)")
    best = from_bytes(data).best()
    if best is None:
        raise InputError(source, "binary data or an unknown text encoding: no encoding fits")
    return str(best)


def _looks_binary(text: str) -> bool:
    return "\x00" in text or len(CONTROL.findall(text)) > MAX_CONTROL_SHARE * len(text)
