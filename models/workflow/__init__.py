"""The certificate lifecycle: who may do what, and the services that do it."""
