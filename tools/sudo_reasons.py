"""Every ``sudo()`` of the addons says why it is there.

A ``sudo()`` skips the access rights and the record rules, among them the
rules that keep an engineer's penalties and assessments private. So each one
carries a reason: a comment starting with ``sudo:`` on a line of the statement
that calls it, or in the comment lines right above that statement, saying what
it reads or writes that the user may not, and why that is safe::

    # sudo: the customer has no right on the survey; his token was checked
    survey = request.env["aftersales.survey"].sudo().browse(survey_id)

The addons' tests are left out: a test sets up its data as it needs.

``python3 tools/sudo_reasons.py`` lists the calls without a reason and counts
them all; its exit status is 1 when one lacks a reason.
"""

import ast
import io
import sys
import tokenize
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MARKER = "sudo:"


def _is_false(node):
    return isinstance(node, ast.Constant) and node.value is False


def sudo_calls(tree):
    """The line of each ``<expr>.sudo(...)`` call, with the statement's first
    line, in the order of the source."""
    parents = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    calls = []
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "sudo"
        ):
            continue
        if node.args and _is_false(node.args[0]):
            # ``sudo(False)`` drops the privilege: nothing to explain
            continue
        statement = node
        while not isinstance(statement, ast.stmt):
            statement = parents[statement]
        # the line of ``.sudo``: a call chained over several lines is on the
        # line where its attribute is written
        calls.append((node.func.end_lineno, statement.lineno))
    return sorted(set(calls))


def reason_lines(source):
    """The lines holding a ``# sudo: ...`` comment, and the lines holding only
    a comment."""
    reasons, comment_only = set(), set()
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    code_lines = set()
    for token in tokens:
        if token.type == tokenize.COMMENT:
            text = token.string.lstrip("#").strip()
            if text.startswith(MARKER) and len(text) > len(MARKER) + 10:
                reasons.add(token.start[0])
            comment_only.add(token.start[0])
        elif token.type not in (
            tokenize.NL,
            tokenize.NEWLINE,
            tokenize.INDENT,
            tokenize.DEDENT,
            tokenize.ENDMARKER,
        ):
            code_lines.update(range(token.start[0], token.end[0] + 1))
    return reasons, comment_only - code_lines


def unexplained(source):
    """The lines of the ``sudo()`` calls of ``source`` without a reason."""
    reasons, comment_only = reason_lines(source)
    missing = []
    for line, first in sudo_calls(ast.parse(source)):
        explained = any(n in reasons for n in range(first, line + 1))
        above = first - 1
        while not explained and above in comment_only:
            explained = above in reasons
            above -= 1
        if not explained:
            missing.append(line)
    return missing


def addon_sources(root=REPO / "addons"):
    for path in sorted(root.rglob("*.py")):
        if "tests" not in path.relative_to(root).parts:
            yield path


def audit(root=REPO / "addons"):
    """``(count of sudo() calls, [(path, line) without a reason])``."""
    total, missing = 0, []
    for path in addon_sources(root):
        source = path.read_text(encoding="utf-8")
        total += len(sudo_calls(ast.parse(source)))
        missing += [(path, line) for line in unexplained(source)]
    return total, missing


def main():
    total, missing = audit()
    for path, line in missing:
        print(f"{path.relative_to(REPO)}:{line}: sudo() without a '# sudo:' reason")
    print(f"{total} sudo() calls in the addons, {len(missing)} without a reason")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
