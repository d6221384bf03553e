"""Qt widgets and dialogs, one per file. They call services and show what those return."""
