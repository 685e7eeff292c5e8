"""Stage 1: read and validate site_config.yml."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, ValidationError, field_validator

from generator.problems import DigestError, Problem
from generator.clean import visible_text
from generator.yamlfile import YamlMapping, read_yaml

OutletKey = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$")]
# Control and bidi characters only hide or disorder text, and break XML feeds: dropped.
NonEmpty = Annotated[str, BeforeValidator(lambda v: visible_text(v) if isinstance(v, str) else v),
                     StringConstraints(strip_whitespace=True, min_length=1)]


def http_url(value: str) -> str:
    """An absolute http(s) URL with a host and nothing that would need escaping outside HTML."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c in value for c in ' "<>\\`') or not value.isprintable():
        raise ValueError("must be an absolute http(s) URL such as https://example.org/")
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Bilingual(_Strict):
    ar: NonEmpty
    en: NonEmpty

    def get(self, lang: str) -> str:
        return self.ar if lang == "ar" else self.en


class SiteSettings(_Strict):
    title: Bilingual
    description: Bilingual | None = None
    base_url: str = Field(description="Absolute URL where the site is published, may include a sub-path")

    @field_validator("base_url")
    @classmethod
    def _absolute_url(cls, value: str) -> str:
        http_url(value)
        parts = urlsplit(value)
        if parts.query or parts.fragment:
            raise ValueError("must not contain a query or fragment")
        return value if value.endswith("/") else value + "/"

    @property
    def base_path(self) -> str:
        """The sub-path part of base_url, e.g. '/digest/'."""
        return urlsplit(self.base_url).path or "/"


class Outlet(_Strict):
    name: Bilingual
    url: str | None = None
    country: str | None = None
    notes: Bilingual | None = None

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        return None if value is None else http_url(value)


class TranslationSettings(_Strict):
    source_language: str = "ar"
    target_language: str = "en"
    required: bool = Field(False, description="Fail the build when any text lacks a translation")
    full_bodies: bool = Field(False, description="Also translate every sentence of article bodies")
    memory: Path = Path("translations/memory.jsonl")
    reviewed: Path = Path("translations/reviewed.yml")
    beam_size: int = Field(2, ge=1, le=8)


class GroupingSettings(_Strict):
    similarity_threshold: float = Field(0.3, gt=0, lt=1, description="Probability that two groups report one happening")
    window_days: int = Field(2, ge=0, le=60)


ActorKey = OutletKey  # same shape: lowercase letters, digits and hyphens


class Actor(_Strict):
    """An actor of the news and the words outlets use for it (word choice on event pages)."""

    label: Bilingual
    variants: list[NonEmpty] = Field(min_length=1, description="Arabic names outlets use, in ordinary spelling")


EntityKind = Literal["person", "place", "organization", "country", "media"]


class GlossaryEntry(_Strict):
    """A glossary term with the kind of name it is: the analysis then knows it as an entity."""

    en: NonEmpty
    kind: EntityKind


class SiteConfig(_Strict):
    site: SiteSettings
    content_dir: Path = Path("content")
    outlets: dict[OutletKey, Outlet] = {}
    translation: TranslationSettings = TranslationSettings()
    grouping: GroupingSettings = GroupingSettings()
    glossary: dict[NonEmpty, NonEmpty | GlossaryEntry] = Field(
        {}, description="Arabic term → fixed English rendering, or {en: rendering, kind: person|place|…}")
    terminology: dict[ActorKey, Actor] = Field({}, description="Actor key → its label and the variants outlets use")
    root: Path = Field(Path("."), exclude=True, description="Folder of the config file; relative paths start here")

    def renderings(self) -> dict[str, str]:
        """The glossary as Arabic term → English rendering."""
        return {term: entry if isinstance(entry, str) else entry.en for term, entry in self.glossary.items()}

    def gazetteer(self) -> dict[str, str]:
        """Glossary terms that say their kind, as the analysis's surface form → kind."""
        return {term: entry.kind for term, entry in self.glossary.items() if isinstance(entry, GlossaryEntry)}

    def path(self, relative: Path) -> Path:
        return relative if relative.is_absolute() else self.root / relative


def load_config(path: Path) -> SiteConfig:
    if not path.is_file():
        raise DigestError([Problem(path, "configuration file not found", hint="create it or pass --config PATH")])
    raw = read_yaml(path)
    if not isinstance(raw, dict):
        raise DigestError([Problem(path, "must be a mapping of settings (key: value)")])
    try:
        return SiteConfig.model_validate({**raw, "root": path.parent})
    except ValidationError as error:
        raise DigestError([_problem_from(path, raw, item) for item in error.errors()]) from None


def _problem_from(path: Path, raw: dict, item: dict) -> Problem:
    key = ".".join(str(part) for part in item["loc"]) or "(top level)"
    message = "unknown key" if item["type"] == "extra_forbidden" else item["msg"].removeprefix("Value error, ")
    return Problem(path, f"{key}: {message}", _line_of(raw, item["loc"]))


def _line_of(raw: object, loc: tuple) -> int | None:
    """Line of the deepest key of loc found in the YAML, or of the mapping that lacks it."""
    line = None
    for part in loc:
        if not isinstance(raw, YamlMapping):
            break
        line = raw.line_of(part) or line
        if part not in raw:
            break
        raw = raw[part]
    return line
