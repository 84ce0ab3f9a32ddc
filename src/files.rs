//! Reading a file whole, within bounds: the one way Accord reads what a user points it at
//! (articles, the notebook), so that no path can hang it or eat the machine's memory.
//!
//! Only regular files are read — a named pipe would block until someone writes to it, a
//! device (`/dev/zero`, reached through a link) never ends. The size limit is checked on the
//! open file and enforced while reading, and the declared size is never allocated up front (a
//! sparse file can declare a terabyte). The first bytes can be looked at before the rest is
//! read, so a file that is plainly not text costs one small read.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// How many bytes are read first and shown to the caller's test before the rest.
pub const HEAD_BYTES: usize = 64 * 1024;

/// The most memory reserved before reading: the buffer grows as bytes arrive.
const MAX_RESERVED: u64 = 16 * 1024 * 1024;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// A pipe, device, socket or folder, not a file.
    #[error("not a regular file (a pipe, device or folder)")]
    NotRegularFile,
    /// Larger than the limit.
    #[error("too large ({size_bytes} bytes; the limit is {limit_bytes} bytes)")]
    TooLarge { size_bytes: u64, limit_bytes: u64 },
    /// The caller's test of the first bytes turned the file down.
    #[error("turned down by its first bytes")]
    RejectedHead,
    /// The system could not read it.
    #[error(transparent)]
    Io(#[from] io::Error),
}

impl ReadError {
    /// The error as an `io::Error`, for callers that speak only that.
    pub fn into_io(self) -> io::Error {
        match self {
            Self::Io(error) => error,
            other => io::Error::other(other.to_string()),
        }
    }
}

/// Reads the regular file at `path` whole, if it is at most `limit_bytes` long; `reject_head`
/// sees the first [`HEAD_BYTES`] (or the whole file, when shorter) and may turn it down.
pub fn read_bounded(
    path: &Path,
    limit_bytes: u64,
    reject_head: impl Fn(&[u8]) -> bool,
) -> Result<Vec<u8>, ReadError> {
    // Look before opening: opening a named pipe would block until someone writes to it.
    if !std::fs::metadata(path)?.is_file() {
        return Err(ReadError::NotRegularFile);
    }
    let file = File::open(path)?;
    // And again on the open file: the path may have been replaced in between.
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(ReadError::NotRegularFile);
    }
    let too_large = |size_bytes| ReadError::TooLarge {
        size_bytes,
        limit_bytes,
    };
    if metadata.len() > limit_bytes {
        return Err(too_large(metadata.len()));
    }
    let reserve = metadata.len().min(MAX_RESERVED).min(limit_bytes);
    let mut bytes = Vec::with_capacity(usize::try_from(reserve).unwrap_or(0));
    let mut reader = file.take(limit_bytes.saturating_add(1));
    (&mut reader)
        .take(HEAD_BYTES as u64)
        .read_to_end(&mut bytes)?;
    if reject_head(&bytes) {
        return Err(ReadError::RejectedHead);
    }
    reader.read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit_bytes {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn reads_a_file_whole_and_refuses_one_over_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, vec![b'a'; HEAD_BYTES * 2 + 5]).unwrap();
        assert_eq!(
            read_bounded(&path, 1 << 20, |_| false).unwrap().len(),
            HEAD_BYTES * 2 + 5
        );
        assert!(matches!(
            read_bounded(&path, 100, |_| false),
            Err(ReadError::TooLarge {
                size_bytes,
                limit_bytes: 100
            }) if size_bytes == (HEAD_BYTES * 2 + 5) as u64
        ));
        assert!(matches!(
            read_bounded(&path, 1 << 20, |head| head.len() == HEAD_BYTES),
            Err(ReadError::RejectedHead)
        ));
    }

    #[test]
    fn a_sparse_file_that_declares_a_terabyte_allocates_nothing_up_front() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sparse.txt");
        let file = File::create(&path).unwrap();
        file.set_len(1 << 40).unwrap();
        // Within a terabyte's limit, its zeros are turned down by the first bytes.
        assert!(matches!(
            read_bounded(&path, 1 << 41, |head| head.iter().all(|&b| b == 0)),
            Err(ReadError::RejectedHead)
        ));
    }

    #[cfg(unix)]
    #[test]
    fn pipes_and_devices_are_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(
            made.is_ok_and(|status| status.success()),
            "mkfifo is available"
        );
        assert!(matches!(
            read_bounded(&fifo, 1 << 20, |_| false),
            Err(ReadError::NotRegularFile)
        ));
        let zero = dir.path().join("zero");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        assert!(matches!(
            read_bounded(&zero, 1 << 20, |_| false),
            Err(ReadError::NotRegularFile)
        ));
    }
}
