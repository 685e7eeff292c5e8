"""Reading the editor's YAML: errors name the file and line, dates are left to the schema.

Every mapping read remembers the line of each key, so a schema error can point
at the line to fix. What YAML allows but an editor never means is refused:
a key given twice (the second silently won) and aliases (`*name`, which can
also blow a few lines up into gigabytes).
"""
from __future__ import annotations

import re
from collections.abc import Hashable, Iterator
from pathlib import Path

import yaml

from generator.clean import UndecodableText, decode, normalize_newlines
from generator.problems import DigestError, Problem


class YamlMapping(dict):
    """A mapping read from YAML, with the line of the mapping and of each key (1-based, in the file)."""

    def __init__(self, line: int = 0):
        super().__init__()
        self.line = line
        self.key_lines: dict[object, int] = {}

    def line_of(self, key: object) -> int:
        return self.key_lines.get(key, self.line)


class _Mappings(yaml.constructor.SafeConstructor):
    """Safe constructor that keeps timestamps as text, so an impossible date such as
    2025-02-30 becomes a validation error naming its key instead of a crash."""

    first_line = 1

    def construct_yaml_map(self, node: yaml.MappingNode) -> Iterator[YamlMapping]:
        mapping = YamlMapping(self.first_line + node.start_mark.line)
        yield mapping
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, Hashable):
                raise yaml.constructor.ConstructorError(None, None, "a key must be a plain value", key_node.start_mark)
            if key in mapping:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key '{key}' given twice (first on line {mapping.line_of(key)})", key_node.start_mark)
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_lines[key] = self.first_line + key_node.start_mark.line


class _Loader(_Mappings, yaml.SafeLoader):
    """PyYAML's own parser, in Python: it refuses aliases, and its messages are the ones editors see."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed: write the value out",
                                              self.peek_event().start_mark)
        return super().compose_node(parent, index)


class _FastLoader(_Mappings, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's parser, in C (PyYAML built without libyaml has none: then the same Python parser)."""


_NO_TIMESTAMPS = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _loader in (_Loader, _FastLoader):
    _loader.yaml_implicit_resolvers = _NO_TIMESTAMPS
    _loader.add_constructor("tag:yaml.org,2002:map", _Mappings.construct_yaml_map)

# libyaml reads a front matter ten times faster, but it recurses in C without limit (very deep
# nesting crashes the process) and words its errors otherwise: it is given only short texts
# that _Loader would not refuse, and whatever it refuses is read again by _Loader for the message.
_FAST_MAX_CHARACTERS = 4096
_FAST_MAX_DEPTH = 8  # far below the depth at which _Loader runs out of Python's recursion limit
_UNCOMMON_SYNTAX = re.compile(r"[*&!?\[\]{}|>%@`\t\ufeff]")


def parse_yaml(path: Path, text: str, first_line: int = 1) -> object:
    """Parse YAML text found in `path`, whose first line is line `first_line` of that file."""
    try:
        return _load(text, first_line)
    except yaml.reader.ReaderError as error:
        line = first_line + text.count("\n", 0, error.position)
        raise DigestError([Problem(path, f"invalid YAML: character U+{error.character:04X} is not allowed", line)]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark else first_line
        problem = getattr(error, "problem", None) or str(error)
        raise DigestError([Problem(path, f"invalid YAML: {problem}", line)]) from None
    except RecursionError:
        raise DigestError([Problem(path, "invalid YAML: nested too deeply", first_line)]) from None


def _load(text: str, first_line: int) -> object:
    if _fast_enough(text):
        try:
            data = _run(_FastLoader, text, first_line)
        except (yaml.YAMLError, RecursionError):
            pass
        else:
            if _depth(data) <= _FAST_MAX_DEPTH:
                return data
    return _run(_Loader, text, first_line)


def _fast_enough(text: str) -> bool:
    """Short, and none of what libyaml and _Loader read differently: aliases (which _Loader
    refuses), tabs, tags, flow collections, complex keys, block scalars, directives,
    characters that _Loader's reader refuses. A front matter of `key: value` lines passes."""
    return (len(text) <= _FAST_MAX_CHARACTERS and not _UNCOMMON_SYNTAX.search(text)
            and not yaml.reader.Reader.NON_PRINTABLE.search(text))


def _run(loader_class: type[_Loader] | type[_FastLoader], text: str, first_line: int) -> object:
    loader = loader_class(text)
    loader.first_line = first_line
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max(map(_depth, [*value, *value.values()]), default=0)
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    return 0


def read_yaml(path: Path) -> object:
    """A YAML file in any encoding an article may have (UTF-8, UTF-16, Windows-1256)."""
    try:
        text = decode(path.read_bytes())
    except OSError as error:
        raise DigestError([Problem(path, f"cannot read: {error.strerror or error}")]) from None
    except UndecodableText as error:
        raise DigestError([Problem(path, error.reason, error.line)]) from None
    return parse_yaml(path, normalize_newlines(text))
