"""Local users, roles, password hashing (argon2id) and API tokens (stored as SHA-256 digests).

Roles are ordered: a viewer reads, an analyst also reviews (accept, reject, edit, merge,
split, aliases), an admin also manages users. Creating users and tokens is audited.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from plotwatch.errors import NotFoundError, PlotwatchError
from plotwatch.store.db import Store
from plotwatch.store.models import ApiToken, AppSetting, User

ROLES: tuple[str, ...] = ("viewer", "analyst", "admin")
TOKEN_PREFIX = "pwt_"
_NAME_RE = re.compile(r"^[A-Za-z0-9_.@-]{1,100}$")
_hasher = PasswordHasher()


class AuthError(PlotwatchError):
    """A user or token cannot be created or used."""


class UserExistsError(AuthError):
    """A user of that name already exists."""


@dataclass(frozen=True)
class Principal:
    """Who is making a request: a user name and role, and how they proved it."""

    name: str
    role: str
    via: str = "session"  # session, token

    def can(self, role: str) -> bool:
        """True when this principal's role is ``role`` or a stronger one."""
        return ROLES.index(self.role) >= ROLES.index(role)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def add_user(
    store: Store, name: str, password: str, role: str = "viewer", *, actor: str = "cli"
) -> Principal:
    """Create a local user. Names are letters, digits and ``_.@-``; passwords 8+ characters."""
    if not _NAME_RE.match(name):
        raise AuthError(f"a user name is 1-100 letters, digits or _.@- characters, not {name!r}")
    if role not in ROLES:
        raise AuthError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    if len(password) < 8:
        raise AuthError("a password must have at least 8 characters")
    with store.transaction() as s:
        if s.scalar(select(User.id).where(User.name == name)) is not None:
            raise UserExistsError(f"user {name!r} already exists")
        s.add(User(name=name, password_hash=hash_password(password), role=role))
        store.audit(s, actor=actor, action="add", object_type="user", object_id=name, after={"role": role})
    return Principal(name, role)


def list_users(store: Store) -> list[dict[str, object]]:
    with store.session() as s:
        return [
            {"name": u.name, "role": u.role, "active": u.active, "created_at": u.created_at.isoformat()}
            for u in s.scalars(select(User).order_by(User.name))
        ]


def authenticate(store: Store, name: str, password: str) -> Principal | None:
    """The user, when ``password`` is theirs and they are active; else None."""
    with store.session() as s:
        user = s.scalar(select(User).where(User.name == name))
        if user is None:
            _hasher.hash(password)  # spend the same time whether or not the user exists
            return None
        if not user.active or not verify_password(user.password_hash, password):
            return None
        return Principal(user.name, user.role)


def principal(store: Store, name: str) -> Principal | None:
    """The active user called ``name`` (sessions re-read the role on every request)."""
    with store.session() as s:
        user = s.scalar(select(User).where(User.name == name, User.active.is_(True)))
        return None if user is None else Principal(user.name, user.role)


def create_token(store: Store, name: str, label: str | None = None, *, actor: str = "cli") -> str:
    """A new API token for user ``name``; only its digest is stored, so show it once."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with store.transaction() as s:
        user = s.scalar(select(User).where(User.name == name))
        if user is None:
            raise NotFoundError(f"no user called {name!r}")
        s.add(ApiToken(user_id=user.id, token_hash=token_digest(token), label=label))
        store.audit(
            s, actor=actor, action="create_token", object_type="user", object_id=name, after={"label": label}
        )
    return token


def token_principal(store: Store, token: str) -> Principal | None:
    """The active user a Bearer token belongs to, or None."""
    with store.session() as s:
        row = s.execute(
            select(User.name, User.role)
            .join(ApiToken, ApiToken.user_id == User.id)
            .where(ApiToken.token_hash == token_digest(token), User.active.is_(True))
        ).first()
        return None if row is None else Principal(row[0], row[1], via="token")


def list_tokens(store: Store, name: str | None = None) -> list[dict[str, Any]]:
    """API tokens (never the tokens themselves: only their digests are stored), oldest first."""
    with store.session() as s:
        q = select(ApiToken, User.name).join(User, User.id == ApiToken.user_id).order_by(ApiToken.id)
        if name is not None:
            q = q.where(User.name == name)
        return [
            {
                "id": t.id,
                "user": user,
                "label": t.label,
                "created_at": t.created_at.isoformat(),
            }
            for t, user in s.execute(q)
        ]


def revoke_token(store: Store, token_id: int, *, actor: str = "cli") -> dict[str, Any]:
    """Delete API token ``token_id`` (audited); requests bearing it get 401 from then on."""
    with store.transaction() as s:
        row = s.get(ApiToken, token_id)
        if row is None:
            raise NotFoundError(f"no API token with id {token_id}")
        user = s.get(User, row.user_id)
        before = {"id": row.id, "label": row.label}
        s.delete(row)
        store.audit(
            s,
            actor=actor,
            action="revoke_token",
            object_type="user",
            object_id=user.name if user else str(row.user_id),
            before=before,
        )
    return before


def secret_key(store: Store) -> str:
    """The key that signs session cookies: made once, kept in the database."""
    with store.transaction() as s:
        row = s.get(AppSetting, "session_secret")
        if row is None:
            row = AppSetting(key="session_secret", value=secrets.token_urlsafe(48))
            s.add(row)
        return row.value
