"""The colours of a plan's status scale, for the files that show them.

A colour only repeats what the code and label say; these are the GOV.UK tag colours, with the
text colour that keeps a contrast of at least 4.5:1 on each.
"""

from __future__ import annotations

# colour word → (fill, text), as hex without the #
COLOURS: dict[str, tuple[str, str]] = {
    "blue": ("BBD4EA", "0C2D4A"),
    "green": ("CCE2D8", "005A30"),
    "amber": ("FFF7BF", "594D00"),
    "yellow": ("FFF7BF", "594D00"),
    "red": ("F4CDC6", "2A0B06"),
    "white": ("FFFFFF", "0B0C0C"),
    "grey": ("E5E6E7", "0B0C0C"),
    "gray": ("E5E6E7", "0B0C0C"),
    "purple": ("DBD5E9", "3D2375"),
    "pink": ("EFCFDE", "6B1C40"),
    "orange": ("FCD6C3", "6E3619"),
    "teal": ("BFE3E0", "10403C"),
    "turquoise": ("BFE3E0", "10403C"),
    "magenta": ("EFCFDE", "6B1C40"),
}


def fill_hex(colour: str) -> str:
    return COLOURS.get(colour.strip().lower(), ("", ""))[0]


def text_hex(colour: str) -> str:
    return COLOURS.get(colour.strip().lower(), ("", "0B0C0C"))[1] or "0B0C0C"
