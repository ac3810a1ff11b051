from . import test_roles
from . import test_penalty_rules
from . import test_penalty
from . import test_proposals
from . import test_strike_flags
from . import test_certification_review
from . import test_security
from . import test_employee
