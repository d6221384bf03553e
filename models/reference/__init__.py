"""Reference data and code lists: patient identity numbers, ICD-10-SE, KSH97-P, FMB."""
