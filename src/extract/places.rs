//! Place mentions: one pass of the gazetteer matcher over the text, then linking each mention
//! to one entry using the rest of the article, or leaving it flagged as ambiguous.
//!
//! Long because matching, linking and flagging ambiguous names share one pass and its context;
//! about 530 lines are tests.

use crate::pattern::compiled;
use std::collections::HashMap;
use std::ops::Range;

use super::gazetteer::{Form, Gazetteer, Level, is_cjk};
use super::orgs::{Spans, name_reaches, names_an_occasion};
use crate::model::{EntryId, PlaceMention};

/// Finds every place mention in `text`, skipping those inside company or outlet names and
/// lists of companies (`spans`), and links them.
pub fn find_places(text: &str, gazetteer: &Gazetteer, spans: &Spans) -> Vec<PlaceMention> {
    let mut mentions = matched_places(text, gazetteer, spans);
    mentions.sort_by_key(|mention| mention.range.start);
    join_compounds(text, &mut mentions);
    drop_brand_names(text, &mut mentions);
    drop_river_names(text, &mut mentions, gazetteer);
    drop_affairs_offices(text, &mut mentions);
    drop_personal_names(text, &mut mentions);
    drop_chinese_organisations(text, &mut mentions);
    drop_generic_districts(text, &mut mentions);
    drop_chinese_given_names(text, &mut mentions);
    drop_chinese_names_inside_words(text, &mut mentions, gazetteer);
    mentions.sort_by_key(|mention| mention.range.start);
    link_pairs(&mut mentions, gazetteer);
    link(&mut mentions, gazetteer);
    drop_unsupported_chinese_bases(text, &mut mentions, gazetteer);
    name_prefectures_as_the_page_does(text, &mut mentions, gazetteer);
    // In text order: later stages find a sentence's mentions by binary search.
    mentions.sort_by_key(|mention| mention.range.start);
    mentions
}

/// The shortest and longest initialism taken for a place ("SIP" … "PPRDC").
const INITIALISM_LENGTH: std::ops::RangeInclusive<usize> = 3..=5;

/// A page that names "Suzhou Industrial Park" goes on with "SIP" ("SIP officials visit …"):
/// a run of capitals that spells the initials of a place the page names in full, word by word
/// (in its body, or elsewhere on the page: `page_named`, each under the name the page gives
/// it), is that place. Only zones and regions are written so (a province or city has its own
/// short name, and "MSAR" is read as the SAR's title, not as a party), and only a place the
/// page names and links to one entry lends its initials, so an initialism means nothing on a
/// page that never spells it out.
pub fn add_initialisms(
    text: &str,
    mentions: &mut Vec<PlaceMention>,
    page_named: &[(&str, EntryId)],
    gazetteer: &Gazetteer,
) {
    let named = mentions
        .iter()
        .filter_map(|mention| Some((mention.name.clone(), mention.entry?)))
        .chain(page_named.iter().map(|&(name, id)| (name.to_owned(), id)))
        .filter(|(_, id)| {
            gazetteer
                .entry(*id)
                .is_some_and(|entry| matches!(entry.level, Level::Zone | Level::Region))
        });
    let mut initials: Vec<(String, String, EntryId)> = Vec::new();
    for (name, id) in named {
        let words: Vec<&str> = name.split_whitespace().collect();
        if !INITIALISM_LENGTH.contains(&words.len())
            || !words
                .iter()
                .all(|word| word.chars().next().is_some_and(|c| c.is_ascii_uppercase()))
        {
            continue;
        }
        let spelled: String = words
            .iter()
            .filter_map(|word| word.chars().next())
            .collect();
        if !initials.iter().any(|(known, ..)| *known == spelled) {
            initials.push((spelled, name, id));
        }
    }
    if initials.is_empty() {
        return;
    }
    let bytes = text.as_bytes();
    let mut added = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_uppercase() {
            at += 1;
            continue;
        }
        let end = at
            + bytes[at..]
                .iter()
                .take_while(|b| b.is_ascii_uppercase())
                .count();
        let alone = (at == 0 || !bytes[at - 1].is_ascii_alphanumeric())
            && bytes.get(end).is_none_or(|b| !b.is_ascii_alphanumeric());
        if alone
            && let Some((_, name, id)) = initials
                .iter()
                .find(|(known, ..)| known.as_bytes() == &bytes[at..end])
            && !mentions
                .iter()
                .any(|mention| mention.range.start < end && at < mention.range.end)
        {
            added.push(PlaceMention {
                range: at..end,
                name: name.clone(),
                entry: Some(*id),
                candidates: vec![*id],
            });
        }
        at = end;
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|mention| mention.range.start);
    }
}

/// An autonomous prefecture or league goes by the title the page gives it: a story introduces
/// "Haixi Prefecture" or "Yili Kazakh Autonomous Prefecture" and then says "Haixi", and its
/// readers (and labellers) name the party by the title. A prefecture or prefecture-level city
/// is titled "Prefecture" only by some pages ("Hami Prefecture"; but "Zhuhai Prefecture" or
/// "Kashgar Prefecture" in passing), so it takes the title only when the page uses it at least
/// as often as the bare name. The longest title wins ("Yili Kazakh Autonomous Prefecture"
/// over "Yili Prefecture"). Chinese names are titled by their own suffixes (和田地区 "Hotan
/// Prefecture"): [`name_chinese_prefectures_as_the_page_does`].
fn name_prefectures_as_the_page_does(
    text: &str,
    mentions: &mut [PlaceMention],
    gazetteer: &Gazetteer,
) {
    let titled = |name: &str| name.ends_with(" Prefecture") || name.ends_with(" League");
    if !mentions.iter().any(|mention| titled(&mention.name)) {
        return;
    }
    let mut titles: HashMap<EntryId, (&str, usize, usize)> = HashMap::new();
    let english = |mention: &PlaceMention| {
        text.get(mention.range.clone())
            .is_some_and(|surface| !surface.chars().any(is_cjk))
    };
    for mention in mentions.iter().filter(|mention| english(mention)) {
        let Some(id) = mention.entry else { continue };
        let (title, with, without) = titles.entry(id).or_insert(("", 0, 0));
        if titled(&mention.name) {
            *with += 1;
            if mention.name.len() > title.len() {
                *title = &mention.name;
            }
        } else {
            *without += 1;
        }
    }
    let chosen: HashMap<EntryId, String> = titles
        .into_iter()
        .filter(|(id, (title, with, without))| {
            !title.is_empty()
                && gazetteer
                    .entry(*id)
                    .is_some_and(|entry| match entry.kind.as_str() {
                        "autonomous prefecture" | "league" => true,
                        "prefecture" | "prefecture city" => with >= without,
                        _ => false,
                    })
        })
        .map(|(id, (title, _, _))| (id, title.to_owned()))
        .collect();
    retitle(mentions, &chosen, english);
}

/// Gives each mention that `which` keeps the title chosen for its entry, if one was.
fn retitle(
    mentions: &mut [PlaceMention],
    chosen: &HashMap<EntryId, String>,
    which: impl Fn(&PlaceMention) -> bool,
) {
    for mention in mentions.iter_mut().filter(|mention| which(mention)) {
        if let Some(title) = mention.entry.and_then(|id| chosen.get(&id)) {
            mention.name.clone_from(title);
        }
    }
}

/// A Chinese page's autonomous prefecture goes by the title the page gives it most: 黔东南州
/// ("Qiandongnan Prefecture") over the full 黔东南苗族侗族自治州 when the page uses the short
/// form at least as often, the full name when only it is used; its bare name (黔东南) and the
/// page's own "州" take that title too, so the party has one name. So does a prefecture the
/// page titles 地区 (和田地区 "Hotan Prefecture", then 和田). A page that never titles it keeps
/// the bare name.
pub fn name_chinese_prefectures_as_the_page_does(
    text: &str,
    mentions: &mut [PlaceMention],
    gazetteer: &Gazetteer,
) {
    // Per prefecture: (short title, its uses, full title, its uses).
    let mut titles: HashMap<EntryId, (&str, usize, &str, usize)> = HashMap::new();
    for mention in mentions.iter() {
        let Some(id) = mention.entry else { continue };
        let Some(surface) = text.get(mention.range.clone()) else {
            continue;
        };
        let Some(kind) = gazetteer.entry(id).map(|entry| entry.kind.as_str()) else {
            continue;
        };
        let prefecture_titled = surface.ends_with("地区") && kind == "prefecture";
        if !(surface.ends_with('州') && kind == "autonomous prefecture" || prefecture_titled) {
            continue;
        }
        let (short, shorts, full, fulls) = titles.entry(id).or_insert(("", 0, "", 0));
        if surface.ends_with("自治州") || prefecture_titled {
            *full = &mention.name;
            *fulls += 1;
        } else if surface.chars().count() >= 3 && mention.name.ends_with(" Prefecture") {
            // 凉山州; not the page's own 我州 or 州, which name no title.
            *short = &mention.name;
            *shorts += 1;
        }
    }
    let chosen: HashMap<EntryId, String> = titles
        .into_iter()
        .filter_map(|(id, (short, shorts, full, fulls))| {
            let title = if shorts > 0 && shorts >= fulls {
                short
            } else if fulls > 0 {
                full
            } else {
                return None;
            };
            Some((id, title.to_owned()))
        })
        .collect();
    if !chosen.is_empty() {
        retitle(mentions, &chosen, |_| true);
    }
}

/// A Chinese page's autonomous county goes by its full name, peoples and all ("Pengshui Miao
/// and Tujia Autonomous County"), wherever the page names it so (彭水苗族土家族自治县) or says
/// it is autonomous (彭水自治县): its bare name (彭水) then names the same party, under the
/// same name, as its readers name it.
pub fn name_chinese_autonomous_counties_as_the_page_does(
    text: &str,
    mentions: &mut [PlaceMention],
    gazetteer: &Gazetteer,
) {
    let mut chosen: HashMap<EntryId, String> = HashMap::new();
    for mention in mentions.iter() {
        let Some(entry) = mention.entry.and_then(|id| gazetteer.entry(id)) else {
            continue;
        };
        let (Some(surface), Some(after)) = (
            text.get(mention.range.clone()),
            text.get(mention.range.end..),
        ) else {
            continue;
        };
        let autonomous = surface == entry.name_zh || after.starts_with("自治县");
        if entry.kind == "autonomous county" && autonomous && surface.chars().all(is_cjk) {
            chosen.insert(entry.id, entry.full_name_with_peoples());
        }
    }
    if !chosen.is_empty() {
        retitle(mentions, &chosen, |_| true);
    }
}

/// A county's Chinese name without its suffix is often an ordinary word (合作, 友好, 资源, 振兴
/// are also 合作市, 友好区, 资源县, 振兴区) or part of one. Such a bare name is a place only when
/// the page supports it: it also names the unit in full (江宁区 … 江宁) or names a unit that
/// contains it (南京 … 江宁). Provinces and prefecture-level cities are named bare all the time
/// and need no support.
fn drop_unsupported_chinese_bases(
    text: &str,
    mentions: &mut Vec<PlaceMention>,
    gazetteer: &Gazetteer,
) {
    let is_bare_county = |mention: &PlaceMention| -> bool {
        let surface = &text[mention.range.clone()];
        let entries = mention.possible_entries();
        // A zone named after a place (吉林经开区) is no entry's bare name; an autonomous
        // county's short form with its suffix (长阳县, 彭水自治县) is not bare either.
        surface.chars().all(is_cjk)
            && !surface.ends_with('县')
            && !text[mention.range.end..].starts_with("自治县")
            && !entries.is_empty()
            && entries.iter().all(|&id| {
                gazetteer
                    .entry(id)
                    .is_some_and(|entry| entry.level == Level::County && entry.name_zh != surface)
            })
    };
    let bare: Vec<bool> = mentions.iter().map(is_bare_county).collect();
    if !bare.contains(&true) {
        return;
    }
    // What the rest of the page names: the units themselves (a province names too many
    // counties to support any one of them).
    let named: std::collections::HashSet<EntryId> = mentions
        .iter()
        .zip(&bare)
        .filter(|(_, is_bare)| !**is_bare)
        .flat_map(|(mention, _)| mention.possible_entries())
        .collect();
    let supported = |mention: &PlaceMention| -> bool {
        mention.possible_entries().iter().any(|&id| {
            let parent = gazetteer.entry(id).and_then(|entry| entry.parent);
            named.contains(&id) || parent.is_some_and(|parent| named.contains(&parent))
        })
    };
    // "龙泉和萧山两地", "龙泉-萧山山海协作产业园": two names joined as a pair of places support
    // each other.
    let mut paired = vec![false; mentions.len()];
    for index in 1..mentions.len() {
        let (first, second) = (&mentions[index - 1], &mentions[index]);
        let Some(between) = text.get(first.range.end..second.range.start) else {
            continue;
        };
        let dashed = matches!(between, "-" | "–" | "—" | "－");
        let joined = matches!(between, "和" | "与" | "同" | "、");
        let as_a_pair = text
            .get(second.range.end..)
            .is_some_and(|after| PAIR_WORDS.iter().any(|word| after.starts_with(word)));
        // A dash also joins a place to a zone in the zone's own name (滨海-中关村科技园).
        if (dashed && bare[index - 1] && bare[index]) || (joined && as_a_pair) {
            paired[index - 1] = true;
            paired[index] = true;
        }
    }
    // "率苍南党政代表团", "苍南县委": a name that a place's own bodies follow is that place.
    let bodies_follow = |mention: &PlaceMention| {
        text.get(mention.range.end..)
            .is_some_and(|after| PLACE_BODIES.iter().any(|body| after.starts_with(body)))
    };
    let mut index = 0;
    mentions.retain(|mention| {
        index += 1;
        !bare[index - 1] || paired[index - 1] || bodies_follow(mention) || supported(mention)
    });
}

/// The bodies only a place has: its party and government delegation, its Party committee,
/// its government.
const PLACE_BODIES: [&str; 7] = [
    "党政代表团",
    "县委",
    "区委",
    "市委",
    "县政府",
    "区政府",
    "市政府",
];

/// The words that call the two places before them a pair ("两地", "双方").
const PAIR_WORDS: [&str; 5] = ["两地", "两县", "两市", "两区", "双方"];

/// The places joined in a compound name ("Guangdong", "Guangxi" and "Guizhou" in "the
/// Guangdong-Guangxi-Guizhou High-speed Rail Economic Belt"): the members of a group whose
/// meeting the name stands for.
pub fn places_joined_in(name: &str, gazetteer: &Gazetteer) -> Vec<PlaceMention> {
    let mut mentions = matched_places(name, gazetteer, &Spans::default());
    mentions.sort_by_key(|mention| mention.range.start);
    mentions
}

/// Every gazetteer name in `text` at a word boundary, outside companies, a zone's words
/// joined to its place, names inside longer names dropped.
fn matched_places(text: &str, gazetteer: &Gazetteer, spans: &Spans) -> Vec<PlaceMention> {
    let mut mentions = Vec::new();
    for found in gazetteer.find_iter(text) {
        let range = found.start()..found.end();
        let Some(pattern) = gazetteer.pattern(found.pattern().as_usize()) else {
            continue;
        };
        let surface = &text[range.clone()];
        let english = surface.is_ascii();
        if english
            && !(at_word_boundary(text, &range)
                && surface.starts_with(|c: char| c.is_ascii_uppercase()))
        {
            continue;
        }
        if spans.in_company(&range) || spans.in_company_list(&range) {
            continue;
        }
        let candidates = match bare_province(surface, &pattern.targets, gazetteer) {
            Some(province) => vec![province],
            None => prefer_the_container(
                pattern.targets.iter().map(|(id, _)| *id).collect(),
                gazetteer,
            ),
        };
        let name = canonical_name(surface, &pattern.targets, gazetteer);
        let mention = PlaceMention {
            entry: (candidates.len() == 1).then(|| candidates[0]),
            range,
            name,
            candidates,
        };
        let mention = extend_to_zone(text, mention, gazetteer);
        mentions.push(with_compass_part(text, mention, gazetteer));
    }
    drop_nested(&mut mentions);
    join_namesake_new_areas(text, &mut mentions, gazetteer);
    mentions
}

/// "绍兴滨海新区": a new area written right after a city it does not lie in (滨海新区 is also
/// Tianjin's) is that city's own new area of the name, "Shaoxing Binhai New Area" — the name
/// is common, the place before it says whose it is. (After its own city, "天津滨海新区", it is
/// that one.)
fn join_namesake_new_areas(text: &str, mentions: &mut Vec<PlaceMention>, gazetteer: &Gazetteer) {
    mentions.sort_by_key(|mention| mention.range.start);
    let base = |mention: &PlaceMention| {
        mention
            .entry
            .and_then(|id| gazetteer.entry(id))
            .map(|entry| entry.base.clone())
    };
    // One pass, building the list anew: a page of thousands of such names stays linear.
    let mut joined: Vec<PlaceMention> = Vec::with_capacity(mentions.len());
    let mut rest = std::mem::take(mentions).into_iter().peekable();
    while let Some(city) = rest.next() {
        let namesake = rest.peek().and_then(|area| {
            let next_to = city.range.end == area.range.start
                && text[area.range.clone()].ends_with("新区")
                && matches!((city.entry, area.entry), (Some(city), Some(area))
                    if !gazetteer.contains(city, area) && !gazetteer.contains(area, city));
            next_to.then(|| Some((base(&city)?, base(area)?, area.range.end)))?
        });
        match namesake {
            Some((city_base, area_base, end)) => {
                rest.next();
                joined.push(PlaceMention {
                    range: city.range.start..end,
                    name: format!("{city_base} {area_base} New Area"),
                    entry: None,
                    candidates: Vec::new(),
                });
            }
            None => joined.push(city),
        }
    }
    *mentions = joined;
}

static SURNAMES_TXT: &str = include_str!("../../assets/gazetteer/surnames.txt");

static SURNAMES: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    SURNAMES_TXT
        .lines()
        .filter(|line| !line.starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect()
});

/// "Zhang Zhongwei", "Mr Xin Changxing": a bare place name right after a Chinese surname, or
/// after any capitalised word that follows "Mr" or "Ms", is a given name.
fn drop_personal_names(text: &str, mentions: &mut Vec<PlaceMention>) {
    mentions.retain(|mention| {
        let surface = &text[mention.range.clone()];
        if !surface.is_ascii() || surface.contains(' ') {
            return true;
        }
        let before = text[..mention.range.start]
            .strip_suffix(' ')
            .unwrap_or_default();
        let mut words = before.rsplit(|c: char| !c.is_alphabetic());
        let previous = words.next().unwrap_or_default();
        let addressed = previous.starts_with(|c: char| c.is_ascii_uppercase())
            && words
                .find(|word| !word.is_empty())
                .is_some_and(|word| HONORIFICS.contains(&word));
        !(SURNAMES.contains(&previous) || addressed)
    });
}

/// The forms of address English news puts before a person's full name.
const HONORIFICS: &[&str] = &["Mr", "Ms", "Mrs", "Madam", "Dr"];

/// What follows a place that opens the name of a company, outlet or institution: a few
/// characters of the name (none that a role, an act or another clause would bring) and the
/// name's head ("伍心养老服务有限公司", "日报", "网讯", "大学").
static CHINESE_ORG_REST: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    compiled(
        r#"^[^与和及同跟、，,。；;：:“”"《》「」\s的在是为对向将等委书记长见率赴到来参出席签署订举召开考察团党政府]{0,12}?(?:有限公司|股份公司|公司|集团|药业|银行|日报|晚报|报社|报业|电视台|新闻网|网讯|商会|协会|联合会|慈善总会|研究会|促进会|工商联|基金会|大学|学院|医院|研究院|研究所|总工会|海关|总部|分公司|分行|支行)"#,
    )
});

/// Whether `rest` opens with the name of a company, outlet or institution ("香港新华集团签署…").
pub fn opens_with_organisation(rest: &str) -> bool {
    CHINESE_ORG_REST.is_match(rest)
}

/// "福建省伍心养老服务有限公司", "《福建日报》", "温州网讯", "天津大学", "成都海关": a place word
/// that opens the name of a company, outlet, institution or national agency is part of that
/// name, not a place of the text (read on the simplified text, as every Chinese rule is).
/// Likewise "九三学社陕西省委" (the Jiusan Society's Shaanxi committee) is a party's committee: a place
/// word right after the name of one of the democratic parties names that party's branch
/// there, not a place acting.
fn drop_chinese_organisations(text: &str, mentions: &mut Vec<PlaceMention>) {
    mentions.retain(|mention| {
        let surface = &text[mention.range.clone()];
        let before = &text[..mention.range.start];
        !(surface.chars().all(is_cjk)
            && (opens_with_organisation(&text[mention.range.end..])
                || DEMOCRATIC_PARTIES
                    .iter()
                    .any(|party| before.ends_with(party))))
    });
}

/// The democratic parties, as their branches are named ("九三学社X省委", "民盟X市委").
const DEMOCRATIC_PARTIES: &[&str] = &[
    "九三学社",
    "民盟",
    "民建",
    "民进",
    "民革",
    "农工党",
    "致公党",
    "台盟",
];

/// 城区 ("the urban area"), 郊区 ("the suburbs"), 矿区 ("the mining area") and the compass
/// districts (东区, 北区: also in "东北区域", "the north-east region") are also the names of
/// districts (阳泉市城区, 攀枝花市东区, 香港北区): such a word is that district only right after its
/// city's name.
/// A district's name before 县 is a phrase of kinds of unit, not the district: "缔结友好区县"
/// ("become friendly districts and counties") is no 友好区.
fn drop_generic_districts(text: &str, mentions: &mut Vec<PlaceMention>) {
    mentions.retain(|mention| {
        let surface = &text[mention.range.clone()];
        let generic = matches!(
            surface,
            "城区" | "郊区" | "矿区" | "东区" | "西区" | "南区" | "北区" | "中区"
        ) && !text[..mention.range.start].ends_with(['市', '州', '港']);
        let kinds_of_unit =
            surface.ends_with(['区', '區']) && text[mention.range.end..].starts_with(['县', '縣']);
        !generic && !kinds_of_unit
    });
}

/// The Chinese word segmenter, with its bundled dictionary (loaded once, on the first Chinese
/// page: about half a second). Shared with the search index's tokenizer, so the dictionary is
/// held once.
pub static SEGMENTER: std::sync::LazyLock<jieba_rs::Jieba> =
    std::sync::LazyLock::new(jieba_rs::Jieba::new);

/// How many characters on each side of a bare Chinese name are segmented with it.
const SEGMENT_CONTEXT: usize = 3;

/// "拱北海关" (Gongbei customs) holds 北海, "真金白银" 白银, "西南山区" 南山: a Chinese place name
/// written without its suffix is a place only where the words of its sentence begin and end
/// with it. The text around each such name is segmented into words (jieba's dictionary), and
/// a name that starts or ends inside a word is dropped. Names with their suffix (北海市),
/// provinces and zones are not in question.
fn drop_chinese_names_inside_words(
    text: &str,
    mentions: &mut Vec<PlaceMention>,
    gazetteer: &Gazetteer,
) {
    let is_admin_bare = |id: EntryId, surface: &str| {
        gazetteer.entry(id).is_some_and(|entry| {
            // A province's bare name (广东, 浙江) is read first by the matcher and is no other
            // word's part; cities' and counties' names (北海, 白银, 大同) are.
            matches!(entry.level, Level::Prefecture | Level::County) && entry.name_zh != surface
        })
    };
    mentions.retain(|mention| {
        let surface = &text[mention.range.clone()];
        // "示范县", "振兴和县域": a county whose full name is one character and its suffix (范县,
        // 和县; not 兰州, a city's name without its 市) is the end of a word when a dictionary
        // word runs into it from before.
        let full_name = |id: &EntryId| {
            gazetteer
                .entry(*id)
                .is_some_and(|entry| entry.name_zh == surface)
        };
        if surface.chars().count() == 2
            && surface.chars().all(is_cjk)
            && surface.ends_with(CHINESE_UNIT_SUFFIXES)
            && mention.entry.as_ref().map_or_else(
                || !mention.candidates.is_empty() && mention.candidates.iter().all(full_name),
                full_name,
            )
            && !is_word_edge(text[..mention.range.start].chars().next_back())
            && word_across(text, mention.range.start)
        {
            return false;
        }
        // The cheap tests first: most mentions have a suffix or stand between particles.
        if !surface.chars().all(is_cjk)
            || surface.ends_with(CHINESE_UNIT_SUFFIXES)
            || set_apart(text, &mention.range)
        {
            return true;
        }
        let bare = match mention.entry {
            Some(id) => is_admin_bare(id, surface),
            None => {
                !mention.candidates.is_empty()
                    && mention
                        .candidates
                        .iter()
                        .all(|&id| is_admin_bare(id, surface))
            }
        };
        !bare || stands_as_words(text, &mention.range)
    });
}

/// Characters that end or begin a word wherever they stand beside a name: conjunctions,
/// prepositions and particles ("与南京", "苏州、无锡", "赴上海", "南京的").
const WORD_EDGES: &[char] = &[
    '与', '和', '及', '同', '跟', '、', '的', '在', '赴', '到', '至', '于', '从', '向', '对', '等',
    '为', '是', '将', '两', '地', '之',
];

/// The one-character suffixes of administrative units (江宁区, 北海市, 凉山州).
const CHINESE_UNIT_SUFFIXES: [char; 7] = ['省', '市', '县', '区', '州', '旗', '盟'];

/// Whether the character beside a name (or the text's edge) ends any word there: punctuation,
/// a non-Chinese character or a particle.
fn is_word_edge(beside: Option<char>) -> bool {
    beside.is_none_or(|c| !is_cjk(c) || WORD_EDGES.contains(&c))
}

/// Whether a punctuation mark, a particle or the text's edge stands on both sides of `range`:
/// no word can run across either end.
fn set_apart(text: &str, range: &Range<usize>) -> bool {
    is_word_edge(text[..range.start].chars().next_back())
        && is_word_edge(text[range.end..].chars().next())
}

/// Whether `range` begins and ends at word boundaries of the Chinese text around it.
fn stands_as_words(text: &str, range: &Range<usize>) -> bool {
    // An end set apart by a particle or punctuation, or with no dictionary word running
    // across it, is a word boundary: only the rest (a few names in a page) cost the
    // segmenter's microseconds.
    let start_clear =
        is_word_edge(text[..range.start].chars().next_back()) || !word_across(text, range.start);
    let end_clear = is_word_edge(text[range.end..].chars().next())
        || followed_by_suffix(&text[range.end..])
        || !word_across(text, range.end);
    (start_clear && end_clear) || segmented_as_words(text, range)
}

/// Whether some dictionary word of two to four characters runs across byte offset `at`.
fn word_across(text: &str, at: usize) -> bool {
    // Up to three Chinese characters on each side, as byte offsets (no allocation: this runs
    // for many names of every Chinese page).
    let mut starts = [at; 3];
    let mut before = 0;
    for (index, c) in text[..at].char_indices().rev().take(3) {
        if !is_cjk(c) {
            break;
        }
        starts[before] = index;
        before += 1;
    }
    let mut ends = [at; 3];
    let mut after = 0;
    for (index, c) in text[at..].char_indices().take(3) {
        if !is_cjk(c) {
            break;
        }
        ends[after] = at + index + c.len_utf8();
        after += 1;
    }
    (0..before).any(|back| {
        ends[..after.min(3 - back)]
            .iter()
            .any(|&end| SEGMENTER.has_word(&text[starts[back]..end]))
    })
}

/// "石柱县", "澳门特区": an administrative suffix right after a name, read as one word with it.
fn followed_by_suffix(after: &str) -> bool {
    after.starts_with(CHINESE_UNIT_SUFFIXES)
        || after.starts_with("特区")
        || after.starts_with("新区")
        || after.starts_with("自治")
}

/// Whether the segmenter, run over `range` and a few characters on each side, puts word
/// boundaries at both its ends.
fn segmented_as_words(text: &str, range: &Range<usize>) -> bool {
    let start = text[..range.start]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_cjk(*c))
        .take(SEGMENT_CONTEXT)
        .last()
        .map_or(range.start, |(at, _)| at);
    let after = &text[range.end..];
    let end = range.end
        + after
            .char_indices()
            .take_while(|(_, c)| is_cjk(*c))
            .take(SEGMENT_CONTEXT)
            .last()
            .map_or(0, |(at, c)| at + c.len_utf8());
    let window = &text[start..end];
    let mut boundaries = vec![start];
    let mut at = start;
    for word in SEGMENTER.cut(window, false) {
        at += word.word.len();
        boundaries.push(at);
    }
    // A name read as one word with its suffix still ends where it should.
    boundaries.contains(&range.start)
        && (followed_by_suffix(after) || boundaries.contains(&range.end))
}

/// Titles a Chinese name follows: "州长龙长春", "市长和田慎司".
const CHINESE_TITLES: &[&str] = &[
    "书记",
    "市长",
    "县长",
    "区长",
    "州长",
    "省长",
    "主任",
    "主席",
    "部长",
    "局长",
    "厅长",
    "总裁",
    "董事长",
    "经理",
    "秘书长",
    "委员",
    "记者",
    "馆长",
    "校长",
    "院长",
    "组长",
    "镇长",
];

/// Characters that stand after a title before a place without being a surname ("市长与广东省",
/// "书记赴贵州").
const NOT_A_SURNAME: &[char] = &[
    '与', '和', '同', '及', '跟', '在', '赴', '到', '率', '对', '为', '等', '并', '从', '由', '将',
    '的', '、', '，', ',',
];

/// "州长龙长春率团参会": a place word right after a title, or after a title and one
/// character (the surname), is a person's name — and so is the same name written again
/// without the title ("市委书记吴忠琼在寻乌会见… 吴忠琼说").
fn drop_chinese_given_names(text: &str, mentions: &mut Vec<PlaceMention>) {
    let is_short_han = |mention: &PlaceMention| {
        let surface = &text[mention.range.clone()];
        surface.chars().all(is_cjk) && surface.chars().count() <= 3
    };
    // Each name found after a title: the character before the place word when it is the
    // surname, the place word, and the character after it.
    let mut names: std::collections::HashSet<(Option<char>, &str, Option<char>)> =
        std::collections::HashSet::new();
    mentions.retain(|mention| {
        if !is_short_han(mention) {
            return true;
        }
        let before = &text[..mention.range.start];
        let surname = before.chars().next_back();
        let after_surname = surname.map_or(before, |c| &before[..before.len() - c.len_utf8()]);
        let next = text[mention.range.end..].chars().next();
        let surface = &text[mention.range.clone()];
        if CHINESE_TITLES.iter().any(|title| before.ends_with(title)) {
            names.insert((None, surface, next));
            return false;
        }
        // "代县长贾晓伟": an acting (or deputy) head's title holds the place word.
        let rest_of_title = surface.starts_with(['代', '副'])
            && surface.ends_with(['县', '市', '区', '州'])
            && text[mention.range.end..].starts_with('长');
        if rest_of_title {
            return false;
        }
        // "省长与广东省…": a word that joins or places is no surname.
        let joins = surname.is_some_and(|c| NOT_A_SURNAME.contains(&c));
        if !joins
            && CHINESE_TITLES
                .iter()
                .any(|title| after_surname.ends_with(title))
        {
            names.insert((surname, surface, next));
            return false;
        }
        true
    });
    if names.is_empty() {
        return;
    }
    mentions.retain(|mention| {
        if !is_short_han(mention) {
            return true;
        }
        let surface = &text[mention.range.clone()];
        let previous = text[..mention.range.start].chars().next_back();
        let next = text[mention.range.end..].chars().next();
        !(next.is_some_and(is_cjk)
            && (names.contains(&(None, surface, next))
                || names.contains(&(previous, surface, next))))
    });
}

/// Words that may follow a place name without making it part of a brand: government, zone and
/// geographic words.
const PLACE_CONTINUATIONS: &[&str] = &[
    "District",
    "County",
    "City",
    "Province",
    "Municipality",
    "Municipal",
    "Provincial",
    "Prefecture",
    "Prefectural",
    "League",
    "Banner",
    "Party",
    "People's",
    "Government",
    "Committee",
    "Development",
    "Economic",
    "New",
    "Area",
    "Zone",
    "High-tech",
    "Hi-Tech",
    "High-Tech",
    "Free",
    "Trade",
    "Port",
    "Region",
    "Regional",
    "River",
    "Delta",
    "Lake",
    "Bay",
    "Railway",
    "Station",
    "Airport",
    "Branch",
    "Sub-center",
    "Office",
    "Bureau",
    "Commission",
    "Administration",
    "Industrial",
    "Park",
    "Town",
    "Village",
    "Road",
    "Street",
    "Economy",
    "Section",
    "Campus",
    // Cooperation named by its places: "the Joint Conference of Shandong - Chongqing
    // Cooperation for Poverty Alleviation".
    "Cooperation",
    "Co-operation",
    "Collaboration",
    "Joint",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "Shanghai Volkswagen": a place word followed by one capitalised word that is not a place,
/// a government or a geographic word, then nothing capitalised, is a brand.
fn drop_brand_names(text: &str, mentions: &mut Vec<PlaceMention>) {
    let starts: std::collections::HashSet<usize> =
        mentions.iter().map(|mention| mention.range.start).collect();
    mentions.retain(|mention| {
        if !text[mention.range.clone()].is_ascii() {
            return true;
        }
        let rest = &text[mention.range.end..];
        let Some(after_space) = rest.strip_prefix(' ') else {
            return true;
        };
        let word_end = after_space
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
            .unwrap_or(after_space.len());
        let word = &after_space[..word_end];
        let capitalised = word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().skip(1).any(char::is_lowercase);
        if !capitalised || PLACE_CONTINUATIONS.contains(&word) {
            return true;
        }
        let word_start = mention.range.end + 1;
        if starts.contains(&word_start) {
            return true;
        }
        let following = after_space[word_end..].trim_start_matches(' ');
        // Kept when a capitalised word follows too: a longer name, not a brand.
        (following.chars().next().is_some_and(char::is_uppercase)
            && after_space[word_end..].starts_with(' '))
            || names_a_government_body(after_space)
            || names_an_occasion(after_space)
    });
}

/// "the Chishui River", "the Tumen River", "the Huangpu River": a city's or district's name
/// that goes on to "River" names the river, which is no party and no place a reader would
/// list (a river's own entry, "Yangtze River", is kept, and a longer region's name was
/// matched whole before this).
fn drop_river_names(text: &str, mentions: &mut Vec<PlaceMention>, gazetteer: &Gazetteer) {
    mentions.retain(|mention| {
        let rest = &text[mention.range.end..];
        let names_a_river = (rest.starts_with(" River") || rest.starts_with(" river"))
            && !rest[" River".len()..].starts_with(|c: char| c.is_alphanumeric());
        !names_a_river
            || !text[mention.range.clone()].is_ascii()
            || mention
                .entry
                .and_then(|entry| gazetteer.entry(entry))
                .is_some_and(|entry| entry.kind == "river")
    });
}

/// "the Hong Kong and Macao Affairs Office", "the Taiwan Affairs Office": an office that deals
/// with a place is named after it, but it is another government's office and the place is not
/// mentioned as such (its own bodies — "Shanghai Foreign Affairs Office" — are).
fn drop_affairs_offices(text: &str, mentions: &mut Vec<PlaceMention>) {
    mentions.retain(|mention| {
        let rest = &text[mention.range.end..];
        !(rest.starts_with(' ') && AFFAIRS_OFFICE.is_match(rest))
    });
}

static AFFAIRS_OFFICE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    compiled(r"^(?: and [A-Z][a-z'-]+(?: [A-Z][a-z'-]+)?)?(?: (?:Affairs|Work))+ Office(?-u:\b)")
});

/// "Chongqing Science and Technology Bureau", "Shanghai Culture and Tourism Department": a
/// place's name that goes on to a government body's head is the place's body, not a brand.
fn names_a_government_body(after_place: &str) -> bool {
    const HEADS: &[&str] = &[
        "Bureau",
        "Sub-council",
        "Council",
        "Court",
        "Department",
        "Commission",
        "Committee",
        "Office",
        "Administration",
        "Government",
        // A SAR's or a city's own services ("the Hong Kong Observatory", "Macao Police").
        "Observatory",
        "Police",
        "Procuratorate",
    ];
    name_reaches(after_place, HEADS, 6)
}

/// "Hebei" names the province and Tianjin's Hebei District, "Jilin" the province and its city:
/// a province's bare name is the province, as the news writes "Hebei District" or "Jilin City"
/// for the others (context must not turn "Beijing, Tianjin and Hebei" into a district of
/// Tianjin). So in Chinese: 河北 beside 天津 is the province, as the news writes 河北区.
fn bare_province(
    surface: &str,
    targets: &[(EntryId, Form)],
    gazetteer: &Gazetteer,
) -> Option<EntryId> {
    targets.iter().find_map(|(id, form)| {
        let entry = gazetteer.entry(*id)?;
        let bare = match form {
            Form::Bare => true,
            Form::Chinese => entry.name_zh != surface,
            _ => false,
        };
        (bare && entry.level == Level::Province).then_some(*id)
    })
}

/// "Changsha" names both 长沙市 and its 长沙县; a bare name means the city, as the news writes
/// "Changsha County" for the county. Candidates inside another candidate are dropped.
fn prefer_the_container(candidates: Vec<EntryId>, gazetteer: &Gazetteer) -> Vec<EntryId> {
    if candidates.len() < 2 {
        return candidates;
    }
    candidates
        .iter()
        .copied()
        .filter(|&id| {
            !candidates
                .iter()
                .any(|&other| other != id && gazetteer.contains(other, id))
        })
        .collect()
}

/// What joins the places of a compound name: "Suzhou-Chuzhou", "Hong Kong/Shenzhen",
/// "Beijing to Shanghai".
static COMPOUND_JOINT: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| compiled(r"^\s*(?:-|–|—|/|to)\s*$"));

/// The longest joint between two joined places (" – ", " to ", with spaces around).
const MAX_JOINT_BYTES: usize = 12;

/// How far after a place the rest of its name (a zone's, a region's, an area's head) may end.
const MAX_HEAD_BYTES: usize = 400;

/// The text after `at` in which a name's head may lie: anchored patterns are given no more,
/// so each mention costs the same on a long page as on a short one.
fn ahead(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    &rest[..rest.floor_char_boundary(MAX_HEAD_BYTES)]
}

/// Words that may stand between joined places and the head of an area's name: capitalised
/// words, and the modifiers such names use in lower case ("in-depth cooperation zone",
/// "economic circle", "high-speed rail").
const NAME_WORD: &str = r"(?:[A-Z][\w'’-]*|in-depth|cooperation|modern|industrial|economic|science|technology|and|high-tech|comprehensive|development|demonstration|integration|integrated|pilot|free|trade|innovation|logistics|international|ecological|green|new|service|services|collaborative|co-construction|urban|city|high-speed|express|intercity|special|experimental)";

/// The head of a compound that names an area: "… Modern Industrial Park", "… Greater Bay",
/// "… in-depth cooperation zone", "… economic circle", "… region".
static AREA_HEAD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    compiled(&format!(
        r"^\s+(?:{NAME_WORD}\s+){{0,6}}?(?i:greater bay(?: area)?|bay area|industrial park|park|zone|area|circle|belt|corridor|region|city cluster|urban agglomeration|agglomeration|base|demonstration region)(?-u:\b)"
    ))
});

/// The head of a compound that names a railway, road or bridge: "… high-speed rail",
/// "… Express Rail Link", "… Bridge".
static ROUTE_HEAD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    compiled(&format!(
        r"^\s+(?:{NAME_WORD}\s+){{0,3}}?(?i:rail(?:way)?(?: link)?|high-speed rail(?:way)?|bridge|expressway|highway|tunnel|train)s?(?-u:\b)"
    ))
});

/// Places joined into the name of an area or a route are not mentions of those places (the
/// issue's false places: "a city named only inside another place's name"). "Suzhou-Chuzhou
/// Modern Industrial Park", "Guangdong-Macao In-Depth Cooperation Zone" become one zone
/// mention (not in the gazetteer); the cities of "the Shanghai-Kunming high-speed rail" or "the
/// Hong Kong-Zhuhai-Macao Bridge" are dropped. A joined pair that heads anything else ("the
/// Zhejiang-Jilin Exchange Meeting") stays: those are parties. Mentions must be in text order.
fn join_compounds(text: &str, mentions: &mut Vec<PlaceMention>) {
    let mut joined: Vec<PlaceMention> = Vec::with_capacity(mentions.len());
    let mut index = 0;
    while index < mentions.len() {
        let mut last = index;
        let mut by_to = false;
        while last + 1 < mentions.len()
            && let Some(between) =
                text.get(mentions[last].range.end..mentions[last + 1].range.start)
            // A joint is a few characters: longer text is not matched at all (the anchored
            // pattern would otherwise be set up for every gap between two places).
            && between.len() <= MAX_JOINT_BYTES
            && COMPOUND_JOINT.is_match(between)
        {
            by_to |= between.trim() == "to";
            last += 1;
        }
        if last > index {
            let start = mentions[index].range.start;
            let after = ahead(text, mentions[last].range.end);
            let between_words = |found: regex::Match<'_>| -> bool {
                // Not through a sentence: the head must follow in the same clause.
                !after[..found.end()].contains(['.', ',', ';'])
            };
            // "Guangdong-Macao Co-operation Industrial Park": the last place already took a
            // zone's words (a mention without candidates), so the joined places name it.
            let zone_taken = mentions[last].candidates.is_empty();
            // "from Shanghai to Yunnan" is two places; "the Beijing to Shanghai Express Rail
            // Link" a route.
            let area = if zone_taken {
                Some(0)
            } else {
                AREA_HEAD
                    .find(after)
                    .filter(|found| between_words(*found))
                    .map(|head| head.end())
            };
            if let Some(head_end) = area.filter(|_| !by_to) {
                let end = mentions[last].range.end + head_end;
                // "Guangdong-Hong Kong-Macau Greater Bay Area": a head that is a place's own
                // name ("Greater Bay Area") is that place, named in full; it is not listed
                // again on its own.
                let inside = mentions[last + 1..]
                    .iter()
                    .take_while(|mention| mention.range.end <= end)
                    .count();
                let head = match &mentions[last + 1..last + 1 + inside] {
                    [head] if head.range.end == end && head.entry.is_some() => Some(head),
                    _ => None,
                };
                joined.push(PlaceMention {
                    range: start..end,
                    name: text[start..end].to_owned(),
                    entry: head.and_then(|head| head.entry),
                    candidates: head.map(|head| head.candidates.clone()).unwrap_or_default(),
                });
                index = last + 1 + inside;
                continue;
            }
            if ROUTE_HEAD.find(after).is_some_and(between_words) {
                index = last + 1;
                continue;
            }
        }
        joined.extend(mentions[index..=last].iter().cloned());
        index = last + 1;
    }
    *mentions = joined;
}

/// The place a zone's name is named for ("Harbin" of "Harbin Industrial Park"): a place that
/// opens the name, followed by nothing but a zone's words as `extend_to_zone` reads them.
pub fn place_a_zone_is_named_for(name: &str, gazetteer: &Gazetteer) -> Option<PlaceMention> {
    let (at, _) = name.match_indices(' ').find(|&(at, _)| {
        let rest = &name[at..];
        ZONE_AFTER_PLACE
            .find(rest)
            .is_some_and(|zone| zone.end() == rest.len())
    })?;
    let base = &name[..at];
    places_joined_in(base, gazetteer)
        .into_iter()
        .find(|place| place.range == (0..base.len()))
}

static ZONE_AFTER_PLACE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    compiled(
        r"^(?: [A-Z][A-Za-z'-]+){0,3}? (?:Economic and Technological Development Zone|Economic[- ]Technological Development Zone|(?:High|Hi)[- ][Tt]ech(?:nology)?(?: Industrial)?(?: Development)? Zone|(?:High|Hi)[- ][Tt]ech(?:nology)? (?:Industrial )?Park|Economic Development Zone|Industrial Development Zone|Development Zone|Economic Zone|Industrial Park|Industrial Zone|Science (?:and Technology )?Park|Free Trade Zone|Bonded Zone|Comprehensive Bonded Zone|(?:Comprehensive )?(?:Pilot|Experimental|Demonstration|Cooperation) Zone(?: for(?: (?:[A-Z][A-Za-z-]*|and|of|the))+)?)(?-u:\b)",
    )
});

static REGION_AFTER_PLACE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    compiled(
        r"^(?: (?:Lake|Bay|Gulf|River|Coastal|Delta|Mountain|Plain|Basin|Straits?|Peninsula))? (?i:city cluster|city group|city belt|urban agglomeration|economic circle|economic belt|metropolitan area|metropolitan circle)(?-u:\b)",
    )
});

/// "Nanjing Lishui Economic Development Zone", "Bowang High-tech Industrial Development Zone":
/// a place followed by the words of a development zone names the zone, a party of its own
/// (not in the gazetteer); else it may name a region (`extend_to_region`).
fn extend_to_zone(text: &str, mut mention: PlaceMention, gazetteer: &Gazetteer) -> PlaceMention {
    let surface = &text[mention.range.clone()];
    if surface.chars().all(is_cjk) {
        return extend_to_chinese_zone(text, mention);
    }
    if let Some(zone) = ZONE_AFTER_PLACE.find(ahead(text, mention.range.end)) {
        mention.range.end += zone.end();
        mention.name = text[mention.range.clone()].to_owned();
        mention.entry = None;
        mention.candidates.clear();
        return mention;
    }
    extend_to_region(text, mention, gazetteer)
}

/// "Poyang Lake City Cluster", "the central Yunnan urban agglomeration": an administrative
/// place followed by the words of a region names the region (with the compass word before it,
/// which is part of the name). A named region followed by such words is still that region
/// ("the Yangtze River Delta city cluster"), and the last of several places joined names no
/// region alone ("Xiamen-Zhangzhou-Quanzhou metropolitan area": see `join_compounds`).
fn extend_to_region(text: &str, mut mention: PlaceMention, gazetteer: &Gazetteer) -> PlaceMention {
    let administrative = !mention.candidates.is_empty()
        && mention.candidates.iter().all(|&id| {
            gazetteer
                .entry(id)
                .is_some_and(|entry| !matches!(entry.level, Level::Region | Level::Zone))
        });
    let before = text[..mention.range.start].trim_end_matches(' ');
    let previous_word = before.rsplit(' ').next().unwrap_or_default();
    let compass = matches!(
        previous_word,
        "central" | "northern" | "southern" | "eastern" | "western" | "Central"
    );
    let joined = before.ends_with(['-', '–', '/'])
        || (before.len() < mention.range.start
            && !compass
            && previous_word.starts_with(|c: char| c.is_ascii_uppercase())
            && !previous_word.ends_with("'s")
            && !previous_word.ends_with("’s"));
    if !administrative || joined {
        return mention;
    }
    if let Some(region) = REGION_AFTER_PLACE.find(ahead(text, mention.range.end)) {
        if compass {
            mention.range.start = before.len() - previous_word.len();
        }
        mention.range.end += region.end();
        mention.name = text[mention.range.clone()].to_owned();
        mention.entry = None;
        mention.candidates.clear();
    }
    mention
}

/// A development zone's Chinese head words and the English the zone goes by, longest first.
const CHINESE_ZONE_HEADS: &[(&str, &str)] = &[
    (
        "经济技术开发区",
        "Economic and Technological Development Zone",
    ),
    (
        "高新技术产业开发区",
        "High-tech Industrial Development Zone",
    ),
    ("高新技术开发区", "High-tech Development Zone"),
    ("经济开发区", "Economic Development Zone"),
    ("综合保税区", "Comprehensive Bonded Zone"),
    // 温州湾新区, 杭州湾新区: a new area named after a bay that is named after a city.
    ("湾新区", "Bay New Area"),
    ("工业园区", "Industrial Park"),
    ("产业园区", "Industrial Park"),
    ("经开区", "Economic Development Zone"),
    ("高新区", "High-tech Zone"),
    ("开发区", "Development Zone"),
    ("工业园", "Industrial Park"),
    ("产业园", "Industrial Park"),
    ("保税区", "Bonded Zone"),
    ("自贸区", "Free Trade Zone"),
];

/// "吉林经开区", "平湖市经济技术开发区": a place followed by a development zone's head words
/// names the zone ("Jilin Economic Development Zone"), a party of its own, as in English.
/// "大冶湖高新区", "松山湖高新区": a zone named for the lake by the place, "Daye Lake High-tech
/// Zone".
const LAKE: &str = "湖";

fn extend_to_chinese_zone(text: &str, mut mention: PlaceMention) -> PlaceMention {
    let rest = &text[mention.range.end..];
    let (lake, rest) = match rest.strip_prefix(LAKE) {
        Some(after) => (true, after),
        None => (false, rest),
    };
    let Some((head, english)) = CHINESE_ZONE_HEADS
        .iter()
        .find(|(head, _)| rest.starts_with(head))
    else {
        return mention;
    };
    let base = mention
        .name
        .trim_end_matches(" Prefecture")
        .trim_end_matches(" Province")
        .trim_end_matches(" City")
        .trim_end_matches(" County")
        .trim_end_matches(" District");
    if lake {
        mention.name = format!("{base} Lake {english}");
        mention.range.end += LAKE.len() + head.len();
    } else {
        mention.name = format!("{base} {english}");
        mention.range.end += head.len();
    }
    mention.entry = None;
    mention.candidates.clear();
    mention
}

/// "West Hongqiao Business District", "North Hongqiao": a capitalised compass word before a
/// zone names a part of it, a place of its own (an administrative place keeps its name:
/// "East Shanghai" is not a unit, and "South China" never reaches here).
fn with_compass_part(text: &str, mut mention: PlaceMention, gazetteer: &Gazetteer) -> PlaceMention {
    let zone = mention.candidates.is_empty()
        || mention
            .entry
            .and_then(|id| gazetteer.entry(id))
            .is_some_and(|entry| entry.level == Level::Zone);
    if !zone {
        return mention;
    }
    let before = &text[..mention.range.start];
    let Some(part) = COMPASS_PART.find(before) else {
        return mention;
    };
    // A whole word: not "Southwest Hongqiao"'s tail.
    if before[..part.start()]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
    {
        return mention;
    }
    mention.range.start = part.start();
    mention.name = text[mention.range.clone()].to_owned();
    mention.entry = None;
    mention.candidates.clear();
    mention
}

static COMPASS_PART: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| compiled(r"(?:North|South|East|West|Great|Greater) $"));

/// Mentions inside a longer one (the places within a zone's name) are part of it.
///
/// One pass over the spans by start (longest first at a start): a span is nested when one seen
/// before it, with a different range, reaches at least as far. Linear after the sort, so a
/// long report with thousands of mentions costs no more per mention than a news story.
fn drop_nested(mentions: &mut Vec<PlaceMention>) {
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&index| {
        let range = &mentions[index].range;
        (range.start, std::cmp::Reverse(range.end))
    });
    let mut nested = vec![false; mentions.len()];
    let mut reach_before: Option<usize> = None;
    let mut group_start = 0;
    while group_start < order.len() {
        let range = mentions[order[group_start]].range.clone();
        let mut group_end = group_start;
        while group_end < order.len() && mentions[order[group_end]].range == range {
            group_end += 1;
        }
        let inside = reach_before.is_some_and(|reach| reach >= range.end);
        for &index in &order[group_start..group_end] {
            nested[index] = inside;
        }
        reach_before = Some(reach_before.map_or(range.end, |reach| reach.max(range.end)));
        group_start = group_end;
    }
    let mut index = 0;
    mentions.retain(|_| {
        index += 1;
        !nested[index - 1]
    });
}

/// Whether a match stands alone as a word (not "Wuxian" inside "Wuxiang"). A suffix in the
/// plural ends a name too: "Sichuan and Guizhou provinces", "Changning and Jiading districts".
fn at_word_boundary(text: &str, range: &Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let rest = &text[range.end..];
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '\'');
    let plural = PLURAL_SUFFIXES
        .iter()
        .any(|suffix| ends_with_ignoring_case(&text[range.clone()], suffix))
        && rest.starts_with('s')
        && !is_word(rest[1..].chars().next());
    // "Fujian's Xiamen": a possessive ends the name ("Xi'an" goes on with a letter).
    let possessive = rest.starts_with("'s") && !is_word(rest[2..].chars().next());
    !is_word(before) && (!is_word(rest.chars().next()) || plural || possessive)
}

/// Suffixes that take a plural "s" after a list of names.
const PLURAL_SUFFIXES: &[&str] = &[
    " district",
    " county",
    " city",
    " province",
    " area",
    " zone",
];

fn ends_with_ignoring_case(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text
            .get(text.len() - suffix.len()..)
            .is_some_and(|end| end.eq_ignore_ascii_case(suffix))
}

/// The English name to report: the form the text uses, with the suffix it gives.
fn canonical_name(surface: &str, targets: &[(EntryId, Form)], gazetteer: &Gazetteer) -> String {
    let Some((id, form)) = targets.first() else {
        return surface.to_owned();
    };
    let Some(entry) = gazetteer.entry(*id) else {
        return surface.to_owned();
    };
    // "Macao Special Administrative Region", "Hong Kong SAR": a SAR goes by its short name in
    // English as in Chinese, spelt as the page spells it ("Macau SAR" is Macau).
    if entry.kind == "SAR"
        && let Some(short) = without_sar_title(surface)
    {
        return short;
    }
    match form {
        // The suffix the Chinese gives (江宁区 "Jiangning District", 江宁 "Jiangning"); a SAR
        // by its short name (香港特别行政区 "Hong Kong"), as news in English names it.
        // An autonomous region, county or prefecture named in full keeps its title and peoples
        // (内蒙古自治区 "Inner Mongolia Autonomous Region", 马边彝族自治县 "Mabian Yi Autonomous
        // County"), as the page's readers write it; events still name a region's party by its
        // short name (`Entry::party_name`).
        // 和田地区: a prefecture the Chinese titles 地区 is "Hotan Prefecture", as its readers
        // (and the labelling rules: the suffix the Chinese gives) write it.
        Form::Chinese if surface.ends_with("地区") && entry.kind == "prefecture" => {
            format!("{} Prefecture", entry.base)
        }
        Form::Chinese if surface == entry.name_zh && entry.kind != "SAR" => {
            entry.full_name_with_peoples()
        }
        // A short Chinese form with a suffix of its own (黔西南州, 凉山州): the base and that
        // suffix ("Qianxinan Prefecture").
        Form::Chinese => match chinese_suffix(surface) {
            Some(suffix) if suffix_kinds(suffix).contains(&entry.kind.as_str()) => {
                format!("{} {suffix}", entry.base)
            }
            _ => entry.base.clone(),
        },
        Form::Bare => with_apostrophe_of(&entry.base, surface),
        Form::Suffixed => {
            // By characters: the text may set the base's apostrophe as a wider "’".
            let suffix: String = surface.chars().skip(entry.base.chars().count()).collect();
            format!(
                "{}{}",
                with_apostrophe_of(&entry.base, surface),
                title_case(&suffix)
            )
        }
        Form::Alias(alias) => alias.clone(),
        // A zone or region as the text names it (an official name or a common alias).
        // "Yangtze River Delta region" is the Yangtze River Delta; but places joined by
        // dashes are not a noun alone, so "the Beijing-Tianjin-Hebei region" keeps its head.
        Form::Named
            if entry.base.contains('-')
                && surface
                    .get(entry.base.len()..)
                    .is_some_and(|rest| rest.trim().eq_ignore_ascii_case("region")) =>
        {
            format!("{} region", entry.base)
        }
        Form::Named if starts_with_ignoring_case(surface, &entry.base) => entry.base.clone(),
        Form::Named => surface.to_owned(),
    }
}

/// "Xi’an": a name is written with the apostrophe the text sets ("’" or "'"), as a reader
/// (and whoever quotes the page) writes it.
fn with_apostrophe_of(base: &str, surface: &str) -> String {
    if base.contains('\'') && surface.contains('’') {
        base.replace('\'', "’")
    } else {
        base.to_owned()
    }
}

/// The English suffix of a short Chinese name's last character: 州 "Prefecture" (an
/// autonomous prefecture's short form), 盟 "League".
fn chinese_suffix(surface: &str) -> Option<&'static str> {
    match surface.chars().last()? {
        '州' => Some("Prefecture"),
        '盟' => Some("League"),
        _ => None,
    }
}

/// The gazetteer's kinds that a suffix names.
fn suffix_kinds(suffix: &str) -> &'static [&'static str] {
    match suffix {
        "Prefecture" => &["autonomous prefecture", "prefecture"],
        _ => &["league"],
    }
}

fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
}

/// The name an English SAR's title follows ("Macau" in "Macau SAR"), in the page's case or,
/// from capitals, in title case.
fn without_sar_title(surface: &str) -> Option<String> {
    let lower = surface.to_ascii_lowercase();
    let title = [" special administrative region", " sar"]
        .into_iter()
        .find(|title| lower.ends_with(title))?;
    let head = surface.get(..surface.len() - title.len())?.trim_end();
    if head.is_empty() || !head.is_ascii() {
        return None;
    }
    Some(if head.chars().any(|c| c.is_ascii_lowercase()) {
        head.to_owned()
    } else {
        title_case(head)
    })
}

fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Xiangcheng District of Suzhou", "Suzhou's Xiangcheng District": two names next to each
/// other, each shared by several places, decide each other when only one pairing of their
/// candidates is a place inside the other. Mentions must be in text order.
fn link_pairs(mentions: &mut [PlaceMention], gazetteer: &Gazetteer) {
    for index in 1..mentions.len() {
        let (left, right) = mentions.split_at_mut(index);
        let (a, b) = (&mut left[index - 1], &mut right[0]);
        if b.range.start.saturating_sub(a.range.end) > 40
            || (a.entry.is_some() && b.entry.is_some())
        {
            continue;
        }
        let pairs: Vec<(EntryId, EntryId)> = a
            .possible_entries()
            .iter()
            .flat_map(|&x| b.possible_entries().into_iter().map(move |y| (x, y)))
            .filter(|&(x, y)| x != y && (gazetteer.contains(x, y) || gazetteer.contains(y, x)))
            .collect();
        if let [(x, y)] = pairs.as_slice() {
            a.entry = Some(*x);
            b.entry = Some(*y);
        }
    }
}

/// How close another mention must be to count as "nearby" context, in bytes.
const NEARBY_BYTES: usize = 300;

/// Decides each ambiguous mention from the unambiguous ones: a candidate whose parent or
/// ancestor is mentioned wins, then one whose siblings are mentioned, then one in a province
/// that is mentioned; nearby mentions weigh more. Ties stay ambiguous.
///
/// The decided mentions are grouped by entry, each with its sorted positions, so a mention's
/// score costs the number of distinct places times a binary search, not the number of
/// mentions: a long report with thousands of mentions links in linear time.
fn link(mentions: &mut [PlaceMention], gazetteer: &Gazetteer) {
    for _ in 0..2 {
        let mut decided: std::collections::BTreeMap<EntryId, Vec<usize>> =
            std::collections::BTreeMap::new();
        for mention in mentions.iter() {
            if let Some(entry) = mention.entry {
                decided.entry(entry).or_default().push(mention.range.start);
            }
        }
        for positions in decided.values_mut() {
            positions.sort_unstable();
        }
        for mention in mentions
            .iter_mut()
            .filter(|mention| mention.entry.is_none())
        {
            let at = mention.range.start;
            let scores: Vec<(EntryId, u32)> = mention
                .candidates
                .iter()
                .map(|&candidate| {
                    let score = decided
                        .iter()
                        .filter(|(other, _)| **other != candidate)
                        .map(|(&other, positions)| {
                            let weight = context_weight(gazetteer, candidate, other);
                            if weight == 0 {
                                return 0;
                            }
                            let from = positions.partition_point(|&p| p + NEARBY_BYTES < at);
                            let to = positions.partition_point(|&p| p <= at + NEARBY_BYTES);
                            let nearby = u32::try_from(to - from).unwrap_or(u32::MAX);
                            let all = u32::try_from(positions.len()).unwrap_or(u32::MAX);
                            // Each mention counts once, twice when nearby.
                            weight.saturating_mul(all.saturating_add(nearby))
                        })
                        .fold(0u32, u32::saturating_add);
                    (candidate, score)
                })
                .collect();
            let best = scores.iter().map(|(_, score)| *score).max().unwrap_or(0);
            let winners: Vec<EntryId> = scores
                .iter()
                .filter(|(_, score)| *score == best)
                .map(|(id, _)| *id)
                .collect();
            if best > 0 && winners.len() == 1 {
                mention.entry = Some(winners[0]);
            }
        }
    }
}

/// How strongly a decided mention of `other` supports `candidate`.
fn context_weight(gazetteer: &Gazetteer, candidate: EntryId, other: EntryId) -> u32 {
    if gazetteer.contains(other, candidate) {
        return 3;
    }
    let parent = |id| gazetteer.entry(id).and_then(|entry| entry.parent);
    if parent(candidate).is_some() && parent(candidate) == parent(other) {
        return 2;
    }
    let is_region = |id| {
        gazetteer
            .entry(id)
            .is_some_and(|entry| entry.level == Level::Region)
    };
    if !is_region(other)
        && gazetteer.province_of(candidate).is_some()
        && gazetteer.province_of(candidate) == gazetteer.province_of(other)
    {
        return 1;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::test_gazetteer::gazetteer;

    fn places(text: &str) -> Vec<PlaceMention> {
        find_places(text, &gazetteer(), &Spans::of(text))
    }

    fn names(text: &str) -> Vec<String> {
        places(text).into_iter().map(|m| m.name).collect()
    }

    #[test]
    fn finds_names_with_and_without_suffix_and_inside_longer_names() {
        assert_eq!(
            names(
                "Lin Tao, secretary of the Jiangning District Party Committee, met Gaochun district."
            ),
            ["Jiangning District", "Gaochun District"]
        );
    }

    #[test]
    fn joined_places_before_a_zone_name_the_zone() {
        assert_eq!(
            names(
                "The Suzhou-Jiaxing Modern Industrial Park and the Nanjing-Chengdu Co-operation Industrial Park opened."
            ),
            [
                "Suzhou-Jiaxing Modern Industrial Park",
                "Nanjing-Chengdu Co-operation Industrial Park"
            ]
        );
    }

    #[test]
    fn a_typographic_apostrophe_keeps_the_suffix_whole_and_stays_as_the_text_sets_it() {
        let bundled = Gazetteer::bundled();
        let text = "Officials of Jing’an District and Xi’an met.";
        let names: Vec<String> = find_places(text, bundled, &Spans::of(text))
            .into_iter()
            .map(|m| m.name)
            .collect();
        assert_eq!(names, ["Jing’an District", "Xi’an"]);
    }

    #[test]
    fn a_compass_word_before_a_zone_names_a_part_of_it() {
        assert_eq!(
            names(
                "Projects for North Liangjiang New Area and Southwest Tianfu New Area, East Jiangning."
            ),
            ["North Liangjiang New Area", "Tianfu New Area", "Jiangning"]
        );
    }

    #[test]
    fn splits_joined_forms_into_their_places() {
        assert_eq!(
            names("Shanghai Qingpu, Jiangsu Wujiang, Zhejiang Jiashan three places signed."),
            [
                "Shanghai", "Qingpu", "Jiangsu", "Wujiang", "Zhejiang", "Jiashan"
            ]
        );
    }

    #[test]
    fn a_pinyin_collision_is_decided_by_the_places_around_it() {
        let gazetteer = gazetteer();
        let mentions = places("Nanjing's southern districts Jiangning and Lishui signed.");
        let lishui = mentions.iter().find(|m| m.name == "Lishui").unwrap();
        assert_eq!(
            gazetteer.entry(lishui.entry.unwrap()).unwrap().name_zh,
            "溧水区"
        );
        let mentions = places("Lishui and Jiaxing in Zhejiang cooperate.");
        let lishui = mentions.iter().find(|m| m.name == "Lishui").unwrap();
        assert_eq!(
            gazetteer.entry(lishui.entry.unwrap()).unwrap().name_zh,
            "丽水市"
        );
    }

    #[test]
    fn a_collision_nothing_decides_stays_ambiguous_with_its_candidates() {
        let mentions = places("Officials from Gulou District attended.");
        assert!(mentions[0].is_ambiguous());
        assert_eq!(mentions[0].candidates.len(), 2);
    }

    #[test]
    fn place_words_in_company_outlet_and_brand_names_are_not_places() {
        assert!(names("Reported by Nanjing Daily and Shanghai Volkswagen, Chongqing Yuelai Investment Group Co., Ltd.").is_empty());
        assert_eq!(names("the Nanjing economy"), ["Nanjing"]);
        // A place's own service is no brand: it acts for the place.
        assert_eq!(
            bundled_names("The Hong Kong Observatory and the Macao Police met."),
            ["Hong Kong", "Macao"]
        );
        // A longer name through "and" is no brand.
        assert_eq!(
            bundled_names(
                "the Liaoning-Hong Kong Innovation and Technology Cooperation Conference"
            ),
            ["Liaoning", "Hong Kong"]
        );
        // Also when the name ends its paragraph.
        assert_eq!(
            bundled_names(
                "the Liaoning-Hong Kong Innovation and Technology Cooperation Conference.\nThe conference closed."
            ),
            ["Liaoning", "Hong Kong"]
        );
    }

    #[test]
    fn a_given_name_after_a_surname_is_not_a_place() {
        assert!(names("Mr. Wu Jiashan, director, and Zhang Qingpu spoke.").is_empty());
        assert!(names("with the Secretary, Mr Xin Changxing, in Nanjing").len() == 1);
        assert_eq!(names("Jiangsu Wujiang"), ["Jiangsu", "Wujiang"]);
        // Without "Mr": Xin (辛) is a surname too.
        assert_eq!(
            bundled_names("Xin Changxing, Secretary of the Jiangsu Provincial Party Committee"),
            ["Jiangsu"]
        );
    }

    #[test]
    fn a_one_character_county_at_the_end_of_a_word_is_no_place() {
        assert!(bundled_names("全国森林旅游示范县、全国蜂产品之乡").is_empty());
        assert!(bundled_names("推动乡村振兴和县域均等化").is_empty());
        assert_eq!(
            bundled_names("安徽和县与江苏丰县合作"),
            ["Anhui", "He County", "Jiangsu", "Feng County"]
        );
        assert!(bundled_names("会议在甘肃兰州召开").contains(&"Lanzhou".to_owned()));
    }

    #[test]
    fn a_bare_name_that_is_an_english_word_needs_its_suffix() {
        assert!(bundled_names("Recommended China Guide: tours of the city").is_empty());
        assert!(bundled_names("the Guiding Opinions of the State Council").is_empty());
        assert_eq!(
            bundled_names("Guide County of Qinghai"),
            ["Guide County", "Qinghai"]
        );
    }

    #[test]
    fn a_place_followed_by_zone_words_names_a_zone() {
        assert_eq!(
            names(
                "the Nanjing Lishui Economic Development Zone and the Qingpu High-tech Industrial Development Zone signed"
            ),
            [
                "Nanjing Lishui Economic Development Zone",
                "Qingpu High-tech Industrial Development Zone"
            ]
        );
    }

    #[test]
    fn a_region_named_after_its_members_is_the_region_once() {
        let text = "the planning of the Guangdong-Hong Kong-Macau Greater Bay Area and more";
        let gazetteer = Gazetteer::bundled();
        let found = find_places(text, gazetteer, &Spans::of(text));
        let names: Vec<&str> = found.iter().map(|mention| mention.name.as_str()).collect();
        assert_eq!(names, ["Guangdong-Hong Kong-Macau Greater Bay Area"]);
        // Linked: the desk counts it with the page's other mentions of the Greater Bay Area.
        let region = gazetteer.entry(found[0].entry.expect("linked"));
        assert_eq!(
            region.map(|entry| entry.kind.as_str()),
            Some("economic region")
        );
    }

    #[test]
    fn named_regions_of_the_news_are_places() {
        assert_eq!(
            bundled_names(
                "Officials of the Jiaodong Economic Circle and the Northern Metropolis met."
            ),
            ["Jiaodong Economic Circle", "Northern Metropolis"]
        );
        assert_eq!(
            bundled_names("推进胶东经济圈和淮河生态经济带建设。"),
            [
                "Jiaodong Economic Circle",
                "Huaihe River Ecological Economic Belt"
            ]
        );
    }

    #[test]
    fn a_city_s_name_on_a_river_names_the_river() {
        assert_eq!(
            bundled_names("The Chishui River flows past Chishui and into the Yangtze River."),
            ["Chishui", "Yangtze River"]
        );
    }

    #[test]
    fn a_place_an_office_deals_with_is_not_mentioned_by_the_office_s_name() {
        assert_eq!(
            bundled_names(
                "The Hong Kong and Macao Affairs Office of Chongqing met the Taiwan Affairs Office and the Shanghai Foreign Affairs Office."
            ),
            ["Chongqing", "Shanghai"]
        );
    }

    #[test]
    fn a_chinese_autonomous_unit_named_in_full_keeps_its_peoples() {
        assert_eq!(
            bundled_names("越城区与马边彝族自治县、凉山州签约。"),
            [
                "Yuecheng District",
                "Mabian Yi Autonomous County",
                "Liangshan Prefecture"
            ]
        );
    }

    #[test]
    fn a_chinese_autonomous_county_goes_by_its_full_name_on_the_page() {
        let text = "7月17日,茌平区与彭水自治县签约。彭水将与茌平对接。";
        let mentions = crate::extract::extract_text(text, None, Gazetteer::bundled()).places;
        let names: Vec<&str> = mentions.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Chiping District",
                "Pengshui Miao and Tujia Autonomous County",
                "Pengshui Miao and Tujia Autonomous County",
                "Chiping"
            ]
        );
    }

    #[test]
    fn a_possessive_with_a_straight_apostrophe_ends_a_name() {
        assert_eq!(
            bundled_names("Fujian's Xiamen and Zhejiang’s Huzhou met Xi'an."),
            ["Fujian", "Xiamen", "Zhejiang", "Huzhou", "Xi'an"]
        );
    }

    #[test]
    fn a_region_s_chinese_short_name_is_the_region() {
        assert_eq!(
            bundled_names("推进长三角一体化和珠三角建设。"),
            ["Yangtze River Delta", "Pearl River Delta"]
        );
    }

    #[test]
    fn names_in_a_list_of_companies_are_companies() {
        assert_eq!(
            names(
                "Gaochun District met 30 enterprises, including Bank of Nanjing, Wujiang and Qingpu Steel. Nanjing grew."
            ),
            ["Gaochun District", "Nanjing"]
        );
    }

    #[test]
    fn lower_case_and_partial_words_are_not_mentions() {
        assert!(names("the nanjing daily, Nanjingese food").is_empty());
    }

    fn bundled_names(text: &str) -> Vec<String> {
        let gazetteer = Gazetteer::bundled();
        find_places(text, gazetteer, &Spans::of(text))
            .into_iter()
            .map(|mention| mention.name)
            .collect()
    }

    #[test]
    fn chinese_place_words_inside_other_words_names_and_organisations_are_not_places() {
        // Inside a word of the sentence: 拱北海关 (Gongbei customs), 真金白银 (real money).
        assert!(bundled_names("边检总站、拱北海关等单位参加。").is_empty());
        assert!(bundled_names("真金白银投入帮扶。").is_empty());
        // A person's given name after a title and a surname.
        assert!(bundled_names("州长龙长春率团参会。").is_empty());
        // A word that joins a title to a place is no surname.
        assert_eq!(
            bundled_names("省长与广东省省长签署了协议。"),
            ["Guangdong Province"]
        );
        // An acting head's title is no place.
        assert!(
            bundled_names("镇巴县委副书记、代县长贾晓伟率团。")
                .iter()
                .all(|name| name != "Dai County")
        );
        // The same name again without its title.
        assert!(
            !bundled_names("市委书记吴忠琼在寻乌会见黄敏一行。吴忠琼说,两地合作前景广阔。")
                .iter()
                .any(|name| name.contains("Wuzhong"))
        );
        // The opening words of a company's or outlet's name.
        assert!(bundled_names("福建省伍心养老服务有限公司与协会签约。").is_empty());
        assert!(bundled_names("作为《福建日报》的子报。").is_empty());
        assert!(bundled_names("成都海关与南宁海关签署协议。").is_empty());
        // A democratic party's branch.
        assert!(bundled_names("九三学社陕西省委、九三学社河南省委参加座谈会。").is_empty());
        // The same names standing as words are places.
        assert_eq!(bundled_names("北海与白银签署协议。"), ["Beihai", "Baiyin"]);
        assert_eq!(bundled_names("澳门特区与珠海市"), ["Macao", "Zhuhai City"]);
        // A place before a development zone's head words names the zone.
        assert_eq!(
            bundled_names("吉林经开区与平阳县签订框架协议"),
            ["Jilin Economic Development Zone", "Pingyang County"]
        );
        assert_eq!(
            bundled_names("温州湾新区、龙湾区党政代表团来考察"),
            ["Wenzhou Bay New Area", "Longwan District"]
        );
        // A new area of a common name after a city it does not lie in is that city's.
        assert_eq!(
            bundled_names("绍兴滨海新区与开化县签订协议"),
            ["Shaoxing Binhai New Area", "Kaihua County"]
        );
        // One named for the lake by the place.
        assert_eq!(
            bundled_names("芜湖高新区来大冶湖高新区交流考察"),
            ["Wuhu High-tech Zone", "Daye Lake High-tech Zone"]
        );
        // An autonomous county's short form (长阳县) names it and supports its bare name.
        assert_eq!(
            bundled_names("郧西县考察团到长阳考察。长阳县政协与郧西县政协座谈。"),
            ["Yunxi County", "Changyang", "Changyang", "Yunxi County"]
        );
        // Two bare county names joined as a pair of places support each other; an
        // ordinary word stays a word.
        assert_eq!(
            bundled_names("日前，龙泉和萧山两地签订协议。"),
            ["Longquan", "Xiaoshan"]
        );
        assert!(bundled_names("加强资源和合作。").is_empty());
        // A bare name that a place's own bodies follow is that place.
        assert_eq!(
            bundled_names("县长郑建忠率苍南党政代表团赴红原县考察。"),
            ["Cangnan", "Hongyuan County"]
        );
        // An autonomous prefecture's short form keeps its suffix.
        assert_eq!(
            bundled_names("凉山州与大理州"),
            ["Liangshan Prefecture", "Dali Prefecture"]
        );
    }

    #[test]
    fn a_chinese_page_s_autonomous_prefecture_takes_the_title_the_page_uses_most() {
        let named = |text: &str| -> Vec<String> {
            let gazetteer = Gazetteer::bundled();
            let mut mentions = find_places(text, gazetteer, &Spans::of(text));
            name_chinese_prefectures_as_the_page_does(text, &mut mentions, gazetteer);
            mentions.into_iter().map(|mention| mention.name).collect()
        };
        // The short form twice, the full name once, the bare name once: all are the short.
        assert_eq!(
            named(
                "黔东南苗族侗族自治州代表团到佛山。黔东南州与佛山市签约。黔东南州将对接。对黔东南帮扶。"
            ),
            [
                "Qiandongnan Prefecture",
                "Foshan",
                "Qiandongnan Prefecture",
                "Foshan City",
                "Qiandongnan Prefecture",
                "Qiandongnan Prefecture"
            ]
        );
        // A page that never titles it keeps the bare name.
        assert_eq!(named("佛山与黔东南签约。"), ["Foshan", "Qiandongnan"]);
        // A prefecture titled 地区 is "… Prefecture", and so is its bare name after it.
        assert_eq!(
            named("天津市与和田地区座谈。和田将对接。"),
            [
                "Tianjin Municipality",
                "Hotan Prefecture",
                "Hotan Prefecture"
            ]
        );
    }

    #[test]
    fn a_district_named_by_an_ordinary_word_is_a_place_only_after_its_city() {
        assert!(bundled_names("我区城区人口增长，郊区农业发展。").is_empty());
        assert!(bundled_names("推动东北区域经济一体化，西区开发").is_empty());
        assert_eq!(
            bundled_names("攀枝花市东区"),
            ["Panzhihua City", "Dong District"]
        );
        assert_eq!(
            bundled_names("阳泉市城区"),
            ["Yangquan City", "Cheng District"]
        );
        // "Friendly districts and counties", not 友好区 of Yichun.
        assert_eq!(
            bundled_names("郧西县与翔安区缔结友好区县，结为友好區縣。"),
            ["Yunxi County", "Xiang'an District"]
        );
        assert_eq!(
            bundled_names("伊春市友好区"),
            ["Yichun City", "Youhao District"]
        );
    }

    #[test]
    fn a_place_followed_by_a_region_s_words_names_the_region() {
        assert_eq!(
            bundled_names("Poyang Lake City Cluster and the central Yunnan urban agglomeration"),
            [
                "Poyang Lake City Cluster",
                "central Yunnan urban agglomeration"
            ]
        );
        // A named region stays itself; the last of joined places names no region alone.
        assert_eq!(
            bundled_names("the Yangtze River Delta city cluster"),
            ["Yangtze River Delta"]
        );
        assert_eq!(
            bundled_names("the Xiamen-Zhangzhou-Quanzhou metropolitan area"),
            ["Xiamen", "Zhangzhou", "Quanzhou"]
        );
    }

    #[test]
    fn a_prefecture_goes_by_the_title_the_page_gives_it() {
        // Introduced with its title, then named bare: the title throughout, the longest one.
        assert_eq!(
            bundled_names(
                "Yili Kazakh Autonomous Prefecture and Jiangsu met. Yili Prefecture thanked Jiangsu. Yili grew."
            ),
            [
                "Yili Kazakh Autonomous Prefecture",
                "Jiangsu",
                "Yili Kazakh Autonomous Prefecture",
                "Jiangsu",
                "Yili Kazakh Autonomous Prefecture"
            ]
        );
        // A prefecture-level city titled "Prefecture" once in passing keeps its bare name.
        assert_eq!(
            bundled_names("Zhuhai and Macao met. Zhuhai grew. Hengqin in Zhuhai Prefecture."),
            ["Zhuhai", "Macao", "Zhuhai", "Hengqin", "Zhuhai Prefecture"]
        );
    }

    #[test]
    fn chinese_names_are_found_too() {
        assert_eq!(
            names("江宁区与溧水区签署合作协议"),
            ["Jiangning District", "Lishui District"]
        );
    }

    #[test]
    fn plural_suffixes_weekdays_and_autonomous_names() {
        let names = |text: &str| -> Vec<String> {
            find_places(text, Gazetteer::bundled(), &Spans::of(text))
                .into_iter()
                .map(|mention| mention.name)
                .collect()
        };
        assert_eq!(
            names("Sichuan and Guizhou provinces signed"),
            ["Sichuan", "Guizhou Province"]
        );
        assert_eq!(names("a visit to Taiwan Wednesday"), ["Taiwan"]);
        assert_eq!(
            names("Hainan Tibetan Autonomous Prefecture and Xinjiang Uyghur Autonomous Region"),
            [
                "Hainan Tibetan Autonomous Prefecture",
                "Xinjiang Uyghur Autonomous Region"
            ]
        );
        assert_eq!(names("President Xi Jinping said"), Vec::<String>::new());
        // The longest name ends inside a word ("… Delta Region|al"): the shorter one is meant.
        assert_eq!(
            names("the Yangtze River Delta Regional Cooperation Joint Meeting"),
            ["Yangtze River Delta"]
        );
        // The English name news uses, not the pinyin.
        assert_eq!(names("Kinmen and Xiamen"), ["Kinmen", "Xiamen"]);
        // A place's government body is not a brand.
        assert_eq!(
            names("the Chongqing Science and Technology Bureau signed"),
            ["Chongqing"]
        );
    }

    #[test]
    fn a_zone_s_initials_name_it_once_the_page_spells_it_out() {
        let gazetteer = Gazetteer::bundled();
        let text = "Suzhou Industrial Park is in Jiangsu. SIP officials visited Wuxi.";
        let mut found = find_places(text, gazetteer, &Spans::of(text));
        add_initialisms(text, &mut found, &[], gazetteer);
        let at = text.find("SIP").unwrap_or_default();
        assert!(
            found
                .iter()
                .any(|m| m.range.start == at && m.name == "Suzhou Industrial Park"),
            "{found:?}"
        );
        // Named only outside the body (the site's name above the story).
        let body = "SIP officials visited Wuxi.";
        let mut found = find_places(body, gazetteer, &Spans::of(body));
        let park = gazetteer
            .entries()
            .iter()
            .find(|entry| entry.base == "Suzhou Industrial Park")
            .map(|entry| entry.id);
        let page: Vec<(&str, EntryId)> = park
            .map(|id| ("Suzhou Industrial Park", id))
            .into_iter()
            .collect();
        add_initialisms(body, &mut found, &page, gazetteer);
        assert_eq!(found[0].name, "Suzhou Industrial Park", "{found:?}");
        // Never spelled out: no place.
        let body = "SIP officials visited Wuxi.";
        let mut found = find_places(body, gazetteer, &Spans::of(body));
        add_initialisms(body, &mut found, &[], gazetteer);
        assert!(found.iter().all(|m| m.name == "Wuxi"), "{found:?}");
    }
}
