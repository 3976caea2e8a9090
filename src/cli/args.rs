//! The command line's arguments (clap): every command, its options and the
//! examples `--help` and the manual show.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(
    name = "verso",
    version,
    about = "Read news articles side by side: speakers, quotes, and the passages they share or dispute",
    subcommand_negates_reqs = true,
    after_help = "Examples:\n  verso                          read the bundled story\n  verso annotations/carter.json  read a story file\n  verso a.txt b.txt              read bare articles, with drafted annotations\n  verso a.html https://x.test/b  read a saved page and a web address\n  verso --fresh story.json       start at the top, not where you left it\n  verso check story.json         check a story file\n\nIn the reader, ? lists every key. Exit status: 0 ok, 1 problems, 2 a file could not be read."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A story file to read (none: the bundled story), or bare articles,
    /// annotated by a draft: text files ending in .txt, saved web pages
    /// (.html, .htm), or web addresses (http://, https://).
    pub files: Vec<PathBuf>,
    /// Read the configuration from this file (else VERSO_CONFIG, else the
    /// platform's config folder; see `verso config --path`).
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Start at the top, ignoring where the reader left this story.
    #[arg(long)]
    pub fresh: bool,
    /// Fetch web addresses again, even those kept in the cache.
    #[arg(long, global = true)]
    pub refresh: bool,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check story files: every field, every anchor. Prints a summary line per
    /// sound story, or every problem, one a line.
    #[command(
        after_help = "Examples:\n  verso check\n  verso check annotations/carter.json\n  verso annotate a.txt b.txt | verso check -\n\nExit status: 0 all sound, 1 problems found, 2 a file could not be read at all."
    )]
    Check {
        /// Story files (`-` for standard input); none: the bundled story.
        stories: Vec<PathBuf>,
    },
    /// Show the configuration: where it is read from, or a commented default file.
    #[command(
        after_help = "Examples:\n  verso config --path\n  verso config --default > ~/.config/verso/config.toml\n  verso --config my.toml render --keys '?'"
    )]
    Config {
        /// Print a commented config file with every default.
        #[arg(long)]
        default: bool,
        /// Print where the config is read from (the default without --default).
        #[arg(long)]
        path: bool,
    },
    /// Draw the reader's screen as text, ANSI or SVG, without a terminal, after
    /// feeding it keys: for tests, documentation, scripts and pictures.
    #[command(
        after_help = "KEYS uses vim notation: plain characters, <Enter>, <Tab>, <S-Tab>, <Esc>, <Space>,\n<Up> <Down> <Left> <Right>, <PageUp> <PageDown>, <C-d>, <lt> for a literal <.\n\nExamples:\n  verso render --size 120x40\n  verso render --size 100x30 --keys ']]]' --color\n  verso render --size 120x40 --keys ']' --format svg > screen.svg\n  verso render annotations/carter.json --keys '/six<Enter>'\n  verso render a.txt b.txt --keys '}xS Jane Doe<Enter>' --save corrected.json\n\nWith --save, the story after the keys is written to OUT through the same code as\nCtrl-s (in place when OUT is the story file; else article paths relative to OUT);\ncharacters typed into a picker or prompt are taken as typed, spaces included."
    )]
    Render {
        /// A story file, or bare articles (.txt, .html, addresses); none: the bundled story.
        files: Vec<PathBuf>,
        /// Screen size, COLUMNSxROWS, each from 1 to 1000.
        #[arg(long, default_value = "120x40", value_parser = parse_size)]
        size: (u16, u16),
        /// Keys to press before drawing.
        #[arg(long, default_value = "")]
        keys: String,
        /// How to print the screen: text, text with ANSI colours, or an SVG picture.
        #[arg(long, value_enum, default_value = "text")]
        format: crate::render::Format,
        /// Print colours and attributes as ANSI escape sequences (`--format ansi`).
        #[arg(long, conflicts_with = "format")]
        color: bool,
        /// After the keys, save the story (with the edits the keys made) to
        /// this file, atomically, and print nothing.
        #[arg(long, value_name = "OUT")]
        save: Option<PathBuf>,
    },
    /// Draft a story file from bare articles: speakers, quotes, and linked passages.
    #[command(
        after_help = "Examples:\n  verso annotate articles/*.txt | verso check -\n  verso annotate a.txt b.txt -o annotations/story.json\n  verso annotate https://x.test/a https://y.test/b -o story/story.json\n\nExit status: 0 drafted, 2 an article could not be read or drafting failed."
    )]
    Annotate {
        /// Article texts (UTF-8), saved web pages (.html, .htm) or web
        /// addresses; a page's text is written to articles/NAME.txt beside
        /// the story (never over a different file).
        #[arg(required = true)]
        articles: Vec<PathBuf>,
        /// Write the story here (atomically); article paths become relative to its
        /// folder. Default: standard output, paths relative to the current folder.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Score a story against a reference: precision, recall and F1 of quotes
    /// (per kind), speaker attribution, and links.
    #[command(
        after_help = "Examples:\n  verso score draft.json annotations/carter.json\n  verso annotate articles/*.txt | verso score -    (against the bundled story)\n  verso annotate articles/*.txt -o draft.json && verso score draft.json annotations/carter.json --json\n  verso import X.ann --text X.txt -o gold.json && verso score draft.json gold.json --attributions\n  verso score corrected.json draft.json --changes    (what a person changed)\n\nExit status: 0 scored, 2 a story could not be read."
    )]
    Score {
        /// The story to score (`-` for standard input); with --changes, the
        /// corrected story.
        draft: PathBuf,
        /// The reference story (`-` for standard input); none: the bundled story.
        /// With --changes, the draft it was corrected from (required).
        gold: Option<PathBuf>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// The PolNeAR attribution measure instead: precision, recall, F1,
        /// direct-quote recall and speaker, with quotes matching by a Jaccard
        /// overlap of at least 0.3 (for a gold story imported from PARC/PolNeAR).
        #[arg(long)]
        attributions: bool,
        /// Count what a person changed from the draft (the second story) to
        /// the corrected one (the first): quotes deleted, added, re-attributed,
        /// of another kind or other bounds; links deleted, added, retyped, with
        /// another note or other passages; speakers renamed, added, removed
        /// (merged), aliases added and removed; the edits in all, and the share
        /// of the draft kept unchanged. Matched by text, not by id.
        #[arg(long, requires = "gold", conflicts_with = "attributions")]
        changes: bool,
    },
    /// Who gets heard: per speaker and article, quotes (direct, mixed, indirect),
    /// words quoted and their share; per story, the quotes another article carries
    /// too and those only one article carries.
    #[command(
        after_help = "A word is a segment between Unicode word boundaries that holds a letter or digit;\nwords quoted are the words of the quote's whole span. A quote is carried by\nanother article when a link joins a passage overlapping it to a passage there.\n\nExamples:\n  verso stats\n  verso stats annotations/carter.json --format csv > carter.csv\n  verso annotate a.txt b.txt | verso stats - --format json\n\nExit status: 0 counted, 1 the story has problems (counted over what is sound),\n2 the story could not be read."
    )]
    Stats {
        /// The story file (`-` for standard input); none: the bundled story.
        story: Option<PathBuf>,
        /// How to print: an 80-column table, CSV, or JSON.
        #[arg(long, value_enum, default_value = "table")]
        format: crate::stats::Format,
    },
    /// Write a story for other annotation tools: W3C Web Annotation JSON-LD, one
    /// annotation per quote and per link passage, offsets in code points.
    #[command(
        after_help = "Examples:\n  verso export --to w3c > carter.jsonld\n  verso export --to w3c annotations/carter.json -o carter.jsonld\n  verso export --to w3c story.json | verso import - -o copy.json\n\ntarget.source is the article's url when it has one (its text's path then in\nverso:articles as file), else its text's path: relative to the output file's\nfolder, absolute on standard output, so the file imports back from anywhere.\n\nExit status: 0 written, 1 written without the story's problems (listed),\n2 the story could not be read or the output not written."
    )]
    Export {
        /// The format to write.
        #[arg(long, value_enum)]
        to: crate::exchange::ExportFormat,
        /// The story file (`-` for standard input); none: the bundled story.
        story: Option<PathBuf>,
        /// Write here (atomically) instead of to standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Read annotations made in other tools into a story file: W3C Web Annotation
    /// JSON-LD, or a brat standoff .ann file with its text.
    #[command(
        after_help = "Examples:\n  verso import carter.jsonld -o annotations/carter-copy.json\n  verso import doc.ann -o story.json            (text: doc.txt beside it)\n  verso import doc.ann --text other/doc.txt -o story.json\n  verso import hypothesis.json --text article.txt -o story.json && verso story.json\n\nW3C: each article is read from the --text file with the same file name, else\nfrom the file its verso:articles entry or target.source names (absolute, or\nrelative to the annotation file). brat: entity\ntypes Speaker/Person/Organization are mentions of speakers, Quote/Direct/\nIndirect/Mixed are quotes, Cue their cue; a relation joins a quote to its\nspeaker (see README.md for the whole mapping).\n\nExit status: 0 imported, 1 imported with problems (listed; the story is written),\n2 an input could not be read or the output not written."
    )]
    Import {
        /// The annotation file (`-` for standard input).
        file: PathBuf,
        /// Its format; default: brat for a file ending in .ann, else W3C.
        #[arg(long, value_enum)]
        from: Option<crate::exchange::ImportFormat>,
        /// An article text the annotations refer to (repeatable).
        #[arg(long = "text", value_name = "ARTICLE.txt")]
        texts: Vec<PathBuf>,
        /// Write the story here (atomically); article paths become relative to
        /// its folder. Default: standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  verso completions bash > ~/.local/share/bash-completion/completions/verso\n  verso completions zsh > ~/.zfunc/_verso\n  verso completions fish > ~/.config/fish/completions/verso.fish"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), made from the same definitions as --help.
    #[command(
        after_help = "Examples:\n  verso man | man -l -\n  verso man > ~/.local/share/man/man1/verso.1"
    )]
    Man,
    /// Train or measure the drafter's attribution tagger on PolNeAR
    /// (github.com/networkdynamics/PolNeAR: DATA holds train/ and dev/).
    #[command(
        subcommand,
        after_help = "Examples:\n  verso model train ../shared/data/polnear\n  verso model eval ../shared/data/polnear --split dev"
    )]
    Model(ModelCommand),
    /// Measure the drafted links on revision pairs of a corpus (PolNeAR:
    /// DATA/train/text; README.md, "Links").
    #[command(
        subcommand,
        after_help = "Examples:\n  verso links eval ../shared/data/polnear\n  verso links eval ../shared/data/polnear --half all --errors"
    )]
    Links(LinksCommand),
}

#[derive(Subcommand, Debug)]
pub enum LinksCommand {
    /// Find the revision pairs of DATA/train/text (one outlet, a few days
    /// apart, sharing three 8-word runs), derive gold links from each edit, and
    /// report same-link recall, link precision, conflict recall and precision,
    /// and only-here recall and precision.
    /// Measure drafted links against links marked by hand on pairs of
    /// independent reports (story files; their articles' files relative to
    /// DATA): core recall, precision, conflicts found and false, and the share
    /// of linked sentences shown as only-here.
    Gold {
        /// The folder the gold files' article paths are relative to.
        data: PathBuf,
        /// Gold story files.
        #[arg(required = true)]
        gold: Vec<PathBuf>,
        /// The link threshold (default: the bundled scorer's).
        #[arg(long)]
        threshold: Option<f32>,
        /// Draft each pair with a context stage trained on the other pairs given.
        #[arg(long)]
        cv: bool,
        /// List on standard error each missed core link, wrong link and false conflict.
        #[arg(long)]
        errors: bool,
    },
    /// Measure the link drafter on MSRP (news sentence pairs judged
    /// equivalent or not) by cross-validation: each fold's scorer is trained
    /// on the other folds, and each pair drafted as two one-sentence articles.
    Msrp {
        /// The MSRP folder (with train.tsv) or the split file.
        data: PathBuf,
        /// Folds of the cross-validation.
        #[arg(long, default_value_t = 10)]
        folds: usize,
        /// The link threshold (default: the bundled scorer's).
        #[arg(long)]
        threshold: Option<f32>,
        /// List on standard error each pair judged wrong and each false conflict.
        #[arg(long)]
        errors: bool,
    },
    /// Train the link scorer: the sentence stage on MSRP's train split, the
    /// context stage on gold story files (articles relative to --data); same
    /// data, same weights.
    Train {
        /// The MSRP folder (with train.tsv) or the split file.
        msrp: PathBuf,
        /// The folder the gold files' article paths are relative to.
        #[arg(long, requires = "gold")]
        data: Option<PathBuf>,
        /// Gold story files for the context stage (default: keep the bundled one).
        #[arg(long, num_args = 1.., requires = "data")]
        gold: Vec<PathBuf>,
        /// The folder to write sentence.txt and context.txt to, atomically; the
        /// bundled scorer is compiled into the next build.
        #[arg(short, long, default_value = "src/annotate/links")]
        output: PathBuf,
        /// The sentence stage's threshold (pairs of one-passage articles).
        #[arg(long)]
        threshold: f32,
        /// The context stage's threshold (passages within articles).
        #[arg(long)]
        context_threshold: f32,
    },
    Eval {
        /// The corpus folder.
        data: PathBuf,
        /// The pairs to measure: those kept for reporting (by a hash of their
        /// names), those for tuning, or all.
        #[arg(long, value_enum, default_value = "report")]
        half: crate::score::links_eval::Half,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// List on standard error each pair's figures, wrong links and missed pairs.
        #[arg(long)]
        errors: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum ModelCommand {
    /// Learn the tagger's weights from DATA/train; same data, same weights.
    Train {
        /// The corpus folder (with train/text and train/attributions).
        data: PathBuf,
        /// The folder to write the weights (model.bin) and the learned cue words
        /// (cues.txt) to, atomically; the bundled model is src/annotate/model,
        /// compiled into the next build.
        #[arg(short, long, default_value = "src/annotate/model")]
        output: PathBuf,
        /// Passes over the training data.
        #[arg(long, default_value_t = 8)]
        epochs: usize,
    },
    /// Draft every article of DATA/SPLIT and measure the drafts against its
    /// annotations (the corpus measure: README.md, "Drafting annotations").
    Eval {
        /// The corpus folder.
        data: PathBuf,
        /// The split to measure.
        #[arg(long, default_value = "dev")]
        split: String,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// List on standard error each false, missed and misattributed quote.
        #[arg(long)]
        errors: bool,
    },
}

/// The largest `render --size` side: the screen is a buffer of every cell, so
/// 65535x65535 would ask for hundreds of gigabytes.
const MAX_RENDER_SIDE: u16 = 1000;

fn parse_size(s: &str) -> Result<(u16, u16), String> {
    let (w, h) = s
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("{s:?}: expected COLUMNSxROWS, e.g. 100x30"))?;
    let n = |v: &str| {
        v.trim()
            .parse::<u16>()
            .ok()
            .filter(|&n| (1..=MAX_RENDER_SIDE).contains(&n))
    };
    match (n(w), n(h)) {
        (Some(w), Some(h)) => Ok((w, h)),
        _ => Err(format!(
            "{s:?}: columns and rows must be whole numbers from 1 to {MAX_RENDER_SIDE}"
        )),
    }
}
