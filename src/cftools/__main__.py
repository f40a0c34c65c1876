"""``python -m cftools``: the same as the ``cftools`` console script."""

import sys

from cftools._cli import main

sys.exit(main())
