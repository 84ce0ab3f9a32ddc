//! The regional parties a clause names for its act.
//!
//! Before the trigger stands the subject: every place there is a party, except a venue ("in
//! Qingpu"), a dateline ("GUIYANG, Aug. 12 (Xinhua) --") and a place that only says where
//! another party is ("Shanghai's Qingpu", "Wujiang District in Suzhou", "Nansha New Area
//! (Guangzhou)"). After the trigger stand the partners ("signed an agreement with Suzhou",
//! "between the governments of A and B", "visited Changzhou") until the clause turns to what the
//! act is about or for ("… to build the Jiangyin-Jingjiang Industrial Park", "… on tourism in
//! Wuxi"); places there are topics, not parties.
//!
//! Long because it holds the rules for which places are parties, each a named function with its
//! reason; they are tried in an order that matters and read best together.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::super::gazetteer::{Gazetteer, Level, may_hold_cjk};
use super::super::orgs::Spans;
use super::super::places::{place_a_zone_is_named_for, places_joined_in};
use crate::extract::MONTH_WORDS;
use crate::model::{EntryId, EventKind, Participant, PlaceMention};
use crate::pattern::compiled;

/// A party found in a clause.
#[derive(Clone, Debug, PartialEq)]
pub struct Party {
    /// Who.
    pub participant: Participant,
    /// Where in the text.
    pub range: Range<usize>,
    /// Whether it is a company or institution rather than a place.
    pub organisation: bool,
    /// The places its name could stand for, when it is ambiguous.
    pub candidates: Vec<EntryId>,
}

impl Party {
    /// A place mention as a party.
    fn of_place(place: &PlaceMention) -> Self {
        Self {
            participant: Participant {
                name: place.name.clone(),
                entry: place.entry,
            },
            range: place.range.clone(),
            organisation: false,
            candidates: place.candidates.clone(),
        }
    }
}

/// "in Qingpu", "at Bijie", "in southwest China's Chongqing", "在乌鲁木齐和阿图什", and the
/// places that go on saying where ("in Jiashan county, Jiaxing, Zhejiang province"): the place
/// where, not a party.
static VENUE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:in|at)\s+(?:(?:[a-z]+|China's|China’s)\s+){0,3}$|(?-u:\b)(?:in|at)\s+[A-Z][\w'’-]*\s+(?:county|district|city|town|township|village),\s+(?:[A-Z][\w'’-]*(?:\s+(?:city|prefecture))?,\s+)?$|(?:在|于)$|(?:在|于)\p{Han}{2,8}?(?:和|、|及)$",
    )
});

/// "the health authorities in Beijing", "courts in Jiaxing", "the departments of justice in
/// Shanghai": the place a public body belongs to, which acts through it — unless the body has
/// a name of its own ("the Ningdong Base Management Committee in Ningxia" is the base's,
/// located in Ningxia).
static BODY_IN: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?:(?-u:\b)([A-Za-z]+)\s+)?(?i:authorit(?:y|ies)|departments?|bureaus?|courts?|procuratorates?|governments?|officials|commissions?|administrations?|agenc(?:y|ies)|leaders|committees?)\s+(?:of\s+(?:[a-z]+\s+){1,4})?(?:in|at)\s+(?:(?:[a-z]+|China's|China’s)\s+){0,3}$",
    )
});

/// Whether `inner` lies inside `outer` (a district of a city, a city of a province).
fn within(gazetteer: &Gazetteer, outer: &PlaceMention, inner: &PlaceMention) -> bool {
    matches!((outer.entry, inner.entry), (Some(outer), Some(inner)) if gazetteer.contains(outer, inner))
}

/// Whether `place` stands alone in brackets right after `host` ("日照(上海)", "Rizhao (Shanghai)").
fn bracketed_after(text: &str, host: &PlaceMention, place: &PlaceMention) -> bool {
    text.get(host.range.end..place.range.start)
        .is_some_and(|gap| matches!(gap.trim(), "(" | "（"))
        && alone_in_brackets(text, place)
}

/// The Chinese words of a promotion, an investment fair or a trade talk.
const PROMOTION_ZH: &str = "推介|招商|经贸|洽谈|说明会|展销|博览";

/// What a host's promotion held in another place is called right after the bracketed place:
/// "日照(上海)“双招双引”推介会", "安庆(上海)经贸活动", "Linyi (Shenzhen) Investment Fair".
static BRACKETED_OCCASION: LazyLock<Regex> = LazyLock::new(|| {
    compiled(&format!(
        r"^[)）]\s*[^。；，,;]{{0,16}}?(?:{PROMOTION_ZH}|活动周|文化周|旅游周|(?i:(?-u:\b)(?:promotion|investment|fair|expo|week)(?-u:\b)))"
    ))
});

/// "(沈阳)对接会", "(上海)座谈会": the bracket closing right before a meeting's noun (or a
/// promotion's, as after a host).
static BRACKETED_MEETING: LazyLock<Regex> = LazyLock::new(|| {
    compiled(&format!(
        r"^[)）]\s*(?:\p{{Han}}{{0,4}}?(?:对接会|座谈会|联席会|推介会|洽谈会|论坛|大会|会议)|[^。；，,;]{{0,16}}?(?:{PROMOTION_ZH}))"
    ))
});

/// Whether `place` stands alone in brackets: "(沈阳)".
fn alone_in_brackets(text: &str, place: &PlaceMention) -> bool {
    text[..place.range.start].trim_end().ends_with(['(', '（'])
        && text[place.range.end..]
            .trim_start()
            .starts_with([')', '）'])
}

/// Whether the words before a place make it the place where something happened.
fn is_venue(before: &str) -> bool {
    let body_of_place = BODY_IN.captures(before).is_some_and(|body| {
        body.get(1).is_none_or(|word| {
            let word = word.as_str();
            word == "The" || !word.starts_with(|c: char| c.is_ascii_uppercase())
        })
    });
    VENUE.is_match(before) && !body_of_place
}

/// "according to the …", "据…": what follows is where the news came from, not a party.
static SOURCE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"(?i)(?-u:\b)according to (?:the )?$|据$"));

/// "、澳门两地", "两地": the places just named are where, together, an act took place.
static BOTH_PLACES: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"^(?:、\p{Han}{2,8}?)*[两三四]地"));

/// The title of a province's official or leaders in a host's clause.
static PROVINCIAL_HOST: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?i)(?-u:\b)(?:provincial|governor|vice governor|province's|province’s)(?-u:\b)|省委|省长|省政府|省人大|省政协|自治区(?:党委|政府|主席|人大|政协)",
    )
});

/// Words after the trigger that turn the clause from the partners to the act's subject matter.
static TOPIC_TURN: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?i)(?-u:\b)(?:to|for|on|in|at|near|under|regarding|concerning|covering|including|such as|focus(?:ing|ed)? on|aim(?:ing|ed)? at|so as|which|that|where|when|while|after|before|as)(?-u:\b)|[《，：]|\p{Han},|关于|围绕|就|在|推动|推进|打造|加强|深化|开展|促进|助力",
    )
});

/// The turns of topic in `slice` from `from` on, except "in" that says where a listed place
/// lies and goes on listing ("Suzhou in Jiangsu Province, Xuancheng, Wuhu …").
/// Searched from `from` (not from the slice's start: a clause of thousands of partners asks
/// once per partner word, and each search must cost only the way to its turn).
fn turns(slice: &str, from: usize) -> impl Iterator<Item = regex::Match<'_>> {
    let mut at = from;
    std::iter::from_fn(move || {
        let turn = TOPIC_TURN.find_at(slice, at)?;
        at = turn.end().max(at + 1);
        Some(turn)
    })
    .filter(|turn| !(turn.as_str() == "in" && LIST_LOCATIVE.is_match(&slice[turn.end()..])))
}

/// " Jiangsu Province, " / " Anhui Province, and ": where a listed place lies, the list going on.
static LIST_LOCATIVE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(r"^ (?:[A-Z][a-z]+ ){1,2}(?:Province|province|Prefecture|City|city)(?:,| and)")
});

/// "to meet with leading officials of", "to meet the leaders of", "to attend a high-level
/// meeting with": what introduces the hosts a delegation went to meet.
static OFFICIALS_MET_OF: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)to meet (?:with )?(?:the )?(?:[a-z]+ ){0,2}(?:officials|leaders|leadership|counterparts) (?:of|from) (?:the )?$|(?-u:\b)to (?:attend|hold) an? (?:[a-z-]+ ){0,2}(?:meeting|talks) with (?:the )?$",
    )
});

/// "with", "between", "and": what introduces (more) partners after the trigger.
static PARTNER_TURN: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"(?i)(?:^|[^,]\s)(?:with|between|among|and|by)\s+(?:the\s+)?$"));

/// "连江县东引乡与苗栗县三义乡", "合川区太和镇、盐井街道", "重庆市合川区双槐镇、…": a town,
/// township or subdistrict named right after its county or district (and the city or province
/// before that) and joined to a partner — the unit that acts, which is no regional party
/// (LABELLING), and which the places before it only locate. (A town visited,
/// "赴奉贤区柘林镇考察", is its district's.)
static TOWN_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compiled(&format!(
        r"^(?:\p{{Han}}{{1,5}}?[市区县])?\p{{Han}}{{2}}(?:镇|乡|街道){TOWN_BODY}[,，]?[与和同跟、及]"
    ))
});

/// "…双槐镇、四川华蓥市庆华镇联合开展": the partner town of a town named before it, whose
/// county or city (and province) only locate it.
static TOWN_PARTNER: LazyLock<Regex> = LazyLock::new(|| {
    compiled(&format!(
        r"(?:镇|乡|街道){TOWN_BODY}[,，]?[与和同跟、及]\p{{Han}}{{0,3}}$"
    ))
});

/// The body that acts for a town: "嘉积镇政府", "三湾乡公所", "街道办事处".
const TOWN_BODY: &str = "(?:人民政府|政府|党委|公所|办事处)?";

/// A town, township or subdistrict right after a place, or after the county after it: "庆华镇",
/// "(台湾)苗栗县三湾乡".
static TOWN_NEXT: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"^的?(?:\p{Han}{1,5}?[市区县])?\p{Han}{2}(?:镇|乡|街道)"));

/// Whether a place only locates a town that acts with a partner ([`TOWN_AFTER`],
/// [`TOWN_PARTNER`]), given the clause's text before and after the place's name.
fn locates_a_town(before: &str, after: &str) -> bool {
    (TOWN_AFTER.is_match(after) && !tail(before, 6).contains(['赴', '到', '来']))
        || (TOWN_NEXT.is_match(after) && TOWN_PARTNER.is_match(tail(before, 12)))
}

/// "enterprises", "companies", "investors" right after a place: the place's businesses.
static BUSINESSES_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"^(?:\s*(?:,|and)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)*\s+(?:[a-z-]+\s+)?(?:enterprises|companies|firms|businesses|investors|entrepreneurs|universities|businessmen|merchants)(?-u:\b)",
    )
});

/// "Hong Kong and Macao Affairs Office", "Taiwan Affairs Office": after a place, the name of
/// an office that deals with it.
static AFFAIRS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"^(?:\s+and\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)?\s+(?:[A-Z][\w-]*\s+){0,2}Affairs(?-u:\b)",
    )
});

/// "the Beijing Office of the Hong Kong SAR Government": an office named for where it sits,
/// which is the other place's.
static OFFICE_OF_AFTER: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"^\s+(?:Liaison\s+|Representative\s+)?Office\s+of\s"));

/// "Beijing's liaison office in Hong Kong", "Beijing's top diplomat in Macau": Beijing standing
/// for the central government, whose offices in the SARs are no city's.
static CENTRAL_OFFICE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compiled(r"^(?:'s|’s)\s+(?:[a-z]+\s+){0,2}(?:liaison office|diplomat|envoy|representative)")
});

/// "Shanghai Women's Federation", "the Hunan Chamber of Commerce", "Anyi Aluminum Alloy
/// Plastic Profile Industry Base Enterprise Association": a place's association, which acts for
/// itself (LABELLING: an association is a party only when it signs for a place).
static ASSOCIATION_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"^\s+(?:[A-Z][\w'’-]*\s+){0,7}(?:Federation|Association|Chamber of Commerce|Youth League|Red Cross)(?-u:\b)",
    )
});

/// " a four-day visit to", " an official visit to": after "on", a trip whose destination
/// follows.
static ON_A_VISIT: LazyLock<Regex> = LazyLock::new(|| {
    compiled(r"^\s*(?:a|an|his|her|their) (?:[0-9A-Za-z-]+ ){0,2}(?:visit|trip|tour) to(?-u:\b)")
});

/// "arrived in northwest China's ", "arrived in ": a delegation's destination follows.
static ARRIVED_IN: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"(?i)(?-u:\b)arrived (?:in|at) (?:[A-Za-z’'-]+ ){0,3}$"));

/// A visiting group right before "在" and the place it tours.
const DELEGATION_AT: &[&str] = &[
    "代表团在",
    "考察团在",
    "调研组在",
    "访问团在",
    "工作组在",
    "一行在",
];

/// What the party finder needs of the article.
pub struct Context<'a> {
    pub text: &'a str,
    pub places: &'a [PlaceMention],
    pub spans: &'a Spans,
    pub gazetteer: &'a Gazetteer,
    /// The cities and counties the page names, each once, in order: what a one-character
    /// short form ("深赣合作", "来堰考察") is looked up in, read once per page rather than
    /// once per clause (which made a long page's cost grow with its square).
    page_cities: std::cell::OnceCell<Vec<EntryId>>,
    /// Where the page's places end, in order (read on first use): whether a name ends right
    /// before a dash is a binary search, not a scan of the page's places for each dash.
    place_ends: std::cell::OnceCell<Vec<usize>>,
}

impl<'a> Context<'a> {
    pub fn new(
        text: &'a str,
        places: &'a [PlaceMention],
        spans: &'a Spans,
        gazetteer: &'a Gazetteer,
    ) -> Self {
        Self {
            text,
            places,
            spans,
            gazetteer,
            page_cities: std::cell::OnceCell::new(),
            place_ends: std::cell::OnceCell::new(),
        }
    }

    /// Whether a place of the page ends at `end`.
    fn a_place_ends_at(&self, end: usize) -> bool {
        let ends = self.place_ends.get_or_init(|| {
            let mut ends: Vec<usize> = self.places.iter().map(|place| place.range.end).collect();
            ends.sort_unstable();
            ends
        });
        ends.binary_search(&end).is_ok()
    }

    /// The cities and counties the page names, each once, in order (read on first use).
    fn page_cities(&self) -> &[EntryId] {
        self.page_cities.get_or_init(|| {
            let mut cities: Vec<EntryId> = Vec::new();
            let mut seen = std::collections::HashSet::new();
            for id in self.places.iter().filter_map(|place| place.entry) {
                let is_city = self
                    .gazetteer
                    .entry(id)
                    .is_some_and(|entry| matches!(entry.level, Level::Prefecture | Level::County));
                if is_city && seen.insert(id) {
                    cities.push(id);
                }
            }
            cities
        })
    }
}

/// What each place of a clause is read against: the clause, the act its trigger names, and
/// where the act's objects and its subject stand.
struct Scan<'s, 'a> {
    context: &'s Context<'a>,
    clause: &'s Range<usize>,
    /// The trigger's byte range in the text.
    trigger: &'s Range<usize>,
    kind: EventKind,
    /// Where the act's partners may be named, after the trigger.
    object_zone: Vec<Range<usize>>,
    /// Whether a place before the trigger, not a venue nor a dateline, names a subject.
    subject_named: bool,
}

/// How a place stands in the act of its clause: the flags that tell a party from a venue, a
/// dateline or a place the clause only mentions.
struct PlaceRole {
    /// It stands after the trigger.
    after_trigger: bool,
    /// It stands where the act's partners are named.
    in_object: bool,
    /// It names where the story was filed.
    dateline: bool,
    /// It names where the act took place, not who acted.
    venue: bool,
    /// It is a host's city, standing for the host: "Mayor Zhang met in Changsha with …".
    host_city: bool,
    /// It is where a province's delegation tours.
    toured_by_a_province: bool,
    /// It opens a name joined by a dash ("the Xiamen-Shanghai Forum").
    opens_a_joined_name: bool,
}

/// The parties of the act a clause reports; `trigger` is the trigger's byte range in the text.
pub fn parties(
    context: &Context<'_>,
    clause: &Range<usize>,
    trigger: &Range<usize>,
    kind: EventKind,
) -> Vec<Party> {
    let text = context.text;
    // "Fujian and Ningxia agreed to build a village near Ningxia's capital Yinchuan": after
    // "agreed to" comes what they undertook, not partners (unless "with" brings them in).
    let undertaking = text[trigger.clone()].eq_ignore_ascii_case("agreed to");
    let mut object_zone = object_zones(text, trigger.end..clause.end, kind, !undertaking);
    let subject_named = mentions_in(context, clause).any(|place| {
        place.range.start < trigger.start
            && !is_venue(tail(&text[clause.start..place.range.start], 48))
            && !is_dateline(text, clause, place)
    });
    // "A conference was held in Zhanjiang, aiming to pool the efforts of Haikou and
    // Zhanjiang": a meeting held with no subject is the meeting of those whose cooperation
    // its purpose names.
    if kind == EventKind::Meeting && !subject_named {
        object_zone.extend(cooperators(text, trigger.end..clause.end));
    }
    let scan = Scan {
        context,
        clause,
        trigger,
        kind,
        object_zone,
        subject_named,
    };
    let (mut found, hosts) = place_parties(&scan);
    join_city_and_county(context, &mut found);
    drop_compounds(&mut found);
    // The city the delegation went to, inside the province whose officials it met, is where
    // they met.
    found.retain(|(party, _)| {
        !party.participant.entry.is_some_and(|city| {
            hosts
                .iter()
                .flatten()
                .any(|&host| context.gazetteer.contains(host, city))
        })
    });
    let mut parties: Vec<Party> = found.into_iter().map(|(party, _)| party).collect();
    organisation_parties(&scan, &mut parties);
    parties.sort_by_key(|party| party.range.start);
    if partner_is_a_company(text, &parties, trigger) {
        return Vec::new();
    }
    let mut distinct = distinct_parties(parties);
    drop_locating_containers(context, &mut distinct);
    drop_namesakes(context.gazetteer, &mut distinct);
    distinct
}

/// The places of a clause that are parties of its act, each with whether it stands in a
/// compound name ("Lanzhou-Xining"), and the places whose officials a visit met: a place's
/// role depends on the venue and the place read just before it.
fn place_parties(scan: &Scan<'_, '_>) -> (Vec<(Party, bool)>, Vec<Option<EntryId>>) {
    let (context, clause) = (scan.context, scan.clause);
    let text = context.text;
    let mut found: Vec<(Party, bool)> = Vec::new();
    let mut hosts: Vec<Option<EntryId>> = Vec::new();
    // The venue just read and the place before this one: "在广州越秀国际会议中心" goes on
    // naming the venue; "日照(上海)推介会" names a host and, in brackets, where it is held.
    let mut last_venue: Option<&PlaceMention> = None;
    let mut previous: Option<&PlaceMention> = None;
    for place in mentions_in(context, clause) {
        let (venue_before, place_before) = (last_venue.take(), previous.replace(place));
        if is_region(place, context.gazetteer) {
            continue;
        }
        let before = tail(&text[clause.start..place.range.start], 48);
        let role = role_of(scan, place, before, venue_before, place_before, &found);
        if role.venue || role.toured_by_a_province {
            last_venue = Some(place);
        }
        // "led a delegation to Guangzhou to meet with leading officials of Guangdong
        // Province": the officials met are the hosts, whatever the clause turned to.
        let officials_met = scan.kind == EventKind::Visit
            && role.after_trigger
            && OFFICIALS_MET_OF.is_match(&before.to_ascii_lowercase());
        if officials_met {
            hosts.push(place.entry);
        }
        if role.dateline || role.venue || (role.after_trigger && !role.in_object && !officials_met)
        {
            continue;
        }
        let after = &text[place.range.end..clause.end];
        if names_no_party(context, place, before, after) {
            continue;
        }
        found.push(party_of(scan, place, before, after, &role));
    }
    (found, hosts)
}

/// How a place stands in its clause's act: where it stands against the trigger and the
/// objects, and whether the words around it make it a venue, a host's city or where a
/// delegation tours.
fn role_of(
    scan: &Scan<'_, '_>,
    place: &PlaceMention,
    before: &str,
    venue_before: Option<&PlaceMention>,
    place_before: Option<&PlaceMention>,
    found: &[(Party, bool)],
) -> PlaceRole {
    let (context, clause, trigger, kind) = (scan.context, scan.clause, scan.trigger, scan.kind);
    let text = context.text;
    let goes_on_naming_the_venue = venue_before.is_some_and(|venue| {
        venue.range.end == place.range.start && within(context.gazetteer, venue, place)
    });
    let bracketed_venue = place_before.is_some_and(|host| {
        bracketed_after(text, host, place)
            && !within(context.gazetteer, host, place)
            && !within(context.gazetteer, place, host)
    }) && BRACKETED_OCCASION.is_match(&text[place.range.end..clause.end])
        // "产业项目(沈阳)对接会": a place alone in brackets before the occasion's noun says
        // where it is held, whatever stands before the bracket.
        || (alone_in_brackets(text, place)
            && BRACKETED_MEETING.is_match(&text[place.range.end..clause.end]));
    // "GUIYANG, Aug. 12 (Xinhua) --": a dateline names where the story was filed.
    let dateline = is_dateline(context.text, clause, place);
    let after_trigger = place.range.start >= trigger.end;
    let in_object = after_trigger
        && scan
            .object_zone
            .iter()
            .any(|zone| zone.start <= place.range.start && place.range.start < zone.end);
    // "Mayor Zhang met in Changsha with a delegation of Hami": the host's city, not a
    // venue — when the host's own place is not named before ("Hunan Party Secretary Du
    // met in Changsha with …" is Hunan's).
    // So is "省委书记王建军在西宁会见了…": the place right before the trigger.
    let host_city = kind == EventKind::Visit
        && ((place.range.start >= trigger.start && place.range.start < trigger.end)
            || (place.range.end == trigger.start && before.ends_with('在')))
        && !scan.subject_named;
    // "在珠海、澳门两地召开": held in both places at once, which are its parties.
    let both_places = BOTH_PLACES.is_match(&text[place.range.end..clause.end]);
    // "A delegation headed by … arrived in northwest China's Xinjiang … for an inspection
    // tour": where a visiting delegation arrived is where it visits.
    // (Not "arrived in Harbin, the capital of Heilongjiang": the city is where, in the
    // province the visit is to.)
    let arrived = ARRIVED_IN.is_match(before)
        && !text[place.range.end..clause.end].starts_with(", the capital of");
    // "苍溪县党政代表团在杭州市余杭区考察": where a delegation tours is where it visits.
    let toured_at = place.range.end <= trigger.start
        && DELEGATION_AT
            .iter()
            .any(|delegation| before.ends_with(delegation));
    let visited = kind == EventKind::Visit && (in_object || arrived || toured_at);
    // "赴南京参加辽宁省—江苏省对口合作工作座谈会": the city gone to in order to attend is
    // where the meeting is.
    let gone_to_attend = before.ends_with(['赴', '到'])
        && ["参加", "出席"]
            .iter()
            .any(|verb| text[place.range.end..clause.end].starts_with(verb));
    // "at the Xiamen-Shanghai Forum": a place joined by a dash to the next opens a name
    // (of the occasion), not a venue.
    let after = &text[place.range.end..clause.end];
    let opens_a_joined_name = dash_opens(after);
    let venue = ((is_venue(before) && !opens_a_joined_name)
        || gone_to_attend
        || goes_on_naming_the_venue
        || bracketed_venue)
        && !(visited || host_city || both_places);
    // A place named right after where a province's delegation tours, inside it, goes on
    // naming where ("河北省党政代表团在天津市滨海新区考察" visits Tianjin); a county's
    // delegation visits the district ("苍溪县党政代表团在杭州市余杭区考察": Yuhang).
    let provincial_visitor = || {
        found
            .iter()
            .any(|(visitor, _)| is_provincial(context.gazetteer, &visitor.participant))
    };
    let toured_by_a_province = kind == EventKind::Visit && toured_at && provincial_visitor();
    PlaceRole {
        after_trigger,
        in_object,
        dateline,
        venue,
        host_city,
        toured_by_a_province,
        opens_a_joined_name,
    }
}

/// Whether a place only qualifies what the clause names: companies or an office of the place,
/// a town or zone it locates, or the central government's office in Beijing.
fn names_no_party(context: &Context<'_>, place: &PlaceMention, before: &str, after: &str) -> bool {
    // "Hong Kong enterprises", "Shenzhen investors": companies from a place; "the Hong
    // Kong and Macao Affairs Office of Chongqing": an office about a place.
    BUSINESSES_AFTER.is_match(after)
        || AFFAIRS_AFTER.is_match(after)
        || ASSOCIATION_AFTER.is_match(after)
        || locates_a_town(before, after)
        || locates_a_zone(context, place)
        || (place.name == "Beijing" && CENTRAL_OFFICE_AFTER.is_match(after))
        || OFFICE_OF_AFTER.is_match(after)
}

/// The party a place is, with whether it stands in a compound name: its province when a
/// provincial official hosts in its city, or when a province's delegation tours it.
fn party_of(
    scan: &Scan<'_, '_>,
    place: &PlaceMention,
    before: &str,
    after: &str,
    role: &PlaceRole,
) -> (Party, bool) {
    let (context, clause, trigger) = (scan.context, scan.clause, scan.trigger);
    let text = context.text;
    let compound = dash_closes(before, place.range.start, context)
        || before.ends_with('/')
        || role.opens_a_joined_name
        || after.starts_with('/');
    let mut party = Party::of_place(place);
    // "the provincial Party Secretary met in Xining with …": a provincial official hosts
    // for the province, wherever the meeting is.
    if role.host_city
        && is_venue(before)
        && PROVINCIAL_HOST.is_match(&text[clause.start..trigger.start])
        && let Some(province) = place
            .entry
            .and_then(|id| context.gazetteer.province_of(id))
            .and_then(|id| context.gazetteer.entry(id))
    {
        party.participant = Participant {
            name: province.base.clone(),
            entry: Some(province.id),
        };
        party.candidates.clear();
    }
    // "宁夏回族自治区党政代表团在杭州考察": a province's delegation touring a city visits
    // the city's province (its partner of the same level).
    if role.toured_by_a_province
        && let Some(province) = place
            .entry
            .and_then(|id| context.gazetteer.province_of(id))
            .filter(|&id| Some(id) != place.entry)
            .and_then(|id| context.gazetteer.entry(id))
    {
        party.participant = Participant {
            name: province.base.clone(),
            entry: Some(province.id),
        };
        party.candidates.clear();
    }
    (party, compound)
}

/// "西安周至-苏州太仓": a city written right before its county, on either side of the dash,
/// belongs to the joined pair as the county does.
fn join_city_and_county(context: &Context<'_>, found: &mut [(Party, bool)]) {
    for at in 1..found.len() {
        let (earlier, later) = (&found[at - 1].0, &found[at].0);
        let adjacent = context
            .text
            .get(earlier.range.end..later.range.start)
            .is_some_and(|gap| gap.trim().is_empty());
        let locates = earlier
            .participant
            .entry
            .zip(later.participant.entry)
            .is_some_and(|(outer, inner)| context.gazetteer.contains(outer, inner));
        if adjacent && locates && (found[at - 1].1 || found[at].1) {
            found[at - 1].1 = true;
            found[at].1 = true;
        }
    }
}

/// "the Lanzhou-Xining urban agglomeration": the places of a hyphenated compound name a
/// region, not parties — unless the clause names no other parties ("the joint conference
/// of the Xiamen-Zhangzhou-Quanzhou area" is the three cities' conference).
/// Two distinct parties: an official standing for a place named beside it is one.
fn drop_compounds(found: &mut Vec<(Party, bool)>) {
    let mut standalone = found
        .iter()
        .filter(|(_, compound)| !compound)
        .map(|(party, _)| &party.participant);
    let first = standalone.next();
    let distinct_standalone =
        first.is_some_and(|first| standalone.any(|other| !same_party(first, other)));
    if distinct_standalone {
        found.retain(|(_, compound)| !compound);
    }
}

/// The companies and institutions of a clause that act in it, as parties: those before the
/// trigger or among its objects, not a news source, a list of companies or a group of
/// their own.
fn organisation_parties(scan: &Scan<'_, '_>, parties: &mut Vec<Party>) {
    let (context, clause, trigger) = (scan.context, scan.clause, scan.trigger);
    for org in starting_in(&context.spans.companies, clause, |org| org.range.start)
        .iter()
        .filter(|org| org.range.end <= clause.end && !context.spans.in_quotes(&org.range))
        .filter(|org| !context.spans.in_company_list(&org.range))
        .filter(|org| may_act_for_a_place(&org.name))
        .filter(|org| !group_of_its_own(context.text, org))
    {
        let after_trigger = org.range.start >= trigger.end;
        let in_object = scan
            .object_zone
            .iter()
            .any(|zone| zone.start <= org.range.start && org.range.start < zone.end);
        if after_trigger && !in_object {
            continue;
        }
        // "according to Chongqing Port and Maritime Affairs Center, …": the news's source.
        let before = tail(&context.text[clause.start..org.range.start], 48);
        if SOURCE_BEFORE.is_match(before) {
            continue;
        }
        parties.push(Party {
            participant: Participant {
                name: org.name.clone(),
                entry: None,
            },
            range: org.range.clone(),
            organisation: true,
            candidates: Vec::new(),
        });
    }
}

/// "Linyi Municipal Party Committee and Mayor of Linyi City", "Qianxi County … Qianxi": one
/// name read as two namesake places (临沂 and 临猗) is one party; two places of one name below
/// a province do not act together in one story. A province and its namesake city ("Jilin" and
/// "Jilin City") may, and are kept.
fn drop_namesakes(gazetteer: &Gazetteer, parties: &mut Vec<Party>) {
    fn base(name: &str) -> String {
        let lower = name.to_lowercase();
        [" city", " county", " district", " prefecture"]
            .iter()
            .find_map(|suffix| lower.strip_suffix(suffix).map(str::to_owned))
            .unwrap_or(lower)
    }
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    parties.retain(|party| {
        party.organisation
            || party.participant.entry.is_none()
            || is_provincial(gazetteer, &party.participant)
            || seen.insert(base(&party.participant.name))
    });
}

/// Whether a party is a province-level unit (province, municipality, autonomous region, SAR).
fn is_provincial(gazetteer: &Gazetteer, participant: &Participant) -> bool {
    participant
        .entry
        .and_then(|id| gazetteer.entry(id))
        .is_some_and(|entry| entry.level == Level::Province)
}

/// "东莞松山湖高新区": a Chinese place written right before a zone the gazetteer does not hold
/// (read from its head words: "Songshan Lake High-tech Zone") only says where the zone lies;
/// the zone is the party.
fn locates_a_zone(context: &Context<'_>, place: &PlaceMention) -> bool {
    context.text[place.range.clone()]
        .chars()
        .all(|c| !c.is_ascii())
        // The mentions that start right where this one ends.
        && starting_in(
            context.places,
            &(place.range.end..place.range.end + 1),
            |other| other.range.start,
        )
        .iter()
        .any(|other| {
            other.entry.is_none()
                && other.candidates.is_empty()
                && [" Zone", " Park", " New Area"]
                    .iter()
                    .any(|head| other.name.ends_with(head))
        })
}

/// Whether `after` (the text right after a place) joins it by a dash to the next name:
/// "Xiamen-Shanghai", "Tonghua – Taizhou".
fn dash_opens(after: &str) -> bool {
    after.starts_with(['-', '–']) || after.starts_with(" – ") || after.starts_with(" - ")
}

/// Whether `before` (the text right before a place, which starts at `at`) joins it by a dash
/// to the name before. A spaced dash joins two places ("Tonghua – Taizhou"); after a common
/// word it opens a list ("nine Yangtze Delta cities - Changzhou, Yangzhou, …").
fn dash_closes(before: &str, at: usize, context: &Context<'_>) -> bool {
    if before.ends_with(['-', '–']) {
        return true;
    }
    let Some(dash) = [" – ", " - "]
        .into_iter()
        .find(|&dash| before.ends_with(dash))
    else {
        return false;
    };
    context.a_place_ends_at(at - dash.len())
}

/// "广州高新区、广州开发区、黄埔区与香港新华集团签署": the partner after 与 is a company (the
/// place word opening its name is part of the name), so the places before it are one side of
/// a company deal, not partners of each other.
fn partner_is_a_company(text: &str, parties: &[Party], trigger: &Range<usize>) -> bool {
    let Some(last) = parties
        .iter()
        .map(|party| party.range.end)
        .filter(|&end| end <= trigger.start)
        .max()
    else {
        return false;
    };
    parties.iter().all(|party| party.range.end <= trigger.start)
        && text
            .get(last..trigger.start)
            .map(|between| {
                ["人民政府", "政府", "管委会"]
                    .iter()
                    .find_map(|office| between.strip_prefix(office))
                    .unwrap_or(between)
            })
            .and_then(|between| between.strip_prefix(['与', '同', '和', '跟']))
            .is_some_and(crate::extract::places::opens_with_organisation)
}

/// Whether the subject of a signing is an institution that signs for itself (a university, a
/// bank, an association: see `may_act_for_a_place`) and no place stands before the verb
/// beside it: the places after it are each its partner, not partners of each other.
pub fn institution_signs(
    context: &Context<'_>,
    clause: &Range<usize>,
    trigger: &Range<usize>,
    found: &[Party],
) -> bool {
    let subject = clause.start..trigger.start;
    let institution = starting_in(&context.spans.companies, &subject, |org| org.range.start)
        .iter()
        .any(|org| org.range.end <= trigger.start && !may_act_for_a_place(&org.name));
    institution && !found.iter().any(|party| party.range.start < trigger.start)
}

/// "Zhejiang Seaport Group has signed an agreement with Shanghai Port Group": a group or
/// corporation named without a company's "Co., Ltd." is a state enterprise acting for itself.
fn group_of_its_own(text: &str, org: &super::super::orgs::OrgSpan) -> bool {
    let named_so = [" Group", " Corporation"]
        .iter()
        .any(|head| org.name.ends_with(head));
    let company = text[org.range.clone()].contains(" Co")
        || text[org.range.end..]
            .trim_start_matches([',', ' '])
            .starts_with("Co");
    named_so && !company
}

/// Whether an organisation can sign on behalf of a place (LABELLING: a company, university or
/// association counts only when it does): a company or centre can — a development or
/// investment company of a district often signs for it —, but a university, bank, exchange,
/// academy, hospital, outlet or association acts for itself, and a bare "Leadership Group" or
/// "Party Committee" is a body of the place already named.
fn may_act_for_a_place(name: &str) -> bool {
    let last = name
        .trim_end_matches(['.', ','])
        .rsplit(' ')
        .next()
        .unwrap_or_default();
    let first = name.split(' ').next().unwrap_or_default();
    !matches!(
        last,
        "University"
            | "Bank"
            | "Exchange"
            | "Academy"
            | "Institute"
            | "Hospital"
            | "Daily"
            | "News"
            | "Times"
            | "Post"
            | "Television"
            | "TV"
            | "Radio"
            | "Press"
            | "Association"
            | "Chamber"
            | "Federation"
    ) && !matches!(
        first,
        "Bank" | "University" | "Academy" | "Institute" | "Leadership" | "Party" | "Standing"
    ) && name.split(' ').count() >= 2
}

/// "The joint meeting of the 3rd Guangdong-Guangxi-Guizhou High-speed Rail Economic Belt was
/// held": the places joined in the name of an area that stands before the verb or in it, when
/// the clause names no parties otherwise — the area's members meet.
pub fn compound_members(
    context: &Context<'_>,
    clause: &Range<usize>,
    trigger: &Range<usize>,
) -> Vec<Participant> {
    mentions_in(context, clause)
        .filter(|place| place.range.start < trigger.end)
        .filter(|place| place.name.contains(['-', '–']))
        .filter(|place| {
            // "to integrate into the Yangtze River Delta", "在深入推进京津冀协同发展座谈会上":
            // a region the act is about.
            let before = tail(&context.text[clause.start..place.range.start], 16);
            !REGION_AS_TOPIC.is_match(&before.to_ascii_lowercase())
        })
        .filter_map(|place| {
            // A joined name not in the gazetteer, or a listed region that is nothing but its
            // members ("the Beijing-Tianjin-Hebei Party and Government Leaders Symposium"; not
            // the Greater Bay Area a city courts investors from).
            if place.entry.is_none() && place.candidates.is_empty() {
                return Some(places_joined_in(&place.name, context.gazetteer));
            }
            // Read apart, so that the listed region's own name does not match whole.
            let apart = place.name.replace(['-', '–'], ", ");
            let mut members = places_joined_in(&apart, context.gazetteer);
            members.retain(|member| !is_region(member, context.gazetteer));
            let only_members = is_region(place, context.gazetteer) && {
                let mut rest = apart.clone();
                for member in members.iter().rev() {
                    rest.replace_range(member.range.clone(), "");
                }
                rest.chars().all(|c| c == ',' || c.is_whitespace())
            };
            only_members.then_some(members)
        })
        .map(|members| {
            members
                .into_iter()
                .filter(|member| !is_region(member, context.gazetteer))
                .map(|member| Participant {
                    name: member.name,
                    entry: member.entry,
                })
                .collect::<Vec<_>>()
        })
        .find(|members| members.len() >= 2)
        .unwrap_or_default()
}

static MEMBERS_TSV: &str = include_str!("../../../assets/gazetteer/members.tsv");

/// Region key (zones.tsv) → its members as a list the place matcher reads.
static MEMBERS: LazyLock<Vec<(&'static str, String)>> = LazyLock::new(|| {
    MEMBERS_TSV
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| {
            let (key, members) = line.split_once('\t')?;
            Some((key.trim(), members.trim().replace('|', ", ")))
        })
        .collect()
});

/// "The 2023 Pan-Pearl River Delta Regional Cooperation Executive Heads Joint Meeting was
/// held", "the annual symposium of key leaders of the Yangtze River Delta": a named region of
/// fixed membership (members.tsv) that names the occasion, before the verb or in it, stands for
/// its members — when the clause names no parties otherwise. A region the act is about or
/// takes place in ("integrate into the Greater Bay Area", "in the Yangtze River Delta") does not.
pub fn region_members(
    context: &Context<'_>,
    clause: &Range<usize>,
    trigger: &Range<usize>,
) -> Vec<Participant> {
    let text = context.text;
    let mentions: Vec<&PlaceMention> = mentions_in(context, clause)
        .take_while(|place| place.range.start < trigger.end)
        .collect();
    for (index, place) in mentions.iter().enumerate() {
        let before = tail(&text[clause.start..place.range.start], 16).to_ascii_lowercase();
        // "the 2021 Nanning (Greater Bay Area) Investment Promotion Conference" is Nanning's;
        // "a seminar on … Shanxi province and the Beijing-Tianjin-Hebei region" is all of
        // theirs: a region after other places joins them only with "and".
        let joined = before.ends_with(" and ") || before.ends_with(" and the ");
        if (index > 0 && !joined) || REGION_AS_TOPIC.is_match(&before) || before.ends_with('(') {
            continue;
        }
        let Some(entry) = place.entry.and_then(|id| context.gazetteer.entry(id)) else {
            continue;
        };
        // "长三角一体化", "长三角…联盟": Chinese uses a region's short name as an adjective far
        // more often than for its members acting (沪苏浙皖, 三省一市 name them then).
        let surface = &text[place.range.clone()];
        if !surface.is_ascii() && surface != entry.name_zh {
            continue;
        }
        let Some((_, members)) = MEMBERS.iter().find(|(key, _)| *key == entry.code) else {
            continue;
        };
        let mut parties: Vec<Participant> = mentions[..index]
            .iter()
            .filter(|earlier| !is_region(earlier, context.gazetteer))
            .map(|earlier| Participant {
                name: earlier.name.clone(),
                entry: earlier.entry,
            })
            .collect();
        for member in places_joined_in(members, context.gazetteer) {
            if !parties.iter().any(|party| party.entry == member.entry) {
                parties.push(Participant {
                    name: member.name,
                    entry: member.entry,
                });
            }
        }
        if parties.len() >= 2 {
            return parties;
        }
    }
    Vec::new()
}

/// The one-character names of the provincial units, as Chinese joins them in the name of
/// their cooperation ("闽宁协作" is Fujian and Ningxia; "沪苏浙皖" the Yangtze River Delta's four),
/// with each unit's full Chinese name for the gazetteer.
const PROVINCE_ABBREVIATIONS: &[(char, &str)] = &[
    ('京', "北京市"),
    ('津', "天津市"),
    ('冀', "河北省"),
    ('晋', "山西省"),
    ('蒙', "内蒙古自治区"),
    ('辽', "辽宁省"),
    ('吉', "吉林省"),
    ('黑', "黑龙江省"),
    ('沪', "上海市"),
    ('苏', "江苏省"),
    ('浙', "浙江省"),
    ('皖', "安徽省"),
    ('闽', "福建省"),
    ('赣', "江西省"),
    ('鲁', "山东省"),
    ('豫', "河南省"),
    ('鄂', "湖北省"),
    ('湘', "湖南省"),
    ('粤', "广东省"),
    ('桂', "广西壮族自治区"),
    ('琼', "海南省"),
    ('渝', "重庆市"),
    ('川', "四川省"),
    ('黔', "贵州省"),
    ('滇', "云南省"),
    ('藏', "西藏自治区"),
    ('陕', "陕西省"),
    ('甘', "甘肃省"),
    ('陇', "甘肃省"),
    ('青', "青海省"),
    ('宁', "宁夏回族自治区"),
    ('新', "新疆维吾尔自治区"),
    ('港', "香港特别行政区"),
    ('澳', "澳门特别行政区"),
];

/// "闽宁协作", "苏陕扶贫协作", "沪苏浙皖一体化", "深港双方", "苏陕东西部企业家…": two to four
/// provincial abbreviations joined before a word of cooperation (or of "both sides") name those
/// provinces — the parties, when the clause names none otherwise. A city goes by the first
/// character of its name when the page names it ("深港合作" on a page about 深圳, "京沈对口合作"
/// with 沈阳): a character stands for a city only when exactly one place the page names begins
/// with it. Single characters are read only in such a run, never alone.
pub fn abbreviated_places(context: &Context<'_>, clause: &Range<usize>) -> Vec<Participant> {
    let text = &context.text[clause.clone()];
    if !may_hold_cjk(text) {
        return Vec::new();
    }
    ABBREVIATED_COOPERATION
        .captures_iter(text)
        .filter_map(|found| found.get(1))
        // "研究《…政协"京蒙协作 政协助力"工作方案》": a title names what the document is about,
        // not who acted.
        .filter(|run| !inside_a_title_or_quote(&text[..run.start()]))
        .find_map(|run| {
            // The longest tail of the run that reads as places: "推进深港合作" is 深港's. A tail
            // that spells a name (京津冀, the region) is that name, and so are its tails.
            for (at, _) in run.as_str().char_indices() {
                let tail = &run.as_str()[at..];
                if tail.chars().count() < 2 || !places_joined_in(tail, context.gazetteer).is_empty()
                {
                    return None;
                }
                if let Some(parties) = abbreviation_parties(context, tail) {
                    return Some(parties);
                }
            }
            None
        })
        .unwrap_or_default()
}

/// Whether a 《 or “ before the end of `before` is still open there — except the title of a
/// document just signed ("签署《深化粤港澳合作…协议》"), which names its signers.
fn inside_a_title_or_quote(before: &str) -> bool {
    [('《', '》'), ('“', '”')].iter().any(|&(open, close)| {
        still_open(before, open, close).is_some_and(|at| {
            !["签署", "签订", "签约", "签署了", "签订了"]
                .iter()
                .any(|verb| before[..at].ends_with(verb))
        })
    })
}

/// Where in `before` an `open` mark not yet closed stands. A title or a quote is short: only
/// the last few hundred bytes are looked at, so a clause of thousands of marks stays linear.
pub fn still_open(before: &str, open: char, close: char) -> Option<usize> {
    let from = before.floor_char_boundary(before.len().saturating_sub(TITLE_BYTES));
    let at = from + before[from..].rfind(open)?;
    (!before[at..].contains(close)).then_some(at)
}

/// How far back a title or quote that is still open is looked for.
const TITLE_BYTES: usize = 300;

/// The members a Chinese group word names right before it: "珠海、澳门两地", "汉中巴中两市",
/// "深港双方". The places listed up to the word (joined by 、, 和, 与, 及 or nothing), else a
/// run of abbreviations ending at it; only as many as the word counts.
pub fn members_before_group(
    context: &Context<'_>,
    clause: &Range<usize>,
    group: &Range<usize>,
    size: usize,
) -> Vec<Participant> {
    let mut listed: Vec<Participant> = Vec::new();
    let mut end = group.start;
    let before = starting_in(context.places, &(clause.start..group.start), |place| {
        place.range.start
    });
    for mention in before.iter().rev() {
        let Some(joiner) = context.text.get(mention.range.end..end) else {
            break;
        };
        if !matches!(joiner, "" | "、" | "和" | "与" | "及" | "同")
            || (listed.is_empty() && !joiner.is_empty())
        {
            break;
        }
        add_distinct(
            &mut listed,
            Participant {
                name: mention.name.clone(),
                entry: mention.entry,
            },
        );
        end = mention.range.start;
    }
    listed.reverse();
    if listed.len() == size {
        return listed;
    }
    if !listed.is_empty() {
        return Vec::new();
    }
    let run_start = context.text[clause.start..group.start]
        .char_indices()
        .rev()
        .nth(3)
        .map_or(clause.start, |(offset, _)| clause.start + offset);
    let abbreviated = abbreviated_places(context, &(run_start..group.end));
    if abbreviated.len() == size {
        abbreviated
    } else {
        Vec::new()
    }
}

/// The places a run of abbreviations names, when every character names a distinct one (the
/// caller has checked that the run does not spell a place's own name: 辽宁 is Liaoning, not
/// 辽 and 宁).
fn abbreviation_parties(context: &Context<'_>, run: &str) -> Option<Vec<Participant>> {
    let read: Vec<(char, bool, Option<EntryId>)> = run
        .chars()
        .map(|c| {
            if PROVINCE_ABBREVIATIONS.iter().any(|(short, _)| *short == c) {
                (c, true, province_by_abbreviation(context, c))
            } else {
                (c, false, city_by_first_character(context, c))
            }
        })
        .collect();
    // "深赣对口合作" on a page that names 赣州: beside a city, a province's character is the
    // city the page names that begins with it.
    let beside_a_city = read.iter().any(|(_, province, _)| !province);
    let mut parties: Vec<Participant> = Vec::new();
    for (c, province, entry) in read {
        let entry = if province && beside_a_city {
            city_by_first_character(context, c).or(entry)
        } else {
            entry
        }
        .and_then(|id| context.gazetteer.entry(id))?;
        if parties.iter().any(|party| party.entry == Some(entry.id)) {
            return None;
        }
        parties.push(Participant {
            name: entry.base.clone(),
            entry: Some(entry.id),
        });
    }
    (parties.len() >= 2).then_some(parties)
}

/// Cities that go by a character of their old names rather than of their names ("来穗考察":
/// 穗城, Guangzhou; 榕城 Fuzhou; 蓉城 Chengdu; 甬 Ningbo; 邕 Nanning; 筑 Guiyang; 鹭岛 Xiamen;
/// 鹏城 Shenzhen) — the standard short forms Chinese news uses.
const CITY_NICKNAMES: &[(char, &str)] = &[
    ('穗', "广州市"),
    ('榕', "福州市"),
    ('蓉', "成都市"),
    ('甬', "宁波市"),
    ('邕', "南宁市"),
    ('筑', "贵阳市"),
    ('鹭', "厦门市"),
    ('鹏', "深圳市"),
];

/// The city `c` is the standard short form of (see [`CITY_NICKNAMES`]).
fn city_by_nickname(context: &Context<'_>, c: char) -> Option<EntryId> {
    let (_, name) = CITY_NICKNAMES.iter().find(|(short, _)| *short == c)?;
    context
        .gazetteer
        .entries()
        .iter()
        .find(|entry| entry.level == Level::Prefecture && entry.name_zh == *name)
        .map(|entry| entry.id)
}

/// The provincial unit whose one-character name `c` is ("湘": Hunan).
fn province_by_abbreviation(context: &Context<'_>, c: char) -> Option<EntryId> {
    let (_, full) = PROVINCE_ABBREVIATIONS
        .iter()
        .find(|(short, _)| *short == c)?;
    places_joined_in(full, context.gazetteer)
        .first()
        .and_then(|place| place.entry)
}

/// The one place named on the page whose Chinese name begins with `c`.
fn city_by_first_character(context: &Context<'_>, c: char) -> Option<EntryId> {
    city_whose_name(context, |name| name.starts_with(c))
}

/// The one city or county the page names whose Chinese name fits `fits`.
fn city_whose_name(context: &Context<'_>, fits: impl Fn(&str) -> bool) -> Option<EntryId> {
    let mut found = context.page_cities().iter().copied().filter(|&id| {
        context
            .gazetteer
            .entry(id)
            .is_some_and(|entry| fits(&entry.name_zh))
    });
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// "来堰考察" (十堰), "来足考察" (大足): a two-character name shortened to its last character,
/// when no page place begins with it.
fn city_by_last_character(context: &Context<'_>, c: char) -> Option<EntryId> {
    city_whose_name(context, |name| {
        let base = name.trim_end_matches(['市', '区', '县']);
        base.chars().count() == 2 && base.ends_with(c)
    })
}

/// The place whose delegation a clause names: "the Macao Special Administrative Region
/// (MSAR) Government delegation", "a delegation from Hunan Province", "Hong Kong's delegation".
pub fn delegation_of(context: &Context<'_>, clause: &Range<usize>) -> Option<Participant> {
    let text = &context.text[clause.clone()];
    if !text.contains("delegation") {
        return None;
    }
    mentions_in(context, clause)
        .filter(|place| !is_region(place, context.gazetteer))
        .find(|place| {
            let after = &context.text[place.range.end..clause.end];
            let before = tail(&context.text[clause.start..place.range.start], 48);
            DELEGATION_AFTER_PLACE.is_match(after) || DELEGATION_BEFORE_PLACE.is_match(before)
        })
        .map(|place| Participant {
            name: place.name.clone(),
            entry: place.entry,
        })
}

static DELEGATION_AFTER_PLACE: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"^(?:'s|’s)?(?:\s+[A-Za-z()]+){0,6}?\s+delegation(?-u:\b)"));

static DELEGATION_BEFORE_PLACE: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"(?-u:\b)delegation (?:from|of) (?:the )?$"));

/// "率团来绍考察", "来深考察交流", "来堰考察": a delegation came to the city the page names
/// whose name begins (or, for a two-character name, ends) with that character, or whose
/// standard short form it is ("来穗考察": Guangzhou), or else to the province whose
/// one-character name it is ("来湘考察": Hunan) — a party of the visit.
pub fn abbreviated_destination(
    context: &Context<'_>,
    clause: &Range<usize>,
) -> Option<Participant> {
    let text = &context.text[clause.clone()];
    if !may_hold_cjk(text) {
        return None;
    }
    let c = CAME_TO_ABBREVIATED
        .captures(text)?
        .get(1)?
        .as_str()
        .chars()
        .next()?;
    let entry = city_by_first_character(context, c)
        .or_else(|| city_by_last_character(context, c))
        .or_else(|| city_by_nickname(context, c))
        .or_else(|| province_by_abbreviation(context, c))
        .and_then(|id| context.gazetteer.entry(id))?;
    Some(Participant {
        name: entry.base.clone(),
        entry: Some(entry.id),
    })
}

static CAME_TO_ABBREVIATED: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"(?:来|赴|到)(\p{Han})(?:考察|调研|交流|访问|学习|对接|开展)"));

static ABBREVIATED_COOPERATION: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(\p{Han}{2,4}?)(?:(?:两地|三地|四地|东西部)?(?:扶贫|战略)?(?:合作|协作|协同|对口|帮扶|一体化|联席|携手|联动|交流)|双方|东西部|[两三四][地市省区县])",
    )
});

/// The words before a region that make it the act's topic or venue, not its parties.
static REGION_AS_TOPIC: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:in|into|to|across|throughout|within|for|from|with|outside)(?: the)? $|(?:在|推进|推动|融入|服务|参与|深入推进|深化)$",
    )
});

/// "Since the signing of the “Agreement on … the Shenzhen-Harbin Industrial Park” in May
/// 2019", "签署了《北京市人民政府河北省人民政府关于…的协议》": the places that open a quoted
/// agreement's title, joined by a dash, "与" or a government's name, are the parties who signed
/// it — when the clause names none otherwise.
pub fn titled_parties(context: &Context<'_>, clause: &Range<usize>) -> Vec<Participant> {
    context
        .spans
        .quoted_within(clause)
        .iter()
        .filter(|quote| {
            AGREEMENT_TITLE.is_match(&context.text[(*quote).clone()].to_ascii_lowercase())
        })
        .map(|quote| {
            // The page's own reading of the places in the title (not every word a name
            // spells: 合作 is no city here).
            let mentions: Vec<&PlaceMention> =
                starting_in(context.places, quote, |place| place.range.start)
                    .iter()
                    .filter(|mention| mention.range.end <= quote.end)
                    .filter(|mention| !is_region(mention, context.gazetteer))
                    .collect();
            // "the Shenzhen-Harbin Industrial Park", read as one name: the pair it joins.
            if let [compound] = mentions.as_slice()
                && compound.entry.is_none()
                && compound.name.contains(['-', '–'])
            {
                let mut joined: Vec<Participant> = Vec::new();
                for member in &places_joined_in(&compound.name, context.gazetteer) {
                    add_distinct(&mut joined, named_for(member, true, context.gazetteer));
                }
                return joined;
            }
            let mut joined: Vec<Participant> = Vec::new();
            for pair in mentions.windows(2) {
                let between = context.text.get(pair[0].range.end..pair[1].range.start);
                if !between.is_some_and(|between| TITLE_JOINT.is_match(between)) {
                    if joined.is_empty() {
                        continue;
                    }
                    break;
                }
                // "the Shenzhen-Harbin Industrial Park": the park is named for the pair, whose
                // second place carries the park's head words.
                let dashed = between.is_some_and(|between| between.trim().chars().count() == 1);
                for mention in pair {
                    add_distinct(&mut joined, named_for(mention, dashed, context.gazetteer));
                }
            }
            joined
        })
        .find(|joined| joined.len() >= 2)
        .unwrap_or_default()
}

/// Adds `party` to `parties` unless one of them is the same party.
fn add_distinct(parties: &mut Vec<Participant>, party: Participant) {
    if !parties.iter().any(|known| same_party(known, &party)) {
        parties.push(party);
    }
}

/// A place of a dashed pair as a party: a zone's head words after its place's name ("Harbin
/// Industrial Park") name the zone the pair built, not the party — the place itself is.
fn named_for(mention: &PlaceMention, dashed: bool, gazetteer: &Gazetteer) -> Participant {
    let place = dashed
        .then(|| place_a_zone_is_named_for(&mention.name, gazetteer))
        .flatten();
    match place {
        Some(inner) => Participant {
            name: inner.name,
            entry: inner.entry,
        },
        None => Participant {
            name: mention.name.clone(),
            entry: mention.entry,
        },
    }
}

/// The word that makes a quoted title an agreement's.
static AGREEMENT_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(r"(?-u:\b)(?:agreement|memorandum|framework|accord)(?-u:\b)|协议|备忘录|协定|合作书")
});

/// What joins the parties at the head of an agreement's title: "Shenzhen-Harbin", "A与B",
/// "A人民政府B人民政府", "A and B".
static TITLE_JOINT: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"^(?:\s*[-–—/、·]\s*|\s+and\s+|(?:人民政府|政府)?(?:与|和|同)?)$"));

/// The place mentions that lie wholly in `clause`, outside quoted titles.
fn mentions_in<'a>(
    context: &'a Context<'_>,
    clause: &'a Range<usize>,
) -> impl Iterator<Item = &'a PlaceMention> + 'a {
    starting_in(context.places, clause, |place| place.range.start)
        .iter()
        .filter(move |place| {
            place.range.end <= clause.end
                && !context.spans.in_quotes(&place.range)
                && !names_a_disaster(&context.text[place.range.end..])
        })
}

/// "the Wenchuan earthquake", "汶川地震": a place that names a disaster is where it struck, not
/// a side of the act told beside it (it stays among the page's places).
fn names_a_disaster(after: &str) -> bool {
    let after = &after[..after.floor_char_boundary(16)];
    let lower = after.to_ascii_lowercase();
    [
        " earthquake",
        " quake",
        "-quake",
        "地震",
        "特大地震",
        "大地震",
    ]
    .iter()
    .any(|word| lower.starts_with(word))
}

/// Every distinct place a clause names that could be a party (no regions, no venues, no
/// datelines, no containers that only locate another), whatever its verbs: what a later
/// "the two cities" can refer back to.
pub fn named_places(context: &Context<'_>, clause: &Range<usize>) -> Vec<Party> {
    let mut found: Vec<Party> = Vec::new();
    for place in mentions_in(context, clause) {
        let before = tail(&context.text[clause.start..place.range.start], 48);
        let after = &context.text[place.range.end..clause.end];
        if is_region(place, context.gazetteer)
            || is_venue(before)
            || is_dateline(context.text, clause, place)
            || locates_a_town(before, after)
            || locates_a_zone(context, place)
        {
            continue;
        }
        found.push(Party::of_place(place));
    }
    let mut found = distinct_parties(found);
    drop_locating_containers(context, &mut found);
    found
}

/// "湖南省委书记许达哲,江西省委副书记、省长易炼红出席并讲话": the places whose officials attend,
/// named in the clauses after a meeting up to the one that says they attended — the parties of
/// a meeting its own clause names only as a venue ("…推进大会在湖南醴陵召开").
pub fn officials_attending(
    context: &Context<'_>,
    following: &[Range<usize>],
) -> Option<(Vec<Participant>, Range<usize>)> {
    let mut found: Vec<Party> = Vec::new();
    for clause in following.iter().take(ATTENDANCE_CLAUSES) {
        let text = &context.text[clause.clone()];
        // "来自厦门、漳州…等十三市的…参加会议", "上海、杭州…8个城市的代表参会": the places whose
        // representatives attended, listed before them.
        let representatives = ATTENDED_ZH
            .find(text)
            .and_then(|attended| REPRESENTATIVES_ZH.find(&text[..attended.start()]))
            .filter(|found| !text[..found.start()].ends_with("部门"))
            .map(|found| clause.start + found.start());
        for place in mentions_in(context, clause) {
            let after = context
                .text
                .get(place.range.end..clause.end)
                .unwrap_or_default();
            let before = tail(&context.text[clause.start..place.range.start], 48);
            // "省政府驻上海办事处": an office stationed in a place is not the place's.
            let represented = representatives.is_some_and(|at| place.range.end <= at)
                && !is_venue(before)
                && !before.ends_with('驻');
            if (OFFICE_AFTER_ZH.is_match(after) || represented)
                && !is_region(place, context.gazetteer)
            {
                found.push(Party::of_place(place));
            }
        }
        if ATTENDED_ZH.is_match(text) {
            let mut found = distinct_parties(found);
            drop_locating_containers(context, &mut found);
            let from = following[0].start..clause.end;
            return (found.len() >= 2).then(|| {
                (
                    found.into_iter().map(|party| party.participant).collect(),
                    from,
                )
            });
        }
    }
    None
}

/// How many clauses after a meeting may list the officials who attended it.
const ATTENDANCE_CLAUSES: usize = 4;

/// An office right after a place's name: its Party committee's or government's head.
static OFFICE_AFTER_ZH: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"^(?:省|市|区|县|州)?(?:委(?:副)?书记|委常委|(?:副)?省长|(?:副)?市长|(?:副)?区长|(?:副)?县长|(?:副)?州长|(?:副)?主席)",
    )
});

/// "的代表", "负责人", "领导嘉宾": those who came for the places named before them (not a
/// department's, "集美区、海沧区等部门负责人", which are the host city's).
static REPRESENTATIVES_ZH: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"的?(?:代表|负责人|负责同志|领导|嘉宾)"));

/// "出席并讲话", "参加会议": the clause says they attended.
static ATTENDED_ZH: LazyLock<Regex> = LazyLock::new(|| compiled(r"出席|参加|参会|与会"));

/// "GUIYANG, Aug. 12 (Xinhua) --", "Hefei, July 23, 2023 –": a place opening the clause before
/// a date names where the story was filed; a place in capitals is a dateline too.
fn is_dateline(text: &str, clause: &Range<usize>, place: &PlaceMention) -> bool {
    let surface = &text[place.range.clone()];
    // "GUIYANG": letters, all capitals (Chinese characters have no case).
    let capitals = surface.len() > 3
        && surface.chars().any(char::is_uppercase)
        && surface.chars().all(|c| !c.is_lowercase());
    let opens = text[clause.start..place.range.start].trim().is_empty();
    // The date follows at once: a few characters are all the anchored patterns need to see.
    let after = &text[place.range.end..clause.end];
    let after = &after[..after.floor_char_boundary(DATELINE_BYTES)];
    capitals
        || (opens && DATE_AFTER_PLACE.is_match(after))
        || (after.starts_with(|c: char| c.is_ascii_digit()) && CHINESE_DATELINE.is_match(after))
        // "本报西藏拉萨电(记者易鹤)": filed from the place, no date given.
        || FILED_FROM.is_match(after)
        // "中国台湾网7月30日琼海消息": the place names the outlet whose credit opens the report.
        || OUTLET_CREDIT.is_match(after)
}

/// An outlet's name ending after a place, then the credit's date: "(中国台湾)网7月30日".
static OUTLET_CREDIT: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"^(?:网|新闻网|日报|晚报)\s*(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日"));

/// How far after a place a dateline's date may end ("September 30" and more).
const DATELINE_BYTES: usize = 40;

/// "新华社沈阳8月13日电", "本报济宁9月28日讯": the place a Chinese report was filed from.
static CHINESE_DATELINE: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"^(?:\d{1,2}月)?\d{1,2}日(?:电|讯)"));

static FILED_FROM: LazyLock<Regex> = LazyLock::new(|| compiled(r"^(?:电|讯)(?:[(（\s]|$)"));

static DATE_AFTER_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(&format!(
        r"(?i)^,?\s*(?:{MONTH_WORDS})\.?\s+\d{{1,2}}(?-u:\b)"
    ))
});

/// Economic regions, rivers, and joined names of areas not in the gazetteer ("the
/// Chengdu-Chongqing economic circle", "the Guangdong-Hong Kong-Macau Greater Bay"): places,
/// never parties.
fn is_region(place: &PlaceMention, gazetteer: &Gazetteer) -> bool {
    let listed_region = place
        .entry
        .or_else(|| place.candidates.first().copied())
        .and_then(|id| gazetteer.entry(id))
        .is_some_and(|entry| entry.level == Level::Region);
    listed_region
        || (place.entry.is_none()
            && place.candidates.is_empty()
            && REGION_HEAD.is_match(&place.name))
}

static REGION_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?i)(?:greater bay(?: area)?|bay area|circle|belt|corridor|region|city cluster|agglomeration)$",
    )
});

/// The stretches after the trigger where partners stand: from the trigger to the first word
/// that turns to the subject matter, and again after each "with" / "between" that follows.
/// A visit's destination may follow "to" or "in" ("a visit to Taiwan", "visited counties in
/// Baoshan City").
fn object_zones(
    text: &str,
    after: Range<usize>,
    kind: EventKind,
    open_at_trigger: bool,
) -> Vec<Range<usize>> {
    let slice = &text[after.clone()];
    let mut zones = Vec::new();
    let mut open = open_at_trigger.then_some(after.start);
    for turn in turns(slice, 0) {
        let word = turn.as_str().to_ascii_lowercase();
        // "is leading a delegation on a four-day visit to Fujian Province": the trip's
        // destination follows "on a … visit".
        let visit_destination = kind == EventKind::Visit
            && (word == "to"
                || word == "in"
                || (word == "on" && ON_A_VISIT.is_match(&slice[turn.end()..])));
        if visit_destination && zones.is_empty() {
            continue;
        }
        // "会见座谈后，安徽省与山南市代表团进行了对接": the trigger only dates the main act,
        // whose partners come after the comma.
        let comma_at = turn.end() - turn.as_str().chars().next_back().map_or(0, char::len_utf8);
        if zones.is_empty() && is_comma(&word) && ends_a_time_phrase(&slice[..comma_at]) {
            continue;
        }
        if let Some(start) = open.take() {
            zones.push(start..after.start + turn.start());
        }
    }
    if let Some(start) = open {
        zones.push(start..after.end);
    }
    // Partners introduced again by "with" or "between" after a turn.
    let mut search = 0;
    while let Some(found) = PARTNER_WORDS.find_at(slice, search) {
        search = found.end();
        let head = &slice[..found.end()];
        if PARTNER_TURN.is_match(head) {
            let start = after.start + found.end();
            let end = turns(slice, found.end())
                .next()
                .map_or(after.end, |turn| after.start + turn.start());
            if start < end {
                zones.push(start..end);
            }
        }
    }
    // "attracting over 150 representatives from member cities including Hangzhou, Huzhou …":
    // those who came to a meeting are its parties, listed as far as the next turn.
    if kind == EventKind::Meeting {
        for found in ATTENDEES.find_iter(slice) {
            let start = after.start + found.end();
            let end = turns(&slice[found.end()..], 0)
                .find(|turn| !LIST_WORDS.is_match(turn.as_str()))
                .map_or(after.end, |turn| start + turn.start());
            if start < end {
                zones.push(start..end);
            }
        }
    }
    zones
}

/// "，" or a Chinese character's "," (pages that type Latin commas in Chinese text).
fn is_comma(turn: &str) -> bool {
    turn == "，" || turn.ends_with(',')
}

/// "会见后，", "签约仪式前，", "座谈会上，", "在…举办的研讨会上，": a time or occasion phrase
/// that the trigger opens a clause with — it names the occasion, and the act's partners come
/// after the comma. A time word must follow the trigger closely; "at the meeting" may end a
/// longer phrase.
fn ends_a_time_phrase(between: &str) -> bool {
    let between = between.trim_end_matches(['了', ' ']);
    let length = between.chars().count();
    (length <= 4
        && ["后", "前", "时", "中", "期间", "之际"]
            .iter()
            .any(|word| between.ends_with(word)))
        || (length <= 40
            && ["会上", "式上", "坛上", "典上"]
                .iter()
                .any(|word| between.ends_with(word)))
}

/// "the efforts of", "cooperation between": the words before those who cooperate.
static COOPERATORS: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?i)(?-u:\b)(?:efforts|cooperation|co-operation|collaboration|integration|partnership|ties|exchanges|strengths|advantages|resources) (?:of|between|among) (?:the )?",
    )
});

/// The stretches after `COOPERATORS` words, as far as the next turn of topic.
fn cooperators(text: &str, after: Range<usize>) -> Vec<Range<usize>> {
    let slice = &text[after.clone()];
    COOPERATORS
        .find_iter(slice)
        .filter_map(|found| {
            let start = after.start + found.end();
            let end = turns(slice, found.end())
                .next()
                .map_or(after.end, |turn| after.start + turn.start());
            (start < end).then_some(start..end)
        })
        .collect()
}

/// "representatives from", "delegations of": who came, before their places.
static ATTENDEES: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?i)(?-u:\b)(?:representatives|delegates|delegations|officials|leaders|mayors|governors|heads)\s+(?:[\w-]+\s+){0,4}?(?:from|of)\s+",
    )
});

/// "including", "such as": turns that go on listing.
static LIST_WORDS: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"(?i)^(?:including|such as|in|at|of)$"));

static PARTNER_WORDS: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"(?i)(?-u:\b)(?:with|between|among|by)\s+(?:the\s+)?"));

/// Drops a place that contains another party of the clause: it says where that party lies
/// ("Shanghai's Qingpu", "Qingpu District of Shanghai", "Nansha New Area (Guangzhou)",
/// "four districts of Guangzhou, capital of Guangdong Province"), it is not a party beside it.
fn drop_locating_containers(context: &Context<'_>, parties: &mut Vec<Party>) {
    let candidates = |party: &Party| -> Vec<EntryId> {
        match party.participant.entry {
            Some(entry) => vec![entry],
            None => party.candidates.clone(),
        }
    };
    // A clause naming hundreds of places (a list, a page without sentences) is not read for
    // containers: the test is quadratic in the clause's places.
    if parties.len() > MAX_CONTAINER_CHECK {
        return;
    }
    let ids: Vec<Vec<EntryId>> = parties.iter().map(candidates).collect();
    let contains_another = |container: EntryId| {
        ids.iter()
            .flatten()
            .any(|&id| id != container && context.gazetteer.contains(container, id))
    };
    // "Changchun and Jilin have signed": a name joined by "and" to the place before it, which
    // lies inside its reading (the province), is its other reading (the city), when it has one
    // that contains no party.
    for index in 0..parties.len() {
        let Some(container) = parties[index].participant.entry else {
            continue;
        };
        let inside_before = index.checked_sub(1).is_some_and(|before| {
            candidates(&parties[before])
                .iter()
                .any(|&id| id != container && context.gazetteer.contains(container, id))
        });
        if !inside_before || !coordinated(context.text, parties, index) {
            continue;
        }
        let Some(base) = context.gazetteer.entry(container).map(|entry| &entry.base) else {
            continue;
        };
        let other = context
            .gazetteer
            .entries()
            .iter()
            .find(|entry| {
                &entry.base == base && entry.id != container && !contains_another(entry.id)
            })
            .map(|entry| entry.id);
        if let Some(other) = other {
            parties[index].participant.entry = Some(other);
        }
    }
    drop_bracketed_members(context, parties);
    // An ambiguous party lies in a container only when every reading does: "到河北、天津" does
    // not say Tianjin contains Hebei, whose readings include Tianjin's Hebei District.
    let ids: Vec<Vec<EntryId>> = parties.iter().map(candidates).collect();
    let contains_another = |container: EntryId| {
        ids.iter().any(|readings| {
            !readings.is_empty()
                && readings
                    .iter()
                    .all(|&id| id != container && context.gazetteer.contains(container, id))
        })
    };
    let containing: Vec<bool> = parties
        .iter()
        .map(|party| party.participant.entry.is_some_and(&contains_another))
        .collect();
    let mut flags = containing.into_iter();
    parties.retain(|_| !flags.next().unwrap_or(false));
}

/// "松江区·昭通市(昭阳区、镇雄县、彝良县、威信县)联席会议": divisions in brackets right after a
/// place that contains them say which of its parts take part; the place named is the party.
/// (A zone in brackets, "黄埔区(广州开发区)", is the same body's other name: both stay for
/// the container rule to choose.)
fn drop_bracketed_members(context: &Context<'_>, parties: &mut Vec<Party>) {
    const MAX_BRACKET_BYTES: usize = 400;
    let mut inside = vec![false; parties.len()];
    for (index, party) in parties.iter().enumerate() {
        let Some(container) = party.participant.entry else {
            continue;
        };
        // A list of parts fits in a few hundred bytes; no bracket is searched for further.
        let rest = context.text.get(party.range.end..).unwrap_or_default();
        let rest = &rest[..rest.floor_char_boundary(MAX_BRACKET_BYTES)];
        let Some(open) = ['(', '（']
            .into_iter()
            .find(|&bracket| rest.starts_with(bracket))
        else {
            continue;
        };
        let Some(close) = rest.find([')', '）']) else {
            continue;
        };
        let bracket = party.range.end + open.len_utf8()..party.range.end + close;
        for (other, member) in parties.iter().enumerate() {
            inside[other] |= other != index
                && bracket.contains(&member.range.start)
                && member.participant.entry.is_some_and(|id| {
                    context.gazetteer.contains(container, id)
                        && context
                            .gazetteer
                            .entry(id)
                            .is_some_and(|entry| entry.level != Level::Zone)
                });
        }
    }
    let mut flags = inside.into_iter();
    parties.retain(|_| !flags.next().unwrap_or(false));
}

/// Whether the party at `index` is joined to the party before it by "and" (or 和, 与, 、):
/// named beside it, not saying where it lies.
fn coordinated(text: &str, parties: &[Party], index: usize) -> bool {
    index
        .checked_sub(1)
        .and_then(|before| text.get(parties[before].range.end..parties[index].range.start))
        .is_some_and(|between| matches!(between, " and " | "和" | "与" | "、"))
}

/// How many parties a clause may have for its containers to be looked for.
const MAX_CONTAINER_CHECK: usize = 64;

/// The items (sorted by start) that start inside `range`, found by binary search: per clause
/// this costs the clause's own mentions, not the article's, so a long report stays linear.
pub fn starting_in<'a, T>(
    items: &'a [T],
    range: &Range<usize>,
    start: impl Fn(&T) -> usize,
) -> &'a [T] {
    let from = items.partition_point(|item| start(item) < range.start);
    let to = items.partition_point(|item| start(item) < range.end);
    items.get(from..to.max(from)).unwrap_or_default()
}

/// The last `chars` characters of `text` (what stands right before a mention).
fn tail(text: &str, chars: usize) -> &str {
    let start = text.char_indices().rev().nth(chars).map_or(0, |(at, _)| at);
    &text[start..]
}

/// The first of each party, in order ([`same_party`] in one pass with sets of keys, so a
/// clause listing thousands of places stays linear).
fn distinct_parties(parties: Vec<Party>) -> Vec<Party> {
    use std::collections::HashSet;
    let mut entries: HashSet<EntryId> = HashSet::new();
    let mut names: HashSet<String> = HashSet::new();
    let mut unlinked_names: HashSet<String> = HashSet::new();
    let mut kept = Vec::with_capacity(parties.len());
    for party in parties {
        let name = party.participant.name.to_lowercase();
        let duplicate = match party.participant.entry {
            Some(entry) => entries.contains(&entry) || unlinked_names.contains(&name),
            None => names.contains(&name),
        };
        if duplicate {
            continue;
        }
        match party.participant.entry {
            Some(entry) => {
                entries.insert(entry);
            }
            None => {
                unlinked_names.insert(name.clone());
            }
        }
        names.insert(name);
        kept.push(party);
    }
    kept
}

/// Whether two participants are the same party: the same entry, else the same name.
pub fn same_party(a: &Participant, b: &Participant) -> bool {
    match (a.entry, b.entry) {
        (Some(x), Some(y)) => x == y,
        _ => a.name.eq_ignore_ascii_case(&b.name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_of_fixed_members_is_a_zone_and_its_members_are_provinces_or_cities() {
        let gazetteer = Gazetteer::bundled();
        assert!(!MEMBERS.is_empty());
        for (key, members) in MEMBERS.iter() {
            assert!(
                gazetteer.entries().iter().any(|entry| entry.code == *key),
                "{key} is not in zones.tsv"
            );
            let found = places_joined_in(members, gazetteer);
            assert_eq!(found.len(), members.split(", ").count(), "{key}: {members}");
            for member in found {
                let level = member
                    .entry
                    .and_then(|id| gazetteer.entry(id))
                    .map(|e| e.level);
                // A city cluster's members are its prefecture-level cities (长株潭).
                assert!(
                    matches!(level, Some(Level::Province | Level::Prefecture)),
                    "{key}: {}",
                    member.name
                );
            }
        }
    }
}
