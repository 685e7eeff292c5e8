"""Glossary renderings of names (generator/translate/glossary.py), alone and through the fixture model."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.analyze.normalize import normalize_for_matching
from generator.translate.glossary import Glossary, ProtectedSentence, protect, restore

pytest_plugins = ["tests.model_fixture"]

GLOSSARY = Glossary(
    {
        "الشيباني": "al-Shaibani",
        "رون ديرمر": "Ron Dermer",
        "الإخبارية السورية": "al-Ikhbariya",
        "الإخبارية": "al-Ikhbariya news",
        "توم باراك": "Tom Barrack",
        "سام": "Sam",
    }
)


def _translate(translator, sentence: str) -> str:
    protected = protect(sentence, GLOSSARY)
    [english] = translator.translate([protected.source])
    return restore(english, protected)


@pytest.mark.parametrize(
    ("arabic", "english"),
    [
        ("التقى الشيباني مع رون ديرمر في باريس", "met al-Shaibani with Ron Dermer in Paris"),
        ("قال مصدر دبلوماسي لقناة الإخبارية السورية أن المحادثات نجحت",
         "said source diplomatic لقناة al-Ikhbariya that talks succeeded"),
        ("التقى رون ديرمر والشيباني", "met Ron Dermer and al-Shaibani"),
        ("قال مصدر دبلوماسي للإخبارية السورية", "said source diplomatic to al-Ikhbariya"),
        ("قال مصدر دبلوماسي بالإخبارية", "said source diplomatic by al-Ikhbariya news"),
        ("الشيباني قال أن المحادثات نجحت", "Al-Shaibani said that talks succeeded"),
    ],
)
def test_names_come_out_as_the_glossary_says(fixture_translator, arabic, english):
    assert _translate(fixture_translator, arabic) == english


def test_names_in_a_batch(fixture_translator):
    sentences = ["التقى الشيباني مع توم باراك", "مرحبا العالم", "قال ديرمر أن المحادثات نجحت"]
    protected = [protect(s, GLOSSARY) for s in sentences]
    english = [restore(t, p) for t, p in zip(fixture_translator.translate([p.source for p in protected]), protected)]

    assert english == ["met al-Shaibani with Tom Barrack", "hello world", "said ديرمر that talks succeeded"]


@pytest.mark.parametrize(
    "variant",
    [
        "الشيباني",
        "الشَّيْبَانِي",  # tashkeel
        "الشيبـــاني",  # tatweel
        "والشيباني",
        "وَالشَّيباني",
        "للشيباني",
        "بالشيباني",
        "فالشيباني",
        "وللشيباني",
        "كالشيباني",
    ],
)
def test_spelling_variants_are_found(variant):
    protected = protect(f"قال {variant} اليوم", GLOSSARY)

    assert protected.renderings == ("al-Shaibani",)
    assert protected.source.startswith("قال ") and protected.source.endswith("al-Shaibani اليوم")


def test_clitic_stays_before_the_rendering():
    assert protect("التقى والشيباني", GLOSSARY).source == "التقى و al-Shaibani"
    assert protect("قال وَالشيباني", GLOSSARY).source == "قال وَ al-Shaibani"
    assert protect("نقلا عن للشيباني", GLOSSARY).source == "نقلا عن لـ al-Shaibani"
    assert protect("نقلا عن وللشيباني", GLOSSARY).source == "نقلا عن ولـ al-Shaibani"


def test_alef_hamza_and_ta_marbuta_variants():
    for sentence in ["قناة الاخبارية السوريه", "قناة الإخبارية السورية", "قناة الأخبارية السوريّة"]:
        assert protect(sentence, GLOSSARY).source == "قناة al-Ikhbariya"


def test_longest_term_wins():
    assert protect("قناة الإخبارية السورية", GLOSSARY).renderings == ("al-Ikhbariya",)
    assert protect("قناة الإخبارية اليوم", GLOSSARY).renderings == ("al-Ikhbariya news",)


def test_no_match_inside_other_words():
    for sentence in [
        "السياسة الشيبانية",  # another word that starts like the term
        "قال بسام",  # a short term behind what looks like a clitic
        "التقى رون، ديرمر",  # the words of a term split by punctuation
        "التقى رون",  # half a term
    ]:
        protected = protect(sentence, GLOSSARY)
        assert protected.source == sentence and protected.renderings == ()


def test_short_term_alone_is_found():
    assert protect("قال سام", GLOSSARY).source == "قال Sam"


def test_terms_repeated_and_several():
    protected = protect("الشيباني التقى رون ديرمر ثم الشيباني", GLOSSARY)

    assert protected.source == "al-Shaibani التقى Ron Dermer ثم al-Shaibani"
    assert protected.renderings == ("al-Shaibani", "Ron Dermer", "al-Shaibani")


@given(st.lists(st.sampled_from(["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u064b", "\u0640"]), max_size=8))
def test_tashkeel_anywhere_in_the_term_is_tolerated(marks):
    term = "الشيباني"
    letters = list(term)
    for k, mark in enumerate(marks):
        letters.insert(1 + (3 * k) % (len(letters) - 1), mark)
    assert protect(f"قال {''.join(letters)}", GLOSSARY).source == "قال al-Shaibani"


_PIECES = ["الشيباني", "للشيباني", "وللشيباني", "والشيباني", "الإخبارية", "الاخباريه", "رون", "ديرمر", "رون ديرمر",
           "باراك", "توم", "سام", "بسام", "قال", "التقى", "ﻻ", "\u0640", "\u064e", "\u0651", "أ", "إ", "ة", "ى", " ", "،", "«"]


@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_the_quick_test_never_skips_a_sentence_that_has_a_term(pieces):
    """translate_texts skips protect() when may_occur_in says no term can be there."""
    sentence = "".join(pieces)
    if protect(sentence, GLOSSARY).renderings:
        assert GLOSSARY.may_occur_in(normalize_for_matching(sentence))


def test_the_quick_test_says_no_for_sentences_without_terms():
    assert not GLOSSARY.may_occur_in(normalize_for_matching("وصل الوفد إلى باريس صباح الخميس"))
    assert not Glossary({}).may_occur_in("اي جمله")


# --- restore on model output that changed the rendering --------------------------


def _protected(*renderings: str) -> ProtectedSentence:
    return ProtectedSentence("", "", renderings)


@pytest.mark.parametrize(
    ("model_output", "restored"),
    [
        ("the minister al-Shaibani said", "the minister al-Shaibani said"),
        ("the minister Al Shaibani said", "the minister al-Shaibani said"),
        ("the minister AL-SHAIBANI said", "the minister al-Shaibani said"),
        ("the minister al‐Shaibani said", "the minister al-Shaibani said"),
        ("the minister Shaibani said", "the minister al-Shaibani said"),
        ("the minister al-Shaybani said", "the minister al-Shaibani said"),
        ("Al-Shaibani said", "Al-Shaibani said"),
        ("al-Shaibani said", "Al-Shaibani said"),
        ("the minister said", "the minister said"),  # the model dropped the name: nothing to fix
    ],
)
def test_restore_fixes_what_the_model_changed(model_output, restored):
    assert restore(model_output, _protected("al-Shaibani")) == restored


def test_restore_leaves_other_words_alone():
    assert restore("Ron dermer met Shabani's brother", _protected("Ron Dermer")) == "Ron Dermer met Shabani's brother"
    assert restore("met Tom Barrack", _protected()) == "met Tom Barrack"


def test_invalid_entries_are_refused():
    with pytest.raises(ValueError, match="رون"):
        Glossary({"رون": " "})
