"""Where a sentence places what it tells: the name after a noun of a kind of place (محافظة ثادق، حي الجبور،
طريق الدمام), which tells two accounts of template news apart: an execution in one governorate and one in
another, a fire in one quarter and one in another, are two happenings whatever else their sentences share."""
from __future__ import annotations

from generator.analyze.entities import lexicon, without_article
from generator.compare.words import Words

# Towns and quarters of a few thousand people are in no gazetteer; the noun before them says what they are.
_KINDS = lexicon("محافظة المحافظة منطقة المنطقة مدينة المدينة حي الحي قرية القرية هجرة طريق الطريق شارع الشارع")


_NAME_LETTERS = 3  # the least of a name's letters that another word must begin with to be that name


def _named_places(words: Words) -> dict[str, list[str]]:
    """Each kind of place the sentence names, with the names (the word after the kind's noun, without its article)."""
    places: dict[str, list[str]] = {}
    tokens = words.tokens
    for i, named in enumerate(words.each_has(_KINDS)):
        if named and i + 1 < len(tokens) and tokens[i + 1].kind == "word":
            kind = without_article(words.stem_in(i, _KINDS) or "")
            places.setdefault(kind, []).append(without_article(min(words.stems[i + 1], key=len)))
    return places


def _names(name: str, words: Words) -> bool:
    """Whether a word of the sentence is the name or begins it, or it begins the word (الجنوب، الطريق الجنوبي)."""
    return len(name) < _NAME_LETTERS or any(
        stem.startswith(name) or name.startswith(stem) for stems in words.stems for stem in map(without_article, stems)
        if len(stem) >= _NAME_LETTERS)


def placed_apart(a: Words, b: Words) -> bool:
    """Whether the sentences name places of one kind (محافظة ثادق / محافظة حريملاء) and neither names
    anywhere a place of that kind that the other names (طريق الدمام / طريق الرياض - الدمام are one road)."""
    mine, theirs = _named_places(a), _named_places(b)
    return any(not any(_names(name, b) for name in mine[kind]) and not any(_names(name, a) for name in theirs[kind])
               for kind in mine.keys() & theirs.keys())
