//! Colours and spacing, in one place.

use egui::{Color32, Visuals};

/// Width of the library panel when the app first opens.
pub const LIBRARY_WIDTH: f32 = 440.0;
/// Narrowest the library panel may get.
pub const LIBRARY_MIN_WIDTH: f32 = 260.0;
/// Height of one row in the document and skipped-file tables.
pub const ROW_HEIGHT: f32 = 22.0;
/// Space between paragraphs in the viewer.
pub const PARAGRAPH_GAP: f32 = 10.0;
/// Widest the article text runs, for comfortable reading.
pub const READING_WIDTH: f32 = 760.0;

/// Colour of error messages.
pub fn error_colour(visuals: &Visuals) -> Color32 {
    visuals.error_fg_color
}

/// Colour of informational messages.
pub fn info_colour(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(140, 190, 255)
    } else {
        Color32::from_rgb(20, 90, 180)
    }
}

/// Background of the message area.
pub fn message_background(visuals: &Visuals) -> Color32 {
    visuals.faint_bg_color
}

/// Colour of the metadata line under a title (date, source, byline).
pub fn meta_colour(visuals: &Visuals) -> Color32 {
    visuals.weak_text_color()
}

/// Overlay shown while files are dragged over the window.
pub fn drop_overlay(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_black_alpha(180)
    } else {
        Color32::from_white_alpha(200)
    }
}
