"""Sentence splitting for Arabic (and English) news text.

A sentence ends at . ! ? ؟ … (taking along the closing quotes and brackets that
follow), at a blank line, and at a line break the writer chose. Line breaks of a
text hard-wrapped mid-sentence are only spaces. A mark inside a quotation ends the
sentence only when it also closes the quotation and a new sentence follows.
Commas, colons and semicolons never end a sentence.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

import regex


# A line this short that ends without a sentence-final mark is a label: a photo caption (al-Jazirah
# prints «الرئيس التركي رجب طيب أردوغان» above its text), a heading, a byline or dateline («عين اليوم –
# جدة», «روما 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس»), an item of a list of names. Its words are
# the article's, but it states nothing of its own. Figures are not counted among its words.
LABEL_MAX_WORDS = 10
_LETTER = regex.compile(r"\p{L}")


@dataclass(frozen=True)
class Sentence:
    index: int  # 0-based position in the article
    text: str  # exactly body[start:end]
    paragraph: int  # 0-based paragraph (blank-line separated)
    start: int
    end: int

    @property
    def is_label(self) -> bool:
        """A caption, heading, byline or list line rather than a statement (LABEL_MAX_WORDS)."""
        last = self.text.rstrip("".join(_CLOSING_MARKS))[-1:]
        return last not in _TERMINALS and last not in _CONTINUATION \
            and sum(1 for word in self.text.split() if _LETTER.search(word)) <= LABEL_MAX_WORDS


def label_indexes(sentences: Iterable[Sentence]) -> frozenset[int]:
    """The indexes of the sentences that are labels, as summarize takes them."""
    return frozenset(sentence.index for sentence in sentences if sentence.is_label)


def split_sentences(body: str) -> list[Sentence]:
    layout = _layout(body)
    quotes = _quotations(body, layout.breaks)
    cuts = sorted({*layout.breaks, *_mark_cuts(body, layout, quotes)})
    return _sentences(body, cuts, layout.paragraph_breaks)


# --- characters -------------------------------------------------------------

_TERMINALS = ".!?؟…۔‼⁇⁈⁉"
_MARKS = regex.compile(f"[{_TERMINALS}]+")  # a run of them is one candidate end
_BRACKET_CLOSERS = frozenset(")]}")
_CLOSING_MARKS = frozenset(")]}\"”»’'")
_OPENERS = frozenset("([{\"“„‟«")
_CONTINUATION = frozenset(",،;؛:")  # a mark followed by these does not end anything
_ARABIC_LETTER = regex.compile(r"[\p{Script=Arabic}&&\p{L}]", regex.V1)
_WORD = regex.compile(r"\S+")
_LIST_ITEM = regex.compile(r"[-*+•·▪●◦■►]\s")
_FOOTNOTE = regex.compile(r"\[\d{1,3}\]")  # Wikipedia-style reference after a sentence: "الدماغ.[1]"
_URL = regex.compile(r"(?:https?://|www\.)[^\s\"“”«»<>]*[^\s\"“”«»<>.,;:!?؟،؛)\]']")


def _next_visible(body: str, i: int) -> str:
    while i < len(body) and body[i].isspace():
        i += 1
    return body[i] if i < len(body) else ""


# --- layout: paragraphs, deliberate line breaks, hard wrapping --------------

_LINE = regex.compile(r"[^\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")  # line breaks as str.splitlines
_MIN_WRAP_WIDTH = 40  # nobody hard-wraps prose narrower; shorter lines are deliberate
_WRAP_SLACK = 2  # columns of tolerance when deciding that a line was full


@dataclass(frozen=True)
class _Line:
    start: int  # first character of the line
    text_start: int  # first non-space character
    text_end: int  # after the last non-space character
    end: int  # where its line break begins
    after_blank: bool  # a blank line separates it from the previous line


@dataclass(frozen=True)
class _Layout:
    paragraph_breaks: list[int]  # positions of line breaks that end a paragraph
    breaks: list[int]  # paragraph breaks and deliberate line breaks, sorted
    line_starts: frozenset[int]  # first character after each break (and of the text)


def _lines(body: str) -> list[_Line]:
    """The lines that are not blank."""
    lines: list[_Line] = []
    previous_end = 0
    for match in _LINE.finditer(body):
        stripped = match.group().lstrip()
        if not stripped:
            continue
        start, end = match.span()
        text_start = end - len(stripped)
        after_blank = bool(lines) and len(body[previous_end:start].splitlines()) > 1
        lines.append(_Line(start, text_start, text_start + len(stripped.rstrip()), end, after_blank))
        previous_end = end
    return lines


def _ends_with_mark(body: str, line: _Line) -> bool:
    i = line.text_end - 1
    while i > line.text_start and body[i] in _CLOSING_MARKS:
        i -= 1
    return body[i] in _TERMINALS


def _fills_width(body: str, line: _Line, following: _Line, width: int) -> bool:
    """Whether the next line's first word could not have fitted on this line."""
    word = _WORD.match(body, following.text_start)
    word_length = word.end() - word.start() if word else 1
    return line.text_end - line.start + 1 + word_length > width - _WRAP_SLACK


def _wrap_width(body: str, lines: list[_Line]) -> int | None:
    """The column the text was hard-wrapped at, or None if its line breaks are deliberate.

    A wrapped text has most lines close to one width, and several of them stop
    mid-sentence just short of it; a text whose line breaks end paragraphs has
    lines far longer than its short headings.
    """
    lengths = sorted(line.text_end - line.start for line in lines)
    width = lengths[len(lengths) * 9 // 10] if lengths else 0
    if width < _MIN_WRAP_WIDTH:
        return None
    mid_sentence = sum(
        1
        for line, following in zip(lines, lines[1:])
        if not following.after_blank
        and not _ends_with_mark(body, line)
        and _fills_width(body, line, following, width)
    )
    return width if mid_sentence >= 2 else None


def _layout(body: str) -> _Layout:
    lines = _lines(body)
    width = _wrap_width(body, lines)
    paragraph_breaks: list[int] = []
    breaks: list[int] = []
    line_starts = {line.text_start for line in lines[:1]}
    for previous, line in zip(lines, lines[1:]):
        if line.after_blank:
            paragraph_breaks.append(previous.end)
        elif width and not _LIST_ITEM.match(body, line.text_start) and _fills_width(body, previous, line, width):
            continue  # a wrapped line: the break is a space
        breaks.append(previous.end)
        line_starts.add(line.text_start)
    return _Layout(paragraph_breaks, breaks, frozenset(line_starts))


# --- quotations ---------------------------------------------------------------

_QUOTE = regex.compile(r"[\"“”„‟«»]")
_QUOTE_FAMILY = {'"': '"', "“": "“", "”": "“", "„": "“", "‟": "“", "«": "«", "»": "«"}
_DEFAULT_ROLE = {'"': None, "“": "open", "„": "open", "‟": "open", "«": "open", "”": "close", "»": "close"}
_OPEN_CONTEXT = frozenset("([{:/-–—ـ") | frozenset(_QUOTE_FAMILY)  # ـ: لـ"الوطن"
_CLOSE_CONTEXT = frozenset(".,،;؛:!?؟…)]}") | frozenset(_QUOTE_FAMILY)
_MAX_QUOTATION = 1500  # characters; a longer "quotation" is more likely a stray mark
_MAX_NESTING = 8


@dataclass(frozen=True)
class _Quotations:
    closers: frozenset[int]  # positions of quotation marks that close
    spans: list[tuple[int, int]]  # outermost (open, close) positions, sorted, disjoint


def _quote_role(body: str, i: int) -> str | None:
    """'open' or 'close' from the spacing around the mark, else its usual role (None: either)."""
    before = body[i - 1] if i > 0 else " "
    after = body[i + 1] if i + 1 < len(body) else " "
    spaced_before = before.isspace() or before in _OPEN_CONTEXT
    spaced_after = after.isspace() or after in _CLOSE_CONTEXT
    if spaced_before != spaced_after:
        return "open" if spaced_before else "close"
    return _DEFAULT_ROLE[body[i]]


def _quotations(body: str, barriers: list[int]) -> _Quotations:
    """Pair quotation marks within each paragraph or deliberate line; unpaired ones protect nothing."""
    closers: set[int] = set()
    spans: list[tuple[int, int]] = []
    stack: list[tuple[int, str]] = []  # (position, family) of open quotations
    barrier = 0
    for match in _QUOTE.finditer(body):
        i, family = match.start(), _QUOTE_FAMILY[match.group()]
        if barrier < len(barriers) and barriers[barrier] < i:
            barrier = bisect.bisect_left(barriers, i)
            stack.clear()
        role = _quote_role(body, i) or ("close" if any(f == family for _, f in stack) else "open")
        if role == "open":
            stack.append((i, family))
            del stack[:-_MAX_NESTING]
            continue
        closers.add(i)
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][1] == family:
                if i - stack[depth][0] <= _MAX_QUOTATION:
                    spans.append((stack[depth][0], i))
                del stack[depth:]
                break
    return _Quotations(frozenset(closers), _outermost(spans))


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies strictly inside one of the sorted disjoint spans."""
    k = bisect.bisect_left(spans, (start,)) - 1
    return k >= 0 and spans[k][0] < start and end <= spans[k][1]


# --- sentence-final marks ------------------------------------------------------

# Latin abbreviations that never end a sentence: titles and month names; dotted
# ones (U.S., e.g., a.m.) are recognised by their shape.
_LATIN_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt capt gov sen rep st mt vs cf "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_BEFORE_NUMBER = frozenset("no nos vol pp p fig art ch".split())  # "No. 5"
_DOTTED_LATIN = regex.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
# "د." (doctor), "م." (engineer), "أ.د." (professor doctor), "ص." (page), "هـ" (hijri),
# also after the conjunction و: "ود. أحمد".
_ARABIC_ABBREVIATION = regex.compile(r"و?(?:[\p{Script=Arabic}&&\p{L}]ـ?\.)*[\p{Script=Arabic}&&\p{L}]ـ?", regex.V1)
_MAX_ABBREVIATION = 12
_MIN_WORDS_BEFORE_ELLIPSIS = 3  # an ellipsis after fewer words is a pause, not an end
_PAUSE_WINDOW = 60  # characters looked at to count those words


def _word_before(body: str, i: int) -> tuple[int, str]:
    start = i
    while start > max(0, i - _MAX_ABBREVIATION) and not body[start - 1].isspace() and body[start - 1] not in _OPENERS:
        start -= 1
    return start, body[start:i]


def _after_number(body: str, i: int) -> bool:
    while i > 0 and body[i - 1] in " \t":
        i -= 1
    return i > 0 and body[i - 1].isdigit()


def _is_abbreviation(body: str, dot: int, line_starts: frozenset[int]) -> bool:
    """Whether the period at `dot` belongs to the word before it rather than ending a sentence."""
    start, word = _word_before(body, dot)
    if word.lower() in _LATIN_ABBREVIATIONS or _DOTTED_LATIN.fullmatch(word):
        return True
    if word.lower() in _BEFORE_NUMBER:
        return _next_visible(body, dot + 1).isdigit()
    if len(word) == 1 and "A" <= word <= "Z":  # an initial: "George W. Bush"
        return True
    if _ARABIC_ABBREVIATION.fullmatch(word):
        # After a number, "م." and "هـ." are the era of a year, which often ends a sentence.
        return not _after_number(body, start) or _next_visible(body, dot + 1).isdigit()
    return word.isdigit() and len(word) <= 3 and start in line_starts  # "1." numbering a list


def _mark_cuts(body: str, layout: _Layout, quotes: _Quotations) -> list[int]:
    urls = [(m.start(), m.end()) for m in _URL.finditer(body)]
    cuts: list[int] = []
    for match in _MARKS.finditer(body):
        start, end = match.span()
        after = _closing_end(body, end, quotes.closers)
        line_break = bisect.bisect_left(layout.breaks, start)
        since = max(cuts[-1] if cuts else 0, layout.breaks[line_break - 1] if line_break else 0)
        if (
            _ends_sentence(body, start, end, after, since, layout.line_starts)
            and not _inside(quotes.spans, start, after)
            and not _inside(urls, start, start + 1)
        ):
            cuts.append(after)
    return cuts


def _closing_end(body: str, i: int, closers: frozenset[int]) -> int:
    """Skip the closing quotes, brackets and footnote marks that belong to the sentence before."""
    while i < len(body):
        if body[i] in _BRACKET_CLOSERS or i in closers:
            i += 1
        elif footnote := _FOOTNOTE.match(body, i):
            i = footnote.end()
        else:
            break
    return i


def _ends_sentence(body: str, start: int, end: int, after: int, since: int, line_starts: frozenset[int]) -> bool:
    """Decide for the marks body[start:end], followed by closing marks up to `after`,
    in a sentence that began at `since`."""
    run = body[start:end]
    before = body[start - 1] if start > 0 else " "
    following = body[after] if after < len(body) else " "
    ellipsis = set(run) <= {".", "…"} and run != "."
    if before == "(" and body[end:after].startswith(")"):
        return False  # an aside like "(!)" or "(؟)"
    if not following.isspace():
        # Glued to the next word: only a new Arabic word starts a sentence ("الكيمياء.تعود"),
        # never a digit or Latin letter (3.5, example.com, U.S.A). A Latin "?" inside an
        # Arabic word stands for a character lost to a wrong encoding ("ن?يئيم").
        if ellipsis or run == "?" or not _ARABIC_LETTER.match(following):
            return False
        return not (run == "." and _is_abbreviation(body, start, line_starts))
    visible = _next_visible(body, after)
    if visible in _CONTINUATION or visible.islower():
        return False
    if ellipsis:
        # "… الخ" and "(...)" mark words left out; "كان الأمر... غريبًا" is a pause.
        words = body[max(since, start - _PAUSE_WINDOW) : start].split()
        return not (before.isspace() or before in _OPENERS) and len(words) >= _MIN_WORDS_BEFORE_ELLIPSIS
    return not (run == "." and _is_abbreviation(body, start, line_starts))


# --- assembly ------------------------------------------------------------------


def _sentences(body: str, cuts: list[int], paragraph_breaks: list[int]) -> list[Sentence]:
    sentences: list[Sentence] = []
    paragraph = 0
    for piece_start, piece_end in zip([0, *cuts], [*cuts, len(body)]):
        piece = body[piece_start:piece_end]
        text = piece.strip()
        if not text:
            continue
        start = piece_start + len(piece) - len(piece.lstrip())
        while paragraph < len(paragraph_breaks) and paragraph_breaks[paragraph] < start:
            paragraph += 1
        sentences.append(Sentence(len(sentences), text, paragraph, start, start + len(text)))
    return sentences
