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
_LATIN_NAME = r"[A-Za-z][A-Za-z'.-]*(?: [A-Za-z][A-Za-z'.-]*){1,3}"
_NAME_LINE = regex.compile(rf"^{_LATIN_NAME}$")
_NAME_BEFORE_ARABIC = regex.compile(rf"^(?P<name>{_LATIN_NAME})\s*(?=\p{{Arabic}})")
_NAME_AFTER_ARABIC = regex.compile(rf"(?<=\p{{Arabic}}[.!؟?»”\"]?)\s*(?P<name>{_LATIN_NAME})$")
_BYLINE = regex.compile(r"^(?:بقلم|كتب|كتبت|إعداد|اعداد|تحرير)\s*[:：]\s*(?P<name>.{2,60})$")
_BIDI_CONTROLS = regex.compile(r"[\u202A-\u202E\u2066-\u2069\u200E\u200F\uFEFF]")
_FINAL_PUNCTUATION = regex.compile(r"[.!?؟…:»”\"]\s*$")


@dataclass(frozen=True)
class CleanText:
    title: str
    subtitle: str | None
    body: str  # paragraphs separated by a blank line
    author: str | None
    removed: tuple[str, ...]  # every line or fragment taken out, for the editor to review


def decode(data: bytes) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1256."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if _mostly_arabic(text := data.decode("cp1256", errors="replace")) and "\ufffd" not in text:
        return text
    guess = charset_normalizer.from_bytes(data).best()
    if guess is None:
        raise ValueError("unknown text encoding: save the file as UTF-8")
    return str(guess)


def _mostly_arabic(text: str) -> bool:
    letters = regex.findall(r"\p{L}", text)
    return bool(letters) and sum(bool(regex.match(r"\p{Arabic}", c)) for c in letters) > 0.6 * len(letters)


def clean_article_text(text: str, title: str | None = None, *, pasted: bool = True) -> CleanText:
    """Split an article's text into its parts. `title` comes from metadata when the editor gave one.

    `pasted` text was copied from a web page: a short unpunctuated first paragraph
    there is the page's subtitle. An editor's Markdown says what it means instead.
    """
    lines = [_BIDI_CONTROLS.sub("", line).strip() for line in normalize_newlines(text).split("\n")]
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
        if key in _BOILERPLATE_LINES or (title_key and key == title_key):
            removed.append(line)
        elif byline := _BYLINE.match(line):
            author = author or byline["name"].strip()
            removed.append(line)
        else:
            kept.append(line)

    author = _take_trailing_author(kept, removed) or author
    paragraphs = _paragraphs(kept)
    subtitle = None
    if pasted and len(paragraphs) > 1 and _looks_like_subtitle(paragraphs[0]):
        subtitle = paragraphs.pop(0)
    return CleanText(title, subtitle, "\n\n".join(paragraphs), author, tuple(removed))


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _split_glued_name(line: str, pattern: regex.Pattern, removed: list[str]) -> tuple[str, str | None]:
    match = pattern.search(line)
    if not match:
        return line, None
    removed.append(match["name"])
    return (line[: match.start()] + line[match.end() :]).strip(), match["name"]


def _take_trailing_author(lines: list[str], removed: list[str]) -> str | None:
    """An author's Latin-letter name on the last line, alone or glued to the last sentence."""
    while lines and not lines[-1]:
        lines.pop()
    if not lines or not _mostly_arabic("".join(lines)):
        return None
    if _NAME_LINE.match(lines[-1]):
        removed.append(lines[-1])
        return lines.pop()
    lines[-1], author = _split_glued_name(lines[-1], _NAME_AFTER_ARABIC, removed)
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
