"""Small sets of files in the ČSÚ codelist format, written for tests."""

from pathlib import Path

HEADERS = {
    "CIS0100": "KODJAZ;AKRCIS;KODCIS;CHODNOTA;ZKRTEXT;TEXT;ADMPLOD;ADMNEPO;CZNUTS;KOD_RUIAN;ZKRKRAJ",
    "CIS0101": "KODJAZ;AKRCIS;KODCIS;CHODNOTA;ZKRTEXT;TEXT;ADMPLOD;ADMNEPO;CZNUTS;OKRES_LAU;KRAJ_1960;KOD_RUIAN",
    "CIS0065": "KODJAZ,AKRCIS,KODCIS,CHODNOTA,ZKRTEXT,TEXT,ADMPLOD,ADMNEPO,KOD_RUIAN",
    "CIS0043": "KODJAZ;AKRCIS;KODCIS;CHODNOTA;ZKRTEXT;TEXT;ADMPLOD;ADMNEPO",
}
LINK_HEADER = "KODJAZ;TYPVAZ;AKRCIS1;KODCIS1;CHODNOTA1;TEXT1;AKRCIS2;KODCIS2;CHODNOTA2;TEXT2"

REGIONS = [  # code, short name, name, NUTS, RÚIAN
    ("3000", "Extra-Regio", "Extra-Regio", "CZZZZ", ""),
    ("3107", "Vysočina", "Kraj Vysočina", "CZ063", "108"),
    ("3131", "Zlínský kraj", "Zlínský kraj", "CZ072", "141"),
]
DISTRICTS = [  # code, name, NUTS, RÚIAN, region
    ("40002", "Extra-Regio", "CZZZZZ", "", "3000"),
    ("40762", "Žďár nad Sázavou", "CZ0635", "3714", "3107"),
    ("40703", "Havlíčkův Brod", "CZ0631", "3708", "3107"),
    ("40851", "Zlín", "CZ0724", "3705", "3131"),
]
ORPS = [("6114", "Žďár nad Sázavou", "6114"), ("6102", "Havlíčkův Brod", "6102"), ("7213", "Zlín", "1465")]
MUNICIPALITIES = [  # code, name, POU, POU name, ORP, district
    ("595209", "Žďár nad Sázavou", "61141", "Žďár nad Sázavou", "6114", "40762"),
    ("596230", "Nové Město na Moravě", "61142", "Nové Město na Moravě", "6114", "40762"),
    ("568414", "Havlíčkův Brod", "61021", "Havlíčkův Brod", "6102", "40703"),
    ("585068", "Zlín", "72131", "Zlín", "7213", "40851"),
    ("500011", "Želechovice nad Dřevnicí", "72131", "Zlín", "7213", "40851"),
]


def _q(value):
    return f'"{value}"' if value else ""


def lines(municipalities=MUNICIPALITIES):
    """The text of every file, by ČSÚ stem."""
    files = {
        "CIS0100": [HEADERS["CIS0100"]]
        + [
            f'"CS";"KRAJ_NUTS";100;"{c}";"{s}";"{n}";"01.01.2001";"09.09.9999";"{nuts}";{_q(r)};""'
            for c, s, n, nuts, r in REGIONS
        ],
        "CIS0101": [HEADERS["CIS0101"]]
        + [
            f'"CS";"OKRES_NUTS";101;"{c}";"{n}";"{n}";"01.01.2001";"09.09.9999";"{nuts}";"{nuts}";"";{_q(r)}'
            for c, n, nuts, r, _region in DISTRICTS
        ],
        "CIS0065": [HEADERS["CIS0065"]]
        + [f'"CS","CISORP",65,"{c}","{n}","{n}","01.01.2003","09.09.9999","{r}"' for c, n, r in ORPS],
        "CIS0043": [HEADERS["CIS0043"]]
        + [f'"CS";"CISOB";43;"{c}";"{n}";"{n}";"01.01.2003";"09.09.9999"' for c, n, *_ in municipalities],
        "VAZ0100_0101": [LINK_HEADER]
        + [
            f'"CS";"E";"KRAJ_NUTS";100;"{region}";"";"OKRES_NUTS";101;"{c}";"{n}"'
            for c, n, _nuts, _r, region in DISTRICTS
        ],
    }
    for stem, index, cis in (("VAZ0043_0061", 2, 61), ("VAZ0043_0065", 4, 65), ("VAZ0043_0101", 5, 101)):
        files[stem] = [LINK_HEADER] + [
            f'"CS";"E";"CISOB";43;"{m[0]}";"{m[1]}";"X";{cis};"{m[index]}";"{m[3] if index == 2 else ""}"'
            for m in municipalities
        ]
    return files


def write(directory, files=None, encoding="utf-8", prefix="csu_"):
    """Write the files into ``directory`` the way ČSÚ names them and return the directory."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    for stem, content in (files or lines()).items():
        (directory / f"{prefix}{stem}_CS.csv").write_bytes(("\n".join(content) + "\n").encode(encoding))
    return directory
