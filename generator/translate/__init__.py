"""Stage 6: Arabic → English, each sentence once.

Order of precedence for every text: the editor's reviewed translation, then the
translation memory, then the local model (only for what is still missing).
Without a model, missing texts stay Arabic and are marked untranslated.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from generator.config import SiteConfig
from generator.problems import DigestError, Problem
from generator.translate.glossary import Glossary, ProtectedSentence, protect, restore
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
                    *, use_model: bool = True) -> TranslationResult:
    """Translations of texts; use_model=False only looks up what is already known."""
    settings = config.translation
    sources = sorted({text.strip() for text in texts if text and text.strip()})
    reviewed = load_reviewed(config.path(settings.reviewed))
    memory = TranslationMemory.load(config.path(settings.memory))
    model = find_model(settings.source_language, settings.target_language) if use_model else None
    model_id = model.model_id if model else None

    glossary = Glossary(config.renderings())
    result: dict[str, Translation] = {}
    missing: list[ProtectedSentence] = []
    for source in sources:
        # The memory is keyed by the text the model sees, glossary renderings in place:
        # a glossary edit re-translates exactly the sentences that contain the edited term.
        key = source_key(source)
        protected = protect(source, glossary) if glossary.may_occur_in(key) else ProtectedSentence(source, source, ())
        if (english := reviewed.get(key)) is not None:
            result[source] = Translation(source, english, "reviewed")
        elif (english := memory.lookup_key(key if protected.source == source else source_key(protected.source),
                                           model_id)) is not None:
            result[source] = Translation(source, english, "machine")
        else:
            missing.append(protected)

    translated_now = 0
    if missing and model:
        translator = (load or _load_translator)(model, settings.beam_size)
        outputs = translator.translate([item.source for item in missing])
        for item, output in zip(missing, outputs):
            english = restore(output, item)
            memory.add(item.source, model.model_id, english)
            result[item.original] = Translation(item.original, english, "machine")
        memory.save()
        translated_now, missing = len(outputs), []

    outcome = TranslationResult(result, model_id, translated_now, len(missing))
    if missing and settings.required:
        raise DigestError([Problem(config.path(settings.memory), outcome.advice() or "",
                                   hint="translation.required is true in site_config.yml")])
    return outcome


def _load_translator(model: InstalledModel, beam_size: int) -> Translator:
    # Imported here: CTranslate2 takes a while to load and most builds find everything in the memory.
    from generator.translate.engine import load_translator

    return load_translator(model, beam_size=beam_size)
