"""Translation throughput: one CTranslate2 call per sentence versus our batched Translator.

Builds a randomly initialised Transformer-base model (d_model 512, 6+6 layers,
8 heads, 30k vocabulary, int8) in a temporary folder, with a SentencePiece
model trained on the Arabic texts in /work/shared, then translates real
Arabic sentences from those texts. Random weights never emit </s>, so every
output runs to the 64-token cap: the slowest case, the same for both ways.
Random weights also make near-ties between tokens everywhere, so the small
numeric differences between batch shapes change some outputs; a trained
model has far fewer ties.

    .venv/bin/python benchmarks/translation.py [--sentences 200] [--per-call 40]
"""
from __future__ import annotations

import argparse
import io
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import ctranslate2
import numpy as np
import sentencepiece
from ctranslate2.specs import transformer_spec

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.analyze.sentences import split_sentences  # noqa: E402
from generator.config import SiteConfig  # noqa: E402
from generator.translate import translate_texts  # noqa: E402
from generator.translate.glossary import Glossary, protect  # noqa: E402
from generator.translate.memory import TranslationMemory  # noqa: E402
from generator.translate.engine import DEFAULT_BEAM_SIZE, Translator, load_translator  # noqa: E402
from generator.translate.models import InstalledModel  # noqa: E402

SHARED = Path("/work/shared")
D_MODEL, HEADS, LAYERS, FFN, VOCABULARY = 512, 8, 6, 2048, 30_000
SENTENCEPIECE_VOCABULARY = 8_000
OUTPUT_CAP = 64
CORES = len(os.sched_getaffinity(0))


def arabic_texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted((SHARED / "seeds").glob("*.txt"))]
    with (SHARED / "data" / "easc-dev.jsonl").open(encoding="utf-8") as lines:
        texts += [json.loads(line)["text"] for line in lines]
    return texts


def sample_sentences(texts: list[str], count: int) -> list[str]:
    sentences = {s.text for text in texts for s in split_sentences(text) if 5 <= len(s.text.split()) <= 60}
    return random.Random(0).sample(sorted(sentences), count)


def train_sentencepiece(texts: list[str]) -> bytes:
    model = io.BytesIO()
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(line for text in texts for line in text.splitlines() if line.strip()),
        model_writer=model,
        vocab_size=SENTENCEPIECE_VOCABULARY,
        hard_vocab_limit=False,
        character_coverage=1.0,
        minloglevel=2,
    )
    return model.getvalue()


def build_random_model(sp_model: bytes, package: Path) -> None:
    """A package folder (model/ + sentencepiece.model) holding a random Transformer-base."""
    sp = sentencepiece.SentencePieceProcessor(model_proto=sp_model)
    pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    vocabulary = pieces + [f"<filler{i}>" for i in range(VOCABULARY - len(pieces))]
    rng = np.random.default_rng(0)

    def dense(spec, rows: int, columns: int) -> None:
        spec.weight = rng.normal(0, 0.02, (rows, columns)).astype(np.float32)
        spec.bias = np.zeros(rows, np.float32)

    def norm(spec) -> None:
        spec.gamma = np.ones(D_MODEL, np.float32)
        spec.beta = np.zeros(D_MODEL, np.float32)

    def ffn(spec) -> None:
        norm(spec.layer_norm)
        dense(spec.linear_0, FFN, D_MODEL)
        dense(spec.linear_1, D_MODEL, FFN)

    spec = transformer_spec.TransformerSpec.from_config(LAYERS, HEADS)
    for layer in spec.encoder.layer:
        norm(layer.self_attention.layer_norm)
        dense(layer.self_attention.linear[0], 3 * D_MODEL, D_MODEL)
        dense(layer.self_attention.linear[1], D_MODEL, D_MODEL)
        ffn(layer.ffn)
    for layer in spec.decoder.layer:
        norm(layer.self_attention.layer_norm)
        dense(layer.self_attention.linear[0], 3 * D_MODEL, D_MODEL)
        dense(layer.self_attention.linear[1], D_MODEL, D_MODEL)
        norm(layer.attention.layer_norm)
        dense(layer.attention.linear[0], D_MODEL, D_MODEL)
        dense(layer.attention.linear[1], 2 * D_MODEL, D_MODEL)
        dense(layer.attention.linear[2], D_MODEL, D_MODEL)
        ffn(layer.ffn)
    norm(spec.encoder.layer_norm)
    norm(spec.decoder.layer_norm)
    spec.encoder.embeddings[0].weight = rng.normal(0, 0.02, (VOCABULARY, D_MODEL)).astype(np.float32)
    spec.decoder.embeddings.weight = rng.normal(0, 0.02, (VOCABULARY, D_MODEL)).astype(np.float32)
    dense(spec.decoder.projection, VOCABULARY, D_MODEL)
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    spec.optimize(quantization="int8")
    (package / "model").mkdir(parents=True)
    spec.save(str(package / "model"))
    (package / "sentencepiece.model").write_bytes(sp_model)


def per_call(model_dir: Path, sp_model: bytes, sentences: list[str], beam_size: int) -> tuple[float, list[str]]:
    """The obvious way: one translate_batch call per sentence, all cores on that one sentence."""
    translator = ctranslate2.Translator(str(model_dir), device="cpu", inter_threads=1, intra_threads=CORES)
    sp = sentencepiece.SentencePieceProcessor(model_proto=sp_model)
    outputs = []
    start = time.perf_counter()
    for sentence in sentences:
        tokens = sp.encode(sentence, out_type=str)
        result = translator.translate_batch(
            [tokens],
            beam_size=beam_size,
            max_decoding_length=min(OUTPUT_CAP, 2 * len(tokens) + 10),
            replace_unknowns=True,
        )
        outputs.append(sp.decode_pieces(result[0].hypotheses[0]).replace("▁", " ").strip())
    return time.perf_counter() - start, outputs


def batched(translator: Translator, sentences: list[str]) -> tuple[float, list[str]]:
    start = time.perf_counter()
    outputs = translator.translate(sentences)
    return time.perf_counter() - start, outputs


def from_memory(sentences: list[str], outputs: list[str]) -> float:
    """Seconds for the translate stage of a second build, every sentence already in the memory."""
    with tempfile.TemporaryDirectory() as tmp:
        config = SiteConfig.model_validate({"site": {"title": {"ar": "م", "en": "D"}, "base_url": "https://x.org/"},
                                            "root": Path(tmp)})
        memory = TranslationMemory.load(config.path(config.translation.memory))
        glossary = Glossary(config.renderings())
        for sentence, output in zip(sentences, outputs):
            memory.add(protect(sentence, glossary).source, "translate-ar_en@bench", output)
        memory.save()
        start = time.perf_counter()
        result = translate_texts(sentences, config, use_model=False)
        seconds = time.perf_counter() - start
        assert result.untranslated == 0 and result.translated_now == 0
        return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=200, help="sentences for the batched runs")
    parser.add_argument("--per-call", type=int, default=40, help="of those, sentences for the per-call run")
    args = parser.parse_args()

    texts = arabic_texts()
    sentences = sample_sentences(texts, args.sentences)
    words = sum(len(s.split()) for s in sentences) / len(sentences)
    print(f"{len(sentences)} Arabic sentences, {words:.1f} words on average; {CORES} cores")
    if os.getloadavg()[0] > 0.5:
        print(f"note: load average {os.getloadavg()[0]:.1f} before starting: other work will slow the figures")

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        sp_model = train_sentencepiece(texts)
        package = Path(tmp) / "translate-ar_en-bench"
        build_random_model(sp_model, package)
        print(f"random Transformer-base int8 built in {time.perf_counter() - start:.0f} s")
        model = InstalledModel("ar", "en", "translate-ar_en", "bench", package)

        rows = []
        for beam in sorted({1, DEFAULT_BEAM_SIZE, 4}):
            translator = load_translator(model, beam_size=beam, max_output_tokens=OUTPUT_CAP)
            seconds, outputs = batched(translator, sentences)
            rows.append((beam, seconds, outputs))
            print(f"batched Translator, beam {beam}: {len(sentences) / seconds:6.1f} sentences/s")

        subset = sentences[: args.per_call]
        call_seconds, call_outputs = per_call(package / "model", sp_model, subset, DEFAULT_BEAM_SIZE)
        call_rate = len(subset) / call_seconds
        print(f"one call per sentence, beam {DEFAULT_BEAM_SIZE}: {call_rate:6.1f} sentences/s ({len(subset)} sentences)")

        [(_, seconds, outputs)] = [row for row in rows if row[0] == DEFAULT_BEAM_SIZE]
        batched_rate = len(sentences) / seconds
        same = sum(a == b for a, b in zip(call_outputs, outputs))
        print(f"batched / per call at beam {DEFAULT_BEAM_SIZE}: {batched_rate / call_rate:.1f}x "
              f"(identical outputs: {same}/{len(subset)})")
        memory_seconds = from_memory(sentences, outputs)
        print(f"second build, all {len(sentences)} sentences from the translation memory: {memory_seconds:.3f} s "
              f"({seconds / memory_seconds:.0f}x faster than translating them, batched)")


if __name__ == "__main__":
    main()
