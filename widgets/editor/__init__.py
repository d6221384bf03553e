"""The generic form editor: one widget per field kind, laid out from a certificate definition."""
