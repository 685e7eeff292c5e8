"""Arabic normalization for matching keys (similarity, search, memory lookups).

Never use the result for display: it drops hamza and diacritics and folds letters.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

# Every nonspacing mark used by Arabic script: harakat, tanwin, shadda, sukun,
# superscript alef, Quranic annotation marks, and the combining madda/hamza
# that NFKD splits off آ أ إ ؤ ئ.
_ARABIC_MARKS = regex.compile(r"[\p{scx=Arabic}&&\p{Mn}]+", regex.V1)
_TATWEEL = "\u0640"

_DELETE = dict.fromkeys(
    map(
        ord,
        _TATWEEL
        + "\u200b\u200c\u200d\u200e\u200f"  # zero-width space, ZWNJ, ZWJ, LRM, RLM
        + "\u202a\u202b\u202c\u202d\u202e"  # LRE, RLE, PDF, LRO, RLO
        + "\u2066\u2067\u2068\u2069"  # LRI, RLI, FSI, PDI
        + "\u061c\u2060\ufeff",  # Arabic letter mark, word joiner, BOM
    )
)

_FOLD = str.maketrans(
    {
        "\u0671": "\u0627",  # ٱ alef wasla (no decomposition) -> ا
        "\u0649": "\u064a",  # ى -> ي
        "\u0629": "\u0647",  # ة -> ه
        "\u060c": ",",
        "\u061b": ";",
        "\u061f": "?",
        "\u066a": "%",
        "\u066b": ".",  # Arabic decimal separator
        "\u066c": ",",  # Arabic thousands separator
        "\u06d4": ".",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
    }
    | _DELETE
)


def strip_tashkeel(text: str) -> str:
    """Remove diacritics and tatweel, keeping letters (hamza forms included) as they are."""
    composed = unicodedata.normalize("NFC", text)
    stripped = _ARABIC_MARKS.sub("", composed).replace(_TATWEEL, "")
    # Removing a mark can unblock the composition of the marks around it.
    return unicodedata.normalize("NFC", stripped)


def normalize_for_matching(text: str) -> str:
    """Fold spelling variants so that إلى/الى/الي, أسعد/اسعد, ٢٥/25 compare equal."""
    # NFKD turns presentation forms (ﻻ) into letters and splits hamza and
    # madda off their carriers (أ -> ا + U+0654), so deleting marks folds them.
    decomposed = unicodedata.normalize("NFKD", text).casefold()
    folded = _ARABIC_MARKS.sub("", decomposed).translate(_FOLD)
    return " ".join(unicodedata.normalize("NFKC", folded).split())


@lru_cache(maxsize=1 << 16)
def normalize_word(word: str) -> str:
    """normalize_for_matching of a word or a short name. Articles repeat their words and names:
    each distinct one is folded once, whichever stage asks."""
    return normalize_for_matching(word)
