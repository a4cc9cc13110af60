"""Format profiles: one folder per rule set (hd36, hd05, nd30) holding its data."""
