"""README.md and docs/: they stand alone and say what a new user needs."""

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DOCS = sorted((REPO / "docs").glob("*.md"))
ZH_DOCS = sorted((REPO / "docs" / "zh_CN").glob("*.md"))
README = (REPO / "README.md").read_text(encoding="utf-8")
README_ZH = REPO / "README.zh_CN.md"
#: the pages staff read, which docs/zh_CN/ translates, and the page of the
#: site's administrators on running more than one server
STAFF_PAGES = (
    "roles",
    "intake",
    "dispatch",
    "visits",
    "parts",
    "penalties",
    "quality_review",
    "architecture",
    "customer_portal",
    "scaling",
)


@pytest.mark.parametrize(
    "path",
    [REPO / "README.md", README_ZH, *DOCS, *ZH_DOCS],
    ids=lambda p: str(p.relative_to(REPO)),
)
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
        "click-odoo-update",
        "docker/nginx/aftersales.conf",
        "docker/secrets/",
        "### What was run here, and what needs a Docker engine",
        "README.zh_CN.md",
        "--stop-after-init",
        "make docker-test",
        "make docker-pin",
        "compose.production.yaml",
        "### A tour for an after-sales manager",
        "### The customer's side, on a phone",
        "docs/customer_portal.md",
    ):
        assert needed in README, needed
    tour = re.split(
        r"\n##+ ", README.split("### A tour for an after-sales manager")[1]
    )[0]
    steps = re.findall(r"^\d+\. ", tour, re.MULTILINE)
    assert 1 <= len(steps) <= 10
    assert "AFTERSALES_UPDATE" not in README  # every start upgrades what changed
    # the README names the nginx configuration instead of an inline snippet
    assert "location /websocket {" not in README


def test_readme_commands_exist():
    makefile = (REPO / "Makefile").read_text()
    for target in re.findall(r"`make ([a-z-]+)", README):
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), target


def _links(path):
    return set(re.findall(r"\]\(([^)#]+)", path.read_text(encoding="utf-8")))


def test_the_staff_pages_are_in_chinese_and_linked_both_ways():
    assert sorted(p.stem for p in ZH_DOCS) == sorted(STAFF_PAGES)
    for name in STAFF_PAGES:
        english = REPO / "docs" / f"{name}.md"
        chinese = REPO / "docs" / "zh_CN" / f"{name}.md"
        assert chinese.is_file(), name
        assert f"zh_CN/{name}.md" in _links(english), f"{name}.md -> Chinese"
        assert f"../{name}.md" in _links(chinese), f"zh_CN/{name}.md -> English"


def test_the_docs_index_lists_every_chinese_page_and_each_exists():
    index = REPO / "docs" / "README.md"
    listed = {link for link in _links(index) if link.startswith("zh_CN/")}
    assert listed == {f"zh_CN/{p.name}" for p in ZH_DOCS}
    for link in listed:
        assert (index.parent / link).is_file(), link


def test_the_chinese_readme_has_the_two_commands_and_the_tour():
    text = README_ZH.read_text(encoding="utf-8")
    assert "README.md" in _links(README_ZH)
    assert "README.zh_CN.md" in _links(REPO / "README.md")
    assert "docker compose -f docker/compose.yaml up --build" in text
    assert "make test" in text
    tour = re.split(r"\n##+ ", text.split("## 售后经理导览")[1])[0]
    assert 5 <= len(re.findall(r"^\d+\. ", tour, re.MULTILINE)) <= 10
    assert "## 客户自助导览" in text
    assert "docs/zh_CN/customer_portal.md" in _links(README_ZH)
