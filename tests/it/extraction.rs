//! Extraction on the seed articles, end to end through `accord extract`: their cooperation
//! events, with parties, kinds and honestly resolved dates.

use std::path::PathBuf;

use accord::cli::{ExtractArgs, extract};

fn seeds_json() -> serde_json::Value {
    let mut out = Vec::new();
    let args = ExtractArgs {
        paths: vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")],
        json: true,
        jsonl: false,
        stdin: false,
        base: None,
        max_file_size: 20,
        follow_outside_links: false,
    };
    extract(&args, &mut out).unwrap();
    serde_json::from_slice(&out).unwrap()
}

/// (date, kind, participants) of a document's events.
fn events(json: &serde_json::Value, index: usize) -> Vec<(String, String, Vec<String>)> {
    json["documents"][index]["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|event| {
            (
                event["date"].as_str().unwrap_or("null").to_owned(),
                event["kind"].as_str().unwrap().to_owned(),
                event["participants"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| p.as_str().unwrap().to_owned())
                    .collect(),
            )
        })
        .collect()
}

fn event(date: &str, kind: &str, parties: &[&str]) -> (String, String, Vec<String>) {
    (
        date.to_owned(),
        kind.to_owned(),
        parties.iter().map(|p| (*p).to_owned()).collect(),
    )
}

#[test]
fn the_three_southern_districts_signing_keeps_its_year_unknown() {
    let json = seeds_json();
    assert_eq!(
        events(&json, 0),
        [
            event(
                "XXXX-05-07",
                "agreement",
                &["Jiangning District", "Lishui District", "Gaochun District"]
            ),
            event(
                "XXXX-05-07",
                "agreement",
                &["Lishui District", "Jiangning District"]
            ),
        ]
    );
}

#[test]
fn single_place_happenings_and_interviews_have_no_events() {
    let json = seeds_json();
    assert!(events(&json, 1).is_empty());
    assert!(events(&json, 2).is_empty());
}

#[test]
fn the_yangtze_delta_meeting_takes_its_year_from_the_meeting_name() {
    let json = seeds_json();
    assert_eq!(
        events(&json, 3),
        [
            event("2019-07-23", "agreement", &["Qingpu", "Wujiang", "Jiashan"]),
            event(
                "2019-07-23",
                "agreement",
                &[
                    "National Technology Transfer Eastern Center",
                    "Fenhu Hi-Tech Industrial Development Zone"
                ]
            ),
        ]
    );
    let first = &json["documents"][3]["events"][0];
    assert_eq!(first["date_resolution"], "from context");
    assert_eq!(first["cameo"], "057");
}

#[test]
fn the_liangjiang_tianfu_events_include_the_dated_first_conference() {
    let json = seeds_json();
    assert_eq!(
        events(&json, 4),
        [
            event(
                "2021",
                "alliance",
                &["Liangjiang New Area", "Tianfu New Area"]
            ),
            event(
                "2020-02-28",
                "meeting",
                &["Liangjiang New Area", "Tianfu New Area"]
            ),
            event(
                "2021",
                "agreement",
                &[
                    "Chongqing Yuelai Investment Group",
                    "Sichuan Tianfu International Conference & Exhibition Co."
                ]
            ),
        ]
    );
}

#[test]
fn places_are_listed_and_officials_named_with_roles() {
    let json = seeds_json();
    let places: Vec<&str> = json["documents"][0]["places"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    for place in [
        "Jiangning District",
        "Lishui District",
        "Gaochun District",
        "Nanjing",
        "Yangtze River Delta",
        "Anhui",
    ] {
        assert!(places.contains(&place), "{place} in {places:?}");
    }
    let people = json["documents"][0]["people"].as_array().unwrap();
    assert!(
        people
            .iter()
            .any(|p| p["name"] == "Lin Tao" && p["place"] == "Jiangning District")
    );
    // Shanghai Volkswagen is a company in a list of enterprises, not the city.
    let breakfast: Vec<&str> = json["documents"][1]["places"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert!(!breakfast.contains(&"Shanghai"));
}
