"""``python -m cchc_lib``: the ``cchc`` command, where its script is not on the PATH (a
Windows PC that installed with ``pip --user``, a conda environment not activated)."""

import sys

from cchc_lib.cli import main

if __name__ == "__main__":
    sys.exit(main())
