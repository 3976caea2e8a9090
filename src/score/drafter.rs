//! `verso model eval`: the whole drafter measured on a split of PolNeAR with
//! the corpus measure ([`super::attribution`]).

use std::path::Path;
use std::time::Instant;

use super::attribution::{AttributionFigures, DraftQuote, measure, mistakes};
use crate::annotate::model::train::{article_of, load_split};
use crate::exchange::CharMap;
use crate::exchange::parc::gold_from_parc;
use crate::outcome::{Done, Error, Found, Outcome};

/// One article's draft as the measure sees it (byte ranges and speaker
/// names), or the drafter's panic message.
fn drafted(text: &str, name: &str) -> Result<Vec<DraftQuote>, String> {
    let story = crate::annotate::guard::try_draft(&[(format!("{name}.txt"), text.to_string())])?;
    let map = CharMap::new(text);
    Ok(story
        .quotes
        .iter()
        .filter_map(|q| {
            let start = map.byte(q.selector.start? as usize)?;
            let sp = story.speakers.iter().find(|s| s.id == q.speaker)?;
            let mut names = vec![sp.name.clone()];
            names.extend(sp.aliases.iter().cloned());
            Some(DraftQuote {
                range: start..start + q.selector.text.len(),
                names,
            })
        })
        .collect())
}

/// `verso model eval DATA --split SPLIT`: drafts each article of the split
/// once (the first annotation file of an article annotated twice) and reports
/// the corpus measure; an article whose draft panics is named, and is a
/// problem (exit 1). With `errors`, each mistake is a message
/// (`ARTICLE<tab>KIND<tab>...`).
pub fn eval(data: &Path, split: &str, json: bool, errors: bool) -> Outcome {
    let t0 = Instant::now();
    let examples = load_split(data, split).map_err(Error::Input)?;
    let mut total = AttributionFigures::default();
    let mut articles = 0;
    let mut failed = Vec::new();
    let mut messages = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for ex in &examples {
        let article = article_of(&ex.name);
        if !seen.insert(article.to_string()) {
            continue;
        }
        articles += 1;
        match drafted(&ex.text, article) {
            Ok(draft) => {
                let gold = gold_from_parc(&ex.parc, &ex.text);
                if errors {
                    messages.extend(
                        mistakes(&ex.text, &draft, &gold)
                            .into_iter()
                            .map(|m| format!("{article}\t{m}")),
                    );
                }
                total.add(&measure(&draft, &gold))
            }
            Err(msg) => failed.push(format!("{article}: {msg}")),
        }
    }
    let output = if json {
        let v = serde_json::json!({"split": split, "articles": articles, "failed": failed, "figures": total});
        format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default())
    } else {
        let mut out = format!(
            "PolNeAR {split}: {articles} articles drafted in {:.1} s, {} failed\n\n{}",
            t0.elapsed().as_secs_f64(),
            failed.len(),
            total.table()
        );
        for f in &failed {
            out.push_str(&format!("draft failed: {f}\n"));
        }
        out
    };
    let found = if failed.is_empty() {
        Found::Sound
    } else {
        Found::Problems
    };
    Ok(Done {
        output,
        messages,
        found,
        ..Done::default()
    })
}
