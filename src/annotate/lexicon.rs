//! Word lists the drafting rules rely on: speech verbs, titles and honorifics,
//! words that mark organisations, time adverbials, stop words and number words.
//!
//! Every list is kept sorted for the reader; one hash map built on first use
//! gives each word the lists it belongs to, and every lookup takes the
//! lowercase form of a word.

use std::sync::OnceLock;

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
    "cautioned",
    "cautioning",
    "cautions",
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
    "predicting",
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
    "stated",
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

/// Verbs of saying that also tell how or what kind (`asked`, `demanded`,
/// `joked`): cues for quotes, but words that carry meaning when passages
/// are compared, so [`is_speech_verb`] leaves them out.
const MANNER: &[&str] = &[
    "asked",
    "asks",
    "boasted",
    "boasts",
    "complained",
    "complains",
    "continued",
    "continues",
    "countered",
    "counters",
    "demanded",
    "demands",
    "exclaimed",
    "joked",
    "jokes",
    "lamented",
    "mused",
    "observed",
    "pleaded",
    "quipped",
    "recalled",
    "recalls",
    "recounted",
    "repeated",
    "repeats",
    "retorted",
    "shouted",
    "testified",
    "wondered",
];

/// Plural nouns for groups that speak (`officials said`, `police said`): read
/// as bodies even in lower case, and what `they` may stand for.
const GROUPS: &[&str] = &[
    "activists",
    "analysts",
    "authorities",
    "campaigners",
    "critics",
    "diplomats",
    "doctors",
    "economists",
    "experts",
    "firefighters",
    "investigators",
    "lawyers",
    "medics",
    "officers",
    "officials",
    "organisers",
    "organizers",
    "paramedics",
    "police",
    "prosecutors",
    "protesters",
    "rescuers",
    "researchers",
    "residents",
    "scientists",
    "sources",
    "witnesses",
];

/// Nouns that report what their possessor said (`his claims the party was ...`,
/// `the company's assurance that ...`).
const NOUN_CUES: &[&str] = &[
    "admission",
    "allegation",
    "allegations",
    "argument",
    "assertion",
    "assurance",
    "assurances",
    "belief",
    "claim",
    "claims",
    "denial",
    "insistence",
    "pledge",
    "promise",
    "suggestion",
    "warning",
    "warnings",
];

/// Words that give a person's gender: `spokeswoman`, `his father`.
const FEMALE: &[&str] = &[
    "actress",
    "businesswoman",
    "chairwoman",
    "congresswoman",
    "daughter",
    "grandmother",
    "mother",
    "sister",
    "spokeswoman",
    "widow",
    "wife",
];
const MALE: &[&str] = &[
    "brother",
    "businessman",
    "chairman",
    "congressman",
    "father",
    "grandfather",
    "husband",
    "son",
    "spokesman",
    "widower",
];

/// Prepositions that open a circumstance after a cue (`said in a statement`,
/// `told reporters at a briefing`).
const PREPOSITIONS: &[&str] = &[
    "after", "at", "before", "by", "during", "from", "in", "inside", "near", "on", "outside",
    "over", "through", "to", "via", "while", "with",
];

/// Verbs that report only when a clause with its own subject follows
/// (`the council found he had ...`, never `police found the body`).
const STRICT: &[&str] = &[
    "acknowledged",
    "acknowledges",
    "admits",
    "admitted",
    "announced",
    "announces",
    "concluded",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "found",
    "noted",
    "notes",
    "promised",
    "promises",
    "reported",
    "reports",
    "revealed",
    "reveals",
    "ruled",
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
    "activist",
    "adm",
    "ambassador",
    "analyst",
    "angler",
    "assemblyman",
    "assemblywoman",
    "attorney",
    "bishop",
    "boss",
    "businessman",
    "businesswoman",
    "campaigner",
    "capt",
    "captain",
    "ceo",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "chancellor",
    "chef",
    "chief",
    "cllr",
    "cmdr",
    "coach",
    "col",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "constable",
    "consultant",
    "coroner",
    "councillor",
    "counsel",
    "cpl",
    "del",
    "delegate",
    "deputy",
    "det",
    "detective",
    "director",
    "doctor",
    "dumped",
    "ecologist",
    "economist",
    "engineer",
    "executive",
    "expert",
    "farmer",
    "firefighter",
    "former",
    "founder",
    "gen",
    "general",
    "gov",
    "governor",
    "head",
    "historian",
    "insp",
    "inspector",
    "judge",
    "justice",
    "king",
    "lawyer",
    "leader",
    "lt",
    "maj",
    "manager",
    "mayor",
    "member",
    "minister",
    "mp",
    "neighbor",
    "neighbour",
    "nurse",
    "officer",
    "official",
    "owner",
    "paramedic",
    "pastor",
    "physician",
    "premier",
    "president",
    "priest",
    "prime",
    "prince",
    "princess",
    "professor",
    "queen",
    "rep",
    "representative",
    "researcher",
    "resident",
    "scientist",
    "secretary",
    "sen",
    "senator",
    "sergeant",
    "sgt",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "superintendent",
    "supt",
    "surgeon",
    "survivor",
    "teacher",
    "treasurer",
    "witness",
];

/// Words that make a capitalised phrase an organisation, not a person.
const ORGS: &[&str] = &[
    "administration",
    "agency",
    "airlines",
    "airways",
    "alliance",
    "army",
    "association",
    "authority",
    "bank",
    "board",
    "brigade",
    "cabinet",
    "center",
    "centre",
    "city",
    "club",
    "coalition",
    "commission",
    "committee",
    "company",
    "corporation",
    "council",
    "court",
    "department",
    "embassy",
    "energy",
    "federation",
    "firm",
    "foundation",
    "gallery",
    "government",
    "group",
    "guard",
    "holdings",
    "hospital",
    "industries",
    "inquiry",
    "institute",
    "league",
    "ltd",
    "ministry",
    "navy",
    "network",
    "news",
    "office",
    "ombudsman",
    "organisation",
    "organization",
    "parliament",
    "party",
    "patrol",
    "police",
    "press",
    "radio",
    "regulator",
    "service",
    "society",
    "st",
    "street",
    "team",
    "television",
    "tribunal",
    "trust",
    "tv",
    "union",
    "university",
    "watchdog",
    "water",
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
    "keeps",
    "kept",
    "last",
    "later",
    "monday",
    "month",
    "morning",
    "night",
    "now",
    "on",
    "previously",
    "privately",
    "publicly",
    "recently",
    "repeatedly",
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
    "according",
    "after",
    "all",
    "although",
    "an",
    "and",
    "another",
    "anybody",
    "anyone",
    "as",
    "asked",
    "at",
    "because",
    "before",
    "both",
    "but",
    "by",
    "despite",
    "dozens",
    "during",
    "each",
    "either",
    "even",
    "every",
    "everybody",
    "everyone",
    "few",
    "for",
    "from",
    "he",
    "her",
    "his",
    "however",
    "hundreds",
    "i",
    "if",
    "in",
    "instead",
    "it",
    "its",
    "many",
    "meanwhile",
    "millions",
    "most",
    "my",
    "neither",
    "no",
    "nobody",
    "not",
    "nothing",
    "of",
    "on",
    "one",
    "other",
    "others",
    "our",
    "several",
    "she",
    "since",
    "so",
    "some",
    "somebody",
    "someone",
    "still",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "thousands",
    "to",
    "unless",
    "until",
    "we",
    "what",
    "when",
    "where",
    "while",
    "who",
    "with",
    "yes",
    "yet",
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

/// Every list, in the order of their bits in [`classes`].
const LISTS: &[&[&str]] = &[
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
    GROUPS,
    NOUN_CUES,
    PREPOSITIONS,
    MALE,
    FEMALE,
    MANNER,
];

/// Each list's bit in [`classes`]: its position in [`LISTS`].
const SPEECH_BIT: usize = 0;
const TELL_BIT: usize = 1;
const STRICT_BIT: usize = 2;
const PARTICIPLES_BIT: usize = 3;
const HONORIFICS_BIT: usize = 4;
const TITLES_BIT: usize = 5;
const ORGS_BIT: usize = 6;
const ADVERBIALS_BIT: usize = 7;
const STOP_BIT: usize = 8;
const NOT_NAMES_BIT: usize = 9;
const GROUPS_BIT: usize = 10;
const NOUN_CUES_BIT: usize = 11;
const PREPOSITIONS_BIT: usize = 12;
const MALE_BIT: usize = 13;
const FEMALE_BIT: usize = 14;
const MANNER_BIT: usize = 15;

/// Word → the lists it belongs to, one bit per list of [`LISTS`].
fn classes(word: &str) -> u32 {
    static MAP: OnceLock<crate::story::FastMap<&'static str, u32>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut m = crate::story::FastMap::default();
        for (bit, list) in LISTS.iter().enumerate() {
            for w in *list {
                *m.entry(*w).or_insert(0) |= 1 << bit;
            }
        }
        m
    });
    map.get(word).copied().unwrap_or(0)
}

fn has(list: usize, word: &str) -> bool {
    classes(word) & (1 << list) != 0
}

pub fn is_speech_verb(w: &str) -> bool {
    has(SPEECH_BIT, w)
}
pub fn is_tell_verb(w: &str) -> bool {
    has(TELL_BIT, w)
}
/// A verb of saying of either kind: [`is_speech_verb`] or one of manner.
pub fn is_saying(w: &str) -> bool {
    classes(w) & (1 << SPEECH_BIT | 1 << MANNER_BIT) != 0
}
/// A verb of saying with a listener before what is said (`told NZPA`,
/// `asked him whether`).
pub fn takes_listener(w: &str) -> bool {
    is_tell_verb(w) || is_ask(w)
}
/// A verb of saying that reports a clause only after `that` or a pronoun
/// (`confirmed that ...`, not `confirmed the date`): the strict list,
/// and those of manner but `asked`.
pub fn is_strict_verb(w: &str) -> bool {
    has(STRICT_BIT, w) || (has(MANNER_BIT, w) && !is_ask(w))
}

/// `asked`, `asks`: the verbs of manner that take a listener and any clause
/// (`asked him whether ...`).
fn is_ask(w: &str) -> bool {
    matches!(w, "asked" | "asks")
}
/// A verb that makes a clause finite with another (`was cooperating`,
/// `would stay`), or is its only verb (`is`, `had`).
pub fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "am" | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
    )
}
pub fn is_participle(w: &str) -> bool {
    has(PARTICIPLES_BIT, w)
}
pub fn is_honorific(w: &str) -> bool {
    has(HONORIFICS_BIT, w.trim_end_matches('.'))
}
pub fn is_title(w: &str) -> bool {
    has(TITLES_BIT, w)
}
pub fn is_org(w: &str) -> bool {
    has(ORGS_BIT, w)
}
pub fn is_adverbial(w: &str) -> bool {
    has(ADVERBIALS_BIT, w)
}
pub fn is_stop(w: &str) -> bool {
    has(STOP_BIT, w)
}
pub fn is_not_name(w: &str) -> bool {
    has(NOT_NAMES_BIT, w)
}
pub fn is_group(w: &str) -> bool {
    has(GROUPS_BIT, w)
}
pub fn is_noun_cue(w: &str) -> bool {
    has(NOUN_CUES_BIT, w)
}
pub fn is_preposition(w: &str) -> bool {
    has(PREPOSITIONS_BIT, w)
}

/// The gender a word implies (`spokeswoman`): `Some(true)` male, `Some(false)` female.
pub fn word_gender(w: &str) -> Option<bool> {
    if has(MALE_BIT, w) {
        Some(true)
    } else if has(FEMALE_BIT, w) {
        Some(false)
    } else {
        None
    }
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
/// as `seven-hour`, `twenty-five` or `12-year-old`; `None` past `u64::MAX`.
pub fn number_value(word: &str) -> Option<u64> {
    let lower;
    let w = if word.chars().any(char::is_uppercase) {
        lower = word.to_lowercase();
        lower.as_str()
    } else {
        word
    };
    let mut total: Option<u64> = None;
    for part in w.split('-') {
        let mut digits = part.bytes().filter(|&c| c != b',').peekable();
        let v = if digits.peek().is_some() && part.bytes().all(|c| c.is_ascii_digit() || c == b',')
        {
            // Too many digits for u64: no value (as `parse` would have it).
            digits.try_fold(0u64, |n, c| {
                n.checked_mul(10)?.checked_add(u64::from(c - b'0'))
            })
        } else {
            NUMBERS
                .binary_search_by(|(k, _)| k.cmp(&part))
                .ok()
                .map(|i| NUMBERS[i].1)
        };
        if let Some(v) = v {
            // A number too large for u64 is no number to compare.
            total = Some(match total {
                Some(t) if v == 100 => t.checked_mul(100)?,
                Some(t) => t.checked_add(v)?,
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
            GROUPS,
            NOUN_CUES,
            FEMALE,
            MALE,
            PREPOSITIONS,
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
