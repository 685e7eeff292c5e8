"""Turn the raw text of a news article into title, subtitle, body and author.

Real articles arrive with the noise of the page they were copied from: share
buttons ("Spread the love"), "you may also like" links, the title repeated at
the top, an author's name in Latin letters glued to the first or last line.
None of it may reach a reader as article text; everything removed is recorded.
"""
from __future__ import annotations

from dataclasses import dataclass

import charset_normalizer
import regex

from generator.analyze.normalize import normalize_for_matching

# Whole lines that are page furniture, compared after normalize_for_matching.
_BOILERPLATE_LINES = frozenset(
    normalize_for_matching(line)
    for line in (
        "Spread the love", "Share this", "Share", "Tweet", "Print", "Advertisement", "Related",
        "Related posts", "Read more", "You may also like",
        "قد يعجبك ايضا", "قد يعجبك أيضاً", "قد يهمك أيضا", "اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا",
        "شارك", "شارك المقال", "شارك الخبر", "مشاركة", "طباعة", "إعلان", "أخبار ذات صلة",
        "مواضيع ذات صلة", "مقالات ذات صلة", "المزيد", "تابعونا على", "اشترك في النشرة",
    )
)
# Page furniture written into a line of the text: a share bar before the first sentence, a list of
# tags after the last (Okaz's «شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك …», al-Yaum's «… الهيئة. سمات
# مسافرون مطار ينبع هيئة الطيران»). Read as sentences, they are claims no outlet made.
_SHARE_BAR = regex.compile(
    r"^(?:شارك(?:\s+من\s+خلال)?|Share(?:\s+on)?)(?:\s+(?:تويتر|فيسبوك|فيس\s+بوك|جوجل\s+بلس|واتساب|واتس\s+اب|تيليجرام"
    r"|لينكد\s*إن|اكتب\s+رأيك|Twitter|Facebook|WhatsApp|LinkedIn|Telegram))+(?:\s+|$)")
_TAGS = regex.compile(r"(?:^|(?<=[.!؟?»”\"]))\s*(?:سمات|الوسوم|وسوم|كلمات\s+دلالية|Tags)\s*:?(?:\s+[^\s.،,!؟?:]+){1,15}\s*$")
# A line that links to the article itself, with its title or address: al-Weeam ends every article with
# «رابط الخبر بصحيفة الوئام: <the title>».
_SELF_LINK = regex.compile(r"^(?:رابط\s+(?:الخبر|المقال|الموضوع)|الرابط\s+المختصر|Short\s+link|Permalink)\b[^:\n]{0,40}:",
                           regex.IGNORECASE)
_LATIN_NAME = r"[A-Za-z][A-Za-z'.-]*(?: [A-Za-z][A-Za-z'.-]*){1,3}"
_NAME_LINE = regex.compile(rf"^{_LATIN_NAME}$")
_NAME_BEFORE_ARABIC = regex.compile(rf"^(?P<name>{_LATIN_NAME})\s*(?=\p{{Arabic}})")
_NAME_AFTER_ARABIC = regex.compile(rf"(?<=\p{{Arabic}}[.!؟?»”\"]?)\s*(?P<name>{_LATIN_NAME})$")
_BYLINE = regex.compile(r"^(?:بقلم|كتب|كتبت|إعداد|اعداد|تحرير)\s*[:：]\s*(?P<name>.{2,60})$")
# Characters a reader cannot see that change how text shows or compares: bidi
# controls (an unclosed right-to-left override flips the rest of a line),
# zero-width spaces and joiners of words, soft hyphens, BOMs, control characters
# (not allowed in the XML of feeds and sitemaps) and lone surrogates. ZWJ and
# ZWNJ stay: they shape letters in Persian and Urdu names.
_INVISIBLE = regex.compile(
    r"[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C"
    r"\u200B\u2060\uFEFF\u00AD\u180E"
    r"\x00-\x08\x0B-\x1F\x7F-\x9F\uFFFE\uFFFF\p{Cs}]"
)
# Some outlets write a decimal as 6.\u200f34: the right-to-left mark after the point shows it, in
# Arabic text, as 34.6 (the Saudi Press Agency's 6ر34). Without the mark it would read 6.34.
_MARKED_DECIMAL = regex.compile(r"(\d+)([.,٫])\u200f(\d+)")
_LINE_BREAKS = regex.compile(r"\r\n?|[\x0B\x0C\x1C-\x1E\x85\u2028\u2029]")
# Runs, not single letters: counted by their lengths, a text's letters are not each made a string.
_LETTERS = regex.compile(r"\p{L}+")
_ARABIC_LETTERS = regex.compile(r"[\p{L}&&\p{Arabic}]+", regex.V1)
_NON_ARABIC_LETTERS = regex.compile(r"[\p{L}--\p{Arabic}]+", regex.V1)  # few in Arabic text: quick to count
_NON_ASCII_LETTERS = regex.compile(r"[\p{L}--\p{ASCII}]+", regex.V1)
_PLAIN_TEXT_CHARACTER = regex.compile(r"[\t\n\r\x20-\x7E\p{Arabic}\p{Zs}\u2000-\u206F\u00A0-\u00FF]")
_FINAL_PUNCTUATION = regex.compile(r"[.!?؟…:»”\"]\s*$")


@dataclass(frozen=True)
class CleanText:
    title: str
    subtitle: str | None
    body: str  # paragraphs separated by a blank line
    author: str | None
    removed: tuple[str, ...]  # every line or fragment taken out, for the editor to review


class UndecodableText(ValueError):
    """Bytes that are not text in an encoding we read; says what to do, and where when known."""

    def __init__(self, reason: str, line: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.line = line


def decode(data: bytes) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16 (with or without BOM), or Windows-1256.

    A file that is UTF-8 except for a few bytes is damaged, not Windows-1256:
    read as Windows-1256, its Arabic would come out as other Arabic letters.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_utf16(data)
    if b"\x00" in data:
        if (text := _utf16_without_bom(data)) is None:
            raise UndecodableText("binary file (contains NUL bytes), not text")
        return text
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if _mostly_utf8(data):
            line = data.count(b"\n", 0, error.start) + 1
            raise UndecodableText(f"byte 0x{data[error.start]:02X} is not UTF-8: the file is damaged or mixes "
                                  f"encodings; save it again as UTF-8", line) from None
    if _non_ascii_letters_arabic(text := data.decode("cp1256")):
        return text
    guess = charset_normalizer.from_bytes(data).best()
    if guess is None:
        raise UndecodableText("unknown text encoding: save the file as UTF-8")
    return str(guess)


def _decode_utf16(data: bytes) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as error:
        raise UndecodableText(f"damaged UTF-16 text at byte {error.start}: save the file again as UTF-8") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """Text saved as UTF-16 without the byte-order mark, or None when the bytes are not text."""
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if text and len(_PLAIN_TEXT_CHARACTER.findall(text)) >= 0.95 * len(text) and "\x00" not in text:
            return text
    return None


def _mostly_utf8(data: bytes) -> bool:
    """Many valid UTF-8 sequences, a few invalid bytes: damaged UTF-8."""
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.count("\ufffd".encode())
    valid_non_ascii = len(text) - len(text.encode("ascii", errors="ignore")) - invalid
    return valid_non_ascii >= 20 * invalid


def _non_ascii_letters_arabic(text: str) -> bool:
    """Arabic text read in the right encoding; in a wrong one its letters become Latin accents and symbols.
    Only letters beyond ASCII count: YAML keys and Latin names read the same in every encoding."""
    letters = _count(_NON_ASCII_LETTERS, text)
    return bool(letters) and _count(_ARABIC_LETTERS, text) > 0.8 * letters


def _mostly_arabic(text: str) -> bool:
    letters = _count(_LETTERS, text)
    return bool(letters) and letters - _count(_NON_ARABIC_LETTERS, text) > 0.6 * letters


def _count(runs: regex.Pattern, text: str) -> int:
    """Characters of `text` in the runs that the pattern finds."""
    return sum(map(len, runs.findall(text)))


def visible_text(text: str) -> str:
    """Text without the invisible and control characters that only hide or disorder it, its figures in
    the order a reader saw them (_MARKED_DECIMAL)."""
    return _INVISIBLE.sub("", _MARKED_DECIMAL.sub(r"\3\2\1", text))


def clean_article_text(text: str, title: str | None = None, *, pasted: bool = True) -> CleanText:
    """Split an article's text into its parts. `title` comes from metadata when the editor gave one.

    `pasted` text was copied from a web page: a short unpunctuated first paragraph
    there is the page's subtitle. An editor's Markdown says what it means instead.
    """
    lines = [line.strip() for line in visible_text(normalize_newlines(text)).split("\n")]
    removed: list[str] = []
    author = None

    if title is None:
        title = next((line for line in lines if line), "")
        lines.remove(title)
        title, author = _split_glued_name(title, _NAME_BEFORE_ARABIC, removed)
    title_key = normalize_for_matching(title)

    kept: list[str] = []
    for line in lines:
        key = normalize_for_matching(line)
        if key in _BOILERPLATE_LINES or (title_key and key == title_key) or _SELF_LINK.match(line):
            removed.append(line)
        elif byline := _BYLINE.match(line):
            author = author or byline["name"].strip()
            removed.append(line)
        else:
            kept.append(line)

    _strip_furniture(kept, removed)
    author = _take_trailing_author(kept, removed) or author
    paragraphs = _paragraphs(kept)
    subtitle = None
    if pasted and len(paragraphs) > 1 and _looks_like_subtitle(paragraphs[0]):
        subtitle = paragraphs.pop(0)
    return CleanText(title, subtitle, "\n\n".join(paragraphs), author, tuple(removed))


def normalize_newlines(text: str) -> str:
    """Every kind of line break (Windows, old Mac, form feed, Unicode separators) as \\n."""
    return _LINE_BREAKS.sub("\n", text)


def _split_glued_name(line: str, pattern: regex.Pattern, removed: list[str]) -> tuple[str, str | None]:
    match = pattern.search(line)
    return _without_name(line, match, removed) if match else (line, None)


def _without_name(line: str, match: regex.Match, removed: list[str]) -> tuple[str, str]:
    removed.append(match["name"])
    return (line[: match.start()] + line[match.end() :]).strip(), match["name"]


def _strip_furniture(lines: list[str], removed: list[str]) -> None:
    """Take the share bar off the first line and the tags off the last (see _SHARE_BAR, _TAGS)."""
    written = [n for n, line in enumerate(lines) if line]
    for n, pattern in ((written[0], _SHARE_BAR), (written[-1], _TAGS)) if written else ():
        if match := pattern.search(lines[n]):
            removed.append(match[0].strip())
            lines[n] = (lines[n][: match.start()] + lines[n][match.end() :]).strip()


def _take_trailing_author(lines: list[str], removed: list[str]) -> str | None:
    """An author's Latin-letter name on the last line, alone or glued to the last sentence."""
    while lines and not lines[-1]:
        lines.pop()
    if not lines:
        return None
    alone = _NAME_LINE.match(lines[-1])
    glued = None if alone else _NAME_AFTER_ARABIC.search(lines[-1])
    # Whether the whole text is Arabic is asked last: it reads every letter.
    if not (alone or glued) or not _mostly_arabic("".join(lines)):
        return None
    if alone:
        removed.append(lines[-1])
        return lines.pop()
    lines[-1], author = _without_name(lines[-1], glued, removed)
    return author


def _paragraphs(lines: list[str]) -> list[str]:
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return ["\n".join(p) for p in paragraphs if p]


def _looks_like_subtitle(paragraph: str) -> bool:
    return "\n" not in paragraph and len(paragraph.split()) <= 20 and not _FINAL_PUNCTUATION.search(paragraph)
