"""`digest serve`: build, serve the site on 127.0.0.1, rebuild whenever a source changes."""
from __future__ import annotations

import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from watchfiles import watch

from generator.build import build_if_changed
from generator.config import load_config
from generator.problems import DigestError
from generator.render import TEMPLATES


def serve(config_path: Path, out_dir: Path, port: int) -> int:
    _rebuild(config_path, out_dir)
    base_path = load_config(config_path).site.base_path
    server = ThreadingHTTPServer(("127.0.0.1", port), site_handler(out_dir, base_path))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving {out_dir}/ on http://127.0.0.1:{server.server_port}{base_path} — Ctrl+C to stop.")
    try:
        for _changes in watch(*_watched(config_path), debounce=300):
            _rebuild(config_path, out_dir)
    finally:
        server.shutdown()
    return 0


def _watched(config_path: Path) -> list[Path]:
    config = load_config(config_path)
    paths = [config_path, config.path(config.content_dir), TEMPLATES, config.path(config.translation.reviewed).parent]
    return [path for path in paths if path.exists()]


def _rebuild(config_path: Path, out_dir: Path) -> None:
    try:
        summary = build_if_changed(config_path, out_dir)
    except DigestError as error:  # keep serving the last good site; say what to fix
        print(error, file=sys.stderr)
        return
    print(f"Rebuilt: {summary.articles} article(s), {summary.pages} files." if not summary.unchanged
          else "Nothing changed since the last build.")


def site_handler(site: Path, base_path: str) -> type[SimpleHTTPRequestHandler]:
    """Serves the site under its base path (e.g. /digest/), as it will be published,
    so absolute links (search results, the 404 page) work in the preview too."""

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(site.absolute()), **kwargs)

        def do_GET(self) -> None:
            if self.path.startswith(base_path):
                self.path = "/" + self.path[len(base_path):]
                super().do_GET()
            elif self.path in ("/", ""):
                self.send_response(302)
                self.send_header("Location", base_path)
                self.end_headers()
            else:
                self.send_error(404)

        def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
            page = site / "404.html"
            if code != 404 or not page.is_file():
                return super().send_error(code, message, explain)
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args) -> None:
            pass

    return Handler
