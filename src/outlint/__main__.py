"""Run outlint as ``python -m outlint``."""

from outlint.cli import main

main()
