"""Installing and finding translation packages (generator/translate/models.py)."""
from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from generator.translate.models import (
    ModelError,
    find_model,
    install_from_file,
    install_from_index,
    installed_models,
)
from tests.model_fixture import (
    build_fixture_model,
    isolate_argostranslate,
    serve_package_index,
)

pytest_plugins = ["tests.model_fixture"]


def _rezip(archive: Path, target: Path, change) -> Path:
    """A copy of archive with change(name, data) -> (name, data) | None applied to each member."""
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            changed = change(info.filename, source.read(info))
            if changed is not None:
                out.writestr(changed[0], changed[1])
    return target


def _packages_left(packages: Path) -> list[str]:
    return sorted(p.name for p in packages.iterdir())


def test_nothing_installed(argos_home):
    assert installed_models() == []
    assert find_model("ar", "en") is None


def test_install_from_file(argos_home, fixture_model):
    model = install_from_file(fixture_model.archive)

    assert (model.from_code, model.to_code, model.version) == ("ar", "en", "1.0")
    assert model.model_id == "translate-ar_en@1.0"
    assert model.path.parent == argos_home
    assert find_model("ar", "en") == model
    assert installed_models() == [model]
    assert find_model("en", "ar") is None


def test_argostranslate_sees_the_installed_package(installed_fixture_model):
    from argostranslate import package

    [pkg] = package.get_installed_packages()
    assert (pkg.from_code, pkg.to_code, pkg.package_path) == ("ar", "en", installed_fixture_model.path)


def test_installing_again_replaces_the_model(argos_home, fixture_model, tmp_path):
    install_from_file(fixture_model.archive)
    newer = build_fixture_model(tmp_path, package_version="1.1")

    model = install_from_file(newer.archive)

    assert model.model_id == "translate-ar_en@1.1"
    assert installed_models() == [model]
    assert _packages_left(argos_home) == ["translate-ar_en-1_1"]


def test_find_model_prefers_the_newest_version(argos_home, fixture_model, tmp_path, monkeypatch):
    other_dir = tmp_path / "more-packages"
    other_dir.mkdir()
    install_from_file(fixture_model.archive)
    from argostranslate import settings

    monkeypatch.setattr(settings, "package_data_dir", other_dir)
    install_from_file(build_fixture_model(tmp_path, package_version="1.2").archive)
    monkeypatch.setattr(settings, "package_dirs", [argos_home, other_dir])

    assert len(installed_models()) == 2
    assert find_model("ar", "en").version == "1.2"


def test_missing_file(argos_home, tmp_path):
    missing = tmp_path / "nowhere.argosmodel"
    with pytest.raises(ModelError, match="nowhere.argosmodel: no such file"):
        install_from_file(missing)


def _html_page(archive: Path, target: Path) -> Path:
    target.write_text("<html>404 Not Found</html>")
    return target


def _truncated(archive: Path, target: Path) -> Path:
    target.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    return target


def _flipped_byte(archive: Path, target: Path) -> Path:
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as zf:
        info = zf.getinfo(next(n for n in zf.namelist() if n.endswith("model/model.bin")))
    # a byte inside the compressed model.bin: the CRC check catches it
    data[info.header_offset + 100] ^= 0xFF
    target.write_bytes(bytes(data))
    return target


def _without(member: str):
    return lambda archive, target: _rezip(
        archive, target, lambda name, data: None if name.endswith(member) else (name, data)
    )


def _replaced(member: str, content: bytes):
    return lambda archive, target: _rezip(
        archive, target, lambda name, data: (name, content if name.endswith(member) else data)
    )


_BAD_METADATA = json.dumps({"from_code": "ar", "to_code": "en"}).encode()


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (_html_page, "not a zip archive"),
        (_truncated, "not a zip archive|damaged"),
        (_flipped_byte, "damaged"),
        (_without("sentencepiece.model"), "sentencepiece.model is missing"),
        (_without("model/model.bin"), "model/model.bin is missing"),
        (_without("metadata.json"), "metadata.json is missing"),
        (_replaced("metadata.json", b"{not json"), "metadata.json is not valid JSON"),
        (_replaced("metadata.json", _BAD_METADATA), "metadata.json has no package_version"),
        (_replaced("model/model.bin", b"\0" * 64), "cannot be loaded by CTranslate2"),
        (_replaced("sentencepiece.model", b"garbage"), "sentencepiece.model cannot be loaded"),
    ],
    ids=["html", "truncated", "flipped-byte", "no-sentencepiece", "no-model", "no-metadata",
         "metadata-not-json", "metadata-incomplete", "model-garbage", "sentencepiece-garbage"],
)
def test_damaged_package_is_refused_naming_the_file(argos_home, fixture_model, tmp_path, damage, message):
    bad = damage(fixture_model.archive, tmp_path / "downloaded.argosmodel")

    with pytest.raises(ModelError, match=message) as error:
        install_from_file(bad)

    assert str(bad) in str(error.value)
    assert "\n" not in str(error.value)
    assert _packages_left(argos_home) == []


def test_archive_escaping_its_folder_is_refused(argos_home, fixture_model, tmp_path):
    bad = _rezip(
        fixture_model.archive,
        tmp_path / "evil.argosmodel",
        lambda name, data: (name.replace("model/config.json", "../../escape.json"), data),
    )
    with pytest.raises(ModelError, match="unsafe file name"):
        install_from_file(bad)
    assert not (tmp_path / "escape.json").exists()


def test_a_damaged_package_does_not_replace_the_installed_one(installed_fixture_model, fixture_model, tmp_path):
    with pytest.raises(ModelError):
        install_from_file(_truncated(fixture_model.archive, tmp_path / "bad.argosmodel"))
    assert find_model("ar", "en") == installed_fixture_model


def test_folders_that_are_not_packages_are_skipped(installed_fixture_model, argos_home):
    (argos_home / "notes").mkdir()
    (argos_home / ".digest-leftover" / "translate-ar_en-9_0").mkdir(parents=True)
    shutil.copy(installed_fixture_model.path / "metadata.json", argos_home / ".digest-leftover" / "translate-ar_en-9_0")

    assert installed_models() == [installed_fixture_model]


def test_damaged_installed_metadata_is_named(installed_fixture_model):
    metadata = installed_fixture_model.path / "metadata.json"
    metadata.write_text("{")
    with pytest.raises(ModelError, match="metadata.json: damaged package metadata") as error:
        find_model("ar", "en")
    assert str(metadata) in str(error.value)


# --- from the package index -------------------------------------------------------


@pytest.fixture
def index_home(monkeypatch, tmp_path):
    """argostranslate isolated, with the index pointed at a local server by the test."""

    def point_at(index_url: str) -> Path:
        return isolate_argostranslate(monkeypatch, tmp_path / "argos", index_url)

    return point_at


def test_install_from_index_with_progress(index_home, fixture_model, tmp_path):
    older = build_fixture_model(tmp_path, package_version="0.9")
    with serve_package_index([older.archive, fixture_model.archive]) as index_url:
        index_home(index_url)
        progress = []
        model = install_from_index("ar", "en", progress=lambda done, total: progress.append((done, total)))

    size = fixture_model.archive.stat().st_size
    assert model.model_id == "translate-ar_en@1.0"
    assert find_model("ar", "en") == model
    assert progress[0] == (0, size) and progress[-1] == (size, size)
    assert [done for done, _ in progress] == sorted(done for done, _ in progress)


def test_index_without_the_language_pair(index_home, fixture_model, tmp_path):
    with serve_package_index([fixture_model.archive]) as index_url:
        index_home(index_url)
        with pytest.raises(ModelError, match="has no en→fr model"):
            install_from_index("en", "fr")


def test_no_network_gives_one_clear_error(argos_home):
    with pytest.raises(ModelError) as error:
        install_from_index("ar", "en")

    message = str(error.value)
    assert message.startswith("cannot reach the argostranslate package index (http://127.0.0.1:9/index.json")
    assert message.endswith("digest models install --file PATH")
    assert installed_models() == []


def test_broken_download_link(index_home, fixture_model):
    with serve_package_index([fixture_model.archive], serve_archives=False) as index_url:
        packages = index_home(index_url)
        with pytest.raises(ModelError, match=r"cannot download the ar→en model \(.*HTTP 404.*--file PATH$"):
            install_from_index("ar", "en")
    assert _packages_left(packages) == []


def test_stanza_and_argostranslate_translate_are_never_imported(installed_fixture_model):
    import sys

    from generator.translate.engine import load_translator

    load_translator(installed_fixture_model).translate(["مرحبا"])
    assert "argostranslate.translate" not in sys.modules
    assert "stanza" not in sys.modules
