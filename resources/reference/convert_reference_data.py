"""Build the shipped code lists from the copied reference data. Run by hand, never by the app.

Usage, from the repository root (the shared data folder sits beside it, as in CI)::

    .venv/bin/python -m resources.reference.convert_reference_data [--data ../shared/domain/data]

It reads ``icd10se/digit{3,4,5}.txt`` (checked against ``icd10se_2022_combined.tsv``),
``ksh97p/KSH97P_{KOD,SFAMALT}.utf8.tsv`` (checked against the ``.ANS`` originals),
``fmb/{FmdxInfo,Typfall}StubResponse.json`` and
``icf/icf-klassifikationer-koder-for-funktionstillstand-alternativa-termer-2019.xls``, and
writes, next to this script:

- ``ksh97p.tsv.gz``: ``kod<TAB>markering<TAB>titel<TAB>namn…``: the official title from
  KSH97P_KOD, then the other titles from KSH97P_SFAMALT (which Webcert searches);
- ``icd10se.tsv.gz``: the same columns for ICD-10-SE. The other names of a code are the KSH97-P
  titles of *the same* code (``F32-`` is category F32, ``M545`` is M54.5); KSH97-P's own
  groupings (``A02-P``, ``S720P``) cover more than the ICD-10-SE code they resemble and give none;
- ``fmb.json.gz``: the FMB headings with their texts as plain text and, per heading, the ICF
  codes FMB names for impairment (funktionsnedsättning, mostly b-codes) and activity limitation
  (aktivitetsbegränsning, mostly d-codes): the central ones, then the complementary ones, in
  FMB's order, each code once (a code FMB lists as both is kept as central);
- ``icf.tsv.gz``: ``kod<TAB>benämning<TAB>alternativ term<TAB>beskrivning<TAB>innefattar``,
  Socialstyrelsen's Swedish ICF with its national extensions (``b1528A``), 1,594 codes from
  the components (``b``) and chapters (``b1``) down to the fourth level, in the list's order.
  These are the five columns Webcert reads (``IcfTextResourceImpl``): it shows the
  alternative term where there is one ("Smärta" for b280) and the description and "includes"
  text when a code is expanded. The block rows (``Övergripande psykiska funktioner
  (b110-b139)``) have no code and are left out; ``e2600`` occurs twice, identically.

ICF: the 2019 list is the one Webcert loads. The older 2018.2 list beside it
(``klassifikationer-koder-for-funktionstillstand-icf-2018.2.xls``) is not read: what it has
beyond 2019 is its block rows under invented codes (``b1a``, ``b139A``) and three codes the
2019 update retired (``e255``, ``e2601``, ``s1101``), none of which FMB uses; every ICF code in
the FMB data is in the 2019 list (checked here).

Reading the ``.xls`` needs ``xlrd`` (``.venv/bin/pip install xlrd``), a tool for this script
only and no dependency of the app. Without it the script says so and leaves ``icf.tsv.gz`` as
it is; ``tests/models/reference/test_icf.py`` skips its freshness check the same way.

The gzip files carry no timestamp, so the same input (and zlib) always gives the same bytes.
The script stops with an error if the input does not have the counts documented in SOURCES.md.
``tests/models/reference/test_shipped_resources.py`` checks that the shipped files are current.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from models.reference.fmb_text import html_to_text, reflow

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parents[1].parent / "shared" / "domain" / "data"
ICD_CODES = 35_684
KSH_CODES = 977
FMB_HEADINGS = 116
FMB_CODES = 306
FMB_CASES = 439
ICF_CODES = 1_594
ICF_FILE = "icf-klassifikationer-koder-for-funktionstillstand-alternativa-termer-2019.xls"
ICF_SHEET = "ICF 2019 + Core Sets"
# The columns of the ICF sheet that are kept (as Webcert's IcfTextResourceImpl reads them).
ICF_COLUMNS = {
    8: "ICF-koder",
    10: "Benämning/kodtext",
    11: "Alternativ term",
    12: "Beskrivning",
    13: "Innefattar",
}
ICF_HEADER = ("kod", "benämning", "alternativ term", "beskrivning", "innefattar")
_ICF_CODE = re.compile(r"^[bdes](?:\d+[A-Z]?)?$")  # b, b1, b110, b1528A


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _clean_lines(text: str) -> str:
    """One line from a cell with line breaks; a line without closing punctuation gets a full
    stop, so that "…funktioner" + "Funktionsnedsättningar är…" stay two sentences."""
    lines = [_clean(line) for line in text.splitlines()]
    joined = ""
    for line in filter(None, lines):
        if joined:
            joined += " " if joined[-1] in ".:;!?" else ". "
        joined += line
    return joined


def _write_gzip(path: Path, payload: bytes) -> None:
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as out:
        out.write(payload)
    path.write_bytes(buffer.getvalue())
    print(f"{path.name}: {len(payload):,} bytes, {path.stat().st_size:,} gzipped")


def _tsv(rows: Iterable[Iterable[str]]) -> bytes:
    lines = []
    for row in rows:
        cells = list(row)
        if any("\t" in cell or "\n" in cell for cell in cells):
            raise ValueError(f"a tab or line break inside a cell: {cells}")
        lines.append("\t".join(cells))
    return ("\n".join(lines) + "\n").encode("utf-8")


def _check(label: str, actual: int, expected: int) -> None:
    if actual != expected:
        raise SystemExit(f"{label}: expected {expected:,}, found {actual:,}")


# A KSH97-P code that is also an ICD-10-SE code: a category with a dash, or a 4-5 character code
# without the P of KSH97-P's own groupings.
_KSH_SAME_AS_ICD = re.compile(r"^([A-Z]\d\d)(?:-|(\d[0-9A-OQ-Z]?))$")


def convert_icd10se(data: Path, ksh: list[list[str]]) -> list[list[str]]:
    rows: dict[str, tuple[str, str, str]] = {}
    for name in ("digit3.txt", "digit4.txt", "digit5.txt"):
        text = (data / "icd10se" / name).read_text(encoding="utf-8-sig")
        for line in text.split("\n"):
            if not line.strip():
                continue
            code, marking, title = line.split("\t")
            if code in rows or marking not in ("", "*", "†"):
                raise SystemExit(f"{name}: unexpected row {line!r}")
            rows[code] = (code, marking, _clean(title))
    combined = (data / "icd10se" / "icd10se_2022_combined.tsv").read_text(encoding="utf-8")
    for line in combined.split("\n")[1:]:
        if line.strip():
            code, title, _level, marking = line.split("\t")
            if rows.get(code) != (code, marking, _clean(title)):
                raise SystemExit(f"icd10se_2022_combined.tsv disagrees on {code}")
    _check("ICD-10-SE codes", len(rows), ICD_CODES)
    other_names: dict[str, list[str]] = {}
    for code, _marking, *names in ksh:
        match = _KSH_SAME_AS_ICD.match(code)
        if match and code.replace("-", "") in rows:
            other_names[code.replace("-", "")] = names
    result = []
    for code, marking, title in sorted(rows.values()):
        seen = {title.casefold()}
        extra = []
        for name in other_names.get(code, []):
            if name.casefold() not in seen:
                seen.add(name.casefold())
                extra.append(name)
        result.append([code, marking, title, *extra])
    return result


def _read_ksh(path: Path) -> list[tuple[str, str]]:
    lines = path.read_text(encoding="utf-8").split("\n")[1:]
    return [(code, _clean(title)) for code, title in (line.split("\t") for line in lines if line)]


def _read_ans(path: Path) -> list[tuple[str, str]]:
    lines = path.read_text(encoding="iso-8859-1").splitlines()
    return [(line[:6].strip(), _clean(line[7:])) for line in lines if line.strip()]


def convert_ksh97p(data: Path) -> list[list[str]]:
    folder = data / "ksh97p"
    codes = _read_ksh(folder / "KSH97P_KOD.utf8.tsv")
    alternatives = _read_ksh(folder / "KSH97P_SFAMALT.utf8.tsv")
    if codes != _read_ans(folder / "KSH97P_KOD.ANS"):
        raise SystemExit("KSH97P_KOD.utf8.tsv differs from KSH97P_KOD.ANS")
    if alternatives != _read_ans(folder / "KSH97P_SFAMALT.ANS"):
        raise SystemExit("KSH97P_SFAMALT.utf8.tsv differs from KSH97P_SFAMALT.ANS")
    names = {code: [title] for code, title in codes}
    _check("KSH97-P codes", len(names), KSH_CODES)
    for code, title in alternatives:
        if code not in names:
            raise SystemExit(f"KSH97P_SFAMALT has {code}, which KSH97P_KOD lacks")
        if title not in names[code]:
            names[code].append(title)
    without_dash = {code.replace("-", "") for code in names}
    _check("KSH97-P codes without their dash", len(without_dash), KSH_CODES)
    ordered = sorted(names.items(), key=lambda item: item[0].replace("-", ""))
    return [[code, "", *titles] for code, titles in ordered]


def _kod_list(items: Iterable[dict[str, Any]]) -> list[list[str]]:
    return [[item["kod"], _clean(item.get("beskrivning") or "")] for item in items]


def _icf_codes(section: dict[str, Any]) -> dict[str, list[str]]:
    """A FMB section's ICF codes: central, then complementary, each code once."""
    central = list(dict.fromkeys(item["kod"].strip() for item in section.get("centralkod") or []))
    complementary = [
        code
        for code in dict.fromkeys(
            item["kod"].strip() for item in section.get("kompletterandekod") or []
        )
        if code not in central
    ]
    return {"central": central, "kompletterande": complementary}


def _valid(attributes: dict[str, Any]) -> bool:
    status = (attributes.get("status") or {}).get("kod", "giltig")
    period = attributes.get("giltighetsperiod") or {}
    return bool(status == "giltig" and not period.get("slut"))


def convert_fmb(data: Path) -> dict[str, Any]:
    folder = data / "fmb"
    info = json.loads((folder / "FmdxInfoStubResponse.json").read_text(encoding="utf-8"))
    cases = json.loads((folder / "TypfallStubResponse.json").read_text(encoding="utf-8"))
    headings = []
    for item in info["data"]:
        attributes = item["attributes"]
        if not _valid(attributes):
            continue
        impairment = attributes.get("funktionsnedsattning") or {}
        limitation = attributes.get("aktivitetsbegransning") or {}
        sections = {
            "funktionsnedsattning": reflow(
                impairment.get("funktionsnedsattningsbeskrivning") or ""
            ),
            "aktivitetsbegransning": reflow(
                limitation.get("aktivitetsbegransningsbeskrivning") or ""
            ),
        }
        for key in ("informationomrehabilitering", "forsakringsmedicinskinformation"):
            sections[key] = html_to_text((attributes.get(key) or {}).get("markup") or "")
        sections["symtomprognosbehandling"] = html_to_text(
            (attributes.get("symtomprognosbehandling") or {}).get("markup") or ""
        )
        references = attributes.get("referens") or []
        headings.append(
            {
                "id": attributes["id"],
                "title": _clean(attributes["diagnosrubrik"]),
                "group": _clean(attributes["sjukdomsgrupp"]["kod"]["beskrivning"]),
                "updated": (attributes.get("senastuppdaterad") or "")[:10],
                "codes": _kod_list(attributes["diagnoskod"]),
                "sections": {key: text for key, text in sections.items() if text},
                "icf": {
                    "funktionsnedsattning": _icf_codes(impairment),
                    "aktivitetsbegransning": _icf_codes(limitation),
                },
                "reference": (
                    [_clean(references[0]["text"]), references[0]["uri"]] if references else None
                ),
            }
        )
    typical = []
    for item in cases["data"]:
        attributes = item["attributes"]
        if not _valid(attributes):
            continue
        recommended = attributes.get("rekommenderadsjukskrivning") or {}
        condition = attributes.get("fmbtillstand") or {}
        typical.append(
            {
                "id": attributes["id"],
                "codes": [code for code, _ in _kod_list(condition.get("diagnoskod") or [])],
                "sentence": _clean(attributes["typfallsmening"]),
                "recommendation": _clean(
                    recommended.get("typfalletsrekommenderadesjukskrivning") or ""
                ),
                "value": recommended.get("maximalsjukskrivningstid"),
                "unit": recommended.get("maximalsjukskrivningsenhet"),
                "grade": (recommended.get("maximalsjukskrivningsgrad") or {}).get(
                    "beskrivning", ""
                ),
            }
        )
    _check("FMB headings", len(headings), FMB_HEADINGS)
    _check("FMB codes", len({code for h in headings for code, _ in h["codes"]}), FMB_CODES)
    _check("FMB typical cases", len(typical), FMB_CASES)
    return {
        "source": "Socialstyrelsen, Försäkringsmedicinskt beslutsstöd (FMB), via Webcert's "
        "FmdxInfoStubResponse.json and TypfallStubResponse.json",
        "version": info["meta"]["version"],
        "built": info["meta"]["buildtimestamp"],
        "headings": headings,
        "typical_cases": typical,
    }


def convert_icf(data: Path) -> list[list[str]] | None:
    """The ICF rows (see the module docstring), or None when xlrd is not installed."""
    try:
        import xlrd  # a developer tool for this script only, see the module docstring
    except ImportError:
        return None
    book = xlrd.open_workbook(str(data / "icf" / ICF_FILE))
    sheet = book.sheet_by_name(ICF_SHEET)
    header = [_clean(str(sheet.cell_value(1, column))) for column in ICF_COLUMNS]
    if header != list(ICF_COLUMNS.values()):
        raise SystemExit(f"{ICF_FILE}: unexpected columns {header}")
    rows: dict[str, list[str]] = {}
    for number in range(2, sheet.nrows):
        cells = (str(sheet.cell_value(number, column)) for column in ICF_COLUMNS)
        code, *texts = (_clean_lines(cell) for cell in cells)
        if not code:
            continue  # a block row: "Övergripande psykiska funktioner (b110-b139)"
        if not _ICF_CODE.match(code) or not texts[0]:
            raise SystemExit(f"{ICF_FILE}, row {number + 1}: unexpected row {code!r}")
        row = [code, *texts]
        if rows.setdefault(code.lower(), row) != row:
            raise SystemExit(f"{ICF_FILE}: {code} occurs twice, differently")
    _check("ICF codes", len(rows), ICF_CODES)
    return list(rows.values())


def _check_fmb_icf(fmb: dict[str, Any], icf: list[list[str]]) -> None:
    known = {row[0] for row in icf}
    for heading in fmb["headings"]:
        for lists in heading["icf"].values():
            for code in (*lists["central"], *lists["kompletterande"]):
                if code not in known:
                    raise SystemExit(f"FMB {heading['title']!r}: ICF code {code} is not in ICF")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared/domain/data")
    parser.add_argument("--out", type=Path, default=HERE, help="where to write the resources")
    args = parser.parse_args(argv)
    data: Path = args.data
    out: Path = args.out
    header = ["kod", "markering", "titel", "andra namn…"]
    ksh = convert_ksh97p(data)
    _write_gzip(out / "ksh97p.tsv.gz", _tsv([header, *ksh]))
    icd = convert_icd10se(data, ksh)
    _write_gzip(out / "icd10se.tsv.gz", _tsv([header, *icd]))
    fmb = convert_fmb(data)
    text = json.dumps(fmb, ensure_ascii=False, separators=(",", ":"), indent=None)
    _write_gzip(out / "fmb.json.gz", text.encode("utf-8"))
    icf = convert_icf(data)
    if icf is None:
        print("icf.tsv.gz: not rebuilt, reading the .xls needs xlrd (pip install xlrd)")
    else:
        _check_fmb_icf(fmb, icf)
        _write_gzip(out / "icf.tsv.gz", _tsv([list(ICF_HEADER), *icf]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
