"""README.md and docs/: they stand alone and say what a new user needs."""

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DOCS = sorted((REPO / "docs").glob("*.md"))
README = (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", [REPO / "README.md", *DOCS], ids=lambda p: p.name)
def test_no_reference_outside_the_repository(path):
    text = path.read_text(encoding="utf-8")
    assert "../shared" not in text
    assert "SPEC.md" not in text
    for target in re.findall(r"\]\(([^)#]+)", text):
        if target.startswith(("http://", "https://")):
            continue
        assert (path.parent / target).exists(), f"{path.name}: broken link {target}"


def test_the_docs_index_lists_every_page():
    index = (REPO / "docs" / "README.md").read_text(encoding="utf-8")
    for page in DOCS:
        if page.name != "README.md":
            assert f"]({page.name})" in index, page.name


def test_readme_says_what_a_new_user_needs():
    for needed in (
        "## Prerequisites",
        "docker compose -f docker/compose.yaml up --build",
        "AFTERSALES_UPDATE=1",
        "--stop-after-init",
        "make docker-test",
        "make docker-pin",
        "compose.production.yaml",
        "### A tour for an after-sales manager",
    ):
        assert needed in README, needed
    tour = README.split("### A tour for an after-sales manager")[1].split("\n## ")[0]
    steps = re.findall(r"^\d+\. ", tour, re.MULTILINE)
    assert 1 <= len(steps) <= 10


def test_readme_commands_exist():
    makefile = (REPO / "Makefile").read_text()
    for target in re.findall(r"`make ([a-z-]+)", README):
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), target
