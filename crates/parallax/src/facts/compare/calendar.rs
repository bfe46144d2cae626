//! Days on the proleptic Gregorian calendar, counted from 1970-01-01, and the days a date
//! value or a relative time ("last week", "Tuesday") stands for, read against the article's
//! own date when it has one.

use crate::lexicon::{NUMBER_WORDS, TIME_UNITS, WEEKDAYS, lookup};

/// Days from 1970-01-01 to the given date (H. Hinnant's algorithm).
pub fn day(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The year, month and day of day `z`.
pub fn civil(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// The weekday of day `z`, 0 for Monday.
pub fn weekday(z: i64) -> u32 {
    // 1970-01-01 was a Thursday.
    (z + 3).rem_euclid(7) as u32
}

/// The first and last day of month `m` of year `y`.
pub fn month(y: i64, m: u32) -> (i64, i64) {
    let first = day(y, m, 1);
    let next = if m == 12 {
        day(y + 1, 1, 1)
    } else {
        day(y, m + 1, 1)
    };
    (first, next - 1)
}

/// The day an ISO value ("2026-01-17") names.
pub fn parse_iso(v: &str) -> Option<i64> {
    let mut parts = v.split('-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| day(y, m, d))
}

/// The weekday a name names, 0 for Monday.
pub fn weekday_of(name: &str) -> Option<u32> {
    let english = lookup(WEEKDAYS, &name.to_lowercase())?;
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ]
    .iter()
    .position(|w| *w == english)
    .map(|p| p as u32)
}

/// How many days a unit of time ("week", "month") lasts, roughly.
pub fn unit_days(unit: &str) -> Option<f64> {
    Some(match lookup(TIME_UNITS, unit)? {
        "second" => 1.0 / 86_400.0,
        "minute" => 1.0 / 1_440.0,
        "hour" => 1.0 / 24.0,
        "day" => 1.0,
        "week" => 7.0,
        "month" => 30.4,
        "year" => 365.25,
        "decade" => 3_652.5,
        "century" => 36_525.0,
        _ => return None,
    })
}

/// A count as a duration or "ago" value writes it: digits or a number word.
pub fn count(n: &str) -> Option<f64> {
    n.parse::<f64>()
        .ok()
        .or_else(|| lookup(NUMBER_WORDS, n).map(|v| v as f64))
        .or_else(|| matches!(n, "a" | "an").then_some(1.0))
}

/// The days a relative time names when the article is dated `today`: "yesterday", "last
/// week", "this month", "last year". `None` for words it does not place.
pub fn relative(words: &str, today: i64) -> Option<(i64, i64)> {
    let (y, m, _) = civil(today);
    let w = words
        .trim_start_matches("early ")
        .trim_start_matches("late ")
        .trim_start_matches("earlier ")
        .trim_start_matches("later ");
    let unit = w.rsplit(' ').next().unwrap_or(w);
    let which = w.split(' ').next().unwrap_or("");
    let day_span = |lo: i64, hi: i64| Some((today + lo, today + hi));
    match w {
        "today" | "tonight" | "heute" => return day_span(0, 0),
        "yesterday" | "gestern" => return day_span(-1, -1),
        "tomorrow" => return day_span(1, 1),
        "vorgestern" => return day_span(-2, -2),
        "übermorgen" => return day_span(2, 2),
        _ => {}
    }
    let this = matches!(which, "this" | "diese" | "dieses" | "diesen" | "dieser");
    let last = matches!(which, "last" | "past" | "previous")
        || which.starts_with("letzte")
        || which.starts_with("vergangene");
    let next = matches!(which, "next" | "coming")
        || which.starts_with("nächste")
        || which.starts_with("kommende");
    let step = if last {
        -1
    } else if next {
        1
    } else if this {
        0
    } else {
        return None;
    };
    match unit {
        "morning" | "evening" | "afternoon" if this => day_span(0, 0),
        "night" | "evening" if last => day_span(-1, 0),
        "week" | "woche" | "weekend" | "wochenende" => match step {
            0 => day_span(-6, 6),
            -1 => day_span(-13, -1),
            _ => day_span(1, 13),
        },
        "month" | "monat" => {
            let (yy, mm) = match (step, m) {
                (-1, 1) => (y - 1, 12),
                (-1, _) => (y, m - 1),
                (1, 12) => (y + 1, 1),
                (1, _) => (y, m + 1),
                _ => (y, m),
            };
            Some(month(yy, mm))
        }
        "year" | "jahr" | "spring" | "summer" | "fall" | "autumn" | "winter" => {
            let yy = y + step;
            Some((day(yy, 1, 1), day(yy, 12, 31)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2026, 1, 17), (1985, 12, 31)] {
            assert_eq!(civil(day(y, m, d)), (y, m, d));
        }
        // 2026-01-17 is a Saturday.
        assert_eq!(weekday(day(2026, 1, 17)), 5);
        assert_eq!(month(2024, 2), (day(2024, 2, 1), day(2024, 2, 29)));
    }

    #[test]
    fn relative_times_against_the_article_date() {
        let d = day(2026, 1, 17);
        assert_eq!(relative("today", d), Some((d, d)));
        assert_eq!(relative("last month", d), Some(month(2025, 12)));
        assert_eq!(
            relative("last year", d),
            Some((day(2025, 1, 1), day(2025, 12, 31)))
        );
        assert_eq!(relative("earlier this week", d), Some((d - 6, d + 6)));
        assert_eq!(relative("in recent days", d), None);
    }
}
