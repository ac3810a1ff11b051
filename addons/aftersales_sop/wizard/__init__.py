from . import helpdesk_ticket_dispatch
