//! Officials named with their roles: "Lin Tao, secretary of the Jiangning District Party
//! Committee", "Mr. Zou Shujun, Executive Vice President of …".

use crate::pattern::compiled;
use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Person, PlaceMention};

/// The role after "Name, ": optional titles, then a role noun, then its complement.
static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"^(?:the\s+)?(?:[Ee]xecutive\s+|[Dd]eputy\s+|[Vv]ice\s+|[Ff]irst\s+|[Pp]arty\s+|[Gg]eneral\s+)*(?:[Ss]ecretary|[Dd]irector|[Mm]ayor|[Gg]overnor|[Cc]hairman|[Cc]hairwoman|[Pp]resident|[Hh]ead|[Cc]hief|[Mm]anager|[Dd]eputy|[Mm]ember)(?-u:\b)[^,;.\n]{0,160}",
    )
});

/// The name right before the comma: two or three capitalised words, perhaps after "Mr.".
static NAME_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"(?-u:\b)([A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})$"));

/// Where a role can begin: a comma, then a title or role word. Found with one automaton pass;
/// the name and the role are read around each hit.
static ROLE_OPENINGS: LazyLock<Option<aho_corasick::AhoCorasick>> = LazyLock::new(|| {
    let words = [
        "secretary",
        "deputy",
        "director",
        "mayor",
        "governor",
        "chairman",
        "chairwoman",
        "president",
        "head",
        "chief",
        "manager",
        "member",
        "executive",
        "vice",
        "first",
        "party",
        "general",
    ];
    let openings: Vec<String> = words
        .iter()
        .flat_map(|word| [format!(", {word}"), format!(", the {word}")])
        .collect();
    aho_corasick::AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(openings)
        .ok()
});

/// Finds people introduced with a role, and the place their role names.
pub fn find_people(text: &str, places: &[PlaceMention]) -> Vec<Person> {
    let Some(openings) = ROLE_OPENINGS.as_ref() else {
        return Vec::new();
    };
    let mut people = Vec::new();
    for opening in openings.find_iter(text) {
        let comma = opening.start();
        // Up to 48 bytes before the comma, starting on a character boundary.
        let window_start = (comma.saturating_sub(48)..comma)
            .find(|&at| text.is_char_boundary(at))
            .unwrap_or(comma);
        let Some(name) = NAME_BEFORE
            .captures(&text[window_start..comma])
            .and_then(|captures| captures.get(1))
        else {
            continue;
        };
        let name_start = window_start + name.start();
        let role_start = comma + 2;
        let Some(role) = text.get(role_start..).and_then(|rest| ROLE.find(rest)) else {
            continue;
        };
        let role_range = role_start..role_start + role.end();
        let place = places
            .iter()
            .find(|place| {
                role_range.start <= place.range.start && place.range.end <= role_range.end
            })
            .map(|place| place.name.clone());
        people.push(Person {
            name: name.as_str().to_owned(),
            role: role.as_str().trim().to_owned(),
            place,
            range: name_start..role_range.end,
        });
    }
    people
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

    #[test]
    fn titles_and_chinese_text_before_the_comma_are_safe() {
        let text = "江宁区江宁区江宁区江宁区江宁区江宁区江宁区 Mr. Zou Shujun, Executive Vice President of National Technology Transfer Eastern Center, signed";
        let people = super::find_people(text, &[]);
        assert_eq!(people[0].name, "Zou Shujun");
        assert!(
            people[0]
                .role
                .starts_with("Executive Vice President of National")
        );
        assert!(
            super::find_people("江宁区江宁区江宁区江宁区江宁区江宁区, secretary of", &[])
                .is_empty()
        );
    }
}
