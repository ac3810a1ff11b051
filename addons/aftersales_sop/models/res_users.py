# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import AccessError

MANAGER_GROUP = "aftersales_sop.aftersales_sop_group_manager"
#: 质检员: checks repaired units, returned units and returned parts
QC_GROUP = "aftersales_sop.aftersales_sop_group_qc"


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

    @api.model
    def _is_aftersales_qc(self):
        """The current user records quality checks: a QC inspector, or an
        after-sales manager (who can do every role's work)."""
        return self._is_aftersales_manager() or self.env.user.has_group(QC_GROUP)

    @api.model
    def _check_aftersales_qc(self, message):
        """Raise ``message`` as an AccessError unless the user records checks."""
        if not self._is_aftersales_qc():
            raise AccessError(message)

    @api.model
    def _aftersales_qc_inspector(self, company):
        """Who receives a check to make in ``company``: its first active QC
        inspector, or nobody."""
        # sudo: whoever asks for a check may not read the groups' members
        inspectors = self.env.ref(QC_GROUP).sudo().users
        return inspectors.filtered(
            lambda user: company in user.company_ids and user.active
        ).sorted("id")[:1]

    @api.model
    def _aftersales_approver(self, team, company):
        """Who approves a decision of ``team`` (a goodwill repair, a quote): its
        leader when he is an after-sales manager, else the company's first
        active after-sales manager, or nobody."""
        # sudo: whoever asks for an approval may not read the groups' members
        group = self.env.ref(MANAGER_GROUP).sudo()
        managers = group.users.filtered(
            lambda user: company in user.company_ids and user.active and not user.share
        )
        # sudo: the team leader is read whoever asks
        leader = team.sudo().user_id
        return leader if leader in managers else managers.sorted("id")[:1]
