"""ukey-renew: renews the certificate on a BJCA Ukey for the 12309 platform."""

import sys
import warnings

__version__ = "0.1.0"

# requests guesses the text encoding of an answer with charset_normalizer, whose import loads
# every codec (20-30 ms of each command that talks to the site). The program reads JSON and
# bytes only: left out here as the bundle leaves it out (build.spec), requests reads UTF-8.
sys.modules.setdefault("charset_normalizer", None)  # type: ignore[arg-type]
sys.modules.setdefault("chardet", None)  # type: ignore[arg-type]
warnings.filterwarnings("ignore", message="Unable to find acceptable character detection")
