from . import aftersales_penalty_decision
from . import aftersales_roster_import
from . import aftersales_roster_import_problem
from . import aftersales_kpi_month
from . import aftersales_call_import
from . import aftersales_call_import_problem
