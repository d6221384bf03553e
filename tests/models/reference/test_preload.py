"""The background preload leaves the catalogues read and indexed."""

from __future__ import annotations

from models.reference.diagnoses import icd10se
from models.reference.fmb import fmb
from models.reference.preload import start_preload


def test_the_preload_thread_reads_and_indexes_the_catalogues() -> None:
    icd10se.cache_clear()  # as at start-up: nothing read yet
    fmb.cache_clear()
    thread = start_preload()
    thread.join(timeout=30)
    assert not thread.is_alive()
    assert thread.daemon  # never keeps the app from exiting
    catalogue = icd10se()
    assert "_names" in vars(catalogue)  # the search index is built
    assert catalogue.search("depress", limit=3)
    assert fmb.cache_info().currsize == 1
    assert fmb().lookup("J20") is not None
