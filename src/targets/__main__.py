"""`python -m targets`."""

from targets.cli import main

main()
