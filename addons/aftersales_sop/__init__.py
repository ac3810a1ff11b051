from . import models
from . import tools
from . import wizard
from . import controllers
from . import report
