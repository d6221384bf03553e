"""The student who does the exercises in the exercise tests."""

from __future__ import annotations

import pytest

from models.clock import FixedClock
from models.store import Store
from tests.models.training.exercise_support import Student


@pytest.fixture
def student(store: Store, clock: FixedClock) -> Student:
    return Student(store, clock)
