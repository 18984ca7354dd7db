"""Build-time logic of the guide. Plain Python: nothing here imports MkDocs."""
