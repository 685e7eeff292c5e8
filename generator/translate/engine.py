"""Sentence translation with an installed model, through CTranslate2 and SentencePiece.

argostranslate's own translate module is not used: it splits sentences with
stanza and translates in small batches. Sentences here come already split;
they are sorted by length and sent in batches of similar length that run in
parallel on the machine's cores (one CTranslate2 worker per core, one thread
each: measured faster than fewer workers with more threads).
"""
from __future__ import annotations

import math
import os
from collections.abc import Sequence

import ctranslate2
import sentencepiece

from generator.translate.models import INSTALL_COMMAND, InstalledModel, ModelError

DEFAULT_BEAM_SIZE = 2
MAX_BATCH_SIZE = 32
# Output length bound: a translation may be at most this many times as long
# as its source plus a margin, in tokens; this stops a model that repeats
# itself without cutting real translations short.
_OUTPUT_LENGTH_RATIO = 2
_OUTPUT_LENGTH_MARGIN = 10
DEFAULT_MAX_OUTPUT_TOKENS = 256


class Translator:
    """A loaded model: translates sentences, same input, same output."""

    def __init__(
        self,
        model_id: str,
        translator: ctranslate2.Translator,
        tokenizer: sentencepiece.SentencePieceProcessor,
        *,
        beam_size: int,
        max_batch_size: int,
        max_output_tokens: int,
    ) -> None:
        self.model_id = model_id
        self._translator = translator
        self._tokenizer = tokenizer
        self._beam_size = beam_size
        self._max_batch_size = max_batch_size
        self._max_output_tokens = max_output_tokens

    def translate(self, sentences: Sequence[str]) -> list[str]:
        """The translations of sentences, in the same order; an empty sentence gives ""."""
        tokens = [self._tokenizer.encode(sentence, out_type=str) for sentence in sentences]
        translations = [""] * len(sentences)
        pending = []
        for batch in self._batches(tokens):
            source = [tokens[i] for i in batch]
            result = self._translator.translate_batch(
                source,
                beam_size=self._beam_size,
                max_decoding_length=self._output_bound(source),
                replace_unknowns=True,
                asynchronous=True,
            )
            pending.append((batch, result))
        for batch, results in pending:
            for i, result in zip(batch, results):
                translations[i] = self._detokenize(result.result().hypotheses[0])
        return translations

    def _batches(self, tokens: list[list[str]]) -> list[list[int]]:
        """Indexes of the non-empty sentences, grouped by similar length.

        Batches are made small enough that every CTranslate2 worker gets one.
        """
        order = sorted((i for i, t in enumerate(tokens) if t), key=lambda i: len(tokens[i]))
        if not order:
            return []
        workers = self._translator.num_translators
        size = min(self._max_batch_size, math.ceil(len(order) / workers))
        return [order[start : start + size] for start in range(0, len(order), size)]

    def _output_bound(self, source: list[list[str]]) -> int:
        longest = max(len(t) for t in source)
        return min(self._max_output_tokens, _OUTPUT_LENGTH_RATIO * longest + _OUTPUT_LENGTH_MARGIN)

    def _detokenize(self, pieces: list[str]) -> str:
        # Pieces copied from the source by replace_unknowns are not in the
        # vocabulary; decode_pieces passes them through with their "▁" word marks.
        return self._tokenizer.decode_pieces(pieces).replace("▁", " ").strip()


def load_translator(
    model: InstalledModel,
    *,
    beam_size: int = DEFAULT_BEAM_SIZE,
    max_batch_size: int = MAX_BATCH_SIZE,
    workers: int | None = None,
    max_output_tokens: int = DEFAULT_MAX_OUTPUT_TOKENS,
) -> Translator:
    """Load an installed model; workers defaults to the number of usable cores."""
    try:
        translator = ctranslate2.Translator(
            str(model.model_dir),
            device="cpu",
            # "default" keeps the type the model was saved in (int8 for
            # argostranslate's models) on every machine, unlike "auto".
            compute_type="default",
            inter_threads=workers or _usable_cores(),
            intra_threads=1,
        )
        tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(model.sentencepiece_model))
    except Exception as err:  # CTranslate2 turns each C++ error into a different Python one
        raise ModelError(
            f"{model.path}: the {model.model_id} model cannot be loaded ({err}); "
            f"reinstall it with: {INSTALL_COMMAND}"
        ) from err
    return Translator(
        model.model_id,
        translator,
        tokenizer,
        beam_size=beam_size,
        max_batch_size=max_batch_size,
        max_output_tokens=max_output_tokens,
    )


def _usable_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
