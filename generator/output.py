"""The only writer of the output folder: build beside it, swap it in on success.

A build writes into a fresh sibling staging folder (`.site-new-…`); only when
every page is written is the old site moved aside (`.site-old`) and the new one
renamed into place. A build that fails or is killed leaves the last good site
where it was, and the next build cleans up after it.

Builds of the same output folder take turns: each holds a lock on the folder
that contains it from before it creates its staging folder until after the
swap, so one build never sweeps away another's staging folder or swaps in the
middle of another's swap. The lock is the kernel's (flock), released when the
process ends, however it ends.

A folder is only ever replaced if a build made it (it holds MARKER) or it is
empty: `--out content` must not swap the editor's articles away.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path

from generator.locks import folder_lock
from generator.problems import DigestError, Problem

MARKER = ".digest-site"
MANIFEST = ".digest-pages.json"  # what each file of the site was made from
BUILD_RECORD = ".digest-build.json"  # the fingerprint of everything the whole site was made from
_MARKER_TEXT = "Built by `digest build`, which replaces this whole folder on every build.\n"
# A site built before MARKER existed: recognised by these files, so upgrading needs no manual step.
_LEGACY_SITE_FILES = (".nojekyll", "ar/index.html", "en/index.html")


class SiteWriter:
    """Writes the files of one build; takes unchanged ones from the previous build.

    Each file may carry a key: a fingerprint of everything it was made from. A file
    whose key is the same as in the previous build is linked from it instead of made
    again; the keys are kept in MANIFEST, inside the site, so they always describe the
    files beside them.
    """

    def __init__(self, root: Path, previous: Path | None = None):
        self.root = root
        self.written: set[str] = set()
        self.keys: dict[str, str] = {}
        self.reused = 0
        self._previous = previous
        self._folders: set[str] = set()
        self._previous_keys = _read_json_object(previous / MANIFEST) if previous else {}

    def write(self, relative: str, content: str | bytes, key: str | None = None) -> None:
        with open(self._new_file(relative), "wb") as file:
            file.write(content.encode("utf-8") if isinstance(content, str) else content)
        self._record(relative, key)

    def copy(self, relative: str, source: Path) -> None:
        self.write(relative, source.read_bytes())

    def reuse(self, relative: str, key: str) -> bool:
        """Take the file relative from the previous build if it was made from the same key."""
        if self._previous is None or self._previous_keys.get(relative) != key:
            return False
        target = self._new_file(relative)
        try:
            _link(os.path.join(self._previous, relative), target)
        except OSError:
            with suppress(FileNotFoundError):
                os.unlink(target)
            return False  # made again instead
        self._record(relative, key)
        self.reused += 1
        return True

    def reuse_folder(self, relative: str, key: str) -> bool:
        """Take the folder relative (a search index) from the previous build if it was made from the same key."""
        if self._previous is None or self._previous_keys.get(relative) != key:
            return False
        source, target = os.path.join(self._previous, relative), self._new_file(relative)
        try:  # thousands of files per index: os.walk and strings, not pathlib
            for folder, _, files in os.walk(source):
                destination = os.path.join(target, os.path.relpath(folder, source))
                os.makedirs(destination, exist_ok=True)
                for name in files:
                    _link(os.path.join(folder, name), os.path.join(destination, name))
        except OSError:
            _remove_tree(Path(target))
            return False  # made again instead, into a clean place
        self._record(relative, key)
        self.reused += 1
        return True

    def made_elsewhere(self, relative: str, key: str) -> None:
        """relative was written into root by another program (the search indexer), from key."""
        self._record(relative, key)

    def finish(self) -> None:
        manifest = json.dumps(self.keys, sort_keys=True, indent=0)
        (self.root / MANIFEST).write_text(manifest, encoding="utf-8")
        (self.root / MARKER).write_text(_MARKER_TEXT, encoding="utf-8")

    def _new_file(self, relative: str) -> str:
        """Where relative goes, its folder made. Strings, not pathlib: called for every file of the site."""
        if relative.startswith("/") or ".." in relative.split("/") or relative in self.written:
            raise ValueError(f"refusing to write {relative!r}: outside the site or written twice")
        target = os.path.join(self.root, relative)
        folder = os.path.dirname(target)
        if folder not in self._folders:  # one mkdir per folder, not per file: a site has tens of thousands
            os.makedirs(folder, exist_ok=True)
            self._folders.add(folder)
        return target

    def _record(self, relative: str, key: str | None) -> None:
        self.written.add(relative)
        if key is not None:
            self.keys[relative] = key


def read_build_record(out_dir: Path) -> dict:
    """The record a build wrote into out_dir, or {} (no site, or one made before records)."""
    return _read_json_object(out_dir / BUILD_RECORD)


def _read_json_object(path: Path) -> dict:
    try:
        keys = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # no previous build to reuse: everything is made again
    return keys if isinstance(keys, dict) else {}


def _link(source: Path | str, target: Path | str) -> None:
    """A hard link costs no copy; the previous site's file is never written again, only unlinked."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


@contextmanager
def atomic_site(out_dir: Path, reuse_previous: bool = True) -> Iterator[SiteWriter]:
    """A writer into a staging folder that replaces out_dir when the block ends without error;
    reuse_previous: unchanged files may be taken from the site it replaces."""
    target = out_dir.absolute()
    with _taking_turns(out_dir, target.parent):
        with _as_problem(out_dir, "cannot write the site here"):
            _restore_interrupted_swap(target)
            _check_replaceable(out_dir, target)
            staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}-new-"))
        try:
            with _as_problem(out_dir, "writing the site failed", "the previous site is untouched"):
                previous = target if reuse_previous and (target / MARKER).is_file() else None
                writer = SiteWriter(staging, previous)
                yield writer
                writer.finish()
                staging.chmod(0o755)
                _swap(staging, target)
        finally:
            _remove_tree(staging)  # gone already after a swap


def recover_interrupted_build(out_dir: Path) -> None:
    """Put back a site that a killed build left aside, before anything else can fail."""
    target = out_dir.absolute()
    if not target.parent.is_dir():
        return
    with _taking_turns(out_dir, target.parent):
        _restore_interrupted_swap(target)


@contextmanager
def _taking_turns(shown: Path, folder: Path) -> Iterator[None]:
    """Hold the lock on the folder that contains the site, waiting while another build holds it."""
    with ExitStack() as held:
        with _as_problem(shown, "cannot write the site here"):
            folder.mkdir(parents=True, exist_ok=True)
            held.enter_context(folder_lock(folder))
        yield


# --- replacing the site ---------------------------------------------------------------------

def _old_path(out_dir: Path) -> Path:
    return out_dir.with_name(f".{out_dir.name}-old")


def _restore_interrupted_swap(out_dir: Path) -> None:
    """Undo what a killed build left (called with the lock held, so no other build is running):
    the old site set aside between the two renames of _swap goes back, staging folders go."""
    old = _old_path(out_dir)
    if old.exists() and not out_dir.exists():
        os.rename(old, out_dir)
    _remove_tree(old)  # if still there, the swap was complete and only its removal was cut short
    for leftover in out_dir.parent.glob(f".{out_dir.name}-new-*"):
        _remove_tree(leftover)


def _check_replaceable(shown: Path, out_dir: Path) -> None:
    if not out_dir.exists() and not out_dir.is_symlink():
        return
    if out_dir.is_symlink() or not out_dir.is_dir():
        kind = "a symbolic link" if out_dir.is_symlink() else "a file"
        raise DigestError([Problem(shown, f"is {kind}, not a folder digest built: refusing to replace it",
                                   hint="choose another --out")])
    built = (out_dir / MARKER).is_file() or all((out_dir / name).is_file() for name in _LEGACY_SITE_FILES)
    if not built and any(out_dir.iterdir()):
        raise DigestError([Problem(shown, "this folder was not made by digest build: refusing to replace it and all it holds",
                                   hint="choose another --out, or empty the folder first")])


def _swap(staging: Path, out_dir: Path) -> None:
    old = _old_path(out_dir)
    _remove_tree(old)
    if old.exists():
        raise DigestError([Problem(old, "left by an earlier build and cannot be removed", hint="delete it, then build again")])
    if out_dir.exists():
        os.rename(out_dir, old)
    os.rename(staging, out_dir)
    _remove_tree(old)


def _remove_tree(path: Path) -> None:
    """Remove a folder a build made, even if something made parts of it read-only."""
    if path.is_symlink():  # never ours: never follow it
        path.unlink()
        return
    shutil.rmtree(path, ignore_errors=True)
    if path.exists():
        with suppress(OSError):
            for folder, _, _ in os.walk(path):
                os.chmod(folder, 0o700)
        shutil.rmtree(path, ignore_errors=True)


@contextmanager
def _as_problem(shown: Path, what: str, consequence: str | None = None) -> Iterator[None]:
    """OSError of the file system (no space, no permission) as a problem for the editor."""
    try:
        yield
    except OSError as error:
        reason = f"{what} ({error.strerror or error})" + (f"; {consequence}" if consequence else "")
        raise DigestError([Problem(shown, reason)]) from None
