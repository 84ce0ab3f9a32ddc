//! Cooperation events: occurrences in which two or more regional parties sign, hold, launch or
//! agree something together, or one visits another — one event per occurrence, however many
//! sentences report it.
//!
//! Two passes. Clause by clause, `triggers` finds the act a clause reports (or that it reports
//! none: a plan, background, a reference back) and `parties` the regional parties it names; a
//! group reference ("the two cities", "both sides") takes the parties of the article's occasion
//! or of the last clause that named that many; a clause without its own date takes its
//! occasion's or its paragraph's. Then `assemble` joins the reports of one occurrence across
//! the article: the visit and the signing reported sentences later are one agreement.
//! Each event keeps which clauses gave its kind, parties and date, for the viewer.
//!
//! Long because clause reading and article assembly share the story's state (`Story`); the
//! vocabulary is in `triggers.rs`, the parties in `parties.rs`, the joining in `assemble.rs`; about
//! 1,860 lines are tests.

mod assemble;
mod parties;
mod triggers;

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use self::parties::{Context, Party, named_places, same_party, starting_in};
use self::triggers::{
    BACKGROUND, DEFINITE_ACT, GROUP_REFERENCE, OCCASION_REFERENCE, Trigger, group_size,
    may_report_an_event,
};
use super::fields::fields_in;
use super::gazetteer::{Gazetteer, Level, may_hold_cjk};
use super::orgs::Spans;
use crate::model::{
    DateMention, DateResolution, Event, EventKind, EventSources, PartialDate, Participant,
    PlaceMention,
};
use crate::pattern::compiled;

/// A date and how its missing parts were filled.
type Dated = (PartialDate, DateResolution);

/// One clause read as an event, before the reports of one occurrence are joined.
#[derive(Clone, Debug)]
struct Candidate {
    kind: EventKind,
    participants: Vec<Participant>,
    date: Option<(PartialDate, DateResolution)>,
    evidence: Vec<Range<usize>>,
    fields: Vec<String>,
    /// The clause that gave the kind, the parties and the date.
    kind_from: Range<usize>,
    parties_from: Range<usize>,
    date_from: Option<Range<usize>>,
    /// How many clauses report it.
    reports: usize,
    /// What the confidence is computed from.
    signals: Signals,
}

/// How an event was read, for its confidence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Signals {
    /// Its parties came from a group reference ("the two sides").
    group_reference: bool,
    /// It is one pair of a list of pairs ("A with B, C with D").
    paired: bool,
    /// A company or institution is among its parties.
    organisation: bool,
    /// Its date came from its occasion or paragraph, not its own clause.
    inherited_date: bool,
    /// Its clause reads as background ("since", "in the past", "has signed").
    background: bool,
    /// Its parties are those an agreement's quoted title names.
    titled: bool,
    /// Its clause dates it by the first day of a span ("4月12日至13日", "from July 30th to
    /// August 1st"): a trip, whose later days' meetings of the same parties are its own.
    trip: bool,
}

impl Signals {
    /// The signals of an occurrence reported by two clauses: one firm report is enough.
    fn merge(&mut self, other: &Self) {
        self.group_reference &= other.group_reference;
        self.paired &= other.paired;
        self.organisation |= other.organisation;
        self.inherited_date &= other.inherited_date;
        self.background &= other.background;
        self.titled |= other.titled;
        self.trip |= other.trip;
    }
}

/// How many earlier clauses naming places a group reference looks back over.
const MAX_LOOK_BACK: usize = 30;

/// What later clauses can refer back to.
#[derive(Clone, Debug)]
struct Occasion {
    participants: Vec<Participant>,
    /// The clause that named them.
    parties_from: Range<usize>,
    date: Option<(PartialDate, DateResolution)>,
    date_from: Option<Range<usize>>,
    kind: EventKind,
}

/// "A signed with B, C with D and E with F": the text between two parties of a pair.
/// "A与B、C与D分别签署": the same in Chinese, where a body's title may end the first party.
static PAIR_JOINT: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"^\s*(?:signed|inked)?\s*(?:[a-z]+\s+){0,6}?with\s+(?:the\s+)?$|^\p{Han}{0,6}?(?:管委会|管理委员会|政府|人民政府)?(?:与|和|同)$",
    )
});

/// "signed agreements with Nanning and Guiyang": several agreements, one with each partner.
static AGREEMENTS_WITH: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:signed|inked) (?:\w+ ){0,3}(?:agreements|memorandums|memoranda|deals|pacts|contracts) (?:\w+ ){0,4}with\s+(?:the\s+)?(?:[a-z-]+ ){0,6}?(?:of\s+)?(?:[a-z]+(?:'s|’s)\s+)?(?:[a-z]+\s*(?:-|–|—|:)\s*|namely\s+|including\s+)?$",
    )
});

/// "He separately met with leaders of Hainan, Yunnan and Sichuan": one act with each partner.
static SEPARATELY_WITH: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:separately|respectively|individually)(?: \w+){0,3} with\s+(?:(?:the\s+)?(?:leaders|officials|heads|representatives|delegations|governments)\s+(?:of|from)\s+)?(?:the\s+)?$",
    )
});

/// Whether the text before a clause's first partner says it is one partner of several, each
/// dealt with by the subject ("signed agreements with", "separately met with").
fn each_partner_after(before: &str) -> bool {
    let lower = before.to_ascii_lowercase();
    AGREEMENTS_WITH.is_match(&lower) || SEPARATELY_WITH.is_match(&lower)
}

/// "静海区…分别与黄骅市、霸州市、青县签署": "each with" (or "one after another with", 先后与),
/// one act with each partner listed next.
/// A province written before its first city ("分别与河北省黄骅市") may stand between.
static EACH_WITH: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"(?:分别|先后)(?:与|同|和|跟)\p{Han}{0,3}[省区]?$"));

/// "松江区人民政府与昭阳区、镇雄县、彝良县人民政府依次签订": partners listed after "with" and
/// then "one after another" or "each": one act with each partner.
static WITH_BEFORE_LIST: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"^\p{Han}{0,8}?(?:与|同|跟)\p{Han}{0,3}?[省市]?$"));
/// "…党政代表团先后来", "…分别赴": after the last of listed visitors, "one after another" (or
/// "each") to the host named next.
static EACH_THEN_TO: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"^\p{Han}{0,8}?(?:先后|相继|分别)(?:来|赴|到|前往)$"));
/// "党政代表团、", "和": what stands between two visitors of one list.
/// Between two lists: "…日前分别与河北承德市…" (a time word before, the partners' containers
/// after).
static RESPECTIVELY_WITH: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"^\p{Han}{0,4}?分别(?:与|同|和|跟)\p{Han}{0,8}$"));

static LISTED_VISITOR: LazyLock<Regex> = LazyLock::new(|| compiled(r"^\p{Han}{0,8}?[、和及]$"));
static EACH_AFTER_LIST: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"^\p{Han}{0,8}?(?:依次|分别|逐一|先后)(?:签订|签署|签约|缔结)"));

/// Finds the cooperation events of a text.
pub fn find_events(
    text: &str,
    sentences: &[Range<usize>],
    places: &[PlaceMention],
    dates: &[DateMention],
    spans: &Spans,
    gazetteer: &Gazetteer,
    headline: &[Participant],
) -> Vec<Event> {
    let context = Context::new(text, places, spans, gazetteer);
    let mut story = Story {
        only_day: only_day(text, dates),
        restated_day: restated_day(text, sentences, dates),
        headline: headline.to_vec(),
        ..Story::default()
    };
    let mut candidates = Vec::new();
    let paragraph_starts: Vec<usize> = text.match_indices("\n\n").map(|(at, _)| at).collect();
    let clauses: Vec<Range<usize>> = sentences
        .iter()
        .flat_map(|sentence| split_signings(text, sentence))
        .flat_map(|clause| split_parallel(&context, clause))
        .collect();
    for (index, clause) in clauses.iter().enumerate() {
        let paragraph = paragraph_starts.partition_point(|&at| at < clause.start);
        let following = &clauses[index + 1..clauses.len().min(index + 1 + LIST_CLAUSES)];
        read_clause(
            &context,
            dates,
            clause,
            following,
            paragraph,
            &mut story,
            &mut candidates,
        );
    }
    let naming = if may_hold_cjk(text) && text.chars().any(super::gazetteer::is_cjk) {
        assemble::Naming::Narrower
    } else {
        assemble::Naming::OfTheAct
    };
    let mut events = assemble::merge(candidates, gazetteer, naming);
    if naming == assemble::Naming::Narrower {
        events.retain(|candidate| !chinese_background(text, candidate));
    }
    // A company or institution is a party only when it signs at an occasion of regional
    // cooperation (LABELLING: "only when it signs on behalf of a place"): an article whose
    // events all lack two places reports company deals.
    let regional = |candidate: &Candidate| {
        candidate
            .participants
            .iter()
            .filter(|party| party.entry.is_some() || !story.is_organisation(party))
            .count()
            >= 2
    };
    let any_regional = events
        .iter()
        .any(|candidate| regional(candidate) && !candidate.signals.organisation);
    events
        .into_iter()
        .filter(|candidate| {
            regional(candidate) || (any_regional && candidate.participants.len() >= 2)
        })
        .filter_map(|mut candidate| {
            // The places are the parties: a company signing beside them signs for itself or
            // for a place already named (no gold set lists one), so it is evidence, not a
            // party — and an event left with one place is a company deal.
            if regional(&candidate) {
                candidate
                    .participants
                    .retain(|party| party.entry.is_some() || !story.is_organisation(party));
            }
            assemble::drop_repeated_names(&mut candidate.participants, gazetteer);
            Some(candidate).filter(|candidate| {
                candidate.participants.len() >= 2
                    && !assemble::one_side_only(&candidate.participants, gazetteer)
            })
        })
        .map(|candidate| {
            let reading = Reading {
                chinese: naming == assemble::Naming::Narrower,
                dated: candidate.date.is_some(),
                year_from_context: candidate
                    .date
                    .is_some_and(|(_, resolution)| resolution == DateResolution::FromContext),
                parties: candidate.participants.len(),
            };
            // A party is named as the report's own language names it.
            let chinese = told_in_chinese(text, &candidate);
            event_of(candidate, &reading, chinese, gazetteer)
        })
        .collect()
}

/// A provincial-level autonomous region or SAR as a party of an English page goes by its short
/// name ("Hong Kong", "Guangxi"), however the sentence titles it: the name English news and
/// its readers use for the side of an agreement. A spelling of its own ("Macau") stays.
fn by_short_name(party: Participant, gazetteer: &Gazetteer) -> Participant {
    let short = party
        .entry
        .and_then(|id| gazetteer.entry(id))
        .filter(|entry| entry.goes_by_short_name())
        .filter(|entry| {
            party
                .name
                .get(..entry.base.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(&entry.base))
        })
        .map(|entry| entry.base.clone());
    match short {
        Some(name) => Participant { name, ..party },
        None => party,
    }
}

/// The event a joined candidate makes.
fn event_of(
    candidate: Candidate,
    reading: &Reading,
    told_in_chinese: bool,
    gazetteer: &Gazetteer,
) -> Event {
    Event {
        kind: candidate.kind,
        // A party told in Chinese keeps the title the text gives it (宁夏回族自治区 "Ningxia Hui
        // Autonomous Region", as its labellers write it); told in English, an autonomous region
        // or SAR goes by its short name, as English news and its readers write it. The desk
        // shows one name per party (`Entry::party_name`) and merges by entry, not by name.
        participants: if told_in_chinese {
            candidate.participants
        } else {
            candidate
                .participants
                .into_iter()
                .map(|party| by_short_name(party, gazetteer))
                .collect()
        },
        date: candidate.date.map(|(date, _)| date),
        date_resolution: candidate.date.map(|(_, resolution)| resolution),
        fields: candidate.fields,
        evidence: candidate.evidence,
        confidence: calibrated(
            confidence(
                &candidate.signals,
                candidate.kind,
                candidate.reports,
                candidate.date.is_some(),
            ),
            reading,
        ),
        sources: EventSources {
            kind: candidate.kind_from,
            parties: candidate.parties_from,
            date: candidate.date_from,
        },
    }
}

/// Whether the clause that gave a candidate its kind is written in Chinese.
fn told_in_chinese(text: &str, candidate: &Candidate) -> bool {
    text.get(candidate.kind_from.clone())
        .is_some_and(|clause| clause.chars().any(super::gazetteer::is_cjk))
}

/// Chinese news dates what happened to the day ("5月7日至9日，…率团赴…考察"): a visit it gives
/// no day, or a co-building (共建, 结对) with no month of its own, is the story's background
/// ("多次来我县考察", "深哈园区共建", "佛山市接棒杭州市，结对黔东南"), not an occasion (LABELLING:
/// undated background is no event). On the Chinese parts none of the visits without a day
/// was an event the labellers found.
fn chinese_background(text: &str, candidate: &Candidate) -> bool {
    if !told_in_chinese(text, candidate) {
        return false;
    }
    let date = candidate.date.map(|(date, _)| date);
    match candidate.kind {
        EventKind::Visit => date.is_none_or(|date| date.day.is_none()),
        EventKind::Other => {
            candidate.signals.inherited_date || date.is_none_or(|date| date.month.is_none())
        }
        _ => false,
    }
}

/// What the article has said so far, for the clauses that refer back to it.
#[derive(Default)]
struct Story {
    /// The first act the article reports that is not background.
    occasion: Option<Occasion>,
    /// The last district, city, county and province named: what "The district signed …" means.
    units: [Option<Participant>; 4],
    /// The place of the last delegation named ("the Macao delegation", "a delegation from
    /// Hunan"): who "the delegation" is in a later clause.
    delegation: Option<Participant>,
    /// The last meeting of two or more parties on a day: what "会上" and "at the meeting"
    /// refer to when a visit came first (a visit on the 22nd, the joint meeting on the 23rd,
    /// "会上,两地政府签订结对协议").
    meeting: Option<Occasion>,
    /// The earlier clauses that mention two places or more, for "the two cities": what they
    /// name as parties is read only when a reference asks (most stories never do), and once.
    named: Vec<(Range<usize>, std::cell::OnceCell<Vec<Participant>>)>,
    /// The places the headline names as parties ("Yunnan, Sichuan and Guizhou work together
    /// …"): what "the three provincial governments" means when the story has not named them.
    headline: Vec<Participant>,
    /// The date of the last dated clause and the paragraph it stood in.
    paragraph_date: Option<(usize, (PartialDate, DateResolution), Range<usize>)>,
    /// Names of the companies and institutions found as parties.
    organisations: Vec<String>,
    /// How many clauses have been read.
    clauses_read: usize,
    /// Whether the last clause read told of a plan.
    last_was_plan: bool,
    /// The kinds of the occasions the story has told of as still to come ("联席会议将於本月14日
    /// 举行"): "本次联席会议…" refers to one of them.
    planned: Vec<EventKind>,
    /// The day the story's lead gives ("… started her visit programme in Chengdu today
    /// (September 23)"), while no other day has been named since.
    lead_date: Option<(Dated, Range<usize>)>,
    /// Whether a day other than the lead's has been named.
    other_day: bool,
    /// The one day the whole story names, when it names exactly one.
    only_day: Option<(Dated, Range<usize>)>,
    /// The day a definite restatement gives the occasion ("The meeting was held on Friday (21
    /// March)"), when the story has one such day.
    restated_day: Option<(Dated, Range<usize>)>,
    /// The clauses (start, end) that gave a candidate its kind, looked up in constant time.
    reported: std::collections::HashSet<(usize, usize)>,
}

impl Story {
    /// The parties a group reference in the clause `here` names: the occasion's when it has
    /// that many of that level ("the three provinces" among Shanghai, Jiangsu, Zhejiang and
    /// Anhui), else those of the last clause that named as many, else the headline's.
    fn antecedent(
        &self,
        here: &Range<usize>,
        size: Option<usize>,
        level: Option<Level>,
        named_with_it: &[Participant],
        context: &Context<'_>,
    ) -> Option<(Vec<Participant>, Range<usize>)> {
        let gazetteer = context.gazetteer;
        let of_level = |parties: &[Participant]| -> Vec<Participant> {
            parties
                .iter()
                .filter(|party| !named_with_it.iter().any(|named| same_party(named, party)))
                .filter(|party| {
                    level.is_none_or(|level| {
                        party
                            .entry
                            .and_then(|id| gazetteer.entry(id))
                            .is_none_or(|entry| entry.level == level)
                    })
                })
                .cloned()
                .collect()
        };
        let fits = |parties: &[Participant]| {
            let members = of_level(parties);
            (members.len() >= 2 && size.is_none_or(|size| members.len() == size)).then_some(members)
        };
        if let Some(occasion) = &self.occasion
            && let Some(members) = fits(&occasion.participants)
        {
            return Some((members, occasion.parties_from.clone()));
        }
        // The last few clauses only: a reference reaches back a paragraph or two, and a long
        // page costs no more per reference than a short one.
        self.named
            .iter()
            .rev()
            .map(|(from, named)| (named.get_or_init(|| named_parties(context, from)), from))
            .filter(|(named, _)| named.len() >= 2)
            .take(MAX_LOOK_BACK)
            .find_map(|(named, from)| Some((fits(named)?, from.clone())))
            .or_else(|| Some((fits(&self.headline)?, here.clone())))
    }

    fn is_organisation(&self, party: &Participant) -> bool {
        self.organisations.contains(&party.name)
    }
}

/// The places `clause` names as parties, in order.
fn named_parties(context: &Context<'_>, clause: &Range<usize>) -> Vec<Participant> {
    named_places(context, clause)
        .into_iter()
        .map(|party| party.participant)
        .collect()
}

/// The places a line outside the story (its headline) names as parties, in order.
pub fn parties_named(
    text: &str,
    places: &[PlaceMention],
    spans: &Spans,
    gazetteer: &Gazetteer,
) -> Vec<Participant> {
    let context = Context::new(text, places, spans, gazetteer);
    named_parties(&context, &(0..text.len()))
}

/// One clause as `read_clause` reads it, with what is read of it before its act: what the
/// steps that settle the act's parties, date and candidates all look at.
struct ClauseReading<'r, 'a> {
    context: &'r Context<'a>,
    dates: &'r [DateMention],
    clause: &'r Range<usize>,
    /// The clauses after it, where the members of a group it names may be listed.
    following: &'r [Range<usize>],
    /// Its text.
    clause_text: &'r str,
    /// Its text in ASCII lower case; empty when it cannot report an event.
    lower: String,
    /// The date it gives itself.
    own_date: Option<Dated>,
    /// Whether it may be written in Chinese.
    chinese: bool,
    /// How many place mentions start in it.
    mentions: usize,
}

/// The act a clause reports, as the steps of `read_clause` settle its parties and its date.
struct Act {
    kind: EventKind,
    participants: Vec<Participant>,
    /// The clause that named the parties.
    parties_from: Range<usize>,
    date: Option<Dated>,
    /// The clause that gave the date.
    date_from: Option<Range<usize>>,
    signals: Signals,
}

impl Act {
    /// The act as its own clause names it, before group references, implied parties and its
    /// date are read.
    fn of(trigger: &Trigger, clause: &Range<usize>, found: &[Party]) -> Self {
        Self {
            kind: trigger.kind,
            participants: found
                .iter()
                .map(|party| party.participant.clone())
                .collect(),
            parties_from: clause.clone(),
            date: None,
            date_from: None,
            signals: Signals {
                organisation: found.iter().any(|party| party.organisation),
                ..Signals::default()
            },
        }
    }
}

/// Reads one clause: records what it names for later references and, when it reports an
/// act with two or more parties, adds a candidate.
fn read_clause(
    context: &Context<'_>,
    dates: &[DateMention],
    clause: &Range<usize>,
    following: &[Range<usize>],
    paragraph: usize,
    story: &mut Story,
    candidates: &mut Vec<Candidate>,
) {
    let text = context.text;
    let clause_text = &text[clause.clone()];
    let own_date = own_date_of(text, dates, clause, story);
    // "From May 22nd to 23rd, the … Forum will be held in Chengdu": a day ahead dates
    // nothing the story tells after it.
    if let Some(date) = own_date.filter(|_| !HELD_AHEAD.is_match(clause_text)) {
        story.paragraph_date = Some((paragraph, date, clause.clone()));
        note_lead_date(story, date, clause);
    }
    story.clauses_read += 1;
    let unit_referred = unit_referred(context, clause, story);
    // Most clauses name fewer than two places: they cannot name a group, and cost nothing.
    let mentions = starting_in(context.places, clause, |place| place.range.start).len();
    let lower = if may_report_an_event(clause_text) {
        // ASCII only: the patterns are ASCII, and offsets stay those of the text.
        clause_text.to_ascii_lowercase()
    } else {
        String::new()
    };
    let reading = ClauseReading {
        context,
        dates,
        clause,
        following,
        clause_text,
        lower,
        own_date,
        chinese: may_hold_cjk(clause_text),
        mentions,
    };
    let Some(trigger) = reported_trigger(&reading, story) else {
        note_named(story, &reading);
        return;
    };
    let trigger_range = clause.start + trigger.start..clause.start + trigger.end;
    let found = after_an_opening_phrase(
        context,
        parties::parties(context, clause, &trigger_range, trigger.kind),
        &reading.lower,
        clause.start,
        trigger.start,
    );
    if visits_only(&reading, &trigger, &trigger_range, &found) {
        note_named(story, &reading);
        return;
    }
    if acts_for_no_places(&reading, &trigger, &trigger_range, &found) {
        return;
    }
    note_organisations(story, &found);
    let mut act = Act::of(&trigger, clause, &found);
    group_parties(&reading, &trigger, &found, story, &mut act);
    implied_parties(&reading, &trigger, unit_referred, story, &mut act);
    if act.participants.len() < 2 {
        parties_within(&reading, &trigger, &trigger_range, &mut act);
        parties_beyond(&reading, &trigger, &trigger_range, story, &mut act);
    }
    counted_members(&reading, &trigger, &mut act);
    let background = BACKGROUND.is_match(&reading.lower);
    act.signals.background = background;
    let (date, date_from) = clause_date(
        &reading.lower,
        clause,
        own_date,
        story,
        paragraph,
        &trigger,
        background,
        act.signals.group_reference,
    );
    act.date = date;
    act.date_from = date_from;
    act.signals.inherited_date = act.date.is_some() && own_date.is_none();
    act.signals.trip = own_date.is_some() && SPAN_OF_DAYS.is_match(clause_text);
    note_occasions(story, &act, background);
    note_named(story, &reading);
    if reports_an_occasion(&reading, &found, &act) {
        add_candidates(&reading, story, &found, act, candidates);
    }
}

/// The date a clause gives its own act. "MACAU, March 22 - The Chief Executive met … The
/// meeting was held on Friday (21 March)": a dateline gives the day the story was filed; the
/// story's restatement of the occasion gives the day it took place.
fn own_date_of(
    text: &str,
    dates: &[DateMention],
    clause: &Range<usize>,
    story: &Story,
) -> Option<Dated> {
    match best_date(text, dates, clause) {
        Some((date, from)) if opens_a_dateline(text, clause, &from) => match story
            .restated_day
            .as_ref()
            .filter(|(_, restated)| restated.start >= clause.end)
        {
            Some((restated, _)) => Some(*restated),
            None => recent_before(text, clause, &from, date),
        },
        Some((date, from)) => recent_before(text, clause, &from, date),
        None => None,
    }
}

/// Keeps a clause that names two places or more, for a group reference ("the two cities")
/// in a later clause to look back to.
fn note_named(story: &mut Story, reading: &ClauseReading<'_, '_>) {
    if reading.mentions >= 2 {
        story
            .named
            .push((reading.clause.clone(), std::cell::OnceCell::new()));
    }
}

/// The act a clause reports, if it reports one that took place. Notes whether it tells of a
/// plan and what the story says is to come, which the clauses after it go on with.
fn reported_trigger(reading: &ClauseReading<'_, '_>, story: &mut Story) -> Option<Trigger> {
    let (lower, clause_text, chinese) =
        (reading.lower.as_str(), reading.clause_text, reading.chinese);
    let trigger = if lower.is_empty() {
        None
    } else {
        triggers::clause_trigger(lower)
    };
    // "我省党政代表团将赴上海、江苏、浙江学习考察。与上海、江苏、浙江举行战略合作签约…": a
    // Chinese clause without a subject of its own goes on with the plan before it.
    let continues_a_plan =
        chinese && story.last_was_plan && triggers::continues_the_subject(clause_text);
    story.last_was_plan = chinese && (continues_a_plan || triggers::plans(lower));
    // What the story says is to come, for "本次…" later.
    if chinese
        && let Some(planned) = trigger
            .as_ref()
            .filter(|found| triggers::is_plan(lower, found))
        && !story.planned.contains(&planned.kind)
    {
        story.planned.push(planned.kind);
    }
    trigger.filter(|trigger| reports_an_act(reading, story, continues_a_plan, trigger))
}

/// Whether a clause's trigger reports an act: not a plan or what goes on with one, a tally,
/// a name of the occasion alone, acts of others, projects signed or ties abroad.
fn reports_an_act(
    reading: &ClauseReading<'_, '_>,
    story: &Story,
    continues_a_plan: bool,
    trigger: &Trigger,
) -> bool {
    let (lower, own_date, chinese) = (reading.lower.as_str(), reading.own_date, reading.chinese);
    let own_is_year_only = own_date.is_none_or(|(date, _)| date.month.is_none());
    // "have entered into no less than 51 agreements this year": a count of acts over a
    // year, or one told in the perfect, is a tally, not an occasion.
    let tally = triggers::counts_many(lower)
        && ((own_date.is_some() && own_is_year_only)
            || (own_date.is_none()
                && BACKGROUND.is_match(lower)
                && triggers::counts_vaguely(lower)));
    !(triggers::is_plan(lower, trigger)
        || continues_a_plan
        || (chinese
            && story.planned.contains(&trigger.kind)
            && triggers::this_occasion(lower, trigger))
        || triggers::names_the_occasion_only(lower, trigger)
        || triggers::lists_others(lower)
        || tally
        || triggers::projects_signed(reading.clause_text)
        // An alliance founded with sister cities abroad and places at home ("昆明市与…5个
        // 国际友好城市以及德宏州…共同成立…联盟") is still an alliance of the places at home.
        || (triggers::ties_abroad(lower) && trigger.kind != EventKind::Alliance))
}

/// Whether a visit's places are only where its visitors went, who did nothing together.
fn visits_only(
    reading: &ClauseReading<'_, '_>,
    trigger: &Trigger,
    trigger_range: &Range<usize>,
    found: &[Party],
) -> bool {
    let lower = reading.lower.as_str();
    // "The report team visited Shanghai and Zhejiang": the places visited, with no visitor
    // among them, did nothing together.
    // "曲锋一行还赴深圳、东莞等地考察", "the delegation went to Shenzhen and Dongguan": nor are
    // the places a visitor no place names went to.
    let all_visited = ["visit", "inspected", "paid"]
        .iter()
        .any(|verb| lower[trigger.start..].starts_with(verb))
        && found
            .iter()
            .all(|party| party.range.start >= trigger_range.end);
    let all_gone_to = found.first().is_some_and(|first| {
        goes_to(&reading.context.text[reading.clause.start..first.range.start])
    });
    trigger.kind == EventKind::Visit
        && (all_visited || all_gone_to)
        && found.len() >= 2
        && !GROUP_REFERENCE.is_match(lower)
}

/// Whether the act is a national body's or an institution's, not one of the places it names.
fn acts_for_no_places(
    reading: &ClauseReading<'_, '_>,
    trigger: &Trigger,
    trigger_range: &Range<usize>,
    found: &[Party],
) -> bool {
    // "A delegation of the CPPCC National Committee led by … visited Sanya": a national body's
    // visit is no cooperation of places, whatever places its members come from.
    if trigger.kind == EventKind::Visit
        && triggers::national_visitor(&reading.lower[..trigger.start])
    {
        return true;
    }
    // "Shanxi University signed agreements with the counties of Guxian, Tianzhen and Yonghe":
    // an institution's deals with places, one each, not an act of those places together.
    trigger.kind == EventKind::Agreement
        && parties::institution_signs(reading.context, reading.clause, trigger_range, found)
}

/// Keeps the names of the companies and institutions found as parties, so that the story's
/// events can tell a company deal from an act of places.
fn note_organisations(story: &mut Story, found: &[Party]) {
    for party in found.iter().filter(|party| party.organisation) {
        if !story.organisations.contains(&party.participant.name) {
            story.organisations.push(party.participant.name.clone());
        }
    }
}

/// The parties a group reference stands for ("the two cities", "珠海、澳门两地"): the places
/// written before a Chinese group word, the clause's own places when they are as many, else
/// those of the occasion or an earlier clause.
fn group_parties(
    reading: &ClauseReading<'_, '_>,
    trigger: &Trigger,
    found: &[Party],
    story: &Story,
    act: &mut Act,
) {
    let (context, clause, lower) = (reading.context, reading.clause, reading.lower.as_str());
    // "The two new areas signed …": a group named before the verb is the subject, whatever
    // places follow it.
    let group = GROUP_REFERENCE.find(lower);
    let group_subject = group.is_some_and(|group| group.start() < trigger.start);
    let size = group.and_then(|group| group_size(group.as_str()));
    // "The two cities … at the 2021 Shenzhen-Hong Kong Cooperation Conference": the clause
    // names the group itself.
    // "The two provinces … the Xin'an River, which originates from the city of Huangshan":
    // places of another level in the clause are not the group.
    let provinces_only =
        group.is_some_and(|group| triggers::group_level(group.as_str()) == Some(Level::Province));
    let at_group_level = |party: &Participant| {
        !provinces_only
            || party
                .entry
                .and_then(|id| context.gazetteer.entry(id))
                .is_none_or(|entry| entry.level == Level::Province)
    };
    let own_group = size.filter(|&size| size >= 2).and_then(|size| {
        let named = if reading.mentions < 2 {
            Vec::new()
        } else {
            named_parties(context, clause)
        };
        (found.len() != size && named.len() == size && named.iter().all(at_group_level))
            .then_some(named)
    });
    let own_group_found = size.is_some_and(|size| {
        size >= 2
            && found.len() == size
            && found.iter().all(|party| at_group_level(&party.participant))
    });
    // "The two zones, together with C, launched …", "between Shanghai and the three
    // provinces": the group and the named others.
    let named_too = group.is_some_and(|group| {
        lower.contains("together with")
            || lower.contains("along with")
            || lower.contains("joined by")
            || lower[..group.start()].ends_with(" and ")
    });
    let named_with_it = if named_too {
        act.participants.clone()
    } else {
        Vec::new()
    };
    // "珠海、澳门两地召开", "深港双方签署": the places or characters right before a Chinese
    // group word are its members.
    let abbreviated_group = group
        .filter(|group| !group.as_str().is_ascii() && found.len() < 2)
        .zip(size)
        .map(|(group, size)| {
            let at = clause.start + group.start()..clause.start + group.end();
            parties::members_before_group(context, clause, &at, size)
        })
        .filter(|members| members.len() >= 2);
    if let Some(abbreviated) = abbreviated_group {
        act.participants = abbreviated;
        act.signals.group_reference = true;
    } else if let Some(named) = own_group {
        act.participants = named;
    } else if let Some(group) =
        group.filter(|_| !own_group_found && (act.participants.len() < 2 || group_subject))
        && let Some(antecedent) = story.antecedent(
            clause,
            group_size(group.as_str()),
            triggers::group_level(group.as_str()),
            &named_with_it,
            context,
        )
    {
        let (antecedent, named_in) = antecedent;
        act.parties_from = named_in;
        let others = std::mem::replace(&mut act.participants, antecedent);
        if named_too {
            for party in others {
                if !act.participants.iter().any(|p| same_party(p, &party)) {
                    act.participants.push(party);
                }
            }
        }
        act.signals.group_reference = true;
    }
}

/// The parties a clause implies without naming them as places: those its agreement's title
/// names, or the delegation or unit ("the district") an earlier clause named. Keeps the
/// delegation this clause names, for the clauses after it.
fn implied_parties(
    reading: &ClauseReading<'_, '_>,
    trigger: &Trigger,
    unit_referred: Option<Participant>,
    story: &mut Story,
    act: &mut Act,
) {
    let (context, clause, lower) = (reading.context, reading.clause, reading.lower.as_str());
    // The parties a signed agreement's title names signed it, when the clause names no
    // others ("Since the signing of the “… Shenzhen-Harbin Industrial Park” in May 2019").
    if act.participants.len() < 2 && trigger.kind == EventKind::Agreement {
        let signers = parties::titled_parties(context, clause);
        if signers.len() >= 2 {
            act.participants = signers;
            act.signals.titled = true;
        }
    }
    // "On Monday morning, in Zhongshan, the delegation met with the secretary of the Zhongshan
    // Municipal Committee": the delegation named before is the visitor.
    if act.participants.len() == 1
        && matches!(trigger.kind, EventKind::Visit | EventKind::Meeting)
        && THE_DELEGATION.is_match(&lower[..trigger.start])
        && let Some(delegation) = story.delegation.as_ref()
        && !same_party(delegation, &act.participants[0])
    {
        act.participants.push(delegation.clone());
    }
    if let Some(delegation) = parties::delegation_of(context, clause) {
        story.delegation = Some(delegation);
    }
    // "The district signed a supplementary agreement with Lufeng": the district named before.
    if act.participants.len() == 1
        && let Some(unit) = unit_referred
        && !same_party(&unit, &act.participants[0])
    {
        act.participants.insert(0, unit);
    }
}

/// The parties of a clause that names fewer than two apart, read from its own words: the
/// members of a compound or a region it names, abbreviated provinces ("川渝"), or where a
/// lone party goes.
fn parties_within(
    reading: &ClauseReading<'_, '_>,
    trigger: &Trigger,
    trigger_range: &Range<usize>,
    act: &mut Act,
) {
    let (context, clause) = (reading.context, reading.clause);
    let members = parties::compound_members(context, clause, trigger_range);
    if members.len() >= 2 {
        act.participants = members;
    } else if trigger.kind != EventKind::Visit && trigger.kind != EventKind::Other {
        let members = parties::region_members(context, clause, trigger_range);
        if members.len() >= 2 {
            act.participants = members;
        }
    }
    if act.participants.len() < 2 {
        let provinces = parties::abbreviated_places(context, clause);
        if provinces.len() >= 2 {
            act.participants = provinces;
        }
    }
    if act.participants.len() == 1
        && let Some(destination) = parties::abbreviated_destination(context, clause)
        && !same_party(&act.participants[0], &destination)
    {
        act.participants.push(destination);
    }
}

/// The parties of a clause that still has fewer than two, read from beyond it: the
/// occasion's, the members the next clauses list, or the places whose officials attend.
fn parties_beyond(
    reading: &ClauseReading<'_, '_>,
    trigger: &Trigger,
    trigger_range: &Range<usize>,
    story: &Story,
    act: &mut Act,
) {
    let (context, clause, lower) = (reading.context, reading.clause, reading.lower.as_str());
    let following = reading.following;
    // "Mr Chan and Mr Leong signed the CEPA before the meeting": officials who sign at
    // the occasion sign for its parties.
    if act.participants.len() < 2
        && trigger.kind == EventKind::Agreement
        && lower[trigger.start..].starts_with("signed")
        && OCCASION_REFERENCE.is_match(lower)
        && let Some(occasion) = story.occasion.as_ref()
        && occasion.participants.len() >= 2
        && act
            .participants
            .iter()
            .all(|party| occasion.participants.iter().any(|o| same_party(o, party)))
    {
        act.participants = occasion.participants.clone();
        act.parties_from = occasion.parties_from.clone();
    }
    if act.participants.len() < 2
        && matches!(
            trigger.kind,
            EventKind::Alliance | EventKind::Meeting | EventKind::Agreement
        )
        && let Some((members, from)) = members_listed_next(context, following, None)
    {
        act.participants = members;
        act.parties_from = from;
    }
    if act.participants.len() < 2
        && trigger.kind == EventKind::Meeting
        && reading.chinese
        && let Some((attending, from)) = parties::officials_attending(
            context,
            // Its own clause first: "…在梅召开,来自厦门、漳州…等十三市的…参加会议".
            &std::iter::once(trigger_range.end..clause.end)
                .chain(
                    following[..following.len().min(MEMBERS_LOOK_AHEAD)]
                        .iter()
                        .cloned(),
                )
                .collect::<Vec<_>>(),
        )
    {
        act.participants = attending;
        act.parties_from = clause.start..from.end.max(clause.end);
    }
}

/// "Four procuratorates along the Shanghai-Suzhou-Nantong route have agreed …": a counted
/// group whose members a following clause lists, however many places this one names.
fn counted_members(reading: &ClauseReading<'_, '_>, trigger: &Trigger, act: &mut Act) {
    if let Some(size) = counted_group(&reading.lower[..trigger.start]).filter(|&size| size >= 3)
        && act.participants.len() != size
        && trigger.kind != EventKind::Visit
        && let Some((members, from)) =
            members_listed_next(reading.context, reading.following, Some(size))
    {
        act.participants = members;
        act.parties_from = from;
    }
}

/// Keeps a clause's act as the story's occasion when it is the first firm one, and as the
/// last meeting when two parties or more met on a day: what later clauses refer back to.
fn note_occasions(story: &mut Story, act: &Act, background: bool) {
    let firmer = story
        .occasion
        .as_ref()
        .is_none_or(|occasion| occasion.participants.len() < 2 && act.participants.len() >= 2);
    if firmer && !background {
        story.occasion = Some(Occasion {
            participants: act.participants.clone(),
            parties_from: act.parties_from.clone(),
            date: act.date,
            date_from: act.date_from.clone(),
            kind: act.kind,
        });
    }
    let day = act.date.is_some_and(|(date, _)| date.day.is_some());
    if act.kind == EventKind::Meeting && act.participants.len() >= 2 && day && !background {
        story.meeting = Some(Occasion {
            participants: act.participants.clone(),
            parties_from: act.parties_from.clone(),
            date: act.date,
            date_from: act.date_from.clone(),
            kind: act.kind,
        });
    }
}

/// Whether a clause's settled act is an occasion to report: two parties or more, not
/// background, and not partners each of a subject the clause does not name.
fn reports_an_occasion(reading: &ClauseReading<'_, '_>, found: &[Party], act: &Act) -> bool {
    // "自从茂南、金秀缔结山海之情", "since Zhaoqing and Jixi signed the pairing agreement":
    // background with no time of its own is no event (LABELLING), and not the act of the day.
    // "自2017年正式建立对口合作关系以来": a relationship a Chinese story dates its background
    // from is no occasion (only a signing it dates is: "自2021年6月…签订…协议以来").
    let dated_background =
        triggers::dates_background(reading.clause_text) && act.kind != EventKind::Agreement;
    if act.participants.len() < 2
        || (reading.own_date.is_none() && triggers::looks_back(&reading.lower))
        || dated_background
    {
        return false;
    }
    // "The populous economic hub has signed agreements with Fujian Province and the Guangxi
    // Zhuang Autonomous Region": partners each of a subject the clause does not name as a
    // place are not partners of each other.
    let first_place = found.iter().find(|party| !party.organisation);
    !first_place.is_some_and(|first| {
        each_partner_after(&reading.context.text[reading.clause.start..first.range.start])
    })
}

/// Adds the candidates a clause's act makes: one per pair when the clause pairs its parties
/// ("A with B, C with D") or a visit goes to several places, else one, with the clauses that
/// gave its date and its parties as evidence.
fn add_candidates(
    reading: &ClauseReading<'_, '_>,
    story: &mut Story,
    found: &[Party],
    act: Act,
    candidates: &mut Vec<Candidate>,
) {
    let (context, clause) = (reading.context, reading.clause);
    let text = context.text;
    let Act {
        kind,
        participants,
        parties_from,
        date,
        date_from,
        signals,
    } = act;
    let fields = fields_in(reading.clause_text);
    let mut pairs = paired_lists(text, clause, found, context.places);
    if kind == EventKind::Visit && pairs.is_empty() {
        pairs = destinations(text, found, context.gazetteer);
    }
    if pairs.len() >= 2 {
        story.reported.insert((clause.start, clause.end));
        for pair in pairs {
            candidates.push(Candidate {
                kind,
                participants: pair,
                date,
                evidence: vec![clause.clone()],
                fields: fields.clone(),
                kind_from: clause.clone(),
                parties_from: clause.clone(),
                date_from: date_from.clone(),
                reports: 1,
                signals: Signals {
                    paired: true,
                    ..signals
                },
            });
        }
        return;
    }
    // The clauses that gave the date and named the parties are part of the report — the
    // latter unless it reports an act of another day ("Few days ago, A and B held the 3rd
    // conference. On February 28, 2020, the 1st was held between the two parties" reports two).
    let mut evidence = vec![clause.clone()];
    let reports_another = story
        .reported
        .contains(&(parties_from.start, parties_from.end));
    let same_day_parties = date_from.as_ref() == Some(&parties_from)
        || !reports_another
        || best_date(text, reading.dates, &parties_from).map(|(d, _)| d.0) == date.map(|d| d.0);
    let sources = date_from
        .iter()
        .chain(std::iter::once(&parties_from).filter(|_| same_day_parties));
    for from in sources {
        if !evidence.contains(from) {
            evidence.push(from.clone());
        }
    }
    evidence.sort_by_key(|range| range.start);
    story.reported.insert((clause.start, clause.end));
    candidates.push(Candidate {
        kind,
        participants,
        date,
        evidence,
        fields,
        kind_from: clause.clone(),
        parties_from,
        date_from,
        reports: 1,
        signals,
    });
}

/// The date of a clause's act: its own when it gives a day; the occasion's when it refers to
/// the occasion ("at the meeting", "the two sides") or says nothing; else its paragraph's.
#[allow(clippy::too_many_arguments)]
fn clause_date(
    lower: &str,
    clause: &Range<usize>,
    own_date: Option<(PartialDate, DateResolution)>,
    story: &Story,
    paragraph: usize,
    trigger: &Trigger,
    background: bool,
    from_group: bool,
) -> (Option<(PartialDate, DateResolution)>, Option<Range<usize>>) {
    // "会上", "at the meeting": the last meeting, when the story has told of one.
    let occasion = story
        .meeting
        .as_ref()
        .filter(|_| triggers::refers_to_a_meeting(lower))
        .or(story.occasion.as_ref());
    // "The alliance was jointly initiated by …" after "… launched an alliance": the same act.
    let same_act = occasion.is_some_and(|o| o.kind == trigger.kind) && DEFINITE_ACT.is_match(lower);
    let refers_to_occasion = same_act || OCCASION_REFERENCE.is_match(lower);
    let occasion_date =
        occasion.and_then(|occasion| occasion.date.map(|date| (date, occasion.date_from.clone())));
    let compatible = |own: Option<(PartialDate, DateResolution)>,
                      occasion: (PartialDate, DateResolution)| {
        // A month of its own that is not the occasion's is another time ("Last month, …").
        own.is_none_or(|own| {
            (own.0.year.is_none() || own.0.year == occasion.0.year)
                && (own.0.month.is_none() || own.0.month == occasion.0.month)
        })
    };
    // "On June 20, Li Qiang met the delegation. On the same day, the joint conference was
    // held": the same day is the last one named, which need not be the occasion's.
    if own_date.is_none()
        && SAME_DAY.is_match(lower)
        && let Some((_, date, from)) = story
            .paragraph_date
            .as_ref()
            .filter(|(_, _, from)| from != clause)
    {
        return (Some(*date), Some(from.clone()));
    }
    let own = own_date.map(|date| (date, Some(clause.clone())));
    match (own, occasion_date) {
        (Some(own), _) if own.0.0.month.is_some() && own.0.0.day.is_some() => (Some(own.0), own.1),
        (own, Some(occasion))
            if (refers_to_occasion || from_group)
                && compatible(own.as_ref().map(|o| o.0), occasion.0) =>
        {
            (Some(occasion.0), occasion.1)
        }
        (Some(own), occasion) => {
            // "the 2022 Tianjin-Gansu … ceremony": a year alone in the clause names the year of
            // the day its paragraph or occasion gives.
            let context = paragraph_date(story, paragraph, clause)
                .or_else(|| occasion.filter(|_| !background));
            match context {
                Some(context)
                    if own.0.0.month.is_none()
                        && context.0.0.month.is_some()
                        && context.0.0.year == own.0.0.year =>
                {
                    (Some(context.0), context.1)
                }
                _ => (Some(own.0), own.1),
            }
        }
        (None, Some(occasion)) if from_group => (Some(occasion.0), occasion.1),
        (None, occasion) => {
            // An undated report in the same story happened at the occasion, unless it says
            // it is background ("previously", "in the past", "since").
            let lead = || {
                story
                    .lead_date
                    .as_ref()
                    .filter(|_| !story.other_day && !background)
                    .map(|(date, from)| (*date, Some(from.clone())))
            };
            // "Shaoxing has signed 12 projects with Shanghai. … the 12 projects signed on
            // Saturday": a story that names one day tells of that day.
            // A clause that names its own time ("few days ago", "last July") keeps it, even
            // when the page gives no date to resolve it.
            let only_day = || {
                story
                    .only_day
                    .as_ref()
                    .filter(|_| !background && !OWN_TIME.is_match(lower))
                    .map(|(date, from)| (*date, Some(from.clone())))
            };
            let own_time = OWN_TIME.is_match(lower);
            match paragraph_date(story, paragraph, clause)
                .or_else(|| occasion.filter(|_| !background))
                .filter(|_| !own_time)
                .or_else(lead)
                .or_else(only_day)
            {
                Some((date, from)) => (Some(date), from),
                None => (None, None),
            }
        }
    }
}

/// "the delegation", "the visiting delegation", "Sam and his delegation": a delegation named
/// before, as a clause's subject.
static THE_DELEGATION: LazyLock<Regex> = LazyLock::new(|| {
    compiled(r"(?-u:\b)(?:the|his|her|their) (?:visiting )?(?:delegation|team)(?-u:\b)")
});

/// The unit a clause opening "The district …" (city, county, province) refers to: the last one
/// of that level the story named before it. Records the units this clause names for the next.
fn unit_referred(
    context: &Context<'_>,
    clause: &Range<usize>,
    story: &mut Story,
) -> Option<Participant> {
    let text = &context.text[clause.clone()];
    let referred = THE_UNIT.captures(text).and_then(|found| {
        let whole = found.get(0)?;
        if text[whole.end()..].starts_with(" of") {
            return None;
        }
        let level = UNIT_WORDS.iter().position(|(word, _)| *word == &found[1])?;
        story.units[level].clone()
    });
    for place in starting_in(context.places, clause, |place| place.range.start) {
        let Some(entry) = place.entry.and_then(|id| context.gazetteer.entry(id)) else {
            continue;
        };
        if let Some(level) = UNIT_WORDS
            .iter()
            .position(|(_, kinds)| kinds.contains(&entry.kind.as_str()))
        {
            story.units[level] = Some(Participant {
                name: place.name.clone(),
                entry: place.entry,
            });
        }
    }
    referred
}

/// The words for a unit and the kinds of unit each stands for.
const UNIT_WORDS: [(&str, &[&str]); 4] = [
    ("district", &["district"]),
    ("city", &["prefecture city", "county-level city"]),
    ("county", &["county", "autonomous county"]),
    ("province", &["province"]),
];

/// "The district signed …", "On May 5, the city held …": a unit named before, as the subject.
static THE_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"^(?:[A-Za-z]+ \d{1,2}(?:st|nd|rd|th)?, )?The (district|city|county|province)(?-u:\b)",
    )
});

/// "4月12日至13日", "from July 30th to August 1st", "18-19 March": a span of days.
static SPAN_OF_DAYS: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"\d{1,2}日(?:至|到|-|—|–)(?:\d{1,2}月)?\d{1,2}日|(?i:from) [A-Za-z]+\.? \d{1,2}(?:st|nd|rd|th)? (?:to|until) |(?-u:\b)\d{1,2}(?:-|–| to )\d{1,2} [A-Z][a-z]+",
    )
});

/// A clause that opens on the day last named: "On the same day", "当天", "同日".
static SAME_DAY: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"^(?:also )?(?:on )?(?:the same day|that same day|the same afternoon|the same morning)(?-u:\b)|^(?:在)?(?:当天|当日|同日|同一天)",
    )
});

/// A purpose that opens a clause: "In order to …", "To implement …", "On Feb 28, to implement …".
static PURPOSE_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"^(?:[^,]{0,40}, )?(?:in order to|to (?:implement|further|thoroughly|deeply|fully|carry out|follow|put into practice|study and implement))(?-u:\b)",
    )
});

/// "Following the signing of agreements of Xinhui District with Taishan, …, Heshan has also
/// signed a framework agreement with Kaiping": the places an opening "following …" or "after
/// the …" phrase names did something before; the act's parties come after its last comma
/// (when two of them are there). The places an opening purpose names are its topic: the
/// parties come after it too — and there are none when organisations do the act after it ("In
/// order to promote the cooperation … between Anyi and Foshan, … Enterprise Association and …
/// Industry Association held a … signing ceremony").
fn after_an_opening_phrase(
    context: &Context<'_>,
    found: Vec<Party>,
    lower: &str,
    clause_start: usize,
    trigger_start: usize,
) -> Vec<Party> {
    let earlier = lower.starts_with("following ") || lower.starts_with("after the ");
    // "In order to implement the spirit of … on the coordinated development of Beijing, Tianjin
    // and Hebei, …", "On Feb 28, to implement …": the places a purpose names are its topic.
    let purpose = PURPOSE_OPENING.is_match(&lower[..trigger_start]);
    if !(earlier || purpose) {
        return found;
    }
    let Some(comma) = lower[..trigger_start].rfind(',') else {
        return found;
    };
    let cut = clause_start + comma;
    let after = found.iter().filter(|party| party.range.start > cut).count();
    let organisations_act = || {
        let before_trigger = cut + 1..clause_start + trigger_start;
        starting_in(&context.spans.companies, &before_trigger, |org| {
            org.range.start
        })
        .iter()
        .any(|org| org.range.end <= before_trigger.end)
    };
    if purpose && after == 0 && organisations_act() {
        return Vec::new();
    }
    if after < 2 && !(purpose && after >= 1) {
        return found;
    }
    found
        .into_iter()
        .filter(|party| party.range.start > cut)
        .collect()
}

/// Words by which a clause names its own time, resolved or not.
static OWN_TIME: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:days? ago|weeks? ago|recently|yesterday|today|tonight|the other day|last (?:week|month|year|spring|summer|autumn|winter|january|february|march|april|may|june|july|august|september|october|november|december))(?-u:\b)|日前|近日|昨天|昨日|今天|今日|前不久",
    )
});

/// How many clauses after an alliance's founding may list its members.
const MEMBERS_LOOK_AHEAD: usize = 2;

/// How many clauses a list of members set out by province may run over, and so how many
/// clauses after its own a clause is read with.
const LIST_CLAUSES: usize = 8;

/// "ten cities have founded a tourism alliance. The ten cities are Beijing, Shanghai, …",
/// "Members of the alliance include Beijing, Shanghai, Huangshan …": the members of a group
/// that founded an alliance or met, listed in a clause that follows.
/// A counted group says how many members to look for ("Nine cities … issued a declaration.
/// … by Songjiang, Suzhou, …"): a clause naming exactly that many places lists them, whatever
/// its words.
fn members_listed_next(
    context: &Context<'_>,
    following: &[Range<usize>],
    counted: Option<usize>,
) -> Option<(Vec<Participant>, Range<usize>)> {
    let starts = &following[..following.len().min(MEMBERS_LOOK_AHEAD)];
    starts.iter().enumerate().find_map(|(at, clause)| {
        let head = &context.text[clause.clone()];
        let head = &head[..head.floor_char_boundary(MEMBERS_HEAD_BYTES)];
        let listed = MEMBERS_LIST.is_match(head);
        if !listed && counted.is_none() {
            return None;
        }
        // "The cities involved are: A and B in Sichuan; C and D in Shaanxi; …": a list set
        // out by province goes on through the clauses a semicolon ends.
        let mut list = vec![clause];
        if listed {
            list.extend(
                following[at..]
                    .windows(2)
                    .take_while(|pair| ends_with_semicolon(context.text, &pair[0]))
                    .map(|pair| &pair[1]),
            );
        }
        let mut members: Vec<Participant> = Vec::new();
        for part in list {
            for party in named_places(context, part) {
                if !members
                    .iter()
                    .any(|member| same_party(member, &party.participant))
                {
                    members.push(party.participant);
                }
            }
        }
        // "Members … include Beijing, Shanghai, …" may name a few of the 46.
        let fits = listed || counted.is_some_and(|size| members.len() == size);
        (members.len() >= 2 && fits).then(|| (members, clause.clone()))
    })
}

/// Whether a semicolon ends `clause` (in it or right after it).
fn ends_with_semicolon(text: &str, clause: &Range<usize>) -> bool {
    let inside = text[clause.clone()].trim_end();
    let after = text[clause.end..].trim_start();
    inside.ends_with([';', '；']) || after.starts_with([';', '；'])
}

/// Whether the text before a clause's first place ends with going there ("还赴", "前往",
/// "went to"): that place, and those listed with it, are where someone went.
fn goes_to(before: &str) -> bool {
    let tail = before[before.floor_char_boundary(before.len().saturating_sub(24))..]
        .trim_end()
        .to_ascii_lowercase();
    [
        "赴",
        "前往",
        "到",
        "went to",
        "travelled to",
        "traveled to",
        "headed to",
    ]
    .iter()
    .any(|word| tail.ends_with(word))
}

/// How many members a counted group before the act has ("Nine cities in the Yangtze River
/// Delta", "Courts in the nine cities", "Four procuratorates", "18 cities in the three
/// provinces"): the first count that numbers places or their bodies.
fn counted_group(subject: &str) -> Option<usize> {
    let Some(found) = COUNTED_GROUP.captures(subject) else {
        return chinese_counted_group(subject);
    };
    let count = found.get(1)?.as_str();
    count.parse().ok().or_else(|| triggers::count_word(count))
}

/// "云南、贵州两省的5个州市签订…", "五个县(市、区)": a Chinese counted group of places.
fn chinese_counted_group(subject: &str) -> Option<usize> {
    if subject.is_ascii() {
        return None;
    }
    let found = CHINESE_COUNTED_GROUP.captures(subject)?;
    let count = found.get(1)?.as_str();
    count.parse().ok().or_else(|| {
        // "两个市": the counting form of two, which numerals write 二.
        crate::extract::dates::chinese_number(&count.replace('两', "二"))
            .and_then(|number| usize::try_from(number).ok())
    })
}

static CHINESE_COUNTED_GROUP: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(\d{1,2}|[两二三四五六七八九十]{1,3})个(?:州市|市州|城市|地市|县市区|县（市、区）|县\(市、区\)|区县|县区|市县|县市|市|县|区)",
    )
});

static COUNTED_GROUP: LazyLock<Regex> = LazyLock::new(|| {
    compiled(&format!(
        r"(?-u:\b)(\d{{1,2}}|{}) (?:[a-z'-]+ ){{0,2}}?(?:cities|provinces|regions|counties|districts|municipalities|prefectures|procuratorates|courts)(?-u:\b)",
        triggers::NUMBER_WORDS.join("|")
    ))
});

/// How far into a clause its list must have begun.
const MEMBERS_HEAD_BYTES: usize = 160;

/// "The ten cities are", "The cities involved are", "Its members include", "Members of the
/// China Alliance for … include".
static MEMBERS_LIST: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?i)^\s*(?:the (?:[\w-]+ ){0,3}(?:cities|provinces|members|counties|districts|regions)(?: involved| concerned)?|(?:its |the )?(?:founding )?members(?: of [^.;]{1,100}?)?) (?:are|include|includes|comprise|consist of)(?-u:\b)",
    )
});

/// The one day (month and day known) that the story's dates name, with where; none when
/// it names no day or several. A day something "is to be held" on is a plan, not the story's.
fn only_day(text: &str, dates: &[DateMention]) -> Option<(Dated, Range<usize>)> {
    let mut days = dates
        .iter()
        .filter(|mention| mention.date.month.is_some() && mention.date.day.is_some());
    let first = days.next()?;
    let planned = |mention: &DateMention| {
        let from = (mention.range.start.saturating_sub(48)..mention.range.start)
            .find(|&at| text.is_char_boundary(at))
            .unwrap_or(mention.range.start);
        let rest = &text[mention.range.end..];
        let sentence = &rest[..rest.find(['.', '。', '\n']).unwrap_or(rest.len())];
        let sentence = &sentence[..sentence.floor_char_boundary(200)];
        PLANNED.is_match(&text[from..mention.range.start]) || HELD_AHEAD.is_match(sentence)
    };
    if !days.all(|other| other.date == first.date) || planned(first) {
        return None;
    }
    // A credit's day, with the act told as "recent" after it, dates the story's acts only by
    // its year (none when the credit has none).
    let date = if recent_credit(text, first) {
        year_only(first.date)?
    } else {
        first.date
    };
    Some(((date, first.resolution), first.range.clone()))
}

/// "to be held from", "will open on", "is scheduled for": a day ahead.
static PLANNED: LazyLock<Regex> = LazyLock::new(|| {
    compiled(r"(?i)(?-u:\b)(?:to be|will|shall|scheduled|planned|expected to)(?-u:\b)")
});

/// "… will be held in Chengdu", "将于…举行": an occasion still to come, told after its day.
static HELD_AHEAD: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?i)(?-u:\b)(?:will|is to|are to|shall) (?:be held|be convened|open|take place|kick off)(?-u:\b)|将(?:于|在)?[^。；]{0,30}?(?:举行|举办|召开|开幕)",
    )
});

/// How many clauses open a story: a day named in them is the lead's.
const LEAD_CLAUSES: usize = 3;

/// Keeps the lead's day, and notes when the story names another.
fn note_lead_date(story: &mut Story, date: Dated, clause: &Range<usize>) {
    let has_day = date.0.month.is_some() && date.0.day.is_some();
    if !has_day {
        return;
    }
    match &story.lead_date {
        None if story.clauses_read < LEAD_CLAUSES => {
            story.lead_date = Some((date, clause.clone()));
        }
        Some((lead, _)) if lead.0 == date.0 => {}
        _ => story.other_day = true,
    }
}

fn paragraph_date(
    story: &Story,
    paragraph: usize,
    clause: &Range<usize>,
) -> Option<(Dated, Option<Range<usize>>)> {
    story
        .paragraph_date
        .as_ref()
        .filter(|(index, _, from)| *index == paragraph && from != clause)
        .map(|(_, date, from)| (*date, Some(from.clone())))
}

/// The score of an event from how it was read, which [`calibrated`] turns into a confidence
/// (first set as the share of events read this way that were right on the first development
/// part, `tests/data/real-en/dev`). Signings and alliances reported in one clause are the surest;
/// a visit, a joint act of another kind, parties taken from "the two sides", a date taken from
/// elsewhere, no date, a clause that reads as background and a company among the parties each
/// make an event less sure; a second report of it makes it surer.
fn confidence(signals: &Signals, kind: EventKind, reports: usize, dated: bool) -> f32 {
    let mut score: f32 = match kind {
        EventKind::Agreement | EventKind::Alliance => 0.92,
        EventKind::Meeting => 0.88,
        EventKind::Visit => 0.82,
        EventKind::Other => 0.8,
    };
    if signals.group_reference {
        score -= 0.05;
    }
    if signals.paired {
        score -= 0.05;
    }
    if signals.organisation {
        score -= 0.35;
    }
    if signals.inherited_date {
        score -= 0.05;
    }
    if signals.background {
        score -= 0.25;
    }
    if !dated {
        score -= 0.15;
    }
    if reports >= 2 {
        score += 0.05;
    }
    score.clamp(0.05, 0.99)
}

/// What else about an event's reading its confidence is calibrated on.
#[derive(Clone, Copy)]
struct Reading {
    /// Read from a Chinese page.
    chinese: bool,
    /// It has a date.
    dated: bool,
    /// Its year came from elsewhere in the article.
    year_from_context: bool,
    /// How many parties it has.
    parties: usize,
}

/// The confidence as the share of such events that are right: [`confidence`]'s score, and the
/// reading's other traits, through a logistic calibration fitted on the real pages' parts
/// other than the two held out (1,082 events of 35 parts; `tools/eval/calibrate.py`). Fitted one part left out at a
/// time, it cut the gap between confidence and share right from 0.11 to 0.03 (expected
/// calibration error) and ordered right before wrong events more often (AUC 0.63 → 0.67). On
/// those pages Chinese events are right less often than English ones read the same way, three
/// parties less often than two or four (a pair with a place named in passing), and a year from
/// elsewhere in the article less often than a stated one; an undated event less often than a
/// dated one, but not by as much as the score says.
fn calibrated(score: f32, reading: &Reading) -> f32 {
    let score = score.clamp(0.02, 0.98);
    let logit = 0.118 + 0.703 * (score / (1.0 - score)).ln()
        - if reading.chinese { 0.733 } else { 0.0 }
        + if reading.dated { 0.0 } else { 0.443 }
        - if reading.year_from_context {
            0.581
        } else {
            0.0
        }
        - if reading.parties == 3 { 0.754 } else { 0.0 };
    (1.0 / (1.0 + (-logit).exp())).clamp(0.05, 0.99)
}

/// The most precise date written in the clause.
/// A date after "said" or "announced" dates the saying, not the act ("have signed an agreement
/// …, a Beijing official said on Monday").
fn best_date(
    text: &str,
    dates: &[DateMention],
    clause: &Range<usize>,
) -> Option<(Dated, Range<usize>)> {
    starting_in(dates, clause, |mention| mention.range.start)
        .iter()
        .filter(|mention| mention.range.end <= clause.end)
        .filter(|mention| !dates_a_statement(&text[clause.start..mention.range.start]))
        .filter(|mention| !inside_a_title(&text[clause.start..mention.range.start]))
        .filter(|mention| !dates_the_occasion_marked(&text[clause.start..mention.range.start]))
        .max_by_key(|mention| {
            (
                mention.date.day.is_some(),
                mention.date.month.is_some(),
                mention.date.year.is_some(),
                // "From July 30th to August 1st": a span is dated by its first day.
                !crate::extract::dates::ends_a_span(&text[clause.start..mention.range.start]),
            )
        })
        .map(|mention| ((mention.date, mention.resolution), mention.range.clone()))
}

/// "中評社北京7月12日電 … 近日與…簽訂", "BEIJING, June 8 (Xinhua) -- … recently signed": the
/// day of the credit opening the clause is the day the story was filed, and the act it reports
/// "recently" happened some days before — the year is what the text supports (none when the
/// credit has none), as for "recently" told against the page date.
fn recent_before(
    text: &str,
    clause: &Range<usize>,
    from: &Range<usize>,
    date: Dated,
) -> Option<Dated> {
    if !tells_recent(text, clause.start, from, clause.end) {
        return Some(date);
    }
    Some((year_only(date.0)?, date.1))
}

/// A date's year alone, when it has one.
fn year_only(date: PartialDate) -> Option<PartialDate> {
    Some(PartialDate {
        year: Some(date.year?),
        month: None,
        day: None,
    })
}

/// Whether the date at `from` is that of a credit opening the text at `start`, and what follows
/// it up to `end` tells of an act done "recently".
fn tells_recent(text: &str, start: usize, from: &Range<usize>, end: usize) -> bool {
    from.start.saturating_sub(start) <= CREDIT_LENGTH
        && text
            .get(from.end..end)
            .is_some_and(|after| RECENTLY.is_match(after))
        && text
            .get(start..end)
            .is_some_and(|opening| crate::extract::dates::dateline(opening).is_some())
}

/// Whether a story's one day is its credit's, with the act told as "recent" after it: the day
/// the story was filed, which dates none of its acts.
fn recent_credit(text: &str, mention: &DateMention) -> bool {
    let start = text[..mention.range.start]
        .rfind('\n')
        .map_or(0, |at| at + 1);
    let rest = &text[mention.range.end..];
    let end = mention.range.end + rest.find(['。', '\n']).unwrap_or(rest.len());
    tells_recent(text, start, &mention.range, end)
}

/// How far into a clause a credit's date may sit ("经济日报-中国经济网北京10月17日讯").
const CREDIT_LENGTH: usize = 64;

/// "Recently", "日前": an act some days before the day the story speaks from.
static RECENTLY: LazyLock<Regex> = LazyLock::new(|| {
    compiled(r"(?i)(?-u:\b)(?:recently|the other day)(?-u:\b)|日前|近日|前不久|近期")
});

/// Whether the date at `date` is that of a dateline opening the clause ("MACAU, March 22 -",
/// "GUIYANG, Sept. 27 (Xinhua) --").
fn opens_a_dateline(text: &str, clause: &Range<usize>, date: &Range<usize>) -> bool {
    let before = text.get(clause.start..date.start).unwrap_or_default();
    let after = text.get(date.end..clause.end).unwrap_or_default();
    DATELINE_BEFORE.is_match(before) && DATELINE_AFTER.is_match(after)
}

static DATELINE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"(?:^|\s)[A-Z][A-Z .'’-]{2,},\s*$"));

static DATELINE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| compiled(r"^(?:,?\s*\d{4})?\s*(?:\([^)]{0,40}\)\s*)?(?:--|-|–|—)"));

/// The one day the story's definite restatements of its occasion give ("The meeting was held
/// on Friday (21 March)", "In the meeting on Monday (24 March)"), with where.
fn restated_day(
    text: &str,
    sentences: &[Range<usize>],
    dates: &[DateMention],
) -> Option<(Dated, Range<usize>)> {
    let mut found: Option<(Dated, Range<usize>)> = None;
    for sentence in sentences
        .iter()
        .filter(|&sentence| RESTATEMENT.is_match(&text[sentence.clone()]))
    {
        let Some(mention) = starting_in(dates, sentence, |mention| mention.range.start)
            .iter()
            .find(|mention| mention.date.month.is_some() && mention.date.day.is_some())
        else {
            continue;
        };
        match &found {
            Some((day, _)) if day.0 != mention.date => return None,
            Some(_) => {}
            None => found = Some(((mention.date, mention.resolution), mention.range.clone())),
        }
    }
    found
}

/// "The meeting was held on …", "In the meeting on …", "The agreement was signed on …"; and a
/// report's act named again with its day after the agent ("The move was announced by the
/// tourism authorities … at the opening ceremony on Sunday evening").
static RESTATEMENT: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?i)^\s*(?:(?:the|in the|at the|during the) (?:meeting|talks|signing(?: ceremony)?|ceremony|visit|courtesy call|agreement|memorandum)(?: was held| took place| was signed| was conducted)? on |the (?:move|alliance|deal|agreement|memorandum) was (?:announced|launched|signed|formed|unveiled|reached)(?-u:\b)[^.;]{0,200}?(?-u:\b)on )",
    )
});

/// "met … to mark the 100-day countdown to the launch of customs operations on Dec. 18": a
/// date after what the act marks or prepares for is that occasion's, not the act's.
fn dates_the_occasion_marked(before: &str) -> bool {
    let start = before.char_indices().rev().nth(160).map_or(0, |(at, _)| at);
    OCCASION_MARKED.is_match(&before[start..])
}

static OCCASION_MARKED: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?i)(?-u:\b)(?:to mark|to celebrate|countdown to|ahead of (?:the|a|an|its|their)|in the run-up to|in preparation for)(?-u:\b)[^,;。，；]*$",
    )
});

/// "签订《2025年开展携手兴乡村合作协议书》": whether a date stands inside a document's title
/// (a 《 before it not yet closed), which names the document's year, not the day of the act.
fn inside_a_title(before: &str) -> bool {
    parties::still_open(before, '《', '》').is_some()
}

/// Whether the text before a date ends with a verb of saying.
fn dates_a_statement(before: &str) -> bool {
    // Only the last words matter: a long clause costs no more than a short one.
    let start = before.char_indices().rev().nth(40).map_or(0, |(at, _)| at);
    let head = before[start..].trim_end().to_ascii_lowercase();
    let head = ["on", "in", "last"]
        .iter()
        .find_map(|word| head.strip_suffix(word).filter(|rest| rest.ends_with(' ')))
        .map_or(head.as_str(), str::trim_end);
    [
        "said",
        "says",
        "announced",
        "told reporters",
        "told",
        "noted",
        "stated",
    ]
    .iter()
    .any(|verb| head.ends_with(verb))
}

/// "Tianhe District signed with Dafang County, Huangpu District with Nayong County and Baiyun
/// District with Zhijin County": pairs joined by "with", one agreement each; "Foshan signed
/// agreements with Nanning and Guiyang", "A分别与B、C签署": one agreement with each. Empty unless every party
/// falls in a pair.
fn paired_lists(
    text: &str,
    clause: &Range<usize>,
    parties: &[Party],
    named: &[PlaceMention],
) -> Vec<Vec<Participant>> {
    let places: Vec<&Party> = parties.iter().filter(|party| !party.organisation).collect();
    // "花都区与佛山市三水区": the words between two parties, without the places that only
    // locate the second (its city), which are no party of the pair.
    let between = |left: &Party, right: &Party| -> String {
        let gap = left.range.end..right.range.start;
        let mut words = String::new();
        let mut from = gap.start;
        for place in starting_in(named, &gap, |place| place.range.start) {
            if place.range.end <= gap.end && place.range.start >= from {
                words.push_str(text.get(from..place.range.start).unwrap_or_default());
                from = place.range.end;
            }
        }
        words.push_str(text.get(from..gap.end).unwrap_or_default());
        words
    };
    // "东丽区、西青区、津南区日前分别与承德县、平泉县、隆化县签订": two lists of one length
    // joined by 分别与, paired in order.
    if let Some(turn) = (2..places.len()).find(|&at| {
        text.get(places[at - 1].range.end..places[at].range.start)
            .is_some_and(|between| RESPECTIVELY_WITH.is_match(between))
    }) && turn * 2 == places.len()
        && places.windows(2).enumerate().all(|(at, pair)| {
            at + 1 == turn
                || text
                    .get(pair[0].range.end..pair[1].range.start)
                    // A suffix the name was matched without stays outside it ("平泉县").
                    .map(|between| between.trim_start_matches(['县', '市', '区']))
                    .is_some_and(|between| between == "、" || between == ",")
        })
    {
        return places[..turn]
            .iter()
            .zip(&places[turn..])
            .map(|(left, right)| vec![left.participant.clone(), right.participant.clone()])
            .collect();
    }
    if let [first, partners @ ..] = places.as_slice()
        && partners.len() >= 2
        && (each_partner_after(&text[clause.start..partners[0].range.start])
            || EACH_WITH.is_match(
                text.get(first.range.end..partners[0].range.start)
                    .unwrap_or_default(),
            )
            || (WITH_BEFORE_LIST.is_match(
                text.get(first.range.end..partners[0].range.start)
                    .unwrap_or_default(),
            ) && partners.last().is_some_and(|last| {
                EACH_AFTER_LIST.is_match(text.get(last.range.end..clause.end).unwrap_or_default())
            }) && partners.windows(2).all(|pair| {
                // One list ("昭阳区、镇雄县"), not pairs of their own ("自贡市、渝北区与德阳市").
                !text
                    .get(pair[0].range.end..pair[1].range.start)
                    .unwrap_or_default()
                    .contains(['与', '同', '跟'])
            })))
        && partners
            .iter()
            .all(|partner| partner.range.start > first.range.end)
    {
        return partners
            .iter()
            .map(|partner| vec![first.participant.clone(), partner.participant.clone()])
            .collect();
    }
    // "石柱县党政代表团、荣昌区党政代表团先后来内江考察并签署合作协议": visitors listed, then
    // "one after another" to one host: one act of each visitor with the host.
    if let [visitors @ .., host] = places.as_slice()
        && visitors.len() >= 2
        && visitors.last().is_some_and(|last| {
            EACH_THEN_TO.is_match(
                text.get(last.range.end..host.range.start)
                    .unwrap_or_default(),
            )
        })
        && visitors.windows(2).all(|pair| {
            text.get(pair[0].range.end..pair[1].range.start)
                .is_some_and(|between| LISTED_VISITOR.is_match(between))
        })
    {
        return visitors
            .iter()
            .map(|visitor| vec![visitor.participant.clone(), host.participant.clone()])
            .collect();
    }
    let mut pairs = Vec::new();
    let mut index = 0;
    while index + 1 < places.len() {
        let (left, right) = (places[index], places[index + 1]);
        if PAIR_JOINT.is_match(&between(left, right)) {
            pairs.push(vec![left.participant.clone(), right.participant.clone()]);
            index += 2;
        } else {
            index += 1;
        }
    }
    if pairs.len() * 2 == places.len() {
        pairs
    } else {
        Vec::new()
    }
}

/// "江苏省党政代表团先后赴浙江、安徽考察": a delegation's trip to places listed one after another
/// is a visit to each (each host receives it on its own day) — when they are places of the
/// visitor's own level (a city's delegation touring two districts of the host city is one
/// visit to that city). Empty unless the clause names the visitor and then only the list.
fn destinations(text: &str, parties: &[Party], gazetteer: &Gazetteer) -> Vec<Vec<Participant>> {
    let places: Vec<&Party> = parties.iter().filter(|party| !party.organisation).collect();
    let [visitor, hosts @ ..] = places.as_slice() else {
        return Vec::new();
    };
    let gone_to = hosts.first().is_some_and(|first| {
        text.get(visitor.range.end..first.range.start)
            .is_some_and(|between| TRIP_TO.is_match(between) || VISITED.is_match(between))
    });
    let listed = hosts.windows(2).all(|pair| {
        text.get(pair[0].range.end..pair[1].range.start)
            .is_some_and(|between| {
                matches!(
                    between,
                    "、" | "和" | "及" | "与" | ", " | " and " | ", and "
                )
            })
    });
    let level = |party: &Party| {
        party
            .participant
            .entry
            .and_then(|id| gazetteer.entry(id))
            .map(|entry| entry.level)
    };
    let same_level =
        level(visitor).is_some_and(|own| hosts.iter().all(|host| level(host) == Some(own)));
    // "visited Fuzhou and Guangzhou": cities of different provinces are different hosts too.
    let province = |party: &Party| {
        party
            .participant
            .entry
            .and_then(|id| gazetteer.province_of(id))
    };
    let provinces_apart = hosts.iter().all(|host| province(host).is_some())
        && hosts
            .windows(2)
            .all(|pair| level(pair[0]) == level(pair[1]) && province(pair[0]) != province(pair[1]));
    if hosts.len() < 2 || !gone_to || !listed || !(same_level || provinces_apart) {
        return Vec::new();
    }
    hosts
        .iter()
        .map(|host| vec![visitor.participant.clone(), host.participant.clone()])
        .collect()
}

/// "A government delegation led by Chief Executive Chui Sai On visited ": a visitor going to
/// the places named next (tried only on what stands between the visitor and the first of them).
static VISITED: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"^[^.;]{0,80}?(?-u:\b)(?:visited|toured|paid (?:a )?visits? to|(?:a|an) (?:[a-z]+-day )?(?:visit|trip|tour) to)\s+$",
    )
});

/// "党政代表团先后赴", "率队到": a delegation going to the places named next.
static TRIP_TO: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"^[\p{Han}、，,]{0,40}?(?:代表团|考察团|一行|率队|带队)[,，]?(?:先后|分别|相继)?(?:赴|到|前往)$",
    )
});

/// "A and B signed X, and C and D signed Y": one clause per signing, so different pairs at
/// the same ceremony become separate events. The cut is the last ", and" or ", while" between
/// two signing verbs.
fn split_signings(text: &str, sentence: &Range<usize>) -> Vec<Range<usize>> {
    let slice = &text[sentence.clone()];
    if !slice.contains("signed") && !slice.contains("inked") {
        return vec![sentence.clone()];
    }
    let lower = slice.to_ascii_lowercase();
    let verbs: Vec<usize> = SIGNING
        .find_iter(&lower)
        .map(|found| found.start())
        .collect();
    if verbs.len() < 2 {
        return vec![sentence.clone()];
    }
    let mut clauses = Vec::new();
    let mut start = 0;
    for pair in verbs.windows(2) {
        let between = &lower[pair[0]..pair[1]];
        let cut = [", and ", ", while ", "; "]
            .iter()
            .filter_map(|joint| between.rfind(joint).map(|at| pair[0] + at + 1))
            .max();
        if let Some(cut) = cut {
            clauses.push(sentence.start + start..sentence.start + cut);
            start = cut;
        }
    }
    clauses.push(sentence.start + start..sentence.end);
    clauses
        .into_iter()
        .map(|range| {
            let slice = &text[range.clone()];
            let leading = slice.len() - slice.trim_start().len();
            range.start + leading..range.start + slice.trim_end().len()
        })
        .collect()
}

/// "镇海区迎来了金阳县调研组，余姚市迎来了昭觉县代表团；慈溪市…": Chinese news lines up
/// acts of different pairs in one sentence, parted by commas and semicolons. A piece that names
/// two places and reports an act starts a clause of its own once the clause before it already
/// holds one; pieces without both (a date, "19日下午", "两市签署了协议") or that go on with the
/// same subject ("并出席…") stay with it.
fn split_parallel(context: &Context<'_>, clause: Range<usize>) -> Vec<Range<usize>> {
    let text = context.text;
    let slice = &text[clause.clone()];
    if !may_hold_cjk(slice) || !slice.contains(PIECE_BREAKS) {
        return vec![clause];
    }
    let reports_between_two = |piece: Range<usize>| {
        !text[piece.clone()].trim_start().starts_with(SAME_SUBJECT)
            && starting_in(context.places, &piece, |place| place.range.start).len() >= 2
            && triggers::trigger(&text[piece]).is_some()
    };
    let mut clauses = Vec::new();
    let (mut start, mut holds_an_act) = (clause.start, false);
    let mut piece_start = clause.start;
    for (at, mark) in slice
        .match_indices(PIECE_BREAKS)
        .map(|(at, mark)| (clause.start + at, mark))
        .chain(std::iter::once((clause.end, "")))
    {
        let piece = piece_start..at;
        let whole = reports_between_two(piece.clone());
        if whole && holds_an_act {
            clauses.push(start..piece.start);
            start = piece.start;
        }
        holds_an_act |= whole;
        piece_start = at + mark.len();
    }
    clauses.push(start..clause.end);
    clauses
}

/// "…赴嘉兴市考察，并出席虹口与桐乡签约仪式": a piece opening with "and also" goes on with the
/// subject before it, one trip.
const SAME_SUBJECT: [char; 3] = ['并', '还', '又'];

/// Where the pieces of a Chinese sentence part: commas and semicolons, full-width or not.
const PIECE_BREAKS: [char; 4] = ['，', ',', '；', ';'];

static SIGNING: LazyLock<Regex> = LazyLock::new(|| {
    compiled(
        r"(?-u:\b)(?:signed|inked|concluded|entered into|reached an? (?:\w+ )?agreement)(?-u:\b)",
    )
});

#[cfg(test)]
mod tests {
    use super::{Reading, calibrated, counted_group};
    use crate::extract::extract_text;
    use crate::extract::test_gazetteer::gazetteer;
    use crate::model::{Event, PartialDate};

    fn events(text: &str, published: Option<PartialDate>) -> Vec<Event> {
        extract_text(text, published, &gazetteer()).events
    }

    /// The events of `text` read with the bundled gazetteer (the test one lacks most places).
    fn bundled_events(text: &str, published: Option<PartialDate>) -> Vec<Event> {
        extract_text(text, published, crate::extract::Gazetteer::bundled()).events
    }

    fn parties(event: &Event) -> Vec<&str> {
        event.participants.iter().map(|p| p.name.as_str()).collect()
    }

    /// Whether some event has exactly these parties, in this order.
    fn has_event_of(found: &[Event], names: &[&str]) -> bool {
        found.iter().any(|event| parties(event) == names)
    }

    /// Whether no event has this party.
    fn no_event_with(found: &[Event], name: &str) -> bool {
        found.iter().all(|event| !parties(event).contains(&name))
    }

    #[test]
    fn an_official_stands_for_the_place_of_their_office() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "The Chief Executive, Mrs Carrie Lam, started her visit programme in Chengdu today (September 23). Hong Kong hopes for more exchanges.\n\nMrs Lam first met with the Governor of Hainan Province, Mr Feng Fei.\n\nShe said Hainan is developing fast. Mrs Lam later met with the Chairman of the Guangxi Zhuang Autonomous Region, Mr Lan Tianli.";
        let found = extract_text(text, PartialDate::ymd(2021, 9, 23), bundled).events;
        let pairs: Vec<Vec<&str>> = found.iter().map(parties).collect();
        assert!(
            pairs.contains(&vec!["Hong Kong", "Hainan Province"]),
            "{pairs:?}"
        );
        // An English page names an autonomous region by its short name.
        assert!(pairs.contains(&vec!["Hong Kong", "Guangxi"]), "{pairs:?}");
        // Undated meetings in the story happened on the day its lead gives.
        assert!(
            found
                .iter()
                .all(|event| event.date == PartialDate::ymd(2021, 9, 23)),
            "{found:?}"
        );
        // An official met without a place's office is no cooperation event.
        let found = extract_text(
            "Mrs Lam met reporters in Hong Kong on May 3. Mr Lee met the Chairman of the company.",
            PartialDate::ymd(2021, 5, 3),
            bundled,
        )
        .events;
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn partners_met_or_signed_with_separately_are_each_the_subjects() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "The Chief Executive, Mr C Y Leung, yesterday (November 30) arrived in Sanya to attend the Forum. He separately met with leaders of Hainan, Yunnan and Sichuan this afternoon.\nMr Leung said that Hong Kong has ample space.";
        let found = extract_text(text, PartialDate::ymd(2012, 12, 1), bundled).events;
        let pairs: Vec<Vec<&str>> = found.iter().map(parties).collect();
        for partner in ["Hainan", "Yunnan", "Sichuan"] {
            assert!(pairs.contains(&vec!["Hong Kong", partner]), "{pairs:?}");
        }
        // Looking back from the pronoun never cuts a character in two.
        let text = format!("{}。{text}", "粤港合作".repeat(60));
        extract_text(&text, PartialDate::ymd(2012, 12, 1), bundled);
        // With the subject not named as a place, the partners are not partners of each other.
        let text = "The populous economic hub has signed agreements with Fujian Province and the Guangxi Zhuang Autonomous Region on May 4, 2016.";
        let found = extract_text(text, PartialDate::ymd(2016, 5, 5), bundled).events;
        assert!(found.is_empty(), "{found:?}");
        // The partners' bodies and their province may stand between "with" and their names.
        let text = "On October 27, Ziyang signed strategic cooperation agreements with government service departments of Chongqing's Nanchuan, Dazu, and Tongnan.";
        let found = extract_text(text, PartialDate::ymd(2023, 10, 28), bundled).events;
        let pairs: Vec<Vec<&str>> = found.iter().map(parties).collect();
        assert_eq!(
            pairs,
            [
                ["Ziyang", "Nanchuan"],
                ["Ziyang", "Dazu"],
                ["Ziyang", "Tongnan"]
            ],
            "{found:?}"
        );
    }

    #[test]
    fn an_official_met_may_be_named_before_the_title() {
        let text = "MACAO, April 28 - Chief Executive Sam Hou Fai visited Zhuhai. On Monday afternoon, in Jiangmen, Sam and his team met with Chen Anming, the city’s Municipal Party Committee secretary, and Jiangmen mayor Wu Xiaohui.";
        let found = bundled_events(text, PartialDate::ymd(2025, 4, 28));
        assert!(has_event_of(&found, &["Macao", "Jiangmen"]), "{found:?}");
    }

    #[test]
    fn an_office_named_for_where_it_sits_is_no_party() {
        let text = "On Feb 28, Xiqing district held a conference on cooperation. Yuan Xinhe, director of the Beijing Office of Tianjin Municipal People's Government, and Zhu Caibin, secretary of the CPC Xiqing Committee, attended the conference.";
        let found = bundled_events(text, PartialDate::ymd(2023, 3, 1));
        assert!(no_event_with(&found, "Beijing"), "{found:?}");
    }

    #[test]
    fn a_caption_says_who_meets_a_vice_governor() {
        let text = "Boosting ties: Secretary for Constitutional & Mainland Affairs Raymond Tam (left) meets Shaanxi Vice-Governor Wei Zengjun in Xian. Hong Kong and Shaanxi will work together.";
        let found = bundled_events(text, PartialDate::ymd(2017, 4, 26));
        assert!(has_event_of(&found, &["Hong Kong", "Shaanxi"]), "{found:?}");
    }

    #[test]
    fn beijings_liaison_office_in_hong_kong_is_no_city() {
        let text = "Chief Executive John Lee said on Monday the meeting in Guangzhou went well. At the event, Lee met Huang Kunming, the Communist Party chief of Guangdong province, and Zheng Yanxiong, the director of Beijing’s liaison office in Hong Kong.";
        let found = bundled_events(text, PartialDate::ymd(2024, 11, 25));
        assert!(no_event_with(&found, "Beijing"), "{found:?}");
    }

    #[test]
    fn members_meeting_on_a_gatherings_day_are_told_of_the_gathering() {
        let text = "8月19日,第三届川滇黔十市州合作与发展峰会在六盘水市隆重召开。来自川滇黔三省的峰会成员昆明市、六盘水市、毕节市、丽江市、宜宾市等市州以及云南省曲靖市、贵州省黔西南州代表共聚一堂,围绕加强区域合作进行交流。曲靖市、黔西南州成为峰会新成员。";
        let found = bundled_events(text, None);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].participants.len(), 7, "{found:?}");
    }

    #[test]
    fn visitors_coming_one_after_another_act_each_with_the_host() {
        let text =
            "6月11日至12日,重庆市石柱县党政代表团、荣昌区党政代表团先后来内江考察并签署合作协议。";
        let found = bundled_events(text, PartialDate::ymd(2020, 6, 13));
        let pairs: Vec<Vec<&str>> = found.iter().map(parties).collect();
        assert_eq!(
            pairs,
            [["Shizhu", "Neijiang"], ["Rongchang District", "Neijiang"]],
            "{found:?}"
        );
    }

    #[test]
    fn a_delegation_touring_places_of_its_level_visits_each() {
        let text = "3月16日至18日,上海市委书记陈吉宁,市委副书记、市长龚正率领上海市党政代表团,先后赴江苏省、安徽省、浙江省学习考察。";
        let found = bundled_events(text, PartialDate::ymd(2023, 3, 20));
        assert_eq!(found.len(), 3, "{found:?}");
        // 河北 beside 天津 is the province, not Tianjin's 河北区.
        let text = "3月17日至18日,北京市委书记尹力,市委副书记、市长殷勇率队到河北、天津学习考察。";
        let found = bundled_events(text, PartialDate::ymd(2023, 3, 20));
        let pairs: Vec<Vec<&str>> = found.iter().map(parties).collect();
        assert_eq!(
            pairs,
            [
                ["Beijing Municipality", "Hebei"],
                ["Beijing Municipality", "Tianjin"]
            ],
            "{found:?}"
        );
    }

    #[test]
    fn agreements_with_a_counted_list_after_a_dash_or_colon_are_one_per_partner() {
        for text in [
            "On May 7, 2019, Shanghai signed cooperation agreements with three cities - Changzhou, Yangzhou and Jiaxing.",
            "On May 7, 2019, Shanghai signed cooperation agreements with three cities: Changzhou, Yangzhou and Jiaxing.",
        ] {
            let found = bundled_events(text, None);
            let pairs: Vec<Vec<&str>> = found.iter().map(parties).collect();
            assert_eq!(
                pairs,
                [
                    ["Shanghai", "Changzhou"],
                    ["Shanghai", "Yangzhou"],
                    ["Shanghai", "Jiaxing"]
                ],
                "{text}"
            );
        }
        // A spaced dash between two places still joins them.
        let text = "The Tonghua – Taizhou cooperation joint conference took place in Tonghua on May 7, 2019.";
        let found = bundled_events(text, None);
        assert_eq!(parties(&found[0]), ["Tonghua", "Taizhou"], "{found:?}");
    }

    #[test]
    fn an_act_told_as_recent_under_a_credit_is_dated_by_the_credit_s_year_only() {
        // The credit's day is the day the story was filed, not the day of the signing.
        let text = "新华社北京2023年5月7日电 近日,苏州市与无锡市签署合作协议。";
        let found = bundled_events(text, None);
        assert_eq!(found.len(), 1, "{found:?}");
        let year_only = PartialDate {
            year: Some(2023),
            month: None,
            day: None,
        };
        assert_eq!(found[0].date, Some(year_only), "{found:?}");
        // Without a year in the credit or on the page, nothing is left to date it by.
        let text = "中评社北京7月12日电 平湖市近日与青田县签订合作协议。";
        let found = bundled_events(text, None);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].date, None, "{found:?}");
        // A credit's day with the act told on it stays that day.
        let text = "新华社北京2023年5月7日电 5月7日,苏州市与无锡市签署合作协议。";
        let found = bundled_events(text, None);
        assert_eq!(found[0].date, PartialDate::ymd(2023, 5, 7), "{found:?}");
    }

    #[test]
    fn a_city_written_before_its_zone_only_locates_it() {
        let text = "1月13日,牡丹江市与东莞松山湖高新区签署产业协同发展框架协议。";
        let found = bundled_events(text, PartialDate::ymd(2023, 1, 14));
        assert_eq!(
            parties(&found[0]),
            ["Mudanjiang City", "Songshan Lake High-tech Zone"],
            "{found:?}"
        );
    }

    #[test]
    fn an_english_delegation_visiting_places_of_its_level_visits_each() {
        let text = "On May 5, 2019, a Jiangsu delegation visited Shanghai and Zhejiang.";
        let found = bundled_events(text, None);
        let pairs: Vec<Vec<&str>> = found.iter().map(parties).collect();
        assert_eq!(
            pairs,
            [["Jiangsu", "Shanghai"], ["Jiangsu", "Zhejiang"]],
            "{found:?}"
        );
    }

    #[test]
    fn divisions_in_brackets_after_their_city_leave_the_city_the_party() {
        let text = "昨日下午,2025年松江区·昭通市(昭阳区、镇雄县、彝良县)东西部协作联席会议举行。";
        let found = bundled_events(text, PartialDate::ymd(2025, 9, 19));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(parties(&found[0]), ["Songjiang District", "Zhaotong City"]);
    }

    #[test]
    fn two_lists_joined_by_respectively_with_pair_in_order() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "天津市东丽区、西青区、津南区日前分别与河北承德市承德县、平泉县、隆化县签订对口帮扶框架协议。";
        let found = extract_text(text, PartialDate::ymd(2017, 3, 1), bundled).events;
        let pairs: Vec<Vec<&str>> = found.iter().map(parties).collect();
        assert_eq!(
            pairs,
            [
                ["Dongli District", "Chengde County"],
                ["Xiqing District", "Pingquan"],
                ["Jinnan District", "Longhua County"]
            ],
            "{found:?}"
        );
    }

    #[test]
    fn towns_joined_as_partners_are_no_parties_but_a_town_visited_is_its_districts() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "11月13日,合川区双槐镇与华蓥市庆华镇签署合作协议。";
        let found = extract_text(text, PartialDate::ymd(2024, 11, 14), bundled).events;
        assert!(found.is_empty(), "{found:?}");
        // Listed with their city and province before them, and named again as "两地".
        let text = "10月8日,重庆市合川区双槐镇、四川华蓥市庆华镇联合开展视察,当天,双槐、庆华两地还共同签署《合作协议》。";
        let found = extract_text(text, PartialDate::ymd(2024, 10, 9), bundled).events;
        assert!(found.is_empty(), "{found:?}");
        // A county's town after 的.
        let text = "日前,福建武平县象洞乡与台湾苗栗县的三湾乡签订了友好协议。";
        let found = extract_text(text, PartialDate::ymd(2014, 8, 18), bundled).events;
        assert!(found.is_empty(), "{found:?}");
        // Acting through their governments, the partner's county and province before it, under
        // an outlet's credit whose name holds a place (中国台湾网).
        let text = "中国台湾网7月30日琼海消息 日前,海南琼海市嘉积镇政府与台湾苗栗县三湾乡公所签订交流合作协议书。";
        let found = extract_text(text, PartialDate::ymd(2014, 7, 30), bundled).events;
        assert!(found.is_empty(), "{found:?}");
        let text = "6月25日,永平县党政代表团赴奉贤区柘林镇、海湾镇考察对接东西部协作工作。";
        let found = extract_text(text, PartialDate::ymd(2024, 6, 27), bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn confidence_is_calibrated_on_the_reading() {
        let english = Reading {
            chinese: false,
            dated: true,
            year_from_context: false,
            parties: 2,
        };
        // A higher score stays higher; every confidence stays within its bounds.
        assert!(calibrated(0.9, &english) > calibrated(0.6, &english));
        for score in [0.0, 0.5, 1.0] {
            let confidence = calibrated(score, &english);
            assert!((0.05..=0.99).contains(&confidence), "{confidence}");
        }
        // Read the same way, a Chinese page's event and a three-party event are less sure.
        let chinese = Reading {
            chinese: true,
            ..english
        };
        let three = Reading {
            parties: 3,
            ..english
        };
        assert!(calibrated(0.9, &chinese) < calibrated(0.9, &english));
        assert!(calibrated(0.9, &three) < calibrated(0.9, &english));
    }

    #[test]
    fn a_city_gone_to_by_its_standard_short_form_is_the_visits_destination() {
        let text = "9月4日,深圳市党政代表团来穗考察,两市签署深化战略合作框架协议。";
        let found = bundled_events(text, PartialDate::ymd(2019, 9, 5));
        let pairs: Vec<Vec<&str>> = found.iter().map(parties).collect();
        assert!(
            pairs.iter().any(|pair| pair.contains(&"Guangzhou")
                && pair.iter().any(|p| p.starts_with("Shenzhen"))),
            "{pairs:?}"
        );
    }

    #[test]
    fn places_signing_with_a_company_are_one_side_of_a_company_deal() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "4月14日,广州高新区、广州开发区、黄埔区与香港新华集团签署全面战略合作框架协议。";
        let found = extract_text(text, PartialDate::ymd(2021, 4, 15), bundled).events;
        assert!(found.is_empty(), "{found:?}");
        let text = "11月6日,罗庄区人民政府与上海吉陆零企业管理有限公司签约G60科创园投资运营项目。";
        let found = extract_text(text, PartialDate::ymd(2021, 11, 7), bundled).events;
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_name_of_several_places_is_the_one_named_in_full_beside_it() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "On March 9, 2021, leaders from Guizhou University and Qianxi County met and signed the Framework Agreement of Strategic Cooperation between GZU and Qianxi.";
        let found = extract_text(text, PartialDate::ymd(2021, 3, 10), bundled).events;
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn those_who_came_to_a_meeting_are_its_parties() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "The Metropolitan Area Conference was held in Hangzhou on 13th May, attracting over 150 representatives from member cities including Huzhou, Jiaxing and Shaoxing, etc.";
        let found = extract_text(text, PartialDate::ymd(2021, 5, 14), bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(parties(&found[0]), ["Huzhou", "Jiaxing", "Shaoxing"]);
    }

    #[test]
    fn those_whose_cooperation_a_meeting_serves_are_its_parties() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "A tourism conference was held in Nanning on May 3, aiming to pool the efforts of Guilin and Beihai and promote the coast.";
        let found = extract_text(text, PartialDate::ymd(2021, 5, 4), bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(parties(&found[0]), ["Guilin", "Beihai"]);
        // A meeting with a subject of its own keeps it.
        let text =
            "Nanning held a tourism conference on May 3 to pool the efforts of Guilin and Beihai.";
        let found = extract_text(text, PartialDate::ymd(2021, 5, 4), bundled).events;
        assert!(
            found
                .iter()
                .all(|event| parties(event).contains(&"Nanning")),
            "{found:?}"
        );
    }

    #[test]
    fn a_report_of_the_day_with_one_party_more_is_the_same_occasion() {
        let bundled = crate::extract::Gazetteer::bundled();
        // The welcome of the visit names the district (普陀) that also names a Zhoushan one.
        let text = "8月29日,普陀区与昆明市东川区召开东西部协作工作座谈会。普陀区委书记姜冬冬出席。\n姜冬冬代表普陀区委、区政府对东川区党政代表团的来访表示热烈欢迎,对援助普陀的东川区各单位表示感谢。";
        let found = extract_text(text, PartialDate::ymd(2020, 8, 30), bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(parties(&found[0]), ["Putuo District", "Dongchuan District"]);
    }

    #[test]
    fn a_name_joined_to_a_place_in_its_province_reading_is_its_city() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "Two cities in Jilin province, Changchun and Jilin, have signed a tourism agreement in Changchun.";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(parties(&found[0]), ["Changchun", "Jilin"]);
        // Not when the place before it lies elsewhere: 河北省 stays the province of 涿州.
        let text = "北京市房山区与河北省涿州市政府签署了框架协议。";
        let found = extract_text(text, None, bundled).events;
        assert!(no_event_with(&found, "Hebei District"), "{found:?}");
    }

    #[test]
    fn a_signing_on_a_later_day_of_a_trip_is_the_trip_s_act() {
        let bundled = crate::extract::Gazetteer::bundled();
        // Our city is the one the story names besides the host: its mayor leads the trip.
        let text = "8月16日至18日,市委副书记、市长孙弘率团赴绍兴开展对口合作交流活动。\n17日上午,绍兴·辽源对口合作交流会在绍兴市行政中心举行,辽源、绍兴两市政府签订缔结友好城市协议书。";
        let found = extract_text(text, PartialDate::ymd(2018, 8, 19), bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].kind, crate::model::EventKind::Agreement);
        assert_eq!(found[0].date, PartialDate::ymd(2018, 8, 17));
    }

    #[test]
    fn partners_signing_one_after_another_sign_one_agreement_each_dated_by_the_occasion() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "9月18日,松江区·昭通市东西部协作联席会议举行。松江区人民政府与昭通市昭阳区、镇雄县、彝良县人民政府依次签订《2025年开展携手兴乡村合作协议书》。";
        let found = extract_text(text, PartialDate::ymd(2025, 9, 19), bundled).events;
        let signings: Vec<Vec<&str>> = found
            .iter()
            .filter(|event| event.kind == crate::model::EventKind::Agreement)
            .map(parties)
            .collect();
        assert_eq!(
            signings,
            [
                ["Songjiang District", "Zhaoyang District"],
                ["Songjiang District", "Zhenxiong County"],
                ["Songjiang District", "Yiliang County"]
            ],
            "{found:?}"
        );
        // The year in the agreement's title is not the day it was signed.
        assert!(
            found
                .iter()
                .all(|event| event.date == PartialDate::ymd(2025, 9, 18)),
            "{found:?}"
        );
    }

    #[test]
    fn a_chinese_meeting_named_only_by_its_venue_is_of_the_places_whose_officials_attend() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "5月3日,湘赣边区域合作示范区建设推进大会在湖南醴陵召开。湖南省委书记许达哲,江西省委副书记、省长易炼红出席并讲话。";
        let found = extract_text(text, PartialDate::ymd(2021, 5, 4), bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(parties(&found[0]), ["Hunan Province", "Jiangxi Province"]);
    }

    #[test]
    fn a_province_s_character_beside_a_city_s_is_the_city_the_page_names() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "2月14日下午,深赣对口合作第一次联席会议在深圳召开。赣州市委书记出席。";
        let found = extract_text(text, PartialDate::ymd(2023, 2, 15), bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(parties(&found[0]), ["Shenzhen", "Ganzhou"]);
    }

    #[test]
    fn abbreviations_inside_a_title_name_its_topic_unless_the_title_was_signed() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "7月28日,盟政协党组召开会议,专题研究《政协“京蒙协作 政协助力”工作方案》。";
        let found = extract_text(text, PartialDate::ymd(2023, 7, 29), bundled).events;
        assert!(found.is_empty(), "{found:?}");
        let text = "7月1日,粤港澳三地政府签署《深化粤港澳合作 推进大湾区建设框架协议》。";
        let found = extract_text(text, PartialDate::ymd(2017, 7, 2), bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn a_place_s_association_acts_for_itself() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "Liu Qi, vice chairperson from Shanghai Women's Federation led a team to Guoluo Prefecture on August 22.";
        let found = extract_text(text, PartialDate::ymd(2019, 8, 25), bundled).events;
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn an_alliance_s_members_listed_next_are_its_parties() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "Ten tourist cities have founded a tourism cooperation alliance on May 3. The ten cities are Beijing, Shanghai, Chongqing and Hangzhou.";
        let found = extract_text(text, PartialDate::ymd(2007, 5, 4), bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            parties(&found[0]),
            ["Beijing", "Shanghai", "Chongqing", "Hangzhou"]
        );
        // A long clause of wide characters after the founding is read without a split character.
        let text = format!("十个城市成立旅游联盟。{}", "合作".repeat(60));
        assert!(extract_text(&text, None, bundled).events.is_empty());
    }

    #[test]
    fn a_counted_group_takes_the_members_a_following_clause_lists() {
        let bundled = crate::extract::Gazetteer::bundled();
        // Members listed two clauses on, in a clause that does not say it lists them.
        let text = "Courts in the four cities signed an agreement on Friday. It follows a national call. The details were worked out by the courts of Shanghai, Hangzhou, Suzhou and Hefei.";
        let found = extract_text(text, PartialDate::ymd(2023, 11, 3), bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            parties(&found[0]),
            ["Shanghai", "Hangzhou", "Suzhou", "Hefei"]
        );
        // A declaration issued together is an agreement; the count must fit the list.
        let text = "Three cities issued a declaration on innovation on May 3. Officials of Shanghai and Hangzhou spoke.";
        let found = extract_text(text, PartialDate::ymd(2023, 5, 4), bundled).events;
        assert!(found.is_empty(), "{found:?}");
        // A list set out by province runs on through its semicolons.
        let text = "A group of six cities in Shaanxi, Gansu and Sichuan have signed a tourism agreement. The cities involved are: Guangyuan and Mianyang in Sichuan; Hanzhong and Baoji in Shaanxi; and Tianshui and Pingliang in Gansu. Under the agreement, the cities will share tours.";
        let found = extract_text(text, PartialDate::ymd(2009, 9, 8), bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            parties(&found[0]),
            [
                "Guangyuan",
                "Mianyang",
                "Hanzhong",
                "Baoji",
                "Tianshui",
                "Pingliang"
            ]
        );
    }

    #[test]
    fn an_opening_following_phrase_names_earlier_acts_not_this_one_s_parties() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "Following the signing of agreements of Hangzhou with Suzhou, Nanjing has also signed a framework agreement with Hefei on May 3.";
        let found = extract_text(text, PartialDate::ymd(2022, 5, 4), bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(parties(&found[0]), ["Nanjing", "Hefei"]);
        // The places a purpose names are its topic, not the parties.
        let text = "On May 3, to implement the plan for the integration of Shanghai and Zhejiang, Nanjing signed a framework agreement with Hefei.";
        let found = extract_text(text, PartialDate::ymd(2022, 5, 4), bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(parties(&found[0]), ["Nanjing", "Hefei"]);
    }

    #[test]
    fn counted_groups_say_how_many() {
        assert_eq!(
            counted_group("nine cities in the yangtze river delta "),
            Some(9)
        );
        assert_eq!(
            counted_group("courts in the nine cities along the corridor "),
            Some(9)
        );
        assert_eq!(
            counted_group("prosecutors of china's six provincial-level regions "),
            Some(6)
        );
        assert_eq!(counted_group("18 cities in the three provinces "), Some(18));
        assert_eq!(counted_group("13日,云南、贵州两省的5个州市"), Some(5));
        assert_eq!(counted_group("湘赣边十个县(市、区)共同"), Some(10));
        assert_eq!(counted_group("两个市"), Some(2));
        assert_eq!(counted_group("二十三个县"), Some(23));
        assert_eq!(
            counted_group("four procuratorates along the route "),
            Some(4)
        );
        assert_eq!(counted_group("the city and its partners "), None);
    }

    #[test]
    fn an_institution_s_deals_with_several_places_are_no_act_of_theirs() {
        let bundled = crate::extract::Gazetteer::bundled();
        let found = extract_text(
            "Shanxi University signed agreements with the counties of Guxian, Tianzhen and Yonghe on May 3.",
            PartialDate::ymd(2021, 5, 4),
            bundled,
        )
        .events;
        assert!(found.is_empty(), "{found:?}");
        // With a place as the subject, the places sign with each other.
        let found = extract_text(
            "Taiyuan signed an agreement with Shanxi University and Changzhi on May 3.",
            PartialDate::ymd(2021, 5, 4),
            bundled,
        )
        .events;
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn an_undated_act_in_a_story_of_one_day_happened_that_day() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "Shaoxing signed 12 cooperation projects with Shanghai.\n\nInvestors came from many places.\n\nThe weather was fine.\n\nUnder the 12 projects signed on Saturday, a park will be built.";
        let found = extract_text(text, PartialDate::ymd(2020, 12, 19), bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].date, PartialDate::ymd(2020, 12, 19));
        // A day ahead ("to be held from May 17") is a plan, not the story's day.
        let text = "Shaoxing signed 12 cooperation projects with Shanghai.\n\nInvestors came from many places.\n\nThe weather was fine.\n\nA fair is to be held from May 17.";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].date, None);
    }

    #[test]
    fn the_same_day_is_the_day_last_named() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "The delegation of Liaoning visited Shanghai for counterpart cooperation from June 19 to June 21. On June 20, the secretary of the Shanghai Municipal Party Committee met with the delegation of Liaoning. On the same day, the second joint conference on counterpart cooperation between Shanghai and Dalian was held in Shanghai.";
        let found = extract_text(text, None, bundled).events;
        let dalian = found
            .iter()
            .find(|event| parties(event).contains(&"Dalian"))
            .expect("the conference");
        assert_eq!(dalian.date, PartialDate::month_day(6, 20), "{found:?}");
    }

    #[test]
    fn what_parties_agreed_to_do_names_no_partner() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "In 1997, Fujian and Ningxia agreed to build a new village near Ningxia's capital Yinchuan to relocate villagers.";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(parties(&found[0]), ["Fujian", "Ningxia"]);
        // "with" still brings a partner in.
        let text = "On May 3, Fujian agreed to cooperate with Ningxia on energy.";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(parties(&found[0]), ["Fujian", "Ningxia"]);
    }

    #[test]
    fn the_places_heading_an_agreement_s_title_signed_it() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "Since the signing of the \"Agreement on Cooperation and Joint Construction of the Shenzhen-Harbin Industrial Park\" in May 2019, the park has attracted 590 companies.";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(parties(&found[0]), ["Shenzhen", "Harbin"]);
        assert_eq!(found[0].date, PartialDate::year_month(2019, 5));
        let text = "8月17日，双方签署了《北京市人民政府河北省人民政府关于共同推进河北雄安新区规划建设的战略合作协议》。";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].participants.len(), 2, "{found:?}");
        assert!(parties(&found[0])[1].starts_with("Hebei"), "{found:?}");
    }

    #[test]
    fn what_will_be_done_is_no_event() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "渝北和双流这对腾飞之翼,必将以更加开放的姿态共建经济圈。";
        assert!(extract_text(text, None, bundled).events.is_empty());
        // A clause without a subject of its own goes on with the plan before it.
        let text = "11月16日上午,河南省党政代表团将赴上海、江苏、浙江学习考察。与上海、江苏、浙江举行战略合作签约等一系列活动。";
        assert!(extract_text(text, None, bundled).events.is_empty());
        let text = "双方也规划在会展产业领域,由台北市与上海市主管局处代表签署合作备忘录。";
        assert!(extract_text(text, None, bundled).events.is_empty());
        // "本次…联席会议" is the meeting the story has said is to come.
        let text = "2013年粤澳合作联席会议将於本月14日在广东省中山市举行。本次粤澳合作联席会议以深化各领域合作为主旨,重点检视两地民生合作。";
        assert!(extract_text(text, None, bundled).events.is_empty());
    }

    #[test]
    fn a_group_that_jointly_kicked_off_a_project() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "East China's Anhui and Zhejiang provinces border each other. The two provinces on Sunday jointly kicked off a project to monitor water quality in the Xin'an River, which originates from the city of Huangshan, Anhui province, and runs into Zhejiang.";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].kind, crate::model::EventKind::Other);
        // The city the river rises in is not one of "the two provinces".
        assert_eq!(
            parties(&found[0]),
            ["Anhui", "Zhejiang Province"],
            "{found:?}"
        );
    }

    #[test]
    fn members_listed_next_officials_who_sign_at_the_occasion_and_a_delegation_leading() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "The environmental departments of 11 provinces have jointly signed a framework agreement on May 3. The 11 provinces are Sichuan, Ningxia, Xinjiang, Qinghai, Shaanxi, Gansu, Shanxi, Henan, Hubei, Chongqing, and Inner Mongolia.";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].participants.len(), 11, "{found:?}");
        let text = "Financial Secretary Paul Chan co-chaired the 10th Hong Kong Macao Co-operation High Level Meeting with Macau Secretary Lionel Leong in Hong Kong today.\n\nMr Chan and Mr Leong signed the HK-Macao Closer Economic Partnership Arrangement before the meeting.";
        let found = extract_text(text, PartialDate::ymd(2017, 10, 27), bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].kind, crate::model::EventKind::Agreement);
        let text = "Mayor Zhang of Changsha is leading a delegation to Hami from March 7.";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn officials_of_two_places_attending_and_a_relationship_established() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "The 2021 Zhangjiajie Winter Tourism Promotion Conference was held in Yueyang on December 17. Wan Dong of the Zhangjiajie Municipal People's Government, and Wei Shuping, counterpart of the Yueyang Municipal People's Government, attended.";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(parties(&found[0]).len(), 2, "{found:?}");
        assert_eq!(found[0].date, PartialDate::ymd(2021, 12, 17));
        let text = "Since the establishment of the pairing relationship between Xishan District and Hualong County in 2017, the two places have had frequent exchanges.";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn agreements_with_units_abroad_are_no_chinese_event() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "On May 3, ten provincial tourism bureaus including Shanghai, Jiangsu and Shandong signed cooperation agreements on tourism with ten American states.";
        assert!(extract_text(text, None, bundled).events.is_empty());
        let text = "9月2日,兴安盟与蒙古国东方省签署建立友好城市关系协议,呼伦贝尔市出席。";
        assert!(extract_text(text, None, bundled).events.is_empty());
        // An alliance of sister cities abroad and places at home is the home places'.
        let text = "2017年11月16日,昆明市与老挝万象市、缅甸仰光市等国际友好城市以及德宏州、丽江市共同成立昆明国际友城旅游联盟。";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].kind, crate::model::EventKind::Alliance);
    }

    #[test]
    fn the_places_a_visitor_no_place_names_went_to_did_nothing_together() {
        for text in [
            "7月10日,县长曲锋一行赴深圳、东莞考察。",
            "On July 10, the delegation went to Shenzhen and Dongguan to inspect parks.",
        ] {
            assert!(bundled_events(text, None).is_empty(), "{text}");
        }
        let found = bundled_events("7月10日,江宁区党政代表团赴深圳、东莞考察。", None);
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn a_day_ahead_dates_nothing_told_after_it() {
        let text = "From May 22nd to 23rd, the Governors Forum will be held in Chengdu.\n\nThe Sichuan-Hong Kong cooperation conference was held in Chengdu.";
        let found = bundled_events(text, None);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].date, None);
    }

    #[test]
    fn a_place_that_names_a_disaster_is_no_side() {
        let text = "Mrs Lam led a Hong Kong delegation to visit Sichuan from May 10 to 12, 2016 to conclude the reconstruction work after the Wenchuan earthquake in 2008.";
        let found = bundled_events(text, None);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(parties(&found[0]), ["Hong Kong", "Sichuan"]);
        assert_eq!(
            found[0].date.map(|d| d.edtf()).as_deref(),
            Some("2016-05-10")
        );
    }

    #[test]
    fn a_trip_over_several_days_is_dated_by_its_first_day() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "From July 30th to August 1st, Governor Yuan led a delegation of Zhejiang Province to visit Tibet for counterpart assistance.";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].date, PartialDate::month_day(7, 30));
    }

    #[test]
    fn an_undated_visit_of_the_parties_of_one_dated_act_is_that_trip() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "Chief Executive Carrie Lam met Hebei Governor Xu Qin at Government House in Hong Kong today.\n\nWelcoming Mr Xu's first visit to Hong Kong since she took office, Mrs Lam said the two places attach importance to their relations.";
        let found = extract_text(text, PartialDate::ymd(2019, 4, 10), bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(parties(&found[0]), ["Hong Kong", "Hebei"]);
    }

    #[test]
    fn a_region_named_by_its_members_meets_as_them_and_hebei_is_the_province() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "On July 7, the Beijing-Tianjin-Hebei Party and Government Leaders Symposium was held in Beijing.\n\nOn July 8, Hong Kong SAR and Macao SAR officials met in Zhuhai with a Beijing, Tianjin and Hebei delegation.";
        let found = extract_text(text, PartialDate::ymd(2023, 7, 9), bundled).events;
        assert_eq!(parties(&found[0]), ["Beijing", "Tianjin", "Hebei"]);
        assert!(
            found[1..]
                .iter()
                .all(|event| !parties(event).contains(&"Hebei District"))
        );
    }

    #[test]
    fn a_region_of_fixed_members_that_names_the_meeting_meets_as_them() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "The 2023 Pan-Pearl River Delta Regional Cooperation Executive Heads Joint Meeting was held in Guiyang on July 7.\n\nOn July 8, Wuxi companies held a fair to integrate into the Yangtze River Delta.";
        let found = extract_text(text, PartialDate::ymd(2023, 7, 9), bundled).events;
        assert_eq!(found.len(), 1);
        assert_eq!(parties(&found[0]).len(), 11);
        assert!(parties(&found[0]).contains(&"Macao"));
        // Joined by "and" to a place named before it; not a city's conference "(for)" it.
        let text = "A seminar on the coordinated development of Shanxi province and the Beijing-Tianjin-Hebei region took place in Taiyuan on Nov 25.\n\nOn October 28, the 2021 Nanning (Guangdong-Hong Kong-Macao Greater Bay Area) Investment Promotion Conference was held in Shenzhen.";
        let found = extract_text(text, PartialDate::ymd(2021, 11, 29), bundled).events;
        assert_eq!(found.len(), 1);
        assert_eq!(
            parties(&found[0]),
            ["Shanxi Province", "Beijing", "Tianjin", "Hebei"]
        );
        // A city cluster named by its members' characters (长株潭) is its three cities.
        let found = extract_text(
            "4月10日上午,长株潭一体化发展市委书记联席会议在湘潭召开。",
            PartialDate::ymd(2021, 4, 11),
            bundled,
        )
        .events;
        assert_eq!(found.len(), 1);
        assert_eq!(parties(&found[0]), ["Changsha", "Zhuzhou", "Xiangtan"]);
    }

    #[test]
    fn a_meeting_named_for_a_pair_and_a_framework_reached_are_reports() {
        let bundled = crate::extract::Gazetteer::bundled();
        let found = extract_text(
            "Yu Weiguo, Party chief of Fujian, made the comment at the 24th annual meeting on Fujian-Ningxia cooperation in Yinchuan on Friday.",
            PartialDate::ymd(2020, 9, 12),
            bundled,
        )
        .events;
        assert_eq!(parties(&found[0]), ["Fujian", "Ningxia"]);
        assert_eq!(
            found[0].date.map(|d| d.edtf()).as_deref(),
            Some("2020-09-11")
        );
        let found = extract_text(
            "On May 27, the Joint Conference of Shandong - Chongqing Cooperation for Poverty Alleviation was held. Experts gathered in a forum on June 2 where a cooperation framework was reached between Binhai New Area and Dongli District.",
            PartialDate::ymd(2021, 6, 3),
            bundled,
        )
        .events;
        assert_eq!(parties(&found[0]), ["Shandong", "Chongqing"]);
        assert_eq!(parties(&found[1]), ["Binhai New Area", "Dongli District"]);
    }

    #[test]
    fn chinese_reports_in_either_script_are_events() {
        let bundled = crate::extract::Gazetteer::bundled();
        for text in [
            "5月1日，烟台市与大连市签署合作协议。",
            "5月1日，煙台市與大連市簽署合作協議。",
        ] {
            let found = extract_text(text, None, bundled).events;
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(parties(&found[0]), ["Yantai City", "Dalian City"]);
            assert_eq!(found[0].kind, crate::model::EventKind::Agreement);
            assert_eq!(
                found[0].date.map(|d| d.edtf()).as_deref(),
                Some("XXXX-05-01")
            );
        }
        // A plan is not an event; 合作 is a word here, not 合作市.
        let plan = extract_text("烟台市与大连市将签署合作协议。", None, bundled);
        assert!(plan.events.is_empty());
        assert!(plan.places.iter().all(|place| place.name != "Hezuo"));
        // The provinces' one-character names joined before 协作 are the parties.
        let text = "4月28日，省委书记率领代表团召开深化闽宁协作发展交流座谈会。";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(parties(&found[0]), ["Fujian", "Ningxia"]);
        // A city by the first character of a name the page gives; a region's name stays whole.
        let text = "沈阳是辽宁省会。11月5日，京沈对口合作座谈会在沈阳举行。";
        let found = extract_text(text, None, bundled).events;
        assert!(has_event_of(&found, &["Beijing", "Shenyang"]), "{found:?}");
        let text = "11月5日，天津市召开深入推进京津冀协同发展座谈会。";
        assert!(extract_text(text, None, bundled).events.is_empty());
        // Chinese news dates a visit to the day: one without a day, or a co-building dated by
        // the story only, is background.
        let text = "2021年，江宁区党政代表团赴海安市考察。深哈园区共建、共设基金等做法列入典型。";
        assert!(extract_text(text, None, bundled).events.is_empty());
        let text = "2021年5月7日，江宁区党政代表团赴海安市考察。";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
        // A zone named after its place is that side: the visit and the signing are one.
        let text = "8月19日，海安市委书记、海安经济技术开发区党工委书记率考察团来江宁区考察交流。当天，江宁区、海安市签订战略合作协议。";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
        // "赴南京参加…座谈会": the city gone to in order to attend is the venue.
        let text = "9月14日,市长姜有为赴南京参加辽宁省—江苏省对口合作工作座谈会。";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(
            parties(&found[0]),
            ["Liaoning Province", "Jiangsu Province"],
            "{found:?}"
        );
        // "在珠海、澳门两地召开": the places listed right before the group word.
        let text = "3月14日，珠澳合作会议以视频方式在珠海、澳门两地召开，会议主题为支持横琴粤澳深度合作区建设。";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(parties(&found[0]), ["Zhuhai", "Macao"], "{found:?}");
        // A mirror site's pinyin does not split the words; evidence is the page's own text.
        let text = "4月12日，广东省长率省政府代表团(tuán)赴广西考察，两省区签署合作协议(yì)。";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(
            parties(&found[0]),
            ["Guangdong Province", "Guangxi"],
            "{found:?}"
        );
        assert!(text[found[0].evidence[0].clone()].contains("代表团(tuán)赴"));
        // "深港双方签署": both sides, by their characters.
        let text = "深圳市欢迎客人。9月6日，深港双方签署了《关于推进合作的安排》。";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(parties(&found[0]), ["Shenzhen", "Hong Kong"], "{found:?}");
        // "来绍考察": came to the city the page names that begins with 绍.
        let text = "绍兴市欢迎客人。4月28日，吉林省政协主席率团来绍考察。";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(
            parties(&found[0]),
            ["Jilin Province", "Shaoxing"],
            "{found:?}"
        );
        // Held in two places at once: both are parties.
        let text = "2022年珠澳合作会议14日以视频连线方式在珠海、澳门两地召开。";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(parties(&found[0]), ["Zhuhai", "Macao"], "{found:?}");
    }

    #[test]
    fn a_provincial_host_meets_for_the_province() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "On May 3, the provincial Party Secretary Wang Guosheng met in Xining with the Shandong Liaocheng government delegation.";
        let found = extract_text(text, PartialDate::ymd(2020, 5, 4), bundled).events;
        assert_eq!(parties(&found[0]), ["Qinghai", "Liaocheng"]);
        // So in Chinese, where the city met in stands right before the trigger.
        let text = "4月19日,自治区党委书记李建华在银川会见了吉林省政协主席黄燕明一行。";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(
            parties(&found[0]),
            ["Ningxia", "Jilin Province"],
            "{found:?}"
        );
        // A city's official meets for the city.
        let text = "4月19日,市委书记胡玉亭在大连会见了苏州市市长一行。";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(parties(&found[0]), ["Dalian", "Suzhou City"], "{found:?}");
    }

    #[test]
    fn a_dateline_s_day_yields_to_the_day_the_story_restates_for_the_meeting() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "MACAU, March 22 - The Chief Executive of Macao met with the Governor of Guangdong Province.\n\nThe meeting was held on Friday (21 March) at the Government Headquarters.";
        let found = extract_text(text, PartialDate::ymd(2025, 3, 22), bundled).events;
        assert_eq!(
            found[0].date.map(|d| d.edtf()).as_deref(),
            Some("2025-03-21"),
            "{found:?}"
        );
        // Without a restatement the dateline's day stands.
        let text = "MACAU, March 22 - The Chief Executive of Macao met with the Governor of Guangdong Province.";
        let found = extract_text(text, PartialDate::ymd(2025, 3, 22), bundled).events;
        assert_eq!(
            found[0].date.map(|d| d.edtf()).as_deref(),
            Some("2025-03-22"),
            "{found:?}"
        );
    }

    #[test]
    fn a_dateline_s_day_yields_to_the_day_the_move_was_announced() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "NANNING, May 12 (Xinhua) -- Hunan and Guizhou provinces have launched an alliance on tourism.\n\nThe move was announced by the tourism authorities of the two provinces at a fair on Sunday evening in Kaili.";
        let found = extract_text(text, PartialDate::ymd(2021, 5, 12), bundled).events;
        // 12 May 2021 was a Wednesday; the Sunday before it the 9th.
        assert_eq!(
            found[0].date.map(|d| d.edtf()).as_deref(),
            Some("2021-05-09"),
            "{found:?}"
        );
    }

    #[test]
    fn kinmen_and_fujian_are_two_sides() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "On July 20, 2015, Fujian and Kinmen signed a water supply agreement.";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(parties(&found[0]), ["Fujian", "Kinmen"], "{found:?}");
    }

    #[test]
    fn an_alliance_to_be_set_up_or_named_as_a_means_is_not_founded() {
        let bundled = crate::extract::Gazetteer::bundled();
        for text in [
            "9月22日，四川、重庆、贵州将成立“西三角”文旅合作联盟。",
            "四川、重庆、贵州三省市地缘相近，通过成立“西三角”文旅合作联盟，将有利于实现优势互补。",
        ] {
            let found = extract_text(text, None, bundled).events;
            assert!(found.is_empty(), "{text}: {found:?}");
        }
        let found =
            extract_text("9月22日，四川、重庆、贵州成立文旅合作联盟。", None, bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn places_that_signed_with_businesses_did_not_sign_with_each_other() {
        let bundled = crate::extract::Gazetteer::bundled();
        for text in [
            "Kunming and Dali signed 19 tourism projects with partners from other provinces on May 7, 2019.",
            "On May 7, 2019, Xiamen and Zhangzhou signed deals with local enterprises.",
            "6月1日，都江堰市、彭州市、青羊区等区（市）县与有关企业签署了合作协议。",
            "6月1日，盐城市慈善总会与铜川市慈善暨扶贫协会签订合作协议。",
        ] {
            let found = extract_text(text, None, bundled).events;
            assert!(found.is_empty(), "{text}: {found:?}");
        }
        // The visit stands; no agreement was signed between the places.
        let found = extract_text(
            "A delegation from Kaohsiung arrived in Xiamen, Fujian Province, and signed 30 million U.S. dollars worth of fruit deals with local enterprises on May 7, 2019.",
            None,
            bundled,
        )
        .events;
        assert!(
            found
                .iter()
                .all(|event| event.kind != crate::model::EventKind::Agreement),
            "{found:?}"
        );
        // Signing with each other still is an agreement.
        let found = extract_text(
            "On May 7, 2019, Kunming and Dali signed an agreement on tourism.",
            None,
            bundled,
        )
        .events;
        assert_eq!(parties(&found[0]), ["Kunming", "Dali"], "{found:?}");
    }

    #[test]
    fn a_joined_name_after_at_the_is_the_occasion_s_not_a_venue() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "Mayor Chen delivered an address at the Xiamen-Shanghai Forum in Shanghai on August 18.";
        let found = extract_text(text, PartialDate::ymd(2020, 9, 1), bundled).events;
        assert_eq!(parties(&found[0]), ["Xiamen", "Shanghai"], "{found:?}");
    }

    #[test]
    fn associations_acting_after_an_opening_purpose_leave_its_places_out() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "In order to deeply promote the cooperation of aluminum industry between Anyi and Foshan, the morning of August 31, Anyi Aluminum Alloy Plastic Profile Industry Base Enterprise Association and Nanhai District Aluminum Profile Industry Association held a strategic cooperation agreement signing ceremony in Foshan.";
        let found = extract_text(text, PartialDate::ymd(2020, 9, 1), bundled).events;
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn officials_of_two_places_who_officiate_at_a_ceremony_meet() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "Hong Kong Secretary Patrick Nip and Tianjin Vice-Mayor Zhao Haishan officiated at the opening ceremony of the liaison unit.";
        let found = extract_text(text, PartialDate::ymd(2017, 9, 14), bundled).events;
        assert_eq!(parties(&found[0]), ["Hong Kong", "Tianjin"], "{found:?}");
    }

    #[test]
    fn in_a_meeting_between_two_officials_their_places_meet() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "In a meeting between John Lee Ka-chiu, the Chief Executive of the Hong Kong SAR, and Liu Xiaoming, the Governor of Hainan Province, John Lee noted that Hong Kong's service industries are strong.";
        let found = extract_text(text, PartialDate::ymd(2024, 9, 1), bundled).events;
        assert_eq!(
            parties(&found[0]),
            ["Hong Kong", "Hainan Province"],
            "{found:?}"
        );
    }

    #[test]
    fn a_delegation_s_destination_follows_on_a_visit_to_and_arrived_in() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "Deputy Secretary Grace Lui of Hong Kong is leading a Government delegation on a four-day visit to Fujian Province.";
        let found = extract_text(text, PartialDate::ymd(2005, 3, 7), bundled).events;
        assert_eq!(
            parties(&found[0]),
            ["Hong Kong", "Fujian Province"],
            "{found:?}"
        );
        let text = "A delegation headed by Li Qiang, secretary of the Jiangsu Provincial Committee, arrived in northwest China’s Xinjiang Uygur Autonomous Region Monday for an inspection tour.";
        let found = extract_text(text, PartialDate::ymd(2017, 9, 5), bundled).events;
        assert_eq!(parties(&found[0]), ["Jiangsu", "Xinjiang"], "{found:?}");
    }

    #[test]
    fn where_a_delegation_tours_is_where_it_visits() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "5月23日,广元市苍溪县党政代表团在杭州市余杭区考察。";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(
            parties(&found[0]),
            ["Cangxi County", "Yuhang District"],
            "{found:?}"
        );
        // A province's delegation touring a city visits the city's province.
        let text = "8月26日,西藏自治区党政代表团在杭州市考察。";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(
            parties(&found[0]),
            ["Tibet Autonomous Region", "Zhejiang"],
            "{found:?}"
        );
        let text = "3月22日,河北省党政代表团在天津市滨海新区学习考察。";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(
            parties(&found[0]),
            ["Hebei Province", "Tianjin Municipality"],
            "{found:?}"
        );
    }

    #[test]
    fn a_chinese_counted_group_signs_for_the_members_listed_next() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "13日,云南、贵州两省的5个州市签订《联盟战略合作协议》。云南的曲靖市、昭通市、文山壮族苗族自治州,贵州的六盘水市、黔西南布依族苗族自治州同处云贵高原腹地。";
        let found = extract_text(text, PartialDate::ymd(2024, 10, 14), bundled).events;
        assert_eq!(found[0].participants.len(), 5, "{found:?}");
    }

    #[test]
    fn namesake_places_in_one_clause_are_one_party() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "Meng Qingbin, Vice Secretary of Linyi Municipal Party Committee and Mayor of Linyi City, hosted the conference.";
        let found = extract_text(text, PartialDate::ymd(2020, 5, 4), bundled).events;
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_tally_told_in_the_perfect_is_not_an_occasion() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "Sichuan and Chongqing have entered into no less than 51 cooperation agreements this year.";
        assert!(
            extract_text(text, PartialDate::ymd(2020, 5, 1), bundled)
                .events
                .is_empty()
        );
        let text = "据不完全统计,海南省先后与广东省签署了旅游、交通、医疗、农业等14个部门协议。";
        assert!(extract_text(text, None, bundled).events.is_empty());
        // The signing told, then the day's projects counted after a comma: one occasion.
        let text = "日前,牡丹江——大连经贸合作推介会在大连市举行,两市签署了政府战略合作框架协议,14个现场签约项目投资额共计14.1亿元。";
        assert_eq!(
            extract_text(text, PartialDate::ymd(2010, 9, 6), bundled)
                .events
                .len(),
            1
        );
        let text = "Shaoxing has signed 12 co-operative projects with Shanghai.";
        assert_eq!(
            extract_text(text, PartialDate::ymd(2020, 5, 1), bundled)
                .events
                .len(),
            1
        );
    }

    #[test]
    fn a_three_party_signing_is_one_event_not_pairs() {
        let found = events(
            "On May 7, Jiangning District, Lishui District and Gaochun District jointly signed a cooperation agreement.",
            None,
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            parties(&found[0]),
            ["Jiangning District", "Lishui District", "Gaochun District"]
        );
        assert_eq!(
            found[0].date.map(|d| d.edtf()).as_deref(),
            Some("XXXX-05-07")
        );
        assert_eq!(found[0].kind.label(), "agreement");
    }

    #[test]
    fn plans_and_single_place_happenings_are_not_events() {
        assert!(
            events(
                "Jiangning District and Lishui District will sign an agreement next year.",
                None
            )
            .is_empty()
        );
        assert!(
            events(
                "The two sides planned to set up an alliance of Qingpu and Wujiang.",
                None
            )
            .is_empty()
        );
        assert!(events("On September 24, 2020, a breakfast meeting was held in Jiangning District with its enterprises.", None).is_empty());
    }

    #[test]
    fn a_meeting_and_the_signing_at_it_are_one_event_but_other_pairs_are_separate() {
        let text = "On May 7, Jiangning District, Lishui District and Gaochun District jointly held a signing event.\n\nDuring the signing event, Lishui District and Jiangning District signed a linkage agreement; The three zones jointly signed an agreement on aerospace.";
        let found = events(text, None);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(
            parties(&found[0]),
            ["Jiangning District", "Lishui District", "Gaochun District"]
        );
        assert_eq!(found[0].kind.label(), "agreement");
        assert_eq!(
            parties(&found[1]),
            ["Lishui District", "Jiangning District"]
        );
        assert!(
            found
                .iter()
                .all(|e| e.date.map(|d| d.edtf()).as_deref() == Some("XXXX-05-07"))
        );
        assert_eq!(found[0].fields, ["aerospace"]);
    }

    #[test]
    fn provinces_before_their_places_and_venues_are_not_parties() {
        let text = "On July 23, the 2019 Regional Cooperation Meeting was held in Qingpu. At the meeting, Shanghai Qingpu, Jiangsu Wujiang, Zhejiang Jiashan officially signed a work plan.";
        let found = events(text, None);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(parties(&found[0]), ["Qingpu", "Wujiang", "Jiashan"]);
        assert_eq!(
            found[0].date.map(|d| d.edtf()).as_deref(),
            Some("2019-07-23")
        );
    }

    #[test]
    fn two_pairs_signing_in_one_sentence_are_two_events() {
        let text = "On May 7, Jiangning District and Gaochun District signed a tourism agreement, and Qingpu District and Wujiang District signed an agreement on transport.";
        let found = events(text, None);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(
            parties(&found[0]),
            ["Jiangning District", "Gaochun District"]
        );
        assert_eq!(parties(&found[1]), ["Qingpu District", "Wujiang District"]);
        assert_eq!(found[1].date, found[0].date);
    }

    #[test]
    fn a_visit_and_the_signing_after_the_talks_are_one_agreement() {
        let text = "On April 13, a delegation from Jiangning District visited Wujiang District for talks. After the talks, the two sides signed a framework agreement.";
        let found = events(text, None);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].kind.label(), "agreement");
        assert_eq!(found[0].evidence.len(), 2);
        assert_eq!(
            found[0].date.map(|d| d.edtf()).as_deref(),
            Some("XXXX-04-13")
        );
        // The viewer says which sentence gave what.
        let second = text.find("After").unwrap_or_default();
        assert_eq!(found[0].sources.kind.start, second);
        assert_eq!(found[0].sources.parties.start, 0);
        assert_eq!(found[0].sources.date.as_ref().map(|r| r.start), Some(0));
    }

    #[test]
    fn references_to_a_signed_agreement_and_visits_to_companies_are_not_events() {
        assert!(events("Officials from Qingpu District said the agreement signed on August 16 with Wujiang District is the first.", None).is_empty());
        assert!(
            events(
                "The Qingpu District delegation visited several Wujiang District enterprises.",
                None
            )
            .is_empty()
        );
    }

    #[test]
    fn pairs_joined_by_with_are_separate_agreements() {
        let text = "On May 7, Jiangning District signed with Qingpu District, Gaochun District with Wujiang District and Lishui District with Jiashan County.";
        let found = events(text, None);
        assert_eq!(found.len(), 3, "{found:#?}");
        assert_eq!(parties(&found[2]), ["Lishui District", "Jiashan County"]);
    }

    #[test]
    fn a_place_signing_with_each_of_several_signs_one_agreement_each() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text =
            "8月3日，静海区文化局负责同志分别与河北省黄骅市、霸州市、青县签署了合作框架协议。";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(found.len(), 3, "{found:#?}");
        assert_eq!(parties(&found[1]), ["Jinghai District", "Bazhou City"]);
        // "One after another with": each signing on its own too.
        let in_turn = "5月7日,常德市先后与张家界市、怀化市签订了横向保护补偿协议。";
        let found = extract_text(in_turn, None, bundled).events;
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(parties(&found[1]), ["Changde City", "Huaihua City"]);
    }

    #[test]
    fn acts_of_different_pairs_lined_up_in_one_chinese_sentence_are_separate() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "5月12日至14日，宁波市镇海区迎来了凉山州金阳县调研组，余姚市迎来了凉山州昭觉县党政代表团。";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(parties(&found[1]), ["Yuyao City", "Zhaojue County"]);
        let one_trip =
            "4月18日，虹口区党政代表团赴嘉兴市考察，并出席虹口区与桐乡市合作协议签约仪式。";
        assert_eq!(extract_text(one_trip, None, bundled).events.len(), 1);
    }

    #[test]
    fn bodies_of_places_that_countersign_or_host_together_act_for_them() {
        let courts = "On November 2, Tianjin Maritime Court and Cangzhou Intermediate People's Court countersigned a framework agreement.";
        let bundled = crate::extract::Gazetteer::bundled();
        let found = |text| extract_text(text, None, bundled).events;
        assert_eq!(parties(&found(courts)[0]), ["Tianjin", "Cangzhou"]);
        let councils = "The Hunan Sub-council and the Guangxi Committee of the CCPIT jointly hosted a video meeting on May 11.";
        assert_eq!(parties(&found(councils)[0]), ["Hunan", "Guangxi"]);
    }

    #[test]
    fn chinese_pairs_joined_by_yu_are_separate_agreements() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "5月28日，綦江区与自贡市、渝北区与德阳市分别签署了合作协议。";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(parties(&found[1]), ["Yubei District", "Deyang City"]);
        // Each district written after its city, the pairs apart by a comma: the cities only
        // locate the districts.
        let located =
            "10月9日,广州市花都区与佛山市三水区,广州市番禺区与佛山市顺德区分别签署框架协议。";
        let found = extract_text(located, None, bundled).events;
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(parties(&found[0]), ["Huadu District", "Sanshui District"]);
        assert_eq!(parties(&found[1]), ["Panyu District", "Shunde District"]);
    }

    #[test]
    fn two_places_that_set_something_up_together_act_together() {
        let bundled = crate::extract::Gazetteer::bundled();
        let found = |text| extract_text(text, None, bundled).events;
        let office = "On June 18, 2020, Sichuan and Chongqing established the first joint office.";
        assert_eq!(parties(&found(office)[0]), ["Sichuan", "Chongqing"]);
        let gathered =
            "Leaders of Shanghai, Zhejiang, Jiangsu and Anhui gathered in Shanghai on June 1.";
        assert_eq!(found(gathered)[0].participants.len(), 4);
        // Told in the perfect, it is background.
        let background = "Chongqing and Sichuan have established a joint office.";
        assert!(found(background).is_empty());
    }

    #[test]
    fn places_visited_by_no_place_did_nothing_together() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "On June 3, the report team visited Shanghai and Zhejiang.";
        assert!(extract_text(text, None, bundled).events.is_empty());
    }

    #[test]
    fn a_delegation_that_went_to_meet_a_province_s_officials_met_the_province() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "On February 26, the Chief Executive led a Macao Special Administrative Region (MSAR) Government delegation to Guangzhou to meet with leading officials of Guangdong Province.";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(parties(&found[0]), ["Macao", "Guangdong Province"]);
        let text = "On May 3, the Chief Executive of Macau led a delegation to Fuzhou city to attend a high-level meeting with Fujian’s provincial leaders.";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(parties(&found[0]), ["Macau", "Fujian"]);
    }

    #[test]
    fn a_chinese_report_names_the_narrower_unit_that_acted() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "7月2日,桐乡市党政代表团赴色尼区考察。当天,嘉兴市与色尼区召开对口交流座谈会。";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(parties(&found[0]), ["Tongxiang City", "Seni District"]);
    }

    #[test]
    fn datelines_and_venues_are_not_parties() {
        let text = "NANJING, May 8 (Xinhua) -- Officials in east China's Jiangsu signed an agreement with Qingpu District and Wujiang District on Friday.";
        let found = events(text, None);
        assert_eq!(parties(&found[0]), ["Qingpu District", "Wujiang District"]);
        // The places that go on saying where are venues too; the places of public bodies
        // are the bodies' own.
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "\"We will cooperate,\" the departments of justice in Shanghai, Jiangsu, Zhejiang and Anhui jointly announced at a meeting in Jiashan county, Jiaxing, Zhejiang province on Nov 13.";
        let found = extract_text(text, PartialDate::ymd(2019, 11, 14), bundled).events;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            parties(&found[0]),
            ["Shanghai", "Jiangsu", "Zhejiang", "Anhui"]
        );
        assert_eq!(found[0].date, PartialDate::ymd(2019, 11, 13));
    }

    #[test]
    fn background_is_not_the_occasion_later_sentences_refer_to() {
        let text = "Since 2015, Qingpu District and Wujiang District have signed many agreements. On July 23, Qingpu District and Jiashan County held a joint meeting. At the meeting, Qingpu District and Jiashan County signed a plan.";
        let found = events(text, None);
        let signing = found
            .iter()
            .find(|e| e.kind.label() == "agreement" && parties(e).contains(&"Jiashan County"))
            .unwrap();
        assert_eq!(
            signing.date.map(|d| d.edtf()).as_deref(),
            Some("XXXX-07-23")
        );
    }

    #[test]
    fn companies_are_parties_only_at_an_occasion_of_regional_cooperation() {
        let text = "On May 7, Qingpu District and Wujiang District held a joint meeting. On the site, Chongqing Yuelai Investment Group Co., Ltd. and Sichuan Tianfu International Conference & Exhibition Co., Ltd. signed a cooperation agreement.";
        let found = events(text, None);
        assert_eq!(
            parties(&found[1]),
            [
                "Chongqing Yuelai Investment Group",
                "Sichuan Tianfu International Conference & Exhibition Co."
            ]
        );
        // A city's deal with a company is not regional cooperation.
        assert!(
            events(
                "On June 16, Qingpu District signed a framework agreement with China Railway Engineering Group Co., Ltd.",
                None
            )
            .is_empty()
        );
    }

    #[test]
    fn a_public_body_in_a_place_stands_for_it_and_a_named_body_does_not() {
        // "authorities in Beijing, Tianjin and Hebei" are those places' own; the group
        // reference in the next sentence finds them.
        let text = "The health authorities in Beijing, Tianjin and Hebei are to collaborate more on emergencies, according to a conference in Beijing on June 18. The three neighboring governments signed an agreement at the conference.";
        let bundled = crate::extract::Gazetteer::bundled();
        let found = extract_text(text, PartialDate::ymd(2014, 6, 20), bundled).events;
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(parties(&found[0]), ["Beijing", "Tianjin", "Hebei"]);
        assert_eq!(found[0].date, PartialDate::ymd(2014, 6, 18));
        // A body with a name of its own is only located by the place after "in".
        let text = "In 2023, the Ningdong Base Management Committee in Ningxia signed an agreement with the Water Resources Bureau of Aba Prefecture in Sichuan.";
        let found = extract_text(text, None, bundled).events;
        assert!(
            found
                .iter()
                .all(|event| !parties(event).contains(&"Ningxia")),
            "{found:#?}"
        );
    }

    #[test]
    fn undated_background_is_no_event_and_not_the_day_s_act() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "5月30日,茂南区考察团到金秀瑶族自治县开展协作对接,两地召开座谈会。自从茂南、金秀缔结山海之情,两地交流不断。";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].kind, crate::model::EventKind::Meeting);
        let text = "Since Zhaoqing and Jixi signed the pairing agreement, exchanges have grown.";
        assert!(extract_text(text, None, bundled).events.is_empty());
    }

    #[test]
    fn an_official_met_where_the_clause_says_before_with_whom() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "MACAU, August 20 - The Chief Executive, Mr Sam Hou Fai, today met, in Nanjing, Jiangsu Province, with the Secretary of the Jiangsu Provincial Committee, Mr Xin Changxing, to exchange views on cooperation between Jiangsu and Macao.";
        let found = extract_text(text, PartialDate::ymd(2025, 8, 20), bundled).events;
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(parties(&found[0]), ["Macao", "Jiangsu Province"]);
    }

    #[test]
    fn at_the_meeting_is_the_last_meeting_told_not_the_visit_before_it() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "9月22日至23日,海曙区党政代表团赴丽水市庆元县开展山海协作。9月23日上午,海曙区-庆元县山海协作联席会议召开。会上,两地政府签订结对协议。";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].kind, crate::model::EventKind::Agreement);
        assert_eq!(
            found[0].date.map(|d| d.edtf()).as_deref(),
            Some("XXXX-09-23")
        );
    }

    #[test]
    fn a_source_is_no_party_and_recently_is_not_the_day_before() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "The dual-city economic circle is growing. Ports are busy. Work goes on.\n\nOn March 17, Sichuan and Chongqing held their first meeting.\n\nRecently, according to Chongqing Port and Maritime Affairs Center, the transportation departments in Chengdu and Chongqing have reached an agreement on water transport.";
        let found = extract_text(text, None, bundled).events;
        let agreement = found
            .iter()
            .find(|event| event.kind == crate::model::EventKind::Agreement)
            .expect("the agreement");
        assert_eq!(parties(agreement), ["Chengdu", "Chongqing"]);
        assert_eq!(agreement.date, None);
    }

    #[test]
    fn a_report_giving_only_the_year_of_a_dated_act_is_that_act() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "The Guangdong-Macao Co-operation Joint Conference 2014 was held today in Macao.\n\nRelated: The Guangdong-Macao Co-operation Joint Conference 2014 held in Macao.";
        let found = extract_text(text, PartialDate::ymd(2014, 7, 16), bundled).events;
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].date, PartialDate::ymd(2014, 7, 16));
    }

    #[test]
    fn setting_up_a_joint_conference_of_two_places_is_their_act() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "It is another measure to enhance co-operation after the establishment of the Hong Kong/Sichuan Co-operation Conference in 2018.";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(parties(&found[0]), ["Hong Kong", "Sichuan"]);
        assert_eq!(found[0].date.map(|d| d.edtf()).as_deref(), Some("2018"));
    }

    #[test]
    fn a_relationship_dated_as_background_is_no_event_but_a_signing_is() {
        let bundled = crate::extract::Gazetteer::bundled();
        let found = |text| extract_text(text, None, bundled).events;
        assert!(found("自2017年浙江与吉林正式建立对口合作关系以来,两省合作不断深化。").is_empty());
        let signed = found("自2021年6月东阳市与南江县签订了框架协议以来,两地交流不断。");
        assert_eq!(signed.len(), 1, "{signed:#?}");
        assert_eq!(signed[0].date.map(|d| d.edtf()).as_deref(), Some("2021-06"));
    }

    #[test]
    fn a_city_shortened_to_the_last_character_of_its_name_is_the_destination() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "8月20日,忠县党政代表团来足考察交流。大足区领导陪同。";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(parties(&found[0]).contains(&"Dazu"), "{found:#?}");
    }

    #[test]
    fn a_national_body_s_visit_is_no_cooperation_of_places() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "Su Hui, vice-chairwoman of the National Committee of the CPPCC and a member from Taiwan, led a team to survey Hezhang County on May 6.";
        assert!(extract_text(text, None, bundled).events.is_empty());
    }

    #[test]
    fn places_listed_after_a_venue_word_are_venues_too() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text =
            "6月18日,江西党政代表团与新疆维吾尔自治区党委、政府在乌鲁木齐和阿图什举行工作会谈。";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            parties(&found[0]),
            ["Jiangxi", "Xinjiang Uygur Autonomous Region"]
        );
    }

    #[test]
    fn the_delegation_is_the_one_named_before() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "The Macao delegation arrived in Zhuhai on Sunday (April 27).\n\nOn Monday (April 28), in Zhongshan, the delegation met with the secretary of the Zhongshan Municipal Committee, Guo Wenhai.";
        let found = extract_text(text, PartialDate::ymd(2025, 4, 29), bundled).events;
        let pairs: Vec<Vec<&str>> = found.iter().map(parties).collect();
        assert!(
            pairs
                .iter()
                .any(|pair| pair.contains(&"Zhongshan") && pair.contains(&"Macao")),
            "{pairs:?}"
        );
    }

    #[test]
    fn the_district_is_the_district_named_before() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "Luohu District is working with Shanwei. The district signed a supplementary cooperation agreement with Lufeng on May 5.";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(parties(&found[0]), ["Luohu District", "Lufeng"]);
        // "The city of Yongji" names its city.
        let named = "The city of Yongji signed an agreement with Shanghai.";
        assert_eq!(
            parties(&extract_text(named, None, bundled).events[0]),
            ["Yongji", "Shanghai"]
        );
    }

    #[test]
    fn a_joint_meeting_on_a_later_day_of_a_trip_is_the_trip_s() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "4月12日至13日,广东省党政代表团赴广西壮族自治区考察对接东西部协作工作。13日,两省区召开粤桂协作联席会议。";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            found[0].date.map(|d| d.edtf()).as_deref(),
            Some("XXXX-04-12")
        );
        // The trip to the city, its meeting with a district of it; but two other units of
        // the two provinces meeting later meet on their own.
        let text = "2月14日-15日,永安市市长率考察团赴上海考察交流。15日下午,永安市与浦东新区召开对口合作座谈会。";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(parties(&found[0]), ["Yong'an City", "Pudong District"]);
        let text = "5月19日至20日,四川省党政代表团到浙江考察学习,召开浙川东西部协作联席会议。20日,杭州市与广元市召开东西部协作联席会议。";
        assert_eq!(extract_text(text, None, bundled).events.len(), 2);
    }

    #[test]
    fn the_place_a_chinese_report_was_filed_from_is_no_party() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "本报西藏拉萨电(记者易鹤)8月7日,宁波与那曲举行合作交流工作座谈会。";
        let found = extract_text(text, None, bundled).events;
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(!parties(&found[0]).contains(&"Lhasa"), "{found:#?}");
    }

    #[test]
    fn two_groups_signing_are_no_act_of_places() {
        let bundled = crate::extract::Gazetteer::bundled();
        let text = "Zhejiang Seaport Group has signed an agreement with Shanghai Port Group to jointly develop the port.";
        assert!(extract_text(text, None, bundled).events.is_empty());
    }

    #[test]
    fn group_references_take_the_parties_of_the_occasion() {
        let text = "Few days ago, Chongqing Liangjiang New Area and Sichuan Tianfu New Area held the 3rd Joint Conference. On February 28, 2020, the 1st joint conference was held between the two parties.";
        let found = events(text, None);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(
            parties(&found[1]),
            ["Liangjiang New Area", "Tianfu New Area"]
        );
        assert_eq!(
            found[1].date.map(|d| d.edtf()).as_deref(),
            Some("2020-02-28")
        );
        assert_eq!(found[0].date, None);
    }

    #[test]
    fn a_group_named_earlier_without_an_act_is_found_again() {
        let text = "The two districts of Qingpu District and Wujiang District face each other across the lake. On September 12, the two districts signed an agreement to build an industrial park.";
        let found = events(text, None);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(parties(&found[0]), ["Qingpu District", "Wujiang District"]);
        assert_eq!(found[0].sources.parties.start, 0);
    }

    #[test]
    fn tallies_and_company_deals_are_not_events() {
        assert!(events("In 2018, Jiangning District signed strategic cooperation agreements with Qingpu District, Wujiang District and other districts.", None).is_empty());
        assert!(
            events(
                "In 2017, Qingpu District signed 91 projects with Wujiang District.",
                None
            )
            .is_empty()
        );
        assert!(
            events(
                "On May 7, Qingpu District and Nanjing University signed an agreement.",
                None
            )
            .is_empty()
        );
        assert!(
            events(
                "On May 7, Qingpu District signed deals with Wujiang District enterprises.",
                None
            )
            .is_empty()
        );
    }

    #[test]
    fn a_visit_and_the_meeting_on_its_second_day_are_one_meeting() {
        let text = "From July 9 to 10, 2019, a delegation from Chongqing visited Sichuan. On the afternoon of July 10, a symposium between Sichuan and Chongqing was held in Chengdu.";
        let found = events(text, None);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].kind.label(), "meeting");
        assert_eq!(
            found[0].date.map(|d| d.edtf()).as_deref(),
            Some("2019-07-10")
        );
    }

    #[test]
    fn the_members_of_a_group_of_one_level_join_the_parties_named_with_it() {
        let text = "Officials from Shanghai and the provinces of Jiangsu, Zhejiang and Sichuan gathered for a forum in Chengdu on May 7. Memorandums between Shanghai and the three provinces were also signed during the forum.";
        let found = events(text, None);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].kind.label(), "agreement");
        let mut names = parties(&found[0]);
        names.sort_unstable();
        assert_eq!(names, ["Jiangsu", "Shanghai", "Sichuan", "Zhejiang"]);
    }

    #[test]
    fn a_date_of_what_a_meeting_marks_is_not_the_meeting_s() {
        let text = "HONG KONG, Sept. 9 (Xinhua) -- John Lee, chief executive of the Hong Kong Special Administrative Region (HKSAR), expressed hopes on Tuesday that Hong Kong and Hainan can work together.\nLee made these remarks during a meeting with Feng Fei, secretary of the Communist Party of China Hainan Provincial Committee, as they discussed strengthening ties between Hong Kong and Hainan to mark the 100-day countdown to the launch of customs operations across the island province on Dec. 18.\nThis year marks a milestone for the port.\nLee noted that the two governments signed a memorandum of cooperation in March, covering five areas.";
        let found = bundled_events(text, None);
        assert!(!found.is_empty());
        for event in &found {
            assert_ne!(event.date.map(|d| d.edtf()).as_deref(), Some("XXXX-12-18"));
        }
    }

    #[test]
    fn a_promotion_held_in_another_place_names_its_venue_not_a_partner() {
        let published = PartialDate::ymd(2023, 5, 22);
        for text in [
            "5月21日下午,日照(上海)“双招双引”推介会在上海中国金融信息中心举行。",
            "3月22日下午,梅州专场推介会在广州越秀国际会议中心举办。",
            "3月22日下午,梅州专场推介会在广州市越秀区举办。",
        ] {
            let found = bundled_events(text, published);
            assert!(found.is_empty(), "{text}: {found:#?}");
        }
        // Two places that meet in a third are still its parties.
        let found = bundled_events("3月22日下午,梅州市与越秀区在广州举行座谈会。", published);
        assert_eq!(parties(&found[0]), ["Meizhou City", "Yuexiu District"]);
    }

    #[test]
    fn a_signing_told_as_what_went_with_a_pledge_is_an_agreement() {
        let text = "Officials vowed to boost ties between Hong Kong and Nansha District, signing a digital economy pact at a forum on May 7, 2024.";
        let found = bundled_events(text, None);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].kind.label(), "agreement");
        let mut names = parties(&found[0]);
        names.sort_unstable();
        assert_eq!(names, ["Hong Kong", "Nansha District"]);
    }

    #[test]
    fn a_joint_act_of_a_group_and_a_signing_event_are_events() {
        let text = "Qingpu District and Wujiang District are partners. Last month, the two districts constructed an industrial cooperation platform in Qingpu.";
        let found = events(text, PartialDate::ymd(2024, 7, 3));
        assert_eq!(found[0].kind.label(), "other");
        assert_eq!(found[0].date.map(|d| d.edtf()).as_deref(), Some("2024-06"));
        let found = events(
            "On May 7, Jiangning District, Lishui District and Gaochun District jointly held a signing event.",
            None,
        );
        assert_eq!(found[0].kind.label(), "agreement");
    }

    #[test]
    fn a_dateline_in_any_case_is_not_a_party_and_a_host_city_is() {
        let found = events(
            "Chengdu, July 23, 2023 – A delegation of Qingpu District paid a visit to Wujiang District on July 22.",
            None,
        );
        assert_eq!(parties(&found[0]), ["Qingpu District", "Wujiang District"]);
        let found = events(
            "On July 31, the mayor met in Chengdu with a delegation of Qingpu District.",
            None,
        );
        assert_eq!(parties(&found[0]), ["Chengdu", "Qingpu District"]);
    }

    #[test]
    fn an_undated_signing_of_the_same_parties_is_the_act_at_the_dated_meeting() {
        let text = "On July 26, Qingpu District and Wujiang District held a joint meeting. Qingpu District and Wujiang District have signed four agreements.";
        let found = events(text, None);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].kind.label(), "agreement");
        assert_eq!(
            found[0].date.map(|d| d.edtf()).as_deref(),
            Some("XXXX-07-26")
        );
    }

    #[test]
    fn a_latin_comma_in_chinese_ends_the_partners_as_a_chinese_one_does() {
        // What is built after the comma is the object, not a third party.
        for comma in [",", "，"] {
            let text = format!(
                "7月29日{comma}沙河市政府与北京房山区政府签署框架协议{comma}合作建设沙河·房山产业园区。"
            );
            let found = bundled_events(&text, None);
            assert!(
                no_event_with(&found, "Fangshan Industrial Park"),
                "{found:#?}"
            );
            assert!(!found.is_empty(), "{comma}");
        }
    }

    #[test]
    fn a_trigger_in_an_opening_time_phrase_leaves_the_partners_after_the_comma() {
        for comma in [",", "，"] {
            let text = format!(
                "11月20日下午{comma}省委书记会见了西藏山南市党政代表团一行。会见座谈后{comma}安徽省与西藏山南市党政代表团就对口支援工作进行了对接。"
            );
            let found = bundled_events(&text, None);
            assert!(
                found
                    .iter()
                    .any(|event| parties(event).contains(&"Anhui Province")),
                "{comma}: {found:#?}"
            );
        }
    }

    #[test]
    fn addressing_a_cooperation_forum_s_opening_is_attending_it() {
        let found = bundled_events(
            "Chief Executive John Lee addresses the opening ceremony of the Hong Kong-Guangdong Cooperation Week in Guangzhou on Wednesday.",
            None,
        );
        assert!(
            has_event_of(&found, &["Hong Kong", "Guangdong"]),
            "{found:#?}"
        );
        assert_eq!(found[0].kind.label(), "meeting");
    }

    #[test]
    fn an_occasion_whose_quoted_name_joins_places_is_theirs() {
        let found = bundled_events(
            "On 22 August 2017, the \"Sichuan-Hong Kong–Macao Cooperation Week in Hong Kong: Sichuan Promotion Conference on International Cooperation\" was successfully held in Hong Kong.",
            None,
        );
        assert!(
            has_event_of(&found, &["Sichuan", "Hong Kong", "Macao"]),
            "{found:#?}"
        );
    }

    #[test]
    fn a_plan_told_at_an_occasion_leaves_the_occasion_held() {
        let found = bundled_events(
            "Qingdao will deepen cooperation with Hong Kong, according to news released at the Qingdao-Hong Kong Economic and Trade Cooperation Conference held on Tuesday.",
            None,
        );
        assert!(
            has_event_of(&found, &["Qingdao", "Hong Kong"]),
            "{found:#?}"
        );
        assert!(bundled_events("Qingdao will hold a conference with Hong Kong.", None).is_empty());
    }

    #[test]
    fn the_places_whose_representatives_attended_are_a_meeting_s_parties() {
        let found = bundled_events(
            "6月27日,长三角经济协调会在上海组织召开了新入会城市主题研讨会。杭州、宁波、南京以及新入会的淮南、芜湖8个城市的代表参会。",
            None,
        );
        assert!(
            found.iter().any(|event| parties(event).len() >= 5),
            "{found:#?}"
        );
        let found = bundled_events(
            "昨日,十三市党政领导联席会议预备会在梅州召开,来自厦门、漳州、泉州等十三市的近30位领导嘉宾参加会议。",
            None,
        );
        assert!(
            found
                .iter()
                .any(|event| parties(event).contains(&"Zhangzhou") && parties(event).len() >= 3),
            "{found:#?}"
        );
        // A host city's departments and districts attend for the host.
        let found = bundled_events(
            "下午,厦门市副市长主持召开协作框架协议讨论会。厦门市政府办公厅、集美区、海沧区等部门负责人参加。",
            None,
        );
        assert!(no_event_with(&found, "Jimei District"), "{found:#?}");
    }

    #[test]
    fn a_place_in_brackets_before_a_meeting_s_noun_is_its_venue() {
        let found = bundled_events(
            "7月5日,辽宁吉林两省开发区合作共建暨产业项目(沈阳)对接会在沈阳召开。",
            None,
        );
        assert!(has_event_of(&found, &["Liaoning", "Jilin"]), "{found:#?}");
    }

    #[test]
    fn a_city_written_before_its_county_joins_the_dashed_pair_with_it() {
        let found = bundled_events(
            "今天,西安周至-苏州太仓东西部协作联席会议在西安周至县举行。",
            None,
        );
        assert!(has_event_of(&found, &["Zhouzhi", "Taicang"]), "{found:#?}");
    }

    #[test]
    fn a_delegation_came_to_the_province_its_one_character_name_says() {
        let found = bundled_events(
            "11月14日至19日,西藏自治区山南市党政代表团一行来湘考察。",
            None,
        );
        assert!(
            has_event_of(&found, &["Shannan City", "Hunan"]),
            "{found:#?}"
        );
    }
}
