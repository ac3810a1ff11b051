# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import AccessError

MANAGER_GROUP = "aftersales_sop.aftersales_sop_group_manager"


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _is_aftersales_manager(self):
        """The current user is an after-sales manager; code that runs as
        superuser counts as one. Call it on the caller's environment:
        ``self.env["res.users"]._is_aftersales_manager()`` (``env.user`` is
        always a superuser record, so it cannot tell)."""
        return self.env.su or self.env.user.has_group(MANAGER_GROUP)

    @api.model
    def _aftersales_role_domain(self, *xmlids):
        """Internal users with one of the roles ``xmlids`` or the after-sales
        manager's (a manager can do every role's work)."""
        groups = self.env["res.groups"]
        for xmlid in (*xmlids, MANAGER_GROUP):
            groups |= self.env.ref(xmlid, raise_if_not_found=False) or groups
        return [("groups_id", "in", groups.ids), ("share", "=", False)]

    @api.model
    def _check_aftersales_manager(self, message):
        """Raise ``message`` as an AccessError unless the current user is a manager."""
        if not self._is_aftersales_manager():
            raise AccessError(message)
