"""Per-article results cached by content hash, so a rebuild redoes only what changed.

A key is the hash of the input text and of the source code of the stage that
made the result: editing an article or upgrading the analysis both miss. The
cache is a folder of pickles beside the configuration (`.digest-cache/`, not
committed); a damaged entry is recomputed, never trusted.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Generic, TypeVar

Result = TypeVar("Result")


def code_fingerprint(package: ModuleType) -> str:
    """Hash of every source file of a package: changes whenever its code does."""
    digest = hashlib.sha256()
    for path in sorted(Path(package.__file__).parent.rglob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


class ResultCache(Generic[Result]):
    def __init__(self, folder: Path, fingerprint: str):
        self.folder = folder
        self.fingerprint = fingerprint
        self.hits = 0
        self.misses = 0

    def get_or_compute(self, inputs: tuple[str, ...], compute: Callable[[], Result]) -> Result:
        """compute(), or its stored result for the same inputs (all that compute depends on) and code."""
        digest = hashlib.sha256(self.fingerprint.encode())
        for text in inputs:
            digest.update(hashlib.sha256(text.encode("utf-8")).digest())
        key = digest.hexdigest()
        path = self.folder / key[:2] / f"{key}.pickle"
        try:
            with path.open("rb") as file:
                result = pickle.load(file)  # noqa: S301 — our own cache folder
            self.hits += 1
            return result
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            pass
        result = compute()
        self.misses += 1
        self._store(path, result)
        return result

    def _store(self, path: Path, result: Result) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(descriptor, "wb") as file:
                pickle.dump(result, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except OSError:
            pass  # a cache that cannot be written only costs time
