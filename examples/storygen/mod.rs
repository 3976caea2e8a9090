//! A deterministic generator of large stories: articles of news-like text
//! (paragraphs, quotes with speakers and cues, names, numbers, and some
//! non-ASCII: accents, macrons, CJK, emoji) and a story file with about one
//! quote per 200 bytes and one link per kilobyte of text, every selector
//! anchored by a `start` hint so that `verso check` finds no problem.
//!
//! Shared by `examples/gen-story.rs` (which writes a folder) and the benchmarks
//! (which load the story in memory).

use serde_json::{Value, json};

/// A small xorshift generator: the same seed gives the same story.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    /// A number below `n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
    /// True with probability `p` percent.
    pub fn chance(&mut self, p: usize) -> bool {
        self.below(100) < p
    }
}

/// A generated story: the article files (name, text) and the story file.
pub struct Generated {
    pub articles: Vec<(String, String)>,
    pub json: String,
    #[allow(dead_code)] // the benchmarks do not print them
    pub quotes: usize,
    #[allow(dead_code)]
    pub links: usize,
}

impl Generated {
    /// Loads the story in memory, as `verso::story::load` would from disk.
    #[allow(dead_code)]
    pub fn load(&self) -> verso::story::Story {
        verso::story::from_json("generated", &self.json, |f| {
            self.articles
                .iter()
                .find(|(n, _)| n == f)
                .map(|(_, t)| t.clone())
                .ok_or_else(|| format!("{f}: not generated"))
        })
        .expect("a generated story always loads")
    }
}

const FIRSTS: &[&str] = &[
    "Chris", "Maria", "Tāne", "Aroha", "Kofi", "Ingrid", "Luc", "Yuki", "Ana", "Piotr", "Seán",
    "Grace", "Tunde", "Lucía", "Owen", "Hana", "Zoë", "Jürgen", "Renée", "Mihi",
];
const SURNAMES: &[&str] = &[
    "Carter",
    "Hughes",
    "Patel",
    "Ngata",
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Reyes",
    "Kowalski",
    "Brennan",
    "Fitzroy",
    "Adeyemi",
    "Castillo",
    "Harlow",
    "Ishikawa",
    "Müller",
    "Dubois",
    "Kāwhia",
    "Søndergaard",
    "O'Neill",
    "Vasquez",
    "Whitcombe",
    "Petrović",
    "Aziz",
    "Nakamura",
    "Ferreira",
    "Halvorsen",
    "Mbeki",
    "Lefèvre",
    "Tūhoe",
    "Gallagher",
    "Szabó",
    "Rangi",
    "Oyelaran",
    "Delacroix",
    "Bianchi",
    "Eriksen",
    "Kealoha",
    "Thorne",
];
const TITLES: &[&str] = &[
    "party president",
    "the finance minister",
    "council chair",
    "the opposition leader",
    "union secretary",
    "the mayor",
    "a senior MP",
    "the police commissioner",
    "chief executive",
    "the health spokeswoman",
];
const SUBJECTS: &[&str] = &[
    "The council",
    "The party's national executive",
    "The ministry",
    "A spokeswoman for the agency",
    "The select committee",
    "Residents of the valley",
    "The regional board",
    "Opposition members",
    "The independent review",
    "Officials in Wellington",
    "The Auckland office",
    "Local iwi",
    "The board of Tāmaki Health",
    "Staff at the café",
];
const VERBS: &[&str] = &[
    "approved",
    "rejected",
    "delayed",
    "questioned",
    "defended",
    "announced",
    "reviewed",
    "criticised",
    "welcomed",
    "postponed",
    "funded",
    "cancelled",
];
const OBJECTS: &[&str] = &[
    "the housing plan",
    "a new water scheme",
    "the budget for the coming year",
    "the proposed merger",
    "an inquiry into the contract",
    "the rail upgrade",
    "the draft report",
    "changes to the rules",
    "the appointment of a new chair",
    "the sale of the old station",
    "the naïve forecast",
    "a levy on visitors",
];
const TAILS: &[&str] = &[
    "after a long meeting",
    "despite strong objections",
    "without a vote",
    "at a hearing in Rotorua",
    "in a statement on Tuesday",
    "late on Friday night",
    "following public pressure",
    "during a heated debate",
    "behind closed doors",
    "before the deadline",
];
const SAYINGS: &[&str] = &[
    "we will not be rushed into this",
    "the figures simply do not add up",
    "this is a ridiculous over reaction",
    "nobody told us anything until it was too late",
    "I have full confidence in the process",
    "the community deserves better than this",
    "we made a mistake and we will fix it",
    "it was never about the money",
    "there is no plan B",
    "I stand by every word",
    "the report speaks for itself",
    "this was the right decision at the right time",
    "we are listening, and we will keep listening",
    "frankly, it is a disgrace",
];
const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
];
const UNITS: &[&str] = &[
    "households",
    "jobs",
    "submissions",
    "hectares",
    "votes",
    "staff",
    "complaints",
    "homes",
];
const MONTHS: &[&str] = &[
    "January", "March", "April", "June", "July", "August", "October", "December",
];
const FLAVOUR: &[&str] = &[
    " The mood at the café was tense ☕.",
    " One sign outside read \"不要放弃\" (do not give up).",
    " A banner in Japanese, 「未来のために」, hung over the door.",
    " Supporters posted 👍 and 🇳🇿 on social media.",
    " Ngā mihi, said the first speaker, to laughter.",
    " Über-cautious, one observer called it.",
    " The crowd chanted «assez» outside.",
    " Reporters from 한국 and 中国 were present.",
];

struct Person {
    id: String,
    name: String,
    alias: String,
    title: &'static str,
}

/// One article being written, with the selectors anchored in it.
struct Writer {
    text: String,
    chars: usize,
}

impl Writer {
    fn push(&mut self, s: &str) -> usize {
        let at = self.chars;
        self.text.push_str(s);
        self.chars += s.chars().count();
        at
    }
}

fn number(r: &mut Rng) -> String {
    match r.below(3) {
        0 => r.pick(NUMBER_WORDS).to_string(),
        1 => format!("{}", 10 + r.below(990)),
        _ => {
            let n = 1000 + r.below(98_000);
            format!("{},{:03}", n / 1000, n % 1000)
        }
    }
}

/// A narrative sentence, a fresh combination of parts with numbers in it.
fn narrative(r: &mut Rng) -> String {
    let mut s = format!(
        "{} {} {} {}",
        r.pick(SUBJECTS),
        r.pick(VERBS),
        r.pick(OBJECTS),
        r.pick(TAILS)
    );
    match r.below(4) {
        0 => s.push_str(&format!(", affecting {} {}", number(r), r.pick(UNITS))),
        1 => s.push_str(&format!(
            " on {} {} {}",
            1 + r.below(28),
            r.pick(MONTHS),
            2000 + r.below(25)
        )),
        2 => s.push_str(&format!(
            ", a {}-hour meeting that cost ${},{:03}",
            r.pick(NUMBER_WORDS),
            1 + r.below(900),
            r.below(1000)
        )),
        _ => {}
    }
    s.push('.');
    s
}

/// "The council" → "the council"; names stay capitalised.
fn lower_first(s: &str) -> String {
    if s.starts_with("The ")
        || s.starts_with("A ")
        || s.starts_with("Residents")
        || s.starts_with("Staff")
        || s.starts_with("Officials")
        || s.starts_with("Opposition")
        || s.starts_with("Local")
    {
        let mut cs = s.chars();
        let first = cs.next().map(|c| c.to_ascii_lowercase()).unwrap_or(' ');
        format!("{first}{}", cs.as_str())
    } else {
        s.to_string()
    }
}

/// What someone said: a saying and a detail, capitalised.
fn saying(r: &mut Rng) -> String {
    let a = r.pick(SAYINGS);
    let mut s = String::new();
    let mut cs = a.chars();
    if let Some(c) = cs.next() {
        s.extend(c.to_uppercase());
        s.push_str(cs.as_str());
    }
    match r.below(3) {
        0 => s.push_str(&format!(", and {} {} agree", number(r), r.pick(UNITS))),
        1 => s.push_str(&format!(" — not in {}", r.pick(MONTHS))),
        _ => {}
    }
    s
}

/// One side of a link: the sentence in one article and its counterpart.
struct LinkPlan {
    kind: &'static str,
    sides: [(usize, String); 2],
}

fn plan_link(r: &mut Rng, a: usize, b: usize) -> LinkPlan {
    let subject = r.pick(SUBJECTS);
    let verb = r.pick(VERBS);
    let object = r.pick(OBJECTS);
    let n = r.below(NUMBER_WORDS.len());
    let m = 10 + r.below(990);
    let first = format!(
        "{subject} {verb} {object} during a {}-hour meeting attended by {m} people",
        NUMBER_WORDS[n]
    );
    let (kind, second) = match r.below(3) {
        0 => ("same", first.clone()),
        1 => (
            "conflict",
            format!(
                "{subject} {verb} {object} during a {}-hour meeting attended by {m} people",
                NUMBER_WORDS[(n + 1) % NUMBER_WORDS.len()]
            ),
        ),
        _ => (
            "paraphrase",
            format!(
                "After {} hours of talks before some {m} people, {} {verb} {object}",
                NUMBER_WORDS[n],
                lower_first(subject)
            ),
        ),
    };
    LinkPlan {
        kind,
        sides: [(a, first), (b, second)],
    }
}

/// Generates `articles` articles of about `bytes` bytes each.
pub fn generate(articles: usize, bytes: usize, seed: u64) -> Generated {
    let articles = articles.max(2);
    let mut r = Rng::new(seed);
    // Speakers: distinct surnames, so that names and aliases never collide.
    let people: Vec<Person> = SURNAMES
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let first = FIRSTS[(i * 7) % FIRSTS.len()];
            Person {
                id: format!("s{}", i + 1),
                name: format!("{first} {s}"),
                alias: format!("{} {s}", if i % 2 == 0 { "Mr" } else { "Ms" }),
                title: TITLES[i % TITLES.len()],
            }
        })
        .collect();

    // Links: one per kilobyte of all the text, each joining two articles.
    let total = bytes * articles;
    let n_links = total / 1000;
    let plans: Vec<LinkPlan> = (0..n_links)
        .map(|k| {
            let a = k % articles;
            let b = (a + 1 + (k / articles) % (articles - 1)) % articles;
            plan_link(&mut r, a, b)
        })
        .collect();
    // The link sides due in each article, in link order.
    let mut due: Vec<Vec<(usize, usize)>> = vec![Vec::new(); articles];
    for (k, p) in plans.iter().enumerate() {
        for (side, (a, _)) in p.sides.iter().enumerate() {
            due[*a].push((k, side));
        }
    }

    let mut texts = Vec::new();
    let mut quotes: Vec<Value> = Vec::new();
    let mut passages: Vec<[Option<Value>; 2]> = (0..n_links).map(|_| [None, None]).collect();
    for (ai, my_due) in due.iter().enumerate() {
        let aid = format!("a{}", ai + 1);
        let mut w = Writer {
            text: String::with_capacity(bytes + 4096),
            chars: 0,
        };
        w.push(&format!(
            "{} {} {} — report {} of {articles}\n",
            r.pick(SUBJECTS),
            r.pick(VERBS),
            r.pick(OBJECTS),
            ai + 1
        ));
        let mut next_due = 0;
        let per_link = bytes / my_due.len().max(1);
        while w.text.len() < bytes {
            // A paragraph: one line, sentences separated by spaces.
            let sentences = 3 + r.below(4);
            for s in 0..sentences {
                if s > 0 {
                    w.push(" ");
                }
                // A link side when the text has reached its share.
                if next_due < my_due.len() && w.text.len() >= next_due * per_link {
                    let (k, side) = my_due[next_due];
                    next_due += 1;
                    let text = plans[k].sides[side].1.clone();
                    let at = w.push(&text);
                    w.push(".");
                    passages[k][side] = Some(json!({"article": aid, "text": text, "start": at}));
                    continue;
                }
                let who = &people[r.below(people.len())];
                let qid = format!("q{}", quotes.len() + 1);
                match r.below(10) {
                    // Direct: the words in quotation marks, then the cue.
                    0..=2 => {
                        let said = format!("\"{},\"", saying(&mut r));
                        let at = w.push(&said);
                        let cue = format!(
                            "{} told {}",
                            who.name,
                            r.pick(&["NZPA", "RNZ", "reporters", "Te Karere"])
                        );
                        w.push(&format!(" {cue}."));
                        quotes.push(json!({"id": qid, "article": aid, "speaker": who.id,
                            "kind": "direct", "cue": cue, "text": said, "start": at}));
                    }
                    // Indirect: reported speech after the cue.
                    3 | 4 => {
                        let cue = format!("{}, {}, said", who.alias, who.title);
                        w.push(&format!("{cue} "));
                        let said = format!(
                            "{} had {} {}",
                            lower_first(r.pick(SUBJECTS)),
                            r.pick(VERBS),
                            r.pick(OBJECTS)
                        );
                        let at = w.push(&said);
                        w.push(".");
                        quotes.push(json!({"id": qid, "article": aid, "speaker": who.id,
                            "kind": "indirect", "cue": "said", "text": said, "start": at}));
                    }
                    // Mixed: reported speech with a quoted fragment.
                    5 => {
                        w.push(&format!("{} said ", who.alias));
                        let said = format!(
                            "the decision was \"{}\" and {} {} would suffer",
                            r.pick(SAYINGS),
                            number(&mut r),
                            r.pick(UNITS)
                        );
                        let at = w.push(&said);
                        w.push(".");
                        quotes.push(json!({"id": qid, "article": aid, "speaker": who.id,
                            "kind": "mixed", "cue": "said", "text": said, "start": at}));
                    }
                    // Narrative, naming someone now and then.
                    _ => {
                        let s = narrative(&mut r);
                        w.push(&s);
                        if r.chance(30) {
                            w.push(&format!(" {} was not available for comment.", who.name));
                        }
                    }
                }
            }
            if r.chance(8) {
                w.push(r.pick(FLAVOUR));
            }
            w.push("\n");
        }
        // Link sides not placed yet go at the end.
        while next_due < my_due.len() {
            let (k, side) = my_due[next_due];
            next_due += 1;
            let text = plans[k].sides[side].1.clone();
            let at = w.push(&text);
            w.push(".\n");
            passages[k][side] = Some(json!({"article": aid, "text": text, "start": at}));
        }
        texts.push((format!("{aid}.txt"), w.text));
    }

    // A `start` hint only where the text occurs more than once, as a person
    // would write the file: unique texts need none.
    let mut selectors: Vec<&mut Value> = quotes.iter_mut().collect();
    for [a, b] in passages.iter_mut() {
        selectors.extend(a.as_mut());
        selectors.extend(b.as_mut());
    }
    drop_unneeded_starts(&texts, selectors);

    let links: Vec<Value> = plans
        .iter()
        .zip(passages)
        .enumerate()
        .map(|(k, (p, [a, b]))| {
            json!({"id": format!("l{}", k + 1), "kind": p.kind,
                "passages": [a.expect("placed"), b.expect("placed")]})
        })
        .collect();
    let speakers: Vec<Value> = people
        .iter()
        .map(|p| json!({"id": p.id, "name": p.name, "aliases": [p.alias], "description": p.title}))
        .collect();
    let article_entries: Vec<Value> = texts
        .iter()
        .enumerate()
        .map(|(i, (f, _))| {
            json!({"id": format!("a{}", i + 1), "file": f, "outlet": format!("Outlet {}", i + 1)})
        })
        .collect();
    let (n_quotes, n_links) = (quotes.len(), links.len());
    let story = json!({
        "version": 1,
        "title": format!("Generated story: {articles} articles of {bytes} bytes"),
        "articles": article_entries,
        "speakers": speakers,
        "quotes": quotes,
        "links": links,
    });
    Generated {
        articles: texts,
        json: serde_json::to_string_pretty(&story).expect("a JSON value always prints"),
        quotes: n_quotes,
        links: n_links,
    }
}

/// Removes the `start` of every selector whose text occurs once in its article.
fn drop_unneeded_starts(texts: &[(String, String)], selectors: Vec<&mut Value>) {
    use std::collections::HashMap;
    let article_of = |v: &Value| -> usize {
        let id = v["article"].as_str().unwrap_or("a1");
        id[1..].parse::<usize>().unwrap_or(1) - 1
    };
    let mut by_article: Vec<Vec<&mut Value>> = (0..texts.len()).map(|_| Vec::new()).collect();
    for v in selectors {
        by_article[article_of(v)].push(v);
    }
    for (ai, sels) in by_article.iter_mut().enumerate() {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        for v in sels.iter() {
            let t = v["text"].as_str().unwrap_or_default().to_string();
            index.entry(t.clone()).or_insert_with(|| {
                patterns.push(t);
                patterns.len() - 1
            });
        }
        let mut counts = vec![0usize; patterns.len()];
        let ac = aho_corasick::AhoCorasick::new(&patterns).expect("patterns build");
        for m in ac.find_overlapping_iter(&texts[ai].1) {
            counts[m.pattern().as_usize()] += 1;
        }
        for v in sels.iter_mut() {
            let t = v["text"].as_str().unwrap_or_default();
            if counts[index[t]] == 1
                && let Some(o) = v.as_object_mut()
            {
                o.remove("start");
            }
        }
    }
}
