"""Dates of a sentence: weekdays, and days of a month."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from generator.analyze.days import FROM_TODAY, WEEKDAYS
from generator.analyze.entities import THAT, Token, is_reporting_verb, lexicon
from generator.analyze.normalize import normalize_for_matching
from generator.compare.numbers import number_words
from generator.compare.words import FUNCTION_WORDS, Words

_WEEKDAYS = {word: f"weekday:{day}" for word, day in WEEKDAYS.items()}
_MONTHS = {
    normalize_for_matching(name): month
    for month, names in enumerate(
        ("يناير|كانون الثاني", "فبراير|شباط", "مارس|آذار", "أبريل|إبريل|نيسان", "مايو|أيار", "يونيو|حزيران",
         "يوليو|تموز", "أغسطس|آب", "سبتمبر|أيلول", "أكتوبر|تشرين الأول", "نوفمبر|تشرين الثاني",
         "ديسمبر|كانون الأول"), start=1)
    for name in names.split("|")
}
_WEEKDAY_WORDS = frozenset(_WEEKDAYS)
MONTH_WORDS = frozenset(name.split()[0] for name in _MONTHS)  # 26 يونيو, 26 كانون الثاني: a date, not 26 of something
_ORDINAL_DAYS = number_words("الأول 1 الثاني 2 الثالث 3 الرابع 4 الخامس 5 السادس 6 السابع 7 الثامن 8 التاسع 9 العاشر 10")
_OF = lexicon("من")
_NUMBERED_DAY = lexicon("اليوم يوم")  # اليوم الرابع: a day of a games, not today


def _month_at(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """The month named at tokens[i] (أغسطس، كانون الثاني) and its last token."""
    if i >= len(tokens) or tokens[i].kind != "word":
        return None
    two = f"{tokens[i].norm} {tokens[i + 1].norm}" if i + 1 < len(tokens) else ""
    if two in _MONTHS:
        return _MONTHS[two], i + 1
    return (_MONTHS[tokens[i].norm], i) if tokens[i].norm in _MONTHS else None


def month_after_day(tokens: Sequence[Token], day: int) -> tuple[int, int] | None:
    """The month after a day's number (8 أغسطس، الثامن من أغسطس) and its last token."""
    return _month_at(tokens, day + 2 if day + 1 < len(tokens) and tokens[day + 1].norm in _OF else day + 1)


def dates_of(words: Words) -> dict[str, int]:
    """Date keys of a sentence (weekday:5, day:8-12, round:4 for the fourth day of a games, اليوم الرابع) → the
    token where each is written."""
    tokens = words.tokens
    weekdays = words.each_has(_WEEKDAY_WORDS)
    found: dict[str, int] = {}
    for i, token in enumerate(tokens):
        if not (weekdays[i] or token.norm.isdigit() or token.norm in _ORDINAL_DAYS):
            continue  # most words
        if (weekday := words.stem_in(i, _WEEKDAYS)) is not None:
            found.setdefault(_WEEKDAYS[weekday], i)
        day = float(token.norm) if token.norm.isdigit() else _ORDINAL_DAYS.get(token.norm)
        if day is not None and token.norm in _ORDINAL_DAYS and i > 0 and words.has(i - 1, _NUMBERED_DAY):
            found.setdefault(f"round:{int(day)}", i)
        if day is not None and 1 <= day <= 31:
            if (month := month_after_day(tokens, i)) is not None:
                found.setdefault(f"day:{int(day)}-{month[0]}", i)
    return found


_DAY = lexicon("يوم")
_DAY_BEFORE = lexicon("أول")  # أول من أمس


def written_on(words: Words, at: int) -> int | None:
    """The weekday an article was written, from a weekday told from it (اليوم الأربعاء، مساء أمس
    الجمعة، أول من أمس الجمعة، غدا الخميس) at tokens[at]; None if the weekday stands alone."""
    weekday = words.stem_in(at, _WEEKDAYS)
    i = at - 1
    if i >= 0 and words.has(i, _DAY):
        i -= 1
    if weekday is None or i < 0 or (anchor := words.stem_in(i, FROM_TODAY)) is None:
        return None
    offset = FROM_TODAY[anchor]
    if offset == -1 and i >= 2 and words.has(i - 1, _OF) and words.has(i - 2, _DAY_BEFORE):
        offset = -2
    return (WEEKDAYS[weekday] - offset) % 7


_DAY_KINDS = ("weekday:", "round:")


def days_of(dates: Mapping[str, int]) -> frozenset[str]:
    """The keys of a sentence's dates (dates_of) that name the day it tells of: a weekday, or a day of a games."""
    return frozenset(key for key in dates if key.startswith(_DAY_KINDS))


def days_apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sets of days (days_of) are of other days: both name weekdays, or days of a games, and none in
    common (a weekday and the fourth day of a games may be one day)."""
    return any(mine.isdisjoint(theirs) for kind in _DAY_KINDS
               if (mine := {d for d in a if d.startswith(kind)}) and (theirs := {d for d in b if d.startswith(kind)}))


def dated_from_today_before(words: Words, at: int) -> bool:
    """Whether the sentence dates what it tells from its day of writing (تنطلق مساء يوم غدا فعاليات …) before
    the weekday at tokens[at], which then dates something else it tells (… ويستقبل سموه الضيوف يوم الخميس)."""
    tokens = words.tokens
    return any(words.stem_in(i, FROM_TODAY) is not None and not (i + 1 < len(tokens) and words.stem_in(i + 1, _WEEKDAYS))
               for i in range(at) if tokens[i].kind == "word")


_TELLING_REACH = 16  # tokens between a verb of saying and the weekday of its telling


def teller(words: Words, at: int) -> frozenset[str] | None:
    """The words naming who told it, when the weekday at tokens[at] dates a telling, not what was told: a verb
    of saying before it and «أن» / «إن» right after it (قال كارلو تافيكيو رئيس الاتحاد الإيطالي الخميس إن …;
    أكدت مصادر صحفية في محافظة لحج، جنوبي اليمن، اليوم الجمعة أن …). None when it dates anything else."""
    tokens = words.tokens
    after = next((i for i in range(at + 1, len(tokens)) if tokens[i].kind == "word"), None)
    if after is None or not words.has(after, THAT):
        return None
    verb = next((i for i in range(at - 1, max(-1, at - _TELLING_REACH), -1)
                 if tokens[i].kind == "word" and is_reporting_verb(tokens[i])), None)
    if verb is None:
        return None
    return frozenset(tokens[i].norm for i in range(verb + 1, at) if tokens[i].kind == "word"
                     and words.stem_in(i, FROM_TODAY) is None and not words.has(i, _DAY | FUNCTION_WORDS))
