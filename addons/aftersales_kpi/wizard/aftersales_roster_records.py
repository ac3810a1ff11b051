# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The roster rows against the database: who the engineers are, their users,
zones and product categories; then the writing of engineers, skills and
certifications (updated when they exist, so that importing a file twice
gives the same roster)."""

from dataclasses import dataclass, field

from odoo.exceptions import UserError
from odoo.tools import escape_psql

from ..rules.roster_import import ENGINEER_KEYS, Problem

JUNIOR = "junior"


@dataclass
class Engineer:
    """One engineer of the file: his rows and what they resolve to."""

    key: str
    rows: list = field(default_factory=list)
    values: dict = field(default_factory=dict)  # column key -> (value, line)
    employee: object = None
    user: object = None
    zone: object = None  # a zone record, or the name of a zone to create
    mobile: str | None = None
    problems: list = field(default_factory=list)


class RosterLookup:
    def __init__(self, env, company, create_zones=False):
        self.env = env
        self.company = company
        self.create_zones = create_zones
        self._categories = {}

    # -- checking ------------------------------------------------------------------

    def check(self, rows):
        """``(rows ready to import with what they resolve to, problems)``."""
        engineers = {}
        for row in rows:
            key = row.engineer_key
            engineer = engineers.setdefault(key, Engineer(key))
            engineer.rows.append(row)
            for key in ENGINEER_KEYS:
                if getattr(row, key) is not None:
                    engineer.values.setdefault(key, (getattr(row, key), row.line))
        problems, ready = [], []
        for engineer in engineers.values():
            self._resolve_engineer(engineer)
            if engineer.problems:
                problems += engineer.problems
                bad_lines = {p.line for p in engineer.problems}
                problems += [
                    Problem(
                        "engineer_rejected",
                        row.line,
                        "employee",
                        {"first_line": min(bad_lines)},
                    )
                    for row in engineer.rows
                    if row.line not in bad_lines
                ]
                continue
            for row in engineer.rows:
                row_problems, extra = self._resolve_row(engineer, row)
                problems += row_problems
                if not row_problems:
                    ready.append((engineer, row, extra))
        return ready, problems

    def _problem(self, engineer, key, code, **params):
        line = engineer.values[key][1]
        engineer.problems.append(Problem(code, line, key, params))

    def _resolve_engineer(self, engineer):
        name, _line = engineer.values["employee"]
        employees = self.env["hr.employee"].with_context(active_test=False)
        badge = engineer.values.get("badge", (None,))[0]
        if badge:
            employee = employees.search([("barcode", "=", badge)], limit=1)
            if employee and employee.name.casefold() != name.casefold():
                self._problem(
                    engineer,
                    "badge",
                    "badge_other_name",
                    value=badge,
                    name=employee.name,
                )
            elif employee and employee.company_id != self.company:
                self._problem(engineer, "badge", "badge_other_company", value=badge)
            engineer.employee = employee or None
        if not engineer.employee and not engineer.problems:
            found = employees.search(
                [
                    ("name", "=ilike", escape_psql(name)),
                    ("company_id", "=", self.company.id),
                ]
            )
            if len(found) > 1:
                self._problem(engineer, "employee", "ambiguous_employee", value=name)
            engineer.employee = found[:1] or None
        self._resolve_user(engineer)
        self._resolve_zone(engineer)
        if "mobile" in engineer.values:
            number = engineer.values["mobile"][0]
            try:
                engineer.mobile = self.env["helpdesk.ticket"]._aftersales_format_phone(
                    number, self.company
                )
            except UserError:
                self._problem(engineer, "mobile", "bad_phone", value=number)

    def _resolve_user(self, engineer):
        if "login" not in engineer.values:
            return
        login = engineer.values["login"][0]
        users = self.env["res.users"].search([("login", "=ilike", escape_psql(login))])
        if len(users) != 1:
            self._problem(engineer, "login", "unknown_login", value=login)
            return
        employee = engineer.employee
        if employee and employee.user_id and employee.user_id != users:
            self._problem(
                engineer,
                "login",
                "employee_other_user",
                value=login,
                user=employee.user_id.login,
            )
            return
        taken = (
            self.env["hr.employee"]
            .with_context(active_test=False)
            .search(
                [
                    ("user_id", "=", users.id),
                    ("company_id", "=", self.company.id),
                    ("id", "!=", employee.id if employee else 0),
                ],
                limit=1,
            )
        )
        if taken:
            self._problem(
                engineer, "login", "login_taken", value=login, employee=taken.name
            )
            return
        engineer.user = users

    def _resolve_zone(self, engineer):
        if "zone" not in engineer.values:
            return
        text = engineer.values["zone"][0]
        zones = self.env["aftersales.zone"]
        zone = zones.search(
            [
                ("code", "=ilike", escape_psql(text)),
                ("company_id", "in", [False, self.company.id]),
            ],
            limit=1,
        ) or zones._match_city(text, self.company)
        if zone:
            engineer.zone = zone
        elif self.create_zones and zones.has_access("create"):
            engineer.zone = text
        elif self.create_zones:
            self._problem(engineer, "zone", "cannot_create_zone", value=text)
        else:
            self._problem(engineer, "zone", "unknown_zone", value=text)

    def _category(self, text):
        """``(category, problem code)`` of a product category's full or short name."""
        if text not in self._categories:
            categories = self.env["product.category"]
            found = categories.search(
                [("complete_name", "=ilike", escape_psql(text))]
            ) or categories.search([("name", "=ilike", escape_psql(text))])
            code = None
            if not found:
                code = "unknown_category"
            elif len(found) > 1:
                code = "ambiguous_category"
            self._categories[text] = (found[:1], code)
        return self._categories[text]

    def _resolve_row(self, engineer, row):
        problems, extra = [], {}
        for key in ("skill_category", "certificate_category"):
            text = getattr(row, key)
            if text is None:
                continue
            category, code = self._category(text)
            if code:
                problems.append(Problem(code, row.line, key, {"value": text}))
            extra[key] = category
        if row.has_certificate:
            certification = self.env["aftersales.certification"].search(
                [
                    ("name", "=ilike", escape_psql(row.certificate)),
                    ("company_id", "=", self.company.id),
                ],
                limit=1,
            )
            owner = certification.engineer_id.employee_id
            if certification and owner != (engineer.employee or owner.browse()):
                problems.append(
                    Problem(
                        "certificate_taken",
                        row.line,
                        "certificate",
                        {"value": row.certificate, "engineer": owner.name},
                    )
                )
            extra["certification"] = certification
        return problems, extra

    # -- writing -------------------------------------------------------------------

    def save(self, ready):
        """Write the checked rows: ``(engineers, counts)``."""
        counts = dict.fromkeys(
            (
                "engineers_new",
                "engineers_old",
                "skills_new",
                "skills_old",
                "certs_new",
                "certs_old",
                "zones",
            ),
            0,
        )
        done, zones = {}, {}
        for engineer, row, extra in ready:
            if engineer.key not in done:
                done[engineer.key] = self._write_engineer(engineer, counts, zones)
            profile = done[engineer.key]
            if row.has_skill:
                self._write_skill(profile, row, extra, counts)
            if row.has_certificate:
                self._write_certificate(profile, row, extra, counts)
        return self.env["aftersales.engineer"].union(*done.values()), counts

    def _write_engineer(self, engineer, counts, zones):
        value = {key: v for key, (v, _line) in engineer.values.items()}
        employee = engineer.employee
        employee_values = {}
        if engineer.mobile:
            employee_values["mobile_phone"] = engineer.mobile
        if engineer.user and not (employee and employee.user_id):
            employee_values["user_id"] = engineer.user.id
        if value.get("badge") and not (employee and employee.barcode):
            employee_values["barcode"] = value["badge"]
        if employee:
            if employee_values:
                employee.write(employee_values)
        else:
            employee = self.env["hr.employee"].create(
                {
                    "name": value["employee"],
                    "company_id": self.company.id,
                    **employee_values,
                }
            )
        zone = engineer.zone
        if isinstance(zone, str):
            if zone.casefold() not in zones:
                zones[zone.casefold()] = self.env["aftersales.zone"].create(
                    {"name": zone, "company_id": self.company.id}
                )
                counts["zones"] += 1
            zone = zones[zone.casefold()]
        profiles = self.env["aftersales.engineer"].with_context(active_test=False)
        profile = profiles.search([("employee_id", "=", employee.id)], limit=1)
        if profile:
            changes = {}
            if zone and profile.zone_id != zone:
                changes["zone_id"] = zone.id
            if value.get("level") and profile.level != value["level"]:
                changes["level"] = value["level"]
            if changes:
                profile.write(changes)
            counts["engineers_old"] += 1
        else:
            profile = profiles.create(
                {
                    "employee_id": employee.id,
                    "company_id": self.company.id,
                    "zone_id": zone.id if zone else False,
                    "level": value.get("level") or JUNIOR,
                }
            )
            counts["engineers_new"] += 1
        return profile

    def _write_skill(self, profile, row, extra, counts):
        category = extra.get("skill_category") or self.env["product.category"]
        level = row.skill_level or profile.level
        skill = profile.skill_ids.filtered(
            lambda s: (
                s.fault_type == (row.fault_type or False)
                and s.product_categ_id == category
            )
        )[:1]
        if skill:
            if skill.level != level:
                skill.level = level
            counts["skills_old"] += 1
            return
        self.env["aftersales.engineer.skill"].create(
            {
                "engineer_id": profile.id,
                "fault_type": row.fault_type or False,
                "product_categ_id": category.id,
                "level": level,
            }
        )
        counts["skills_new"] += 1

    def _write_certificate(self, profile, row, extra, counts):
        values = {"date_issued": row.issued}
        if row.validity_months:
            values["validity_months"] = row.validity_months
        if "certificate_category" in extra:
            values["product_categ_id"] = extra["certificate_category"].id
        certification = extra.get("certification")
        if certification:
            certification.write(values)
            counts["certs_old"] += 1
            return
        self.env["aftersales.certification"].create(
            {"engineer_id": profile.id, "name": row.certificate, **values}
        )
        counts["certs_new"] += 1
