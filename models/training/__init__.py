"""Training: what instructors use to run a course (test patients, the event log, …)."""
