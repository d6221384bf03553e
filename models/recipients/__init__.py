"""The simulated recipients (Försäkringskassan, Transportstyrelsen, Skatteverket,
Socialstyrelsen, the employer) and the patient portal Mina intyg (Intyg on 1177).

The names are imported when first asked for, so that the lifecycle services can use
``models.recipients.delivery`` without loading Mina intyg and the printing it needs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from models.recipients.authorities import AUTHORITIES, Authority, authority
    from models.recipients.inbox import Inbox, InboxItem, ReceivedDocument
    from models.recipients.journal_notices import JournalNotices
    from models.recipients.mina_intyg import (
        AlreadySentError,
        Citizen,
        CitizenCertificate,
        CitizenFilters,
        CitizenOption,
        CitizenRow,
        FilterOptions,
        HistoryEntry,
        MinaIntyg,
        UnderAgeError,
    )

_MODULES = {
    "AUTHORITIES": "authorities",
    "Authority": "authorities",
    "authority": "authorities",
    "Inbox": "inbox",
    "InboxItem": "inbox",
    "ReceivedDocument": "inbox",
    "JournalNotices": "journal_notices",
    "AlreadySentError": "mina_intyg",
    "Citizen": "mina_intyg",
    "CitizenCertificate": "mina_intyg",
    "CitizenFilters": "mina_intyg",
    "CitizenOption": "mina_intyg",
    "CitizenRow": "mina_intyg",
    "FilterOptions": "mina_intyg",
    "HistoryEntry": "mina_intyg",
    "MinaIntyg": "mina_intyg",
    "UnderAgeError": "mina_intyg",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(name)
    return getattr(importlib.import_module(f"models.recipients.{module}"), name)


__all__ = [
    "AUTHORITIES",
    "AlreadySentError",
    "Authority",
    "Citizen",
    "CitizenCertificate",
    "CitizenFilters",
    "CitizenOption",
    "CitizenRow",
    "FilterOptions",
    "HistoryEntry",
    "Inbox",
    "InboxItem",
    "JournalNotices",
    "MinaIntyg",
    "ReceivedDocument",
    "UnderAgeError",
    "authority",
]
