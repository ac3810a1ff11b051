from . import warranty_check
from . import portal_units
from . import portal_fault
from . import portal_ticket
