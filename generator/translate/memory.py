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

import json
import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.analyze.normalize import normalize_for_matching
from generator.clean import visible_text
from generator.locks import folder_lock
from generator.problems import DigestError, Problem
from generator.yamlfile import YamlMapping, read_yaml


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
        return self.lookup_key(source_key(sentence), model_id)

    def lookup_key(self, key: str, model_id: str | None) -> str | None:
        """lookup of a sentence by its source_key."""
        by_model = self.entries.get(key, {})
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
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with folder_lock(self.path.parent):  # concurrent builds merge, never overwrite
                merged = {**_read_memory(self.path), **self.added}
                lines = [
                    json.dumps({"ar": source, "model": model, "en": english}, ensure_ascii=False, sort_keys=True)
                    for (source, model), english in sorted(merged.items())
                ]
                write_atomically(self.path, "".join(line + "\n" for line in lines))
        except OSError as error:
            raise DigestError([Problem(self.path, f"cannot save the translation memory ({error.strerror or error}); "
                                                  "it is unchanged", hint="free some space or fix the permissions")]) from None
        self.added.clear()


def _read_memory(path: Path) -> dict[tuple[str, str], str]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise DigestError([Problem(path, f"cannot read the translation memory: {error.strerror or error}")]) from None
    except UnicodeDecodeError:
        raise DigestError([Problem(path, "the translation memory is not UTF-8 text", hint="restore it from git")]) from None
    entries = {}
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            source, model, english = _memory_entry(path, number, line)
            entries[(source, model)] = english
    return entries


def _memory_entry(path: Path, number: int, line: str) -> tuple[str, str, str]:
    """The source key, model and English of one line of the memory, checked."""
    try:
        item = json.loads(line)
    except ValueError:
        item = None
    if not (isinstance(item, dict) and all(isinstance(item.get(key), str) for key in ("ar", "model", "en"))):
        raise DigestError([Problem(path, "corrupted translation memory line (expected JSON with text ar, model, en)", number,
                                   hint="fix or delete the line; the sentence will be translated again")])
    return item["ar"], item["model"], item["en"]


def load_reviewed(path: Path) -> dict[str, str]:
    """Reviewed translations by source key. Read only: the editor owns this file."""
    if not path.exists():
        return {}
    items = read_yaml(path) or []
    if not isinstance(items, list):
        raise DigestError([Problem(path, "must be a list of entries with 'ar:' and 'en:'")])
    reviewed: dict[str, str] = {}
    first_entry: dict[str, int] = {}
    for number, item in enumerate(items, 1):
        line = item.line if isinstance(item, YamlMapping) else None
        if not (isinstance(item, dict) and isinstance(item.get("ar"), str) and isinstance(item.get("en"), str)):
            raise DigestError([Problem(path, f"entry {number} must have text keys 'ar:' and 'en:'", line)])
        key, english = source_key(item["ar"]), visible_text(item["en"]).strip()
        if not key or not english:
            raise DigestError([Problem(path, f"entry {number}: {'en' if key else 'ar'}: is empty", line)])
        if key in first_entry:
            raise DigestError([Problem(path, f"entry {number} translates the same Arabic as entry {first_entry[key]}", line,
                                       hint="keep one of them")])
        reviewed[key], first_entry[key] = english, number
    return reviewed


def write_atomically(path: Path, text: str) -> None:
    """Write a file so that readers see the old or the new content, never a truncated one."""
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fchmod(file.fileno(), mode)
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable: after a power cut the file is the new one, not missing."""
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
