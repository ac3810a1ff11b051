from . import test_decision
from . import test_policy
from . import test_registration
