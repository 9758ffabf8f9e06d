"""The parts of setting up an authenticator app that are neither reads nor writes: a new
secret, the QR code that carries it, and the same secret as text to type."""

from __future__ import annotations

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.contrib.auth.models import User
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex


def new_key() -> str:
    """A secret for a new authenticator app: 20 random bytes, as hex, as django-otp keeps it."""
    return random_hex(20)


def setup_link(user: User, key: str) -> str:
    """The otpauth:// link an authenticator app reads from the QR code: the secret, and the
    service and username it shows beside the codes."""
    return str(TOTPDevice(user=user, key=key).config_url)


def key_as_text(key: str) -> str:
    """The secret as authenticator apps ask for it when typed (base 32), in groups of four."""
    text = b32encode(bytes.fromhex(key)).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def qr_code_svg(text: str, label: str) -> SafeString:
    """The QR code of text, as an SVG image to put in the page: drawn here, with no outside
    service, and with no style attributes, so a strict Content Security Policy allows it."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    svg = image.to_string(encoding="unicode")
    # The generated markup is ours, not the user's: only the label needs escaping.
    opening = format_html('<svg class="sendplan-qr" role="img" aria-label="{}" ', label)
    return mark_safe(svg.replace("<svg ", opening, 1))


def normalise_recovery_code(text: str) -> str:
    """Recovery codes are shown in lower case; accept them in any case, with spaces or dashes."""
    return "".join(ch for ch in text.lower() if ch.isalnum())
