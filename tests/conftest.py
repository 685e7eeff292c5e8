"""Shared fixtures: the real seed articles and a throwaway digest project built around them."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

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
