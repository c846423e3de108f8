from ukey_renew.casim.commands import main

raise SystemExit(main())
