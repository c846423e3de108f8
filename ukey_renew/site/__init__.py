"""The CA renewal site: its profile and the client that talks to it.

Which site a run renews on is chosen here only, by name (resources/sites/<name>.toml):
kept free of imports, so the command line's options can name them at start-up."""

PRODUCTION = "12309"  # the real site (guide 1.1)
PRACTICE = "practice"  # the built-in reference site that stands in for it
SITES = (PRODUCTION, PRACTICE)


def site_for(practice: bool) -> str:
    return PRACTICE if practice else PRODUCTION
