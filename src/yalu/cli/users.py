"""``yalu users``: workspace accounts from the command line (the web has the same for admins)."""

from __future__ import annotations

import typer
from rich.table import Table

from yalu import accounts
from yalu.cli.app import app, console, store_of, user_errors
from yalu.store import Store

users = typer.Typer(help="Manage workspace accounts: viewers read, analysts review, admins manage users.")
app.add_typer(users, name="users")

ROLE_HELP = "viewer (reads), analyst (also reviews claims) or admin (also manages users)."
FIRST_ADMIN = "admin"


def create_first_admin(store: Store) -> None:
    """Make an ``admin`` account when nobody can manage users yet, printing its password once."""
    with store.transaction() as session:
        if accounts.has_admin(session):
            return
        password = accounts.generate_password()
        accounts.add_user(session, FIRST_ADMIN, "admin", password)
    console.print(
        f"Log in as [bold]{FIRST_ADMIN}[/bold] with the one-time password [bold]{password}[/bold] "
        "(shown only now; add colleagues with [bold]yalu users add[/bold])"
    )


@users.command("add")
def add(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Login name."),
    role: str = typer.Option("viewer", "--role", help=ROLE_HELP),
    prompt: bool = typer.Option(False, "--prompt", help="Ask for the password instead of generating one."),
) -> None:
    """Add an account; a generated password is printed once and never stored in clear."""
    password = (
        typer.prompt("Password", hide_input=True, confirmation_prompt=True)
        if prompt
        else accounts.generate_password()
    )
    with user_errors():
        store = store_of(ctx)
        with store.transaction() as session:
            accounts.add_user(session, name, role, password)
    console.print(f"added {name} ({role})")
    if not prompt:
        console.print(f"one-time password: [bold]{password}[/bold]  (shown only now)")


@users.command("list")
def list_(ctx: typer.Context) -> None:
    """List accounts with their role, state and last login."""
    with user_errors(), store_of(ctx).session() as session:
        table = Table("name", "role", "active", "created", "last login")
        for user in accounts.list_users(session):
            table.add_row(
                user.name,
                user.role,
                "yes" if user.active else "no",
                f"{user.created_at:%Y-%m-%d}",
                f"{user.last_login_at:%Y-%m-%d %H:%M}" if user.last_login_at else "never",
            )
    console.print(table)


@users.command("disable")
def disable(ctx: typer.Context, name: str = typer.Argument(..., help="Login name.")) -> None:
    """Disable an account and end its sessions; its review history keeps its name."""
    with user_errors(), store_of(ctx).transaction() as session:
        accounts.set_active(session, name, False)
    console.print(f"disabled {name}")


@users.command("enable")
def enable(ctx: typer.Context, name: str = typer.Argument(..., help="Login name.")) -> None:
    """Enable a disabled account again."""
    with user_errors(), store_of(ctx).transaction() as session:
        accounts.set_active(session, name, True)
    console.print(f"enabled {name}")


@users.command("set-role")
def set_role(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Login name."),
    role: str = typer.Argument(..., help=ROLE_HELP),
) -> None:
    """Change an account's role."""
    with user_errors(), store_of(ctx).transaction() as session:
        accounts.set_role(session, name, role)
    console.print(f"{name} is now {role}")
