//! Measures: what each unit measures and its size in the base unit of that dimension, the
//! words that name an earthquake, and time zones. The fact comparer reads these to put two
//! measurements on one scale ("200m" and "200ft" are one distance, told two ways).

/// Units (as [`super::UNITS`] names them) with their dimension and their size in that
/// dimension's base unit: metres, kilograms, litres, watts, square metres, km/h, barrels.
/// Temperatures are not linear and are converted in code.
pub const UNIT_SCALES: &[(&str, &str, f64)] = &[
    ("km", "length", 1000.0),
    ("mile", "length", 1609.344),
    ("m", "length", 1.0),
    ("ft", "length", 0.3048),
    ("nmi", "length", 1852.0),
    ("cm", "length", 0.01),
    ("mm", "length", 0.001),
    ("inch", "length", 0.0254),
    ("kg", "mass", 1.0),
    ("g", "mass", 0.001),
    ("mg", "mass", 0.000_001),
    ("t", "mass", 1000.0),
    ("lb", "mass", 0.453_592_37),
    ("l", "volume", 1.0),
    ("gallon", "volume", 3.785_411_784),
    ("barrel", "oil", 1.0),
    ("barrel/day", "oil a day", 1.0),
    ("GW", "power", 1e9),
    ("MW", "power", 1e6),
    ("kW", "power", 1e3),
    ("acre", "area", 4_046.856_422_4),
    ("ha", "area", 10_000.0),
    ("km2", "area", 1e6),
    ("sq mile", "area", 2_589_988.110_336),
    ("km/h", "speed", 1.0),
    ("mph", "speed", 1.609_344),
    ("knot", "speed", 1.852),
    ("°C", "temperature", 1.0),
    ("°F", "temperature", 1.0),
    ("degree", "degrees", 1.0),
    // A multiple said in words ("doubled", "three times as many"): facts::ratios.
    ("times", "times", 1.0),
];

/// The dimension of `unit` (as [`super::UNITS`] names it) and its size in that dimension's
/// base unit, if [`UNIT_SCALES`] has it.
pub fn unit_scale(unit: &str) -> Option<(&'static str, f64)> {
    (UNIT_SCALES.iter())
        .find(|(name, _, _)| *name == unit)
        .map(|&(_, dimension, size)| (dimension, size))
}

/// What each dimension is called when a flag names it.
pub const DIMENSION_NAMES: &[(&str, &str)] = &[
    ("length", "Distance"),
    ("mass", "Weight"),
    ("volume", "Volume"),
    ("oil", "Oil"),
    ("oil a day", "Oil a day"),
    ("power", "Power"),
    ("area", "Area"),
    ("speed", "Speed"),
    ("temperature", "Temperature"),
    ("degrees", "Degrees"),
    ("times", "How many times over"),
];

/// Nouns for an earthquake, and which shock each names: an aftershock is not the main
/// quake, so their magnitudes are two slots.
pub const QUAKE_WORDS: &[(&str, &str)] = &[
    ("earthquake", "quake"),
    ("earthquakes", "quake"),
    ("quake", "quake"),
    ("quakes", "quake"),
    ("tremor", "quake"),
    ("tremors", "quake"),
    ("temblor", "quake"),
    ("mainshock", "quake"),
    ("shock", "quake"),
    ("aftershock", "aftershock"),
    ("aftershocks", "aftershock"),
    ("foreshock", "foreshock"),
    ("foreshocks", "foreshock"),
    ("erdbeben", "quake"),
    ("beben", "quake"),
    ("nachbeben", "aftershock"),
];

/// Time zones after a time of day, and their offset from UTC in minutes where it is fixed.
/// Zones whose offset changes with the season ("ET", "UK") have none: two times in one such
/// zone still compare, a time there and one elsewhere do not.
pub const TIME_ZONES: &[(&str, Option<i32>)] = &[
    ("gmt", Some(0)),
    ("utc", Some(0)),
    ("z", Some(0)),
    ("bst", Some(60)),
    ("cet", Some(60)),
    ("cest", Some(120)),
    ("eet", Some(120)),
    ("est", Some(-300)),
    ("edt", Some(-240)),
    ("cst", Some(-360)),
    ("cdt", Some(-300)),
    ("mst", Some(-420)),
    ("mdt", Some(-360)),
    ("pst", Some(-480)),
    ("pdt", Some(-420)),
    ("wib", Some(420)),
    ("wita", Some(480)),
    ("wit", Some(540)),
    ("jst", Some(540)),
    ("kst", Some(540)),
    ("hkt", Some(480)),
    ("sgt", Some(480)),
    ("ist", Some(330)),
    ("aest", Some(600)),
    ("aedt", Some(660)),
    ("msk", Some(180)),
    ("et", None),
    ("ct", None),
    ("mt", None),
    ("pt", None),
    ("uk", None),
    ("local", None),
    ("local time", None),
    ("mez", Some(60)),
    ("mesz", Some(120)),
    ("ortszeit", None),
];
