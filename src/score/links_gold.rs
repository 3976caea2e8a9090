//! `verso links gold DATA GOLD...`: drafted links against links marked by hand
//! on real pairs of independent reports (story files whose articles' `file`
//! fields are relative to DATA).
//!
//! A drafted link matches a gold link when, in two different articles, its
//! passages overlap the gold link's passages there (the rule of `verso
//! score`). Gold links whose id starts with `core` are the ones a careful
//! reader surely makes; the others (`also-N`) are defensible but weaker.
//! Reported: core recall (core links matched by a drafted link), precision
//! (drafted links matching a core or also link), conflicts found (gold
//! conflicts matched by a drafted conflict), false conflicts (drafted
//! conflicts matching no gold conflict), and the share of sentences the gold
//! links cover that the reader would show as "only this article has it".

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::annotate::links::{self, scorer};
use crate::outcome::{Done, Error, Outcome};
use crate::story::{self, LinkKind, Story};
use crate::text::Doc;

/// One pair's counts.
#[derive(Default, Debug, Clone, Copy)]
pub struct Counts {
    pub core: usize,
    pub core_found: usize,
    pub drafted: usize,
    pub drafted_right: usize,
    pub conflicts: usize,
    pub conflicts_found: usize,
    pub false_conflicts: usize,
    pub linked_sentences: usize,
    pub shown_only_here: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.core += o.core;
        self.core_found += o.core_found;
        self.drafted += o.drafted;
        self.drafted_right += o.drafted_right;
        self.conflicts += o.conflicts;
        self.conflicts_found += o.conflicts_found;
        self.false_conflicts += o.false_conflicts;
        self.linked_sentences += o.linked_sentences;
        self.shown_only_here += o.shown_only_here;
    }

    fn line(&self, what: &str) -> String {
        let r = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        format!(
            "{what:<40} core recall {:.2} ({}/{})  precision {:.2} ({}/{})  conflicts {}/{}  \
             false conflicts {}  only-here {:.0}% ({}/{})\n",
            r(self.core_found, self.core),
            self.core_found,
            self.core,
            r(self.drafted_right, self.drafted),
            self.drafted_right,
            self.drafted,
            self.conflicts_found,
            self.conflicts,
            self.false_conflicts,
            100.0 * r(self.shown_only_here, self.linked_sentences),
            self.shown_only_here,
            self.linked_sentences,
        )
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// A link as (article, range) passages.
type Passages = Vec<(usize, Range<usize>)>;

fn matches(d: &Passages, g: &Passages) -> bool {
    d.iter().any(|(pa, pr)| {
        d.iter().any(|(qa, qr)| {
            pa != qa
                && g.iter().any(|(ga, gr)| ga == pa && overlaps(gr, pr))
                && g.iter().any(|(ga, gr)| ga == qa && overlaps(gr, qr))
        })
    })
}

/// Loads a gold story, its articles read from under `data`.
fn load(data: &Path, gold: &Path) -> Result<Story, String> {
    let json = std::fs::read_to_string(gold).map_err(|e| format!("{}: {e}", gold.display()))?;
    let s = story::from_json(&gold.display().to_string(), &json, |file| {
        std::fs::read_to_string(data.join(file))
            .map_err(|e| format!("{}: {e}", data.join(file).display()))
    })
    .map_err(|e| e.to_string())?;
    if let Some(p) = s.problems.first() {
        return Err(format!("{}: {p}", gold.display()));
    }
    Ok(s)
}

/// Scores one pair: its counts and, for `--errors`, what went wrong.
pub fn pair(gold: &Story, scorer: &scorer::Scorers) -> (Counts, Vec<String>) {
    let texts: Vec<&str> = gold.articles.iter().map(|a| a.text.as_str()).collect();
    let docs: Vec<Doc> = texts.iter().map(|t| Doc::new(t)).collect();
    let drafted = links::find_with(&texts, &docs, scorer);
    let d: Vec<(Passages, LinkKind, Option<String>)> = drafted
        .into_iter()
        .map(|l| (vec![l.a, l.b], l.kind, l.note))
        .collect();
    let g: Vec<(Passages, &story::Link)> = gold
        .links
        .iter()
        .map(|l| {
            (
                l.passages
                    .iter()
                    .map(|p| (p.article, p.range.clone()))
                    .collect(),
                l,
            )
        })
        .collect();
    let mut c = Counts::default();
    let mut notes = Vec::new();
    let show = |p: &Passages| -> String {
        p.iter()
            .map(|(a, r)| {
                let t: String = texts[*a][r.clone()].to_string();
                format!("{}: {t}", gold.articles[*a].id)
            })
            .collect::<Vec<_>>()
            .join("\n      ")
    };
    for (gp, l) in &g {
        let found = d.iter().any(|(dp, _, _)| matches(dp, gp));
        if l.id.starts_with("core") {
            c.core += 1;
            c.core_found += usize::from(found);
            if !found {
                notes.push(format!("missed {}\n      {}", l.id, show(gp)));
            }
        }
        if l.kind == LinkKind::Conflict {
            c.conflicts += 1;
            let hit = d
                .iter()
                .any(|(dp, k, _)| *k == LinkKind::Conflict && matches(dp, gp));
            c.conflicts_found += usize::from(hit);
        }
    }
    for (dp, kind, note) in &d {
        c.drafted += 1;
        let right = g.iter().any(|(gp, _)| matches(dp, gp));
        c.drafted_right += usize::from(right);
        if !right {
            notes.push(format!("wrong {kind:?}\n      {}", show(dp)));
        }
        if *kind == LinkKind::Conflict {
            let real = g
                .iter()
                .any(|(gp, l)| l.kind == LinkKind::Conflict && matches(dp, gp));
            if !real {
                c.false_conflicts += 1;
                notes.push(format!(
                    "false conflict ({})",
                    note.clone().unwrap_or_default()
                ));
            }
        }
    }
    // Sentences the gold links cover, and which of them the draft leaves only-here.
    for (a, t) in texts.iter().enumerate() {
        let ranges = |ps: &mut dyn Iterator<Item = &Passages>| -> Vec<Range<usize>> {
            ps.flat_map(|p| p.iter().filter(|(x, _)| *x == a).map(|(_, r)| r.clone()))
                .collect()
        };
        let all = crate::only::only_here(t, &[]);
        let gold_only = crate::only::only_here(t, &ranges(&mut g.iter().map(|x| &x.0)));
        let draft_only = crate::only::only_here(t, &ranges(&mut d.iter().map(|x| &x.0)));
        for s in all.iter().filter(|s| !gold_only.contains(s)) {
            c.linked_sentences += 1;
            c.shown_only_here += usize::from(draft_only.contains(s));
        }
    }
    (c, notes)
}

/// Context-stage training rows from gold stories (each of two articles).
pub fn rows(golds: &[Story], sentence: &scorer::Scorer) -> (Vec<Vec<f32>>, Vec<bool>) {
    let (mut xs, mut ys) = (Vec::new(), Vec::new());
    for g in golds.iter().filter(|g| g.articles.len() == 2) {
        let texts: Vec<&str> = g.articles.iter().map(|a| a.text.as_str()).collect();
        let docs: Vec<Doc> = texts.iter().map(|t| Doc::new(t)).collect();
        let side = |l: &story::Link, a: usize| -> Vec<Range<usize>> {
            l.passages
                .iter()
                .filter(|p| p.article == a)
                .map(|p| p.range.clone())
                .collect()
        };
        let links: Vec<_> = g.links.iter().map(|l| (side(l, 0), side(l, 1))).collect();
        for (x, y) in links::meaning::training_rows(
            (texts[0], texts[1]),
            (&docs[0], &docs[1]),
            &links,
            sentence,
        ) {
            xs.push(x);
            ys.push(y);
        }
    }
    (xs, ys)
}

/// The context stage trained on gold stories, over the sentence stage `sentence`.
pub fn train_context(golds: &[Story], sentence: &scorer::Scorer, threshold: f32) -> scorer::Scorer {
    let (xs, ys) = rows(golds, sentence);
    scorer::Scorer::train(&links::context::NAMES, &xs, &ys, CONTEXT_L2, threshold)
}

/// The L2 penalty of the context stage (few examples: a firm one).
pub const CONTEXT_L2: f64 = 100.0;

/// Loads every gold story.
pub fn load_all(data: &Path, gold: &[PathBuf]) -> Result<Vec<Story>, Error> {
    gold.iter()
        .map(|g| load(data, g).map_err(Error::Input))
        .collect()
}

/// `verso links gold DATA GOLD...`; with `cv`, each pair is drafted with a
/// context stage trained on the other pairs given (leave one out).
pub fn run(
    data: &Path,
    gold: &[PathBuf],
    threshold: Option<f32>,
    cv: bool,
    errors: bool,
) -> Outcome {
    let bundled = scorer::get();
    let stories = load_all(data, gold)?;
    let mut total = Counts::default();
    let mut out = String::new();
    let mut messages = Vec::new();
    for (k, (path, story)) in gold.iter().zip(&stories).enumerate() {
        let mut s = bundled.clone();
        if cv {
            let others: Vec<Story> = stories
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != k)
                .map(|(_, s)| s.clone())
                .collect();
            s.context = train_context(&others, &s.sentence, s.context.threshold);
        }
        if let Some(t) = threshold {
            s.context.threshold = t;
        }
        let (c, notes) = pair(story, &s);
        let name = path
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        out += &c.line(&name);
        if errors {
            messages.push(format!("{name}:"));
            messages.extend(notes.into_iter().map(|n| format!("  {n}")));
        }
        total.add(&c);
    }
    out += &total.line(&format!("all {} pairs", gold.len()));
    Ok(Done {
        messages,
        ..Done::printing(out)
    })
}

/// `verso links train MSRP [DATA GOLD...] -o DIR`: the sentence stage from
/// MSRP, the context stage from the gold stories over it; both written to DIR
/// (`sentence.txt`, `context.txt`) atomically.
pub fn train(
    msrp: &Path,
    gold: Option<(&Path, &[PathBuf])>,
    out: &Path,
    thresholds: (f32, f32),
) -> Outcome {
    let sentence = crate::score::msrp::train_sentence(msrp, thresholds.0)?;
    let context = match gold {
        Some((data, files)) => {
            let stories = load_all(data, files)?;
            train_context(&stories, &sentence, thresholds.1)
        }
        None => scorer::get().context.clone(),
    };
    let write = |name: &str, text: String| {
        let p = out.join(name);
        crate::fsutil::write_atomically(&p, text)
            .map_err(|e| Error::Input(format!("{}: {e}", p.display())))
    };
    write("sentence.txt", sentence.to_text())?;
    write("context.txt", context.to_text())?;
    Ok(Done {
        messages: vec![format!(
            "weights to {}",
            out.join("sentence.txt and context.txt").display()
        )],
        ..Done::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A directory of its own under the system's temporary one.
    fn dir(name: &str) -> PathBuf {
        let d =
            std::env::temp_dir().join(format!("verso-links-gold-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    const A: &str = "Storm hits coast\n\nThe storm left 12 dead across the northern coastal towns on Sunday.\n\n\
                     The mayor said the sea wall held through the night and the harbour reopened.\n\n\
                     Schools in the district will open on Wednesday, officials said.\n";
    const B: &str = "Coast counts cost\n\nThe storm left at least fifteen dead across the northern coastal towns.\n\n\
                     Farmers in the valley counted their losses as rivers rose.\n\n\
                     Schools in the district will open on Wednesday, officials said.\n";

    fn gold(d: &Path) -> PathBuf {
        std::fs::write(d.join("a.txt"), A).unwrap();
        std::fs::write(d.join("b.txt"), B).unwrap();
        let json = r#"{"version": 1, "articles": [{"id": "a", "file": "a.txt"}, {"id": "b", "file": "b.txt"}],
          "links": [
            {"id": "core-1", "kind": "same", "passages": [
              {"article": "a", "text": "Schools in the district will open on Wednesday, officials said."},
              {"article": "b", "text": "Schools in the district will open on Wednesday, officials said."}]},
            {"id": "core-2", "kind": "conflict", "passages": [
              {"article": "a", "text": "The storm left 12 dead across the northern coastal towns on Sunday."},
              {"article": "b", "text": "The storm left at least fifteen dead across the northern coastal towns."}]},
            {"id": "core-3", "kind": "paraphrase", "passages": [
              {"article": "a", "text": "The mayor said the sea wall held through the night and the harbour reopened."},
              {"article": "b", "text": "Farmers in the valley counted their losses as rivers rose."}]}
          ]}"#;
        let g = d.join("gold.json");
        std::fs::write(&g, json).unwrap();
        g
    }

    #[test]
    fn core_links_found_and_a_conflict_are_counted() {
        let d = dir("count");
        let s = load(&d, &gold(&d)).unwrap();
        let (c, _) = pair(&s, scorer::get());
        assert_eq!((c.core, c.conflicts), (3, 1), "{c:?}");
        // The copied sentence and the two counts are found; the third pair
        // tells different things and is not.
        assert_eq!(c.core_found, 2, "{c:?}");
        assert_eq!(c.conflicts_found, 1, "{c:?}");
        assert_eq!(c.false_conflicts, 0, "{c:?}");
        assert!(c.drafted_right >= 2, "{c:?}");
        // The two sentences of the missed link are shown as only-here.
        assert_eq!((c.linked_sentences, c.shown_only_here), (6, 2), "{c:?}");
        std::fs::remove_dir_all(d).ok();
    }

    #[test]
    fn a_missing_article_is_named() {
        let d = dir("missing");
        let g = gold(&d);
        std::fs::remove_file(d.join("b.txt")).unwrap();
        let e = load(&d, &g).unwrap_err();
        assert!(e.contains("b.txt"), "{e}");
        std::fs::remove_dir_all(d).ok();
    }
}
