"""``baocao diff``: align two resolved reports and render the new one with tracked changes."""
