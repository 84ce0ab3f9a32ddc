//! `accord --screenshot PATH`: open the window, wait until the seeds are loaded and laid out,
//! save that frame as a PNG and exit. Used for the README's pictures; works under Xvfb.

use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context as _;

/// Frames the window must stay settled (nothing loading, layout done) before the picture, so
/// panel sizes and fonts have settled too.
const SETTLED_FRAMES: u32 = 5;
/// Longest wait for the app to settle before taking the picture anyway.
const TIMEOUT: Duration = Duration::from_secs(60);

/// One screenshot to take.
pub struct ScreenshotJob {
    path: PathBuf,
    started: Instant,
    settled: u32,
    requested: bool,
    outcome: Arc<Mutex<Option<Result<(), String>>>>,
}

impl ScreenshotJob {
    /// A job that saves to `path`; `outcome` receives the result.
    pub fn new(path: PathBuf, outcome: Arc<Mutex<Option<Result<(), String>>>>) -> Self {
        Self {
            path,
            started: Instant::now(),
            settled: 0,
            requested: false,
            outcome,
        }
    }

    /// Call once a frame with whether the app has settled; asks for the picture when it has,
    /// and closes the window once the picture is saved.
    pub fn frame(&mut self, ctx: &egui::Context, settled: bool) {
        let finished = self
            .outcome
            .lock()
            .map(|outcome| outcome.is_some())
            .unwrap_or(true);
        if finished {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        self.settled = if settled { self.settled + 1 } else { 0 };
        let due = self.settled >= SETTLED_FRAMES || self.started.elapsed() > TIMEOUT;
        if due && !self.requested {
            self.requested = true;
            let path = self.path.clone();
            let outcome = Arc::clone(&self.outcome);
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image| {
                let result = save_png(&path, &image).map_err(|error| format!("{error:#}"));
                if let Ok(mut slot) = outcome.lock() {
                    *slot = Some(result);
                }
                repaint.request_repaint();
            });
        }
        ctx.request_repaint();
    }
}

/// Writes an image as an 8-bit RGBA PNG.
fn save_png(path: &Path, image: &egui::ColorImage) -> anyhow::Result<()> {
    let [width, height] = image.size;
    let bytes: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|pixel| pixel.to_srgba_unmultiplied())
        .collect();
    let file = std::fs::File::create(path)
        .with_context(|| format!("could not create {}", path.display()))?;
    let mut encoder = png::Encoder::new(
        BufWriter::new(file),
        u32::try_from(width)?,
        u32::try_from(height)?,
    );
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder
        .write_header()
        .with_context(|| format!("could not write {}", path.display()))?;
    writer
        .write_image_data(&bytes)
        .with_context(|| format!("could not write {}", path.display()))?;
    Ok(())
}
