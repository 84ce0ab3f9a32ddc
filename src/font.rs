//! The bundled Chinese font: one copy in the binary, for the window (`ui::fonts`) and for
//! figures drawn as PNG (`export::figure`), so Chinese never shows as boxes in either.
//!
//! A 2.2 MB subset of Noto Sans CJK SC (printable ASCII, all GB2312 characters, the common Big5
//! traditional ones, CJK punctuation and fullwidth forms; see `tools/make_cjk_font.py` and
//! ARCHITECTURE.md for why this size), under the SIL Open Font License 1.1
//! (`assets/fonts/OFL.txt`).

/// The font file's bytes (OpenType, CFF outlines).
pub static CJK: &[u8] = include_bytes!("../assets/fonts/NotoSansCJKsc-Subset.otf");

/// The family name the font file gives itself (figures name it first in `font-family`).
pub const CJK_FAMILY: &str = "Noto Sans CJK SC";

/// The fallback for characters the subset lacks (the Latin middle dot, en and em dashes): egui's
/// own Latin font, Ubuntu Light (Ubuntu Font Licence 1.0), which the window already carries.
pub static LATIN_FALLBACK: &[u8] = epaint_default_fonts::UBUNTU_LIGHT;
