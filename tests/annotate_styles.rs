//! Styles of attribution that real news uses, each drafted from a short text
//! of our own: the quote is found and goes to the right speaker.

use verso::annotate::draft;
use verso::story::format::StoryFile;

fn story(text: &str) -> StoryFile {
    draft(&[("a.txt".to_string(), text.to_string())])
}

/// The name of the speaker of the quote whose text holds `part`.
fn speaker_of(s: &StoryFile, part: &str) -> String {
    let q = s
        .quotes
        .iter()
        .find(|q| q.selector.text.contains(part))
        .unwrap_or_else(|| panic!("no quote holding {part:?} in {}", s.to_json()));
    let sp = s.speakers.iter().find(|p| p.id == q.speaker).unwrap();
    sp.name.clone()
}

#[test]
fn a_quotation_after_a_colon_goes_to_the_sentence_that_names_the_speaker() {
    let s = story(
        "Governor Maria Lopez arrived in the flooded valley on Tuesday.\n\n\
         Lopez had a blunt message for the insurers: \"Pay the farmers what you owe them, and pay it this month.\"\n",
    );
    assert_eq!(speaker_of(&s, "Pay the farmers"), "Maria Lopez");
}

#[test]
fn a_quotation_alone_in_its_paragraph_continues_the_previous_speaker() {
    let s = story(
        "\"We have never seen water this high,\" said fire chief Tom Brennan.\n\n\
         \"The levee held for six hours, and then it simply gave way under us.\"\n",
    );
    assert_eq!(speaker_of(&s, "The levee held"), "Tom Brennan");
}

#[test]
fn inverted_attribution_with_a_title() {
    let s = story(
        "\"The treaty protects both countries,\" says Mr. Powell, who negotiated it.\n\n\
         \"It is a surrender dressed up as a deal,\" said Sen. Cruz on Monday.\n",
    );
    assert_eq!(speaker_of(&s, "The treaty protects"), "Mr. Powell");
    assert_eq!(speaker_of(&s, "a surrender dressed"), "Sen. Cruz");
}

#[test]
fn as_x_said_introduces_a_quotation() {
    let s = story(
        "Council member Dana Whitfield voted against the budget.\n\n\
         As Whitfield said on Monday, \"No city can borrow its way out of a deficit.\"\n",
    );
    assert_eq!(speaker_of(&s, "No city can borrow"), "Dana Whitfield");
}

#[test]
fn according_to_names_the_source() {
    let s = story(
        "The plant will close by March, according to Harold Kim, the company's chief operating officer.\n",
    );
    assert_eq!(speaker_of(&s, "The plant will close"), "Harold Kim");
}

#[test]
fn speech_verbs_beyond_said() {
    let s = story(
        "Economist Priya Natarajan is predicting a recession by the spring.\n\n\
         Union leader Frank Ortiz warned that the strike could last for weeks.\n\n\
         Mayor Lena Park defended the plan on Monday, insisting that the budget was balanced.\n",
    );
    assert_eq!(
        speaker_of(&s, "a recession by the spring"),
        "Priya Natarajan"
    );
    assert_eq!(speaker_of(&s, "the strike could last"), "Frank Ortiz");
    assert_eq!(speaker_of(&s, "the budget was balanced"), "Lena Park");
}

#[test]
fn a_quotation_signed_after_a_dash() {
    let s = story(
        "We asked readers what they thought of the debate.\n\n\
         \u{201c}It was the worst night of television I have seen.\u{201d} \u{2015} Carla Mendes\n\n\
         \"He never answered a single question.\" - John Okafor\n",
    );
    assert_eq!(speaker_of(&s, "the worst night"), "Carla Mendes");
    assert_eq!(speaker_of(&s, "never answered"), "John Okafor");
}

#[test]
fn a_stray_quotation_mark_is_no_quote() {
    // An excerpt quoted over several paragraphs, its marks unbalanced.
    let s = story(
        "Reporter Ann Hale wrote about the couple.\n\n\
         \"She watched the speech with her sister.\n\n\
         Both cheered when he came on.\u{201d}\n\n\
         Kevin was asleep by then.\"\n\n\
         \u{201c}Here he is,\u{201d} she said.\n",
    );
    assert!(!s.quotes.is_empty(), "{}", s.to_json());
    for q in &s.quotes {
        assert!(
            q.selector.text.chars().any(char::is_alphanumeric),
            "a quote of marks alone: {:?}",
            q.selector.text
        );
    }
}

#[test]
fn any_verb_after_a_quotation_that_breaks_off_names_its_speaker() {
    let s = story(
        "Senators questioned the bank's chief on Tuesday.\n\n\
         \"Why is this not proof that the bank is too big to manage?\" Vitter demanded.\n\n\
         \"Promise you will keep your hands in sight,\" Blige sings to the crowd.\n",
    );
    assert_eq!(speaker_of(&s, "too big to manage"), "Vitter");
    assert_eq!(speaker_of(&s, "keep your hands"), "Blige");
}

#[test]
fn a_party_and_state_between_name_and_verb() {
    let s = story(
        "The birther remarks drew anger in Congress.\n\n\
         \"It is a dog whistle to all Americans,\" Rep. Gwen Moore (D-Wis.) said Friday.\n",
    );
    assert_eq!(speaker_of(&s, "dog whistle"), "Gwen Moore");
}

#[test]
fn middle_initials_and_suffixes_belong_to_the_name() {
    let s = story(
        "Democrats weighed the loss.\n\n\
         \"Without him the enthusiasm might not be there,\" said Representative Charles B. Rangel, Democrat of New York.\n\n\
         \"Absolutely hate this framing of the vote,\" Vann R. Newkirk II, a writer, said.\n",
    );
    assert_eq!(speaker_of(&s, "enthusiasm might"), "Charles Rangel");
    assert_eq!(speaker_of(&s, "hate this framing"), "Vann Newkirk");
}

#[test]
fn a_dateline_in_capitals_is_nobody() {
    let s = story(
        "LOS ANGELES, Sept. 28 (UPI) — In a preview clip for her new show, the singer performs for the candidate.\n\n\
         \"Promise you will keep your hands in sight,\" Blige sings to the candidate.\n",
    );
    assert_eq!(speaker_of(&s, "keep your hands"), "Blige");
    assert!(s.speakers.iter().all(|p| !p.name.contains("ANGELES")));
}

#[test]
fn a_question_and_the_cue_after_it() {
    // The question ends a sentence; the cue opens the next.
    let s = story(
        "Senators met the bank's chief on Tuesday.\n\n\
         “Why isn’t this clear proof that the bank is too big to manage?” Vitter demanded.\n\n\
         \"Who approved the accounts?\" asked Sen. Jon Tester.\n",
    );
    assert_eq!(speaker_of(&s, "too big to manage"), "Vitter");
    assert_eq!(speaker_of(&s, "Who approved"), "Jon Tester");
}

#[test]
fn words_put_on_something_by_naming_it() {
    let s = story(
        "Former Governor Jeb Bush called the plan “unhinged and dangerous.”\n\n\
         Senator Maria Ortiz described the vote as a “betrayal of every family here.”\n",
    );
    let q = s
        .quotes
        .iter()
        .find(|q| q.selector.text.contains("unhinged"))
        .unwrap();
    assert_eq!(q.selector.text, "the plan “unhinged and dangerous.”");
    assert_eq!(speaker_of(&s, "unhinged"), "Jeb Bush");
    assert_eq!(speaker_of(&s, "betrayal"), "Maria Ortiz");
}

#[test]
fn words_capitalised_only_where_all_are_are_no_name() {
    // `Against`, inside a title, appears in lower case below, so no name
    // holds it (nor `Railing` before it); `Bill` is capitalised inside a
    // sentence, so it stays a name.
    let s = story(
        "Railing Against Trump, Sanders Vows To Fight.\n\n\
         Senator Bernie Sanders is against the bill Donald Trump wants.\n\n\
         Trump said the bill would \"make the country rich again.\" Former President Bill Clinton said \"it is a gift to the rich.\"\n",
    );
    assert!(
        s.speakers.iter().all(|p| !p.name.contains("Railing")),
        "{:?}",
        s.speakers.iter().map(|p| &p.name).collect::<Vec<_>>()
    );
    assert_eq!(speaker_of(&s, "make the country"), "Donald Trump");
    assert_eq!(speaker_of(&s, "gift to the rich"), "Bill Clinton");
}

#[test]
fn quotation_marks_typed_as_two_apostrophes_quote() {
    let s = story(
        "The mayor's plan drew criticism from economists.\n\n\
         ''This isn't a budget, it's a wish list,'' said Alan Cole, an economist at the \
         Tax Foundation. ''Nobody believes these numbers.''\n\n\
         Ruth Sands, a council member, put it differently: ``The plan is a start.''\n",
    );
    assert_eq!(speaker_of(&s, "a wish list"), "Alan Cole");
    assert_eq!(speaker_of(&s, "The plan is a start"), "Ruth Sands");
    // The quote takes in both apostrophes of each mark, as the text has them.
    let q = s
        .quotes
        .iter()
        .find(|q| q.selector.text.contains("a wish list"))
        .unwrap();
    assert!(
        q.selector.text.starts_with("''This") && q.selector.text.ends_with("list,''"),
        "{:?}",
        q.selector.text
    );
    assert_eq!(s.quotes[0].kind.as_deref(), Some("direct"));
}
