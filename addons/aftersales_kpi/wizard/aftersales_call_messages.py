# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the call log import tells its user about its own checks.

The file, its header and its cells are the suite's shared reader: their
sentences are in ``aftersales_sop/models/spreadsheet_import_messages.py``.
Here are the sentences of the checks only a call log has and the labels of
its columns; each code has exactly one sentence, translated when it is shown.
"""

from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

#: column key -> the label the user knows it by
COLUMN_LABELS = {
    "caller": _lt("Caller Number"),
    "start": _lt("Call Start"),
    "answered": _lt("Answered At"),
    "agent": _lt("Agent"),
    "duration": _lt("Duration"),
}

#: code -> sentence; ``%(name)s`` are the parameters of the problem
MESSAGES = {
    "start_out_of_range": _lt(
        "The call cannot have started on %(value)s (in the future, or more "
        "than ten years ago)."
    ),
    "answered_before_start": _lt(
        "The call was answered (%(answered)s) before it started (%(start)s)."
    ),
    "answer_too_late": _lt(
        "The call cannot have been answered a day after it started (%(value)s)."
    ),
    "duplicate_call": _lt(
        "The same call (caller and start) is on line %(first)s already."
    ),
}
