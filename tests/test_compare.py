"""Stage 5, compare: the seeds (the main case), constructed events, unrelated EASC
articles as negatives, the rendered template, determinism and speed."""
from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import replace
from html.parser import HTMLParser
from itertools import combinations
from pathlib import Path

import pytest
import yaml

from generator.analyze.analysis import ArticleAnalysis, analyze_article
from generator.clean import clean_article_text
from generator.compare import Comparison, TermUse, compare_event
from generator.config import SiteConfig, load_config
from generator.group import EventGroup
from generator.ingest import Article, ingest
from generator.problems import DigestError
from generator.render import TEMPLATES, _environment, _PageRenderer, event_pages
from generator.translate import Translation
from tests.conftest import build_event, saudi_news

REPO = Path(__file__).resolve().parent.parent
EASC = REPO.parent / "shared" / "data" / "easc-dev.jsonl"
A, B = "000_be3b13007542e3b8", "003_163b4c5298a4b073"


@pytest.fixture(scope="module")
def config() -> SiteConfig:
    return load_config(REPO / "site_config.yml")


@pytest.fixture(scope="module")
def seeds(config: SiteConfig) -> tuple[dict[str, Article], dict[str, ArticleAnalysis]]:
    articles = {article.id: article for article in ingest(REPO / "content", config.outlets).articles}
    return articles, {i: analyze_article(article.title, article.body) for i, article in articles.items()}


@pytest.fixture(scope="module")
def seed_comparison(config: SiteConfig, seeds) -> Comparison:
    articles, analyses = seeds
    return compare_event(EventGroup("seeds", (A, B)), articles, analyses, config.terminology)


def article(article_id: str, title: str, body: str) -> Article:
    """An article whose body is cleaned as a build cleans an editor's Markdown."""
    cleaned = clean_article_text(body, title, pasted=False).body
    return Article(article_id, Path(f"{article_id}.txt"), title, None, cleaned, None, None, None, None, None, (), "")


def compare_texts(config: SiteConfig, *texts: tuple[str, str]) -> Comparison:
    """An event of constructed articles a, b, c… given as (title, body)."""
    articles = {chr(ord("a") + n): article(chr(ord("a") + n), title, body) for n, (title, body) in enumerate(texts)}
    analyses = {i: analyze_article(a.title, a.body) for i, a in articles.items()}
    return compare_event(EventGroup("constructed", tuple(articles)), articles, analyses, config.terminology)


def compare_saudi_news(config: SiteConfig, rows: list[dict], edit: Callable[[str], str] = str) -> Comparison:
    """Compare SaudiNewsNet articles (tests.conftest.saudi_news) as one event, each text edited first."""
    articles = {row["id"]: article(row["id"], row["title"], edit(row["text"])) for row in rows}
    analyses = {i: analyze_article(a.title, a.body) for i, a in articles.items()}
    return compare_event(EventGroup("saudi-news", tuple(articles)), articles, analyses, config.terminology)


def saudi_rows(day: str, *ids: str) -> list[dict]:
    """The SaudiNewsNet articles of one set (tests.conftest.saudi_news) with these ids, in the set's order."""
    return [row for row in saudi_news(day) if row["id"] in ids]


def event_rows(day: str, event: str) -> list[dict]:
    """The SaudiNewsNet articles of one labelled (or automatically grouped) event of a set, in the set's order."""
    return [row for row in saudi_news(day) if row["event"] == event]


def marked_words(comparison: Comparison) -> set[str]:
    """The words each side of the event's contradictions is marked by."""
    return {words for c in comparison.contradictions for claim in c.claims for words in claim.marked_words}


def row_of(comparison: Comparison, topic: str):
    rows = [row for row in comparison.claim_matrix.rows if row.topic == topic]
    assert len(rows) == 1, comparison.claim_matrix.rows
    return rows[0]


def phrases(cell) -> list[str]:
    return [evidence.phrase for evidence in cell.evidence]


# --- The seeds ------------------------------------------------------------------------------


def test_seeds_share_the_meeting_in_paris_under_us_mediation(seed_comparison: Comparison):
    assert [(ref.article_id, ref.sentence_index) for ref in seed_comparison.shared[0].refs] == [(A, 0), (B, 0)]
    lead_a, lead_b = (ref.text for ref in seed_comparison.shared[0].refs)
    assert "باريس" in lead_a and "برعاية المبعوث الأميركي" in lead_a and "تفاهمات أمنية بشأن جنوبي سوريا" in lead_a
    assert "باريس" in lead_b and "بوساطة أميركية" in lead_b


def test_seeds_contradict_on_the_outcome_of_the_talks(seed_comparison: Comparison):
    outcome = row_of(seed_comparison, "outcome")
    assert outcome.kind == "outcome"
    assert outcome.cells[A].stance == "reports"
    assert phrases(outcome.cells[A]) == ["مشيرًا إلى نجاح هذه المحادثات", "وحققنا ذلك بالفعل"]
    assert [e.ref.sentence_index for e in outcome.cells[A].evidence] == [1, 2]
    assert outcome.cells[B].stance == "contradicts"
    said = " | ".join(phrases(outcome.cells[B]))
    assert "لم تسفر عن أي اتفاقات نهائية" in said
    assert "واقتصرت على كونها مشاورات أولية" in said
    assert "دون أن يصل إلى أي صيغة اتفاقية" in said
    assert {e.ref.sentence_index for e in outcome.cells[B].evidence} == {1, 8}
    [contradiction] = seed_comparison.contradictions
    assert (contradiction.topic, contradiction.kind) == ("outcome", "outcome")
    assert [(claim.ref.article_id, claim.ref.sentence_index) for claim in contradiction.claims] == [(A, 1), (B, 1)]
    # What the reader's eye is led to in each sentence: the success, and the negated agreement.
    assert [claim.marked_words for claim in contradiction.claims] == [("نجاح",), ("لم تسفر عن أي اتفاقات",)]


def test_seeds_four_hours_is_reported_by_one_outlet_only(seed_comparison: Comparison):
    duration = row_of(seed_comparison, "duration")
    assert (duration.cells[A].stance, duration.cells[B].stance) == ("reports", "silent")
    assert phrases(duration.cells[A]) == ["واستمر لأربع ساعات"]
    assert duration.claim.ref.sentence_index == 4


def test_seeds_contradicting_sentences_are_neither_shared_nor_unique(seed_comparison: Comparison):
    shown = {(r.article_id, r.sentence_index) for p in seed_comparison.shared for r in p.refs}
    shown |= {(r.article_id, r.sentence_index) for refs in seed_comparison.unique.values() for r in refs}
    assert not shown & {(A, 1), (A, 2), (B, 1), (B, 8)}


def test_seeds_unique_points_are_summary_sentences_no_other_outlet_reports(seed_comparison: Comparison, seeds):
    _, analyses = seeds
    for article_id, refs in seed_comparison.unique.items():
        assert refs, article_id
        assert {ref.sentence_index for ref in refs} <= set(analyses[article_id].summary)
    assert 4 in {ref.sentence_index for ref in seed_comparison.unique[A]}  # Axios: four hours, both ministers
    assert 2 in {ref.sentence_index for ref in seed_comparison.unique[B]}  # sovereignty, al-Suwayda


def uses(comparison: Comparison, actor: str, article_id: str) -> tuple[TermUse, ...]:
    [choice] = [c for c in comparison.terminology if c.actor == actor]
    return choice.by_article[article_id]


def test_seeds_word_choice_for_israel(seed_comparison: Comparison):
    plain = uses(seed_comparison, "israel", A)
    assert {u.variant for u in plain} >= {"إسرائيل", "إسرائيلي"}
    assert not any(u.framed for u in plain)
    assert not {u.variant for u in plain} & {"الكيان الصهيوني", "الكيان الإسرائيلي", "الاحتلال", "الاحتلال الإسرائيلي"}
    [israel] = [u for u in plain if u.variant == "إسرائيل"]
    assert israel.quoted and israel.sentence_indexes == (5, 6)  # only in the Israeli officials' words

    hostile = {u.text: u for u in uses(seed_comparison, "israel", B)}
    assert {"الكيان الصهيوني", "الكيان “الإسرائيلي”", "الاحتلال “الإسرائيلي”", "“إسرائيل”", "“صهيوني”"} <= set(hostile)
    assert hostile["الكيان الصهيوني"].sentence_indexes == (9,)  # written لللكيان: particles dropped
    framed = {text for text, use in hostile.items() if use.framed}
    assert framed == {"“صهيوني”", "الكيان “الإسرائيلي”", "الاحتلال “الإسرائيلي”", "“الإسرائيلية”", "“إسرائيل”"}
    assert hostile["“صهيوني”"].in_title and not hostile["“صهيوني”"].sentence_indexes


def test_seeds_word_choice_for_the_syrian_side(seed_comparison: Comparison):
    assert {u.text for u in uses(seed_comparison, "syria-government", A)} == {"وزير الخارجية السوري", "مسؤولين سوريين"}
    names = {u.variant: u for u in uses(seed_comparison, "syria-government", B)}
    assert names["الوفد السوري"].sentence_indexes == (0, 2, 3)
    assert names["الجماعات المسلحة بقيادة أبو محمد الجولاني"].text == "الجماعات المسلحة بقيادة أبو محمد الجولاني"


def test_seeds_cited_sources(seed_comparison: Comparison):
    cited = {article_id: {s.name for s in sources} for article_id, sources in seed_comparison.cited_sources.items()}
    assert {"تلفزيون سوريا", "منصة إكس", "موقع أكسيوس", "مصدر في وزارة الخارجية الفرنسية"} <= cited[A]
    assert cited[B] == {"مصدر دبلوماسي مطّلع لقناة الإخبارية السورية", "مصادر متقاطعة"}


def test_an_outlet_lists_a_source_under_the_whole_name_any_of_its_reports_gives(config: SiteConfig):
    """SaudiNewsNet, 6 August 2015, the Sisi–Hadi talks: one of Asharq al-Awsat's two reports cites «وزير الخارجية
    اليمني رياض ياسين», the other «الدكتور رياض ياسين» and «وزير الخارجية اليمني»; its column lists him once."""
    rows = event_rows("grouping-heldout.jsonl", "sisi-hadi-talks-cairo")
    articles = {row["id"]: replace(article(row["id"], row["title"], row["text"]), outlet=row["outlet"]) for row in rows}
    analyses = {i: analyze_article(a.title, a.body) for i, a in articles.items()}
    comparison = compare_event(EventGroup("sisi-hadi", tuple(articles)), articles, analyses, config.terminology)
    named = {(articles[i].outlet, s.name) for i, sources in comparison.cited_sources.items() for s in sources
             if "ياسين" in s.name or s.name == "وزير الخارجية اليمني"}
    assert named == {("aawsat", "وزير الخارجية اليمني رياض ياسين"), ("alweeam", "وزير الخارجية اليمني رياض ياسين")}


def test_a_third_outlet_printing_barracks_words_confirms_the_quote(config: SiteConfig, seeds):
    articles, analyses = seeds
    third = article("third", "براك يلتقي مسؤولين سوريين وإسرائيليين في باريس",
                    "قال المبعوث الأميركي إلى سوريا توم براك إنه التقى مسؤولين من البلدين في العاصمة الفرنسية.\n\n"
                    "وكتب براك على منصة إكس: “اجتمعت هذا المساء مع مسؤولين سوريين ومسؤولين إسرائيليين في باريس”.")
    comparison = compare_event(
        EventGroup("three", (A, B, "third")), {**articles, "third": third},
        {**analyses, "third": analyze_article(third.title, third.body)}, config.terminology,
    )
    [confirmed] = comparison.confirmed_quotes
    assert confirmed.speaker == "توم براك"
    assert [(ref.article_id, ref.sentence_index) for ref in confirmed.refs] == [(A, 2), ("third", 1)]
    assert confirmed.refs[0].text == "اجتمعت هذا المساء مع مسؤولين سوريين ومسؤولين إسرائيليين في باريس"
    assert comparison.claim_matrix.rows[0].cells["third"].stance == "silent"


@pytest.mark.parametrize("second_outlet, confirmed", [("syria-tv", False), ("al-ikhbariya", True)])
def test_a_quote_is_confirmed_by_another_outlet_not_by_the_same_outlets_second_report(config: SiteConfig, second_outlet,
                                                                                      confirmed):
    body = ("وكتب المبعوث الأميركي إلى سوريا توم براك على منصة إكس: “اجتمعت هذا المساء مع مسؤولين سوريين ومسؤولين "
            "إسرائيليين في باريس”.\n\n")
    articles = {"first": replace(article("first", "براك في باريس", body + "وقال إن اللقاء كان مثمرا."), outlet="syria-tv"),
                "second": replace(article("second", "لقاء باريس", body + "ولم يذكر تفاصيل أخرى."), outlet=second_outlet)}
    analyses = {i: analyze_article(a.title, a.body) for i, a in articles.items()}
    comparison = compare_event(EventGroup("two", tuple(articles)), articles, analyses, config.terminology)
    assert len(comparison.confirmed_quotes) == int(confirmed)


def test_the_seeds_alone_confirm_no_quote(seed_comparison: Comparison):
    assert seed_comparison.confirmed_quotes == ()


# --- Constructed events: each kind of contradiction, and agreement ---------------------------

QUAKE_A = ("زلزال يضرب ملاطية",
           "ضرب زلزال بقوة 6.2 درجات على مقياس ريختر ولاية ملاطية جنوب شرقي تركيا فجر اليوم الأحد، وفق إدارة الكوارث"
           " والطوارئ التركية.\n\nوأسفر الزلزال عن مقتل خمسة أشخاص وإصابة العشرات بجروح، بحسب وزير الداخلية التركي.\n\n"
           "وتقع ملاطية على صدع الأناضول الشرقي النشط زلزاليًا، وشهدت المنطقة زلازل مدمرة في السابق.")
QUAKE_B = ("هزة أرضية في تركيا",
           "أعلنت إدارة الكوارث والطوارئ التركية أن زلزالًا بلغت قوته 6.2 درجات هز ولاية ملاطية فجر الأحد.\n\n"
           "وقال وزير الداخلية التركي إن سبعة أشخاص قتلوا وأصيب 40 آخرون في الزلزال.\n\n"
           "وأرسلت الحكومة فرق إنقاذ إضافية إلى المنطقة لمساعدة السكان المتضررين.")


def test_different_death_tolls_contradict_and_the_same_magnitude_agrees(config: SiteConfig):
    comparison = compare_texts(config, QUAKE_A, QUAKE_B)
    assert [[(r.article_id, r.sentence_index) for r in p.refs] for p in comparison.shared] == [[("a", 0), ("b", 0)]]
    magnitude, toll = comparison.claim_matrix.rows
    assert [cell.stance for cell in magnitude.cells.values()] == ["reports", "reports"]
    assert [cell.stance for cell in toll.cells.values()] == ["reports", "contradicts"]
    assert "خمسة أشخاص" in toll.claim.phrase and "سبعة أشخاص" in phrases(toll.cells["b"])[0]
    assert [(c.topic, c.kind) for c in comparison.contradictions] == [("count", "number")]


def test_another_weekday_for_the_same_meeting_contradicts(config: SiteConfig):
    comparison = compare_texts(
        config,
        ("لقاء مصري أردني", "التقى وزير الخارجية المصري بنظيره الأردني في عمان يوم الثلاثاء لبحث تطورات الأوضاع في قطاع"
         " غزة.\n\nوأكد الوزيران ضرورة وقف إطلاق النار فورًا وإدخال المساعدات الإنسانية دون قيود."),
        ("مباحثات في عمان", "بحث وزيرا خارجية مصر والأردن خلال اجتماع في العاصمة الأردنية عمان الأربعاء مستجدات الوضع"
         " في قطاع غزة.\n\nوشدد الجانبان على ضرورة الوقف الفوري لإطلاق النار والسماح بدخول المساعدات الإنسانية."),
    )
    date = row_of(comparison, "date")
    assert "الثلاثاء" in date.claim.phrase and "الأربعاء" in phrases(date.cells["b"])[0]
    assert date.cells["b"].stance == "contradicts"
    assert [[(r.article_id, r.sentence_index) for r in p.refs] for p in comparison.shared] == [[("a", 1), ("b", 1)]]


def test_a_denial_of_what_another_outlet_affirms_contradicts(config: SiteConfig):
    comparison = compare_texts(
        config,
        ("الوفد إلى جنيف", "أكد المتحدث باسم الحكومة أن الوفد الحكومي سيشارك في جولة المفاوضات المقبلة في جنيف."),
        ("لا مشاركة", "نفى المتحدث باسم الحكومة أن يكون الوفد الحكومي سيشارك في جولة المفاوضات المقبلة في جنيف."),
    )
    [contradiction] = comparison.contradictions
    assert (contradiction.topic, contradiction.kind) == ("statement", "polarity")
    assert comparison.shared == ()


@pytest.mark.parametrize("negated, contradicted", [
    ("بدون ذلك", False),  # "without that" (the feeding): the prisoner's life is in danger either way
    ("بدون إطعامه", False),  # said in other words
    ("لا", True),  # control: his life is not in danger
])
def test_a_negation_that_takes_a_demonstrative_negates_no_claim(config: SiteConfig, negated: str, contradicted: bool):
    """SaudiNewsNet, 31 July 2015, the Israeli force-feeding law: «صرّح الطبيب بأنه دون ذلك فإن حياة الأسير قد
    تتعرض للخطر» says the prisoner's life is in danger without the feeding, as the other outlet's «حياته
    يتهددها الخطر» does."""
    life = "لا تتعرض" if negated == "لا" else "قد تتعرض"
    prefix = "" if negated == "لا" else negated + " "
    comparison = compare_texts(
        config,
        ("الإطعام القسري", f"يسمح القانون بالإطعام القسري إذا صرح الطبيب بأنه {prefix}فإن حياة الأسير المضرب عن الطعام"
                           f" {life} للخطر خلال وقت قصير."),
        ("قانون الإطعام", "يسمح القانون بالإطعام القسري إذا صرح الطبيب بأن حياة الأسير المضرب عن الطعام تتعرض للخطر"
                          " خلال وقت قصير."))
    assert any(c.kind == "polarity" for c in comparison.contradictions) is contradicted


def test_la_of_a_french_name_is_no_negation(config: SiteConfig):
    """SaudiNewsNet, 1 August 2015: the debris «جرفته الأمواج إلى شاطئ جزيرة لا ريونيون» (La Réunion), which
    another outlet writes «جزيرة ريونيون»."""
    comparison = compare_texts(
        config,
        ("حطام الطائرة", "وصل إلى باريس حطام طائرة جرفته الأمواج إلى شاطئ جزيرة لا ريونيون في المحيط الهندي."),
        ("حطام بوينج", "وصل إلى باريس حطام طائرة جرفته الأمواج إلى شاطئ جزيرة ريونيون في المحيط الهندي."))
    assert comparison.contradictions == () and len(comparison.shared) == 1


def test_failed_and_successful_talks_of_different_lengths(config: SiteConfig):
    comparison = compare_texts(
        config,
        ("مفاوضات الدوحة", "انتهت جولة المفاوضات في الدوحة مساء أمس بعد أن استمرت ثلاث ساعات بحضور الوسطاء.\n\n"
         "وقال مسؤول مطلع إن المفاوضات انتهت دون التوصل إلى اتفاق بشأن تبادل الأسرى."),
        ("اختراق في الدوحة", "أعلن الوسطاء نجاح جولة المفاوضات في الدوحة التي استمرت خمس ساعات بمشاركة قطر ومصر."),
    )
    assert [(c.topic, c.kind) for c in comparison.contradictions] == [("outcome", "outcome"), ("duration", "number")]
    assert "دون التوصل إلى اتفاق" in row_of(comparison, "outcome").claim.phrase


def test_goals_hopes_and_time_references_are_no_claims(config: SiteConfig):
    comparison = compare_texts(
        config,
        ("اجتماع", "عقد الاجتماع بهدف التوصل إلى اتفاق ينهي الأزمة التي بدأت منذ أكثر من 25 عامًا."),
        ("اجتماع", "تأمل الحكومة أن ينجح الاجتماع في ضمان نجاح المرحلة المقبلة قبل يومين من الانتخابات."),
    )
    assert comparison.claim_matrix.rows == ()


def test_about_a_number_agrees_with_a_close_one(config: SiteConfig):
    comparison = compare_texts(
        config,
        ("الاجتماع", "استمر الاجتماع نحو أربع ساعات في مقر الرئاسة بحضور الوفدين."),
        ("الاجتماع", "استمر الاجتماع خمس ساعات في مقر الرئاسة بحضور الوفدين."),
    )
    assert [cell.stance for cell in row_of(comparison, "duration").cells.values()] == ["reports", "reports"]
    assert comparison.contradictions == ()


def test_names_are_found_with_particles_and_endings_and_written_without_particles(config: SiteConfig):
    comparison = compare_texts(
        config, ("", "وقالت مصادر للاحتلال إن قوات الاحتلال وصلت، وإن الجيش الإسرائيلي والإسرائيليين ولإسرائيل حاضرون."),
    )
    assert [u.text for u in uses(comparison, "israel", "a")] == ["الاحتلال", "قوات الاحتلال", "الجيش الإسرائيلي", "الإسرائيليين", "إسرائيل"]


# --- Negatives, edge cases, determinism, speed ------------------------------------------------


@pytest.mark.skipif(not EASC.exists(), reason="EASC dev data not available")
def test_unrelated_articles_share_nothing_and_contradict_nowhere(config: SiteConfig):
    rows = [json.loads(line) for line in EASC.read_text(encoding="utf-8").splitlines()]
    by_topic = {}
    for row in rows:
        by_topic.setdefault(row["topic"], row)
    picked = list(by_topic.values())[:8]
    articles = {row["id"]: article(row["id"], "", row["text"]) for row in picked}
    analyses = {i: analyze_article("", a.body) for i, a in articles.items()}
    for pair in combinations(articles, 2):
        comparison = compare_event(EventGroup("unrelated", pair), articles, analyses, config.terminology)
        assert comparison.shared == () and comparison.contradictions == (), pair


def test_one_article_is_an_empty_comparison_with_its_own_word_choice(config: SiteConfig, seeds):
    articles, analyses = seeds
    comparison = compare_event(EventGroup("alone", (B,)), articles, analyses, config.terminology)
    assert not comparison.compared
    assert (comparison.shared, comparison.contradictions, comparison.confirmed_quotes) == ((), (), ())
    assert comparison.claim_matrix.rows == () and dict(comparison.unique) == {B: ()}
    assert {c.actor for c in comparison.terminology} >= {"israel"}
    assert len(comparison.cited_sources[B]) == 2


def test_no_terminology_configured(seeds):
    articles, analyses = seeds
    comparison = compare_event(EventGroup("seeds", (A, B)), articles, analyses, {})
    assert comparison.terminology == () and comparison.contradictions


def test_comparison_is_deterministic(config: SiteConfig, seeds, seed_comparison: Comparison):
    articles, analyses = seeds
    reversed_inputs = compare_event(EventGroup("seeds", (A, B)), dict(reversed(articles.items())),
                                    dict(reversed(analyses.items())), dict(reversed(config.terminology.items())))
    again = compare_event(EventGroup("seeds", (A, B)), articles, analyses, config.terminology)
    assert repr(again) == repr(seed_comparison)
    assert reversed_inputs.shared == seed_comparison.shared
    assert reversed_inputs.contradictions == seed_comparison.contradictions
    assert repr(reversed_inputs.claim_matrix) == repr(seed_comparison.claim_matrix)


def test_twenty_articles_compare_well_under_a_second(config: SiteConfig, seeds):
    articles, analyses = seeds
    copies = {f"copy-{n:02d}": articles[(A, B)[n % 2]] for n in range(20)}
    copy_analyses = {i: analyses[a.id] for i, a in copies.items()}
    event = EventGroup("twenty", tuple(copies))
    best = min(_timed(lambda: compare_event(event, copies, copy_analyses, config.terminology)) for _ in range(5))
    assert best < 0.5
    comparison = compare_event(event, copies, copy_analyses, config.terminology)
    assert len(comparison.shared[0].refs) == 20


def _timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def test_terminology_config_is_strict(tmp_path: Path):
    config = yaml.safe_load((REPO / "site_config.yml").read_text(encoding="utf-8"))
    config["terminology"] = {"israel": {"label": {"ar": "إسرائيل", "en": "Israel"}, "variants": [], "colour": "red"}}
    path = tmp_path / "site_config.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DigestError) as error:
        load_config(path)
    messages = [problem.message for problem in error.value.problems]
    assert any(m.startswith("terminology.israel.variants:") for m in messages)
    assert "terminology.israel.colour: unknown key" in messages


# --- The template -------------------------------------------------------------------------------


class _Html(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {key: value or "" for key, value in attrs}))


def render_comparison(config: SiteConfig, seeds, comparison: Comparison, lang: str, translated: set[str]) -> tuple[str, list[str]]:
    """comparison.html as event.html will include it; returns the HTML and the texts it asked to translate."""
    articles, analyses = seeds
    [page] = event_pages(config, [EventGroup(comparison.event_slug, tuple(comparison.claim_matrix.article_ids))],
                         articles, analyses)
    asked: list[str] = []

    class Recording:  # the translations, as the renderer asks for them
        def of(self, source: str) -> Translation:
            asked.append(source)
            if source in translated:
                return Translation(source, f"EN[{source}]", "machine")
            return Translation(source, source, "untranslated")

    strings = yaml.safe_load((TEMPLATES / "strings.yml").read_text(encoding="utf-8"))[lang]
    renderer = _PageRenderer(_environment(), config, strings, lang, Recording(), writer=None, site_key="")
    html = renderer.template_text("comparison.html", f"{lang}/events/{page.slug}.html", event=page, comparison=comparison)
    return html, asked


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_template_renders_every_section_with_a_real_table(config: SiteConfig, seeds, seed_comparison, lang: str):
    html, _ = render_comparison(config, seeds, seed_comparison, lang, set(seed_comparison.texts()))
    tags = _Html(html).tags
    names = [tag for tag, _ in tags]
    assert names.count("table") == 1 and "caption" in names
    assert [a["scope"] for tag, a in tags if tag == "th"] == ["col", "col", "col", "row", "row"]
    scroll = next(a for tag, a in tags if "table-scroll" in a.get("class", ""))
    assert scroll["tabindex"] == "0" and scroll["role"] == "region"
    assert not any("style" in a for _, a in tags)
    headings = [a["id"] for tag, a in tags if tag == "h2"]
    assert headings == ["compare-shared", "compare-unique", "compare-claims", "compare-terms", "compare-sources",
                        "compare-confirmed"]
    links = [a["href"] for tag, a in tags if tag == "a"]
    assert f"../articles/{A}.html#s-2" in links and f"../articles/{B}.html#s-9" in links


def test_template_asks_to_translate_only_texts_the_comparison_lists(config: SiteConfig, seeds, seed_comparison):
    html, asked = render_comparison(config, seeds, seed_comparison, "en", set(seed_comparison.texts()))
    assert asked and set(asked) == set(seed_comparison.texts())
    assert "EN[وحققنا ذلك بالفعل]" in html
    assert '<bdi class="as-written" lang="ar" dir="rtl">الكيان “الإسرائيلي”</bdi>' in html


def test_template_marks_untranslated_arabic_on_english_pages(config: SiteConfig, seeds, seed_comparison):
    html, _ = render_comparison(config, seeds, seed_comparison, "en", set())
    assert '<span lang="ar" dir="rtl">وحققنا ذلك بالفعل</span>' in html
    assert "as-written" not in html  # no Arabic twice when there is no translation


def test_template_for_one_article_shows_only_word_choice_and_sources(config: SiteConfig, seeds):
    articles, analyses = seeds
    comparison = compare_event(EventGroup("alone", (B,)), articles, analyses, config.terminology)
    html, _ = render_comparison(config, seeds, comparison, "ar", set())
    assert [a["id"] for tag, a in _Html(html).tags if tag == "h2"] == ["compare-terms", "compare-sources"]


CITIES = ["حلب", "حمص", "درعا", "إدلب", "اللاذقية", "طرطوس", "دير الزور", "الرقة", "الحسكة", "القنيطرة", "السويداء",
          "حماة", "دمشق", "جبلة", "بانياس", "منبج", "الباب", "عفرين", "تدمر", "قطنا", "دوما", "داريا", "الزبداني"]


def test_a_big_event_shows_its_twenty_most_telling_claims_and_says_how_many_more(project: Path):
    from generator.build import build

    for name, first in (("health-ministry", 10), ("civil-defence", 110)):
        lines = [f"وقالت مديرية الصحة إن عدد المصابين في مدينة {city} بلغ {first + i} شخصا بعد القصف."
                 for i, city in enumerate(CITIES)]
        (project / "content" / f"{name}.md").write_text(
            f"---\ntitle: حصيلة القصف في المدن السورية بحسب {name}\nevent: shelling-toll\n---\n" + "\n\n".join(lines),
            encoding="utf-8")
    build(project / "site_config.yml", project / "site")
    arabic = (project / "site/ar/events/shelling-toll.html").read_text(encoding="utf-8")
    english = (project / "site/en/events/shelling-toll.html").read_text(encoding="utf-8")
    assert arabic.count('<th scope="row">') == english.count('<th scope="row">') == 20  # one per city: 23 contradictions
    assert "3 more claims, taken up by fewer outlets, are not shown here." in english
    assert "3 روايات أخرى لم تُعرض هنا" in arabic


def toll_event(project: Path, reports: dict[str, tuple[str, int, str]]) -> tuple[str, str]:
    """Builds an event of reports (file name → outlet, the injured it counts, text before that count);
    its English and Arabic pages."""
    pages = build_event(project, "aleppo-toll", {
        name: (f"title: حصيلة القصف على حلب ({name})\noutlet: {outlet}\npublished: 2025-08-02\n",
               f"{before}\n\nوقالت مديرية الصحة إن عدد المصابين في مدينة حلب بلغ {injured} شخصا بعد القصف.")
        for name, (outlet, injured, before) in reports.items()})
    return pages["en"], pages["ar"]


def test_an_outlet_with_several_reports_is_one_column_and_a_cell_repeats_only_words_that_differ(project: Path):
    own = "وتواصل فرق الإسعاف عملها في الأحياء الشرقية من المدينة منذ ساعات الصباح، حسبما أفاد موقع أكسيوس، وأكدت الحكومة السورية ذلك."
    reports = {"tv-morning": ("syria-tv", 12, own), "tv-evening": ("syria-tv", 12, own + "\n\nوأغلقت المدارس أبوابها في المدينة حتى إشعار آخر."),
               "ikhbariya": ("al-ikhbariya", 30, "")}
    english, arabic = toll_event(project, reports)
    assert "2 outlets · 3 articles" in english and "مصدران · 3 مقالات" in arabic
    for html in (english, arabic):
        matrix = html[html.index('class="claim-matrix"'):html.index("</table>")]
        assert matrix.count('<th scope="col">') == 3  # the claim and two outlets
        claim = matrix[matrix.index('<th scope="row">'):matrix.index("</th>", matrix.index('<th scope="row">'))]
        tv, ikhbariya = sorted(matrix.split('<td class="')[1:], key=lambda cell: "syria-tv" not in cell and "tv-" not in cell)
        assert tv.count('class="sentence-ref"') == 2 and tv.count("شخصا") == (0 if "12 شخصا" in claim else 1)
        assert ikhbariya.count('class="sentence-ref"') == 1 and ikhbariya.count("شخصا") == (0 if "30 شخصا" in claim else 1)
        assert {tv.split('"')[0], ikhbariya.split('"')[0]} == {"stance-reports", "stance-contradicts"}
        # What both of Syria TV's reports say and al-Ikhbariya does not is Syria TV's own, said once.
        shared = html[html.index('<h2 id="compare-shared"'):html.index('<h2 id="compare-unique"')]
        unique = html[html.index('<h2 id="compare-unique"'):html.index('<h2 id="compare-claims"')]
        assert "فرق الإسعاف" not in shared and unique.count("فرق الإسعاف") == 1
        # and the source both its reports cite is listed once, with both places.
        sources = html[html.index('<h2 id="compare-sources"'):]
        [cited] = [item for item in sources.split("<li>")[1:] if "أكسيوس" in item]
        assert sources.count("أكسيوس") == 1 and cited.count('class="sentence-ref"') == 2
        terms = html[html.index('<h2 id="compare-terms"'):html.index('<h2 id="compare-sources"')]
        [used] = [item for item in terms.split("<dd")[1:] if "الحكومة السورية" in item]
        assert used.count('class="sentence-ref"') == 2


def test_an_outlets_reports_are_numbered_and_every_link_to_their_sentences_says_which(project: Path):
    """Syria TV filed two reports of the Aleppo toll (12 injured, then 30), al-Ikhbariya one: Syria TV's are headed
    «التقرير 1» and «التقرير 2» (report 1, report 2), and every ¶ mark on the page that leads to a sentence of one of
    them carries that report's number, in the shared points, the claim matrix and the quotes alike; al-Ikhbariya's
    report and the marks that lead to it have no number."""
    english, arabic = toll_event(project, {"tv-morning": ("syria-tv", 12, ""), "tv-evening": ("syria-tv", 30, ""),
                                           "ikhbariya": ("al-ikhbariya", 12, "")})
    for html, report in ((english, "report"), (arabic, "التقرير")):
        numbers = {}
        for section in html.split('<section class="report"')[1:]:
            heading = section[:section.index("</h3>")]
            [article_id] = re.findall(r'<p class="report-title"><a href="[^"]*/articles/([\w-]+)\.html"', section)
            number = re.search(rf'<span class="report-number">{report} (\d)</span>', heading)
            numbers[article_id] = int(number[1]) if number else None
        assert numbers == {"ikhbariya": None, "tv-morning": numbers["tv-morning"], "tv-evening": 3 - numbers["tv-morning"]}
        marks = re.findall(r'<a class="sentence-ref" dir="ltr" href="[^"]*/articles/([\w-]+)\.html#s-\d+"[^>]*>'
                           r'¶\d+(?:<span class="report-number">(\d)</span>)?</a>', html)
        assert len(marks) == html.count('class="sentence-ref"') > 10
        assert all(numbers[article_id] == (int(number) if number else None) for article_id, number in marks)
        matrix = html[html.index('class="claim-matrix"'):html.index("</table>")]
        assert sorted(re.findall(r'<span class="report-number">(\d)</span></a>', matrix)) == ["1", "2"]


def test_outlets_with_nothing_of_their_own_are_named_in_one_line(project: Path):
    """Only Syria TV reports something al-Ikhbariya does not: it has its heading and its sentence; al-Ikhbariya is
    named in one line saying it has nothing of its own, not under a heading of its own. When neither outlet has
    anything alone, one sentence says so."""
    own = "وتواصل فرق الإسعاف عملها في الأحياء الشرقية من المدينة منذ ساعات الصباح."
    english, arabic = toll_event(project, {"tv": ("syria-tv", 12, own), "ikhbariya": ("al-ikhbariya", 12, "")})
    for html, none_of, quiet in ((english, "Nothing of their own among their summary sentences:", "al-Ikhbariya"),
                                 (arabic, "لم ينفرد بشيء بين جمل ملخصه:", "الإخبارية السورية")):
        unique = html[html.index('<h2 id="compare-unique"'):html.index('<h2 id="compare-claims"')]
        assert unique.count('<h3 class="compare-outlet">') == 1 and "فرق الإسعاف" in unique
        [line] = [paragraph for paragraph in unique.split("<p")[1:] if none_of in paragraph]
        assert quiet in line
    _, arabic = toll_event(project, {"tv": ("syria-tv", 12, ""), "ikhbariya": ("al-ikhbariya", 12, "")})
    unique = arabic[arabic.index('<h2 id="compare-unique"'):arabic.index('<h2 id="compare-claims"')]
    assert "لم ينفرد أي مصدر بشيء" in unique and '<h3 class="compare-outlet">' not in unique


def test_an_outlet_whose_reports_give_different_figures_is_marked_as_differing(project: Path):
    english, arabic = toll_event(project, {"tv-morning": ("syria-tv", 12, ""), "tv-evening": ("syria-tv", 30, ""),
                                           "ikhbariya": ("al-ikhbariya", 12, "")})
    for html, differ in ((english, "its reports differ"), (arabic, "تختلف تقاريره في ذلك")):
        matrix = html[html.index('class="claim-matrix"'):html.index("</table>")]
        [mixed] = [cell for cell in matrix.split('<td class="')[1:] if cell.startswith("stance-mixed")]
        assert differ in mixed and mixed.count('class="sentence-ref"') == 2


def test_a_wire_story_two_outlets_carried_word_for_word_says_so(project: Path):
    english, arabic = toll_event(project, {"a-tv": ("syria-tv", 12, ""), "b-ikhbariya": ("al-ikhbariya", 12, ""),
                                           "c-tv-update": ("syria-tv", 30, "")})
    assert english.count("The same text, word for word, as the report of <bdi>Syria TV</bdi>") == 1
    assert arabic.count("نصّه مطابق حرفيًا لتقرير <bdi>تلفزيون سوريا</bdi>") == 1


# Pairs of statements from two outlets' reports of one happening (SaudiNewsNet, August 2015, some
# shortened), and the contradictions a reader would see between them: none, where only the words
# differ, or where a figure or a negation is of something else.
EXECUTIONS = ("ونفذ حكم القتل في الجاني/ شاه فيصل عظيم شاه - باكستاني الجنسية - اليوم الجمعة الموافق 1436/10/15 هـ في"
              " محافظة ثادق بمنطقة الرياض.",
              "وقد تم تنفيذ حكم القتل في الجاني: قاسم محمد الهلال -سوري الجنسية- أمس الخميس الموافق 14 / 10 / 1436ه في منطقة"
              " الرياض، بمحافظة حريملاء.")


@pytest.mark.parametrize("first, second, expected", [
    pytest.param("وأوضح أحد أعضاء فريق الشرطة أن 4 أشخاص كانوا على متن الطائرة المتوجهة إلى مطار بلاكبوش، وأن جميعهم لقوا حتفهم في الحادث.",
                 "وقالت الشرطة المحلية إن الطيار وثلاثة ركاب لقوا حتفهم عندما كانت الطائرة تحاول الهبوط في مطار بلاكبوش، مضيفة أنه لم يصب أحد على الأرض.",
                 [], id="a negation of something else: no one on the ground was hurt"),
    pytest.param("جمع المخبز الحساوي في مهرجان التمور ببريدة كلاً من مدينة بريدة ومحافظة الأحساء اللتين تعدان الأشهر بإنتاج التمور.",
                 "جمع المخبز الحساوي في مهرجان بريدة عاصمة التمور مدينة بريدة ومحافظة الأحساء اللتين تعدان الأشهر في إنتاج التمور.",
                 [], id="كلا (both) is no negation"),
    pytest.param("وتمكنت الفرق من مكافحة الحريق بأحد محلات التشليح والسيطرة عليه وإخماده دون وجود إصابات.",
                 "تمكنت فرق الدفاع المدني بالمدينة المنورة من إخماد حريق بأحد محلات تشليح السيارات والسيطرة عليه دون وجود أي إصابات.",
                 [], id="without injuries, without any injuries"),
    pytest.param("حذر فرع وزارة العمل بمنطقة مكة المكرمة المواطنين من التعامل مع مكاتب الاستقدام غير المرخصة لها وغير المسجلة في موقع مساند.",
                 "وأوضح مدير فرع وزارة العمل بمنطقة مكة المكرمة أن الوزارة أطلقت موقع مساند لتسهيل التعامل مع مكاتب الاستقدام المرخصة والمسجلة.",
                 [], id="unlicensed offices: an adjective, not a denial"),
    pytest.param("وأكد المستشار الإعلامي أن رئاسة الإقليم تطالب حزب العمال بإبعاد قواعده من أراضي الإقليم لكي لا يعطي مبررا للحكومة التركية لقصف المدنيين.",
                 "وأكد المستشار الإعلامي: نحن نطالب حزب العمال بإخراج قواعده من أراضي الإقليم لأنه يعطي المبررات للحكومة التركية للقيام بهذا القصف.",
                 [], id="so as not to give a pretext"),
    pytest.param("وأهدر المهاجم إيفولو ركلة جزاء في المباراة الودية أمام نيس قبل أن يخرج مصابا بشد عضلي.",
                 "وأهدر إيفولو ركلة جزاء في اللقاء الودي أمام نيس، وهو الذي لم يكمل المباراة لإصابته بشد عضلي.",
                 [], id="who did not finish the match: the negation is of finishing, not of the match"),
    pytest.param("وأكد كيري أن الاتفاق النووي مع إيران سيسهم في أمن منطقة الخليج ويحول دون حصول إيران على القدرات النووية العسكرية.",
                 "وأكد كيري أن الاتفاق النووي سيسهم في أمن المنطقة بما فيها منع إيران من الحصول على القدرات النووية العسكرية.",
                 [], id="يحول دون: prevents, no negation"),
    pytest.param("وبلغ صافي الخسارة في الستة أشهر الأولى مبلغ 945 مليون ريال مقابل صافي ربح 403 ملايين ريال للفترة المماثلة من العام السابق.",
                 "وسجلت الشركة خسائر قدرها 945.4 مليون ريال في الستة أشهر الأولى قياسا بأرباح قدرها 403.2 مليون ريال للفترة المماثلة من العام السابق.",
                 [], id="945 and 945.4 million: a rounding; two figures of one unit, each with its counterpart"),
    pytest.param("وضبطت الجمارك 33.288 زجاجة خمر مخبأة في إرسالية فواكه بمنفذ البطحاء.",
                 "وضبطت الجمارك 33,288 زجاجة خمر مخبأة في إرسالية فواكه بمنفذ البطحاء.",
                 [], id="33.288 and 33,288: thousands separators"),
    pytest.param("وبلغت قيمة صادرات المملكة غير النفطية 13.226 مليار دولار خلال الربع الثاني.",
                 "وبلغت قيمة الصادرات غير النفطية للمملكة 13.2 مليار دولار خلال الربع الثاني.",
                 [], id="13.226 and 13.2 billion: a decimal point before a multiplier"),
    pytest.param("وأغلق مؤشر سوق الأسهم السعودية أمس مرتفعا 44,53 نقطة عند مستوى 8699,17 نقطة.",
                 "وأغلق مؤشر سوق الأسهم السعودية أمس مرتفعا نحو 45 نقطة عند مستوى 8699 نقطة.",
                 [], id="44,53 and 8699,17: a decimal comma"),
    pytest.param("وقال الأمين العام إن حد المنفعة الأقصى لكل شخص (100) ألف ريال عن مدة الوثيقة.",
                 "وأكد الأمين العام أن وثيقة التأمين يصل فيها حد المنفعة الأقصى إلى 100 ألف ريال لكل شخص عن مدة الوثيقة.",
                 [], id="(100) ألف"),
    pytest.param("وتوج فولفسبورغ بلقب كأس السوبر بعدما تغلب على بايرن ميونيخ 4/5 بضربات الجزاء الترجيحية.",
                 "وتوج فولفسبورج بلقب كأس السوبر بعدما تغلب على بايرن ميونيخ 5 - 4 بضربات الجزاء الترجيحية.",
                 [], id="a score in either order"),
    pytest.param("قال سكان وشهود إن 27 شخصا على الأقل قتلوا عندما تحطمت طائرة حربية في سوق مزدحم في بلدة أريحا.",
                 "قال المرصد السوري إن 31 شخصا قتلوا حينما سقطت مقاتلة سورية على سوق مزدحم في بلدة أريحا.",
                 [], id="at least 27 dead and 31 dead agree"),
    pytest.param("وعقد وزراء خارجية دول مجلس التعاون الخليجي اجتماعا تنسيقيا مساء الأحد في الدوحة تمهيدا"
                 " للاجتماع المشترك مع وزير الخارجية الأمريكي.",
                 "انطلقت في الدوحة أعمال الاجتماع التشاوري لوزراء خارجية دول مجلس التعاون مع كيري الذي وصل"
                 " إلى العاصمة القطرية اليوم الاثنين.",
                 [], id="a preparatory meeting on Sunday and the talks on Monday: two dates, no contradiction"),
    pytest.param("وأرجع قرار إقامة المباريات على ملعب الأمير عبدالله الفيصل في جدة إلى انتهاء مرحلة الفحص لأساسيات الملعب.",
                 "وأرجع الرئيس العام قرار تأجيل إقامة المباريات على ملعب الأمير عبدالله الفيصل بجدة إلى عدم انتهاء مرحلة الفحص لأساسيات الملعب.",
                 [("statement", "polarity")], id="the inspection ended, did not end"),
    pytest.param("لقي 46 شخصا على الأقل حتفهم في الفيضانات التي تشهدها بورما منذ أيام.",
                 "أدت الأمطار الموسمية الغزيرة في بورما إلى مزيد من الفيضانات، كما تسببت في مقتل سبعة وعشرين شخصا حتى الآن.",
                 [("count", "number")], id="leads with other tolls: at least 46, 27"),
    pytest.param("وقتل ما بين ثلاثين وأربعين شخصا في القصف على السوق الشعبي في المدينة.",
                 "وقتل 35 شخصا في القصف على السوق الشعبي في المدينة.",
                 [], id="between thirty and forty is a range, not seventy"),
    pytest.param("أعلن مكتب الإحصاء الاتحادي أن عدد الأشخاص المنحدرين من أصول مهاجرة بلغ العام الماضي 10,9 مليون شخص،"
                 " بزيادة قدرها مليون شخص (10,6 في المائة) عن عام 2011.",
                 "أعلن مكتب الإحصاء الاتحادي أن عدد الأشخاص المنحدرين من أصول مهاجرة بلغ العام الماضي 9ر10 مليون شخص،"
                 " بزيادة قدرها مليون شخص (6ر10%) عن عام 2011.",
                 [], id="the wire's 9ر10 is 10.9"),
    pytest.param("وتتوقع السلطات زيادة عائد قناة السويس ليكون 2ر13 مليار دولار عام 2023.",
                 "وتتوقع السلطات زيادة عائد قناة السويس ليكون 15 مليار دولار عام 2023.",
                 [("count", "number")], id="the wire's 2ر13 billion against 15 billion"),
    pytest.param("وارتفعت عقود برنت 36 سنتا إلى 50.35 دولار للبرميل بحلول الساعة 0515 بتوقيت جرينتش.",
                 "وارتفعت عقود برنت 36 سنتا إلى 50.35 دولار للبرميل بحلول الساعة 15ر05 بتوقيت جرينتش.",
                 [], id="a time of day is no quantity"),
    pytest.param("يذكر أن صافي القروض بلغ في 30 يونيو 2015م مبلغ 14,962 مليون ريال مقابل 15,029 مليون ريال كما في 31 ديسمبر 2014م.",
                 "يذكر أن صافي القروض بلغ في 30 يونيو 2015م مبلغ 14,962 مليون ريال مقابل 15,029مليون ريال كما في 31 ديسمبر 2014،"
                 " خلال هذا الفترة قامت الشركة بسداد التزامات التسهيلات المالية بمبلغ 1,403 مليون ريال.",
                 [], id="a figure glued to its word: 15,029مليون"),
    pytest.param("وبلغت قيمة الصفقة 1.949 مليون ريال، فيما بلغت المصاريف التشغيلية 1.901 مليون ريال.",
                 "وبلغت قيمة الصفقة 1,949 مليون ريال، فيما بلغت المصاريف التشغيلية1,901 مليون ريال.",
                 [], id="1.949 مليون is 1,949 million; a word glued to the figure after it"),
    # SaudiNewsNet, 8 and 9 August 2015 (benchmarks/data/contradiction-events.jsonl)
    pytest.param("وأعرب خادم الحرمين الشريفين عن شكره وتقديره لهما على مشاعرهما الطيبة، داعيًا الله ألا يريهما أي مكروه.",
                 "وأعرب خادم الحرمين الشريفين عن شكره وتقديره لهما على مشاعرهما النبيلة، سائلا الله أن لا يريهما أي مكروه.",
                 [], id="ألا is أن لا"),
    pytest.param("ومن المرجح ان لا يواجه تشيلسي صعوبة في حسم مباراته الأولى ضد سوانزي سيتي.",
                 "ومن المرجح الا يواجه تشلسي صعوبة في حسم مباراته الاولى ضد سوانسي سيتي.",
                 [], id="الا before a verb is ألا"),
    pytest.param("وبين الصباغ أن المركز وجه الدعوة لأبناء الجمهورية اليمنية العالقين في جيبوتي، مفيدا بأن العمل لا يزال مستمرا وفق خطة زمنية.",
                 "وبين الصباغ أن المركز وجه الدعوة لأبناء الجمهورية اليمنية العالقين في جيبوتي، مفيدًا أن العمل ما يزال مستمرًا وفق خطة زمنية.",
                 [], id="لا يزال and ما يزال: still"),
    pytest.param("وقال ستيوارت في ختام البرنامج: «لا شيء ينتهي. يستمر كل شيء. لم يكن هذا البرنامج غير وقفة صغيرة أثناء محادثة لا تنتهي».",
                 "وقال ستيوارت في ختام البرنامج: \"لا شيء ينتهي، إنها استمرارية. إنها وقفة صغيرة أثناء محادثة\".",
                 [], id="لم يكن … غير وقفة: nothing but a pause"),
    pytest.param("بلغ عدد السيارات الواردة لسوق مهرجان بريدة للتمور 1800 سيارة محملة بـ236.190 كرتونا تزن 708.57 طناً.",
                 "بلغ عدد السيارات الواردة لسوق مهرجان بريدة للتمور 1800 سيارة محملة بـ236190 كرتونا تزن 708.57 طن.",
                 [], id="بـ236.190: a thousands point after a particle"),
    pytest.param("أنهت وزارة الشؤون البلدية جملة من المشروعات بمنطقة المدينة المنورة بتكلفة إجمالية بلغت 665,932,983 مليون ريال.",
                 "أنهت وزارة الشؤون البلدية جملة من المشروعات بمنطقة المدينة المنورة بكلفة إجمالية بلغت 665.932.983 ريالا.",
                 [], id="665,932,983 مليون: a stray multiplier"),
    pytest.param("وزاد متوسط عدد ساعات العمل الأسبوعية إلى 6.\u200f34 ساعة، وهو أعلى معدل له منذ فبراير مقابل 5.\u200f34 ساعة في يونيو.",
                 "وزاد متوسط عدد ساعات العمل الأسبوعية إلى 34.6 ساعة وهو أعلى معدل له منذ فبراير مقابل 34.5 ساعة في يونيو.",
                 [], id="6.‏34 with a right-to-left mark is 34.6, as the cleaned text says"),
    pytest.param("قتل أربعة أشخاص بينهم عسكريان ومهاجم أمس الجمعة في هجوم استهدف فندقا يقيم فيه غربيون في مدينة سيفاري في وسط مالي.",
                 "قتل 12 شخصا بينهم خمسة عسكريين في عملية احتجاز الرهائن في فندق في مدينة سيفاري في وسط مالي، وفق حصيلة جديدة اعلنها الجيش.",
                 [], id="a new toll updates the first"),
    pytest.param("وانخفض سعر الخام الأمريكي (غرب تكساس الوسيط) عند التسوية 79 سنتا إلى 43.87 دولار للبرميل بعد هبوطه يوم الخميس.",
                 "وانخفض سعر الخام الأميركي (غرب تكساس الوسيط) 20 سنتًا إلى 46ر44 دولار للبرميل بحلول الساعة 1249 بتوقيت جرينتش بعد هبوطه يوم الخميس.",
                 [], id="a price at the settlement and at 12:49"),
    pytest.param("وأوضح رئيس اللجنة أن النظام الجديد يمنح المرأة العاملة التي يتوفى عنها زوجها إجازة طوال فترة العدة البالغة 4 أشهر و10 أيام،"
                 " وذلك بدلاً عن 15 يوماً في النظام الحالي.",
                 "وبين رئيس اللجنة أن النظام الجديد يمنح المرأة العاملة التي يتوفى عنها زوجها إجازة فترة العدة كاملة، عوضًا عن 15 يومًا في النظام الحالي."
                 " ومدة العدة أربعة أشهر وعشرة أيام.",
                 [], id="both give both figures: the new leave and the old one"),
    pytest.param("قالت مصادر إعلامية أن المذيع السعودي سعود الدوسري انتقل إلى رحمة الله في باريس عن عمر يناهز (47 عاما).",
                 "أعلن أمس الجمعة عن وفاة المذيع السعودي سعود الدوسري في باريس عن عمر ناهز 46 سنة، إثر نوبة قلبية.",
                 [("duration", "number")], id="aged 47 and 46"),
    # SaudiNewsNet, 7 and 11 August 2015 (benchmarks/data/contradiction-events-heldout.jsonl)
    pytest.param("وبلغ عدد الركاب المسافرين على رحلات الطيران الخاص (237.273) الف راكب بزيادة بلغت 31.8 %.",
                 "وقال الحمدان إن عدد الركاب المسافرين على رحلات الطيران الخاص بلغ 237.273 راكبا بزيادة بلغت 31.8%.",
                 [], id="(237.273) الف: a figure grouped in thousands and a stray multiplier"),
    pytest.param("فيما بلغ عدد الركاب المسافرين على الرحلات الداخلية في عام 2014م لنفس الفترة ( 4.795.563) مليون راكب.",
                 "وكان عدد الركاب المسافرين على الرحلات الداخلية في عام 2014 للفترة نفسها 4.795.563 راكبا.",
                 [], id="4.795.563 مليون"),
    pytest.param("وسجل اليورو أعلى مستوى له في أسبوع مقابل الدولار 099.\u200f1 دولار.",
                 "وسجل اليورو أعلى مستوى له في أسبوع مقابل الدولار 1,099 دولار.",
                 [], id="1,099: a decimal comma for some, thousands for others"),
    pytest.param("قال تقرير منظمة التحرير الفلسطينية إن المستوطنين ارتكبوا أكثر من أحد عشر ألف اعتداء منذ مطلع العام 2004.",
                 "قالت منظمة التحرير الفلسطينية إن المستوطنين شنوا منذ عام 2004 أكثر من 11000 اعتداء.",
                 [], id="أحد عشر ألف is 11,000"),
    pytest.param("أعلن النائب العام إحالة 41 متهمًا من عدة جنسيات إلى المحكمة الاتحادية العليا.",
                 "أعلن النائب العام إحالة واحد واربعين متهماً من جنسيات عدة إلى المحكمة الاتحادية العليا.",
                 [], id="واحد واربعين is 41, not و + أحد"),
    pytest.param("أعلنت وزارة الصحة المصرية وفاة 21 حالة من كبار السن بسبب موجة الحرارة.",
                 "أفادت وزارة الصحة المصرية بأن عدد ضحايا موجة الحرارة ارتفعت إلى 40 حالة وفاة.",
                 [], id="a toll that rose to 40"),
    # SaudiNewsNet, 31 July and 1 August 2015 (benchmarks/data/contradiction-events-heldout2.jsonl)
    pytest.param("ارتفع الذهب اليوم الثلاثاء لكنه ظل قرب أدنى مستوياته في 5 سنوات ونصف مع ترقب السوق لاجتماع مجلس الاحتياطي"
                 " الاتحادي (البنك المركزي الأمريكي) الذي يستمر يومين هذا الأسبوع.",
                 "استقر الذهب اليوم الأربعاء ليتم تداوله قرب أدنى مستوياته في خمس سنوات ونصف السنة مع ترقب المستثمرين لنتائج"
                 " اجتماع مجلس الاحتياطي الاتحادي (البنك المركزي الأمريكي).",
                 [], id="today Tuesday and today Wednesday: two reports of two days"),
    pytest.param("انتقل إلى رحمة الله مساء أمس الجمعة في العاصمة الفرنسية باريس الإعلامي السعودي المذيع سعود الدوسري، إثر"
                 " تعرضه لنوبة قلبية.",
                 "توفي اليوم السبت الإعلامي السعودي سعود الدوسري إثر تعرضه لأزمة قلبية في باريس، وذلك عن عمر يناهز 46 عاماً.",
                 [("date", "date")], id="died yesterday Friday and today Saturday, both written on Saturday"),
    pytest.param("غيّب الموت مساء أول من أمس الجمعة في العاصمة الفرنسية باريس الإعلامي السعودي المذيع سعود الدوسري، إثر"
                 " تعرضه لنوبة قلبية.",
                 "رحل المذيع سعود الدوسري الذي وافته المنية بسكتة قلبية فجر أمس السبت في مكان إقامته بالعاصمة الفرنسية باريس.",
                 [("date", "date")], id="the day before yesterday, Friday, and yesterday, Saturday: both written on Sunday"),
    pytest.param("نزلت الفضة في المعاملات الفورية اليوم الخميس 0.1 بالمئة إلى 14.72 دولار للأوقية.",
                 "تراجعت الفضة في المعاملات الفورية اليوم الأربعاء 0.6 في المئة إلى 14.59 دولار للأوقية.",
                 [], id="the prices of Thursday and of Wednesday"),
    pytest.param("اعتمد الاتحاد الأوروبي الجزء الأول من حزمة مساعدات لصالح تونس بمبلغ إجمالي قدره 116.8 مليون يورو.",
                 "اعتمد الاتحاد الأوروبي الشريحة الأولى من حزمة مساعدات لصالح تونس بمبلغ إجمالي قدره 116 مليونا و800 ألف يورو.",
                 [], id="116 مليونا و800 ألف is 116.8 million"),
    pytest.param("ومنحت شركة انكاب النفطية في أوروغواي خفضا بنسبة 38 في المائة على الـ400 مليون دولار المستحقة.",
                 "ومنحت شركة انكاب النفطية العامة في الأورجواي خفضا بنسبة 38 في المائة على الـ 400 مليون دولار المستحقة.",
                 [], id="الـ400 مليون: the article on a figure"),
    pytest.param("حقق المنتخب السعودي المشارك في الأولمبياد الخاص ثلاثاً وعشرين ميدالية متنوعة.",
                 "حقق المنتخب السعودي المشارك في الأولمبياد الخاص 23 ميدالية في ألعاب مختلفة.",
                 [], id="ثلاثاً وعشرين is 23"),
    pytest.param("وبلغ صافي ربح رويال داتش شل في الربع الثاني 84ر3 مليار دولار انخفاضًا من 13ر6 مليار دولار قبل عام"
                 " و25ر3 مليار دولار في الربع السابق.",
                 "وبلغ صافي ربح رويال داتش شل في الربع الثاني 3.84 مليار دولار انخفاضا من 6.13 مليار دولار قبل عام"
                 " و3.25 مليار دولار في الربع السابق.",
                 [], id="و25ر3: the wire's decimal after a conjunction"),
    pytest.param("ويمثل إنتاج الدول الاثنتي عشرة الأعضاء في أوبك في يوليو أعلى مستوياته منذ 1997.",
                 "ويمثل إنتاج الدول 12 الأعضاء في أوبك في يوليو أعلى مستوياته منذ 1997.",
                 [], id="الاثنتي عشرة is 12"),
    pytest.param("عثر على كمية من مادة الهيروين المخدر بلغ وزنها 390.5 جراما مخبأة بداخل أحشائه.",
                 "عثر على كمية من مادة الهيروين المخدر بلغ وزنها ثلاثمائة وتسعين جراماً ونصف الجرام مخبأة بداخل أحشائه.",
                 [], id="ثلاثمائة وتسعين جراماً ونصف is 390.5"),
    pytest.param("بلغ عدد المركبات المستفيدة من المواقف خلال الفترة من 1 رمضان حتى 1 شوال 1,733,581 مركبة.",
                 "بلغ عدد المركبات المستفيدة من المواقف خلال الفترة من 1 رمضان حتى 1 شوال \"1.7\" مليون مركبة.",
                 [], id="\"1.7\" مليون: quotation marks before the multiplier, and 1.7 million is no stray multiplier"),
    pytest.param("وقالت اللجنة إن سعر ليتر البنزين سيرتفع من 1،72 درهم الى 2،14 درهم.",
                 "وقالت اللجنة إن سعر ليتر البنزين سيرتفع من 1.72 درهم إلى 2.14 درهم.",
                 [], id="1،72: the Arabic comma as a decimal separator"),
    pytest.param("ومن بين المعادن النفيسة الأخرى ارتفعت الفضة 1 في المائة إلى 14.72 دولار للأوقية.",
                 "ومن بين المعادن النفيسة الأخرى ارتفعت الفضة 1% إلى 14.72 دولارا للأوقية.",
                 [], id="في المائة is no hundred"),
    pytest.param("تعيين نبيل بن عبدالله الطويل على وظيفة مستشار أمني بالمرتبة الخامسة عشرة بإمارة منطقة الرياض.",
                 "تعيين نبيل بن عبد الله الطويل على وظيفة «مستشار أمني» بالمرتبة الـ15 بإمارة منطقة الرياض.",
                 [], id="المرتبة الخامسة عشرة is the 15th rank, no ten"),
    pytest.param("واستمر الاجتماع ثلاث ساعات ونصف في مقر الوزارة بالرياض.",
                 "واستمر الاجتماع ساعتين في مقر الوزارة بالرياض.",
                 [("duration", "number")], id="three hours and a half against two hours"),
    pytest.param("وقالت الرئاسة المصرية إن مالا يقل عن 30 من زعماء العالم سيحضرون المناسبة.",
                 "وقالت الرئاسة المصرية إن ما لا يقل عن 30 من زعماء العالم سيحضرون المناسبة.",
                 [], id="مالا يقل is ما لا يقل"),
    # SaudiNewsNet, 25 July 2015: the same Reuters sentence, once with the article
    pytest.param("وفي سياق متصل، قلص الدولار الأمريكي مكاسبه مقابل سلة العملات، أمس، إذ أثار الهبوط غير المتوقع في"
                 " المبيعات المحلية من المنازل الجديدة في حزيران (يونيو)، شكوكا بشأن قوة الاقتصاد الأمريكي وما إذا كان"
                 " مجلس الاحتياطي الاتحادي (البنك المركزي) سيرفع أسعار الفائدة في نهاية العام.",
                 "قلص الدولار الأمريكي مكاسبه مقابل سلة العملات اليوم الجمعة إذ أثار هبوط غير متوقع في المبيعات المحلية"
                 " من المنازل الجديدة في يونيو حزيران شكوكا بشأن قوة الاقتصاد الأمريكي وما إذا كان مجلس الاحتياطي"
                 " الاتحادي (البنك المركزي) سيرفع اسعار الفائدة بنهاية العام.",
                 [], id="الهبوط غير المتوقع is هبوط غير متوقع: an adjective, no denial"),
    pytest.param("وقال كاميرون إن بريطانيا لن تصبح «ملاذا آمنا» للمهاجرين غير القانونيين.",
                 "وقال كاميرون إن بريطانيا ستواصل ترحيل المهاجرين غير القانونيين حتى يعلم الناس أنها «ليست ملاذاً آمناً».",
                 [], id="a negation before a quoted phrase: both deny"),
    pytest.param("٣-لم يثبت للجنة حدوث أي خطأ إداري أو إجرائي في عمليات قبولهما.",
                 "٣- لم يثبت للجنة حدوث أي خطأ إداري أو إجرائي في عمليات قبولهما.",
                 [], id="٣-لم: a list's number glued to the negator"),
    # SaudiNewsNet, 3 August 2015 (the cabinet session) and 31 July and 11 August 2015
    pytest.param("وافق مجلس الوزراء على تعيينات بالمرتبتين الخامسة عشرة والرابعة عشرة ووظيفة ( سفير ) ، وذلك على النحو التالي :",
                 "وافق مجلس الوزراء على تعيينات بالمرتبتين الـ14 و15 ووظيفة «سفير»، وذلك على النحو التالي:",
                 [], id="والرابعة عشرة is the 14th, no ten"),
    pytest.param("اهتمامات الصحف الليبية، طرابلس 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس 11:58 ت م",
                 "اهتمامات الصحف الجزائرية، الجزائر 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس 11:57 ت م",
                 [], id="11:58 is a time of day"),
    pytest.param("وبين المعادن النفيسة الأخرى نزلت الفضة في المعاملات الفورية 0.1 بالمئة إلى 14.72 دولار للأوقية.",
                 "وبين المعادن النفيسة الأخرى نزلت الفضة في المعاملات الفورية 0.7 بالمئة بينما استقر البلاتين والبلاديوم.",
                 [], id="0.1 بالمئة is a share of a move, as 0.1 في المائة is"),
    # SaudiNewsNet, 2 and 7 August 2015: a market's prices are readings of a moment
    pytest.param("أغلق مؤشر سوق الأسهم السعودية في مطلع تداولاته الأسبوعية على تراجع حاد بـ 291.03 نقطة بنسبة 3.20% عند مستوى"
                 " 8807.24 نقطة بتداولات تجاوزت 5 مليارات ريال.",
                 "تراجع مؤشر سوق الأسهم السعودية بشكل حاد عند منتصف تداولات اليوم بنحو 3.6% فاقدا 324 نقطة ليصل إلى مستوى"
                 " 8773 نقطة وسط تداولات بلغت 3.4 مليار ريال.",
                 [], id="a market's close and its midday"),
    pytest.param("ومن بين المعادن النفيسة الأخرى ارتفعت الفضة في المعاملات الفورية 1.8 بالمئة إلى 14.85 دولار للأوقية مسجلة"
                 " أكبر صعود لها في جلسة واحدة منذ 13 من مايو آيار.",
                 "ومن بين المعادن النفيسة الأخرى ارتفعت الفضة واحدا بالمئة إلى 14.72 دولار للأوقية.",
                 [], id="silver in the morning and after the jobs data"),
    pytest.param("وانخفض سعر مزيج برنت في العقود الآجلة لتسليم سبتمبر عند التسوية سبعة سنتات بما يعادل 0.13 % ليصل إلى"
                 " 53.31 دولارا للبرميل بعدما ارتفع 8 سنتات عند التسوية في الجلسة السابقة.",
                 "وارتفع سعر مزيج برنت في العقود الآجلة لتسليم شهر أقرب استحقاق عند التسوية 10 سنتات أو 0.15 % ليصل إلى"
                 " 53.38 دولارا للبرميل بعد أن هوى خلال التعاملات إلى 52.51 دولارا .",
                 [], id="two days' settlements, سنتات and سنتا one unit"),
    pytest.param("وكانت السوق قد شهدت أمس ارتفاع أسهم 143 شركة في قيمتها، فيما تراجعت أسهم 14 شركة، وظلت أسهم تسع شركات"
                 " أخرى بدون تغير، فيما بلغ عدد الأسهم المتداولة أكثر من 148.6 مليون سهم توزعت على أكثر من 84.7 ألف صفقة.",
                 "وبلغت صفقات السوق في نهاية التداول 84,716 صفقة، بينما تمّ تداول 148,467,049 سهما، وبلغ عدد الأسهم المرتفعة"
                 " للشركات 143 شركة، بينما بلغ عدد الأسهم المنخفضة 14 شركة، فيما استقرت أسهم 7 شركات، وذلك بعد أن أصبح مجمل"
                 " الشركات المتداولة في السوق 170 شركة مع تعليق تداول 4 شركات.",
                 [("count", "number")], id="a count of one session's companies is no price"),
    pytest.param("ونقلت وكالة الأنباء الجزائرية عن وزير الطاقة قوله إن المشاورات جارية لأخذ قرار بشأن اجتماع طارئ لأوبك"
                 " في ظل هبوط أسعار النفط صوب 49 دولارا للبرميل.",
                 "وكانت وكالة الأنباء الجزائرية قد نقلت عن وزير الطاقة قوله إن المشاورات جارية لأخذ قرار بشأن اجتماع طارئ"
                 " لأوبك في ظل هبوط أسعار النفط صوب 48 دولارا للبرميل.",
                 [("count", "number")], id="one minister's words with two prices: no market report"),
    # SaudiNewsNet, 31 July, 1 and 4 August 2015: both sentences negate, or the denied is not what is named
    pytest.param("رأس نائب خادم الحرمين الشريفين صاحب السمو الملكي الأمير محمد بن نايف بن عبدالعزيز آل سعود - حفظه الله -"
                 " الجلسة التي عقدها مجلس الوزراء، بعد ظهر امس الاثنين في قصر السلام بجدة، حيث اتخذ إجراءات بعدم التفريط"
                 " في أراضي السواحل والشواطئ وتوفير متنفس للناس، من بينها أن يكون لكل شاطئ حرم (100م) مفتوح للعامة لا يجوز"
                 " التأجير فيه أو إقامة أي منشأة عليه.",
                 "أقر مجلس الوزراء برئاسة نائب خادم الحرمين الشريفين صاحب السمو الملكي الأمير محمد بن نايف بن عبدالعزيز آل"
                 " سعود، عددا من الإجراءات لمنع التفريط في أراضي السواحل والشواطئ وتوفير متنفس للناس، من بينها أن يكون لكل"
                 " شاطئ (100م) حرما مفتوحا للعامة لا يجوز التأجير فيه أو إقامة أي منشأة عليه عدا ما يأتي:",
                 [], id="بعدم التفريط / لمنع التفريط … لا يجوز: both negate"),
    pytest.param("وكشف نصرعن توقيع اتفاق بين مهرجان كام السينمائي الدولي للأفلام القصيرة مع فرع جمعية الثقافة والفنون بجدة،"
                 " ينص على أن يكون فرع الجمعية الجهة المسؤولة الوحيدة في المملكة عن مشاركة الأفلام السعودية في مهرجان كام،"
                 " ولا يمكن ترشيح أو مشاركة أي فيلم سينمائي سعودي إلا عن طريقها.",
                 "وكان المهرجان وقع «بروتوكولا» مع فرع جمعية الثقافة والفنون بجدة، ليكون الجهة المسؤولة عن ترشيح ومشاركة"
                 " الأفلام السينمائية السعودية في المهرجان، ولا يمكن ترشيح أو مشاركة أي فيلم سينمائي إلا عن طريقه.",
                 [], id="ولا يمكن … إلا: nothing but, nine words on"),
    pytest.param("إلى ذلك نفى الرئيس التركي رجب طيب إردوغان بقوة الاتهامات بأن تركيا تساعد تنظيم داعش، متهما «قوى سوداء»"
                 " بنشر دعاية إعلامية خاطئة حول بلاده.",
                 "الرئيس التركي رجب طيب أردوغان",
                 [], id="نفى الرئيس التركي: the president denies, he is not denied"),
    pytest.param("وبحسب القانون الجديد، يمكن للسلطات الإسرائيلية ممارسة عملية الإطعام القسري في حال صرّح الطبيب بأنه دون"
                 " ذلك فإن حياة الأسير قد تتعرض للخطر خلال وقت قصير أو يُصاب بإعاقة خطيرة غير قابلة للعلاج.",
                 "ويسمح هذا القانون لإدارة السجون الإسرائيلية بإطعام الأسير المضرب عن الطعام بشكل قسري، وذلك في حال قيم"
                 " الأطباء بأن حياته يتهددها الخطر خلال وقت قصير في حال لم يتم إطعامه أو قد يصاب بإعاقة خطيرة غير قابلة"
                 " للعلاج.",
                 [], id="لم يتم إطعامه أو قد يصاب … غير قابلة: قد is beyond the لم, غير negates in both"),
    # SaudiNewsNet, 31 July 2015: happenings of one kind that the grouping put in one event
    # (benchmarks/data/contradiction-events-heldout*.jsonl)
    pytest.param(EXECUTIONS[0], EXECUTIONS[1], [], id="an execution in Thadiq on Friday, another in Huraymila on Thursday"),
    pytest.param(EXECUTIONS[0], EXECUTIONS[1].replace("حريملاء", "ثادق"), [("date", "date")],
                 id="one execution in Thadiq, on Friday and on Thursday"),
    pytest.param("وأوضح نائب المتحدث الرسمي للدفاع المدني بمنطقة المدينة المنورة النقيب نايف محمد الجهني أن مركز التحكم والتوجيه"
                 " بالإدارة العامة للدفاع المدني بالمدينة المنورة عند تمام الساعة ٨.٢١ من مساء الأربعاء عن حادث مفاده وجود حريق في"
                 " داخل مبنى سكني في حي الجبور، وعلى الفور هرعت فرق الإطفاء والإنقاذ اللازمة إلى الموقع.",
                 "وأكد نائب المتحدث الرسمي للدفاع المدني بمنطقة المدينة المنورة النقيب /نايف محمد الجهني أن مركز التحكم والتوجيه"
                 " بالادارة العامة للدفاع المدني بالمدينة المنورة تبلغ عند تمام الساعة ٢٢:٢٤ من يوم أمس الخميس عن حادث مفاده وجود"
                 " حريق بمنزل في حي الجرف ، وعلى الفور انتقلت فرق الاطفاء والانقاذ اللازمة الى الموقع.",
                 [], id="a fire in al-Jabour on Wednesday, another in al-Jurf on Thursday"),
    pytest.param("باشرت فرق الهلال الأحمر السعودي بمنطقة الرياض حادث تصادم على طريق الجنوب بعد وادي الدواسر مساء اليوم نتج عنه 7 إصابات.",
                 "باشرت فرق الهلال الأحمر السعودي بمنطقة الرياض حريقا بمنزل طريق بلال مع عبد الرحمن بن سعود شرق نتج عنه تسجيل 6 إصابات متوسطة.",
                 [], id="7 injured on the southern road, 6 on Bilal road"),
    pytest.param("باشرت فرق الهلال الأحمر السعودي بمنطقة الرياض حادث تصادم على طريق الجنوب بعد وادي الدواسر مساء اليوم نتج عنه 7 إصابات.",
                 "باشرت فرق الهلال الأحمر السعودي حادث تصادم على الطريق الجنوبي بعد وادي الدواسر نتج عنه تسجيل 6 إصابات متوسطة.",
                 [("count", "number")], id="7 and 6 injured on one road"),
])
def test_what_outlets_word_differently_is_no_contradiction_and_what_they_report_differently_is(
        config: SiteConfig, first: str, second: str, expected: list[tuple[str, str]]):
    comparison = compare_texts(config, ("تقرير", first), ("تقرير آخر", second))
    assert [(c.topic, c.kind) for c in comparison.contradictions] == expected


def test_a_figure_is_compared_with_a_third_report_through_the_reports_that_agree_with_it(config: SiteConfig):
    """SaudiNewsNet, 8 August 2015: outlets give Saud al-Dosari's age as 47 or 46; al-Madina's sentence with
    46 is like al-Eqtisadiya's with 47, not like 3alyoum's with الـ47 عامًا, which comes first. Al-Riyadh's
    sentence is dated Saturday, 3alyoum's Friday: an age is no count that changes from day to day."""
    members = event_rows("contradiction-events.jsonl", "auto-2015-08-08-snn-2015-08-08-0032")
    comparison = compare_saudi_news(config, members, lambda text: text.replace("\n", "\n\n"))
    ages = [row for row in comparison.claim_matrix.rows if row.kind == "number" and "47" in row.claim.phrase]
    assert len(ages) == 1
    stances = {article_id[-4:]: cell.stance for article_id, cell in ages[0].cells.items() if cell.stance != "silent"}
    assert stances == {"0032": "reports", "0163": "reports", "0600": "contradicts", "0651": "contradicts"}


def test_more_than_a_figure_in_both_reports_is_the_same_figure(config: SiteConfig):
    """SaudiNewsNet, 11 August 2015: al-Madina's report says Jeddah's health directorate penalised 16 facilities after
    inspecting «أكثر من 100 منشأة» (more than 100), al-Yaum's that it inspected «أكثر من 100 منشأة»: both give the 100,
    which does not stand against the 16."""
    members = event_rows("contradiction-events-heldout.jsonl", "auto-2015-08-11-snn-2015-08-11-0673")
    comparison = compare_saudi_news(config, members, lambda text: text.replace("\n", "\n\n"))
    assert len(members) == 3 and comparison.claim_matrix.rows
    assert "16 منشأة" not in marked_words(comparison)


def test_a_figure_stands_against_the_other_reports_figure_nearest_it_of_its_sentence(config: SiteConfig):
    """SaudiNewsNet, 31 July 2015, Zamalek's title: «برصيد 83 نقطة بفارق خمس نقاط» (83 points, a lead of five) in
    one report, «رفع الزمالك الفارق اليوم إلى ثماني نقاط» (the lead raised to eight) in another: the eight is set
    against the five, not the 83."""
    members = event_rows("contradiction-events-heldout2.jsonl", "auto-2015-07-31-snn-2015-07-31-0094")
    comparison = compare_saudi_news(config, members, lambda text: text.replace("\n", "\n\n"))
    assert len(members) == 5 and comparison.claim_matrix.rows
    assert "83 نقطة" not in marked_words(comparison)


def test_talks_that_achieved_no_breakthrough_and_a_deal_reached_before_them_are_no_contradiction(config: SiteConfig):
    """SaudiNewsNet, 8 August 2015, the Doha meeting of Lavrov, Kerry and al-Jubeir: one report says it «لم تسفر عن أي
    نتيجة» (produced no result), another that it «لم يحقق، رغم أهميته، أي اختراق» (achieved, for all its weight, no
    breakthrough: the negation is beyond the commas), and a third writes «منذ التوصل لاتفاق نووي الشهر الماضي» (since
    the nuclear deal was reached last month), which is no outcome of these talks."""
    members = event_rows("contradiction-events.jsonl", "auto-2015-08-08-snn-2015-08-08-0058")
    comparison = compare_saudi_news(config, members, lambda text: text.replace("\n", "\n\n"))
    assert len(members) == 3 and comparison.claim_matrix.rows
    assert [c.kind for c in comparison.contradictions if c.kind == "outcome"] == []


def test_the_days_of_a_markets_sessions_are_no_contradiction(config: SiteConfig):
    """SaudiNewsNet, 7 August 2015: seven reports on gold, three of which say it held steady «اليوم الجمعة» (today,
    Friday) and one that it struggled «أمس الخميس» (yesterday, Thursday): two sessions, no date in conflict."""
    members = event_rows("contradiction-events-heldout.jsonl", "auto-2015-08-07-snn-2015-08-07-0047")
    comparison = compare_saudi_news(config, members, lambda text: text.replace("\n", "\n\n"))
    assert len(members) == 7 and comparison.claim_matrix.rows
    assert [c.kind for c in comparison.contradictions if c.kind == "date"] == []


MARKET_BREADTH = ("وارتفعت قيم وأحجام التداولات، حيث قام المستثمرون بتناقل ملكية 147.1 مليون سهم بقيمة 4.1 مليار ريال، وارتفعت"
                  " أسعار أسهم 38 شركة مقابل تراجع أسعار أسهم 115 شركة.",
                  "وارتفعت قيم وأحجام التداولات، حيث قام المستثمرون بتناقل ملكية 122.2 مليون سهم بقيمة 3.6 مليار ريال، وارتفعت"
                  " أسعار أسهم 78 شركة مقابل تراجع أسعار أسهم 56 شركة.")


@pytest.mark.parametrize("days, contradicted", [(("الخميس", "الأربعاء"), False), (("الخميس", "الخميس"), True)])
def test_the_figures_of_a_report_of_another_day_are_no_contradiction(config: SiteConfig, days: tuple[str, str],
                                                                    contradicted: bool):
    """A market report names its day in its lead only; the figures after it are of that day (SaudiNewsNet,
    31 July 2015: Thursday's session and Wednesday's, grouped into one event)."""
    comparison = compare_texts(config, *(
        ("الأسهم السعودية", f"أغلق مؤشر سوق الأسهم السعودية تعاملات اليوم {day} متأثرا بأداء قطاع الاتصالات.\n\n{breadth}")
        for day, breadth in zip(days, MARKET_BREADTH)))
    assert bool(comparison.contradictions) is contradicted
    assert all(c.kind == "number" for c in comparison.contradictions)


def test_a_number_in_words_is_read_whole(config: SiteConfig):
    """مئة وستة وخمسين ألف is 156,000: the figure in conflict with 200 ألف, not its first words and a thousand."""
    comparison = compare_texts(config, ("تقرير", "وأجبرت الفيضانات مئة وستة وخمسين ألف شخص على اللجوء إلى ملاجئ مؤقتة في بورما."),
                               ("تقرير آخر", "وأجبرت الفيضانات 200 ألف شخص على اللجوء إلى ملاجئ مؤقتة في بورما."))
    [contradiction] = comparison.contradictions
    assert [claim.marked_words for claim in contradiction.claims] == [("مئة وستة وخمسين ألف شخص",), ("200 ألف شخص",)]


def test_copies_of_one_denial_are_one_contradiction(config: SiteConfig):
    """Three outlets print one statement and two print its denial: one contradiction of five outlets."""
    affirm = "أكد المتحدث باسم الحكومة أن الوفد الحكومي سيشارك في جولة المفاوضات المقبلة في جنيف."
    deny = "نفى المتحدث باسم الحكومة أن يكون الوفد الحكومي سيشارك في جولة المفاوضات المقبلة في جنيف."
    comparison = compare_texts(config, *[("الوفد", affirm)] * 3, *[("لا مشاركة", deny)] * 2)
    [contradiction] = comparison.contradictions
    assert sorted(contradiction.against) == ["d", "e"] and len(contradiction.claims) == 5


def test_two_figures_that_differ_in_one_pair_of_sentences_are_one_contradiction(config: SiteConfig):
    """The dead and the wounded, both other: two rows of the matrix, one contradiction to read."""
    comparison = compare_texts(
        config,
        ("هجوم على السوق", "أسفر الهجوم على السوق الشعبي في المدينة عن سقوط 12 قتيلا و40 جريحا."),
        ("قتلى وجرحى", "أسفر الهجوم على السوق الشعبي في المدينة عن سقوط 15 قتيلا و52 جريحا."),
    )
    contested = [row for row in comparison.claim_matrix.rows if any(c.stance == "contradicts" for c in row.cells.values())]
    assert len(contested) == 2 and len(comparison.contradictions) == 1
    assert [claim.marked_words for claim in comparison.contradictions[0].claims] == [
        ("12 قتيلا", "40 جريحا"), ("15 قتيلا", "52 جريحا")]  # the words as written, without the و written onto 40


@pytest.mark.parametrize("appearances, contradicted", [("300", False), ("320", True)])
def test_a_round_figure_agrees_with_one_just_beside_it(config: SiteConfig, appearances: str, contradicted: bool):
    """SaudiNewsNet, 31 July 2015: Walcott «سجل 76 هدفا خلال 302 مباراة» in one outlet, «خاض 300 مباراة» in
    another, which rounded. 320 would be another count."""
    members = saudi_rows("contradiction-events-heldout2.jsonl", "snn-2015-07-31-0689", "snn-2015-07-31-1273")
    assert "وخاض 300 مباراة" in members[0]["text"] + members[1]["text"]
    comparison = compare_saudi_news(config, members, lambda text: text.replace("وخاض 300 مباراة", f"وخاض {appearances} مباراة"))
    figures = marked_words(comparison)
    assert ("302 مباراة" in figures) is contradicted


def test_a_conjunction_written_onto_a_figure_is_not_marked(config: SiteConfig):
    """«وسبعة مدنيين»: the reader compares seven civilians with five, not "and seven"."""
    sentence = "قتل ثلاثة جنود و{} مدنيين في القصف الذي استهدف سوق البلدة صباح اليوم."
    comparison = compare_texts(config, ("قصف", sentence.format("سبعة")), ("قصف السوق", sentence.format("خمسة")))
    [contradiction] = comparison.contradictions
    assert [claim.marked_words for claim in contradiction.claims] == [("سبعة مدنيين",), ("خمسة مدنيين",)]


@pytest.mark.parametrize("sabic, contradicted", [("565.9", False), ("567.9", True)])
def test_a_figure_cut_short_agrees_with_the_whole_one(config: SiteConfig, sabic: str, contradicted: bool):
    """SaudiNewsNet, 31 July 2015: al-Riyadh gives SABIC's traded value as 565.9 مليون ريال, al-Yaum as 565
    مليون ريال (and Alinma's 374.6 as 374): the same figures, cut short. 567.9 would be another."""
    members = saudi_rows("contradiction-events-heldout2.jsonl", "snn-2015-07-31-0414", "snn-2015-07-31-0615")
    assert "565.9 مليون" in members[0]["text"] + members[1]["text"]
    comparison = compare_saudi_news(
        config, members, lambda text: text.replace("565.9 مليون", f"{sabic} مليون").replace("\n", "\n\n"))
    sabic_rows = [c for c in comparison.contradictions if any("565 مليون ريال" in claim.marked_words for claim in c.claims)]
    assert bool(sabic_rows) is contradicted


@pytest.mark.parametrize("brent, contradicted", [("19 مارس", False), ("20 مارس", True)])
def test_a_date_given_by_the_twin_of_a_sentence_is_not_contradicted_by_its_neighbour(
        config: SiteConfig, brent: str, contradicted: bool):
    """SaudiNewsNet, 27 July 2015: both oil reports give Brent's lowest close since 19 March and US crude's since
    31 March, in two sentences written alike. Brent's sentence is not contradicted by the other report's US
    crude sentence, since that report dates Brent's as well; had it said 20 March, it would be."""
    members = saudi_rows("grouping-heldout3.jsonl", "snn-2015-07-27-0056", "snn-2015-07-27-1046")
    assert all("منذ 19 مارس" in row["text"] and "منذ 31 مارس" in row["text"] for row in members)
    edited = [dict(row, text=row["text"].replace("منذ 19 مارس", f"منذ {brent}")) if row["id"].endswith("1046") else row
              for row in members]
    comparison = compare_saudi_news(config, edited, lambda text: text.replace("\n", "\n\n"))
    dates = [c for c in comparison.contradictions if c.kind == "date"]
    assert bool(dates) is contradicted
    assert all({claim.marked_words for claim in c.claims} == {("19 مارس",), (brent,)} for c in dates)


@pytest.mark.parametrize("opening, contradicted", [("مساء يوم غدا", False), ("مساء يوم الثلاثاء", True)])
def test_a_weekday_after_a_day_told_from_today_dates_something_else(config: SiteConfig, opening: str,
                                                                    contradicted: bool):
    """SaudiNewsNet, 11 August 2015, the Okaz market: one report opens «تنطلق مساء يوم غدا فعاليات حفل افتتاح
    مهرجان سوق عكاظ» and names Thursday later in the sentence, for the prince's reception of the guests; the
    other opens it «يوم غدٍ الأربعاء». Had the first said Tuesday evening, the two would disagree."""
    members = saudi_rows("contradiction-events-heldout.jsonl", "snn-2015-08-11-0361", "snn-2015-08-11-0669")
    assert "مساء يوم غدا" in members[0]["text"] and "يوم غدٍ الأربعاء" in members[1]["text"]
    comparison = compare_saudi_news(config, members, lambda text: text.replace("مساء يوم غدا", opening))
    assert any(c.kind == "date" for c in comparison.contradictions) is contradicted


@pytest.mark.parametrize("injured, contradicted", [("4", False), ("3", True)])
def test_a_number_in_words_and_one_in_digits_joined_by_and_are_two_figures(config: SiteConfig, injured: str,
                                                                           contradicted: bool):
    """SaudiNewsNet, 1 August 2015, Sabq on the crash at Hijrat Saad: «حالة وفاة واحدة و4 إصابات» is one death
    and four injuries, not a range from one to four, which three injured would fall in."""
    [sabq] = [row for row in saudi_news("contradiction-events-heldout2.jsonl") if row["id"] == "snn-2015-08-01-1222"]
    [sentence] = [line for line in sabq["text"].split("   ") if "حالة وفاة واحدة و4 إصابات" in line]
    other = sentence.replace("و4 إصابات", f"و{injured} إصابات")
    comparison = compare_texts(config, (sabq["title"], sentence), (sabq["title"], other))
    figures = marked_words(comparison)
    assert ("4 إصابات" in figures) is contradicted and "واحدة و4 إصابات" not in figures


@pytest.mark.parametrize("value, contradicted", [("06ر12", False), ("06ر13", True)])
def test_pounds_sterling_are_pounds_however_written(config: SiteConfig, value: str, contradicted: bool):
    """SaudiNewsNet, 11 August 2015: al-Hilal's squad is worth «12.06 مليون جنيه إسترليني» in one report and
    «06ر12 مليون استرليني» (the wire's decimal) in the other: one figure of one currency, which the report's
    «ثلاثة ملايين جنيه» (the gap to al-Nassr) does not contradict. 13.06 million would."""
    members = saudi_rows("contradiction-events-heldout.jsonl", "snn-2015-08-11-0164", "snn-2015-08-11-0332")
    assert "06ر12 مليون استرليني" in members[1]["text"]
    comparison = compare_saudi_news(config, members, lambda text: text.replace("06ر12 مليون", f"{value} مليون"))
    figures = marked_words(comparison)
    assert ("12.06 مليون جنيه" in figures) is contradicted and "ثلاثة ملايين جنيه" not in figures


def test_the_figures_of_three_reports_of_one_result_are_read_as_their_readers_read_them(config: SiteConfig):
    """SaudiNewsNet, 27 July 2015, SABIC's half-year. Al-Riyadh's «حصة السهم الواحد 2.5 ريال» is one share and
    2.5 riyals a share, as Aawsat and al-Jazirah print it, not one "2" and then 5 riyals against their 2.5; its
    «6.17 مليارات خلال الربع الثاني مقابل 6.46 مليارات ريال» gives the others' 6.17 billion riyals, set against
    last year's 6.46. Its 3.73 riyals earned a share against their 3.37 is what the reports disagree on, not
    3.37 riyals against a figure in billions."""
    ids = ("snn-2015-07-27-0098", "snn-2015-07-27-0349", "snn-2015-07-27-0777")
    members = saudi_rows("grouping-heldout3.jsonl", *ids)
    assert "حصة السهم الواحد 2.5 ريال" in members[2]["text"]
    comparison = compare_saudi_news(config, members, lambda text: text.replace("\n", "\n\n"))
    figures = marked_words(comparison)
    assert "5 ريال" not in figures and "6.46 مليارات ريال" not in figures
    assert {"3.37 ريال", "3.73 ريالات"} <= figures


def test_the_address_and_signature_of_a_cable_are_no_point_the_outlets_share(config: SiteConfig):
    """SaudiNewsNet, 6 August 2015: three papers print the crown prince's cable to the King of Jordan,
    address and signature on lines of their own (ملك المملكة الأردنية الهاشمية, مجلس الوزراء وزير الدفاع).
    The cable's sentences are what the three share."""
    ids = ("snn-2015-08-06-1165", "snn-2015-08-06-1606", "snn-2015-08-06-2761")
    comparison = compare_saudi_news(config, saudi_rows("grouping-heldout.jsonl", *ids))
    assert len(comparison.shared) >= 5 and all(len(point.refs) == 3 for point in comparison.shared)
    texts = {ref.text for point in comparison.shared for ref in point.refs}
    assert "ملك المملكة الأردنية الهاشمية" not in texts and "مجلس الوزراء وزير الدفاع" not in texts
    assert "والسلام عليكم ورحمة الله وبركاته." in texts


def test_a_toll_is_counted_in_the_dead_and_the_injured_whatever_noun_each_outlet_counts(config: SiteConfig):
    """SaudiNewsNet, 31 July 2015, the Omani pilgrims' bus near Khurais: 3alyoum's 7 pilgrims who died and Sabq's
    7 persons who met their death are one figure of the dead; their 47 and 29 "others" injured are two figures of
    the injured."""
    comparison = compare_texts(
        config,
        ("حالة استنفار قصوى بعد مصرع وإصابة 55 عمانياً بخريص",
         "توفي 7 معتمرين عمانيين، وأصيب 47 آخرون في حادث اصطدام فجر اليوم الخميس، على بعد 130 كيلو متر من محافظة"
         " الأحساء السعودية في اتجاه هجرة خريص."),
        ("مصرع 7 وإصابة 29 معتمراً عمانياً إثر تصادم بطريق الأحساء",
         "لقي ٧ أشخاص مصرعهم، وأصيب 29 آخرون بحادث تصادم على بعد ١٢٠ كم من الأحساء، بالقرب من هجرة خريص."))
    [contradiction] = comparison.contradictions
    assert [claim.marked_words for claim in contradiction.claims] == [("47",), ("29",)]
    [dead] = [row for row in comparison.claim_matrix.rows if "7 معتمرين" in row.claim.phrase]
    assert sorted(cell.stance for cell in dead.cells.values()) == ["reports", "reports"]


def stances_of(comparison: Comparison, figure: str) -> list[str]:
    """The stances of the articles on the claim that marks these words of its sentence (a figure and its noun)."""
    [row] = [row for row in comparison.claim_matrix.rows if row.claim.marked_words == (figure,)]
    return sorted(cell.stance for cell in row.cells.values())


@pytest.mark.parametrize("dead, stances", [("26", ["reports", "reports"]), ("27", ["contradicts", "reports"])])
def test_martyrs_are_counted_among_the_dead(config: SiteConfig, dead: str, stances: list[str]):
    """SaudiNewsNet, 4 August 2015: the Kuwaiti mosque bombing «أدى إلى استشهاد 26 شخصا» (KUNA's wording); an
    outlet that counts 26 شهيدا gives the same toll of the dead, one that counts 27 another."""
    comparison = compare_texts(
        config,
        ("محاكمة المتهمين في تفجير مسجد الصادق",
         "وتعرض المسجد الكائن في منطقة الصوابر بالكويت العاصمة إلى تفجير إرهابي خلال صلاة الجمعة في 26 يونيو الماضي"
         " ما أدى إلى استشهاد 26 شخصا وإصابة 227 آخرين."),
        ("تفجير مسجد الإمام الصادق",
         f"وتعرض المسجد في منطقة الصوابر بالكويت إلى تفجير إرهابي خلال صلاة الجمعة في 26 يونيو الماضي أوقع {dead}"
         " شهيدا و227 جريحا."))
    assert stances_of(comparison, "26 شخصا") == stances


def test_a_day_of_a_month_is_no_figure(config: SiteConfig):
    """«في 26 يونيو الماضي» dates the Kuwaiti bombing: it is no count of something called يونيو in the claim
    matrix, though two outlets print it (nor is «26 كانون الثاني» in the Levant's month names)."""
    sentence = "وتعرض المسجد في منطقة الصوابر بالكويت إلى تفجير إرهابي خلال صلاة الجمعة في 26 {} الماضي."
    for month in ("يونيو", "كانون الثاني"):
        comparison = compare_texts(config, ("تفجير مسجد", sentence.format(month)), ("تفجير", sentence.format(month)))
        assert [row.claim.marked_words for row in comparison.claim_matrix.rows] == []


def test_the_datelines_of_two_wire_items_are_no_contradiction(config: SiteConfig):
    """SaudiNewsNet, 11 August 2015: the Saudi Press Agency heads each item with its place and day of filing
    («روما 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس»); two items filed a day apart do not date one thing
    differently."""
    body = "{} 1436 هـ الموافق {} أغسطس 2015 م واس\n\nأنقذ خفر السواحل الإيطالي أكثر من 300 مهاجر قبالة السواحل الليبية."
    comparison = compare_texts(config, ("إنقاذ مهاجرين", body.format("روما 25 شوال", "10")),
                               ("خفر السواحل", body.format("الجزائر 26 شوال", "11")))
    assert comparison.contradictions == ()
    assert all(row.topic != "date" for row in comparison.claim_matrix.rows)


def test_cases_are_counted_by_what_they_are_cases_of(config: SiteConfig):
    """SaudiNewsNet, 31 July 2015: al-Ahsa's health directorate counts the Omani bus crash's dead as «9 حالات
    وفيات»; an outlet that says nine people died gives the same figure. Cases of the ambulances (إسعاف 17 حالة)
    are no toll: the 17 injured of the other outlet are a figure of its own."""
    comparison = compare_texts(
        config,
        ("50 مصابا في حادث المعتمرين العمانيين",
         "وأفادت صحة الأحساء بأن عدد المصابين في الحادث بلغ 50 حالة، سجلت منهم 9 حالات وفيات. وتم إسعاف 17 حالة من"
         " قبل الفرق الميدانية."),
        ("وفاة 9 معتمرين عمانيين",
         "لقي 9 أشخاص مصرعهم في حادث الحافلة التي تقل معتمرين عمانيين، وأصيب 17 آخرون، بحسب صحة الأحساء."))
    assert stances_of(comparison, "9 حالات") == ["reports", "reports"]
    assert stances_of(comparison, "17") == ["reports", "silent"]


def test_other_injured_of_one_landmine_contradict(config: SiteConfig):
    """SaudiNewsNet, 2 August 2015: two outlets print one Anadolu report of a landmine in Midyat, with four
    soldiers wounded in one and seven in the other."""
    sentence = ("وفي حادثة منفصلة نسبت ايضا الى حزب العمال الكردستاني، قتل جندي تركي وجرح {} آخرون في ساعة مبكرة الاحد"
                " عندما انفجر لغم ارضي بينما كانت قافلة عسكرية تمر على طريق في مدينة مديات بمحافظة ماردين.")
    comparison = compare_texts(config, ("لغم في ماردين", sentence.format("اربعة")), ("هجوم", sentence.format("سبعة")))
    [contradiction] = comparison.contradictions
    assert [claim.marked_words for claim in contradiction.claims] == [("اربعة",), ("سبعة",)]


@pytest.mark.parametrize("teller, contradicted", [("نادي مانشستر يونايتد الإنجليزي", True), ("الحارس الأرجنتيني", False)])
def test_the_weekday_of_a_telling_is_contradicted_only_by_the_same_tellers(config: SiteConfig, teller: str,
                                                                         contradicted: bool):
    """SaudiNewsNet, 27 July 2015: Manchester United «said yesterday, Sunday, that it has signed» Romero in one
    report and «announced today, Monday, that it has signed» him in another: one telling, dated two ways. Told
    on Monday by the goalkeeper himself, it would be another telling."""
    members = saudi_rows("grouping-heldout3.jsonl", "snn-2015-07-27-0058", "snn-2015-07-27-0703")
    assert "أمس الاحد إنه ضم" in members[0]["text"] and "أعلن نادي مانشستر يونايتد الإنجليزي اليوم الاثنين أنه" in members[1]["text"]
    comparison = compare_saudi_news(
        config, members, lambda text: text.replace("أعلن نادي مانشستر يونايتد الإنجليزي اليوم", f"أعلن {teller} اليوم"))
    assert any(c.kind == "date" for c in comparison.contradictions) is contradicted


@pytest.mark.parametrize("told, contradicted", [(True, False), (False, True)])
def test_the_weekday_of_a_telling_does_not_contradict_that_of_what_was_told(config: SiteConfig, told: bool,
                                                                          contradicted: bool):
    """SaudiNewsNet, 7 August 2015: the army took the Labouza camp on Thursday, says a report; «sources confirmed
    today, Friday, that» the fighters forced the Houthis back, says the other: Friday is the day of the telling.
    Had the other said the fighters forced them back on Friday, the two would disagree."""
    members = saudi_rows("contradiction-events-heldout.jsonl",
                         "snn-2015-08-07-0268", "snn-2015-08-07-0759", "snn-2015-08-07-1005")
    telling = "أكدت مصادر صحفية في محافظة لحج، جنوبي اليمن، اليوم الجمعة أن مقاتلي المقاومة الشعبية أجبروا"
    assert telling in members[2]["text"]
    happening = telling if told else "أجبر مقاتلو المقاومة الشعبية في محافظة لحج اليوم الجمعة"
    comparison = compare_saudi_news(config, members, lambda text: text.replace(telling, happening))
    assert any(c.kind == "date" for c in comparison.contradictions) is contradicted


@pytest.mark.parametrize("allowed, other, contradicted", [
    ("وحذرت", "وحذر الناطق الرسمي للهيئة", False),  # as printed: both warn
    ("وأجازت", "وحذر الناطق الرسمي للهيئة", False),
    ("وأجازت", "وأكد الناطق الرسمي للهيئة", True),
])
def test_what_a_warning_is_against_is_neither_asserted_nor_denied(config: SiteConfig, allowed: str, other: str,
                                                                 contradicted: bool):
    """SaudiNewsNet, 7 August 2015, the engineers' council: one report «warned all engineering bodies against
    relying on» unaccredited engineers, the other «warned them against not relying on» them, as Arabic writers
    often put the same warning. Had the first allowed the reliance and the other confirmed there is none, they
    would disagree."""
    members = saudi_rows("contradiction-events-heldout.jsonl", "snn-2015-08-07-0241", "snn-2015-08-07-0633")
    first, warned = 'وحذرت هيئة "المهندسين" جميع الجهات', "وحذر الناطق الرسمي للهيئة"
    assert first in members[0]["text"] and f"{warned} جميع الجهات" in members[1]["text"]
    against = "والمواطنين من عدم الاعتماد" if "حذر" in other else "والمواطنين عدم الاعتماد"
    comparison = compare_saudi_news(config, members, lambda text: text.replace(first, first.replace("وحذرت", allowed))
                                    .replace(warned, other).replace("والمواطنين من عدم الاعتماد", against))
    assert any(c.kind == "polarity" for c in comparison.contradictions) is contradicted


@pytest.mark.parametrize("said, contradicted", [("وما ألومهم", False), ("وأنا ألومهم", True)])
def test_a_word_right_after_ma_takes_no_side(config: SiteConfig, said: str, contradicted: bool):
    """SaudiNewsNet, 11 August 2015: the footballer al-Hashan says «وما ألومهم» ("and I don't blame them") in one
    report and «ولن ألومهم» in the other. ما may be "what" or "not", so the word after it is neither asserted nor
    denied; had he said «وأنا ألومهم», the two would disagree."""
    members = saudi_rows("contradiction-events-heldout.jsonl", "snn-2015-08-11-0246", "snn-2015-08-11-1485")
    assert "وما ألومهم" in members[0]["text"] and "ولن ألومهم" in members[1]["text"]
    comparison = compare_saudi_news(config, members, lambda text: text.replace("وما ألومهم", said))
    assert any(c.kind == "polarity" for c in comparison.contradictions) is contradicted


@pytest.mark.parametrize("unchanged, contradicted", [("19", False), ("18", True)])
def test_a_feminine_nouns_sound_plural_counts_what_its_singular_does(config: SiteConfig, unchanged: str,
                                                                   contradicted: bool):
    """SaudiNewsNet, 27 July 2015, the Saudi market's Sunday: «وظلت أسهم 19 شركة أخرى بدون تغير» in one report,
    «استقرت أسهم 19 شركات» in the other (the plural where Arabic has the singular): one figure of companies, not
    set against the 170 companies traded. 18 would disagree."""
    members = saudi_rows("grouping-heldout3.jsonl", "snn-2015-07-27-0670", "snn-2015-07-27-1178")
    assert "وظلت أسهم 19 شركة" in members[0]["text"] and "استقرت أسهم 19 شركات" in members[1]["text"]
    comparison = compare_saudi_news(
        config, members, lambda text: text.replace("استقرت أسهم 19 شركات", f"استقرت أسهم {unchanged} شركات"))
    figures = marked_words(comparison)
    assert ("19 شركة" in figures) is contradicted and "170 شركة" not in figures


@pytest.mark.parametrize("day, contradicted", [("الخامس", False), ("الرابع", True)])
def test_counts_of_two_days_of_a_games_do_not_contradict(config: SiteConfig, day: str, contradicted: bool):
    """SaudiNewsNet, 31 July 2015, the Special Olympics in Los Angeles: the Saudi team's 8 medals «في اليوم الرابع»
    in one report, its 15 «في اليوم الخامس» in another, which the grouping put in one event: two days' tallies.
    Both on the fourth day, they would disagree."""
    members = saudi_rows("contradiction-events-heldout2.jsonl", "snn-2015-07-31-0845", "snn-2015-07-31-1267")
    assert "في اليوم الخامس من الدورة" in members[1]["text"]
    comparison = compare_saudi_news(
        config, members, lambda text: text.replace("في اليوم الخامس من الدورة", f"في اليوم {day} من الدورة"))
    figures = marked_words(comparison)
    assert ("15 ميدالية" in figures) is contradicted


def test_a_figure_written_apart_from_its_unit_is_that_figure(config: SiteConfig):
    """SaudiNewsNet, 26 July 2015, Mecca's hospitals: «من 8500 سرير إلى أكثر من 10 آلاف سرير» in two reports, «من
    (8500) سرير إلى أكثر من (10) آلاف سرير» in the third, whose bracket parts 8,500 from the beds it counts. The
    third gives the same figure, so 8,500 beds is not set against its 10,000."""
    members = saudi_rows("grouping-heldout5.jsonl", "snn-2015-07-26-0217", "snn-2015-07-26-0356",
                         "snn-2015-07-26-0684")
    assert "من (8500) سرير" in members[1]["text"]
    comparison = compare_saudi_news(config, members)
    figures = marked_words(comparison)
    assert "8500 سرير" not in figures


@pytest.mark.parametrize("written, contradicted", [("ومالا ينهب", False), ("وما لا ينهب", True)])
def test_a_word_that_reads_as_ma_la_is_no_negation_when_the_other_report_writes_it_as_a_word(
        config: SiteConfig, written: str, contradicted: bool):
    """SaudiNewsNet, 25 July 2015, the Grand Mosque's sermon, word for word in two reports: «متاع يذهب ومالا ينهب»
    in one, «ومال ينهب» in the other. Unvowelled, «ومالا» is «وما لا» (and what not) or «ومالاً» (and money), and
    the other report's «ومال» says which; «وما لا ينهب» in two words would deny what the other says."""
    members = event_rows("grouping-heldout8.jsonl", "grand-mosque-imam-sermon-forbearance")
    assert any("ومالا ينهب" in row["text"] for row in members) and any("ومال ينهب" in row["text"] for row in members)
    comparison = compare_saudi_news(config, members, lambda text: text.replace("\n", "\n\n").replace("ومالا ينهب", written))
    assert any(c.kind == "polarity" for c in comparison.contradictions) is contradicted


@pytest.mark.parametrize("edited, contradicted", [(False, False), (True, True)])
def test_a_success_is_an_outcome_of_the_talks_only_when_it_is_the_meetings(config: SiteConfig, edited: bool,
                                                                         contradicted: bool):
    """SaudiNewsNet, 3 August 2015, the youth welfare president's meeting on the clubs' debts: after it he wished the
    clubs «بموسم رياضي ناجح» (a successful season), says one report; another gives «عدم نجاح الشركة الراعية» (the
    sponsor's failure) at the last Super Cup, a third «نجاح هذا المقترح» (the proposal's success). None is how the
    meeting went; had one said «نجاح الاجتماع» and another «عدم نجاح المحادثات», they would disagree."""
    members = event_rows("grouping-dev.jsonl", "club-debt-measures")
    wish, failure = "بموسم رياضي ناجح", "عدم نجاح الشركة الراعية"
    assert any(wish in row["text"] for row in members) and any(failure in row["text"] for row in members)
    def edit(text: str) -> str:
        text = text.replace("\n", "\n\n")
        return text.replace(wish, "بعد نجاح الاجتماع").replace(failure, "عدم نجاح المحادثات") if edited else text
    comparison = compare_saudi_news(config, members, edit)
    assert any(c.kind == "outcome" for c in comparison.contradictions) is contradicted


def test_the_day_of_a_death_is_not_contradicted_by_the_day_the_body_arrived(config: SiteConfig):
    """SaudiNewsNet, 9 August 2015, the broadcaster Saud al-Dosari, who died in Paris: reports disagree on the day
    he died (Friday or Saturday), but «وصل جثمان المذيع الراحل … فجر اليوم الأحد» (the body arrived on Sunday) dates
    another happening than «غيّب الموت مساء أول من أمس الجمعة» (death took him on Friday evening)."""
    members = event_rows("contradiction-events.jsonl", "auto-2015-08-09-snn-2015-08-09-0031")
    comparison = compare_saudi_news(config, members, lambda text: text.replace("\n", "\n\n"))
    dates = {tuple(sorted(words for claim in c.claims for words in claim.marked_words))
             for c in comparison.contradictions if c.kind == "date"}
    assert ("الجمعة", "السبت") in dates
    assert not any("الأحد" in pair for pair in dates), dates


@pytest.mark.parametrize("span, contradicted", [("خلال الأيام الماضية", False), ("يوم الجمعة", True)])
def test_a_count_over_days_does_not_contradict_the_count_of_one_day(config: SiteConfig, span: str, contradicted: bool):
    """SaudiNewsNet, 9 August 2015, al-Abadi's reforms: they follow protests «خلال الأيام الماضية في بغداد و8
    محافظات» (over the past days, in Baghdad and 8 provinces), says one report; thousands protested «الجمعة في
    بغداد وست محافظات» (on Friday, in Baghdad and six), says another. Had the first said Friday too, they would
    disagree."""
    members = event_rows("contradiction-events.jsonl", "auto-2015-08-09-snn-2015-08-09-0041")
    printed = "خلال الأيام الماضية في بغداد و8 محافظات"
    assert any(printed in row["text"] for row in members)
    comparison = compare_saudi_news(config, members, lambda text: text.replace("\n", "\n\n").replace(
        printed, printed.replace("خلال الأيام الماضية", span)))
    assert ("8 محافظات" in marked_words(comparison)) is contradicted
