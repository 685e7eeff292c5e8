"""The translate stage through the real build: model, memory, reviewed translations, glossary."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.build import build
from generator.problems import DigestError
from generator.translate.models import INSTALL_COMMAND

CONFIG = """
site:
  title: {ar: الموجز, en: The Digest}
  base_url: https://user.github.io/digest/
translation:
  required: %(required)s
  full_bodies: %(full_bodies)s
glossary:
  الشيباني: al-Shaibani
"""
ARTICLE = """---
title: مرحبا العالم
published: 2025-07-25
---
التقى وزير الخارجية السوري مع الإسرائيلي في باريس

قال الشيباني في باريس
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "paris.md").write_text(ARTICLE, encoding="utf-8")
    write_config(tmp_path, required=False)
    return tmp_path


def write_config(project: Path, required: bool, full_bodies: bool = True) -> Path:
    path = project / "site_config.yml"
    path.write_text(CONFIG % {"required": str(required).lower(), "full_bodies": str(full_bodies).lower()}, encoding="utf-8")
    return path


def english_page(project: Path) -> str:
    return (project / "site" / "en" / "articles" / "paris.html").read_text(encoding="utf-8")


def memory_lines(project: Path) -> list[dict]:
    path = project / "translations" / "memory.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_the_local_model_translates_and_the_memory_keeps_it(project, installed_fixture_model):
    report = build(project / "site_config.yml", project / "site")
    assert report.translations.untranslated == 0 and report.translations.translated_now >= 3
    html = english_page(project)
    assert "<span>hello world</span> <span class=\"origin origin-machine\" lang=\"en\" dir=\"ltr\">machine translation</span>" in html
    assert "met minister foreign Syrian with Israeli in Paris" in html
    stored = memory_lines(project)
    assert {line["model"] for line in stored} == {installed_fixture_model.model_id}
    assert any(line["en"] == "hello world" for line in stored)


def test_by_default_only_titles_summaries_and_quotes_are_translated(project, installed_fixture_model):
    write_config(project, required=False, full_bodies=False)
    report = build(project / "site_config.yml", project / "site")
    summary, = report.content.analyses["paris"].summary
    sentences = report.content.analyses["paris"].sentences
    assert set(report.translations.translations) == {"مرحبا العالم", sentences[summary].text}


def test_glossary_names_come_out_as_the_glossary_says(project, installed_fixture_model):
    build(project / "site_config.yml", project / "site")
    assert "<span>said al-Shaibani in Paris</span>" in english_page(project)


def test_only_new_sentences_are_translated(project, installed_fixture_model):
    build(project / "site_config.yml", project / "site")
    again = build(project / "site_config.yml", project / "site")
    assert again.translations.translated_now == 0
    (project / "content" / "more.md").write_text("---\ntitle: مرحبا باريس\n---\nقال وزير الخارجية\n", encoding="utf-8")
    more = build(project / "site_config.yml", project / "site")
    assert more.translations.translated_now == 3  # its title, its one sentence and the official it cites
    assert "hello Paris" in (project / "site" / "en" / "articles" / "more.html").read_text(encoding="utf-8")


def test_a_machine_without_the_model_rebuilds_from_the_memory(project, installed_fixture_model):
    build(project / "site_config.yml", project / "site")
    shutil.rmtree(installed_fixture_model.path)  # the model is gone; its translations stay
    report = build(project / "site_config.yml", project / "site")
    assert report.translations.model_id is None and report.translations.untranslated == 0
    assert "hello world" in english_page(project)


def test_reviewed_translation_wins_and_is_never_rewritten(project, installed_fixture_model):
    reviewed = project / "translations" / "reviewed.yml"
    reviewed.parent.mkdir()
    reviewed.write_text("# mine\n- ar: مرحبا العالم\n  en: Hello, World\n", encoding="utf-8")
    before = reviewed.read_bytes()
    build(project / "site_config.yml", project / "site")
    html = english_page(project)
    assert '<span>Hello, World</span> <span class="origin origin-reviewed" lang="en" dir="ltr">reviewed translation</span>' in html
    assert reviewed.read_bytes() == before
    assert not any(line["en"] == "hello world" for line in memory_lines(project)), "the model was not asked"


def test_without_a_model_text_stays_arabic_and_the_build_says_how_to_fix_it(project):
    report = build(project / "site_config.yml", project / "site")
    assert report.translations.untranslated >= 3
    assert INSTALL_COMMAND in report.translations.advice()
    assert '<span lang="ar" dir="rtl">مرحبا العالم</span> <span class="origin origin-untranslated" lang="en" dir="ltr">' in english_page(project)


def test_required_translation_fails_the_build_and_keeps_the_previous_site(project):
    build(project / "site_config.yml", project / "site")
    before = english_page(project)
    write_config(project, required=True)
    with pytest.raises(DigestError) as caught:
        build(project / "site_config.yml", project / "site")
    assert INSTALL_COMMAND in str(caught.value)
    assert english_page(project) == before


def test_a_corrupted_memory_line_is_reported_with_file_and_line(project):
    memory = project / "translations" / "memory.jsonl"
    memory.parent.mkdir()
    memory.write_text('{"ar": "x", "model": "m", "en": "y"}\n{not json\n', encoding="utf-8")
    with pytest.raises(DigestError) as caught:
        build(project / "site_config.yml", project / "site")
    assert "memory.jsonl:2: error: corrupted translation memory line" in str(caught.value)


def test_check_requires_no_model_once_the_memory_has_everything(project, installed_fixture_model):
    from generator.cli import main

    build(project / "site_config.yml", project / "site")
    shutil.rmtree(installed_fixture_model.path)
    assert main(["check", "--config", str(project / "site_config.yml"), "--require-translations"]) == 0


def test_a_glossary_edit_retranslates_only_the_sentences_with_that_term(project, installed_fixture_model):
    build(project / "site_config.yml", project / "site")
    config = project / "site_config.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("al-Shaibani", "Shaibani"), encoding="utf-8")
    again = build(config, project / "site")
    assert again.translations.translated_now == 1
    assert "<span>said Shaibani in Paris</span>" in english_page(project)


def test_after_the_model_translated_the_next_build_has_nothing_to_do(project, installed_fixture_model):
    from generator.build import build_if_changed

    first = build_if_changed(project / "site_config.yml", project / "site")
    assert not first.unchanged and first.untranslated == 0 and memory_lines(project)
    again = build_if_changed(project / "site_config.yml", project / "site")  # the memory it wrote is its own input
    assert again.unchanged and again.untranslated == 0


def test_a_rebuild_takes_the_lookups_of_unchanged_texts_from_the_last_build(project, installed_fixture_model, monkeypatch):
    first = build(project / "site_config.yml", project / "site")
    page = english_page(project)
    (project / "content" / "paris.md").write_text(ARTICLE + "\nقال الشيباني في باريس مرة أخرى\n", encoding="utf-8")

    import generator.translate.memory as memory

    looked_up: list[str] = []
    lookup_key = memory.TranslationMemory.lookup_key
    monkeypatch.setattr(memory.TranslationMemory, "lookup_key",
                        lambda self, key, model: looked_up.append(key) or lookup_key(self, key, model))
    again = build(project / "site_config.yml", project / "site")
    assert len(looked_up) == 1 and "مره اخري" in looked_up[0]  # only the new sentence is looked up
    assert {s: t for s, t in again.translations.translations.items() if s in first.translations.translations} \
        == first.translations.translations
    assert again.translations.translated_now == 1
    assert english_page(project) != page and "al-Shaibani" in english_page(project)
