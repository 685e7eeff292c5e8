"""Shared fixtures: the real seed articles and a throwaway digest project built around them."""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

import pytest

# Before anything imports argostranslate (it reads these once): no test may see
# the models of the machine it runs on. Tests that need a model install the
# fixture model through tests/model_fixture.py.
_ARGOS_HOME = Path(tempfile.mkdtemp(prefix="digest-tests-argos-"))
for _name in ("ARGOS_PACKAGES_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = str(_ARGOS_HOME / _name.lower())
os.environ["ARGOS_PACKAGE_INDEX"] = "http://127.0.0.1:9/"
# Read the settings now, with these folders, so that a test's temporary ones are undone after it.
import argostranslate.settings  # noqa: E402,F401

pytest_plugins = ["tests.model_fixture", "tests.browser"]

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the repository's own site: config, content (the seeds), translations."""
    for name in ("site_config.yml",):
        shutil.copy(REPO / name, tmp_path / name)
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copytree(REPO / "translations", tmp_path / "translations")
    return tmp_path


def build_event(project: Path, event: str, articles: Mapping[str, tuple[str, str]]) -> dict[str, str]:
    """Adds articles (file name → front matter lines, body) pinned to one event, builds the project;
    the event's page in each language."""
    from generator.build import build

    for name, (meta, body) in articles.items():
        (project / "content" / f"{name}.md").write_text(f"---\n{meta}event: {event}\n---\n{body}\n", encoding="utf-8")
    build(project / "site_config.yml", project / "site")
    return {lang: (project / "site" / lang / "events" / f"{event}.html").read_text(encoding="utf-8") for lang in ("ar", "en")}


def saudi_news(name: str) -> list[dict]:
    """The articles of one of the labelled SaudiNewsNet sets of benchmarks/data (see its README), one dict each."""
    path = REPO / "benchmarks" / "data" / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
