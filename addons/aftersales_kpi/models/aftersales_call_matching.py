# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Storing an imported call log and matching its answered calls to the
requests created from them (``rules/call_log.py`` matches)."""

from datetime import timedelta

import pytz

from odoo import api, fields, models
from odoo.tools import SQL

from ..rules import call_matching

#: calls created by one ORM call
BATCH = 5000


def local_to_utc(moment, tz):
    """A naive moment of the telephony system's clock (the company's time
    zone) as naive UTC."""
    return tz.localize(moment).astimezone(pytz.utc).replace(tzinfo=None)


class AftersalesCall(models.Model):
    _inherit = "aftersales.call"

    @api.model
    def _aftersales_import(self, company, calls, tz, file_name, reference):
        """Store ``calls`` (``rules/call_log.py``'s calls, local times) of
        ``company``, those already imported left out, and match the answered
        ones; returns the ids of the new calls and the counts of the summary."""
        threshold = company.aftersales_response_seconds or 30
        agents = self._aftersales_agent_users(company)
        known = self._aftersales_known_calls(company, calls, tz)
        vals_list = []
        for call in calls:
            start = local_to_utc(call.start, tz)
            if (call.caller, start) in known:
                continue
            answered = call.answered and local_to_utc(call.answered, tz)
            seconds = call.answer_seconds
            vals_list.append(
                {
                    "company_id": company.id,
                    "caller_number": call.caller,
                    "call_start": start,
                    "answered_date": answered or False,
                    "answer_seconds": seconds or 0,
                    "in_time": seconds is not None and seconds <= threshold,
                    "duration": call.duration or 0,
                    "agent": call.agent or False,
                    "agent_user_id": agents.get((call.agent or "").casefold(), False),
                    "file_name": file_name,
                    "import_ref": reference,
                }
            )
        ids = self._aftersales_insert(company, vals_list, file_name, reference)
        answered = [
            (
                ids[vals["caller_number"], vals["call_start"]],
                vals["caller_number"],
                vals["call_start"],
                vals["answered_date"] + timedelta(seconds=vals["duration"]),
                vals["agent_user_id"] or None,
            )
            for vals in vals_list
            if vals["answered_date"]
        ]
        matched = self._aftersales_match(company, answered)
        return list(ids.values()), {
            "new": len(vals_list),
            "known": len(calls) - len(vals_list),
            "answered": len(answered),
            "matched": matched,
            "no_request": len(answered) - matched,
            "unanswered": len(vals_list) - len(answered),
        }

    @api.model
    def _aftersales_insert(self, company, vals_list, file_name, reference):
        """Insert the calls of ``vals_list``; returns {(caller, start): id}.

        A call log holds tens of thousands of calls: they are inserted in SQL,
        a statement per ``BATCH`` calls, rather than one ORM create each; a
        call has no computed field but its status, set here as
        ``_compute_state`` would (no request yet), and no chatter. The
        importing user may create calls (checked first)."""
        self.check_access("create")
        now = fields.Datetime.now()
        ids = {}
        for index in range(0, len(vals_list), BATCH):
            batch = vals_list[index : index + BATCH]

            def column(name, batch=batch):
                return [
                    None if vals[name] is False and name != "in_time" else vals[name]
                    for vals in batch
                ]

            self.env.cr.execute(
                SQL(
                    """
                    INSERT INTO aftersales_call (
                           company_id, caller_number, call_start, answered_date,
                           answer_seconds, in_time, duration, agent, agent_user_id,
                           file_name, import_ref, state,
                           create_uid, create_date, write_uid, write_date)
                    SELECT %(company)s, u.caller, u.start, u.answered, u.seconds,
                           u.in_time, u.duration, u.agent, u.agent_user,
                           %(file)s, %(reference)s,
                           CASE WHEN u.answered IS NULL THEN 'unanswered'
                                ELSE 'no_request' END,
                           %(uid)s, %(now)s, %(uid)s, %(now)s
                      FROM unnest(%(callers)s::varchar[], %(starts)s::timestamp[],
                                  %(answered)s::timestamp[], %(seconds)s::int[],
                                  %(in_time)s::bool[], %(durations)s::int[],
                                  %(agents)s::varchar[], %(agent_users)s::int[])
                           AS u(caller, start, answered, seconds, in_time,
                                duration, agent, agent_user)
                    RETURNING id, caller_number, call_start
                    """,
                    company=company.id,
                    file=file_name or None,
                    reference=reference,
                    uid=self.env.uid,
                    now=now,
                    callers=column("caller_number"),
                    starts=column("call_start"),
                    answered=column("answered_date"),
                    seconds=column("answer_seconds"),
                    in_time=column("in_time"),
                    durations=column("duration"),
                    agents=column("agent"),
                    agent_users=column("agent_user_id"),
                )
            )
            for call_id, caller, start in self.env.cr.fetchall():
                ids[caller, start] = call_id
        return ids

    @api.model
    def _aftersales_known_calls(self, company, calls, tz):
        """{(caller, start in UTC)} of ``calls`` imported before."""
        if not calls:
            return set()
        starts = [local_to_utc(call.start, tz) for call in calls]
        self.env.cr.execute(
            SQL(
                """
                SELECT caller_number, call_start FROM aftersales_call
                 WHERE company_id = %s AND call_start BETWEEN %s AND %s
                   AND caller_number = ANY(%s)
                """,
                company.id,
                min(starts),
                max(starts),
                list({call.caller for call in calls}),
            )
        )
        return set(self.env.cr.fetchall())

    @api.model
    def _aftersales_agent_users(self, company):
        """{agent as a log writes him, case-folded: user id}: the login, the
        name and the employee's badge ID of the company's internal users."""
        # sudo: the supervisor who imports may not read every user and employee;
        # only their identifiers are read
        users = (
            self.env["res.users"]
            .sudo()
            .search([("share", "=", False), ("company_ids", "in", company.id)])
        )
        agents = {}
        for user in users:
            keys = [user.login, user.name, *user.employee_ids.mapped("barcode")]
            for key in keys:
                if key:
                    agents.setdefault(key.casefold(), user.id)
        return agents

    @api.model
    def _aftersales_match(self, company, calls):
        """Match the answered ``calls`` of ``company`` (``(id, caller, start,
        end, agent user or None)``) to the requests created from them (not
        matched to a call yet) and give those requests the calls' response
        time; returns how many were matched."""
        if not calls:
            return 0
        window = timedelta(minutes=company.aftersales_call_window_minutes or 0)
        self.env.cr.execute(
            SQL(
                """
                SELECT t.id, t.partner_phone, t.request_date, t.create_uid, t.user_id
                  FROM helpdesk_ticket t
                 WHERE t.company_id = %s AND t.call_id IS NULL
                   AND t.request_date BETWEEN %s AND %s
                   AND t.partner_phone = ANY(%s)
                """,
                company.id,
                min(c[2] for c in calls) - call_matching.CLOCK_SKEW,
                max(c[3] for c in calls) + window,
                list({c[1] for c in calls}),
            )
        )
        requests = [
            call_matching.Request(
                ticket_id, phone, received, frozenset({creator, user} - {None})
            )
            for ticket_id, phone, received, creator, user in self.env.cr.fetchall()
        ]
        matched = call_matching.match_calls(calls, requests, window)
        if matched:
            self._aftersales_apply_matches(matched)
        return len(matched)

    @api.model
    def _aftersales_apply_matches(self, matched):
        """Link the calls and the requests of ``matched`` ({call id: request
        id}) and give each request its call's response time.

        In two statements rather than one write per request: a call log holds
        tens of thousands of calls. What is written is what
        ``helpdesk.ticket._aftersales_record_response`` writes for a request
        with its call (the response fields only, which nothing else reacts
        to); the ORM's cache is told."""
        call_ids, ticket_ids = list(matched), list(matched.values())
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                UPDATE aftersales_call c
                   SET ticket_id = m.ticket_id, state = 'matched',
                       write_uid = %(uid)s, write_date = %(now)s
                  FROM unnest(%(calls)s::int[], %(tickets)s::int[])
                       AS m(call_id, ticket_id)
                 WHERE c.id = m.call_id
                """,
                uid=self.env.uid,
                now=fields.Datetime.now(),
                calls=call_ids,
                tickets=ticket_ids,
            )
        )
        self.env.cr.execute(
            SQL(
                """
                UPDATE helpdesk_ticket t
                   SET call_id = c.id, response_seconds = c.answer_seconds,
                       responded_in_time = c.in_time, response_source = 'call_log',
                       write_uid = %(uid)s, write_date = %(now)s
                  FROM aftersales_call c
                 WHERE c.id = ANY(%(calls)s) AND t.id = c.ticket_id
                """,
                uid=self.env.uid,
                now=fields.Datetime.now(),
                calls=call_ids,
            )
        )
        self.invalidate_model(["ticket_id", "state", "write_uid", "write_date"])
        self.env["helpdesk.ticket"].invalidate_model(
            [
                "call_id",
                "response_seconds",
                "responded_in_time",
                "response_source",
                "write_uid",
                "write_date",
            ]
        )
