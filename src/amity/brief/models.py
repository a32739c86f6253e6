# The brief is a read model over the other apps: no tables.
