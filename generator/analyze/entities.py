"""Named entities and cited sources, found by gazetteer and patterns.

Matching is done word by word on normalized text (normalize_for_matching), so
spelling variants and attached particles (والشيباني، لقناة، للقوات) match,
while everything reported keeps the article's own spelling.

The token tools here (clitic-aware lexicon lookup, the noun phrase after a
verb) are shared with quotes.py.
"""
from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain
from types import MappingProxyType
from typing import Literal, NamedTuple

import regex

from generator.analyze.days import FROM_TODAY, WEEKDAYS
from generator.analyze.normalize import normalize_for_matching, normalize_word, strip_tashkeel
from generator.analyze.places import country_named
from generator.analyze.sentences import Sentence

EntityKind = Literal["person", "place", "organization", "country", "media"]
Gender = Literal["feminine", "masculine"]
SourceKind = Literal["media", "official", "organization", "anonymous", "social", "document"]


@dataclass(frozen=True)
class Entity:
    name: str  # canonical Arabic form, e.g. "أسعد الشيباني"
    kind: EntityKind
    mentions: tuple[int, ...]  # sentence indexes


@dataclass(frozen=True)
class CitedSource:
    name: str  # as written, quotation marks dropped: "موقع أكسيوس"
    kind: SourceKind
    sentence_index: int
    cue: str  # the cue phrase as written: "حسبما أفاد", "نقل عن", "وفق"


# --- Tokens -------------------------------------------------------------------

QUOTE_MARKS = "“”„‟«»\""
TokenKind = Literal["word", "punct", "name", "span"]


class Token(NamedTuple):  # an article has thousands: a frozen dataclass takes three times as long to make
    text: str  # as written
    norm: str  # normalized; for a quoted name, the name without its marks
    start: int
    end: int
    kind: TokenKind = "word"  # "name": a quoted name; "span": a collapsed quotation


_TOKEN = regex.compile(
    # A number glued to the word after or before it (15,029مليون، التشغيلية1,901) is two words; not
    # 2015م or 1436هـ (a letter and a tatweel), بـ62 or الـ24, nor the wire's 9ر10.
    r"(?P<word>\d+(?=[^\P{L}\u0640]{2}))"
    r"|(?P<word>(?:\p{Arabic}(?<!\u0640)\p{M}*){2,}(?=\d))"
    # A hyphen joins words (F-16، أبو-ظبي), not a list's number to its first word (٣-لم يثبت).
    r"|(?P<word>[\p{L}\p{M}\p{N}]+(?:(?:['’]|-(?!\p{Arabic})|(?<!\d)-)[\p{L}\p{M}\p{N}]+)*)"
    r"|(?P<punct>\S)"
)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [_token(match, offset) for match in _TOKEN.finditer(text)]


def _token(match: regex.Match, offset: int) -> Token:
    piece, kind = match[0], match.lastgroup
    norm = normalize_word(piece) if kind == "word" else piece
    return Token(piece, norm, offset + match.start(), offset + match.end(), kind)  # type: ignore[arg-type]


def lexicon(words: str) -> frozenset[str]:
    """A set of normalized words from a space-separated list in ordinary spelling."""
    return frozenset(normalize_for_matching(word) for word in words.split())


_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ل", "ك")


_CLITIC_LETTERS = frozenset("".join(_CONJUNCTIONS + _PREPOSITIONS))


# Every token is looked up in several lexicons: each distinct word is stemmed once.
@lru_cache(maxsize=1 << 17)
def stems(norm: str) -> tuple[str, ...]:
    """The word and what is left after taking off a conjunction and a preposition
    (و، ف / ب، ل، ك; the ل of لل+ noun stands for ل + ال)."""
    if norm[:1] not in _CLITIC_LETTERS:
        return (norm,)
    found = [norm]
    for conjunction in _CONJUNCTIONS:
        for preposition in _PREPOSITIONS:
            prefix = conjunction + preposition
            if prefix and norm.startswith(prefix) and len(norm) - len(prefix) >= 2:
                rest = norm[len(prefix):]
                found.append(rest)
                if preposition == "ل" and rest.startswith("ل"):
                    found.append("ا" + rest)
    return tuple(found)


def match_stem(token: Token, words: Collection[str]) -> str | None:
    """The stem of a word token that is in `words`, if any."""
    if token.kind != "word":
        return None
    for stem in stems(token.norm):
        if stem in words:
            return stem
    return None


def is_one_of(token: Token, words: Collection[str]) -> bool:
    """A word token that is one of `words`, maybe after a conjunction: وأن، وفي."""
    norm = token.norm
    return token.kind == "word" and (norm in words or norm[:1] in "وف" and norm[1:] in words)


def without_article(norm: str) -> str:
    return norm[2:] if norm.startswith("ال") and len(norm) > 3 else norm


_LEADING_CLITIC = regex.compile(r"^[وفبلك]\p{M}*\u0640?")


def written_stem(token: Token, stem: str) -> str:
    """The token as written, minus the clitics that `stems` took off to get `stem`
    (للإخبارية → الإخبارية)."""
    if token.norm.endswith(stem):
        clitics, article = len(token.norm) - len(stem), ""
    else:  # لل + noun: the ل of the article stays written, its alef is restored
        clitics, article = len(token.norm) - len(stem) + 1, "ا"
    text = token.text
    for _ in range(clitics):
        text = _LEADING_CLITIC.sub("", text, count=1)
    return article + text


_NO_MARKS = {ord(mark): None for mark in QUOTE_MARKS}


# A preposition written against the mark of the name after it: ل"الرياض" keeps a tatweel once the
# marks are dropped (لـالرياض), not to read as one word.
_CLITIC_BEFORE_MARK = regex.compile(rf"(?<![\p{{L}}\p{{M}}\u0640])(ل)\p{{M}}*(?=[{QUOTE_MARKS}])")


def display(text: str) -> str:
    """A phrase as written, without quotation marks and with single spaces."""
    return " ".join(_CLITIC_BEFORE_MARK.sub("\\1\u0640", text).translate(_NO_MARKS).split())


# --- Lexicon --------------------------------------------------------------------

REPORTING_VERBS = lexicon(
    "قال قالت قالوا قالا يقول تقول يقولون أكد أكدت أكدوا أكدا يؤكد تؤكد أضاف أضافت"
    " أضافوا يضيف تضيف أوضح أوضحت أوضحوا يوضح توضح أشار أشارت أشاروا يشير تشير"
    " شدد شددت شددوا يشدد تشدد اعتبر اعتبرت اعتبروا أعلن أعلنت أعلنوا صرح صرحت صرحوا"
    " ذكر ذكرت ذكروا أفاد أفادت أفادوا كشف كشفت كشفوا نقل نقلت نقلوا تابع تابعت"
    " لفت لفتت رأى رأت رأوا حذر حذرت حذروا أعرب أعربت نفى نفت كتب كتبت غرد غردت"
    " ختم ختمت جدد جددت طالبت تساءل تساءلت أردف أردفت زعم زعمت ادعى ادعت"
    " اتهم اتهمت أورد أوردت أبلغ أبلغت أجاب أجابت يجيب تجيب اختتم اختتمت استطرد استطردت"
    " تحدث تحدثت بينت"
)
# Verbs of saying: whoever they name after them speaks (قال السويد عقب التشييع “…”), where أكد or
# لفت may take an object (أكد حرص الشعب، لفت نظري).
SAYING_VERBS = lexicon("قال قالت قالوا قالا يقول تقول يقولون أجاب أجابت يجيب تجيب")
# Participles (حال) take the subject of the sentence's main verb: مضيفًا، مؤكدين.
REPORTING_PARTICIPLES = lexicon(
    "مؤكدا مؤكدة مؤكدين مؤكدون مضيفا مضيفة مضيفين موضحا موضحة موضحين مشيرا مشيرة"
    " مشيرين مشددا مشددة مشددين معتبرا معتبرة معتبرين لافتا لافتة لافتين محذرا محذرة"
    " محذرين معربا معربة نافيا نافية متابعا مطالبا مطالبة متسائلا مردفا متهما مجددا"
    " مبينا منوها قائلا قائلة قائلين"
)
# Verbs that introduce someone's label for a thing: ما وصفته بـ”…”. (تسميه is
# left out: normalized, it is the noun تسمية.)
DESCRIBING_VERBS = lexicon(
    "وصف وصفت وصفه وصفها وصفته وصفوه وصفوا يصف تصف يصفه تصفه يصفها أسماه أسمته"
    " سماه سمته يسميه"
)
_SPEECH_VERBS = REPORTING_VERBS | REPORTING_PARTICIPLES
RELAYING_VERBS = lexicon("نقل نقلت نقلوا كشف كشفت أفاد أفادت ذكر ذكرت أورد أوردت")
THAT = lexicon("أن إن بأن أنه إنه بأنه أنها إنها بأنها أنهم إنهم أنهما أننا إننا")
SPEECH_NOUNS = lexicon("قوله قولها قولهم قولهما قولهن")
ACCORDING_TO = lexicon("بحسب حسب وفق وفقا طبقا نقلا استنادا according")

TITLE_HEADS = lexicon(
    "وزير وزيرة الوزير الوزيرة رئيس رئيسة الرئيس الرئيسة المبعوث مبعوث السفير سفير السفيرة سفيرة"
    " المتحدث متحدث المتحدثة متحدثة مديرة المديرة الناطق ناطق المندوب مندوب الممثل ممثل الأمين الملك الأمير ولي قائد القائد زعيم"
    " الزعيم نائب النائب مستشار المستشار مدير المدير أمين أمير محافظ المحافظ وكيل مساعد عضو مدرب مفتي المفتي الدكتور الشيخ السيد السيدة المهندس الأستاذ اللواء"
    " العميد العقيد الجنرال الكولونيل المقدم الرائد النقيب الملازم"
)
# Honorifics before a title (معالي وزير الخارجية الأستاذ عادل الجبير): the title after them tells who it is.
_HONORIFICS = lexicon("معالي سعادة فخامة سمو سماحة")
# Heads after which a quoted word is a name: شركة “تكنيب”، مدينة “دنكيرك”، بمسمى «شباب المنارة»، بعنوان «…».
_OTHER_NAME_HEADS = lexicon(
    "شركة مدينة بلدة قرية معركة عملية كلمة مصطلح مبادرة برنامج مشروع جائزة فندق مطار"
    " مجموعة مؤسسة جمعية مؤتمر اتفاق اتفاقية قمة كتاب فيلم مسلسل رواية منتدى مهرجان"
    " مركز مستشفى ملعب فريق نادي لقب حزب حركة منظمة هيئة"
    " اسم مسمى عنوان شعار وسم هاشتاق مستوطنة بطولة دورة مسابقة حملة لافتة جماعة تنظيم وحدة خدمة"
)
MEDIA_HEADS = lexicon(
    "موقع قناة صحيفة وكالة تلفزيون إذاعة شبكة مجلة جريدة منصة حساب تطبيق"
    " website site channel platform newspaper agency network magazine outlet"
)
NAME_HEADS = MEDIA_HEADS | _OTHER_NAME_HEADS
PLATFORMS = lexicon("إكس تويتر فيسبوك تلغرام تيليغرام إنستغرام يوتيوب تيك واتساب")
SOURCE_HEADS = lexicon(
    "مصدر مصادر مسؤول مسؤولة مسؤولون مسؤولين مسؤولان مسؤولي دبلوماسي دبلوماسيون"
    " دبلوماسيين شهود ناشطون ناشطين"
)
ANONYMOUS_HEADS = lexicon("مصدر مصادر شهود ناشطون ناشطين")
ORGANIZATION_HEADS = lexicon(
    "وزارة جهاز هيئة مجلس منظمة حركة حزب جامعة مكتب حكومة رئاسة قيادة"
    " مديرية إدارة شرطة سلطات لجنة سفارة فرع شركة جمعية"
)
DOCUMENT_HEADS = lexicon("بيان تقرير وثيقة رسالة مذكرة")
_SOCIAL_HEADS = lexicon("منصة حساب تطبيق")
_ORGANIZATION_NAME_HEADS = lexicon("شركة مجموعة مؤسسة جمعية حزب حركة منظمة هيئة")
POST_NOUNS = lexicon("تغريدة منشور تدوينة حسابه حسابها فيديو")
_ADJECTIVES = lexicon("كبير كبيرة رفيع رفيعة بارز خاص سابق حالي عام عامة أول جديد مشترك شريفين"  # خادم الحرمين الشريفين
                      " أبيض أحمر أخضر ركن أوسط")  # البيت الأبيض، الهلال الأحمر، اللواء الركن، الشرق الأوسط
NISBA = regex.compile(r"(?:ي|يه|يون|يين|يان|يتان|يتين)$")  # nisba endings, ة folded to ه

# Words that end the noun phrase after a verb: particles, prepositions, time words.
_NP_STOPS = THAT | SPEECH_NOUNS | lexicon(
    "عن على في إلى خلال عبر أمام مع من بعد قبل حول بشأن منذ اليوم أمس أيضا الذي التي"
    " الذين حينها حينئذ حيث لدى عند ضمن دون كما وقد قد لا لم لن ما ب"
    " عليه عليها عليهم له لها لهم منه منها منهم فيه فيها فيهم به بها بهم عنه عنها عنهم"
    " إليه إليها إليهم معه معها معهم لديه لديها جميع كافة"
)
# Words: معالي رئيس ديوان المظالم رئيس مجلس القضاء الإداري الشيخ الدكتور خالد بن محمد اليوسف; a name
# cut at بن goes on past it.
_NP_MAX = 14
# Professions that, like a title, may be followed by the holder's name: «أكد القانوني فهد بارباع».
_PROFESSIONS = lexicon("القانوني المحامي المحامية الخبير الخبيرة المحلل المحللة الباحث الباحثة الإعلامي الإعلامية"
                       " الكاتب الكاتبة الناقد الأكاديمي الاقتصادي المختص")
# Verbal nouns that open what a source announces (أعلنت مصادر رسمية مقتل …، أعلنت السلطات اعتقال …).
_NEWS_NOUNS = lexicon("مقتل مصرع اغتيال استشهاد إصابة اصابة جرح سقوط وقوع اعتقال إطلاق تنفيذ مداهمة مباشرة"
                     " تحيات تعازي تهاني تمنيات حرص ترحيب شكر عدم بأشد مسؤوليته مسؤوليتها مسؤوليتهم"
                     " أهمية ضرورة قيام موافقة قلقه قلقها تهنئة تدشين دعم دعمه دعمها لقاء")
# نقل وزير الخارجية | تحيات؛ أكد د. حاتم طه | أهمية؛ أعلن … محمد الكربولي | دعم كتلته؛ علق … جوزيه غوميز | لقاء فريقه
# Words after a name that end it, though they end no other noun phrase: the day (حيدر العبادي | يوم أمس),
# the time (عقب نهاية الاجتماع), a participle of what the speaker does (عدنان مندورة | متطرقا إلى), what
# an anonymous source declines (مسؤول تركي | رفض الكشف عن هويته), a statement's publishing (بيان | نشر
# على; not بيان نشرته الوزارة, which names who published it), how strongly (استنكر الزياني | بشدة).
_NAME_ENDS = lexicon(
    "يوم مساء عشية عقب إثر متى كيف لماذا ماذا متطرقا مستعرضا مثمنا مشيدا مستشهدا معلنا مختتما ممثلا مفضلا رفض رفضت طلب طلبت"
    " نشر بشدة بحكم"
)
# A rank that is also «the team»: a title after another (مدير الأمن العام الفريق عثمان المحرج) or before a name
# (الفريق ركن، الفريق مهاب مميش), not before what the team did (اختتم الفريق معسكره).
_RANKS_AFTER_TITLES = lexicon("الفريق")
_RANK_GRADES = lexicon("ركن الركن أول")
_PRONOUN_ENDINGS = ("ها", "هم", "هما", "هن")
_ABBREVIATED_TITLES = lexicon("د م أ")  # د. عزام الدخيل، م. سمير، أ. محمد
_ALI = "علي"  # written with ي: the name, not على, which matching folds into it
_TO = normalize_for_matching("إلى")
_IN = normalize_for_matching("في")
_THE = normalize_for_matching("الـ")  # the article written apart, before marks


def is_adjective(norm: str) -> bool:
    """Nisba or participle adjectives that qualify a head noun: إسرائيلي، المسلحة."""
    word = without_article(norm.removeprefix("و") if norm.startswith("وال") else norm)
    return bool(NISBA.search(word)) or word in _ADJECTIVES or (
        word.startswith("م") and len(word) >= 4
    )


def is_definite(token: Token) -> bool:
    """A word with the article ال (not إلى, التي, which look alike once normalized)."""
    return token.kind == "word" and token.norm.startswith("ال") and token.norm not in _NP_STOPS


def noun_phrase(tokens: Sequence[Token], start: int, *, source: bool = False) -> int:
    """End index of the noun phrase that starts at tokens[start] (start if none).

    A definite head takes only adjectives after it ("الوفد السوري", not the
    object in "الوفد رفضه"); an indefinite head takes an idafa complement and
    its adjectives ("مسؤول إسرائيلي كبير", "وزير الخارجية السوري"); a title
    may be followed by a name ("الدكتور أحمد الخطيب"). A quoted name after a
    media head ends the phrase ("موقع “أكسيوس”"). With source=True,
    "مصدر في وزارة …" and "… لقناة “…”" belong to the phrase too.
    """
    if start >= len(tokens) or tokens[start].kind not in ("word", "name"):
        return start
    head = tokens[start]
    if head.kind == "name":
        return start + 1
    if head.norm in _NP_STOPS or is_reporting_verb(head) or is_one_of(head, _NAME_ENDS) or head.norm in WEEKDAYS:
        return start  # قال | يوم السبت إنه: no one named
    title = match_stem(head, TITLE_HEADS | _HONORIFICS) is not None or is_one_of(head, _PROFESSIONS) \
        or _rank_before_name(tokens, start)
    only_adjectives = is_definite(head)
    end = start + 1
    while end < len(tokens) and (end - start < _NP_MAX or is_one_of(tokens[end - 1], _NAME_LINKS)):
        token = tokens[end]
        if title and _abbreviation_point(tokens, end):
            end += 1
            continue
        if title and _written_ali(tokens, end):
            end += 1
            only_adjectives = False
            continue
        if token.kind == "name":
            if not source and tokens[end - 1].norm == "ل" and (
                    token.norm in _MEDIA_NAMES or end + 1 < len(tokens) and is_one_of(tokens[end + 1], THAT)):
                end -= 1  # … لـ«الشرق الأوسط» أن: the outlet told, not part of who spoke
                break
            after_media_head = match_stem(tokens[end - 1], MEDIA_HEADS) is not None or (
                tokens[end - 1].norm in _NEWS_OF and match_stem(tokens[end - 2], MEDIA_HEADS) is not None)
            end += 1
            if after_media_head:
                break
            continue
        if token.kind != "word" or is_reporting_verb(token) or is_one_of(token, _NEWS_NOUNS | _NAME_ENDS | ACCORDING_TO) \
                or _told_weekday(tokens, start, end):
            break  # أعلنت مصادر رسمية | مقتل عسكريين: what the source told
        if is_one_of(token, _NP_STOPS) or _outlet(token):
            if not (_outlet(token) and source or _bridge(tokens, start, end, source)):
                break
            end += 1
            only_adjectives = False
            continue
        if only_adjectives and _organization_goes_on(tokens, start, end):
            end += 1
            continue
        if only_adjectives and not is_adjective(token.norm) and (is_definite(token) or not title) \
                and not (title and match_stem(token, TITLE_HEADS | _RANKS_AFTER_TITLES)):  # وزير الخارجية الأستاذ عادل الجبير
            break
        if title and _object_after_name(tokens, start, end):
            break
        # After a title, an indefinite word starts the name, which a family name with ال goes on (الأمين
        # العام لمجلس الضمان محمد الحسين), though محمد has the shape of a participle.
        only_adjectives = is_definite(token) or only_adjectives and is_adjective(token.norm) and not title
        end += 1
    while end > start + 1 and (is_one_of(tokens[end - 1], _NP_STOPS) or tokens[end - 1].norm == "ل"
                               or tokens[end - 1].norm in _ABBREVIATED_TITLES):
        end -= 1  # cut at _NP_MAX words on a bridge: "… ينس شتولتينبيرج إلى", "… الخريصي لـ", "… د."
    if end > start + 1 and tokens[end - 1].text == "." and tokens[end - 2].norm in _ABBREVIATED_TITLES:
        end -= 2
    return end


def _organization_goes_on(tokens: Sequence[Token], start: int, at: int) -> bool:
    """An institution's name going on past its adjective or its first complement: المديرية العامة
    للجوازات، الرئاسة العامة للأرصاد (لل after an adjective); وزارة التجارة والصناعة (و + ال after it)."""
    head, token, before = tokens[start], tokens[at], tokens[at - 1]
    if at - start < 2 or not set(stems(without_article(head.norm))) & ORGANIZATION_HEADS:
        return False
    if token.norm.startswith("لل"):
        return is_adjective(before.norm)
    return token.norm.startswith("وال") and (is_definite(before) or before.norm.startswith(("لل", "وال")))


def _rank_before_name(tokens: Sequence[Token], start: int) -> bool:
    """الفريق as a rank: before its grade or a word that is no possessed noun (الفريق | معسكره)."""
    if not is_one_of(tokens[start], _RANKS_AFTER_TITLES) or start + 1 >= len(tokens):
        return False
    following = tokens[start + 1]
    return following.kind == "word" and (is_one_of(following, _RANK_GRADES) or not is_definite(following)
                                         and not strip_tashkeel(following.text).endswith(("ه", *_PRONOUN_ENDINGS)))


def _object_after_name(tokens: Sequence[Token], start: int, at: int) -> bool:
    """A word with a possessive pronoun after a title's words ends them: it is what the verb's subject
    did, not a name (أكد رئيس الكتلة | التزامها); right after the title it completes it (وزير خارجيتها).
    Not ه, which ends names (عبدالله، عبدربه، باسلمه)."""
    if at - start < 2 or match_stem(tokens[at - 1], TITLE_HEADS):
        return False
    written = strip_tashkeel(tokens[at].text)
    return written.endswith(_PRONOUN_ENDINGS) and len(written) >= 4


def _told_weekday(tokens: Sequence[Token], start: int, at: int) -> bool:
    """The day a name spoke (جون كيري | الجمعة، مصادر أمنية عراقية | الأحد), not a family name after
    the first name (أمين عام اتحاد القدم أحمد الخميس، أكد أحمد الخميس): الخميس and الجمعة are both."""
    if tokens[at].norm not in WEEKDAYS:
        return False
    before = tokens[at - 1]
    if before.kind != "word" or is_definite(before) or NISBA.search(before.norm):
        return True
    if at - 1 == start:  # واكد اردوغان | الجمعة ان
        following = tokens[at + 1] if at + 1 < len(tokens) else None
        return match_stem(before, _NOT_IN_NAMES) is not None or following is None \
            or following.kind != "word" or is_one_of(following, THAT | ACCORDING_TO)
    return not (is_definite(tokens[at - 2]) or match_stem(tokens[at - 2], TITLE_HEADS))


def _abbreviation_point(tokens: Sequence[Token], at: int) -> bool:
    """The point of د. before a name (وزير التعليم د. عزام الدخيل), not of the year's م. (2015 م.)."""
    return (tokens[at].text == "." and tokens[at - 1].norm in _ABBREVIATED_TITLES
            and not (at >= 2 and tokens[at - 2].norm.isdigit())
            and at + 1 < len(tokens) and tokens[at + 1].kind == "word")


def _written_ali(tokens: Sequence[Token], at: int) -> bool:
    """The name علي right after a title (المقدم علي بن عمير الشهراني), which matching would take for على."""
    return (strip_tashkeel(tokens[at].text) == _ALI and match_stem(tokens[at - 1], TITLE_HEADS) is not None
            and at + 1 < len(tokens) and tokens[at + 1].kind == "word" and tokens[at + 1].norm not in _NP_STOPS)


def _bridge(tokens: Sequence[Token], start: int, at: int, source: bool) -> bool:
    """Particles that belong inside a noun phrase: المبعوث الأميركي إلى سوريا; مصدر في وزارة."""
    nxt = tokens[at + 1] if at + 1 < len(tokens) else None
    if nxt is None or nxt.kind != "word" or nxt.norm in _NP_STOPS:
        return False
    head = tokens[start]
    if tokens[at].norm == _TO:  # close to its title: not «الأمين العام لحلف شمال الأطلسي ينس شتولتينبيرج إلى اجتماع»
        return match_stem(head, TITLE_HEADS) is not None and at - start <= _TO_REACH
    if tokens[at].norm == _IN:  # مسؤول في وزارة، عضو في الوفد
        return source and match_stem(head, SOURCE_HEADS | _MEMBERS) is not None and bool(
            set(stems(nxt.norm)) & (ORGANIZATION_HEADS | _ORGANIZATION_NOUNS)
        )
    return False


_ORGANIZATION_NOUNS = lexicon("الخارجية الحكومة الجيش الرئاسة البيت الوفد الوزارة")
_MEMBERS = lexicon("عضو")
_NEWS_OF = lexicon("أنباء الأنباء للأنباء")
_TO_REACH = 3  # words from a title to the إلى of its post: المبعوث الأميركي الخاص إلى سوريا


def _outlet(token: Token) -> bool:
    """لقناة، لصحيفة، لـ: the outlet a source spoke to."""
    return token.norm.startswith("ل") and token.norm[1:] in MEDIA_HEADS


def speech_gender(verb: str | None) -> Gender | None:
    """The gender a verb or participle of speech gives its subject: قالت، تقول، مضيفة / قال، يقول، مضيفا;
    None for plurals and duals, and for a verb whose other form the lexicon does not have."""
    if not verb:
        return None
    word = normalize_for_matching(verb).split()[0]
    for form in (word, word[1:]) if word[:1] in "وف" else (word,):  # وقالت، فأضاف
        if gender := _form_gender(form):
            return gender
    return None


def _form_gender(word: str) -> Gender | None:
    verbs, participles = REPORTING_VERBS, REPORTING_PARTICIPLES
    if word[-1:] == "ت" and word[:-1] in verbs or word[:1] == "ت" and "ي" + word[1:] in verbs \
            or word[-1:] == "ه" and word[:-1] + "ا" in participles:
        return "feminine"
    if word + "ت" in verbs or word[:1] == "ي" and "ت" + word[1:] in verbs \
            or word[-1:] == "ا" and word[:-1] + "ه" in participles:
        return "masculine"
    return None


# «يرى قلب الدفاع السابق ريو فرديناند أن»: whole words only, since «كيري» is «ك» and «يري» to stems().
_OPINION_VERBS = lexicon("يرى ترى ويرى وترى")


def is_reporting_verb(token: Token) -> bool:
    return match_stem(token, _SPEECH_VERBS) is not None or token.kind == "word" and token.norm in _OPINION_VERBS


def collapse_quoted_names(text: str, tokens: Sequence[Token], names: Collection[str] = ()) -> list[Token]:
    """Turn a name in marks into one "name" token, so phrases can carry it: after a name head (منصة
    “إكس”، شركة “…”), لـ (told “the outlet”) or في (_after_name_head); a head and what it heads (“تلفزيون
    سوريا”، _headed_name); a titled official's name (_titled_name_in_marks); a verb's subject before what
    it said (_speaker_in_marks); or a known name. `tokens` are tokens of `text`."""
    known = _known_names(tuple(names))
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        close = _closing_mark(tokens, i)
        if close is not None:
            inner = tokens[i + 1:close]
            norm = " ".join(token.norm for token in inner)
            following = tokens[close + 1] if close + 1 < len(tokens) else None
            if _after_name_head(out) or _headed_name(inner) or norm in known \
                    or _titled_name_in_marks(out, inner, following) or _speaker_in_marks(out, following) \
                    or bool(out) and is_one_of(out[-1], _PERSON_NOUNS) and _looks_like_name(inner):
                start, end = tokens[i].start, tokens[close].end
                out.append(Token(text[start:end], norm, start, end, "name"))
                i = close + 1
                continue
        out.append(tokens[i])
        i += 1
    return out


# Nouns for a person that a name in marks may follow, as a title's holder follows the title: العم «عبدالله الحكيم».
_PERSON_NOUNS = lexicon("العم الخال الحاج المواطن المواطنة الشاب الشابة الطفل الطفلة الفتاة اللاعب اللاعبة المدرب"
                        " الفنان الفنانة الكاتب الكاتبة الشاعر الشاعرة الداعية الشهيد المقيم")


def _after_name_head(before: Sequence[Token]) -> bool:
    """منصة “إكس”، البرنامج التدريبي «…» (a head and its adjective), told “the outlet” (لـ), مساهم في "…",
    the article itself before the marks (طائرات الـ«إف 16»), an agency's «أنباء» (وكالة أنباء «الأناضول»), or
    what reported it (بحسب ما ذكرت «رويترز»)."""
    if not before:
        return False
    last = before[-1]
    if match_stem(last, NAME_HEADS) is not None or last.norm in ("ل", _IN, _THE):
        return True
    if len(before) > 1 and last.norm in _NEWS_OF and match_stem(before[-2], MEDIA_HEADS) is not None:
        return True
    if len(before) > 1 and before[-2].norm in _WHAT and _reported(last):
        return True  # وفقاً لما نقلته “الشرق الأوسط”
    return len(before) > 1 and is_adjective(last.norm) and is_definite(last) \
        and without_article(before[-2].norm) in NAME_HEADS


def _headed_name(inner: Sequence[Token]) -> bool:
    """«مركز الملك سلمان»، «مكتب أخبار سوريا»، “تلفزيون سوريا”: a head and what it is the head of, a name;
    not a head and an adjective («منظمة إرهابية»، «حملة انتقامية»), which someone's words describe."""
    if match_stem(inner[0], MEDIA_HEADS):
        return True
    return len(inner) > 1 and match_stem(inner[0], NAME_HEADS | ORGANIZATION_HEADS) is not None \
        and not (is_adjective(inner[1].norm) and not is_definite(inner[1]))


def _speaker_in_marks(before: Sequence[Token], following: Token | None) -> bool:
    """وقالت "آسيا كابيتال" إن …، وأكدت "بيرسون" في بيان …، وذكرت "إكسور" الإيطالية …: the verb's subject
    in marks, then what it said or the adjective that qualifies it, not its words."""
    if not before or following is None or not is_reporting_verb(before[-1]):
        return False
    qualified = following.kind == "word" and is_definite(following) and NISBA.search(without_article(following.norm))
    return is_one_of(following, THAT) or following.norm == _IN or bool(qualified)


_TITLE_REACH = 7  # words from a title to the name after it: المتحدث الرسمي لمديرية الدفاع المدني بمنطقة عسير
_AFTER_TITLED_NAME = THAT | lexicon("الذي التي")


def _titled_name_in_marks(before: Sequence[Token], inner: Sequence[Token], following: Token | None) -> bool:
    """A title's holder named in marks, then more of the sentence about them (وأوضح مدير فرع مكتب العمل
    بخيبر "فهد الرشيدي" لـ"سبق"؛ أن …، مدير عام فرع الوزارة "عواد الحازمي" الذي شدد): not words they said."""
    name = inner[1:] if match_stem(inner[0], TITLE_HEADS) else inner  # "العقيد محمد عبدالرحيم العاصمي"
    if following is None or not _looks_like_name(name):
        return False
    if not (following.text in "؛;" or following.norm == "ل" or is_one_of(following, _AFTER_TITLED_NAME)):
        return False
    recent = before[-_TITLE_REACH:]
    start = max((k + 1 for k, token in enumerate(recent) if token.kind != "word"), default=0)
    return any(match_stem(token, TITLE_HEADS) for token in recent[start:])


@lru_cache(maxsize=64)
def _known_names(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(normalize_for_matching(name) for name in names) | _MEDIA_NAMES


_NAME_MAX_WORDS = 4


def _closing_mark(tokens: Sequence[Token], i: int) -> int | None:
    """Index of the mark closing a short run of words that opens at tokens[i]."""
    if tokens[i].text not in QUOTE_MARKS:
        return None
    for j in range(i + 1, min(i + _NAME_MAX_WORDS + 2, len(tokens))):
        if tokens[j].text in QUOTE_MARKS:
            return j if j > i + 1 else None
        if tokens[j].kind != "word" or tokens[j].norm in THAT:
            return None
    return None


# --- Gazetteer ------------------------------------------------------------------

_COUNTRIES = (
    "سوريا إسرائيل فرنسا أميركا أمريكا لبنان الأردن العراق مصر السعودية تركيا إيران"
    " روسيا الصين قطر الإمارات الكويت البحرين اليمن ليبيا تونس الجزائر المغرب السودان"
    " فلسطين بريطانيا ألمانيا إيطاليا إسبانيا أوكرانيا اليابان الهند باكستان أفغانستان"
)
_MULTIWORD_COUNTRIES = ("الولايات المتحدة", "المملكة المتحدة", "سلطنة عمان")
_PLACES = (
    "باريس دمشق بيروت القاهرة واشنطن موسكو لندن برلين أنقرة إسطنبول طهران الرياض الدوحة"
    " أبوظبي دبي بغداد القدس السويداء درعا القنيطرة الجولان حلب حمص حماة إدلب اللاذقية"
    " طرطوس الرقة الحسكة غزة جنيف نيويورك بروكسل فيينا"
)
_MULTIWORD_PLACES = ("تل أبيب", "أبو ظبي", "دير الزور", "الضفة الغربية", "رام الله")
_ORGANIZATIONS = (
    "الأمم المتحدة", "مجلس الأمن", "الاتحاد الأوروبي", "حلف شمال الأطلسي", "الناتو",
    "جامعة الدول العربية", "البيت الأبيض", "الكرملين", "البنتاغون", "حزب الله", "حماس",
    "هيئة تحرير الشام", "قوات سوريا الديمقراطية", "قسد", "الصليب الأحمر",
)
_MEDIA = (
    "تلفزيون سوريا", "الإخبارية السورية", "أكسيوس", "سانا", "رويترز", "فرانس برس",
    "أسوشيتد برس", "بي بي سي", "سي إن إن", "العربي الجديد", "نيويورك تايمز",
    "واشنطن بوست", "هآرتس", "يديعوت أحرونوت", "تايمز أوف إسرائيل", "الميادين",
    "روسيا اليوم", "سكاي نيوز عربية", "إكس", "تويتر", "فيسبوك", "تلغرام", "تيليغرام",
    "إنستغرام", "يوتيوب", "تيك توك", "Axios", "Reuters",
)
# Names that are also ordinary words (the island, the Arabic adjective) count as
# media only right after a media head: قناة الجزيرة.
_MEDIA_AFTER_HEAD_ONLY = lexicon("الجزيرة العربية الحدث")

DEFAULT_GAZETTEER: Mapping[str, str] = MappingProxyType(
    {name: "country" for name in (*_COUNTRIES.split(), *_MULTIWORD_COUNTRIES)}
    | {name: "place" for name in (*_PLACES.split(), *_MULTIWORD_PLACES)}
    | {name: "organization" for name in _ORGANIZATIONS}
    | {name: "media" for name in _MEDIA}
)
# Same entity, other spelling: counted under the first name.
_ALIASES = {"أمريكا": "أميركا", "الولايات المتحدة": "أميركا", "أبو ظبي": "أبوظبي"}

_MEDIA_NAMES = frozenset(normalize_for_matching(name) for name in _MEDIA)


@dataclass(frozen=True)
class _Phrase:
    name: str  # canonical
    kind: str
    words: tuple[str, ...]  # normalized


@lru_cache(maxsize=8)
def _phrases(entries: tuple[tuple[str, str], ...]) -> dict[tuple[str, ...], _Phrase]:
    """Normalized words → phrase; one index per gazetteer, never changed by its users."""
    index = {}
    for surface, kind in entries:
        words = tuple(normalize_for_matching(surface).split())
        if words:
            index[words] = _Phrase(strip_tashkeel(_ALIASES.get(surface, surface)), kind, words)
    return index


@dataclass(frozen=True)
class _PhraseIndex:
    phrases: Mapping[tuple[str, ...], _Phrase]
    longest: int  # words in the longest phrase
    first_words: frozenset[str]  # a word that starts no phrase needs no lookup

    @classmethod
    def of(cls, phrases: Mapping[tuple[str, ...], _Phrase]) -> _PhraseIndex:
        return cls(phrases, max(map(len, phrases), default=1), frozenset(words[0] for words in phrases))


def _match_phrase(tokens: Sequence[Token], i: int, index: _PhraseIndex) -> tuple[_Phrase, int] | None:
    """The longest phrase of `index` starting at tokens[i] (particles allowed on its first word)."""
    token = tokens[i]
    if token.kind == "name":
        phrase = index.phrases.get(tuple(token.norm.split()))
        return (phrase, i + 1) if phrase else None
    if token.kind != "word" or index.first_words.isdisjoint(stems(token.norm)):
        return None
    for size in range(min(index.longest, len(tokens) - i), 0, -1):
        rest = tuple(t.norm for t in tokens[i + 1:i + size])
        if any(t.kind != "word" for t in tokens[i + 1:i + size]):
            continue
        for stem in stems(token.norm):
            phrase = index.phrases.get((stem, *rest))
            if phrase:
                return phrase, i + size
    return None


# --- Persons ----------------------------------------------------------------------


@dataclass
class _Person:
    name: str
    aliases: set[tuple[str, ...]]  # normalized word sequences that refer to this person


_KUNYA = lexicon("أبو أبي أبا")
_GIVEN_NAMES_WITH_WAW = lexicon("وليد وائل وسام وديع وفاء وجدي وهيب وحيد")
_NAME_WORDS = (2, 4)  # a person's name found by pattern has this many words


def _looks_like_name(words: Sequence[Token]) -> bool:
    low, high = _NAME_WORDS
    if not low <= len(words) <= high or any(w.kind != "word" for w in words):
        return False
    first = words[0].norm
    if first.startswith("ال") or first.startswith("و") and first not in _GIVEN_NAMES_WITH_WAW:
        return False  # "، واستمر لأربع ساعات،" is a clause, not a name
    return not any(
        w.norm in _NP_STOPS or is_reporting_verb(w) or match_stem(w, _NOT_IN_NAMES)
        or any(c.isdigit() for c in w.norm)
        for w in words
    )


_NOT_IN_NAMES = TITLE_HEADS | SOURCE_HEADS | NAME_HEADS | ORGANIZATION_HEADS
_COMMA = frozenset("،,")
_NAME_END = frozenset("،,.؛;:)")
_TITLE_MAX = 7


def _appositions(tokens: Sequence[Token]) -> Iterable[tuple[list[Token], list[Token]]]:
    """(title words, name words) for "وزير الخارجية السوري، أسعد الشيباني،"."""
    for i, token in enumerate(tokens):
        if token.text not in _COMMA:
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].kind == "word" and j - i <= _NAME_WORDS[1] + 1:
            j += 1
        if j < len(tokens) and tokens[j].text not in _NAME_END:
            continue
        name = list(tokens[i + 1:j])
        if not _looks_like_name(name):
            continue
        for k in range(i - 1, max(-1, i - 1 - _TITLE_MAX), -1):
            if tokens[k].kind != "word":
                break
            if match_stem(tokens[k], TITLE_HEADS):
                yield list(tokens[k:i]), name
                break


_TITLE_WORDS_MAX = 4
# What may follow a name without a comma; not عن/على, which often follow a
# verb's object ("الوزير المصري تلقى تقارير عن").
_AFTER_NAME = THAT | lexicon("في مع إلى خلال أمام لدى")


# «التقى وزير الخارجية سامح شكري نظيره الأمريكي جون كيري»: a counterpart is introduced as a title is.
_COUNTERPARTS = lexicon("نظير نظيره نظيرها نظيرته نظيرتها")
_PERSON_HEADS = TITLE_HEADS | _COUNTERPARTS


def _joins_a_man(token: Token) -> bool:
    """Whether the word is «و» and a counterpart (ونظيره): another man. Not «و» and a title, which may be a
    second post of the same man («مدير عام إدارة العلاقات العامة والإعلام والمتحدث الإعلامي بأمانة المنطقة»)."""
    return token.kind == "word" and token.norm.startswith("و") and token.norm[1:] in _COUNTERPARTS


def _titled_names(tokens: Sequence[Token]) -> Iterable[tuple[list[Token], list[Token]]]:
    """(title words, name words) for "الرئيس الأميركي دونالد ترامب إن", "نظيره المصري سامح شكري": a title
    or a counterpart, its definite complements, then a two-word name that ends there (or where another titled
    man is joined to it: "وزير الخارجية المصري سامح شكري ونظيره الأمريكي")."""
    for k, token in enumerate(tokens):
        if not match_stem(token, _PERSON_HEADS):
            continue
        j = k + 1
        while j < len(tokens) and j - k <= _TITLE_WORDS_MAX and is_definite(tokens[j]):
            j += 1
        name = list(tokens[j:j + 2])
        after = tokens[j + 2] if j + 2 < len(tokens) else None
        ends = after is None or after.kind != "word" or is_one_of(after, _AFTER_NAME) or is_reporting_verb(after) \
            or _joins_a_man(after)
        if ends and _looks_like_name(name):
            yield list(tokens[k:j]), name


def _kunyas(tokens: Sequence[Token]) -> Iterable[list[Token]]:
    """أبو محمد الجولاني: أبو + a name + an optional family name with ال."""
    for i, token in enumerate(tokens):
        if match_stem(token, _KUNYA) and i + 1 < len(tokens) and tokens[i + 1].kind == "word":
            first = tokens[i + 1]
            if first.norm.startswith("ال") or first.norm in _NP_STOPS:
                continue
            end = i + 2
            if end < len(tokens) and is_definite(tokens[end]) and tokens[end].norm not in _NP_STOPS:
                end += 1
            yield list(tokens[i:end])


def _key(words: Sequence[Token], heads: Collection[str]) -> tuple[str, ...]:
    """Normalized words, the first without the particles in front of a head word (ووزير → وزير)."""
    return (match_stem(words[0], heads) or words[0].norm, *(w.norm for w in words[1:]))


def _written_name(words: Sequence[Token], key: tuple[str, ...], text: str) -> str:
    first = written_stem(words[0], key[0])
    return strip_tashkeel(display(first + text[words[0].end:words[-1].end]))


def _find_persons(
    sentences: Sequence[Sentence], token_lists: Sequence[list[Token]], gazetteer: Mapping[str, str]
) -> list[_Person]:
    persons: dict[tuple[str, ...], _Person] = {}

    def add(words: list[Token], sentence: Sentence, title: list[Token] | None) -> None:
        key = _key(words, _KUNYA)
        person = persons.setdefault(key, _Person(_written_name(words, key, sentence.text), {key}))
        family_name = key[-1:]
        if key[0] not in _KUNYA or len(key) >= 3:  # "مازن" alone is not أبو مازن
            person.aliases.add(family_name)
        if title:
            person.aliases.add(_key(title, TITLE_HEADS))

    for sentence, tokens in zip(sentences, token_lists, strict=True):
        for title, name in (*_appositions(tokens), *_titled_names(tokens)):
            add(name, sentence, title)
        for name in _kunyas(tokens):
            add(name, sentence, None)
    found = list(persons.values())
    for surface, kind in gazetteer.items():
        if kind != "person":
            continue
        words = tuple(normalize_for_matching(surface).split())
        if words and not any(words in p.aliases for p in found):
            found.append(_Person(strip_tashkeel(surface), {words, words[-1:]}))
    return found


def _alias_index(persons: Sequence[_Person]) -> dict[tuple[str, ...], _Person]:
    """Alias → person, leaving out aliases shared by two persons (they are ambiguous)."""
    owners: dict[tuple[str, ...], list[_Person]] = {}
    for person in persons:
        for alias in person.aliases:
            owners.setdefault(alias, []).append(person)
    return {alias: people[0] for alias, people in owners.items() if len(people) == 1}


def _sentence_tokens(sentences: Sequence[Sentence], gazetteer: Mapping[str, str]) -> list[tuple[Token, ...]]:
    media = tuple(name for name, kind in gazetteer.items() if kind == "media")
    return [_tokens_with_names(s.text, media) for s in sentences]


# An article's sentences are read for its entities, its persons (for the quotes of its
# body and of its title) and its cited sources: each is tokenized once.
@lru_cache(maxsize=1024)
def _tokens_with_names(text: str, media: tuple[str, ...]) -> tuple[Token, ...]:
    return tuple(collapse_quoted_names(text, tokenize(text), media))


def person_aliases(
    sentences: Sequence[Sentence], gazetteer: Mapping[str, str] = MappingProxyType({})
) -> dict[str, str]:
    """Normalized mention → full name for the persons of an article: the full
    name, the family name ("براك") and the title it was introduced with
    ("المبعوث الأميركي إلى سوريا" → "توم براك")."""
    merged = {**DEFAULT_GAZETTEER, **gazetteer}
    persons = _find_persons(sentences, _sentence_tokens(sentences, merged), merged)
    return {" ".join(alias): person.name for alias, person in _alias_index(persons).items()}


# --- Entities ---------------------------------------------------------------------


def find_entities(
    sentences: Sequence[Sentence], gazetteer: Mapping[str, str] = MappingProxyType({})
) -> list[Entity]:
    """Entities in order of first mention. `gazetteer` (surface form → kind, e.g.
    the site's glossary) extends DEFAULT_GAZETTEER and wins over it."""
    merged = {**DEFAULT_GAZETTEER, **gazetteer}
    token_lists = _sentence_tokens(sentences, merged)
    persons = _find_persons(sentences, token_lists, merged)
    person_index = {
        alias: _Phrase(person.name, "person", alias) for alias, person in _alias_index(persons).items()
    }
    index = _PhraseIndex.of(_phrases(tuple((s, k) for s, k in merged.items() if k != "person")) | person_index)

    mentions: dict[tuple[str, str], list[int]] = {}
    for sentence, tokens in zip(sentences, token_lists, strict=True):
        for name, kind in _entities_in(tokens, sentence.text, index):
            mentions.setdefault((name, kind), []).append(sentence.index)
    entities = [
        Entity(name, kind, tuple(sorted(set(where))))  # type: ignore[arg-type]
        for (name, kind), where in mentions.items()
    ]
    return sorted(entities, key=lambda e: (e.mentions[0], e.name))


def _entities_in(tokens: Sequence[Token], text: str, index: _PhraseIndex) -> Iterable[tuple[str, str]]:
    i = 0
    while i < len(tokens):
        found = _match_phrase(tokens, i, index)
        after_head = i > 0 and match_stem(tokens[i - 1], MEDIA_HEADS) is not None
        if found and not (found[0].words[0] in _MEDIA_AFTER_HEAD_ONLY and not after_head):
            yield found[0].name, found[0].kind
            i = found[1]
            continue
        if tokens[i].kind == "name" and after_head:
            yield strip_tashkeel(display(tokens[i].text)), "media"
        elif tokens[i].kind == "name" and i > 0 and match_stem(tokens[i - 1], _ORGANIZATION_NAME_HEADS):
            yield strip_tashkeel(display(tokens[i].text)), "organization"
        elif tokens[i].kind == "word" and after_head and tokens[i].norm in _MEDIA_AFTER_HEAD_ONLY:
            yield strip_tashkeel(tokens[i].text), "media"
        elif (end := _organization_end(tokens, i)) > i:
            head = match_stem(tokens[i], ORGANIZATION_HEADS) or tokens[i].norm
            words = written_stem(tokens[i], head) + text[tokens[i].end:tokens[end - 1].end]
            yield strip_tashkeel(display(words)), "organization"
            i = end
            continue
        i += 1


_ORGANIZATION_MAX = 3


def _organization_end(tokens: Sequence[Token], i: int) -> int:
    """وزارة الخارجية الفرنسية: a head and the definite words that complete it."""
    if not match_stem(tokens[i], ORGANIZATION_HEADS):
        return i
    end = i + 1
    while end < len(tokens) and end - i <= _ORGANIZATION_MAX and is_definite(tokens[end]) \
            and tokens[end].norm not in _NP_STOPS:
        end += 1
    return end if end > i + 1 else i


# --- Cited sources ----------------------------------------------------------------

_AS = lexicon("حسبما كما مثلما")
_RELATIVES = lexicon("الذي التي الذين اللذان اللتان")
_WHILE = lexicon("الوقت الحين اللحظة")  # في الوقت الذي قال الأمين العام: "while", the subject follows


def find_cited_sources(sentences: Sequence[Sentence]) -> list[CitedSource]:
    """Who the article cites: outlets, platforms, officials, institutions, unnamed sources, documents.
    Definite back-references (المصدر، الموقع) are not cited anew, and an official named again by the first
    words of an earlier mention (وزير الخارجية، معالي وزير الخارجية after وزير الخارجية عادل الجبير) is
    that one; an official cited by the title a person was introduced with is listed under that person's name,
    and one cited by part of his name under the whole of it."""
    found: list[CitedSource] = []
    persons = person_aliases(sentences)
    for sentence, tokens in zip(sentences, _sentence_tokens(sentences, DEFAULT_GAZETTEER), strict=True):
        seen: set[str] = set()
        for source in chain(_sources_in(tokens, sentence), _named_again(tokens, sentence, found, persons)):
            source = _as_named_before(source, found)
            if source.name not in seen:
                seen.add(source.name)
                found.append(source)
    renamed = [_as_the_person(source, persons) for source in found]
    fuller = fuller_names(renamed)
    cited: list[CitedSource] = []
    kept: set[tuple[str, int]] = set()  # two sources of a sentence may now be the same man
    for source in renamed:
        source = named_in_full(source, fuller)
        if (source.name, source.sentence_index) not in kept:
            kept.add((source.name, source.sentence_index))
            cited.append(source)
    return cited


_NAME_TAIL_WORDS = (3, 2, 1)  # وقال عادل الجبير، وقال الجبير


def _named_again(tokens: Sequence[Token], sentence: Sentence, earlier: Sequence[CitedSource],
                 persons: Mapping[str, str]) -> Iterator[CitedSource]:
    """«وقال الجبير»، «وأكد شتاينماير»: someone named by his name alone after a verb of saying. An official cited
    before whose name ends so is that official; else a person the article introduced with a title, though not as
    a source (لقاء يعقده وزير التعليم الدكتور عزام بن محمد الدخيل … ونقل الدخيل). A name neither ends is not
    taken: who it is, the article may not say."""
    names = {e.name: _title_words(e.name) for e in earlier if e.kind == "official" and not _two_men(e.name)}
    given = {name: words for name, words in ((name, _leading_name(title)) for name, title in names.items()) if words}
    for i, token in enumerate(tokens):
        if not is_one_of(token, REPORTING_VERBS) or i > 1 and is_one_of(tokens[i - 1], _RELATIVES):
            continue
        start = _past_when(tokens, past_receiver(tokens, i + 1))
        if start >= len(tokens) or tokens[start].kind != "word" or match_stem(tokens[start], _NOT_IN_NAMES):
            continue
        officials = _officials_ending(tokens, start, names, given)
        if not officials and (person := _person_named(tokens, start, persons)):
            officials = _officials_ending(tokenize(person), 0, names, given) or {person}
        if len(officials) == 1:
            yield CitedSource(officials.pop(), "official", sentence.index, _cue(tokens, i, i + 1, sentence.text))


_NAMED_IN_PART = frozenset({"official", "media"})


def fuller_names(sources: Sequence[CitedSource]) -> dict[tuple[str, SourceKind], str]:
    """(name, kind) → the name to list it under: the whole name of an official or outlet the article also cites
    by part of it, wherever the whole came («جون كيري» in the lead, «وزير الخارجية الأمريكي جون كيري» further
    on; «الدكتور القصبي»; «رويترز» and «وكالة رويترز»), unless two names hold the part («وزير الخارجية» of
    Kerry and of al-Attiyah); and a source spelt again otherwise, its first spelling («الامم المتحدة»)."""
    words: dict[tuple[str, SourceKind], frozenset[str]] = {}
    for source in sources:
        words.setdefault((source.name, source.kind), frozenset(_title_words(source.name)))
    first_spelling = {}
    for key, mine in words.items():
        first_spelling.setdefault((key[1], mine), key[0])
    names: dict[tuple[str, SourceKind], str] = {}
    for (name, kind), mine in words.items():
        holders = [(other, theirs) for (other, other_kind), theirs in words.items()
                   if other_kind == kind and mine < theirs and not _two_men(other)] if mine and kind in _NAMED_IN_PART else []
        widest = [other for other, theirs in holders if not any(theirs < wider for _, wider in holders)]
        whole = widest[0] if len(widest) == 1 else first_spelling[kind, mine]
        if whole != name:
            names[name, kind] = whole
    return names


def _two_men(name: str) -> bool:
    """Whether an official's name joins two men («وزير الخارجية المصري سامح شكري ونظيره الأميركي جون كيري»), who
    spoke together: neither is that source when named alone («وأكد كيري»)."""
    return any(_joins_a_man(token) for token in tokenize(name)[1:])


def named_in_full(source: CitedSource, names: Mapping[tuple[str, SourceKind], str]) -> CitedSource:
    """The source under the name that fuller_names lists it under."""
    name = names.get((source.name, source.kind))
    return replace(source, name=name) if name else source


def _as_the_person(source: CitedSource, persons: Mapping[str, str]) -> CitedSource:
    """An official cited by the very title a person was introduced with is that person («وأكد المبعوث الأميركي إلى
    سوريا» after «برعاية المبعوث الأميركي إلى سوريا، توم براك»), as his quotes are."""
    words = [token.norm for token in tokenize(source.name) if token.kind == "word"]
    person = persons.get(" ".join(words)) if source.kind == "official" else None
    if not person or not _a_name(person) or {t.norm for t in tokenize(person)} <= set(words):
        return source  # «وزير الخارجية عادل الجبير» names him already
    return replace(source, name=person)


def _officials_ending(tokens: Sequence[Token], start: int, names: Mapping[str, tuple[str, ...]],
                      given: Mapping[str, tuple[str, ...]]) -> set[str]:
    """The officials cited before whose name ends with the words at tokens[start] (the longest that any ends
    with; empty when the name goes on into another man's: «قال محمد بن سلمان»)."""
    for size in _NAME_TAIL_WORDS:
        words = tuple(t.norm for t in tokens[start:start + size])
        ends = {name for name, title in names.items() if len(title) > size and title[-size:] == words
                and (size > 1 or _ends_a_name(title))}
        ends |= {name for name, first in given.items() if len(first) >= size and first[-size:] == words}
        if len(words) == size and ends:
            return set() if _name_goes_on(tokens, start + size) else _one_man(ends, names)
    return set()


def _one_man(ends: set[str], names: Mapping[str, tuple[str, ...]]) -> set[str]:
    """Of officials whose names end with the same two words, one man under a title or without it (جون كيري،
    وزير الخارجية الأمريكي جون كيري), the name that says most."""
    tails = {names[name][-2:] for name in ends}
    if len(tails) != 1 or len(next(iter(tails))) != 2:
        return ends
    return {max(ends, key=lambda name: len(names[name]))}


def _person_named(tokens: Sequence[Token], start: int, persons: Mapping[str, str]) -> str | None:
    """The person whose full or family name the words at tokens[start] are (not a title: «وقال الرئيس»; nor a
    name the person finder took from words that are none: «مملكة البحرين»، «للمؤتمر د»)."""
    for size in (2, 1):
        words = tokens[start:start + size]
        key = " ".join(t.norm for t in words)
        if len(words) == size and key in persons and not match_stem(words[0], _NOT_IN_NAMES | _HONORIFICS) \
                and not _name_goes_on(tokens, start + size) and _a_name(persons[key]):
            return persons[key]
    return None


def _a_name(name: str) -> bool:
    """Whether a person the finder named has a name (not «مملكة البحرين», «حرص خادم الحرمين», «عقب الجلسة», the
    accusatives «اجتماعا ثلاثيا» after «عقد الوزير الأمريكي»)."""
    words = [token for token in tokenize(name) if token.kind == "word"]
    return _looks_like_name(words) and not any(token.norm in _ABBREVIATED_TITLES or _no_name_word(token) for token in words) \
        and not all(token.norm.endswith("ا") for token in words) \
        and not _names_a_country(words)


_NAME_LINKS = lexicon("بن ابن بنت")
_ON_BEHALF = lexicon("باسم")


def _leading_name(words: tuple[str, ...]) -> tuple[str, ...]:
    """The name an official was cited by before his title (راجح بادي in «راجح بادي، المتحدث باسم الحكومة»), or
    nothing when the title came first."""
    for at, word in enumerate(words):
        if set(stems(word)) & (TITLE_HEADS | _PROFESSIONS | _HOLDERS):
            return tuple(word.strip(",،") for word in words[:at]) if at >= _NAME_WORDS[0] else ()
        if set(stems(word)) & _NOT_IN_NAMES:
            return ()
    return ()


def _ends_a_name(title: tuple[str, ...]) -> bool:
    """Whether the last word of an official's name may be his name (الجبير، فابيوس, وزير النقل باسلمه), not the end
    of a title (المتحدث باسم الجيش: «أعلن الجيش» is the army; المبعوث الأميركي إلى سوريا: «أعلنت سوريا» is Syria)."""
    before = title[-2]
    return before not in _ON_BEHALF and before not in _NOT_IN_NAMES and before not in _NP_STOPS \
        and not country_named(title[-1:])


def _name_goes_on(tokens: Sequence[Token], at: int) -> bool:
    """Whether the name before tokens[at] goes on into another man's: «قال محمد بن سلمان»."""
    return at < len(tokens) and tokens[at].kind == "word" and is_one_of(tokens[at], _NAME_LINKS)


def _as_named_before(source: CitedSource, earlier: Sequence[CitedSource]) -> CitedSource:
    """The source under the name of the one earlier official whose name begins with its words, or ends with
    its name of two words or more (الدكتور ماجد بن عبدالله القصبي after معالي وزير الشؤون الاجتماعية … الدكتور
    ماجد بن عبدالله القصبي), or whom its title with ال and the words after it name (الوزير الألماني after وزير
    الخارجية الألماني فرانك فالتر شتاينماير)."""
    if source.kind != "official":
        return source
    words = _title_words(source.name)
    name = _held_name(words)
    fuller = {e.name for e in earlier if e.kind == "official" and not _two_men(e.name)
              and _same_official(_title_words(e.name), words, name)}
    return replace(source, name=fuller.pop()) if len(fuller) == 1 else source


def _same_official(longer: tuple[str, ...], words: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """Whether an earlier official's words (`longer`) name the one these words and their held name name."""
    return _goes_on_from(longer, words) or _ends_with_name(longer, words) or _names_again(longer, words) \
        or bool(name) and _held_name(longer) == name and len(longer) >= len(words)


def _held_name(words: tuple[str, ...]) -> tuple[str, ...]:
    """The last two words of an official's name, before his title or after it (خالد العطية in «خالد العطية وزير
    خارجية قطر» and in «وزير الخارجية القطري خالد العطية»), or nothing when they may be a title's."""
    if leading := _leading_name(words):
        last = leading[-2:]
    elif len(words) > 2 and _ends_a_name(words):
        last = words[-2:]
    else:
        return ()
    return last if last[0] not in _NAME_LINKS and _looks_like_name(tokenize(" ".join(last))) else ()  # not «بن نايف»


def _ends_with_name(longer: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Whether the earlier name ends with these words, a name (not a title: «وزير الخارجية»)."""
    return len(longer) > len(words) >= _NAME_WORDS[0] and longer[-len(words):] == words \
        and not set(stems(words[0])) & _NOT_IN_NAMES


def _goes_on_from(longer: tuple[str, ...], words: tuple[str, ...]) -> bool:
    return len(longer) > len(words) and longer[:len(words)] == words


def _names_again(longer: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """الوزير الألماني for وزير الخارجية الألماني …: the title with ال, then adjectives of a country (nisbas, in ي)
    of the earlier name; not المدير العام for مدير الأمن العام, whose العام is the security's."""
    return len(words) > 1 and len(longer) > len(words) and words[0] != longer[0] \
        and without_article(words[0]) == longer[0] and all(word.endswith("ي") for word in words[1:]) \
        and set(words[1:]) <= set(longer[1:])


def _title_words(name: str) -> tuple[str, ...]:
    """A source's normalized words without honorifics and the courtesy titles before a name (الأستاذ)."""
    return tuple(word for word in normalize_for_matching(name).split()
                 if word not in _HONORIFICS and word not in _COURTESY_TITLES)


_COURTESY_TITLES = lexicon("الأستاذ الدكتور المهندس الشيخ السيد")


def _sources_in(tokens: Sequence[Token], sentence: Sentence) -> Iterable[CitedSource]:
    for i, token in enumerate(tokens):
        if match_stem(token, _CUE_WORDS) is None:
            continue  # the word each finder starts at is a cue word: one lookup instead of five
        for finder in _SOURCE_FINDERS:
            source = finder(tokens, i, sentence)
            if source:
                yield source


def _cue(tokens: Sequence[Token], start: int, end: int, text: str) -> str:
    """Cue words as written, without a leading و/ف: "حسبما أفاد", "في تغريدة عبر"."""
    first = tokens[start]
    stem = first.norm[1:] if first.norm[:1] in "وف" and first.norm[1:] in _CUE_WORDS else first.norm
    return display(written_stem(first, stem) + text[first.end:tokens[end - 1].end])


_WHO_TELL: frozenset[SourceKind] = frozenset({"official", "anonymous"})


def _source(tokens: Sequence[Token], start: int, sentence: Sentence, cue: str,
            said_by_a_man: bool = False) -> CitedSource | None:
    end = noun_phrase(tokens, start, source=True)
    if end == start:
        return None
    words = tokens[start:end]
    head = words[0]
    first_stem = head.norm
    if head.kind == "word" and head.norm[:1] == "ل" and head.norm[1:] in SOURCE_HEADS | MEDIA_HEADS:
        first_stem = head.norm[1:]  # وفقًا لمصدر
    # قالت ماليزيا، أعلنت أنقرة: a country speaks through its government, with a feminine verb
    # (قال السويد is a man of that name); its name is the whole source (أبلغت تركيا | الأمم المتحدة),
    # with the countries joined to it (أعلنت سوريا وفرنسا وأميركا).
    country = 0 if said_by_a_man else _countries_named(tokens, start) or int(head.norm == _KINGDOM)
    if country:
        words = tokens[start:start + country]
    kind = "organization" if country else _source_kind(words, first_stem)
    if kind is None and (titled := _name_then_title(tokens, start)):
        words, kind = tokens[start:titled], "official"
    if kind is None:
        return None
    if kind in _WHO_TELL and len(words) > 2 and words[-2].norm == "ل" and words[-1].kind == "name":
        words = words[:-2]  # … رأفت الصباغ لـ«الرياض»: whom he told, mostly the report's own outlet (not بيان لـ«الأونروا»)
    name = written_stem(head, first_stem) if head.kind == "word" else head.text
    name += sentence.text[head.end:words[-1].end]
    return CitedSource(display(name), kind, sentence.index, cue)


_IN_NAMES = _NAME_LINKS | lexicon("آل")  # written apart, آل folds into ال
_NOT_NAMES = lexicon("دول")  # أبلغت دول الخليج العربية وزير الخارجية …: the states told the minister
_HOLDERS = lexicon("الناشط الناشطة")  # who hold no post but are named for what they do, as _PROFESSIONS are


def _no_name_word(token: Token) -> bool:
    """A word no name has: a particle, even after a preposition (طبقا | لما أعلنه), an honorific (نقل تحياته
    | لفخامة رئيس …), what a name ends before (وبشدة), or a pronoun ending (تعليمات يصدرها رئيس …)."""
    particle = token.norm in _NP_STOPS or token.norm[:1] in "لب" and token.norm[1:] in _NP_STOPS  # not فان
    return particle or bool(match_stem(token, _HONORIFICS | _NEWS_NOUNS | _NAME_ENDS | _NOT_NAMES)) \
        or strip_tashkeel(token.text).endswith(_PRONOUN_ENDINGS)


def _name_then_title(tokens: Sequence[Token], start: int) -> int | None:
    """The end of a name that its title follows, which the source is (أكد أسامة النجيفي نائب رئيس الجمهورية
    العراقية; أوضح علي آل حطاب الناشط الحقوقي): two to four words of a name, بن and آل not counted, then a
    title (after a comma or not)."""
    end, words = start, 0
    while end < len(tokens) and tokens[end].kind == "word" and words < _NAME_WORDS[1]:
        token = tokens[end]
        if _a_title(token):
            break
        words += not is_one_of(token, _IN_NAMES)
        end += 1
    name = [token for token in tokens[start:end] if not is_one_of(token, _IN_NAMES)]
    if not name or not _looks_like_name(name) or is_one_of(tokens[end - 1], _IN_NAMES) \
            or any(_no_name_word(token) for token in name) \
            or _names_a_country(name):
        return None
    title = end + 1 if end < len(tokens) and tokens[end].text in _COMMA else end
    if title >= len(tokens) or not _a_title(tokens[title]):
        return None
    return _title_end(tokens, title, noun_phrase(tokens, title, source=True))


def _a_title(token: Token) -> bool:
    return match_stem(token, TITLE_HEADS) is not None or is_one_of(token, _PROFESSIONS | _HOLDERS)


def _title_end(tokens: Sequence[Token], start: int, end: int) -> int:
    """Where the title after a name ends: the name is given, so a bare word after a definite one is what
    the verb says (أسامة النجيفي نائب رئيس الجمهورية العراقية | دعمه وترحيبه), unless a title or a name
    goes on from a title (مدير عام جمرك مطار الملك عبدالعزيز الدولي) or the title has a name of its own
    (صاحب السمو الشيخ محمد بن زايد آل نهيان)."""
    for at in range(start + 2, end):
        before, token = tokens[at - 1], tokens[at]
        if match_stem(token, TITLE_HEADS) or match_stem(before, TITLE_HEADS) and not is_definite(token):
            return end
        if is_definite(before) and not is_one_of(before, _IN_NAMES | _RANK_GRADES) and not is_definite(token) \
                and token.norm[:1] not in _CLITIC_LETTERS:
            return at
    return end


# «أدانت المملكة»: the kingdom the outlet writes of speaks as a country does (named as written, whichever it is).
_KINGDOM = normalize_for_matching("المملكة")


def _names_a_country(words: Sequence[Token]) -> bool:
    """Whether a country is named anywhere in the words (مملكة البحرين، دول الخليج العربية)."""
    return any(country_named([token.norm for token in words[k:]]) for k in range(len(words)))


def _countries_named(tokens: Sequence[Token], start: int) -> int:
    """How many tokens from tokens[start] name a country, or several joined by و (سوريا وفرنسا وأميركا)."""
    end = start + country_named([t.norm for t in tokens[start:]])
    while end > start and end < len(tokens) and tokens[end].norm[:1] == "و":
        joined = country_named([tokens[end].norm[1:], *(t.norm for t in tokens[end + 1:])])
        if not joined:
            break
        end += joined
    return end - start


def _source_kind(words: Sequence[Token], first: str) -> SourceKind | None:
    if first in _HONORIFICS and len(words) > 1:
        return _source_kind(words[1:], words[1].norm)
    head = words[0]
    if head.kind == "name":
        return "social" if head.norm in PLATFORMS else "media"
    if first in MEDIA_HEADS:
        name = words[1] if len(words) > 1 else None
        social = first in _SOCIAL_HEADS or (name is not None and name.norm in PLATFORMS)
        return "social" if social else "media"
    phrase = " ".join(w.norm for w in words)
    if any(phrase == name or phrase.startswith(name + " ") for name in _MEDIA_NAMES):
        return "social" if first in PLATFORMS else "media"
    bare = without_article(first)
    if first in ANONYMOUS_HEADS or bare in ANONYMOUS_HEADS and len(words) > 1 and is_definite(words[1]):
        # قالت المصادر الأمنية (not المصادر لوكالة الأنباء, the sources cited before, told to an agency)
        in_institution = any(w.norm == _IN for w in words)
        return "official" if in_institution else "anonymous"
    if first in SOURCE_HEADS:
        return "official"
    if first in DOCUMENT_HEADS:
        return "document"
    if bare != first and len(words) == 1:
        return None  # قال الوزير، قالت الهيئة: someone cited before
    if first in TITLE_HEADS or bare in TITLE_HEADS or _rank_before_name(words, 0):
        return "official"  # قال وزير الخارجية الأمريكي جون كيري؛ قال متحدث باسم الشرطة
    if first in ORGANIZATION_HEADS or bare in ORGANIZATION_HEADS:
        return "organization"  # وأعلنت وزارة الخارجية التركية؛ أعلنت المديرية العامة للجوازات
    return None


def past_receiver(tokens: Sequence[Token], start: int) -> int:
    """Where the subject of a verb of saying begins, past the outlet it told at tokens[start] (وأوضحت
    لـ«عكاظ» مصادر مسؤولة، وقال لـ"سبق" مدير الشرطة)."""
    if start + 1 < len(tokens) and tokens[start].norm == "ل" and tokens[start + 1].kind == "name":
        return start + 2
    return start


# Verbs that cite a source but introduce no quote. توقع الوزير انخفاض الأسعار: what is expected is a noun
# right after who expects it, where the subject's noun phrase cannot tell where it ends, so these cite
# someone only before أن (توقعت جمعية تعاطف أن يصل). نشر is publishing only for an outlet: نشرت الشرطة تعزيزات.
_EXPECTING = lexicon("توقع توقعت رجح رجحت")
_PUBLISHING = lexicon("نشر نشرت")
# عبّر … عن (expressed), which is also عبر (via): «وعبر سمو نائب خادم الحرمين الشريفين عن», not «عبر «عكاظ»» or
# «عبر منفذ البطحاء»: someone who is no outlet, with the عن of what is expressed soon after.
_EXPRESSING = lexicon("عبر عبرت")
_EXPRESSED_REACH = 4  # words from the end of who expresses to its عن: «عبر سمو الرئيس العام … عقب نهاية الاجتماع عن»
_ABOUT = normalize_for_matching("عن")
_CONDEMNING = lexicon("أدان أدانت استنكر استنكرت شجب شجبت")  # أدانت المملكة بأشد العبارات: a stance taken
_CITING_VERBS = REPORTING_VERBS | _EXPECTING | _PUBLISHING | _EXPRESSING | _CONDEMNING


def _verb_cites(verb: Token, tokens: Sequence[Token], start: int, source: CitedSource) -> bool:
    """Whether a verb that cites only some of what follows it cites the source found at tokens[start]."""
    if match_stem(verb, _PUBLISHING):
        return source.kind in ("media", "social")
    if match_stem(verb, _EXPECTING):
        end = noun_phrase(tokens, start, source=True)
        return end < len(tokens) and is_one_of(tokens[end], THAT)
    if match_stem(verb, _EXPRESSING):
        end = noun_phrase(tokens, start, source=True)
        return source.kind not in ("media", "social") and any(t.norm == _ABOUT for t in tokens[end:end + _EXPRESSED_REACH])
    return True


_THAT_WORD = lexicon("ذلك")
_WHEN_WORDS = frozenset(FROM_TODAY) | frozenset(WEEKDAYS) | lexicon("يوم مساء صباح")


def _past_when(tokens: Sequence[Token], start: int) -> int:
    """Where the subject begins past «ذلك» and the day told between the verb and it (أوضح ذلك اليوم مدير
    عام فرع الوزارة؛ وقال أمس الأحد وزير الخارجية)."""
    if start < len(tokens) and is_one_of(tokens[start], _THAT_WORD):
        start += 1
    while start < len(tokens) and tokens[start].kind == "word" and tokens[start].norm in _WHEN_WORDS:
        start += 1
    return start


def _after_reporting_verb(tokens: Sequence[Token], i: int, sentence: Sentence) -> CitedSource | None:
    """كشف موقع “أكسيوس”؛ قال مسؤول إسرائيلي كبير؛ ونقل الموقع عن مسؤولين …"""
    if not is_one_of(tokens[i], _CITING_VERBS):  # not after ب or ك: «وكلفت» is كلّف, «برأت» برّأ; nor ليؤكد,
        return None  # whose subject came before (جاء فوز فولفسبورج ليؤكد عقدة …)
    if i > 0 and tokens[i - 1].kind == "word" and match_stem(tokens[i - 1], _AS):
        return None  # "حسبما أفاد" is the next finder's
    if i > 1 and is_one_of(tokens[i - 1], _RELATIVES) and not is_one_of(tokens[i - 2], _WHILE):
        return None  # المالكي الذي اتهم المملكة: the subject came before; what follows is the object
    cue = _cue(tokens, i, i + 1, sentence.text)
    start = _past_when(tokens, past_receiver(tokens, i + 1))
    source = _source(tokens, start, sentence, cue, speech_gender(tokens[i].text) == "masculine")
    if source:
        return source if _verb_cites(tokens[i], tokens, start, source) else None
    # نقل الموقع عن مسؤولين: the relayed source after عن
    end = noun_phrase(tokens, start)
    if match_stem(tokens[i], RELAYING_VERBS) and end < len(tokens) and tokens[end].norm == _ABOUT:
        return _source(tokens, end + 1, sentence, f"{cue} {tokens[end].text}")
    return None


def _after_as(tokens: Sequence[Token], i: int, sentence: Sentence) -> CitedSource | None:
    """حسبما أفاد “تلفزيون سوريا”."""
    if not (match_stem(tokens[i], _AS) and i + 1 < len(tokens) and match_stem(tokens[i + 1], REPORTING_VERBS)):
        return None
    return _source(tokens, i + 2, sentence, _cue(tokens, i, i + 2, sentence.text))


_ACCORDING_TO_PARTICLES = lexicon("عن إلى ل to")
_WHAT = lexicon("ما لما")


def _reported(token: Token) -> bool:
    """A verb of saying, maybe with its object pronoun: أفاد، ذكره، أعلنته."""
    return is_reporting_verb(token) or any(
        token.norm.endswith(pronoun) and is_reporting_verb(token._replace(norm=token.norm[:-len(pronoun)]))
        for pronoun in ("ه", "ته"))


_POST_PREPOSITIONS = lexicon("عبر على في")


def _after_according_to(tokens: Sequence[Token], i: int, sentence: Sentence) -> CitedSource | None:
    """وفق مصدر في وزارة الخارجية الفرنسية؛ بحسب “أكسيوس”؛ نقلًا عن …"""
    if not match_stem(tokens[i], ACCORDING_TO):
        return None
    start = i + 1
    if start < len(tokens) and tokens[start].norm in _ACCORDING_TO_PARTICLES:
        start += 1
    elif start + 1 < len(tokens) and tokens[start].norm in _WHAT and _reported(tokens[start + 1]):
        start += 2  # بحسب ما أفاد، طبقا لما ذكره
    return _source(tokens, start, sentence, _cue(tokens, i, start, sentence.text))


def _on_platform(tokens: Sequence[Token], i: int, sentence: Sentence) -> CitedSource | None:
    """في تغريدة عبر منصة “إكس”: a post on a platform."""
    if not is_one_of(tokens[i], _POST_PREPOSITIONS) or i + 1 >= len(tokens):
        return None
    start = i + 1
    end = start + 1
    if match_stem(tokens[start], _SOCIAL_HEADS) and end < len(tokens):
        end += 1  # منصة “إكس”
    if tokens[end - 1].norm not in PLATFORMS:
        return None
    cue_start = i - 1 if i > 0 and match_stem(tokens[i - 1], POST_NOUNS) else i
    if cue_start > 0 and is_one_of(tokens[cue_start - 1], _POST_PREPOSITIONS):
        cue_start -= 1
    name = sentence.text[tokens[start].start:tokens[end - 1].end]
    return CitedSource(display(name), "social", sentence.index, _cue(tokens, cue_start, i + 1, sentence.text))


_IN_WORDS = frozenset({_IN})


def _in_document(tokens: Sequence[Token], i: int, sentence: Sentence) -> CitedSource | None:
    """وفي بيان مشترك: a statement, report or document."""
    if not is_one_of(tokens[i], _IN_WORDS) or i + 1 >= len(tokens):
        return None
    if not match_stem(tokens[i + 1], DOCUMENT_HEADS):
        return None
    end = i + 2
    while end < len(tokens) and tokens[end].kind == "word" and not is_definite(tokens[end]) \
            and tokens[end].norm not in _NP_STOPS and not is_reporting_verb(tokens[end]) and end - i <= 4:
        end += 1
    name = sentence.text[tokens[i + 1].start:tokens[end - 1].end]
    return CitedSource(display(name), "document", sentence.index, _cue(tokens, i, i + 1, sentence.text))


_CUE_WORDS = _CITING_VERBS | _AS | ACCORDING_TO | _POST_PREPOSITIONS | POST_NOUNS
_SOURCE_FINDERS: tuple[Callable[[Sequence[Token], int, Sentence], CitedSource | None], ...] = (
    _after_reporting_verb,
    _after_as,
    _after_according_to,
    _on_platform,
    _in_document,
)
