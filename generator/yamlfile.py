"""Reading the editor's YAML: errors name the file and line, dates are left to the schema."""
from __future__ import annotations

from pathlib import Path

import yaml

from generator.problems import DigestError, Problem


class _Loader(yaml.SafeLoader):
    """Safe loader that keeps timestamps as text, so an impossible date such as
    2025-02-30 becomes a validation error naming its key instead of a crash."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_yaml(path: Path, text: str, first_line: int = 1) -> object:
    """Parse YAML text found in `path`, whose first line is line `first_line` of that file."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 — _Loader is a SafeLoader
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark else first_line
        problem = getattr(error, "problem", None) or str(error)
        raise DigestError([Problem(path, f"invalid YAML: {problem}", line)]) from None


def read_yaml(path: Path) -> object:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise DigestError([Problem(path, "not UTF-8 text: save the file as UTF-8")]) from None
    return parse_yaml(path, text.replace("\r\n", "\n"))
