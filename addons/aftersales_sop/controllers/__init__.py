from . import portal
from . import report
from . import portal_appointment
from . import portal_fault
