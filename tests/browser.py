"""Browser fixtures: the seeds' site built and served on 127.0.0.1, one headless Chromium for the session.

The site is built twice from the same sources: for a base URL at the root of its host,
served at /, and for one under a sub-path (as on GitHub Pages), served at /digest/.
Every tab opens in a browser context of its own that records any request to a host
other than 127.0.0.1 (the browser cannot resolve any other host name).
"""
from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, Page, Request, ViewportSize, sync_playwright

from generator.build import build

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")  # Debian's package; ./run.sh test installs it when missing
HOST = "127.0.0.1"
# A closed network: every host name but 127.0.0.1 fails to resolve, and no proxy stands
# in between. (Playwright already turns off Chromium's own background networking.)
LAUNCH_ARGS = ["--no-proxy-server", f"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE {HOST}"]
SUBPATH = "/digest/"
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
PHONE: ViewportSize = {"width": 360, "height": 800}


@dataclass(frozen=True)
class ServedSite:
    """A built site and the address its root is served at (ending in /)."""

    root: Path
    url: str

    def url_of(self, path: str) -> str:
        return self.url + path

    @property
    def pages(self) -> list[str]:
        """Every HTML page of the site, as a path relative to its root."""
        return sorted(path.relative_to(self.root).as_posix() for path in self.root.rglob("*.html"))


@dataclass
class Tab:
    """A page in a browser context of its own, and the requests it made to hosts other than 127.0.0.1."""

    page: Page
    offsite: list[str]


def build_site(project: Path, base_url: str) -> Path:
    """Build the repository's site (config, seeds, translations) with another base URL."""
    config = yaml.safe_load((REPO / "site_config.yml").read_text(encoding="utf-8"))
    config["site"]["base_url"] = base_url
    (project / "site_config.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    shutil.copytree(REPO / "content", project / "content")
    shutil.copytree(REPO / "translations", project / "translations")
    build(project / "site_config.yml", project / "site")
    return project / "site"


class _Handler(SimpleHTTPRequestHandler):
    """Serves `directory` under `prefix`; anything outside the prefix is not found."""

    def __init__(self, *args, prefix: str, **kwargs):
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_prefix__")
        return super().translate_path("/" + path[len(self.prefix):])

    def log_message(self, format: str, *args) -> None:
        pass


@contextmanager
def serve(root: Path, prefix: str) -> Iterator[ServedSite]:
    """Serve the folder `root` on 127.0.0.1 under `prefix` ("/" or a sub-path such as "/digest/")."""
    handler = functools.partial(_Handler, directory=str(root), prefix=prefix)
    server = ThreadingHTTPServer((HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield ServedSite(root, f"http://{HOST}:{server.server_port}{prefix}")
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def site_at_root(tmp_path_factory) -> Iterator[ServedSite]:
    root = build_site(tmp_path_factory.mktemp("root-project"), "https://example.github.io/")
    with serve(root, "/") as site:
        yield site


@pytest.fixture(scope="session")
def site_at_subpath(tmp_path_factory) -> Iterator[ServedSite]:
    root = build_site(tmp_path_factory.mktemp("subpath-project"), "https://example.github.io" + SUBPATH)
    with serve(root, SUBPATH) as site:
        yield site


@pytest.fixture(params=["root", "subpath"])
def served_site(request) -> ServedSite:
    """The site at the root of its host, then under a sub-path."""
    return request.getfixturevalue(f"site_at_{request.param}")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: ./run.sh test installs it (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


@contextmanager
def open_tab(browser: Browser, viewport: ViewportSize = DESKTOP) -> Iterator[Tab]:
    context = browser.new_context(viewport=viewport, color_scheme="light")
    context.set_default_timeout(10_000)
    offsite: list[str] = []

    def record(request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme not in ("data", "blob") and parts.hostname != HOST:
            offsite.append(request.url)

    context.on("request", record)
    try:
        yield Tab(context.new_page(), offsite)
    finally:
        context.close()


@pytest.fixture
def tab(browser: Browser) -> Iterator[Tab]:
    with open_tab(browser) as opened:
        yield opened
