"""Users, roles, passwords and API tokens for the web app and the JSON API."""

from __future__ import annotations

from plotwatch.auth.users import (
    ROLES,
    AuthError,
    Principal,
    UserExistsError,
    add_user,
    authenticate,
    create_token,
    list_tokens,
    list_users,
    principal,
    revoke_token,
    secret_key,
    token_principal,
)

__all__ = [
    "ROLES",
    "AuthError",
    "Principal",
    "UserExistsError",
    "add_user",
    "authenticate",
    "create_token",
    "list_tokens",
    "list_users",
    "principal",
    "revoke_token",
    "secret_key",
    "token_principal",
]
