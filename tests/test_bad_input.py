"""Bad input as an editor might drop it, through the real `digest` command.

Each folder of tests/data/bad/ is one kind of bad input. Its `case.yml` says what
it is (`what`), the exit status (`exit`), the command (`args`, default: build)
and, for input that is refused, the exact error lines `digest` must print
(`stderr`; a line ending in "..." is a prefix). Every other file of the folder
is copied into a copy of the project at the same path; `config:` is merged into
site_config.yml. Two kinds need more than files and are made by the test:
a 5 MB article and a symbolic link out of content/.

Refused input must leave the previous site byte for byte as it was. Odd input
that is still an article (`exit: 0`) must be read correctly: `page_contains`
must be on its Arabic article page, `page_lacks` must not, and `warnings` must
be printed. Whatever happens,
nothing the editor wrote (articles, metadata, translations, configuration)
changes.
"""
from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.ingest import article_id
from generator.links import check_links
from generator.output import SiteWriter
from tests.conftest import REPO

BAD = Path(__file__).parent / "data" / "bad"
BASE_PATH = "/digest/"  # of the repository's site_config.yml
EDITOR_FILES = ("content", "translations", "site_config.yml")


@dataclass(frozen=True)
class Case:
    kind: str
    spec: dict

    @property
    def folder(self) -> Path:
        return BAD / self.kind

    @property
    def files(self) -> list[Path]:
        return sorted(p.relative_to(self.folder) for p in self.folder.rglob("*") if p.is_file() and p.name != "case.yml")


@dataclass(frozen=True)
class Outcome:
    code: int
    stdout: str
    stderr: str

    @property
    def problems(self) -> list[str]:
        """The lines that report problems: not warnings about metadata, not the closing count."""
        return [line for line in self.stderr.splitlines()
                if ": warning: " not in line and not re.fullmatch(r"digest: \d+ problem\(s\); nothing was written\.", line)]


CASES = [Case(folder.name, yaml.safe_load((folder / "case.yml").read_text(encoding="utf-8")))
         for folder in sorted(BAD.iterdir())]
REFUSED = [case for case in CASES if case.spec["exit"] != 0]
READABLE = [case for case in CASES if case.spec["exit"] == 0]


def test_the_corpus_has_every_kind_the_promise_names():
    assert len(CASES) >= 30
    for case in CASES:
        assert case.spec["what"] and ("stderr" in case.spec) == (case.spec["exit"] != 0), case.kind


# --- running digest in a copy of a project that has a site --------------------------------

@pytest.fixture(scope="module")
def previous(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project (the repository's config, seeds and translations) with its site built."""
    root = tmp_path_factory.mktemp("previous")
    shutil.copy(REPO / "site_config.yml", root)
    for folder in ("content", "translations"):
        shutil.copytree(REPO / folder, root / folder)
    for path in root.rglob("*"):
        path.chmod(path.stat().st_mode | 0o200)  # the seeds are read-only in the repository
    assert run_in(root, ["build"]).code == 0
    return root


@pytest.fixture
def editor_project(previous: Path, tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(previous, project, symlinks=True)
    return project


def run_in(project: Path, args: list[str]) -> Outcome:
    """`digest ARGS` run in project, in this process, as the editor would type it."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    cwd = Path.cwd()
    os.chdir(project)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(args)
    finally:
        os.chdir(cwd)
    return Outcome(code, out.getvalue(), err.getvalue())


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def editor_files(project: Path) -> dict[str, tuple[bytes, int]]:
    """What the editor wrote, with modification times: a rewrite with the same bytes shows too."""
    paths = [project / name for name in EDITOR_FILES]
    files = [p for path in paths for p in ([path] if path.is_file() else sorted(path.rglob("*"))) if p.is_file()]
    return {p.relative_to(project).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns) for p in files}


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.glob(".site-*"))


def place(case: Case, project: Path) -> None:
    for relative in case.files:
        target = project / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(case.folder / relative, target)
    if patch := case.spec.get("config"):
        config = project / "site_config.yml"
        config.write_text(yaml.safe_dump(_merged(yaml.safe_load(config.read_text(encoding="utf-8")), patch),
                                         allow_unicode=True), encoding="utf-8")
    if make := MADE_BY_THE_TEST.get(case.kind):
        make(project)


def _merged(base: dict, patch: dict) -> dict:
    merged = dict(base)
    for key, value in patch.items():
        merged[key] = _merged(base.get(key, {}), value) if isinstance(value, dict) else value
    return merged


def _huge_article(project: Path) -> None:
    line = "التقى وزير الخارجية نظيره في باريس وبحثا الأوضاع في الجنوب السوري.\n"
    (project / "content" / "huge.txt").write_bytes(("لقاء\n\n" + line * (5 * 2**20 // len(line.encode()) + 1)).encode()[: 5 * 2**20])


def _link_outside(project: Path) -> None:
    outside = project.parent / "outside.txt"
    outside.write_text("سر\n\nنص خارج مجلد المقالات.\n", encoding="utf-8")
    (project / "content" / "passwd.txt").symlink_to(outside)


MADE_BY_THE_TEST: dict[str, Callable[[Path], None]] = {"huge-article": _huge_article, "symlink-outside": _link_outside}


def expected_lines_match(expected: list[str], actual: list[str]) -> bool:
    return len(expected) == len(actual) and all(
        line.startswith(want[:-3]) if want.endswith("...") else line == want for want, line in zip(expected, actual))


# --- refused input ----------------------------------------------------------------------------

@pytest.mark.parametrize("case", REFUSED, ids=lambda case: case.kind)
def test_refused_input_is_one_line_per_problem_and_the_previous_site_stays(case: Case, editor_project: Path,
                                                                            request: pytest.FixtureRequest):
    args = case.spec.get("args", ["build"])
    if args[0] == "models":
        request.getfixturevalue("argos_home")  # never the machine's own models
    place(case, editor_project)
    site, written = tree(editor_project / "site"), editor_files(editor_project)

    outcome = run_in(editor_project, args)

    assert outcome.code == case.spec["exit"], outcome.stderr
    assert expected_lines_match(case.spec["stderr"], outcome.problems), outcome.stderr
    assert "Traceback" not in outcome.stderr and "internal error" not in outcome.stderr
    assert tree(editor_project / "site") == site
    assert leftovers(editor_project) == []
    assert editor_files(editor_project) == written


def test_a_5_mb_article_is_refused_at_once(editor_project: Path):
    import time

    _huge_article(editor_project)
    started = time.perf_counter()
    assert run_in(editor_project, ["check"]).code == 1
    assert time.perf_counter() - started < 2


def test_a_disk_full_while_writing_keeps_the_previous_site(editor_project: Path, monkeypatch: pytest.MonkeyPatch):
    def until_full(method):  # a new page or one linked from the previous site: the disk is full at the tenth
        def wrapped(self: SiteWriter, relative: str, *rest):
            if len(self.written) == 10:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self.root / relative))
            return method(self, relative, *rest)
        return wrapped

    monkeypatch.setattr(SiteWriter, "write", until_full(SiteWriter.write))
    monkeypatch.setattr(SiteWriter, "reuse", until_full(SiteWriter.reuse))
    site, written = tree(editor_project / "site"), editor_files(editor_project)

    outcome = run_in(editor_project, ["build", "--clean"])  # work to do, though nothing changed

    assert outcome.code == 1
    assert outcome.problems == ["site: error: writing the site failed (No space left on device); the previous site is untouched"]
    assert tree(editor_project / "site") == site
    assert leftovers(editor_project) == []
    assert editor_files(editor_project) == written


def test_an_internal_error_is_one_line_and_verbose_shows_the_traceback(editor_project: Path, monkeypatch: pytest.MonkeyPatch):
    import generator.build

    def broken_stage(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the translation broke\non two lines")

    monkeypatch.setattr(generator.build, "translate_texts", broken_stage)
    site = tree(editor_project / "site")

    quiet, verbose = run_in(editor_project, ["build", "--clean"]), run_in(editor_project, ["build", "--clean", "--verbose"])

    assert quiet.code == verbose.code == 2
    assert quiet.problems == ["digest: internal error: RuntimeError: the translation broke on two lines (run with --verbose for details)"]
    assert "Traceback (most recent call last)" in verbose.stderr and "broken_stage" in verbose.stderr
    assert tree(editor_project / "site") == site


def as_an_editor() -> list[str]:
    """Command prefix under which file permissions apply: root ignores them unless it drops these capabilities."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner", "--"]


def test_read_only_output_folders(editor_project: Path):
    """--out in a folder that cannot be written: a clear refusal. A site/ whose files are read-only
    (copied from a read-only medium, or chmod'ed): replaced all the same, nothing left behind."""
    (editor_project / "public").mkdir(mode=0o555)
    for path in [editor_project / "site", *(editor_project / "site").rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    script = "import sys; from generator.cli import main; print('exit', *[main(a.split()) for a in sys.argv[1:]])"

    result = subprocess.run([*as_an_editor(), sys.executable, "-c", script, "build --out public/site", "build", "build"],
                            cwd=editor_project, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})

    assert result.stdout.splitlines()[-1] == "exit 1 0 0", result.stderr
    assert "public/site: error: cannot write the site here (Permission denied)" in result.stderr.splitlines()
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in editor_project.iterdir() if p.name.startswith(".site")) == []
    assert check_links(editor_project / "site", BASE_PATH) == []


# --- odd input that is still an article ----------------------------------------------------------

@pytest.fixture(scope="module")
def odd_project(previous: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Outcome]]:
    """Every readable kind at once in one project, built once: one build instead of one a kind."""
    project = tmp_path_factory.mktemp("odd") / "project"
    shutil.copytree(previous, project, symlinks=True)
    for case in READABLE:
        place(case, project)
    written = editor_files(project)
    yield project, run_in(project, ["build"])
    assert editor_files(project) == written


def article_pages(case: Case, project: Path) -> str:
    articles = [path for path in case.files if path.suffix.lower() in (".md", ".txt")]
    return "".join((project / "site" / "ar" / "articles" / f"{article_id(path.stem)}.html").read_text(encoding="utf-8")
                   for path in articles)


@pytest.mark.parametrize("case", READABLE, ids=lambda case: case.kind)
def test_odd_but_real_articles_are_read_correctly(case: Case, odd_project: tuple[Path, Outcome]):
    project, outcome = odd_project
    assert outcome.code == 0, outcome.stderr
    pages = article_pages(case, project)
    for text in case.spec["page_contains"]:
        assert text in pages
    for text in case.spec.get("page_lacks", []):
        assert text not in pages
    for warning in case.spec.get("warnings", []):
        assert warning in outcome.stderr.splitlines()


def test_the_site_of_odd_articles_is_complete_and_well_formed(odd_project: tuple[Path, Outcome]):
    project, outcome = odd_project
    assert outcome.code == 0, outcome.stderr
    site = project / "site"
    assert check_links(site, BASE_PATH) == []
    for feed in [*site.rglob("*.xml")]:
        ElementTree.parse(feed)  # control characters would make it invalid XML
    assert all(path.resolve().is_relative_to(site) for path in site.rglob("*"))
    assert (site / "ar" / "events" / "etc-passwd.html").is_file()  # event: ../../etc/passwd stays inside
    assert leftovers(project) == []


# --- script in every field an editor controls ------------------------------------------------------

def payload(field: str) -> str:
    return f'<script>alert("{field}")</script> "><img src=x onerror=alert("{field}")> javascript:alert("{field}")'


def escaped(field: str) -> str:
    return f"&lt;script&gt;alert(&#34;{field}&#34;)&lt;/script&gt;"


def test_script_in_every_field_an_editor_controls_is_never_run(editor_project: Path, installed_fixture_model):
    """Every field reaches the site (English through the translation model, the glossary and the
    reviewed translations) and nowhere in any built file is it markup or a javascript: link."""
    config = yaml.safe_load((editor_project / "site_config.yml").read_text(encoding="utf-8"))
    config["site"]["title"] = {"ar": payload("site-title-ar"), "en": payload("site-title-en")}
    config["site"]["description"] = {"ar": payload("description-ar"), "en": payload("description-en")}
    # Markup in the config's URLs is refused outright (tests/test_config.py); these carry it percent-encoded.
    config["site"]["base_url"] = "https://example.org/digest/%22%3E%3Cscript%3Ealert(1)%3C/script%3E/"
    config["outlets"]["syria-tv"] = {"name": {"ar": payload("outlet-name-ar"), "en": payload("outlet-name-en")},
                                     "notes": {"ar": payload("notes-ar"), "en": payload("notes-en")},
                                     "url": "https://example.org/?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E"}
    config["glossary"] = {"باريس": payload("glossary")}
    (editor_project / "site_config.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    title = f"لقاء في باريس {payload('title')}"
    (editor_project / "content" / "xss.md").write_text(
        "---\n" + yaml.safe_dump({
            "title": title, "subtitle": f"عنوان فرعي {payload('subtitle')}", "author": payload("author"),
            "url": 'https://example.org/a?b="><script>alert("url")</script>', "event": payload("event"),
            "outlet": "syria-tv", "published": "2025-07-26"}, allow_unicode=True) + "---\n"
        f"قال الوزير «كان اللقاء {payload('quote')} مثمرا» في باريس.\n\n"
        f"وأضاف الوزير أن {payload('body')} في العاصمة الفرنسية.\n", encoding="utf-8")
    (editor_project / "translations" / "reviewed.yml").write_text(
        yaml.safe_dump([{"ar": title, "en": payload("reviewed")}], allow_unicode=True), encoding="utf-8")

    outcome = run_in(editor_project, ["build"])

    assert outcome.code == 0, outcome.stderr
    site = editor_project / "site"
    built = {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8") for path in site.rglob("*")
             if path.suffix in (".html", ".xml", ".json") and "pagefind" not in path.parts}  # robots.txt is not markup
    for path, text in built.items():
        assert "<script>alert" not in text and "<img src=x" not in text, path
        assert not re.search(r"""(?i)\b(href|src|action|formaction)\s*=\s*["']?\s*javascript:""", text), path
    everything = "".join(built.values())
    shown = ["site-title-ar", "site-title-en", "description-ar", "description-en", "outlet-name-ar", "outlet-name-en",
             "notes-ar", "notes-en", "glossary", "title", "subtitle", "author", "url", "quote", "body", "reviewed"]
    assert [field for field in shown if escaped(field) not in everything] == []
    # Pagefind's index holds page text as data; its own code escapes it before showing an excerpt.
    for index in (site / "pagefind").glob("*/*/pagefind.js"):
        assert '.replace(/</g,"&lt;").replace(/>/g,"&gt;")' in index.read_text(encoding="utf-8")
    assert (site / "pagefind" / "ar" / "2025-07-21" / "pagefind.js").exists()  # the newest week's index
