"""The words of a sentence, and its clauses as a reader would quote them."""
from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import chain

import regex

from generator.analyze.entities import QUOTE_MARKS, Token, lexicon, stems, tokenize


@dataclass(frozen=True)
class Words:
    """A sentence's tokens, with the stems of each word (particles off) computed once."""

    text: str
    tokens: tuple[Token, ...]
    stems: tuple[tuple[str, ...], ...]  # empty for punctuation
    _each_has: dict[frozenset[str], tuple[bool, ...]] = field(default_factory=dict, compare=False, repr=False)

    def has(self, i: int, words: frozenset[str]) -> bool:
        return not words.isdisjoint(self.stems[i])

    def each_has(self, words: frozenset[str]) -> tuple[bool, ...]:
        """has(i, words) of every token, for the lexicons looked up in each word of a sentence,
        some more than once. Most sentences have no word of most lexicons: a set test says so."""
        found = self._each_has.get(words)
        if found is None:
            if not self.mentions(words):
                found = (False,) * len(self.stems)
            else:
                found = tuple([not words.isdisjoint(stems) for stems in self.stems])
            self._each_has[words] = found
        return found

    def mentions(self, words: frozenset[str]) -> bool:
        """Whether any token has a stem in `words`."""
        return not words.isdisjoint(self._every_stem)

    @cached_property
    def _every_stem(self) -> frozenset[str]:
        return frozenset(chain.from_iterable(self.stems))

    def stem_in(self, i: int, words: Collection[str]) -> str | None:
        return next(filter(words.__contains__, self.stems[i]), None)


@lru_cache(maxsize=4096)
def words_of(text: str) -> Words:
    tokens = tuple(tokenize(text))
    return Words(text, tokens, tuple([stems(t.norm) if t.kind == "word" else () for t in tokens]))


NO_MARKS = {ord(mark): None for mark in QUOTE_MARKS}


FUNCTION_WORDS = lexicon(
    "في من إلى على عن مع أن إن أنه أنها هذا هذه ذلك تلك التي الذي الذين ما لا لم لن قد لقد"
    " كان كانت تم هو هي هم بين حول بعد قبل خلال منذ عند كما أي كل أيضا حين وفي وقد ثم أو"
)


# Clauses: the words between punctuation marks, as a reader would quote them.
_CLAUSE_BREAKS = frozenset("،,؛;:.!?؟()[]") | frozenset(QUOTE_MARKS)
_PHRASE_TOKENS = 12


def breaks(tokens: Sequence[Token], i: int) -> bool:
    """Whether tokens[i] ends a clause; the point or comma of 6.2 or 2,000 does not."""
    if tokens[i].text not in _CLAUSE_BREAKS:
        return False
    return not (0 < i < len(tokens) - 1 and glued_digits(tokens[i - 1], tokens[i], tokens[i + 1]))


COMMAS = frozenset(",٬،")  # 1،72 درهم: the Arabic comma is a separator too
SEPARATORS = COMMAS | frozenset(".٫")


def glued_digits(before: Token, mark: Token, after: Token) -> bool:
    return mark.text in SEPARATORS and (digits_of(before.norm) or "").isdigit() and after.norm.isdigit() \
        and before.end == mark.start and mark.end == after.start


def clause_around(words: Words, at: int) -> str:
    """The clause around tokens[at] as written, cut to a few words around it when long."""
    tokens = words.tokens
    start = at
    while start > 0 and not breaks(tokens, start - 1):
        start -= 1
    end = at
    while end + 1 < len(tokens) and not breaks(tokens, end + 1):
        end += 1
    cut_start, cut_end = start, end
    if end - start + 1 > _PHRASE_TOKENS:
        cut_start = max(start, at - _PHRASE_TOKENS // 2)
        cut_end = min(end, cut_start + _PHRASE_TOKENS - 1)
    phrase = words.text[tokens[cut_start].start:tokens[cut_end].end]
    return ("… " if cut_start > start else "") + phrase + (" …" if cut_end < end else "")


def word_positions(words: Words, at: int, step: int, limit: int) -> Iterator[int]:
    """Word tokens from `at` in one direction, within the clause, at most `limit` of them."""
    tokens = words.tokens
    i = at + step
    while 0 <= i < len(tokens) and limit > 0 and not breaks(tokens, i):
        if tokens[i].kind == "word":
            yield i
            limit -= 1
        i += step


# The Saudi Press Agency's wire writes a decimal as its digits reversed around ر: 9ر10 is 10.9.
_WIRE_DECIMAL = regex.compile(r"(\d+)ر(\d+)")
# Particles and the article written onto a figure: بـ62، و13، الـ400، والـ15
_ON_DIGITS = regex.compile(r"(?:[وف]?(?:ال|بال|لل|[بل])|[وف])(?=\d)")


def digits_of(norm: str) -> str | None:
    """The digits of a token that is a number, a particle attached or not (بـ62، الـ400), or a wire's decimal (و25ر3)."""
    if norm.isdigit():
        return norm
    bare = norm[particle.end():] if (particle := _ON_DIGITS.match(norm)) else norm
    if bare.isdigit():
        return bare
    wire = _WIRE_DECIMAL.fullmatch(bare)
    return f"{wire[2]}.{wire[1]}" if wire else None
