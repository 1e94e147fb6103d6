"""The analyst workspace: a web application over the evidence store (``yalu serve``)."""

from yalu.web.app import create_app

__all__ = ["create_app"]
