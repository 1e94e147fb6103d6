"""Who may use the workspace: accounts with a role (viewer, analyst, admin) and their login sessions."""

from yalu.accounts.sessions import end_session, start_session, user_for_token
from yalu.accounts.users import (
    add_user,
    authenticate,
    generate_password,
    get_user,
    has_admin,
    list_users,
    set_active,
    set_role,
)
from yalu.store.workspace_tables import ROLES, UserRow

__all__ = [
    "ROLES",
    "UserRow",
    "add_user",
    "authenticate",
    "end_session",
    "generate_password",
    "get_user",
    "has_admin",
    "list_users",
    "set_active",
    "set_role",
    "start_session",
    "user_for_token",
]
