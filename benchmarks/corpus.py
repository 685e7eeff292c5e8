"""A synthetic newsroom: N Arabic articles by M outlets about E events, for benchmarks.

    .venv/bin/python benchmarks/corpus.py /tmp/corpus-1k --articles 1000 --outlets 12 --seed 1

writes a project folder (`site_config.yml` naming the M outlets, `content/*.md` with
YAML front matter: title, outlet, published) that `digest build` builds as is.

Every sentence is a real one (shared/seeds/*.txt and the `text` of
shared/data/easc-dev.jsonl) with two words put in, or a short news lead around real ones,
with the names, places and numbers of its event filled in. The articles of one event
share its lead facts, its quote, most of its core sentences and its entities, each outlet
wording its title and choosing and ordering the sentences its own way; articles of different events share only
background sentences, so grouping has real work. Events are spread over one year, each
article published on its event's day or the day after. The same arguments make the same
files, byte for byte, as long as the seeds, the EASC file, the sentence splitter and the
repository's site_config.yml (whose glossary and terminology the project keeps) are the same.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.analyze.sentences import split_sentences  # noqa: E402

SHARED = Path("/work/shared")
SEED_FILES = sorted((SHARED / "seeds").glob("*.txt"))
EASC_FILE = SHARED / "data" / "easc-dev.jsonl"
BASE_CONFIG = ROOT / "site_config.yml"
YEAR_START = date(2025, 1, 1)
DAYS = 365

ARTICLES_PER_EVENT = 5  # on average; the default number of events is articles / this
LARGEST_EVENT_PER_OUTLET = 3  # a big story: up to three articles by every outlet
CORE_SENTENCES = 10  # real sentences that make up what an event is about
CORE_SHARE = 0.7  # share of its event's core sentences an article reports
BACKGROUND_SENTENCES = (3, 8)  # sentences of no event, per article
INSERTIONS = 2  # words put into each real sentence of an article (see _vary)
MIN_WORDS, MAX_WORDS = 5, 60  # real sentences kept for the pool

_OUTLET_NAMES = (
    ("الأفق", "al-Ofuq"), ("النهار الجديد", "al-Nahar al-Jadid"), ("المرصد", "al-Marsad"),
    ("الوطن اليوم", "al-Watan Today"), ("الشرق", "al-Sharq"), ("صوت الشام", "Sawt al-Sham"),
    ("البوابة", "al-Bawaba"), ("المشهد", "al-Mashhad"), ("الرأي الحر", "al-Rai al-Hurr"),
    ("الخبر", "al-Khabar"), ("الجسر", "al-Jisr"), ("المنارة", "al-Manara"),
)
_FIRST_NAMES = (
    "أحمد محمد خالد عمر يوسف سامي فادي رامي وليد حسن علي إبراهيم طارق ماهر نبيل كريم"
    " عادل جمال هشام زياد سليم مروان عماد باسل فراس ليلى هدى ريم سلمى نادية"
).split()
_FAMILY_NAMES = (
    "الخطيب العلي الحسن النجار الشامي المصري الحلبي العمري الزعبي القاسم الأحمد الرفاعي"
    " الجبوري التميمي الكبيسي الساعدي الحريري المقداد الدباغ السعدي البزاز الخياط الفارس"
    " العطار الحداد النقيب الشهابي الزين المعلم"
).split()
_TITLES = (
    "وزير الخارجية", "وزير الدفاع", "وزير الاقتصاد", "المتحدث باسم الحكومة", "رئيس الوزراء",
    "المبعوث الأممي", "وزير الداخلية", "محافظ البنك المركزي", "وزيرة الصحة",
)
_COUNTRIES = (
    ("سوريا", "السوري"), ("لبنان", "اللبناني"), ("الأردن", "الأردني"), ("العراق", "العراقي"),
    ("مصر", "المصري"), ("تركيا", "التركي"), ("فرنسا", "الفرنسي"), ("قطر", "القطري"),
    ("السعودية", "السعودي"), ("الإمارات", "الإماراتي"), ("روسيا", "الروسي"), ("ألمانيا", "الألماني"),
)
_PLACES = (
    "باريس دمشق بيروت القاهرة واشنطن موسكو لندن برلين أنقرة إسطنبول طهران الرياض الدوحة"
    " بغداد حلب حمص إدلب اللاذقية جنيف نيويورك بروكسل فيينا عمان درعا"
).split()
_TOPICS = (
    "التعاون الأمني", "إعادة الإعمار", "ملف اللاجئين", "أسعار الطاقة", "الترتيبات الحدودية",
    "المساعدات الإنسانية", "تبادل الأسرى", "الاستثمار المشترك", "وقف إطلاق النار", "إصلاح القطاع المصرفي",
)
_WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
_FILLERS = ("أيضا", "كذلك", "بدوره", "حينها", "اليوم", "في {place}", "يوم {weekday}", "بحسب {cited}")
_CITED = ("وكالة رويترز", "موقع أكسيوس", "مصدر دبلوماسي", "مصادر مطلعة", "وكالة فرانس برس")

_LEADS = (
    "التقى {title} {adjective}، {person}، {weekday} في {place} نظيره {other}، في اجتماع استمر {hours} ساعات"
    " لبحث {topic}، بحسب ما أفاد {cited}.",
    "بحث {title} {adjective} {person} مع {other} في {place}، {weekday}، {topic}، وفق {cited}.",
    "أعلن {title} {adjective}، {person}، {weekday} أن بلاده ستستضيف في {place} محادثات حول {topic}"
    " يشارك فيها {other}، حسبما نقل {cited}.",
)
_QUOTES = (
    "وقال {person}: “{quote}”.",
    "وأكد {person} أن “{quote}”، مشيرا إلى أن المحادثات مع {other} ستستمر.",
    "ونقل {cited} عن {person} قوله إن “{quote}”.",
)
_TITLE_FORMS = (
    "{person} يبحث مع {other} {topic} في {place}",
    "{place}: محادثات بين {person} و{other} حول {topic}",
    "{title} {adjective} يلتقي {other} في {place}",
    "اجتماع في {place} لبحث {topic} بحضور {person}",
    "{topic} على طاولة {person} و{other} في {place}",
)


@dataclass(frozen=True)
class SyntheticArticle:
    file_name: str
    title: str
    outlet: str
    published: date
    body: str  # paragraphs separated by a blank line

    def text(self) -> str:
        front_matter = yaml.safe_dump(
            {"title": self.title, "outlet": self.outlet, "published": self.published},
            allow_unicode=True, sort_keys=False,
        )
        return f"---\n{front_matter}---\n{self.body}\n"

    def write(self, content_dir: Path) -> Path:
        path = content_dir / self.file_name
        path.write_text(self.text(), encoding="utf-8")
        return path


@dataclass(frozen=True)
class Outlet:
    key: str
    name_ar: str
    name_en: str


@dataclass(frozen=True)
class _Event:
    day: date
    names: dict[str, str]  # template field → the event's value (person, place, topic…)
    core: tuple[str, ...]  # real sentences about it
    quote: str


@dataclass(frozen=True)
class Corpus:
    outlets: tuple[Outlet, ...]
    articles: tuple[SyntheticArticle, ...]

    def write_project(self, folder: Path, articles: Sequence[SyntheticArticle] | None = None) -> Path:
        """Write site_config.yml and content/ (all articles, or only those given); returns the config path."""
        content = folder / "content"
        content.mkdir(parents=True, exist_ok=True)
        for article in self.articles if articles is None else articles:
            article.write(content)
        config_path = folder / "site_config.yml"
        config_path.write_text(yaml.safe_dump(self.config(), allow_unicode=True, sort_keys=False), encoding="utf-8")
        return config_path

    def config(self) -> dict:
        """The repository's own site_config.yml (glossary, terminology…) with these outlets."""
        config = yaml.safe_load(BASE_CONFIG.read_text(encoding="utf-8"))
        config["content_dir"] = "content"
        config["outlets"] = {outlet.key: {"name": {"ar": outlet.name_ar, "en": outlet.name_en}} for outlet in self.outlets}
        return config


def sentence_pool() -> list[str]:
    """Real Arabic sentences, whitespace collapsed, in a fixed order, without repeats."""
    texts = [path.read_text(encoding="utf-8-sig") for path in SEED_FILES]
    texts += [json.loads(line)["text"] for line in EASC_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    sentences = (" ".join(sentence.text.split()) for text in texts for sentence in split_sentences(text))
    return list(dict.fromkeys(s for s in sentences if MIN_WORDS <= len(s.split()) <= MAX_WORDS))


def make_outlets(count: int) -> tuple[Outlet, ...]:
    outlets = []
    for i in range(count):
        name_ar, name_en = _OUTLET_NAMES[i % len(_OUTLET_NAMES)]
        suffix = f" {i // len(_OUTLET_NAMES) + 1}" if i >= len(_OUTLET_NAMES) else ""
        outlets.append(Outlet(f"outlet-{i + 1:02d}", name_ar + suffix, name_en + suffix))
    return tuple(outlets)


def make_corpus(articles: int, outlets: int = 12, events: int | None = None, seed: int = 1) -> Corpus:
    """`articles` articles by `outlets` outlets about `events` events (default: articles / 5;
    more if needed to keep every event within LARGEST_EVENT_PER_OUTLET articles per outlet)."""
    rng = random.Random(seed)
    pool = sentence_pool()
    outlet_list = make_outlets(outlets)
    largest = LARGEST_EVENT_PER_OUTLET * outlets
    event_count = min(articles, max(events or articles // ARTICLES_PER_EVENT, -(-articles // largest)))
    made = [_make_event(rng, pool) for _ in range(event_count)]
    made.sort(key=lambda event: event.day)
    sizes = _event_sizes(rng, articles, event_count, largest)
    written: list[SyntheticArticle] = []
    for event, size in zip(made, sizes, strict=True):
        for outlet in _outlets_of(rng, outlet_list, size):
            written.append(_make_article(rng, pool, event, outlet, len(written)))
    return Corpus(outlet_list, tuple(written))


def _event_sizes(rng: random.Random, articles: int, events: int, largest: int) -> list[int]:
    """Articles per event: at least one each, the rest skewed (a few big stories, many
    small), but never more than `largest`, so the mix is the same at any corpus size."""
    sizes = [1] * events
    weights = [rng.paretovariate(1.5) for _ in range(events)]
    remaining = articles - events
    while remaining:
        growing = [index for index in range(events) if sizes[index] < largest]
        for index in rng.choices(growing, weights=[weights[i] for i in growing], k=remaining):
            if sizes[index] < largest:
                sizes[index] += 1
                remaining -= 1
    return sizes


def _outlets_of(rng: random.Random, outlets: Sequence[Outlet], size: int) -> Iterator[Outlet]:
    """Different outlets for one event, as long as there are enough of them."""
    while size > 0:
        taken = rng.sample(list(outlets), min(size, len(outlets)))
        yield from taken
        size -= len(taken)


def _make_event(rng: random.Random, pool: Sequence[str]) -> _Event:
    person, other = (f"{rng.choice(_FIRST_NAMES)} {rng.choice(_FAMILY_NAMES)}" for _ in range(2))
    country, adjective = rng.choice(_COUNTRIES)
    names = {
        "person": person, "other": other, "title": rng.choice(_TITLES), "adjective": adjective,
        "country": country, "place": rng.choice(_PLACES), "topic": rng.choice(_TOPICS),
        "cited": rng.choice(_CITED), "hours": str(rng.randint(2, 9)),
    }
    day = YEAR_START + timedelta(days=rng.randrange(DAYS))
    core = tuple(rng.sample(list(pool), CORE_SENTENCES))
    return _Event(day, names, core, rng.choice(pool).rstrip(".!؟?"))


def _make_article(rng: random.Random, pool: Sequence[str], event: _Event, outlet: Outlet, number: int) -> SyntheticArticle:
    published = event.day + timedelta(days=rng.choice((0, 0, 0, 1)))
    fields = {**event.names, "weekday": _WEEKDAYS[published.weekday()], "quote": event.quote}
    core = rng.sample(list(event.core), round(CORE_SHARE * len(event.core)))
    background = rng.sample(list(pool), rng.randint(*BACKGROUND_SENTENCES))
    rest = [_vary(rng, sentence, fields) for sentence in core + background]
    rng.shuffle(rest)
    sentences = [rng.choice(_LEADS).format(**fields), rng.choice(_QUOTES).format(**fields), *rest]
    return SyntheticArticle(
        file_name=f"{published.isoformat()}-{number:06d}.md",
        title=rng.choice(_TITLE_FORMS).format(**fields),
        outlet=outlet.key,
        published=published,
        body=_paragraphs(rng, sentences),
    )


def _vary(rng: random.Random, sentence: str, fields: dict[str, str]) -> str:
    """The sentence with INSERTIONS words put in: outlets reword, so no two articles share a sentence
    exactly (as caches keyed by text would otherwise see), while their words stay the same."""
    words = sentence.split()
    for _ in range(INSERTIONS):
        words.insert(rng.randrange(1, len(words)), rng.choice(_FILLERS).format(**fields))
    return " ".join(words)


def _paragraphs(rng: random.Random, sentences: Sequence[str]) -> str:
    paragraphs, i = [], 0
    while i < len(sentences):
        take = rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[i:i + take]))
        i += take
    return "\n\n".join(paragraphs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="project folder to write (site_config.yml, content/)")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--outlets", type=int, default=12)
    parser.add_argument("--events", type=int, default=None, help=f"default: articles / {ARTICLES_PER_EVENT}")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    corpus = make_corpus(args.articles, args.outlets, args.events, args.seed)
    config = corpus.write_project(args.folder)
    print(f"{len(corpus.articles)} articles by {len(corpus.outlets)} outlets: {config}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
