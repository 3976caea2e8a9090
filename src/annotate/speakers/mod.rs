//! Speakers: noun phrases that name people and bodies ([`chunks`]), and the
//! registry that merges their mentions into one entity per speaker across
//! articles ([`registry`]).
//!
//! A *chunk* is a run of capitalised words and titles (`party president Andrew
//! Little`, `Prime Minister John Key`, `the Te Atatu MP`, `The council`). A chunk
//! is read as a person (an honorific or title, then one to three name words), a
//! body (it holds an organisation word), or a description (it ends in a title).
//! Persons merge by surname when first names and genders agree; descriptions
//! resolve through aliases the text itself ties to a person (`Mr Carter, the MP
//! for Te Atatu,` → `the MP for Te Atatu`, `the Te Atatu MP`), or through titles.

mod chunks;
mod registry;

pub use chunks::{
    Np, before_parenthesis, chunk_after, chunk_before, interpret, pronoun, pronoun_np,
};
pub use registry::{Entity, Registry};

#[cfg(test)]
mod tests {
    use super::registry::reordered;
    use super::*;
    use crate::text::tokens;

    fn np(s: &str) -> Option<Np> {
        interpret(&tokens(s, 0..s.len()), s)
    }

    #[test]
    fn chunks_read_as_people_bodies_and_descriptions() {
        match np("party president Andrew Little") {
            Some(Np::Person {
                first,
                surname,
                desc,
                ..
            }) => {
                assert_eq!(first.as_deref(), Some("Andrew"));
                assert_eq!(surname, "Little");
                assert_eq!(desc.as_deref(), Some("party president"));
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            np("Mr Carter"),
            Some(Np::Person {
                gender: Some(true),
                ..
            })
        ));
        assert_eq!(
            np("the Te Atatu MP"),
            Some(Np::Descriptive("the Te Atatu MP".into()))
        );
        assert_eq!(np("The council"), Some(Np::Body("The council".into())));
        assert_eq!(
            reordered("the MP for Te Atatu").as_deref(),
            Some("the Te Atatu MP")
        );
    }

    fn person(s: &str) -> (Option<String>, String) {
        match np(s) {
            Some(Np::Person { first, surname, .. }) => (first, surname),
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn initials_and_suffixes_are_not_names() {
        let rangel = (Some("Charles".to_string()), "Rangel".to_string());
        assert_eq!(person("Representative Charles B. Rangel"), rangel);
        assert_eq!(person("Charles B. Rangel"), rangel);
        assert_eq!(
            person("Vann R. Newkirk II"),
            (Some("Vann".into()), "Newkirk".into())
        );
        assert_eq!(person("Said Ellis"), (None, "Ellis".into()));
    }

    #[test]
    fn a_parenthesis_after_a_name_is_no_part_of_it() {
        let kirk = (Some("Mark".to_string()), "Kirk".to_string());
        assert_eq!(person("Rep. Mark Kirk (R-Ill.)"), kirk);
        assert_eq!(person("Mark Kirk (R)"), kirk);
        assert_eq!(
            person("Sen. Bernie Sanders (I-Vt.), who"),
            (Some("Bernie".into()), "Sanders".into())
        );
    }

    #[test]
    fn capitals_make_datelines_headings_and_acronyms() {
        assert_eq!(np("LOS ANGELES"), None);
        assert_eq!(np("QUESTIONABLE MEDICAL CLAIMS"), None);
        assert_eq!(np("NYPD"), Some(Np::Body("NYPD".into())));
    }

    #[test]
    fn a_description_finds_the_abbreviated_title() {
        let text = "Vermont Sen. Bernie Sanders spoke.";
        let toks = tokens(text, 0..text.len());
        let mut reg = Registry::default();
        reg.harvest(&toks, text);
        let sanders = reg.resolve(&np("Vermont Sen. Bernie Sanders").unwrap(), &[]);
        let senator = reg.resolve(&Np::Descriptive("the senator".into()), &[]);
        assert!(sanders.is_some());
        assert_eq!(senator, sanders);
        // ... and is one of the names the text gives him.
        let aliases = reg.alias_candidates(sanders.unwrap());
        assert!(aliases.contains("the senator"), "{aliases:?}");
        // `a senator` brings in someone else.
        let other = reg.resolve(&Np::Descriptive("a senator".into()), &[]);
        assert!(other.is_some());
        assert_ne!(other, sanders);
        assert!(!reg.alias_candidates(sanders.unwrap()).contains("a senator"));
    }
}
