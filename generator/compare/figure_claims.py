"""Claims on durations and counts, and when two figures of one point disagree."""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence

import numpy as np

from generator.analyze.entities import lexicon
from generator.compare.alignment import ALIGNED, EventSentence
from generator.compare.claims import Claim, claim_of, claim_row
from generator.compare.dates import MONTH_WORDS, days_apart
from generator.compare.localities import placed_apart
from generator.compare.model import ClaimRow, Stance
from generator.compare.numbers import TO, Quantity, figure_start, identifier_or_score, time_reference
from generator.compare.words import Words, digits_of, word_positions


def _quantity_claims(k: int, sentence: EventSentence) -> list[tuple[Quantity, Claim]]:
    claims = []
    for quantity in sentence.numbers:
        if not quantity.unit or quantity.unit in MONTH_WORDS or (quantity.topic == "count" and 1900 <= quantity.value <= 2100):
            continue  # a bare number, a day of a month or a year
        if identifier_or_score(sentence.words, quantity.first):
            continue
        if quantity.topic == "duration" and time_reference(sentence.words, quantity.first):
            continue
        start = figure_start(sentence.words.tokens[quantity.first])
        claims.append((quantity, claim_of(k, sentence.words, quantity.topic, "number", quantity.first, quantity.last,
                                          start=start)))
    return claims


# Below alignment, two sentences still speak of the same thing when they are this similar
# and share a key other than a number (an actor, an entity, a concept).
_LINKED = 0.15


def _linked(a: EventSentence, b: EventSentence, similarity: float) -> bool:
    return similarity >= ALIGNED or similarity >= _LINKED and any(key[0] != "#" for key in a.keys & b.keys)


def quantity_rows(ids: Sequence[str], sentences: Sequence[EventSentence], similarity: np.ndarray) -> list[ClaimRow]:
    """Durations and counts: a number of one article and what the others give for the same thing.
    A number no other article gives is a row only when its sentence is in the article's summary.

    A sentence often gives several figures of one unit (a loss, last year's profit, a charge, all in
    riyals): another article reports a figure when one of its figures of that unit agrees with it
    (a figure, not "more than" one); otherwise its counterpart is its figure in its sentence most
    like this one, the closest to it if that sentence has several (46 dead at least, then 27 dead and
    more than 156,000 displaced), which contradicts it only in a sentence that reports the same
    point (_same_point)."""
    claims = [(quantity, claim) for k, s in enumerate(sentences) for quantity, claim in _quantity_claims(k, s)]
    figures: dict[tuple[int, str], list[Quantity]] = defaultdict(list)  # each article's, by unit
    for quantity, claim in claims:
        figures[sentences[claim.sentence].article, quantity.unit].append(quantity)
    used: set[int] = set()
    reported: set[int] = set()  # sentences with a row already: one row of theirs alone is enough
    rows = []
    for n, (quantity, claim) in enumerate(claims):
        if n in used:
            continue
        mine = sentences[claim.sentence]
        others: dict[int, tuple[Stance, list[Claim]]] = {}
        # The claims that give the figure: this one, then those of the articles that agree with it, whose
        # sentences may be the ones a third article's sentence is like (47 عاما / الـ47 عامًا / 46 سنة).
        sources = [n]
        for source in sources:  # grows while it is read
            source_quantity, source_claim = claims[source]
            source_sentence = sentences[source_claim.sentence]
            candidates: dict[int, list[int]] = {}  # article → its claims of the same unit in linked sentences
            for m in range(n + 1, len(claims)):
                their_quantity, their_claim = claims[m]
                theirs = sentences[their_claim.sentence]
                if m not in used and theirs.article != mine.article and theirs.article not in others \
                        and their_quantity.unit == quantity.unit \
                        and _linked(source_sentence, theirs, similarity[source_claim.sentence, their_claim.sentence]):
                    candidates.setdefault(theirs.article, []).append(m)
            for article, ms in candidates.items():
                agreeing = [m for m in ms if _agree(quantity, claims[m][0]) and _bounded(claims[m][0])]
                chosen = agreeing[0] if agreeing else min(ms, key=lambda m: (
                    not _comparable(quantity, claims[m][0]), -similarity[source_claim.sentence, claims[m][1].sentence],
                    _distance(quantity, claims[m][0])))
                if _agree(quantity, claims[chosen][0]):
                    others[article] = ("reports", [claims[chosen][1]])
                    sources.append(chosen)
                elif _comparable(quantity, claims[chosen][0]) \
                        and _nearest_of_its_sentence(quantity, mine, claims[chosen][0]) \
                        and _same_point(source_sentence, sentences[claims[chosen][1].sentence],
                                 similarity[source_claim.sentence, claims[chosen][1].sentence]) \
                        and all(_may_differ(claims[k][0], sentences[claims[k][1].sentence], *claims[chosen],
                                            sentences, figures) for k in {n, source}):  # the row's sentence is shown
                    others[article] = ("contradicts", [claims[chosen][1]])
                else:
                    continue
                used.add(chosen)
        if others or mine.in_summary and claim.sentence not in reported:
            rows.append(claim_row(ids, sentences, [claim], others))
            reported.add(claim.sentence)
    return rows


def _nearest_of_its_sentence(quantity: Quantity, sentence: EventSentence, theirs: Quantity) -> bool:
    """Whether no other figure of the quantity's sentence, of its unit, is nearer the other article's: its sentence's
    «بفارق خمس نقاط» is what the other's «ثماني نقاط» stands against, not its «برصيد 83 نقطة»."""
    return all(_distance(other, theirs) >= _distance(quantity, theirs) for other in sentence.numbers if other.unit == quantity.unit)


def _may_differ(quantity: Quantity, mine: EventSentence, their_quantity: Quantity, their_claim: Claim,
                sentences: Sequence[EventSentence], figures: Mapping[tuple[int, str], Sequence[Quantity]]) -> bool:
    """Whether two figures of the same point may be a disagreement: not when either article also gives
    the other's figure (both report both: the leave of the new law and of the old one), when a toll is
    updated (حصيلة جديدة), when both are prices of a market report (a close and a midday, this morning's
    silver and this afternoon's: a market's prices are readings of a moment, which outlets take at other
    moments), or when they are counts of other days (Thursday's close and Wednesday's, the medals of the fourth
    day of a games and of the fifth; an age or the length of a meeting is the same whichever day it is told)
    or of other times of the day, or when one counts over days or months and the other does not (protests in 8
    provinces over the past days, in six on Friday), or when the sentences place them in other places of one kind
    (the injured of a crash on one road and of one on another)."""
    theirs = sentences[their_claim.sentence]
    if placed_apart(mine.words, theirs.words):
        return False
    if quantity.unit in _PRICE_UNITS and _market_move(mine.words) and _market_move(theirs.words):
        return False
    if quantity.topic == "count" and days_apart(mine.days, theirs.days):
        return False
    if any(_gives(other, quantity) for other in figures[theirs.article, quantity.unit]) or \
            any(_gives(other, their_quantity) for other in figures[mine.article, quantity.unit]):
        return False
    if _written_bare(quantity, theirs) or _written_bare(their_quantity, mine):
        return False
    if quantity.topic == "count" and (_updated_toll(mine.words) or _updated_toll(theirs.words)
                                      or _over_days(mine.words) != _over_days(theirs.words)):
        return False
    return _time_of_day(mine.words) == _time_of_day(theirs.words)


def _written_bare(quantity: Quantity, sentence: EventSentence) -> bool:
    """Whether the sentence writes the figure without its unit («من (8500) سرير إلى أكثر من (10) آلاف سرير»: the
    bracket parts 8,500 from the beds it counts), so that it gives the figure, not another."""
    return any(not other.unit and _bounded(other) and _agree(quantity, other) for other in sentence.numbers)


_TOLL = lexicon("حصيلة")
_TOLL_WORDS = _TOLL | lexicon("عدد ضحايا قتلى وفيات وفاة مصابين إصابات")
_NEW = lexicon("جديدة")
_RISE = lexicon("ارتفاع ارتفعت ارتفع ترتفع يرتفع")
_RISE_REACH = 6  # words from the verb to its إلى: ارتفعت حصيلة ضحايا الهجوم إلى
_SETTLEMENT = lexicon("التسوية")  # of a market: its closing price
_HOUR = lexicon("الساعة")


# A market report: a traded market and a move of it (وانخفض سعر الخام، أغلق المؤشر), with a price or an
# index in points. A count of its session (143 companies up) is no price, and a price someone is quoted
# on (في ظل هبوط أسعار النفط صوب 49 دولارا) tells no move of the report's own.
_MARKETS = lexicon("المؤشر مؤشر برنت الخام خام النفط الذهب الفضة البلاتين البلاديوم الأسهم أسهم الأوقية البرميل برميل"
                   " البورصة داو ناسداك ستاندرد")
_PRICE_UNITS = frozenset({"نقطة", "سنت", "دولار", "جنيه", "ريال", "يورو"})  # as _unit gives them
_MARKET_MOVES = lexicon("ارتفع ارتفعت يرتفع انخفض انخفضت ينخفض تراجع تراجعت يتراجع هبط هبطت نزل نزلت صعد صعدت زاد زادت أضاف"
                        " خسر خسرت ربح أغلق أغلقت يغلق ليغلق استقر استقرت يستقر تستقر قفز قفزت هوى هوت سجل سجلت"
                        " مرتفعا مرتفعة منخفضا منخفضة ارتفاع مكاسب خسائر")


def _market_move(words: Words) -> bool:
    return words.mentions(_MARKETS) and words.mentions(_MARKET_MOVES)


def market_sessions(a: Words, b: Words) -> bool:
    """Whether two sentences speak of a traded market, one of them of its move (gold steady today, Friday /
    gold struggling yesterday, Thursday): what they date is a session each."""
    return a.mentions(_MARKETS) and b.mentions(_MARKETS) and (_market_move(a) or _market_move(b))


def _updated_toll(words: Words) -> bool:
    """حصيلة جديدة، ارتفعت الحصيلة إلى، عدد الضحايا ارتفع إلى: a toll that replaces an earlier one."""
    if words.mentions(_TOLL) and (words.mentions(_NEW) or words.mentions(_RISE)):
        return True
    if not (words.mentions(_RISE) and words.mentions(_TOLL_WORDS)):
        return False
    rises = [i for i, rise in enumerate(words.each_has(_RISE)) if rise]
    return any(words.has(k, TO) for i in rises for k in word_positions(words, i, 1, _RISE_REACH))


_DURING = lexicon("خلال")
_DAYS_OR_MONTHS = lexicon("أيام الأيام أسابيع الأسابيع أشهر الأشهر شهور الشهور سنوات السنوات أعوام الأعوام")


def _over_days(words: Words) -> bool:
    """Whether the sentence counts over several days or months: «خلال الأيام الماضية», «خلال أربعة أشهر»."""
    return any(words.has(k, _DAYS_OR_MONTHS) for i, during in enumerate(words.each_has(_DURING)) if during
               for k in word_positions(words, i, 1, 2))


def _time_of_day(words: Words) -> str | None:
    """When a market figure was taken (بحلول الساعة 1249 بتوقيت جرينتش، عند التسوية), if the sentence says."""
    tokens = words.tokens
    for i in range(len(tokens) - 1):
        if words.has(i, _HOUR) and digits_of(tokens[i + 1].norm) is not None:
            return digits_of(tokens[i + 1].norm)
    return "settlement" if words.mentions(_SETTLEMENT) else None


def _same_point(a: EventSentence, b: EventSentence, similarity: float) -> bool:
    """Aligned sentences, or the leads of two reports, which give their main figure (46 dead at least,
    27 dead so far) in other words more often than not."""
    return similarity >= ALIGNED or a.lead and b.lead


# Two figures of one unit this many times apart are of two things (3.37 riyals a share, 6.46 billion riyals of
# profit), not a disagreement on one.
_APART = 100.0


def _comparable(a: Quantity, b: Quantity) -> bool:
    return min(abs(a.value), abs(b.value)) * _APART >= max(abs(a.value), abs(b.value))


def _distance(a: Quantity, b: Quantity) -> float:
    """How far apart two figures are, as a ratio: 27 is nearer 46 than 156,000 is."""
    return abs(math.log1p(abs(a.value)) - math.log1p(abs(b.value)))


def _bounded(quantity: Quantity) -> bool:
    """A figure, not "more than" one: more than 156,000 displaced agrees with anything larger."""
    return quantity.high != float("inf") and quantity.low > 0 or quantity.value == 0


def _gives(figure: Quantity, quantity: Quantity) -> bool:
    """Whether a figure gives the quantity: agrees with it and is a figure, or "more than" the same one
    («أكثر من 100 منشأة» in both reports)."""
    return _agree(quantity, figure) and (_bounded(figure) or (figure.low, figure.high) == (quantity.low, quantity.high))


def _agree(a: Quantity, b: Quantity) -> bool:
    return any(b_low <= a_high and a_low <= b_high for a_low, a_high in _readings(a) for b_low, b_high in _readings(b)) \
        or _cut_short(a, b) or _cut_short(b, a)


def _cut_short(a: Quantity, b: Quantity) -> bool:
    """Whether a is b with its last digits dropped: 565 مليون for 565.9 مليون (outlets cut a figure short
    as often as they round it). Not 17 for 18: b must be written to a smaller place than a."""
    return 0 < b.place < a.place and math.isclose(a.value, math.floor(b.value / a.place) * a.place)


def _readings(quantity: Quantity) -> list[tuple[float, float]]:
    """The bounds of a figure, and of its other reading if it has one."""
    bounds = [(quantity.low, quantity.high)]
    factor = quantity.other_reading
    return bounds if factor is None else bounds + [(quantity.low * factor, quantity.high * factor)]
