"""Everything a build reads, as fingerprints: a site made from the same inputs needs no build.

The site records the fingerprint of what it was made from (output.BUILD_RECORD). Hashing
every file of a 10,000-article archive takes well under a second; reading, analysing and
grouping them again takes tens of seconds, only to make the same site.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import generator
from generator.cache import FileHashes, code_fingerprint, file_hash, fingerprint
from generator.config import SiteConfig
from generator.ingest import visible_entries
from generator.render import TEMPLATES
from generator.translate.models import find_model

# Libraries whose output lands in the site as it is (pages, search index).
_LIBRARIES = ("jinja2", "markdown-it-py", "pagefind")


@dataclass(frozen=True)
class BuildInputs:
    sources: str  # code, templates, configuration, articles, reviewed translations, model
    memory: str  # the translation memory, which a build itself adds to

    @property
    def key(self) -> str:
        return fingerprint(self.sources, self.memory)


def source_fingerprint(config: SiteConfig, config_path: Path, use_model: bool, hashes: FileHashes) -> str:
    """Fingerprint of everything a build reads except the translation memory (the articles' hashes
    through `hashes`, which remembers them for reading)."""
    settings = config.translation
    model = find_model(settings.source_language, settings.target_language) if use_model else None
    return fingerprint(
        code_fingerprint(generator),
        *(version(library) for library in _LIBRARIES),
        _folder_hash(TEMPLATES, FileHashes()),
        file_hash(config_path),
        _folder_hash(config.path(config.content_dir), hashes),
        file_hash(config.path(settings.reviewed)),
        model.model_id if model else "",
    )


def memory_fingerprint(config: SiteConfig) -> str:
    return file_hash(config.path(config.translation.memory))


def current_inputs(config: SiteConfig, config_path: Path, use_model: bool, hashes: FileHashes) -> BuildInputs:
    return BuildInputs(source_fingerprint(config, config_path, use_model, hashes), memory_fingerprint(config))


def _folder_hash(folder: Path, hashes: FileHashes) -> str:
    """Names and bytes of every file under folder that a build may read (ingest skips hidden ones),
    and where each link to a folder points (ingest refuses one that leaves the content folder):
    the entries ingest lists. Run over the whole archive before every build, even one with nothing to do."""
    digest = hashlib.sha256()
    for parts in visible_entries(folder):
        path = os.path.join(folder, *parts)
        if os.path.isdir(path):
            what = "-> " + os.readlink(path)
        elif os.path.isfile(path):
            what = hashes.of(path)
        else:
            continue
        digest.update("/".join(parts).encode("utf-8", "surrogatepass") + b"\0" + what.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()
