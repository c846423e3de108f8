from ukey_renew.cli import main

raise SystemExit(main())
