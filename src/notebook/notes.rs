//! Writing, editing, deleting (with undo) and finding notes: what the Notes panel, the viewer's
//! markers and the "Add note" actions ask of a notebook. All in memory; saving is `file.rs`.

use super::key::EventKey;
use super::model::{DeletedNote, Note, NoteId, Notebook, PlaceRef, Target};
use crate::model::DocumentId;

impl Notebook {
    /// Adds a note and returns its id. Tags are trimmed, empty ones dropped, repeats removed.
    pub fn add_note(
        &mut self,
        target: Target,
        text: impl Into<String>,
        tags: &[String],
        now_unix_s: i64,
    ) -> NoteId {
        let id = self.next_note_id();
        self.notes.push(Note {
            id,
            target,
            text: text.into(),
            tags: clean_tags(tags),
            created_unix_s: now_unix_s,
            modified_unix_s: now_unix_s,
        });
        self.notes_revision.renew();
        id
    }

    /// Replaces a note's text and tags. Returns whether the note exists.
    pub fn edit_note(
        &mut self,
        id: NoteId,
        text: impl Into<String>,
        tags: &[String],
        now_unix_s: i64,
    ) -> bool {
        let Some(note) = self.notes.iter_mut().find(|note| note.id == id) else {
            return false;
        };
        note.text = text.into();
        note.tags = clean_tags(tags);
        note.modified_unix_s = now_unix_s;
        self.notes_revision.renew();
        true
    }

    /// Deletes a note, keeping it for [`Self::undo_delete`] (only the last deletion is kept).
    /// Returns whether the note existed.
    pub fn delete_note(&mut self, id: NoteId) -> bool {
        let Some(index) = self.notes.iter().position(|note| note.id == id) else {
            return false;
        };
        let note = self.notes.remove(index);
        self.last_deleted = Some(DeletedNote { index, note });
        self.notes_revision.renew();
        true
    }

    /// The note [`Self::undo_delete`] would bring back.
    pub fn deleted_note(&self) -> Option<&Note> {
        self.last_deleted.as_ref().map(|deleted| &deleted.note)
    }

    /// Puts the last deleted note back where it was; returns its id, or `None` when there is
    /// nothing to undo.
    pub fn undo_delete(&mut self) -> Option<NoteId> {
        let DeletedNote { index, note } = self.last_deleted.take()?;
        let id = note.id;
        self.notes.insert(index.min(self.notes.len()), note);
        self.notes_revision.renew();
        Some(id)
    }

    /// The note with this id.
    pub fn note(&self, id: NoteId) -> Option<&Note> {
        self.notes.iter().find(|note| note.id == id)
    }

    /// Notes on exactly this target.
    pub fn notes_for<'a>(&'a self, target: &'a Target) -> impl Iterator<Item = &'a Note> + 'a {
        self.notes.iter().filter(move |note| note.target == *target)
    }

    /// The key of each note on an event, in the notebook's order.
    pub fn event_note_keys(&self) -> Vec<&EventKey> {
        self.notes
            .iter()
            .filter_map(|note| match &note.target {
                Target::Event { key } => Some(key),
                _ => None,
            })
            .collect()
    }

    /// Notes on a document: on the article, its passages and its events, for the viewer's
    /// markers and the panel's "by article" filter.
    pub fn notes_in_document(&self, document: DocumentId) -> impl Iterator<Item = &Note> + '_ {
        self.notes
            .iter()
            .filter(move |note| note.target.document() == Some(document))
    }

    /// Notes on a place.
    pub fn notes_on_place<'a>(
        &'a self,
        place: &'a PlaceRef,
    ) -> impl Iterator<Item = &'a Note> + 'a {
        self.notes.iter().filter(
            move |note| matches!(&note.target, Target::Place { place: other } if other == place),
        )
    }

    /// Notes containing every word of `words` (case-insensitive, in the text, a tag or a quoted
    /// passage) and, when given, tagged `tag` (case-insensitive). Empty `words` match every note.
    pub fn search_notes(&self, words: &str, tag: Option<&str>) -> Vec<&Note> {
        let words: Vec<String> = words.split_whitespace().map(str::to_lowercase).collect();
        let tag = tag.map(str::to_lowercase);
        self.notes
            .iter()
            .filter(|note| {
                tag.as_ref()
                    .is_none_or(|tag| note.tags.iter().any(|own| own.to_lowercase() == *tag))
            })
            .filter(|note| {
                if words.is_empty() {
                    return true;
                }
                let haystack = searchable_text(note);
                words.iter().all(|word| haystack.contains(word.as_str()))
            })
            .collect()
    }

    /// Every tag in use with how many notes carry it, most used first, then alphabetically;
    /// tags differing only in case count as one (spelt as first seen).
    pub fn tags(&self) -> Vec<(String, usize)> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for tag in self.notes.iter().flat_map(|note| &note.tags) {
            match counts
                .iter_mut()
                .find(|(seen, _)| seen.to_lowercase() == tag.to_lowercase())
            {
                Some((_, count)) => *count += 1,
                None => counts.push((tag.clone(), 1)),
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        counts
    }

    /// One more than the highest id in use, counting the note kept for undo, so undo never
    /// brings back a duplicate.
    fn next_note_id(&self) -> NoteId {
        let highest = self
            .notes
            .iter()
            .chain(self.deleted_note())
            .map(|note| note.id.0)
            .max();
        NoteId(highest.map_or(1, |id| id.saturating_add(1)))
    }
}

/// A note's text, tags and quote, lower case, for search.
fn searchable_text(note: &Note) -> String {
    let mut text = note.text.to_lowercase();
    for tag in &note.tags {
        text.push('\n');
        text.push_str(&tag.to_lowercase());
    }
    if let Target::Passage(passage) = &note.target {
        text.push('\n');
        text.push_str(&passage.quote.to_lowercase());
    }
    text
}

/// Tags trimmed, without empty ones or repeats (case-insensitive), in the order given.
fn clean_tags(tags: &[String]) -> Vec<String> {
    let mut clean: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.trim();
        if !tag.is_empty()
            && !clean
                .iter()
                .any(|seen| seen.to_lowercase() == tag.to_lowercase())
        {
            clean.push(tag.to_owned());
        }
    }
    clean
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notebook::Passage;

    fn article(id: u128) -> Target {
        Target::Article {
            document: DocumentId(id),
        }
    }

    fn tags(tags: &[&str]) -> Vec<String> {
        tags.iter().map(|tag| (*tag).to_owned()).collect()
    }

    #[test]
    fn adds_edits_and_lists_notes_with_unique_ids() {
        let mut notebook = Notebook::default();
        let first = notebook.add_note(
            article(1),
            "First",
            &tags(&[" trade ", "", "Trade", "港口"]),
            10,
        );
        let second = notebook.add_note(article(1), "Second", &[], 11);
        assert_ne!(first, second);
        assert_eq!(notebook.note(first).unwrap().tags, tags(&["trade", "港口"]));

        assert!(notebook.edit_note(first, "First, edited", &tags(&["ports"]), 20));
        let note = notebook.note(first).unwrap();
        assert_eq!(
            (
                note.text.as_str(),
                note.created_unix_s,
                note.modified_unix_s
            ),
            ("First, edited", 10, 20)
        );
        assert!(!notebook.edit_note(NoteId(99), "nothing", &[], 20));
        assert_eq!(notebook.notes_for(&article(1)).count(), 2);
    }

    #[test]
    fn undo_brings_back_the_last_deleted_note_in_place() {
        let mut notebook = Notebook::default();
        let ids: Vec<NoteId> = (0..3)
            .map(|n| notebook.add_note(article(1), format!("note {n}"), &[], 0))
            .collect();
        assert!(notebook.delete_note(ids[1]));
        assert!(!notebook.delete_note(ids[1]));
        assert_eq!(notebook.deleted_note().map(|note| note.id), Some(ids[1]));
        assert_eq!(notebook.undo_delete(), Some(ids[1]));
        let order: Vec<NoteId> = notebook.notes.iter().map(|note| note.id).collect();
        assert_eq!(order, ids);
        assert_eq!(notebook.undo_delete(), None);
    }

    #[test]
    fn a_note_added_after_deleting_the_newest_does_not_take_its_id() {
        let mut notebook = Notebook::default();
        notebook.add_note(article(1), "a", &[], 0);
        let newest = notebook.add_note(article(1), "b", &[], 0);
        assert!(notebook.delete_note(newest));
        let added = notebook.add_note(article(1), "c", &[], 0);
        assert_ne!(added, newest);
        assert_eq!(notebook.undo_delete(), Some(newest));
        let mut ids: Vec<NoteId> = notebook.notes.iter().map(|note| note.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), 3);
    }

    #[test]
    fn finds_notes_by_words_tag_quote_document_and_place() {
        let mut notebook = Notebook::default();
        let passage = Target::Passage(Passage {
            document: DocumentId(2),
            quote: "南京与徐州签署合作协议".to_owned(),
            start_byte: 0,
            end_byte: 33,
        });
        let place = PlaceRef::Code("320115".to_owned());
        let on_passage = notebook.add_note(passage, "Signed in Nanjing", &tags(&["Agreements"]), 0);
        let on_article =
            notebook.add_note(article(2), "Follow up the port talks", &tags(&["ports"]), 0);
        let on_place = notebook.add_note(
            Target::Place {
                place: place.clone(),
            },
            "江宁 has a port",
            &[],
            0,
        );

        let ids = |notes: Vec<&Note>| notes.iter().map(|note| note.id).collect::<Vec<_>>();
        assert_eq!(
            ids(notebook.search_notes("nanjing SIGNED", None)),
            vec![on_passage]
        );
        assert_eq!(ids(notebook.search_notes("徐州", None)), vec![on_passage]);
        assert_eq!(
            ids(notebook.search_notes("port", None)),
            vec![on_article, on_place]
        );
        assert_eq!(
            ids(notebook.search_notes("", Some("PORTS"))),
            vec![on_article]
        );
        assert_eq!(ids(notebook.search_notes("", None)).len(), 3);
        assert_eq!(notebook.notes_in_document(DocumentId(2)).count(), 2);
        assert_eq!(
            notebook
                .notes_on_place(&place)
                .map(|note| note.id)
                .collect::<Vec<_>>(),
            vec![on_place]
        );
    }

    #[test]
    fn tags_are_counted_case_insensitively_most_used_first() {
        let mut notebook = Notebook::default();
        notebook.add_note(article(1), "", &tags(&["ports", "trade"]), 0);
        notebook.add_note(article(1), "", &tags(&["Trade"]), 0);
        assert_eq!(
            notebook.tags(),
            vec![("trade".to_owned(), 2), ("ports".to_owned(), 1)]
        );
    }
}
