"""Stage 1: read and validate site_config.yml."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator

from generator.problems import DigestError, Problem
from generator.yamlfile import read_yaml

OutletKey = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$")]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


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
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError("must be an absolute http(s) URL such as https://user.github.io/digest/")
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
        if value is not None and urlsplit(value).scheme not in ("http", "https"):
            raise ValueError("must be an http(s) URL")
        return value


class TranslationSettings(_Strict):
    source_language: str = "ar"
    target_language: str = "en"
    required: bool = Field(False, description="Fail the build when any text lacks a translation")
    full_bodies: bool = Field(False, description="Also translate every sentence of article bodies")
    memory: Path = Path("translations/memory.jsonl")
    reviewed: Path = Path("translations/reviewed.yml")
    beam_size: int = Field(2, ge=1, le=8)


class GroupingSettings(_Strict):
    similarity_threshold: float = Field(0.3, gt=0, lt=1)
    window_days: int = Field(3, ge=0, le=60)


ActorKey = OutletKey  # same shape: lowercase letters, digits and hyphens


class Actor(_Strict):
    """An actor of the news and the words outlets use for it (word choice on event pages)."""

    label: Bilingual
    variants: list[NonEmpty] = Field(min_length=1, description="Arabic names outlets use, in ordinary spelling")


class SiteConfig(_Strict):
    site: SiteSettings
    content_dir: Path = Path("content")
    outlets: dict[OutletKey, Outlet] = {}
    translation: TranslationSettings = TranslationSettings()
    grouping: GroupingSettings = GroupingSettings()
    glossary: dict[NonEmpty, NonEmpty] = Field({}, description="Arabic term → fixed English rendering")
    terminology: dict[ActorKey, Actor] = Field({}, description="Actor key → its label and the variants outlets use")
    root: Path = Field(Path("."), exclude=True, description="Folder of the config file; relative paths start here")

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
        raise DigestError([_problem_from(path, item) for item in error.errors()]) from None


def _problem_from(path: Path, item: dict) -> Problem:
    key = ".".join(str(part) for part in item["loc"]) or "(top level)"
    message = "unknown key" if item["type"] == "extra_forbidden" else item["msg"]
    return Problem(path, f"{key}: {message}")
