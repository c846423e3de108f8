"""The renewal engine: the steps of guide 2.2, resumable, with no Qt in it."""
