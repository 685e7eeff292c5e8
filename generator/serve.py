"""`digest serve`: build, serve the site on 127.0.0.1, rebuild whenever a source changes."""
from __future__ import annotations

import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from watchfiles import watch

from generator.build import build
from generator.config import load_config
from generator.problems import DigestError
from generator.render import TEMPLATES


def serve(config_path: Path, out_dir: Path, port: int) -> int:
    _rebuild(config_path, out_dir)
    handler = functools.partial(_QuietHandler, directory=str(out_dir.absolute()))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Serving {out_dir}/ on http://127.0.0.1:{server.server_port}/ — Ctrl+C to stop.")
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
        report = build(config_path, out_dir)
    except DigestError as error:  # keep serving the last good site; say what to fix
        print(error, file=sys.stderr)
        return
    print(f"Rebuilt: {len(report.content.articles)} article(s), {report.pages} files.")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:
        pass
