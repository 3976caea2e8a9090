//! Quantities two passages that tell one fact give: a value (digits or number
//! words, `3.5 million`), what it counts or measures (the noun after it, a
//! unit, `$`, `percent`, the `hour` of `seven-hour`), and a hedge (`nearly`,
//! `at least`, `more than`) that widens it to a range. Two passages conflict
//! when they give the same kind of quantity values whose ranges cannot meet
//! (`nearly 50 people` / `at least 70 people`), or name different days of
//! the week for one event. One value written two ways is not a conflict:
//! `three` / `3`, `3-1` / `three-to-one`, `1 in 3` / `one-in-three`, pounds /
//! the same weight in kilograms, approximate figures that agree.

use super::numbers::numeric;
use crate::annotate::lexicon as lx;

/// A quantity: the range its value may have, what it counts, and its words.
#[derive(Debug, Clone, PartialEq)]
struct Quantity {
    low: f64,
    high: f64,
    /// How far off a value may be and still agree (rounding).
    tolerance: f64,
    unit: String,
    words: String,
}

/// Prepositions of place and span the lexicon's list leaves out: they end
/// what a number counts (`12 dead across the towns`).
const PLACE_WORDS: &[&str] = &[
    "across",
    "against",
    "along",
    "among",
    "around",
    "behind",
    "beside",
    "between",
    "beyond",
    "into",
    "throughout",
    "toward",
    "towards",
    "within",
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Words that scale the number before them.
fn scale(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "mln" => 1e6,
        "billion" | "bln" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// Units written several ways, and a factor to a common one.
fn unit_of(w: &str) -> Option<(&'static str, f64)> {
    Some(match w {
        "%" | "percent" | "pct" => ("percent", 1.0),
        "$" | "dollar" | "dollars" | "usd" => ("$", 1.0),
        "lb" | "lbs" | "pound" | "pounds" => ("kg", 0.453_592),
        "kg" | "kilogram" | "kilograms" | "kilo" | "kilos" => ("kg", 1.0),
        "mile" | "miles" => ("km", 1.609_344),
        "km" | "kilometer" | "kilometers" | "kilometre" | "kilometres" => ("km", 1.0),
        "foot" | "feet" | "ft" => ("m", 0.3048),
        "meter" | "meters" | "metre" | "metres" => ("m", 1.0),
        _ => return None,
    })
}

/// Words after a number that say nothing of what it counts.
const FILLER: &[&str] = &[
    "of",
    "the",
    "a",
    "an",
    "more",
    "other",
    "new",
    "local",
    "additional",
    "some",
    "about",
    "in",
    "and",
    "or",
    "to",
    "for",
    "than",
    "who",
    "that",
    "were",
    "are",
    "have",
    "had",
];

/// What a word says of a count of people: the dead or the hurt.
fn casualty(w: &str) -> Option<&'static str> {
    match w {
        "killed" | "killing" | "kill" | "kills" | "dead" | "died" | "die" | "death" | "deaths"
        | "fatalities" | "lives" => Some("dead"),
        "injured" | "injuring" | "injuries" | "wounded" | "wounding" | "hurt" => Some("injured"),
        _ => None,
    }
}

/// A noun's singular, near enough to match `worker` with `workers`.
fn singular(w: &str) -> String {
    if let Some(s) = w.strip_suffix("ies")
        && s.len() > 2
    {
        return format!("{s}y");
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// A word of a passage, lower case, and whether a comma, full stop or other
/// mark ends it (`$` and `%` are words of their own).
struct Word {
    w: String,
    ends: bool,
}

fn words(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    for raw in text.split_whitespace() {
        let ends = raw.ends_with([',', ';', ':', ')', '(', '.', '?', '!']);
        let money = |c: char| matches!(c, '$' | '£' | '€');
        let mut w = raw.trim_matches(|c: char| !c.is_alphanumeric() && !money(c) && c != '%');
        if let Some(c) = w.chars().next().filter(|&c| money(c)) {
            out.push(Word {
                w: c.to_string(),
                ends: false,
            });
            w = &w[c.len_utf8()..];
        }
        // `4.2m`, `1.5bn`, `30k`: a number and its scale.
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w[digits.len()..];
        let scale_word = match suffix.to_ascii_lowercase().as_str() {
            "m" | "mn" => Some("million"),
            "bn" | "b" => Some("billion"),
            "k" => Some("thousand"),
            _ => None,
        };
        if let Some(sw) = scale_word.filter(|_| {
            !digits.is_empty()
                && digits
                    .bytes()
                    .all(|c| c.is_ascii_digit() || c == b'.' || c == b',')
        }) {
            out.push(Word {
                w: digits.to_string(),
                ends: false,
            });
            out.push(Word {
                w: sw.to_string(),
                ends,
            });
            continue;
        }
        let pct = w.ends_with('%');
        let w = w.trim_end_matches('%');
        if !w.is_empty() {
            out.push(Word {
                w: w.to_lowercase(),
                ends: ends && !pct,
            });
        }
        if pct {
            out.push(Word {
                w: "%".into(),
                ends,
            });
        }
    }
    out
}

/// Words that make a value approximate.
const APPROX: &[&str] = &[
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "estimated",
];

/// The hedge before word `k` and how it widens a value: (low, high) factors.
fn hedge(ws: &[Word], k: usize) -> (f64, f64, &'static str) {
    let at = |d: usize| {
        k.checked_sub(d)
            .and_then(|i| ws.get(i))
            .map(|w| w.w.as_str())
    };
    match (at(2), at(1)) {
        (Some("more" | "greater"), Some("than")) => (1.0, f64::INFINITY, "more than"),
        (Some("at"), Some("least")) => (1.0, f64::INFINITY, "at least"),
        (Some("fewer" | "less"), Some("than")) => (0.0, 1.0, "fewer than"),
        (Some("up"), Some("to")) | (Some("at"), Some("most")) => (0.0, 1.0, "up to"),
        (Some("as"), Some("many" | "much")) => (0.9, 1.0, "as many as"),
        (_, Some("over" | "exceeding")) => (1.0, f64::INFINITY, "over"),
        (_, Some("under" | "below")) => (0.0, 1.0, "under"),
        (_, Some("nearly" | "almost")) => (0.8, 1.0, "nearly"),
        // The value itself, give or take rounding (the tolerance `about` gets).
        (_, Some(w)) if APPROX.contains(&w) => (
            1.0,
            1.0,
            APPROX[APPROX.iter().position(|a| *a == w).unwrap_or(0)],
        ),
        _ => (1.0, 1.0, ""),
    }
}

const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

/// A number at word `k` (`$` before it aside) with the scale words after it
/// (`3.5 million`): its value, whether it is round (`300`, `40 million`,
/// `fifty`: likely rounded), and the word after it.
fn number_at(ws: &[Word], k: usize) -> Option<(f64, bool, &str, usize)> {
    let (v, rest) = numeric(&ws[k].w)?;
    let mut value = v;
    let mut end = k + 1;
    let digits = ws[k].w.replace(',', "");
    let mut round = !digits.bytes().any(|c| c.is_ascii_digit())
        || digits
            .split('.')
            .next()
            .is_some_and(|i| i.len() >= 3 && i.ends_with("00"));
    while !ws[end - 1].ends {
        let Some(s) = ws.get(end).and_then(|w| scale(&w.w)) else {
            break;
        };
        value *= s;
        end += 1;
        round |= !digits.contains('.');
    }
    Some((value, round, rest, end))
}

/// A time of day at word `k` (`9 a.m.`, `10pm`, `9:30 PM`), in hours after
/// midnight, widened by `shortly before` / `just after` to the twenty
/// minutes they mean; and the word after it.
fn time_at(ws: &[Word], k: usize) -> Option<(Quantity, usize)> {
    let w = ws[k].w.as_str();
    let (clock, mut mark, mut end) = match w.find(|c: char| c.is_ascii_alphabetic()) {
        Some(i) => (&w[..i], &w[i..], k + 1),
        None => (w, ws.get(k + 1).map_or("", |n| n.w.as_str()), k + 2),
    };
    let pm = match mark.replace('.', "").as_str() {
        "am" => false,
        "pm" => true,
        _ => return None,
    };
    if !w.ends_with(|c: char| c.is_ascii_alphabetic()) && ws[k].ends {
        return None;
    }
    let (h, m) = clock.split_once(':').unwrap_or((clock, "0"));
    let (h, m): (f64, f64) = (h.parse().ok()?, m.parse().ok()?);
    if !(1.0..=12.0).contains(&h) || !(0.0..60.0).contains(&m) || h.fract() != 0.0 {
        return None;
    }
    let t = h % 12.0 + if pm { 12.0 } else { 0.0 } + m / 60.0;
    let at = |d: usize| k.checked_sub(d).map(|i| ws[i].w.as_str());
    let near = matches!(at(2), Some("shortly" | "just"));
    let (low, high, hedge) = match at(1) {
        Some("after") if near => (t, t + 1.0 / 3.0, "shortly after "),
        Some("before") if near => (t - 1.0 / 3.0, t, "shortly before "),
        _ => (t, t, ""),
    };
    mark = if ws.get(k + 1).is_some_and(|n| n.w == mark) {
        mark
    } else {
        ""
    };
    let words = format!("{hedge}{w}{}{mark}", if mark.is_empty() { "" } else { " " });
    end = end.min(ws.len());
    Some((
        Quantity {
            low,
            high,
            tolerance: 0.0,
            unit: "time of day".into(),
            words,
        },
        end,
    ))
}

/// The quantities a passage gives.
fn quantities(text: &str) -> Vec<Quantity> {
    let ws = words(text);
    let mut out = Vec::new();
    let mut k = 0;
    while k < ws.len() {
        if let Some((q, end)) = time_at(&ws, k) {
            out.push(q);
            k = end;
            continue;
        }
        let Some((mut low, round, rest, mut end)) = number_at(&ws, k) else {
            k += 1;
            continue;
        };
        // Scores and ratios (`3-1`, `three-to-one`, `1 in 3`) are not counts.
        if ratio(&ws[k].w) {
            k += 1;
            continue;
        }
        let is = |i: usize, set: &[&str]| ws.get(i).is_some_and(|w| set.contains(&w.w.as_str()));
        let num = |i: usize| ws.get(i).is_some_and(|w| numeric(&w.w).is_some());
        if !ws[k].ends
            && is(k + 1, &["in", "out", "of"])
            && (num(k + 2) || is(k + 2, &["of"]) && num(k + 3))
        {
            k += 3;
            continue;
        }
        // `one of the symptoms`: a part of a whole, not a count of it.
        if !ws[k].ends && is(k + 1, &["of"]) {
            k += 2;
            continue;
        }
        let dollar = k > 0 && matches!(ws[k - 1].w.as_str(), "$" | "£" | "€");
        let from = if dollar { k - 1 } else { k };
        let (lo, hi, h) = hedge(&ws, from);
        let mut high = low;
        // A range: `between 3 and 5`, `from $54 million to $56 million`, `3 to 5`.
        let joined =
            is(end, &["to"]) || is(end, &["and"]) && from > 0 && ws[from - 1].w == "between";
        if joined && !ws[end - 1].ends {
            let next = end + 1 + usize::from(is(end + 1, &["$", "£", "€"]));
            if let Some((v, _, "", e)) = (next < ws.len()).then(|| number_at(&ws, next)).flatten() {
                (low, high) = (low.min(v), low.max(v));
                end = e;
            }
        }
        let year = (1900.0..2100.0).contains(&low)
            && low.fract() == 0.0
            && !ws[k].w.contains(',')
            && high == low;
        let month = from > 0 && is(from - 1, MONTHS);
        let age =
            from > 0 && ws[from - 1].ends && ws[end - 1].ends && low < 120.0 && low.fract() == 0.0;
        let mut shown_end = end;
        let (unit, factor) = if dollar {
            (ws[k - 1].w.clone(), 1.0)
        } else if !rest.is_empty() {
            (singular(rest), 1.0)
        } else if month && low <= 31.0 {
            (format!("day of {}", &ws[from - 1].w[..3]), 1.0)
        } else if age && rest.is_empty() {
            ("age".to_string(), 1.0)
        } else if !ws[end - 1].ends && is(end, &["per"]) && is(end + 1, &["cent"]) {
            end += 2;
            shown_end = end;
            ("percent".to_string(), 1.0)
        } else if let Some((u, f)) = (!ws[end - 1].ends)
            .then(|| ws.get(end).and_then(|w| unit_of(&w.w)))
            .flatten()
        {
            end += 1;
            shown_end = end;
            (u.to_string(), f)
        } else {
            // What is counted: the run of content words after the number
            // (`65 probable cases`, `50 people died`), within its clause;
            // two quantities count the same when their runs share a word.
            let mut noun = None;
            let mut first = None;
            for i in end..ws.len().min(end + 3) {
                if ws[i - 1].ends || numeric(&ws[i].w).is_some() {
                    break;
                }
                let w = ws[i].w.as_str();
                let content = !FILLER.contains(&w)
                    && !lx::is_stop(w)
                    && !lx::is_auxiliary(w)
                    && !lx::is_preposition(w)
                    && !PLACE_WORDS.contains(&w)
                    && w.chars().all(char::is_alphabetic);
                match (content, noun) {
                    (true, _) => {
                        first = first.or(Some(i));
                        noun = Some(i);
                    }
                    (false, Some(_)) => break,
                    (false, None) => {}
                }
            }
            match (first, noun) {
                (Some(f), Some(i)) => {
                    shown_end = i + 1;
                    let run: Vec<String> = ws[f..=i].iter().map(|w| singular(&w.w)).collect();
                    (run.join(" "), 1.0)
                }
                _ => (String::new(), 1.0),
            }
        };
        // Counts of the dead and the hurt, however told: `killing 12`,
        // `15 people were killed`, `12 dead`, `fifteen deaths`.
        let mut unit = unit;
        if !dollar && !month {
            let before = from.checked_sub(1).map(|i| ws[i].w.as_str());
            let after = (end..ws.len().min(end + 5))
                .take_while(|&i| !ws[i - 1].ends)
                .map(|i| ws[i].w.as_str());
            let near: Vec<&str> = before
                .into_iter()
                .chain(after)
                .chain(unit.split(' '))
                .collect();
            if let Some(tag) = near.iter().find_map(|w| casualty(w)) {
                unit = if unit.is_empty() {
                    tag.to_string()
                } else {
                    format!("{unit} {tag}")
                };
            }
        }
        // A year (`in 2012`) or a bare number says nothing to compare.
        if unit.is_empty() || year && !dollar && rest.is_empty() && !month {
            k = end;
            continue;
        }
        let mut shown: Vec<&str> = Vec::new();
        if !h.is_empty() {
            shown.push(h);
        }
        if month {
            shown.push(&ws[from - 1].w);
        }
        shown.extend(ws[from..shown_end].iter().map(|w| w.w.as_str()));
        // A converted unit (`30 miles` / `50 km`) is as rounded as a round value.
        let tolerance = if round || factor != 1.0 || APPROX.contains(&h) {
            0.05
        } else {
            0.005
        };
        out.push(Quantity {
            low: low * factor * lo,
            high: high * factor * hi,
            tolerance,
            unit,
            words: shown
                .join(" ")
                .replace("$ ", "$")
                .replace("£ ", "£")
                .replace("€ ", "€")
                .replace(" %", "%"),
        });
        k = end;
    }
    out
}

/// The numbers of a passage in order: where each stands in `ws` and its
/// values. A score or ratio (`3-1`, `three-to-one`, `1 in 3`) is one entry
/// of two values.
fn numbers_in_order(ws: &[Word]) -> Vec<(std::ops::Range<usize>, Vec<f64>)> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < ws.len() {
        let Some((v, _, _, end)) = number_at(ws, k) else {
            k += 1;
            continue;
        };
        let is = |i: usize, set: &[&str]| ws.get(i).is_some_and(|w| set.contains(&w.w.as_str()));
        if ratio(&ws[k].w) {
            let parts = ws[k].w.split('-').filter_map(|p| numeric(p).map(|n| n.0));
            out.push((k..k + 1, parts.collect()));
            k += 1;
        } else if !ws[k].ends
            && is(k + 1, &["in", "to", "out"])
            && let Some((w, _, _, e)) = (k + 2 < ws.len())
                .then(|| number_at(ws, k + 2 + usize::from(is(k + 2, &["of"]))))
                .flatten()
        {
            out.push((k..e, vec![v, w]));
            k = e;
        } else {
            out.push((k..end, vec![v]));
            k = end;
        }
    }
    out
}

/// What two passages that are one text but for their numbers (a copy whose
/// numbers were changed) disagree on: each number against the one in its
/// place (`99 vs 100 delegates`, `568 vs 668`, `2016 vs 2017 presidential`),
/// where [`conflict`] would let rounding or a missing unit pass, for in a
/// copy any change of value is one. One value written two ways (`3-1` /
/// `three-to-one`, `3` / `three`) and the same numbers in another order are
/// no conflict; passages that differ in other words are for [`conflict`].
pub fn copy_conflict(a: &str, b: &str) -> Option<String> {
    let (wa, wb) = (words(a), words(b));
    let (na, nb) = (numbers_in_order(&wa), numbers_in_order(&wb));
    let rest = |ws: &[Word], ns: &[(std::ops::Range<usize>, Vec<f64>)]| -> Vec<String> {
        let mut at = ns.iter().peekable();
        let mut out = Vec::new();
        let mut k = 0;
        while k < ws.len() {
            match at.peek() {
                Some((r, _)) if r.start == k => {
                    out.push("#".to_string());
                    k = r.end;
                    at.next();
                }
                _ => {
                    out.push(ws[k].w.clone());
                    k += 1;
                }
            }
        }
        out
    };
    if na.len() != nb.len() || rest(&wa, &na) != rest(&wb, &nb) {
        return None;
    }
    let sorted = |ns: &[(std::ops::Range<usize>, Vec<f64>)]| {
        let mut v: Vec<Vec<f64>> = ns.iter().map(|n| n.1.clone()).collect();
        v.sort_by(|x, y| x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal));
        v
    };
    if sorted(&na) == sorted(&nb) {
        return None;
    }
    let shown = |ws: &[Word], r: &std::ops::Range<usize>| {
        ws[r.clone()]
            .iter()
            .map(|w| w.w.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let notes: Vec<String> = na
        .iter()
        .zip(&nb)
        .filter(|(x, y)| x.1 != y.1)
        .map(|(x, y)| {
            let after = wa
                .get(x.0.end)
                .map(|w| format!(" {}", w.w))
                .unwrap_or_default();
            format!("{} vs {}{after}", shown(&wa, &x.0), shown(&wb, &y.0))
        })
        .collect();
    Some(notes.join("; "))
}

/// Is the word a score or ratio (`3-1`, `three-to-one`, `one-in-three`)?
fn ratio(w: &str) -> bool {
    let parts: Vec<&str> = w.split('-').collect();
    let nums: Vec<&str> = parts
        .iter()
        .copied()
        .filter(|p| !matches!(*p, "to" | "in" | "of" | "out"))
        .collect();
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit());
    nums.len() == 2
        && nums
            .iter()
            .all(|p| numeric(p).is_some_and(|(_, r)| r.is_empty()))
        && (nums.len() < parts.len() || nums.iter().all(|p| digits(p)))
}

/// Do the two count the same thing (a word of what they count in common)?
fn counts_alike(a: &Quantity, b: &Quantity) -> bool {
    a.unit.split(' ').any(|w| b.unit.split(' ').any(|v| v == w))
}

/// Do the two ranges meet, give or take rounding?
fn meet(a: &Quantity, b: &Quantity) -> bool {
    let slack = |q: &Quantity| {
        q.tolerance
            * if q.high.is_finite() {
                q.high.abs()
            } else {
                q.low.abs()
            }
    };
    a.low - slack(a) <= b.high + slack(b) && b.low - slack(b) <= a.high + slack(a)
}

/// A passage's quantities and the days of the week it names, read once for
/// comparing with many passages.
pub struct Read {
    qs: Vec<Quantity>,
    days: Vec<&'static str>,
    /// How often (`every month`, `per week`).
    every: Vec<(String, String)>,
}

/// Reads the quantities of `text`.
pub fn read(text: &str) -> Read {
    let ws = words(text);
    let days = WEEKDAYS
        .iter()
        .copied()
        .filter(|d| ws.iter().any(|w| w.w == *d))
        .collect();
    let every = ws
        .windows(2)
        .filter(|p| {
            matches!(p[0].w.as_str(), "every" | "each" | "per")
                && super::numbers::time_unit(&singular(&p[1].w))
        })
        .map(|p| (singular(&p[1].w), format!("{} {}", p[0].w, p[1].w)))
        .collect();
    Read {
        qs: quantities(text),
        days,
        every,
    }
}

/// What the two passages disagree on, as a note (`nearly 50 vs at least 70
/// people`), or `None`.
pub fn conflict(a: &str, b: &str) -> Option<String> {
    conflict_of(&read(a), &read(b))
}

/// [`conflict`] of two passages already read.
pub fn conflict_of(a: &Read, b: &Read) -> Option<String> {
    let (qa, qb) = (&a.qs, &b.qs);
    let mut notes = Vec::new();
    for x in qa {
        // The same value of the same unit elsewhere in the other passage: agreed.
        let matched = |q: &Quantity, other: &[Quantity]| {
            other.iter().any(|o| counts_alike(o, q) && meet(q, o))
        };
        if matched(x, qb) {
            continue;
        }
        if let Some(y) = qb.iter().find(|y| counts_alike(x, y) && !matched(y, qa)) {
            notes.push(format!("{} vs {}", x.words, y.words));
        }
    }
    if notes.is_empty() {
        if let ([x], [y]) = (a.days.as_slice(), b.days.as_slice())
            && x != y
        {
            notes.push(format!("{} vs {}", cap(x), cap(y)));
        }
        if let ([x], [y]) = (a.every.as_slice(), b.every.as_slice())
            && x.0 != y.0
        {
            notes.push(format!("{} vs {}", x.1, y.1));
        }
    }
    notes.dedup();
    (!notes.is_empty()).then(|| notes.join("; "))
}

fn cap(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hedged_counts_that_cannot_meet_conflict() {
        assert_eq!(
            conflict(
                "Nearly 50 people died in the fire.",
                "At least seventy people were killed."
            ),
            Some("nearly 50 people died vs at least seventy people".into())
        );
        assert_eq!(
            conflict(
                "It was a seven-hour meeting.",
                "After a six-hour meeting, they left."
            ),
            Some("seven-hour vs six-hour".into())
        );
        assert_eq!(
            conflict(
                "He sold it for $2.5 billion.",
                "He sold it for $1.8 billion."
            ),
            Some("$2.5 billion vs $1.8 billion".into())
        );
        assert_eq!(
            conflict("They met on Monday.", "They met Tuesday."),
            Some("Monday vs Tuesday".into())
        );
        assert_eq!(
            conflict(
                "Water firm fined £4.2m over spills",
                "Water firm fined £4.5 million"
            ),
            Some("£4.2 million vs £4.5 million".into())
        );
        assert_eq!(
            conflict(
                "The bus plunged off a highway, killing 12.",
                "At least fifteen people were killed."
            ),
            Some("12 vs at least fifteen people".into())
        );
    }

    #[test]
    fn a_copy_with_a_number_changed_conflicts_where_rounding_would_pass() {
        let c = |a, b| copy_conflict(a, b);
        assert_eq!(
            c("all 99 delegates.", "all 100 delegates."),
            Some("99 vs 100 delegates".into())
        );
        assert_eq!(
            c("leads, with 568.", "leads, with 668."),
            Some("568 vs 668".into())
        );
        assert!(c("a 2016 candidate", "a 2017 candidate").is_some());
        assert!(c("a 5-to-4 majority", "a 6-to-4 majority").is_some());
        assert_eq!(c("won 3-1 on Sunday", "won three-to-one on Sunday"), None);
        assert_eq!(c("1 in 3 adults", "one-in-three adults"), None);
        assert_eq!(c("three days later", "3 days later"), None);
        assert_eq!(
            c(
                "its 2002, 2001 and 2000 results",
                "its 2000, 2001 and 2002 results"
            ),
            None
        );
        // Other words differ too: for `conflict` to judge.
        assert_eq!(c("killed 296 people", "has killed 300 people"), None);
        assert_eq!(c("30 miles away", "50 km away"), None);
    }

    #[test]
    fn a_distance_converted_and_rounded_agrees() {
        assert!(
            conflict(
                "a city 30 miles west of Baghdad",
                "a city 50 km west of Baghdad"
            )
            .is_none()
        );
        assert!(
            conflict(
                "a city 30 miles west of Baghdad",
                "a city 80 km west of Baghdad"
            )
            .is_some()
        );
    }

    #[test]
    fn how_often_differs() {
        assert_eq!(
            conflict("checks every month", "checks every week").as_deref(),
            Some("every month vs every week")
        );
        assert!(conflict("checks every month", "checks each month").is_none());
    }

    #[test]
    fn times_of_day_agree_however_written_and_differ_by_the_hour() {
        assert!(
            conflict(
                "shortly after 9 a.m. it blew up",
                "shortly before 10 am it blew up"
            )
            .is_some()
        );
        assert!(
            conflict(
                "the blast at 9 a.m. on Friday",
                "the blast at 9AM on Friday"
            )
            .is_none()
        );
        assert!(conflict("it began at 9:30 p.m.", "it began at 9:30 PM").is_none());
        assert_eq!(
            conflict("at 9 pm", "at 10 p.m.").as_deref(),
            Some("9 pm vs 10 p.m")
        );
    }

    #[test]
    fn one_value_written_two_ways_agrees() {
        let same = [
            ("The vote was 3-1.", "The vote was three-to-one."),
            ("1 in 3 voters agreed.", "One-in-three voters agreed."),
            ("He waited 3 days.", "He waited three days."),
            ("It weighs 220 pounds.", "It weighs 100 kg."),
            (
                "More than 40 million people watched.",
                "Nearly 41 million people watched.",
            ),
            (
                "Sales rose 5 percent in 2012.",
                "Sales rose 5% in 2011, from 2010.",
            ),
            (
                "Two workers were hurt.",
                "The two workers were hurt on Monday.",
            ),
            (
                "The pass is at nearly 10,900 feet.",
                "The pass climbs to 10,857 feet.",
            ),
            (
                "Twelve people died and 30 were hurt.",
                "It killed 12 and injured 30.",
            ),
        ];
        for (a, b) in same {
            assert_eq!(conflict(a, b), None, "{a} / {b}");
        }
    }
}
