"""Garbage collection paused while a command starts up, resumed once its data is loaded."""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Stop automatic collection: start-up (imports, the schema models) makes no garbage cycles
    worth finding, yet the collector runs about a hundred times over its growing heap."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Collect automatically again (idempotent), leaving what exists now out of later passes.

    `gc.freeze` moves the modules, models and loaded data into the permanent generation, so a
    long ``watch`` does not walk them on every collection; they are still freed by reference
    counting and at exit.
    """
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
