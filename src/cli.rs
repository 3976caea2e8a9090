//! The command line: arguments (clap), the `check` command, and the exit codes.
//!
//! Exit codes: 0 all sound; 1 problems found; 2 a file could not be read at all
//! (or the command line was wrong).

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::story::{self, LoadError, Story};

#[derive(Parser, Debug)]
#[command(
    name = "verso",
    version,
    about = "Read news articles side by side: speakers, quotes, and the passages they share or dispute",
    subcommand_negates_reqs = true,
    after_help = "Examples:\n  verso                          read the bundled story\n  verso annotations/carter.json  read a story file\n  verso a.txt b.txt              read bare articles, with drafted annotations\n  verso --fresh story.json       start at the top, not where you left it\n  verso check story.json         check a story file\n\nIn the reader, ? lists every key. Exit status: 0 ok, 1 problems, 2 a file could not be read."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A story file to read (none: the bundled story), or bare article files
    /// ending in .txt, annotated by a draft.
    pub files: Vec<PathBuf>,
    /// Read the configuration from this file (else VERSO_CONFIG, else the
    /// platform's config folder; see `verso config --path`).
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Start at the top, ignoring where the reader left this story.
    #[arg(long)]
    pub fresh: bool,
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
    /// Draw the reader's screen as text, without a terminal, after feeding it
    /// keys: for tests, documentation and scripts.
    #[command(
        after_help = "KEYS uses vim notation: plain characters, <Enter>, <Tab>, <S-Tab>, <Esc>, <Space>,\n<Up> <Down> <Left> <Right>, <PageUp> <PageDown>, <C-d>, <lt> for a literal <.\n\nExamples:\n  verso render --size 120x40\n  verso render --size 100x30 --keys ']]]' --color\n  verso render annotations/carter.json --keys '/six<Enter>'"
    )]
    Render {
        /// A story file, or bare .txt articles; none: the bundled story.
        files: Vec<PathBuf>,
        /// Screen size, COLUMNSxROWS, each from 1 to 1000.
        #[arg(long, default_value = "120x40", value_parser = parse_size)]
        size: (u16, u16),
        /// Keys to press before drawing.
        #[arg(long, default_value = "")]
        keys: String,
        /// Print colours and attributes as ANSI escape sequences.
        #[arg(long)]
        color: bool,
    },
    /// Draft a story file from bare articles: speakers, quotes, and linked passages.
    #[command(
        after_help = "Examples:\n  verso annotate articles/*.txt | verso check -\n  verso annotate a.txt b.txt -o annotations/story.json\n\nExit status: 0 drafted, 2 an article could not be read or drafting failed."
    )]
    Annotate {
        /// Article texts (UTF-8).
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
        after_help = "Examples:\n  verso score draft.json annotations/carter.json\n  verso annotate articles/*.txt -o draft.json && verso score draft.json annotations/carter.json --json\n  verso import X.ann --text X.txt -o gold.json && verso score draft.json gold.json --attributions\n\nExit status: 0 scored, 2 a story could not be read."
    )]
    Score {
        /// The story to score.
        draft: PathBuf,
        /// The reference story.
        gold: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// The PolNeAR attribution measure instead: precision, recall, F1,
        /// direct-quote recall and speaker, with quotes matching by a Jaccard
        /// overlap of at least 0.3 (for a gold story imported from PARC/PolNeAR).
        #[arg(long)]
        attributions: bool,
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
        after_help = "Examples:\n  verso export --to w3c > carter.jsonld\n  verso export --to w3c annotations/carter.json -o carter.jsonld\n  verso export --to w3c story.json | verso import - -o copy.json\n\nArticle paths in target.source are relative to the output file's folder (to the\ncurrent folder on standard output).\n\nExit status: 0 written, 1 written without the story's problems (listed),\n2 the story could not be read or the output not written."
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
        after_help = "Examples:\n  verso import carter.jsonld -o annotations/carter-copy.json\n  verso import doc.ann -o story.json            (text: doc.txt beside it)\n  verso import doc.ann --text other/doc.txt -o story.json\n  verso import hypothesis.json --text article.txt -o story.json && verso story.json\n\nW3C: each target.source is read from the path it names (relative to the\nannotation file), or from the --text file with the same file name. brat: entity\ntypes Speaker/Person/Organization are mentions of speakers, Quote/Direct/\nIndirect/Mixed are quotes, Cue their cue; a relation joins a quote to its\nspeaker (see README.md for the whole mapping).\n\nExit status: 0 imported, 1 imported with problems (listed; the story is written),\n2 an input could not be read or the output not written."
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

/// `verso completions SHELL`: the completion script on standard output.
fn completions(shell: clap_complete::Shell) -> i32 {
    let mut cmd = <Cli as clap::CommandFactory>::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "verso", &mut script);
    if emit("completions", &String::from_utf8_lossy(&script)) {
        0
    } else {
        2
    }
}

/// `verso man`: the manual page on standard output.
fn man() -> i32 {
    match crate::fsutil::emit(None, &man_page()) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("verso man: {e}");
            2
        }
    }
}

/// The manual page, verso(1), in roff: the program's page as clap_mangen makes
/// it, then one section per command (its synopsis, description, options and
/// examples as subsections), all from the definitions `--help` prints.
pub fn man_page() -> String {
    let mut cmd = <Cli as clap::CommandFactory>::command();
    cmd.build();
    let mut buf = Vec::new();
    let _ = clap_mangen::Man::new(cmd.clone()).render(&mut buf);
    let mut page = String::from_utf8_lossy(&buf).into_owned();
    for sub in cmd.get_subcommands() {
        // The commands are sections of this page, not pages of their own.
        let name = sub.get_name();
        page = page.replace(
            &format!("verso\\-{name}(1)"),
            &format!("\\fBverso {name}\\fR"),
        );
        if name == "help" {
            continue;
        }
        let m = clap_mangen::Man::new(sub.clone());
        let mut part = Vec::new();
        let _ = m.render_synopsis_section(&mut part);
        let _ = m.render_description_section(&mut part);
        if sub.get_arguments().any(|a| !a.is_hide_set()) {
            let _ = m.render_options_section(&mut part);
        }
        if sub.get_after_help().is_some() {
            let _ = m.render_extra_section(&mut part);
        }
        page.push_str(&format!(".SH \"VERSO {}\"\n", name.to_uppercase()));
        page.push_str(
            &String::from_utf8_lossy(&part)
                .replace(".SH EXTRA", ".SS DETAILS")
                .replace(".SH ", ".SS "),
        );
    }
    page
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

/// Runs the program and returns its exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match cli.command {
        Some(Command::Check { stories }) => check(&stories),
        Some(Command::Render {
            files,
            size,
            keys,
            color,
        }) => render(&files, size, &keys, color, cli.config.as_deref()),
        Some(Command::Annotate { articles, output }) => {
            crate::annotate::run(&articles, output.as_deref())
        }
        Some(Command::Score {
            draft,
            gold,
            json,
            attributions,
        }) => crate::score::run(&draft, &gold, json, attributions),
        Some(Command::Stats { story, format }) => crate::stats::run(story.as_deref(), format),
        Some(Command::Export { to, story, output }) => {
            crate::exchange::run_export(to, story.as_deref(), output.as_deref())
        }
        Some(Command::Import {
            file,
            from,
            texts,
            output,
        }) => crate::exchange::run_import(&file, from, &texts, output.as_deref()),
        Some(Command::Completions { shell }) => completions(shell),
        Some(Command::Man) => man(),
        Some(Command::Config { default, path }) => {
            config_command(default, path, cli.config.as_deref())
        }
        Some(Command::Model(ModelCommand::Train {
            data,
            output,
            epochs,
        })) => crate::annotate::model::run::train(&data, &output, epochs),
        Some(Command::Model(ModelCommand::Eval {
            data,
            split,
            json,
            errors,
        })) => crate::annotate::model::run::eval(&data, &split, json, errors),
        Some(Command::Links(LinksCommand::Eval {
            data,
            half,
            json,
            errors,
        })) => crate::score::links_eval::run(&data, half, json, errors),
        None => read(&cli.files, cli.config.as_deref(), cli.fresh),
    }
}

/// What the command line opened.
pub struct Opened {
    pub story: Story,
    /// The annotations were drafted from bare articles.
    pub draft: bool,
    /// Why the reader shows no annotations: drafting failed.
    pub warning: Option<String>,
}

/// Opens what the command line names: the bundled story, a story file, or
/// bare articles with drafted annotations.
pub fn open(files: &[PathBuf]) -> Result<Opened, String> {
    let story = |s| Opened {
        story: s,
        draft: false,
        warning: None,
    };
    match files {
        [] => load_story(None).map(story).map_err(|e| e.to_string()),
        [one] if !is_txt(one) => load_story(Some(one)).map(story).map_err(|e| e.to_string()),
        many => {
            if let Some(bad) = many.iter().find(|f| !is_txt(f)) {
                return Err(format!(
                    "{}: give one story file (.json), or articles ending in .txt to draft annotations for",
                    bad.display()
                ));
            }
            open_draft(many)
        }
    }
}

/// Drafts annotations for bare articles and loads the draft as a story; if
/// drafting fails, the articles alone, with a warning that says so.
fn open_draft(files: &[PathBuf]) -> Result<Opened, String> {
    let mut articles = Vec::new();
    for f in files {
        let text = story::read_text(f).map_err(|msg| format!("{}: {msg}", f.display()))?;
        articles.push((f.display().to_string(), text));
    }
    let (file, warning) = match crate::annotate::guard::try_draft(&articles) {
        Ok(file) => (file, None),
        Err(msg) => (
            crate::annotate::guard::bare(&articles),
            Some(format!(
                "draft failed: {msg}; showing the articles without annotations"
            )),
        ),
    };
    let json = file.to_json();
    let names: Vec<&str> = articles.iter().map(|(n, _)| n.as_str()).collect();
    let source = format!("draft of {}", names.join(", "));
    let story = story::from_json(&source, &json, |file| {
        articles
            .iter()
            .find(|(n, _)| n == file)
            .map(|(_, t)| t.clone())
            .ok_or_else(|| format!("article file {file}: not among the drafted files"))
    })
    .map_err(|e| e.to_string())?;
    Ok(Opened {
        story,
        draft: true,
        warning,
    })
}

fn is_txt(p: &std::path::Path) -> bool {
    p.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

/// Opens the story for the reader, or says why not (with the exit code).
fn open_for_reader(files: &[PathBuf]) -> Result<Opened, i32> {
    let opened = open(files).map_err(|e| {
        eprintln!("verso: {e}");
        2
    })?;
    let story = &opened.story;
    if story.articles.is_empty() {
        for p in &story.problems {
            eprintln!("{}: {p}", story.source);
        }
        eprintln!("verso: {}: no article could be opened", story.source);
        return Err(1);
    }
    Ok(opened)
}

/// `verso [FILES]`: the live reader.
fn read(files: &[PathBuf], config: Option<&Path>, fresh: bool) -> i32 {
    let Opened {
        story,
        draft,
        warning,
    } = match open_for_reader(files) {
        Ok(x) => x,
        Err(code) => return code,
    };
    if let Err(e) = crate::term::check_terminal() {
        eprintln!("verso: {}", e.0);
        return 2;
    }
    let config = crate::config::load(config);
    let size = crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = crate::app::App::new(story, draft, size);
    app.apply_defaults(config.sync, config.side_panes, config.mouse);
    let mut warnings: Vec<String> = warning.into_iter().collect();
    warnings.extend(config.warnings.iter().cloned());
    let key = crate::state::key(files);
    if !fresh {
        match crate::state::read(&key) {
            Ok(Some(place)) => app.restore(&place),
            Ok(None) => {}
            Err(w) => warnings.push(w),
        }
    }
    if let Some(w) = warnings.first() {
        app.message = Some(if warnings.len() > 1 {
            format!("{w} (and {} more)", warnings.len() - 1)
        } else {
            w.clone()
        });
    }
    let result = crate::term::run(&mut app, &config.keymap, config.theme.with_env());
    for w in &warnings {
        eprintln!("verso: {w}");
    }
    if let Err(w) = crate::state::write(&key, &app.place()) {
        eprintln!("verso: cannot remember the place: {w}");
    }
    match result {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("verso: terminal error: {e}");
            2
        }
    }
}

/// `verso render`: prints the screen after the keys.
fn render(
    files: &[PathBuf],
    size: (u16, u16),
    keys: &str,
    color: bool,
    config: Option<&Path>,
) -> i32 {
    let keys = match crate::keys::parse_keys(keys) {
        Ok(k) => k,
        Err(e) => {
            eprintln!("verso: --keys: {e}");
            return 2;
        }
    };
    let Opened {
        story,
        draft,
        warning,
    } = match open_for_reader(files) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let config = crate::config::load(config);
    for w in warning.iter().chain(&config.warnings) {
        eprintln!("verso: {w}");
    }
    let keymap = config.keymap;
    let mut app = crate::app::App::new(story, draft, size);
    app.apply_defaults(config.sync, config.side_panes, config.mouse);
    app.message = warning;
    crate::render::feed(&mut app, &keymap, &keys);
    let theme = if color {
        config.theme.with_env()
    } else {
        crate::ui::Theme::PLAIN
    };
    let buf = crate::render::draw(&app, &keymap, theme);
    let out = if color {
        crate::render::to_ansi(&buf)
    } else {
        crate::render::to_text(&buf)
    };
    if !emit("render", &out) {
        return 2;
    }
    0
}

/// Writes `text` to standard output; on failure (a closed pipe: `verso check |
/// head`) says so on standard error and returns false, where `print!` panics.
fn emit(command: &str, text: &str) -> bool {
    match crate::fsutil::emit(None, text) {
        Ok(()) => true,
        Err(e) => {
            eprintln!("verso {command}: {e}");
            false
        }
    }
}

/// `verso config`: the default file, or where the config is read from.
fn config_command(default: bool, path: bool, flag: Option<&Path>) -> i32 {
    let mut text = String::new();
    if default {
        text.push_str(&crate::config::default_file());
    }
    if path || !default {
        text.push_str(&format!("{}\n", crate::config::locate(flag).describe()));
    }
    if emit("config", &text) { 0 } else { 2 }
}

/// Loads a story from a path, or the bundled one.
pub fn load_story(path: Option<&std::path::Path>) -> Result<Story, LoadError> {
    match path {
        Some(p) => story::load(p),
        None => story::bundled::load(),
    }
}

/// `verso check`: prints to stdout, returns the exit code.
pub fn check(paths: &[PathBuf]) -> i32 {
    let targets: Vec<Option<&std::path::Path>> = if paths.is_empty() {
        vec![None]
    } else {
        paths.iter().map(|p| Some(p.as_path())).collect()
    };
    let mut code = 0;
    for target in targets {
        let (text, c) = check_report(target);
        if !emit("check", &text) {
            return 2;
        }
        code = code.max(c);
    }
    code
}

/// The report `check` prints for one story, and its exit code.
pub fn check_report(path: Option<&std::path::Path>) -> (String, i32) {
    match load_story(path) {
        Err(e) => (format!("{e}\n"), 2),
        Ok(s) if s.problems.is_empty() => (format!("{}: ok: {}\n", s.source, s.summary()), 0),
        Ok(s) => {
            let mut out = String::new();
            for p in &s.problems {
                out.push_str(&format!("{}: {p}\n", s.source));
            }
            let n = s.problems.len();
            out.push_str(&format!(
                "{}: {n} problem{}; sound: {}\n",
                s.source,
                if n == 1 { "" } else { "s" },
                s.summary()
            ));
            (out, 1)
        }
    }
}
