//! Word lists the drafting rules rely on: speech verbs, titles and honorifics,
//! words that mark organisations, time adverbials, stop words and number words.
//!
//! Every list is sorted so that membership is a binary search, and every lookup
//! takes the lowercase form of a word.

/// Verbs that introduce reported speech: `X said (that) ...`, `..., X said.`
const SPEECH: &[&str] = &[
    "acknowledged",
    "acknowledges",
    "added",
    "adds",
    "admits",
    "admitted",
    "agreed",
    "agrees",
    "alleged",
    "alleges",
    "announced",
    "announces",
    "argued",
    "argues",
    "asserted",
    "asserts",
    "assured",
    "assures",
    "claimed",
    "claims",
    "commented",
    "conceded",
    "concedes",
    "concluded",
    "confirmed",
    "confirms",
    "contended",
    "contends",
    "declared",
    "declares",
    "denied",
    "denies",
    "emphasised",
    "emphasized",
    "explained",
    "explains",
    "found",
    "informed",
    "insisted",
    "insists",
    "maintained",
    "maintains",
    "noted",
    "notes",
    "predicted",
    "predicts",
    "promised",
    "promises",
    "reckoned",
    "reckons",
    "remarked",
    "replied",
    "replies",
    "reported",
    "reports",
    "responded",
    "revealed",
    "reveals",
    "ruled",
    "said",
    "say",
    "says",
    "state",
    "stated",
    "states",
    "stressed",
    "stresses",
    "suggested",
    "suggests",
    "tell",
    "tells",
    "told",
    "tweeted",
    "vowed",
    "vows",
    "warned",
    "warns",
    "writes",
    "wrote",
];

/// Speech verbs that take a listener before the reported clause (`told NZPA`).
const TELL: &[&str] = &[
    "assured", "assures", "informed", "tell", "tells", "told", "warned", "warns",
];

/// Verbs that report only when a clause with its own subject follows
/// (`the council found he had ...`, never `police found the body`).
const STRICT: &[&str] = &[
    "concluded",
    "found",
    "noted",
    "notes",
    "reported",
    "reports",
    "ruled",
    "state",
    "states",
];

/// Participles that continue a report with the same speaker (`, saying ...`).
const PARTICIPLES: &[&str] = &[
    "adding",
    "arguing",
    "claiming",
    "explaining",
    "insisting",
    "noting",
    "saying",
    "stressing",
    "warning",
];

/// Honorifics: the words after them are a person's name.
const HONORIFICS: &[&str] = &[
    "dame", "dr", "lady", "lord", "miss", "mr", "mrs", "ms", "prof", "rev", "sir",
];

/// Titles and roles that may stand before a name (`party president Andrew Little`).
const TITLES: &[&str] = &[
    "acting",
    "ambassador",
    "attorney",
    "bishop",
    "captain",
    "ceo",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "chancellor",
    "chief",
    "coach",
    "commander",
    "commissioner",
    "constable",
    "coroner",
    "councillor",
    "counsel",
    "deputy",
    "detective",
    "director",
    "dumped",
    "economist",
    "executive",
    "former",
    "general",
    "governor",
    "head",
    "inspector",
    "judge",
    "justice",
    "king",
    "lawyer",
    "leader",
    "manager",
    "mayor",
    "minister",
    "mp",
    "officer",
    "premier",
    "president",
    "prime",
    "prince",
    "princess",
    "professor",
    "queen",
    "secretary",
    "senator",
    "sergeant",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "superintendent",
    "treasurer",
];

/// Words that make a capitalised phrase an organisation, not a person.
const ORGS: &[&str] = &[
    "agency",
    "association",
    "authority",
    "bank",
    "board",
    "club",
    "commission",
    "committee",
    "company",
    "corporation",
    "council",
    "court",
    "department",
    "gallery",
    "government",
    "group",
    "institute",
    "league",
    "ltd",
    "ministry",
    "news",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "police",
    "press",
    "radio",
    "service",
    "society",
    "st",
    "street",
    "television",
    "trust",
    "tv",
    "union",
    "university",
    "zealand",
];

/// Words that may stand between a subject and its verb, or before a clause
/// (`Mr Carter this morning told ...`).
const ADVERBIALS: &[&str] = &[
    "afternoon",
    "again",
    "already",
    "also",
    "earlier",
    "evening",
    "friday",
    "had",
    "has",
    "have",
    "last",
    "later",
    "monday",
    "month",
    "morning",
    "night",
    "now",
    "on",
    "previously",
    "recently",
    "saturday",
    "since",
    "sunday",
    "then",
    "this",
    "thursday",
    "today",
    "tonight",
    "tuesday",
    "wednesday",
    "week",
    "year",
    "yesterday",
];

/// Common English function words: they never make two passages alike.
const STOP: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "just",
    "last",
    "may",
    "me",
    "might",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "much",
    "must",
    "my",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "said",
    "same",
    "say",
    "says",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "today",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "yesterday",
    "you",
    "your",
];

/// Capitalised words that start sentences but never names.
const NOT_NAMES: &[&str] = &[
    "a",
    "after",
    "although",
    "an",
    "and",
    "as",
    "asked",
    "at",
    "before",
    "but",
    "by",
    "during",
    "for",
    "from",
    "he",
    "her",
    "his",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "meanwhile",
    "my",
    "no",
    "not",
    "of",
    "on",
    "one",
    "our",
    "she",
    "since",
    "so",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "we",
    "what",
    "when",
    "where",
    "while",
    "who",
    "with",
    "yes",
    "you",
];

/// Number words with their values; compounds (`twenty-five`) are summed.
const NUMBERS: &[(&str, u64)] = &[
    ("dozen", 12),
    ("eight", 8),
    ("eighteen", 18),
    ("eighty", 80),
    ("eleven", 11),
    ("fifteen", 15),
    ("fifty", 50),
    ("five", 5),
    ("forty", 40),
    ("four", 4),
    ("fourteen", 14),
    ("hundred", 100),
    ("nine", 9),
    ("nineteen", 19),
    ("ninety", 90),
    ("one", 1),
    ("seven", 7),
    ("seventeen", 17),
    ("seventy", 70),
    ("six", 6),
    ("sixteen", 16),
    ("sixty", 60),
    ("ten", 10),
    ("thirteen", 13),
    ("thirty", 30),
    ("three", 3),
    ("twelve", 12),
    ("twenty", 20),
    ("two", 2),
];

fn has(list: &[&str], word: &str) -> bool {
    list.binary_search(&word).is_ok()
}

pub fn is_speech_verb(w: &str) -> bool {
    has(SPEECH, w)
}
pub fn is_tell_verb(w: &str) -> bool {
    has(TELL, w)
}
pub fn is_strict_verb(w: &str) -> bool {
    has(STRICT, w)
}
pub fn is_participle(w: &str) -> bool {
    has(PARTICIPLES, w)
}
pub fn is_honorific(w: &str) -> bool {
    has(HONORIFICS, w.trim_end_matches('.'))
}
pub fn is_title(w: &str) -> bool {
    has(TITLES, w)
}
pub fn is_org(w: &str) -> bool {
    has(ORGS, w)
}
pub fn is_adverbial(w: &str) -> bool {
    has(ADVERBIALS, w)
}
pub fn is_stop(w: &str) -> bool {
    has(STOP, w)
}
pub fn is_not_name(w: &str) -> bool {
    has(NOT_NAMES, w)
}

/// The gender an honorific implies: `Some(true)` male, `Some(false)` female.
pub fn honorific_gender(w: &str) -> Option<bool> {
    match w.trim_end_matches('.') {
        "mr" | "sir" | "lord" => Some(true),
        "mrs" | "ms" | "miss" | "dame" | "lady" => Some(false),
        _ => None,
    }
}

/// The value of a number written in digits or words, also inside a compound such
/// as `seven-hour`, `twenty-five` or `12-year-old`.
pub fn number_value(word: &str) -> Option<u64> {
    let w = word.to_lowercase();
    let mut total: Option<u64> = None;
    for part in w.split('-') {
        let digits: String = part.chars().filter(|c| *c != ',').collect();
        let v = if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
            digits.parse::<u64>().ok()
        } else {
            NUMBERS
                .binary_search_by(|(k, _)| k.cmp(&part))
                .ok()
                .map(|i| NUMBERS[i].1)
        };
        if let Some(v) = v {
            total = Some(match total {
                Some(t) if v == 100 => t * 100,
                Some(t) => t + v,
                None => v,
            });
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted() {
        for list in [
            SPEECH,
            TELL,
            STRICT,
            PARTICIPLES,
            HONORIFICS,
            TITLES,
            ORGS,
            ADVERBIALS,
            STOP,
            NOT_NAMES,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", list);
        }
        assert!(NUMBERS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn numbers() {
        assert_eq!(number_value("seven-hour"), Some(7));
        assert_eq!(number_value("twenty-five"), Some(25));
        assert_eq!(number_value("1,200"), Some(1200));
        assert_eq!(number_value("meeting"), None);
    }
}
