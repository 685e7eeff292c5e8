"""Per-article results cached by content hash, so a rebuild redoes only what changed.

A key is the hash of the input text and of the source code of the stage that
made the result: editing an article or upgrading the analysis both miss. The
cache is a folder of pickles beside the configuration (`.digest-cache/`, not
committed); a damaged entry is recomputed, never trusted.
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import shutil
import tempfile
import time
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import Any, Generic, Hashable, Protocol, TypeVar

from generator.parallel import MIN_ITEMS_PER_WORKER, parallel_map

Result = TypeVar("Result")
Argument = TypeVar("Argument")
Key = TypeVar("Key", bound=Hashable)


def fingerprint(*parts: str) -> str:
    """One hash of several texts, which no other sequence of texts shares (each goes in after its length)."""
    digest = hashlib.sha256()
    for part in parts:
        encoded = part.encode("utf-8", "surrogatepass")
        digest.update(len(encoded).to_bytes(8, "little"))
        digest.update(encoded)
    return digest.hexdigest()


def code_fingerprint(*modules: ModuleType) -> str:
    """Hash of the source of modules (every file of a package): changes whenever their code does."""
    return files_fingerprint(*(_source_files(module) for module in modules))


def files_fingerprint(*groups: list[Path]) -> str:
    digest = hashlib.sha256()
    for files in groups:
        for path in files:
            digest.update(path.name.encode() + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _source_files(module: ModuleType) -> list[Path]:
    source = Path(module.__file__)
    return sorted(source.parent.rglob("*.py")) if source.name == "__init__.py" else [source]


def file_hash(path: Path | str) -> str:
    """A file that cannot be read hashes to the reason: whoever reads it next says what is wrong."""
    try:
        with open(path, "rb") as file:
            return hashlib.sha256(file.read()).hexdigest()
    except OSError as error:
        return f"unreadable: {type(error).__name__}"


# A file modified this recently may be modified again within the file system's clock tick,
# keeping its size and times: its hash is not remembered (git's "racily clean" entries).
_SETTLED_NANOSECONDS = 2 * 10**9
Signature = tuple[int, int, int, int]  # size, modification and change times (ns), inode


class FileHashes:
    """file_hash of each file, remembered with its size, times and inode, as git's index does:
    a file whose status has not changed is not read again. Every build hashes every article
    (to know whether anything changed, and what) before it reads any. In one file beside the
    other results; path None remembers nothing between builds."""

    def __init__(self, path: Path | None = None):
        self.path = path
        stored = _read_pickle(path) if path else None
        self._known: dict[str, tuple[Signature, str]] = stored if isinstance(stored, dict) else {}
        self._seen: dict[str, tuple[Signature, str]] = {}  # this build's, which save() keeps

    def of(self, path: Path | str) -> str:
        name = os.path.abspath(path)  # the same file however the build was given its folder
        try:
            status = os.stat(name)
        except OSError:
            return file_hash(path)  # which names the reason
        signature = (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)
        known = self._known.get(name)
        if known is not None and known[0] == signature:
            self._seen[name] = known
            return known[1]
        digest = file_hash(name)
        if time.time_ns() - status.st_mtime_ns > _SETTLED_NANOSECONDS:
            self._seen[name] = (signature, digest)
        return digest

    def save(self) -> None:
        """Remember the files hashed since this was made (only those: a removed file is forgotten)."""
        if self.path is not None and self._seen != self._known:
            _write_pickle(self.path, self._seen)


class KeptResult(Generic[Result]):
    """One result and the inputs it was made from, in one file that each put replaces: for what
    changes at every build (a cache keyed by its inputs would keep every version)."""

    def __init__(self, path: Path, fingerprint: str):
        self.path = path
        self.fingerprint = fingerprint

    def get(self, inputs: tuple[str, ...]) -> Result | None:
        stored = _read_pickle(self.path)
        if not (isinstance(stored, tuple) and len(stored) == 2):
            return None
        key, result = stored
        return result if key == fingerprint(self.fingerprint, *inputs) else None

    def put(self, inputs: tuple[str, ...], result: Result) -> None:
        _write_pickle(self.path, (fingerprint(self.fingerprint, *inputs), result))


def remove_cache(folder: Path) -> None:
    """Forget every stored result (`digest build --clean`); a concurrent build only recomputes what it misses."""
    shutil.rmtree(folder, ignore_errors=True)


class ResultCache(Generic[Result]):
    def __init__(self, folder: Path, fingerprint: str):
        self.folder = folder
        self.fingerprint = fingerprint
        self.hits = 0
        self.misses = 0
        self._used: set[str] = set()  # entries got or put, by file name

    def keep_all(self) -> None:
        """Count every stored entry as used (prune leaves them): for a stage whose whole result was
        kept, so that the next run that needs its parts finds them."""
        for shard in _folders(self.folder):
            self._used.update(entry.name for entry in os.scandir(shard))

    def prune(self) -> int:
        """Delete the entries that were neither got nor put (results of edited or removed articles,
        of older code or settings): without this the folder grows at every edit. Returns how many."""
        removed = 0
        for shard in _folders(self.folder):
            for entry in os.scandir(shard):
                if entry.name not in self._used:
                    with suppress(OSError):  # a concurrent build's entry: it is only recomputed
                        os.unlink(entry.path)
                        removed += 1
        return removed

    def get_or_compute(self, inputs: tuple[str, ...], compute: Callable[[], Result]) -> Result:
        """compute(), or its stored result for the same inputs (all that compute depends on) and code."""
        found = self.get(inputs)
        if found is not None:
            return found
        result = compute()
        self.put(inputs, result)
        return result

    def map(self, function: Callable[[Any], Result], jobs: Sequence[tuple[tuple[str, ...], Argument]],
            progress: Callable[[int, int], None] = lambda done, total: None,
            min_items_per_worker: int = MIN_ITEMS_PER_WORKER,
            prepare: Callable[[Argument], Any] | None = None) -> list[Result]:
        """For each (inputs, argument): the stored result, or function(argument), computed for all
        the missing ones at once on every core (see parallel_map). prepare: makes what function
        takes from an argument, for the missing ones only (when making it means reading results)."""
        return _map(self, function, jobs, progress, min_items_per_worker, prepare)

    def lazy_map(self, function: Callable[[Any], Result], jobs: Mapping[Key, tuple[tuple[str, ...], Argument]],
                 now: Collection[Key], progress: Callable[[int, int], None] = lambda done, total: None,
                 prepare: Callable[[Argument], Any] | None = None) -> LazyResults[Key, Result]:
        """map by key, reading only what is asked for: the results of the keys in `now` at once (on
        every core), the others from the folder (or computed) when first looked up. Every job's
        entry counts as used, read or not (see prune)."""
        keys_now = [key for key in jobs if key in now]
        results = dict(zip(keys_now, self.map(function, [jobs[key] for key in keys_now], progress, prepare=prepare)))
        self._used.update(self._name(inputs) for key, (inputs, _) in jobs.items() if key not in now)  # map marked the others
        return LazyResults(self, function if prepare is None else lambda argument: function(prepare(argument)), jobs, results)

    def get(self, inputs: tuple[str, ...]) -> Result | None:
        """The stored result for these inputs, or None (results are never None)."""
        name = self._name(inputs)
        result = _read_pickle(self._path(name))
        if result is None:
            return None
        self.hits += 1
        self._used.add(name)
        return result

    def put(self, inputs: tuple[str, ...], result: Result) -> None:
        self.misses += 1
        name = self._name(inputs)
        self._used.add(name)
        _write_pickle(self._path(name), result)

    def _name(self, inputs: tuple[str, ...]) -> str:
        return fingerprint(self.fingerprint, *inputs) + ".pickle"

    def _path(self, name: str) -> str:
        """A string, not a Path: made for every article at every build."""
        return os.path.join(self.folder, name[:2], name)


class LazyResults(Mapping[Key, Result]):
    """ResultCache.lazy_map's results: each read from the cache the first time it is looked up."""

    def __init__(self, cache: ResultCache[Result], function: Callable[[Argument], Result],
                 jobs: Mapping[Key, tuple[tuple[str, ...], Argument]], results: dict[Key, Result]):
        self._cache = cache
        self._function = function
        self._jobs = jobs
        self._results = results

    def __getitem__(self, key: Key) -> Result:
        found = self._results.get(key)
        if found is None:
            inputs, argument = self._jobs[key]
            found = self._results[key] = self._cache.get_or_compute(inputs, lambda: self._function(argument))
        return found

    def __iter__(self) -> Iterator[Key]:
        return iter(self._jobs)

    def __len__(self) -> int:
        return len(self._jobs)


class PackedResults(Generic[Result]):
    """Small results of many items in one file, read whole by every build: for what every build
    needs of every article, which 10,000 cache entries would take seconds to open one by one.

    save() keeps the results got or put since this was made. The results added since the main
    file was written go to a second, small file, so that an edit does not rewrite 30 MB; the main
    file is written again once the additions and the results no longer used pass a tenth of it
    (until then an unused result only takes room: a name always holds the same result)."""

    SHARE_BEFORE_REWRITE = 10

    def __init__(self, path: Path, fingerprint: str):
        self.path = path
        self.added_path = path.with_name(path.stem + ".added.pickle")
        self.fingerprint = fingerprint
        self._seen: dict[str, Result] = {}

    @cached_property
    def _main(self) -> dict[str, Result]:
        """Read at the first get: a build that finds nothing changed never needs it."""
        return _read_dict(self.path)

    @cached_property
    def _added(self) -> dict[str, Result]:
        return _read_dict(self.added_path)

    def get(self, inputs: tuple[str, ...]) -> Result | None:
        name = fingerprint(self.fingerprint, *inputs)
        found = self._main.get(name)
        if found is None:
            found = self._added.get(name)
        if found is not None:
            self._seen[name] = found
        return found

    def put(self, inputs: tuple[str, ...], result: Result) -> None:
        self._seen[fingerprint(self.fingerprint, *inputs)] = result

    def map(self, function: Callable[[Argument], Result], jobs: Sequence[tuple[tuple[str, ...], Argument]]) -> list[Result]:
        """As ResultCache.map; what it computed is kept at once (in the additions), as a build that
        fails afterwards, on a bad file, or a `digest events` never gets to save()."""
        results = _map(self, function, jobs)
        added = {**self._added, **{name: result for name, result in self._seen.items() if name not in self._main}}
        if added.keys() != self._added.keys():
            _write_pickle(self.added_path, added)
            self.__dict__["_added"] = added
        return results

    def save(self) -> None:
        added = {name: result for name, result in self._seen.items() if name not in self._main}
        unused = len(self._main) - (len(self._seen) - len(added))
        if (len(added) + unused) * self.SHARE_BEFORE_REWRITE > len(self._seen):
            if not self._main and self._added.keys() == self._seen.keys() and _renamed(self.added_path, self.path):
                return  # a first build: what map kept as additions is the whole file, already written
            _write_pickle(self.path, self._seen)
            with suppress(OSError):
                os.unlink(self.added_path)  # after the main file: killed between, both hold good results
        elif added.keys() != self._added.keys():
            _write_pickle(self.added_path, added)


class _Store(Protocol[Result]):
    def get(self, inputs: tuple[str, ...]) -> Result | None: ...

    def put(self, inputs: tuple[str, ...], result: Result) -> None: ...


def _map(store: _Store[Result], function: Callable[[Any], Result], jobs: Sequence[tuple[tuple[str, ...], Argument]],
         progress: Callable[[int, int], None] = lambda done, total: None, min_items_per_worker: int = MIN_ITEMS_PER_WORKER,
         prepare: Callable[[Argument], Any] | None = None) -> list[Result]:
    with _collector_paused():
        results = [store.get(inputs) for inputs, _ in jobs]
    missing = [i for i, result in enumerate(results) if result is None]
    arguments = [jobs[i][1] if prepare is None else prepare(jobs[i][1]) for i in missing]
    for done, (i, result) in enumerate(zip(missing, parallel_map(function, arguments, min_items_per_worker)), 1):
        store.put(jobs[i][0], result)
        results[i] = result
        progress(done, len(missing))
    return results


def remove_unowned(folder: Path, owned: Collection[Path]) -> None:
    """Delete what else is in the cache folder: what an earlier version of the generator stored otherwise."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if Path(entry.path) not in owned and not entry.name.endswith(".tmp"):  # .tmp: a concurrent build's write
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                with suppress(OSError):
                    os.unlink(entry.path)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Results read back are plain data, without reference cycles, that live until the build
    ends: Python's cycle collector, which would scan them again each time the heap grows by a
    quarter, waits until they are read, then leaves them out of its scans (freeze; a process
    that goes on after the build calls gc.unfreeze()). Reading 10k articles' analyses and their
    events' comparisons: 4.4–6.1 s → 2.7–3.8 s."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _folders(folder: Path) -> list[str]:
    try:
        return [entry.path for entry in os.scandir(folder) if entry.is_dir()]
    except OSError:
        return []


def _renamed(source: Path, target: Path) -> bool:
    try:
        os.replace(source, target)
        return True
    except OSError:
        return False


def _read_dict(path: Path) -> dict:
    stored = _read_pickle(path)
    return stored if isinstance(stored, dict) else {}


def _read_pickle(path: Path | str) -> object | None:
    """What _write_pickle stored, or None when there is nothing (whole) to read: a damaged entry is never trusted."""
    try:
        with open(path, "rb") as file:
            return pickle.load(file)  # noqa: S301 — our own cache folder
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None


def _write_pickle(path: Path | str, value: object) -> None:
    try:
        folder = os.path.dirname(path)
        os.makedirs(folder, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(descriptor, "wb") as file:
            pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        pass  # a cache that cannot be written only costs time
