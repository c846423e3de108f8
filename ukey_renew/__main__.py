"""``python -m ukey_renew``: the program, then the process's end.

Once the program has answered, none of its objects is used again: they are
frozen out of the garbage collector, so the interpreter's last collections
at exit do not walk them all (about 40 ms after a practice renewal) and the
system takes the memory back. Files, the log and atexit's work close as before."""

import gc

from ukey_renew.cli import main

code = main()
gc.freeze()
raise SystemExit(code)
