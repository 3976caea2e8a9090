//! The command line: runs the command the arguments (`args`) name, and is the
//! one place that says how it ended (see [`crate::outcome`]): it writes the
//! output, says each message on standard error as `verso COMMAND: ...` (`verso:
//! ...` for the reader), and picks the exit code: 0 done and sound; 1 problems
//! found (the work done over the rest); 2 a file could not be read at all, the
//! output not written, or the command line was wrong.

mod args;
mod progress;
mod reader;

use std::path::{Path, PathBuf};

pub use args::{Cli, Command, LinksCommand, ModelCommand};
use clap::Parser;
pub use reader::{Opened, open};

use crate::outcome::{Done, Error, Found, Outcome};
use crate::story;

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
    let config = cli.config.as_deref();
    let (name, outcome) = match cli.command {
        Some(Command::Check { stories }) => ("check", check(&stories)),
        Some(Command::Render {
            files,
            size,
            keys,
            format,
            color,
            save,
        }) => {
            let format = if color {
                crate::render::Format::Ansi
            } else {
                format
            };
            let end = reader::render(
                &files,
                size,
                &keys,
                format,
                config,
                cli.refresh,
                save.as_deref(),
            );
            ("render", end)
        }
        Some(Command::Annotate { articles, output })
            if articles.iter().any(|a| crate::web::is_web(a)) =>
        {
            let end = annotate_web(&articles, output.as_deref(), cli.refresh);
            ("annotate", end)
        }
        Some(Command::Annotate { articles, output }) => (
            "annotate",
            crate::annotate::run(&articles, output.as_deref()),
        ),
        Some(Command::Score {
            draft,
            gold,
            json,
            attributions,
            changes,
        }) => {
            let end = match gold.as_deref() {
                Some(drafted) if changes => crate::score::changes::run(&draft, drafted, json),
                _ => crate::score::run(&draft, gold.as_deref(), json, attributions),
            };
            ("score", end)
        }
        Some(Command::Stats { story, format }) => {
            ("stats", crate::stats::run(story.as_deref(), format))
        }
        Some(Command::Export { to, story, output }) => {
            let end = crate::exchange::run_export(to, story.as_deref(), output.as_deref());
            ("export", end)
        }
        Some(Command::Import {
            file,
            from,
            texts,
            output,
        }) => {
            let end = crate::exchange::run_import(&file, from, &texts, output.as_deref());
            ("import", end)
        }
        Some(Command::Completions { shell }) => ("completions", Ok(completions(shell))),
        Some(Command::Man) => ("man", Ok(Done::printing(man_page()))),
        Some(Command::Config { default, path }) => {
            ("config", Ok(config_command(default, path, config)))
        }
        Some(Command::Model(ModelCommand::Train {
            data,
            output,
            epochs,
        })) => {
            let progress = &mut |line: &str| eprintln!("verso model train: {line}");
            let end = crate::annotate::model::run::train(&data, &output, epochs, progress);
            ("model train", end)
        }
        Some(Command::Model(ModelCommand::Eval {
            data,
            split,
            json,
            errors,
        })) => (
            "model eval",
            crate::score::drafter::eval(&data, &split, json, errors),
        ),
        Some(Command::Links(LinksCommand::Gold {
            data,
            gold,
            threshold,
            cv,
            errors,
        })) => (
            "links gold",
            crate::score::links_gold::run(&data, &gold, threshold, cv, errors),
        ),
        Some(Command::Links(LinksCommand::Msrp {
            data,
            folds,
            threshold,
            errors,
        })) => (
            "links msrp",
            crate::score::msrp::run(&data, folds, threshold, errors),
        ),
        Some(Command::Links(LinksCommand::Train {
            msrp,
            data,
            gold,
            output,
            threshold,
            context_threshold,
        })) => (
            "links train",
            crate::score::links_gold::train(
                &msrp,
                data.as_deref().map(|d| (d, gold.as_slice())),
                &output,
                (threshold, context_threshold),
            ),
        ),
        Some(Command::Links(LinksCommand::Eval {
            data,
            half,
            json,
            errors,
        })) => (
            "links eval",
            crate::score::links_eval::run(&data, half, json, errors),
        ),
        None => ("", reader::read(&cli.files, config, cli.fresh, cli.refresh)),
    };
    report(name, outcome)
}

/// Says how command `name` ended ("" for the reader): its messages on standard
/// error, then its output written (atomically to a file; on standard output
/// a closed pipe is an error, not a panic); returns the exit code.
pub fn report(name: &str, outcome: Outcome) -> i32 {
    let who = if name.is_empty() {
        "verso".to_string()
    } else {
        format!("verso {name}")
    };
    let say = |m: &dyn std::fmt::Display| eprintln!("{who}: {m}");
    match outcome {
        Err(e) => {
            say(&e);
            2
        }
        Ok(done) => {
            for m in &done.messages {
                say(m);
            }
            let writes = !done.output.is_empty() || done.to.is_some();
            if writes && let Err(e) = crate::fsutil::emit(done.to.as_deref(), &done.output) {
                say(&e);
                return 2;
            }
            done.found.code()
        }
    }
}

/// `verso annotate` with pages or addresses among the articles: their texts
/// go to articles/ beside the story (see [`crate::web::story`]).
fn annotate_web(articles: &[PathBuf], out: Option<&Path>, refresh: bool) -> Outcome {
    let mut line = progress::Line::new();
    let opts = crate::web::Options::new(refresh);
    let drafted = crate::web::story::draft(articles, out, &opts, &mut |at, p| line.show(at, p));
    line.clear();
    let (story, warnings) = drafted.map_err(Error::Input)?;
    Ok(Done {
        output: story.to_json(),
        to: out.map(Path::to_path_buf),
        messages: warnings,
        ..Done::default()
    })
}

/// `verso completions SHELL`: the completion script.
fn completions(shell: clap_complete::Shell) -> Done {
    let mut cmd = <Cli as clap::CommandFactory>::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "verso", &mut script);
    Done::printing(String::from_utf8_lossy(&script).into_owned())
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

/// `verso config`: the default file, or where the config is read from.
fn config_command(default: bool, path: bool, flag: Option<&Path>) -> Done {
    let mut text = String::new();
    if default {
        text.push_str(&crate::config::default_file());
    }
    if path || !default {
        text.push_str(&format!("{}\n", crate::config::locate(flag).describe()));
    }
    Done::printing(text)
}

/// `verso check`: a report per story (none: the bundled story); exit 1 when
/// one has problems, 2 when one could not be read at all.
pub fn check(paths: &[PathBuf]) -> Outcome {
    let targets: Vec<Option<&Path>> = if paths.is_empty() {
        vec![None]
    } else {
        paths.iter().map(|p| Some(p.as_path())).collect()
    };
    let mut done = Done::default();
    for target in targets {
        let (text, found) = check_report(target);
        done.output.push_str(&text);
        done.found = done.found.max(found);
    }
    Ok(done)
}

/// The report `check` prints for one story, and what it found.
pub fn check_report(path: Option<&Path>) -> (String, Found) {
    match story::open(path) {
        Err(e) => (format!("{e}\n"), Found::Failed),
        Ok(s) if s.problems.is_empty() => {
            (format!("{}: ok: {}\n", s.source, s.summary()), Found::Sound)
        }
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
            (out, Found::Problems)
        }
    }
}
