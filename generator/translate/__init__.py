"""Stage 6: Arabic → English, each sentence once.

Order of precedence for every text: the editor's reviewed translation, then the
translation memory, then the local model (only for what is still missing).
Without a model, missing texts stay Arabic and are marked untranslated.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from generator.cache import KeptResult, file_hash
from generator.config import SiteConfig
from generator.problems import DigestError, Problem
from generator.translate.glossary import Glossary, protect, restore
from generator.translate.memory import TranslationMemory, load_reviewed, source_key
from generator.translate.models import INSTALL_COMMAND, InstalledModel, find_model

Origin = Literal["reviewed", "machine", "untranslated"]


@dataclass(frozen=True)
class Translation:
    source: str
    text: str  # English, or the Arabic source itself when untranslated
    origin: Origin


@dataclass(frozen=True)
class TranslationResult:
    translations: Mapping[str, Translation]  # by exact source text
    model_id: str | None
    translated_now: int  # by the model in this build
    untranslated: int

    def of(self, source: str) -> Translation:
        return self.translations.get(source) or Translation(source, source, "untranslated")

    def advice(self) -> str | None:
        if not self.untranslated:
            return None
        return (f"{self.untranslated} text(s) have no English translation and are shown in Arabic on English pages; "
                f"install the local model with: {INSTALL_COMMAND}")


class Translator(Protocol):
    model_id: str

    def translate(self, sentences: Sequence[str]) -> list[str]: ...


TranslatorLoader = Callable[[InstalledModel, int], Translator]


def translate_texts(texts: Iterable[str], config: SiteConfig, load: TranslatorLoader | None = None,
                    *, use_model: bool = True, known: KeptResult[Lookups] | None = None) -> TranslationResult:
    """Translations of texts; use_model=False only looks up what is already known. known keeps what
    the last build looked up, so that the texts of unchanged articles are not looked up again."""
    settings = config.translation
    sources = {stripped for text in texts if text and (stripped := text.strip())}
    model = find_model(settings.source_language, settings.target_language) if use_model else None
    model_id = model.model_id if model else None
    digests = dict(zip(sources, map(_digest, sources)))
    found = _looked_up(digests, config, model_id, known)
    # Sorted, so that the model sees the same batches in every run; only what is missing (at 10k
    # articles, sorting all 133,000 texts took a fifth of a second of every build).
    missing = sorted(source for source, digest in digests.items() if found[digest] is None)

    translated_now = 0
    if missing and model:
        glossary = Glossary(config.renderings())
        protected = [protect(source, glossary) for source in missing]
        memory = TranslationMemory.load(config.path(settings.memory))
        translator = (load or _load_translator)(model, settings.beam_size)
        outputs = translator.translate([item.source for item in protected])
        for item, output in zip(protected, outputs):
            english = restore(output, item)
            memory.add(item.source, model.model_id, english)
            found[digests[item.original]] = (english, "machine")
        memory.save()
        if known:  # what is known now holds for the memory as saved (which other builds may have added to)
            known.put(_lookup_state(config, model_id), {d: entry for d, entry in found.items() if entry is not None})
        translated_now, missing = len(outputs), []

    result = {source: Translation(source, *entry) for source, digest in digests.items() if (entry := found[digest])}
    outcome = TranslationResult(result, model_id, translated_now, len(missing))
    if missing and settings.required:
        raise DigestError([Problem(config.path(settings.memory), outcome.advice() or "",
                                   hint="translation.required is true in site_config.yml")])
    return outcome


# The reviewed or remembered translation of each text (None: neither has it), by the digest of the text.
Lookups = dict[bytes, "tuple[str, Origin] | None"]


def _looked_up(digests: Mapping[str, bytes], config: SiteConfig, model_id: str | None,
               known: KeptResult[Lookups] | None) -> Lookups:
    """Lookups of every source, the known ones taken as they are."""
    state = _lookup_state(config, model_id)
    found: Lookups = (known.get(state) if known else None) or {}
    new = [(source, digest) for source, digest in digests.items() if digest not in found]
    if new:
        settings = config.translation
        reviewed = load_reviewed(config.path(settings.reviewed))
        memory = TranslationMemory.load(config.path(settings.memory))
        glossary = Glossary(config.renderings())
        for source, digest in new:
            found[digest] = _look_up(source, reviewed, memory, glossary, model_id)
        if known:
            known.put(state, found)
    return found


def _lookup_state(config: SiteConfig, model_id: str | None) -> tuple[str, ...]:
    """What a lookup depends on: both files, the glossary (the memory is keyed by the protected
    sentence) and the model (the memory prefers its translations)."""
    settings = config.translation
    return (file_hash(config.path(settings.reviewed)), file_hash(config.path(settings.memory)),
            json.dumps(config.renderings(), sort_keys=True), model_id or "")


def _digest(source: str) -> bytes:
    return hashlib.blake2b(source.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _look_up(source: str, reviewed: Mapping[str, str], memory: TranslationMemory, glossary: Glossary,
             model_id: str | None) -> tuple[str, Origin] | None:
    # The memory is keyed by the text the model sees, glossary renderings in place:
    # a glossary edit re-translates exactly the sentences that contain the edited term.
    key = source_key(source)
    if (english := reviewed.get(key)) is not None:
        return english, "reviewed"
    if glossary.may_occur_in(key) and (protected := protect(source, glossary).source) != source:
        key = source_key(protected)
    if (english := memory.lookup_key(key, model_id)) is not None:
        return english, "machine"
    return None


def _load_translator(model: InstalledModel, beam_size: int) -> Translator:
    # Imported here: CTranslate2 takes a while to load and most builds find everything in the memory.
    from generator.translate.engine import load_translator

    return load_translator(model, beam_size=beam_size)
