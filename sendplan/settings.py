"""Settings for sendplan, read from the environment (see README: Configuration)."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = _env_bool("SENDPLAN_DEBUG", False)
SECRET_KEY = os.environ.get("SENDPLAN_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and os.environ.get("SENDPLAN_ALLOW_INSECURE_KEY") != "1":
        # Running without a secret key is only safe on a developer's machine.
        raise RuntimeError("Set SENDPLAN_SECRET_KEY (or SENDPLAN_DEBUG=1 for local development).")
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"

ALLOWED_HOSTS = [
    h for h in os.environ.get("SENDPLAN_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h
]
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("SENDPLAN_CSRF_TRUSTED_ORIGINS", "").split(",") if o
]
SITE_NAME = os.environ.get("SENDPLAN_SITE_NAME", "sendplan")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "sendplan.accounts",
    "sendplan.audit",
    "sendplan.plans",
    "sendplan.monitoring",
    "sendplan.indicators",
    "sendplan.interchange",
    "sendplan.demo",
    "sendplan.reports",
    "sendplan.backup",
    "sendplan.oversight",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # Whether this session has given a second factor (request.user.is_verified()), and then
    # asking for one of those whose role needs it.
    "django_otp.middleware.OTPMiddleware",
    "sendplan.accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, so that it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "sendplan.urls"
WSGI_APPLICATION = "sendplan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sendplan.context_processors.site",
            ],
            # A faster truncatechars in place of Django's (sendplan/lib/fast_filters.py), and
            # the status and state tags every page shows (sendplan/lib/govuk_tags.py).
            "builtins": ["sendplan.lib.fast_filters", "sendplan.lib.govuk_tags"],
        },
    }
]

DATA_DIR = Path(os.environ.get("SENDPLAN_DATA_DIR", PROJECT_DIR / "var"))
DATA_DIR.mkdir(parents=True, exist_ok=True)
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if not DATABASE_URL:
    # The embedded default: one SQLite file in the data folder.
    DATABASE_URL = f"sqlite:///{DATA_DIR / 'sendplan.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}

# What is worked out from a plan and kept under its last change (an adviser's table of areas):
# in each web process's memory, since an entry is never stale and is cheap to make again.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A transaction takes SQLite's write lock when it starts. Of two writes at the same moment
    # the second then waits for the first and reads what it wrote, as select_for_update makes
    # PostgreSQL do; left to take it later, one of them fails with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Answers only the single sign-on callback, and only when SSO is configured.
    "sendplan.accounts.sso.SSOBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# Invitations to an area: how many days the emailed link to set a password works for.
INVITATION_DAYS = int(os.environ.get("SENDPLAN_INVITATION_DAYS", "7"))
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Single sign-on with OpenID Connect (README: Single sign-on), off unless a client id is set.
# The provider's endpoints come from its discovery document at the issuer, unless given one by
# one. The provider sends people back with a cross-site GET, so the session cookie must stay
# SameSite=Lax (Django's default), not Strict. These are mozilla-django-oidc's own settings.
OIDC_RP_CLIENT_ID = os.environ.get("SENDPLAN_OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("SENDPLAN_OIDC_CLIENT_SECRET", "")
OIDC_ISSUER = os.environ.get("SENDPLAN_OIDC_ISSUER", "").rstrip("/")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("SENDPLAN_OIDC_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("SENDPLAN_OIDC_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("SENDPLAN_OIDC_USERINFO_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("SENDPLAN_OIDC_JWKS_ENDPOINT", "")
OIDC_RP_SCOPES = os.environ.get("SENDPLAN_OIDC_SCOPES", "openid email profile")
# The claim that holds the person's email address. A claim called "email" counts only with
# "email_verified": true; any other (Entra ID: preferred_username) is trusted as verified.
OIDC_EMAIL_CLAIM = os.environ.get("SENDPLAN_OIDC_EMAIL_CLAIM", "email")
OIDC_BUTTON_TEXT = os.environ.get(
    "SENDPLAN_OIDC_BUTTON", "Sign in with your organisation's account"
)
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10
OIDC_AUTHENTICATION_CALLBACK_URL = "sso_callback"

# Two-factor authentication for those who sign in with a password and hold one of these roles
# in any area: comma-separated role names, or "none". Not asked after single sign-on, whose
# provider does its own checks. Off by default on a developer's machine, so the demo's users
# sign in with their password alone.
REQUIRE_2FA_ROLES = frozenset(
    role.strip()
    for role in os.environ.get(
        "SENDPLAN_REQUIRE_2FA_ROLES", "none" if DEBUG else "area_admin,programme_manager"
    ).split(",")
    if role.strip() and role.strip().lower() != "none"
)
# The name authenticator apps show beside the code.
OTP_TOTP_ISSUER = SITE_NAME

# How many proxies (a load balancer, nginx) stand in front of the application and add the
# client's address to X-Forwarded-For and the scheme to X-Forwarded-Proto. With none, those
# headers are ignored, since anyone can send them; with one or more, the address the outermost
# proxy saw is the client's, so that a lockout falls on the person failing to sign in, not on
# everyone behind the same proxy.
TRUSTED_PROXIES = int(os.environ.get("SENDPLAN_TRUSTED_PROXIES", "0"))
if TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Failed sign-ins: lock a username from one address after this many tries, for this long.
# Someone else failing with your username locks only their own address out, never yours.
AXES_CLIENT_IP_CALLABLE = "sendplan.accounts.client_address.client_address"
AXES_FAILURE_LIMIT = int(os.environ.get("SENDPLAN_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("SENDPLAN_LOGIN_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# A signed-in session ends this many hours after it began.
SESSION_COOKIE_AGE = int(float(os.environ.get("SENDPLAN_SESSION_HOURS", "8")) * 3600)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = _env_bool("SENDPLAN_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
# Outside debugging, only over HTTPS: plain HTTP is sent to HTTPS, and browsers are told to use
# nothing else for a year (HSTS). SENDPLAN_HTTPS=0 turns both off, for a machine with no TLS.
HTTPS_ONLY = _env_bool("SENDPLAN_HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS_ONLY
SECURE_HSTS_SECONDS = 365 * 24 * 3600 if HTTPS_ONLY else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS_ONLY
SECURE_HSTS_PRELOAD = HTTPS_ONLY
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Pages run only the scripts and styles served from this site: nothing written inside a page,
# nothing from elsewhere, no plugins, and no framing by another site.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
CSRF_FAILURE_VIEW = "sendplan.views.csrf_failure"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
# Serve straight from the app and node_modules folders, so no collectstatic step is needed.
WHITENOISE_USE_FINDERS = True
STATICFILES_DIRS = [BASE_DIR / "static", PROJECT_DIR / "node_modules" / "govuk-frontend" / "dist"]

# Largest upload accepted, in megabytes (plan files for import).
MAX_UPLOAD_MB = int(os.environ.get("SENDPLAN_MAX_UPLOAD_MB", "20"))
# Pasted text arrives as a form field, so the form-size limit follows the upload limit.
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_MB * 1024 * 1024
# An action with no update in this many periods in a row is flagged as stale.
STALE_AFTER_PERIODS = int(os.environ.get("SENDPLAN_STALE_AFTER_PERIODS", "2"))
# Plan health warns of a lead with more open actions than this.
HEALTH_MAX_OPEN_ACTIONS = int(os.environ.get("SENDPLAN_HEALTH_MAX_OPEN_ACTIONS", "12"))

# Evidence files attached to updates: where they are kept (never served directly), the
# largest accepted, and the kinds of file accepted.
EVIDENCE_ROOT = Path(os.environ.get("SENDPLAN_EVIDENCE_DIR", DATA_DIR / "evidence"))
MAX_EVIDENCE_MB = int(os.environ.get("SENDPLAN_MAX_EVIDENCE_MB", "10"))
# Documents too slow to make while a person waits (the large PDFs and Word files) are made by a
# background worker, `sendplan db_worker`, which takes them from a queue kept in the database:
# no other server is needed, on SQLite or PostgreSQL. The files are kept in the reports storage,
# outside anything the web server serves, and handed out only to people who may see the plan.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
REPORTS_ROOT = Path(os.environ.get("SENDPLAN_REPORTS_DIR", DATA_DIR / "reports"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "reports": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": REPORTS_ROOT},
    },
}
# Longest a single file may take to parse before it is refused.
PARSE_TIMEOUT_SECONDS = float(os.environ.get("SENDPLAN_PARSE_TIMEOUT", "60"))

# Email: reminders to leads and digests to programme managers (`sendplan remind`).
# "console" prints them (the default while debugging), "smtp" sends through SENDPLAN_EMAIL_HOST,
# "notify" sends through GOV.UK Notify (pip install 'sendplan[notify]').
EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "notify": "sendplan.monitoring.notify.NotifyEmailBackend",
}
EMAIL_BACKEND = EMAIL_BACKENDS[
    os.environ.get("SENDPLAN_EMAIL_BACKEND", "console" if DEBUG else "smtp")
]
EMAIL_HOST = os.environ.get("SENDPLAN_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("SENDPLAN_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("SENDPLAN_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("SENDPLAN_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("SENDPLAN_EMAIL_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("SENDPLAN_FROM_EMAIL", "sendplan@localhost")
NOTIFY_API_KEY = os.environ.get("SENDPLAN_NOTIFY_API_KEY", "")
NOTIFY_TEMPLATE_ID = os.environ.get("SENDPLAN_NOTIFY_TEMPLATE_ID", "")
NOTIFY_BASE_URL = os.environ.get(
    "SENDPLAN_NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk"
)
# The address links in emails point to.
SITE_URL = os.environ.get("SENDPLAN_SITE_URL", "http://127.0.0.1:8000")
# Leads are first reminded this many days before the deadline.
REMIND_DAYS_BEFORE = int(os.environ.get("SENDPLAN_REMIND_DAYS_BEFORE", "3"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("SENDPLAN_LOG_LEVEL", "WARNING")},
}
