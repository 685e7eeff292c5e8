"""The only writer of the output folder: a failed or killed build leaves the last good site.

A build writes every page it makes into a fresh sibling staging folder
(`.site-new-…`); pages whose inputs did not change stay where they are. Only
when everything is written is the site updated:

- in place, when there is a previous site to update: the staging folder gets a
  commit record (COMMIT: what to move in, what to remove), then each new file
  is renamed over the old one and pages no build makes any more are removed.
  A build killed during this finishes it at the start of the next build; one
  killed before it leaves the site untouched. An edit renames a handful of
  files, where a swap of the whole folder would link and then unlink every
  file of the site (2 s at 10,000 articles);
- by a swap otherwise (the first build, `--clean`): the old site is moved
  aside (`.site-old`), the staging folder renamed into place.

Builds of the same output folder take turns: each holds a lock on the folder
that contains it from before it creates its staging folder until the site is
updated, so one build never sweeps away another's staging folder or updates in
the middle of another's update. The lock is the kernel's (flock), released
when the process ends, however it ends.

A folder is only ever replaced if a build made it (it holds MARKER) or it is
empty: `--out content` must not swap the editor's articles away.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path

from generator.locks import folder_lock
from generator.problems import DigestError, Problem

MARKER = ".digest-site"
MANIFEST = ".digest-pages.json"  # what each file of the site was made from
BUILD_RECORD = ".digest-build.json"  # the fingerprint of everything the whole site was made from
COMMIT = ".digest-commit.json"  # in a complete staging folder: what updating the site in place moves and removes
_REPLACED = ".replaced"  # in a staging folder: what the commit moved out of the site's way
_MARKER_TEXT = "Built by `digest build`, which rewrites and removes files of this folder on every build.\n"
# A site built before MARKER existed: recognised by these files, so upgrading needs no manual step.
_LEGACY_SITE_FILES = (".nojekyll", "ar/index.html", "en/index.html")


class SiteWriter:
    """Writes the files of one build into root; takes unchanged ones from the previous build.

    Each file may carry a key: a fingerprint of everything it was made from. A file
    whose key is the same as in the previous build is kept instead of made again; the
    keys are kept in MANIFEST, inside the site, so they always describe the files beside
    them. Kept files stay in the previous site, which the build then updates in place;
    without a previous site (or its manifest), root holds every file and replaces it.
    """

    def __init__(self, root: Path, previous: Path | None = None):
        self.root = root
        self.written: set[str] = set()
        self.keys: dict[str, str] = {}
        self.reused = 0
        self.staged: dict[str, None] = {}  # what was written into root, in order
        self._previous = previous
        self._folders: set[str] = set()
        self._previous_keys = _read_json_object(previous / MANIFEST) if previous else {}
        # Without its manifest, what the previous site holds is not known: nothing to update in place.
        self.in_place = bool(self._previous_keys)

    def write(self, relative: str, content: str | bytes, key: str | None = None) -> None:
        with open(self._new_file(relative), "wb") as file:
            file.write(content.encode("utf-8") if isinstance(content, str) else content)
        self._record(relative, key, staged=True)

    def copy(self, relative: str, source: Path) -> None:
        """A file as it is (an asset), kept while its bytes are the same."""
        content = source.read_bytes()
        key = hashlib.sha256(content).hexdigest()
        if not self.reuse(relative, key):
            self.write(relative, content, key)

    def unchanged(self, relative: str, key: str) -> bool:
        """Whether the previous build made the file relative from the same key."""
        return self._previous_keys.get(relative) == key

    def reuse(self, relative: str, key: str) -> bool:
        """Keep the file relative of the previous build, where it is, if it was made from the same key."""
        return self._keep(relative, key, os.path.isfile)

    def reuse_folder(self, relative: str, key: str) -> bool:
        """Keep the folder relative (a search index) of the previous build if it was made from the same key."""
        return self._keep(relative, key, os.path.isdir)

    def _keep(self, relative: str, key: str, exists: Callable[[str], bool]) -> bool:
        if not self.unchanged(relative, key) or not exists(os.path.join(self._previous, relative)):
            return False  # made again (also when removed from the site since)
        self._check_new(relative)
        self._record(relative, key, staged=False)
        self.reused += 1
        return True

    def made_elsewhere(self, relative: str, key: str) -> None:
        """relative was written into root by another program (the search indexer), from key."""
        self._record(relative, key, staged=True)

    def path_of(self, relative: str) -> str:
        """Where the file relative of this build is: in root, or kept in the previous site."""
        if self.in_place and relative not in self.staged:
            return os.path.join(self._previous, relative)
        return os.path.join(self.root, relative)

    def finish(self) -> None:
        for name, text in ((MANIFEST, json.dumps(self.keys, sort_keys=True, indent=0)), (MARKER, _MARKER_TEXT)):
            (self.root / name).write_text(text, encoding="utf-8")
            self.staged[name] = None

    def removed(self) -> list[str]:
        """Files and folders of the previous build that this one did not make (pages of removed articles)."""
        return sorted(set(self._previous_keys) - self.written)

    def _new_file(self, relative: str) -> str:
        """Where relative goes, its folder made. Strings, not pathlib: called for every file of the site."""
        self._check_new(relative)
        target = os.path.join(self.root, relative)
        folder = os.path.dirname(target)
        if folder not in self._folders:  # one mkdir per folder, not per file: a site has tens of thousands
            os.makedirs(folder, exist_ok=True)
            self._folders.add(folder)
        return target

    def _check_new(self, relative: str) -> None:
        if relative.startswith("/") or ".." in relative.split("/") or relative in self.written:
            raise ValueError(f"refusing to write {relative!r}: outside the site or written twice")

    def _record(self, relative: str, key: str | None, staged: bool) -> None:
        self.written.add(relative)
        if staged:
            self.staged[relative] = None
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


@contextmanager
def atomic_site(out_dir: Path, reuse_previous: bool = True) -> Iterator[SiteWriter]:
    """A writer into a staging folder whose files update out_dir when the block ends without
    error; reuse_previous: unchanged files may be kept from the previous site (updated in place)."""
    target = out_dir.absolute()
    with _taking_turns(out_dir, target.parent):
        with _as_problem(out_dir, "cannot write the site here"):
            _finish_interrupted_builds(target)
            _check_replaceable(out_dir, target)
            staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}-new-"))
        try:
            with _as_problem(out_dir, "writing the site failed", "the previous site is untouched"):
                previous = target if reuse_previous and (target / MARKER).is_file() else None
                writer = SiteWriter(staging, previous)
                yield writer
                writer.finish()
                if not writer.in_place:
                    staging.chmod(0o755)
                    _swap(staging, target)
                    return
                _write_commit_record(staging, list(writer.staged), writer.removed())
            with _as_problem(out_dir, "updating the site failed", "the next build completes the update"):
                _commit(staging, target)
        finally:
            if not (staging / COMMIT).exists():  # a commit cut short is the next build's to finish
                _remove_tree(staging)  # gone already after a swap or a commit


def recover_interrupted_build(out_dir: Path) -> None:
    """Finish or undo what a killed build left, before anything else can fail."""
    target = out_dir.absolute()
    if not target.parent.is_dir():
        return
    with _taking_turns(out_dir, target.parent), _as_problem(out_dir, "cannot finish what the last build left"):
        _finish_interrupted_builds(target)


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


def _finish_interrupted_builds(out_dir: Path) -> None:
    """Called with the lock held, so no other build is running: the old site set aside between the
    two renames of _swap goes back; an update in place that was cut short is completed; the
    staging folders of builds killed before they updated the site go."""
    old = _old_path(out_dir)
    if old.exists() and not out_dir.exists():
        os.rename(old, out_dir)
    _remove_tree(old)  # if still there, the swap was complete and only its removal was cut short
    for leftover in sorted(out_dir.parent.glob(f".{out_dir.name}-new-*")):
        if (leftover / COMMIT).is_file() and out_dir.is_dir():
            _commit(leftover, out_dir)
        _remove_tree(leftover)


def _write_commit_record(staging: Path, moved: list[str], removed: list[str]) -> None:
    """Written last, atomically: its presence says the staging folder holds the whole new site."""
    first = [name for name in moved if name not in _RECORDS]  # the records last: they describe the rest
    record = {"move": first + [name for name in moved if name in _RECORDS], "remove": removed}
    (staging / f"{COMMIT}.tmp").write_text(json.dumps(record), encoding="utf-8")
    os.replace(staging / f"{COMMIT}.tmp", staging / COMMIT)


_RECORDS = frozenset((BUILD_RECORD, MANIFEST, MARKER))


def _commit(staging: Path, out_dir: Path) -> None:
    """Move the staged files and folders over the site's, remove what the build no longer makes.
    Each step can be done again: a commit cut short is finished by running it again."""
    record = json.loads((staging / COMMIT).read_text(encoding="utf-8"))
    aside = os.path.join(staging, _REPLACED)
    for relative in record["move"]:
        _place(os.path.join(staging, relative), os.path.join(out_dir, relative), os.path.join(aside, relative))
    for relative in record["remove"]:
        _remove_entry(str(out_dir), relative)
    _remove_tree(staging)


def _place(source: str, target: str, aside: str) -> None:
    if not os.path.lexists(source):
        return  # moved by the commit that was cut short
    os.makedirs(os.path.dirname(target), exist_ok=True)
    if os.path.isdir(source) or os.path.isdir(target):  # a search index: the whole folder, not merged into the old one
        if os.path.lexists(target):
            os.makedirs(os.path.dirname(aside), exist_ok=True)
            os.rename(target, aside)
        os.rename(source, target)
    else:
        os.replace(source, target)


def _remove_entry(root: str, relative: str) -> None:
    """A file or folder of the site, then the folders it leaves empty (an outlet's month pages)."""
    path = os.path.join(root, relative)
    if os.path.isdir(path) and not os.path.islink(path):
        _remove_tree(Path(path))
    else:
        with suppress(FileNotFoundError):
            os.unlink(path)
    folder = os.path.dirname(relative)
    while folder:
        try:
            os.rmdir(os.path.join(root, folder))
        except OSError:
            return  # not empty
        folder = os.path.dirname(folder)


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
