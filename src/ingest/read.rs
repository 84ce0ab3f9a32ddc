//! Reading a file's bytes within the size limit, with errors in plain words.

use std::io;
use std::path::Path;

use crate::files::ReadError;
use crate::model::{Format, SkipReason};

/// Reads a whole file, refusing files over `max_bytes` without reading them, and files of a
/// text format whose first bytes are plainly binary without reading the rest.
///
/// The limit is checked on the open file and again while reading, so a file that grows
/// between listing and reading cannot exhaust memory (see [`crate::files`]).
pub fn read_limited(path: &Path, max_bytes: u64, format: Format) -> Result<Vec<u8>, SkipReason> {
    let reject_head = |head: &[u8]| !format.is_binary() && super::decode::is_binary_head(head);
    crate::files::read_bounded(path, max_bytes, reject_head).map_err(|error| match error {
        ReadError::NotRegularFile => SkipReason::NotRegularFile,
        ReadError::TooLarge {
            size_bytes,
            limit_bytes,
        } => SkipReason::TooLarge {
            size_bytes,
            limit_bytes,
        },
        ReadError::RejectedHead => SkipReason::Binary,
        ReadError::Io(error) => io_reason(&error),
    })
}

/// The plain reason for an input/output error.
pub fn io_reason(error: &io::Error) -> SkipReason {
    match error.kind() {
        io::ErrorKind::PermissionDenied => SkipReason::PermissionDenied,
        io::ErrorKind::NotFound => SkipReason::Vanished,
        _ => SkipReason::Io(error.to_string()),
    }
}
