from . import aftersales_survey_report
