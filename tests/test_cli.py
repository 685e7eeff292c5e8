"""The `digest` command as an editor uses it."""
import json
import re

from generator.cli import main


def test_analyze_json_gives_sentences_summary_quotes_framing_and_sources(project, capsys):
    seed = project / "content" / "003_163b4c5298a4b073.txt"
    assert main(["analyze", str(seed), "--json", "--config", str(project / "site_config.yml")]) == 0
    result, = json.loads(capsys.readouterr().out)
    analysis = result["analysis"]
    sentences = analysis["sentences"]
    assert [s["index"] for s in sentences] == list(range(len(sentences)))
    assert all(sentences[i]["text"] for i in analysis["summary"])
    quote = next(q for q in analysis["quotes"] if q["text"] == "صريحة ومسؤولة")
    assert "مصدر دبلوماسي" in quote["speaker"]
    assert {"الإسرائيلي", "إسرائيل"} <= {mark["text"] for mark in analysis["framing"]}
    assert [mark["text"] for mark in analysis["title_framing"]] == ["صهيوني"]
    assert any("الإخبارية السورية" in source["name"] for source in analysis["cited_sources"])


def test_analyze_readable_report_names_the_speakers(project, capsys):
    assert main(["analyze", str(project / "content" / "000_be3b13007542e3b8.txt")]) == 0
    quotes, cited = capsys.readouterr().out.split("Quotes:")[1].split("Entities:")[0].split("Cited sources:")
    assert quotes.count("] توم براك (") == 3
    # introduced by his title («برعاية المبعوث الأميركي إلى سوريا، توم براك»), cited as «وأكد براك», «قال براك»
    # and «وأكد المبعوث الأميركي إلى سوريا»: one man, under the name his quotes give
    assert [line.split("]")[0] for line in cited.splitlines() if "توم براك (" in line] == ["  [2", "  [3", "  [4"]


def test_a_missing_article_file_is_one_clear_line(project, capsys):
    assert main(["analyze", str(project / "content" / "nope.txt")]) != 0
    error = capsys.readouterr().err
    assert "nope.txt: error: file not found" in error and "internal error" not in error


def test_models_list_without_a_model_says_how_to_install(capsys):
    assert main(["models", "list"]) == 0
    assert "digest models install ar en" in capsys.readouterr().out


def test_events_json_gives_grouping_and_comparison(project, capsys):
    assert main(["events", "--json", "--config", str(project / "site_config.yml")]) == 0
    event, = json.loads(capsys.readouterr().out)
    assert event["slug"] == "paris-talks-2025-07"  # the editor's event: key in the seeds' sidecars
    assert event["article_ids"] == ["000_be3b13007542e3b8", "003_163b4c5298a4b073"]
    comparison = event["comparison"]
    assert [row["topic"] for row in comparison["claim_matrix"]["rows"]][0] == "outcome"
    assert "مصادر متقاطعة" in [s["name"] for s in comparison["cited_sources"]["003_163b4c5298a4b073"]]


def test_an_event_joined_on_weak_evidence_is_for_the_editor_to_check_until_pinned(project, capsys):
    """The seeds, differently worded, join at a probability of about 0.4: `digest events` and the
    build say so; the editor's `event:` keys (as the seeds' sidecars have them) settle it."""
    config = str(project / "site_config.yml")
    sidecars = {path: path.read_text(encoding="utf-8") for path in (project / "content").glob("*.yml")}
    for path, text in sidecars.items():
        path.write_text(re.sub(r"(?m)^event:.*$", "", text), encoding="utf-8")
    assert main(["events", "--config", config]) == 0
    listing = capsys.readouterr().out
    assert re.search(r": 2 article\(s\), joined at 0\.[34]\d: check that they report one happening", listing)
    assert re.search(r"least sure: (000_be3b13007542e3b8|003_163b4c5298a4b073) with (000_be3b13007542e3b8|"
                     r"003_163b4c5298a4b073) \(0\.[34]\d\)", listing)
    assert "1 event(s) joined on weak evidence" in listing and "`event:` key" in listing
    (project / "content" / "other.md").write_text(
        "---\ntitle: افتتاح معرض الكتاب\npublished: 2025-07-25\n---\nافتتح وزير الثقافة معرض الكتاب في دمشق.\n",
        encoding="utf-8")
    assert main(["events", "--config", config]) == 0
    assert "other: 1 article(s)" in capsys.readouterr().out
    assert main(["events", "--to-check", "--json", "--config", config]) == 0
    [event] = json.loads(capsys.readouterr().out)  # not the other article's event
    assert sorted(event["article_ids"]) == ["000_be3b13007542e3b8", "003_163b4c5298a4b073"] and event["needs_review"]
    assert sorted(map(tuple, event["weakest_parts"])) == [("000_be3b13007542e3b8",), ("003_163b4c5298a4b073",)]
    (project / "content" / "other.md").unlink()
    assert main(["build", "--config", config, "--out", str(project / "site")]) == 0
    assert "1 event(s) joined on weak evidence" in capsys.readouterr().out
    assert main(["check", "--config", config]) == 0
    assert "warning: 1 event(s) joined on weak evidence" in capsys.readouterr().err

    for path, text in sidecars.items():
        path.write_text(text, encoding="utf-8")
    assert main(["events", "--json", "--config", config]) == 0
    event, = json.loads(capsys.readouterr().out)
    assert event["weakest_join"] is None and event["needs_review"] is False
    assert main(["events", "--to-check", "--json", "--config", config]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["build", "--config", config, "--out", str(project / "site")]) == 0
    assert "weak evidence" not in capsys.readouterr().out


def test_events_reads_another_content_folder(project, tmp_path, capsys):
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.md").write_text("---\ntitle: خبر\npublished: 2025-01-02\n---\nقال الوزير إن الاجتماع ناجح.\n", encoding="utf-8")
    assert main(["events", "--json", "--config", str(project / "site_config.yml"), "--content", str(other)]) == 0
    event, = json.loads(capsys.readouterr().out)
    assert event["article_ids"] == ["a"]


def test_progress_is_drawn_on_a_terminal_after_the_delay_and_cleared(capsys):
    from generator.cli import TerminalProgress

    with TerminalProgress(enabled=True, delay=0) as progress:
        progress("analyzing", 5, 10)
        progress("writing pages and the search index", 0, 0)
    drawn = capsys.readouterr().err
    assert "analyzing [############............] 5/10" in drawn
    assert "writing pages and the search index…" in drawn and drawn.endswith("\r\033[K")


def test_no_progress_in_logs(project, capsys):
    assert main(["build", "--config", str(project / "site_config.yml"), "--out", str(project / "site")]) == 0
    assert "\r" not in capsys.readouterr().err  # stderr is not a terminal here, as in CI
