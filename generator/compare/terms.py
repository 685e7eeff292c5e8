"""Word choice: the names each article uses for the actors of the terminology table."""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from generator.analyze.analysis import ArticleAnalysis
from generator.analyze.normalize import normalize_for_matching
from generator.analyze.quotes import FramingMark, Quote
from generator.compare.model import TermChoice, TermUse
from generator.compare.phrases import PhraseMatcher, written_phrase
from generator.compare.words import NO_MARKS, words_of
from generator.config import Bilingual
from generator.ingest import Article


def word_choices(
    ids: Sequence[str],
    articles: Mapping[str, Article],
    analyses: Mapping[str, ArticleAnalysis],
    table: Sequence[tuple[str, Bilingual, tuple[str, ...]]],
    names: PhraseMatcher,
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


def _term_uses(title: str, analysis: ArticleAnalysis, names: PhraseMatcher) -> dict[str, tuple[TermUse, ...]]:
    """Actor key → the names the article uses for it, in order of first use (title first)."""
    tallies: dict[tuple[str, str, bool], _UseTally] = {}
    places: list[tuple[int | None, str, Sequence[FramingMark], Sequence[Quote]]] = [
        (None, title, analysis.title_framing, ())
    ]
    framing_at, quotes_at = _by_sentence(analysis.framing), _by_sentence(analysis.quotes)
    places += [(s.index, s.text, framing_at.get(s.index, []), quotes_at.get(s.index, [])) for s in analysis.sentences]
    for index, text, framing, quotes in places:
        words = words_of(text)
        for match in names.find(words):
            written = written_phrase(words, match)
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


def _is_framed(written: str, framing: Iterable[FramingMark]) -> bool:
    """Written with quotation marks that the analysis read as scare quotes."""
    bare = written.translate(NO_MARKS)
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
