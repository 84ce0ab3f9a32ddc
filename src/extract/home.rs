//! The page's own place: what 我市, 我县, 我省 ("our city", "our county", "our province") stand
//! for in a local outlet's report.
//!
//! The outlet says it best: the "来源:" line (吉林日报), the byline, the credit that opens the
//! story (温州网讯) or the site's own name on the page (新晃县融媒体中心). A self-reference is
//! resolved when the places those name, and the units that contain them, give exactly one
//! unit of the level it names. A page that names no outlet can still say it in its story:
//! "海原县代表团到我县…漳浦县县长陪同" leaves one county that is not the visitor's. Anything
//! less certain stays unresolved — never the most-named place, never a guess.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::gazetteer::{Gazetteer, is_cjk, may_hold_cjk};
use super::hanzi::simplified;
use crate::model::{EntryId, PlaceMention};
use crate::pattern::compiled;

/// "我市", "本县", "我省": a self-reference and the level its last character names.
static SELF_REFERENCE: LazyLock<Regex> = LazyLock::new(|| compiled(r"(?:我|本)(省|市|县|区|州)"));

/// "县委书记王日新带领…", "7月19日—20日,区领导秦蕾…赴…", "4月24日,市委副书记、市长黄志豪与
/// 来访的…": an office of the page's own unit opening a sentence with no place before it (at
/// most its day first; also after a reporter's credit, "记者李森 通讯员朱宗报道:", and a mirror
/// site's doubled comma) — the unit the outlet speaks for, as 我县 is. Later in a sentence the
/// office may be that of a place just named ("上海市委书记陈吉宁,市委副书记…").
static OWN_OFFICE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?m)(?:^|[。；;]|讯|报道[:：])\s*(?:[0-9月日至到—–-]{2,14}(?:[上下]午|晚)?[，,]{0,2}\s*)?(县|区|市|州)(?:委(?:副)?书记|委常委|长|领导|党政代表团)",
    )
});

/// Words that make a short line of the page the site's or outlet's own name.
static OUTLET_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    compiled(r"融媒|人民政府|政府网|门户网|新闻网|外宣网|日报|晚报|电视台|网讯|报社")
});

/// The gazetteer kinds a self-reference's level character names.
fn kinds_of(level: &str) -> &'static [&'static str] {
    match level {
        "省" => &["province"],
        "市" => &["prefecture city", "county-level city", "municipality"],
        "县" => &["county", "autonomous county"],
        "区" => &["district", "autonomous region"],
        _ => &["autonomous prefecture"],
    }
}

/// The places an outlet's names name: every entry a Chinese name in them may stand for.
pub fn outlet_places(outlets: &[&str], gazetteer: &Gazetteer) -> Vec<EntryId> {
    let mut places = Vec::new();
    for outlet in outlets {
        let folded = simplified(outlet);
        for found in gazetteer.find_iter(&folded) {
            let surface = &folded[found.start()..found.end()];
            if !surface.chars().all(is_cjk) {
                continue;
            }
            if let Some(pattern) = gazetteer.pattern(found.pattern().as_usize()) {
                places.extend(pattern.targets.iter().map(|(id, _)| *id));
            }
        }
    }
    places.sort_unstable();
    places.dedup();
    places
}

/// Whether a line of the page names the site or outlet ("新晃县融媒体中心", "吉林日报").
pub fn names_an_outlet(line: &str) -> bool {
    let line = line.trim();
    line.chars().count() <= 30 && OUTLET_WORDS.is_match(&simplified(line))
}

/// The self-references of `text` that the outlet's places resolve, as place mentions.
pub fn self_references(text: &str, home: &[EntryId], gazetteer: &Gazetteer) -> Vec<PlaceMention> {
    if home.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<PlaceMention> = references(text)
        .filter_map(|(range, level)| {
            let unit = resolve(kinds_of(level), home, gazetteer)?;
            Some(mention(range, unit, gazetteer))
        })
        .collect();
    found.sort_by_key(|mention| mention.range.start);
    found
}

/// The self-references of a page whose outlet does not say where it is, resolved from the story:
/// "海原县县长带队到我县…漳浦县县长陪同" — the visitors are named beside 我县, so our county is
/// the one other county the page names. A self-reference is resolved only when, leaving out
/// the places named in its own sentence (the other side) and the units around or inside them,
/// the page names exactly one unit of the level it names; otherwise it stays unresolved.
pub fn story_self_references(
    text: &str,
    sentences: &[Range<usize>],
    places: &[PlaceMention],
    gazetteer: &Gazetteer,
) -> Vec<PlaceMention> {
    let mut found: Vec<PlaceMention> = references(text)
        // Each is read against the whole page: a page of thousands stays linear this way.
        .take(MAX_STORY_REFERENCES)
        .filter_map(|(whole, level)| {
            let kinds = kinds_of(level);
            let sentence = sentences
                .iter()
                .find(|sentence| sentence.contains(&whole.start))?;
            let beside: Vec<EntryId> = places
                .iter()
                .filter(|place| sentence.contains(&place.range.start))
                .filter_map(|place| place.entry)
                .collect();
            let related = |id: EntryId| {
                beside.iter().any(|&other| {
                    other == id || gazetteer.contains(other, id) || gazetteer.contains(id, other)
                })
            };
            // A name the page leaves ambiguous (白河: a county in Shaanxi, a district in
            // Taiwan) counts by its candidates of the level asked for.
            let mut units: Vec<EntryId> = places
                .iter()
                .flat_map(PlaceMention::possible_entries)
                .filter(|&id| {
                    gazetteer
                        .entry(id)
                        .is_some_and(|entry| kinds.contains(&entry.kind.as_str()))
                })
                .filter(|&id| !related(id))
                .collect();
            units.sort_unstable();
            units.dedup();
            match units.as_slice() {
                [unit] => Some(mention(whole.clone(), *unit, gazetteer)),
                _ => None,
            }
        })
        .collect();
    found.sort_by_key(|mention| mention.range.start);
    found
}

/// The page's references to its own unit, in order of kind: each one's words and the level
/// character it names. 我县 is referred to by both characters; our unit's office (县委书记) by
/// its level character alone, the rest of the words being the office's.
fn references(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    // Both patterns need a Chinese character; an English page (whose line starts the office
    // pattern would otherwise try one by one) is not scanned.
    let text = if may_hold_cjk(text) { text } else { "" };
    SELF_REFERENCE
        .captures_iter(text)
        .chain(OWN_OFFICE.captures_iter(text))
        .filter_map(|found| {
            let whole = found.get(0)?;
            let level = found.get(1)?;
            let range = if whole.as_str().contains(['我', '本']) {
                whole.range()
            } else {
                level.range()
            };
            Some((range, level.as_str()))
        })
}

/// How many self-references a page without an outlet resolves from its story: an article has
/// a handful.
const MAX_STORY_REFERENCES: usize = 64;

/// The one unit of one of `kinds` among the outlet's places, else among them and the units
/// containing them.
fn resolve(kinds: &[&str], home: &[EntryId], gazetteer: &Gazetteer) -> Option<EntryId> {
    // "龙泉新闻网讯 …来我市": the outlet's own city, not the prefecture city above it.
    let own: Vec<EntryId> = home
        .iter()
        .copied()
        .filter(|&id| {
            gazetteer
                .entry(id)
                .is_some_and(|entry| kinds.contains(&entry.kind.as_str()))
        })
        .collect();
    if let [unit] = own.as_slice() {
        return Some(*unit);
    }
    let mut units: Vec<EntryId> = home
        .iter()
        .flat_map(|&id| gazetteer.lineage(id))
        .filter(|entry| kinds.contains(&entry.kind.as_str()))
        .map(|entry| entry.id)
        .collect();
    units.sort_unstable();
    units.dedup();
    match units.as_slice() {
        [unit] => Some(*unit),
        _ => None,
    }
}

/// A self-reference as a mention of `unit`. An autonomous unit goes by the word the page calls
/// it: 我县 of 秀山土家族苗族自治县 is "Xiushan County", as its readers say.
fn mention(range: Range<usize>, unit: EntryId, gazetteer: &Gazetteer) -> PlaceMention {
    let name = gazetteer
        .entry(unit)
        .map(|entry| {
            let called = match entry.kind.as_str() {
                "autonomous county" => Some("County"),
                "autonomous prefecture" => Some("Prefecture"),
                "autonomous banner" => Some("Banner"),
                _ => None,
            };
            match called {
                Some(suffix) => format!("{} {suffix}", entry.base),
                None => entry.party_name(),
            }
        })
        .unwrap_or_default();
    PlaceMention {
        range,
        name,
        entry: Some(unit),
        candidates: vec![unit],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolved(text: &str, outlets: &[&str]) -> Vec<String> {
        let gazetteer = Gazetteer::bundled();
        let home = outlet_places(outlets, gazetteer);
        self_references(text, &home, gazetteer)
            .into_iter()
            .map(|mention| mention.name)
            .collect()
    }

    #[test]
    fn our_province_is_the_outlets_province() {
        // 吉林 is both a province and a city: 我省 can only be the province.
        assert_eq!(
            resolved("丽水市党政代表团来我省考察", &["吉林日报"]),
            ["Jilin Province"]
        );
        // A county's outlet: 我县 is the county (an autonomous one called so by the page's
        // word), 我省 the province that contains it.
        assert_eq!(
            resolved("怀化市代表团来我县考察,我省", &["新晃县融媒体中心"]),
            ["Xinhuang County", "Hunan Province"]
        );
        // A county-level city's outlet: 我市 is that city, not the prefecture city above it.
        assert_eq!(
            resolved("秀洲区区长带队来我市考察", &["龙泉新闻网"]),
            ["Longquan City"]
        );
        // A city's outreach site names it too, in the line above the headline.
        assert!(names_an_outlet("邹城外宣网 今天是"));
        assert_eq!(
            resolved("万州区副区长来我市考察", &["邹城外宣网"]),
            ["Zoucheng City"]
        );
    }

    fn resolved_from_story(text: &str) -> Vec<String> {
        let gazetteer = Gazetteer::bundled();
        crate::extract::extract_text(text, None, gazetteer)
            .places
            .into_iter()
            .filter(|place| text[place.range.clone()].starts_with('我'))
            .map(|place| place.name)
            .collect()
    }

    #[test]
    fn without_an_outlet_our_county_is_the_one_other_county_the_page_names() {
        assert_eq!(
            resolved_from_story("4月1日,海原县县长带队到我县对接协作工作。漳浦县县长陪同。"),
            ["Zhangpu County"]
        );
        // Two other counties: which is ours the page does not say.
        assert!(resolved_from_story("海原县代表团到我县考察。漳浦县、东山县县长陪同。").is_empty());
    }

    #[test]
    fn our_unit_s_office_opening_a_sentence_stands_for_our_unit() {
        assert_eq!(
            resolved(
                "7月19日,县委书记王日新带领党政代表团到郧西县考察。",
                &["新晃县融媒体中心"]
            ),
            ["Xinhuang County"]
        );
        assert_eq!(
            resolved(
                "本报讯 记者李森 通讯员朱宗报道:4月24日,市委副书记、市长黄志豪与来访的客人座谈。",
                &["珠海特区报"]
            ),
            ["Zhuhai City"]
        );
        assert_eq!(
            resolved(
                "12月26日,,县委书记李伦华带领党政代表团到宜都市考察。",
                &["五峰县融媒体中心"]
            ),
            ["Wufeng County"]
        );
        // After another place's office, the office is that place's.
        assert!(
            resolved(
                "3月16日,上海市委书记陈吉宁,县委副书记率团考察。",
                &["新晃县融媒体中心"]
            )
            .is_empty()
        );
    }

    #[test]
    fn an_ambiguous_name_counts_by_its_candidate_of_the_level() {
        let found = resolved_from_story(
            "3月2日,我县党政代表团到郧西县学习考察。白河党政代表团一行参观了园区。",
        );
        assert_eq!(found, ["Baihe County"]);
    }

    #[test]
    fn without_an_outlet_or_with_two_it_stays_unresolved() {
        assert!(resolved("丽水市党政代表团来我省考察", &[]).is_empty());
        assert!(resolved("代表团来我省考察", &["吉林日报", "浙江日报"]).is_empty());
    }
}
