"""The only writer of the output folder: build beside it, swap in on success.

A build writes into a fresh sibling folder; only when every page is written is
the old site moved aside and the new one renamed into place. A build that fails
or is killed leaves the last good site where it was.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from generator.problems import DigestError, Problem


class SiteWriter:
    def __init__(self, root: Path):
        self.root = root
        self.written: set[str] = set()

    def write(self, relative: str, content: str | bytes) -> None:
        path = PurePosixPath(relative)
        if path.is_absolute() or ".." in path.parts or relative in self.written:
            raise ValueError(f"refusing to write {relative!r}: outside the site or written twice")
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        target.write_bytes(data)
        self.written.add(relative)

    def copy(self, relative: str, source: Path) -> None:
        self.write(relative, source.read_bytes())


@contextmanager
def atomic_site(out_dir: Path) -> Iterator[SiteWriter]:
    out_dir = out_dir.absolute()
    _restore_interrupted_swap(out_dir)
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=out_dir.parent, prefix=f".{out_dir.name}-new-"))
    except OSError as error:
        raise DigestError([Problem(out_dir, f"cannot write the site here: {error.strerror}")]) from None
    try:
        yield SiteWriter(staging)
        staging.chmod(0o755)
        _swap(staging, out_dir)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise DigestError([Problem(out_dir, f"writing the site failed ({error.strerror}); the previous site is untouched")]) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _old_path(out_dir: Path) -> Path:
    return out_dir.with_name(f".{out_dir.name}-old")


def _swap(staging: Path, out_dir: Path) -> None:
    old = _old_path(out_dir)
    shutil.rmtree(old, ignore_errors=True)
    if out_dir.exists():
        os.rename(out_dir, old)
    os.rename(staging, out_dir)
    shutil.rmtree(old, ignore_errors=True)


def _restore_interrupted_swap(out_dir: Path) -> None:
    """A build killed between the two renames of _swap leaves the old site aside: put it back."""
    old = _old_path(out_dir)
    if old.exists() and not out_dir.exists():
        os.rename(old, out_dir)
    for leftover in out_dir.parent.glob(f".{out_dir.name}-new-*"):
        shutil.rmtree(leftover, ignore_errors=True)
