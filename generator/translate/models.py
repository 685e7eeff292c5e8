"""Install and find argostranslate translation packages.

A package is a `.argosmodel` zip holding one folder with `metadata.json`,
`sentencepiece.model` and a CTranslate2 model in `model/`. Installed packages
live in argostranslate's packages folder (`ARGOS_PACKAGES_DIR`, by default
`~/.local/share/argos-translate/packages`), so argostranslate's own tools see
the models installed here and the other way round.

argostranslate is imported inside the functions, not at the top: its settings
module reads the environment (ARGOS_PACKAGES_DIR, XDG_*) once, at first import,
and creates folders, so importing it only when a model is needed lets a caller
(and the tests) choose those folders first. `argostranslate.translate` is never
imported: it pulls in stanza, which is not installed.
"""
from __future__ import annotations

import dataclasses
import http.client
import json
import shutil
import tempfile
import urllib.error
import urllib.request
import uuid
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import ModuleType

from packaging.version import InvalidVersion, Version

INSTALL_COMMAND = "digest models install ar en"
_OFFLINE_HINT = (
    "check the network, or download the .argosmodel file elsewhere "
    "and run: digest models install --file PATH"
)
_NETWORK_TIMEOUT_S = 30
_DOWNLOAD_CHUNK = 1 << 16
# Work folders inside the packages folder start with a dot, so a listing
# skips them (and an install killed half-way leaves nothing that looks installed).
_WORK_PREFIX = ".digest-"
ProgressCallback = Callable[[int, int], None]


class ModelError(Exception):
    """A model cannot be installed, found or loaded; the message is for the user."""


@dataclass(frozen=True)
class InstalledModel:
    from_code: str
    to_code: str
    name: str  # argostranslate's package name, e.g. "translate-ar_en"
    version: str  # the package version, e.g. "1.0"
    path: Path  # the installed package folder

    @property
    def model_id(self) -> str:
        """Stable identifier of this model and version, e.g. "translate-ar_en@1.0"."""
        return f"{self.name}@{self.version}"

    @property
    def model_dir(self) -> Path:
        return self.path / "model"

    @property
    def sentencepiece_model(self) -> Path:
        return self.path / "sentencepiece.model"


def installed_models() -> list[InstalledModel]:
    """The translation packages in argostranslate's package folders."""
    settings = _argos_settings()
    models = []
    for packages_dir in settings.package_dirs:
        if not Path(packages_dir).is_dir():
            continue
        for folder in sorted(Path(packages_dir).iterdir()):
            if folder.is_dir() and not folder.name.startswith("."):
                model = _read_installed(folder)
                if model is not None:
                    models.append(model)
    return models


def find_model(from_code: str, to_code: str) -> InstalledModel | None:
    """The newest installed model translating from_code into to_code, if any."""
    candidates = [
        m for m in installed_models() if (m.from_code, m.to_code) == (from_code, to_code)
    ]
    return max(candidates, key=lambda m: _version_key(m.version), default=None)


def install_from_file(path: Path) -> InstalledModel:
    """Check a downloaded .argosmodel file and install it.

    An installed model of the same language pair is replaced. Nothing is left
    behind in the packages folder when the file is rejected.
    """
    path = Path(path)
    if not path.is_file():
        raise ModelError(f"{path}: no such file")
    top = _check_archive(path)
    packages_dir = Path(_argos_settings().package_data_dir)
    packages_dir.mkdir(parents=True, exist_ok=True)
    work = packages_dir / f"{_WORK_PREFIX}{uuid.uuid4().hex}"
    try:
        _extract(path, work)
        _check_loadable(work / top, path)
        installed = _read_installed(work / top)
        assert installed is not None  # metadata was checked by _check_archive
        target = packages_dir / _folder_name(installed)
        _replace_installed(installed, work / top, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return dataclasses.replace(installed, path=target)


def install_from_index(
    from_code: str, to_code: str, progress: ProgressCallback | None = None
) -> InstalledModel:
    """Download the newest from_code → to_code package from the argostranslate index and install it.

    progress(bytes_done, bytes_total) is called as the download goes;
    bytes_total is 0 when the server does not announce the size.
    """
    package, settings = _argos_package(), _argos_settings()
    _update_package_index(settings)
    available = _newest_available(package, from_code, to_code, settings.remote_package_index)
    downloads = Path(settings.downloads_dir)
    downloads.mkdir(parents=True, exist_ok=True)
    name = package.argospm_package_name(available)
    with tempfile.TemporaryDirectory(dir=downloads) as tmp:
        archive = Path(tmp) / f"{name}-{available.package_version}.argosmodel"
        _download(available.links, archive, progress, f"{from_code}→{to_code}")
        return install_from_file(archive)


# --- argostranslate access ----------------------------------------------------


def _argos_settings() -> ModuleType:
    from argostranslate import settings

    return settings


def _argos_package() -> ModuleType:
    from argostranslate import package

    return package


def _read_installed(folder: Path) -> InstalledModel | None:
    """The model in an installed package folder; None if it is not a translation package."""
    if not (folder / "metadata.json").is_file():
        return None
    package = _argos_package()
    try:
        pkg = package.Package(folder)
    except (OSError, ValueError, AttributeError) as err:  # unreadable or malformed metadata.json
        raise ModelError(
            f"{folder / 'metadata.json'}: damaged package metadata ({err}); "
            f"remove the folder or reinstall with: {INSTALL_COMMAND}"
        ) from err
    if pkg.type != "translate" or not pkg.from_code or not pkg.to_code:
        return None
    return InstalledModel(
        from_code=pkg.from_code,
        to_code=pkg.to_code,
        name=package.argospm_package_name(pkg),
        version=pkg.package_version,
        path=folder,
    )


def _folder_name(model: InstalledModel) -> str:
    # argostranslate's own naming, e.g. "translate-ar_en-1_0"
    return f"{model.name}-{model.version.replace('.', '_')}"


def _version_key(version: str) -> Version:
    try:
        return Version(version)
    except InvalidVersion:
        return Version("0")


# --- checking and installing a package file ----------------------------------


def _check_archive(path: Path) -> str:
    """The package's top folder; ModelError if the file is not a usable package."""
    if not zipfile.is_zipfile(path):
        raise ModelError(f"{path}: not an argostranslate package (not a zip archive); download it again")
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            top = _single_top_folder(path, names)
            for required in ("metadata.json", "sentencepiece.model", "model/model.bin"):
                if f"{top}/{required}" not in names:
                    raise ModelError(f"{path}: not an argostranslate package: {required} is missing")
            damaged = archive.testzip()
            if damaged is not None:
                raise ModelError(f"{path}: the archive is damaged ({damaged}); download it again")
            _check_metadata(path, archive.read(f"{top}/metadata.json"))
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as err:
        raise ModelError(f"{path}: the archive is damaged ({err}); download it again") from err
    return top


def _single_top_folder(path: Path, names: list[str]) -> str:
    tops = set()
    for name in names:
        parts = PurePosixPath(name).parts
        if not parts or name.startswith("/") or ".." in parts or "\\" in name:
            raise ModelError(f"{path}: unsafe file name in the archive: {name!r}")
        tops.add(parts[0])
    if len(tops) != 1:
        raise ModelError(f"{path}: not an argostranslate package (expected one folder at the top of the archive)")
    return tops.pop()


def _check_metadata(path: Path, raw: bytes) -> None:
    try:
        metadata = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ModelError(f"{path}: metadata.json is not valid JSON ({err})") from err
    if not isinstance(metadata, dict):
        raise ModelError(f"{path}: metadata.json is not a JSON object")
    if metadata.get("type", "translate") != "translate":
        raise ModelError(f"{path}: not a translation package (type {metadata.get('type')!r})")
    for key in ("from_code", "to_code", "package_version"):
        if not isinstance(metadata.get(key), str) or not metadata[key]:
            raise ModelError(f"{path}: metadata.json has no {key}")
    try:
        Version(metadata["package_version"])
    except InvalidVersion as err:
        raise ModelError(f"{path}: metadata.json has an invalid package_version {metadata['package_version']!r}") from err


def _extract(path: Path, work: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            archive.extractall(work)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as err:
        raise ModelError(f"{path}: cannot unpack the archive ({err})") from err


def _check_loadable(folder: Path, archive: Path) -> None:
    """Load the model once, so a model this CTranslate2 cannot read is refused at install time."""
    # Imported here: only installing needs them, and a build that finds every
    # sentence in the translation memory should not pay for loading them.
    import ctranslate2
    import sentencepiece

    try:
        ctranslate2.Translator(str(folder / "model"), device="cpu", inter_threads=1, intra_threads=1)
    except Exception as err:  # CTranslate2 turns each C++ error into a different Python one
        raise ModelError(
            f"{archive}: the model cannot be loaded by CTranslate2 {ctranslate2.__version__} ({err})"
        ) from err
    try:
        sentencepiece.SentencePieceProcessor(model_file=str(folder / "sentencepiece.model"))
    except (RuntimeError, OSError) as err:
        raise ModelError(f"{archive}: sentencepiece.model cannot be loaded ({err})") from err


def _replace_installed(model: InstalledModel, unpacked: Path, target: Path) -> None:
    """Move the unpacked package into place; installed models of the same pair go.

    Old folders are moved into the work folder (deleted with it), so the swap
    is two renames and no half-deleted package is ever visible.
    """
    old = {
        m.path
        for m in installed_models()
        if (m.from_code, m.to_code) == (model.from_code, model.to_code) and m.path.parent == target.parent
    }
    if target.exists():
        old.add(target)
    for folder in old:
        folder.rename(unpacked.parent / f"old-{folder.name}")
    unpacked.rename(target)


# --- the package index ----------------------------------------------------------


def _update_package_index(settings: ModuleType) -> None:
    """Fetch the index into argostranslate's local copy.

    argostranslate's update_package_index() logs and swallows network errors,
    after which get_available_packages() recurses until RecursionError when no
    local copy exists; fetching here gives the user one clear error instead.
    """
    url = settings.remote_package_index
    try:
        with urllib.request.urlopen(url, timeout=_NETWORK_TIMEOUT_S) as response:
            data = response.read()
    except (OSError, ValueError, http.client.HTTPException) as err:
        raise ModelError(f"cannot reach the argostranslate package index ({url}: {_reason(err)}): {_OFFLINE_HINT}") from err
    try:
        json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ModelError(f"the argostranslate package index ({url}) is not valid JSON: {_OFFLINE_HINT}") from err
    local = Path(settings.local_package_index)
    local.parent.mkdir(parents=True, exist_ok=True)
    local.write_bytes(data)


def _newest_available(package: ModuleType, from_code: str, to_code: str, index_url: str):
    matching = [
        p
        for p in package.get_available_packages()
        if p.type == "translate" and (p.from_code, p.to_code) == (from_code, to_code) and p.links
    ]
    if not matching:
        raise ModelError(f"the argostranslate package index ({index_url}) has no {from_code}→{to_code} model")
    return max(matching, key=lambda p: _version_key(p.package_version))


def _download(links: list[str], target: Path, progress: ProgressCallback | None, what: str) -> None:
    errors = []
    for url in links:
        try:
            _download_one(url, target, progress)
            return
        except (OSError, ValueError, http.client.HTTPException) as err:
            errors.append(f"{url}: {_reason(err)}")
    raise ModelError(f"cannot download the {what} model ({'; '.join(errors)}): {_OFFLINE_HINT}")


def _download_one(url: str, target: Path, progress: ProgressCallback | None) -> None:
    request = urllib.request.Request(url, headers={"User-Agent": "arabic-news-digest"})
    with urllib.request.urlopen(request, timeout=_NETWORK_TIMEOUT_S) as response, target.open("wb") as out:
        total = int(response.headers.get("Content-Length") or 0)
        done = 0
        if progress:
            progress(done, total)
        while chunk := response.read(_DOWNLOAD_CHUNK):
            out.write(chunk)
            done += len(chunk)
            if progress:
                progress(done, total)
    if total and done != total:
        raise OSError(f"download cut short at {done} of {total} bytes")


def _reason(err: Exception) -> str:
    if isinstance(err, urllib.error.HTTPError):
        return f"HTTP {err.code}"
    if isinstance(err, urllib.error.URLError):
        return str(err.reason)
    return str(err)
