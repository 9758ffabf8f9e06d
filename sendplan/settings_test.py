"""Settings for the test suite and type checker: the real settings, with a throwaway key."""

import os

os.environ.setdefault("SENDPLAN_ALLOW_INSECURE_KEY", "1")
# The suite signs managers in many times over; the two-factor tests turn it on themselves.
os.environ.setdefault("SENDPLAN_REQUIRE_2FA_ROLES", "none")
# The test client and the browser tests' server speak plain HTTP. The HTTPS redirect and HSTS
# are tested by themselves, and with the production settings (accounts/tests/test_http.py).
os.environ.setdefault("SENDPLAN_HTTPS", "0")

from sendplan.settings import *  # noqa: F403

# Argon2 is slow by design; the suite creates many users.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Background documents are made at once, inside the request, so a test sees the finished file;
# the tests of the pending page choose a backend that leaves them waiting.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
