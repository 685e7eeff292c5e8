"""Group articles into events: one event is one happening reported by one or more outlets.

Two articles are compared only when they fall within the date window and share a key
that is rare near their dates (one of the rarer words of their headlines, a number, an
entity): an inverted index, so the cost grows close to linearly with the number of
articles.  A compared pair gets a probability of reporting the same happening from a few
features: character n-gram TF-IDF cosines of the titles and of the starts of the bodies,
the weight of the specific headline words that the other article never uses, shared
numbers and entities, with word rarity measured within each calendar week (so a new
week of news leaves earlier weeks' scores, and a build's cache of them, as they were, and
an edited article has only its week's pairs scored again).
Events are built from these by average linkage, so that a chain
of related happenings (arrival, talks, departure) does not collapse into one event.
benchmarks/grouping.py measures all this on labelled Saudi news.
"""
from __future__ import annotations

import hashlib
import heapq
import math
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import chain
from typing import NamedTuple, TypeVar

import numpy as np
import regex
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from generator.analyze.actions import Action, actions_in, first_action, moves_in
from generator.analyze.days import FROM_TODAY, WEEKDAYS
from generator.analyze.entities import TITLE_HEADS, lexicon
from generator.analyze.normalize import normalize_for_matching, normalize_word
from generator.analyze.places import country_of_capital, places_in, with_countries
from generator.analyze.tfidf import sublinear_tfidf
from generator.cache import fingerprint


@dataclass(frozen=True)
class GroupingInput:
    article_id: str
    title: str
    lead: str  # first sentences / first paragraph of the body
    body: str
    published: date | None
    pinned_event: str | None  # the editor's `event:` key from front matter; always wins
    entities: frozenset[str] = frozenset()  # normalized entity keys found by analysis


# Of the events that grouping joined below this probability on the ten labelled days of
# benchmarks/data, 50 of 81 merge related happenings, against 61 of 565 joined above it (on the two days
# labelled last, with every report of each event, 10 of 19 against 21 of 123): the events a build
# asks the editor to check.
REVIEW_BELOW = 0.5


@dataclass(frozen=True)
class EventGroup:
    slug: str  # [a-z0-9-]; from the pinned key, else from the earliest article
    article_ids: tuple[str, ...]  # ordered by published date (undated last), then id
    # The lowest average probability at which two of its groups merged (None: nothing merged, one
    # article or the editor's pins): how sure the grouping is of the event, for the editor to check.
    weakest_join: float | None = None
    # The article ids of the two groups that merged at weakest_join: where the grouping is least sure.
    weakest_parts: tuple[tuple[str, ...], tuple[str, ...]] | None = None

    @property
    def needs_review(self) -> bool:
        return self.weakest_join is not None and self.weakest_join < REVIEW_BELOW


@dataclass(frozen=True)
class GroupingSettings:
    # Two groups merge when the probability that a pair of their articles reports one
    # happening, averaged over all their pairs, reaches this.  Higher: fewer merges of
    # related happenings, more events split (see benchmarks/data/README.md).
    similarity_threshold: float = 0.3
    window_days: int = 2  # dated articles of one event are at most this many days apart


# Logistic model of "same happening" over the pair features, in the order of
# _PairFeatures.matrix(); fitted on the candidate pairs of benchmarks/data/grouping-dev.jsonl
# (L2, C=1): `python benchmarks/grouping.py benchmarks/data/grouping-dev.jsonl --fit`, when the
# conflict column held only headlines naming other places or names (fitted again with the
# other conflicts: dev the same, dev 2 F1 0.775 with 136 hard-negative pairs merged against 0.766
# with 127, so the weights were kept).
_WEIGHTS = np.array([1.63, 7.00, -4.89, 2.36, -0.92, 0.40, -3.37, 3.08])
_BIAS = 0.27
_CONFLICT = 6  # the column of conflict
# Two groups never merge when more than this share of the pairs across them conflict (name
# different places or names in their headlines, congratulations to Jamaica / to Niger; or tell
# different happenings, see _ArticleText.conflicts_with): averaged with the other features, such a
# conflict is outweighed by everything else the templates share.  One pair in twenty is enough: most
# reports of a visit's happenings head with no verb of a kind, so the few that do are the only ones to
# tell the arrival from the talks (at a quarter, the 2015-08-06 visit merged into one event of 23).
_CONFLICT_SHARE = 0.05

_NGRAM_SIZES = (3, 4, 5)
# Only the start of the body for the n-gram vectors: news tails drift into background
# that related happenings share.
_BODY_WORDS = 200
# The headline whose specific words must be found in the other article: the title and the
# first words of the lead (a long first paragraph would count the whole article).
_HEADLINE_LEAD_WORDS = 30
_LEAD_CHARS = 400  # enough for _HEADLINE_LEAD_WORDS words
# What the other article "never uses" is looked up in its first this-many characters:
# long enough for a news story, bounded for long features.
_BODY_CHARS = 5000
_MIN_STEM_LENGTH = 3
# A key shared by more articles than this within the window proposes no pairs: it is
# not specific to a happening, and it would make the candidate graph quadratic.
_KEY_WINDOW_CAP = 40
_HEADLINE_KEYS = 12
# Numbers this short (days, counts) or these common (years) say nothing about the event.
_MIN_NUMBER_DIGITS = 3
_YEARS = frozenset(map(str, range(1400, 1460))) | frozenset(map(str, range(1990, 2040)))
_MAX_SLUG_LENGTH = 80
# _rowwise_dot: rows with more stored values than this on average are multiplied group by
# group (the body's n-grams); shorter ones in runs of this many pairs.
_LONG_ROW = 200
_DOT_CHUNK_PAIRS = 8192

_WORD = regex.compile(r"\w+")
# A short quoted phrase in a headline is mostly a name: «موبايلي», "الحامدي" (quotation
# marks are folded to " by normalize_for_matching).
_QUOTED_NAME = regex.compile(r'"([^"]{2,40})"')
_QUOTED_NAME_WORDS = 4
_NUMBER = regex.compile(r"\d+(?:[.,]\d+)*")
_THOUSANDS = regex.compile(r"[.,](?=\d{3}(?!\d))")
# Light stemming (after Larkey's light10): a conjunction, an article or preposition, one suffix
# (ة is already folded to ه).
_ARTICLES = ("ال", "بال", "كال", "فال", "لل")
_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "يا", "ه", "ي")


@dataclass(frozen=True)
class WeekOfPairs:
    """The articles whose statistics score the pairs of one calendar week (Monday to Sunday).

    A pair belongs to the week of its earlier article (pairs of two undated articles to
    a block of their own).  Word rarity is measured among the week's articles, those of
    the next `window_days` days and the undated ones, so that editing an article rescores
    its week only: a build keeps the other weeks' scores (see `group_articles`).  A week
    of a dozen outlets is a few hundred articles: enough to tell the words of one
    happening from the words of every day.
    """

    first_day: int | None  # ordinal of the week's Monday; None for the undated block
    last_day: int | None
    window_days: int
    articles: tuple[GroupingInput, ...]  # in canonical order

    def inputs(self) -> tuple[str, ...]:
        """Everything the scores depend on, as texts (a cache key)."""
        bounds = f"{self.first_day} {self.last_day} {self.window_days}"
        return (bounds, *map(_scored_text, self.articles))

    def owns(self, day: int | None) -> bool:
        """Whether a pair whose earlier article has this day belongs to this block."""
        if self.first_day is None or self.last_day is None:
            return day is None
        return day is not None and self.first_day <= day <= self.last_day


@dataclass(frozen=True)
class PairScores:
    left: tuple[str, ...]  # article ids; left[k] comes before right[k] in canonical order
    right: tuple[str, ...]
    scores: np.ndarray  # probability that the pair reports one happening
    conflicts: np.ndarray  # True where the headlines tell different happenings (_ArticleText.conflicts_with)


Job = TypeVar("Job")
Done = TypeVar("Done")
# Runs a function over (inputs, job) jobs, the inputs being all the result depends on, as
# texts; a build passes a cache's map, which keeps the results of unchanged weeks (and
# components) and computes the others (on every core from 2 × WEEKS_PER_WORKER missing weeks).
WEEKS_PER_WORKER = 4  # a week of a busy archive takes a second to score: worth a worker process
MapJobs = Callable[[Callable[[Job], Done], Sequence[tuple[tuple[str, ...], Job]]], list[Done]]


def _one_by_one(function: Callable[[Job], Done], jobs: Sequence[tuple[tuple[str, ...], Job]]) -> list[Done]:
    return [function(job) for _, job in jobs]


def group_articles(
    items: Sequence[GroupingInput],
    settings: GroupingSettings = GroupingSettings(),
    map_blocks: MapJobs = _one_by_one,
    map_components: MapJobs = _one_by_one,
) -> list[EventGroup]:
    articles = sorted(items, key=_order_key)
    _check_unique_ids(articles)
    if not articles:
        return []
    blocks = _weeks(articles, settings.window_days)
    scored = map_blocks(score_pairs, [(block.inputs(), block) for block in blocks])
    pairs, scores, conflicts = _all_pairs(articles, scored)
    clusters = _cluster(articles, pairs, scores, conflicts, settings, map_components)
    return _events(articles, clusters)


def score_pairs(block: WeekOfPairs) -> PairScores:
    """The candidate pairs a block owns, each with its probability of one happening."""
    left, right, features = pair_features(block)
    return PairScores(left, right, 1.0 / (1.0 + np.exp(-(features @ _WEIGHTS + _BIAS))), features[:, _CONFLICT] > 0.5)


def pair_features(block: WeekOfPairs) -> tuple[tuple[str, ...], tuple[str, ...], np.ndarray]:
    """The candidate pairs a block owns (article ids) and their features, one row each:
    what the model scores, and what benchmarks/grouping.py --fit fits it on."""
    texts = [_ArticleText.of(article) for article in block.articles]
    candidates = _candidate_pairs([t.day for t in texts], _candidate_keys(texts), block.window_days)
    # Features of all candidates, not only the owned ones: a pair's features depend on the
    # other pairs of its articles (_best_other), some of which the next month owns.
    features = _PairFeatures.of(texts, candidates).matrix() if candidates else np.zeros((0, len(_WEIGHTS)))
    owned = [k for k, (i, _) in enumerate(candidates) if block.owns(texts[i].day)]
    ids = [article.article_id for article in block.articles]
    left = tuple(ids[candidates[k][0]] for k in owned)
    right = tuple(ids[candidates[k][1]] for k in owned)
    return left, right, features[np.array(owned, dtype=np.int64)]


def week_blocks(items: Sequence[GroupingInput], settings: GroupingSettings = GroupingSettings()) -> list[WeekOfPairs]:
    """The blocks whose pairs group_articles scores."""
    return _weeks(sorted(items, key=_order_key), settings.window_days)


def _weeks(articles: Sequence[GroupingInput], window_days: int) -> list[WeekOfPairs]:
    """One block per calendar week with dated articles, and one for the undated ones."""
    dated = [a for a in articles if a.published is not None]
    undated = tuple(articles[len(dated) :])
    days = list(map(_day, dated))
    blocks = []
    for monday in dict.fromkeys(day - date.fromordinal(day).weekday() for day in days):  # type: ignore[operator]
        sunday = monday + 6
        members = dated[bisect_left(days, monday) : bisect_right(days, sunday + window_days)]
        blocks.append(WeekOfPairs(monday, sunday, window_days, (*members, *undated)))
    if undated:
        blocks.append(WeekOfPairs(None, None, window_days, undated))
    return blocks


def _scored_text(article: GroupingInput) -> str:
    """What of an article its pairs' scores depend on (the pin does not: it only joins)."""
    day = article.published.isoformat() if article.published else ""
    return fingerprint(article.article_id, day, article.title, article.lead[:_LEAD_CHARS],
                       article.body[:_BODY_CHARS], *sorted(article.entities))


def _all_pairs(articles: Sequence[GroupingInput], scored: Sequence[PairScores]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every block's pairs as positions in `articles` (an array of rows (i, j), sorted), their scores and conflicts."""
    position = {article.article_id: index for index, article in enumerate(articles)}
    def positions(ids: tuple[str, ...]) -> np.ndarray:
        return np.fromiter(map(position.__getitem__, ids), dtype=np.int64, count=len(ids))
    left = np.concatenate([positions(block.left) for block in scored] or [np.zeros(0, np.int64)])
    right = np.concatenate([positions(block.right) for block in scored] or [np.zeros(0, np.int64)])
    scores = np.concatenate([block.scores for block in scored] or [np.zeros(0)])
    conflicts = np.concatenate([block.conflicts for block in scored] or [np.zeros(0, bool)])
    order = np.lexsort((right, left))
    return np.column_stack((left[order], right[order])), scores[order], conflicts[order]


def _day(article: GroupingInput) -> int | None:
    return article.published.toordinal() if article.published else None


def _order_key(article: GroupingInput) -> tuple[bool, date, str]:
    return (article.published is None, article.published or date.min, article.article_id)


def _check_unique_ids(articles: Sequence[GroupingInput]) -> None:
    seen: set[str] = set()
    for article in articles:
        if article.article_id in seen:
            raise ValueError(f"duplicate article id: {article.article_id!r}")
        seen.add(article.article_id)


# --- per-article text ---------------------------------------------------------------------


def _words(normalized: str) -> list[str]:
    return _WORD.findall(normalized)


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    if word.startswith("و") and len(word) > _MIN_STEM_LENGTH:
        word = word[1:]
    for prefix in _ARTICLES:
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_STEM_LENGTH:
            word = word[len(prefix) :]
            break
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM_LENGTH:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=1 << 17)
def _content_stem(word: str) -> str:
    """The stem of a word that can say what an article is about; "" for short words and numbers."""
    return _stem(word) if len(word) >= _MIN_STEM_LENGTH and not word.isdigit() else ""


def _stems(words: Iterable[str]) -> frozenset[str]:
    stems = set(map(_content_stem, set(words)))
    stems.discard("")
    return frozenset(stems)


def _numbers(normalized: str) -> frozenset[str]:
    found = map(_canonical_number, _NUMBER.findall(normalized))
    return frozenset(n for n in found if sum(c.isdigit() for c in n) >= _MIN_NUMBER_DIGITS and n not in _YEARS)


def _canonical_number(number: str) -> str:
    """Without its thousands separators, which outlets write as a comma, a point or not at all
    (33,288 / 33.288 / 33288); a point before other than three digits is a decimal point."""
    return _THOUSANDS.sub("", number)


@dataclass(frozen=True)
class _ArticleText:
    day: int | None
    title: list[str]
    body: list[str]  # the first _BODY_WORDS words
    headline_stems: frozenset[str]  # title and start of the lead
    all_stems: frozenset[str]
    numbers: frozenset[str]
    entities: frozenset[str]
    headline_places: frozenset[str]  # of the title, and the region the lead says it happened in
    places: frozenset[str]  # named anywhere (up to _BODY_CHARS), with their countries
    title_names: tuple[frozenset[str], ...]  # stems of each quoted name of the title
    actions: frozenset[str]  # the kinds of action the title names (arrive, depart, meet, …)
    moves: frozenset[str]  # the directions of a move it names (up, down)
    action: _Parties | None  # its first verb of a kind, with the stems of the words around it
    lead_actions: frozenset[str]  # the kind of the lead's first verb of a kind, if it comes early
    figures: tuple[_Figure, ...]  # the numbers of the title and the start of the lead
    weekdays: frozenset[int]  # the weekdays its headline names after اليوم / أمس / غدا
    ordinals: frozenset[int]  # the ordinals of its title (أول طائرة / الطائرة الثانية)
    title_stems: frozenset[str]
    condemner: frozenset[str]  # the stems of who condemns, when the lead opens on a condemnation
    sentences: frozenset[str]  # the kinds of death sentence its headline says were carried out (قصاصًا، تعزيرًا)

    @classmethod
    def of(cls, article: GroupingInput) -> _ArticleText:
        title = normalize_for_matching(article.title)
        body = normalize_for_matching(article.body[:_BODY_CHARS])
        title_words, body_words = _words(title), _words(body)
        lead = normalize_for_matching(article.lead[:_LEAD_CHARS])
        lead_words = _words(lead)[:_HEADLINE_LEAD_WORDS]
        title_stems = _stems(title_words)
        headline_stems = title_stems | _stems(lead_words)
        title_places = places_in(title_words)
        lead_action = first_action(lead_words[:_LEAD_ACTION_WORDS])  # what happened, if it comes early
        return cls(
            day=_day(article),
            title=title_words,
            body=body_words[:_BODY_WORDS],
            headline_stems=headline_stems,
            all_stems=headline_stems | _stems(body_words),
            numbers=_numbers(f"{title}\n{body}"),
            entities=frozenset(map(normalize_word, article.entities)),
            headline_places=title_places | _lead_regions(lead_words),
            places=with_countries(title_places | places_in(body_words)),
            title_names=_quoted_names(title),
            actions=actions_in(title_words),
            moves=moves_in(title_words),
            action=_Parties.of(first_action(title_words)),
            lead_actions=frozenset() if lead_action is None else frozenset([lead_action.kind]),
            weekdays=_told_weekdays(title_words + lead_words),
            ordinals=_ordinals(title_words),
            figures=_figures(f"{title} {_first_words(lead)}"),
            title_stems=title_stems,
            condemner=_condemner(lead_action),
            sentences=frozenset(_SENTENCES[word] for word in title_words + lead_words[:_LEAD_ACTION_WORDS] if word in _SENTENCES),
        )

    def conflicts_with(self, other: _ArticleText) -> bool:
        """Whether the two headlines tell different happenings: each names a place or a name the other
        article never mentions, or they name different kinds of action (one leaves, the other
        arrives), in their titles or in the first words of their leads, opposite moves (a close up,
        a close down), one action of two other parties, measurements that disagree, other weekdays, or
        other ordinals in their titles (the first aid plane to land, the second), leads that open on
        condemnations by other parties, or other kinds of death sentence carried out."""
        return ((self.names_unknown_to(other) and other.names_unknown_to(self))
                or _disjoint(self.actions, other.actions) or _disjoint(self.moves, other.moves)
                or _disjoint(self.lead_actions, other.lead_actions) or self.other_parties(other)
                or _measured_apart(self.figures, other.figures) or _disjoint(self.weekdays, other.weekdays)
                or _disjoint(self.ordinals, other.ordinals) or self.other_condemner(other)
                or _disjoint(self.sentences, other.sentences))

    def other_condemner(self, other: _ArticleText) -> bool:
        """Whether the leads open on condemnations by parties that share no word, neither named in the other's
        title unless in its own too: «استنكرت مملكة البحرين» / «استنكر معالي الأمين العام لمجلس التعاون» are
        two reactions to al-Maliki's remarks, «استنكر الدكتور عبد اللطيف الزياني» / «الزياني: تصريحات المالكي
        …» one. (A word of both titles is what is condemned: «تصريحات» after «مملكة البحرين وبشدة».)"""
        mine, theirs = self.condemner, other.condemner
        return _disjoint(mine, theirs) and not (mine & other.title_stems) - self.title_stems \
            and not (theirs & self.title_stems) - other.title_stems

    def names_unknown_to(self, other: _ArticleText) -> bool:
        """Whether this headline names a place (in its title, or as the region of its lead) or a quoted name
        that the other article never mentions."""
        return any(place not in other.places and country_of_capital(place) not in other.places
                   for place in self.headline_places) or any(not name <= other.all_stems for name in self.title_names)

    def other_parties(self, other: _ArticleText) -> bool:
        """Whether both titles tell one kind of action, and the words before the verbs (who acts) or
        after them (on whom) share nothing with the other's headline: a minister receiving two guests."""
        if self.action is None or other.action is None or self.action.kind != other.action.kind:
            return False
        sides = ((self.action.subject, other.action.subject), (self.action.object, other.action.object))
        return any(_disjoint(mine, other.headline_stems) and _disjoint(theirs, self.headline_stems)
                   for mine, theirs in sides)


# The interior ministry's statements of executions share one template, region and day: the sentence carried out
# (retribution, a discretionary one) is what tells two apart.
_SENTENCES = {word: kind for kind, words in (("qisas", "قصاص قصاصا القصاص"), ("tazir", "تعزير تعزيرا التعزير"))
              for word in lexicon(words)}

# Who condemns is named in the first words after the verb that opens the lead (أدانت المملكة بأشد العبارات،
# استنكرت الأمانة العامة لمنظمة التعاون الإسلامي), after a dateline of a word or two at most (واس – عمان).
# A reaction is its own happening: several parties condemning one attack or one remark are as many events.
# Only condemnations: leads opening on arrivals or meetings name the same party in other words too often
# (the Yemeni president / Hadi), and cost the grouping recall (benchmarks/data/README.md, session 31).
_CONDEMNER_WORDS = 3
_DATELINE_WORDS = 2
_NO_PARTY = _stems(normalize_for_matching("العام العامة معالي بشدة بأشد العبارات").split())


def _condemner(action: Action | None) -> frozenset[str]:
    """Who condemns, from the lead's first verb of a kind (empty unless it is a condemnation that opens the lead)."""
    if action is None or action.kind != "condemn" or len(action.subject) > _DATELINE_WORDS:
        return frozenset()
    return _stems(action.object[:_CONDEMNER_WORDS]) - _TITLE_STEMS - _NO_PARTY


_REGION_NOUNS = frozenset(f"{particle}{noun}" for particle in ("", "و", "ب", "وب") for noun in lexicon("منطقة محافظة مدينة"))
_LEAD_REGION_WORDS = 20
_REGION_NAME_WORDS = 3


def _lead_regions(lead_words: list[str]) -> frozenset[str]:
    """The places the start of the lead names as the region, province or city of the happening
    («فرع وزارة العمل بمنطقة مكة المكرمة»); a dateline's town («سبق- الرياض:») is not one."""
    start = lead_words[:_LEAD_REGION_WORDS]
    return frozenset().union(*(places_in(start[i + 1 : i + 1 + _REGION_NAME_WORDS])
                               for i, word in enumerate(start) if word in _REGION_NOUNS))


# Who acts is told by a name, not by a title: «أمير عسير يستقبل» / «الأمير فيصل بن بندر يستقبل» are two emirs.
_TITLE_STEMS = _stems(TITLE_HEADS | {normalize_word(word) for word in ("محافظ", "سمو", "صاحب", "الملكي")})


class _Parties(NamedTuple):
    """A title's first verb of a kind, and the stems of who acts and on whom (computed once an article,
    compared for each of its pairs)."""

    kind: str
    subject: frozenset[str]
    object: frozenset[str]

    @classmethod
    def of(cls, action: Action | None) -> _Parties | None:
        if action is None:
            return None
        return cls(action.kind, _stems(action.subject) - _TITLE_STEMS, _stems(action.object) - _TITLE_STEMS)


# The lead's first verb tells what happened when it comes this early (وصل 120 يمنيا / التقى المستشار); later
# ones are mostly of a clause about something else (وكان في استقباله).
_LEAD_ACTION_WORDS = 15


_DAY = normalize_for_matching("يوم")
_TIMES_OF_DAY = lexicon("مساء صباح ظهر عصر فجر ليلة")
_AFTER = normalize_for_matching("بعد")  # بعد غد الأربعاء: another day than the happening's
_THAT = lexicon("إن أن إنه أنه إنها أنها بأن بأنه")


def _told_weekdays(words: list[str]) -> frozenset[int]:
    """The weekdays a headline dates a happening with: told from the day of writing (اليوم الاثنين،
    مساء أمس الأحد, not بعد غد الأربعاء) or at a time of day (صباح الأحد، مساء يوم السبت), unless what
    follows is what someone said then."""
    def dated(i: int) -> bool:
        before = words[i - 1] if i else ""
        if i + 1 < len(words) and words[i + 1] in _THAT:
            return False  # «قال بيان للجيش التركي اليوم الأحد إن جنديين قتلا … خلال الليل»: it dates the saying
        if before in FROM_TODAY:
            return not (i >= 2 and words[i - 2] == _AFTER)
        return before in _TIMES_OF_DAY or (before == _DAY and i >= 2 and words[i - 2] in _TIMES_OF_DAY)
    return frozenset(WEEKDAYS[word] for i, word in enumerate(words) if word in WEEKDAYS and dated(i))


_ORDINALS = {normalize_for_matching(word): number for number, words in enumerate((
    "أول الأول الأولى أولى", "ثاني الثاني الثانية ثانية", "ثالث الثالث الثالثة ثالثة", "رابع الرابع الرابعة رابعة",
    "خامس الخامس الخامسة خامسة"), start=1) for word in words.split()}
# A quarter or half of the year: one outlet heads a company's results with the second quarter, another with
# the first half.
_PERIODS = frozenset(("ربع", "نصف"))


def _ordinals(words: list[str]) -> frozenset[int]:
    return frozenset(_ORDINALS[word] for i, word in enumerate(words)
                     if word in _ORDINALS and not (i and _stem(words[i - 1]) in _PERIODS))


class _Figure(NamedTuple):
    value: float
    decimals: int  # digits after the decimal point
    # A fraction: a measurement (a close of 8807.24 points, a rise of 1.56 %, a quake of 6.9), unless
    # its point may be a thousands separator.
    measured: bool

    def agrees_with(self, other: _Figure) -> bool:
        """Whether one is the other rounded or cut short (8807.24 / 8807.2 / 8807, 584.376 / 584.3)."""
        coarse, fine = sorted((self, other), key=lambda figure: figure.decimals)
        unit = 10.0 ** -coarse.decimals
        tolerance = unit * 1e-6  # of the binary fractions
        return (abs(fine.value - coarse.value) <= unit / 2 + tolerance
                or coarse.value - tolerance <= fine.value < coarse.value + unit - tolerance)


_LAST_THREE = regex.compile(r"[.,]\d{3}$")


def _figures(normalized: str) -> tuple[_Figure, ...]:
    """The numbers of a text, with their decimals. A point or comma before the last three digits is
    read both ways: 584.376 طناً is 584,376 tonnes where another outlet writes 584.3 (thousand)."""
    figures = []
    for number in _NUMBER.findall(normalized):
        readings = [_canonical_number(number)]
        ambiguous = bool(_LAST_THREE.search(number))
        if ambiguous:
            readings.append(_THOUSANDS.sub("", number[:-4]) + "." + number[-3:])
        for reading in readings:
            whole, _, fraction = reading.replace(",", ".").partition(".")
            if "." not in fraction:
                figures.append(_Figure(float(f"{whole}.{fraction or 0}"), len(fraction), bool(fraction) and not ambiguous))
    return tuple(figures)


_FIGURE_OR_WORD = regex.compile(r"\d+(?:[.,]\d+)+|\w+")


def _first_words(normalized: str) -> str:
    """The text up to its _HEADLINE_LEAD_WORDS-th word, a figure (3.20) counting as one."""
    ends = [match.end() for match in _FIGURE_OR_WORD.finditer(normalized)][:_HEADLINE_LEAD_WORDS]
    return normalized[: ends[-1]] if ends else ""


def _measured_apart(a: tuple[_Figure, ...], b: tuple[_Figure, ...]) -> bool:
    """Whether one headline gives a measurement, and neither one's measurements (its whole numbers if it
    has none) agree with any figure of the other: a rise of 135.65 points and 1.56 % against one of 45
    points and 0.5 %, a quake of 6.9 against one of 6.3 (two sessions, two quakes told in one template)."""
    def unmatched(mine: tuple[_Figure, ...], theirs: tuple[_Figure, ...]) -> bool:
        measured = [figure for figure in mine if figure.measured] or list(mine)
        return bool(measured) and not any(m.agrees_with(t) for m in measured for t in theirs)
    return any(f.measured for f in a + b) and unmatched(a, b) and unmatched(b, a)


def _disjoint(a: frozenset[object], b: frozenset[object]) -> bool:
    """Both are named and share nothing."""
    return bool(a) and bool(b) and not a & b


def _quoted_names(normalized_title: str) -> tuple[frozenset[str], ...]:
    phrases = (_words(match) for match in _QUOTED_NAME.findall(normalized_title))
    names = (_stems(words) for words in phrases if len(words) <= _QUOTED_NAME_WORDS)
    return tuple(name for name in names if name)


# --- candidate pairs ----------------------------------------------------------------------


def _candidate_keys(texts: Sequence[_ArticleText]) -> list[frozenset[str]]:
    """The rarest shared headline words of each article, its title, its specific numbers and entities.

    A word counts once for all the articles with one title: copies of a wire story would
    otherwise fill their keys with the words only they share, and never meet the other
    reports of their happening.
    """
    by_title: dict[str, set[str]] = defaultdict(set)
    for t in texts:
        by_title[" ".join(t.title)].update(t.headline_stems)
    frequency = Counter(chain.from_iterable(by_title.values()))
    def rarest(stems: frozenset[str]) -> list[str]:
        shared = (s for s in stems if frequency[s] > 1)
        return sorted(shared, key=lambda s: (frequency[s], s))[:_HEADLINE_KEYS]

    return [
        frozenset(rarest(t.headline_stems)) | {"=" + " ".join(t.title)}
        | {f"#{n}" for n in t.numbers} | {f"@{e}" for e in t.entities}
        for t in texts
    ]


def _candidate_pairs(
    days: Sequence[int | None], keys: Sequence[frozenset[str]], window_days: int
) -> list[tuple[int, int]]:
    """Pairs (i < j) sharing a key that is rare near their dates, within the date window.

    Articles are in canonical order (dated by date, then undated), so every posting list
    is sorted by date and the window is a contiguous run.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for index, article_keys in enumerate(keys):
        for key in article_keys:
            postings[key].append(index)
    pairs: set[tuple[int, int]] = set()
    for posting in postings.values():
        if len(posting) > 1:
            pairs.update(_pairs_in_window(posting, days, window_days))
    return sorted(pairs)


def _pairs_in_window(
    posting: list[int], days: Sequence[int | None], window_days: int
) -> Iterable[tuple[int, int]]:
    dated = [i for i in posting if days[i] is not None]
    undated = posting[len(dated) :]
    end = 0
    for position, i in enumerate(dated):
        end = max(end, position + 1)
        while end < len(dated) and days[dated[end]] - days[i] <= window_days:  # type: ignore[operator]
            end += 1
        if end - position <= _KEY_WINDOW_CAP:
            yield from ((i, j) for j in dated[position + 1 : end])
    if undated and len(posting) <= _KEY_WINDOW_CAP:
        for position, j in enumerate(undated):
            yield from ((i, j) for i in dated + undated[:position])


# --- pair scores --------------------------------------------------------------------------


@dataclass(frozen=True)
class _PairFeatures:
    title: np.ndarray  # character n-gram TF-IDF cosines
    body: np.ndarray
    contrast: np.ndarray  # specific headline words of one article absent from the other
    shared_numbers: np.ndarray  # Jaccard of specific numbers, 0 when one has none
    number_conflict: np.ndarray  # 1 when both have specific numbers and share none
    shared_entities: np.ndarray
    conflict: np.ndarray  # 1 when the headlines tell different happenings
    title_margin: np.ndarray  # title cosine above the closer of the two articles' next best title

    @classmethod
    def of(cls, texts: Sequence[_ArticleText], pairs: Sequence[tuple[int, int]]) -> _PairFeatures:
        left = np.fromiter((i for i, _ in pairs), dtype=np.int64, count=len(pairs))
        right = np.fromiter((j for _, j in pairs), dtype=np.int64, count=len(pairs))
        cosines = [_rowwise_dot(block, block, left, right) for block in _ngram_blocks(texts)]
        contrasts = _contrasts(texts, left, right)
        numbers = [_overlap(texts[i].numbers, texts[j].numbers) for i, j in pairs]
        entities = [_overlap(texts[i].entities, texts[j].entities) for i, j in pairs]
        conflicts = [texts[i].conflicts_with(texts[j]) for i, j in pairs]
        return cls(
            title=cosines[0],
            body=cosines[1],
            contrast=contrasts,
            shared_numbers=np.array([max(n, 0.0) for n in numbers]),
            number_conflict=np.array([float(n == 0.0) for n in numbers]),
            shared_entities=np.array([max(e, 0.0) for e in entities]),
            conflict=np.array(conflicts, dtype=np.float64),
            title_margin=cosines[0] - np.minimum(*_best_other(cosines[0], left, right, len(texts))),
        )

    def matrix(self) -> np.ndarray:
        return np.column_stack(
            [
                self.title,
                self.body,
                self.contrast,
                self.shared_numbers,
                self.number_conflict,
                self.shared_entities,
                self.conflict,
                self.title_margin,
            ]
        )


def _best_other(values: np.ndarray, left: np.ndarray, right: np.ndarray, articles: int) -> tuple[np.ndarray, np.ndarray]:
    """For each pair, the highest value of any other pair of its left article, and of its right one (0 if none).

    Relative to an article's own neighbourhood, a score means the same on a day of one
    story told ten times and on a day of ten templates: a report of another happening
    scores below the copies of its own.
    """
    nodes = np.concatenate((left, right))
    both = np.concatenate((values, values))
    order = np.lexsort((-both, nodes))  # by article, highest value first
    nodes, both = nodes[order], both[order]
    starts = np.flatnonzero(np.concatenate(([True], nodes[1:] != nodes[:-1])))
    best = np.zeros(articles)
    second = np.zeros(articles)
    best[nodes[starts]] = both[starts]
    has_second = np.diff(np.append(starts, len(nodes))) > 1
    second[nodes[starts[has_second]]] = both[starts[has_second] + 1]
    def other(side: np.ndarray) -> np.ndarray:
        return np.where(values >= best[side], second[side], best[side])
    return other(left), other(right)


def _ngram_blocks(texts: Sequence[_ArticleText]) -> list[sparse.csr_matrix]:
    """L2-normalised TF-IDF of character n-grams for the title and the start of the body."""
    fields = ([t.title for t in texts], [t.body for t in texts])
    words = dict.fromkeys(chain.from_iterable(chain.from_iterable(fields)))  # in order of first use
    vocabulary = {word: column for column, word in enumerate(words)}
    ngrams = _ngram_matrix(vocabulary)
    return [sublinear_tfidf((_word_counts(documents, vocabulary) @ ngrams).tocsr()) for documents in fields]


def _word_counts(documents: Sequence[list[str]], vocabulary: dict[str, int]) -> sparse.csr_matrix:
    """Documents × word counts."""
    lengths = np.fromiter(map(len, documents), dtype=np.int64, count=len(documents))
    total = int(lengths.sum())
    columns = np.fromiter(map(vocabulary.__getitem__, chain.from_iterable(documents)), dtype=np.int64, count=total)
    indptr = np.concatenate(([0], np.cumsum(lengths)))
    shape = (len(documents), max(len(vocabulary), 1))
    counts = sparse.csr_matrix((np.ones(total), columns, indptr), shape=shape)
    counts.sum_duplicates()  # sorted too, which fixes the order in which products are added up
    return counts


def _ngram_matrix(vocabulary: dict[str, int]) -> sparse.csr_matrix:
    """Word × character n-gram counts: each distinct word is cut into n-grams only once."""
    grams: dict[str, int] = {}
    rows: list[int] = []
    columns: list[int] = []
    for word, row in vocabulary.items():
        padded = f" {word} "
        for size in _NGRAM_SIZES:
            for start in range(max(len(padded) - size + 1, 1)):
                rows.append(row)
                columns.append(grams.setdefault(padded[start : start + size], len(grams)))
    data = np.ones(len(rows), dtype=np.float64)
    return sparse.csr_matrix((data, (rows, columns)), shape=(max(len(vocabulary), 1), max(len(grams), 1)))


def _rowwise_dot(
    scattered: sparse.csr_matrix, gathered: sparse.csr_matrix, left: np.ndarray, right: np.ndarray
) -> np.ndarray:
    """Dot product of row left[k] of `scattered` and row right[k] of `gathered`, for every k.

    Pairs come sorted by their left row: its weights are scattered once into a dense
    vector, and the right rows are gathered against it.  Each pair's products are added
    up in the order of its row, so that a pair gets the same bits wherever it is.
    """
    out = np.zeros(len(left))
    dense = np.zeros(scattered.shape[1])
    starts = np.flatnonzero(np.concatenate(([True], left[1:] != left[:-1]))).tolist()
    groups = list(zip(starts, [*starts[1:], len(left)]))
    long_rows = gathered.nnz > _LONG_ROW * gathered.shape[0]
    for chunk in _runs_of_groups(groups, _DOT_CHUNK_PAIRS):
        offset = chunk[0][0]
        # Long rows: one compiled product per group; short rows: one gather per chunk,
        # which saves the per-call cost of scipy's indexing.
        rows = None if long_rows else gathered[right[offset : chunk[-1][1]]]
        for start, end in chunk:
            own = slice(scattered.indptr[left[start]], scattered.indptr[left[start] + 1])
            dense[scattered.indices[own]] = scattered.data[own]
            if rows is None:
                out[start:end] = gathered[right[start:end]] @ dense
            else:
                first, last = rows.indptr[start - offset], rows.indptr[end - offset]
                products = dense[rows.indices[first:last]] * rows.data[first:last]
                lengths = np.diff(rows.indptr[start - offset : end - offset + 1])
                out[start:end] = np.bincount(np.repeat(np.arange(end - start), lengths), products, end - start)
            dense[scattered.indices[own]] = 0.0
    return out


def _runs_of_groups(groups: list[tuple[int, int]], size: int) -> Iterable[list[tuple[int, int]]]:
    """Consecutive groups (start, end) cut into runs of about `size` pairs."""
    run: list[tuple[int, int]] = []
    for group in groups:
        if run and group[1] - run[0][0] > size:
            yield run
            run = []
        run.append(group)
    if run:
        yield run


def _stem_weights(texts: Sequence[_ArticleText]) -> dict[str, float]:
    """Smoothed idf², so specific words count much more than common ones; the smoothing
    keeps a handful of articles (where every word looks rare or common) from extremes."""
    frequency = Counter(chain.from_iterable(t.all_stems for t in texts))
    return {stem: (math.log((1 + len(texts)) / (1 + count)) + 1) ** 2 for stem, count in frequency.items()}


def _contrasts(texts: Sequence[_ArticleText], left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Share of specific (idf²-weighted) headline words that the other article never uses.

    Taken in the direction where it is smaller, so that one side's colourful headline
    does not count; both headlines naming something the other never mentions does.
    """
    weights = _stem_weights(texts)
    columns = {stem: column for column, stem in enumerate(weights)}
    column_weights = np.fromiter(weights.values(), dtype=np.float64, count=len(weights))
    headline = _stem_matrix([t.headline_stems for t in texts], columns)
    headline.data = column_weights[headline.indices]
    used = _stem_matrix([t.all_stems for t in texts], columns)
    totals = np.asarray(headline.sum(axis=1)).ravel()
    found_right = _rowwise_dot(headline, used, left, right)  # left's headline words used by right
    found_left = _rowwise_dot(used, headline, left, right)
    matched = np.maximum(found_right, found_left)
    unmatched = np.maximum(np.minimum(totals[left] - found_right, totals[right] - found_left), 0.0)
    total = matched + unmatched
    return np.divide(unmatched, total, out=np.zeros_like(total), where=total > 0)


def _stem_matrix(stem_sets: Sequence[frozenset[str]], columns: dict[str, int]) -> sparse.csr_matrix:
    """Articles × stems, 1 where the article has the stem."""
    lengths = np.fromiter(map(len, stem_sets), dtype=np.int64, count=len(stem_sets))
    total = int(lengths.sum())
    indices = np.fromiter(map(columns.__getitem__, chain.from_iterable(stem_sets)), dtype=np.int64, count=total)
    indptr = np.concatenate(([0], np.cumsum(lengths)))
    return sparse.csr_matrix((np.ones(total), indices, indptr), shape=(len(stem_sets), max(len(columns), 1)))


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard of two sets, or -1 when either is empty (nothing to compare)."""
    if not a or not b:
        return -1.0
    return len(a & b) / len(a | b)


# --- clustering ---------------------------------------------------------------------------


@dataclass
class _Cluster:
    members: list[int]
    first_day: int | None
    last_day: int | None
    pinned: str | None

    def merged_with(self, other: _Cluster) -> _Cluster:
        days = [d for d in (self.first_day, self.last_day, other.first_day, other.last_day) if d is not None]
        return _Cluster(
            members=sorted(self.members + other.members),
            first_day=min(days, default=None),
            last_day=max(days, default=None),
            pinned=self.pinned if self.pinned is not None else other.pinned,
        )


def _compatible(a: _Cluster, b: _Cluster, window_days: int) -> bool:
    """Different pinned events never merge; every dated cross pair is within the window."""
    if a.pinned is not None and b.pinned is not None and a.pinned != b.pinned:
        return False
    if a.first_day is None or b.first_day is None:
        return True
    return max(b.last_day - a.first_day, a.last_day - b.first_day) <= window_days  # type: ignore[operator]


def _initial_clusters(articles: Sequence[GroupingInput]) -> list[_Cluster]:
    day_of = list(map(_day, articles))
    by_key: dict[str, list[int]] = defaultdict(list)
    clusters: list[_Cluster] = []
    for index, article in enumerate(articles):
        if article.pinned_event is not None:
            by_key[article.pinned_event].append(index)
        else:
            clusters.append(_Cluster([index], day_of[index], day_of[index], None))
    for key, members in by_key.items():
        days = [day for day in (day_of[i] for i in members) if day is not None]
        clusters.append(_Cluster(members, min(days, default=None), max(days, default=None), key))
    return clusters


class _Joined(NamedTuple):
    members: list[int]  # positions in the articles
    weakest_join: float | None
    weakest_parts: tuple[list[int], list[int]] | None = None  # the members of the two groups it joined


@dataclass(frozen=True)
class _Component:
    """Clusters joined by pairs scoring at least the threshold, and every pair among them.

    An average reaches the threshold only if one of its pairs does: clusters of two components
    never merge, so each component is clustered alone (and a build keeps the clustering of the
    components that no edit touched), and the pairs between components (most of the
    candidates) are never added up only to be found too weak.
    """

    clusters: tuple[_Cluster, ...]
    left: np.ndarray  # the pairs, as positions in clusters, in canonical order
    right: np.ndarray
    scores: np.ndarray
    conflicts: np.ndarray
    settings: GroupingSettings

    def inputs(self, articles: Sequence[GroupingInput]) -> tuple[str, ...]:
        """Everything its clustering depends on, as texts (a cache key)."""
        clusters = (f"{c.first_day} {c.last_day} {c.pinned!r} " + " ".join(articles[m].article_id for m in c.members)
                    for c in self.clusters)
        return (repr(self.settings), *clusters, self.left.tobytes().hex(), self.right.tobytes().hex(),
                self.scores.tobytes().hex(), self.conflicts.tobytes().hex())


def _cluster(
    articles: Sequence[GroupingInput],
    pairs: np.ndarray,
    scores: np.ndarray,
    conflicts: np.ndarray,
    settings: GroupingSettings,
    map_components: MapJobs = _one_by_one,
) -> list[_Joined]:
    """Average linkage over the candidate graph (pairs: rows (i, j) of positions in articles);
    pairs never compared count as 0."""
    initial = _initial_clusters(articles)
    owner = np.empty(len(articles), dtype=np.int64)
    for index, cluster in enumerate(initial):
        owner[cluster.members] = index
    left, right = owner[pairs[:, 0]], owner[pairs[:, 1]]
    strong = (scores >= settings.similarity_threshold) & (left != right)
    graph = sparse.coo_matrix((np.ones(int(strong.sum())), (left[strong], right[strong])), shape=(len(initial),) * 2)
    _, component = connected_components(graph, directed=False)
    # Positions of the clusters within their components, and the pairs of each component (in
    # their order, which fixes the order in which scores are added up).
    by_component = np.argsort(component, kind="stable")
    sizes = np.bincount(component)
    starts = np.concatenate(([0], np.cumsum(sizes)))
    local = np.empty(len(initial), dtype=np.int64)
    local[by_component] = np.arange(len(initial)) - np.repeat(starts[:-1], sizes)
    inside = (component[left] == component[right]) & (left != right)
    left, right, scores, conflicts = left[inside], right[inside], scores[inside], conflicts[inside]
    pair_order = np.argsort(component[left], kind="stable")
    pair_starts = np.searchsorted(component[left][pair_order], np.arange(len(sizes) + 1))
    components = []
    for c in np.flatnonzero(sizes > 1).tolist():
        members = by_component[starts[c] : starts[c + 1]]
        in_component = pair_order[pair_starts[c] : pair_starts[c + 1]]
        components.append(_Component(tuple(initial[i] for i in members.tolist()), local[left[in_component]],
                                    local[right[in_component]], scores[in_component], conflicts[in_component],
                                    settings))
    merged = map_components(_link_component, [(part.inputs(articles), part) for part in components])
    alone = [_Joined(initial[i].members, None) for i in np.flatnonzero(sizes[component] == 1).tolist()]

    def members(part: _Component, group: Iterable[int]) -> list[int]:
        return sorted(chain.from_iterable(part.clusters[i].members for i in group))

    return alone + [_Joined(members(part, group), weakest, parts and (members(part, parts[0]), members(part, parts[1])))
                    for part, groups in zip(components, merged) for group, weakest, parts in groups]


_Merged = tuple[tuple[int, ...], float | None, tuple[tuple[int, ...], tuple[int, ...]] | None]


def _link_component(component: _Component) -> list[_Merged]:
    """Average linkage within one component: which of its clusters end up together (positions in
    component.clusters), each with its weakest join and the two groups it joined. Ties go to the clusters
    with the earliest first members."""
    clusters = dict(enumerate(component.clusters))
    groups = {index: (index,) for index in clusters}
    # Each group's weakest join: its average and the two groups it joined (None: nothing joined yet).
    weakest: dict[int, tuple[float, tuple[tuple[int, ...], tuple[int, ...]]] | None] = dict.fromkeys(clusters)
    # links[a][b]: the sums, over the compared pairs between clusters a and b, of their scores and
    # of their conflicts.
    links: dict[int, dict[int, tuple[float, int]]] = defaultdict(dict)
    for a, b, score, conflict in zip(component.left.tolist(), component.right.tolist(), component.scores.tolist(),
                                     component.conflicts.tolist()):
        total, conflicts = links[a].get(b, (0.0, 0))
        links[a][b] = links[b][a] = (total + score, conflicts + conflict)
    threshold, window_days = component.settings.similarity_threshold, component.settings.window_days
    heap: list[tuple[float, int, int, int, int]] = []

    def consider(a: int, b: int) -> None:
        ca, cb = clusters[a], clusters[b]
        total, conflicts = links[a][b]
        cross = len(ca.members) * len(cb.members)
        if total / cross >= threshold and conflicts / cross <= _CONFLICT_SHARE and _compatible(ca, cb, window_days):
            # Ties broken by the clusters' first members, which do not depend on input order.
            first, second = sorted((ca.members[0], cb.members[0]))
            heapq.heappush(heap, (-total / cross, first, second, a, b))

    for a in sorted(links):
        for b in sorted(links[a]):
            if a < b:
                consider(a, b)
    next_id = len(clusters)
    while heap:
        negative_average, _, _, a, b = heapq.heappop(heap)
        if a not in clusters or b not in clusters:
            continue
        clusters[next_id] = clusters.pop(a).merged_with(clusters.pop(b))
        joins = [(-negative_average, (groups[a], groups[b])), weakest.pop(a), weakest.pop(b)]
        weakest[next_id] = min((join for join in joins if join is not None), key=lambda join: join[0])
        groups[next_id] = groups.pop(a) + groups.pop(b)
        merged_links: dict[int, tuple[float, int]] = {}
        for old in (a, b):
            for other, (total, conflicts) in links.pop(old, {}).items():
                if other not in (a, b):
                    before = merged_links.get(other, (0.0, 0))
                    merged_links[other] = (before[0] + total, before[1] + conflicts)
                    del links[other][old]
        for other, sums in sorted(merged_links.items()):
            links[next_id][other] = links[other][next_id] = sums
            consider(other, next_id)
        next_id += 1
    return [(tuple(sorted(group)), *(weakest[index] or (None, None))) for index, group in groups.items()]


# --- output -------------------------------------------------------------------------------


def _events(articles: Sequence[GroupingInput], clusters: list[_Joined]) -> list[EventGroup]:
    slugged = []
    for cluster in clusters:
        pinned = next((articles[i].pinned_event for i in cluster.members if articles[i].pinned_event is not None), None)
        source = pinned if pinned is not None else _article_slug_source(articles[cluster.members[0]])
        slugged.append((_slug(source), source, cluster))
    counts = Counter(slug for slug, _, _ in slugged)
    events = []
    for slug, source, cluster in slugged:
        if counts[slug] > 1:
            slug = f"{slug}-{_digest(source)}"
        latest = max((articles[i].published for i in cluster.members if articles[i].published), default=None)
        ids = tuple(articles[i].article_id for i in cluster.members)
        parts = cluster.weakest_parts and tuple(tuple(articles[i].article_id for i in side) for side in cluster.weakest_parts)
        events.append((latest, EventGroup(slug, ids, cluster.weakest_join, parts)))
    # Newest first (by latest article), undated events last, then by slug.
    events.sort(key=lambda e: (e[0] is None, -e[0].toordinal() if e[0] else 0, e[1].slug))
    return [event for _, event in events]


def _article_slug_source(article: GroupingInput) -> str:
    if article.published is None:
        return article.article_id
    return f"{article.published.isoformat()}-{article.article_id}"


def _slug(text: str) -> str:
    """ASCII [a-z0-9-] only; text with no usable ASCII (e.g. Arabic) gets a digest."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    slug = regex.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:_MAX_SLUG_LENGTH].strip("-")
    return slug or f"event-{_digest(text)}"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
