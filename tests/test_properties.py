"""Invariants of ingest that must hold for any input, checked with Hypothesis.

- `article_id`: whatever the file name, the id is URL-safe ([a-z0-9_-]), never
  empty, never climbs out of a folder, and is the same every time.
- `clean_article_text`: whatever the text, it never crashes and never invents
  text: every character of title, subtitle, body and what it removed comes from
  the input, but for whitespace and invisible characters (bidi controls, zero-width
  characters, control characters), which it may drop.
- `decode`: valid UTF-8 and UTF-16 with a byte-order mark are always read as they
  are, never taken for damaged text or another encoding.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.clean import clean_article_text, decode
from generator.ingest import article_id

URL_SAFE = re.compile(r"[a-z0-9_-]+")

file_names = st.one_of(
    st.text(),
    st.text(st.characters(categories=["Lu", "Ll", "Nd", "Zs", "Cs", "Lo", "Po", "Pd"])),  # Cs: names in a foreign encoding
    st.text("abcXYZ019 ._-/\\"),
)


@given(file_names)
@settings(max_examples=400)
@example("../../etc")
@example("..")
@example(".")
@example("")
@example("\udcff\udcfe")
@example("K")  # KELVIN SIGN: lower() makes it ASCII
@example("a" * 200)
def test_article_ids_are_url_safe_never_empty_and_stable(stem: str):
    made = article_id(stem)
    assert URL_SAFE.fullmatch(made), made
    assert ".." not in made and "/" not in made
    assert made == article_id(stem)


@given(st.from_regex(r"[a-z0-9][a-z0-9_-]{0,80}", fullmatch=True))
def test_ids_already_url_safe_are_kept(stem: str):
    assert article_id(stem) == stem


ARABIC_WORDS = ["قال", "الوزير", "إن", "اللقاء", "في", "باريس", "كان", "مثمرا", "وأضاف", "الشيباني", "ديرمر", "،", "؟", "."]
PAGE_FURNITURE = ["Spread the love", "قد يعجبك ايضا", "شارك", "اقرأ أيضاً", "بقلم: عادل كرّوم", "adel karroum", "John Smith"]
INVISIBLE = ["\u202e", "\u202d", "\u2066", "\u2069", "\u200b", "\u200f", "\ufeff", "\u00ad", "\x07", "\x1b", "\x00", "\ud800"]
LINE_BREAKS = ["\n", "\n\n", "\r\n", "\r", "\u2028", "\x0c", "\x85"]

news_lines = st.lists(
    st.one_of(
        st.lists(st.sampled_from(ARABIC_WORDS + INVISIBLE), max_size=12).map(" ".join),
        st.sampled_from(PAGE_FURNITURE),
        st.builds(lambda name, words: name + " ".join(words), st.sampled_from(PAGE_FURNITURE),
                  st.lists(st.sampled_from(ARABIC_WORDS), max_size=5)),  # a name glued to a line
        st.text(max_size=30),
    ),
    max_size=10,
)
article_texts = st.one_of(
    st.builds(lambda lines, breaks: "".join(line + breaks[i % len(breaks)] for i, line in enumerate(lines)),
              news_lines, st.lists(st.sampled_from(LINE_BREAKS), min_size=1, max_size=3)),
    st.text(),
)


def visible_characters(text: str) -> Counter:
    """Characters a reader sees: not whitespace, not control, format (bidi, zero-width) or surrogate characters."""
    return Counter(c for c in text if not c.isspace() and unicodedata.category(c) not in ("Cc", "Cf", "Cs"))


@given(article_texts, st.one_of(st.none(), st.sampled_from(["لقاء باريس", "قال الوزير"])), st.booleans())
@settings(max_examples=500)
@example("adel karroumالشيباني يلتقي ديرمر\n\nالتقى الوزير نظيره في باريس.adel karroum", None, True)
@example("عنوان\n\nSpread the love\nعنوان\nبقلم: كاتب\nنص.", None, True)
def test_cleaning_never_crashes_and_never_invents_text(text: str, title: str | None, pasted: bool):
    cleaned = clean_article_text(text, title, pasted=pasted)

    taken_from_text = [cleaned.subtitle or "", cleaned.body, *cleaned.removed]
    if title is None:
        taken_from_text.append(cleaned.title)
    else:
        assert cleaned.title == title
    assert visible_characters("".join(taken_from_text)) <= visible_characters(text)
    if cleaned.author:
        assert any(cleaned.author in removed for removed in cleaned.removed)


@given(st.text().filter(lambda text: "\x00" not in text and not text.startswith("\ufeff")))
@settings(max_examples=300)
@example("لقاء «صريح» في باريس")
def test_valid_utf8_and_utf16_are_read_as_they_are(text: str):
    assert decode(text.encode("utf-8")) == text
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8")) == text
    assert decode(text.encode("utf-16")) == text


# A path of the site: folders, then a file (no folder is named like a file).
_SITE_PATH = st.builds(lambda folders, file: "/".join([*folders, file]),
                       st.lists(st.sampled_from(["ar", "en", "events", "articles", "assets", "a-b"]), max_size=3),
                       st.sampled_from(["x.html", "index.html", "style.css"]))


@given(_SITE_PATH, _SITE_PATH)
def test_links_between_pages_are_those_of_posixpath_relpath(page_path: str, target_path: str):
    import posixpath

    from generator.render import relative_url

    assert relative_url(page_path, target_path) == posixpath.relpath(target_path, posixpath.dirname(page_path) or ".")
