from pathlib import Path

import pytest

from generator.config import load_config
from generator.problems import DigestError

GOOD = """
site:
  title: {ar: الموجز, en: The Digest}
  base_url: https://user.github.io/digest
outlets:
  syria-tv: {name: {ar: تلفزيون سوريا, en: Syria TV}}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "site_config.yml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(DigestError) as caught:
        load_config(path)
    return [str(problem) for problem in caught.value.problems]


def test_the_repository_config_is_valid():
    config = load_config(Path(__file__).parent.parent / "site_config.yml")
    assert config.site.title.ar and config.site.title.en


def test_base_url_gets_its_trailing_slash_and_keeps_the_sub_path(tmp_path):
    config = load_config(write(tmp_path, GOOD))
    assert config.site.base_url == "https://user.github.io/digest/"
    assert config.site.base_path == "/digest/"
    assert config.outlets["syria-tv"].name.get("en") == "Syria TV"


def test_unknown_key_is_named_with_its_path(tmp_path):
    found = problems(write(tmp_path, GOOD.replace("base_url", "baseurl")))
    assert any("site.baseurl: unknown key" in line for line in found)
    assert any("site.base_url" in line for line in found), "the missing required key is named too"


def test_bad_value_names_the_key(tmp_path):
    found = problems(write(tmp_path, GOOD.replace("https://user.github.io/digest", "javascript:alert(1)")))
    assert any("site_config.yml:4: error: site.base_url: must be an absolute http(s) URL" in line for line in found)


def test_bad_outlet_key_is_named(tmp_path):
    found = problems(write(tmp_path, GOOD.replace("syria-tv:", "'Syria TV':")))
    assert any("outlets.Syria TV" in line for line in found)


def test_invalid_yaml_gives_the_line(tmp_path):
    found = problems(write(tmp_path, GOOD + "glossary: [unclosed\n"))
    assert len(found) == 1 and "site_config.yml:" in found[0] and "invalid YAML" in found[0]


def test_missing_file_is_a_clear_problem(tmp_path):
    assert "configuration file not found" in problems(tmp_path / "nope.yml")[0]


def test_urls_must_have_a_host_and_nothing_to_escape(tmp_path):
    for bad in ("'https:'", "'https://example.org/a b'", "'https://example.org/\"<x>'"):
        found = problems(write(tmp_path, GOOD.replace("https://user.github.io/digest", bad)))
        assert any("site.base_url: must be an absolute http(s) URL" in line for line in found), bad
    found = problems(write(tmp_path, GOOD.replace("{name: {ar: تلفزيون سوريا, en: Syria TV}}",
                                                   "{name: {ar: تلفزيون سوريا, en: Syria TV}, url: 'https:'}")))
    assert any("site_config.yml:6: error: outlets.syria-tv.url: must be an absolute http(s) URL" in line for line in found)


def test_control_and_bidi_characters_are_dropped_from_config_text(tmp_path):
    config = load_config(write(tmp_path, GOOD.replace("The Digest", '"The\\a Di\\u202egest"')))
    assert config.site.title.en == "The Digest"
