"""The `digest` command: build, serve, check, models."""
from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from generator.problems import DigestError

DEFAULT_CONFIG = Path("site_config.yml")
DEFAULT_OUT = Path("site")


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except DigestError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"digest: {len(error.problems)} problem(s); nothing was written.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug of ours, not the editor's: one line unless asked for more
        if args.verbose:
            traceback.print_exc()
        print(f"digest: internal error: {type(error).__name__}: {error} (run with --verbose for details)", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="digest", description="Build a bilingual (Arabic/English) news-digest site.")
    parser.add_argument("--verbose", action="store_true", help="show tracebacks of internal errors")
    commands = parser.add_subparsers(title="commands")

    build = commands.add_parser("build", help="build the site from content/ into site/")
    _config_option(build)
    build.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: site/)")
    build.set_defaults(run=_build)

    serve = commands.add_parser("serve", help="preview on http://127.0.0.1, rebuilding on every change")
    _config_option(serve)
    serve.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: site/)")
    serve.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000)")
    serve.set_defaults(run=_serve)

    check = commands.add_parser("check", help="validate the configuration and every article without writing")
    _config_option(check)
    check.set_defaults(run=_check)
    return parser


def _config_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help="site configuration (default: site_config.yml)")


def _build(args: argparse.Namespace) -> int:
    from generator.build import build

    report = build(args.config, args.out)
    _print_warnings(report.content.warnings)
    content = report.content
    print(f"Built {report.pages} files for {len(content.articles)} article(s) in {len(content.events)} event(s) into {args.out}/")
    if advice := report.translations.advice():
        print(advice)
    return 0


def _check(args: argparse.Namespace) -> int:
    from generator.build import read_content

    content = read_content(args.config)
    _print_warnings(content.warnings)
    print(f"OK: {len(content.articles)} article(s) in {len(content.events)} event(s); {len(content.warnings)} warning(s).")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from generator.serve import serve

    return serve(args.config, args.out, args.port)


def _print_warnings(warnings) -> None:
    for warning in warnings:
        print(warning, file=sys.stderr)
