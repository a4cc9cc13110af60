"""One module per command; each defines `command`, a click command (imported lazily by the CLI)."""
