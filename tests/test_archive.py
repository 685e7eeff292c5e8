"""A long archive: the home page lists the newest events and links to one page per month."""
import re
from collections import Counter
from pathlib import Path

from benchmarks.corpus import make_corpus
from generator.build import build
from generator.group import EventGroup
from generator.links import check_links
from generator.render import NEWEST_LISTED


def test_the_home_page_lists_the_newest_events_and_every_event_is_on_its_months_page(tmp_path: Path):
    config = make_corpus(45, events=40, seed=2).write_project(tmp_path)
    site = tmp_path / "site"
    report = build(config, site, use_model=False)
    articles = {article.id: article for article in report.content.articles}

    def front_page_order(event: EventGroup) -> tuple[int, int, int, str]:
        """Newest first; of one day, the event more outlets covered first, then the one with more reports."""
        day = min(articles[i].published for i in event.article_ids)
        return -day.toordinal(), -len({articles[i].outlet for i in event.article_ids}), -len(event.article_ids), event.slug

    slugs = [event.slug for event in sorted(report.content.events, key=front_page_order)]
    assert len(slugs) > NEWEST_LISTED
    for lang in ("ar", "en"):
        home = (site / lang / "index.html").read_text(encoding="utf-8")
        listed = re.findall(r'href="events/([^"]+)\.html"', home)
        assert listed == slugs[:NEWEST_LISTED]  # the newest, in order
        months = re.findall(r'href="archive/([^"]+)\.html"', home)
        assert months == sorted(months, reverse=True) and months
        on_month_pages = Counter(
            slug for month in months
            for slug in re.findall(r'href="\.\./events/([^"]+)\.html"', (site / lang / "archive" / f"{month}.html").read_text(encoding="utf-8")))
        assert on_month_pages == Counter(slugs)  # every event once
    arabic_home = (site / "ar" / "index.html").read_text(encoding="utf-8")
    assert "الأحداث حسب الشهر" in arabic_home and re.search(r">(يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر) 20\d\d</a>", arabic_home)
    assert check_links(site, report.content.config.site.base_path) == []


def test_a_short_archive_needs_no_month_pages(tmp_path: Path):
    config = make_corpus(10, events=5, seed=2).write_project(tmp_path)
    build(config, tmp_path / "site", use_model=False)
    assert not (tmp_path / "site" / "ar" / "archive").exists()
    assert "archive/" not in (tmp_path / "site" / "ar" / "index.html").read_text(encoding="utf-8")


def test_a_prolific_outlets_page_lists_its_newest_articles_and_every_article_is_on_its_months_page(tmp_path: Path):
    config = make_corpus(36, outlets=1, events=30, seed=4).write_project(tmp_path)
    site = tmp_path / "site"
    report = build(config, site, use_model=False)
    newest_first = sorted(report.content.articles, key=lambda a: (a.published, a.id), reverse=True)
    assert len(newest_first) > NEWEST_LISTED
    for lang in ("ar", "en"):
        page = (site / lang / "outlets" / "outlet-01.html").read_text(encoding="utf-8")
        assert re.findall(r'href="\.\./articles/([^"]+)\.html"', page) == [a.id for a in newest_first[:NEWEST_LISTED]]
        months = re.findall(r'href="outlet-01/([^"]+)\.html"', page)
        on_month_pages = Counter(
            article for month in months
            for article in re.findall(r'href="\.\./\.\./articles/([^"]+)\.html"',
                                      (site / lang / "outlets" / "outlet-01" / f"{month}.html").read_text(encoding="utf-8")))
        assert on_month_pages == Counter(a.id for a in newest_first)
    assert "المقالات حسب الشهر" in (site / "ar" / "outlets" / "outlet-01.html").read_text(encoding="utf-8")
    assert check_links(site, report.content.config.site.base_path) == []
