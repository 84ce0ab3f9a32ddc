//! Fonts: egui's defaults plus a bundled Chinese font, so Chinese text never shows as boxes.
//!
//! The bundled font is a 2.2 MB subset of Noto Sans CJK SC (all GB2312 characters, the common
//! Big5 traditional ones, CJK punctuation and fullwidth forms; see `tools/make_cjk_font.py` and
//! ARCHITECTURE.md for why this size). It sits behind egui's Latin fonts, so English keeps its
//! look, and ahead of eframe's system font fallback, which still covers rarer characters.

use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
use egui::{FontData, FontFamily};

/// Name of the bundled font in egui's font list.
pub const CJK_FONT_NAME: &str = "Noto Sans CJK SC (subset)";

/// Installs the bundled CJK font as a fallback of both font families.
pub fn install(ctx: &egui::Context) {
    let fallback = |family| InsertFontFamily {
        family,
        priority: FontPriority::Lowest,
    };
    ctx.add_font(FontInsert {
        name: CJK_FONT_NAME.to_owned(),
        data: FontData::from_static(crate::font::CJK),
        families: vec![
            fallback(FontFamily::Proportional),
            fallback(FontFamily::Monospace),
        ],
    });
}

#[cfg(test)]
mod tests {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn simplified_and_traditional_chinese_render_with_the_bundled_font() {
        // egui_kittest has no system fonts and panics on a glyph no font has.
        let harness = Harness::new_ui(|ui| {
            super::install(ui.ctx());
            ui.label("南京市江宁区与溧水区签署合作协议，“三区联动”。");
            ui.label("南京市江寧區與溧水區簽署合作協議");
        });
        harness.get_by_label("南京市江宁区与溧水区签署合作协议，“三区联动”。");
    }

    #[test]
    fn every_character_the_ui_writes_has_a_glyph() {
        // A character no font has is drawn as an empty box (a "▼" once marked the event
        // table's descending sort): read every non-comment line of the UI's sources.
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
        let mut written = std::collections::BTreeSet::new();
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let source = std::fs::read_to_string(entry.path()).unwrap();
            for line in source.lines() {
                let code = line.split("//").next().unwrap_or("");
                written.extend(
                    code.chars()
                        .filter(|c| !c.is_ascii())
                        .map(|c| (c, entry.file_name())),
                );
            }
        }
        let mut harness = Harness::new_ui(|ui| super::install(ui.ctx()));
        harness.run();
        let font = super::super::theme::body_font();
        let missing: Vec<_> = written
            .into_iter()
            .filter(|(c, _)| !harness.ctx.fonts_mut(|fonts| fonts.has_glyph(&font, *c)))
            .collect();
        assert!(missing.is_empty(), "no glyph for {missing:?}");
    }
}
