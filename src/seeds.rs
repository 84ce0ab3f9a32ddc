//! The seed articles, embedded in the binary so a copied or installed app shows them wherever
//! it lives, with no files beside it.

use include_dir::{Dir, include_dir};

static SEEDS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/seeds");

/// The bundled seed files as (file name, bytes), in name order.
pub fn files() -> Vec<(&'static str, &'static [u8])> {
    let mut files: Vec<_> = SEEDS
        .files()
        .filter_map(|file| Some((file.path().file_name()?.to_str()?, file.contents())))
        .collect();
    files.sort_by_key(|(name, _)| *name);
    files
}

#[cfg(test)]
mod tests {
    #[test]
    fn all_five_seeds_are_bundled() {
        let files = super::files();
        assert_eq!(files.len(), 5);
        assert!(
            files
                .iter()
                .all(|(name, bytes)| name.ends_with(".txt") && !bytes.is_empty())
        );
    }
}
