//! Colours, text sizes and spacing, in one place: the other UI modules may not build a font or
//! a colour themselves (`clippy.toml` disallows `FontId::proportional`, `Color32::from_rgb`
//! and their kind outside this file).

#![allow(clippy::disallowed_methods)] // The one place fonts and colours are made.

use egui::{Color32, FontId, Visuals};

/// Text drawn with the painter, by what it is: the article's text and empty-panel notices.
pub fn body_font() -> FontId {
    FontId::proportional(14.0)
}

/// Labels that name things: timeline lanes, province columns, search hits.
pub fn label_font() -> FontId {
    FontId::proportional(12.0)
}

/// Secondary labels: axis ticks, node names, hints along an edge.
pub fn small_font() -> FontId {
    FontId::proportional(11.0)
}

/// The smallest text: counts on clustered marks, the map's grid degrees.
pub fn tiny_font() -> FontId {
    FontId::proportional(10.0)
}

/// Text on a mark filled with a kind's colour (a cluster's count).
pub fn on_mark_colour() -> Color32 {
    Color32::WHITE
}

/// Width of the library panel when the app first opens.
pub const LIBRARY_WIDTH: f32 = 290.0;
/// Narrowest the library panel may get.
pub const LIBRARY_MIN_WIDTH: f32 = 180.0;
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

/// Width of the article viewer when the app first opens.
pub const VIEWER_WIDTH: f32 = 440.0;
/// Height of the timeline when the app first opens.
pub const TIMELINE_HEIGHT: f32 = 270.0;

/// The colour of an event kind, on the timeline, in the legend and the table.
pub fn kind_colour(visuals: &Visuals, kind: crate::model::EventKind) -> Color32 {
    use crate::model::EventKind;
    let (light, dark) = match kind {
        EventKind::Agreement => (
            Color32::from_rgb(31, 119, 180),
            Color32::from_rgb(100, 170, 240),
        ),
        EventKind::Meeting => (
            Color32::from_rgb(214, 110, 14),
            Color32::from_rgb(255, 160, 70),
        ),
        EventKind::Alliance => (
            Color32::from_rgb(44, 150, 44),
            Color32::from_rgb(110, 210, 110),
        ),
        EventKind::Visit => (
            Color32::from_rgb(148, 103, 189),
            Color32::from_rgb(190, 150, 230),
        ),
        EventKind::Other => (
            Color32::from_rgb(120, 120, 120),
            Color32::from_rgb(170, 170, 170),
        ),
    };
    if visuals.dark_mode { dark } else { light }
}

/// A matrix cell's fill for `share` (0–1) of the largest count: from nearly the panel's
/// background to a strong blue, so the busiest pairs stand out.
pub fn heat_colour(visuals: &Visuals, share: f32) -> Color32 {
    let (low, high) = if visuals.dark_mode {
        ([34.0, 40.0, 52.0], [70.0, 150.0, 250.0])
    } else {
        ([236.0, 242.0, 250.0], [20.0, 90.0, 180.0])
    };
    let share = share.clamp(0.0, 1.0);
    let mix = |i: usize| (low[i] + (high[i] - low[i]) * share).round() as u8;
    Color32::from_rgb(mix(0), mix(1), mix(2))
}

/// Text over a heat cell of `share`: dark on the pale cells, light on the strong ones.
pub fn heat_text_colour(visuals: &Visuals, share: f32) -> Color32 {
    if share > 0.5 || visuals.dark_mode {
        Color32::from_rgb(250, 250, 250)
    } else {
        Color32::from_rgb(30, 30, 30)
    }
}

/// Outline of whatever is selected (event, node, lane).
/// The sea behind the base map (the graph canvas in the Map layout).
pub fn map_sea_colour(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(16, 22, 30)
    } else {
        Color32::from_rgb(226, 234, 242)
    }
}

/// The base map's land: opaque, so a province filled over another's hole shows no seam.
pub fn map_land_colour(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(40, 43, 48)
    } else {
        Color32::from_rgb(244, 241, 232)
    }
}

/// Province borders on the base map.
pub fn map_border_colour(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(88, 94, 104)
    } else {
        Color32::from_rgb(178, 170, 150)
    }
}

/// Province names on the base map: muted, under the nodes' labels.
pub fn map_label_colour(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(118, 124, 134)
    } else {
        Color32::from_rgb(150, 140, 118)
    }
}

pub fn selection_colour(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(255, 220, 60)
    } else {
        Color32::from_rgb(220, 40, 40)
    }
}

/// A colour per group (province or level), from a fixed palette that reads on both themes.
pub fn group_colour(index: usize) -> Color32 {
    const PALETTE: [Color32; 12] = [
        Color32::from_rgb(31, 119, 180),
        Color32::from_rgb(255, 127, 14),
        Color32::from_rgb(44, 160, 44),
        Color32::from_rgb(214, 39, 40),
        Color32::from_rgb(148, 103, 189),
        Color32::from_rgb(140, 86, 75),
        Color32::from_rgb(227, 119, 194),
        Color32::from_rgb(127, 127, 127),
        Color32::from_rgb(188, 189, 34),
        Color32::from_rgb(23, 190, 207),
        Color32::from_rgb(82, 84, 163),
        Color32::from_rgb(173, 73, 74),
    ];
    PALETTE[index % PALETTE.len()]
}

/// Colour of a place highlighted in the article, by level.
pub fn place_colour(visuals: &Visuals, level: Option<crate::extract::Level>) -> Color32 {
    use crate::extract::Level;
    let dark = visuals.dark_mode;
    match level {
        Some(Level::Province) => {
            if dark {
                Color32::from_rgb(240, 140, 140)
            } else {
                Color32::from_rgb(170, 30, 30)
            }
        }
        Some(Level::Prefecture) => {
            if dark {
                Color32::from_rgb(240, 180, 90)
            } else {
                Color32::from_rgb(160, 90, 0)
            }
        }
        Some(Level::County) => {
            if dark {
                Color32::from_rgb(120, 210, 140)
            } else {
                Color32::from_rgb(20, 120, 50)
            }
        }
        Some(Level::Zone) => {
            if dark {
                Color32::from_rgb(120, 200, 230)
            } else {
                Color32::from_rgb(0, 110, 150)
            }
        }
        Some(Level::Region) | None => {
            if dark {
                Color32::from_rgb(190, 170, 240)
            } else {
                Color32::from_rgb(100, 60, 170)
            }
        }
    }
}

/// Colour of a date highlighted in the article.
pub fn date_colour(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(250, 200, 120)
    } else {
        Color32::from_rgb(150, 80, 0)
    }
}

/// Background of an event's evidence sentence in the article.
pub fn evidence_background(visuals: &Visuals, selected: bool) -> Color32 {
    match (visuals.dark_mode, selected) {
        (true, false) => Color32::from_rgb(45, 52, 70),
        (true, true) => Color32::from_rgb(90, 80, 30),
        (false, false) => Color32::from_rgb(232, 240, 252),
        (false, true) => Color32::from_rgb(255, 236, 150),
    }
}

/// Background of a find-in-article hit.
pub fn find_background(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(120, 90, 0)
    } else {
        Color32::from_rgb(255, 210, 90)
    }
}
