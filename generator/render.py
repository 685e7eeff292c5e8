"""Stage 7: render the bilingual site with Jinja2.

Every page exists twice with the same path under `ar/` (right-to-left) and `en/`
(left-to-right). Links between pages are relative, so the site works under any
base path and from a local folder; absolute URLs (canonical, hreflang, Open
Graph) come from the configured base_url.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property, partial
from importlib.metadata import version
from pathlib import Path
from typing import Literal, TypeVar

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

import generator
from generator.analyze.analysis import ArticleAnalysis
from generator.analyze.entities import CitedSource
from generator.analyze.normalize import normalize_for_matching
from generator.analyze.sentences import Sentence
from generator.cache import code_fingerprint, files_fingerprint, fingerprint
from generator.compare import ClaimCell, Comparison, Contradiction, Evidence, SentenceRef, TermUse
from generator.config import Outlet, SiteConfig
from generator.group import EventGroup
from generator.ingest import Article
from generator.output import SiteWriter
from generator.search import INDEX_FOLDER, UNDATED, SearchIndexing, Shards, month_of, newest_first
from generator.translate import Translation, TranslationResult

LANGUAGES = ("ar", "en")
DIRECTION = {"ar": "rtl", "en": "ltr"}
# The home page and each outlet's page list the newest events or articles; with more, they
# link to one page per month (a year of news on one page is megabytes on a phone, and
# remade by every build).
NEWEST_LISTED = 30
SHARED_SENTENCES_SHOWN = 4  # of a point several outlets report; the others are named and linked
SIDE_SENTENCES_SHOWN = 2  # of each side of a contradiction
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
STATIC = TEMPLATES / "static"


@dataclass(frozen=True)
class Report:
    """One article as shown on the site: the article, its analysis, its outlet."""

    article: Article
    analyses: Mapping[str, ArticleAnalysis] = field(compare=False, repr=False)  # the article's read when shown
    outlet: Outlet | None
    unknown_number: int | None  # tells apart several unidentified outlets in one event
    event_slug: str
    texts: tuple[str, ...]  # article_texts: what the English pages show of it

    @cached_property
    def analysis(self) -> ArticleAnalysis:
        return self.analyses[self.article.id]

    @cached_property
    def summary_indexes(self) -> frozenset[int]:
        return frozenset(self.analysis.summary)

    @property
    def summary_sentences(self) -> list[Sentence]:
        return [self.analysis.sentences[i] for i in self.analysis.summary]

    @property
    def paragraphs(self) -> list[list[Sentence]]:
        grouped: dict[int, list[Sentence]] = {}
        for sentence in self.analysis.sentences:
            grouped.setdefault(sentence.paragraph, []).append(sentence)
        return list(grouped.values())


Item = TypeVar("Item")
OutletStance = Literal["reports", "contradicts", "silent", "mixed"]


@dataclass(frozen=True)
class OutletCell:
    stance: OutletStance
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class OutletColumn:
    """The reports of one outlet in an event, which the comparison shows together: a reader compares
    outlets, and an outlet that filed five reports would otherwise fill five columns of the claim
    matrix with its name. Each report of an unidentified outlet is a column of its own."""

    report: Report  # the outlet's first report, which names it
    article_ids: tuple[str, ...]

    def cell(self, cells: Mapping[str, ClaimCell]) -> ClaimCell | OutletCell:
        """What the outlet says of a claim, with the evidence of each of its reports: what they say, or
        "mixed" when one of them reports it and another contradicts it (an update of a figure)."""
        if len(self.article_ids) == 1:  # most outlets: the report's own cell
            return cells[self.article_ids[0]]
        own = [cells[article_id] for article_id in self.article_ids]
        stances = {cell.stance for cell in own} - {"silent"}
        stance: OutletStance = "mixed" if len(stances) > 1 else stances.pop() if stances else "silent"
        return OutletCell(stance, tuple(evidence for cell in own for evidence in cell.evidence))

    def items(self, by_article: Mapping[str, Sequence[Item]]) -> list[tuple[str, Item]]:
        """(article id, item) for the items of each of the outlet's reports."""
        return [(article_id, item) for article_id in self.article_ids for item in by_article.get(article_id, ())]

    def sources(self, cited: Mapping[str, Sequence[CitedSource]]) -> list[tuple[CitedSource, list[Place]]]:
        """The sources the outlet cites, each once, with where its reports cite it."""
        return _once_each(self.items(cited), lambda source: (source.name, source.kind),
                          lambda article_id, source: [(article_id, source.sentence_index)])

    def term_uses(self, by_article: Mapping[str, Sequence[TermUse]]) -> list[tuple[TermUse, list[Place]]]:
        """The outlet's uses of an actor's names, each wording once, with where its reports use it."""
        return _once_each(self.items(by_article), lambda use: (use.text, use.framed, use.quoted, use.in_title),
                          lambda article_id, use: [(article_id, index) for index in use.sentence_indexes])


Place = tuple[str, int]  # a sentence of an event's article: (article id, sentence index)


def _once_each(items: Iterable[tuple[str, Item]], key: Callable[[Item], object],
               places: Callable[[str, Item], list[Place]]) -> list[tuple[Item, list[Place]]]:
    """Items of several reports that are the same by key, as the first of them and all their places."""
    found: dict[object, tuple[Item, list[Place]]] = {}
    for article_id, item in items:
        found.setdefault(key(item), (item, []))[1].extend(places(article_id, item))
    return list(found.values())


@dataclass(frozen=True)
class EventPage:
    slug: str
    title: str  # Arabic: the title of its reports that shares the most words with the others (_central_title)
    published: date | None
    reports: tuple[Report, ...]
    # Joined on weak evidence (EventGroup.needs_review): the page tells readers it may be two happenings.
    weakly_grouped: bool = False

    @cached_property
    def columns(self) -> tuple[OutletColumn, ...]:
        """One per outlet, in the order of its first report."""
        grouped: dict[str, list[Report]] = {}
        for report in self.reports:
            grouped.setdefault(report.article.compared_as, []).append(report)
        return tuple(OutletColumn(reports[0], tuple(r.article.id for r in reports)) for reports in grouped.values())

    @cached_property
    def _first_with_text(self) -> dict[str, Report]:
        first: dict[str, Report] = {}
        for report in self.reports:
            first.setdefault(report.article.body, report)
        return first

    def copied_from(self, report: Report) -> Report | None:
        """The earlier report of the event with the same text word for word (a wire story that several
        outlets carried), if any."""
        first = self._first_with_text[report.article.body]
        return first if first is not report else None

    @cached_property
    def report_numbers(self) -> dict[str, int]:
        """Each report's number among its outlet's reports, for the outlets that filed several: the page
        tells those reports apart by it, in their headings and at every sentence of theirs it links to."""
        return {article_id: number for column in self.columns if len(column.article_ids) > 1
                for number, article_id in enumerate(column.article_ids, 1)}

    def columns_without(self, by_article: Mapping[str, Sequence[object]]) -> list[OutletColumn]:
        """The outlets none of whose reports has any of these items (nothing of their own, say)."""
        return [column for column in self.columns if not column.items(by_article)]

    def outlets_among(self, refs: Iterable[SentenceRef]) -> int:
        """How many outlets the sentences come from."""
        ids = {ref.article_id for ref in refs}
        return sum(not ids.isdisjoint(column.article_ids) for column in self.columns)


def texts_to_translate(events: Sequence[EventPage]) -> list[str]:
    """Every Arabic text of the articles that the English pages will show."""
    return [text for event in events for report in event.reports for text in report.texts]


def article_texts(config: SiteConfig, article: Article, analysis: ArticleAnalysis) -> list[str]:
    """The Arabic texts of an article that the English pages show."""
    texts = [article.title]
    if article.subtitle:
        texts.append(article.subtitle)
    chosen = analysis.sentences if config.translation.full_bodies else [analysis.sentences[i] for i in analysis.summary]
    texts.extend(sentence.text for sentence in chosen)
    for quote in analysis.quotes:
        texts.append(quote.text)
        if quote.speaker:
            texts.append(quote.speaker)
    return texts


def event_pages(config: SiteConfig, events: Sequence[EventGroup], articles: Mapping[str, Article],
                analyses: Mapping[str, ArticleAnalysis], texts: Mapping[str, Sequence[str]] | None = None) -> list[EventPage]:
    """texts: each article's article_texts, when known without its analysis (which is then read only
    for the pages made in this build)."""
    def texts_of(article: Article) -> tuple[str, ...]:
        return tuple(texts[article.id] if texts is not None else article_texts(config, article, analyses[article.id]))

    pages = []
    for event in events:
        reports = []
        unknown = 0
        for article_id in event.article_ids:
            article = articles[article_id]
            outlet = config.outlets.get(article.outlet) if article.outlet else None
            if outlet is None:
                unknown += 1
            reports.append(Report(article, analyses, outlet, unknown if outlet is None else None, event.slug, texts_of(article)))
        if unknown == 1:  # a lone unidentified outlet needs no number
            reports = [replace(r, unknown_number=None) for r in reports]
        dates = [r.article.published for r in reports if r.article.published]
        pages.append(EventPage(event.slug, _central_title([r.article.title for r in reports]),
                               min(dates) if dates else None, tuple(reports), event.needs_review))
    return sorted(pages, key=_listing_order)


def _central_title(titles: Sequence[str]) -> str:
    """The title that shares the most words with the others (the earliest report's of those that share
    as many): the event's headline is what most outlets said, not the wording of whichever came first."""
    words = [frozenset(w for w in normalize_for_matching(title).split() if len(w) > 2) for title in titles]
    def shared(i: int) -> float:
        return sum(len(words[i] & other) / len(words[i] | other) for j, other in enumerate(words) if j != i and words[i] | other)
    return titles[max(range(len(titles)), key=lambda i: (shared(i), -i))]


def _listing_order(event: EventPage) -> tuple[bool, int, int, int, str]:
    """Newest first (undated last), and among a day's events those that more outlets covered: the day's
    main stories lead its list, as a front page's do."""
    day = event.published.toordinal() if event.published else 0
    return event.published is None, -day, -len(event.columns), -len(event.reports), event.slug


def render_site(config: SiteConfig, events: Sequence[EventPage], comparisons: Mapping[str, Comparison],
                comparison_texts: Mapping[str, Sequence[str]], translations: TranslationResult, writer: SiteWriter) -> None:
    """Every page in both languages, and the search index. A page is keyed by what it is made
    from (see SiteWriter): one whose inputs did not change is taken from the previous build.
    comparison_texts: the texts of each event's comparison, which decide its key without reading it."""
    environment = _environment()
    strings = yaml.safe_load((TEMPLATES / "strings.yml").read_text(encoding="utf-8"))
    site_key = _site_key(config)
    event_keys = {event.slug: _event_key(event, comparison_texts[event.slug], translations) for event in events}
    by_outlet = _reports_by_outlet(events)
    searched = _searched_pages(events)
    shards = newest_first(set(searched.values()))
    months = _by_month(events, lambda event: event.published)
    with _SearchIndexes(writer, searched) as search:
        pages = {lang: _PageRenderer(environment, config, strings[lang], lang, translations, writer, site_key,
                                     search.page_written) for lang in LANGUAGES}
        # A month's search indexes are made as soon as its pages are written, while the other months
        # are rendered: the months with a changed event first, both languages of each together.
        def unchanged(event: EventPage) -> bool:  # and so are its articles' pages: they have the same key
            return pages["ar"].unchanged("event.html", f"events/{event.slug}.html", (event_keys[event.slug],))

        for month in _changed_first(months, unchanged):
            for page in pages.values():
                for event in sorted(months[month], key=lambda event: event.published or date.min):
                    event_key = (event_keys[event.slug],)
                    # the comparison is looked up (read from the cache) only if the page is made again
                    page.render("event.html", f"events/{event.slug}.html", event_key, event=event, comparisons=comparisons,
                                report_numbers=event.report_numbers)
                    for report in event.reports:
                        page.render("article.html", f"articles/{report.article.id}.html", event_key, report=report,
                                    event_title=event.title, translate_bodies=config.translation.full_bodies)
        for lang, page in pages.items():
            page.render_by_month("home.html", "index.html", "archive.html", "archive", "events", events, months,
                                 lambda event: event_keys[event.slug])
            page.render("search.html", "search.html", shards, search_shards=[f"{lang}/{shard}" for shard in shards])
            page.render("404.html", "404.html", (), indexed=False)
            outlet_titles = {key: _outlet_title(config, key, strings[lang]) for key in by_outlet}
            page.render("outlets.html", "outlets/index.html", [f"{key} {len(reports)}" for key, reports in by_outlet.items()],
                        outlets=[(key, outlet_titles[key], len(reports)) for key, reports in by_outlet.items()])
            for key, reports in by_outlet.items():
                page.render_by_month("outlet.html", f"outlets/{key}.html", "outlet_month.html", f"outlets/{key}", "reports",
                                     reports, _by_month(reports, lambda report: report.article.published),
                                     lambda report: event_keys[report.event_slug] + report.article.id,
                                     outlet=config.outlets.get(key), outlet_key=key, outlet_title=outlet_titles[key])
            dated = [event for event in events if event.published]
            latest = sorted(dated, key=lambda e: e.published, reverse=True)[:50]
            updated = max((event.published for event in dated), default=date(1970, 1, 1))
            page.render("feed.xml", "feed.xml", [event_keys[e.slug] for e in latest], indexed=False, events=latest,
                        updated=updated.isoformat())
        pages_in_language = sorted(pages["ar"].rendered)  # the same in both languages
        search.wait()

    root = _PageRenderer(environment, config, strings["ar"], "ar", translations, writer, site_key)
    writer.write("index.html", root.template_text("language_choice.html", "index.html", titles=config.site.title))
    # GitHub Pages serves the root 404 page at any depth: only absolute links work there.
    writer.write("404.html", root.template_text("404.html", "404.html", absolute_links=True))
    sitemap_key = fingerprint(site_key, *pages_in_language)  # it changes only when pages come or go
    if not writer.reuse("sitemap.xml", sitemap_key):
        writer.write("sitemap.xml", root.template_text("sitemap.xml", "sitemap.xml", paths=pages_in_language,
                                                       languages=LANGUAGES), sitemap_key)
    writer.write("robots.txt", f"User-agent: *\nAllow: /\nSitemap: {config.site.base_url}sitemap.xml\n")
    for static in sorted(STATIC.rglob("*")):
        if static.is_file():
            writer.copy("assets/" + static.relative_to(STATIC).as_posix(), static)
    writer.write(".nojekyll", "")


Listed = TypeVar("Listed")


def _by_month(items: Sequence[Listed], published: Callable[[Listed], date | None]) -> dict[str, list[Listed]]:
    """Items (in their order) by month of publication (2025-07, or UNDATED); newest month first."""
    months: dict[str, list[Listed]] = {}
    for item in items:
        months.setdefault(month_of(published(item)), []).append(item)
    return {month: months[month] for month in newest_first(set(months))}


def _changed_first(months: Mapping[str, Sequence[Listed]], unchanged: Callable[[Listed], bool]) -> list[str]:
    """The months, oldest first, those with an item that changed before the others."""
    oldest_first = sorted(months, key=lambda month: (month == UNDATED, month))
    return sorted(oldest_first, key=lambda month: all(map(unchanged, months[month])))


def _month_label(month: str, strings: dict) -> str:
    if month == UNDATED:
        return strings["date_unknown"]
    year, number = month.split("-")
    return f"{strings['months'][int(number) - 1]} {year}"


def _site_key(config: SiteConfig) -> str:
    """What every page depends on: the generator's code, the templates, the configuration."""
    templates = sorted(path for path in TEMPLATES.rglob("*") if path.is_file())
    return fingerprint(code_fingerprint(generator), files_fingerprint(templates), config.model_dump_json())


def _event_key(event: EventPage, comparison_texts: Sequence[str], translations: TranslationResult) -> str:
    """What the pages of one event are made from: its articles (the analysis and the comparison follow
    from them and the site key) and the translations of every text they show."""
    texts = [text for report in event.reports for text in report.texts]
    translated = [translations.of(text) for text in sorted(set(texts).union(comparison_texts))]
    return fingerprint(event.slug, str(event.weakly_grouped),
                       *(f"{r.article.id} {r.article.content_hash}" for r in event.reports),
                       *(f"{t.source}\0{t.text}\0{t.origin}" for t in translated))


def _page_key(site_key: str, template: str, path: str, depends_on: Iterable[str]) -> str:
    return fingerprint(site_key, template, path, *depends_on)


def _searched_pages(events: Sequence[EventPage]) -> dict[str, str]:
    """The pages Pagefind indexes (path within a language) and the shard of each (see Shards)."""
    shards = Shards.of(report.article.published for event in events for report in event.reports)
    searched = {}
    for event in events:
        searched[f"events/{event.slug}.html"] = shards.of_date(event.published)
        for report in event.reports:
            searched[f"articles/{report.article.id}.html"] = shards.of_date(report.article.published)
    return searched


class _SearchIndexes:
    """Pagefind reads every page it indexes: a shard none of whose pages changed is kept, and one
    that changed is indexed as soon as its last page is written, beside the rendering. A shard
    holds one language's pages of one month (or of the newest week): an edited article remakes two
    shards, one per core, and a search page merges only its own language's."""

    def __init__(self, writer: SiteWriter, searched: Mapping[str, str]):
        self.writer = writer
        self.shards: dict[str, list[str]] = {}
        for lang in LANGUAGES:
            for path, shard in sorted(searched.items()):
                self.shards.setdefault(f"{lang}/{shard}", []).append(f"{lang}/{path}")
        self.shard_of = {page: shard for shard, pages in self.shards.items() for page in pages}
        self.waiting = {shard: set(pages) for shard, pages in self.shards.items()}
        self.indexing = SearchIndexing(writer.root, writer.path_of)
        self.made: dict[str, str] = {}  # shard → key, of those Pagefind is indexing
        self.indexer = version("pagefind")  # in each shard's key: a new Pagefind makes them again

    def page_written(self, page: str) -> None:
        if (shard := self.shard_of.get(page)) is None:
            return
        self.waiting[shard].discard(page)
        if not self.waiting[shard]:
            pages = self.shards[shard]
            key = fingerprint(self.indexer, *(f"{page} {self.writer.keys[page]}" for page in pages))
            if not self.writer.reuse_folder(f"{INDEX_FOLDER}/{shard}", key):
                self.indexing.start(shard, pages)
                self.made[shard] = key

    def wait(self) -> None:
        unwritten = sorted(page for pages in self.waiting.values() for page in pages)
        assert not unwritten, f"searched pages never written: {unwritten[:3]}"
        self.indexing.wait()
        for shard, key in self.made.items():
            self.writer.made_elsewhere(f"{INDEX_FOLDER}/{shard}", key)

    def __enter__(self) -> _SearchIndexes:
        return self

    def __exit__(self, *exception: object) -> None:
        self.indexing.close()


UNIDENTIFIED = "unidentified"


def _reports_by_outlet(events: Sequence[EventPage]) -> dict[str, list[Report]]:
    """Each outlet's reports, newest first; articles of unknown outlets together under one page."""
    by_outlet: dict[str, list[Report]] = {}
    for event in events:
        for report in event.reports:
            by_outlet.setdefault(report.article.outlet or UNIDENTIFIED, []).append(report)
    for reports in by_outlet.values():
        reports.sort(key=lambda r: (r.article.published or date.min, r.article.id), reverse=True)
    return dict(sorted(by_outlet.items()))


def _outlet_title(config: SiteConfig, key: str, strings: dict) -> str:
    outlet = config.outlets.get(key)
    return outlet.name.get(strings["language_code"]) if outlet else strings["outlet_unknown"]


def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


class _PageRenderer:
    """Renders pages of one language; knows how to link from the page being rendered."""

    def __init__(self, environment: Environment, config: SiteConfig, strings: dict, lang: str,
                 translations: TranslationResult, writer: SiteWriter, site_key: str,
                 written: Callable[[str], None] = lambda path: None):
        self.environment, self.config, self.strings, self.lang = environment, config, strings, lang
        self.translations, self.writer, self.site_key, self.written = translations, writer, site_key, written
        self.rendered: list[str] = []  # paths within the language, for the sitemap

    def render(self, template: str, path: str, depends_on: Iterable[str], indexed: bool = True, **context) -> None:
        """Render the page unless the previous build made it from the same site, template and depends_on."""
        full_path = f"{self.lang}/{path}"
        key = _page_key(self.site_key, template, full_path, depends_on)
        if not self.writer.reuse(full_path, key):
            self.writer.write(full_path, self.template_text(template, full_path, **context), key)
        self.written(full_path)
        if indexed:
            self.rendered.append(path)

    def unchanged(self, template: str, path: str, depends_on: Iterable[str]) -> bool:
        """Whether render would take the page from the previous build."""
        full_path = f"{self.lang}/{path}"
        return self.writer.unchanged(full_path, _page_key(self.site_key, template, full_path, depends_on))

    def render_by_month(self, template: str, path: str, month_template: str, month_folder: str, listed: str,
                        items: Sequence[Listed], months: Mapping[str, Sequence[Listed]],
                        key_of: Callable[[Listed], str], **context) -> None:
        """A page of the newest items (the home page, an outlet's page) and, when there are more,
        one page per month of them; `listed` is the items' name in the templates."""
        labelled = [(month, _month_label(month, self.strings), len(in_month)) for month, in_month in months.items()]
        newest = items[:NEWEST_LISTED]
        more = len(items) > NEWEST_LISTED
        self.render(template, path, [*map(key_of, newest), str(labelled)], **{listed: newest},
                    months=labelled if more else [], total=len(items), **context)
        if more:
            for (month, label, _), in_month in zip(labelled, months.values()):
                self.render(month_template, f"{month_folder}/{month}.html", list(map(key_of, in_month)),
                            **{listed: in_month}, month_label=label, **context)

    def template_text(self, template: str, page_path: str, absolute_links: bool = False,
                      report_numbers: Mapping[str, int] | None = None, **context) -> str:
        """report_numbers: on an event page, its EventPage.report_numbers, which its sentence links show."""
        other = "en" if self.lang == "ar" else "ar"
        in_language = page_path.split("/", 1)[-1]
        site = self.config.site
        url = (lambda target: site.base_path + target) if absolute_links else (lambda target: relative_url(page_path, target))
        return self.environment.get_template(template).render(
            lang=self.lang,
            dir=DIRECTION[self.lang],
            other_lang=other,
            s=self.strings,
            page_path=page_path,
            counterpart=f"{other}/{in_language}",
            alternates=[(code, f"{code}/{in_language}") for code in LANGUAGES],
            site_title=site.title.get(self.lang),
            site_description=site.description.get(self.lang) if site.description else site.title.get(self.lang),
            url=url,
            absolute=lambda target: site.base_url + target,
            base_path=site.base_path,
            event_path=lambda slug: f"{self.lang}/events/{slug}.html",
            article_path=self.article_path,
            tr=self.translations.of,
            text=self.text,
            marked=self.marked,
            sentence_link=partial(self.sentence_link, url, report_numbers or {}),
            outlet_name=self.outlet_name,
            plain=self.plain,
            origin=self.origin,
            arabic_block=self.arabic_block,
            format_date=self.format_date,
            count=self.count,
            in_report_order=in_report_order,
            by_phrase=by_phrase,
            sides=sides,
            side_sentences_shown=SIDE_SENTENCES_SHOWN,
            shared_sentences_shown=SHARED_SENTENCES_SHOWN,
            **context,
        )

    # Article text in the page's language. Python, not Jinja macros: they are called for every
    # sentence of every page, and a macro call costs twenty times as much.
    def text(self, source: str, note: bool = True) -> Markup:
        """The text; on English pages its translation, which says where it comes from (note), and
        text still in Arabic keeps its own language and direction."""
        if self.lang == "ar":
            return escape(source)
        translation = self.translations.of(source)
        attributes = ' lang="ar" dir="rtl"' if translation.origin == "untranslated" else ""
        shown = Markup(f"<span{attributes}>{escape(translation.text)}</span>")
        return shown + Markup(" ") + self.origin(translation) if note else shown

    def marked(self, evidence: Evidence) -> Markup:
        """A side of a contradiction: its sentence with what it says differently marked (the figure, the
        date, the negation). On English pages a translation's words cannot be told apart: the words as
        written and their translation come before it."""
        text = evidence.ref.text
        inline, done = Markup(""), 0
        for start, end in evidence.marked:
            start = max(start, done)  # spans of two figures may overlap
            if end > start:
                inline += escape(text[done:start]) + Markup('<mark class="conflict">') + escape(text[start:end]) + Markup("</mark>")
                done = end
        inline += escape(text[done:])
        if self.lang == "ar":
            return inline
        translation = self.translations.of(text)
        if translation.origin == "untranslated":
            return Markup('<span lang="ar" dir="rtl">') + inline + Markup("</span> ") + self.origin(translation)
        named = Markup("")
        for words in evidence.marked_words:
            translated = self.translations.of(words)
            named += Markup('<span class="conflict-words"><bdi class="as-written" lang="ar" dir="rtl">') + escape(words) \
                + Markup("</bdi>") + (Markup(" ") + escape(translated.text) if translated.origin != "untranslated" else Markup("")) \
                + Markup("</span> ")
        return named + self.text(text)

    def article_path(self, article_id: str) -> str:
        return f"{self.lang}/articles/{article_id}.html"

    def sentence_link(self, url: Callable[[str], str], report_numbers: Mapping[str, int], article_id: str,
                      index: int) -> Markup:
        """The ¶ mark that leads to a sentence (by its index) in its article, with the article's number
        among its outlet's reports when report_numbers gives one."""
        href = escape(f"{url(self.article_path(article_id))}#s-{index + 1}")
        mark = f"¶{index + 1}"
        number = report_numbers.get(article_id)
        if number is None:
            return Markup(f'<a class="sentence-ref" dir="ltr" href="{href}" title="{escape(self.strings["sentence_link"])}">{mark}</a>')
        title = escape(self.strings["sentence_link_numbered"].format(n=number))
        label = escape(f'{mark} {self.strings["report_numbered"].format(n=number)}')
        return Markup(f'<a class="sentence-ref" dir="ltr" href="{href}" title="{title}" aria-label="{label}">'
                      f'{mark}<span class="report-number">{number}</span></a>')

    def outlet_name(self, report: Report) -> Markup:
        """The outlet of a report, isolated from the text around it; or that it is not known."""
        if report.outlet:
            return Markup(f"<bdi>{escape(report.outlet.name.get(self.lang))}</bdi>")
        shown = (self.strings["outlet_unknown_numbered"].format(n=report.unknown_number) if report.unknown_number
                 else self.strings["outlet_unknown"])
        return Markup(f'<span class="unknown" title="{escape(self.strings["outlet_unknown_note"])}">{escape(shown)}</span>')

    def origin(self, translation: Translation) -> Markup:
        label = escape(self.strings[f"origin_{translation.origin}"])
        return Markup(f'<span class="origin origin-{translation.origin}" lang="en" dir="ltr">{label}</span>')

    def plain(self, source: str) -> str:
        """Text where a note would be out of place (the <title>, attributes)."""
        return source if self.lang == "ar" else self.translations.of(source).text

    def arabic_block(self, source: str) -> Markup:
        """Attributes of a block (list item, quote) holding article text: on English pages, text still
        in Arabic makes the whole block right-to-left, so its marks and badge sit where Arabic expects."""
        untranslated = self.lang == "en" and self.translations.of(source).origin == "untranslated"
        return Markup(' lang="ar" dir="rtl"' if untranslated else "")

    def count(self, number: int, key: str) -> str:
        forms = self.strings[key]
        return forms.get(plural_category(number, self.lang), forms["other"]).format(n=number)

    def format_date(self, day: date) -> str:
        return f"{day.day} {self.strings['months'][day.month - 1]} {day.year}"


def by_phrase(evidence: Iterable[Evidence]) -> list[tuple[str, list[SentenceRef]]]:
    """Evidence of a claim matrix cell, the sentences that word the claim alike together: an outlet's
    several reports often repeat one sentence."""
    grouped: dict[str, list[SentenceRef]] = {}
    for item in evidence:
        grouped.setdefault(item.phrase, []).append(item.ref)
    return list(grouped.items())


def sides(contradiction: Contradiction, reports: Sequence[Report]) -> list[list[tuple[Report, Evidence]]]:
    """The statements of a contradiction, those of the first article's side, then those against it."""
    against = set(contradiction.against)
    ordered = in_report_order(contradiction.claims, reports, lambda claim: claim.ref.article_id)
    return [[(report, claim) for report, claim in ordered if (claim.ref.article_id in against) == contradicts]
            for contradicts in (False, True)]


Located = TypeVar("Located")


def in_report_order(items: Iterable[Located], reports: Sequence[Report],
                    article_of: Callable[[Located], str] = lambda ref: ref.article_id) -> list[tuple[Report, Located]]:
    """Sentences (or what refers to one) of an event's articles with the report of each, in the order
    the page shows the reports."""
    by_article: dict[str, list[Located]] = {}
    for item in items:
        by_article.setdefault(article_of(item), []).append(item)
    return [(report, item) for report in reports for item in by_article.get(report.article.id, ())]


def plural_category(number: int, lang: str) -> str:
    """CLDR plural category: Arabic distinguishes zero, one, two, few (3–10), many (11–99)."""
    if lang != "ar":
        return "one" if number == 1 else "other"
    if number in (0, 1, 2):
        return ("zero", "one", "two")[number]
    if 3 <= number % 100 <= 10:
        return "few"
    if 11 <= number % 100 <= 99:
        return "many"
    return "other"


def relative_url(from_page: str, target: str) -> str:
    """Link from one site path to another, e.g. ('ar/events/x.html', 'assets/style.css') → '../../assets/style.css'.
    Both are normalized paths of files of the site (posixpath.relpath, without its calls to the file system)."""
    here, there = from_page.split("/")[:-1], target.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])
