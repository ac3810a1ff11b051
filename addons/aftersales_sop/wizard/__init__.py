from . import helpdesk_ticket_dispatch
from . import helpdesk_ticket_moment_correction
from . import aftersales_followup_plan
from . import aftersales_reason
