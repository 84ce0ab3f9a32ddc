//! Officials named with their roles: "Lin Tao, secretary of the Jiangning District Party
//! Committee", "Mr. Zou Shujun, Executive Vice President of …".

use crate::pattern::compiled;
use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Person, PlaceMention};

static PERSON_WITH_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?:(?-u:\b)(?:Mr|Ms|Mrs|Dr)\.\s+)?(?-u:\b)([A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}),\s+((?:(?:the\s+)?(?:[Ee]xecutive\s+|[Dd]eputy\s+|[Vv]ice\s+|[Ff]irst\s+|[Pp]arty\s+|[Gg]eneral\s+)*(?:[Ss]ecretary|[Dd]irector|[Mm]ayor|[Gg]overnor|[Cc]hairman|[Cc]hairwoman|[Pp]resident|[Hh]ead|[Cc]hief|[Mm]anager|[Dd]eputy|[Mm]ember))(?-u:\b)[^,;.\n]{0,160})",
    )
});

/// Role words; a text without any names no officials (a cheap test before the pattern).
static ROLE_WORDS: LazyLock<Option<aho_corasick::AhoCorasick>> = LazyLock::new(|| {
    aho_corasick::AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build([
            ", secretary",
            ", deputy",
            ", director",
            ", mayor",
            ", governor",
            ", chairman",
            ", chairwoman",
            ", president",
            ", head",
            ", chief",
            ", manager",
            ", member",
            ", executive",
            ", vice",
            ", first",
            ", party",
            ", general",
            ", the ",
        ])
        .ok()
});

/// Finds people introduced with a role, and the place their role names.
pub fn find_people(text: &str, places: &[PlaceMention]) -> Vec<Person> {
    if ROLE_WORDS
        .as_ref()
        .is_some_and(|words| !words.is_match(text))
    {
        return Vec::new();
    }
    PERSON_WITH_ROLE
        .captures_iter(text)
        .filter_map(|captures| {
            let name = captures.get(1)?;
            let role = captures.get(2)?;
            let place = places
                .iter()
                .find(|place| role.start() <= place.range.start && place.range.end <= role.end())
                .map(|place| place.name.clone());
            Some(Person {
                name: name.as_str().to_owned(),
                role: role.as_str().trim().to_owned(),
                place,
                range: name.start()..role.end(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_officials_with_roles() {
        let text = "At the symposium, Lin Tao, secretary of the Jiangning District Party Committee, said that";
        let people = super::find_people(text, &[]);
        assert_eq!(people.len(), 1);
        assert_eq!(people[0].name, "Lin Tao");
        assert_eq!(
            people[0].role,
            "secretary of the Jiangning District Party Committee"
        );
    }
}
