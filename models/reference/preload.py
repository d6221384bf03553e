"""Reading the large code lists before anyone needs them.

ICD-10-SE takes about 0.2 s to read and as long again to index for search; doing that when the
first draft opens would stall the window. ``start_preload`` does it on a daemon thread once the
main window is up. The catalogues are cached, so the editor later finds them ready; if it asks
first, it builds them itself and the thread's work is simply not needed.
"""

from __future__ import annotations

import logging
import threading

from models.reference.diagnoses import icd10se
from models.reference.fmb import fmb

log = logging.getLogger(__name__)


def preload_reference_data() -> None:
    """Read and index the catalogues the form editor uses."""
    try:
        icd10se().prepare_search()
        fmb()
    except Exception:  # a broken resource shows itself again, with its error, when used
        log.exception("Förladdningen av kodverken misslyckades")


def start_preload() -> threading.Thread:
    thread = threading.Thread(target=preload_reference_data, name="reference-preload", daemon=True)
    thread.start()
    return thread
