"""Translating sentences with an installed model (generator/translate/engine.py), on the fixture model."""
from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.translate.engine import load_translator
from generator.translate.models import ModelError

pytest_plugins = ["tests.model_fixture"]

ARABIC_WORDS = ["مرحبا", "العالم", "التقى", "وزير", "الخارجية", "السوري", "مع", "في", "باريس", "قال", "أن", "اليوم"]


def test_dictionary_sentences_translate_exactly(fixture_translator):
    assert fixture_translator.translate(
        ["مرحبا العالم", "قال مصدر دبلوماسي أن المحادثات نجحت", "التقى وزير الخارجية السوري في باريس اليوم"]
    ) == [
        "hello world",
        "said source diplomatic that talks succeeded",
        "met minister foreign Syrian in Paris today",
    ]


def test_unknown_words_are_copied_through(fixture_translator):
    assert fixture_translator.translate(["التقى Ron Dermer في باريس"]) == ["met Ron Dermer in Paris"]


def test_empty_input_and_empty_sentences(fixture_translator):
    assert fixture_translator.translate([]) == []
    assert fixture_translator.translate(["", "مرحبا", "   "]) == ["", "hello", ""]


def test_model_id_is_the_installed_models(installed_fixture_model):
    assert load_translator(installed_fixture_model).model_id == "translate-ar_en@1.0"


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.sampled_from(ARABIC_WORDS), min_size=1, max_size=12).map(" ".join), max_size=80))
def test_batched_translation_equals_one_by_one_in_order(fixture_translator, fixture_model, sentences):
    batched = fixture_translator.translate(sentences)

    assert batched == [fixture_translator.translate([s])[0] for s in sentences]
    assert batched == [fixture_model.expected(s) for s in sentences]


def test_many_sentences_of_mixed_length(fixture_translator, fixture_model):
    rng = random.Random(7)
    sentences = [" ".join(rng.choices(ARABIC_WORDS, k=rng.randint(1, 40))) for _ in range(150)]

    assert fixture_translator.translate(sentences) == [fixture_model.expected(s) for s in sentences]


def test_long_sentence_is_not_cut_short(fixture_translator, fixture_model):
    sentence = " ".join(ARABIC_WORDS * 15)  # 180 words

    assert fixture_translator.translate([sentence]) == [fixture_model.expected(sentence)]


def test_output_length_is_capped(installed_fixture_model):
    translator = load_translator(installed_fixture_model, max_output_tokens=5)

    assert translator.translate(["التقى وزير الخارجية السوري في باريس اليوم"]) == ["met minister foreign Syrian in"]


def test_deterministic_across_loads_and_settings(installed_fixture_model, fixture_model):
    sentences = ["مرحبا العالم", "التقى وزير الخارجية السوري مع Ron Dermer في باريس"] * 20
    outputs = [
        load_translator(installed_fixture_model, beam_size=beam, workers=workers, max_batch_size=size).translate(sentences)
        for beam, workers, size in [(1, 1, 32), (2, 2, 32), (4, 2, 3), (2, 2, 32)]
    ]

    assert all(output == outputs[0] for output in outputs)
    assert outputs[0] == [fixture_model.expected(s) for s in sentences]


@pytest.mark.parametrize("damaged", ["model/model.bin", "sentencepiece.model"])
def test_damaged_installed_model_names_its_folder(installed_fixture_model, damaged):
    (installed_fixture_model.path / damaged).write_bytes(b"garbage")

    with pytest.raises(ModelError, match="cannot be loaded.*reinstall it with: digest models install ar en") as error:
        load_translator(installed_fixture_model)
    assert str(installed_fixture_model.path) in str(error.value)


def test_deleted_model_folder(installed_fixture_model):
    for path in sorted((installed_fixture_model.path / "model").iterdir()):
        path.unlink()

    with pytest.raises(ModelError, match=str(installed_fixture_model.path)):
        load_translator(installed_fixture_model)
