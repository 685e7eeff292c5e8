"""A rebuild redoes only the work of what changed."""
import pickle
from pathlib import Path

from generator.build import CACHE_DIR, read_content


def test_only_an_edited_article_is_analyzed_again(project):
    config = project / "site_config.yml"
    assert read_content(config).analyzed_now == 2
    assert read_content(config).analyzed_now == 0

    seed = project / "content" / "003_163b4c5298a4b073.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nوأضاف المصدر أن اللقاء المقبل لم يحدد موعده.\n", encoding="utf-8")
    content = read_content(config)
    assert content.analyzed_now == 1
    assert content.analyses["003_163b4c5298a4b073"].sentences[-1].text == "وأضاف المصدر أن اللقاء المقبل لم يحدد موعده."


def test_a_damaged_cache_entry_is_recomputed_not_trusted(project):
    config = project / "site_config.yml"
    first = read_content(config)
    for entry in (project / CACHE_DIR).rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    again = read_content(config)
    assert again.analyzed_now == 2 and again.analyses == first.analyses
    assert all(pickle.loads(e.read_bytes()) for e in (project / CACHE_DIR).rglob("*.pickle"))


def test_a_glossary_entry_with_a_kind_teaches_the_analysis_and_invalidates_the_cache(project):
    config = project / "site_config.yml"
    before = read_content(config)
    assert "الجماعات المسلحة" not in {e.name for e in before.analyses["003_163b4c5298a4b073"].entities}
    text = config.read_text(encoding="utf-8").replace(
        "glossary:\n", "glossary:\n  الجماعات المسلحة: {en: the armed groups, kind: organization}\n", 1)
    config.write_text(text, encoding="utf-8")
    after = read_content(config)
    assert after.analyzed_now == 2
    kinds = {e.name: e.kind for e in after.analyses["003_163b4c5298a4b073"].entities}
    assert kinds["الجماعات المسلحة"] == "organization"
    assert after.config.renderings()["الجماعات المسلحة"] == "the armed groups"


def test_an_unchanged_file_is_not_parsed_again_and_an_edited_sidecar_is(project, monkeypatch):
    import generator.ingest

    config = project / "site_config.yml"
    read_content(config)
    parsed = []
    read_article = generator.ingest.read_article
    monkeypatch.setattr(generator.ingest, "read_article", lambda path, outlets: parsed.append(path.name) or read_article(path, outlets))
    assert read_content(config).articles and parsed == []

    sidecar = project / "content" / "003_163b4c5298a4b073.yml"
    sidecar.write_text(sidecar.read_text(encoding="utf-8") + "author: رنا\n", encoding="utf-8")
    content = read_content(config)
    assert parsed == ["003_163b4c5298a4b073.txt"]
    assert {a.id: a.author for a in content.articles}["003_163b4c5298a4b073"] == "رنا"


def test_the_grouping_is_kept_until_an_article_or_a_setting_changes(project, monkeypatch):
    import generator.build

    config = project / "site_config.yml"
    first = read_content(config)
    grouped = []
    group_articles = generator.build.group_articles
    monkeypatch.setattr(generator.build, "group_articles", lambda *args: grouped.append(1) or group_articles(*args))
    assert read_content(config).events == first.events and grouped == []

    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("similarity_threshold: 0.3", "similarity_threshold: 0.2"), encoding="utf-8")
    assert read_content(config).events == first.events and grouped == [1]

    seed = project / "content" / "003_163b4c5298a4b073.yml"
    seed.write_text(seed.read_text(encoding="utf-8").replace("event: paris-talks-2025-07", "event: other-story"),
                    encoding="utf-8")
    events = read_content(config).events
    pinned = {event.slug: event.article_ids for event in events}["paris-talks-2025-07"]
    assert grouped == [1, 1] and "003_163b4c5298a4b073" not in pinned  # its new pin wins


def test_an_edited_article_rescores_the_pairs_of_its_month_only(project, monkeypatch):
    import generator.group

    config = project / "site_config.yml"
    march = project / "content" / "march-meeting.md"
    march.write_text("---\ntitle: الشيباني وديرمر يلتقيان في باكو\npublished: 2025-03-04\n---\n"
                     "التقى الشيباني وديرمر في باكو لبحث ملف المياه.\n", encoding="utf-8")
    read_content(config)
    scored = []
    score_pairs = generator.group.score_pairs
    monkeypatch.setattr(generator.group, "score_pairs", lambda block: scored.append(block) or score_pairs(block))
    march.write_text(march.read_text(encoding="utf-8") + "\nوقال مصدر إن اللقاء استمر ساعتين.\n", encoding="utf-8")
    events = read_content(config).events
    assert [[a.article_id for a in block.articles] for block in scored] == [["march-meeting", "003_163b4c5298a4b073"]]
    assert ("march-meeting",) in {event.article_ids for event in events}


def entries(project, kind: str) -> set[str]:
    """The names of a kind of cached result: files of a folder, or keys of a packed file and its additions."""
    if kind == "articles":
        packs = [project / CACHE_DIR / name for name in ("articles.pickle", "articles.added.pickle")]
        return {name for pack in packs if pack.exists() for name in pickle.loads(pack.read_bytes())}
    return {path.name for path in (project / CACHE_DIR / kind).rglob("*.pickle")}


def test_a_build_forgets_the_results_of_what_no_longer_exists(project):
    from generator.build import build

    config, site = project / "site_config.yml", project / "site"
    build(config, site)
    before = {kind: entries(project, kind) for kind in ("articles", "analysis", "comparison", "pair-scores")}
    seed = project / "content" / "003_163b4c5298a4b073.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nوأضاف المصدر أن اللقاء المقبل لم يحدد موعده.\n", encoding="utf-8")
    assert build(config, site).content.analyzed_now == 1
    for kind, old in before.items():
        now = entries(project, kind)
        assert len(now) == len(old) and now != old, kind  # the edited article's old results are gone
    assert len(entries(project, "analysis")) == 2 and len(entries(project, "build-summary")) == 1

    seed.unlink()
    (project / "content" / "003_163b4c5298a4b073.yml").unlink()
    build(config, site)
    assert len(entries(project, "analysis")) == len(entries(project, "articles")) == 1


def test_a_build_that_keeps_the_grouping_keeps_the_scores_an_edit_starts_from(project, monkeypatch):
    import generator.group
    from generator.build import build

    config, site = project / "site_config.yml", project / "site"
    march = project / "content" / "march-meeting.md"
    march.write_text("---\ntitle: الشيباني وديرمر يلتقيان في باكو\npublished: 2025-03-04\n---\n"
                     "التقى الشيباني وديرمر في باكو لبحث ملف المياه.\n", encoding="utf-8")
    build(config, site)
    (project / "translations" / "reviewed.yml").write_text("- ar: الكيان الصهيوني\n  en: the Zionist entity\n",
                                                          encoding="utf-8")
    build(config, site)  # a build with the same articles: the grouping comes from the cache
    scored = []
    score_pairs = generator.group.score_pairs
    monkeypatch.setattr(generator.group, "score_pairs", lambda block: scored.append(block) or score_pairs(block))
    march.write_text(march.read_text(encoding="utf-8") + "\nوقال مصدر إن اللقاء استمر ساعتين.\n", encoding="utf-8")
    build(config, site)
    assert [[a.article_id for a in block.articles] for block in scored] == [["march-meeting", "003_163b4c5298a4b073"]]


def _settled(path, seconds_ago: int = 3600) -> None:
    """As an article saved an hour ago (a file changed within two seconds is always read again)."""
    import os
    import time

    then = time.time_ns() - seconds_ago * 10**9
    os.utime(path, ns=(then, then))


def test_file_hashes_read_a_file_again_only_when_its_status_changed(tmp_path, monkeypatch):
    import os

    import generator.cache
    from generator.cache import FileHashes

    article = tmp_path / "article.md"
    article.write_text("---\ntitle: خبر\n---\nنص الخبر.\n", encoding="utf-8")
    fresh = tmp_path / "fresh.md"
    fresh.write_text("نص كتب للتو.\n", encoding="utf-8")
    _settled(article)
    memory = tmp_path / "hashes.pickle"
    first = FileHashes(memory)
    original = first.of(article)
    first.of(fresh)
    first.save()

    read = []
    file_hash = generator.cache.file_hash
    monkeypatch.setattr(generator.cache, "file_hash", lambda path: read.append(os.path.basename(path)) or file_hash(path))
    again = FileHashes(memory)
    assert again.of(article) == original and read == []
    assert again.of(fresh) and read == ["fresh.md"]  # written just now: its next change could keep its times

    # The same size, and the modification time put back as it was: the change time still moves.
    status = article.stat()
    article.write_text("---\ntitle: خبر\n---\nنص الحدث.\n", encoding="utf-8")
    os.utime(article, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert article.stat().st_size == status.st_size
    assert FileHashes(memory).of(article) == file_hash(article) != original


def test_a_rebuild_with_nothing_changed_reads_no_article(project, monkeypatch):
    import os

    import generator.cache
    from generator.build import build_if_changed

    for path in (project / "content").iterdir():
        _settled(path)
    build_if_changed(project / "site_config.yml", project / "site")
    read = []
    file_hash = generator.cache.file_hash
    monkeypatch.setattr(generator.cache, "file_hash", lambda path: read.append(os.path.basename(path)) or file_hash(path))
    assert build_if_changed(project / "site_config.yml", project / "site").unchanged
    assert not [name for name in read if name.startswith(("000_", "003_"))]


def test_a_build_named_otherwise_reads_no_article_again_and_names_files_its_own_way(project, tmp_path, monkeypatch):
    import generator.ingest
    from generator.build import build

    (project / "content" / "undated.txt").write_text("لقاء في دمشق\n\nالتقى الوفدان في دمشق اليوم.\n", encoding="utf-8")
    monkeypatch.chdir(project)
    first = build(Path("site_config.yml"), Path("site"))
    assert "content/undated.txt: warning: publication date not given" in "\n".join(first.summary.warnings)

    parsed = []
    read_article = generator.ingest.read_article
    monkeypatch.setattr(generator.ingest, "read_article", lambda path, outlets: parsed.append(path.name) or read_article(path, outlets))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    again = build(project / "site_config.yml", project / "site")
    assert parsed == [] and again.content.analyzed_now == 0
    assert {str(a.source_path) for a in again.content.articles} == {str(p) for p in (project / "content").glob("*.txt")}
    assert f"{project}/content/undated.txt: warning: publication date not given" in "\n".join(again.summary.warnings)


def test_an_edit_reads_only_the_analyses_of_the_pages_it_makes_again(tmp_path, monkeypatch):
    """The other articles' analyses and the other events' comparisons stay in the cache: what every
    page key needs of them is kept in one file (at 10k articles, reading them all took seconds)."""
    import generator.cache
    from benchmarks.corpus import make_corpus
    from generator.build import build

    config = make_corpus(120, events=60, seed=3).write_project(tmp_path / "archive")
    first = build(config, tmp_path / "archive" / "site").content
    oldest = min(first.articles, key=lambda article: article.published)
    month = oldest.published.strftime("%Y-%m")
    by_id = {article.id: article for article in first.articles}
    in_its_month = {id for event in first.events
                    if any(by_id[i].published.strftime("%Y-%m") == month for i in event.article_ids) for id in event.article_ids}
    oldest.source_path.write_text(oldest.source_path.read_text(encoding="utf-8") + "\nوأضاف المصدر أن الاجتماع المقبل لم يحدد.\n",
                                  encoding="utf-8")

    read = []
    read_pickle = generator.cache._read_pickle
    monkeypatch.setattr(generator.cache, "_read_pickle", lambda path: (found := read_pickle(path)) is not None and read.append(str(path)) or found)
    after = build(config, tmp_path / "archive" / "site")
    analyses = {path for path in read if f"{CACHE_DIR}/analysis/" in path}
    comparisons = {path for path in read if f"{CACHE_DIR}/comparison/" in path}
    assert after.content.analyzed_now == 1
    assert 0 < len(analyses) <= len(in_its_month) < len(first.articles) // 2  # its month's events, listed again
    assert not comparisons  # its event is compared again; the others' pages are kept

    monkeypatch.undo()
    clean = build(config, tmp_path / "clean-site", clean=True)
    assert clean.summary.pages == after.summary.pages
    made = {p.relative_to(tmp_path / "clean-site"): p.read_bytes() for p in (tmp_path / "clean-site").rglob("*.html")}
    kept = {p.relative_to(tmp_path / "archive" / "site"): p.read_bytes() for p in (tmp_path / "archive" / "site").rglob("*.html")}
    assert made == kept


def test_packed_results_write_an_edit_to_a_small_file_until_changes_pass_a_tenth(tmp_path):
    from generator.cache import PackedResults

    path = tmp_path / "records.pickle"
    first = PackedResults(path, "code")
    for number in range(100):
        first.put((f"article {number}",), f"record {number}")
    first.save()
    main = path.read_bytes()

    edit = PackedResults(path, "code")
    assert [edit.get((f"article {number}",)) for number in range(99)] == [f"record {number}" for number in range(99)]
    edit.put(("article 99 edited",), "record 99 edited")
    edit.save()
    assert path.read_bytes() == main and edit.added_path.exists()  # the 30 MB of a real archive left alone

    again = PackedResults(path, "code")
    assert again.get(("article 99 edited",)) == "record 99 edited" and again.get(("article 5",)) == "record 5"
    for number in range(10, 100):
        again.get((f"article {number}",))
    for number in range(10):
        again.put((f"article {number} edited",), f"record {number} edited")  # with the first edit: 11 of 100
    again.save()
    assert path.read_bytes() != main and not again.added_path.exists()
    last = PackedResults(path, "code")
    assert last.get(("article 3 edited",)) == "record 3 edited" and last.get(("article 3",)) is None
    assert PackedResults(path, "other code").get(("article 50",)) is None


def test_a_build_that_fails_on_a_bad_file_keeps_the_other_files_readings(project, monkeypatch):
    import pytest

    import generator.ingest
    from generator.build import build
    from generator.problems import DigestError

    broken = project / "content" / "broken.md"
    broken.write_text("---\ntitle: لقاء\n\nنص بلا نهاية للبيانات.\n", encoding="utf-8")
    with pytest.raises(DigestError, match="front matter is not closed"):
        build(project / "site_config.yml", project / "site")
    broken.write_text("---\ntitle: لقاء في دمشق\n---\n\nالتقى الوفدان في دمشق اليوم.\n", encoding="utf-8")
    parsed = []
    read_article = generator.ingest.read_article
    monkeypatch.setattr(generator.ingest, "read_article", lambda path, outlets: parsed.append(path.name) or read_article(path, outlets))
    build(project / "site_config.yml", project / "site")
    assert parsed == ["broken.md"]


def test_a_build_removes_what_an_earlier_version_left_in_the_cache(project):
    from generator.build import build

    build(project / "site_config.yml", project / "site")
    cache = project / CACHE_DIR
    (cache / "articles" / "ab").mkdir(parents=True)
    (cache / "articles" / "ab" / "abcd.pickle").write_bytes(b"one file per article, as before")
    (cache / "old-kind.pickle").write_bytes(b"x")
    kept = sorted(path.name for path in cache.iterdir())
    seed = project / "content" / "003_163b4c5298a4b073.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nوأضاف المصدر أن اللقاء المقبل لم يحدد موعده.\n", encoding="utf-8")
    build(project / "site_config.yml", project / "site")
    assert not (cache / "articles").exists() and not (cache / "old-kind.pickle").exists()
    assert {"analysis", "comparison", "articles.pickle"} <= set(kept) - {"articles", "old-kind.pickle"} <= {p.name for p in cache.iterdir()}


def test_a_first_build_writes_the_packed_readings_once(project, monkeypatch):
    import generator.cache
    from generator.build import build

    written = []
    write_pickle = generator.cache._write_pickle
    monkeypatch.setattr(generator.cache, "_write_pickle", lambda path, value: written.append(Path(path).name) or write_pickle(path, value))
    build(project / "site_config.yml", project / "site")
    assert written.count("articles.added.pickle") == 1 and "articles.pickle" not in written
    cache = project / CACHE_DIR
    assert (cache / "articles.pickle").exists() and not (cache / "articles.added.pickle").exists()
    assert len(entries(project, "articles")) == 2
