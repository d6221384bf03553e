"""Complete, valid content per type as filled in on 2026-11-27; second samples take the other
branches. Each function returns a fresh dict."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.models.definitions.types.helpers import UNIT

Content = dict[str, Any]

#: Birth dates that go with the samples (the patient's personnummer).
DB_BIRTH = dt.date(1941, 3, 8)
DOI_BIRTH = dt.date(1948, 7, 19)
TS_DIABETES_BIRTH = dt.date(1979, 5, 2)


def fk7804() -> Content:
    """Depression: full sick leave, then half time, so question 33 shows."""
    return {
        "1": {"FYSISKUNDERSOKNING": "2026-11-27", "JOURNALUPPGIFTER": "2026-11-20"},
        "28": ["NUVARANDE_ARBETE"],
        "29": "Undersköterska på särskilt boende: patientnära omvårdnad, tunga lyft, skiftarbete.",
        "6": [{"code": "F32.1", "text": "Medelsvår depressiv episod"}],
        "35": "Nedstämdhet, uttalad trötthet och koncentrationssvårigheter. MADRS-S 28 poäng. "
        "Psykomotoriskt långsam vid undersökningen.",
        "17": "Orkar inte ett helt arbetspass och klarar inte att planera omvårdnaden för flera "
        "boende samtidigt; svårt att hålla fokus vid överrapportering.",
        "19": "Sertralin 50 mg sedan 2026-11-13. KBT-kontakt via vårdcentralens psykolog.",
        "32": {
            "HELT_NEDSATT": {"from": "2026-11-27", "to": "2026-12-13"},
            "HALFTEN": {"from": "2026-12-14", "to": "2027-01-10"},
        },
        "33": False,
        "39": "STOR_SANNOLIKHET",
        "25": "Återbesök planerat i vecka 51.",
        **UNIT,
    }


def fk7804_smittbarare() -> Content:
    """Smittbärarpenning: only diagnosis, periods and Övrigt remain."""
    return {
        "27": True,
        "6": [{"code": "A02.0", "text": "Salmonellaenterit"}],
        "32": {"HELT_NEDSATT": {"from": "2026-11-25", "to": "2026-12-09"}},
        "25": "Arbetar som kock; avstängd enligt smittskyddsläkarens förhållningsregler.",
        **UNIT,
    }


def _underlag(kind: str, date: str, info: str) -> dict[str, str]:
    return {"type": kind, "date": date, "info": info}


def _fk_medical_report(underlag_type: str) -> Content:
    """The parts luse and luae_na share."""
    return {
        "1": {"UNDERSOKNING": "2026-11-20", "JOURNALUPPGIFTER": "2026-11-27"},
        "2": "2019-04-02",
        "3": True,
        "4": [_underlag(underlag_type, "2026-10-15", "Rehabenheten, Småmåla vårdcentral")],
        "6": [
            {"code": "M79.7", "text": "Fibromyalgi"},
            {"code": "F33.1", "text": "Recidiverande depression, medelsvår episod"},
        ],
        "7": "Fibromyalgi fastställd 2019 av reumatolog, Länssjukhuset. Depression sedan 2015, "
        "Småmåla vårdcentral.",
        "45": False,
        "5": "Generaliserad smärta sedan 2017, successivt försämrad trots multimodal "
        "rehabilitering 2021. Återkommande depressiva episoder.",
        "9": "Nedsatt initiativförmåga och uthållighet; måttlig funktionsnedsättning.",
        "12": "Smärta i nacke, skuldror och ländrygg, ömhet i 16 av 18 punkter; stor "
        "funktionsnedsättning.",
        "17": "Klarar inte att sitta eller stå mer än 20 minuter i taget, kan inte lyfta mer än "
        "några kilo och orkar inte delta i aktiviteter mer än en timme per dag.",
        "19": "Duloxetin 60 mg dagligen, sjukgymnastik varannan vecka.",
        "22": "Bedömer inte att förutsättningarna för arbete förbättras; prövat flera "
        "insatser utan effekt.",
        **UNIT,
    }


def luse() -> Content:
    return _fk_medical_report("FYSIOTERAPEUT")


def luse_without_examination() -> Content:
    """Based on records and a relative only, with contact wanted and a revised diagnosis."""
    content = luse()
    content.update(
        {
            "1": {
                "JOURNALUPPGIFTER": "2026-11-27",
                "ANHORIG": "2026-11-25",
                "ANNAT": "2026-11-26",
            },
            "1.3": "Telefonsamtal med patientens arbetsterapeut.",
            "1.M": "Patienten vårdas inneliggande på annan ort.",
            "2": "2019-04-02",
            "3": False,
            "45": True,
            "45.2": "Depressionen bör klassas som recidiverande.",
            "26": True,
            "26.2": "Vill diskutera tidigare utredningar med handläggaren.",
        }
    )
    del content["4"]
    return content


def luae_na() -> Content:
    content = _fk_medical_report("SKOLHALSOVARD")
    content["24"] = "Behöver fortsatt stöd av arbetsterapeut vid arbetsträning."
    return content


def luae_na_without_examination() -> Content:
    return {**luse_without_examination(), "24": "Arbetsträning i skyddad miljö bör prövas."}


def luae_fs() -> Content:
    return {
        "1": {"UNDERSOKNING": "2026-11-20", "ANHORIG": "2026-11-20"},
        "2": "2010-08-16",
        "3": True,
        "4": [
            _underlag("NEUROPSYKIATRISKT", "2024-03-11", "BUP, Länssjukhuset"),
            _underlag("SKOLHALSOVARD", "2026-09-01", "Elevhälsan, Småmåla gymnasieskola"),
        ],
        "6": [{"code": "F84.0", "text": "Autism i barndomen"}],
        "15": "Svårigheter med socialt samspel och kommunikation, begränsad flexibilitet.",
        "16": "Skolgången förlängs ett år på grund av funktionsnedsättningen; behöver "
        "anpassad studiegång med liten grupp.",
        **UNIT,
    }


_TS_NO = [
    *("3", "4", "5", "6", "7", "10", "12", "14", "15", "16", "17", "20", "21", "22"),
    *("23", "24", "25.1", "25.2", "26.1", "27", "28", "29", "30", "31"),
]


def ts_bas() -> Content:
    """Renewal of a heavy truck licence (C, CE): everything Nej."""
    return {
        "1": ["IAV3", "IAV4"],
        "2": "IDK3",
        **dict.fromkeys(_TS_NO, False),
        "8": {
            "hoger": {"utan": 0.8, "med": 1.0},
            "vanster": {"utan": 0.6, "med": 1.0},
            "binokulart": {"utan": 0.8, "med": 1.0},
        },
        "45": ["VAR3", "VAR4"],
        **UNIT,
    }


def ts_bas_persontransport() -> Content:
    """Bus and taxi (D, Taxi), so 11 and 13 show; several Ja answers with their details."""
    content = ts_bas()
    content.update(
        {
            "1": ["IAV7", "IAV9"],
            "8": {
                "hoger": {"utan": 0.3, "med": 0.9, "kontaktlinser": True},
                "vanster": {"utan": 0.4, "med": 1.0, "kontaktlinser": True},
                "binokulart": {"utan": 0.4, "med": 1.0},
            },
            "11": False,
            "13": False,
            "16": True,
            "16.1": "Förmaksflimmer, behandlat med apixaban.",
            "17": True,
            "18": "DIABETES_TYP_2",
            "19": ["kost"],
            "21": True,
            "21.1": "Synkope 2019 i samband med gastroenterit, ingen recidiv.",
            "25.2": True,
            "25.3": False,
            "30": True,
            "30.2": "Mars 2024",
            "30.3": "Länssjukhuset, kardiologkliniken",
            "30.4": "Elkonvertering av förmaksflimmer",
            "31": True,
            "31.2": "Apixaban 5 mg x 2, metoprolol 50 mg x 1.",
            "45": ["VAR7", "VAR9"],
        }
    )
    return content


def ts_diabetes() -> Content:
    """Type 2 diabetes on metformin, car licence only: no hypoglycaemia questions."""
    return {
        "1": ["IAV15"],
        "2": "IDK1",
        "205": "VN1",
        "35": 2016,
        "18": "TYP2",
        "207": True,
        "208": False,
        "206": False,
        "33": ["VAR16"],
        **UNIT,
    }


def ts_diabetes_insulin() -> Content:
    """Type 1 on insulin, car and truck (the whole hypoglycaemia block); after a severe
    hypoglycaemia in March the doctor supports the car licence only."""
    return {
        "1": ["IAV15", "IAV3"],
        "2": "IDK3",
        "205": "VN2",
        "35": 1998,
        "18": "TYP1",
        "207": True,
        "208": True,
        "209": ["209.1"],
        "210": "1998-06-01",
        "200": True,
        "201": True,
        "110": True,
        "202": True,
        "106": True,
        "106.2": "2026-03-14",
        "106.3": True,
        "106.5": False,
        "107": False,
        "203": True,
        "203.2": "2026-03-14",
        "204": True,
        "206": True,
        "206.2": "Lätt bakgrundsretinopati utan synpåverkan.",
        "33": ["VAR16"],
        **UNIT,
    }


def ag114() -> Content:
    """Acute low back pain, full sick leave for ten days."""
    return {
        "10": {"FYSISKUNDERSOKNING": "2026-11-27"},
        "1": "Lagerarbetare: truckkörning, plock och tunga lyft.",
        "3": True,
        "4": [{"code": "M54.5", "text": "Lumbago"}],
        "5": "Kan inte lyfta eller sitta i truck på grund av smärta i ländryggen.",
        "6": False,
        "7": 100,
        "7.2": {"from": "2026-11-27", "to": "2026-12-06"},
        **UNIT,
    }


def ag114_partial() -> Content:
    """Partial sick leave, no diagnosis to the employer, contact wanted."""
    content = ag114()
    content.update(
        {
            "10": {"TELEFONKONTAKT": "2026-11-26", "ANNAT": "2026-11-25"},
            "10.3": "Intyg från sjukgymnast",
            "3": False,
            "6": True,
            "6.2": "Kan utföra lätta administrativa uppgifter halva dagen.",
            "7": 50,
            "7.2": {"from": "2026-11-26", "to": "2026-12-09"},
            "9": True,
            "9.2": "Kontakta mig för att diskutera anpassade arbetsuppgifter, tel 0123-456 17.",
        }
    )
    del content["4"]
    return content


def ag7804() -> Content:
    """As the FK7804 sample, with the diagnosis passed on to the employer."""
    return {
        "1": {"FYSISKUNDERSOKNING": "2026-11-27"},
        "28": ["NUVARANDE_ARBETE"],
        "29": "Butikssäljare, stående arbete och kassatjänst.",
        "100": True,
        "6": [{"code": "F43.8A", "text": "Utmattningssyndrom"}],
        "35": "Kognitiv trötthet, minnesstörning och sömnstörning sedan september.",
        "17": "Klarar inte kassaarbete eller kundkontakt under en hel dag.",
        "32": {
            "HELT_NEDSATT": {"from": "2026-11-27", "to": "2026-12-20"},
            "TRE_FJARDEDEL": {"from": "2026-12-21", "to": "2027-01-17"},
        },
        "33": True,
        "33.2": "Behöver återhämtning varje dag; kortare dagar ger bättre förutsättningar.",
        "39": "ATER_X_ANTAL_MANADER",
        "39.4": 3,
        "103": True,
        "103.2": "Ring mig för avstämning om arbetsanpassning, helst tisdagar.",
        **UNIT,
    }


def ag7804_smittbarare() -> Content:
    return {
        "27": True,
        "100": True,
        "6": [{"code": "Z22.1", "text": "Bärare av andra patogena tarmbakterier"}],
        "32": {"HELT_NEDSATT": {"from": "2026-11-27", "to": "2026-12-11"}},
        **UNIT,
    }


def db() -> Content:
    """Expected death in a nursing home; pacemaker removed."""
    return {
        "1": "Känd av personalen",
        "2": True,
        "2.2": "2026-11-26",
        "3.1": "Växjö",
        "3.2": "SARSKILT_BOENDE",
        "4": False,
        "5": True,
        "5.2": True,
        "6": "JA",
        "7": False,
        **UNIT,
    }


def db_uncertain() -> Content:
    """Found dead at home, death date only known to the month; examined shortly before."""
    return {
        "1": "Körkort",
        "2": False,
        "2.2.1": "2026-11-00",
        "2.3": "2026-11-24",
        "3.1": "Växjö",
        "3.2": "ORDINART_BOENDE",
        "4": False,
        "5": False,
        "6": "UNDERSOKNING_GJORT_KORT_FORE_DODEN",
        "6.3": "2026-11-10",
        "7": False,
        **UNIT,
    }


def doi() -> Content:
    """Myocardial infarction in hospital, with a chain of causes and a contributing disease."""
    return {
        "1": "Körkort",
        "2": True,
        "2.2": "2026-11-25",
        "3.1": "Växjö",
        "3.2": "SJUKHUS",
        "4": False,
        "8": {
            "description": "Akut hjärtinfarkt",
            "debut": "2026-11-25",
            "specification": "PLOTSLIG",
        },
        "9": [
            {
                "description": "Aterosklerotisk hjärtsjukdom",
                "debut": "2015-03-01",
                "specification": "KRONISK",
            },
            {"description": "Hyperlipidemi", "debut": "2009-01-15", "specification": "KRONISK"},
        ],
        "10": [{"description": "Diabetes mellitus typ 2", "specification": "KRONISK"}],
        "11": "NEJ",
        "12": False,
        "13": ["UNDERSOKNING_FORE_DODEN", "KLINISK_OBDUKTION"],
        **UNIT,
    }


def doi_injury() -> Content:
    """A fall at home, found dead: uncertain death date, recent operation, an accident."""
    return {
        "14": "Norge",
        "1": "Pass",
        "2": False,
        "2.2.1": "2026-11-00",
        "2.3": "2026-11-24",
        "3.1": "Växjö",
        "3.2": "ORDINART_BOENDE",
        "4": False,
        "8": {"description": "Lungemboli", "debut": "2026-11-20", "specification": "PLOTSLIG"},
        "9": [{"description": "Kollumfraktur", "debut": "2026-11-02"}],
        "11": "JA",
        "11.2": "2026-11-03",
        "11.3": "Kollumfraktur vänster sida",
        "12": True,
        "12.2": "OLYCKSFALL",
        "12.3": "2026-11-02",
        "12.4": "Föll i trappan i hemmet.",
        "13": ["UNDERSOKNING_EFTER_DODEN", "RATTSMEDICINSK_OBDUKTION"],
        **UNIT,
    }
