//! When data changed, as a number, and values derived from it that follow.
//!
//! Data that others derive from (the corpus, the notebook's notes and reviews, the desk's
//! events) carries a [`Revision`] that it renews on every change itself, so nobody has to
//! remember to bump a counter after changing it. What is derived keeps a [`Memo`] keyed by the
//! revisions of its inputs and rebuilds only when that key moved.

use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicU64, Ordering};

/// The last revision handed out.
static LAST: AtomicU64 = AtomicU64::new(0);

/// A mark of one state of some data; a new one after every change.
///
/// Revisions come from one counter for the whole process, so two values never share one: a
/// notebook opened in place of another, or a corpus built afresh, never looks unchanged to
/// whoever kept the old one's revision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Revision(u64);

impl Revision {
    /// A revision no one has seen.
    pub fn next() -> Self {
        Self(LAST.fetch_add(1, Ordering::Relaxed) + 1)
    }

    /// Marks a change: `self` becomes a revision no one has seen.
    pub fn renew(&mut self) {
        *self = Self::next();
    }
}

impl Default for Revision {
    /// A new value's revision is new too.
    fn default() -> Self {
        Self::next()
    }
}

/// A value derived from inputs, with the key (usually the inputs' revisions) it was built for.
///
/// [`Memo::stale`] is the one question every rebuild asks: it records the key and says whether
/// the value must be rebuilt for it. The value reads through `Deref`.
#[derive(Clone, Debug)]
pub struct Memo<K, V = ()> {
    key: Option<K>,
    value: V,
}

impl<K, V: Default> Default for Memo<K, V> {
    fn default() -> Self {
        Self {
            key: None,
            value: V::default(),
        }
    }
}

impl<K: PartialEq, V> Memo<K, V> {
    /// Whether the value was built for something other than `key`; `key` is recorded, so the
    /// caller rebuilds the value now (through `DerefMut` or [`Memo::set`]).
    pub fn stale(&mut self, key: K) -> bool {
        if self.key.as_ref() == Some(&key) {
            return false;
        }
        self.key = Some(key);
        true
    }

    /// Whether the value was built for `key`.
    pub fn is_for(&self, key: &K) -> bool {
        self.key.as_ref() == Some(key)
    }

    /// The key the value was last built for.
    pub fn key(&self) -> Option<&K> {
        self.key.as_ref()
    }

    /// The value, if it was built for `key`.
    pub fn get(&self, key: &K) -> Option<&V> {
        self.is_for(key).then_some(&self.value)
    }

    /// Keeps `value` as built for `key`.
    pub fn put(&mut self, key: K, value: V) {
        self.key = Some(key);
        self.value = value;
    }

    /// Replaces the value (after [`Memo::stale`] said so).
    pub fn set(&mut self, value: V) {
        self.value = value;
    }
}

impl<K, V> Deref for Memo<K, V> {
    type Target = V;

    fn deref(&self) -> &V {
        &self.value
    }
}

impl<K, V> DerefMut for Memo<K, V> {
    fn deref_mut(&mut self) -> &mut V {
        &mut self.value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_revision_is_new_even_across_values() {
        let a = Revision::default();
        let mut b = Revision::default();
        assert_ne!(a, b);
        let before = b;
        b.renew();
        assert_ne!(before, b);
        assert_ne!(a, b);
    }

    #[test]
    fn a_memo_is_rebuilt_only_when_its_key_moves() {
        let mut memo: Memo<(Revision, u8), Vec<u8>> = Memo::default();
        let inputs = Revision::next();
        assert!(memo.stale((inputs, 1)));
        memo.set(vec![1]);
        assert!(!memo.stale((inputs, 1)));
        assert!(memo.is_for(&(inputs, 1)));
        assert_eq!(*memo, vec![1]);
        assert!(memo.stale((inputs, 2)));
        assert!(memo.stale((Revision::next(), 2)));
    }
}
