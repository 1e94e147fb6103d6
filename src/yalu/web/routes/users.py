"""Account management for admins: the same operations as ``yalu users``.

A new account gets a generated password, shown once on the page that
answers the form. Admins cannot disable or demote themselves, so a
workspace always keeps someone who can manage it.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Form, Path, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from yalu import accounts
from yalu.errors import AccessError
from yalu.web.auth import Viewer, admin, admin_change
from yalu.web.forms import WebInput
from yalu.web.pages import page, respond, wants_json
from yalu.web.schemas import UserPublic, user_public
from yalu.web.state import db, workspace

router = APIRouter(tags=["users"])
Role = Literal["viewer", "analyst", "admin"]
UserName = Annotated[str, Path(max_length=100)]
Admin = Annotated[Viewer, Depends(admin_change)]


class UsersPage(BaseModel):
    users: list[UserPublic]


class NewUser(BaseModel):
    user: UserPublic
    password: str = Field(description="Shown once; only its hash is stored.")


class NewUserForm(WebInput):
    name: str = Field(min_length=1, max_length=100)
    role: Role = "viewer"


class RoleForm(WebInput):
    role: Role


class ActiveForm(WebInput):
    active: bool


@page(router, "/users", UsersPage)
def read_users(
    request: Request,
    _viewer: Annotated[Viewer, Depends(admin)],
    session: Annotated[Session, Depends(db)],
) -> Response:
    return respond(
        request, "users.html", UsersPage(users=[user_public(u) for u in accounts.list_users(session)])
    )


@router.post("/users", response_model=NewUser)
def add_user(request: Request, _viewer: Admin, form: Annotated[NewUserForm, Form()]) -> Response:
    password = accounts.generate_password()
    with workspace(request).store.transaction() as session:
        created = NewUser(
            user=user_public(accounts.add_user(session, form.name, form.role, password)), password=password
        )
        users = [user_public(u) for u in accounts.list_users(session)]
    if wants_json(request):
        return JSONResponse(created.model_dump(mode="json"))
    return respond(request, "users.html", UsersPage(users=users), context={"created": created})


def _not_self(viewer: Viewer, name: str) -> None:
    if name == viewer.name:
        raise AccessError("admins cannot change their own role or disable themselves; ask another admin")


def _answer(request: Request, user: accounts.UserRow) -> Response:
    if wants_json(request):
        return JSONResponse(user_public(user).model_dump(mode="json"))
    return RedirectResponse("/users", status_code=303)


@router.post("/users/{name}/role", response_model=UserPublic)
def change_role(
    request: Request, name: UserName, viewer: Admin, form: Annotated[RoleForm, Form()]
) -> Response:
    _not_self(viewer, name)
    with workspace(request).store.transaction() as session:
        return _answer(request, accounts.set_role(session, name, form.role))


@router.post("/users/{name}/active", response_model=UserPublic)
def change_active(
    request: Request, name: UserName, viewer: Admin, form: Annotated[ActiveForm, Form()]
) -> Response:
    _not_self(viewer, name)
    with workspace(request).store.transaction() as session:
        return _answer(request, accounts.set_active(session, name, form.active))
