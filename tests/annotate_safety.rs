//! Texts that once made `annotate::draft` panic, one test per root cause (each
//! must draft, and the draft must load over its texts with no problem), and what
//! `verso annotate` and the reader do when drafting fails all the same.

mod common;
use common::{Scratch, stderr, stdout, verso};

use verso::annotate::speakers::Registry;
use verso::annotate::{draft, guard};
use verso::text::tokens;

/// Drafts `texts` as `a0.txt`, `a1.txt`, ... and checks the draft loads cleanly.
fn sound_draft(texts: &[&str]) {
    let articles: Vec<(String, String)> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| (format!("a{i}.txt"), t.to_string()))
        .collect();
    let json = draft(&articles).to_json();
    let story = verso::story::from_json("draft", &json, |f| {
        articles
            .iter()
            .find(|(n, _)| n == f)
            .map(|(_, t)| t.clone())
            .ok_or_else(|| format!("{f}: not drafted"))
    })
    .unwrap_or_else(|e| panic!("{e}\n{json}"));
    assert!(story.problems.is_empty(), "{:?}\n{json}", story.problems);
    assert_eq!(story.articles.len(), texts.len());
}

/// The registry after both passes of the drafter over `texts`.
fn harvested(texts: &[&str]) -> Registry {
    let mut reg = Registry::default();
    for t in texts {
        reg.note_first_names(&tokens(t, 0..t.len()), t);
    }
    for t in texts {
        reg.harvest(&tokens(t, 0..t.len()), t);
    }
    reg
}

/// speakers.rs `Registry::harvest`: a lone capitalised word with an appositive
/// (`Halvorsen, the city manager,`) that no text names in full is no person, so
/// `resolve` declines it; the harvest unwrapped that `None`.
#[test]
fn a_lone_name_with_an_appositive_is_no_person_until_named_in_full() {
    let lone = "Halvorsen, the city manager, said the course would close.\n";
    let full = "Erik Halvorsen runs the course.\n";
    sound_draft(&[lone]);
    sound_draft(&[full, lone]);
    sound_draft(&[lone, full]);

    assert!(harvested(&[lone]).entities.is_empty());
    // Named in full anywhere, in either article, the appositive ties the
    // description to the person.
    for texts in [[full, lone], [lone, full]] {
        let reg = harvested(&texts);
        let [p] = &reg.entities[..] else {
            panic!("{:?}", reg.entities)
        };
        assert_eq!(p.name(), "Erik Halvorsen");
        assert_eq!(p.descs, ["city manager"]);
        assert!(p.aliases.contains("the city manager"), "{:?}", p.aliases);
    }
}

/// `VERSO_DEBUG_DRAFT_PANIC` (debug builds) makes the drafter panic: `verso
/// annotate` says so and exits 2, with no panic message of Rust's own.
#[cfg(debug_assertions)]
#[test]
fn annotate_exits_2_when_drafting_fails() {
    let s = Scratch::new();
    s.write("one.txt", "Mr Jones said the plan had failed badly.\n");
    let o = verso_env(&s, &["annotate", "one.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "");
    let err = stderr(&o);
    assert!(
        err.starts_with(
            "verso annotate: one.txt: drafting failed: VERSO_DEBUG_DRAFT_PANIC is set: the drafter panics on purpose (at src/annotate/guard.rs:"
        ),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

/// The reader's path (`verso render` opens files as `verso` does): when drafting
/// fails, the articles open without annotations and the status line says why.
#[cfg(debug_assertions)]
#[test]
fn the_reader_shows_the_articles_when_drafting_fails() {
    let s = Scratch::new();
    s.write("one.txt", "Mr Jones said the plan had failed badly.\n");
    s.write("two.txt", "\"It failed,\" Ms Hill said.\n");
    let args = ["render", "one.txt", "two.txt", "--size", "200x12"];
    let o = verso_env(&s, &args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let screen = stdout(&o);
    assert!(screen.contains("A Mr Jones said the plan") && screen.contains("B \"It failed,\""));
    assert!(screen.contains("Quotes: all (0)"), "{screen}");
    let status = screen.lines().last().unwrap();
    assert!(
        status.contains("draft failed: VERSO_DEBUG_DRAFT_PANIC is set: the drafter panics on purpose (at src/annotate/guard.rs:"),
        "{status}"
    );
    assert!(
        status.contains("; showing the articles without annotations"),
        "{status}"
    );
    let err = stderr(&o);
    assert!(err.starts_with("verso render: draft failed: "), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    // Without the hook, the same articles are annotated.
    let o = verso(&s.dir, &args, None);
    let screen = stdout(&o);
    assert!(!screen.contains("draft failed"), "{screen}");
    assert!(screen.contains("Quotes: all (2)"), "{screen}");
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

#[cfg(debug_assertions)]
fn verso_env(s: &Scratch, args: &[&str]) -> std::process::Output {
    let home = std::env::temp_dir().join(format!("verso-test-home-{}", std::process::id()));
    std::process::Command::new(env!("CARGO_BIN_EXE_verso"))
        .args(args)
        .current_dir(&s.dir)
        .env_remove("VERSO_CONFIG")
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("VERSO_DEBUG_DRAFT_PANIC", "1")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("verso runs")
}

/// A failed draft still opens: [`guard::bare`] is the articles alone, loaded
/// with no problem, ids and titles as the draft gives them.
#[test]
fn the_bare_story_loads_cleanly() {
    let articles = vec![
        (
            "dir/one.txt".to_string(),
            "\n  First line\nmore\n".to_string(),
        ),
        ("one.txt".to_string(), String::new()),
    ];
    let bare = guard::bare(&articles);
    let ids: Vec<&str> = bare.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["one", "one-2"]);
    assert_eq!(bare.articles[0].title.as_deref(), Some("First line"));
    assert!(bare.speakers.is_empty() && bare.quotes.is_empty() && bare.links.is_empty());
    let story = verso::story::from_json("bare", &bare.to_json(), |f| {
        articles
            .iter()
            .find(|(n, _)| n == f)
            .map(|(_, t)| t.clone())
            .ok_or_else(|| format!("{f}: not drafted"))
    })
    .unwrap();
    assert!(story.problems.is_empty(), "{:?}", story.problems);
    assert_eq!(story.articles.len(), 2);
    // And a draft that does not fail is the draft.
    assert_eq!(guard::try_draft(&articles), Ok(draft(&articles)));
}

#[test]
fn compound_numbers_too_large_to_add_up() {
    // Found by the fuzz target: the parts of `9999…8-9999…8` overflowed
    // when summed as a compound number (`twenty-five`).
    let big = "9999999999999999998-9999999999999999998";
    sound_draft(&[
        &format!("The council counted {big} votes on Monday.\n"),
        &format!("Officials said {big} votes were counted.\n"),
    ]);
    assert_eq!(verso::annotate::lexicon::number_value(big), None);
    assert_eq!(
        verso::annotate::lexicon::number_value("twenty-five"),
        Some(25)
    );
}
