# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Spare parts of a service request (SPEC §6): requested on the request,
reserved by the warehouse with Odoo's stock moves, issued to the engineer's
van, consumed when the visit is done, the rest returned; released when the
request is cancelled or closed, or when the reservation is too old."""

from datetime import date, datetime

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .test_repair_quote import QuoteCommon


class PartsCommon(QuoteCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.stock_manager = new_test_user(
            env, login="as_stock_manager", groups="stock.group_stock_manager"
        )
        cls.heater = env["product.product"].create(
            {"name": "Test Heater", "type": "consu", "categ_id": cls.heaters.id}
        )
        products = env["product.product"]
        spare = {"type": "consu", "is_storable": True, "aftersales_is_spare_part": True}
        fits_ac = [Command.set(cls.product.product_tmpl_id.ids)]
        cls.cap = products.create(
            {
                **spare,
                "name": "Test Spare Capacitor",
                "default_code": "T-SCAP",
                "list_price": 40.0,
                "aftersales_fits_tmpl_ids": fits_ac,
            }
        )
        cls.fan = products.create(
            {
                **spare,
                "name": "Test Fan Motor",
                "default_code": "T-FAN",
                "tracking": "serial",
                "list_price": 600.0,
                "aftersales_fits_tmpl_ids": fits_ac,
            }
        )
        cls.fuse = products.create(
            {**spare, "name": "Test Fuse", "default_code": "T-FUSE", "list_price": 2.0}
        )
        cls.heater_element = products.create(
            {
                **spare,
                "name": "Test Heater Element",
                "aftersales_fits_tmpl_ids": [
                    Command.set(cls.heater.product_tmpl_id.ids)
                ],
            }
        )
        cls.copy_part = products.create(
            {"name": "Test Copy Capacitor", "type": "consu", "is_storable": True}
        )
        cls.warehouse._aftersales_parts_type()
        cls.parts_type = cls.warehouse.aftersales_parts_type_id
        cls.van = env["stock.location"].create(
            {
                "name": "Test Van of Zhang",
                "usage": "internal",
                "location_id": cls.warehouse.aftersales_parts_location_id.id,
            }
        )
        cls.zhang.van_location_id = cls.van
        cls._stock(cls.cap, 5)
        cls.fan_lots = cls._lot("FAN-T-1", cls.fan) | cls._lot("FAN-T-2", cls.fan)
        for lot in cls.fan_lots:
            cls._stock(cls.fan, 1, lot=lot)
        cls.cancelled = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_cancelled")
        cls.closed_stage = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")

    # -- helpers ---------------------------------------------------------------------

    def _dispatched(self, purchase_date=date(2026, 3, 1), engineer=None, **vals):
        """A decided repair request dispatched to Zhang (in warranty by default)."""
        ticket = self._decided_ticket(purchase_date, **vals)
        order = self.env["aftersales.dispatch.order"].create(
            {"ticket_id": ticket.id, "engineer_id": (engineer or self.zhang).id}
        )
        return ticket, order

    def _add(self, ticket, product, quantity=1.0, user=None, **vals):
        return (
            self.env["aftersales.part.line"]
            .with_user(user or self.agent)
            .create(
                {
                    "ticket_id": ticket.id,
                    "product_id": product.id,
                    "product_uom_qty": quantity,
                    **vals,
                }
            )
        )

    def _as_manager(self, lines):
        return lines.with_user(self.stock_manager)

    def _consent_parts(self, ticket, how="in_person", user=None):
        user = user or self.zhang.user_id
        action = ticket.with_user(user).action_aftersales_parts_consent()
        model = self.env[action["res_model"]].with_user(user)
        with Form(model.with_context(**action["context"])) as form:
            form.how = how
        form.record.action_apply()

    def _quant(self, product, location, lot=None):
        quants = self.env["stock.quant"].search(
            [("product_id", "=", product.id), ("location_id", "=", location.id)]
        )
        if lot:
            quants = quants.filtered(lambda q: q.lot_id == lot)
        return sum(quants.mapped("quantity")), sum(quants.mapped("reserved_quantity"))

    def _notes(self, ticket):
        return "\n".join(ticket.message_ids.mapped("body"))


@tagged("post_install", "-at_install")
@freeze_time("2026-09-28 02:00:00")
class TestParts(PartsCommon):
    def test_a_part_from_request_to_return(self):
        ticket, order = self._dispatched()
        line = self._add(ticket, self.cap, 2)
        # requested: a move in the warehouse's Spare Parts transfer of the request
        self.assertEqual(line.state, "waiting")
        self.assertEqual(line.engineer_id, self.zhang)
        self.assertEqual(line.qty_available, 5)
        move = line.move_ids
        self.assertEqual(move.picking_type_id, self.parts_type)
        self.assertEqual(move.location_dest_id, self.van)
        self.assertEqual(move.picking_id.helpdesk_ticket_id, ticket)
        self.assertIn(move.picking_id, ticket.picking_ids)
        # only the warehouse manager reserves
        with self.assertRaises(AccessError):
            line.with_user(self.agent).action_aftersales_reserve()
        self._as_manager(line).action_aftersales_reserve()
        self.assertEqual(line.state, "reserved")
        self.assertEqual(line.qty_reserved, 2)
        self.assertEqual(line.reserved_date, datetime(2026, 9, 28, 2, 0))
        self.assertEqual(self._quant(self.cap, self.stock_location), (5, 2))
        self.assertEqual(ticket.parts_status, "ready")
        self.assertIn(
            "Reserved: [T-SCAP] Test Spare Capacitor (2 Units)", self._notes(ticket)
        )
        # issued to Zhang's van: what is issued is used unless he says fewer
        self._as_manager(line).action_aftersales_issue()
        self.assertEqual(
            (line.state, line.qty_issued, line.quantity_used), ("issued", 2, 2)
        )
        self.assertEqual(self._quant(self.cap, self.van), (2, 0))
        self.assertEqual(self._quant(self.cap, self.stock_location), (3, 0))
        engineer_line = line.with_user(self.zhang.user_id)
        with self.assertRaises(ValidationError):
            engineer_line.quantity_used = 3
        engineer_line.quantity_used = 1
        # the visit ends only with the customer's consent, free parts too
        with self.assertRaises(UserError) as error:
            self._finish_visit(order)
        self.assertIn("has not agreed yet", str(error.exception))
        self._consent_parts(ticket)
        self.assertEqual(line.aftersales_consent_how, "in_person")
        self._finish_visit(order)
        # consumed into the customer's unit, the unused one on its way back
        self.assertEqual(ticket.repair_state, "done")
        self.assertEqual(line.qty_consumed, 1)
        self.assertEqual(line.qty_returning, 1)
        self.assertEqual(line.state, "issued")
        self.assertEqual(self._quant(self.cap, self.customers)[0], 1)
        back = line.move_ids.filtered(lambda m: m.aftersales_part_move == "return")
        self.assertEqual(back.picking_id.picking_type_id, self.parts_type)
        self.assertEqual(back.picking_id.state, "assigned")
        self._validate(back.picking_id.with_user(self.stock_manager))
        self.assertEqual((line.state, line.qty_returned), ("done", 1))
        self.assertEqual(self._quant(self.cap, self.stock_location), (4, 0))
        self.assertEqual(self._quant(self.cap, self.van), (0, 0))
        # what the visit and its report show
        self.assertEqual(
            ticket._aftersales_parts_used(),
            [
                {
                    "name": "[T-SCAP] Test Spare Capacitor",
                    "product_id": self.cap.id,
                    "quantity": 1.0,
                    "uom": "Units",
                    "serial_number": "",
                    "covered": True,
                    "consent": True,
                    "line_id": line.id,
                }
            ],
        )

    def test_a_missing_part_waits_and_is_reserved_when_it_arrives(self):
        self.company.aftersales_parts_auto_reserve = True
        ticket, _order = self._dispatched()
        line = self._add(ticket, self.fuse, 3)
        self.assertEqual(line.state, "waiting")
        self.assertEqual((line.qty_reserved, line.qty_waiting), (0, 3))
        self.assertIn(
            "Waiting for stock: [T-FUSE] Test Fuse (3 Units)", self._notes(ticket)
        )
        self.assertEqual(ticket.parts_status, "waiting")
        receipt = self.env["stock.picking"].create(
            {
                "picking_type_id": self.warehouse.in_type_id.id,
                "location_id": self.env.ref("stock.stock_location_suppliers").id,
                "location_dest_id": self.stock_location.id,
                "scheduled_date": datetime(2026, 10, 2, 2, 0),
                "move_ids": [
                    Command.create(
                        {
                            "name": "fuses",
                            "product_id": self.fuse.id,
                            "product_uom_qty": 10,
                            "product_uom": self.fuse.uom_id.id,
                            "location_id": self.env.ref(
                                "stock.stock_location_suppliers"
                            ).id,
                            "location_dest_id": self.stock_location.id,
                        }
                    )
                ],
            }
        )
        receipt.action_confirm()
        line.invalidate_recordset(["expected_date"])
        self.assertEqual(line.expected_date, datetime(2026, 10, 2, 2, 0))
        receipt.move_ids.quantity = 10
        self._validate(receipt)
        # Odoo's own reservation picks it up as soon as it arrives
        self.assertEqual(line.state, "reserved")
        self.assertEqual(self._quant(self.fuse, self.stock_location), (10, 3))

    def test_automatic_reservation_reserves_at_once(self):
        self.company.aftersales_parts_auto_reserve = True
        ticket, _order = self._dispatched()
        line = self._add(ticket, self.cap, 2, user=self.zhang.user_id)
        self.assertEqual(line.state, "reserved")
        # a quantity changed before the issue: the reservation follows
        line.with_user(self.zhang.user_id).product_uom_qty = 4
        self.assertEqual((line.state, line.qty_reserved), ("reserved", 4))
        line.with_user(self.zhang.user_id).product_uom_qty = 1
        self.assertEqual(self._quant(self.cap, self.stock_location), (5, 1))

    def test_a_serial_numbered_part_is_traced_into_the_customers_unit(self):
        ticket, order = self._dispatched()
        line = self._add(ticket, self.fan)
        self._as_manager(line).action_aftersales_reserve()
        lot = line.move_ids.move_line_ids.lot_id
        self.assertIn(lot, self.fan_lots)
        self.assertEqual(line.lot_names, lot.name)
        self._as_manager(line).action_aftersales_issue()
        self.assertEqual(self._quant(self.fan, self.van, lot), (1, 0))
        self._consent_parts(ticket)
        self._finish_visit(order)
        self.assertEqual(line.state, "done")
        self.assertEqual(self._quant(self.fan, self.customers, lot)[0], 1)
        self.assertEqual(ticket._aftersales_parts_used()[0]["serial_number"], lot.name)

    def test_the_warehouse_works_in_its_own_inventory_screens(self):
        """Check Availability, Validate and Return on the Spare Parts transfer."""
        ticket, _order = self._dispatched()
        line = self._add(ticket, self.cap, 2)
        picking = line.move_ids.picking_id.with_user(self.stock_manager)
        picking.action_assign()
        self.assertEqual(line.state, "reserved")
        self._validate(picking)
        self.assertEqual(
            (line.state, line.qty_issued, line.quantity_used), ("issued", 2, 2)
        )
        wizard = Form(
            self.env["stock.return.picking"]
            .with_user(self.stock_manager)
            .with_context(active_id=picking.id, active_model="stock.picking")
        ).save()
        wizard.product_return_moves.quantity = 1
        back = self.env["stock.picking"].browse(
            wizard.action_create_returns()["res_id"]
        )
        self._validate(back.with_user(self.stock_manager))
        self.assertEqual((line.qty_returned, line.quantity_used), (1, 1))

    def test_cancelling_the_request_releases_and_returns_its_parts(self):
        ticket, _order = self._dispatched()
        issued = self._add(ticket, self.cap, 2)
        reserved = self._add(ticket, self.fan)
        self._as_manager(issued).action_aftersales_reserve()
        self._as_manager(issued).action_aftersales_issue()
        self._as_manager(reserved).action_aftersales_reserve()
        self.assertEqual(self._quant(self.fan, self.stock_location)[1], 1)
        ticket.with_user(self.dispatcher).stage_id = self.cancelled
        self.assertEqual(reserved.state, "released")
        self.assertEqual(self._quant(self.fan, self.stock_location)[1], 0)
        self.assertEqual(reserved.move_ids.state, "cancel")
        # nothing was used: everything issued comes back
        self.assertEqual((issued.quantity_used, issued.qty_returning), (0, 2))
        self.assertIn("Released: [T-FAN] Test Fan Motor", self._notes(ticket))
        self.assertIn("the request is closed", self._notes(ticket))
        # a closed request needs no more parts
        with self.assertRaises(UserError):
            self._add(ticket, self.cap)

    def test_closing_the_request_releases_its_reservations(self):
        ticket, _order = self._dispatched()
        line = self._add(ticket, self.cap, 2)
        self._as_manager(line).action_aftersales_reserve()
        ticket.stage_id = self.closed_stage
        self.assertEqual(line.state, "released")
        self.assertEqual(self._quant(self.cap, self.stock_location), (5, 0))

    def test_old_reservations_are_released_by_the_scheduled_action(self):
        self.assertEqual(self.company.aftersales_parts_reservation_days, 7)
        ticket, _order = self._dispatched()
        line = self._add(ticket, self.cap, 2)
        self._as_manager(line).action_aftersales_reserve()
        cron = self.env.ref("aftersales_warranty.ir_cron_release_part_reservations")
        with freeze_time("2026-10-04 02:00:00"):  # 6 days
            line.invalidate_recordset(["reservation_age"])
            self.assertEqual(line.reservation_age, 6)
            cron.method_direct_trigger()
            self.assertEqual(line.state, "reserved")
        with freeze_time("2026-10-06 03:00:00"):  # 8 days
            cron.method_direct_trigger()
        self.assertEqual(line.state, "released")
        self.assertEqual(self._quant(self.cap, self.stock_location), (5, 0))
        self.assertIn(
            "reserved more than 7 days ago and not issued", self._notes(ticket)
        )
        # requested again, it is reserved again
        line.with_user(self.agent).action_aftersales_request_again()
        self.assertEqual(line.state, "waiting")
        # 0 days: never released
        self.company.aftersales_parts_reservation_days = 0
        self._as_manager(line).action_aftersales_reserve()
        with freeze_time("2027-01-01 00:00:00"):
            cron.method_direct_trigger()
        self.assertEqual(line.state, "reserved")

    def test_only_original_parts_and_those_that_fit_are_offered(self):
        ticket, _order = self._dispatched()
        with self.assertRaises(ValidationError) as error:
            self._add(ticket, self.copy_part)
        self.assertIn("not an original spare part", str(error.exception))
        self.assertFalse(ticket.part_line_ids)
        domain = safe_eval(
            self.env["aftersales.part.line"]._fields["product_id"].domain,
            {"unit_product_tmpl_id": ticket.product_id.product_tmpl_id.id},
        )
        offered = self.env["product.product"].search(domain)
        self.assertTrue({self.cap, self.fan, self.fuse} <= set(offered))
        self.assertNotIn(self.heater_element, offered)
        self.assertNotIn(self.copy_part, offered)

    def test_the_engineer_changes_before_the_issue(self):
        ticket, order = self._dispatched()
        line = self._add(ticket, self.cap)
        self._as_manager(line).action_aftersales_reserve()
        order.action_cancel()
        self.env["aftersales.dispatch.order"].create(
            {"ticket_id": ticket.id, "engineer_id": self.chen.id}
        )
        # Chen has no van: the part goes to the warehouse's Parts Issued location
        self.assertEqual(line.engineer_id, self.chen)
        self.assertEqual(
            line.sudo().move_ids.location_dest_id,
            self.warehouse.aftersales_parts_location_id,
        )
        self.assertEqual(line.state, "reserved")

    def test_every_warehouse_has_a_spare_parts_operation(self):
        warehouse = self.env["stock.warehouse"].create(
            {"name": "Test Suzhou Depot", "code": "TSZ"}
        )
        parts_type = warehouse.aftersales_parts_type_id
        self.assertEqual(parts_type.code, "internal")
        self.assertEqual(parts_type.sequence_code, "SP")
        self.assertEqual(parts_type.default_location_src_id, warehouse.lot_stock_id)
        self.assertEqual(
            parts_type.default_location_dest_id, warehouse.aftersales_parts_location_id
        )
        self.assertEqual(
            warehouse.aftersales_parts_location_id.location_id,
            warehouse.view_location_id,
        )
        # the Inventory overview lists the operation types of the warehouses
        overview = self.env.ref("stock.stock_picking_type_action")
        domain = safe_eval(overview.domain or "[]")
        self.assertIn(parts_type, self.env["stock.picking.type"].search(domain))
        # a warehouse that lost them (installed before the addon) gets them back
        warehouse.write(
            {"aftersales_parts_type_id": False, "aftersales_parts_location_id": False}
        )
        self.env["stock.warehouse"]._aftersales_create_parts_data()
        self.assertTrue(warehouse.aftersales_parts_type_id)
        self.assertTrue(warehouse.aftersales_parts_location_id)

    def test_the_minimum_stock_follows_the_demand(self):
        customers = self.customers
        for day in ("2026-05-10", "2026-07-10", "2026-09-10"):
            with freeze_time(day):
                move = self.env["stock.move"].create(
                    {
                        "name": "sold",
                        "product_id": self.cap.id,
                        "product_uom_qty": 4,
                        "product_uom": self.cap.uom_id.id,
                        "location_id": self.stock_location.id,
                        "location_dest_id": customers.id,
                    }
                )
                self._stock(self.cap, 4)
                move._action_confirm()
                move._action_assign()
                move.picked = True
                move._action_done()
        # 12 in the last 6 months: 2 a month
        self.assertEqual(self.cap.aftersales_demand_qty, 12)
        self.assertEqual(self.cap.aftersales_suggested_min_qty, 2)
        self.company.aftersales_parts_cover_months = 1.5
        self.cap.invalidate_recordset(["aftersales_suggested_min_qty"])
        self.assertEqual(self.cap.aftersales_suggested_min_qty, 3)
        with self.assertRaises(UserError):
            self.cap.with_user(self.agent).action_aftersales_set_minimum()
        self.cap.product_tmpl_id.with_user(
            self.stock_manager
        ).action_aftersales_set_minimum()
        rule = self.env["stock.warehouse.orderpoint"].search(
            [("product_id", "=", self.cap.id)]
        )
        self.assertEqual((rule.product_min_qty, rule.product_max_qty), (3, 3))
        rule.product_max_qty = 20
        self.company.aftersales_parts_demand_months = 3  # only July and September
        self.cap.invalidate_recordset(["aftersales_suggested_min_qty"])
        self.cap.with_user(self.stock_manager).action_aftersales_set_minimum()
        self.assertEqual((rule.product_min_qty, rule.product_max_qty), (4, 20))
        self.assertEqual(self.cap.product_tmpl_id.aftersales_part_line_count, 0)
