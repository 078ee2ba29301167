//! Distance: where a postal code or place name is, how far two points are, and the grid
//! cells that let the full-text index narrow a search to a radius before we measure.

use crate::refdata::REF;

/// Grid levels: (letter, degrees of latitude, degrees of longitude) per cell. About
/// 11 × 11 km, 55 × 55 km and 220 × 220 km in southern Finland.
const LEVELS: [(char, f64, f64); 3] = [('a', 0.1, 0.2), ('b', 0.5, 1.0), ('c', 2.0, 4.0)];

/// Most cells a radius may be spelled out in; a wider radius uses a coarser level.
const MAX_CELLS: usize = 64;

/// The widest radius we accept, in kilometres (Finland is about 1,160 km long).
pub const MAX_RADIUS_KM: f64 = 1500.0;

fn cell(level: (char, f64, f64), lat_i: i64, lon_i: i64) -> String {
    format!("c{}{}x{}", level.0, lat_i + 1000, lon_i + 2000)
}

fn index(v: f64, size: f64) -> i64 {
    (v / size).floor() as i64
}

/// The cell tokens of a point, one per level.
pub fn cells_of(lat: f64, lon: f64) -> Vec<String> {
    LEVELS
        .iter()
        .map(|l| cell(*l, index(lat, l.1), index(lon, l.2)))
        .collect()
}

/// Cell tokens that together cover every point within `radius_km` of a point.
pub fn cells_within(lat: f64, lon: f64, radius_km: f64) -> Vec<String> {
    let dlat = radius_km / 111.0;
    let coslat = lat.to_radians().cos().max(0.01);
    let dlon = (radius_km / (111.32 * coslat)).min(180.0);
    for level in LEVELS {
        let (la0, la1) = (index(lat - dlat, level.1), index(lat + dlat, level.1));
        let (lo0, lo1) = (index(lon - dlon, level.2), index(lon + dlon, level.2));
        let n = ((la1 - la0 + 1) * (lo1 - lo0 + 1)) as usize;
        if n <= MAX_CELLS || level.0 == 'c' {
            let mut out = Vec::with_capacity(n.min(4096));
            for a in la0..=la1 {
                for o in lo0..=lo1 {
                    out.push(cell(level, a, o));
                    if out.len() >= 4096 {
                        return out;
                    }
                }
            }
            return out;
        }
    }
    Vec::new()
}

/// Great-circle distance in kilometres.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// A fast approximation of `distance_km` (equirectangular): within 1 % at Finnish latitudes
/// for the distances people travel, so it can rule out what is clearly too far before the
/// exact formula runs.
pub fn approx_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let mean_lat = ((a.0 + b.0) / 2.0).to_radians();
    let dx = (b.1 - a.1) * 111.32 * mean_lat.cos();
    let dy = (b.0 - a.0) * 110.57;
    (dx * dx + dy * dy).sqrt()
}

/// Whether two points are within `km` of each other (exactly, but cheaply when clearly not).
pub fn within_km(a: (f64, f64), b: (f64, f64), km: f64) -> bool {
    approx_km(a, b) <= km * 1.1 + 1.0 && distance_km(a, b) <= km
}

/// A place the user named: where it is and what we call it.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub lat: f64,
    pub lon: f64,
    pub label: String,
}

/// Finds a postal code (its municipality's centre), a municipality or a place by name, in
/// Finnish or Swedish, in any case.
pub fn locate(s: &str) -> Option<Place> {
    let s = s.trim();
    if s.is_empty() || s.chars().count() > 60 {
        return None;
    }
    if s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit()) {
        return REF.municipality_of_postcode(s).map(|m| Place {
            lat: m.latitude,
            lon: m.longitude,
            label: format!("{s} {}", m.name_fi),
        });
    }
    if let Some(m) = REF.find_municipality(s) {
        if !(s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit())) {
            return Some(Place {
                lat: m.latitude,
                lon: m.longitude,
                label: m.name_fi.clone(),
            });
        }
    }
    REF.find_place(s).map(|p| Place {
        lat: p.latitude,
        lon: p.longitude,
        label: p.name.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        let helsinki = (60.16952, 24.93545);
        let lahti = (60.98267, 25.66151);
        let d = distance_km(helsinki, lahti);
        assert!((d - 97.0).abs() < 3.0, "{d}");
        assert_eq!(distance_km(lahti, lahti), 0.0);
    }

    #[test]
    fn a_radius_is_covered_by_the_cells_of_every_point_in_it() {
        let centre = (60.98, 25.66);
        for r in [1.0, 10.0, 30.0, 100.0, 400.0] {
            let cells = cells_within(centre.0, centre.1, r);
            assert!(!cells.is_empty() && cells.len() <= 4096);
            // Points on the circle in eight directions are inside some cell.
            for k in 0..8 {
                let a = f64::from(k) * std::f64::consts::FRAC_PI_4;
                let p = (
                    centre.0 + 0.97 * r / 111.0 * a.sin(),
                    centre.1 + 0.97 * r / (111.32 * centre.0.to_radians().cos()) * a.cos(),
                );
                assert!(distance_km(centre, p) <= r);
                let own = cells_of(p.0, p.1);
                assert!(own.iter().any(|c| cells.contains(c)), "r={r} k={k}");
            }
        }
    }

    #[test]
    fn places_are_found_by_postcode_and_name() {
        let p = locate("15140").expect("Lahti postcode");
        assert!(p.label.contains("Lahti"));
        assert!(locate("lahti").is_some());
        assert!(locate("Helsingfors").is_some());
        assert!(locate("Ei tällaista paikkaa").is_none());
        assert!(locate("00000").is_none());
    }
}
