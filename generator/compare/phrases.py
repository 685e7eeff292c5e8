"""Phrase tables (actor names, news concepts, countries) found in sentences with particles attached."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from generator.analyze.entities import DEFAULT_GAZETTEER, QUOTE_MARKS, Token, without_article, written_stem
from generator.analyze.normalize import normalize_for_matching
from generator.compare.words import Words

_NISBA_ENDINGS = ("يتين", "يتان", "يين", "يون", "يان", "يه", "ي")
_NOUN_ENDINGS = ("ات", "ين", "ون", "ان", "ا")  # sound plurals, duals, tanween alef
_NISBA = "-ي "  # marks the key of an adjective in -ي, which takes any of its endings
_BETWEEN_WORDS = frozenset(QUOTE_MARKS) | frozenset("-–—")  # scare quotes may stand between the words


def _phrase_word_key(norm: str) -> str:
    """The key of a word of a configured phrase: without article; an adjective in -ي by its stem."""
    base = without_article(norm)
    if base.endswith("يه") and len(base) >= 5:
        return _NISBA + base[:-2]
    if base.endswith("ي") and len(base) >= 4:
        return _NISBA + base[:-1]
    return base


def _without_particles(norm: str) -> list[str]:
    """The word, then without و/ف, without ب/ك/ل, and with ل + ال (written لل, once للل) undone."""
    found = [norm]
    rest = norm
    if rest[:1] in "وف" and len(rest) > 3:
        rest = rest[1:]
        found.append(rest)
    if rest[:1] in "بكل" and len(rest) > 3:
        found.append(rest[1:])
    if rest.startswith("لل") and len(rest) > 4:
        found.append(rest.lstrip("ل"))
    return found


@lru_cache(maxsize=1 << 17)
def _token_word_keys(norm: str, particles: bool) -> frozenset[str]:
    """Every key a written word may stand for: its forms without particles, article and endings."""
    keys = set()
    for rest in _without_particles(norm) if particles else [norm]:
        base = without_article(rest)
        keys.add(base)
        keys.update(_NISBA + base[:-len(e)] for e in _NISBA_ENDINGS if base.endswith(e) and len(base) - len(e) >= 3)
        keys.update(base[:-len(e)] for e in _NOUN_ENDINGS if base.endswith(e) and len(base) - len(e) >= 2)
    return frozenset(keys)


@dataclass(frozen=True)
class _Phrase:
    key: str  # actor or concept
    variant: str  # as configured
    word_keys: tuple[str, ...]
    definite: bool  # the first word has the article


@dataclass(frozen=True)
class _Match:
    phrase: _Phrase
    first: int  # token indexes, inclusive
    last: int


class PhraseMatcher:
    """Finds phrases in a sentence: the longest phrase wins; particles may be attached to the
    first word (وإسرائيل، لللكيان); an adjective in -ي takes any ending (إسرائيلية، إسرائيليين)."""

    def __init__(self, entries: Iterable[tuple[str, str]]):
        self._by_first_word: dict[str, list[_Phrase]] = {}
        for key, variant in dict.fromkeys(entries):
            words = normalize_for_matching(variant).split()
            if words:
                phrase = _Phrase(key, variant, tuple(map(_phrase_word_key, words)), without_article(words[0]) != words[0])
                self._by_first_word.setdefault(phrase.word_keys[0], []).append(phrase)
        self._may_start = _MayStart(frozenset(self._by_first_word))

    def find(self, words: Words) -> list[_Match]:
        tokens = words.tokens
        found = []
        end = 0  # the tokens before it are part of a match
        for i in self._openings(tokens):
            if i >= end and (match := self._longest_at(tokens, i)) is not None:
                found.append(match)
                end = match.last + 1
        return found

    def _openings(self, tokens: Sequence[Token]) -> list[int]:
        """The tokens that may start a phrase: a word whose keys include a phrase's first."""
        may_start = self._may_start
        return [i for i, token in enumerate(tokens) if token.kind == "word" and may_start[token.norm]]

    def _longest_at(self, tokens: Sequence[Token], i: int) -> _Match | None:
        keys = _token_word_keys(tokens[i].norm, True)
        found = [
            _Match(phrase, i, last)
            for key in keys
            for phrase in self._by_first_word.get(key, ())
            if (last := _match_rest(tokens, i, phrase.word_keys[1:])) is not None
        ]
        return min(found, key=lambda m: (-len(m.phrase.word_keys), m.phrase.key, m.phrase.variant), default=None)


class _MayStart(dict[str, bool]):
    """Word → whether its keys include the first word of a phrase. Every token of every sentence
    is tested, twice (names, keys): each word of the corpus is tested once."""

    def __init__(self, first_words: frozenset[str]):
        super().__init__()
        self._first_words = first_words

    def __missing__(self, norm: str) -> bool:
        found = self[norm] = not _token_word_keys(norm, True).isdisjoint(self._first_words)
        return found


def _match_rest(tokens: Sequence[Token], i: int, keys: Sequence[str]) -> int | None:
    """The last token of the words after tokens[i] that have these keys, if they follow."""
    for key in keys:
        i += 1
        while i < len(tokens) and tokens[i].text in _BETWEEN_WORDS:
            i += 1
        if i >= len(tokens) or tokens[i].kind != "word" or key not in _token_word_keys(tokens[i].norm, False):
            return None
    return i


@lru_cache(maxsize=8)
def names_matcher(table: tuple[tuple[str, tuple[str, ...]], ...]) -> PhraseMatcher:
    return PhraseMatcher((key, variant) for key, variants in table for variant in variants)


# Notions outlets word differently; shared ones count toward aligning two sentences.
_CONCEPTS = {
    "meeting": "اجتماع اجتمع اجتمعت اجتمعوا لقاء التقى التقت التقوا محادثات مباحثات مفاوضات مشاورات"
               " حوار قمة جولة",
    "mediation": "رعاية وساطة رعى يرعى توسط",
    "agreement": "اتفاق اتفاقية تفاهم تفاهمات صفقة تسوية",
    "security": "أمني الأمن",
    "military": "عسكري قوات الجيش جنود",
    "escalation": "تصعيد توتر توترات",
    "ceasefire": "هدنة تهدئة وقف إطلاق النار",
    "aid": "مساعدات إغاثة",
    "attack": "هجوم غارة قصف استهداف ضربة",
    "killed": "قتيل قتلى مقتل قتل قتلوا لقي لقوا حتفهم مصرع استشهد استشهاد شهيد شهداء",
    "wounded": "جريح جرحى إصابة إصابات مصاب أصيب أصيبوا",
    "withdrawal": "انسحاب انسحب",
    "south": "جنوب جنوبي",
    "north": "شمال شمالي",
    "border": "حدود حدودي",
    "statement": "بيان",
}


def _nisba(country: str) -> str:
    """The adjective of a country: مصر → مصري، الأردن → أردني، السعودية → سعودي."""
    base = country.removeprefix("ال")
    if base.endswith(("ية", "يا")):
        return base[:-1]
    return base.removesuffix("ا") + "ي"


_COUNTRIES = [name for name, kind in DEFAULT_GAZETTEER.items() if kind == "country" and " " not in name]


@lru_cache(maxsize=8)
def keys_matcher(table: tuple[tuple[str, tuple[str, ...]], ...]) -> PhraseMatcher:
    """Actors (&), concepts and countries (%): one key for each phrase, an actor's first."""
    actors = [("&" + key, variant) for key, variants in table for variant in variants]
    named = {normalize_for_matching(variant) for _, variant in actors}
    concepts = [("%" + key, word) for key, words in _CONCEPTS.items() for word in words.split()]
    countries = [("%" + name, form) for name in _COUNTRIES for form in (name, _nisba(name))]
    return PhraseMatcher([*actors, *((k, p) for k, p in concepts + countries if normalize_for_matching(p) not in named)])


def written_phrase(words: Words, match: _Match) -> str:
    """The phrase as written, particles dropped from its first word, its scare quotes kept."""
    tokens = words.tokens
    first, last = match.first, match.last
    before = first > 0 and tokens[first - 1].text in QUOTE_MARKS
    after = last + 1 < len(tokens) and tokens[last + 1].text in QUOTE_MARKS
    marks_inside = sum(1 for token in tokens[first:last + 1] if token.text in QUOTE_MARKS)
    if after and marks_inside % 2:
        last += 1  # الكيان “الإسرائيلي”
    elif before and after and not marks_inside:
        first, last = first - 1, last + 1  # “إسرائيل”
    word = tokens[match.first]
    head = words.text[tokens[first].start:word.start] + written_stem(word, _stem_of(word.norm, match.phrase))
    return head + words.text[word.end:tokens[last].end]


def _stem_of(norm: str, phrase: _Phrase) -> str:
    """The word without the particles in front of it; a definite variant keeps its article (لللكيان → الكيان)."""
    for rest in _without_particles(norm):
        if phrase.word_keys[0] in _token_word_keys(rest, False):
            return "ال" + rest if phrase.definite and rest != norm and not rest.startswith("ال") else rest
    return norm
