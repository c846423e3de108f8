"""The desktop wizard (PySide6). The only part of the program that imports Qt."""
