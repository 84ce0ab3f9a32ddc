//! The words that report a cooperation act, and the words that say a clause is not a report
//! of one (a plan, background, a reference back to an earlier signing).
//!
//! All patterns run on the lower-cased clause.
//!
//! Long because it is the vocabulary itself — each kind's English and Chinese patterns and guards
//! side by side, so precedence is seen at once — and its tests (about 240).

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::gazetteer::{Level, may_hold_cjk, may_hold_latin};
use crate::model::EventKind;
use crate::pattern::compiled;

/// Where a clause reports an act, and which kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Trigger {
    /// The kind of act.
    pub kind: EventKind,
    /// Byte offset of the trigger words in the clause.
    pub start: usize,
    /// Byte offset just after them.
    pub end: usize,
}

static AGREEMENT: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:signed|countersigned|inked|concluded|entered into|reached an? (?:[0-9A-Za-z_]+ ){0,3}(?:agreement|consensus|framework)|(?:agreement|consensus|framework|deal|pact) (?:was|were) reached|sign up to|signed up to|held an? (?:[0-9A-Za-z_-]+ ){0,3}signing (?:event|ceremony)|(?:issued|published|released) (?:a |an |the )?(?:joint )?(?:[0-9A-Za-z_-]+ ){0,3}?declaration|declaration[”\x22]? (?:was|were) (?:jointly )?(?:issued|published|released|signed))(?-u:\b)|, signing (?:a|an|the|two|three|several) (?:[0-9A-Za-z_-]+ ){0,5}(?:agreements?|pacts?|memorand(?:um|a|ums)|mous?|deals?|accords?)(?-u:\b)",
    )
});
/// "witnessed the signing of", "the signing ceremony": a signing named, not told — the verb
/// of the clause, when it has one, says better where the parties stand.
static AGREEMENT_NOUN: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"(?-u:\b)signing (?:of|ceremony)(?-u:\b)"));
static ALLIANCE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:alliance|consortium|union)(?-u:\b)[^.;]*(?-u:\b)(?:launched|established|set up|founded|formed|inaugurated|unveiled|initiated)(?-u:\b)|(?-u:\b)(?:launched|launch|established|set up|founded|formed|form|inaugurated|unveiled|initiated|launching ceremony|unveiling ceremony|joined)(?-u:\b)[^.;]*(?-u:\b)(?:alliance|consortium|union)(?-u:\b)",
    )
});
static VISIT: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:visited|visits|paid (?:a|an|an official|a working) visit(?: to)?|(?:led|leads|is leading|was leading|headed|heads) (?:a|an|the) (?:[0-9A-Za-z_()'’-]+ ){0,7}delegation|led (?:a|an) (?:[0-9A-Za-z_-]+ ){0,2}(?:team|group) to|delegation(?-u:\b)[^.;]{0,80}(?-u:\b)(?:visit|visited|went|arrived|came|inspects|inspected|toured)|(?:study|inspection|investigation|working|business|research|fact-finding|exchange) (?:tour|trip|visit)s?(?: (?:to|in))?|(?:visit|trip|tour) (?:to|in)|met (?:in [0-9A-Za-z_ ]{1,20} )?with (?:a|an|the) (?:[0-9A-Za-z_'-]+ ){0,6}delegation|received (?:a|an|the) (?:[0-9A-Za-z_'-]+ ){0,6}delegation|inspected|(?:has|have|had) been to|went to [0-9A-Za-z_ ]{1,60} (?:to|for) (?:study|investigate|investigation|inspect|inspection|visit|research|exchange|discuss|talks))",
    )
});
static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:agreed to|agreed on|reached (?:a |an )?(?:[0-9A-Za-z_]+ )?consensus)(?-u:\b)|(?-u:\b)(?:held|convened|hosted|co-hosted|co-chaired|chaired|jointly held|attended)(?-u:\b)[^.;]*(?-u:\b)(?:conference|meeting|forum|symposium|summit|talks|seminar|event|ceremony|dialogue|session|fair|discussion|activity|activities)(?-u:\b)|(?-u:\b)(?:in|at|during) (?:a|the|their) (?:[a-z-]+ )?meeting (?:between|with)(?-u:\b)|(?-u:\b)(?:conference|meeting|forum|symposium|summit|talks|seminar|ceremony|session|discussion|dialogue)(?-u:\b)[^.;]*(?-u:\b)(?:held|took place|takes place|opened|kicked off|convened|co-hosted|co-chaired)(?-u:\b)|(?-u:\b)(?:gathered for|gathered in|gathered at|took part in|participated in|held talks)(?-u:\b)|(?-u:\b)(?:attended|were present)(?: the (?:meeting|event|ceremony|conference|forum))?\s*\.?\s*$|(?-u:\b)officiat(?:ed|es|e|ing) at (?:the|a|an) (?:[0-9A-Za-z_'’()-]+ ){0,8}?(?:ceremony|reception|opening|launch|forum|conference|meeting)(?-u:\b)|(?-u:\b)(?:addressed|addresses|spoke at|speaks at|(?:delivered|delivers|gave|gives) (?:a |an |the )?(?:keynote )?(?:speech|address) at) (?:the|a|an) (?:[0-9A-Za-z_'’-]+ ){0,3}(?:ceremony|forum|conference|meeting|symposium|summit|seminar)(?-u:\b)|(?-u:\b)(?:at|during) the (?:[0-9A-Za-z_-]+ ){0,4}(?:meeting|conference|forum|symposium) (?:on|of) (?:[0-9A-Za-z_'’-]+ |[–-] ){1,4}(?:cooperation|co-operation|collaboration)(?-u:\b)",
    )
});
/// "Chief Executive Carrie Lam met Hebei Governor Xu Qin", "Mrs Lam met with the Governor of
/// Hainan Province": an official meeting another place's official holds a meeting of the two
/// places (a host meeting a visiting delegation is the delegation's visit: see `VISIT`).
/// "met the Governor of …", "met, in Nanjing, Jiangsu Province, with the Secretary of …", "had
/// meetings with the Vice Governor …", "met with Chen Anming, the city's Party secretary, and
/// …", "meets Shaanxi Vice-Governor Wei Zengjun", "met with leading officials of Guangzhou",
/// "at a meeting with the mayor", "attended a dinner hosted by the Governor".
static MEETING_AN_OFFICIAL: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:(?:met|meets),? (?:in [^,.;]{1,40}?, (?:[^,.;]{1,40}?, )?|in [^,.;]{1,40}? with )?(?:with )?|(?:had|held) (?:a |separate )?(?:meetings?|talks) with )(?:the )?(?:[0-9A-Za-z_'’()-]+,? ){0,8}?(?:vice-)?(?:governor|mayor|(?:party )?secretary|chairman|chairwoman|chief executive|magistrate|party chief|member of the standing committee)(?-u:\b)|(?-u:\b)met (?:with )?(?:the )?(?:leading |senior |key |principal |top )?(?:officials|leaders) of(?-u:\b)|(?-u:\b)(?:at|in|during|following|after) a (?:[0-9A-Za-z_-]+ ){0,2}meeting (?:[^.;]{0,60}? )?(?:with|between) (?:the )?(?:[0-9A-Za-z_'’()-]+ ){0,5}?(?:governor|mayor|(?:party )?secretary|chairman|chairwoman|chief executive|magistrate|officials|leaders)(?-u:\b)|(?-u:\b)(?:attended|hosted|held|gave) an? (?:[0-9A-Za-z_-]+ ){0,2}(?:lunch|luncheon|dinner|banquet) (?:hosted by|with|for) (?:the )?(?:[0-9A-Za-z_'’()-]+ ){0,5}?(?:governor|mayor|(?:party )?secretary|chairman|chairwoman|chief executive|magistrate|officials|leaders)(?-u:\b)",
    )
});
/// "He, Chief Executive of Macao, and Li, Chief Executive of Hong Kong, met on the 2nd": two
/// officials who met (tried only on clauses that say " met": the lazy gaps are costly).
static OFFICIALS_MET: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:governor|mayor|(?:party )?secretary|chairman|chairwoman|chief executive|magistrate|party chief)(?-u:\b)[^.;]*? and (?:[^.;]*? )?(?:governor|mayor|(?:party )?secretary|chairman|chairwoman|chief executive|magistrate|party chief)(?-u:\b)[^.;]*? met(?-u:\b)",
    )
});
static OTHER: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:jointly|together) (?:[0-9A-Za-z_]+ ){0,2}?(?:released|launched|built|established|set up|inaugurated|unveiled|created|issued|opened|hosted|organized|organised|announced)(?-u:\b)|(?-u:\b)co-(?:built|established|sponsored|organized|organised)(?-u:\b)|(?-u:\b)inaugurated(?-u:\b)[^.;]*(?-u:\b)together with(?-u:\b)|(?-u:\b)together with(?-u:\b)[^.;]*(?-u:\b)(?:inaugurated|launched|set up|established|unveiled|released|opened|built)(?-u:\b)|(?-u:\b)(?:established|formed|built|set up) (?:a |an )?(?:[0-9A-Za-z_]+ ){0,2}?(?:cooperation|cooperative|co-operation|partnership|pairing) (?:relationship|relations|partnership|ties|mechanism)(?-u:\b)|(?-u:\b)and [a-z][a-z'-]*(?:, [^,.;]{1,60},)? (?:recently |jointly )*(?:established|set up|launched|unveiled|inaugurated)(?-u:\b)|(?-u:\b)(?:joined|joins) hands with(?-u:\b)|(?-u:\b)establishment of (?:the |a |an )?(?:[0-9A-Za-z_/-]+ ){0,8}?(?:relationship|relations|partnership|mechanism|co-?operation (?:conference|zone))(?-u:\b)|(?-u:\b)co-?operation (?:zone|conference|mechanism) (?:was|were) (?:officially |formally )?(?:established|set up|launched|inaugurated|founded)(?-u:\b)",
    )
});

/// The same acts as Chinese news reports them (read on simplified text: traditional is folded
/// before extraction). No word boundaries in Chinese: the patterns are whole verbs and nouns.
static ALLIANCE_ZH: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?:成立|组建|发起|启动|加入)[^。；，]{0,20}?(?:联盟|共同体)|(?:联盟|共同体)[^。；]{0,12}?(?:成立|揭牌|启动)",
    )
});
static AGREEMENT_ZH: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"签署|签订|签约|签下|缔结|达成[^。；，]{0,20}?(?:协议|共识)"));
static MEETING_ZH: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?:召开|举行|举办|开幕|召集)|(?:座谈|会谈|洽谈)(?:会|活动)?|(?:对接|交流)(?:会|活动|座谈)|(?:进行|开展|深入|考察|座谈|工作)(?:了)?(?:工作)?(?:交流|对接)|对接[^。；，]{0,12}?(?:工作|事宜)|(?:主持|出席)[^。；]{0,30}?会议|合作会议|联席会议|峰会|论坛",
    )
});

static VISIT_ZH: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"考察|调研|会见|走访|拜访|看望|率[^。；，]{0,30}?代表团|代表团[^。；，]{0,20}?(?:赴|到|来|抵)|(?:迎来|迎接|接待)[^。；，]{0,30}?(?:代表团|考察团|调研组|工作组)",
    )
});
static OTHER_ZH: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"共建|揭牌|结对|结为|授牌|共同(?:发布|启动|打造)"));

/// A press conference, in either language.
static PRESS_CONFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(r"发布会|记者会|(?-u:\b)(?:press|news) (?:conference|briefing)(?-u:\b)")
});

/// Plans and wishes: an act not (yet) done.
static PLAN: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:will|would|shall|should|plans? to|planned to|aims? to|aimed to|intends? to|intended to|expected to|going to|to be signed|to be held|hopes?|hoped|strive to|set a goal|set the goal|proposed to|is set to|are set to)(?-u:\b)|将于|将於|将要|即将|必将|将会|将以|将继续|将进一步|拟|计划|(?:规划|计划)(?:在|于|将)|准备|有望|将(?:分别|一同)?(?:签|举|召|共|在|与|和|同|赴|前往|带领|带队|率领|率团|率队|出席|参加|访问|考察|成立|组建|设立|建立|启动|联合|携手)|定于|定於|明天|明日",
    )
});
/// "the tripartite agreement signed on August 16": a reference back to a signing, not a report.
static SIGNED_DOCUMENT: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:agreement|agreements|memorandum|plan|deal|pact|contract|document|documents)\s+(?:that was |which was |they )?signed(?-u:\b)",
    )
});
/// "visited several Shenzhen enterprises": a visit to companies, not to a place's government.
static VISIT_TO_COMPANIES: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:visited|visits|visit|inspected|toured)(?-u:\b)[^.;]{0,60}(?-u:\b)(?:enterprises|companies|firms|factories|projects|plants|workshops|base|bases|exhibition|museum|park|parks|center|centre|port|ports|co\.|ltd|limited|corporation|village|villages)(?-u:\b)",
    )
});
/// "Kunming and Dali signed 19 projects with partners from other provinces", "signed deals
/// with local enterprises": the places each signed with businesses or unnamed partners, not
/// with each other. An abbreviation's full stops ("30 million U.S. dollars worth of … deals")
/// do not end the clause.
static SIGNED_WITH_COMPANIES: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:signed|inked|signs|sign)(?-u:\b)(?:[^.;]|\.(?:[A-Za-z]|\s[a-z])){0,80}?(?-u:\b)with (?:(?:local|chinese|mainland|foreign|overseas|private|some|several|many|various|major|leading|\d+) )*(?:enterprises|companies|firms|businesses|investors|partners|entrepreneurs|merchants|banks)(?-u:\b)",
    )
});
/// "都江堰市、彭州市、青羊区等…与有关企业签署了合作协议": the places each signed with businesses,
/// not with each other.
static SIGNED_WITH_COMPANIES_ZH: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"与(?:有关|相关|当地|多家|一批|部分|知名|重点|[0-9一二三四五六七八九十百几]+家)*(?:企业|公司|客商|投资商|金融机构|银行)(?:代表)?(?:分别)?(?:签署|签订|签约|达成)",
    )
});
/// "led a party and government delegation": a visit's trigger that leads a delegation.
static LED_DELEGATION: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"^(?:led|leads|is leading|was leading|headed|heads) "));

/// "一行先后到前进区现代农业园区、九阳工业园区等实地考察": the sites a delegation toured, told
/// after the visit itself; the parks and districts it names are not its hosts.
static TOUR_OF_SITES_ZH: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?:先后(?:到|前往|深入|走进|来到)|实地(?:考察|调研|察看|查看))[^。；]*?(?:园区|工业园|企业|公司|基地|项目|村)",
    )
});
/// "代表团来汉中市参观考察": the clause that tells the trip itself, whatever sites follow.
static TRIP_ZH: LazyLock<Regex> = LazyLock::new(|| {
    compiled(r"(?:赴|来|到)\p{Han}{1,10}?(?:省|市|县|区|州)(?:参观|考察|调研|学习|开展|对接)")
});

/// Words that mark a clause as background rather than a report of the day's events.
pub static BACKGROUND: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:previously|in the past|since|so far|over the years|in recent years|earlier|history|historically|had signed|have signed|has signed|have entered into|has entered into|have inked|has inked|have concluded|has concluded|have been|has been)(?-u:\b)|以来|自从|此前|曾经|近年来|多年来|先后",
    )
});
/// Whether a lower-cased clause tells of a time before the story's own ("since", "in the
/// past", 自从, 以来), not merely in the perfect ("have signed" may be the day's news).
pub fn looks_back(lower: &str) -> bool {
    // "since it was still in the starting stage": "since" giving a reason looks nowhere.
    LOOKS_BACK
        .find_iter(lower)
        .any(|found| found.as_str() != "since" || !CAUSAL_SINCE.is_match(&lower[found.end()..]))
}

static CAUSAL_SINCE: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"^ (?:it|he|she|there|this|that)(?-u:\b)"));

/// Whether the words before a visit name a national body as the visitor ("a delegation of the
/// CPPCC National Committee", "全国政协").
pub fn national_visitor(before: &str) -> bool {
    NATIONAL_BODY.is_match(before)
}

static NATIONAL_BODY: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:national committee|state council|ministry of)(?-u:\b)|全国政协|全国人大|国务院",
    )
});

/// Whether a Chinese clause tells what has gone on since a time ("自2017年…以来", "自2010年开始").
pub fn dates_background(clause: &str) -> bool {
    may_hold_cjk(clause) && SINCE_CJK.is_match(clause)
}

static SINCE_CJK: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"以来|自\d{4}年[^，,。；]{0,30}?(?:开始|開始|至今)"));

static LOOKS_BACK: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:previously|in the past|since|to date|over the years|in recent years|historically)(?-u:\b)|以来|自从|此前|曾经|近年来|多年来|迄今",
    )
});

/// "the two cities", "both sides", "the three zones": parties named earlier.
pub static GROUP_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:the (two|three|four|five|six|seven|eight|nine|ten|several) (?:[0-9A-Za-z_-]+ )?(?:parties|sides|places|cities|districts|areas|zones|regions|provinces|counties|governments|new areas|municipalities|territories|capitals)|both (?:sides|parties|cities|provinces|places|governments|regions|counties|districts|prefectures|areas)|the (?:[0-9A-Za-z_-]+ )?(?:sides|parties)|they)(?-u:\b)|(?:双方|两地|两市|两区|两县|两省|两岸|三地|三市|三区|三县|三省|三方|四地|四市|四省|四方|各方)",
    )
});
/// "during the visit", "at the meeting", "on the site": the occasion already reported.
pub static OCCASION_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"^(?:also )?(?:during|at|after|on the sidelines of|following) the (?:[0-9A-Za-z_]+ ){0,3}[0-9A-Za-z_]+(?-u:\b)|^on the (?:opening|first|second|third|same|closing|last) day(?-u:\b)|(?-u:\b)on the site(?-u:\b)|(?-u:\b)(?:at|during|after|before) the (?:same )?(?:meeting|event|ceremony|conference|visit|talks|symposium|forum|session|discussion)(?-u:\b)|(?-u:\b)during the event(?-u:\b)|^(?:在)?(?:当天|当日|同日|同一天|会上|期间)|^(?:在)?[^，,。；]{0,12}?(?:会|会议|仪式|活动|论坛|峰会)(?:上|期间)",
    )
});
/// Whether a lower-cased clause refers back to a meeting ("at the meeting", "会上", "座谈会上").
pub fn refers_to_a_meeting(lower: &str) -> bool {
    MEETING_REFERENCE.is_match(lower)
}

static MEETING_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:at|during|after) the (?:meeting|conference|symposium|forum|talks|session)(?-u:\b)|^(?:在)?会上|^(?:在)?[^，,。；]{0,12}?(?:会|会议|论坛|峰会)(?:上|期间)",
    )
});
/// A clause opening with a definite reference to an act already reported.
pub static DEFINITE_ACT: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"^the (?:[0-9A-Za-z_]+ ){0,3}(?:alliance|agreement|conference|meeting|forum|visit|ceremony)(?-u:\b)",
    )
});
static ALLIANCE_WORD: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"(?-u:\b)(?:alliance|consortium)(?-u:\b)"));

/// Words without which no trigger can match: a cheap test that spares most clauses the
/// trigger patterns.
static TRIGGER_WORDS: LazyLock<Option<aho_corasick::AhoCorasick>> = LazyLock::new(|| {
    aho_corasick::AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build([
            "sign",
            "inked",
            "concluded",
            "entered into",
            "reached",
            "agreed",
            "alliance",
            "consortium",
            "union",
            "visit",
            "delegation",
            "tour",
            "trip",
            "inspected",
            "went to",
            "been to",
            "held",
            "convened",
            "hosted",
            "chaired",
            "attended",
            "took place",
            "takes place",
            "opened",
            "kicked off",
            "address",
            "spoke at",
            "officiat",
            "speaks at",
            "gathered",
            "took part",
            "participated",
            "jointly",
            "together",
            "hands with",
            "co-",
            "constructed",
            "built",
            "set up",
            "launched",
            "established",
            "establishment",
            "present",
            "unveiled",
            "released",
            "declaration",
            "inaugurated",
            "created",
            "meeting on",
            "meeting between",
            "meeting with",
            "meeting of",
            "conference on",
            "conference of",
            "forum on",
            "symposium on",
            "met ",
            "met,",
            "meets ",
            "meeting ",
            "meetings",
            "lunch",
            "dinner",
            "banquet",
            "led a",
            "签",
            "缔结",
            "达成",
            "联盟",
            "共同体",
            "召开",
            "举行",
            "举办",
            "开幕",
            "召集",
            "座谈",
            "会谈",
            "洽谈",
            "对接",
            "交流",
            "联席会议",
            "峰会",
            "论坛",
            "考察",
            "调研",
            "会见",
            "走访",
            "拜访",
            "看望",
            "代表团",
            "迎来",
            "迎接",
            "接待",
            "共建",
            "揭牌",
            "结对",
            "结为",
            "授牌",
            "共同",
        ])
        .ok()
});

/// Whether a clause can report an act at all (ASCII case ignored).
pub fn may_report_an_event(text: &str) -> bool {
    TRIGGER_WORDS
        .as_ref()
        .is_none_or(|words| words.is_match(text))
}

/// The act a lower-cased clause reports: the kind of highest precedence among its verbs
/// (an alliance launched by signing is an alliance; a visit at which they signed is an
/// agreement), and where its words stand.
pub fn trigger(lower: &str) -> Option<Trigger> {
    if !may_report_an_event(lower) {
        return None;
    }
    candidate_trigger(lower)
}

/// The act of a lower-cased clause that `may_report_an_event` has already let through (the
/// word check is the costliest step on a clause that reports nothing, and is not done twice).
pub fn candidate_trigger(lower: &str) -> Option<Trigger> {
    let chinese = may_hold_cjk(lower);
    // The English patterns all need a Latin letter: a Chinese clause without one is not
    // scanned for them.
    let latin = may_hold_latin(lower);
    if latin && SIGNED_DOCUMENT.is_match(lower) && !lower.contains(" signed by ") {
        return None;
    }
    // Tried by precedence, highest kind first: the first pattern that holds is the act, and
    // the kinds below it are never scanned (most clauses that report an act report a
    // signing or a meeting).
    let best = [
        (&*ALLIANCE, EventKind::Alliance, false),
        (&*ALLIANCE_ZH, EventKind::Alliance, true),
        (&*AGREEMENT, EventKind::Agreement, false),
        (&*AGREEMENT_NOUN, EventKind::Agreement, false),
        (&*AGREEMENT_ZH, EventKind::Agreement, true),
        (&*MEETING, EventKind::Meeting, false),
        (&*MEETING_AN_OFFICIAL, EventKind::Meeting, false),
        (&*OFFICIALS_MET, EventKind::Meeting, false),
        (&*MEETING_ZH, EventKind::Meeting, true),
        (&*VISIT, EventKind::Visit, false),
        (&*VISIT_ZH, EventKind::Visit, true),
        (&*OTHER, EventKind::Other, false),
        (&*OTHER_ZH, EventKind::Other, true),
    ]
    .into_iter()
    .find_map(|(pattern, kind, for_chinese)| {
        // An English clause is not scanned for the Chinese patterns.
        if (for_chinese && !chinese) || (!for_chinese && !latin) {
            return None;
        }
        if std::ptr::eq(pattern, &*OFFICIALS_MET) && !lower.contains(" met") {
            return None;
        }
        let found = pattern.find(lower)?;
        // "led a delegation from Wuxi to Haidong to conduct a field visit to the projects": a
        // delegation led somewhere before the sites it saw visits that place.
        let led_before_the_sites = |sites: regex::Match<'_>| {
            found.end() <= sites.start() && LED_DELEGATION.is_match(found.as_str())
        };
        if kind == EventKind::Visit
            && ((latin
                && VISIT_TO_COMPANIES
                    .find(lower)
                    .is_some_and(|sites| !led_before_the_sites(sites)))
                || (chinese && TOUR_OF_SITES_ZH.is_match(lower) && !TRIP_ZH.is_match(lower)))
        {
            return None;
        }
        let with_companies = if chinese {
            &*SIGNED_WITH_COMPANIES_ZH
        } else {
            &*SIGNED_WITH_COMPANIES
        };
        if kind == EventKind::Agreement && with_companies.is_match(lower) {
            return None;
        }
        // "met with the delegation headed by the mayor of Shenzhen" receives a visit.
        if std::ptr::eq(pattern, &*MEETING_AN_OFFICIAL)
            && lower[found.start()..].contains("delegation")
        {
            return None;
        }
        // "新一轮浙川东西部协作新闻发布会在杭召开": a press conference announces; the parties do
        // not meet at it.
        if kind == EventKind::Meeting && PRESS_CONFERENCE.is_match(lower) {
            return None;
        }
        Some(Trigger {
            kind,
            start: found.start(),
            end: found.end(),
        })
    })?;
    // The agreement that founds an alliance launches it.
    if best.kind == EventKind::Agreement && ALLIANCE_WORD.is_match(lower) {
        return Some(Trigger {
            kind: EventKind::Alliance,
            ..best
        });
    }
    Some(best)
}

/// Whether a plan or wish is stated before the trigger ("will sign", "plans to visit").
/// Whether a clause tells of a plan anywhere in it.
pub fn plans(lower: &str) -> bool {
    PLAN.is_match(lower)
}

/// "与上海、江苏、浙江举行…", "并与…签署": a Chinese clause that opens without a subject of its
/// own, going on with the one before.
pub fn continues_the_subject(clause: &str) -> bool {
    clause
        .trim_start()
        .starts_with(['与', '和', '同', '并', '还'])
}

pub fn is_plan(lower: &str, trigger: &Trigger) -> bool {
    // "… will enter deep collaboration following the signing of an agreement on June 6": the
    // signing is done, whatever the main clause plans.
    let done = lower[..trigger.start].ends_with("following the ")
        || lower[..trigger.start].ends_with("after the ");
    // "\"We will cooperate …,\" the four departments jointly announced": what they said
    // plans; the saying is done.
    let said = quote_opening(lower)
        .filter(|&end| end <= trigger.start)
        .unwrap_or(0);
    (!done
        && PLAN.find_at(lower, said).is_some_and(|plan| {
            plan.start() < trigger.end
                && !tells_where_it_was_said(&lower[plan.end().min(trigger.start)..trigger.start])
        }))
        || AGREED_TO_ACT.is_match(&lower[trigger.start..])
        || plans_the_named_occasion(lower, trigger)
        || MEANS_ZH.is_match(&lower[..trigger.start])
        // "今年原订9月25日于上海举行": what was scheduled, wherever the clause names it.
        || lower.contains("原订")
        || lower.contains("原定")
}

/// "通过成立“西三角”文旅合作联盟，将有利于…": an act named as the means to an end ("by setting
/// up the alliance, …") is not reported as done.
static MEANS_ZH: LazyLock<Regex> = LazyLock::new(|| {
    compiled(r"通过(?:(?:成立|组建|建立|签署|签订|举办|召开|共建)[^，。；,;]{0,30})?$")
});

/// "Qingdao will deepen cooperation with Hong Kong, according to news released at the
/// Qingdao-Hong Kong … Conference held on Tuesday": the occasion where the plan was told has
/// taken place.
fn tells_where_it_was_said(between: &str) -> bool {
    [
        ", according to ",
        " announced at ",
        " released at ",
        " said at ",
        " unveiled at ",
    ]
    .iter()
    .any(|marker| between.contains(marker))
}

/// Where a quotation that opens the clause ends: "\"We will …,\" they said" (straight or
/// curly quotes).
fn quote_opening(lower: &str) -> Option<usize> {
    let rest = lower.trim_start();
    let open = rest.chars().next().filter(|c| matches!(c, '"' | '“'))?;
    let from = lower.len() - rest.len() + open.len_utf8();
    // A quotation that opens a clause closes within a few hundred bytes, if at all.
    let window = &lower[from..lower.floor_char_boundary((from + 600).min(lower.len()))];
    let close = window.find(['"', '”'])?;
    Some(from + close + 1)
}

/// "「2025上海台北城市论坛」将于12月28日在上海举行", "…论坛定於本年11月30日…举行": Chinese
/// names the occasion first and says after it, before the next comma, that it is still to come.
fn plans_the_named_occasion(lower: &str, trigger: &Trigger) -> bool {
    if !may_hold_cjk(lower) {
        return false;
    }
    let after = &lower[trigger.end..];
    // "签订战略合作框架协议：双方将在…设立…": after a colon come the terms agreed, not a
    // plan for the occasion.
    let mut pieces = after.split(['，', ',', '。', '；', ';', '：', ':']);
    let mut piece = pieces.next().unwrap_or(after);
    // "第四届“澳珠合作发展论坛”,定於本年11月30日…举行": the name closes, then a comma.
    if piece
        .trim_matches(['”', '"', '」', '』', '》', ' '])
        .is_empty()
    {
        piece = pieces.next().unwrap_or(piece);
    }
    (piece.contains('将') || piece.contains("定于") || piece.contains("定於"))
        && PLAN.is_match(piece)
}

/// "本次粤澳合作联席会议以深化各领域合作为主旨": the occasion named is the one the story has
/// just told of ("this meeting"), not a new one.
pub fn this_occasion(lower: &str, trigger: &Trigger) -> bool {
    let head = &lower[..trigger.start];
    // The words since the last comma: "this" must qualify the occasion itself.
    let phrase = head.rsplit(['，', ',', '。', '；']).next().unwrap_or(head);
    phrase.len() <= 60
        && ["本次", "此次", "这次", "這次"]
            .iter()
            .any(|this| phrase.contains(this))
}

/// "said at the signing ceremony that …": a clause about what happened at an act already
/// reported, named by its noun, is not a new report of it.
pub fn names_the_occasion_only(lower: &str, trigger: &Trigger) -> bool {
    let head = lower[..trigger.start].trim_end();
    AGREEMENT_NOUN.is_match(&lower[trigger.start..trigger.end])
        && (head.ends_with("at the") || head.ends_with("during the") || head.ends_with("at a"))
}

/// "the two cities constructed an industrial cooperation platform": a joint act of a group
/// named before it, when no other verb reports an act.
pub fn group_act(lower: &str) -> Option<Trigger> {
    let group = GROUP_REFERENCE.find(lower)?;
    let found = GROUP_VERB.find_at(lower, group.end())?;
    (found.start() - group.end() <= 40).then_some(Trigger {
        kind: EventKind::Other,
        start: found.start(),
        end: found.end(),
    })
}

static GROUP_VERB: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:constructed|built|set up|launched|established|opened|unveiled|released|inaugurated|created|kicked off|initiated)(?-u:\b)",
    )
});

/// "In 2018, Jilin signed agreements with Beijing, Shanghai … and other provinces": a tally of
/// many acts, not one occurrence (LABELLING: aggregate counts are not events).
pub fn lists_others(lower: &str) -> bool {
    AND_OTHERS.is_match(lower)
}

/// "兴安盟与蒙古国东方省…签署建立友好城市关系协议", "sister-city relationships with Mongolia's
/// Bayankhongor" (a lower-cased clause): friendship ties with places abroad,
/// which the gazetteer does not hold — the Chinese places beside them are not each other's
/// partners.
pub fn ties_abroad(lower: &str) -> bool {
    if may_hold_cjk(lower) {
        (lower.contains("友好") || lower.contains("友城") || lower.contains("姊妹"))
            && FOREIGN_COUNTRY_ZH.is_match(lower)
    } else {
        ((lower.contains("sister") || lower.contains("friendship cit") || lower.contains("twin"))
            && FOREIGN_COUNTRY_EN.is_match(lower))
            || FOREIGN_UNITS_EN.is_match(lower)
            // "met with the delegations led by the consul generals of ROK, Germany …": the
            // other side is a country's envoy.
            || ENVOYS.is_match(lower)
    }
}

static ENVOYS: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:consuls?[- ]generals?|consulates?(?:[- ]general)?|ambassadors?|embass(?:y|ies))(?-u:\b)",
    )
});

/// The same countries as English news names them, and their adjectives ("Pakistani",
/// "Japanese": a country's name opens them), in lower case.
/// The countries and adjectives of `FOREIGN_COUNTRY_EN`, for the patterns built on them.
const FOREIGN_COUNTRIES_EN: &str = "mongolia|japan|korea|russia|france|french|german|britain|british|the uk|ital|spain|spanish|portug|the us|the united states|american|canad|brazil|australia|new zealand|thai|vietnam|laos|lao|cambodia|myanmar|malaysia|indonesia|philippine|singapore|india|pakistan|kazakh|uzbek|kyrgyz|tajik|belarus|ukrain|serbia|georgia|turk|iran|israel|egypt|south africa|argentin|chile|peru|mexic|poland|polish|hungar|czech|austria|greece|greek|netherlands|dutch|belgi|swiss|switzerland|swed|norw|finland|finnish|denmark|danish";

static FOREIGN_COUNTRY_EN: LazyLock<Regex> =
    LazyLock::new(|| compiled(&format!(r"(?-u:\b)(?:{FOREIGN_COUNTRIES_EN})")));

/// "signed cooperation agreements on tourism with ten American states": partners that are
/// units of a country abroad.
static FOREIGN_UNITS_EN: LazyLock<Regex> = LazyLock::new(|| {
    compiled(&format!(
        r"(?-u:\b)with (?:the )?(?:[a-z0-9-]+ )?(?:{FOREIGN_COUNTRIES_EN})[a-z]* (?:states|cities|provinces|regions|counties|prefectures|municipalities|partners)(?-u:\b)"
    ))
});

/// Countries whose towns Chinese places most often twin with, as Chinese names them.
static FOREIGN_COUNTRY_ZH: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?:美国|法国|德国|英国|韩国|泰国|俄罗斯|意大利|日本|老挝|越南|蒙古国|新加坡|澳大利亚|新西兰|加拿大|巴西|南非|印度|埃及|西班牙|葡萄牙|荷兰|比利时|瑞士|瑞典|挪威|芬兰|丹麦|波兰|匈牙利|捷克|奥地利|希腊|土耳其|伊朗|以色列|哈萨克斯坦|乌兹别克斯坦|吉尔吉斯斯坦|塔吉克斯坦|柬埔寨|缅甸|马来西亚|印度尼西亚|菲律宾|巴基斯坦|阿根廷|智利|秘鲁|墨西哥|白俄罗斯|乌克兰|塞尔维亚|格鲁吉亚|斯里兰卡|尼泊尔|孟加拉)",
    )
});

/// "signed 91 projects", "inked dozens of agreements": many acts counted; with only a year for
/// a date, a tally rather than one occasion.
pub fn counts_many(lower: &str) -> bool {
    MANY_SIGNED.is_match(lower)
}

/// The act a clause reports, read past the meetings it names only for the spirit (or the
/// speech) it carries out ("为深入贯彻落实…座谈会精神，前天，…率代表团来镇考察"): such a meeting is not
/// an occasion the article reports.
pub fn clause_trigger(lower: &str) -> Option<Trigger> {
    let mut from = 0;
    // A clause names the spirit of a meeting once or twice; a few looks are enough.
    for _ in 0..4 {
        let rest = &lower[from..];
        let mut found = candidate_trigger(rest).or_else(|| group_act(rest))?;
        found.start += from;
        found.end += from;
        // "落实6月15日召开的…座谈会精神" still reports the meeting it dates.
        let phrase = lower[..found.start]
            .rfind(['，', ',', '。', '；'])
            .map_or(&lower[..found.start], |at| &lower[at..found.start]);
        let told_as_held = phrase.contains("召开的") || phrase.contains("举行的");
        let spirit = (found.kind == EventKind::Meeting && !told_as_held)
            .then(|| MEETING_SPIRIT.find(&lower[found.end..]))
            .flatten();
        match spirit {
            Some(spirit) => from = found.end + spirit.end(),
            None => return Some(found),
        }
    }
    None
}

static MEETING_SPIRIT: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"^(?:会议|会)?(?:上的)?(?:重要)?(?:讲话)?精神"));

/// "我市共签约5个项目": a place's tally of investment projects signed (with companies), not
/// an act with another place — unless a partner is named before it in the same piece
/// ("与…签约").
pub fn projects_signed(clause: &str) -> bool {
    may_hold_cjk(clause)
        && PROJECTS_SIGNED.find(clause).is_some_and(|found| {
            let before = &clause[..found.start()];
            let piece = before.rfind(['，', ',']).map_or(before, |at| &before[at..]);
            !piece.contains(['与', '和', '同'])
        })
}

static PROJECTS_SIGNED: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"签约(?:了)?\p{Han}{0,4}?\d+\s*(?:个|项)(?:\p{Han}{0,4}?)项目|(?:签约|达成)[^，,。；]{0,24}?项目(?:超|近|约|达|共)?\s*\d+",
    )
});

/// "no less than 51 agreements", "dozens of projects": a count given as a bound, as a tally
/// gives it ("has signed 12 projects" may be the day's signing).
pub fn counts_vaguely(lower: &str) -> bool {
    VAGUE_COUNT.is_match(lower)
}

static VAGUE_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:(?:more|no less|not less|no fewer) than \d+|over \d+|at least \d+|dozens of|hundreds of)(?-u:\b)|据不完全统计|累计签",
    )
});

static AND_OTHERS: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)and other (?:provinces|cities|regions|places|counties|districts|municipalities)(?-u:\b)",
    )
});

static MANY_SIGNED: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:signed|inked|concluded|entered into)(?-u:\b)[^.;]{0,20}(?-u:\b)(?:\d{2,}|dozens of|hundreds of|(?:more|no less|not less|no fewer) than \d+|over \d+|at least \d+)\s+(?:[0-9A-Za-z_-]+\s+){0,3}(?:agreements|projects|deals|contracts|memorandums)(?-u:\b)|(?:签署|签订|签约)了?[^。；，,]{0,30}?\d+个[^。；，,]{0,10}?(?:协议|备忘录|项目)",
    )
});

/// "agreed to sign … at an appropriate time": an agreement to act later is a plan.
static AGREED_TO_ACT: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"^agreed to (?:sign|hold|meet|visit)(?-u:\b)"));

/// The order in which one occurrence's reports decide its kind (LABELLING: alliance >
/// agreement > meeting > visit): the act done at a meeting or during a visit names the event.
pub fn precedence(kind: EventKind) -> u8 {
    match kind {
        EventKind::Alliance => 5,
        EventKind::Agreement => 4,
        EventKind::Meeting => 3,
        EventKind::Visit => 2,
        EventKind::Other => 1,
    }
}

/// The level of place a group reference names ("the three provinces" → provinces), when it
/// says.
pub fn group_level(reference: &str) -> Option<Level> {
    if reference.ends_with('省') {
        return Some(Level::Province);
    }
    if reference.ends_with('区') || reference.ends_with('县') {
        return Some(Level::County);
    }
    let noun = reference.rsplit(' ').next().unwrap_or_default();
    match noun {
        "provinces" | "municipalities" => Some(Level::Province),
        "districts" | "counties" => Some(Level::County),
        // "the two cities" may be prefectures or county-level cities: no level either.
        // "the three zones" may be three districts: zones and areas say no level.
        _ => None,
    }
}

/// How many parties a group reference names ("the two sides" → 2), when it says.
pub fn group_size(reference: &str) -> Option<usize> {
    // Chinese: "双方", "两地", "三市", "四方".
    if let Some(first) = reference.chars().next() {
        match first {
            '双' | '两' => return Some(2),
            '三' => return Some(3),
            '四' => return Some(4),
            _ => {}
        }
    }
    reference.split_whitespace().find_map(count_word)
}

/// Counts written as words, from two.
pub const NUMBER_WORDS: [&str; 19] = [
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// The count a word says ("nine" → 9; "both" → 2).
pub fn count_word(word: &str) -> Option<usize> {
    if word == "both" {
        return Some(2);
    }
    NUMBER_WORDS
        .iter()
        .position(|number| *number == word)
        .map(|at| at + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> Option<&'static str> {
        trigger(&text.to_ascii_lowercase()).map(|found| found.kind.label())
    }

    #[test]
    fn a_union_set_up_is_an_alliance() {
        assert_eq!(
            kind("a framework agreement established a colleges union among a, b and c"),
            Some("alliance")
        );
        assert_eq!(kind("the union was founded in 2014"), Some("alliance"));
    }

    #[test]
    fn chinese_exchanges_visits_and_press_conferences() {
        // A delegation's trip for exchanges is a visit; exchanges held are a meeting.
        assert_eq!(kind("市长率代表团赴珠海市开展对口合作交流"), Some("visit"));
        assert_eq!(kind("两市在珠海市召开对口合作工作座谈会"), Some("meeting"));
        assert_eq!(
            kind("the meeting was co-hosted by ho and ma xingrui"),
            Some("meeting")
        );
        assert_eq!(
            kind("jinshan has joined hands with jiaxing city"),
            Some("other")
        );
        assert_eq!(kind("余姚市迎来了凉山州昭觉县党政代表团"), Some("visit"));
        // The sites toured after the trip are not its hosts; the trip itself is a visit.
        assert_eq!(
            kind("考察团一行先后到前进区现代农业园区、九阳工业园区等实地考察"),
            None
        );
        assert_eq!(
            kind("巴中市党政代表团来汉中市参观考察,实地了解产业园区发展"),
            Some("visit")
        );
        assert!(projects_signed("在论坛上,我市共签约5个项目,投资总额53亿元"));
        let forum = "「2025上海台北城市论坛」将于12月28日在上海举行";
        let found = trigger(forum).expect("a forum is named");
        assert!(is_plan(forum, &found));
        let tomorrow = "台北县长表示,明天启程前往南京,将与南京市政府签署合作备忘录";
        let found = trigger(tomorrow).expect("a signing is named");
        assert!(is_plan(tomorrow, &found));
        // After a colon come the terms signed: what "will" be done is no plan for the signing.
        let terms =
            "长沙经开区管委会与张家界经开区管委会签订战略合作框架协议:双方将在张家界设立工业园";
        let found = trigger(terms).expect("a signing is named");
        assert!(!is_plan(terms, &found));
        // "since" giving a reason does not look back.
        assert!(looks_back(
            "since the two cities signed the pairing agreement, exchanges grew"
        ));
        assert!(!looks_back(
            "a conference was held, as anhui had a long way to catch up, since it was still starting"
        ));
        // A tally so far.
        assert!(looks_back(
            "to date, wuzhou has signed framework agreements with guangzhou and foshan"
        ));
        assert!(looks_back("迄今,两市已签署合作协议12项"));
        // Scheduled, then put off: a plan, not a report.
        let scheduled = "今年的双城论坛原订9月25日于上海举行,但宣布暂缓";
        let found = trigger(scheduled).expect("a forum is named");
        assert!(is_plan(scheduled, &found));
        assert!(!projects_signed("我市与丽水市签约3个合作项目"));
        assert!(projects_signed(
            "两省建立对口合作关系至今,已签约产业项目超355个"
        ));
        assert!(projects_signed("截至今年4月,已达成合作项目849个"));
        assert!(ties_abroad(
            "the mayor of changchun met with the delegations led by the consul generals of rok and germany to shenyang"
        ));
        assert!(ties_abroad(
            "兴安盟与蒙古国东方省等中外地方政府共签署8份建立友好城市关系协议"
        ));
        assert!(!ties_abroad("重庆市渝北区、成都市双流区缔结友好城市"));
        assert!(ties_abroad(
            "zhongwei and guyuan signed memoranda to establish sister-city relationships with mongolia's bayankhongor and albayanhuree, respectively."
        ));
        assert_eq!(kind("双方进行了深入交流"), Some("meeting"));
        // Strengthening exchanges is a wish, not a meeting; a press conference is no meeting.
        assert_eq!(kind("加强干部人才交流"), None);
        assert_eq!(kind("东西部协作新闻发布会在杭召开"), None);
        assert_eq!(kind("The two cities held a press conference"), None);
    }

    #[test]
    fn the_act_of_highest_precedence_names_the_clause() {
        assert_eq!(
            kind("A delegation visited Wuxi and the two sides signed an agreement"),
            Some("agreement")
        );
        assert_eq!(
            kind("The cities signed an agreement to set up a tourism alliance"),
            Some("alliance")
        );
        assert_eq!(
            kind("A Tonghua – Taizhou cooperation joint conference took place in Taizhou"),
            Some("meeting")
        );
        assert_eq!(
            kind("The governor met with a delegation from Shannan City"),
            Some("visit")
        );
        assert_eq!(
            kind("Chief Executive Carrie Lam met Hebei Governor Xu Qin"),
            Some("meeting")
        );
        assert_eq!(
            kind("Mr Lee met with the delegation headed by the mayor of Shenzhen"),
            Some("visit")
        );
        assert_eq!(kind("Mr Lee met reporters"), None);
        assert_eq!(
            kind("Huzhou and Jiaxing, two cities in Zhejiang province, recently unveiled a plan"),
            Some("other")
        );
        assert_eq!(
            kind("he had meetings with the Vice Governor of the Hunan Provincial Government"),
            Some("meeting")
        );
        assert_eq!(
            kind("The Chief Executive today met with leading officials of Guangzhou"),
            Some("meeting")
        );
        assert_eq!(
            kind("The “Songjiang Declaration” was issued by the district and Suzhou"),
            Some("agreement")
        );
        assert_eq!(
            kind("Delegations published a declaration to form an association"),
            Some("agreement")
        );
        let lower = "\"we will cooperate,\" the four sides jointly announced on nov 13";
        let found = trigger(lower).expect("a joint announcement");
        assert!(!is_plan(lower, &found));
        let lower = "the four sides will jointly announce a plan";
        assert!(trigger(lower).is_none_or(|found| is_plan(lower, &found)));
        assert_eq!(
            kind("Mr Sam today met in Hong Kong with the Chief Executive of the HKSAR"),
            Some("meeting")
        );
        assert_eq!(
            kind(
                "He, Chief Executive of Macao, and Li, Chief Executive of Hong Kong, met on the 2nd"
            ),
            Some("meeting")
        );
        assert_eq!(
            kind("Following a meeting with officials from Zhongshan, Chui said"),
            Some("meeting")
        );
        assert_eq!(kind("The mayor and his wife met friends"), None);
        assert_eq!(
            kind(
                "Mr Lee and the delegation attended a working lunch hosted by the Mayor of Chengdu"
            ),
            Some("meeting")
        );
        assert_eq!(
            kind(
                "He made the remarks at a meeting in Zhongshan with the Secretary of the Zhongshan Municipal Committee"
            ),
            Some("meeting")
        );
        assert_eq!(
            kind("Xu led a team to Shenzhen for exchanges"),
            Some("visit")
        );
        assert_eq!(
            kind("Governor Huang started a six-day visit to Taiwan"),
            Some("visit")
        );
        assert_eq!(
            kind("The three districts jointly released tourism routes"),
            Some("other")
        );
        assert_eq!(
            kind("Harbin and Shenzhen established a strategic cooperation relationship in 2018"),
            Some("other")
        );
        assert_eq!(kind("The city issued a plan"), None);
    }

    #[test]
    fn a_meeting_named_for_its_spirit_is_no_report() {
        assert!(clause_trigger("认真落实重庆四川党政联席会议精神，加强合作").is_none());
        let found =
            clause_trigger("为深入贯彻落实第二次中央新疆工作座谈会精神，前天，代表团来镇考察")
                .expect("the visit");
        assert_eq!(found.kind, EventKind::Visit);
        let held = "一是要全面落实6月15日召开的广东黑龙江对口合作及经贸交流座谈会精神";
        assert!(clause_trigger(held).is_some());
        let plan = "2013年粤澳合作联席会议将於本月14日举行";
        let found = clause_trigger(plan).expect("the meeting");
        assert!(is_plan(plan, &found), "将於 as 将于");
        for plan in [
            "9月11日至15日,州长陈建国将带领我州代表团赴上海开展经贸合作交流活动",
            "第四届澳珠合作发展论坛定於本年11月30日上午在澳门举行",
            "澳门经济学会主办的第四届“澳珠合作发展论坛”,定於本年11月30日上午在澳门举行",
            "行政长官崔世安、广东省省长朱小丹将分别率领澳门特区政府及广东省政府代表团出席会议",
        ] {
            let found = clause_trigger(plan).expect(plan);
            assert!(is_plan(plan, &found), "{plan}");
        }
    }

    #[test]
    fn plans_and_references_back_are_not_reports() {
        let lower = "the two cities are set to sign up to form an alliance";
        let found = trigger(lower).unwrap_or(Trigger {
            kind: EventKind::Other,
            start: 0,
            end: 0,
        });
        assert!(is_plan(lower, &found));
        assert_eq!(kind("The agreement signed on August 16 is the first"), None);
        assert_eq!(kind("The delegation visited several enterprises"), None);
        assert_eq!(
            kind("A delegation from Hunan Province has been to Shannan for inspection"),
            Some("visit")
        );
        // A delegation led to a place before the sites it saw visits the place.
        assert_eq!(
            kind(
                "Li led a delegation from Wuxi to Haidong to conduct a field visit to the cooperation projects"
            ),
            Some("visit")
        );
    }

    #[test]
    fn group_references_say_how_many() {
        assert_eq!(group_size("the two cities"), Some(2));
        assert_eq!(group_size("both sides"), Some(2));
        assert_eq!(group_size("the three new areas"), Some(3));
        assert_eq!(group_size("the several parties"), None);
    }
}
