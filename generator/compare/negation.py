"""Negation: which words of a sentence it asserts and which it denies."""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex

from generator.analyze.entities import Token, is_one_of, lexicon, noun_phrase, stems, without_article
from generator.analyze.normalize import normalize_for_matching
from generator.compare.words import FUNCTION_WORDS, Words, breaks, word_positions

NEGATORS = lexicon("لم لن لا ليس ليست لسنا دون بدون غير عدم بلا")
_DENYING_VERBS = lexicon("نفى نفت ينفي تنفي")  # which a subject may follow; نافيا وجود… takes the denied at once
_DENIALS = _DENYING_VERBS | lexicon("نافيا نافية")
# After these a negator negates no claim: لكي لا يعطي مبررًا ("so as not to give"), يحول دون حصول
# إيران ("prevents Iran from obtaining").
_NOT_NEGATING_AFTER = lexicon("كي لكي حتى حال يحول تحول يحولان الحيلولة")
_WARNING = lexicon("حذر حذرت حذروا يحذر تحذر محذرا محذرة محذرين تحذير التحذير")
_FROM = lexicon("من")


_NEGATING_NOUNS = lexicon("عدم دون غير")  # which take a preposition: لعدم جاهزية الملاعب، بدون قيود
# ألا is أن لا ("that … not") in one word; written without its hamza, only before a verb (الا يواجه),
# since الا is mostly إلا.
_THAT_NOT = frozenset(particle + "ألا" for particle in ("", "و", "ف", "ب", "ل"))
_THAT_NOT_BARE = frozenset(particle + not_ for particle in ("", "و", "ف", "ب", "ل") for not_ in ("الا", "مالا"))
_IMPERFECT = ("ي", "ت", "ن")
_WRITTEN_ON = frozenset(map(normalize_for_matching, _THAT_NOT | _THAT_NOT_BARE))  # negators written onto a word
_MARKS = regex.compile(r"\p{M}")
# لا يزال، لم يزل: "still", which negates nothing (ما يزال says the same).
_STILL = lexicon("يزال تزال يزالون يزالان تزالان نزال أزال يزل تزل يزلن ينفك تنفك يبرح تبرح")
# لم يكن … غير وقفة، لا يوجد إلا: "nothing but", which affirms what follows.
_EXCEPT = lexicon("إلا غير سوى")
_VERBAL_NEGATORS = lexicon("لم لن لا ليس ليست ما")
_EXCEPT_REACH = 12  # words, within the clause: ولا يمكن ترشيح أو مشاركة أي فيلم سينمائي سعودي إلا عن طريقها


def _is_negator(norm: str) -> bool:
    bare = norm[1:] if norm[:1] in "وف" and norm[1:] in NEGATORS | _NEGATING_NOUNS else norm
    return bare in NEGATORS or bare[:1] in "بل" and bare[1:] in _NEGATING_NOUNS


# دون ذلك، بدون هذا ("without that"): what the negator takes is the demonstrative, no claim after it.
_DEMONSTRATIVES = lexicon("ذلك هذا هذه تلك ذاك")
# لا ريونيون، لا ليغا: the French or Spanish article of a name, not "no".
_LA_NAMES = lexicon("ريونيون ليغا سبيزيا روشيل كورونيا مانشا باز")


def _negator_at(words: Words, i: int) -> bool:
    """Whether tokens[i] negates what follows: a negator as written (لم، ولم، فلا), not a word that only
    ends like one (كلا: "both"), or ألا ("that not"); not in a purpose clause (كي لا); not غير before a
    word with the article, an adjective it makes (مكاتب غير المرخصة: "unlicensed offices", which says
    nothing is not); not دون after a verb of preventing (يحول دون); not "still" (لا يزال) or "nothing
    but" (لم يكن … غير وقفة); not before a demonstrative (دون ذلك) or as the article of a name (لا ريونيون)."""
    tokens = words.tokens
    following = list(word_positions(words, i, 1, _EXCEPT_REACH))
    if tokens[i].kind != "word" or not (_is_negator(tokens[i].norm) or _that_not(tokens[i], following and tokens[following[0]])):
        return False
    previous = next(word_positions(words, i, -1, 1), None)
    if previous is not None and is_one_of(tokens[previous], _NOT_NEGATING_AFTER):
        return False
    if is_one_of(tokens[i], _EXCEPT) and _after_verbal_negator(words, i):
        return False  # the غير of لم يكن … غير وقفة
    if following and (is_one_of(tokens[following[0]], _STILL) or is_one_of(tokens[following[0]], _DEMONSTRATIVES)):
        return False
    if following and tokens[i].norm == "لا" and is_one_of(tokens[following[0]], _LA_NAMES):
        return False
    if is_one_of(tokens[i], _VERBAL_NEGATORS) and any(is_one_of(tokens[j], _EXCEPT) and not _that_not(tokens[j], None)
                                                      for j in following[1:]):
        return False
    return not (tokens[i].norm.endswith("غير") and following and tokens[following[0]].norm.startswith("ال"))


_WARNING_REACH = 12  # words: وحذر الناطق الرسمي للهيئة جميع الجهات الهندسية … من عدم الاعتماد


def _warned_against(words: Words, clause: Sequence[int]) -> bool:
    """Whether the clause so far ends with the من of a warning, maybe and a negator (حذر … من، حذر … من عدم)."""
    tokens = words.tokens
    at_from = next((i for i in reversed(clause[-2:]) if is_one_of(tokens[i], _FROM)), None)
    if at_from is None or at_from != clause[-1] and not _negator_at(words, clause[-1]):
        return False
    return any(words.has(j, _WARNING) for j in word_positions(words, at_from, -1, _WARNING_REACH))


# قد opens a predication no negator reaches (لم يتم إطعامه أو قد يصاب بإعاقة غير قابلة للعلاج: "or may suffer an
# incurable disability", not "nothing but").
_MAY = lexicon("قد")


def _after_verbal_negator(words: Words, i: int) -> bool:
    """Whether a verbal negator (لم، لا، ليس، ما…) comes before tokens[i] in its reach, with no قد between."""
    for j in word_positions(words, i, -1, _EXCEPT_REACH):
        if is_one_of(words.tokens[j], _MAY):
            return False
        if is_one_of(words.tokens[j], _VERBAL_NEGATORS):
            return True
    return False


def _that_not(token: Token, following: Token | None) -> bool:
    """ألا (أن لا), الا and مالا (ما لا) before a verb: مالا يقل عن 30."""
    written = _MARKS.sub("", token.text)  # ألّا
    return written in _THAT_NOT or written in _THAT_NOT_BARE and following is not None \
        and following.norm.startswith(_IMPERFECT)


def negator_before(words: Words, at: int, reach: int = 3) -> int | None:
    """The token of a negator (لم، لن، لا، دون، عدم…) shortly before tokens[at], or of a denial verb in its clause."""
    before = word_positions(words, at, -1, reach + 2)
    return next((i for distance, i in enumerate(before, start=1)
                 if words.has(i, _DENIALS) or distance <= reach and _negator_at(words, i)), None)


def written_onto_a_word(negated: Words, at: int, asserted: Words, asserted_at: int) -> bool:
    """Whether what negates tokens[at] is a negator written onto a word (مالا: «ما لا», or «مالاً», money) that
    the other sentence writes as the word, without its last alif, before the same statement: «ومالا ينهب» in
    one copy of a sermon, «ومال ينهب» in the other, is a spelling, not a denial."""
    negator = negator_before(negated, at)
    if negator is None or _MARKS.sub("", negated.tokens[negator].text) not in _THAT_NOT_BARE:
        return False
    previous = next(word_positions(asserted, asserted_at, -1, 1), None)
    return previous is not None and asserted.tokens[previous].norm == negated.tokens[negator].norm.removesuffix("ا")


_CONTENT_MIN = 3
DENIAL_REACH = 6  # words before a content word where a denial verb (نفى أن يكون…) negates it
# Words a negation reaches through to the word it negates (دون وجود أي إصابات: إصابات is negated,
# as in دون إصابات), and which are no statement of their own.
_TRANSPARENT = FUNCTION_WORDS | lexicon("يوجد توجد وجود هناك هنالك يتم تتم")
_NOT_POLAR = NEGATORS | _DENIALS | _TRANSPARENT


def polarities_of(words: Words) -> dict[str, tuple[int, int]]:
    """Content word (normalized, particles and article off) → (+1 asserted or -1 negated, its token).
    A negator negates the first content word after it only (لم يكمل المباراة: يكمل, not المباراة)."""
    tokens = words.tokens
    not_polar = words.each_has(_NOT_POLAR)
    negating = words.mentions(NEGATORS) or words.mentions(_DENIALS) or words.mentions(_WRITTEN_ON)  # most are not
    warning = words.mentions(_WARNING)
    found: dict[str, tuple[int, int]] = {}
    # No side: said and denied in one sentence (لا نستطيع حسمها… لعلنا نستطيع); right after a ما that may be
    # "what" or "not" (ما أعلنه الوزير; وما ألومهم, "and I don't blame them"); what a warning is against,
    # since حذر من عدم الاعتماد is written for حذر من الاعتماد as often as for its opposite.
    both: set[str] = set()
    clause: list[int] = []  # word tokens of the clause so far
    for i, token in enumerate(tokens):
        if token.kind != "word":
            if breaks(tokens, i):
                clause = []
            continue
        if not not_polar[i] and not _made_by_ghayr(words, clause, i):
            key = content_key(token.norm)
            if len(key) >= _CONTENT_MIN:
                polarity = -1 if negating and _negated_statement(words, clause, i, not_polar) else 1
                if (clause and is_one_of(tokens[clause[-1]], _WHAT_OR_NOT)) or (warning and _warned_against(words, clause)):
                    both.add(key)
                elif key not in found:
                    found[key] = (polarity, i)
                elif found[key][0] != polarity:
                    both.add(key)
        clause.append(i)
    return {key: value for key, value in found.items() if key not in both}


_GHAYR = lexicon("غير")
_WHAT_OR_NOT = lexicon("ما")


def _made_by_ghayr(words: Words, clause: Sequence[int], at: int) -> bool:
    """Whether tokens[at] is the adjective of a غير that is no negator (الهبوط غير المتوقع: "the unexpected
    fall"): it says neither that something is expected nor that it is not, as «هبوط غير متوقع» does not."""
    return bool(clause) and words.has(clause[-1], _GHAYR) and words.tokens[at].norm.startswith("ال")


def _negated_statement(words: Words, clause: Sequence[int], at: int, not_polar: Sequence[bool]) -> bool:
    """Whether tokens[at], the content word after the clause's words so far, is negated: a negator
    before it with nothing but transparent words between, or a denial verb shortly before, unless
    tokens[at] is the denial's subject (نفى الرئيس التركي … الاتهامات: the president denies, the
    accusations are denied)."""
    content_between = False
    for i in reversed(clause[-DENIAL_REACH:]):
        if words.has(i, _DENIALS):
            return not (words.has(i, _DENYING_VERBS) and at < noun_phrase(words.tokens, i + 1))
        if not content_between and _negator_at(words, i):
            return True
        content_between = content_between or not not_polar[i]
    return False


@lru_cache(maxsize=1 << 17)
def content_key(norm: str) -> str:
    """The shortest of a word's stems without article: the key of its statement."""
    return min((without_article(stem) for stem in stems(norm)), key=len)


_CLAUSE_REACH = 6  # content words on each side of the flipped word that make its clause


def any_negation(words: Words) -> bool:
    """Whether the sentence of the side that asserts the statement negates something else: then both
    negate, in other words or on another word (ليست كافية / لا تعد فترة كافية; بعدم التفريط في أراضي
    السواحل … / لمنع التفريط فيها … لا يجوز التأجير), and neither asserts what the other denies."""
    return any(token.kind == "word" and (_negator_at(words, i) or words.has(i, _DENIALS))
               for i, token in enumerate(words.tokens))


def _around(words: Words, at: int) -> list[int]:
    """The word tokens of the clause before and after tokens[at], enough for _CLAUSE_REACH content words each way."""
    return [*word_positions(words, at, -1, 2 * _CLAUSE_REACH), *word_positions(words, at, 1, 2 * _CLAUSE_REACH)]


def clause_words(words: Words, at: int) -> frozenset[str]:
    not_polar = words.each_has(_NOT_POLAR)
    content = [i for i in _around(words, at) if not not_polar[i]]
    before = [i for i in content if i < at][:_CLAUSE_REACH]
    after = [i for i in content if i > at][:_CLAUSE_REACH]
    return frozenset(content_key(words.tokens[i].norm) for i in (at, *before, *after))
