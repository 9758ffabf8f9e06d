"""Figures as people read them."""

from __future__ import annotations


def number(value: float) -> str:
    """A figure with thousands set apart and no decimals it does not need: 1,250, 47.5, 0.25."""
    if value == int(value):
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")
