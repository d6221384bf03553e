"""Qt item models over service results, and the bridge from change events to Qt signals.

Only QtCore is used here; the models hold plain rows, never a database session.
"""
