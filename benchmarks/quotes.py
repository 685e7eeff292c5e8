"""Direct quotes and their speakers found in real news, against a reader's labels.

    python benchmarks/quotes.py benchmarks/data/quotes-labelled.jsonl
    python benchmarks/quotes.py benchmarks/data/quotes-labelled.jsonl --errors   # print every error

Each article of the set (one JSON object a line: `id`, `outlet`, `title`, `text`, `quotes`,
`note`, optional `ambiguous_marks`; benchmarks/data/README.md) is read as a build reads it (cleaned
of page furniture, one line a paragraph in SaudiNewsNet) and analysed by `analyze_article`. Its
labelled quotes (`text`, `speaker` or null, `speaker_kind`, optional `speaker_aliases` and
`ambiguous`) are matched one to one with the quotes found:

- a found quote matches a labelled one of the same article when, their texts normalised with
  `normalize_for_matching` and split into words, the words they share are at least half of the
  words of the shorter; pairs are taken best first (most words shared, relative to the shorter
  and then to the longer), each quote in one pair at most;
- a found speaker is right when, normalised and split into words (honorifics and a few
  function words dropped: الأمير، الدكتور، معالي، بن، في …), it is contained in the labelled
  speaker or in one of its aliases (other mentions of the same person in the article: جوارديولا
  for المدرب الأسباني جوسيب جوارديولا) or contains one of them: it names the same person.

Prints quote precision, recall and F1, then among matched quotes how many speakers are right,
wrong, missing (None where the label names one) and invented (one where the label names
nobody), then the same figures without the quotes whose labels are marked ambiguous (one-word
partial quotes, quoted charges, proverbs) and without the found quotes that match one of an
article's `ambiguous_marks` (marked words labelled as no quote that a careful reader could read
as one: an ingredient list in marks inside someone's words). `--errors` prints each miss, false positive and
speaker error with the article id, the sentence and both sides.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.labelled import (  # noqa: E402
    analysed,
    detection_counts,
    matching_words,
    print_detection,
    read_rows,
    short,
)
from generator.analyze.analysis import ArticleAnalysis  # noqa: E402
from generator.analyze.normalize import normalize_for_matching  # noqa: E402
from generator.analyze.quotes import Quote  # noqa: E402

QUOTE_OVERLAP = 0.5  # share of the shorter text's words that both texts have
# words that name nobody: a found "الأمير عبدالله بن مساعد" is "عبدالله مساعد"
_NOT_NAMES = frozenset(normalize_for_matching(word) for word in (
    "الأمير", "الامير", "الدكتور", "د", "معالي", "سمو", "صاحب", "السمو", "الملكي", "فخامة", "الأستاذ",
    "المهندس", "السيد", "بن", "ابن", "بنت", "آل", "في", "من", "على", "عن", "إلى", "و", "ل"))


@dataclass(frozen=True)
class Labelled:
    text: str
    speaker: str | None
    kind: str | None
    aliases: tuple[str, ...]
    ambiguous: bool


@dataclass(frozen=True)
class Article:
    id: str
    labels: tuple[Labelled, ...]
    ambiguous_marks: tuple[str, ...]  # marked words labelled as no quote, either reading fair
    analysis: ArticleAnalysis


@dataclass(frozen=True)
class Pair:
    article: Article
    label: Labelled | None  # None: a false positive
    found: Quote | None  # None: a miss

    @property
    def speaker_verdict(self) -> str | None:
        """right / wrong / missing / invented for a matched quote, None for a miss or a false positive."""
        if self.label is None or self.found is None:
            return None
        if self.label.speaker is None:
            return "right" if self.found.speaker is None else "invented"
        if self.found.speaker is None:
            return "missing"
        return "right" if same_person(self.found.speaker, (self.label.speaker, *self.label.aliases)) else "wrong"

    @property
    def ambiguous(self) -> bool:
        """The label is marked ambiguous, or a false positive is one of the article's ambiguous marks."""
        if self.label is not None:
            return self.label.ambiguous
        return self.found is not None and any(overlap(mark, self.found.text)[0] >= QUOTE_OVERLAP
                                              for mark in self.article.ambiguous_marks)


def overlap(a: str, b: str) -> tuple[float, float]:
    """Words shared, as a share of the shorter text's words and of the longer's."""
    first, second = set(matching_words(a)), set(matching_words(b))
    if not first or not second:
        return 0.0, 0.0
    shared = len(first & second)
    return shared / min(len(first), len(second)), shared / max(len(first), len(second))


def name_words(mention: str) -> frozenset[str]:
    return frozenset(word for word in matching_words(mention) if word not in _NOT_NAMES)


def same_person(found: str, mentions: tuple[str, ...]) -> bool:
    """The found speaker is one mention of the labelled person, or contains one."""
    found_words = name_words(found)
    if not found_words:
        return False
    return any(found_words <= name_words(m) or name_words(m) <= found_words for m in mentions if name_words(m))


def load(path: Path) -> list[Article]:
    return [Article(row["id"], tuple(_labelled(q) for q in row["quotes"]), tuple(row.get("ambiguous_marks", ())),
                    analysed(row)) for row in read_rows(path)]


def _labelled(quote: dict) -> Labelled:
    return Labelled(quote["text"], quote["speaker"], quote["speaker_kind"], tuple(quote.get("speaker_aliases", ())),
                    bool(quote.get("ambiguous")))


def match(article: Article) -> list[Pair]:
    """Labelled and found quotes paired one to one, best overlap first; the rest are misses and false positives."""
    candidates = []
    for i, label in enumerate(article.labels):
        for j, found in enumerate(article.analysis.quotes):
            shorter, longer = overlap(label.text, found.text)
            if shorter >= QUOTE_OVERLAP:
                candidates.append((shorter, longer, i, j))
    labels_used: set[int] = set()
    found_used: set[int] = set()
    pairs = []
    for _, _, i, j in sorted(candidates, reverse=True):
        if i not in labels_used and j not in found_used:
            labels_used.add(i)
            found_used.add(j)
            pairs.append(Pair(article, article.labels[i], article.analysis.quotes[j]))
    pairs += [Pair(article, label, None) for i, label in enumerate(article.labels) if i not in labels_used]
    pairs += [Pair(article, None, found) for j, found in enumerate(article.analysis.quotes) if j not in found_used]
    return pairs


def counts(pairs: list[Pair]) -> Counter[str]:
    count = detection_counts(pairs)
    count.update(f"speaker {pair.speaker_verdict}" for pair in pairs if pair.label is not None and pair.found is not None)
    return count


def report(title: str, count: Counter[str]) -> None:
    print_detection(title, "quotes", count)
    right = count["speaker right"]
    print(f"  speakers  right {right} ({right / count['matched'] if count['matched'] else 0:.2f}), "
          f"wrong {count['speaker wrong']}, missing {count['speaker missing']}, "
          f"invented {count['speaker invented']}")


def sentence_of(article: Article, pair: Pair) -> str:
    """The sentence the found quote opens in; for a miss, the sentence that shares most of the labelled words."""
    sentences = article.analysis.sentences
    if pair.found is not None and 0 <= pair.found.sentence_index < len(sentences):
        return sentences[pair.found.sentence_index].text
    if pair.label is None or not sentences:
        return ""
    head = " ".join(pair.label.text.split()[:8])
    return max(sentences, key=lambda s: overlap(head, s.text)[0]).text


def print_errors(pairs: list[Pair]) -> None:
    for pair in pairs:
        verdict = pair.speaker_verdict
        if pair.label is not None and pair.found is not None and verdict == "right":
            continue
        kind = "MISSED" if pair.found is None else "FALSE POSITIVE" if pair.label is None else f"SPEAKER {verdict.upper()}"
        print(f"== {kind}  {pair.article.id}" + ("  (ambiguous)" if pair.ambiguous else ""))
        print(f"   sentence: {short(sentence_of(pair.article, pair), 400)}")
        if pair.label is not None:
            print(f"   labelled: «{short(pair.label.text)}» — {pair.label.speaker} ({pair.label.kind})")
        if pair.found is not None:
            print(f"   found:    «{short(pair.found.text)}» — {pair.found.speaker} (verb {pair.found.verb}, "
                  f"partial {pair.found.partial}, via {pair.found.via})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path)
    parser.add_argument("--errors", action="store_true", help="print each miss, false positive and speaker error")
    args = parser.parse_args()

    pairs = [pair for article in load(args.path) for pair in match(article)]
    if args.errors:
        print_errors(pairs)
        print()
    report("all labels", counts(pairs))
    report("without ambiguous labels and marks", counts([pair for pair in pairs if not pair.ambiguous]))


if __name__ == "__main__":
    main()
