"""Write commands: mark, unmark, verdict, add, init."""
