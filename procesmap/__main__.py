"""``python -m procesmap``: the ``procesmap`` command (:func:`procesmap.cli.main`).

The garbage collector goes off before the command line's modules are imported (their objects are many and live
until exit); :func:`procesmap.cli.main` keeps it off for the command.
"""

import gc

gc.disable()

from procesmap.cli import main  # noqa: E402  (after the collector is off)

main()
