"""``python -m generator`` is the ``casefile`` command."""

import sys

from .cli import main

sys.exit(main())
