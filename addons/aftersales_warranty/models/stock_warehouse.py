# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every warehouse has a Spare Parts operation type (parts issued to the
engineers of service requests) and a Parts Issued location where issued parts
stay until they are used or come back (engineers' vans are inside it or
elsewhere in the warehouse)."""

from odoo import api, fields, models


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    aftersales_parts_type_id = fields.Many2one(
        "stock.picking.type",
        string="Spare Parts Operation Type",
        check_company=True,
        copy=False,
        help="Reservations of spare parts for service requests and their issue "
        "to the engineers.",
    )
    aftersales_parts_location_id = fields.Many2one(
        "stock.location",
        string="Parts Issued Location",
        check_company=True,
        copy=False,
        help="Where spare parts issued to engineers are until they are used or "
        "returned (engineers without a van location).",
    )

    def _get_locations_values(self, vals, code=False):
        values = super()._get_locations_values(vals, code=code)
        code = (vals.get("code") or code or "").replace(" ", "").upper()
        company_id = vals.get(
            "company_id", self.default_get(["company_id"])["company_id"]
        )
        values["aftersales_parts_location_id"] = {
            "name": self.env._("Parts Issued"),
            "active": True,
            "usage": "internal",
            "barcode": self._valid_barcode(code + "PARTS", company_id),
        }
        return values

    def _get_sequence_values(self, name=False, code=False):
        values = super()._get_sequence_values(name=name, code=code)
        values["aftersales_parts_type_id"] = {
            "name": self.env._("%(name)s Sequence spare parts", name=name or self.name),
            "prefix": (code or self.code) + "/SP/",
            "padding": 5,
            "company_id": self.company_id.id,
        }
        return values

    def _get_picking_type_create_values(self, max_sequence):
        data, next_sequence = super()._get_picking_type_create_values(max_sequence)
        data["aftersales_parts_type_id"] = {
            "name": self.env._("Spare Parts"),
            "code": "internal",
            # the warehouse manager reserves (Check Availability), unless the
            # company reserves them automatically (Settings)
            "reservation_method": "manual",
            "use_create_lots": False,
            "use_existing_lots": True,
            "default_location_src_id": self.lot_stock_id.id,
            "default_location_dest_id": self.aftersales_parts_location_id.id,
            "sequence": next_sequence + 1,
            "sequence_code": "SP",
            "company_id": self.company_id.id,
        }
        return data, next_sequence + 2

    def _get_picking_type_update_values(self):
        data = super()._get_picking_type_update_values()
        data["aftersales_parts_type_id"] = {
            "active": self.active,
            "barcode": self.code.replace(" ", "").upper() + "SP",
        }
        return data

    @api.model
    def _aftersales_create_parts_data(self):
        """Give the warehouses that have none their Parts Issued location and
        Spare Parts operation type (install, new companies)."""
        warehouses = self.with_context(active_test=False).search(
            [
                "|",
                ("aftersales_parts_type_id", "=", False),
                ("aftersales_parts_location_id", "=", False),
            ]
        )
        for warehouse in warehouses:
            warehouse._create_missing_locations({})
            warehouse.write(warehouse._create_or_update_sequences_and_picking_types())
        return warehouses

    def _aftersales_parts_type(self):
        """The Spare Parts operation type, created when the warehouse has none."""
        self.ensure_one()
        if not self.aftersales_parts_type_id:
            # sudo: the engineer or agent asking for parts cannot create operation types
            # or locations; the Spare Parts type is made once per warehouse
            self.sudo()._aftersales_create_parts_data()
        return self.aftersales_parts_type_id
