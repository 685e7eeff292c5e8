"""The user guide builds without warnings (broken links, missing pages fail the build)."""
import subprocess
import sys

from tests.conftest import REPO


def test_user_guide_builds_strictly(tmp_path):
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "guide")],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "guide" / "translation" / "index.html").read_text(encoding="utf-8")
    assert "digest models install ar en" in page
    assert "fonts.googleapis" not in page
