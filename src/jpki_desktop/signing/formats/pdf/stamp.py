"""The visible signature stamp: where it goes (``PAGE:X1,Y1,X2,Y2``) and what it shows.

The stamp shows the holder's name (the certificate's CN, usually in kanji) and the signing time
in Japan time. Kanji need a CJK font, embedded as a subset: the first of ``$JPKI_STAMP_FONT``
and the usual IPA/Noto font files that exists. Without one the stamp shows only the time in
Latin letters (pyHanko's built-in Courier cannot draw kanji).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from pyhanko.pdf_utils.font.basic import SimpleFontEngineFactory
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.stamp import TextStampStyle

from ...errors import InvalidInput

FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/ipafont-gothic/ipagp.ttf",
    "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
    "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
    "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansJP-Regular.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansJP-Regular.otf",
    "C:/Windows/Fonts/YuGothR.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
)
_SPEC = re.compile(r"^\s*(\d+)\s*:\s*([-\d.]+)\s*,\s*([-\d.]+)\s*,\s*([-\d.]+)\s*,\s*([-\d.]+)\s*$")
MIN_SIDE = 10.0  # points; a smaller box cannot hold readable text


@dataclass(frozen=True)
class VisibleStamp:
    """A stamp on `page` (1-based) in the rectangle (x1, y1)-(x2, y2), PDF points from the
    page's lower left corner."""

    page: int
    x1: float
    y1: float
    x2: float
    y2: float

    @property
    def box(self) -> tuple[int, int, int, int]:
        return (round(self.x1), round(self.y1), round(self.x2), round(self.y2))


def parse_visible(spec: str) -> VisibleStamp:
    """``PAGE:X1,Y1,X2,Y2`` → VisibleStamp, or InvalidInput("visible_spec", spec)."""
    m = _SPEC.match(spec)
    if not m:
        raise InvalidInput("visible_spec", spec)
    try:
        page = int(m.group(1))
        x1, y1, x2, y2 = (float(m.group(i)) for i in range(2, 6))
    except ValueError:
        raise InvalidInput("visible_spec", spec) from None
    if page < 1 or x2 - x1 < MIN_SIDE or y2 - y1 < MIN_SIDE or min(x1, y1) < 0:
        raise InvalidInput("visible_spec", spec)
    return VisibleStamp(page, x1, y1, x2, y2)


def cjk_font() -> Path | None:
    override = os.environ.get("JPKI_STAMP_FONT")
    for candidate in ((override,) if override else ()) + FONT_CANDIDATES:
        p = Path(candidate)
        if p.suffix.lower() in (".ttf", ".otf") and p.is_file():
            return p
    return None


def stamp_style(font: Path | None) -> TextStampStyle:
    """Name and time with a CJK font; time only without one."""
    if font is None:
        return TextStampStyle(
            stamp_text="Digitally signed\n%(ts)s",
            text_box_style=TextBoxStyle(font=SimpleFontEngineFactory.default_factory()),  # type: ignore[no-untyped-call]
            timestamp_format="%Y-%m-%d %H:%M %Z",
        )
    # fontTools and HarfBuzz take most of a second to import; only a stamp with a CJK font needs them
    # local import: slow, and needed for visible stamps only
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory

    return TextStampStyle(
        stamp_text="電子署名 Signed\n%(signer)s\n%(ts)s",
        text_box_style=TextBoxStyle(font=GlyphAccumulatorFactory(str(font), font_size=10)),
        timestamp_format="%Y-%m-%d %H:%M %Z",
    )
