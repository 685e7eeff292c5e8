"""A build that is killed, fails or runs beside another never leaves a broken site or memory.

The pages a build makes are written into a staging folder (`.site-new-…`) beside
site/; then either the staging folder is swapped in with two renames (site/ →
.site-old, staging → site/: a first build, --clean), or its files are moved into
site/ one by one after a commit record says what to move and remove (an update).
These tests kill real `python -m generator build` processes at the worst
moments, run two builds at once, and do the same to the translation memory,
which concurrent builds share.
"""
from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.cli import main
from generator.links import check_links
from generator import output
from generator.output import atomic_site
from generator.problems import DigestError
from generator.translate.memory import TranslationMemory
from tests.conftest import REPO

# `python -m generator build ARGS`, with every page written (or taken from the previous site) `delay`
# seconds late: time to catch it mid-render.
SLOW_BUILD = """
import runpy, sys, time
from generator.output import SiteWriter
delay, write, reuse = float(sys.argv.pop(1)), SiteWriter.write, SiteWriter.reuse
SiteWriter.write = lambda self, *page: (time.sleep(delay), write(self, *page))[1]
SiteWriter.reuse = lambda self, *page: (time.sleep(delay), reuse(self, *page))[1]
sys.argv = ["digest", "build", *sys.argv[1:]]
runpy.run_module("generator", run_name="__main__")
"""
# `python -m generator build` that dies (SIGKILL) after moving ten of its new files into site/ (of 20).
KILLED_MID_UPDATE = """
import os, runpy, signal, sys
replace, site, moved = os.replace, os.path.abspath("site") + os.sep, []
def replace_then_die(source, target):
    replace(source, target)
    if "-new-" in str(source) and str(target).startswith(site):
        moved.append(target)
        if len(moved) == 10:
            os.kill(os.getpid(), signal.SIGKILL)
os.replace = replace_then_die
sys.argv = ["digest", "build"]
runpy.run_module("generator", run_name="__main__")
"""
# `python -m generator build` that dies (SIGKILL) right after the old site is moved aside.
KILLED_BETWEEN_RENAMES = """
import os, runpy, signal, sys
rename = os.rename
def rename_then_die(source, target):
    rename(source, target)
    if os.path.basename(target) == ".site-old":
        os.kill(os.getpid(), signal.SIGKILL)
os.rename = rename_then_die
sys.argv = ["digest", "build", "--clean"]  # work to do, though nothing changed
runpy.run_module("generator", run_name="__main__")
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with its site built (and its analysis cached)."""
    root = tmp_path_factory.mktemp("built")
    shutil.copy(REPO / "site_config.yml", root)
    for folder in ("content", "translations"):
        shutil.copytree(REPO / folder, root / folder)
    assert build_in(root) == 0
    return root


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(built, copy)
    return copy


def build_in(project: Path) -> int:
    cwd = Path.cwd()
    os.chdir(project)
    try:
        return main(["build"])
    finally:
        os.chdir(cwd)


def start(project: Path, script: str, *args: str) -> subprocess.Popen:
    """The build in a process group of its own, with the Pagefind runs it starts."""
    return subprocess.Popen([sys.executable, "-c", script, *args], cwd=project, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)},
                            start_new_session=True)


def kill(build: subprocess.Popen) -> None:
    """SIGKILL to the build's whole process group, the Pagefind runs it started with it (as `kill -9 -- -PGID` or a
    CI runner's cancel sends it). A Pagefind run left alive would finish its shard in the killed build's staging
    folder, maybe after the next build swept that folder away: a leftover the build after that removes."""
    os.killpg(build.pid, signal.SIGKILL)
    build.wait()


def wait_for(condition, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def staging_folders(project: Path) -> list[Path]:
    return sorted(project.glob(".site-new-*"))


def test_a_build_killed_mid_render_leaves_the_previous_site(project: Path):
    previous = tree(project / "site")
    build = start(project, SLOW_BUILD, "0.05", "--clean")  # work to do, though nothing changed
    wait_for(lambda: any(len(list(folder.rglob("*.html"))) >= 3 for folder in staging_folders(project)))

    kill(build)

    assert tree(project / "site") == previous
    assert len(staging_folders(project)) == 1  # half a site, never published
    assert build_in(project) == 0
    assert staging_folders(project) == [] and tree(project / "site") == previous


def test_a_build_killed_between_the_two_renames_is_undone_by_the_next_one(project: Path):
    previous = tree(project / "site")

    build = start(project, KILLED_BETWEEN_RENAMES)
    assert build.wait(timeout=60) == -signal.SIGKILL, build.stderr.read()

    assert not (project / "site").exists() and tree(project / ".site-old") == previous
    with pytest.raises(DigestError), atomic_site(project / "site"):
        raise DigestError([])  # the next build fails while writing: the old site is back all the same
    assert tree(project / "site") == previous
    assert sorted(p.name for p in project.glob(".site*")) == []
    assert build_in(project) == 0 and tree(project / "site") == previous


def test_after_a_kill_between_renames_a_build_failing_on_an_article_still_puts_the_site_back(project: Path):
    previous = tree(project / "site")
    assert start(project, KILLED_BETWEEN_RENAMES).wait(timeout=60) == -signal.SIGKILL
    (project / "content" / "broken.md").write_text("---\ntitle: [\n---\nنص.\n", encoding="utf-8")

    assert build_in(project) == 1
    assert tree(project / "site") == previous


def edit_an_article(project: Path) -> None:
    article = next((project / "content").glob("*.txt"))
    article.write_text(article.read_text(encoding="utf-8") + "\n\nوأضاف المصدر أن المحادثات ستستأنف الأسبوع المقبل.\n",
                       encoding="utf-8")


def built_elsewhere(project: Path, tmp_path: Path) -> dict[str, bytes]:
    """The site an uninterrupted build of the project as it is now makes."""
    other = tmp_path / "uninterrupted"
    shutil.copytree(project, other)
    assert build_in(other) == 0
    return tree(other / "site")


def test_a_build_killed_while_writing_an_update_leaves_the_previous_site(project: Path, tmp_path: Path):
    previous = tree(project / "site")
    edit_an_article(project)
    build = start(project, SLOW_BUILD, "0.05")  # an update of the site in place
    wait_for(lambda: any(len(list(folder.rglob("*.html"))) >= 3 for folder in staging_folders(project)))

    kill(build)

    assert tree(project / "site") == previous
    assert build_in(project) == 0
    assert staging_folders(project) == [] and tree(project / "site") == built_elsewhere(project, tmp_path)


def test_an_update_killed_while_moving_its_files_in_is_finished_by_the_next_build(project: Path, tmp_path: Path):
    previous = tree(project / "site")
    edit_an_article(project)
    expected = built_elsewhere(project, tmp_path)

    build = start(project, KILLED_MID_UPDATE)
    assert build.wait(timeout=60) == -signal.SIGKILL, build.stderr.read()

    half = tree(project / "site")
    changed = {path for path in expected if expected[path] != previous.get(path)}
    assert 0 < len([path for path in changed if half.get(path) == expected[path]]) < len(changed)  # some in, not all
    (project / "content" / "broken.md").write_text("---\ntitle: [\n---\nنص.\n", encoding="utf-8")
    assert build_in(project) == 1  # fails on the article, after finishing the update all the same
    assert tree(project / "site") == expected and staging_folders(project) == []


def test_an_update_that_cannot_be_finished_is_a_problem_named_and_kept_for_later(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    edit_an_article(project)
    expected = built_elsewhere(project, tmp_path)
    assert start(project, KILLED_MID_UPDATE).wait(timeout=60) == -signal.SIGKILL
    half = tree(project / "site")

    def refused(*args: object) -> None:
        raise OSError(errno.EACCES, os.strerror(errno.EACCES))

    with monkeypatch.context() as patched:
        patched.setattr(output, "_place", refused)
        assert build_in(project) == 1
    assert "site: error: cannot finish what the last build left (Permission denied)" in capsys.readouterr().err.splitlines()
    assert tree(project / "site") == half and len(staging_folders(project)) == 1  # nothing lost: tried again next time
    assert build_in(project) == 0 and tree(project / "site") == expected


def test_a_leftover_staging_folder_is_neither_published_nor_in_the_way(project: Path):
    stale = project / ".site-new-abc123"
    (stale / "ar").mkdir(parents=True)
    (stale / "ar" / "index.html").write_text("stale page of a killed build", encoding="utf-8")
    (project / ".site-old").mkdir()

    assert build_in(project) == 0

    assert not stale.exists() and not (project / ".site-old").exists()
    assert "stale page" not in (project / "site" / "ar" / "index.html").read_text(encoding="utf-8")
    assert check_links(project / "site", "/digest/") == []


def test_a_second_build_waits_for_the_first_and_never_touches_its_staging_folder(project: Path):
    previous = tree(project / "site")
    first = start(project, SLOW_BUILD, "0.03", "--clean")
    wait_for(lambda: any(len(list(folder.rglob("*.html"))) >= 3 for folder in staging_folders(project)))
    staging = staging_folders(project)[0]

    assert build_in(project) == 0  # waits while the first build holds the site

    assert first.wait(timeout=60) == 0, first.stderr.read()
    assert not staging.exists()  # swapped in by the first build, not swept away by the second
    assert tree(project / "site") == previous  # both complete builds of the same content
    assert staging_folders(project) == []


# --- the translation memory ------------------------------------------------------------------

MEMORY_WRITER = """
import sys, time
from pathlib import Path
from generator.translate.memory import TranslationMemory
path, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
(path.parent / f"ready-{name}").touch()
while not (path.parent / "go").exists():
    time.sleep(0.001)
for n in range(count):
    memory = TranslationMemory.load(path)
    memory.add(f"جملة {name} رقم {n}", "translate-ar_en@1.0", f"sentence {name} {n}")
    memory.save()
"""


def test_two_builds_adding_to_the_memory_at_once_keep_every_entry(tmp_path: Path):
    folder = tmp_path / "translations"
    folder.mkdir()
    memory = folder / "memory.jsonl"
    writers = [start(tmp_path, MEMORY_WRITER, str(memory), name, "40") for name in ("a", "b")]
    wait_for(lambda: all((folder / f"ready-{name}").exists() for name in ("a", "b")))
    (folder / "go").touch()

    assert [writer.wait(timeout=60) for writer in writers] == [0, 0], [w.stderr.read() for w in writers]

    loaded = TranslationMemory.load(memory)
    assert all(loaded.lookup(f"جملة {name} رقم {n}", None) == f"sentence {name} {n}" for name in "ab" for n in range(40))
    assert len(memory.read_text(encoding="utf-8").splitlines()) == 80
    assert sorted(p.name for p in folder.iterdir()) == ["go", "memory.jsonl", "ready-a", "ready-b"]  # no temporary or lock file


def test_a_memory_that_cannot_be_saved_stays_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "memory.jsonl"
    memory = TranslationMemory.load(path)
    memory.add("جملة أولى", "translate-ar_en@1.0", "first sentence")
    memory.save()
    before = path.read_bytes()

    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    memory.add("جملة ثانية", "translate-ar_en@1.0", "second sentence")
    with pytest.raises(DigestError) as caught:
        memory.save()

    assert str(caught.value) == (f"{path}: error: cannot save the translation memory (No space left on device); it is unchanged "
                                 "(free some space or fix the permissions)")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["memory.jsonl"]
