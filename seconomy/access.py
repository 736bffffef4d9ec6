"""Who may use the app and what they may change: the login set-up, password checks and the two roles.

Why here and not in the UI: the set-up is read from a mapping (Streamlit's ``st.secrets``, a dict in tests) and
checked as plain data, the CLI hashes passwords with the same code, and the rules are testable without a browser.

Login is off unless ``.streamlit/secrets.toml`` (never in the repository) says otherwise::

    [seconomy]
    login = "password"                  # or "oidc" (Streamlit's st.login, with an [auth] block), or "off"

    [seconomy.users.anna]               # password login: one table per user
    password_hash = "$argon2id$v=19$…"  # python -m seconomy users hash
    role = "editor"                     # or "viewer"

    [seconomy.oidc]                     # OpenID Connect: who gets in, with which role
    editors = ["anna@example.dk"]
    viewers = ["@example.dk"]           # a whole domain; anyone signed in but not listed is refused

A viewer sees every page but changes nothing (no import, undo, edit, delete, reclassify, restore, settings);
an editor may do everything.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from seconomy.errors import SeconomyError

VIEWER, EDITOR = "viewer", "editor"
ROLES = (VIEWER, EDITOR)
MODES = ("off", "password", "oidc")
# A hash of a password nobody has: a check for an unknown user costs as much as for a known one (no timing hint).
_DUMMY_HASH = "$argon2id$v=19$m=65536,t=3,p=4$cmoMa51PsIpAM2ECC2g5hg$vtAEB6+LV/YBfEeysln5vYCAWOqN+9Vxni2dOYxVksg"
MAX_PASSWORD = 1024  # characters; argon2 takes any length, a megabyte-long "password" is an attack


class AccessConfigError(SeconomyError):
    """The login set-up in secrets.toml is not usable (the app refuses to start open instead)."""


class NotPermitted(SeconomyError):
    """The signed-in user's role may not make this change (a viewer trying to write)."""


@dataclass(frozen=True)
class User:
    name: str
    role: str

    @property
    def can_write(self) -> bool:
        return self.role == EDITOR


@dataclass(frozen=True)
class LoginConfig:
    mode: str = "off"
    users: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # name -> (argon2 hash, role)
    editors: tuple[str, ...] = ()  # OIDC: e-mail addresses or '@domain'
    viewers: tuple[str, ...] = ()

    @property
    def required(self) -> bool:
        return self.mode != "off"


def _role(value: object, where: str) -> str:
    role = str(value or VIEWER).strip().lower()
    if role not in ROLES:
        raise AccessConfigError(f"{where}: role must be 'viewer' or 'editor', not {value!r}")
    return role


def _patterns(value: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str) or not all(isinstance(v, str) for v in value):
        raise AccessConfigError(f"{where} must be a list of e-mail addresses or '@domain' entries")
    return tuple(v.strip().lower() for v in value if v.strip())


def login_config(secrets: Mapping[str, object]) -> LoginConfig:
    """The login set-up from the secrets (``[seconomy]`` table); off when there is none."""
    section = secrets.get("seconomy") or {}
    if not isinstance(section, Mapping):
        raise AccessConfigError("[seconomy] in secrets.toml must be a table")
    mode = str(section.get("login", "off")).strip().lower()
    if mode in ("", "false", "none"):
        mode = "off"
    if mode not in MODES:
        raise AccessConfigError(f"seconomy.login must be one of {', '.join(MODES)}, not {mode!r}")
    users: dict[str, tuple[str, str]] = {}
    for name, entry in (section.get("users") or {}).items():
        if not isinstance(entry, Mapping) or not str(entry.get("password_hash", "")).startswith("$argon2"):
            raise AccessConfigError(f"seconomy.users.{name}: needs password_hash = \"$argon2…\" "
                                    "(make one with: python -m seconomy users hash)")
        users[str(name).strip().lower()] = (str(entry["password_hash"]), _role(entry.get("role"), f"seconomy.users.{name}"))
    oidc = section.get("oidc") or {}
    config = LoginConfig(mode, users, _patterns(oidc.get("editors"), "seconomy.oidc.editors"),
                         _patterns(oidc.get("viewers"), "seconomy.oidc.viewers"))
    if mode == "password" and not users:
        raise AccessConfigError("seconomy.login is 'password' but no [seconomy.users.NAME] is set")
    if mode == "oidc" and "auth" not in secrets:
        raise AccessConfigError("seconomy.login is 'oidc' but secrets.toml has no [auth] block for st.login")
    if mode == "oidc" and not (config.editors or config.viewers):
        raise AccessConfigError("seconomy.login is 'oidc' but seconomy.oidc lists no editors or viewers")
    return config


def hash_password(password: str) -> str:
    """An argon2id hash to paste into secrets.toml (argon2-cffi's recommended parameters)."""
    from argon2 import PasswordHasher

    if not password or len(password) > MAX_PASSWORD:
        raise AccessConfigError(f"a password must have 1 to {MAX_PASSWORD} characters")
    return PasswordHasher().hash(password)


def check_password(config: LoginConfig, name: str, password: str) -> User | None:
    """The user when the name and password match; None otherwise (the same work either way)."""
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    key = (name or "").strip().lower()
    hashed, role = config.users.get(key, (_DUMMY_HASH, ""))
    if not password or len(password) > MAX_PASSWORD:
        return None
    try:
        PasswordHasher().verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return None
    return User(key, role) if key in config.users else None


def _listed(email: str, patterns: tuple[str, ...]) -> bool:
    return any(email == p or (p.startswith("@") and email.endswith(p)) for p in patterns)


def oidc_user(config: LoginConfig, email: object) -> User | None:
    """The role of an identity provider's user by e-mail (editors first); None for anyone not listed."""
    address = str(email or "").strip().lower()
    if not address or "@" not in address:
        return None
    if _listed(address, config.editors):
        return User(address, EDITOR)
    if _listed(address, config.viewers):
        return User(address, VIEWER)
    return None


class Throttle:
    """Slows password guessing: after ``limit`` failures for a name within ``window_s``, refuse it for ``lock_s``.

    Kept per server process (a restart forgets it); argon2 already costs ~0,1 s per try.
    """

    def __init__(self, limit: int = 5, window_s: float = 600.0, lock_s: float = 60.0):
        self.limit, self.window_s, self.lock_s = limit, window_s, lock_s
        self._failures: dict[str, list[float]] = {}

    def locked(self, name: str, now: float) -> bool:
        recent = [t for t in self._failures.get(name.strip().lower(), []) if now - t < self.window_s]
        return len(recent) >= self.limit and now - recent[-1] < self.lock_s

    def failed(self, name: str, now: float) -> None:
        key = name.strip().lower()
        self._failures[key] = [t for t in self._failures.get(key, []) if now - t < self.window_s][-self.limit + 1:] + [now]

    def succeeded(self, name: str) -> None:
        self._failures.pop(name.strip().lower(), None)
