from diplomap.cli import run

run()
