from . import aftersales_warranty_registration_import
from . import aftersales_warranty_registration_import_check
from . import aftersales_warranty_registration_import_write
from . import helpdesk_ticket_warranty_override
from . import repair_order_part_consent
from . import stock_return_picking
