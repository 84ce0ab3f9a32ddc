//! Reading the mhtml format (not yet: reported as unsupported).

use super::Unpacked;
use crate::model::SkipReason;

/// Not read yet.
pub fn read(_bytes: &[u8]) -> Result<Vec<Unpacked>, SkipReason> {
    Err(SkipReason::UnsupportedType {
        extension: Some("mhtml".to_owned()),
    })
}
