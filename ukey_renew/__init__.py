"""ukey-renew: renews the certificate on a BJCA Ukey for the 12309 platform."""

__version__ = "0.1.0"
