"""Intygsstudio's Qt-free core: domain rules, storage and services.

Nothing in this package (except ``models.qt``) may import PySide6; a test enforces it.
"""
