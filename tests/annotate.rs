//! `verso annotate` and `annotate::draft`: every drafting rule on small texts,
//! determinism, and the command line (output that `verso check` accepts).

mod common;
use common::{Scratch, root, stderr, stdout, verso};

use verso::annotate::draft;
use verso::story::format::{QuoteEntry, StoryFile};

fn story(texts: &[&str]) -> StoryFile {
    let articles: Vec<(String, String)> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| (format!("a{i}.txt"), t.to_string()))
        .collect();
    draft(&articles)
}

fn quote<'s>(s: &'s StoryFile, text: &str) -> &'s QuoteEntry {
    s.quotes
        .iter()
        .find(|q| q.selector.text == text)
        .unwrap_or_else(|| panic!("no quote {text:?} in {}", s.to_json()))
}

fn speaker_name(s: &StoryFile, q: &QuoteEntry) -> String {
    s.speakers
        .iter()
        .find(|p| p.id == q.speaker)
        .unwrap()
        .name
        .clone()
}

#[test]
fn straight_quotes_with_the_cue_before() {
    let s = story(&["Mayor Ann Smith spoke. Ms Smith said: \"We will win the vote tomorrow.\"\n"]);
    let q = quote(&s, "\"We will win the vote tomorrow.\"");
    assert_eq!(q.kind.as_deref(), Some("direct"));
    assert_eq!(q.cue.as_deref(), Some("Ms Smith said"));
    assert_eq!(speaker_name(&s, q), "Ann Smith");
}

#[test]
fn curly_quotes_with_the_cue_after() {
    let s = story(&["“We will build the new bridge next year,” said Dr Jane Brown.\n"]);
    let q = quote(&s, "“We will build the new bridge next year,”");
    assert_eq!(q.cue.as_deref(), Some("said Dr Jane Brown"));
    assert_eq!(speaker_name(&s, q), "Jane Brown");
}

#[test]
fn nested_single_quotes_stay_inside() {
    let s = story(&[
        "\"He keeps saying 'I support the party but not the leader'.\" Mr Jones said he was tired of it.\n",
    ]);
    let q = quote(
        &s,
        "\"He keeps saying 'I support the party but not the leader'.\"",
    );
    assert_eq!(speaker_name(&s, q), "Mr Jones");
    assert!(!s.quotes.iter().any(|q| q.selector.text.starts_with('\'')));
    // `it's` and `party's` are apostrophes, not quotation marks.
    let s = story(&["Mr Jones said it's the party's fault and nobody else's at all.\n"]);
    assert_eq!(s.quotes.len(), 1);
}

#[test]
fn a_quotation_across_paragraphs_takes_the_later_cue() {
    let s = story(&[
        "The meeting ended late.\n\"We talked for hours about the budget.\n\"Nobody wanted to leave before midnight,\" Dr Brown said.\n",
    ]);
    let first = quote(&s, "\"We talked for hours about the budget.");
    let second = quote(&s, "\"Nobody wanted to leave before midnight,\"");
    assert_eq!(speaker_name(&s, first), "Dr Brown");
    assert_eq!(first.speaker, second.speaker);
}

#[test]
fn told_and_according_to_and_said_after() {
    let s = story(&[
        "However, Mr Jones told NZPA that the plan had failed badly.\n\
         The factory will close next year, according to union leader Mary Hill.\n\
         The council had ignored every warning, Mr Jones said.\n",
    ]);
    let q = quote(&s, "the plan had failed badly");
    assert_eq!(q.kind.as_deref(), Some("indirect"));
    assert_eq!(q.cue.as_deref(), Some("Mr Jones told NZPA"));
    let q = quote(&s, "The factory will close next year");
    assert_eq!(speaker_name(&s, q), "Mary Hill");
    assert_eq!(
        q.cue.as_deref(),
        Some("according to union leader Mary Hill")
    );
    let q = quote(&s, "The council had ignored every warning");
    assert_eq!(speaker_name(&s, q), "Mr Jones");
}

#[test]
fn mixed_quotes_carry_fragments() {
    let s = story(&["Mr Jones said the decision was \"petty and vindictive\" and wrong.\n"]);
    let q = quote(&s, "the decision was \"petty and vindictive\" and wrong");
    assert_eq!(q.kind.as_deref(), Some("mixed"));
}

#[test]
fn pronouns_take_the_most_recent_fitting_speaker() {
    let s = story(&[
        "Mr Jones arrived late. Ms Hill greeted the crowd.\nHe said the talks had gone well for everyone.\n",
    ]);
    let q = quote(&s, "the talks had gone well for everyone");
    assert_eq!(speaker_name(&s, q), "Mr Jones");
    assert_eq!(q.cue.as_deref(), Some("He said"));
}

#[test]
fn a_quote_paragraph_without_a_cue_takes_the_previous_speaker() {
    let s = story(&[
        "\"We are ready,\" Mr Jones said.\n\"The team has trained all winter for this.\"\n",
    ]);
    let q = quote(&s, "\"The team has trained all winter for this.\"");
    assert_eq!(speaker_name(&s, q), "Mr Jones");
    assert_eq!(q.cue, None);
}

#[test]
fn titles_and_aliases_merge_into_one_speaker() {
    let s = story(&[
        "Former MP Chris Carter was expelled. Mr Carter said the party had been petty to him.\n",
        "Carter said the decision was wrong and that he would appeal it.\n",
    ]);
    assert_eq!(s.speakers.len(), 1, "{}", s.to_json());
    let sp = &s.speakers[0];
    assert_eq!(sp.name, "Chris Carter");
    assert!(sp.aliases.contains(&"Mr Carter".to_string()));
    assert!(sp.aliases.contains(&"Carter".to_string()));
}

#[test]
fn an_appositive_ties_a_description_to_its_person() {
    let s = story(&[
        "Mr Carter, the MP for Te Atatu, was expelled last night.\n",
        "Today the Te Atatu MP said the party had been unprofessional and petty.\n",
    ]);
    let q = quote(&s, "the party had been unprofessional and petty");
    assert_eq!(speaker_name(&s, q), "Mr Carter");
    let sp = &s.speakers[0];
    assert!(
        sp.aliases.contains(&"the Te Atatu MP".to_string()),
        "{:?}",
        sp
    );
}

#[test]
fn never_a_speaker_named_he() {
    let s = story(&["He said the plan was bad for the whole town.\n\"It will fail,\" she said.\n"]);
    assert!(
        s.speakers
            .iter()
            .all(|p| !["he", "she", "He", "She"].contains(&p.name.as_str())),
        "{}",
        s.to_json()
    );
}

#[test]
fn reordered_passages_are_linked() {
    let a = "The river burst its banks on Tuesday night. \
             Volunteers filled sandbags outside the old flour mill until dawn.\n\
             The mayor praised them.\n";
    let b = "Schools were closed. Officials counted the cost.\n\
             Earlier, volunteers filled sandbags outside the old flour mill until dawn on Wednesday.\n";
    let s = story(&[a, b]);
    let l = s
        .links
        .iter()
        .find(|l| {
            l.passages[0]
                .selector
                .text
                .contains("sandbags outside the old flour mill")
        })
        .unwrap_or_else(|| panic!("{}", s.to_json()));
    assert!(
        l.passages[1]
            .selector
            .text
            .contains("sandbags outside the old flour mill")
    );
}

#[test]
fn a_number_conflict_is_typed_and_noted() {
    let s = story(&[
        "He was expelled during a seven-hour meeting of the party's national council in Wellington.\n",
        "He was expelled during a six-hour meeting of the party's national council yesterday.\n",
    ]);
    let l = &s.links[0];
    assert_eq!(l.kind.as_deref(), Some("conflict"));
    assert!(
        l.note
            .as_deref()
            .unwrap()
            .contains("seven-hour vs six-hour"),
        "{:?}",
        l.note
    );
    let s = story(&[
        "The storm left 12 dead across the northern coastal towns on Sunday.\n",
        "The storm left at least fifteen dead across the northern coastal towns.\n",
    ]);
    assert_eq!(s.links[0].kind.as_deref(), Some("conflict"));
    assert_eq!(
        s.links[0].note.as_deref(),
        Some("12 dead vs at least fifteen dead")
    );
}

#[test]
fn common_words_alone_make_no_link() {
    let s = story(&[
        "It was not the first time that he had been there, and it was in the winter.\n",
        "She said that it was the end of it and there was nothing more to be done.\n",
    ]);
    assert!(s.links.is_empty(), "{}", s.to_json());
    let s = story(&[
        "Mr Little told Radio New Zealand about the vote.\n",
        "Mr Carter told Radio New Zealand he was sad.\n",
    ]);
    assert!(s.links.is_empty(), "{}", s.to_json());
}

#[test]
fn a_paraphrase_is_linked_by_the_rare_words_it_shares() {
    // No run of words in common, but the same rare content words (`evacuated`
    // and `evacuation`, `residents`, `chlorine`, `warehouse`) in the sentences
    // that match each other best.
    let a = "A fire broke out at the docks on Monday.\n\
             Around 3,500 residents were evacuated after chlorine leaked from a warehouse near the harbour.\n\
             The mayor thanked the firefighters.\n";
    let b = "Schools stayed shut on Tuesday.\n\
             Chlorine escaping from the warehouse forced the evacuation of about 4,000 local residents, police said.\n\
             Traders counted their losses.\n";
    let s = story(&[a, b]);
    let l = s
        .links
        .iter()
        .find(|l| l.passages[0].selector.text.contains("chlorine"))
        .unwrap_or_else(|| panic!("{}", s.to_json()));
    assert!(
        l.passages[1].selector.text.contains("evacuation"),
        "{}",
        s.to_json()
    );
    assert_eq!(l.kind.as_deref(), Some("conflict"), "{}", s.to_json());
    assert_eq!(
        l.note.as_deref(),
        Some("around 3,500 residents vs about 4,000 local residents")
    );
    // Nothing else shares enough to be linked.
    assert_eq!(s.links.len(), 1, "{}", s.to_json());
}

#[test]
fn sentences_sharing_only_common_words_are_not_linked() {
    // Each sentence is the other's best partner, but all they share is stop
    // words, who spoke (a name, a title, an organisation), how (`in a
    // statement`, `told reporters`) and when: nothing about what happened.
    let s = story(&[
        "On Monday the company said that it was now too early to say anything more.\n\
         Chief executive Anna Berg said in a statement on Monday that the plant would reopen.\n",
        "The company has said it will not comment further until Monday.\n\
         Nobody was hurt, chief executive Anna Berg told reporters in an interview on Monday.\n",
    ]);
    assert!(s.links.is_empty(), "{}", s.to_json());
}

#[test]
fn drafts_are_deterministic() {
    let texts = [
        std::fs::read_to_string(root().join("articles/carter-threat.txt")).unwrap(),
        std::fs::read_to_string(root().join("articles/goff-rejects-carter.txt")).unwrap(),
    ];
    let t: Vec<&str> = texts.iter().map(String::as_str).collect();
    assert_eq!(story(&t).to_json(), story(&t).to_json());
    let args = [
        "annotate",
        "articles/carter-threat.txt",
        "articles/goff-rejects-carter.txt",
    ];
    let one = verso(&root(), &args, None);
    let two = verso(&root(), &args, None);
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn the_draft_of_the_seed_articles_checks_clean() {
    let o = verso(
        &root(),
        &[
            "annotate",
            "articles/carter-threat.txt",
            "articles/goff-rejects-carter.txt",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let c = verso(&root(), &["check", "-"], Some(&stdout(&o)));
    assert_eq!(c.status.code(), Some(0), "{}", stdout(&c));
}

#[test]
fn output_file_paths_are_relative_to_its_folder() {
    let s = Scratch::new();
    s.write(
        "articles/one.txt",
        "Mr Jones said the plan had failed badly.\n",
    );
    s.write(
        "articles/two words.txt",
        "Ms Hill said the budget was far too small.\n",
    );
    std::fs::create_dir_all(s.path("stories")).unwrap();
    let o = verso(
        &s.dir,
        &[
            "annotate",
            "articles/one.txt",
            "articles/two words.txt",
            "-o",
            "stories/draft.json",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
    let json = std::fs::read_to_string(s.path("stories/draft.json")).unwrap();
    assert!(json.contains("\"file\": \"../articles/one.txt\""), "{json}");
    assert!(json.contains("\"id\": \"two-words\""), "{json}");
    let c = verso(&s.dir, &["check", "stories/draft.json"], None);
    assert_eq!(c.status.code(), Some(0), "{}", stdout(&c));
    let leftovers: Vec<_> = std::fs::read_dir(s.path("stories")).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
}

#[test]
fn an_unreadable_article_exits_2_naming_it() {
    let s = Scratch::new();
    s.write("bad.txt", [0x66u8, 0xff, 0x66]);
    for (file, why) in [("missing.txt", "no such file"), ("bad.txt", "not UTF-8")] {
        let o = verso(&s.dir, &["annotate", file], None);
        assert_eq!(o.status.code(), Some(2));
        let err = stderr(&o);
        assert!(err.contains(file) && err.contains(why), "{err}");
    }
}

#[test]
fn a_circumstance_before_that_is_part_of_the_cue() {
    let s = story(&["The company said in a statement that profits had fallen sharply.\n"]);
    let q = quote(&s, "profits had fallen sharply");
    assert_eq!(q.kind.as_deref(), Some("indirect"));
}

#[test]
fn a_full_stop_after_a_curly_quote_does_not_split_a_character() {
    // Used to panic: the word before a full stop was cut inside `”`.
    let s = story(&["She called it “shameful”. Ms Lee said the firm had failed.\n"]);
    assert!(
        s.quotes
            .iter()
            .any(|q| q.selector.text == "the firm had failed")
    );
}

#[test]
fn texts_quoting_with_single_marks_nest_double_ones() {
    let s = story(&[
        "Mr Beddoes said the river had turned ‘grey’ in ‘a matter of hours’.\n\
         ‘I rang them twice. A man said, “It’s just silt,” and hung up,’ he said.\n",
    ]);
    let q = quote(
        &s,
        "‘I rang them twice. A man said, “It’s just silt,” and hung up,’",
    );
    assert_eq!(speaker_name(&s, q), "Mr Beddoes");
}

#[test]
fn abbreviated_titles_asides_and_trailing_cues() {
    let s = story(&[
        "The bus rolled down a steep bank, said Sgt. Maria Delgado, a spokeswoman for the patrol.\n\
         The group's pastor, José Ibarra, said the passengers had been friends for decades.\n\
         Dr. Karen Osei, chief medical officer at the hospital, said seven patients were critical.\n\
         \"We have called in every surgeon,\" she said.\n",
    ]);
    assert_eq!(
        speaker_name(&s, quote(&s, "The bus rolled down a steep bank")),
        "Maria Delgado"
    );
    assert_eq!(
        speaker_name(&s, quote(&s, "the passengers had been friends for decades")),
        "José Ibarra"
    );
    assert_eq!(
        speaker_name(&s, quote(&s, "\"We have called in every surgeon,\"")),
        "Karen Osei"
    );
}

#[test]
fn bodies_groups_and_it_or_they() {
    let s = story(&[
        "Rheintal Chemie, which makes solvents, said in a statement that the cause was not known. \
         It said it was working with the authorities.\n\
         The road stayed shut, the state transportation department said.\n\
         Police said seven people were hurt. They said there was no sign of foul play.\n",
    ]);
    assert_eq!(
        speaker_name(&s, quote(&s, "it was working with the authorities")),
        "Rheintal Chemie"
    );
    assert_eq!(
        speaker_name(&s, quote(&s, "The road stayed shut")),
        "the state transportation department"
    );
    assert_eq!(
        speaker_name(&s, quote(&s, "there was no sign of foul play")),
        "Police"
    );
}

#[test]
fn a_second_cue_splits_the_sentence_and_noun_cues_report() {
    let s = story(&[
        "Ms Delgado said investigators had not found the cause, but she added that the road was wet.\n\
         Residents doubted the company's claim that the smoke was harmless.\n\
         The gates stayed shut, the council said in a statement.\n",
    ]);
    quote(&s, "investigators had not found the cause");
    let q = quote(&s, "the road was wet");
    assert_eq!(q.cue.as_deref(), Some("she added"));
    assert_eq!(
        quote(&s, "the smoke was harmless").cue.as_deref(),
        Some("company's claim")
    );
    // `said in a statement.` reports nothing of its own.
    assert!(!s.quotes.iter().any(|q| q.selector.text.starts_with("in a")));
}

#[test]
fn a_paragraph_of_20000_quotes_drafts_every_one() {
    // Once quadratic in the quotations of one paragraph: 20,000 in one line
    // (that it stays fast is benches/annotate.rs's to measure; this counts).
    let para: String = (0..20_000)
        .map(|i| format!("\"Point {i},\" said John Smith. "))
        .collect();
    let story = verso::annotate::draft(&[("a.txt".into(), para.clone()), ("b.txt".into(), para)]);
    assert_eq!(
        story.quotes.iter().filter(|q| q.article == "a").count(),
        20_000
    );
}
