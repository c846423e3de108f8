"""The CA renewal site: its profile and the client that talks to it."""
