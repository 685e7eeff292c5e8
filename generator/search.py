"""Full-text search: Pagefind indexes of the rendered pages, one per language and month of publication.

Pagefind stems and normalizes Arabic itself (alef and hamza forms, ta marbuta,
attached prefixes), so `الاسرائيلي` finds `الإسرائيلي`. Each index is static
files under `pagefind/<language>/<month>/`, searched in the reader's browser,
where the search page merges those of its language (Pagefind's mergeIndex).

One index per month rather than one for the site: Pagefind reads every page it
indexes, and a rebuild after today's articles must not read a year of them
again (nor a month: see Shards). A shard whose pages did not change is kept
from the previous build.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from generator.parallel import cores
from generator.problems import DigestError, Problem

INDEX_FOLDER = "pagefind"
UNDATED = "undated"


def month_of(published: date | None) -> str:
    """The month of a publication date as the archive names it (2025-07), or UNDATED."""
    return f"{published.year:04d}-{published.month:02d}" if published else UNDATED


@dataclass(frozen=True)
class Shards:
    """Which index a page goes to: its month's, except the pages of the archive's newest week (within
    its month), which have an index of their own. Today's articles then make Pagefind read a few days
    of pages again, not a month of them (at 10k articles a year, 0.35 s instead of 1.8 s a language),
    for one more index in a reader's search; the week joins its month's index when a newer week comes."""

    newest_week: date | None  # the first day of that week in its month

    @classmethod
    def of(cls, dates: Iterable[date | None]) -> Shards:
        newest = max((day for day in dates if day is not None), default=None)
        if newest is None:
            return cls(None)
        return cls(max(newest - timedelta(days=newest.weekday()), newest.replace(day=1)))

    def of_date(self, published: date | None) -> str:
        """The index of a page of this publication date: 2025-07, the newest week's 2025-07-21, or UNDATED."""
        if published is not None and self.newest_week is not None and published >= self.newest_week:
            return self.newest_week.isoformat()
        return month_of(published)


def newest_first(shards: set[str]) -> list[str]:
    return sorted(shards - {UNDATED}, reverse=True) + sorted(shards & {UNDATED})


class SearchIndexing:
    """Shards indexed in the background, each as soon as it is started: Pagefind runs in its own
    processes, so while Python renders the other pages on one core, it indexes on the others."""

    def __init__(self, site_root: Path, page_file: Callable[[str], str]):
        self.site_root = site_root
        self.page_file = page_file
        self._pool = ThreadPoolExecutor(cores())
        self._running: list[Future[None]] = []

    def start(self, name: str, pages: Sequence[str]) -> None:
        """Index the pages (site paths) into pagefind/<name>/ under site_root (a name may hold a slash)."""
        files = {page: self.page_file(page) for page in pages}
        self._running.append(self._pool.submit(_index_shard, self.site_root, name, files))

    def wait(self) -> None:
        """Until every shard started is indexed; raises the first shard's DigestError."""
        for shard in self._running:
            shard.result()

    def close(self) -> None:
        """Stops what has not started; waits for the Pagefind runs under way (their files are in the site's folder)."""
        self._pool.shutdown(wait=True, cancel_futures=True)


def _index_shard(site_root: Path, name: str, pages: Mapping[str, str]) -> None:
    """Pagefind reads a whole folder: give it one with only the shard's pages (site path → file),
    at their paths (hard links), so the addresses in the index are those of the site."""
    with tempfile.TemporaryDirectory(dir=site_root, prefix=".search-") as folder:
        pages_folder = Path(folder)
        for page, file in pages.items():
            (pages_folder / page).parent.mkdir(parents=True, exist_ok=True)
            os.link(file, pages_folder / page)
        result = subprocess.run(
            [_pagefind(site_root), "--site", str(pages_folder), "--output-subdir", INDEX_FOLDER, "--silent"],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            reason = (result.stderr or result.stdout).strip().splitlines()
            raise DigestError([Problem(site_root, f"search index failed: {reason[-1] if reason else 'pagefind exited with an error'}",
                                       hint=_REINSTALL)])
        _sort_entry_file(pages_folder / INDEX_FOLDER / "pagefind-entry.json")
        for unused in _UNUSED_FILES:
            (pages_folder / INDEX_FOLDER / unused).unlink(missing_ok=True)
        target = site_root / INDEX_FOLDER / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(pages_folder / INDEX_FOLDER, target)


# Pagefind's other interfaces, which the search page never loads: 0.28 MB in every index.
_UNUSED_FILES = ("pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-modular-ui.js",
                 "pagefind-modular-ui.css", "pagefind-highlight.js")
_REINSTALL = "reinstall with ./run.sh build; it installs pagefind[extended]"


@lru_cache(maxsize=1)
def _pagefind_executable() -> str | None:
    from pagefind.service import get_executable  # the extended build (Arabic stemming) when installed

    executable = get_executable()
    return str(executable) if executable else None


def _pagefind(site_root: Path) -> str:
    """Pagefind's own executable, run directly: `python -m pagefind` only finds it and runs it,
    after 0.1 s of starting Python, once per index."""
    if (executable := _pagefind_executable()) is None:
        raise DigestError([Problem(site_root, "search index failed: the pagefind executable is not installed", hint=_REINSTALL)])
    return executable


def _sort_entry_file(path: Path) -> None:
    """Pagefind writes its languages in hash-map order, which varies between runs;
    sorted, two builds of the same content are byte-identical."""
    entry = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(entry, sort_keys=True, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
