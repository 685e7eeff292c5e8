"""Check a built site: every internal link and fragment points at something that exists."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class BrokenLink:
    page: str  # path of the page within the site
    link: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: broken link {self.link} ({self.reason})"


class _LinksAndIds(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            elif name in ("href", "src") and value is not None and tag in ("a", "link", "script", "img", "source"):
                self.links.append(value)


def check_links(site: Path, base_path: str = "/") -> list[BrokenLink]:
    """Broken internal links of every HTML page. Absolute paths are read under base_path."""
    site = site.resolve()

    @cache
    def parsed(page: Path) -> _LinksAndIds:
        parser = _LinksAndIds()
        parser.feed(page.read_text(encoding="utf-8"))
        return parser

    broken = []
    for page in sorted(site.rglob("*.html")):
        if "pagefind" in page.relative_to(site).parts:
            continue
        name = page.relative_to(site).as_posix()
        for link in parsed(page).links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                continue
            target = _target(site, page, unquote(parts.path), base_path)
            if target is None or not target.is_file():
                broken.append(BrokenLink(name, link, "no such file"))
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in parsed(target).ids:
                broken.append(BrokenLink(name, link, f"no element with id {parts.fragment!r}"))
    return broken


def _target(site: Path, page: Path, path: str, base_path: str) -> Path | None:
    if not path:
        return page
    if path.startswith("/"):
        if not path.startswith(base_path):
            return None
        target = site / path[len(base_path):]
    else:
        target = page.parent / path
    target = target.resolve()
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_relative_to(site) else None
