# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The noupdate records that 18.0.1.1.0 changed, in a database of 18.0.1.0.0:

- access follows the job: the engineers' record rules are written again, and
  the rule that let the assistant of any order read the request goes;
- every dispatch is judged on its own: the Dispatch Review clock starts when the
  request is sent to the dispatcher (registered, reopened, or back after a
  cancelled order), the On-site clock runs once per dispatch order;
- the Feedback clock also runs on an escalated consultation;
- the survey e-mail asks a consultation's customer about the answer;
- the Resolution clock stops when the problem is resolved (the repair
  completed, else the request closed), which its description now says.

A clock definition or the e-mail keeps what an administrator set: only the old
defaults are replaced.
"""

from odoo import SUPERUSER_ID, api
from odoo.tools import html2plaintext

from odoo.addons.aftersales_sop.tools.upgrade import (
    delete_records,
    reapply_records,
    replace_default,
)

RULES = {
    "security/aftersales_sop_security.xml": [
        "aftersales_dispatch_order_rule_engineer_own",
        "aftersales_ticket_clock_rule_engineer_own",
    ],
    "security/aftersales_visit_security.xml": [
        "aftersales_visit_rule_engineer_own",
        "aftersales_visit_call_rule_engineer_own",
        "aftersales_visit_part_rule_engineer_own",
    ],
}
GONE = ["aftersales_sop.helpdesk_ticket_rule_engineer_assistant"]

#: (data file, xml id, field, old default): the new value is the file's
CLOCKS = [
    (
        "data/aftersales_clock_data.xml",
        "aftersales_clock_dispatch_review",
        "start_event",
        "repair_registered",
    ),
    (
        "data/aftersales_clock_data.xml",
        "aftersales_clock_dispatch_review",
        "description",
        (
            "From the registered repair request to its review and an engineer "
            "assigned, in working minutes of the team's calendar: a request "
            "registered after hours is reviewed when the dispatch centre opens."
        ),
    ),
    (
        "data/aftersales_clock_data.xml",
        "aftersales_clock_onsite",
        "description",
        (
            "From the dispatch to the engineer on site: by the appointment "
            "agreed with the customer when there is one; otherwise 4 hours in "
            "the same city and 24 hours from another city for urgent requests, "
            "1 and 2 working days for normal ones."
        ),
    ),
    (
        "data/aftersales_clock_data.xml",
        "aftersales_clock_resolution",
        "description",
        (
            "From the request to the ticket closed; the fault resolution rate "
            "counts repair requests resolved within it."
        ),
    ),
    (
        "data/aftersales_clock_repair_centre_data.xml",
        "aftersales_clock_feedback",
        "ticket_domain",
        "[('inquiry_class', '=', 'b')]",
    ),
    (
        "data/aftersales_clock_repair_centre_data.xml",
        "aftersales_clock_feedback",
        "description",
        (
            "From the problem solved at the repair centre to the result given "
            "to the customer."
        ),
    ),
]

#: the text of the survey e-mail of 18.0.1.0.0
OLD_SURVEY_MAIL = (
    "Dear customer, Thank you for choosing our after-sales service for your "
    "request HT00001. Would you tell us how we did? It takes a minute: score our "
    "response speed, attitude, result, resolution speed, parts supply and "
    "professionalism from 0 to 10. Answer the survey No account is needed."
)


def _folded(text):
    return "".join((text or "").split())


def upgrade(env):
    """The steps, on an environment (the Odoo tests run them too)."""
    delete_records(env, GONE)
    for filename, xmlids in RULES.items():
        reapply_records(env, "aftersales_sop", filename, xmlids)
    for filename, xmlid, field, old in CLOCKS:
        replace_default(env, "aftersales_sop", filename, xmlid, field, old)
    template = env.ref("aftersales_sop.mail_template_survey_link", False)
    if template and _folded(
        html2plaintext(template.with_context(lang="en_US").body_html)
    ) == _folded(OLD_SURVEY_MAIL):
        reapply_records(
            env,
            "aftersales_sop",
            "data/aftersales_visit_data.xml",
            ["mail_template_survey_link"],
        )


def migrate(cr, version):
    if not version:
        return
    upgrade(api.Environment(cr, SUPERUSER_ID, {}))
