"""A rebuild makes again only the pages whose inputs changed, and its site is the one a
build from nothing would make."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.build import build
from generator.cli import EXIT_UNTRANSLATED, main
from generator.config import load_config
from generator.output import MANIFEST
from generator.render import STATIC
from generator.translate import TranslationResult

SEED = "003_163b4c5298a4b073"
OTHER_EVENT = """---
title: وزير الخارجية يستقبل سفير اليابان في دمشق
published: 2025-08-02
event: ambassador-visit
---
استقبل وزير الخارجية السوري سفير اليابان في دمشق يوم السبت، وبحث معه التعاون الاقتصادي بين البلدين.

وقال الوزير إن "العلاقات مع اليابان تتطور بسرعة".
"""


@pytest.fixture
def two_events(project: Path) -> Path:
    (project / "content" / "ambassador.md").write_text(OTHER_EVENT, encoding="utf-8")
    return project


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def inodes(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_ino for p in site.rglob("*") if p.suffix in (".html", ".pf_meta")}


def test_a_rebuild_of_unchanged_content_makes_nothing_again(two_events: Path):
    config, site = two_events / "site_config.yml", two_events / "site"
    first = build(config, site)
    before, before_inodes = files(site), inodes(site)
    again = build(config, site)
    keyed = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
    assert first.summary.reused == 0
    assert again.summary.reused == len(keyed) > 20  # every page of both languages and the search index
    indexes = {f"pagefind/{lang}/{shard}" for lang in ("ar", "en") for shard in ("2025-07", "2025-08-01", "undated")}
    assert {*indexes, "en/events/ambassador-visit.html"} <= set(keyed)
    assert files(site) == before
    assert inodes(site)["en/events/ambassador-visit.html"] == before_inodes["en/events/ambassador-visit.html"]


def test_editing_one_article_remakes_its_event_and_the_lists_not_the_other_event(two_events: Path):
    config, site = two_events / "site_config.yml", two_events / "site"
    build(config, site)
    before = inodes(site)
    seed = two_events / "content" / f"{SEED}.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nوأضاف المصدر أن اللقاء المقبل لم يحدد موعده.\n", encoding="utf-8")
    build(config, site)
    after = inodes(site)
    remade = {path for path in after if after[path] != before.get(path)}
    for lang in ("ar", "en"):
        assert {f"{lang}/events/paris-talks-2025-07.html", f"{lang}/articles/{SEED}.html", f"{lang}/index.html"} <= remade
        assert f"{lang}/events/ambassador-visit.html" not in remade
        assert f"{lang}/articles/ambassador.html" not in remade
    assert "اللقاء المقبل لم يحدد موعده" in (site / f"ar/articles/{SEED}.html").read_text(encoding="utf-8")
    # the search indexes of the months of the remade pages (the undated article, its July event) are made
    # again, not the others
    remade_indexes = {"/".join(path.split("/")[1:3]) for path in remade if path.startswith("pagefind/")}
    kept_indexes = {"/".join(path.split("/")[1:3]) for path in after if path.startswith("pagefind/") and path not in remade}
    assert remade_indexes == {f"{lang}/{month}" for lang in ("ar", "en") for month in ("undated", "2025-07")}
    assert kept_indexes == {"ar/2025-08-01", "en/2025-08-01"}

    build(config, two_events / "from-nothing")
    assert files(site) == files(two_events / "from-nothing")


def remade_indexes(before: dict[str, int], site: Path) -> set[str]:
    after = inodes(site)
    return {"/".join(path.split("/")[1:3]) for path in after if path.startswith("pagefind/") and after[path] != before.get(path)}


def test_todays_articles_remake_the_search_index_of_the_newest_week_not_of_its_month(two_events: Path):
    """The newest week (within its month) has indexes of its own: Pagefind reads again a few days of
    pages, not a month of them; once a newer week comes, the week joins its month's indexes."""
    config, site = two_events / "site_config.yml", two_events / "site"
    (two_events / "content" / "earlier.md").write_text(
        OTHER_EVENT.replace("2025-08-02", "2025-07-30").replace("ambassador-visit", "earlier-visit")
        .replace("اليابان", "البرازيل"), encoding="utf-8")
    build(config, site)
    assert {p.name for p in (site / "pagefind" / "ar").iterdir()} == {"2025-07", "2025-08-01", "undated"}

    before = inodes(site)
    today = OTHER_EVENT.replace("ambassador-visit", "minister-visit").replace("اليابان", "الهند")
    (two_events / "content" / "today.md").write_text(today, encoding="utf-8")  # Saturday 2 August, like the newest
    build(config, site)
    assert remade_indexes(before, site) == {"ar/2025-08-01", "en/2025-08-01"}

    before = inodes(site)
    (two_events / "content" / "monday.md").write_text(
        today.replace("2025-08-02", "2025-08-04").replace("minister-visit", "monday-visit").replace("الهند", "كندا"),
        encoding="utf-8")
    build(config, site)
    assert {p.name for p in (site / "pagefind" / "ar").iterdir()} == {"2025-07", "2025-08", "2025-08-04", "undated"}
    assert remade_indexes(before, site) == {f"{lang}/{shard}" for lang in ("ar", "en") for shard in ("2025-08", "2025-08-04")}

    before = inodes(site)
    (two_events / "content" / "tuesday.md").write_text(
        today.replace("2025-08-02", "2025-08-05").replace("minister-visit", "tuesday-visit").replace("الهند", "تشيلي"),
        encoding="utf-8")
    build(config, site)
    assert remade_indexes(before, site) == {"ar/2025-08-04", "en/2025-08-04"}  # August's first days are kept
    assert files(site) == files(build_from_nothing(two_events))


def test_a_new_reviewed_translation_reaches_the_pages_that_show_the_text(two_events: Path):
    config, site = two_events / "site_config.yml", two_events / "site"
    build(config, site)
    (two_events / "translations" / "reviewed.yml").write_text(
        "- ar: وزير الخارجية يستقبل سفير اليابان في دمشق\n  en: The foreign minister receives Japan's ambassador\n"
        "- ar: الكيان الصهيوني\n  en: the Zionist entity\n",  # shown only in the comparison of the seeds
        encoding="utf-8")
    build(config, site)
    for page in ("en/articles/ambassador.html", "en/events/ambassador-visit.html", "en/index.html"):
        assert "The foreign minister receives Japan&#39;s ambassador" in (site / page).read_text(encoding="utf-8"), page
    assert "the Zionist entity" in (site / "en/events/paris-talks-2025-07.html").read_text(encoding="utf-8")
    assert files(site) == files(build_from_nothing(two_events))


def test_a_configuration_change_remakes_every_page(two_events: Path):
    config, site = two_events / "site_config.yml", two_events / "site"
    build(config, site)
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("The News Digest", "Syria Coverage Compared", 1), encoding="utf-8")
    report = build(config, site)
    assets = [path for path in STATIC.rglob("*") if path.is_file()]
    assert report.summary.reused == len(assets) > 0  # only the stylesheet, script and fonts, copied as they are
    assert "Syria Coverage Compared" in (site / "en/articles/ambassador.html").read_text(encoding="utf-8")


def test_a_page_missing_from_the_previous_site_is_made_again(two_events: Path):
    config, site = two_events / "site_config.yml", two_events / "site"
    build(config, site)
    (site / "ar/events/ambassador-visit.html").unlink()
    build(config, site)
    assert "سفير اليابان" in (site / "ar/events/ambassador-visit.html").read_text(encoding="utf-8")


def test_a_damaged_manifest_means_a_full_build_not_a_failure(two_events: Path):
    config, site = two_events / "site_config.yml", two_events / "site"
    build(config, site)
    (site / MANIFEST).write_text("{not json", encoding="utf-8")
    assert build(config, site).summary.reused == 0
    assert files(site) == files(build_from_nothing(two_events))


def test_every_text_a_page_translates_is_part_of_its_key(two_events: Path, monkeypatch: pytest.MonkeyPatch):
    """A page is kept when the translations of its texts did not change: every text it looks up
    must be among the texts its key is made from, or an edited translation would leave it stale."""
    import generator.build
    from generator import render

    keyed: set[str] = set()
    looked_up: set[str] = set()
    event_key = render._event_key
    real_of = TranslationResult.of

    config = load_config(two_events / "site_config.yml")

    render_site = render.render_site
    compared: list[tuple] = []

    def recording_render_site(config, events, comparisons, comparison_texts, *rest):
        compared.append(({slug: tuple(c.texts()) for slug, c in comparisons.items()}, dict(comparison_texts)))
        return render_site(config, events, comparisons, comparison_texts, *rest)

    def recording_event_key(event, comparison_texts, translations):
        shown = [tuple(render.article_texts(config, r.article, r.analysis)) for r in event.reports]
        assert shown == [r.texts for r in event.reports]  # the texts kept without the analysis are its texts
        keyed.update(t for texts in shown for t in texts)
        keyed.update(comparison_texts)
        return event_key(event, comparison_texts, translations)

    def recording_of(self, source):
        looked_up.add(source)
        return real_of(self, source)

    monkeypatch.setattr(render, "_event_key", recording_event_key)
    monkeypatch.setattr(TranslationResult, "of", recording_of)
    monkeypatch.setattr(generator.build, "render_site", recording_render_site)
    build(two_events / "site_config.yml", two_events / "site")
    assert looked_up and looked_up <= keyed | {""}, sorted(looked_up - keyed)[:5]
    seed = two_events / "content" / "003_163b4c5298a4b073.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nوقال المصدر إن الوفد «لم يتفق» على شيء.\n", encoding="utf-8")
    build(two_events / "site_config.yml", two_events / "site")  # the other event's texts from the kept records
    assert len(compared) == 2 and all(texts == kept for texts, kept in compared), compared


def build_from_nothing(project: Path) -> Path:
    out = project / "from-nothing"
    build(project / "site_config.yml", out)
    return out


# --- a build that finds nothing changed -------------------------------------------------------

def digest_build(project: Path, capsys, *extra: str) -> tuple[int, str, str]:
    status = main(["build", "--config", str(project / "site_config.yml"), "--out", str(project / "site"), *extra])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_a_build_that_finds_nothing_changed_touches_nothing_and_says_the_same(two_events: Path, capsys):
    _, first, first_warnings = digest_build(two_events, capsys)
    site = two_events / "site"
    before, folder = inodes(site), site.stat().st_ino
    status, again, again_warnings = digest_build(two_events, capsys)
    assert status == 0 and first.startswith("Built ")
    assert again.startswith("Nothing changed since the last build")
    assert "(3 article(s) in 2 event(s)" in again
    assert inodes(site) == before and site.stat().st_ino == folder  # not even swapped
    assert "ambassador.md: warning:" in first_warnings and again_warnings == first_warnings
    assert first.splitlines()[1:] == again.splitlines()[1:]  # the same advice about untranslated texts


CHANGES = {
    "an edited article": lambda p: (p / "content" / "ambassador.md").write_text(
        OTHER_EVENT.replace("بسرعة", "ببطء"), encoding="utf-8"),
    "a new article": lambda p: (p / "content" / "second.md").write_text(
        OTHER_EVENT.replace("اليابان", "كوريا"), encoding="utf-8"),
    "a removed article": lambda p: (p / "content" / "ambassador.md").unlink(),
    "a reviewed translation": lambda p: (p / "translations" / "reviewed.yml").write_text(
        "- ar: وزير الخارجية يستقبل سفير اليابان في دمشق\n  en: Japan's ambassador received\n", encoding="utf-8"),
    "the translation memory": lambda p: (p / "translations" / "memory.jsonl").write_text(json.dumps(
        {"ar": "وزير الخارجيه يستقبل سفير اليابان في دمشق", "model": "translate-ar_en@1.0", "en": "Japan's envoy received"},
        ensure_ascii=False) + "\n", encoding="utf-8"),
    "the configuration": lambda p: (p / "site_config.yml").write_text(
        (p / "site_config.yml").read_text(encoding="utf-8").replace("The News Digest", "Coverage Compared", 1),
        encoding="utf-8"),
}


@pytest.mark.parametrize("change", CHANGES)
def test_any_change_to_what_a_build_reads_builds_again(two_events: Path, capsys, change: str):
    digest_build(two_events, capsys)
    CHANGES[change](two_events)
    _, out, _ = digest_build(two_events, capsys)
    assert out.startswith("Built ")
    assert files(two_events / "site") == files(build_from_nothing(two_events))
    if "translation" in change:
        assert "Japan&#39;s" in (two_events / "site" / "en" / "articles" / "ambassador.html").read_text(encoding="utf-8")
    _, out, _ = digest_build(two_events, capsys)
    assert out.startswith("Nothing changed")


def test_a_new_link_to_a_folder_outside_the_content_is_refused_not_taken_for_no_change(two_events: Path, capsys):
    digest_build(two_events, capsys)
    outside = two_events.parent / "elsewhere"
    outside.mkdir()
    (outside / "secret.md").write_text(OTHER_EVENT.replace("اليابان", "كوريا"), encoding="utf-8")
    (two_events / "content" / "elsewhere").symlink_to(outside)
    status, out, err = digest_build(two_events, capsys)
    assert status != 0 and "content/elsewhere: error: symbolic link to something outside the content folder" in err


def test_without_the_cache_a_build_does_the_work_again(two_events: Path, capsys):
    digest_build(two_events, capsys)
    shutil.rmtree(two_events / ".digest-cache")
    _, out, _ = digest_build(two_events, capsys)
    assert out.startswith("Built ")


def test_build_can_fail_on_untranslated_text_after_writing_the_site(two_events: Path, capsys):
    status, out, _ = digest_build(two_events, capsys, "--require-translations")
    assert status == EXIT_UNTRANSLATED and "have no English translation" in out
    assert (two_events / "site" / "en" / "events" / "ambassador-visit.html").is_file()
    status, out, _ = digest_build(two_events, capsys, "--require-translations")
    assert status == EXIT_UNTRANSLATED and out.startswith("Nothing changed")


def test_clean_builds_everything_from_nothing_and_makes_the_same_site(two_events: Path, capsys):
    digest_build(two_events, capsys)
    before = files(two_events / "site")
    _, out, _ = digest_build(two_events, capsys, "--clean")
    assert out.startswith("Built 3 article(s) (3 analyzed, 0 unchanged") and ", 0 of them kept" in out
    assert files(two_events / "site") == before
