"""Backups: the whole site (every model's rows and the files they point to) in one file, and
restoring such a file into an empty database."""
