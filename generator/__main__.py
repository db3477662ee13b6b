"""``python -m generator`` is the ``casefile`` command."""

import sys

from generator.cli import main

sys.exit(main())
