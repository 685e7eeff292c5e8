"""Stage 3: analyze one article — sentences, summary, quotes, framing, entities, cited sources.

Everything shown to a reader is a sentence or a quotation of the article itself,
kept with its sentence index so the page can link it to its place in the text.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.analyze.entities import CitedSource, Entity, find_cited_sources, find_entities
from generator.analyze.quotes import FramingMark, Quote, find_quotes
from generator.analyze.sentences import Sentence, label_indexes, split_sentences
from generator.analyze.summary import summarize


@dataclass(frozen=True)
class ArticleAnalysis:
    sentences: tuple[Sentence, ...]
    summary: tuple[int, ...]  # sentence indexes, in the article's order
    quotes: tuple[Quote, ...]
    framing: tuple[FramingMark, ...]  # scare quotes: a signal of the outlet's stance
    title_framing: tuple[FramingMark, ...]  # scare quotes in the title (sentence_index 0 of the title)
    quoted_names: tuple[str, ...]  # names in quotation marks (“أكسيوس”), neither quotes nor framing
    entities: tuple[Entity, ...]
    cited_sources: tuple[CitedSource, ...]

    @property
    def statements(self) -> list[Sentence]:
        """The sentences that are not labels (captions, headings, bylines: Sentence.is_label)."""
        return [sentence for sentence in self.sentences if not sentence.is_label]

    @property
    def lead(self) -> str:
        """The statements of the first paragraph that has any: what the article is about, without the
        caption or byline above it."""
        statements = self.statements
        return " ".join(s.text for s in statements if s.paragraph == statements[0].paragraph) if statements else ""


def analyze_article(title: str, body: str, gazetteer: Mapping[str, str] | None = None) -> ArticleAnalysis:
    """`gazetteer` (surface form → kind, from the site's glossary) extends the built-in names."""
    sentences = split_sentences(body)
    entities = find_entities(sentences, gazetteer or {})
    names = [entity.name for entity in entities if entity.kind == "media"]
    findings = find_quotes(sentences, names)
    return ArticleAnalysis(
        sentences=tuple(sentences),
        summary=tuple(summarize([sentence.text for sentence in sentences],
                                labels=label_indexes(sentences))),
        quotes=findings.quotes,
        framing=findings.framing,
        title_framing=find_quotes(split_sentences(title), names).framing,
        quoted_names=findings.quoted_names,
        entities=tuple(entities),
        cited_sources=tuple(find_cited_sources(sentences)),
    )
