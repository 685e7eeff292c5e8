"""Claims on dates: aligned sentences that date one happening differently."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from generator.analyze.normalize import normalize_for_matching
from generator.compare.alignment import EventSentence
from generator.compare.claims import Claim, claim_of, claim_row
from generator.compare.dates import dated_from_today_before, month_after_day, teller, written_on
from generator.compare.figure_claims import market_sessions
from generator.compare.localities import placed_apart
from generator.compare.model import ClaimRow
from generator.compare.negation import clause_words, content_key
from generator.compare.words import Words


def _date_claim(k: int, words: Words, at: int) -> Claim:
    """The date of sentence k written at tokens[at]: a weekday, or a day and its month."""
    month = month_after_day(words.tokens, at)
    return claim_of(k, words, "date", "date", at, month[1] if month else at)


_DATED_ALIKE = 2  # content words besides the date that the clauses of two dates share


def _dated_alike(a: Words, at_a: int, b: Words, at_b: int) -> bool:
    """Whether two dates are of one happening: their clauses share words besides the date (التقى وزير
    الخارجية… في عمان يوم الثلاثاء / اجتماع وزيري الخارجية في عمان الأربعاء), which the date of a
    preparatory meeting and that of the talks do not (اجتماعا تنسيقيا مساء الأحد / وصل كيري اليوم الاثنين)."""
    date_words = {content_key(a.tokens[at_a].norm), content_key(b.tokens[at_b].norm)}
    return len((clause_words(a, at_a) & clause_words(b, at_b)) - date_words) >= _DATED_ALIKE


# What dates a death: «توفي اليوم السبت», «وافته المنية يوم الأحد», «غيّب الموت مساء الجمعة», «انتقل إلى رحمة الله».
_DEATH = frozenset(content_key(normalize_for_matching(word)) for word in
                   "توفي توفيت توفى وفاة غيب الموت المنية رحيل رحمة مصرع مقتل حتفه استشهد".split())


def _one_a_death(a: Words, at_a: int, b: Words, at_b: int) -> bool:
    """Whether one date's clause tells a death and the other's does not: the death on Friday and the body's
    arrival on Sunday («وصل جثمان المذيع الراحل … فجر اليوم الأحد») are two happenings."""
    return _DEATH.isdisjoint(clause_words(a, at_a)) != _DEATH.isdisjoint(clause_words(b, at_b))


def _written_apart(a: Words, at_a: int, b: Words, at_b: int) -> bool:
    """Whether two weekdays were each told from a day of writing, and these differ: each report's «today»
    is its own (gold rose today, Tuesday / held steady today, Wednesday: two sessions)."""
    written = written_on(a, at_a), written_on(b, at_b)
    return None not in written and written[0] != written[1]


def _told_apart(a: Words, at_a: int, b: Words, at_b: int) -> bool:
    """Whether one weekday dates a telling and the other what was told (the camp taken on Thursday; sources
    saying on Friday that it was), or the two date tellings by different speakers: two happenings."""
    mine, theirs = teller(a, at_a), teller(b, at_b)
    if mine is None or theirs is None:
        return (mine is None) != (theirs is None)
    return mine.isdisjoint(theirs)


def _dated_elsewhere(sentences: Sequence[EventSentence], similarity: np.ndarray, k: int, m: int) -> bool:
    """Whether m's article gives a date of sentence k in another sentence at least as like k as m is: its
    twin of k, where m is of something else written alike (Brent's lowest close since 19 March, and US
    crude's since 31 March, in both reports)."""
    dates = sentences[k].dates.keys()
    return any(j != m and other.article == sentences[m].article and similarity[k, j] >= similarity[k, m]
               and not dates.isdisjoint(other.dates) for j, other in enumerate(sentences))


def date_rows(ids: Sequence[str], sentences: Sequence[EventSentence], similarity: np.ndarray,
              aligned: Sequence[tuple[int, int]]) -> list[ClaimRow]:
    """Aligned sentences that date the same thing differently (another weekday, another day). Not what they
    place in other places of one kind (an execution in one governorate on Thursday, one in another on Friday),
    nor the weekdays of a market's sessions (market_sessions)."""
    rows = []
    for k, m in aligned:
        mine, theirs = sentences[k].dates, sentences[m].dates
        if not mine or not theirs:
            continue  # most sentences
        if placed_apart(sentences[k].words, sentences[m].words):
            continue
        for kind in ("weekday:", "day:"):
            my_dates = [i for key, i in mine.items() if key.startswith(kind)]
            their_dates = [i for key, i in theirs.items() if key.startswith(kind)]
            if my_dates and their_dates and not {key for key in mine if key.startswith(kind)} & set(theirs) \
                    and _dated_alike(sentences[k].words, my_dates[0], sentences[m].words, their_dates[0]) \
                    and not _one_a_death(sentences[k].words, my_dates[0], sentences[m].words, their_dates[0]) \
                    and not _dated_elsewhere(sentences, similarity, k, m) \
                    and not _dated_elsewhere(sentences, similarity, m, k) \
                    and not (kind == "weekday:" and (
                        market_sessions(sentences[k].words, sentences[m].words)
                        or _written_apart(sentences[k].words, my_dates[0], sentences[m].words, their_dates[0])
                        or _told_apart(sentences[k].words, my_dates[0], sentences[m].words, their_dates[0])
                        or dated_from_today_before(sentences[k].words, my_dates[0])
                        or dated_from_today_before(sentences[m].words, their_dates[0]))):
                claim = _date_claim(k, sentences[k].words, my_dates[0])
                other = _date_claim(m, sentences[m].words, their_dates[0])
                rows.append(claim_row(ids, sentences, [claim], {sentences[m].article: ("contradicts", [other])}))
                break
    return rows
