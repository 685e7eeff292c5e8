"""Stage 2: read every article in content/ into an Article.

Two formats:
- `NAME.md`: Markdown with YAML front matter (the canonical format);
- `NAME.txt`: raw text as copied from a site, with its metadata in an optional
  sidecar `NAME.yml` beside it (same keys as front matter).
"""
from __future__ import annotations

import glob
import hashlib
import os
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

import regex
from markdown_it import MarkdownIt
from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError, field_validator
from pydantic_core import ErrorDetails

from generator.cache import FileHashes, PackedResults
from generator.clean import CleanText, UndecodableText, clean_article_text, decode, normalize_newlines, visible_text
from generator.problems import DigestError, Problem
from generator.yamlfile import YamlMapping, parse_yaml, read_yaml

# Measured on 2 cores: a 512 KB article (news text, or words with no punctuation at all)
# adds 8-10 s to a build, once (then its analysis is cached); a 5 MB one would take minutes.
# The longest news reports are under 150 KB: a larger file is a page dump or a book,
# refused before it is even decoded.
MAX_ARTICLE_BYTES = 512 * 1024
MAX_TITLE_CHARACTERS = 300
ARTICLE_SUFFIXES = (".md", ".txt")  # in any case: ARTICLE.TXT too
METADATA_SUFFIXES = (".yml", ".yaml")
_SAFE_ID = regex.compile(r"[a-z0-9][a-z0-9_-]{0,80}")
_FRONT_MATTER = regex.compile(r"\A---[ \t]*\n(?:(?P<yaml>.*?)\n)??---[ \t]*(?:\n|\Z)", regex.DOTALL)
_WORD = regex.compile(r"\p{L}")


@dataclass(frozen=True)
class Article:
    id: str  # URL-safe, from the file name (or `slug:`), unique in content/
    source_path: Path
    title: str
    subtitle: str | None
    body: str  # plain text, paragraphs separated by a blank line
    outlet: str | None  # key into the config's outlets; None when not identified
    url: str | None
    published: date | None
    author: str | None
    event: str | None  # the editor's grouping key, always wins
    removed: tuple[str, ...]  # boilerplate taken out of the text
    content_hash: str  # of the file bytes and its metadata: the cache key for per-article work

    @property
    def compared_as(self) -> str:
        """Whom the article speaks for when an event's outlets are compared: its outlet, or, when that
        is not identified, the article alone."""
        return f"outlet {self.outlet}" if self.outlet else f"article {self.id}"


@dataclass(frozen=True)
class IngestResult:
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]  # warnings only: errors raise DigestError


class FrontMatter(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TITLE_CHARACTERS)] | None = None
    subtitle: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)] | None = None
    slug: Annotated[str, StringConstraints(pattern=f"^{_SAFE_ID.pattern}$")] | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    author: str | None = None
    event: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)] | None = None
    lang: Literal["ar"] = "ar"

    @field_validator("title", "subtitle", "outlet", "url", "author", "event", mode="before")
    @classmethod
    def _visible(cls, value: object) -> object:
        """Invisible characters never reach a page: an unclosed right-to-left override would flip it."""
        return visible_text(value) if isinstance(value, str) else value

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError("must be an http(s) URL of the original article")
        return value.strip()


def ingest(content_dir: Path, outlets: Mapping[str, object], cache: PackedResults[FileReading] | None = None,
           hashes: FileHashes | None = None) -> IngestResult:
    """Read all articles; raise DigestError listing every error found in any file.
    With a cache, a file read before with the same bytes (and sidecar) is not parsed again;
    the others are parsed on every core. hashes: the files' hashes, maybe known already."""
    if not content_dir.is_dir():
        raise DigestError([Problem(content_dir, "content folder not found")])
    errors: list[Problem] = []
    warnings: list[Problem] = []
    paths = _article_files(content_dir, errors, warnings)
    known = tuple(sorted(outlets))  # all that reading needs of the outlets: their keys
    hashes = hashes or FileHashes()
    # Keyed by the absolute path: a build given an absolute --config, or run from another folder, finds the same entries.
    jobs = [((os.path.abspath(path), hashes.of(path), _sidecar_hash(path, hashes), " ".join(known)), (path, known))
            for path in paths]
    readings = cache.map(_read, jobs) if cache else [_read(job) for _, job in jobs]
    articles = []
    for path, reading in zip(paths, readings):
        reading = _named_as(reading, path)
        if reading.article is None:
            errors.extend(reading.problems)
        else:
            articles.append(reading.article)
            warnings.extend(reading.problems)
    errors.extend(_duplicates(articles))
    if errors:
        raise DigestError(errors)
    return IngestResult(tuple(articles), tuple(warnings))


@dataclass(frozen=True)
class FileReading:
    """What reading one file gave: its article and the warnings, or (article None) its errors."""

    article: Article | None
    problems: tuple[Problem, ...]


def _named_as(reading: FileReading, path: Path) -> FileReading:
    """The reading naming the file (and its sidecar) as this build does: one cached by a build that
    named it otherwise (relative to another working folder) would print the wrong path."""
    article, problems = reading.article, reading.problems
    if (article is None or article.source_path == path) and all(problem.path.parent == path.parent for problem in problems):
        return reading
    return FileReading(article and replace(article, source_path=path),
                       tuple(replace(problem, path=path.with_name(problem.path.name)) for problem in problems))


def _read(job: tuple[Path, Sequence[str]]) -> FileReading:
    """read_article, its errors as a result (run in worker processes: they cannot raise for every file)."""
    try:
        article, warnings = read_article(*job)
    except DigestError as error:
        return FileReading(None, tuple(error.problems))
    return FileReading(article, tuple(warnings))


def _article_files(content_dir: Path, errors: list[Problem], warnings: list[Problem]) -> list[Path]:
    """The article files, sorted; what else is in the folder is a warning, so nothing is left out silently.
    Hidden files and folders are skipped. (os.walk and strings, not Path.rglob and three stats a
    file: the 10k files of a year's archive are listed in half the time.)"""
    root = content_dir.resolve()
    files = []
    for parts in visible_entries(content_dir):
        name = os.path.join(content_dir, *parts)
        path = Path(name)
        suffix = path.suffix.lower()
        if os.path.islink(name) and not path.resolve().is_relative_to(root):
            errors.append(Problem(path, "symbolic link to something outside the content folder", hint="copy the file in instead"))
        elif suffix in ARTICLE_SUFFIXES and os.path.isfile(name):
            files.append(path)
        elif os.path.isdir(name):
            continue
        elif suffix in METADATA_SUFFIXES:
            if problem := _orphan_metadata(path):
                warnings.append(problem)
        else:
            warnings.append(Problem(path, "not read: articles are .md or .txt files", severity="warning",
                                    hint="save it as text, or move it out of the content folder"))
    return files


def visible_entries(folder: Path) -> list[tuple[str, ...]]:
    """Every file under folder and every link to a folder (which is not followed), as the parts
    of its path within folder, sorted as paths are; hidden files and folders left out."""
    found = []
    for parent, subfolders, names in os.walk(folder):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        relative = os.path.relpath(parent, folder).split(os.sep) if parent != str(folder) else []
        linked = [name for name in subfolders if os.path.islink(os.path.join(parent, name))]
        found.extend((*relative, name) for name in names + linked if not name.startswith("."))
    return sorted(found)


def _orphan_metadata(path: Path) -> Problem | None:
    beside = {sibling.suffix.lower() for sibling in path.parent.glob(f"{glob.escape(path.stem)}.*")}
    if ".txt" in beside:
        return None
    if ".md" in beside:
        return Problem(path, "not read: a Markdown article keeps its metadata in its front matter", severity="warning",
                       hint=f"move these keys into the front matter of {path.stem}.md")
    return Problem(path, "metadata file with no article beside it", severity="warning",
                   hint=f"name the article {path.stem}.txt")


def _sidecar_hash(path: Path, hashes: FileHashes) -> str:
    sidecar = _sidecar(path) if path.suffix.lower() == ".txt" else None
    return hashes.of(sidecar) if sidecar else ""


def read_article(path: Path, outlets: Collection[str]) -> tuple[Article, list[Problem]]:
    """One article file and the warnings about its metadata; raises DigestError."""
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = "file not found" if isinstance(error, FileNotFoundError) else f"cannot read: {error.strerror}"
        raise DigestError([Problem(path, reason)]) from None
    if len(data) > MAX_ARTICLE_BYTES:
        raise DigestError([Problem(path, f"file is {len(data) / 2**20:.1f} MB, more than the {MAX_ARTICLE_BYTES // 1024} KB "
                                         f"an article may have", hint="split it, or remove what is not the article")])
    try:
        text = normalize_newlines(decode(data))
    except UndecodableText as error:
        raise DigestError([Problem(path, error.reason, error.line)]) from None
    markdown = path.suffix.lower() == ".md"
    if markdown:
        raw_meta, body_text = _split_front_matter(path, text)
        meta_path: Path | None = path
        body_text = markdown_to_text(body_text)
    else:
        meta_path = _sidecar(path)
        raw_meta = _read_yaml(meta_path) if meta_path else YamlMapping(line=1)
        body_text = text
    meta = _validate_meta(raw_meta, meta_path or path)
    cleaned = clean_article_text(body_text, meta.title, pasted=not markdown)
    errors = (_text_problems(path, cleaned, title_given=meta.title is not None)
              + _outlet_problems(meta_path or path, raw_meta, meta, outlets))
    if errors:
        raise DigestError(errors)

    problems = _metadata_warnings(path, meta_path, meta)
    article = Article(
        id=meta.slug or article_id(path.stem),
        source_path=path,
        title=cleaned.title,
        subtitle=meta.subtitle or cleaned.subtitle,
        body=cleaned.body,
        outlet=meta.outlet,
        url=meta.url,
        published=meta.published,
        author=meta.author or cleaned.author,
        event=meta.event,
        removed=cleaned.removed,
        content_hash=hashlib.sha256(data + repr(raw_meta).encode()).hexdigest(),
    )
    return article, problems


def article_id(stem: str) -> str:
    """A URL-safe id from a file name; names that are not ASCII get a stable hashed id."""
    candidate = regex.sub(r"[\s.]+", "-", stem.strip().lower())
    if _SAFE_ID.fullmatch(candidate):
        return candidate
    # surrogatepass: a file name in another encoding than the file system's arrives with lone surrogates
    return "article-" + hashlib.sha1(stem.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def _text_problems(path: Path, cleaned: CleanText, title_given: bool) -> list[Problem]:
    """What makes a text unpublishable as an article, with what to do about it."""
    where = "below the front matter" if path.suffix.lower() == ".md" else "after the first line, which is the title"
    if not cleaned.title and not cleaned.body:
        return [Problem(path, "empty article: no title and no text")]
    if not _WORD.search(cleaned.title + cleaned.body):
        return [Problem(path, "no words: the file holds only punctuation, digits or symbols")]
    if not title_given and len(cleaned.title) > MAX_TITLE_CHARACTERS:  # the text itself, on one line
        return [Problem(path, f"the first line has {len(cleaned.title)} characters: too long for a title",
                        1 if path.suffix.lower() == ".txt" else None,
                        hint="put the title alone on the first line, or give it as title: in the metadata")]
    if not cleaned.body:
        return [Problem(path, "only a title, no article text", hint=f"write the article {where}")]
    return []


def _split_front_matter(path: Path, text: str) -> tuple[YamlMapping, str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---"):
            raise DigestError([Problem(path, "front matter is not closed by a line '---'", 1)])
        return YamlMapping(line=1), text
    raw = _as_mapping(path, parse_yaml(path, match["yaml"] or "", first_line=2), first_line=2)
    return raw, text[match.end():]


def _sidecar(path: Path) -> Path | None:
    for suffix in METADATA_SUFFIXES:
        if (candidate := path.with_suffix(suffix)).is_file():
            return candidate
    return None


def _read_yaml(path: Path) -> YamlMapping:
    return _as_mapping(path, read_yaml(path), first_line=1)


def _as_mapping(path: Path, value: object, first_line: int) -> YamlMapping:
    if value is None:
        return YamlMapping(line=first_line)
    if not isinstance(value, YamlMapping):
        raise DigestError([Problem(path, "metadata must be a mapping of keys (title: …, outlet: …)", first_line)])
    return value


def _validate_meta(raw: YamlMapping, path: Path) -> FrontMatter:
    try:
        return FrontMatter.model_validate(raw)
    except ValidationError as error:
        problems = [
            Problem(path, f"{'.'.join(map(str, item['loc'])) or 'metadata'}: {_explain(item)}",
                    raw.line_of(item["loc"][0]) if item["loc"] else raw.line)
            for item in error.errors()
        ]
        raise DigestError(sorted(problems, key=lambda problem: problem.line or 0)) from None


def _explain(item: ErrorDetails) -> str:
    """The schema's complaint in the editor's terms."""
    kind, value = item["type"], item.get("input")
    if kind == "extra_forbidden":
        return f"unknown key (known: {', '.join(FrontMatter.model_fields)})"
    if kind.startswith("date"):
        return f"'{value}' is not a date: write it as YYYY-MM-DD"
    if kind == "string_type":
        return f"must be text, not {_kind_of(value)}"
    if kind == "string_pattern_mismatch":
        return f"'{value}' is not a URL name: use lowercase a-z, digits, '-' and '_' (at most 81)"
    if kind == "value_error":
        return str(item["ctx"]["error"])
    return item["msg"]


def _outlet_problems(meta_path: Path, raw: YamlMapping, meta: FrontMatter, outlets: Collection[str]) -> list[Problem]:
    if meta.outlet is None or meta.outlet in outlets:
        return []
    known = ", ".join(sorted(outlets)) or "none yet"
    return [Problem(meta_path, f"outlet: unknown outlet '{meta.outlet}' (known: {known})", raw.line_of("outlet"),
                    hint="add it under outlets: in site_config.yml")]


def _kind_of(value: object) -> str:
    for kind, name in ((bool, "true/false"), (int, "a number"), (float, "a number"), (list, "a list"), (dict, "a mapping")):
        if isinstance(value, kind):
            return name
    return "empty" if value is None else type(value).__name__


def _metadata_warnings(path: Path, meta_path: Path | None, meta: FrontMatter) -> list[Problem]:
    where = meta_path or (path if path.suffix.lower() == ".md" else path.with_suffix(".yml"))
    warnings = []
    if meta.outlet is None:
        warnings.append(Problem(path, "outlet not given: pages will say the outlet is not identified", severity="warning",
                                hint=f"add 'outlet: KEY' to {where.name} once the outlet is known"))
    if meta.published is None:
        warnings.append(Problem(path, "publication date not given: pages will say the date is not known", severity="warning",
                                hint=f"add 'published: YYYY-MM-DD' to {where.name}"))
    return warnings


def _duplicates(articles: list[Article]) -> list[Problem]:
    problems = []
    by_id: dict[str, Article] = {}
    by_text: dict[tuple[str, str | None], Article] = {}
    for article in articles:
        if (other := by_id.setdefault(article.id, article)) is not article:
            problems.append(Problem(article.source_path, f"same id '{article.id}' as {other.source_path}", hint="rename one file or set slug:"))
        # The same text from two outlets is a wire story that both carried; from one, a file added twice.
        text_key = (hashlib.sha256(article.body.encode()).hexdigest(), article.outlet)
        if article.body and (other := by_text.setdefault(text_key, article)) is not article:
            problems.append(Problem(article.source_path, f"same text as {other.source_path}: duplicate article", hint="remove one"))
    return problems


_MARKDOWN = MarkdownIt("commonmark", {"html": False})


def markdown_to_text(markdown: str) -> str:
    """Plain text of a Markdown body, one paragraph per block: analysis reads words, not markup."""
    paragraphs = []
    for token in _MARKDOWN.parse(markdown):
        if token.type == "inline":
            text = "".join(_inline_text(child) for child in token.children or [])
        elif token.type in ("code_block", "fence"):  # text indented by four spaces is text to an editor
            text = token.content
        else:
            continue
        if text.strip():
            paragraphs.append(text.strip())
    return "\n\n".join(paragraphs)


def _inline_text(token) -> str:
    if token.type in ("text", "code_inline", "html_inline"):
        return token.content
    if token.type in ("softbreak", "hardbreak"):
        return "\n"
    return ""
