"""A tiny ar→en argostranslate package, built at test time, and pytest fixtures around it.

No real translation model can be downloaded in tests, so `build_fixture_model`
makes one in a fraction of a second: a word-level SentencePiece model and a
one-layer CTranslate2 Transformer whose weights are set by hand so that it
translates word by word through `DICTIONARY` ("مرحبا العالم" → "hello world")
and copies every other word (Latin names included, through replace_unknowns).
It is packaged as a real `.argosmodel` zip, so it goes through the same
install and load code as a downloaded model.

How the weights work (d_model = vocabulary size + position features):
- encoder: token one-hot + position code; its layers add nothing;
- decoder step t: the cross-attention query is the position code of t and the
  keys are the source position codes, so step t reads source token t
  (positions are sinusoids of several frequencies: sharply peaked dot product);
- the output projection maps source token w to the target token
  DICTIONARY[w] (or w itself); the source ends with </s>, which maps to </s>.

argostranslate reads its settings (ARGOS_PACKAGES_DIR, XDG_* folders, the
index URL) from the environment once, when first imported, and the generator
imports it only when a model function is called. `isolate_argostranslate` sets
those variables to temporary folders (so a `digest` subprocess inherits them)
and also patches the already-imported settings module, so it works whatever
test imported argostranslate first. Tests must not touch the real
~/.local/share/argos-translate: use the `argos_home` fixture (or
`isolate_argostranslate`) before calling anything in generator.translate.models.

Use from a test module (or once in tests/conftest.py, which also lets
pytest rewrite this module's asserts: no "already imported" warning):

    pytest_plugins = ["tests.model_fixture"]

    def test_something(fixture_translator, fixture_model):
        assert fixture_translator.translate(["مرحبا العالم"]) == ["hello world"]
        assert fixture_model.expected("التقى الشيباني") == "met الشيباني"

Fixtures: `fixture_model` (session: FixtureModel with .archive and
.dictionary), `argos_home` (isolated argostranslate folders, returns the
packages folder), `installed_fixture_model` (argos_home + the fixture
installed: InstalledModel), `fixture_translator` (session: loaded Translator).
A test where find_model() must see no model takes `argos_home`; one where it
must find the fixture takes `installed_fixture_model`.
Without pytest: `build_fixture_model(directory)` and `serve_package_index(archives)`.
"""
from __future__ import annotations

import functools
import http.server
import io
import json
import random
import threading
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
import sentencepiece
from ctranslate2.specs import transformer_spec

from generator.translate.engine import Translator, load_translator
from generator.translate.models import InstalledModel, install_from_file

# Arabic word → English word. Words not listed are copied through.
DICTIONARY: Mapping[str, str] = {
    "مرحبا": "hello",
    "العالم": "world",
    "التقى": "met",
    "وزير": "minister",
    "الخارجية": "foreign",
    "السوري": "Syrian",
    "الإسرائيلي": "Israeli",
    "مع": "with",
    "في": "in",
    "باريس": "Paris",
    "قال": "said",
    "أن": "that",
    "المحادثات": "talks",
    "نجحت": "succeeded",
    "قناة": "channel",
    "مصدر": "source",
    "دبلوماسي": "diplomatic",
    "اليوم": "today",
    "و": "and",
    "لـ": "to",
    "بـ": "by",
}
FROM_CODE, TO_CODE = "ar", "en"
# Connection refused at once: tests never reach the real index by mistake.
UNREACHABLE_INDEX = "http://127.0.0.1:9/"

_POSITIONS = 1024  # covers the longest source and max_decoding_length
_FREQUENCIES = 2.5 * np.power(1 / 1000, np.arange(8) / 8)  # least overlap of neighbouring positions
_ATTENTION_SHARPNESS = 40.0
_OUTPUT_MARGIN = 20.0


@dataclass(frozen=True)
class FixtureModel:
    archive: Path  # the .argosmodel file
    dictionary: Mapping[str, str]
    package_version: str

    def expected(self, sentence: str) -> str:
        """What the fixture model translates sentence into (words split at spaces)."""
        return " ".join(self.dictionary.get(word, word) for word in sentence.split())


def build_fixture_model(directory: Path, *, package_version: str = "1.0") -> FixtureModel:
    """Write translate-ar_en-<version>.argosmodel into directory."""
    name = f"translate-{FROM_CODE}_{TO_CODE}-{package_version.replace('.', '_')}"
    package = Path(directory) / name
    (package / "model").mkdir(parents=True)
    sp_model = _train_sentencepiece()
    (package / "sentencepiece.model").write_bytes(sp_model)
    _save_model(_vocabulary(sp_model), package / "model")
    metadata = {
        "package_version": package_version,
        "argos_version": "1.0",
        "from_code": FROM_CODE,
        "from_name": "Arabic",
        "to_code": TO_CODE,
        "to_name": "English",
        "type": "translate",
    }
    (package / "metadata.json").write_text(json.dumps(metadata), encoding="utf-8")
    archive = Path(directory) / f"{name}.argosmodel"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(package.rglob("*")):
            zf.write(path, path.relative_to(directory).as_posix())
    return FixtureModel(archive, DICTIONARY, package_version)


def _train_sentencepiece() -> bytes:
    words = list(DICTIONARY) + list(DICTIONARY.values())
    rng = random.Random(0)
    lines = [" ".join(words)] + [
        " ".join(rng.choice(words) for _ in range(rng.randint(1, 10))) for _ in range(400)
    ]
    model = io.BytesIO()
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        model_type="word",
        vocab_size=len(set(words)) + 3,
        hard_vocab_limit=False,
        normalization_rule_name="identity",
        character_coverage=1.0,
        minloglevel=2,
    )
    return model.getvalue()


def _vocabulary(sp_model: bytes) -> list[str]:
    sp = sentencepiece.SentencePieceProcessor(model_proto=sp_model)
    return [sp.id_to_piece(i) for i in range(sp.get_piece_size())]


def _save_model(vocabulary: list[str], model_dir: Path) -> None:
    v = len(vocabulary)
    f = len(_FREQUENCIES)
    d_model = -(-(v + 2 * f) // 8) * 8
    tokens, positions = slice(0, v), slice(v, v + 2 * f)

    angles = np.outer(np.arange(_POSITIONS), _FREQUENCIES)
    position_codes = np.zeros((_POSITIONS, d_model), np.float32)
    position_codes[:, positions] = np.concatenate([np.sin(angles), np.cos(angles)], axis=1)

    spec = transformer_spec.TransformerSpec.from_config((1, 1), 1, no_final_norm=True, rms_norm=True)
    encoder, decoder = spec.encoder, spec.decoder
    for stack in (encoder, decoder):
        stack.scale_embeddings = False
        stack.position_encodings.encodings = position_codes
        _silence(stack.layer[0], d_model)
    encoder.embeddings[0].weight = np.eye(v, d_model, dtype=np.float32)
    decoder.embeddings.weight = np.zeros((v, d_model), np.float32)

    attention = decoder.layer[0].attention
    attention.layer_norm.gamma = np.ones(d_model, np.float32)
    query = np.zeros((d_model, d_model), np.float32)
    query[positions, positions] = _ATTENTION_SHARPNESS * np.eye(2 * f)
    keys_values = np.zeros((2 * d_model, d_model), np.float32)
    keys_values[positions, positions] = np.eye(2 * f)  # keys: source positions
    keys_values[d_model : d_model + v, tokens] = np.eye(v)  # values: source tokens
    output = np.zeros((d_model, d_model), np.float32)
    output[tokens, tokens] = np.eye(v)
    attention.linear[0].weight, attention.linear[1].weight, attention.linear[2].weight = query, keys_values, output

    index = {piece: i for i, piece in enumerate(vocabulary)}
    projection = np.zeros((v, d_model), np.float32)
    for source_id, piece in enumerate(vocabulary):
        projection[index.get(_translate_piece(piece), index["<unk>"]), source_id] = _OUTPUT_MARGIN
    decoder.projection.weight = projection

    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.config.add_source_eos = True
    spec.validate()
    spec.optimize()
    spec.save(str(model_dir))


def _silence(layer: transformer_spec.TransformerEncoderLayerSpec, d_model: int) -> None:
    """Zero the layer's self-attention and feed-forward outputs: the residual passes unchanged."""
    hidden = 8
    layer.self_attention.layer_norm.gamma = np.ones(d_model, np.float32)
    layer.self_attention.linear[0].weight = np.zeros((3 * d_model, d_model), np.float32)
    layer.self_attention.linear[1].weight = np.zeros((d_model, d_model), np.float32)
    layer.ffn.layer_norm.gamma = np.ones(d_model, np.float32)
    layer.ffn.linear_0.weight = np.zeros((hidden, d_model), np.float32)
    layer.ffn.linear_1.weight = np.zeros((d_model, hidden), np.float32)


def _translate_piece(piece: str) -> str:
    word = piece.removeprefix("▁")
    return "▁" + DICTIONARY[word] if word in DICTIONARY else piece


# --- argostranslate folders and a local package index ----------------------------


def isolate_argostranslate(monkeypatch: pytest.MonkeyPatch, root: Path, index_url: str = UNREACHABLE_INDEX) -> Path:
    """Point argostranslate at folders under root and at index_url; returns the packages folder."""
    packages = root / "packages"
    data_dir = root / "data" / "argos-translate"
    config_dir = root / "config" / "argos-translate"
    cache_dir = root / "cache" / "argos-translate"
    for key, value in {
        "ARGOS_PACKAGES_DIR": packages,
        "XDG_DATA_HOME": root / "data",
        "XDG_CONFIG_HOME": root / "config",
        "XDG_CACHE_HOME": root / "cache",
        "ARGOS_PACKAGE_INDEX": index_url,
    }.items():
        monkeypatch.setenv(key, str(value))
    from argostranslate import settings  # a first import reads the variables just set

    for folder in (packages, data_dir, config_dir, cache_dir / "downloads"):
        folder.mkdir(parents=True, exist_ok=True)
    for name, value in {
        "data_dir": data_dir,
        "config_dir": config_dir,
        "cache_dir": cache_dir,
        "downloads_dir": cache_dir / "downloads",
        "settings_file": config_dir / "settings.json",
        "package_data_dir": packages,
        "package_dirs": [packages],
        "package_index": index_url,
        "remote_package_index": index_url + "index.json",
        "local_package_index": data_dir / "index.json",
    }.items():
        monkeypatch.setattr(settings, name, value)
    return packages


@contextmanager
def serve_package_index(archives: Sequence[Path], *, serve_archives: bool = True) -> Iterator[str]:
    """Serve index.json listing archives, and the archives, on 127.0.0.1; yields the index URL (ends in /).

    With serve_archives=False the index lists the archives but their links give 404.
    """
    files = {archive.name: archive.read_bytes() for archive in archives if serve_archives}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, files=files))
    base = f"http://127.0.0.1:{server.server_port}/"
    index = [dict(_archive_metadata(archive), links=[base + archive.name]) for archive in archives]
    files["index.json"] = json.dumps(index).encode()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _archive_metadata(archive: Path) -> dict:
    with zipfile.ZipFile(archive) as zf:
        name = next(n for n in zf.namelist() if n.endswith("/metadata.json") and n.count("/") == 1)
        return json.loads(zf.read(name))


class _QuietHandler(http.server.BaseHTTPRequestHandler):
    def __init__(self, *args, files: Mapping[str, bytes], **kwargs) -> None:
        self.files = files
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        body = self.files.get(self.path.lstrip("/"))
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


# --- pytest fixtures ---------------------------------------------------------------


@pytest.fixture(scope="session")
def fixture_model(tmp_path_factory: pytest.TempPathFactory) -> FixtureModel:
    return build_fixture_model(tmp_path_factory.mktemp("fixture-model"))


@pytest.fixture
def argos_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """argostranslate isolated in tmp_path, with an unreachable index; the packages folder."""
    return isolate_argostranslate(monkeypatch, tmp_path / "argos")


@pytest.fixture
def installed_fixture_model(argos_home: Path, fixture_model: FixtureModel) -> InstalledModel:
    return install_from_file(fixture_model.archive)


@pytest.fixture(scope="session")
def fixture_translator(tmp_path_factory: pytest.TempPathFactory, fixture_model: FixtureModel) -> Translator:
    with pytest.MonkeyPatch.context() as monkeypatch:
        isolate_argostranslate(monkeypatch, tmp_path_factory.mktemp("argos"))
        model = install_from_file(fixture_model.archive)
    return load_translator(model)
