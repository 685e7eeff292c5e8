"""The translation memory and the editor's reviewed translations.

Both live in the content repository as plain, diff-friendly files:
- `translations/memory.jsonl`: one machine translation a line, sorted, keyed by
  the normalized Arabic sentence and the model that produced it. The build adds
  lines and never removes any, so uninstalling a model keeps its translations.
- `translations/reviewed.yml`: the editor's corrections, a list of `ar:`/`en:`
  pairs. A reviewed translation always wins; no build ever writes this file.

This module is the only one that writes memory files.
"""
from __future__ import annotations

import fcntl
import json
import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Iterator

from generator.analyze.normalize import normalize_for_matching
from generator.problems import DigestError, Problem
from generator.yamlfile import read_yaml


def source_key(sentence: str) -> str:
    return normalize_for_matching(sentence)


@dataclass
class TranslationMemory:
    path: Path
    entries: dict[str, dict[str, str]] = field(default_factory=dict)  # source key → model id → English
    added: dict[tuple[str, str], str] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> TranslationMemory:
        entries: dict[str, dict[str, str]] = {}
        for (source, model), english in _read_memory(path).items():
            entries.setdefault(source, {})[model] = english
        return cls(path, entries)

    def lookup(self, sentence: str, model_id: str | None) -> str | None:
        """The current model's translation, else the one of the highest model id stored."""
        by_model = self.entries.get(source_key(sentence), {})
        if model_id in by_model:
            return by_model[model_id]
        return by_model[max(by_model)] if by_model else None

    def add(self, sentence: str, model_id: str, english: str) -> None:
        key = source_key(sentence)
        self.entries.setdefault(key, {})[model_id] = english
        self.added[(key, model_id)] = english

    def save(self) -> None:
        """Merge what this build added into the file on disk, under a lock, atomically."""
        if not self.added:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _locked(self.path):
            merged = {**_read_memory(self.path), **self.added}
            lines = [
                json.dumps({"ar": source, "model": model, "en": english}, ensure_ascii=False, sort_keys=True)
                for (source, model), english in sorted(merged.items())
            ]
            write_atomically(self.path, "".join(line + "\n" for line in lines))
        self.added.clear()


def _read_memory(path: Path) -> dict[tuple[str, str], str]:
    if not path.exists():
        return {}
    entries = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            entries[(item["ar"], item["model"])] = item["en"]
        except (ValueError, KeyError, TypeError):
            raise DigestError([Problem(path, "corrupted translation memory line (expected JSON with ar, model, en)", number,
                                       hint="fix or delete the line; the sentence will be translated again")]) from None
    return entries


def load_reviewed(path: Path) -> dict[str, str]:
    """Reviewed translations by source key. Read only: the editor owns this file."""
    if not path.exists():
        return {}
    items = read_yaml(path) or []
    if not isinstance(items, list):
        raise DigestError([Problem(path, "must be a list of entries with 'ar:' and 'en:'")])
    reviewed = {}
    for number, item in enumerate(items, 1):
        if not (isinstance(item, dict) and isinstance(item.get("ar"), str) and isinstance(item.get("en"), str)):
            raise DigestError([Problem(path, f"entry {number} must have text keys 'ar:' and 'en:'")])
        reviewed[source_key(item["ar"])] = item["en"].strip()
    return reviewed


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Serialize concurrent builds writing the same memory file."""
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def write_atomically(path: Path, text: str) -> None:
    """Write a file so that readers see the old or the new content, never a truncated one."""
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
