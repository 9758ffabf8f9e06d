"""Colours Office files name by their place in the document's theme, lightened or darkened.

Excel and Word offer a grid of "Theme Colours": each of the theme's colours, and under it the
same colour lightened or darkened. A cell filled or shaded from that grid may keep no RGB at
all, only the theme colour's place and a tint (Excel: theme="5" tint="-0.25"; Word:
w:themeFill="accent2" w:themeFillShade="BF"). The colour a reader sees is the theme part's
colour with the tint applied to its lightness, as Office does. These helpers read the theme
part (once per file) and give the RGB, which blocks.fill_colour then names as a rating.
"""

from __future__ import annotations

import colorsys
from functools import lru_cache

from defusedxml.ElementTree import fromstring

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_A_STRICT = "{http://purl.oclc.org/ooxml/drawingml/main}"
_SCHEME = (
    "dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5",
    "accent6", "hlink", "folHlink",
)  # fmt: skip
# Excel numbers the theme's colours with the light and dark pairs swapped.
_EXCEL_ORDER = ("lt1", "dk1", "lt2", "dk2", *_SCHEME[4:])
# Word names them, with aliases for the background and text colours.
_WORD_NAMES = {
    "dark1": "dk1", "light1": "lt1", "dark2": "dk2", "light2": "lt2",
    "text1": "dk1", "background1": "lt1", "text2": "dk2", "background2": "lt2",
    "hyperlink": "hlink", "followedHyperlink": "folHlink",
    **{f"accent{n}": f"accent{n}" for n in range(1, 7)},
}  # fmt: skip
# A theme part is small; one far larger is not read.
_MAX_THEME = 2 * 1024 * 1024


@lru_cache(maxsize=16)
def theme_colours(xml: bytes | None) -> dict[str, str]:
    """The theme part's colour scheme, by name (dk1, lt1, ..., accent1...) as RRGGBB."""
    if not xml or len(xml) > _MAX_THEME:
        return {}
    try:
        root = fromstring(xml)
    except Exception:
        return {}
    for ns in (_A, _A_STRICT):
        scheme = root.find(f".//{ns}clrScheme")
        if scheme is not None:
            break
    else:
        return {}
    colours: dict[str, str] = {}
    for child in scheme:
        name = child.tag.rsplit("}", 1)[-1]
        for colour in child:
            kind = colour.tag.rsplit("}", 1)[-1]
            value = colour.get("lastClr") if kind == "sysClr" else colour.get("val")
            if kind in ("srgbClr", "sysClr") and value and len(value) == 6:
                colours[name] = value.upper()
                break
    return colours


def tinted(rgb: str, tint: float) -> str:
    """The colour lightened (tint above 0) or darkened (below 0), as Office applies a tint
    to the colour's lightness."""
    if not tint:
        return rgb
    red, green, blue = (int(rgb[i : i + 2], 16) / 255 for i in (0, 2, 4))
    hue, light, saturation = colorsys.rgb_to_hls(red, green, blue)
    tint = max(-1.0, min(1.0, tint))
    light = light * (1 + tint) if tint < 0 else light * (1 - tint) + tint
    out = colorsys.hls_to_rgb(hue, light, saturation)
    return "".join(f"{round(v * 255):02X}" for v in out)


def excel_theme(colours: dict[str, str], index: int | None, tint: float | None) -> str:
    """The RGB of Excel's theme colour number `index` with its tint, or ""."""
    if index is None or not 0 <= index < len(_EXCEL_ORDER):
        return ""
    rgb = colours.get(_EXCEL_ORDER[index], "")
    return tinted(rgb, tint or 0.0) if rgb else ""


def _byte(value: str | None) -> float | None:
    try:
        return int(value, 16) / 255 if value else None
    except ValueError:
        return None


def word_theme(
    colours: dict[str, str], name: str | None, tint: str | None, shade: str | None
) -> str:
    """The RGB of Word's theme colour `name` with its tint or shade (hex 00-FF), or ""."""
    rgb = colours.get(_WORD_NAMES.get(name or "", ""), "")
    if not rgb:
        return ""
    lighter, darker = _byte(tint), _byte(shade)
    if darker is not None:
        rgb = tinted(rgb, darker - 1)
    if lighter is not None:
        rgb = tinted(rgb, 1 - lighter)
    return rgb
