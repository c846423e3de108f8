"""Troubleshooting: the guide's FAQ as trees, finding the right entry, and
the checks the program can run by itself."""
