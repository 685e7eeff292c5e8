"""Extractive summaries as a reader sees them, and the benchmark's ROUGE scorer."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.rouge import rouge_n, rouge_n_multi, tokenize
from generator.analyze.analysis import analyze_article
from generator.analyze.normalize import normalize_for_matching
from generator.analyze.sentences import split_sentences
from generator.analyze.summary import DEFAULT_MAX_SENTENCES, summarize
from generator.clean import clean_article_text
from tests.conftest import saudi_news

SEEDS = sorted((Path(__file__).resolve().parents[2] / "shared" / "seeds").glob("*.txt"))
SHARE_BUTTONS = {"Spread the love", "adel karroum", "قد يعجبك ايضا"}
# First sentence of each seed's news text, after its title and subtitle.
SEED_LEADS = {
    "000_be3b13007542e3b8.txt": "أجرى وزير الخارجية السوري، أسعد الشيباني، اجتماعًا",
    "003_163b4c5298a4b073.txt": "كشف مصدر دبلوماسي مطّلع لقناة",
}

ENGLISH = [
    "Syria's foreign minister met an Israeli minister in Paris on Friday, a US envoy said.",
    "The talks, hosted by the US envoy Tom Barrack, lasted four hours.",
    "Barrack said the aim of the meeting was dialogue and de-escalation.",
    "Weather in Paris was mild.",
    "Officials described the Paris meeting as a first step towards security understandings.",
    "No final agreement was reached, a diplomatic source said.",
]


def seed_article(path: Path, *, keep_title: bool = False) -> tuple[str, list[str]]:
    """The seed's body (title line dropped unless asked) without share buttons, and its sentences."""
    lines = path.read_text(encoding="utf-8").splitlines()
    body = "\n".join(line for line in lines[0 if keep_title else 1 :] if line.strip() not in SHARE_BUTTONS)
    return body, [sentence.text for sentence in split_sentences(body)]


@pytest.mark.parametrize("path", SEEDS, ids=lambda path: path.name)
def test_seed_summary_is_the_articles_own_sentences_in_order(path: Path) -> None:
    body, sentences = seed_article(path)
    chosen = summarize(sentences)

    assert chosen == sorted(set(chosen))
    assert all(0 <= i < len(sentences) for i in chosen)
    assert all(sentences[i] in body for i in chosen)
    assert 2 <= len(chosen) <= len(sentences) // 2


@pytest.mark.parametrize("path", SEEDS, ids=lambda path: path.name)
def test_seed_summary_keeps_the_lead(path: Path) -> None:
    _, sentences = seed_article(path)
    chosen = [sentences[i] for i in summarize(sentences)]
    assert any(sentence.startswith(SEED_LEADS[path.name]) for sentence in chosen)


def test_title_repeated_at_the_top_is_chosen_once() -> None:
    _, sentences = seed_article(SEEDS[0], keep_title=True)
    title = sentences[0]
    assert sentences[1] == title  # the seed does repeat it

    chosen = [sentences[i] for i in summarize(sentences)]
    assert chosen.count(title) <= 1


def test_near_duplicates_are_not_both_chosen() -> None:
    _, sentences = seed_article(SEEDS[0])
    # The same sentence again, with another spelling of hamza and ta marbuta.
    variant = sentences[2].replace("أ", "ا").replace("ة", "ه")
    article = sentences[:3] + [variant] + sentences[3:]

    chosen = [normalize_for_matching(article[i]) for i in summarize(article, ratio=1.0)]
    assert len(set(chosen)) == len(chosen)


def test_fragments_too_short_to_stand_alone_are_skipped() -> None:
    raw = SEEDS[0].read_text(encoding="utf-8")  # still ends with "Spread the love", "adel karroum"
    sentences = [sentence.text for sentence in split_sentences(raw)]
    chosen = [sentences[i] for i in summarize(sentences, ratio=1.0, max_sentences=len(sentences))]
    assert "Spread the love" not in chosen
    assert "adel karroum" not in chosen


def test_length_follows_the_article() -> None:
    _, sentences = seed_article(SEEDS[0])
    distinct = [f"{sentence} (الفقرة {n})" for n in range(20) for sentence in sentences]

    assert len(summarize(sentences[:4])) < len(summarize(sentences))
    assert len(summarize(distinct)) == DEFAULT_MAX_SENTENCES
    assert len(summarize(sentences, max_sentences=2)) == 2
    assert len(summarize(sentences[:3], min_sentences=3)) == 3


def test_empty_article() -> None:
    assert summarize([]) == []


def test_one_sentence_is_its_own_summary() -> None:
    assert summarize(["أجرى وزير الخارجية السوري اجتماعا في باريس."]) == [0]
    assert summarize(["عاجل"]) == [0]  # too short to stand alone, but the only one there is


def test_two_sentences() -> None:
    sentences = ["أجرى وزير الخارجية السوري اجتماعا في باريس.", "واستمر الاجتماع أربع ساعات بحضور المبعوث."]
    assert summarize(sentences) in ([0], [1])


def test_identical_sentences_give_one() -> None:
    assert summarize(["اجتمع الوزيران في باريس يوم الجمعة."] * 10) == [0]


def test_punctuation_only_sentences() -> None:
    assert summarize(["...", "!!!", "؟"]) == [0]


def test_english_article() -> None:
    chosen = summarize(ENGLISH)
    assert chosen == sorted(set(chosen))
    assert 1 <= len(chosen) <= len(ENGLISH) // 2
    assert 0 in chosen  # the lead says who met whom
    assert 3 not in chosen  # the aside about the weather


def test_deterministic() -> None:
    _, sentences = seed_article(SEEDS[1])
    assert summarize(sentences) == summarize(list(sentences)) == summarize(tuple(sentences))


def test_bad_length_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        summarize(ENGLISH, ratio=1.5)
    with pytest.raises(ValueError):
        summarize(ENGLISH, min_sentences=5, max_sentences=2)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="اأبتثجحخدذرزسشصضطظعغفقكلمنهوية ى،.؟ab1", max_size=60), max_size=30))
def test_any_input_gives_valid_ascending_indices(sentences: list[str]) -> None:
    chosen = summarize(sentences)
    assert chosen == sorted(set(chosen))
    assert all(0 <= i < len(sentences) for i in chosen)
    assert len(chosen) <= DEFAULT_MAX_SENTENCES
    assert bool(chosen) == bool(sentences)


def test_five_thousand_sentences_in_bounded_time() -> None:
    _, first = seed_article(SEEDS[0])
    _, second = seed_article(SEEDS[1])
    pool = first + second
    article = [f"{pool[n % len(pool)]} ({n})" for n in range(5000)]

    started = time.process_time()  # CPU time: other test runs on the machine do not count
    chosen = summarize(article)
    elapsed = time.process_time() - started

    assert len(chosen) == DEFAULT_MAX_SENTENCES
    assert elapsed < 6  # about 2 s here; comparing all pairs (no window) takes over 10 s


# --- the benchmark's scorer ----------------------------------------------------


def test_scorer_keeps_arabic_tokens() -> None:
    assert tokenize("اجتمع الوزيران، في باريس.") == ["اجتمع", "الوزيران", "في", "باريس"]


def test_scorer_identical_arabic_texts_score_100() -> None:
    text = "أجرى وزير الخارجية السوري اجتماعًا في العاصمة الفرنسية باريس."
    assert rouge_n(text, text, 1) == rouge_n(text, text, 2) == 1.0


def test_scorer_disjoint_arabic_texts_score_0() -> None:
    assert rouge_n("اجتمع الوزيران في باريس", "هطلت أمطار غزيرة على دمشق", 1) == 0.0


def test_scorer_folds_spelling_variants() -> None:
    assert rouge_n("أسعد الشيباني إلى باريس", "اسعد الشيبانى الي باريس", 2) == 1.0


def test_scorer_averages_references() -> None:
    text = "اجتمع الوزيران في باريس"
    assert rouge_n_multi(text, [text, "هطلت أمطار غزيرة على دمشق"], 1) == pytest.approx(0.5)


def test_a_caption_or_byline_is_never_the_summary_of_an_article() -> None:
    """SaudiNewsNet, 1 August 2015: al-Jazirah prints its photo's caption above the text, 3alyoum its byline.
    Each is the first sentence, where the summary looks first; neither says what happened, and the lead is the
    sentence after it."""
    rows = {row["id"]: row for row in saudi_news("contradiction-events-heldout2.jsonl")}
    for article_id, label in (("snn-2015-08-01-0306", "الرئيس التركي رجب طيب أردوغان"),
                              ("snn-2015-07-31-0007", "لجين الأحمدي – عين اليوم")):
        article = clean_article_text(rows[article_id]["title"] + "\n\n" + rows[article_id]["text"])  # as pasted
        analysis = analyze_article(article.title, article.body)
        assert analysis.sentences[0].text == label
        chosen = [analysis.sentences[i].text for i in analysis.summary]
        assert label not in chosen and chosen[0] == analysis.sentences[1].text
        assert analysis.lead.startswith(analysis.sentences[1].text)


def test_an_article_that_is_only_a_caption_is_summarised_by_it() -> None:
    """SaudiNewsNet, 6 August 2015: al-Jazirah's «أمين حائل» is all the text there is."""
    assert summarize(["أمين حائل"], labels={0}) == [0]

