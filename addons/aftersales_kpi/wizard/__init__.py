from . import aftersales_penalty_decision
