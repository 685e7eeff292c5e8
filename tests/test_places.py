"""Place names in headlines of the labelled Saudi news (benchmarks/data)."""
from __future__ import annotations

import pytest

from generator.analyze.normalize import normalize_for_matching
from generator.analyze.places import country_of_capital, places_in, with_countries


def places(text: str) -> set[str]:
    return set(places_in(normalize_for_matching(text).split()))


def norm(*names: str) -> set[str]:
    return {normalize_for_matching(name) for name in names}


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("ضبط عدد من المخالفات لقرار منع العمل تحت أشعة الشمس بالجوف", ("الجوف",)),  # particle + article
        ("تشكيل لجنة للطعون والمخالفات الانتخابية في المدينة المنورة", ("المدينة المنورة",)),  # two words
        ("الملك ونائبه يهنئان رئيس النيجر بذكرى الاستقلال", ("النيجر",)),
        ("سان جيرمان يتوج بالسوبر الفرنسي", ("فرنسا",)),  # an adjective of nationality
        ("د. الربيعة يتباحث مع وزيرة الإعلام اليمنية", ("اليمن",)),
        ("استشهاد مواطن في نجران بمقذوف عسكري من داخل الأراضي اليمنية", ("نجران", "اليمن")),
        ("ولي ولي العهد السعودي يغادر اليوم إلى عمان للقاء الملك عبد الله الثاني", ("السعودية", "عمان")),
        ("مؤشر السوق المالية يغلق على ارتفاع طفيف فوق مستوى 8800 نقطة", ()),  # مالية is not Mali
    ],
)
def test_places_of_a_headline(headline: str, expected: tuple[str, ...]) -> None:
    assert places(headline) == norm(*expected)


def test_a_city_brings_its_country() -> None:
    found = places_in(normalize_for_matching("آرسنال يفوز على تشلسي في لندن").split())
    assert with_countries(found) == norm("لندن", "بريطانيا")
    assert with_countries(places_in(normalize_for_matching("خادم الحرمين يصل إلى المغرب").split())) == norm("المغرب")


def test_a_capital_stands_for_its_country() -> None:
    [washington] = places("واشنطن تطمئن دول الخليج بخطوات عملية عسكرية")
    [tehran] = places("كيري: ملتزمون باستقرار الخليج وطهران تدعم الإرهاب")
    assert (country_of_capital(washington), country_of_capital(tehran)) == (*norm("أميركا"), *norm("إيران"))
    [taif] = places("66 مركزاً انتخابياً في الطائف")
    assert country_of_capital(taif) is None  # a town is itself: election centres in Taif are not in Riyadh
