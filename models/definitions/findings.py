"""What validation reports: findings, and the Swedish messages they carry."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]

# Webcert's standard validation texts (certificate-service), plus a few of our own where
# Webcert has none (marked).
MESSAGES = {
    "missing_answer": "Ange ett svar.",
    "missing_option": "Välj ett alternativ.",
    "missing_multiple_option": "Välj minst ett alternativ.",
    "missing_date": "Ange ett datum.",
    "missing_period": "Ange period.",
    "text_limit": "Ange en text som inte är längre än {limit} tecken.",
    "max_date": "Ange ett datum som är senast {date}.",
    "min_date": "Ange ett datum som är tidigast {date}.",
    "integer_interval": "Ange ett värde mellan {min}-{max}.",
    "overlap": "Ange perioder som inte överlappar varandra.",
    "end_after_start": "Ange ett slutdatum som infaller efter startdatumet.",
    "field_order": "Fyll i fälten uppifrån och ned.",
    "visual_acuity": "Ange synskärpa i intervallet {min} - {max}.",
    "diagnosis_min_one": "Ange minst en diagnos.",
    "diagnosis_first_row": "Ange diagnos på översta raden först.",
    "diagnosis_code": "Ange diagnoskod.",
    "diagnosis_desc": "Ange diagnosbeskrivning.",
    "diagnosis_invalid": "Diagnoskod är ej giltig.",
    "date_out_of_range": "Ange ett datum som inte ligger för långt fram eller tillbaka i tiden.",
    # Ours:
    "invalid_date": "Ange ett giltigt datum (ÅÅÅÅ-MM-DD).",
    "invalid_uncertain_date": "Ange år och månad (okänd del anges med nollor).",
    "invalid_option": "Välj ett av de angivna alternativen.",
    "duplicate_option": "Välj varje alternativ högst en gång.",
    "max_choices": "Välj högst {count} alternativ.",
    "too_many_rows": "Ange högst {count} rader.",
    "underlag_min_one": "Ange minst ett underlag.",
    "not_in_list": "Välj ett av förslagen i listan.",
    "unknown_municipality": "Ange en kommun från listan.",
    "wrong_type": "Svaret har fel format och kan inte användas. Ange svaret på nytt.",
    "unknown_field": "Uppgiften hör inte till den här blanketten.",
    "broken_content": "Intygets innehåll är skadat och kan inte läsas.",
}


@dataclass(frozen=True)
class Finding:
    """One thing validation has to say about a field (``part``: a row, column or date in it)."""

    field_id: str
    severity: Severity
    message: str
    code: str
    part: str | None = None


def finding(
    field_id: str,
    code: str,
    *,
    part: str | None = None,
    severity: Severity = "error",
    **values: object,
) -> Finding:
    """A finding with one of the standard messages, its placeholders filled in."""
    return Finding(field_id, severity, MESSAGES[code].format(**values), code, part)
