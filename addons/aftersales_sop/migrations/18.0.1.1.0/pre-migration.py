# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The service form's parts used are products of the catalogue: a line written
as free text (no product) is kept in the visit's "Work Done", then removed, so
that the part's product can become required."""

from odoo.tools import SQL


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        SQL(
            """
            WITH free AS (
                SELECT visit_id,
                       string_agg(
                           concat(name, ' x ', quantity,
                                  CASE WHEN serial_number IS NOT NULL
                                            AND serial_number != ''
                                       THEN concat(' (', serial_number, ')') END),
                           ', ' ORDER BY sequence, id) AS parts
                  FROM aftersales_visit_part
                 WHERE product_id IS NULL
              GROUP BY visit_id
            )
            UPDATE aftersales_visit v
               SET work_note = concat_ws(E'\\n', NULLIF(v.work_note, ''),
                                         'Parts used (written on the form): '
                                         || free.parts)
              FROM free
             WHERE free.visit_id = v.id
            """
        )
    )
    cr.execute(SQL("DELETE FROM aftersales_visit_part WHERE product_id IS NULL"))
