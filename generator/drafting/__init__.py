"""The drafting loop behind ``watch``, ``new``, ``status`` and the extras of ``build``."""
