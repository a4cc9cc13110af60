"""OOXML helpers: the only modules that write raw WordprocessingML."""
