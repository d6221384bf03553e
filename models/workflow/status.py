"""The status words TakeCare shows for a certificate in the journal and work lists."""

from __future__ import annotations

from models.store.certificates import CertificateStatus


def status_text(status: str, *, is_empty: bool, sent_to: str | None, replaced: bool = False) -> str:
    """The word in the Status column, as TakeCare shows it."""
    if status == CertificateStatus.DRAFT:
        return "Tomt utkast" if is_empty else "Utkast"
    if status == CertificateStatus.LOCKED_DRAFT:
        return "Låst utkast"
    if status in (CertificateStatus.REVOKED, CertificateStatus.LOCKED_REVOKED):
        return "Makulerad"
    if replaced:
        return "Ersatt"
    if sent_to:
        return "Skickad"
    return "Signerad"


def visible_in_mina_intyg(status: str, mina_intyg: bool) -> bool:
    """Whether the patient sees the certificate in Mina intyg (Intyg on 1177).

    Signed certificates of the types that reach Mina intyg are there (a replaced one too, marked
    "Ersatt"); a revoked one is taken away; DB and DOI never go there.
    """
    return mina_intyg and status == CertificateStatus.SIGNED
