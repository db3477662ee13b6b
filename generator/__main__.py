"""``python -m generator`` is the ``casefile`` command."""

from generator.cli import run

run()
