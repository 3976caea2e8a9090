//! Numbers two corresponding passages disagree on.

use super::super::lexicon as lx;

/// A word's value as a number, and what follows it in the word: digits (with
/// `,` and `.` inside), number words and hyphenated ones (`forty-two` → 42,
/// `seven-hour` → 7 and `hour`, `18-hole` → 18 and `hole`). The word is in
/// lower case.
pub fn numeric(w: &str) -> Option<(f64, &str)> {
    let mut total: Option<f64> = None;
    let mut cut = 0;
    for part in w.split('-') {
        let digits = part.bytes().any(|c| c.is_ascii_digit())
            && part
                .bytes()
                .all(|c| c.is_ascii_digit() || c == b',' || c == b'.');
        let v = if digits {
            part.replace(',', "").parse::<f64>().ok()
        } else if part.bytes().all(|c| c.is_ascii_lowercase()) {
            lx::number_value(part).map(|v| v as f64)
        } else {
            None
        };
        let Some(v) = v else { break };
        total = Some(match total {
            Some(t) if v == 100.0 => t * 100.0,
            Some(t) => t + v,
            None => v,
        });
        cut += part.len() + 1;
    }
    total.map(|t| (t, w.get(cut.min(w.len())..).unwrap_or("")))
}

/// Words that name a span or point of time: two passages that differ in one
/// (`every month` / `every week`) disagree on when or how long.
const TIME_UNITS: &[&str] = &[
    "afternoon",
    "century",
    "day",
    "days",
    "decade",
    "decades",
    "evening",
    "hour",
    "hours",
    "minute",
    "minutes",
    "month",
    "months",
    "morning",
    "night",
    "second",
    "seconds",
    "week",
    "weeks",
    "year",
    "years",
];

/// Is the (lower-case) word a unit of time?
pub fn time_unit(w: &str) -> bool {
    TIME_UNITS.contains(&w)
}

/// The numbers a passage holds, in order (`$3,500` → 3500, `forty-two` → 42).
pub fn values(s: &str) -> Vec<f64> {
    s.split(|c: char| c.is_whitespace() || c == '$' || c == '(' || c == ')')
        .map(|w| {
            w.trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter_map(|w| numeric(&w).map(|n| n.0))
        .collect()
}

/// Do two passages hold the same numbers (`forty-two` / `42`)?
pub fn same_value(a: &str, b: &str) -> bool {
    let (x, y) = (values(a), values(b));
    !x.is_empty() && x == y
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_digits_are_numbers() {
        assert_eq!(numeric("forty-two"), Some((42.0, "")));
        assert_eq!(numeric("seven-hour"), Some((7.0, "hour")));
        assert_eq!(numeric("18-hole"), Some((18.0, "hole")));
        assert_eq!(numeric("3,500"), Some((3500.0, "")));
        assert_eq!(numeric("1.5"), Some((1.5, "")));
        assert_eq!(numeric("hour"), None);
        assert!(same_value("forty-two", "42"));
        assert!(!same_value("about 300", "more than 500"));
        assert_eq!(values("$3,500 and (seven)"), vec![3500.0, 7.0]);
    }
}
