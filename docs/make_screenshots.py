"""Screenshots of the built seeds for the README: `.venv/bin/python docs/make_screenshots.py`.

Builds the site of this repository (config, content/, translations/) into a temporary
folder, serves it on 127.0.0.1 and saves full-page PNGs into docs/screenshots/: the event
page in Arabic and English at phone width (360 px) and desktop width (1280 px), and the
home and article pages likewise. Needs Debian's Chromium (./run.sh test installs it).
"""
from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.browser import CHROMIUM, DESKTOP, LAUNCH_ARGS, PHONE, SUBPATH, ServedSite, build_site, serve  # noqa: E402

OUT = REPO / "docs" / "screenshots"
WIDTHS = {"360": PHONE, "desktop": DESKTOP}


def first_link(site: ServedSite, path: str, folder: str) -> str:
    """Where the first link of the Arabic page `path` into `folder` leads, relative to ar/ (and en/)."""
    html = (site.root / "ar" / path).read_text(encoding="utf-8")
    found = re.search(rf'href="(?:\.\./)?({folder}/[^"#]+)"', html)
    if not found:
        raise SystemExit(f"ar/{path} links to no page in {folder}/")
    return found.group(1)


def shoot(page: Page, site: ServedSite, path: str, name: str) -> Path:
    page.goto(site.url_of(path))
    page.evaluate("document.fonts.ready")
    target = OUT / f"{name}.png"
    page.screenshot(path=target, full_page=True)
    return target


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="digest-screenshots-") as folder, sync_playwright() as playwright:
        root = build_site(Path(folder), "https://example.github.io" + SUBPATH)
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        with serve(root, SUBPATH) as site:
            event = first_link(site, "index.html", "events")  # the latest event
            pages = {"home": "index.html", "event": event, "article": first_link(site, event, "articles")}
            for width, viewport in WIDTHS.items():
                page = browser.new_page(viewport=viewport)
                for kind, path in pages.items():
                    for lang in ("ar", "en"):
                        print(shoot(page, site, f"{lang}/{path}", f"{kind}-{lang}-{width}").relative_to(REPO))
                page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
