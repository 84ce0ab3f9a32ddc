//! Any notebook written as RON reads back as the same notebook: notes with any text (Chinese,
//! quotes, control characters, emoji), every kind of target, reviews and added events.

use accord::model::DocumentId;
use accord::notebook::{
    AddedEvent, AddedEventId, Correction, EventKey, Fix, Note, NoteId, Notebook, Passage, PlaceRef,
    Review, Target, TextHash, parse, to_ron,
};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

/// Text as users write it: mostly Chinese and English with punctuation that RON must escape,
/// sometimes any Unicode at all.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[\u{4e00}-\u{9fa5}，。、“”《》（）a-zA-Z0-9 \"\\\\'\n\t#/*)(\\]\\[]{0,40}",
        1 => any::<String>(),
    ]
}

fn document() -> impl Strategy<Value = DocumentId> {
    any::<u128>().prop_map(DocumentId)
}

fn event_key() -> impl Strategy<Value = EventKey> {
    (document(), any::<u64>(), option::of(any::<u64>())).prop_map(
        |(document, evidence, parties)| EventKey {
            document,
            evidence: TextHash(evidence),
            parties: parties.map(TextHash),
        },
    )
}

fn passage() -> impl Strategy<Value = Passage> {
    (document(), text(), any::<usize>(), any::<usize>()).prop_map(
        |(document, quote, start_byte, end_byte)| Passage {
            document,
            quote,
            start_byte,
            end_byte,
        },
    )
}

fn target() -> impl Strategy<Value = Target> {
    prop_oneof![
        document().prop_map(|document| Target::Article { document }),
        event_key().prop_map(|key| Target::Event { key }),
        text().prop_map(|code| Target::Place {
            place: PlaceRef::Code(code)
        }),
        text().prop_map(|name| Target::Place {
            place: PlaceRef::Name(name)
        }),
        passage().prop_map(Target::Passage),
    ]
}

fn note() -> impl Strategy<Value = Note> {
    (
        any::<u64>(),
        target(),
        text(),
        vec(text(), 0..4),
        any::<i64>(),
        any::<i64>(),
    )
        .prop_map(
            |(id, target, text, tags, created_unix_s, modified_unix_s)| Note {
                id: NoteId(id),
                target,
                text,
                tags,
                created_unix_s,
                modified_unix_s,
            },
        )
}

fn review() -> impl Strategy<Value = Review> {
    let fix = (
        option::of(text()),
        option::of(text()),
        option::of(vec(text(), 0..4)),
        option::of(vec(text(), 0..4)),
    )
        .prop_map(|(date, kind, participants, fields)| Fix {
            date,
            kind,
            participants,
            fields,
        });
    prop_oneof![
        Just(Review::Accepted),
        Just(Review::Rejected),
        fix.prop_map(Review::Corrected),
    ]
}

fn correction() -> impl Strategy<Value = Correction> {
    (event_key(), review(), any::<i64>()).prop_map(|(key, review, modified_unix_s)| Correction {
        key,
        review,
        modified_unix_s,
    })
}

fn added_event() -> impl Strategy<Value = AddedEvent> {
    (
        any::<u64>(),
        passage(),
        text(),
        vec(text(), 0..4),
        option::of(text()),
        vec(text(), 0..3),
        any::<i64>(),
    )
        .prop_map(
            |(id, passage, kind, participants, date, fields, created_unix_s)| AddedEvent {
                id: AddedEventId(id),
                passage,
                kind,
                participants,
                date,
                fields,
                created_unix_s,
            },
        )
}

/// Notebooks as the app keeps them: unique ids (a file with repeated ids is repaired on
/// reading, which `format.rs` tests separately).
fn notebook() -> impl Strategy<Value = Notebook> {
    (
        vec(note(), 0..8),
        vec(correction(), 0..6),
        vec(added_event(), 0..4),
    )
        .prop_map(|(mut notes, corrections, mut added_events)| {
            notes.sort_by_key(|note| note.id);
            notes.dedup_by_key(|note| note.id);
            added_events.sort_by_key(|added| added.id);
            added_events.dedup_by_key(|added| added.id);
            let mut notebook = Notebook::default();
            notebook.notes.extend(notes);
            notebook.corrections.extend(corrections);
            notebook.added_events.extend(added_events);
            notebook
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_notebook_reads_back_as_written(notebook in notebook()) {
        let text = to_ron(&notebook).unwrap();
        let parsed = parse(&text).unwrap();
        prop_assert_eq!(&parsed.notebook, &notebook, "{}", text);
        prop_assert!(parsed.notices.is_empty());
    }
}
