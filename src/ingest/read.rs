//! Reading a file's bytes within the size limit, with errors in plain words.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use crate::model::SkipReason;

/// Reads a whole file, refusing files over `max_bytes` without reading them.
///
/// The limit is checked on the open file and again while reading, so a file that grows
/// between listing and reading cannot exhaust memory.
pub fn read_limited(path: &Path, max_bytes: u64) -> Result<Vec<u8>, SkipReason> {
    // Look before opening: opening a named pipe would block until someone writes to it.
    if !std::fs::metadata(path)
        .map_err(|error| io_reason(&error))?
        .is_file()
    {
        return Err(SkipReason::NotRegularFile);
    }
    let file = File::open(path).map_err(|error| io_reason(&error))?;
    let metadata = file.metadata().map_err(|error| io_reason(&error))?;
    if !metadata.is_file() {
        return Err(SkipReason::NotRegularFile);
    }
    let too_large = |size_bytes| SkipReason::TooLarge {
        size_bytes,
        limit_bytes: max_bytes,
    };
    if metadata.len() > max_bytes {
        return Err(too_large(metadata.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|error| io_reason(&error))?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// The plain reason for an input/output error.
pub fn io_reason(error: &io::Error) -> SkipReason {
    match error.kind() {
        io::ErrorKind::PermissionDenied => SkipReason::PermissionDenied,
        io::ErrorKind::NotFound => SkipReason::Vanished,
        _ => SkipReason::Io(error.to_string()),
    }
}
