"""The `digest` command: build, serve, check, models."""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
import traceback
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from pydantic import BaseModel

from generator.problems import DigestError
from generator.translate.models import ModelError

DEFAULT_CONFIG = Path("site_config.yml")
DEFAULT_OUT = Path("site")
EXIT_UNTRANSLATED = 3  # `build|check --require-translations`: only translations are missing


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
    except ModelError as error:
        print(f"digest: {_one_line(error)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug of ours, not the editor's: one line unless asked for more
        if args.verbose:
            traceback.print_exc()
        print(f"digest: internal error: {type(error).__name__}: {_one_line(error)} (run with --verbose for details)",
              file=sys.stderr)
        return 2


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="digest", description="Build a bilingual (Arabic/English) news-digest site.")
    parser.add_argument("--verbose", action="store_true", help="show tracebacks of internal errors")
    commands = parser.add_subparsers(title="commands")

    build = commands.add_parser("build", help="build the site from content/ into site/")
    _config_option(build)
    build.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: site/)")
    build.add_argument("--clean", action="store_true",
                       help="build from nothing: ignore the last build's cache and site (slower; the result is the same)")
    build.add_argument("--require-translations", action="store_true",
                       help=f"after building, exit with status {EXIT_UNTRANSLATED} when any text lacks an English translation")
    build.set_defaults(run=_build)

    serve = commands.add_parser("serve", help="preview on http://127.0.0.1, rebuilding on every change")
    _config_option(serve)
    serve.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: site/)")
    serve.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000)")
    serve.set_defaults(run=_serve)

    check = commands.add_parser("check", help="validate config and articles, build into a temporary folder, check every link")
    _config_option(check)
    check.add_argument("--require-translations", action="store_true",
                       help=f"exit with status {EXIT_UNTRANSLATED} when any text lacks an English translation")
    check.set_defaults(run=_check)

    analyze = commands.add_parser("analyze", help="show what the analysis finds in articles")
    analyze.add_argument("files", nargs="+", type=Path, metavar="FILE", help="article files (.md or .txt)")
    analyze.add_argument("--json", action="store_true", help="print JSON (the default prints a readable report)")
    _config_option(analyze)
    analyze.set_defaults(run=_analyze)

    events = commands.add_parser("events", help="show how articles are grouped into events and how outlets compare")
    _config_option(events)
    events.add_argument("--content", type=Path, help="articles folder (default: content_dir of the configuration)")
    events.add_argument("--json", action="store_true", help="print JSON (the default prints a readable list)")
    events.add_argument("--to-check", action="store_true",
                        help="only the events joined on weak evidence, which may be two happenings")
    events.set_defaults(run=_events)

    models = commands.add_parser("models", help="install and list local translation models")
    models_commands = models.add_subparsers(title="models commands")
    install = models_commands.add_parser("install", help="install a model: `install ar en`, or `install --file PATH`")
    install.add_argument("languages", nargs="*", metavar="LANG", help="source and target language codes, e.g. ar en")
    install.add_argument("--file", type=Path, help="a downloaded .argosmodel package")
    install.set_defaults(run=_models_install)
    listing = models_commands.add_parser("list", help="list the installed models")
    listing.set_defaults(run=_models_list)
    # Also accepted after the command (`digest build --verbose`); SUPPRESS keeps a --verbose given before it.
    for command in [*commands.choices.values(), *models_commands.choices.values()]:
        command.add_argument("--verbose", action="store_true", default=argparse.SUPPRESS, help="show tracebacks of internal errors")
    return parser


def _config_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help="site configuration (default: site_config.yml)")


def _build(args: argparse.Namespace) -> int:
    from generator.build import build, build_if_changed

    with TerminalProgress(enabled=sys.stderr.isatty()) as progress:  # never in CI logs
        if args.clean:
            summary = build(args.config, args.out, clean=True, progress=progress).summary
        else:
            summary = build_if_changed(args.config, args.out, progress=progress)
    _print_warnings(summary.warnings)
    if summary.unchanged:
        print(f"Nothing changed since the last build: {args.out}/ is up to date ({summary.articles} article(s) in "
              f"{summary.events} event(s), {summary.pages} files)")
    else:
        cached = summary.articles - summary.analyzed_now
        print(f"Built {summary.articles} article(s) ({summary.analyzed_now} analyzed, {cached} unchanged since the last "
              f"build) in {summary.events} event(s) into {args.out}/: {summary.pages} files, {summary.reused} of them "
              f"kept from the last build")
    if summary.doubtful_events:
        print(_review_advice(summary.doubtful_events))
    if summary.translation_advice:
        print(summary.translation_advice)
    return EXIT_UNTRANSLATED if args.require_translations and summary.untranslated else 0


def _check(args: argparse.Namespace) -> int:
    from generator.build import check

    report, broken = check(args.config)
    content = report.content
    _print_warnings(content.warnings)
    for link in broken:
        print(f"error: {link}", file=sys.stderr)
    if advice := report.translations.advice():
        print(f"warning: {advice}", file=sys.stderr)
    if report.summary.doubtful_events:
        print(f"warning: {_review_advice(report.summary.doubtful_events)}", file=sys.stderr)
    print(f"{len(content.articles)} article(s) in {len(content.events)} event(s): {len(broken)} broken link(s), "
          f"{report.translations.untranslated} untranslated text(s), {len(content.warnings)} metadata warning(s).")
    if broken:
        return 1
    return EXIT_UNTRANSLATED if args.require_translations and report.translations.untranslated else 0


def _serve(args: argparse.Namespace) -> int:
    from generator.serve import serve

    return serve(args.config, args.out, args.port)


def _analyze(args: argparse.Namespace) -> int:
    from generator.analyze.analysis import analyze_article
    from generator.config import load_config
    from generator.ingest import read_article

    config = load_config(args.config) if args.config.exists() else None
    outlets, gazetteer = (config.outlets, config.gazetteer()) if config else ({}, {})
    results = []
    for path in args.files:
        article, warnings = read_article(path, outlets)
        _print_warnings(warnings)
        results.append({"file": str(path), "article": article,
                        "analysis": analyze_article(article.title, article.body, gazetteer)})
    if args.json:
        print(json.dumps(_plain(results), ensure_ascii=False, indent=2))
    else:
        for result in results:
            print(_readable_analysis(result["file"], result["analysis"]))
    return 0


def _events(args: argparse.Namespace) -> int:
    from generator.build import compare_events, read_content

    content = read_content(args.config, content_dir=args.content)
    _print_warnings(content.warnings)
    by_id = {article.id: article for article in content.articles}
    comparisons = compare_events(content)
    events = [
        {"slug": event.slug, "titles": [by_id[i].title for i in event.article_ids], "article_ids": list(event.article_ids),
         "weakest_join": event.weakest_join, "weakest_parts": event.weakest_parts, "needs_review": event.needs_review,
         "comparison": comparisons[event.slug]}
        for event in content.events if event.needs_review or not args.to_check
    ]
    if args.json:
        print(json.dumps(_plain(events), ensure_ascii=False, indent=2))
        return 0
    for event in events:
        joined = f", joined at {event['weakest_join']:.2f}" if event["weakest_join"] is not None else ""
        check = ": check that they report one happening" if event["needs_review"] else ""
        print(f"{event['slug']}: {len(event['article_ids'])} article(s){joined}{check}")
        for article_id, title in zip(event["article_ids"], event["titles"]):
            print(f"  {article_id}  {title}")
        if event["needs_review"]:
            fewer, more = sorted(event["weakest_parts"], key=len)
            print(f"  least sure: {', '.join(fewer)} with {', '.join(more)} ({event['weakest_join']:.2f})")
    if doubtful := sum(event["needs_review"] for event in events):
        print(f"\n{_review_advice(doubtful)}")
    return 0


def _review_advice(doubtful: int) -> str:
    from generator.group import REVIEW_BELOW

    return (f"{doubtful} event(s) joined on weak evidence (probability below {REVIEW_BELOW}): check them with "
            "`digest events --to-check`. An article's `event:` key sets it apart, or keeps articles together, "
            "whatever the grouping finds.")


def _plain(value):
    """Dataclasses, paths and dates as JSON-ready values."""
    if dataclasses.is_dataclass(value):
        return {field.name: _plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, BaseModel):
        return _plain(value.model_dump())
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(item) for item in value]
    if isinstance(value, (Path, date)):
        return str(value)
    return value


def _readable_analysis(file: str, analysis) -> str:
    lines = [f"== {file}: {len(analysis.sentences)} sentences"]
    lines += ["Summary:"] + [f"  [{i + 1}] {analysis.sentences[i].text}" for i in analysis.summary]
    lines += ["Quotes:"] + [f"  [{q.sentence_index + 1}] {q.speaker or '(speaker not named)'} ({q.verb or '-'}): “{q.text}”"
                            for q in analysis.quotes]
    lines += ["Framing (scare quotes):"] + [f"  [title] {f.phrase}" for f in analysis.title_framing]
    lines += [f"  [{f.sentence_index + 1}] {f.phrase}" for f in analysis.framing]
    lines += ["Cited sources:"] + [f"  [{c.sentence_index + 1}] {c.name} ({c.kind}; {c.cue})" for c in analysis.cited_sources]
    lines += ["Entities:"] + [f"  {e.name} ({e.kind})" for e in analysis.entities]
    return "\n".join(lines)


def _models_install(args: argparse.Namespace) -> int:
    from generator.translate.models import install_from_file, install_from_index

    if args.file and args.languages or not args.file and len(args.languages) != 2:
        print("digest models install: give two language codes (ar en) or --file PATH", file=sys.stderr)
        return 2
    if args.file:
        model = install_from_file(args.file)
    else:
        model = install_from_index(*args.languages, progress=_progress_line if sys.stderr.isatty() else None)
    print(f"Installed {model.model_id} ({model.from_code} → {model.to_code}) in {model.path}")
    return 0


def _models_list(args: argparse.Namespace) -> int:
    from generator.translate.models import installed_models

    models = installed_models()
    for model in models:
        print(f"{model.from_code} → {model.to_code}  {model.model_id}  {model.path}")
    if not models:
        print("No translation model installed. Install one with: digest models install ar en")
    return 0


def _progress_line(done: int, total: int) -> None:
    share = f"{100 * done // total:3d} %" if total else ""
    print(f"\r  downloading {done / 2**20:6.1f} MB {share}", end="" if done < total else "\n", file=sys.stderr, flush=True)


class TerminalProgress:
    """One self-rewriting line on a terminal, shown only once a build has taken a couple of seconds."""

    def __init__(self, enabled: bool, delay: float = 2.0):
        self.enabled = enabled
        self.started = time.monotonic()
        self.delay = delay
        self.last_drawn = 0.0
        self.drawn = False

    def __enter__(self) -> TerminalProgress:
        return self

    def __exit__(self, *exception) -> None:
        if self.drawn:
            print("\r\033[K", end="", file=sys.stderr, flush=True)

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.started < self.delay or (total and done < total and now - self.last_drawn < 0.1):
            return
        self.last_drawn = now
        if total:
            filled = 24 * done // total
            line = f"{stage} [{'#' * filled}{'.' * (24 - filled)}] {done}/{total}"
        else:
            line = f"{stage}…"
        print(f"\r\033[K{line}", end="", file=sys.stderr, flush=True)
        self.drawn = True


def _print_warnings(warnings) -> None:
    for warning in warnings:
        print(warning, file=sys.stderr)
