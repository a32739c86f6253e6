"""Every write for this app: one transaction each; web, API and CLI call these."""
