# The journey has no tables of its own: the stage is derived from evidence kept
# elsewhere (facts, conversations, the ledger, introductions, initiatives), and a
# hand-pinned stage lives on Person (``stage_pin``).
