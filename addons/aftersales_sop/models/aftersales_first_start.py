# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The first start of a database: the staff's language and time zone, the
admin password. Run once per database by the image's entrypoint (through
docker/aftersales-first-start.py), which reads the parameter below to know it
was done."""

import secrets

import pytz

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

#: set when the first-start settings were made (the entrypoint reads it)
FIRST_START_PARAM = "aftersales_sop.first_start_done"
#: the password Odoo gives the admin user of a new database
ODOO_DEFAULT_ADMIN_PASSWORD = "admin"


class AftersalesFirstStart(models.AbstractModel):
    _name = "aftersales.first.start"
    _description = "After-sales First Start of a Database"

    @api.model
    def _first_start(
        self,
        lang="zh_CN",
        tz="Asia/Shanghai",
        admin_password=None,
        generate_admin_password=False,
    ):
        """Load ``lang`` and give it, with the time zone ``tz``, to every
        internal user (the company's staff, the demo staff among them); set the
        admin password to ``admin_password``, or, with
        ``generate_admin_password``, to a new random one while admin still has
        Odoo's default password. Returns the generated password, else None.
        Bad input changes nothing."""
        language = (
            self.env["res.lang"]
            .with_context(active_test=False)
            .search([("code", "=", lang)], limit=1)
        )
        if not language:
            raise UserError(self.env._("Unknown language code %(code)s.", code=lang))
        if tz not in pytz.all_timezones_set:
            raise UserError(self.env._("Unknown time zone %(tz)s.", tz=tz))
        if not language.active:
            self.env["base.language.install"].create(
                {"lang_ids": [Command.set(language.ids)]}
            ).lang_install()
        self.env["res.users"].search([("share", "=", False)]).write(
            {"lang": lang, "tz": tz}
        )
        generated = None
        admin = self.env.ref("base.user_admin", raise_if_not_found=False)
        if (
            admin
            and not admin_password
            and generate_admin_password
            and self._has_default_password(admin)
        ):
            admin_password = generated = secrets.token_urlsafe(12)
        if admin and admin_password:
            admin.password = admin_password
        # sudo: the entrypoint runs this as superuser already; a system
        # parameter only says that the first start is done
        self.env["ir.config_parameter"].sudo().set_param(
            FIRST_START_PARAM, fields.Datetime.to_string(fields.Datetime.now())
        )
        return generated

    @api.model
    def _has_default_password(self, user):
        self.env.flush_all()
        self.env.cr.execute(
            SQL("SELECT COALESCE(password, '') FROM res_users WHERE id = %s", user.id)
        )
        stored = self.env.cr.fetchone()[0]
        return bool(stored) and self.env["res.users"]._crypt_context().verify(
            ODOO_DEFAULT_ADMIN_PASSWORD, stored
        )
