"""Place names in Arabic text: countries (with their adjectives, سعودي، اليمنية) and the
regions and cities of the Arab world and a few capitals elsewhere.

Event grouping uses them to tell template news apart: the same wire sentence about
another town or country ("violations in Tabuk" / "in Khaybar", "congratulations to
Jamaica" / "to Niger") is another happening, whatever the other words share.
Matching is on normalized words (normalize_for_matching), with particles attached
(بالجوف، وللأردن).
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from types import MappingProxyType

from generator.analyze.normalize import normalize_for_matching

# One country a line: its name, then the adjective (nisba) for it, then other names
# after "|".  Adjectives that are also common words or given names (مالي "financial",
# تركي, a name) are left out.
_COUNTRIES = """\
السعودية سعودي | المملكة العربية السعودية
الأردن أردني
العراق عراقي
سوريا سوري | سورية
لبنان لبناني
فلسطين فلسطيني
مصر مصري
ليبيا ليبي
تونس تونسي
الجزائر جزائري
المغرب مغربي
موريتانيا موريتاني
السودان سوداني
الصومال صومالي
جيبوتي
جزر القمر
اليمن يمني
عمان عماني | سلطنة عمان
الإمارات إماراتي
قطر قطري
البحرين بحريني
الكويت كويتي
إيران إيراني
تركيا
إسرائيل إسرائيلي
أفغانستان أفغاني
باكستان باكستاني
الهند هندي
بنغلاديش بنغلاديشي
الصين صيني
اليابان ياباني
كوريا كوري
إندونيسيا إندونيسي
ماليزيا ماليزي
الفلبين فلبيني
تايلاند تايلاندي
فيتنام فيتنامي
بورما بورمي | ميانمار
نيبال نيبالي
سريلانكا سريلانكي
روسيا روسي
أوكرانيا أوكراني
بريطانيا بريطاني | المملكة المتحدة | إنجلترا | انكلترا
فرنسا فرنسي
ألمانيا ألماني
إيطاليا إيطالي
إسبانيا إسباني
البرتغال برتغالي
هولندا هولندي
بلجيكا بلجيكي
سويسرا سويسري
النمسا نمساوي
السويد سويدي
النرويج نرويجي
الدنمارك دنماركي
فنلندا فنلندي
بولندا بولندي
اليونان يوناني
قبرص قبرصي
رومانيا روماني
المجر مجري
صربيا صربي
البوسنة بوسني
ألبانيا ألباني
أذربيجان أذربيجاني
أرمينيا أرميني
جورجيا جورجي
كازاخستان كازاخستاني
أوزبكستان أوزبكي
أميركا أميركي | أمريكا | الولايات المتحدة
كندا كندي
المكسيك مكسيكي
البرازيل برازيلي
الأرجنتين أرجنتيني
تشيلي
كولومبيا كولومبي
فنزويلا فنزويلي
الإكوادور إكوادوري
بيرو
كوبا كوبي
جامايكا جامايكي
أستراليا أسترالي
نيوزيلندا نيوزيلندي
نيجيريا نيجيري
النيجر
تشاد تشادي
السنغال سنغالي
غانا غاني
إثيوبيا إثيوبي
إريتريا إريتري
كينيا كيني
أوغندا أوغندي
تنزانيا تنزاني
جنوب أفريقيا
الكاميرون كاميروني
الغابون
الكونغو كونغولي
أنغولا
موزمبيق
زيمبابوي
بوروندي
رواندا
غينيا
ساحل العاج
توغو
بوركينا فاسو
"""
# Adjectives in another spelling or of a part of the country.
_OTHER_ADJECTIVES = {"أمريكي": "أميركا", "إنجليزي": "بريطانيا"}

# Regions and cities by country; a name of several words is written with "_".
# Words that are also common nouns (الخبر "the news", الوجه "the face", الكامل) are left out.
_CITIES = {
    "السعودية": """
        الرياض جدة مكة_المكرمة مكة المدينة_المنورة الطائف الدمام الظهران الأحساء القطيف الجبيل
        بريدة عنيزة الرس القصيم أبها عسير خميس_مشيط بيشة النماص تبوك تيماء ضباء أملج حائل
        عرعر رفحاء طريف جازان جيزان صبيا صامطة أبو_عريش الحرث فرسان نجران شرورة الباحة بلجرشي
        المخواة الجوف سكاكا القريات دومة_الجندل ينبع العلا خيبر الحناكية العيص الخرج الدرعية
        الدوادمي المجمعة القويعية وادي_الدواسر الأفلاج الزلفي السليل حفر_الباطن الخفجي رأس_تنورة
        بقيق النعيرية القنفذة رابغ خليص الخرمة رنية الجموم المذنب البكيرية محايل_عسير سراة_عبيدة
        تثليث رجال_ألمع ظهران_الجنوب الحدود_الشمالية المنطقة_الشرقية
    """,
    "سوريا": "دمشق حلب حمص حماة إدلب اللاذقية طرطوس الرقة الحسكة درعا السويداء القنيطرة دير_الزور الجولان",
    "لبنان": "بيروت صيدا",
    "ليبيا": "طرابلس بنغازي مصراتة سرت",
    "مصر": "القاهرة الإسكندرية شرم_الشيخ العريش سيناء الجيزة",
    "الأردن": "الزرقاء إربد العقبة",  # عمّان is folded into عمان, the country's name
    "العراق": "بغداد البصرة الموصل الفلوجة الرمادي كركوك أربيل تكريت الأنبار",
    "اليمن": "صنعاء عدن تعز الحديدة مأرب لحج أبين شبوة حضرموت المكلا صعدة الضالع زنجبار لودر",
    "قطر": "الدوحة",
    "الإمارات": "أبوظبي أبو_ظبي دبي الشارقة",
    "البحرين": "المنامة",
    "عمان": "مسقط",
    "إيران": "طهران",
    "تركيا": "أنقرة إسطنبول إستانبول",
    "فلسطين": "القدس غزة رام_الله نابلس الخليل جنين الضفة_الغربية",
    "إسرائيل": "تل_أبيب",
    "المغرب": "الرباط الدار_البيضاء",
    "السودان": "الخرطوم",
    "الصومال": "مقديشو",
    "موريتانيا": "نواكشوط",
    "أميركا": "واشنطن نيويورك",
    "كندا": "أوتاوا تورونتو",
    "المكسيك": "مكسيكو",
    "البرازيل": "برازيليا ريو_دي_جانيرو",
    "الأرجنتين": "بوينس_آيرس",
    "كولومبيا": "بوغوتا",
    "فنزويلا": "كاراكاس",
    "كوبا": "هافانا",
    "بريطانيا": "لندن",
    "فرنسا": "باريس كاليه",
    "ألمانيا": "برلين",
    "إيطاليا": "روما ميلانو",
    "إسبانيا": "مدريد برشلونة",
    "البرتغال": "لشبونة",
    "هولندا": "أمستردام لاهاي",
    "بلجيكا": "بروكسل",
    "سويسرا": "جنيف برن زيوريخ",
    "النمسا": "فيينا",
    "السويد": "ستوكهولم",
    "النرويج": "أوسلو",
    "الدنمارك": "كوبنهاغن",
    "فنلندا": "هلسنكي",
    "بولندا": "وارسو",
    "اليونان": "أثينا",
    "قبرص": "نيقوسيا",
    "رومانيا": "بوخارست",
    "المجر": "بودابست",
    "صربيا": "بلغراد",
    "البوسنة": "سراييفو",
    "روسيا": "موسكو",
    "أوكرانيا": "كييف",
    "أذربيجان": "باكو",
    "أرمينيا": "يريفان",
    "جورجيا": "تبليسي",
    "أوزبكستان": "طشقند",
    "أفغانستان": "كابول",
    "باكستان": "إسلام_آباد كراتشي",
    "الهند": "نيودلهي مومباي",
    "بنغلاديش": "دكا",
    "الصين": "بكين شنغهاي",
    "اليابان": "طوكيو",
    "كوريا": "سيول",
    "إندونيسيا": "جاكرتا",
    "ماليزيا": "كوالالمبور",
    "الفلبين": "مانيلا",
    "تايلاند": "بانكوك",
    "فيتنام": "هانوي",
    "أستراليا": "كانبيرا سيدني",
    "نيجيريا": "أبوجا لاغوس",
    "النيجر": "نيامي",
    "تشاد": "نجامينا",
    "السنغال": "داكار",
    "إثيوبيا": "أديس_أبابا",
    "إريتريا": "أسمرة",
    "كينيا": "نيروبي",
    "أوغندا": "كمبالا",
    "جنوب أفريقيا": "بريتوريا جوهانسبرغ",
    "الكونغو": "كينشاسا",
}

# Capitals, which news uses for their governments ("Washington reassures the Gulf"): a
# headline naming one speaks of a country that a report may name instead.
_CAPITALS = """
    الرياض دمشق بيروت طرابلس القاهرة بغداد صنعاء الدوحة أبوظبي أبو_ظبي المنامة مسقط طهران أنقرة
    تل_أبيب الرباط الخرطوم مقديشو نواكشوط واشنطن أوتاوا مكسيكو برازيليا بوينس_آيرس بوغوتا كاراكاس
    هافانا لندن باريس برلين روما مدريد لشبونة أمستردام بروكسل برن فيينا ستوكهولم أوسلو كوبنهاغن
    هلسنكي وارسو أثينا نيقوسيا بوخارست بودابست بلغراد سراييفو موسكو كييف باكو يريفان تبليسي طشقند
    كابول إسلام_آباد نيودلهي دكا بكين طوكيو سيول جاكرتا كوالالمبور مانيلا بانكوك هانوي كانبيرا
    أبوجا نيامي نجامينا داكار أديس_أبابا أسمرة نيروبي كمبالا بريتوريا كينشاسا
"""

_PARTICLES = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل")
# Endings of an adjective of nationality: يمني، اليمنية، اليمنيون، اليمنيين، اليمنيان.
_ADJECTIVE_ENDINGS = ("", "ه", "ون", "ين", "ان", "تان", "تين")
_MIN_NAME_LETTERS = 2


def _key(name: str) -> tuple[str, ...]:
    return tuple(normalize_for_matching(name.replace("_", " ")).split())


def _countries() -> tuple[dict[tuple[str, ...], str], dict[str, str]]:
    """(names → country, adjective → country), the country as its normalized first name."""
    names: dict[tuple[str, ...], str] = {}
    adjectives = {normalize_for_matching(a): normalize_for_matching(c) for a, c in _OTHER_ADJECTIVES.items()}
    for line in _COUNTRIES.splitlines():
        first, *others = [part.split() for part in line.split("|")]
        single_word = len(first) == 2 and first[0] not in ("جزر", "جنوب", "ساحل", "بوركينا")
        name = first[:1] if single_word else first
        country = " ".join(_key(" ".join(name)))
        for words in (name, *others):
            names[_key(" ".join(words))] = country
        if single_word:
            adjectives[normalize_for_matching(first[1])] = country
    return names, adjectives


def _gazetteer() -> tuple[dict[tuple[str, ...], str], dict[str, str], dict[str, str]]:
    names, adjectives = _countries()
    country_names = set(names.values())
    parents: dict[str, str] = {}
    for country, cities in _CITIES.items():
        for city in cities.split():
            place = names.setdefault(_key(city), " ".join(_key(city)))
            if place not in country_names:
                parents[place] = " ".join(_key(country))
    return names, adjectives, parents


_NAMES, _ADJECTIVES, _PARENTS = (MappingProxyType(m) for m in _gazetteer())
_LONGEST_NAME = max(map(len, _NAMES))


def _longer_names() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """First word → (the other words, place) of each name of several words."""
    found: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, place in _NAMES.items():
        if len(words) > 1:
            found.setdefault(words[0], []).append((words[1:], place))
    return {first: tuple(names) for first, names in found.items()}


_LONGER = MappingProxyType(_longer_names())


@lru_cache(maxsize=1 << 17)
def _bare(word: str) -> tuple[str, ...]:
    """The word without the particles in front of it (للأردن → لأردن, الأردن)."""
    found = []
    for particles in _PARTICLES:
        rest = word[len(particles) :]
        if word.startswith(particles) and len(rest) >= _MIN_NAME_LETTERS:
            found.append(rest)
            if particles.endswith("ل") and rest.startswith("ل"):
                found.append("ا" + rest)
    return tuple(found)


def _adjective(bare: str) -> str | None:
    """The country of an adjective of nationality (فرنسيه → فرنسا)."""
    stem = bare.removeprefix("ال")
    for ending in _ADJECTIVE_ENDINGS:
        if stem.endswith(ending) and (country := _ADJECTIVES.get(stem[: len(stem) - len(ending)])):
            return country
    return None


@lru_cache(maxsize=1 << 17)
def _word_places(word: str) -> tuple[frozenset[str], tuple[tuple[tuple[str, ...], str], ...]]:
    """The places a word names by itself (a name, an adjective of nationality), and the
    names of several words that it may start."""
    alone: set[str] = set()
    longer: list[tuple[tuple[str, ...], str]] = []
    for bare in _bare(word):
        if (place := _NAMES.get((bare,)) or _adjective(bare)) is not None:
            alone.add(place)
        longer.extend(_LONGER.get(bare, ()))
    return frozenset(alone), tuple(longer)


@lru_cache(maxsize=1)
def _surfaces() -> frozenset[str]:
    """Every word that may name a place or start a name: each name's first word and each
    adjective, with the particles that _bare takes off. A few of these name nothing (a
    particle _bare leaves on a short word): places_in looks them up and finds nothing, which
    costs less than finding them out here (the whole table at every build that groups)."""
    bases = {words[0] for words in _NAMES} | {
        article + adjective + ending for adjective in _ADJECTIVES for ending in _ADJECTIVE_ENDINGS for article in ("", "ال")
    }
    forms = {particles + base for base in bases for particles in _PARTICLES}
    forms |= {particles + base[1:] for base in bases if base.startswith("ال") for particles in _PARTICLES if particles.endswith("ل")}
    return frozenset(forms)


def places_in(words: Sequence[str]) -> frozenset[str]:
    """The places named in normalized words, countries also through their adjectives.

    Only the words that can name a place are looked at (a set intersection: an article's
    body is thousands of words); the positions of a word only when it may start a name
    of several words.
    """
    found: set[str] = set()
    for word in _surfaces().intersection(words):
        alone, longer = _word_places(word)
        found |= alone
        for start in (i for i, w in enumerate(words) if w == word) if longer else ():
            found.update(place for rest, place in longer if tuple(words[start + 1 : start + 1 + len(rest)]) == rest)
    return frozenset(found)


def with_countries(places: frozenset[str]) -> frozenset[str]:
    """The places and the countries they are in: a text about لندن mentions بريطانيا."""
    return places | {_PARENTS[p] for p in places if p in _PARENTS}


_CAPITAL_COUNTRIES = MappingProxyType({
    place: _PARENTS[place] for place in (" ".join(_key(city)) for city in _CAPITALS.split())
})


def country_of_capital(place: str) -> str | None:
    """The country whose capital a place is (واشنطن → أميركا), None for other places."""
    return _CAPITAL_COUNTRIES.get(place)


def country_named(words: Sequence[str]) -> int:
    """How many of the normalized words, from the first, name a country, by its name or by its
    capital's (قالت أنقرة: the Turkish government); 0 when they begin with no country, nor with an
    adjective of nationality or another city."""
    for size in range(min(len(words), _LONGEST_NAME), 0, -1):
        place = _NAMES.get(tuple(words[:size]))
        if place is not None:
            return size if place not in _PARENTS or country_of_capital(place) else 0
    return 0
