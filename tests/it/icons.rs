//! The icon files `tools/make_icons.py` generates: each is there, decodes, and has the sizes
//! the window, the Linux bundles, the Windows installers and the macOS `.app` expect.

use std::io::Cursor;
use std::path::PathBuf;

/// The sizes in `icons/png/`, in pixels.
const PNG_SIZES: [u32; 9] = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

fn icon_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("icons")
        .join(name)
}

fn read_icon(name: &str) -> Vec<u8> {
    let path = icon_path(name);
    std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// A decoded PNG: width, height and RGBA pixels.
struct Rgba {
    width: u32,
    height: u32,
    pixels: Vec<u8>,
}

impl Rgba {
    fn alpha_at(&self, x: u32, y: u32) -> u8 {
        self.pixels[((y * self.width + x) * 4 + 3) as usize]
    }
}

fn decode(bytes: &[u8], what: &str) -> Rgba {
    let mut reader = png::Decoder::new(Cursor::new(bytes))
        .read_info()
        .unwrap_or_else(|error| panic!("{what}: {error}"));
    let mut pixels = vec![0; reader.output_buffer_size().expect("a buffer size")];
    let frame = reader
        .next_frame(&mut pixels)
        .unwrap_or_else(|error| panic!("{what}: {error}"));
    assert_eq!(frame.color_type, png::ColorType::Rgba, "{what}");
    assert_eq!(frame.bit_depth, png::BitDepth::Eight, "{what}");
    pixels.truncate(frame.buffer_size());
    Rgba {
        width: frame.width,
        height: frame.height,
        pixels,
    }
}

/// A square icon of `size` px: a tile in the middle, transparent in the corners.
fn assert_icon(bytes: &[u8], size: u32, what: &str) {
    let image = decode(bytes, what);
    assert_eq!((image.width, image.height), (size, size), "{what}");
    assert_eq!(
        image.alpha_at(size / 2, size / 2),
        255,
        "{what}: opaque middle"
    );
    assert!(image.alpha_at(0, 0) < 128, "{what}: rounded corner");
}

#[test]
fn the_svg_sources_are_there() {
    for name in ["accord.svg", "accord-small.svg"] {
        let text = String::from_utf8(read_icon(name)).unwrap();
        assert!(text.contains("<svg"), "{name}");
    }
}

#[test]
fn the_window_icon_decodes_as_eframe_loads_it() {
    let bytes = read_icon("accord.png");
    assert_icon(&bytes, 256, "accord.png");
    let icon = eframe::icon_data::from_png_bytes(&bytes).expect("eframe reads the window icon");
    assert_eq!((icon.width, icon.height), (256, 256));
}

#[test]
fn every_png_of_the_set_decodes_at_its_size() {
    for size in PNG_SIZES {
        let name = format!("png/{size}x{size}.png");
        assert_icon(&read_icon(&name), size, &name);
    }
}

fn u16_le(bytes: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([bytes[at], bytes[at + 1]])
}

fn u32_le(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap())
}

fn u32_be(bytes: &[u8], at: usize) -> u32 {
    u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap())
}

#[test]
fn the_ico_holds_every_windows_size_as_png() {
    let ico = read_icon("accord.ico");
    // ICONDIR: reserved 0, type 1 (icon), number of images; then 16-byte entries.
    assert_eq!(u16_le(&ico, 0), 0);
    assert_eq!(u16_le(&ico, 2), 1);
    let count = usize::from(u16_le(&ico, 4));
    let mut sizes = Vec::new();
    for index in 0..count {
        let entry = 6 + 16 * index;
        // A width of 0 means 256.
        let size = match ico[entry] {
            0 => 256,
            width => u32::from(width),
        };
        let length = u32_le(&ico, entry + 8) as usize;
        let offset = u32_le(&ico, entry + 12) as usize;
        assert_icon(
            &ico[offset..offset + length],
            size,
            &format!("accord.ico {size} px"),
        );
        sizes.push(size);
    }
    sizes.sort_unstable();
    assert_eq!(sizes, [16, 24, 32, 48, 64, 128, 256]);
}

#[test]
fn the_icns_holds_every_macos_size_as_png() {
    let icns = read_icon("accord.icns");
    assert_eq!(&icns[..4], b"icns");
    assert_eq!(u32_be(&icns, 4) as usize, icns.len());
    let mut types = Vec::new();
    let mut at = 8;
    while at < icns.len() {
        let code = std::str::from_utf8(&icns[at..at + 4]).unwrap().to_owned();
        let length = u32_be(&icns, at + 4) as usize;
        let size = match code.as_str() {
            "icp4" => 16,
            "icp5" | "ic11" => 32,
            "icp6" | "ic12" => 64,
            "ic07" => 128,
            "ic08" | "ic13" => 256,
            "ic09" | "ic14" => 512,
            "ic10" => 1024,
            other => panic!("unexpected ICNS entry {other}"),
        };
        assert_icon(
            &icns[at + 8..at + length],
            size,
            &format!("accord.icns {code}"),
        );
        types.push(code);
        at += length;
    }
    assert_eq!(at, icns.len());
    types.sort_unstable();
    assert_eq!(
        types,
        [
            "ic07", "ic08", "ic09", "ic10", "ic11", "ic12", "ic13", "ic14", "icp4", "icp5", "icp6"
        ]
    );
}
