"""The truncatechars that stands in for Django's gives what Django's gives, for text short
enough to keep whole and text that must be cut, and is the one the templates use."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from django.template import Context, Template, engines
from django.template.defaultfilters import truncatechars as django_truncatechars
from django.utils.safestring import SafeString, mark_safe

from sendplan.lib.fast_filters import truncatechars


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("Audit all overdue EHC needs assessments", 160),
        ("Audit all overdue EHC needs assessments", 20),
        ("Exactly ten", 11),
        ("Exactly ten", 10),
        ("", 5),
        ("Cafe\u0301 met the parent carer forum", 5),  # a combining accent is not a character
        ("Cafe\u0301", 4),
        ("anything", 0),
        ("anything", -3),
        ("anything", "not a number"),
        (None, 10),
        (12345, 3),
    ],
)
def test_it_gives_what_djangos_filter_gives(text: Any, limit: Any) -> None:
    assert truncatechars(text, limit) == django_truncatechars(text, limit)


def test_short_text_with_a_combining_mark_reads_the_same() -> None:
    # Django's filter composes the accent into one character first; kept whole, the text
    # here keeps its two, which show the same.
    kept = truncatechars("Cafe\u0301", 5)
    assert unicodedata.normalize("NFC", kept) == django_truncatechars("Cafe\u0301", 5)


def test_safe_text_stays_safe_whether_cut_or_not() -> None:
    assert isinstance(truncatechars(mark_safe("<b>short</b>"), 50), SafeString)
    assert isinstance(truncatechars(mark_safe("long enough to be cut"), 8), SafeString)


def test_the_templates_use_it_and_still_cut_long_text() -> None:
    found = {}
    for library in engines["django"].engine.template_builtins:  # type: ignore[attr-defined]
        found.update(library.filters)
    assert found["truncatechars"] is truncatechars
    rendered = Template("{{ text|truncatechars:12 }}|{{ short|truncatechars:12 }}").render(
        Context({"text": "Improve the timeliness of EHC plans", "short": "<Ten>"})
    )
    assert rendered == "Improve the…|&lt;Ten&gt;"
