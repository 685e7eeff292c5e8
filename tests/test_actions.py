"""The action, move and parties of a headline, on real SaudiNewsNet headlines (benchmarks/data)."""
from __future__ import annotations

import pytest

from generator.analyze.actions import actions_in, first_action, moves_in
from generator.analyze.normalize import normalize_for_matching


def words(text: str) -> list[str]:
    return normalize_for_matching(text).split()


@pytest.mark.parametrize(
    "headline, kinds",
    [
        ("ولي ولي العهد يصل إلى الأردن", {"arrive"}),
        ("ولي ولي العهد يختتم زيارته إلى الأردن", {"depart"}),  # as «يغادر الأردن»
        ("ولي ولي العهد السعودي يغادر اليوم إلى عمان للقاء الملك عبد الله الثاني", {"depart", "meet"}),  # لـ + لقاء
        ("الإمارات تدين بشدة جريمة حرق مستوطنين إسرائيليين لرضيع فلسطيني", {"condemn"}),
        ("وتستنكر الاعتداء", {"condemn"}),  # a conjunction before the verb
        ("د. الربيعة يتباحث مع وزيرة الإعلام اليمنية", {"meet"}),
        ("أمير قطر يستقبل وزراء خارجية الخليج", {"meet"}),
        ("السعودية والأردن تتفقان على مواصلة دحر الإرهاب ودعم أمن المنطقة", {"meet"}),  # what talks end in
        ("خادم الحرمين يبعث برقية تهنئة لرئيس النيجر", {"cable"}),
        ("أسرة \"الحارثي\" يشكرون ولي العهد لتوجيهه بنقل ابنهم", {"thank"}),
        # a visit tells of arriving and meeting alike; من أجل and هنا are not أجّل and هنّأ
        ("نائب الرئيس اليمني خالد بحاح يتفقد عدن في زيارة مفاجئة", set()),
        ("من أجل الوطن هنا", set()),
    ],
)
def test_the_kinds_of_action_a_headline_names(headline: str, kinds: set[str]) -> None:
    assert actions_in(words(headline)) == kinds


@pytest.mark.parametrize(
    "headline, moves",
    [
        ("مؤشر السوق المالية يغلق على ارتفاع طفيف فوق مستوى 8800 نقطة", {"up"}),
        ("الأسهم السعودية تسجل تراجعاً بـ 51 نقطة", {"down"}),
        ("«موبايلي» تخسر 945 مليون ريال في النصف الأول", {"down"}),
        ("المملكة القابضة تربح 377 مليون ريال بنهاية النصف الأول", {"up"}),
        ("سوق الأسهم تغلق بارتفاع بعد هبوط الأمس", {"up", "down"}),  # both: no direction to compare
        ("ولي ولي العهد يصل إلى الأردن", set()),
    ],
)
def test_the_direction_a_headline_tells_a_figure_moved(headline: str, moves: set[str]) -> None:
    assert moves_in(words(headline)) == moves


def test_the_first_verb_splits_who_acts_from_on_whom() -> None:
    action = first_action(words("الدكتور الربيعة يستقبل المنسق الإقليمي للعمليات الإنسانية في اليمن"))
    assert action is not None and action.kind == "meet"
    assert action.subject == ("الدكتور", "الربيعه") and action.object[:2] == ("المنسق", "الاقليمي")


def test_a_verbal_noun_names_an_action_but_has_no_parties() -> None:
    """«بدء اجتماع وزراء خارجية دول الخليج مع جون كيري»: the meeting's words do not split into who met whom."""
    headline = words("بدء اجتماع وزراء خارجية دول الخليج مع جون كيري")
    assert actions_in(headline) == {"meet"} and first_action(headline) is None
