"""Command line: ``python -m fmnist COMMAND``. See ``python -m fmnist --help``."""

from .cli import main

raise SystemExit(main())
