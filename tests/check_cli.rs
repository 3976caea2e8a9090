//! `verso check` end to end: output and exit codes (0 sound, 1 problems, 2 unreadable).

mod common;
use common::{Scratch, root, stdout, verso};

const STORY: &str = r#"{"version": 1,
  "articles": [{"id": "a", "file": "articles/a.txt"}, {"id": "b", "file": "articles/b.txt"}],
  "speakers": [{"id": "x", "name": "Ann Example"}],
  "quotes": [{"id": "q1", "article": "a", "speaker": "x", "text": "hello"}],
  "links": [{"id": "l1", "passages": [{"article": "a", "text": "hello"}, {"article": "b", "text": "hi"}]}]}"#;

fn scratch_story(story: &str) -> Scratch {
    let s = Scratch::new();
    s.write("articles/a.txt", "Ann Example said hello.");
    s.write("articles/b.txt", "Ann Example said hi.\n");
    s.write("story.json", story);
    s
}

#[test]
fn the_bundled_story_checks_clean() {
    for args in [&["check"][..], &["check", "annotations/carter.json"][..]] {
        let o = verso(&root(), args, None);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stdout(&o));
        let out = stdout(&o);
        assert!(
            out.starts_with("annotations/carter.json: ok: 2 articles, 6 speakers, "),
            "{out}"
        );
        assert!(out.ends_with(" links\n"), "{out}");
    }
}

#[test]
fn a_sound_story_from_a_file_and_from_stdin() {
    let s = scratch_story(STORY);
    let o = verso(&s.dir, &["check", "story.json"], None);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        "story.json: ok: 2 articles, 1 speakers, 1 quotes, 1 links\n"
    );
    let o = verso(&s.dir, &["check", "-"], Some(STORY));
    assert_eq!(
        stdout(&o),
        "-: ok: 2 articles, 1 speakers, 1 quotes, 1 links\n"
    );
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn problems_exit_1_one_a_line() {
    let s = scratch_story(
        &STORY
            .replace(r#""speaker": "x""#, r#""speaker": "y""#)
            .replace("\"hi\"", "\"hi there\""),
    );
    let o = verso(&s.dir, &["check", "story.json"], None);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert_eq!(
        lines[0],
        "story.json: quotes[0].speaker (q1): speaker \"y\" is not in this story (speakers: x)"
    );
    assert!(lines[1].starts_with("story.json: links[0].passages[1] (l1): text \"hi there\" is not in article \"b\"; closest passage (character 17): \"hi\""), "{}", lines[1]);
    assert_eq!(
        lines[2],
        "story.json: 2 problems; sound: 2 articles, 1 speakers, 0 quotes, 0 links"
    );
}

#[test]
fn unreadable_stories_exit_2() {
    let s = scratch_story("{\"version\": 1,\n \"articles\": [}\n");
    let o = verso(&s.dir, &["check", "story.json"], None);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stdout(&o),
        "story.json: not valid JSON: expected value at line 2, column 15\n   \"articles\": [}\n                ^\n"
    );

    let s = scratch_story(&STORY.replace("articles/b.txt", "articles/gone.txt"));
    let o = verso(&s.dir, &["check", "story.json"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stdout(&o).starts_with("story.json: article file ./articles/gone.txt: no such file"),
        "{}",
        stdout(&o)
    );

    let s = scratch_story(&STORY.replace("\"version\": 1", "\"version\": 3"));
    let o = verso(&s.dir, &["check", "story.json"], None);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stdout(&o),
        "story.json: story file version 3 is not supported: this program reads version 1\n"
    );

    let o = verso(&s.dir, &["check", "nothing-here.json"], None);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "nothing-here.json: no such file\n");
}

#[test]
fn an_article_that_is_not_utf8_names_the_byte() {
    let s = scratch_story(STORY);
    s.write("articles/b.txt", b"caf\xe9 au lait\n");
    let o = verso(&s.dir, &["check", "story.json"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stdout(&o)
            .contains("articles/b.txt: not UTF-8: invalid byte 0xe9 at byte offset 3 (line 1)"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_story_naming_itself_or_a_folder() {
    let s = scratch_story(&STORY.replace("articles/b.txt", "story.json"));
    let o = verso(&s.dir, &["check", "story.json"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stdout(&o).contains("is the story file itself"),
        "{}",
        stdout(&o)
    );
    let s = scratch_story(&STORY.replace("articles/b.txt", "articles"));
    let o = verso(&s.dir, &["check", "story.json"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stdout(&o).contains("articles: is a folder, not a file"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn several_stories_take_the_worst_exit_code() {
    let s = scratch_story(STORY);
    s.write("bad.json", "nope");
    let o = verso(&s.dir, &["check", "story.json", "bad.json"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).starts_with("story.json: ok"));
}
