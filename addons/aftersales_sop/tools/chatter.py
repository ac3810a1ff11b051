# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Internal notes that staff without an e-mail address can write."""


def post_note(records, body):
    """Log ``body`` (plain text) as an internal note on each of ``records``,
    written by the current user.

    ``message_post`` refuses an author who has no e-mail address, because it
    might have to send the message from him; a note is never sent, so it is
    logged the way Odoo logs tracked changes, which works for every user. Call
    it where the user's right to act on the records was already checked.
    """
    for record in records:
        record._message_log(body=body, message_type="comment")
