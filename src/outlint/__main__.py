"""Run outlint as ``python -m outlint``."""

from outlint.entry import main

main()
