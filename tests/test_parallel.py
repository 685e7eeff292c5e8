"""Cold builds analyze and compare on every core, with the results of one process."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from generator.analyze.analysis import analyze_article
from generator.build import compare_events, read_content
from generator.compare import compare_event
from generator.parallel import cores, parallel_map


def _process(_: int) -> int:
    return os.getpid()


def _brief_process(_: int) -> int:
    time.sleep(0.005)  # on a busy machine, one worker could otherwise take every chunk before the other starts
    return os.getpid()


def _heavy_process(_: int) -> int:
    time.sleep(0.3)  # long enough that one worker cannot take every item before the other starts
    return os.getpid()


@pytest.mark.skipif(cores() < 2, reason="one core: everything runs in this process")
def test_many_items_are_spread_over_worker_processes_and_come_back_in_order():
    assert len(set(parallel_map(_brief_process, range(64))) - {os.getpid()}) >= 2
    assert list(parallel_map(abs, range(-40, 0))) == list(range(40, 0, -1))


@pytest.mark.skipif(cores() < 2, reason="one core: everything runs in this process")
def test_a_few_heavy_items_are_spread_when_the_caller_says_each_is_worth_a_worker():
    assert len(set(parallel_map(_heavy_process, range(4), min_items_per_worker=2)) - {os.getpid()}) >= 2
    assert set(parallel_map(_process, range(3), min_items_per_worker=2)) == {os.getpid()}


def test_few_items_stay_in_this_process():
    assert set(parallel_map(_process, range(3))) == {os.getpid()}


def test_twenty_articles_analyzed_and_compared_in_parallel_equal_the_one_process_results(project: Path):
    seeds = sorted((project / "content").glob("*.txt"))
    for copy in range(10):  # 20 articles: each seed ten times, every copy under its own title and event
        for seed in seeds:
            body = seed.read_text(encoding="utf-8")
            (project / "content" / f"copy-{copy}-{seed.stem}.md").write_text(
                f"---\ntitle: نسخة {copy} من {seed.stem}\nevent: copy-{copy}\n---\n{body}\n\nوهذه هي النسخة رقم {copy}.\n",
                encoding="utf-8")
    for seed in seeds:
        seed.unlink()
        seed.with_suffix(".yml").unlink()

    content = read_content(project / "site_config.yml")
    assert content.analyzed_now == 20 and len(content.events) == 10
    for article in content.articles:
        assert content.analyses[article.id] == analyze_article(article.title, article.body, content.config.gazetteer())
    by_id = {article.id: article for article in content.articles}
    comparisons = compare_events(content)
    for event in content.events:
        alone = compare_event(event, by_id, content.analyses, content.config.terminology)
        assert comparisons[event.slug] == alone and alone.contradictions
