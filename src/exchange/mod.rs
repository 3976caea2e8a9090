//! Exchange with annotation tools: `verso export` and `verso import`.
//!
//! [`w3c`] writes a story as W3C Web Annotation JSON-LD and reads it back;
//! [`brat`] reads brat standoff files (`.ann` beside its `.txt`), handing those
//! in the PARC/PolNeAR attribution style ([`parc`]) to [`parc_import`].
//! Importers build a [`StoryFile`] whose article `file` fields are absolute
//! paths, plus the texts they read; [`run_import`] makes the paths relative to
//! the output's folder and anchors the result like `verso check` would, for
//! `cli` to write atomically.
//!
//! Offsets exchanged with other tools are counted in Unicode code points (as
//! FORMAT.md's `start`, the W3C TextPositionSelector and brat count them), never
//! in bytes; [`CharMap`] converts.

pub mod brat;
// parc.rs shows brat lines with their tabs in its doc comment; its owner
// decides whether to change them.
pub mod parc;
pub mod parc_import;
pub mod w3c;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::outcome::{Done, Error, Outcome};
use crate::story::format::{
    ArticleEntry, LinkEntry, PassageEntry, QuoteEntry, Selector, SpeakerEntry, StoryFile, VERSION,
};
use crate::story::{Color, Story};

/// What `verso export --to` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// W3C Web Annotation JSON-LD: an AnnotationCollection.
    W3c,
}

/// What `verso import --from` reads (default: by the file's extension).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFormat {
    /// W3C Web Annotation JSON-LD (a collection, a page, a list, or one annotation).
    W3c,
    /// brat standoff: an `.ann` file with its text.
    Brat,
}

/// Converts between bytes and code points: the story's [`CharIndex`](crate::story::CharIndex)
/// under the name the importers and exporters know it by.
pub type CharMap<'t> = crate::story::CharIndex<'t>;

/// A colour the way a story file writes it: a name, `#rrggbb`, or an index.
pub fn color_name(c: Color) -> String {
    match c {
        Color::Named(i) => Color::NAMES[usize::from(i)].to_string(),
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(n) => n.to_string(),
    }
}

/// A loaded story written back as a story file in one canonical form: every
/// anchor as its exact text plus its `start` in code points (no prefix or
/// suffix), kinds and titles spelled out, article `file` fields as the story had
/// them. Two stories are the same story when their canonical forms are equal
/// (paths aside) and their articles have the same texts.
pub fn canonical(story: &Story) -> StoryFile {
    let maps: Vec<CharMap> = story
        .articles
        .iter()
        .map(|a| CharMap::new(&a.text))
        .collect();
    let sel = |a: usize, r: &std::ops::Range<usize>| Selector {
        text: story.articles[a].text[r.clone()].to_string(),
        prefix: None,
        suffix: None,
        start: Some(maps[a].cp(r.start) as u64),
    };
    StoryFile {
        version: VERSION,
        title: Some(story.title.clone()),
        articles: story
            .articles
            .iter()
            .map(|a| ArticleEntry {
                id: a.id.clone(),
                file: a.file.clone(),
                title: Some(a.title.clone()),
                outlet: a.outlet.clone(),
                published: a.published.clone(),
                url: a.url.clone(),
            })
            .collect(),
        speakers: story
            .speakers
            .iter()
            .map(|s| SpeakerEntry {
                id: s.id.clone(),
                name: s.name.clone(),
                description: s.description.clone(),
                aliases: s.aliases.clone(),
                color: s.color.map(color_name),
            })
            .collect(),
        quotes: story
            .quotes
            .iter()
            .map(|q| QuoteEntry {
                id: q.id.clone(),
                article: story.articles[q.article].id.clone(),
                speaker: story.speakers[q.speaker].id.clone(),
                kind: Some(q.kind.as_str().to_string()),
                cue: q.cue.clone(),
                selector: sel(q.article, &q.range),
            })
            .collect(),
        links: story
            .links
            .iter()
            .map(|l| LinkEntry {
                id: l.id.clone(),
                kind: Some(l.kind.as_str().to_string()),
                note: l.note.clone(),
                passages: l
                    .passages
                    .iter()
                    .map(|p| PassageEntry {
                        article: story.articles[p.article].id.clone(),
                        selector: sel(p.article, &p.range),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// The folder a story's article paths are relative to, absolute: the story
/// file's folder, the current folder for `-`, and `annotations/` of the current
/// folder for the bundled story (where it lives in the source tree).
pub fn story_folder(path: Option<&Path>) -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let dir = match path {
        None => Path::new(crate::story::bundled::SOURCE)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default(),
        Some(p) if p == Path::new("-") => PathBuf::from("."),
        Some(p) => p
            .parent()
            .map(Path::to_path_buf)
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or_else(|| PathBuf::from(".")),
    };
    crate::fsutil::absolute(&cwd, &dir)
}

/// `verso export --to FORMAT [STORY] [-o FILE]`: the export, for `out` or
/// standard output; the story's problems are left out and said (exit 1).
pub fn run_export(to: ExportFormat, story: Option<&Path>, out: Option<&Path>) -> Outcome {
    let loaded = crate::story::open(story)?;
    // Paths that read back wherever the output goes: relative to the output
    // file's folder, absolute on standard output (which has no folder).
    let folder = story_folder(story);
    let base = crate::fsutil::output_base(out);
    let mut files: Vec<String> = Vec::new();
    for a in &loaded.articles {
        let abs = crate::fsutil::absolute(&folder, Path::new(&a.file));
        let path = match out {
            Some(_) => crate::fsutil::relative_utf8(&base, &abs),
            None => abs.to_str().map(str::to_string),
        };
        let Some(path) = path else {
            return Err(Error::Input(format!(
                "{}: the path is not UTF-8, so target.source cannot name it; rename the folder or write the output next to the story",
                abs.display()
            )));
        };
        files.push(path);
    }
    let output = match to {
        ExportFormat::W3c => w3c::export(&loaded, &files),
    };
    let left_out = loaded
        .problems
        .iter()
        .map(|p| format!("{}: {p} (left out of the export)", loaded.source));
    Ok(Done {
        to: out.map(Path::to_path_buf),
        ..Done::printing(output)
    }
    .with_problems(left_out))
}

/// What an importer read: a story whose article `file` fields are absolute
/// paths, the texts of those files, and what could not be carried over.
#[derive(Debug, Default)]
pub struct Imported {
    pub story: StoryFile,
    /// `(absolute path, text)` of every article.
    pub texts: Vec<(PathBuf, String)>,
    /// Things in the input that could not be carried over, or were wrong: each
    /// makes the exit code 1.
    pub problems: Vec<String>,
    /// Things skipped on purpose (annotation types verso has no place for).
    pub notes: Vec<String>,
}

impl Imported {
    /// Sets the story to one article, `id`, read from `txt`, with its speakers
    /// and quotes (the brat importers' result).
    pub fn one_article(
        &mut self,
        id: String,
        txt: &Path,
        text: String,
        speakers: Vec<SpeakerEntry>,
        quotes: Vec<QuoteEntry>,
    ) {
        let abs = absolute(txt);
        self.story = StoryFile {
            version: VERSION,
            title: None,
            articles: vec![ArticleEntry {
                id,
                file: abs.display().to_string(),
                ..ArticleEntry::default()
            }],
            speakers,
            quotes,
            links: Vec::new(),
        };
        self.texts = vec![(abs, text)];
    }
}

/// An input that cannot be read at all (exit code 2): the message names the file
/// and, where it can, the place in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError(pub String);

impl From<ImportError> for Error {
    fn from(e: ImportError) -> Error {
        Error::Input(e.0)
    }
}

/// `verso import FILE [--from F] [--text T ...] [-o STORY]`: the story, for
/// `out` or standard output, with the importer's notes and every problem
/// (written all the same; exit 1).
pub fn run_import(
    file: &Path,
    from: Option<ImportFormat>,
    texts: &[PathBuf],
    out: Option<&Path>,
) -> Outcome {
    let from = from.unwrap_or_else(|| {
        if file
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("ann"))
        {
            ImportFormat::Brat
        } else {
            ImportFormat::W3c
        }
    });
    let imported = match from {
        ImportFormat::W3c => w3c::import(file, texts),
        ImportFormat::Brat => brat::import(file, texts),
    }?;
    let notes: Vec<String> = imported
        .notes
        .iter()
        .map(|n| format!("{}: note: {n}", file.display()))
        .collect();
    let (json, problems) = finish(imported, &crate::fsutil::output_base(out), file);
    Ok(Done {
        to: out.map(Path::to_path_buf),
        messages: notes,
        ..Done::printing(json)
    }
    .with_problems(problems))
}

/// Makes article paths relative to `base`, anchors the story as `verso check`
/// would, and returns its JSON and every problem (the importer's and the
/// check's).
pub fn finish(mut imported: Imported, base: &Path, input: &Path) -> (String, Vec<String>) {
    let mut by_file: BTreeMap<String, String> = BTreeMap::new();
    for a in &mut imported.story.articles {
        let abs = PathBuf::from(&a.file);
        let rel = crate::fsutil::relative(base, &abs);
        if let Some((_, t)) = imported.texts.iter().find(|(p, _)| *p == abs) {
            by_file.insert(rel.clone(), t.clone());
        }
        a.file = rel;
    }
    let json = imported.story.to_json();
    let mut problems: Vec<String> = imported
        .problems
        .iter()
        .map(|p| format!("{}: {p}", input.display()))
        .collect();
    let source = format!("{} (imported)", input.display());
    match crate::story::from_json(&source, &json, |f| {
        by_file
            .get(f)
            .cloned()
            .ok_or_else(|| format!("article file {f}: not read"))
    }) {
        Ok(s) => problems.extend(s.problems.iter().map(|p| format!("{source}: {p}"))),
        Err(e) => problems.push(e.to_string()),
    }
    (json, problems)
}

/// An id made of `[a-z0-9_-]` from any string (lower case, common accents
/// dropped, anything else a `-`; `x` if nothing is left), made
/// unique among `taken` by a numeric suffix, and added to it.
pub fn unique_id(raw: &str, taken: &mut Vec<String>) -> String {
    const ACCENTED: &str = "àáâãäåāăąçćčďèéêëēėęěìíîïīįłñńňòóôõöøōőŕřśšşťùúûüūůűųýÿźżž";
    const PLAIN: &str = "aaaaaaaaacccdeeeeeeeeiiiiiilnnnoooooooorrssstuuuuuuuuyyzzz";
    let mut base: String = raw
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else if let Some(i) = ACCENTED.chars().position(|a| a == c) {
                PLAIN.chars().nth(i).unwrap_or('-')
            } else {
                '-'
            }
        })
        .collect();
    while base.contains("--") {
        base = base.replace("--", "-");
    }
    let base = base.trim_matches('-').to_string();
    let base = if base.is_empty() {
        "x".to_string()
    } else {
        base
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.push(id.clone());
    id
}

/// Reads an input file for an importer, or says why not (naming it).
pub fn read_input(path: &Path) -> Result<String, ImportError> {
    if path == Path::new("-") {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
            .map_err(|e| ImportError(format!("-: cannot read standard input: {e}")))?;
        return Ok(s);
    }
    crate::story::read_text(path).map_err(|m| ImportError(format!("{}: {m}", path.display())))
}

/// The absolute path of a file named on the command line.
pub fn absolute(p: &Path) -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    crate::fsutil::absolute(&cwd, p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_map_counts_code_points() {
        let m = CharMap::new("aé日b");
        assert_eq!(m.len(), 4);
        assert_eq!(m.byte(2), Some(3));
        assert_eq!(m.byte(4), Some(7));
        assert_eq!(m.byte(5), None);
        assert_eq!(m.cp(6), 3);
        // Inside a character: that character.
        assert_eq!(m.cp(4), 2);
        assert_eq!(m.cp(2), 1);
        assert!(!m.is_empty() && CharMap::new("").is_empty());
        assert_eq!(m.cp(7), 4);
    }

    #[test]
    fn ids_are_clean_and_unique() {
        let mut taken = vec![];
        assert_eq!(unique_id("Chris Carter", &mut taken), "chris-carter");
        assert_eq!(unique_id("chris carter!", &mut taken), "chris-carter-2");
        assert_eq!(unique_id("Zoë Tāne", &mut taken), "zoe-tane");
        assert_eq!(unique_id("日本", &mut taken), "x");
        assert_eq!(unique_id("...", &mut taken), "x-2");
    }

    #[test]
    fn colors_round_trip() {
        for s in ["yellow", "#ffcc00", "214", "lightblue"] {
            assert_eq!(color_name(Color::parse(s).unwrap()), s);
        }
    }
}
