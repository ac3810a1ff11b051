from . import test_working_time
from . import test_intake
from . import test_clocks
from . import test_dispatch
from . import test_security
from . import test_roles
from . import test_ui
from . import test_helpdesk_chinese
