"""Claims on the outcome of talks: succeeded, or produced nothing final."""
from __future__ import annotations

from collections.abc import Sequence

from generator.analyze.entities import lexicon
from generator.compare.alignment import EventSentence
from generator.compare.claims import Claim, claim_of, claim_row
from generator.compare.model import ClaimRow
from generator.compare.negation import negator_before
from generator.compare.words import Words, word_positions

_SUCCESS = lexicon(
    "نجاح نجح نجحت نجحوا ناجح ناجحة ناجحا حقق حققت حققنا حققوا حققا تحقق أثمر أثمرت مثمر مثمرة مثمرا"
    " اختراق اختراقا"
)
_REACHING = lexicon("توصل توصلت توصلوا توصلا التوصل أسفر أسفرت يسفر تسفر وصل وصلت وصلوا يصل تصل يصلوا الوصول")
_RESULTS = lexicon("اتفاق اتفاقات اتفاقية اتفاقيات تفاهم تفاهمات نتائج نتيجة صيغة حل تسوية")
_FAILURE = lexicon("فشل فشلت فشلوا الفشل فشلها تعثر تعثرت انهيار انهارت مسدود")
_PRELIMINARY = lexicon("أولية استكشافية تمهيدية")  # مشاورات أولية: talks that decided nothing
_TALKS = lexicon("محادثات مباحثات مشاورات مفاوضات لقاءات اجتماعات اتصالات")
# A goal, a hope or a possibility is not an outcome: بهدف التوصل، لضمان نجاح، تأمل أن ينجح.
_INTENT = lexicon(
    "بهدف هدف هدفه تهدف يهدف الرامية الرامي ضمان لضمان أجل سعيا لتحقيق تحقيق أمل تأمل يأمل نأمل آمل"
    " يجب ينبغي يمكن قد سبل تجنب تفادي"  # لتجنب الإفلاس وانهيار: what the loans are for, no outcome
)

# Nor is what came before the talks: منذ التوصل لاتفاق نووي الشهر الماضي.
_NO_OUTCOME_AFTER = _INTENT | lexicon("منذ")
_ANY = lexicon("أي")
# «محادثات مثمرة», «اللقاء كان مثمرا», «وصف زيارته بأنها ناجحة»: an adjective of success says how talks went only
# of a meeting or as what one was, and «نجاح» only of the meeting it names, if it names something: «بموسم رياضي
# ناجح» (a successful season), «عدم نجاح الشركة الراعية», «نجاح هذا المقترح» are no outcome of the talks.
_SUCCESS_ADJECTIVES = lexicon("ناجح ناجحة ناجحا مثمر مثمرة مثمرا")
_SUCCESS_NOUN = lexicon("نجاح")
_MEETINGS = frozenset(article + word for article in ("", "ال") for word in _TALKS | lexicon("اجتماع لقاء زيارة قمة جولة")) \
    | lexicon("اجتماعا لقاءا زيارته")
_OF_A_MEETING = _MEETINGS | lexicon("كان كانت بأنه بأنها")
_ADJECTIVE_REACH = 3  # words back to its noun or its كان
_THIS = lexicon("هذا هذه تلك ذلك")
_OUTCOMES = _SUCCESS | _REACHING | _FAILURE | _PRELIMINARY  # the words _outcome_claims looks for


def _outcome(words: Words, i: int) -> tuple[int, int, int] | None:
    """(+1 if tokens[i] says the talks succeeded, -1 if they did not; the first and last tokens that
    say it), or None if it says neither."""
    result = next((k for k in word_positions(words, i, 1, 4) if words.has(k, _RESULTS)), None)
    talks = next((k for k in word_positions(words, i, -1, 1) if words.has(k, _TALKS)), None)
    first = last = i
    if words.has(i, _SUCCESS):
        polarity = 1
    elif words.has(i, _REACHING) and result is not None:
        polarity, last = 1, result
    elif words.has(i, _FAILURE):
        polarity = -1
    elif words.has(i, _PRELIMINARY) and talks is not None:
        polarity, first = -1, talks
    else:
        return None
    if any(words.has(k, _NO_OUTCOME_AFTER) for k in word_positions(words, i, -1, 3)):
        return None
    if words.has(i, _SUCCESS_ADJECTIVES) and not any(
            words.has(k, _OF_A_MEETING) for k in word_positions(words, i, -1, _ADJECTIVE_REACH)):
        return None
    if words.has(i, _SUCCESS_NOUN) and not _of_a_meeting(words, i):
        return None
    negation = negator_before(words, i)
    if negation is None and any(words.has(k, _ANY) for k in word_positions(words, i, -1, 1)):
        return None  # «لم يحقق، رغم أهميته، أي اختراق»: "any" breakthrough is one denied, or asked about, beyond the clause
    return (polarity, first, last) if negation is None else (-polarity, min(first, negation), last)


def _of_a_meeting(words: Words, i: int) -> bool:
    """Whether the success at tokens[i] is of a meeting: what it names after it (past a هذا), if it names
    something (a word with the article), is a meeting («نجاح هذه المحادثات»)."""
    named = next((k for k in word_positions(words, i, 1, 2) if not words.has(k, _THIS)), None)
    return named is None or not words.tokens[named].norm.startswith("ال") or words.has(named, _MEETINGS)


def _outcome_claims(k: int, sentence: EventSentence) -> list[tuple[int, Claim]]:
    """(polarity, claim) for each clause of a sentence about talks that says how they ended."""
    if "%meeting" not in sentence.keys or not sentence.words.mentions(_OUTCOMES):
        return []
    claims: list[tuple[int, Claim]] = []
    for i in range(len(sentence.words.tokens)):
        outcome = _outcome(sentence.words, i)
        if outcome is not None:
            polarity, first, last = outcome
            claim = claim_of(k, sentence.words, "outcome", "outcome", first, last, at=i)
            if all(other.phrase != claim.phrase for _, other in claims):
                claims.append((polarity, claim))
    return claims


def outcome_row(ids: Sequence[str], sentences: Sequence[EventSentence]) -> ClaimRow | None:
    """One row: what each article says about how the talks ended (its majority, if it wavers)."""
    by_article: dict[int, list[tuple[int, Claim]]] = {}
    for k, sentence in enumerate(sentences):
        by_article.setdefault(sentence.article, []).extend(_outcome_claims(k, sentence))
    sides: dict[int, tuple[int, list[Claim]]] = {}
    for position, claims in by_article.items():
        if claims:
            total = sum(polarity for polarity, _ in claims)
            side = (1 if total > 0 else -1) if total else claims[0][0]
            sides[position] = (side, [claim for polarity, claim in claims if polarity == side])
    if not sides:
        return None
    reference_side, reference = sides.pop(min(sides))
    others = {
        position: ("reports" if side == reference_side else "contradicts", claims)
        for position, (side, claims) in sides.items()
    }
    return claim_row(ids, sentences, reference, others)
