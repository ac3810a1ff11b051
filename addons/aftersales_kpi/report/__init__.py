from . import aftersales_kpi_analysis
from . import aftersales_kpi_report
from . import aftersales_kpi_service_report
from . import aftersales_kpi_care_report
