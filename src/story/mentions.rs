//! Mentions: every whole-word occurrence of a speaker's name or alias in each
//! article, found in one pass per article.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

use super::{Article, Mention, Problem, Speaker};

/// Fills `mentions` of every article. A name or alias given to two speakers is a
/// problem; the first speaker keeps it.
pub(super) fn find(articles: &mut [Article], speakers: &[Speaker], problems: &mut Vec<Problem>) {
    let mut owner: HashMap<&str, usize> = HashMap::new();
    let mut patterns: Vec<&str> = Vec::new();
    for (si, s) in speakers.iter().enumerate() {
        for name in std::iter::once(&s.name).chain(&s.aliases) {
            let name = name.as_str();
            match owner.get(name) {
                Some(&other) if other != si => problems.push(Problem::new(
                    format!("speakers[{si}]"),
                    Some(&s.id),
                    format!(
                        "\"{name}\" also names speaker \"{}\"; its mentions are shown as theirs",
                        speakers[other].id
                    ),
                )),
                Some(_) => {}
                None => {
                    owner.insert(name, si);
                    patterns.push(name);
                }
            }
        }
    }
    if patterns.is_empty() {
        return;
    }
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .expect("speaker names always build");
    for article in articles {
        let text = &article.text;
        article.mentions = ac
            .find_iter(text)
            .filter(|m| whole_word(text, m.start(), m.end()))
            .map(|m| super::Mention {
                range: m.start()..m.end(),
                speaker: owner[patterns[m.pattern().as_usize()]],
            })
            .collect::<Vec<Mention>>();
    }
}

/// True when `text[start..end]` is not part of a longer word.
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let inner = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let first = text[start..end].chars().next();
    let last = text[start..end].chars().next_back();
    // Only a name that starts (ends) with a word character needs a boundary there.
    !(inner(first) && inner(before) || inner(last) && inner(after))
}

#[cfg(test)]
mod tests {
    use super::whole_word;

    #[test]
    fn whole_words_only() {
        let t = "Mr Carters and Mr Carter.";
        assert!(!whole_word(t, 0, 9));
        assert!(whole_word(t, 15, 24));
    }
}
