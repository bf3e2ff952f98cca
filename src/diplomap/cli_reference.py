"""Regenerate docs/cli.md from the CLI's --help: python -m diplomap.cli_reference > docs/cli.md"""

from diplomap.cli import reference

print(reference(), end="")
