//! Extraction: places linked to the gazetteer, dates resolved honestly, cooperation events
//! with their evidence, and officials with roles — pure functions of a document's clean text
//! and metadata, shared by `accord extract` and the app. No egui here.

mod corpus;
mod dates;
mod events;
mod fields;
pub mod gazetteer;
mod hanzi;
mod home;
mod officials;
mod orgs;
mod people;
mod places;
pub mod sentences;

pub use corpus::{CorpusEvent, EventMerger, MergeKey, Report, corpus_events, merge_key};
pub use dates::{MONTH_WORDS, dateline, month_number};
pub use gazetteer::{Entry, Gazetteer, Level, is_cjk};
pub use hanzi::{simplified, without_inline_pinyin};
pub use places::SEGMENTER;

use crate::model::{Document, Extraction, PagePlace, PartialDate};

/// Extracts everything from a document's clean body with the bundled gazetteer, and the place
/// names of the rest of the page.
pub fn extract(document: &Document) -> Extraction {
    let gazetteer = Gazetteer::bundled();
    let home = home::outlet_places(&outlets(document), gazetteer);
    let page_places = page_places(document, gazetteer);
    let page_named: Vec<(&str, crate::model::EntryId)> = page_places
        .iter()
        .filter_map(|place| Some((place.name.as_str(), place.entry?)))
        .collect();
    let mut extraction = extract_body(
        document.body().unwrap_or_default(),
        document.meta.published,
        Around {
            home: &home,
            page_named: &page_named,
            headline: &document.meta.title,
        },
        gazetteer,
    );
    extraction.page_places = page_places;
    extraction
}

/// What names the page's outlet: its source and byline, the credit opening the story and the
/// site's own name among the lines around the article (what 我市 and 我省 refer to).
fn outlets(document: &Document) -> Vec<&str> {
    let meta = &document.meta;
    let credit = dates::opening_credit(document.body().unwrap_or_default().trim_start());
    // A byline names people ("作者:王重庆 杨波": not Chongqing) unless it names an outlet too
    // ("新晃县融媒体中心记者 …").
    let byline = meta
        .byline
        .as_deref()
        .filter(|byline| home::names_an_outlet(byline));
    meta.source
        .as_deref()
        .into_iter()
        .chain(byline)
        .chain(credit)
        .chain(
            page_gaps(document)
                .into_iter()
                .flat_map(str::lines)
                .filter(|line| home::names_an_outlet(line)),
        )
        .collect()
}

/// The parts of the original text that are not body: the headline, metadata lines and page
/// furniture such as "Related News".
fn page_gaps(document: &Document) -> Vec<&str> {
    let mut gaps = Vec::new();
    let mut start = 0;
    for segment in &document.segments {
        gaps.push(start..segment.original_start);
        start = segment.original_start + segment.body.len();
    }
    let original = document.original().unwrap_or_default();
    gaps.push(start..original.len());
    gaps.into_iter()
        .filter_map(|gap| original.get(gap))
        .filter(|gap| !gap.trim().is_empty())
        .collect()
}

/// Places in the parts of the original text that are not body.
fn page_places(document: &Document, gazetteer: &Gazetteer) -> Vec<PagePlace> {
    page_gaps(document)
        .into_iter()
        .flat_map(|gap| regional_places(gap, gazetteer, &orgs::Spans::of(gap)))
        .map(|mention| PagePlace {
            name: mention.name,
            entry: mention.entry,
        })
        .collect()
}

/// The place mentions of `text` that are regional entities. Rivers, lakes and compass regions
/// are matched so that their words are not read as other places, but neither is one: a
/// compass region is a direction (LABELLING: "leave out compass regions") and a river, even as
/// "the middle reaches of the Yangtze River", is geography — no labeller of the real pages
/// lists one, while a region named for it ("Yangtze River Economic Belt") is a zone of its own.
fn regional_places(
    text: &str,
    gazetteer: &Gazetteer,
    spans: &orgs::Spans,
) -> Vec<crate::model::PlaceMention> {
    let mut places = places::find_places(text, gazetteer, spans);
    places.retain(|mention| {
        !mention
            .entry
            .and_then(|id| gazetteer.entry(id))
            .is_some_and(|entry| entry.kind == "river" || entry.kind == "compass region")
    });
    places
}

/// Extracts from `text` (a clean body); `published` is the page's date, when it shows one.
pub fn extract_text(
    text: &str,
    published: Option<PartialDate>,
    gazetteer: &Gazetteer,
) -> Extraction {
    let around = Around {
        home: &[],
        page_named: &[],
        headline: "",
    };
    extract_body(text, published, around, gazetteer)
}

/// What the page says around its body.
#[derive(Clone, Copy)]
struct Around<'a> {
    /// The places the outlet names: what 我市 and 我省 stand for (none when the page does not
    /// say).
    home: &'a [crate::model::EntryId],
    /// The places named outside the body (site name, headline, furniture): whose initials the
    /// body may use ("Suzhou Industrial Park" above, "SIP" in the story).
    page_named: &'a [(&'a str, crate::model::EntryId)],
    /// The headline (may be empty).
    headline: &'a str,
}

/// Extracts from a clean body with what the page says `around` it.
fn extract_body(
    text: &str,
    published: Option<PartialDate>,
    around: Around<'_>,
    gazetteer: &Gazetteer,
) -> Extraction {
    let Around { home, headline, .. } = around;
    // A mirror site's inline pinyin splits the words every rule reads ("代表團(tuán)赴"): read
    // the page without it, and give the ranges back in the page's own offsets.
    if let Some(unglossed) = hanzi::Unglossed::of(text) {
        let headline = without_inline_pinyin(headline);
        let around = Around {
            headline: &headline,
            ..around
        };
        let mut extraction = extract_body(&unglossed.text, published, around, gazetteer);
        extraction.map_ranges(|range| unglossed.original(range));
        return extraction;
    }
    // Traditional characters are read as simplified; offsets are those of `text`.
    let original = text;
    let folded = simplified(text);
    let text: &str = &folded;
    let sentences = sentences::split(text);
    let spans = orgs::Spans::of(text);
    let mut places = regional_places(text, gazetteer, &spans);
    // The outlet's places first; when they resolve nothing, the story's.
    let mut own = home::self_references(text, home, gazetteer);
    if own.is_empty() {
        own = home::story_self_references(text, &sentences, &places, gazetteer);
    }
    if !own.is_empty() {
        places.extend(own);
        places.sort_by_key(|mention| mention.range.start);
    }
    places::add_initialisms(text, &mut places, around.page_named, gazetteer);
    places::name_chinese_prefectures_as_the_page_does(text, &mut places, gazetteer);
    places::name_chinese_autonomous_counties_as_the_page_does(text, &mut places, gazetteer);
    let dates = dates::find_dates_under(text, &sentences, published, headline);
    let people = people::find_people(original, &places);
    let headline = headline_parties(headline, gazetteer);
    // Officials stand for their places as parties ("Mrs Lam met with the Governor of Hainan
    // Province"); they are not places of the article, so only the events read them.
    let stand_ins = officials::stand_ins(text, &people, &places, gazetteer);
    let events = if stand_ins.is_empty() {
        events::find_events(
            text, &sentences, &places, &dates, &spans, gazetteer, &headline,
        )
    } else {
        let mut parties = places.clone();
        parties.extend(stand_ins);
        parties.sort_by_key(|mention| mention.range.start);
        events::find_events(
            text, &sentences, &parties, &dates, &spans, gazetteer, &headline,
        )
    };
    // What a page dates after its own day has not happened yet: a plan ("将於29至31日出訪"),
    // a programme's horizon (《上海2035》), never an event.
    let events = match published {
        Some(page) => events
            .into_iter()
            .filter(|event| !event.date.is_some_and(|date| date.surely_after(&page)))
            .collect(),
        None => events,
    };
    Extraction {
        places,
        dates,
        events,
        people,
        page_places: Vec::new(),
    }
}

/// The places a headline names as parties: what a story's "the two cities" may mean when its
/// body has not named them.
fn headline_parties(headline: &str, gazetteer: &Gazetteer) -> Vec<crate::model::Participant> {
    if headline.trim().is_empty() {
        return Vec::new();
    }
    let folded = simplified(headline);
    let spans = orgs::Spans::of(&folded);
    let places = regional_places(&folded, gazetteer, &spans);
    events::parties_named(&folded, &places, &spans, gazetteer)
}

#[cfg(test)]
pub(crate) mod test_gazetteer {
    //! A small hand-made gazetteer for rule tests, independent of the bundled data.

    use super::Gazetteer;

    const ADMIN: &str = "adcode\tname_zh\tpinyin\tkind\tlevel\tparent\tlon\tlat\taliases
320000\t江苏省\tJiangsu\tprovince\tprovince\t\t118.76\t32.06\t
320100\t南京市\tNanjing\tprefecture city\tprefecture\t320000\t118.79\t32.06\t
320115\t江宁区\tJiangning\tdistrict\tcounty\t320100\t118.84\t31.95\t
320117\t溧水区\tLishui\tdistrict\tcounty\t320100\t119.03\t31.65\t
320118\t高淳区\tGaochun\tdistrict\tcounty\t320100\t118.89\t31.33\t
320106\t鼓楼区\tGulou\tdistrict\tcounty\t320100\t118.77\t32.07\t
320500\t苏州市\tSuzhou\tprefecture city\tprefecture\t320000\t120.58\t31.30\t
320509\t吴江区\tWujiang\tdistrict\tcounty\t320500\t120.64\t31.14\t
330000\t浙江省\tZhejiang\tprovince\tprovince\t\t120.15\t30.27\t
331100\t丽水市\tLishui\tprefecture city\tprefecture\t330000\t119.92\t28.45\t
330421\t嘉善县\tJiashan\tcounty\tcounty\t330400\t120.93\t30.83\t
330400\t嘉兴市\tJiaxing\tprefecture city\tprefecture\t330000\t120.76\t30.75\t
350000\t福建省\tFujian\tprovince\tprovince\t\t119.30\t26.08\t
350100\t福州市\tFuzhou\tprefecture city\tprefecture\t350000\t119.30\t26.08\t
350102\t鼓楼区\tGulou\tdistrict\tcounty\t350100\t119.30\t26.08\t
310000\t上海市\tShanghai\tmunicipality\tprovince\t\t121.47\t31.23\t
310118\t青浦区\tQingpu\tdistrict\tcounty\t310000\t121.12\t31.15\t
500000\t重庆市\tChongqing\tmunicipality\tprovince\t\t106.55\t29.56\t
510000\t四川省\tSichuan\tprovince\tprovince\t\t104.07\t30.67\t
510100\t成都市\tChengdu\tprefecture city\tprefecture\t510000\t104.07\t30.67\t
";
    const ZONES: &str = "key\tname_en\taliases\tname_zh\tkind\tparent\tlon\tlat
new-area-liangjiang\tLiangjiang New Area\tLiangjiang\t两江新区\tnew area\t500000\t106.60\t29.70
new-area-tianfu\tTianfu New Area\t\t天府新区\tnew area\t510100\t104.07\t30.40
region-yrd\tYangtze River Delta\tYRD\t长三角\teconomic region\t\t120.00\t31.00
";

    /// The test gazetteer.
    pub fn gazetteer() -> Gazetteer {
        Gazetteer::from_tables(ADMIN, &[ZONES], "Xinhua\n")
    }
}

#[cfg(test)]
mod profile {
    use super::*;

    /// `cargo test --release --lib extract::profile -- --ignored --nocapture`: the cost of each
    /// stage over a thousand seed articles (run it under callgrind for stable figures).
    #[test]
    #[ignore]
    fn profile_stages() {
        let texts: Vec<String> = crate::seeds::files()
            .into_iter()
            .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
            .collect::<Vec<_>>()
            .iter()
            .cycle()
            .take(1000)
            .cloned()
            .collect();
        let gazetteer = Gazetteer::bundled();
        extract_text("Warm-up in Nanjing on May 7, 2020.", None, gazetteer);
        let mb = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
        let time = |label: &str, run: &mut dyn FnMut()| {
            let started = std::time::Instant::now();
            run();
            eprintln!(
                "{label}: {:.1} ms/MB",
                started.elapsed().as_secs_f64() * 1e3 / mb
            );
        };
        let mut sentences = Vec::new();
        time("sentences", &mut || {
            sentences = texts.iter().map(|text| sentences::split(text)).collect();
        });
        let mut spans = Vec::new();
        time("spans", &mut || {
            spans = texts.iter().map(|text| orgs::Spans::of(text)).collect();
        });
        let mut places = Vec::new();
        time("places", &mut || {
            places = texts
                .iter()
                .zip(&spans)
                .map(|(text, spans)| places::find_places(text, gazetteer, spans))
                .collect();
        });
        let mut dates = Vec::new();
        time("dates", &mut || {
            dates = texts
                .iter()
                .zip(&sentences)
                .map(|(text, sentences)| dates::find_dates(text, sentences, None))
                .collect();
        });
        time("events", &mut || {
            for (index, text) in texts.iter().enumerate() {
                events::find_events(
                    text,
                    &sentences[index],
                    &places[index],
                    &dates[index],
                    &spans[index],
                    gazetteer,
                    &[],
                );
            }
        });
        time("people", &mut || {
            for (text, places) in texts.iter().zip(&places) {
                people::find_people(text, places);
            }
        });
        time("all", &mut || {
            for text in &texts {
                extract_text(text, None, gazetteer);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_the_story_never_names_is_the_headline_s() {
        let body = "The river runs across three provinces. In 2018, the three provincial governments signed an agreement to protect it.";
        let headline = "Yunnan, Sichuan and Guizhou work together to tackle river pollution";
        let around = Around {
            home: &[],
            page_named: &[],
            headline,
        };
        let found = extract_body(body, None, around, Gazetteer::bundled()).events;
        assert_eq!(found.len(), 1, "{found:#?}");
        let parties: Vec<&str> = found[0]
            .participants
            .iter()
            .map(|party| party.name.as_str())
            .collect();
        assert_eq!(parties, ["Yunnan", "Sichuan", "Guizhou"]);
        // Without a headline there is no one to name.
        assert!(
            extract_text(body, None, Gazetteer::bundled())
                .events
                .is_empty()
        );
    }

    #[test]
    fn nothing_dated_after_its_page_has_happened() {
        let body = "In 2035, Wuxi and Xuzhou signed an agreement.";
        let gazetteer = Gazetteer::bundled();
        assert!(
            extract_text(body, PartialDate::ymd(2018, 8, 10), gazetteer)
                .events
                .is_empty()
        );
        assert_eq!(extract_text(body, None, gazetteer).events.len(), 1);
    }
}
