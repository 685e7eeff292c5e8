"""What a headline says happened: the kind of its action, the way a figure moved, who acted on whom.

Event grouping uses them to tell apart happenings whose reports share their actors, place
and day: a visitor who leaves for a country and the same visitor arriving there ("يغادر
اليوم إلى الأردن" / "يصل إلى الأردن"), a market's close that rose and the next day's that
fell ("يغلق على ارتفاع" / "تسجل تراجعًا"), one minister receiving two guests. Matching is
on normalized words (normalize_for_matching), with particles attached (وتستنكر، بارتفاع).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from generator.analyze.entities import stems
from generator.analyze.normalize import normalize_for_matching

# One kind of action a line: its finite verbs, then after "|" the verbal nouns that name it too.
# A visit is no kind of its own: its reports tell of arriving, meeting and touring alike. Agreeing is
# what talks end in: one report of talks opens «أجرى مباحثات», the next «اتفقت المملكة والأردن على».
# Concluding a visit or a participation is leaving it («يختتم زيارته» / «يغادر الأردن»), and a day that
# goes on is another happening than its close («واصل لاعبو السعودية … في اليوم قبل الأخير» / «اختتمت
# بعثة المملكة مشاركتها»).
_ACTIONS = """\
arrive: يصل وصل تصل وصلت | وصول
depart: يغادر غادر تغادر غادرت يودع ودع يختتم اختتم تختتم اختتمت | مغادرة توديع اختتام ختام
continue: يواصل واصل تواصل واصلت يواصلون
cable: يبعث بعث يهنئ تهنئ يعزي عزى | برقية برقيتي برقيات تهنئة تعزية تعازي
condemn: يدين أدان تدين أدانت دان دانت يستنكر استنكر تستنكر استنكرت يشجب شجب | إدانة استنكار
meet: يستقبل استقبل تستقبل استقبلت يلتقي التقى تلتقي يجتمع اجتمع يبحث يبحثان يبحثون تبحث يتباحث يستعرض يستعرضان \
يتفق اتفق تتفق اتفقت يتفقان تتفقان اتفقا اتفقتا \
| استقبال لقاء اجتماع مباحثات محادثات بحث
thank: يشكر شكر يشكرون تشكر يثمن | شكر
"""
# The direction of a move (a market's close, a company's result); both in one headline say nothing.
_MOVES = """\
up: يرتفع ترتفع ارتفع ارتفعت يرتد ترتد يربح تربح ربح | ارتفاع مرتفعة مكاسب
down: يتراجع تتراجع تراجع تراجعت ينخفض تنخفض انخفض انخفضت يهبط تهبط يخسر تخسر | تراجعا انخفاض هبوط خسائر
"""
_ARTICLE = "ال"
_MIN_BARE = 3


def _table(text: str) -> tuple[MappingProxyType[str, str], frozenset[str]]:
    """Word -> kind, and the finite verbs among the words."""
    kinds: dict[str, str] = {}
    verbs: set[str] = set()
    for line in text.splitlines():
        kind, words = line.split(":", 1)
        finite, _, nouns = words.partition("|")
        for word in normalize_for_matching(f"{finite} {nouns}").split():
            kinds[word] = kind
        verbs.update(normalize_for_matching(finite).split())
    return MappingProxyType(kinds), frozenset(verbs)


_ACTION_OF, _FINITE = _table(_ACTIONS)
_MOVE_OF, _ = _table(_MOVES)


@dataclass(frozen=True)
class Action:
    kind: str
    subject: tuple[str, ...]  # the headline's words before its verb
    object: tuple[str, ...]  # and after it


def _forms(word: str) -> Iterator[str]:
    """The word without the particles it may begin with (stems), each also without the article."""
    for stem in stems(word):
        yield stem
        if stem.startswith(_ARTICLE) and len(stem) - len(_ARTICLE) >= _MIN_BARE:
            yield stem[len(_ARTICLE) :]


def _kinds(words: Sequence[str], table: MappingProxyType[str, str]) -> frozenset[str]:
    return frozenset(kind for kind in (next((table[f] for f in _forms(w) if f in table), None) for w in words) if kind)


def actions_in(words: Sequence[str]) -> frozenset[str]:
    """The kinds of action the normalized words name (arrive, depart, cable, condemn, meet, thank)."""
    return _kinds(words, _ACTION_OF)


def moves_in(words: Sequence[str]) -> frozenset[str]:
    """The directions of a move the normalized words name (up, down)."""
    return _kinds(words, _MOVE_OF)


def first_action(words: Sequence[str]) -> Action | None:
    """The first finite verb of a kind among the normalized words, with the words around it."""
    for position, word in enumerate(words):
        verb = next((form for form in _forms(word) if form in _FINITE), None)
        if verb is not None:
            return Action(_ACTION_OF[verb], tuple(words[:position]), tuple(words[position + 1 :]))
    return None
