"""``yalu serve``: the analyst workspace in a browser."""

from __future__ import annotations

import ipaddress

import typer
import uvicorn

from yalu.cli.app import app, console, err_console, settings_of, user_errors
from yalu.config import Settings
from yalu.web import create_app


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve_workspace(settings: Settings, host: str, port: int, public: bool) -> None:
    """Run the workspace until interrupted."""
    with user_errors():
        application = create_app(settings, public=public)
    if not is_loopback(host):
        err_console.print(
            "[yellow]note:[/yellow] login cookies are Secure: browsers send them over HTTPS only "
            "(loopback excepted), so serve other addresses behind an HTTPS proxy."
        )
    if public:
        err_console.print(
            "[yellow]note:[/yellow] --public: anyone who reaches this address can read the "
            "non-sensitive evidence without logging in."
        )
    console.print(f"Workspace: [bold]http://{host}:{port}/[/bold]  (Ctrl+C to stop)")
    uvicorn.run(application, host=host, port=port, log_level="warning", server_header=False)


@app.command()
def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", help="Address to listen on; loopback keeps it on this machine."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    public: bool = typer.Option(
        False,
        "--public",
        help="Let anyone read without logging in (read-only; sensitive documents and source details hidden).",
    ),
) -> None:
    """Serve the analyst workspace: overview, claims, documents, places, search and review."""
    serve_workspace(settings_of(ctx), host, port, public)
