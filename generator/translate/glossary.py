"""Fixed English renderings of names and terms (the config's glossary).

Before translation, each glossary term found in an Arabic sentence is replaced
by its English rendering: translation models copy Latin-script words through,
so the rendering reaches the English output. After translation, renderings the
model changed a little (case, hyphen, a dropped "al-") are put back exactly.

Terms are found whatever the spelling variant (alef and hamza forms, ى/ي,
ة/ه, tashkeel, tatweel) and with an attached clitic: والشيباني, للشيباني.
"""
from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

import regex

from generator.analyze.normalize import normalize_for_matching, normalize_word

_WORD = regex.compile(r"[\p{L}\p{M}]+")
# One-letter clitics written attached to the next word: و (and), ف (so),
# ب (with, by), ل (to, for), ك (like), and two of them together.
_CLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
# Before a Latin-script word these are written with a tatweel: لـ Google.
_JOINING_CLITICS = ("ب", "ل", "ك")
# A one-word term shorter than this is not looked for behind a clitic:
# سام would match inside the name بسام.
_MIN_LETTERS_AFTER_CLITIC = 4
_ENGLISH_WORD = regex.compile(r"[\w'’-]+")
_ENGLISH_SEPARATOR = r"[\s\-‐‑–'’`]"
_FUZZY_MIN_RATIO = 0.8


@dataclass(frozen=True)
class Glossary:
    entries: Mapping[str, str] = field(default_factory=dict)  # Arabic term → English rendering

    def __post_init__(self) -> None:
        for term, rendering in self.entries.items():
            if not _WORD.search(term) or not rendering.strip():
                raise ValueError(f"glossary entry {term!r}: {rendering!r}: both the term and its rendering must have letters")

    @cached_property
    def _terms_by_first_word(self) -> dict[str, list[_Term]]:
        terms: dict[str, list[_Term]] = {}
        for term, rendering in self.entries.items():
            words = tuple(normalize_for_matching(w) for w in _WORD.findall(term))
            terms.setdefault(words[0], []).append(_Term(words, rendering.strip()))
        return terms

    def may_occur_in(self, folded_sentence: str) -> bool:
        """False when no term can be in the sentence (given as normalize_for_matching folds it):
        a quick test that spares most sentences the word-by-word search of protect."""
        return self._first_words.search(folded_sentence) is not None

    @cached_property
    def _first_words(self) -> regex.Pattern[str]:
        # A term's first word, less the alef of its article: ل + الشيباني is written للشيباني.
        needles = sorted({word[1:] if word.startswith("ال") else word for word in self._terms_by_first_word})
        return regex.compile("|".join(map(regex.escape, needles)) if needles else r"(?!)")

    def readings(self, folded_word: str) -> tuple[tuple[str, _Term], ...]:
        """(clitic, term) for each term that may start at this word; remembered, as a build asks
        about the same words again and again."""
        known = self._readings.get(folded_word)
        if known is None:
            known = self._readings[folded_word] = tuple(
                (clitic, term)
                for clitic, stem in _clitic_splits(folded_word)
                for term in self._terms_by_first_word.get(stem, ())
                if not clitic or term.may_follow_clitic
            )
        return known

    @cached_property
    def _readings(self) -> dict[str, tuple[tuple[str, _Term], ...]]:
        return {}


@dataclass(frozen=True)
class _Term:
    words: tuple[str, ...]  # folded with normalize_for_matching
    rendering: str

    @property
    def may_follow_clitic(self) -> bool:
        return len(self.words) > 1 or len(self.words[0]) >= _MIN_LETTERS_AFTER_CLITIC


@dataclass(frozen=True)
class ProtectedSentence:
    original: str  # the Arabic sentence
    source: str  # what to give the model: the sentence with renderings in place of terms
    renderings: tuple[str, ...]  # the renderings put in, in order


@dataclass(frozen=True)
class _Match:
    first: int  # index of the first word
    count: int  # number of words
    clitic: str  # folded clitic letters attached to the first word
    rendering: str


def protect(sentence: str, glossary: Glossary) -> ProtectedSentence:
    """Put the glossary's English renderings in place of the terms in sentence."""
    words = list(_WORD.finditer(sentence))
    folded = [normalize_word(w.group()) for w in words]
    pieces, renderings = [], []
    end = 0
    i = 0
    while i < len(words):
        match = _longest_match(glossary, sentence, words, folded, i)
        if match is None:
            i += 1
            continue
        first, last = words[match.first], words[match.first + match.count - 1]
        clitic = _original_prefix(first.group(), match.clitic)
        pieces += [sentence[end : first.start()], _clitic_before_latin(clitic), match.rendering]
        renderings.append(match.rendering)
        end = last.end()
        i += match.count
    pieces.append(sentence[end:])
    return ProtectedSentence(sentence, "".join(pieces), tuple(renderings))


def restore(translation: str, protected: ProtectedSentence) -> str:
    """The translation with every rendering written exactly as in the glossary.

    A rendering that starts a sentence gets a capital letter (al-Shaibani →
    Al-Shaibani), as English spelling wants.
    """
    text = translation
    for rendering in dict.fromkeys(protected.renderings):
        text = _with_exact_rendering(text, rendering)
    if text and any(text.startswith(r) for r in protected.renderings):
        text = text[0].upper() + text[1:]
    return text


# --- finding terms in Arabic ----------------------------------------------------


def _longest_match(
    glossary: Glossary, sentence: str, words: list[regex.Match], folded: list[str], i: int
) -> _Match | None:
    best = None
    for clitic, term in glossary.readings(folded[i]):
        if not _continues(term, sentence, words, folded, i):
            continue
        if best is None or (len(term.words), -len(clitic)) > (best.count, -len(best.clitic)):
            best = _Match(i, len(term.words), clitic, term.rendering)
    return best


def _clitic_splits(word: str) -> Iterator[tuple[str, str]]:
    """(clitic, stem) readings of a folded word, the word itself first."""
    yield "", word
    for clitic in _CLITICS:
        stem = word[len(clitic) :]
        if word.startswith(clitic) and len(stem) > 1:
            yield clitic, stem
            if clitic.endswith("ل") and stem.startswith("ل"):
                # ل before the article drops its alef: ل + الشيباني = للشيباني
                yield clitic, "ا" + stem


def _continues(term: _Term, sentence: str, words: list[regex.Match], folded: list[str], i: int) -> bool:
    """Whether the term's other words follow word i, separated by spaces only."""
    n = len(term.words)
    if i + n > len(words):
        return False
    for k in range(1, n):
        gap = sentence[words[i + k - 1].end() : words[i + k].start()]
        if not gap.isspace() or folded[i + k] != term.words[k]:
            return False
    return True


def _original_prefix(word: str, folded_prefix: str) -> str:
    """The start of word (as written, marks included) that folds to folded_prefix."""
    if not folded_prefix:
        return ""
    longest = ""
    for end in range(1, len(word)):
        if normalize_for_matching(word[:end]) == folded_prefix:
            longest = word[:end]
    return longest


def _clitic_before_latin(clitic: str) -> str:
    if not clitic:
        return ""
    letters = clitic.rstrip("\u0640")
    joined = letters + "\u0640" if normalize_for_matching(letters)[-1:] in _JOINING_CLITICS else letters
    return joined + " "


# --- putting renderings back in English -------------------------------------------


def _with_exact_rendering(text: str, rendering: str) -> str:
    variants = _variant_pattern(rendering)
    fixed, count = variants.subn(lambda _: rendering, text)
    if count:
        return fixed
    span = _closest_span(text, rendering)
    if span is None:
        return text
    start, end = span
    return text[:start] + rendering + text[end:]


def _variant_pattern(rendering: str) -> regex.Pattern:
    """The rendering, whatever its case and the hyphens, spaces or apostrophes between its parts."""
    parts = [regex.escape(p) for p in regex.split(_ENGLISH_SEPARATOR + "+", rendering) if p]
    return regex.compile(r"(?<!\w)" + (_ENGLISH_SEPARATOR + "*").join(parts) + r"(?!\w)", regex.IGNORECASE)


def _closest_span(text: str, rendering: str) -> tuple[int, int] | None:
    """The run of words in text most like rendering (a misspelt name), if one is close enough."""
    words = list(_ENGLISH_WORD.finditer(text))
    size = len(_ENGLISH_WORD.findall(rendering))
    target = rendering.lower()
    best, best_ratio = None, _FUZZY_MIN_RATIO
    for count in range(max(1, size - 1), size + 2):
        for first in range(len(words) - count + 1):
            start, end = words[first].start(), words[first + count - 1].end()
            ratio = difflib.SequenceMatcher(None, text[start:end].lower(), target).ratio()
            if ratio > best_ratio:
                best, best_ratio = (start, end), ratio
    return best
