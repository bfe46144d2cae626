//! Titles of rank and address that stand before a name ("Insp Pell", "Mr Pell" are one
//! man), and the abbreviations of countries and bodies whose dots are spelling only.

/// Ranks and forms of address, with and without the abbreviation's point, beside the
/// offices of [`super::TITLES`]. Only words that are never part of a name themselves: not
/// "Major" (Major League) or "Lady" (Lady Gaga).
pub const RANKS: &[&str] = &[
    "chief inspector",
    "detective inspector",
    "detective sergeant",
    "chief superintendent",
    "inspector",
    "insp",
    "insp.",
    "detective",
    "det",
    "det.",
    "sergeant",
    "sgt",
    "sgt.",
    "superintendent",
    "supt",
    "supt.",
    "constable",
    "officer",
    "captain",
    "capt",
    "capt.",
    "lieutenant",
    "lt.",
    "colonel",
    "col.",
    "corporal",
    "cpl",
    "cpl.",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "professor",
    "rev.",
    "reverend",
    "sir",
    "dame",
    "spokesman",
    "spokeswoman",
    "spokesperson",
];

/// Abbreviations of countries and bodies, folded and without points: "U.S." and "US" are
/// one spelling of one name, while "P.J." and "PJ" before a surname are two spellings.
pub const PLACE_ABBREVIATIONS: &[&str] = &[
    "us", "usa", "uk", "un", "eu", "uae", "ussr", "dc", "nato", "fbi", "cia", "nypd", "lapd",
];
