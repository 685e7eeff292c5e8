"""Full-text search: a Pagefind index of the rendered pages, one per language.

Pagefind stems and normalizes Arabic itself (alef and hamza forms, ta marbuta,
attached prefixes), so `الاسرائيلي` finds `الإسرائيلي`. The index is static
files under `pagefind/`, searched in the reader's browser.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from generator.problems import DigestError, Problem

INDEX_FOLDER = "pagefind"


def build_search_index(site_root: Path) -> None:
    """Index every page that marks its searchable part with data-pagefind-body."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_root), "--output-subdir", INDEX_FOLDER, "--silent"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        reason = (result.stderr or result.stdout).strip().splitlines()
        raise DigestError([Problem(site_root, f"search index failed: {reason[-1] if reason else 'pagefind exited with an error'}",
                                   hint="reinstall with ./run.sh build; it installs pagefind[extended]")])
    _sort_entry_file(site_root / INDEX_FOLDER / "pagefind-entry.json")


def _sort_entry_file(path: Path) -> None:
    """Pagefind writes its languages in hash-map order, which varies between runs;
    sorted, two builds of the same content are byte-identical."""
    entry = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(entry, sort_keys=True, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
