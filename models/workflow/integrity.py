"""Signed is final: the signed document, its SHA-256, and the check made when it is loaded.

What is hashed is the canonical JSON (sorted keys, no spaces, UTF-8) of the certificate's
identity, patient, unit, signer, signing time and answers, so that changing any of them in the
database afterwards shows. Certificates signed before this check existed (no hash) are not
checked.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from models.store.schema import Certificate

TAMPER_WARNING = (
    "Varning: intygets innehåll stämmer inte med det som signerades. Det kan ha ändrats efter "
    "signeringen. Händelsen har loggats; kontakta systemförvaltningen."
)


def canonical_json(document: Any) -> str:
    return json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def signed_document(certificate: Certificate, person_id: str) -> str:
    """The canonical JSON of what the signature covers, from the certificate as stored."""
    signed_at = certificate.signed_at
    return canonical_json(
        {
            "id": certificate.id,
            "type": certificate.type_code,
            "version": certificate.type_version,
            "patient": person_id,
            "unit": certificate.unit_id,
            "signer": certificate.signed_by_id,
            "signed_at": signed_at.astimezone(dt.UTC).isoformat() if signed_at else None,
            "content": certificate.content,
        }
    )


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def seal(certificate: Certificate, person_id: str) -> None:
    """Store the signed document and its hash (signer and signing time already set)."""
    document = signed_document(certificate, person_id)
    certificate.signed_json = document
    certificate.content_hash = sha256(document)


def is_tampered(certificate: Certificate, person_id: str) -> bool:
    """True if a sealed certificate no longer matches what was signed."""
    if certificate.content_hash is None:
        return False
    stored = certificate.signed_json or ""
    return sha256(stored) != certificate.content_hash or stored != signed_document(
        certificate, person_id
    )
