from . import portal
from . import portal_appointment
from . import portal_fault
