"""The build, start to finish: read as the story of the pipeline.

config → ingest → analyze → group → compare → translate → render, each stage a
function from plain typed data to plain typed data.
"""
from __future__ import annotations

import gc
import json
from collections.abc import Callable, Mapping, Sequence
import tempfile
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

import generator.analyze
import generator.clean
import generator.compare
import generator.group
import generator.ingest
import generator.yamlfile
from generator.analyze.analysis import ArticleAnalysis, analyze_article
from generator.cache import (FileHashes, KeptResult, LazyResults, PackedResults, ResultCache, code_fingerprint, remove_cache,
                             remove_unowned)
from generator.compare import Comparison, compare_event
from generator.config import SiteConfig, load_config
from generator.group import EventGroup, GroupingInput, GroupingSettings, PairScores, group_articles
from generator.ingest import Article, FileReading, ingest
from generator.links import BrokenLink, check_links
from generator.inputs import BuildInputs, current_inputs, memory_fingerprint, source_fingerprint
from generator.output import BUILD_RECORD, atomic_site, read_build_record, recover_interrupted_build
from generator.problems import Problem
from generator.render import article_texts, event_pages, render_site, texts_to_translate
from generator.translate import Lookups, TranslationResult, translate_texts


CACHE_DIR = Path(".digest-cache")
Progress = Callable[[str, int, int], None]  # (what is being done, done, total; total 0 when unknown)


def _silent(stage: str, done: int, total: int) -> None:
    pass


@dataclass(frozen=True)
class ArticleRecord:
    """What every build needs of an article's analysis, however few pages it makes: the grouping's
    lead and entities, the texts its English pages show. Kept for every article in one file
    (Caches.records), so that a build reads the analyses only of the pages it makes and of the
    events it compares again: at 10k articles, reading every analysis took 1.2–3.2 s of an edit."""

    lead: str  # the deck and the first paragraph
    entities: frozenset[str]
    texts: tuple[str, ...]


@dataclass(frozen=True)
class Content:
    """What the editor's files say, analyzed: everything a build needs before writing."""

    config: SiteConfig
    articles: tuple[Article, ...]
    analyses: Mapping[str, ArticleAnalysis]  # read from the cache when looked up
    records: Mapping[str, ArticleRecord]
    events: tuple[EventGroup, ...]
    warnings: tuple[Problem, ...]
    analyzed_now: int  # articles analyzed in this run; the others came from the cache


@dataclass(frozen=True)
class BuildSummary:
    """What a build tells the editor. Cached by the fingerprint of its inputs (which the site
    records), so that a build that finds nothing changed since can say it again without the work."""

    articles: int
    analyzed_now: int
    events: int
    doubtful_events: int  # joined on weak evidence: for the editor to check (EventGroup.needs_review)
    pages: int  # files of the site
    reused: int  # files (and search indexes) whose inputs had not changed, taken from the previous site
    untranslated: int
    translation_advice: str | None
    warnings: tuple[str, ...]
    unchanged: bool = False  # nothing was built: the site was already made from these inputs


@dataclass(frozen=True)
class BuildReport:
    content: Content
    translations: TranslationResult
    summary: BuildSummary


@dataclass(frozen=True)
class Caches:
    """What earlier builds computed, in `.digest-cache/` (a folder, or for what every build reads of
    every article or event a packed file, per kind of result, keyed by what each result is made
    from, code included). Deleting it only makes the next build slower."""

    articles: PackedResults[FileReading]  # every build reads them all: one file, not 10,000
    analyses: ResultCache[ArticleAnalysis]
    records: PackedResults[ArticleRecord]
    comparison_texts: PackedResults[tuple[str, ...]]  # of each event's comparison, for every event in one file
    pair_scores: ResultCache[PairScores]
    clusterings: ResultCache[list[tuple[int, ...]]]  # of each group of articles that scores join
    events: ResultCache[list[EventGroup]]
    comparisons: ResultCache[Comparison]
    summaries: ResultCache[BuildSummary]  # by the fingerprint of all inputs (the site records only that)
    lookups: KeptResult[Lookups]  # of the last build's translation state
    file_hashes: FileHashes  # of the articles, by their size, times and inode

    @classmethod
    def of(cls, config: SiteConfig) -> Caches:
        folder = config.path(CACHE_DIR)
        grouping = code_fingerprint(generator.analyze, generator.group)
        comparing = code_fingerprint(generator.analyze, generator.compare)
        return cls(
            articles=PackedResults(folder / "articles.pickle", code_fingerprint(generator.ingest, generator.clean, generator.yamlfile)),
            analyses=ResultCache(folder / "analysis", code_fingerprint(generator.analyze)),
            records=PackedResults(folder / "article-records.pickle", code_fingerprint(generator)),
            pair_scores=ResultCache(folder / "pair-scores", grouping),
            clusterings=ResultCache(folder / "clustering", grouping),
            events=ResultCache(folder / "grouping", grouping),
            comparisons=ResultCache(folder / "comparison", comparing),
            comparison_texts=PackedResults(folder / "comparison-texts.pickle", comparing),
            summaries=ResultCache(folder / "build-summary", ""),  # the inputs include the code
            lookups=KeptResult(folder / "translation-lookups.pickle", code_fingerprint(generator)),
            file_hashes=FileHashes(folder / "file-hashes.pickle"),
        )

    def prune(self) -> None:
        """Forget what this build did not use: results of articles since edited or removed, of older code."""
        folders = (self.analyses, self.pair_scores, self.clusterings, self.events, self.comparisons, self.summaries)
        packs = (self.articles, self.records, self.comparison_texts)
        for cache in folders:
            cache.prune()
        for pack in packs:
            pack.save()
        self.file_hashes.save()
        remove_unowned(self.analyses.folder.parent, {cache.folder for cache in folders} | {self.lookups.path, self.file_hashes.path}
                       | {path for pack in packs for path in (pack.path, pack.added_path)})


def build_if_changed(config_path: Path, out_dir: Path, progress: Progress = _silent) -> BuildSummary:
    """build(), unless out_dir was made from exactly the inputs there are now: then what that build said."""
    recover_interrupted_build(out_dir)
    config = load_config(config_path)
    caches = Caches.of(config)
    inputs = current_inputs(config, config_path, use_model=True, hashes=caches.file_hashes)
    if read_build_record(out_dir).get("inputs") == inputs.key and (said := caches.summaries.get((inputs.key,))):
        caches.file_hashes.save()
        return replace(said, analyzed_now=0, reused=said.pages, unchanged=True)
    return _build(config, out_dir, inputs.sources, caches, use_model=True, clean=False, progress=progress).summary


def build(config_path: Path, out_dir: Path, *, use_model: bool = True, clean: bool = False,
          progress: Progress = _silent) -> BuildReport:
    """The whole pipeline. clean: from nothing, as if no build had run before (no cache, no previous site).
    use_model=False (digest check) translates nothing new, and leaves the cache as it was."""
    recover_interrupted_build(out_dir)
    config = load_config(config_path)
    if clean:
        remove_cache(config.path(CACHE_DIR))
    caches = Caches.of(config)
    # Hashed before anything is read: an article edited during the build is seen by the next one.
    sources = source_fingerprint(config, config_path, use_model, caches.file_hashes)
    return _build(config, out_dir, sources, caches, use_model=use_model, clean=clean, progress=progress)


def _build(config: SiteConfig, out_dir: Path, sources: str, caches: Caches, *, use_model: bool, clean: bool,
           progress: Progress) -> BuildReport:
    """The stages, from the articles to the site; sources: the fingerprint of the inputs, taken before."""
    try:
        return _stages(config, out_dir, sources, caches, use_model=use_model, clean=clean, progress=progress)
    finally:
        gc.unfreeze()  # what the caches' reads froze (see ResultCache.map) is the collector's again


def _stages(config: SiteConfig, out_dir: Path, sources: str, caches: Caches, *, use_model: bool, clean: bool,
            progress: Progress) -> BuildReport:
    """config → ingest → analyze → group → compare → translate → render."""
    content = _read_content(config, caches, progress=progress)
    by_id = {article.id: article for article in content.articles}
    progress("comparing outlets", 0, 0)
    comparisons, comparison_texts = _comparisons(content, caches)
    pages = event_pages(config, content.events, by_id, content.analyses, {id: r.texts for id, r in content.records.items()})
    texts = texts_to_translate(pages)
    texts += [text for shown in comparison_texts.values() for text in shown]
    progress("translating", 0, 0)
    translations = translate_texts(texts, config, use_model=use_model, known=caches.lookups)
    progress("writing pages and the search index", 0, 0)
    with atomic_site(out_dir, reuse_previous=not clean) as writer:
        render_site(config, pages, comparisons, comparison_texts, translations, writer)
        summary = BuildSummary(len(content.articles), content.analyzed_now, len(content.events),
                               sum(event.needs_review for event in content.events), len(writer.written),
                               writer.reused, translations.untranslated, translations.advice(),
                               tuple(map(str, content.warnings)))
        inputs = BuildInputs(sources, memory_fingerprint(config)).key  # the memory as this build left it
        writer.write(BUILD_RECORD, json.dumps({"inputs": inputs}))
    caches.summaries.put((inputs,), summary)
    if use_model:
        caches.prune()
    return BuildReport(content, translations, summary)


def check(config_path: Path) -> tuple[BuildReport, list[BrokenLink]]:
    """A full build into a temporary folder, then every internal link and anchor checked.
    Writes nothing the editor keeps and never runs the translation model."""
    with tempfile.TemporaryDirectory(prefix="digest-check-") as folder:
        report = build(config_path, Path(folder) / "site", use_model=False)
        return report, check_links(Path(folder) / "site", report.content.config.site.base_path)


def read_content(config_path: Path, content_dir: Path | None = None, progress: Progress = _silent) -> Content:
    """Every stage up to the events; writes nothing but the cache. Raises DigestError naming each bad file."""
    config = load_config(config_path)
    return _read_content(config, Caches.of(config), content_dir, progress)


def _read_content(config: SiteConfig, caches: Caches, content_dir: Path | None = None,
                  progress: Progress = _silent) -> Content:
    progress("reading articles", 0, 0)
    found = ingest(content_dir or config.path(config.content_dir), config.outlets, caches.articles, caches.file_hashes)
    settings = _as_key([config.gazetteer(), config.translation.full_bodies])
    record_inputs = {article.id: (article.id, article.content_hash, settings) for article in found.articles}
    records = {id: record for id, inputs in record_inputs.items() if (record := caches.records.get(inputs)) is not None}
    analyses = _analyses(found.articles, config, caches.analyses, record_inputs.keys() - records.keys(), progress)
    for article in found.articles:
        if article.id not in records:
            records[article.id] = _record(config, article, analyses[article.id])
            caches.records.put(record_inputs[article.id], records[article.id])
    progress("grouping into events", 0, 0)
    events = _events(found.articles, records, config, caches)
    return Content(config, found.articles, analyses, records, tuple(events), found.problems, caches.analyses.misses)


def compare_events(content: Content, caches: Caches | None = None) -> Mapping[str, Comparison]:
    """Each event's comparison, by slug; an event none of whose articles changed is not compared again."""
    caches = caches or Caches.of(content.config)
    jobs = _comparison_jobs(content)
    return caches.comparisons.lazy_map(_compare, jobs, jobs.keys(), prepare=partial(_compared, content))


def _comparisons(content: Content, caches: Caches) -> tuple[Mapping[str, Comparison], dict[str, tuple[str, ...]]]:
    """Each event's comparison, read from the cache when looked up, and the texts it shows, kept for
    every event in one file: only the events compared again are read (1,990 comparisons at 10k: 1–1.5 s)."""
    jobs = _comparison_jobs(content)
    texts = {slug: shown for slug, (inputs, _) in jobs.items() if (shown := caches.comparison_texts.get(inputs)) is not None}
    comparisons = caches.comparisons.lazy_map(_compare, jobs, jobs.keys() - texts.keys(), prepare=partial(_compared, content))
    for slug, (inputs, _) in jobs.items():
        if slug not in texts:
            texts[slug] = tuple(comparisons[slug].texts())
            caches.comparison_texts.put(inputs, texts[slug])
    return comparisons, texts


EventArticles = tuple[EventGroup, dict[str, Article]]


def _comparison_jobs(content: Content) -> dict[str, tuple[tuple[str, ...], EventArticles]]:
    """What each event's comparison is made from: its articles, the names and terminology of the config."""
    by_id = {article.id: article for article in content.articles}
    settings = _as_key([content.config.gazetteer(), content.config.model_dump(include={"terminology"})])
    jobs = {}
    for event in content.events:
        articles = {id: by_id[id] for id in event.article_ids}
        inputs = (settings, event.slug, *(f"{id} {article.content_hash}" for id, article in articles.items()))
        jobs[event.slug] = (inputs, (event, articles))
    return jobs


def _compared(content: Content, job: EventArticles) -> tuple:
    """What _compare takes: made only for an event compared again, as it reads its articles' analyses."""
    event, articles = job
    return event, articles, {id: content.analyses[id] for id in articles}, content.config.terminology


def _analyses(articles: Sequence[Article], config: SiteConfig, cache: ResultCache[ArticleAnalysis], now: set[str],
              progress: Progress) -> LazyResults[str, ArticleAnalysis]:
    """Each article's analysis by id: those of `now` made (or read) at once, on every core; the
    others read from the cache when looked up."""
    gazetteer = config.gazetteer()
    gazetteer_key = _as_key(gazetteer)
    jobs = {article.id: ((article.title, article.body, gazetteer_key), (article.title, article.body, gazetteer))
            for article in articles}
    return cache.lazy_map(_analyze, jobs, now, progress=partial(progress, "analyzing"))


def _record(config: SiteConfig, article: Article, analysis: ArticleAnalysis) -> ArticleRecord:
    return ArticleRecord(
        lead=" ".join([article.subtitle or "", analysis.lead]).strip(),  # the deck belongs to the lead
        entities=frozenset(entity.name for entity in analysis.entities),
        texts=tuple(article_texts(config, article, analysis)),
    )


def _events(articles: Sequence[Article], records: Mapping[str, ArticleRecord], config: SiteConfig,
            caches: Caches) -> list[EventGroup]:
    """The grouping, kept while no article, setting or code it depends on changed (a rebuild for
    translations only); otherwise only the weeks with a changed article are scored again, and
    only the groups of articles that these scores join are clustered again."""
    settings = GroupingSettings(config.grouping.similarity_threshold, config.grouping.window_days)
    inputs = (repr(settings), _as_key(config.gazetteer()),
              *(f"{article.id} {article.content_hash}" for article in articles))
    if (events := caches.events.get(inputs)) is not None:
        caches.pair_scores.keep_all()  # what the next edit starts from
        caches.clusterings.keep_all()
        return events
    items = [_grouping_input(article, records[article.id]) for article in articles]
    events = group_articles(items, settings,
                            partial(caches.pair_scores.map, min_items_per_worker=generator.group.WEEKS_PER_WORKER),
                            caches.clusterings.map)
    caches.events.put(inputs, events)
    return events


def _as_key(settings: object) -> str:
    """Settings (plain data) as a cache input: the same text for the same settings."""
    return json.dumps(settings, ensure_ascii=False, sort_keys=True)


# Run in worker processes: module-level functions of one argument.
def _analyze(job: tuple[str, str, dict[str, str]]) -> ArticleAnalysis:
    return analyze_article(*job)


def _compare(job: tuple) -> Comparison:
    return compare_event(*job)


def _grouping_input(article: Article, record: ArticleRecord) -> GroupingInput:
    return GroupingInput(
        article_id=article.id,
        title=article.title,
        lead=record.lead,
        body=article.body,
        published=article.published,
        pinned_event=article.event,
        entities=record.entities,
    )
