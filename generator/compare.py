"""Stage 5: compare how the outlets of one event reported it.

Nothing here is generated text. Every point is a sentence of an article, kept as
(article id, sentence index) so the page links to its place, and every phrase in
the claim matrix is a clause of such a sentence, as written.

- Alignment: sentences of different articles that report the same point, by the
  cosine of character n-gram TF-IDF vectors of their normalized words joined with
  a vector of keys they share: entities, numbers, actors of the terminology table
  and a few news concepts that outlets word differently (اجتماع / لقاء, برعاية /
  بوساطة).
- Claims: what each article says about the outcome of talks, durations and counts,
  dates, and statements one article negates; the claim matrix puts them side by
  side (reports / contradicts / silent) and contradictions are its rows where
  articles disagree.
- Word choice: the names each article uses for the actors of the terminology
  table, as written, with the scare quotes found by the analysis.
- Confirmed quotes: the same words of the same speaker printed by several articles.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from itertools import chain, count
from typing import Literal, TypeVar

import numpy as np
import regex
from scipy import sparse

from generator.analyze.analysis import ArticleAnalysis
from generator.analyze.entities import (
    DEFAULT_GAZETTEER,
    QUOTE_MARKS,
    REPORTING_PARTICIPLES,
    REPORTING_VERBS,
    CitedSource,
    Token,
    is_one_of,
    lexicon,
    noun_phrase,
    stems,
    tokenize,
    without_article,
    written_stem,
)
from generator.analyze.normalize import normalize_for_matching
from generator.analyze.tfidf import idf, l2_normalized, sublinear_tfidf
from generator.analyze.quotes import FramingMark, Quote
from generator.config import Actor, Bilingual
from generator.group import EventGroup
from generator.ingest import Article

Stance = Literal["reports", "contradicts", "silent"]
ClaimTopic = Literal["outcome", "duration", "count", "date", "statement"]  # interface strings claim_topic_…
ContradictionKind = Literal["polarity", "number", "date", "outcome"]
MAX_CLAIM_ROWS = 20  # claims shown in an event's matrix; the seeds' event has 7


# --- What the comparison holds -------------------------------------------------------


@dataclass(frozen=True)
class SentenceRef:
    article_id: str
    sentence_index: int
    text: str  # the sentence as written; for a confirmed quote, the quoted words


@dataclass(frozen=True)
class SharedPoint:
    refs: tuple[SentenceRef, ...]  # one aligned sentence per reporting article (≥ 2), in event order


@dataclass(frozen=True)
class Evidence:
    ref: SentenceRef
    phrase: str  # the clause of the sentence that makes the claim, as written
    # Where ref.text says what is compared (the figure and its noun, the date, the outcome, the
    # negation and the word it negates): (start, end) character offsets, in order; in a contradiction
    # of two figures of one sentence, both.
    marked: tuple[tuple[int, int], ...]

    @property
    def marked_words(self) -> tuple[str, ...]:
        return tuple(self.ref.text[start:end] for start, end in self.marked)


@dataclass(frozen=True)
class ClaimCell:
    stance: Stance
    evidence: tuple[Evidence, ...]  # empty when silent


@dataclass(frozen=True)
class ClaimRow:
    topic: ClaimTopic
    kind: ContradictionKind
    claim: Evidence  # the statement the row is about, as the first article to make it puts it
    cells: Mapping[str, ClaimCell]  # every article of the event → what it says about the claim


@dataclass(frozen=True)
class ClaimMatrix:
    article_ids: tuple[str, ...]  # the columns, in event order
    rows: tuple[ClaimRow, ...]  # the most telling MAX_CLAIM_ROWS, contested ones first
    omitted: int = 0  # rows left out: fewer outlets take a side on them


@dataclass(frozen=True)
class Contradiction:
    topic: ClaimTopic
    claims: tuple[Evidence, ...]  # one statement per article taking a side, in event order
    kind: ContradictionKind
    against: tuple[str, ...]  # the articles whose statement contradicts the first one's


@dataclass(frozen=True)
class TermUse:
    text: str  # as written, particles dropped, scare quotes kept: 'الكيان “الإسرائيلي”'
    variant: str  # the configured variant it matches
    sentence_indexes: tuple[int, ...]  # where the body uses it
    in_title: bool
    framed: bool  # in scare quotes (a framing mark of the analysis)
    quoted: bool  # only inside someone's quoted words, never in the outlet's own


@dataclass(frozen=True)
class TermChoice:
    actor: str  # key of the terminology table
    label: Bilingual
    by_article: Mapping[str, tuple[TermUse, ...]]  # every article of the event; () when it never names the actor


@dataclass(frozen=True)
class ConfirmedQuote:
    speaker: str  # the fullest form the articles give
    refs: tuple[SentenceRef, ...]  # one per article, text = the quoted words as it printed them


@dataclass(frozen=True)
class Comparison:
    event_slug: str
    shared: tuple[SharedPoint, ...]
    unique: Mapping[str, tuple[SentenceRef, ...]]  # article id → summary sentences no other article reports
    contradictions: tuple[Contradiction, ...]
    claim_matrix: ClaimMatrix
    terminology: tuple[TermChoice, ...]
    cited_sources: Mapping[str, tuple[CitedSource, ...]]
    confirmed_quotes: tuple[ConfirmedQuote, ...]

    @property
    def compared(self) -> bool:
        """Whether there was anything to compare: more than one article."""
        return len(self.claim_matrix.article_ids) > 1

    def texts(self) -> list[str]:
        """Every Arabic text the comparison template shows, for the translate stage."""
        texts = [ref.text for point in self.shared for ref in point.refs]
        texts += [ref.text for refs in self.unique.values() for ref in refs]
        texts += [text for contradiction in self.contradictions for claim in contradiction.claims
                  for text in (claim.ref.text, *claim.marked_words)]
        for row in self.claim_matrix.rows:
            texts.append(row.claim.phrase)
            texts += [evidence.phrase for cell in row.cells.values() for evidence in cell.evidence]
        texts += [use.text for choice in self.terminology for uses in choice.by_article.values() for use in uses]
        texts += [source.name for sources in self.cited_sources.values() for source in sources]
        texts += [text for quote in self.confirmed_quotes for text in (quote.refs[0].text, quote.speaker)]
        return list(dict.fromkeys(texts))


def compare_event(
    event: EventGroup,
    articles: Mapping[str, Article],
    analyses: Mapping[str, ArticleAnalysis],
    terminology: Mapping[str, Actor],
) -> Comparison:
    ids = event.article_ids
    table = tuple((key, actor.label, tuple(actor.variants)) for key, actor in terminology.items())
    actors = tuple((key, variants) for key, _, variants in table)
    names = _names_matcher(actors)
    choices = _word_choices(ids, articles, analyses, table, names)
    sources = {article_id: analyses[article_id].cited_sources for article_id in ids}
    if len(ids) < 2:
        empty = {article_id: () for article_id in ids}
        return Comparison(event.slug, (), empty, (), ClaimMatrix(ids, ()), choices, sources, ())

    sentences = _event_sentences(ids, analyses, _keys_matcher(actors))
    similarity = _similarity(sentences)
    aligned = _aligned_pairs(sentences, similarity)
    rows = _claim_rows(ids, sentences, similarity, aligned)
    opposed = _opposed_pairs(rows, sentences)
    points = _shared_points(sentences, similarity, aligned, opposed)
    # A point only one outlet's reports share (its morning and evening reports of one fact) is that
    # outlet's own: the reader compares outlets.
    outlet = {article_id: articles[article_id].compared_as for article_id in ids}
    shared: list[SharedPoint] = []
    own: list[SharedPoint] = []
    for point in points:
        (shared if len({outlet[ref.article_id] for ref in point.refs}) > 1 else own).append(point)
    shown = _most_telling(rows)
    return Comparison(
        event_slug=event.slug,
        shared=tuple(shared),
        unique=_unique_points(ids, sentences, shared, own, opposed),
        # Two figures of one pair of sentences that differ (the loss and the points) are one contradiction to read.
        contradictions=_contradictions(row for row in shown if _contested(row)),
        claim_matrix=ClaimMatrix(ids, shown, len(rows) - len(shown)),
        terminology=choices,
        cited_sources=sources,
        confirmed_quotes=_confirmed_quotes(ids, analyses, outlet),
    )


# --- Words of a sentence ------------------------------------------------------------------


@dataclass(frozen=True)
class _Words:
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
def _words_of(text: str) -> _Words:
    tokens = tuple(tokenize(text))
    return _Words(text, tokens, tuple([stems(t.norm) if t.kind == "word" else () for t in tokens]))


# --- Phrase tables: actor names and news concepts, found with particles attached -------

_NISBA_ENDINGS = ("يتين", "يتان", "يين", "يون", "يان", "يه", "ي")
_NOUN_ENDINGS = ("ات", "ين", "ون", "ان", "ا")  # sound plurals, duals, tanween alef
_NISBA = "-ي "  # marks the key of an adjective in -ي, which takes any of its endings
_BETWEEN_WORDS = frozenset(QUOTE_MARKS) | frozenset("-–—")  # scare quotes may stand between the words


def _bare(norm: str) -> str:
    return norm[2:] if norm.startswith("ال") and len(norm) > 3 else norm


def _phrase_word_key(norm: str) -> str:
    """The key of a word of a configured phrase: without article; an adjective in -ي by its stem."""
    base = _bare(norm)
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
        base = _bare(rest)
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


class _PhraseMatcher:
    """Finds phrases in a sentence: the longest phrase wins; particles may be attached to the
    first word (وإسرائيل، لللكيان); an adjective in -ي takes any ending (إسرائيلية، إسرائيليين)."""

    def __init__(self, entries: Iterable[tuple[str, str]]):
        self._by_first_word: dict[str, list[_Phrase]] = {}
        for key, variant in dict.fromkeys(entries):
            words = normalize_for_matching(variant).split()
            if words:
                phrase = _Phrase(key, variant, tuple(map(_phrase_word_key, words)), _bare(words[0]) != words[0])
                self._by_first_word.setdefault(phrase.word_keys[0], []).append(phrase)
        self._may_start = _MayStart(frozenset(self._by_first_word))

    def find(self, words: _Words) -> list[_Match]:
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
def _names_matcher(table: tuple[tuple[str, tuple[str, ...]], ...]) -> _PhraseMatcher:
    return _PhraseMatcher((key, variant) for key, variants in table for variant in variants)


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
    "killed": "قتيل قتلى مقتل قتل قتلوا لقي لقوا حتفهم مصرع",
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
def _keys_matcher(table: tuple[tuple[str, tuple[str, ...]], ...]) -> _PhraseMatcher:
    """Actors (&), concepts and countries (%): one key for each phrase, an actor's first."""
    actors = [("&" + key, variant) for key, variants in table for variant in variants]
    named = {normalize_for_matching(variant) for _, variant in actors}
    concepts = [("%" + key, word) for key, words in _CONCEPTS.items() for word in words.split()]
    countries = [("%" + name, form) for name in _COUNTRIES for form in (name, _nisba(name))]
    return _PhraseMatcher([*actors, *((k, p) for k, p in concepts + countries if normalize_for_matching(p) not in named)])


def _written_phrase(words: _Words, match: _Match) -> str:
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


# --- Word choice ------------------------------------------------------------------------


def _word_choices(
    ids: Sequence[str],
    articles: Mapping[str, Article],
    analyses: Mapping[str, ArticleAnalysis],
    table: Sequence[tuple[str, Bilingual, tuple[str, ...]]],
    names: _PhraseMatcher,
) -> tuple[TermChoice, ...]:
    uses = {article_id: _term_uses(articles[article_id].title, analyses[article_id], names) for article_id in ids}
    choices = []
    for key, label, _ in table:
        by_article = {article_id: uses[article_id].get(key, ()) for article_id in ids}
        if any(by_article.values()):
            choices.append(TermChoice(key, label, by_article))
    return tuple(choices)


@dataclass
class _UseTally:
    actor: str
    text: str
    variant: str
    framed: bool
    sentence_indexes: list[int] = field(default_factory=list)
    in_title: bool = False
    quoted: bool = True


def _term_uses(title: str, analysis: ArticleAnalysis, names: _PhraseMatcher) -> dict[str, tuple[TermUse, ...]]:
    """Actor key → the names the article uses for it, in order of first use (title first)."""
    tallies: dict[tuple[str, str, bool], _UseTally] = {}
    places: list[tuple[int | None, str, Sequence[FramingMark], Sequence[Quote]]] = [
        (None, title, analysis.title_framing, ())
    ]
    framing_at, quotes_at = _by_sentence(analysis.framing), _by_sentence(analysis.quotes)
    places += [(s.index, s.text, framing_at.get(s.index, []), quotes_at.get(s.index, [])) for s in analysis.sentences]
    for index, text, framing, quotes in places:
        words = _words_of(text)
        for match in names.find(words):
            written = _written_phrase(words, match)
            framed = _is_framed(written, framing)
            phrase = match.phrase
            tally = tallies.setdefault((phrase.key, phrase.variant, framed),
                                       _UseTally(phrase.key, written, phrase.variant, framed))
            if index is None:
                tally.in_title = True
            elif index not in tally.sentence_indexes:
                tally.sentence_indexes.append(index)
            start, end = words.tokens[match.first].start, words.tokens[match.last].end
            tally.quoted = tally.quoted and _inside_quote(text, start, end, quotes)
    by_actor: dict[str, list[TermUse]] = {}
    for t in tallies.values():
        use = TermUse(t.text, t.variant, tuple(t.sentence_indexes), t.in_title, t.framed, t.quoted)
        by_actor.setdefault(t.actor, []).append(use)
    return {actor: tuple(found) for actor, found in by_actor.items()}


_Placed = TypeVar("_Placed", FramingMark, Quote)


def _by_sentence(found: Iterable[_Placed]) -> dict[int, list[_Placed]]:
    by_index: dict[int, list[_Placed]] = {}
    for item in found:
        by_index.setdefault(item.sentence_index, []).append(item)
    return by_index


_NO_MARKS = {ord(mark): None for mark in QUOTE_MARKS}


def _is_framed(written: str, framing: Iterable[FramingMark]) -> bool:
    """Written with quotation marks that the analysis read as scare quotes."""
    bare = written.translate(_NO_MARKS)
    if bare == written:
        return False
    words = set(normalize_for_matching(bare).split())
    return any(set(normalize_for_matching(mark.text).split()) <= words for mark in framing)


def _inside_quote(text: str, start: int, end: int, quotes: Iterable[Quote]) -> bool:
    for quote in quotes:
        at = text.find(quote.text)
        if at != -1 and at <= start and end <= at + len(quote.text):
            return True
    return False


# --- Sentences of the event and their similarity -------------------------------------------


@dataclass(frozen=True)
class _Sentence:
    ref: SentenceRef
    article: int  # position of its article in the event
    words: _Words
    keys: frozenset[str]  # entities (@), numbers (#), actors (&), concepts and countries (%)
    in_summary: bool
    lead: bool  # the first statement of its article (after any caption or byline)
    numbers: tuple[_Quantity, ...]
    lead_days: frozenset[str]  # the weekdays its article's first sentences name: the day it reports

    @cached_property
    def polarities(self) -> dict[str, tuple[int, int]]:
        return _polarities(self.words)

    @cached_property
    def negates_anything(self) -> bool:
        """Looked up for every statement of every aligned pair the sentence is in: scanned once."""
        return _negates_anything(self.words)

    @cached_property
    def dates(self) -> dict[str, int]:
        return _dates(self.words)

    @cached_property
    def days(self) -> frozenset[str]:
        """The weekdays of what the sentence reports: its own, else its article's."""
        return _weekdays(self.dates) or self.lead_days


# The sentences of an article that say which day it reports (أغلق المؤشر … في تعاملات اليوم الخميس): its
# later ones give that day's figures without naming it.
_LEAD_SENTENCES = 2


def _event_sentences(ids: Sequence[str], analyses: Mapping[str, ArticleAnalysis],
                     matcher: _PhraseMatcher) -> list[_Sentence]:
    sentences = []
    for position, article_id in enumerate(ids):
        analysis = analyses[article_id]
        entity_keys: dict[int, set[str]] = {}
        for entity in analysis.entities:
            # Citing the same outlet is not reporting the same point; countries are keys of their own.
            if entity.kind not in ("media", "country"):
                for index in entity.mentions:
                    entity_keys.setdefault(index, set()).add("@" + normalize_for_matching(entity.name))
        summary = set(analysis.summary)
        lead_days = frozenset(chain.from_iterable(_weekdays(_dates(_words_of(sentence.text)))
                                                  for sentence in analysis.sentences[:_LEAD_SENTENCES]))
        statements = analysis.statements
        for sentence in statements:
            words = _words_of(sentence.text)
            keys = set(entity_keys.get(sentence.index, ()))
            keys |= {m.phrase.key for m in matcher.find(words)}
            numbers = tuple(_numbers(words))
            keys |= {f"#{_number_text(q.value)} {q.unit}" for q in numbers}
            ref = SentenceRef(article_id, sentence.index, sentence.text)
            sentences.append(_Sentence(ref, position, words, frozenset(keys), sentence.index in summary,
                                       sentence is statements[0], numbers, lead_days))
    return sentences


# Weights of the two blocks of a sentence vector, tuned on the seeds, constructed cases and
# unrelated EASC articles (tests/test_compare.py): the wording, and the keys that survive rewording.
_TEXT_WEIGHT = 1.0
_KEYS_WEIGHT = 0.8
_OWN_KEY = 4.0
# Two reports of one event usually open with its core facts (the inverted pyramid).
_LEADS = 1.1
_FUNCTION_WORDS = lexicon(
    "في من إلى على عن مع أن إن أنه أنها هذا هذه ذلك تلك التي الذي الذين ما لا لم لن قد لقد"
    " كان كانت تم هو هي هم بين حول بعد قبل خلال منذ عند كما أي كل أيضا حين وفي وقد ثم أو"
)
_NOT_CONTENT = _FUNCTION_WORDS | REPORTING_VERBS | REPORTING_PARTICIPLES  # who said it is not what was said


_NGRAM_SIZES = (3, 4, 5)


def _content(words: _Words) -> list[str]:
    return [t.norm for t, other in zip(words.tokens, words.each_has(_NOT_CONTENT)) if t.kind == "word" and not other]


def _ngram_tfidf(documents: Sequence[list[str]]) -> sparse.csr_matrix:
    """TF-IDF of the character n-grams of each document's words (each distinct word cut once)."""
    vocabulary: dict[str, int] = {}
    words = [vocabulary.setdefault(word, len(vocabulary)) for document in documents for word in document]
    counts = _ones(_row_of_each(documents), words, (len(documents), len(vocabulary)))
    cuts = [_word_ngrams(word) for word in vocabulary]
    every_gram = list(chain.from_iterable(cuts))
    grams = dict(zip(dict.fromkeys(every_gram), count()))  # numbered in order of first occurrence
    cut = _ones(_row_of_each(cuts), list(map(grams.__getitem__, every_gram)), (len(cuts), len(grams)))
    return sublinear_tfidf(counts @ cut)


def _row_of_each(rows: Sequence[Sequence[str]]) -> np.ndarray:
    """The row of each item of the rows, one after the other."""
    return np.repeat(np.arange(len(rows)), [len(row) for row in rows])


def _ones(rows: np.ndarray, columns: list[int], shape: tuple[int, int]) -> sparse.csr_matrix:
    """A 1 at each (row, column), repeated ones added up. Arrays, not lists: scipy converts
    lists slowly, and these have an entry per word or n-gram of the event."""
    return sparse.csr_matrix((np.ones(len(columns)), (rows, np.array(columns))), shape=shape)


@lru_cache(maxsize=1 << 16)
def _word_ngrams(word: str) -> tuple[str, ...]:
    """The character n-grams of a word padded with spaces (the whole word if shorter)."""
    padded = f" {word} "
    return tuple(padded[start:start + size] for size in _NGRAM_SIZES for start in range(max(len(padded) - size + 1, 1)))


# The vectors are scikit-learn's (TfidfTransformer, TfidfVectorizer, normalize) to the last
# bit, without its import and per-call cost: smoothed idf, entries of a row kept in the
# order the features first occur, each row's norm summed in that order (as in summary.py).


def _key_idf(keys: Sequence[frozenset[str]]) -> sparse.csr_matrix:
    """Binary key vectors weighted by idf; columns in sorted key order."""
    first_seen = dict(zip(dict.fromkeys(chain.from_iterable(map(sorted, keys))), count()))
    column = dict(zip(sorted(first_seen), count()))
    indptr, indices = [0], []
    for row in keys:
        indices += map(column.__getitem__, sorted(row, key=first_seen.__getitem__))
        indptr.append(len(indices))
    shape = (len(keys), len(column))
    columns = np.asarray(indices, dtype=np.int32)
    return sparse.csr_matrix((idf(columns, shape)[columns], columns, np.asarray(indptr, dtype=np.int32)), shape=shape)


def _similarity(sentences: Sequence[_Sentence]) -> np.ndarray:
    """Cosine similarity of every pair of sentences of the event."""
    blocks = []
    documents = [_content(s.words) for s in sentences]
    if any(documents):
        blocks.append(_TEXT_WEIGHT * _ngram_tfidf(documents))
    if any(s.keys for s in sentences):
        keys = _key_idf([s.keys for s in sentences])
        # A key of its own for every sentence, that nothing else shares: one shared key out of
        # one (a number, a country) is weak evidence, not a perfect match.
        own = sparse.identity(len(sentences), format="csr") * _OWN_KEY
        blocks.append(_KEYS_WEIGHT * l2_normalized(sparse.hstack([keys, own], format="csr")))
    if not blocks:
        return np.zeros((len(sentences), len(sentences)))
    vectors = l2_normalized(sparse.hstack(blocks, format="csr"))
    similarity = (vectors @ vectors.T).toarray()
    leads = [k for k, s in enumerate(sentences) if s.lead]
    similarity[np.ix_(leads, leads)] *= _LEADS
    return similarity


# Two sentences of different articles at or above this similarity report the same point.
_ALIGNED = 0.28


def _aligned_pairs(sentences: Sequence[_Sentence], similarity: np.ndarray) -> list[tuple[int, int]]:
    """Pairs (i < j) of sentences of different articles that report the same point, best first."""
    article = np.array([s.article for s in sentences])
    rows, columns = np.nonzero(np.triu(similarity >= _ALIGNED, k=1) & (article[:, None] != article[None, :]))
    best_first = np.lexsort((columns, rows, -similarity[rows, columns]))
    return list(zip(rows[best_first].tolist(), columns[best_first].tolist()))


# --- Shared and unique points --------------------------------------------------------------


def _shared_points(sentences: Sequence[_Sentence], similarity: np.ndarray, aligned: Sequence[tuple[int, int]],
                   opposed: frozenset[tuple[int, int]]) -> tuple[SharedPoint, ...]:
    """Greedy average-linkage clustering of aligned sentences, at most one per article."""
    cluster_of: dict[int, int] = {}
    clusters: dict[int, list[int]] = {}
    for i, j in aligned:
        a, b = cluster_of.get(i, -1 - i), cluster_of.get(j, -1 - j)
        if a == b or (i, j) in opposed:
            continue
        left, right = clusters.get(a, [i]), clusters.get(b, [j])
        if {sentences[k].article for k in left} & {sentences[k].article for k in right}:
            continue
        if similarity[np.ix_(left, right)].mean() < _ALIGNED:
            continue
        merged = sorted(left + right)
        clusters.pop(a, None)
        clusters.pop(b, None)
        clusters[merged[0]] = merged
        cluster_of.update({k: merged[0] for k in merged})
    points = sorted(clusters.values(), key=lambda members: (-len(members), members))
    return tuple(SharedPoint(tuple(sentences[k].ref for k in members)) for members in points)


def _unique_points(ids: Sequence[str], sentences: Sequence[_Sentence], shared: Sequence[SharedPoint],
                   own: Sequence[SharedPoint], opposed: frozenset[tuple[int, int]]) -> Mapping[str, tuple[SentenceRef, ...]]:
    """Summary sentences that no other outlet reports and that are not a side of a contradiction; of
    a point several reports of one outlet share (own), its first report's sentence."""
    taken = {ref for point in shared for ref in point.refs} | {sentences[k].ref for pair in opposed for k in pair}
    taken |= {ref for point in own for ref in point.refs[1:]}
    unique: dict[str, list[SentenceRef]] = {article_id: [] for article_id in ids}
    for s in sentences:
        if s.in_summary and s.ref not in taken:
            unique[s.ref.article_id].append(s.ref)
    return {article_id: tuple(refs) for article_id, refs in unique.items()}


# --- Claims: outcome, quantities, dates, negated statements -------------------------------


@dataclass(frozen=True)
class _Claim:
    sentence: int  # index into the event's sentences
    topic: ClaimTopic
    kind: ContradictionKind
    phrase: str
    marked: tuple[tuple[int, int], ...]  # see Evidence.marked


def _claim(k: int, words: _Words, topic: ClaimTopic, kind: ContradictionKind, first: int, last: int,
           at: int | None = None) -> _Claim:
    """The claim of sentence k that tokens first to last make, in the clause around tokens[at] (first by default)."""
    tokens = words.tokens
    return _Claim(k, topic, kind, _clause(words, first if at is None else at), ((tokens[first].start, tokens[last].end),))


def _claim_rows(ids: Sequence[str], sentences: Sequence[_Sentence], similarity: np.ndarray,
                aligned: Sequence[tuple[int, int]]) -> tuple[ClaimRow, ...]:
    outcome = _outcome_row(ids, sentences)
    rows = [outcome] if outcome else []
    rows += _quantity_rows(ids, sentences, similarity)
    rows += _date_rows(ids, sentences, aligned)
    rows += _statement_rows(ids, sentences, aligned)
    return tuple(rows)


def _most_telling(rows: Sequence[ClaimRow]) -> tuple[ClaimRow, ...]:
    """The rows a reader should see: contradictions first, then the claims most outlets take a side on,
    in their order of the event. A big event yields hundreds of one-outlet figures; a page of all of
    them (megabytes, a table of thousands of cells) would hide the few that matter."""
    def telling(position: int) -> tuple[bool, int, int]:
        row = rows[position]
        sides = sum(cell.stance != "silent" for cell in row.cells.values())
        return (not _contested(row), -sides, position)

    kept = sorted(sorted(range(len(rows)), key=telling)[:MAX_CLAIM_ROWS])
    return tuple(rows[position] for position in kept)


def _row(ids: Sequence[str], sentences: Sequence[_Sentence], reference: Sequence[_Claim],
         others: Mapping[int, tuple[Stance, Sequence[_Claim]]]) -> ClaimRow:
    """A row: the claims of its first article, and what each other article (by position) says."""
    first = reference[0]
    cells: dict[str, ClaimCell] = dict.fromkeys(ids, _SILENT)  # a big event has dozens of articles and rows
    for position, (stance, claims) in [*others.items(), (sentences[first.sentence].article, ("reports", reference))]:
        cells[ids[position]] = ClaimCell(stance, tuple(_evidence(sentences, c) for c in claims))
    return ClaimRow(first.topic, first.kind, _evidence(sentences, first), cells)


_SILENT = ClaimCell("silent", ())  # most articles say nothing about most claims: one cell for all


def _evidence(sentences: Sequence[_Sentence], claim: _Claim) -> Evidence:
    return Evidence(sentences[claim.sentence].ref, claim.phrase, claim.marked)


def _contested(row: ClaimRow) -> bool:
    return any(cell.stance == "contradicts" for cell in row.cells.values())


def _contradictions(contested: Iterable[ClaimRow]) -> tuple[Contradiction, ...]:
    """One contradiction to read for each set of sentences: two figures that differ in one pair of
    sentences (the points lost and the level reached) are one, with both marked."""
    by_sentences: dict[tuple[object, ...], list[Contradiction]] = {}
    for row in contested:
        claims = tuple(cell.evidence[0] for cell in row.cells.values() if cell.evidence)
        against = tuple(article_id for article_id, cell in row.cells.items() if cell.stance == "contradicts")
        contradiction = Contradiction(row.topic, claims, row.kind, against)
        key = (row.topic, row.kind, against, *(claim.ref for claim in claims))
        by_sentences.setdefault(key, []).append(contradiction)
    return tuple(replace(same[0], claims=tuple(
        replace(claim, marked=tuple(sorted({span for other in same for span in other.claims[n].marked})))
        for n, claim in enumerate(same[0].claims))) for same in by_sentences.values())


def _opposed_pairs(rows: Sequence[ClaimRow], sentences: Sequence[_Sentence]) -> frozenset[tuple[int, int]]:
    """Pairs of sentences (event indexes, i < j) on opposite sides of a contradiction."""
    contested = [row for row in rows if _contested(row)]  # the other rows have one side
    where = {s.ref: k for k, s in enumerate(sentences)} if contested else {}
    pairs = set()
    for row in contested:
        sides: dict[str, set[int]] = {"reports": set(), "contradicts": set()}
        for cell in row.cells.values():
            if cell.stance != "silent":
                sides[cell.stance] |= {where[evidence.ref] for evidence in cell.evidence}
        pairs |= {(min(i, j), max(i, j)) for i in sides["reports"] for j in sides["contradicts"]}
    return frozenset(pairs)


# Clauses: the words between punctuation marks, as a reader would quote them.
_CLAUSE_BREAKS = frozenset("،,؛;:.!?؟()[]") | frozenset(QUOTE_MARKS)
_PHRASE_TOKENS = 12


def _breaks(tokens: Sequence[Token], i: int) -> bool:
    """Whether tokens[i] ends a clause; the point or comma of 6.2 or 2,000 does not."""
    if tokens[i].text not in _CLAUSE_BREAKS:
        return False
    return not (0 < i < len(tokens) - 1 and _glued_digits(tokens[i - 1], tokens[i], tokens[i + 1]))


_COMMAS = frozenset(",٬،")  # 1،72 درهم: the Arabic comma is a separator too
_SEPARATORS = _COMMAS | frozenset(".٫")


def _glued_digits(before: Token, mark: Token, after: Token) -> bool:
    return mark.text in _SEPARATORS and (_digits(before.norm) or "").isdigit() and after.norm.isdigit() \
        and before.end == mark.start and mark.end == after.start


def _clause(words: _Words, at: int) -> str:
    """The clause around tokens[at] as written, cut to a few words around it when long."""
    tokens = words.tokens
    start = at
    while start > 0 and not _breaks(tokens, start - 1):
        start -= 1
    end = at
    while end + 1 < len(tokens) and not _breaks(tokens, end + 1):
        end += 1
    cut_start, cut_end = start, end
    if end - start + 1 > _PHRASE_TOKENS:
        cut_start = max(start, at - _PHRASE_TOKENS // 2)
        cut_end = min(end, cut_start + _PHRASE_TOKENS - 1)
    phrase = words.text[tokens[cut_start].start:tokens[cut_end].end]
    return ("… " if cut_start > start else "") + phrase + (" …" if cut_end < end else "")


def _word_positions(words: _Words, at: int, step: int, limit: int) -> Iterator[int]:
    """Word tokens from `at` in one direction, within the clause, at most `limit` of them."""
    tokens = words.tokens
    i = at + step
    while 0 <= i < len(tokens) and limit > 0 and not _breaks(tokens, i):
        if tokens[i].kind == "word":
            yield i
            limit -= 1
        i += step


_NEGATORS = lexicon("لم لن لا ليس ليست لسنا دون بدون غير عدم بلا")
_DENYING_VERBS = lexicon("نفى نفت ينفي تنفي")  # which a subject may follow; نافيا وجود… takes the denied at once
_DENIALS = _DENYING_VERBS | lexicon("نافيا نافية")
# After these a negator negates no claim: لكي لا يعطي مبررًا ("so as not to give"), يحول دون حصول
# إيران ("prevents Iran from obtaining").
_NOT_NEGATING_AFTER = lexicon("كي لكي حتى حال يحول تحول يحولان الحيلولة")


_NEGATING_NOUNS = lexicon("عدم دون غير")  # which take a preposition: لعدم جاهزية الملاعب، بدون قيود
# ألا is أن لا ("that … not") in one word; written without its hamza, only before a verb (الا يواجه),
# since الا is mostly إلا.
_THAT_NOT = frozenset(particle + "ألا" for particle in ("", "و", "ف", "ب", "ل"))
_THAT_NOT_BARE = frozenset(particle + not_ for particle in ("", "و", "ف", "ب", "ل") for not_ in ("الا", "مالا"))
_IMPERFECT = ("ي", "ت", "ن")
_WRITTEN_ON = frozenset(map(normalize_for_matching, _THAT_NOT | _THAT_NOT_BARE))  # negators written onto a word
_MARKS = regex.compile(r"\p{M}")
# لا يزال، لم يزل: "still", which negates nothing (ما يزال says the same).
_STILL = lexicon("يزال تزال يزالون يزالان تزالان نزال أزال يزل تزل يزلن ينفك تنفك يبرح تبرح")
# لم يكن … غير وقفة، لا يوجد إلا: "nothing but", which affirms what follows.
_EXCEPT = lexicon("إلا غير سوى")
_VERBAL_NEGATORS = lexicon("لم لن لا ليس ليست ما")
_EXCEPT_REACH = 12  # words, within the clause: ولا يمكن ترشيح أو مشاركة أي فيلم سينمائي سعودي إلا عن طريقها


def _is_negator(norm: str) -> bool:
    bare = norm[1:] if norm[:1] in "وف" and norm[1:] in _NEGATORS | _NEGATING_NOUNS else norm
    return bare in _NEGATORS or bare[:1] in "بل" and bare[1:] in _NEGATING_NOUNS


def _negator_at(words: _Words, i: int) -> bool:
    """Whether tokens[i] negates what follows: a negator as written (لم، ولم، فلا), not a word that only
    ends like one (كلا: "both"), or ألا ("that not"); not in a purpose clause (كي لا); not غير before a
    word with the article, an adjective it makes (مكاتب غير المرخصة: "unlicensed offices", which says
    nothing is not); not دون after a verb of preventing (يحول دون); not "still" (لا يزال) or "nothing
    but" (لم يكن … غير وقفة)."""
    tokens = words.tokens
    following = list(_word_positions(words, i, 1, _EXCEPT_REACH))
    if tokens[i].kind != "word" or not (_is_negator(tokens[i].norm) or _that_not(tokens[i], following and tokens[following[0]])):
        return False
    previous = next(_word_positions(words, i, -1, 1), None)
    if previous is not None and is_one_of(tokens[previous], _NOT_NEGATING_AFTER):
        return False
    if is_one_of(tokens[i], _EXCEPT) and any(is_one_of(tokens[j], _VERBAL_NEGATORS)
                                             for j in _word_positions(words, i, -1, _EXCEPT_REACH)):
        return False  # the غير of لم يكن … غير وقفة
    if following and is_one_of(tokens[following[0]], _STILL):
        return False
    if is_one_of(tokens[i], _VERBAL_NEGATORS) and any(is_one_of(tokens[j], _EXCEPT) and not _that_not(tokens[j], None)
                                                      for j in following[1:]):
        return False
    return not (tokens[i].norm.endswith("غير") and following and tokens[following[0]].norm.startswith("ال"))


def _that_not(token: Token, following: Token | None) -> bool:
    """ألا (أن لا), الا and مالا (ما لا) before a verb: مالا يقل عن 30."""
    written = _MARKS.sub("", token.text)  # ألّا
    return written in _THAT_NOT or written in _THAT_NOT_BARE and following is not None \
        and following.norm.startswith(_IMPERFECT)


def _negation(words: _Words, at: int, reach: int = 3) -> int | None:
    """The token of a negator (لم، لن، لا، دون، عدم…) shortly before tokens[at], or of a denial verb in its clause."""
    before = _word_positions(words, at, -1, reach + 2)
    return next((i for distance, i in enumerate(before, start=1)
                 if words.has(i, _DENIALS) or distance <= reach and _negator_at(words, i)), None)


# --- outcome of the talks

_SUCCESS = lexicon(
    "نجاح نجح نجحت نجحوا ناجح ناجحة ناجحا حقق حققت حققنا حققوا حققا تحقق أثمر أثمرت مثمر مثمرة مثمرا"
    " اختراق اختراقا"
)
_REACHING = lexicon("توصل توصلت توصلوا توصلا التوصل أسفر أسفرت يسفر تسفر وصل وصلت وصلوا يصل تصل يصلوا الوصول")
_RESULTS = lexicon("اتفاق اتفاقات اتفاقية اتفاقيات تفاهم تفاهمات نتائج نتيجة صيغة حل تسوية")
_FAILURE = lexicon("فشل فشلت فشلوا الفشل فشلها تعثر تعثرت انهيار انهارت مسدود")
_PRELIMINARY = lexicon("أولية استكشافية تمهيدية")  # مشاورات أولية: talks that decided nothing
_TALKS = lexicon("محادثات مباحثات مشاورات مفاوضات لقاءات اجتماعات اتصالات")
# A goal, a hope or a possibility is not an outcome: بهدف التوصل، لضمان نجاح، تأمل أن ينجح.
_INTENT = lexicon(
    "بهدف هدف هدفه تهدف يهدف الرامية الرامي ضمان لضمان أجل سعيا لتحقيق تحقيق أمل تأمل يأمل نأمل آمل"
    " يجب ينبغي يمكن قد سبل تجنب تفادي"  # لتجنب الإفلاس وانهيار: what the loans are for, no outcome
)

_OUTCOMES = _SUCCESS | _REACHING | _FAILURE | _PRELIMINARY  # the words _outcome_polarity looks for


def _outcome(words: _Words, i: int) -> tuple[int, int, int] | None:
    """(+1 if tokens[i] says the talks succeeded, -1 if they did not; the first and last tokens that
    say it), or None if it says neither."""
    result = next((k for k in _word_positions(words, i, 1, 4) if words.has(k, _RESULTS)), None)
    talks = next((k for k in _word_positions(words, i, -1, 1) if words.has(k, _TALKS)), None)
    first = last = i
    if words.has(i, _SUCCESS):
        polarity = 1
    elif words.has(i, _REACHING) and result is not None:
        polarity, last = 1, result
    elif words.has(i, _FAILURE):
        polarity = -1
    elif words.has(i, _PRELIMINARY) and talks is not None:
        polarity, first = -1, talks
    else:
        return None
    if any(words.has(k, _INTENT) for k in _word_positions(words, i, -1, 3)):
        return None
    negation = _negation(words, i)
    return (polarity, first, last) if negation is None else (-polarity, min(first, negation), last)


def _outcome_claims(k: int, sentence: _Sentence) -> list[tuple[int, _Claim]]:
    """(polarity, claim) for each clause of a sentence about talks that says how they ended."""
    if "%meeting" not in sentence.keys or not sentence.words.mentions(_OUTCOMES):
        return []
    claims: list[tuple[int, _Claim]] = []
    for i in range(len(sentence.words.tokens)):
        outcome = _outcome(sentence.words, i)
        if outcome is not None:
            polarity, first, last = outcome
            claim = _claim(k, sentence.words, "outcome", "outcome", first, last, at=i)
            if all(other.phrase != claim.phrase for _, other in claims):
                claims.append((polarity, claim))
    return claims


def _outcome_row(ids: Sequence[str], sentences: Sequence[_Sentence]) -> ClaimRow | None:
    """One row: what each article says about how the talks ended (its majority, if it wavers)."""
    by_article: dict[int, list[tuple[int, _Claim]]] = {}
    for k, sentence in enumerate(sentences):
        by_article.setdefault(sentence.article, []).extend(_outcome_claims(k, sentence))
    sides: dict[int, tuple[int, list[_Claim]]] = {}
    for position, claims in by_article.items():
        if claims:
            total = sum(polarity for polarity, _ in claims)
            side = (1 if total > 0 else -1) if total else claims[0][0]
            sides[position] = (side, [claim for polarity, claim in claims if polarity == side])
    if not sides:
        return None
    reference_side, reference = sides.pop(min(sides))
    others = {
        position: ("reports" if side == reference_side else "contradicts", claims)
        for position, (side, claims) in sides.items()
    }
    return _row(ids, sentences, reference, others)


# --- quantities: durations and counts

@dataclass(frozen=True)
class _Quantity:
    value: float
    low: float
    high: float
    unit: str  # "hour", "day"… for time, else the counted noun
    topic: ClaimTopic  # duration or count
    first: int  # the tokens of the number and its noun
    last: int
    place: float  # what its last written digit counts: a million in 565 مليون, 100,000 in 565.9 مليون
    # The figure times this may be what the outlet meant, and agrees with either: 1.949 مليون is as
    # often 1,949 million (× 1000), 665,932,983 مليون is 665,932,983 with a stray multiplier
    # (_other_reading).
    other_reading: float | None = None


def _number_words(pairs: str) -> dict[str, float]:
    words = pairs.split()
    return {normalize_for_matching(word): float(value) for word, value in zip(words[::2], words[1::2])}


_CARDINALS = _number_words(
    "واحد 1 واحدة 1 اثنان 2 اثنين 2 اثنتان 2 اثنتين 2 ثلاث 3 ثلاثة 3 أربع 4 أربعة 4 خمس 5 خمسة 5"
    " ست 6 ستة 6 سبع 7 سبعة 7 ثمان 8 ثماني 8 ثمانية 8 تسع 9 تسعة 9 عشرة 10"
    " عشرون 20 عشرين 20 ثلاثون 30 ثلاثين 30 أربعون 40 أربعين 40 خمسون 50 خمسين 50 ستون 60 ستين 60"
    " سبعون 70 سبعين 70 ثمانون 80 ثمانين 80 تسعون 90 تسعين 90 مئة 100 مائة 100 مئات 100 ألف 1000"
    " أحد 1 إحدى 1 اثنا 2 اثني 2 اثنتا 2 اثنتي 2"
    " ثلاثا 3 أربعا 4 خمسا 5 ستا 6 سبعا 7 ثمانيا 8 تسعا 9"  # حقق ثلاثاً وعشرين ميدالية
)
# Numbers only before عشر: أحد عشر (11), but أحد الأشخاص is "one of the people".
_TEEN_ONLY = frozenset(normalize_for_matching(word) for word in "أحد إحدى اثنا اثني اثنتا اثنتي".split())
_HUNDREDS = _number_words(
    "مئة 100 مائة 100 مئتان 200 مئتين 200 مئتا 200 مئتي 200 مائتان 200 مائتين 200 مائتا 200 مائتي 200"
    " ثلاثمئة 300 ثلاثمائة 300 أربعمئة 400 أربعمائة 400 خمسمئة 500 خمسمائة 500 ستمئة 600 ستمائة 600"
    " سبعمئة 700 سبعمائة 700 ثمانمئة 800 ثمانمائة 800 ثمانيمائة 800 تسعمئة 900 تسعمائة 900"
)
_MULTIPLIERS = _number_words("ألف 1000 آلاف 1000 ألفا 1000 مليون 1000000 ملايين 1000000 مليونا 1000000"
                             " مليار 1000000000 مليارات 1000000000 مليارا 1000000000 تريليون 1000000000000")
# Numbers of thousands in one word: ألفين (2,000), مليون شخص, ملياري دولار.
_THOUSANDS = _number_words("ألفان 2000 ألفين 2000 ألفي 2000 مليون 1000000 مليونان 2000000 مليونين 2000000"
                           " مليوني 2000000 مليار 1000000000 ملياران 2000000000 مليارين 2000000000 ملياري 2000000000")
_NUMBER_WORDS = {**_CARDINALS, **_HUNDREDS, **_THOUSANDS}
_HUNDRED = lexicon("مئة مائة")  # after a unit: ثلاث مئة
_FRACTIONS = _number_words("ونصف 0.5 وربع 0.25")
_TIME_UNITS = {
    normalize_for_matching(word): unit
    for unit, words in {
        "minute": "دقيقة دقائق", "hour": "ساعة ساعات", "day": "يوم أيام", "week": "أسبوع أسابيع",
        "month": "شهر أشهر شهور", "year": "عام أعوام سنة سنوات سنين",
    }.items()
    for word in words.split()
}
_DUAL_UNITS = {
    normalize_for_matching(word): unit
    for word, unit in (("ساعتين", "hour"), ("ساعتان", "hour"), ("يومين", "day"), ("يومان", "day"),
                       ("أسبوعين", "week"), ("شهرين", "month"), ("عامين", "year"), ("سنتين", "year"))
}
# Broken plurals of nouns that news counts: 5 قتلى and 11 قتيلًا count the same thing.
_COUNTED = {
    normalize_for_matching(word): singular
    for singular, words in {
        "قتيل": "قتيل قتلى", "جريح": "جريح جرحى", "شخص": "شخص أشخاص", "جندي": "جندي جنود",
        "طفل": "طفل أطفال", "مدني": "مدني مدنيين مدنيون", "صاروخ": "صاروخ صواريخ", "غارة": "غارة غارات",
        "منزل": "منزل منازل", "معتقل": "معتقل معتقلين", "لاجئ": "لاجئ لاجئين", "دولار": "دولار دولارات",
        "نقطة": "نقطة نقاط", "أسرة": "أسرة أسر", "رحلة": "رحلة رحلات", "سنت": "سنت سنتات", "ريال": "ريال ريالات",
        "جنيه": "جنيه جنيهات",
    }.items()
    for word in words.split()
}
_AT_LEAST = lexicon("أكثر أزيد يزيد يفوق تجاوز يتجاوز")
_AT_MOST = lexicon("أقل")
_LEAST = lexicon("الأقل")  # 27 شخصا على الأقل
_ABOUT = lexicon("نحو حوالي قرابة زهاء يقارب تقريبا قرب")
_QUALIFIERS = _AT_LEAST | _AT_MOST | _ABOUT | lexicon("من عن على ما")
_TIME_REFERENCE = lexicon("منذ قبل بعد خلال عقب حتى")
_APPROXIMATION = 0.25  # نحو 4 ساعات: 3 to 5 hours
# A number word as written, particles attached (not ك: كمية is no ك + مئة) → the word.
# A word of its own before the same word with a particle: واحد is 1, not و + أحد.
_CARDINAL_FORMS = {particle + word: word for particle in ("و", "ب", "ل", "وب", "ول") for word in _NUMBER_WORDS} \
    | {article + word: word for article in ("ال", "وال", "بال") for word, value in _CARDINALS.items() if value < 100} \
    | {word: word for word in _NUMBER_WORDS}  # the article on units and tens (الاثنتي عشرة), not on في المائة
_DUAL_WORDS = frozenset(_DUAL_UNITS)
_TEEN = lexicon("عشر عشرة")
_ORDINAL_UNITS = lexicon("الحادي الحادية الثاني الثانية الثالث الثالثة الرابع الرابعة الخامس الخامسة السادس السادسة"
                         " السابع السابعة الثامن الثامنة التاسع التاسعة")
# من 32 إلى 42، و40 آخرون; 0.1 بالمئة is a share, as 0.1 في المائة and 0.1% are
_NOT_UNITS = _FUNCTION_WORDS | _NEGATORS | lexicon("إلى آخرين آخرون أخرى بالمئة بالمائة")


def _number_text(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


# The Saudi Press Agency's wire writes a decimal as its digits reversed around ر: 9ر10 is 10.9.
_WIRE_DECIMAL = regex.compile(r"(\d+)ر(\d+)")
# Particles and the article written onto a figure: بـ62، و13، الـ400، والـ15
_ON_DIGITS = regex.compile(r"(?:[وف]?(?:ال|بال|لل|[بل])|[وف])(?=\d)")


def _digits(norm: str) -> str | None:
    """The digits of a token that is a number, a particle attached or not (بـ62، الـ400), or a wire's decimal (و25ر3)."""
    if norm.isdigit():
        return norm
    bare = norm[particle.end():] if (particle := _ON_DIGITS.match(norm)) else norm
    if bare.isdigit():
        return bare
    wire = _WIRE_DECIMAL.fullmatch(bare)
    return f"{wire[2]}.{wire[1]}" if wire else None


def _cardinal(tokens: Sequence[Token], i: int) -> tuple[float, int, float] | None:
    """The number starting at tokens[i] (6.2، 3 آلاف، خمسة وعشرون), its last token, and the place of its
    last digit (0.1 for 6.2, 1000 for 3 آلاف; 0 for a number in words, which is exact)."""
    token = tokens[i]
    if token.kind != "word":
        return None
    if (digits := _digits(token.norm)) is None:
        in_words = _number_in_words(tokens, i)
        return None if in_words is None else (*in_words, 0.0)
    last = i
    while last + 2 < len(tokens) and _glued_digits(tokens[last], tokens[last + 1], tokens[last + 2]):
        following = tokens[last + 2].norm
        # Outlets write either mark for either separator: 2,000 and 33.288 are thousands; 6.2, 44,53
        # and 13.226 مليار are decimals
        after = last + 4 if last + 4 < len(tokens) and tokens[last + 3].text == ")" else last + 3  # (60.417) ألف
        multiplied = after < len(tokens) and tokens[after].norm in _MULTIPLIERS
        thousands = len(following) == 3 and digits.lstrip("0") != "" and tokens[last + 1].text != "٫" \
            and (tokens[last + 1].text in _COMMAS or not multiplied)
        digits += ("" if thousands else ".") + following
        last += 2
    value = float(digits) if digits.count(".") <= 1 else float(digits.split(".")[0])
    place = 10.0 ** -len(digits.partition(".")[2]) if digits.count(".") == 1 else 1.0
    if last + 2 < len(tokens) and tokens[last + 1].text in _CLOSING and tokens[last + 2].norm in _MULTIPLIERS:
        last += 1  # (100) ألف ريال، "1.7" مليون
    if last + 1 < len(tokens) and tokens[last + 1].norm in _MULTIPLIERS:  # 3 آلاف، 1,949 مليون
        last += 1
        multiplier = _MULTIPLIERS[tokens[last].norm]
        value, place = value * multiplier, place * multiplier
        while (smaller := _smaller_group(tokens, last, multiplier)) is not None:
            group, last, multiplier = smaller
            value, place = value + group, multiplier
    return value, last, place


_CLOSING = frozenset(")") | frozenset(QUOTE_MARKS)


def _smaller_group(tokens: Sequence[Token], last: int, multiplier: float) -> tuple[float, int, float] | None:
    """The next group of a figure written in groups after tokens[last], its multiplier: 116 مليونا و800 ألف،
    116 مليون و54 ألف و703 (116,054,703); None if the figure ends there."""
    following = tokens[last + 1].norm if last + 1 < len(tokens) else ""
    if following[:1] != "و" or not following[1:].isdigit():
        return None
    group = float(following[1:])
    smaller = _MULTIPLIERS.get(tokens[last + 2].norm) if last + 2 < len(tokens) else None
    if smaller is not None and smaller < multiplier:
        return group * smaller, last + 2, smaller
    return (group, last + 1, 1.0) if smaller is None and multiplier == 1000 and group < 1000 else None


# Which part of a number in words may follow which after و: Arabic says the hundreds, then the
# units, then the tens (مئة وستة وخمسون); after the tens a و starts another number (بين ثلاثين وأربعين).
_JOINS = {"thousands": {"hundreds", "units", "tens"}, "hundreds": {"units", "tens"}, "units": {"tens"}}


def _part(value: float) -> str:
    return "thousands" if value >= 1000 else "hundreds" if value >= 100 else "tens" if value >= 20 else "units"


def _number_in_words(tokens: Sequence[Token], i: int) -> tuple[float, int] | None:
    """The number written in words from tokens[i] and its last token: ثلاثة عشر، ستة وخمسون، مائتي ألف،
    مئة وستة وخمسين ألفا (156,000)، ثلاثة آلاف وخمسمائة."""
    word = _CARDINAL_FORMS.get(tokens[i].norm)
    if word is None or word in _TEEN_ONLY and not (i + 1 < len(tokens) and tokens[i + 1].norm in _TEEN) \
            or word in _TEEN and i > 0 and not _ORDINAL_UNITS.isdisjoint(stems(tokens[i - 1].norm)):
        return None  # المرتبة الخامسة عشرة والرابعة عشرة: the 15th and the 14th
    total, group, part, last = 0.0, _NUMBER_WORDS[word], _part(_NUMBER_WORDS[word]), i
    if part == "thousands":
        total, group = group, 0.0
    while last + 1 < len(tokens) and tokens[last + 1].kind == "word":
        following = tokens[last + 1].norm
        joined = _NUMBER_WORDS.get(following[1:]) if following[:1] == "و" else None
        if part == "units" and group < 10 and following in _TEEN:
            group, part = group + 10, "teens"
        elif part == "units" and following in _HUNDRED:
            group, part = group * 100, "hundreds"
        elif following in _MULTIPLIERS and group:
            total, group, part = total + group * _MULTIPLIERS[following], 0.0, "thousands"
        elif joined is not None and _part(joined) in _JOINS.get(part, ()):
            group, part = group + joined, _part(joined)
        else:
            break
        last += 1
    return total + group, last


def _numbers(words: _Words) -> list[_Quantity]:
    """Every number of the sentence with the noun it counts, if one follows it."""
    tokens = words.tokens
    found = []
    end = 0  # the tokens before it are part of a number found
    for i in _number_starts(words):
        if i < end:
            continue
        if (dual := words.stem_in(i, _DUAL_UNITS)) is not None:
            found.append(_quantity(words, 2.0, _DUAL_UNITS[dual], i, i))
            end = i + 1
            continue
        number = _cardinal(tokens, i)
        if number is None:
            continue
        value, last, place = number
        upper = _range_end(tokens, last, value)  # بين 30 و40، من 32 إلى 42
        if upper is not None:
            high, last = upper
        noun = next(_word_positions(words, last, 1, 1), None)
        unit = _unit(tokens[noun]) if noun == last + 1 and not words.has(noun, _NOT_UNITS) else ""
        end_at = noun if unit else last
        unit = _toll(words, i, end_at, unit) or unit
        if end_at + 1 < len(tokens) and (fraction := _FRACTIONS.get(tokens[end_at + 1].norm)) is not None:
            value, end_at = value + fraction, end_at + 1  # ثلاث ساعات ونصف، 390 جراما ونصف الجرام
        quantity = _quantity(words, value, unit, i, end_at, place)
        if upper is not None:
            quantity = replace(quantity, high=max(quantity.high, high))
        if (factor := _other_reading(tokens, i, last, value)) is not None:
            quantity = replace(quantity, other_reading=factor)
        found.append(quantity)
        end = quantity.last + 1
    return found


# A count of people is a toll when the words around it say they died or were hurt: «توفي 7 معتمرين»,
# «لقي ٧ أشخاص مصرعهم» and «وفاة 9» are one figure of the dead, «وأصيب 47 آخرون» and «وإصابة 50» of the injured.
_DIED_BEFORE = lexicon("توفي توفى وفاة مصرع مقتل قتل")
_DIED_AFTER = lexicon("مصرعهم مصرعهما حتفهم حتفهما قتلوا قتلا قتل توفوا توفيا")
_HURT_BEFORE = lexicon("أصيب أصيبت إصابة اصابة جرح")
_HURT_AFTER = lexicon("بجروح بإصابات أصيبوا جرحوا")
_PEOPLE = frozenset({"", "قتيل", "جريح", "شخص", "جندي", "طفل", "مدني", *map(normalize_for_matching, (
    "معتمر معتمرين معتمرا حاج حجاج مواطن مواطنين مواطنا مقيم مقيمين مقيما عامل عمال عاملا شرطي شرطيا "
    "عسكري عسكريين عسكريا مسافر مسافرين مسافرا راكب ركاب راكبا امرأة نساء رجل رجال طالب طلاب طالبا").split())})


def _toll(words: _Words, first: int, last: int, unit: str) -> str | None:
    """"قتيل" or "جريح" for a count of people that the words just before or after it say died or were hurt."""
    if unit not in _PEOPLE:
        return None
    after = list(_word_positions(words, last, 1, 3))  # لقي 46 شخصا على الأقل حتفهم
    if unit in ("قتيل", "جريح") and after[:1] and _unit(words.tokens[after[0]]) in ("قتيل", "جريح"):
        return "قتيل وجريح"  # أوقع 33 قتيلاً وجريحًا: the dead and the injured together
    before = list(_word_positions(words, first, -1, 2))
    if any(words.has(k, _DIED_BEFORE) for k in before) or any(words.has(k, _DIED_AFTER) for k in after):
        return "قتيل"
    if any(words.has(k, _HURT_BEFORE) for k in before) or any(words.has(k, _HURT_AFTER) for k in after):
        return "جريح"
    return None


def _other_reading(tokens: Sequence[Token], first: int, last: int, value: float) -> float | None:
    """The factor of the figure's other reading, if its separators allow one: a point or comma before
    three digits is a decimal for some outlets and a thousands separator for others (1.949 مليون,
    1,099 دولار), and a figure already grouped in thousands takes no multiplier (237,273 ألف,
    4.795.563 مليون)."""
    multiplier = _MULTIPLIERS.get(tokens[last].norm, 1.0)
    separators = [k for k in range(first + 1, last) if tokens[k].text in _SEPARATORS
                  and _glued_digits(tokens[k - 1], tokens[k], tokens[k + 1])]
    if not separators:
        return None
    whole = int("".join([_digits(tokens[first].norm) or "0", *(tokens[k + 1].norm for k in separators)]))
    grouped = all(len(tokens[k + 1].norm) == 3 for k in separators)  # not 1.7 مليون, a decimal
    if len(separators) == 1 and grouped:
        readings = [whole * multiplier, whole / 1000 * multiplier]
    elif multiplier > 1 and grouped:
        readings = [whole]
    else:
        return None
    other = next((reading for reading in readings if not math.isclose(reading, value)), None)
    return other / value if other is not None and value else None


def _number_starts(words: _Words) -> list[int]:
    """The tokens where a number may start: digits, number words, duals (يومين)."""
    duals = words.each_has(_DUAL_WORDS)
    return [i for i, token in enumerate(words.tokens)
            if duals[i] or _digits(token.norm) is not None or token.norm in _CARDINAL_FORMS]


_TO = lexicon("إلى")


def _range_end(tokens: Sequence[Token], last: int, lower: float) -> tuple[float, int] | None:
    """The upper number of a range after the lower one ends at tokens[last] (بين 30 و40، بين ثلاثين
    وأربعين، من 32 إلى 42)."""
    following = tokens[last + 1] if last + 1 < len(tokens) else None
    if following is None:
        return None
    if following.norm[:1] == "و" and (upper := _cardinal(tokens, last + 1)) is not None and upper[0] > lower:
        return upper[0], upper[1]
    if following.norm in _TO and last + 2 < len(tokens) and (upper := _cardinal(tokens, last + 2)) is not None:
        return upper[0], upper[1]
    return None


def _unit(noun: Token) -> str:
    """The canonical unit of a counted noun: time units and common counted nouns, else the noun."""
    forms = [form for stem in stems(noun.norm) for form in (stem, _without_tanween(stem))]
    unit = next((_TIME_UNITS.get(form) or _COUNTED.get(form) for form in forms if form in _TIME_UNITS or form in _COUNTED), None)
    return unit or _without_tanween(_bare(noun.norm))


def _without_tanween(norm: str) -> str:
    return norm[:-1] if norm.endswith("ا") and len(norm) > 3 else norm  # عامًا → عام، قتيلًا → قتيل


def _identifier_or_score(words: _Words, first: int) -> bool:
    """رقم 104/47، الساعة 0515، 28/7/1433، 4/5 or 5 - 4 (a score, which outlets write in either order): numbers,
    not counts."""
    tokens = words.tokens
    before = next(_word_positions(words, first, -1, 1), None)
    if before is not None and words.has(before, _NUMBERED):
        return True
    return any(0 <= k < len(tokens) and tokens[k].text in "/-–:" for k in (first - 1, first + 1))


# Below half a unit of its last digit: 945 million (944.5 to 945.5) agrees with 945.4 million, 17 and
# 18 do not meet.
_ROUNDING = 0.49


def _quantity(words: _Words, value: float, unit: str, first: int, last: int, place: float = 0.0) -> _Quantity:
    low, high = value - _ROUNDING * place, value + _ROUNDING * place
    before = list(_word_positions(words, first, -1, 3))
    if any(words.has(k, _AT_LEAST) for k in before) or _at_least_after(words, last):
        high = float("inf")
    elif any(words.has(k, _AT_MOST) for k in before):
        low = 0.0
    elif any(words.has(k, _ABOUT) for k in (*before, *_word_positions(words, last, 1, 1))):
        low, high = value * (1 - _APPROXIMATION), value * (1 + _APPROXIMATION)
    topic: ClaimTopic = "duration" if unit in _TIME_UNITS.values() else "count"
    return _Quantity(value, low, high, unit, topic, first, last, place)


def _at_least_after(words: _Words, last: int) -> bool:
    after = list(_word_positions(words, last, 1, 2))
    return len(after) == 2 and words.tokens[after[0]].norm == "علي" and words.has(after[1], _LEAST)


def _time_reference(words: _Words, first: int) -> bool:
    """منذ (أكثر من) 25 عامًا، قبل يومين: a point in time, not how long something lasted."""
    for i in _word_positions(words, first, -1, 4):
        if not words.has(i, _QUALIFIERS):
            return words.has(i, _TIME_REFERENCE)
    return False


# القرار رقم 104/47: an identifier; الساعة 0515 (or 15ر05) بتوقيت غرينتش: a time of day. Not quantities.
_NUMBERED = lexicon("رقم الساعة")


def _quantity_claims(k: int, sentence: _Sentence) -> list[tuple[_Quantity, _Claim]]:
    claims = []
    for quantity in sentence.numbers:
        if not quantity.unit or (quantity.topic == "count" and 1900 <= quantity.value <= 2100):
            continue  # a bare number or a year
        if _identifier_or_score(sentence.words, quantity.first):
            continue
        if quantity.topic == "duration" and _time_reference(sentence.words, quantity.first):
            continue
        claims.append((quantity, _claim(k, sentence.words, quantity.topic, "number", quantity.first, quantity.last)))
    return claims


# Below alignment, two sentences still speak of the same thing when they are this similar
# and share a key other than a number (an actor, an entity, a concept).
_LINKED = 0.15


def _linked(a: _Sentence, b: _Sentence, similarity: float) -> bool:
    return similarity >= _ALIGNED or similarity >= _LINKED and any(key[0] != "#" for key in a.keys & b.keys)


def _quantity_rows(ids: Sequence[str], sentences: Sequence[_Sentence], similarity: np.ndarray) -> list[ClaimRow]:
    """Durations and counts: a number of one article and what the others give for the same thing.
    A number no other article gives is a row only when its sentence is in the article's summary.

    A sentence often gives several figures of one unit (a loss, last year's profit, a charge, all in
    riyals): another article reports a figure when one of its figures of that unit agrees with it
    (a figure, not "more than" one); otherwise its counterpart is its figure in its sentence most
    like this one, the closest to it if that sentence has several (46 dead at least, then 27 dead and
    more than 156,000 displaced), which contradicts it only in a sentence that reports the same
    point (_same_point)."""
    claims = [(quantity, claim) for k, s in enumerate(sentences) for quantity, claim in _quantity_claims(k, s)]
    figures: dict[tuple[int, str], list[_Quantity]] = defaultdict(list)  # each article's, by unit
    for quantity, claim in claims:
        figures[sentences[claim.sentence].article, quantity.unit].append(quantity)
    used: set[int] = set()
    reported: set[int] = set()  # sentences with a row already: one row of theirs alone is enough
    rows = []
    for n, (quantity, claim) in enumerate(claims):
        if n in used:
            continue
        mine = sentences[claim.sentence]
        others: dict[int, tuple[Stance, list[_Claim]]] = {}
        # The claims that give the figure: this one, then those of the articles that agree with it, whose
        # sentences may be the ones a third article's sentence is like (47 عاما / الـ47 عامًا / 46 سنة).
        sources = [n]
        for source in sources:  # grows while it is read
            source_quantity, source_claim = claims[source]
            source_sentence = sentences[source_claim.sentence]
            candidates: dict[int, list[int]] = {}  # article → its claims of the same unit in linked sentences
            for m in range(n + 1, len(claims)):
                their_quantity, their_claim = claims[m]
                theirs = sentences[their_claim.sentence]
                if m not in used and theirs.article != mine.article and theirs.article not in others \
                        and their_quantity.unit == quantity.unit \
                        and _linked(source_sentence, theirs, similarity[source_claim.sentence, their_claim.sentence]):
                    candidates.setdefault(theirs.article, []).append(m)
            for article, ms in candidates.items():
                agreeing = [m for m in ms if _agree(quantity, claims[m][0]) and _bounded(claims[m][0])]
                chosen = agreeing[0] if agreeing else min(ms, key=lambda m: (
                    -similarity[source_claim.sentence, claims[m][1].sentence], _distance(quantity, claims[m][0])))
                if _agree(quantity, claims[chosen][0]):
                    others[article] = ("reports", [claims[chosen][1]])
                    sources.append(chosen)
                elif _same_point(source_sentence, sentences[claims[chosen][1].sentence],
                                 similarity[source_claim.sentence, claims[chosen][1].sentence]) \
                        and all(_may_differ(claims[k][0], sentences[claims[k][1].sentence], *claims[chosen],
                                            sentences, figures) for k in {n, source}):  # the row's sentence is shown
                    others[article] = ("contradicts", [claims[chosen][1]])
                else:
                    continue
                used.add(chosen)
        if others or mine.in_summary and claim.sentence not in reported:
            rows.append(_row(ids, sentences, [claim], others))
            reported.add(claim.sentence)
    return rows


def _may_differ(quantity: _Quantity, mine: _Sentence, their_quantity: _Quantity, their_claim: _Claim,
                sentences: Sequence[_Sentence], figures: Mapping[tuple[int, str], Sequence[_Quantity]]) -> bool:
    """Whether two figures of the same point may be a disagreement: not when either article also gives
    the other's figure (both report both: the leave of the new law and of the old one), when a toll is
    updated (حصيلة جديدة), when both are prices of a market report (a close and a midday, this morning's
    silver and this afternoon's: a market's prices are readings of a moment, which outlets take at other
    moments), or when they are counts of other days (Thursday's close and Wednesday's; an age or the
    length of a meeting is the same whichever day it is told) or of other times of the day."""
    theirs = sentences[their_claim.sentence]
    if quantity.unit in _PRICE_UNITS and _market_move(mine.words) and _market_move(theirs.words):
        return False
    if quantity.topic == "count" and mine.days and theirs.days and mine.days.isdisjoint(theirs.days):
        return False
    if any(_agree(quantity, other) and _bounded(other) for other in figures[theirs.article, quantity.unit]) or \
            any(_agree(their_quantity, other) and _bounded(other) for other in figures[mine.article, quantity.unit]):
        return False
    if quantity.topic == "count" and (_updated_toll(mine.words) or _updated_toll(theirs.words)):
        return False
    return _time_of_day(mine.words) == _time_of_day(theirs.words)


_TOLL = lexicon("حصيلة")
_TOLL_WORDS = _TOLL | lexicon("عدد ضحايا قتلى وفيات وفاة مصابين إصابات")
_NEW = lexicon("جديدة")
_RISE = lexicon("ارتفاع ارتفعت ارتفع ترتفع يرتفع")
_RISE_REACH = 6  # words from the verb to its إلى: ارتفعت حصيلة ضحايا الهجوم إلى
_SETTLEMENT = lexicon("التسوية")  # of a market: its closing price
_HOUR = lexicon("الساعة")


# A market report: a traded market and a move of it (وانخفض سعر الخام، أغلق المؤشر), with a price or an
# index in points. A count of its session (143 companies up) is no price, and a price someone is quoted
# on (في ظل هبوط أسعار النفط صوب 49 دولارا) tells no move of the report's own.
_MARKETS = lexicon("المؤشر مؤشر برنت الخام خام النفط الذهب الفضة البلاتين البلاديوم الأسهم أسهم الأوقية البرميل برميل"
                   " البورصة داو ناسداك ستاندرد")
_PRICE_UNITS = frozenset({"نقطة", "سنت", "دولار", "جنيه", "ريال", "يورو"})  # as _unit gives them
_MARKET_MOVES = lexicon("ارتفع ارتفعت يرتفع انخفض انخفضت ينخفض تراجع تراجعت يتراجع هبط هبطت نزل نزلت صعد صعدت زاد زادت أضاف"
                        " خسر خسرت ربح أغلق أغلقت يغلق ليغلق استقر استقرت يستقر تستقر قفز قفزت هوى هوت سجل سجلت"
                        " مرتفعا مرتفعة منخفضا منخفضة ارتفاع مكاسب خسائر")


def _market_move(words: _Words) -> bool:
    return words.mentions(_MARKETS) and words.mentions(_MARKET_MOVES)


def _updated_toll(words: _Words) -> bool:
    """حصيلة جديدة، ارتفعت الحصيلة إلى، عدد الضحايا ارتفع إلى: a toll that replaces an earlier one."""
    if words.mentions(_TOLL) and (words.mentions(_NEW) or words.mentions(_RISE)):
        return True
    if not (words.mentions(_RISE) and words.mentions(_TOLL_WORDS)):
        return False
    rises = [i for i, rise in enumerate(words.each_has(_RISE)) if rise]
    return any(words.has(k, _TO) for i in rises for k in _word_positions(words, i, 1, _RISE_REACH))


def _time_of_day(words: _Words) -> str | None:
    """When a market figure was taken (بحلول الساعة 1249 بتوقيت جرينتش، عند التسوية), if the sentence says."""
    tokens = words.tokens
    for i in range(len(tokens) - 1):
        if words.has(i, _HOUR) and _digits(tokens[i + 1].norm) is not None:
            return _digits(tokens[i + 1].norm)
    return "settlement" if words.mentions(_SETTLEMENT) else None


def _same_point(a: _Sentence, b: _Sentence, similarity: float) -> bool:
    """Aligned sentences, or the leads of two reports, which give their main figure (46 dead at least,
    27 dead so far) in other words more often than not."""
    return similarity >= _ALIGNED or a.lead and b.lead


def _distance(a: _Quantity, b: _Quantity) -> float:
    """How far apart two figures are, as a ratio: 27 is nearer 46 than 156,000 is."""
    return abs(math.log1p(abs(a.value)) - math.log1p(abs(b.value)))


def _bounded(quantity: _Quantity) -> bool:
    """A figure, not "more than" one: more than 156,000 displaced agrees with anything larger."""
    return quantity.high != float("inf") and quantity.low > 0 or quantity.value == 0


def _agree(a: _Quantity, b: _Quantity) -> bool:
    return any(b_low <= a_high and a_low <= b_high for a_low, a_high in _readings(a) for b_low, b_high in _readings(b)) \
        or _cut_short(a, b) or _cut_short(b, a)


def _cut_short(a: _Quantity, b: _Quantity) -> bool:
    """Whether a is b with its last digits dropped: 565 مليون for 565.9 مليون (outlets cut a figure short
    as often as they round it). Not 17 for 18: b must be written to a smaller place than a."""
    return 0 < b.place < a.place and math.isclose(a.value, math.floor(b.value / a.place) * a.place)


def _readings(quantity: _Quantity) -> list[tuple[float, float]]:
    """The bounds of a figure, and of its other reading if it has one."""
    bounds = [(quantity.low, quantity.high)]
    factor = quantity.other_reading
    return bounds if factor is None else bounds + [(quantity.low * factor, quantity.high * factor)]


# --- dates

_WEEKDAYS = {
    normalize_for_matching(word): f"weekday:{day}"
    for day, words in enumerate(("الأحد", "الاثنين الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"))
    for word in words.split()
}
_MONTHS = {
    normalize_for_matching(name): month
    for month, names in enumerate(
        ("يناير|كانون الثاني", "فبراير|شباط", "مارس|آذار", "أبريل|إبريل|نيسان", "مايو|أيار", "يونيو|حزيران",
         "يوليو|تموز", "أغسطس|آب", "سبتمبر|أيلول", "أكتوبر|تشرين الأول", "نوفمبر|تشرين الثاني",
         "ديسمبر|كانون الأول"), start=1)
    for name in names.split("|")
}
_WEEKDAY_WORDS = frozenset(_WEEKDAYS)
_ORDINAL_DAYS = _number_words("الأول 1 الثاني 2 الثالث 3 الرابع 4 الخامس 5 السادس 6 السابع 7 الثامن 8 التاسع 9 العاشر 10")
_OF = lexicon("من")


def _month_at(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """The month named at tokens[i] (أغسطس، كانون الثاني) and its last token."""
    if i >= len(tokens) or tokens[i].kind != "word":
        return None
    two = f"{tokens[i].norm} {tokens[i + 1].norm}" if i + 1 < len(tokens) else ""
    if two in _MONTHS:
        return _MONTHS[two], i + 1
    return (_MONTHS[tokens[i].norm], i) if tokens[i].norm in _MONTHS else None


def _month_after_day(tokens: Sequence[Token], day: int) -> tuple[int, int] | None:
    """The month after a day's number (8 أغسطس، الثامن من أغسطس) and its last token."""
    return _month_at(tokens, day + 2 if day + 1 < len(tokens) and tokens[day + 1].norm in _OF else day + 1)


def _dates(words: _Words) -> dict[str, int]:
    """Date keys of a sentence (weekday:5, day:8-12) → the token where each is written."""
    tokens = words.tokens
    weekdays = words.each_has(_WEEKDAY_WORDS)
    found: dict[str, int] = {}
    for i, token in enumerate(tokens):
        if not (weekdays[i] or token.norm.isdigit() or token.norm in _ORDINAL_DAYS):
            continue  # most words
        if (weekday := words.stem_in(i, _WEEKDAYS)) is not None:
            found.setdefault(_WEEKDAYS[weekday], i)
        day = float(token.norm) if token.norm.isdigit() else _ORDINAL_DAYS.get(token.norm)
        if day is not None and 1 <= day <= 31:
            if (month := _month_after_day(tokens, i)) is not None:
                found.setdefault(f"day:{int(day)}-{month[0]}", i)
    return found


_TODAY_OFFSETS = {normalize_for_matching(word): offset for word, offset in (("اليوم", 0), ("أمس", -1), ("غدًا", 1))}
_DAY = lexicon("يوم")
_DAY_BEFORE = lexicon("أول")  # أول من أمس


def _written_on(words: _Words, at: int) -> int | None:
    """The weekday an article was written, from a weekday told from it (اليوم الأربعاء، مساء أمس
    الجمعة، أول من أمس الجمعة، غدا الخميس) at tokens[at]; None if the weekday stands alone."""
    weekday = words.stem_in(at, _WEEKDAYS)
    i = at - 1
    if i >= 0 and words.has(i, _DAY):
        i -= 1
    if weekday is None or i < 0 or (anchor := words.stem_in(i, _TODAY_OFFSETS)) is None:
        return None
    offset = _TODAY_OFFSETS[anchor]
    if offset == -1 and i >= 2 and words.has(i - 1, _OF) and words.has(i - 2, _DAY_BEFORE):
        offset = -2
    return (int(_WEEKDAYS[weekday].removeprefix("weekday:")) - offset) % 7


def _weekdays(dates: Mapping[str, int]) -> frozenset[str]:
    """The weekday keys of a sentence's dates (_dates)."""
    return frozenset(key for key in dates if key.startswith("weekday:"))


def _date_claim(k: int, words: _Words, at: int) -> _Claim:
    """The date of sentence k written at tokens[at]: a weekday, or a day and its month."""
    month = _month_after_day(words.tokens, at)
    return _claim(k, words, "date", "date", at, month[1] if month else at)


_DATED_ALIKE = 2  # content words besides the date that the clauses of two dates share


def _dated_alike(a: _Words, at_a: int, b: _Words, at_b: int) -> bool:
    """Whether two dates are of one happening: their clauses share words besides the date (التقى وزير
    الخارجية… في عمان يوم الثلاثاء / اجتماع وزيري الخارجية في عمان الأربعاء), which the date of a
    preparatory meeting and that of the talks do not (اجتماعا تنسيقيا مساء الأحد / وصل كيري اليوم الاثنين)."""
    date_words = {_content_key(a.tokens[at_a].norm), _content_key(b.tokens[at_b].norm)}
    return len((_clause_words(a, at_a) & _clause_words(b, at_b)) - date_words) >= _DATED_ALIKE


def _written_apart(a: _Words, at_a: int, b: _Words, at_b: int) -> bool:
    """Whether two weekdays were each told from a day of writing, and these differ: each report's «today»
    is its own (gold rose today, Tuesday / held steady today, Wednesday: two sessions)."""
    written = _written_on(a, at_a), _written_on(b, at_b)
    return None not in written and written[0] != written[1]


def _date_rows(ids: Sequence[str], sentences: Sequence[_Sentence], aligned: Sequence[tuple[int, int]]) -> list[ClaimRow]:
    """Aligned sentences that date the same thing differently (another weekday, another day)."""
    rows = []
    for k, m in aligned:
        mine, theirs = sentences[k].dates, sentences[m].dates
        if not mine or not theirs:
            continue  # most sentences
        for kind in ("weekday:", "day:"):
            my_dates = [i for key, i in mine.items() if key.startswith(kind)]
            their_dates = [i for key, i in theirs.items() if key.startswith(kind)]
            if my_dates and their_dates and not {key for key in mine if key.startswith(kind)} & set(theirs) \
                    and _dated_alike(sentences[k].words, my_dates[0], sentences[m].words, their_dates[0]) \
                    and not (kind == "weekday:" and _written_apart(sentences[k].words, my_dates[0],
                                                                   sentences[m].words, their_dates[0])):
                claim = _date_claim(k, sentences[k].words, my_dates[0])
                other = _date_claim(m, sentences[m].words, their_dates[0])
                rows.append(_row(ids, sentences, [claim], {sentences[m].article: ("contradicts", [other])}))
                break
    return rows


# --- negated statements

_CONTENT_MIN = 3
_DENIAL_REACH = 6  # words before a content word where a denial verb (نفى أن يكون…) negates it
# Words a negation reaches through to the word it negates (دون وجود أي إصابات: إصابات is negated,
# as in دون إصابات), and which are no statement of their own.
_TRANSPARENT = _FUNCTION_WORDS | lexicon("يوجد توجد وجود هناك هنالك يتم تتم")
_NOT_POLAR = _NEGATORS | _DENIALS | _TRANSPARENT


def _polarities(words: _Words) -> dict[str, tuple[int, int]]:
    """Content word (normalized, particles and article off) → (+1 asserted or -1 negated, its token).
    A negator negates the first content word after it only (لم يكمل المباراة: يكمل, not المباراة)."""
    tokens = words.tokens
    not_polar = words.each_has(_NOT_POLAR)
    negating = words.mentions(_NEGATORS) or words.mentions(_DENIALS) or words.mentions(_WRITTEN_ON)  # most are not
    found: dict[str, tuple[int, int]] = {}
    both: set[str] = set()  # said and denied in one sentence (لا نستطيع حسمها… لعلنا نستطيع): no side
    clause: list[int] = []  # word tokens of the clause so far
    for i, token in enumerate(tokens):
        if token.kind != "word":
            if _breaks(tokens, i):
                clause = []
            continue
        if not not_polar[i]:
            key = _content_key(token.norm)
            if len(key) >= _CONTENT_MIN:
                polarity = -1 if negating and _negated_statement(words, clause, i, not_polar) else 1
                if key not in found:
                    found[key] = (polarity, i)
                elif found[key][0] != polarity:
                    both.add(key)
        clause.append(i)
    return {key: value for key, value in found.items() if key not in both}


def _negated_statement(words: _Words, clause: Sequence[int], at: int, not_polar: Sequence[bool]) -> bool:
    """Whether tokens[at], the content word after the clause's words so far, is negated: a negator
    before it with nothing but transparent words between, or a denial verb shortly before, unless
    tokens[at] is the denial's subject (نفى الرئيس التركي … الاتهامات: the president denies, the
    accusations are denied)."""
    content_between = False
    for i in reversed(clause[-_DENIAL_REACH:]):
        if words.has(i, _DENIALS):
            return not (words.has(i, _DENYING_VERBS) and at < noun_phrase(words.tokens, i + 1))
        if not content_between and _negator_at(words, i):
            return True
        content_between = content_between or not not_polar[i]
    return False


@lru_cache(maxsize=1 << 17)
def _content_key(norm: str) -> str:
    """The shortest of a word's stems without article: the key of its statement."""
    return min((without_article(stem) for stem in stems(norm)), key=len)


def _statement_claim(k: int, words: _Words, polarity: int, at: int) -> _Claim:
    """The statement of sentence k on tokens[at], with the negation before it when it denies it."""
    negation = _negation(words, at, _DENIAL_REACH) if polarity < 0 else None
    return _claim(k, words, "statement", "polarity", at if negation is None else negation, at, at=at)


def _statement_rows(ids: Sequence[str], sentences: Sequence[_Sentence],
                    aligned: Sequence[tuple[int, int]]) -> list[ClaimRow]:
    """Aligned sentences where one negates what the other asserts (نفى أن يكون الوفد سيشارك / سيشارك):
    one row for each such statement, however many copies of the two sentences the outlets printed."""
    flips: dict[str, list[tuple[int, int]]] = {}  # the statement (its word) → the pairs that flip it
    for k, m in sorted(aligned):
        mine, theirs = sentences[k].polarities, sentences[m].polarities
        flipped = (key for key in sorted(mine.keys() & theirs.keys()) if mine[key][0] != theirs[key][0]
                   and _same_clause(sentences[k].words, mine[key][1], sentences[m].words, theirs[key][1])
                   and not (sentences[k] if mine[key][0] > 0 else sentences[m]).negates_anything)
        if (key := next(flipped, None)) is not None:
            flips.setdefault(key, []).append((k, m))
    rows = []
    for key, pairs in flips.items():
        for members in _connected(pairs):
            first = members[0]
            polarity, at = sentences[first].polarities[key]
            others: dict[int, tuple[Stance, list[_Claim]]] = {}
            for k in members[1:]:
                article = sentences[k].article
                if article != sentences[first].article and article not in others:
                    their_polarity, their_at = sentences[k].polarities[key]
                    claim = _statement_claim(k, sentences[k].words, their_polarity, their_at)
                    others[article] = ("reports" if their_polarity == polarity else "contradicts", [claim])
            reference = _statement_claim(first, sentences[first].words, polarity, at)
            rows.append(_row(ids, sentences, [reference], others))
    return rows


_SAME_CLAUSE = 0.5  # share of the content words of two clauses that both have (Jaccard)
_CLAUSE_REACH = 6  # content words on each side of the flipped word that make its clause


def _same_clause(a: _Words, at_a: int, b: _Words, at_b: int) -> bool:
    """Whether the clauses around a word said in one sentence and denied in the other say the same
    thing but for the denial (إلى انتهاء مرحلة الفحص / إلى عدم انتهاء مرحلة الفحص), not two things
    that share a word (لم تعمل على جاهزية الملاعب / سبب التأجيل عدم جاهزية الملاعب)."""
    mine, theirs = _clause_words(a, at_a), _clause_words(b, at_b)
    return len(mine & theirs) >= _SAME_CLAUSE * len(mine | theirs)


def _negates_anything(words: _Words) -> bool:
    """Whether the sentence of the side that asserts the statement negates something else: then both
    negate, in other words or on another word (ليست كافية / لا تعد فترة كافية; بعدم التفريط في أراضي
    السواحل … / لمنع التفريط فيها … لا يجوز التأجير), and neither asserts what the other denies."""
    return any(token.kind == "word" and (_negator_at(words, i) or words.has(i, _DENIALS))
               for i, token in enumerate(words.tokens))


def _around(words: _Words, at: int) -> list[int]:
    """The word tokens of the clause before and after tokens[at], enough for _CLAUSE_REACH content words each way."""
    return [*_word_positions(words, at, -1, 2 * _CLAUSE_REACH), *_word_positions(words, at, 1, 2 * _CLAUSE_REACH)]


def _clause_words(words: _Words, at: int) -> frozenset[str]:
    not_polar = words.each_has(_NOT_POLAR)
    content = [i for i in _around(words, at) if not not_polar[i]]
    before = [i for i in content if i < at][:_CLAUSE_REACH]
    after = [i for i in content if i > at][:_CLAUSE_REACH]
    return frozenset(_content_key(words.tokens[i].norm) for i in (at, *before, *after))


def _connected(pairs: Sequence[tuple[int, int]]) -> list[list[int]]:
    """The members (ascending) of each connected component of the pairs, in the order of their first pair."""
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = root(a), root(b)
        parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {root(a): [] for a, _ in pairs}
    for x in sorted(parent):
        groups[root(x)].append(x)
    return list(groups.values())


# --- Confirmed quotes ---------------------------------------------------------------------

_SAME_WORDS = 0.75  # share of the shorter quote's character trigrams found in the other
_MIN_QUOTE_WORDS = 3


@lru_cache(maxsize=4096)  # a quote is compared with every group of the event
def _trigrams(text: str) -> frozenset[str]:
    padded = f" {' '.join(normalize_for_matching(text).translate(_NO_MARKS).split())} "
    return frozenset(padded[i:i + 3] for i in range(len(padded) - 2))


def _same_words(a: str, b: str) -> bool:
    if min(len(a.split()), len(b.split())) < _MIN_QUOTE_WORDS:
        return normalize_for_matching(a) == normalize_for_matching(b)
    grams_a, grams_b = _trigrams(a), _trigrams(b)
    return len(grams_a & grams_b) >= _SAME_WORDS * min(len(grams_a), len(grams_b))


def _same_speaker(a: str, b: str) -> bool:
    """One name holds the other's words: "براك" and "توم براك" are one speaker."""
    words_a, words_b = _name_words(a), _name_words(b)
    return bool(words_a) and bool(words_b) and (words_a <= words_b or words_b <= words_a)


@lru_cache(maxsize=4096)
def _name_words(name: str) -> frozenset[str]:
    return frozenset(w.removeprefix("ال") for w in normalize_for_matching(name).split())


def _confirmed_quotes(ids: Sequence[str], analyses: Mapping[str, ArticleAnalysis],
                      outlet: Mapping[str, str]) -> tuple[ConfirmedQuote, ...]:
    """Quotes with a named speaker that another outlet prints too, grouped one per article (an outlet
    that prints a quote in two reports does not confirm it)."""
    groups: list[list[tuple[int, str, Quote]]] = []  # (article position, speaker, quote)
    for position, article_id in enumerate(ids):
        for quote in analyses[article_id].quotes:
            if quote.speaker is None:
                continue
            group = next((g for g in groups if all(p != position for p, _, _ in g)
                          and _same_speaker(g[0][1], quote.speaker) and _same_words(g[0][2].text, quote.text)), None)
            if group is None:
                groups.append([(position, quote.speaker, quote)])
            else:
                group.append((position, quote.speaker, quote))
    return tuple(
        ConfirmedQuote(
            max((speaker for _, speaker, _ in group), key=len),
            tuple(SentenceRef(ids[p], quote.sentence_index, quote.text) for p, _, quote in group),
        )
        for group in groups if len({outlet[ids[p]] for p, _, _ in group}) > 1
    )
