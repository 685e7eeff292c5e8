import string

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.analyze.normalize import normalize_for_matching, strip_tashkeel

TASHKEEL = "".join(map(chr, range(0x064B, 0x0660))) + "\u0670" + "\u0610\u06d6\u06e1\u08f0"
CONTROLS = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\ufeff"

# Text rich in the characters normalization cares about, mixed with anything.
arabic_text = st.text(
    st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0x08A0, max_codepoint=0x08FF),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),
        st.sampled_from(CONTROLS + "“”«»„ \n\t\u00a0ABCabc.,"),
        st.characters(),
    )
)


@pytest.mark.parametrize(
    "variants",
    [
        ["إلى", "الى", "الي", "إلي", "إِلَى"],
        ["أسعد", "اسعد", "أَسْعَد"],
        ["الإسرائيلي", "الاسرائيلي", "الإسرائيليّ"],
        ["اجتماعًا", "اجتماعا", "اجتمـــاعا"],
        ["٢٥", "۲۵", "25"],
        ["السورية", "السوريه"],
        ["آخر", "اخر"],
        ["مسؤول", "مسوول"],
        ["هيئة", "هييه"],
        ["ٱلله", "الله"],
        ["لا", "ﻻ"],
        ["الأمم", "ﺍﻷﻣﻢ"],
    ],
)
def test_spelling_variants_match(variants):
    keys = {normalize_for_matching(v) for v in variants}
    assert len(keys) == 1, keys


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("اجتماعًا", "اجتماعا"),
        ("٢٥ عامًا", "25 عاما"),
        ("لماذا؟ قال، ثم؛ انتهى", "لماذا? قال, ثم; انتهي"),
        ("“تلفزيون سوريا” و«الإخبارية» و„X“", '"تلفزيون سوريا" و"الاخباريه" و"x"'),
        ("\u200fأكسيوس\u200e \u2067Axios\u2069", "اكسيوس axios"),
        ("  Tom   BARRACK\n\tبراك  ", "tom barrack براك"),
        ("٣٫٥٪", "3.5%"),
        ("", ""),
    ],
)
def test_normalize_examples(raw, expected):
    assert normalize_for_matching(raw) == expected


def test_strip_tashkeel_keeps_letters():
    assert strip_tashkeel("اجتماعًا") == "اجتماعا"
    assert strip_tashkeel("الإسرائيليّ") == "الإسرائيلي"
    assert strip_tashkeel("أَسْعَد الشَّيْبانيّ") == "أسعد الشيباني"
    assert strip_tashkeel("السلبيــات") == "السلبيات"
    # Hamza forms survive even when written decomposed (ا + U+0654).
    assert strip_tashkeel("\u0627\u0654سعد") == "أسعد"
    assert strip_tashkeel("إلى") == "إلى"


@given(arabic_text)
@example("\u0627\u0655\u0654")
@example("e\u064e\u0301")
@settings(max_examples=600)
def test_normalize_is_idempotent_and_clean(text):
    once = normalize_for_matching(text)
    assert normalize_for_matching(once) == once
    assert not set(once) & set(TASHKEEL + CONTROLS + "\u0640")
    assert once == once.strip()
    assert "  " not in once


@given(arabic_text)
@settings(max_examples=400)
def test_strip_tashkeel_is_idempotent_and_clean(text):
    once = strip_tashkeel(text)
    assert strip_tashkeel(once) == once
    assert not set(once) & set(TASHKEEL + "\u0640")


@given(st.text(st.sampled_from(string.printable)))
def test_ascii_is_only_casefolded_and_collapsed(text):
    assert normalize_for_matching(text) == " ".join(text.casefold().split())
