from diplomap.cli import main

raise SystemExit(main())
