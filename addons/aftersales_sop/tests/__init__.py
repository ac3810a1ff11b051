from . import test_working_time
