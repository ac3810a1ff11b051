from . import test_decision
from . import test_import
from . import test_loan
from . import test_policy
from . import test_registration
from . import test_repair_quote
from . import test_replacement
from . import test_security
