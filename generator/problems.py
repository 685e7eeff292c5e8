"""Problems found in the editor's files: one line each, naming the file and what to fix."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal


@dataclass(frozen=True)
class Problem:
    path: Path
    message: str
    line: int | None = None
    severity: Literal["error", "warning"] = "error"
    hint: str | None = None  # what the editor can do about it

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        text = f"{where}: {self.severity}: {_one_line(self.message)}"
        return f"{text} ({_one_line(self.hint)})" if self.hint else text


class DigestError(Exception):
    """A failure the editor can fix; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def _one_line(text: str) -> str:
    """Messages quote the editor's text and library errors, which may span lines."""
    return " ".join(part.strip() for part in text.splitlines() if part.strip())
