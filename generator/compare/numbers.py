"""Figures of a sentence: numbers in digits or words, their bounds and the noun they count."""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex

from generator.analyze.entities import QUOTE_MARKS, Token, lexicon, stems, without_article, written_stem
from generator.analyze.normalize import normalize_for_matching
from generator.compare.model import ClaimTopic
from generator.compare.negation import NEGATORS
from generator.compare.words import COMMAS, FUNCTION_WORDS, SEPARATORS, Words, digits_of, glued_digits, word_positions


@dataclass(frozen=True)
class Quantity:
    value: float
    low: float
    high: float
    unit: str  # "hour", "day"… for time, else the counted noun
    topic: ClaimTopic  # duration or count
    first: int  # the tokens of the number and its noun
    last: int
    place: float  # what its last written digit counts: a million in 565 مليون, 100,000 in 565.9 مليون
    # The figure times this may be what the outlet meant, and agrees with either: 1.949 مليون is as
    # often 1,949 million (× 1000), 665,932,983 مليون is 665,932,983 with a stray multiplier
    # (_other_reading).
    other_reading: float | None = None


def number_words(pairs: str) -> dict[str, float]:
    words = pairs.split()
    return {normalize_for_matching(word): float(value) for word, value in zip(words[::2], words[1::2])}


_CARDINALS = number_words(
    "واحد 1 واحدة 1 اثنان 2 اثنين 2 اثنتان 2 اثنتين 2 ثلاث 3 ثلاثة 3 أربع 4 أربعة 4 خمس 5 خمسة 5"
    " ست 6 ستة 6 سبع 7 سبعة 7 ثمان 8 ثماني 8 ثمانية 8 تسع 9 تسعة 9 عشرة 10"
    " عشرون 20 عشرين 20 ثلاثون 30 ثلاثين 30 أربعون 40 أربعين 40 خمسون 50 خمسين 50 ستون 60 ستين 60"
    " سبعون 70 سبعين 70 ثمانون 80 ثمانين 80 تسعون 90 تسعين 90 مئة 100 مائة 100 مئات 100 ألف 1000"
    " أحد 1 إحدى 1 اثنا 2 اثني 2 اثنتا 2 اثنتي 2"
    " ثلاثا 3 أربعا 4 خمسا 5 ستا 6 سبعا 7 ثمانيا 8 تسعا 9"  # حقق ثلاثاً وعشرين ميدالية
)
# Numbers only before عشر: أحد عشر (11), but أحد الأشخاص is "one of the people".
_TEEN_ONLY = frozenset(normalize_for_matching(word) for word in "أحد إحدى اثنا اثني اثنتا اثنتي".split())
_HUNDREDS = number_words(
    "مئة 100 مائة 100 مئتان 200 مئتين 200 مئتا 200 مئتي 200 مائتان 200 مائتين 200 مائتا 200 مائتي 200"
    " ثلاثمئة 300 ثلاثمائة 300 أربعمئة 400 أربعمائة 400 خمسمئة 500 خمسمائة 500 ستمئة 600 ستمائة 600"
    " سبعمئة 700 سبعمائة 700 ثمانمئة 800 ثمانمائة 800 ثمانيمائة 800 تسعمئة 900 تسعمائة 900"
)
_MULTIPLIERS = number_words("ألف 1000 آلاف 1000 ألفا 1000 مليون 1000000 ملايين 1000000 مليونا 1000000"
                             " مليار 1000000000 مليارات 1000000000 مليارا 1000000000 تريليون 1000000000000")
# Numbers of thousands in one word: ألفين (2,000), مليون شخص, ملياري دولار.
_THOUSANDS = number_words("ألفان 2000 ألفين 2000 ألفي 2000 مليون 1000000 مليونان 2000000 مليونين 2000000"
                           " مليوني 2000000 مليار 1000000000 ملياران 2000000000 مليارين 2000000000 ملياري 2000000000")
_NUMBER_WORDS = {**_CARDINALS, **_HUNDREDS, **_THOUSANDS}
_HUNDRED = lexicon("مئة مائة")  # after a unit: ثلاث مئة
_FRACTIONS = number_words("ونصف 0.5 وربع 0.25")
_TIME_UNITS = {
    normalize_for_matching(word): unit
    for unit, words in {
        "minute": "دقيقة دقائق", "hour": "ساعة ساعات", "day": "يوم أيام", "week": "أسبوع أسابيع",
        "month": "شهر أشهر شهور", "year": "عام أعوام سنة سنوات سنين",
    }.items()
    for word in words.split()
}
_DUAL_UNITS = {
    normalize_for_matching(word): unit
    for word, unit in (("ساعتين", "hour"), ("ساعتان", "hour"), ("يومين", "day"), ("يومان", "day"),
                       ("أسبوعين", "week"), ("شهرين", "month"), ("عامين", "year"), ("سنتين", "year"))
}
# Broken plurals of nouns that news counts: 5 قتلى and 11 قتيلًا count the same thing.
_COUNTED = {
    normalize_for_matching(word): singular
    for singular, words in {
        "قتيل": "قتيل قتلى شهيد شهداء", "جريح": "جريح جرحى", "حالة": "حالة حالات", "شخص": "شخص أشخاص", "جندي": "جندي جنود",
        "طفل": "طفل أطفال", "مدني": "مدني مدنيين مدنيون", "صاروخ": "صاروخ صواريخ", "غارة": "غارة غارات",
        "منزل": "منزل منازل", "معتقل": "معتقل معتقلين", "لاجئ": "لاجئ لاجئين", "دولار": "دولار دولارات",
        "نقطة": "نقطة نقاط", "أسرة": "أسرة أسر", "رحلة": "رحلة رحلات", "سنت": "سنت سنتات", "ريال": "ريال ريالات",
        "جنيه": "جنيه جنيهات استرليني إسترليني",  # 12.06 مليون جنيه إسترليني = 06ر12 مليون استرليني
    }.items()
    for word in words.split()
}
_AT_LEAST = lexicon("أكثر أزيد يزيد يفوق تجاوز يتجاوز")
_AT_MOST = lexicon("أقل")
_LEAST = lexicon("الأقل")  # 27 شخصا على الأقل
_ABOUT = lexicon("نحو حوالي قرابة زهاء يقارب تقريبا قرب")
_QUALIFIERS = _AT_LEAST | _AT_MOST | _ABOUT | lexicon("من عن على ما")
_TIME_REFERENCE = lexicon("منذ قبل بعد خلال عقب حتى")
_APPROXIMATION = 0.25  # نحو 4 ساعات: 3 to 5 hours
# A number word as written, particles attached (not ك: كمية is no ك + مئة) → the word.
# A word of its own before the same word with a particle: واحد is 1, not و + أحد.
_CARDINAL_FORMS = {particle + word: word for particle in ("و", "ب", "ل", "وب", "ول") for word in _NUMBER_WORDS} \
    | {article + word: word for article in ("ال", "وال", "بال") for word, value in _CARDINALS.items() if value < 100} \
    | {word: word for word in _NUMBER_WORDS}  # the article on units and tens (الاثنتي عشرة), not on في المائة
_DUAL_WORDS = frozenset(_DUAL_UNITS)
_TEEN = lexicon("عشر عشرة")
_ORDINAL_UNITS = lexicon("الحادي الحادية الثاني الثانية الثالث الثالثة الرابع الرابعة الخامس الخامسة السادس السادسة"
                         " السابع السابعة الثامن الثامنة التاسع التاسعة")
# من 32 إلى 42، و40 آخرون; 0.1 بالمئة is a share, as 0.1 في المائة and 0.1% are
_NOT_UNITS = FUNCTION_WORDS | NEGATORS | lexicon("إلى آخرين آخرون أخرى بالمئة بالمائة")


def number_text(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _cardinal(tokens: Sequence[Token], i: int) -> tuple[float, int, float] | None:
    """The number starting at tokens[i] (6.2، 3 آلاف، خمسة وعشرون), its last token, and the place of its
    last digit (0.1 for 6.2, 1000 for 3 آلاف; 0 for a number in words, which is exact)."""
    token = tokens[i]
    if token.kind != "word":
        return None
    if (digits := digits_of(token.norm)) is None:
        in_words = _number_in_words(tokens, i)
        return None if in_words is None else (*in_words, 0.0)
    last = i
    while last + 2 < len(tokens) and glued_digits(tokens[last], tokens[last + 1], tokens[last + 2]):
        following = tokens[last + 2].norm
        # Outlets write either mark for either separator: 2,000 and 33.288 are thousands; 6.2, 44,53
        # and 13.226 مليار are decimals
        after = last + 4 if last + 4 < len(tokens) and tokens[last + 3].text == ")" else last + 3  # (60.417) ألف
        multiplied = after < len(tokens) and tokens[after].norm in _MULTIPLIERS
        thousands = len(following) == 3 and digits.lstrip("0") != "" and tokens[last + 1].text != "٫" \
            and (tokens[last + 1].text in COMMAS or not multiplied)
        digits += ("" if thousands else ".") + following
        last += 2
    value = float(digits) if digits.count(".") <= 1 else float(digits.split(".")[0])
    place = 10.0 ** -len(digits.partition(".")[2]) if digits.count(".") == 1 else 1.0
    if last + 2 < len(tokens) and tokens[last + 1].text in _CLOSING and tokens[last + 2].norm in _MULTIPLIERS:
        last += 1  # (100) ألف ريال، "1.7" مليون
    if last + 1 < len(tokens) and tokens[last + 1].norm in _MULTIPLIERS:  # 3 آلاف، 1,949 مليون
        last += 1
        multiplier = _MULTIPLIERS[tokens[last].norm]
        value, place = value * multiplier, place * multiplier
        while (smaller := _smaller_group(tokens, last, multiplier)) is not None:
            group, last, multiplier = smaller
            value, place = value + group, multiplier
    return value, last, place


_CLOSING = frozenset(")") | frozenset(QUOTE_MARKS)


def _smaller_group(tokens: Sequence[Token], last: int, multiplier: float) -> tuple[float, int, float] | None:
    """The next group of a figure written in groups after tokens[last], its multiplier: 116 مليونا و800 ألف،
    116 مليون و54 ألف و703 (116,054,703); None if the figure ends there."""
    following = tokens[last + 1].norm if last + 1 < len(tokens) else ""
    if following[:1] != "و" or not following[1:].isdigit():
        return None
    group = float(following[1:])
    smaller = _MULTIPLIERS.get(tokens[last + 2].norm) if last + 2 < len(tokens) else None
    if smaller is not None and smaller < multiplier:
        return group * smaller, last + 2, smaller
    return (group, last + 1, 1.0) if smaller is None and multiplier == 1000 and group < 1000 else None


# Which part of a number in words may follow which after و: Arabic says the hundreds, then the
# units, then the tens (مئة وستة وخمسون); after the tens a و starts another number (بين ثلاثين وأربعين).
_JOINS = {"thousands": {"hundreds", "units", "tens"}, "hundreds": {"units", "tens"}, "units": {"tens"}}


def _part(value: float) -> str:
    return "thousands" if value >= 1000 else "hundreds" if value >= 100 else "tens" if value >= 20 else "units"


def _number_in_words(tokens: Sequence[Token], i: int) -> tuple[float, int] | None:
    """The number written in words from tokens[i] and its last token: ثلاثة عشر، ستة وخمسون، مائتي ألف،
    مئة وستة وخمسين ألفا (156,000)، ثلاثة آلاف وخمسمائة."""
    word = _CARDINAL_FORMS.get(tokens[i].norm)
    if word is None or word in _TEEN_ONLY and not (i + 1 < len(tokens) and tokens[i + 1].norm in _TEEN) \
            or word in _TEEN and i > 0 and not _ORDINAL_UNITS.isdisjoint(stems(tokens[i - 1].norm)):
        return None  # المرتبة الخامسة عشرة والرابعة عشرة: the 15th and the 14th
    total, group, part, last = 0.0, _NUMBER_WORDS[word], _part(_NUMBER_WORDS[word]), i
    if part == "thousands":
        total, group = group, 0.0
    while last + 1 < len(tokens) and tokens[last + 1].kind == "word":
        following = tokens[last + 1].norm
        joined = _NUMBER_WORDS.get(following[1:]) if following[:1] == "و" else None
        if part == "units" and group < 10 and following in _TEEN:
            group, part = group + 10, "teens"
        elif part == "units" and following in _HUNDRED:
            group, part = group * 100, "hundreds"
        elif following in _MULTIPLIERS and group:
            total, group, part = total + group * _MULTIPLIERS[following], 0.0, "thousands"
        elif joined is not None and _part(joined) in _JOINS.get(part, ()):
            group, part = group + joined, _part(joined)
        else:
            break
        last += 1
    return total + group, last


def quantities_of(words: Words) -> list[Quantity]:
    """Every number of the sentence with the noun it counts, if one follows it."""
    tokens = words.tokens
    found = []
    end = 0  # the tokens before it are part of a number found
    for i in _number_starts(words):
        if i < end:
            continue
        if (dual := words.stem_in(i, _DUAL_UNITS)) is not None:
            found.append(_quantity(words, 2.0, _DUAL_UNITS[dual], i, i))
            end = i + 1
            continue
        number = _cardinal(tokens, i)
        if number is None:
            continue
        value, last, place = number
        upper = _range_end(tokens, i, last, value)  # بين 30 و40، من 32 إلى 42
        if upper is not None:
            high, last = upper
        noun = next(word_positions(words, last, 1, 1), None)
        # a figure counts no figure: «حصة السهم الواحد 2.5 ريال» is one share and 2.5 riyals, not one "2"
        counts = noun == last + 1 and not words.has(noun, _NOT_UNITS) and digits_of(tokens[noun].norm) is None
        unit = _unit(tokens[noun]) if counts else ""
        end_at = noun if unit else last
        unit = _toll(words, i, end_at, unit) or unit
        if end_at + 1 < len(tokens) and (fraction := _FRACTIONS.get(tokens[end_at + 1].norm)) is not None:
            value, end_at = value + fraction, end_at + 1  # ثلاث ساعات ونصف، 390 جراما ونصف الجرام
        quantity = _quantity(words, value, unit, i, end_at, place)
        if upper is not None:
            quantity = replace(quantity, high=max(quantity.high, high))
        if (factor := _other_reading(tokens, i, last, value)) is not None:
            quantity = replace(quantity, other_reading=factor)
        found.append(quantity)
        end = quantity.last + 1
    return _against_units(words, found)


# «6.17 مليارات خلال الربع الثاني مقابل 6.46 مليارات ريال»: a figure set against one of a unit is of that unit.
_AGAINST = lexicon("مقابل")
_AGAINST_REACH = 6  # words from the first figure to مقابل


def _against_units(words: Words, found: list[Quantity]) -> list[Quantity]:
    """The figures without a unit that the next figure, of a unit, is set against (X … مقابل Y ريال), with its unit."""
    for n, (quantity, following) in enumerate(zip(found, found[1:])):
        if quantity.unit or not following.unit:
            continue
        between = [i for i in word_positions(words, quantity.last, 1, _AGAINST_REACH) if i < following.first]
        if between and words.has(between[-1], _AGAINST):
            found[n] = replace(quantity, unit=following.unit)
    return found


# A count of people is a toll when the words around it say they died or were hurt: «توفي 7 معتمرين»,
# «لقي ٧ أشخاص مصرعهم», «استشهاد 26 شخصا» and «وفاة 9» are one figure of the dead, «وأصيب 47 آخرون» and
# «وإصابة 50» of the injured. Cases are counted by what they are cases of: «9 حالات وفيات», «6 حالات إصابة».
_DIED_BEFORE = lexicon("توفي توفى وفاة مصرع مقتل قتل استشهد استشهاد")
_DIED_AFTER = lexicon("مصرعهم مصرعهما حتفهم حتفهما قتلوا قتلا قتل توفوا توفيا استشهدوا")
_HURT_BEFORE = lexicon("أصيب أصيبت إصابة اصابة جرح")
_HURT_AFTER = lexicon("بجروح بإصابات أصيبوا جرحوا")
_CASES_OF = {"قتيل": lexicon("وفاة وفيات"), "جريح": lexicon("إصابة إصابات اصابة")}
_PEOPLE = frozenset({"", "قتيل", "جريح", "حالة", "شخص", "جندي", "طفل", "مدني", *map(normalize_for_matching, (
    "معتمر معتمرين معتمرا حاج حجاج مواطن مواطنين مواطنا مقيم مقيمين مقيما عامل عمال عاملا شرطي شرطيا "
    "عسكري عسكريين عسكريا مسافر مسافرين مسافرا راكب ركاب راكبا امرأة نساء رجل رجال طالب طلاب طالبا").split())})


def _toll(words: Words, first: int, last: int, unit: str) -> str | None:
    """"قتيل" or "جريح" for a count of people that the words just before or after it say died or were hurt."""
    if unit not in _PEOPLE:
        return None
    after = list(word_positions(words, last, 1, 3))  # لقي 46 شخصا على الأقل حتفهم
    if unit == "حالة" and after[:1]:
        if (toll := next((toll for toll, nouns in _CASES_OF.items() if words.has(after[0], nouns)), None)) is not None:
            return toll
    if unit in ("قتيل", "جريح") and after[:1] and _unit(words.tokens[after[0]]) in ("قتيل", "جريح"):
        return "قتيل وجريح"  # أوقع 33 قتيلاً وجريحًا: the dead and the injured together
    before = list(word_positions(words, first, -1, 2))
    if any(words.has(k, _DIED_BEFORE) for k in before) or any(words.has(k, _DIED_AFTER) for k in after):
        return "قتيل"
    if any(words.has(k, _HURT_BEFORE) for k in before) or any(words.has(k, _HURT_AFTER) for k in after):
        return "جريح"
    return None


def _other_reading(tokens: Sequence[Token], first: int, last: int, value: float) -> float | None:
    """The factor of the figure's other reading, if its separators allow one: a point or comma before
    three digits is a decimal for some outlets and a thousands separator for others (1.949 مليون,
    1,099 دولار), and a figure already grouped in thousands takes no multiplier (237,273 ألف,
    4.795.563 مليون)."""
    multiplier = _MULTIPLIERS.get(tokens[last].norm, 1.0)
    separators = [k for k in range(first + 1, last) if tokens[k].text in SEPARATORS
                  and glued_digits(tokens[k - 1], tokens[k], tokens[k + 1])]
    if not separators:
        return None
    whole = int("".join([digits_of(tokens[first].norm) or "0", *(tokens[k + 1].norm for k in separators)]))
    grouped = all(len(tokens[k + 1].norm) == 3 for k in separators)  # not 1.7 مليون, a decimal
    if len(separators) == 1 and grouped:
        readings = [whole * multiplier, whole / 1000 * multiplier]
    elif multiplier > 1 and grouped:
        readings = [whole]
    else:
        return None
    other = next((reading for reading in readings if not math.isclose(reading, value)), None)
    return other / value if other is not None and value else None


_FIRST_DIGIT = regex.compile(r"\d")


def figure_start(token: Token) -> int:
    """Where the figure that starts at this token begins as written: after a particle written onto it
    (و40 جريحا، بـ62، وسبعة), which is no part of the figure a reader compares."""
    if digits_of(token.norm) is not None and (digit := _FIRST_DIGIT.search(token.text)) is not None:
        return token.start + digit.start()
    word = _CARDINAL_FORMS.get(token.norm)
    return token.start if word is None else token.end - len(written_stem(token, word))


def _number_starts(words: Words) -> list[int]:
    """The tokens where a number may start: digits, number words, duals (يومين)."""
    duals = words.each_has(_DUAL_WORDS)
    return [i for i, token in enumerate(words.tokens)
            if duals[i] or digits_of(token.norm) is not None or token.norm in _CARDINAL_FORMS]


TO = lexicon("إلى")


def _range_end(tokens: Sequence[Token], first: int, last: int, lower: float) -> tuple[float, int] | None:
    """The upper number of a range whose lower one is tokens[first] to tokens[last] (بين 30 و40، يومي 17
    و18، بين ثلاثين وأربعين، من 32 إلى 42). A و between a number in words and one in digits joins two
    figures: «حالة وفاة واحدة و4 إصابات» is one death and four injuries."""
    following = tokens[last + 1] if last + 1 < len(tokens) else None
    if following is None:
        return None
    alike = (digits_of(tokens[first].norm) is None) == (digits_of(following.norm[1:]) is None)
    if following.norm[:1] == "و" and alike and (upper := _cardinal(tokens, last + 1)) is not None \
            and upper[0] > lower:
        return upper[0], upper[1]
    if following.norm in TO and last + 2 < len(tokens) and (upper := _cardinal(tokens, last + 2)) is not None:
        return upper[0], upper[1]
    return None


def _unit(noun: Token) -> str:
    """The canonical unit of a counted noun: time units and common counted nouns, else the noun."""
    forms = [form for stem in stems(noun.norm) for form in (stem, _without_tanween(stem))]
    unit = next((_TIME_UNITS.get(form) or _COUNTED.get(form) for form in forms if form in _TIME_UNITS or form in _COUNTED), None)
    return unit or _singular(_without_tanween(without_article(noun.norm)))


def _singular(norm: str) -> str:
    """A feminine noun's sound plural as its singular, as normalized (شركات → شركه): «أسهم 19 شركات» counts
    what «19 شركة» does."""
    return norm[:-2] + "ه" if norm.endswith("ات") and len(norm) > 4 else norm


def _without_tanween(norm: str) -> str:
    return norm[:-1] if norm.endswith("ا") and len(norm) > 3 else norm  # عامًا → عام، قتيلًا → قتيل


def identifier_or_score(words: Words, first: int) -> bool:
    """رقم 104/47، الساعة 0515، 28/7/1433، 4/5 or 5 - 4 (a score, which outlets write in either order): numbers,
    not counts."""
    tokens = words.tokens
    before = next(word_positions(words, first, -1, 1), None)
    if before is not None and words.has(before, _NUMBERED):
        return True
    return any(0 <= k < len(tokens) and tokens[k].text in "/-–:" for k in (first - 1, first + 1))


# Below half a unit of its last digit: 945 million (944.5 to 945.5) agrees with 945.4 million, 17 and
# 18 do not meet.
_ROUNDING = 0.49


# A figure in hundreds written in digits (300 مباراة, 2500 طالب) is as often a round one: it agrees with
# figures this close to it (Walcott's 302 appearances).
_ROUND_FIGURE = 0.01


def _quantity(words: Words, value: float, unit: str, first: int, last: int, place: float = 0.0) -> Quantity:
    low, high = value - _ROUNDING * place, value + _ROUNDING * place
    if place == 1.0 and value >= 100 and value % 100 == 0:
        low, high = value * (1 - _ROUND_FIGURE), value * (1 + _ROUND_FIGURE)
    before = list(word_positions(words, first, -1, 3))
    if any(words.has(k, _AT_LEAST) for k in before) or _at_least_after(words, last):
        high = float("inf")
    elif any(words.has(k, _AT_MOST) for k in before):
        low = 0.0
    elif any(words.has(k, _ABOUT) for k in (*before, *word_positions(words, last, 1, 1))):
        low, high = value * (1 - _APPROXIMATION), value * (1 + _APPROXIMATION)
    topic: ClaimTopic = "duration" if unit in _TIME_UNITS.values() else "count"
    return Quantity(value, low, high, unit, topic, first, last, place)


def _at_least_after(words: Words, last: int) -> bool:
    after = list(word_positions(words, last, 1, 2))
    return len(after) == 2 and words.tokens[after[0]].norm == "علي" and words.has(after[1], _LEAST)


def time_reference(words: Words, first: int) -> bool:
    """منذ (أكثر من) 25 عامًا، قبل يومين: a point in time, not how long something lasted."""
    for i in word_positions(words, first, -1, 4):
        if not words.has(i, _QUALIFIERS):
            return words.has(i, _TIME_REFERENCE)
    return False


# القرار رقم 104/47: an identifier; الساعة 0515 (or 15ر05) بتوقيت غرينتش: a time of day. Not quantities.
_NUMBERED = lexicon("رقم الساعة")
