from . import helpdesk_ticket_team
from . import resource_calendar
