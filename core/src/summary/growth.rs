//! 体重の妥当性 / Whether a recorded weight is physiologically possible for the age.
//!
//! Children with severe motor and intellectual disabilities (重症心身障害児) often sit far
//! below the general growth curves, so a weight outside the 3rd–97th percentiles is no
//! error. The bounds here only catch values no child of that age can weigh — a typing
//! slip (140 kg for a 3-year-old, 1.4 kg for a 10-year-old) before a dose is worked out
//! from it.
//!
//! Source: the 3rd percentile of girls at the start of each year of age and the 97th
//! percentile of boys at its end, rounded to 0.1 kg, read from the Japanese reference
//! growth charts: 厚生労働省「平成22年乳幼児身体発育調査報告書」(2011) for ages 0–5 and
//! 文部科学省「学校保健統計調査」(2000), the school-age reference of the 日本小児内分泌学会
//! 成長曲線, for ages 6–17. The bounds widen them generously:
//!
//! - lowest plausible weight = 0.4 × that 3rd percentile ([`LOW_FACTOR`]);
//! - highest plausible weight = 2 × that 97th percentile ([`HIGH_FACTOR`]).
//!
//! Under one year the lowest is 0.3 kg (an extremely preterm infant), the floor the
//! weight field already had. From 18 the age-17 row applies.

/// Factor applied to the 3rd percentile for the lowest plausible weight.
pub const LOW_FACTOR: f64 = 0.4;
/// Factor applied to the 97th percentile for the highest plausible weight.
pub const HIGH_FACTOR: f64 = 2.0;

/// (completed years of age, 3rd percentile of girls at the start of the year in kg,
/// 97th percentile of boys at the end of the year in kg). Age 0's 0.75 kg gives the
/// 0.3 kg floor for extremely preterm infants (0.75 × 0.4).
pub const WEIGHT_PERCENTILES: &[(u32, f64, f64)] = &[
    (0, 0.75, 11.4),
    (1, 7.2, 14.6),
    (2, 9.3, 17.1),
    (3, 11.0, 19.8),
    (4, 12.5, 22.7),
    (5, 14.0, 26.0),
    (6, 15.5, 30.0),
    (7, 17.0, 35.0),
    (8, 19.0, 41.0),
    (9, 21.0, 48.0),
    (10, 23.0, 55.0),
    (11, 26.0, 62.0),
    (12, 29.0, 70.0),
    (13, 33.0, 76.0),
    (14, 36.0, 80.0),
    (15, 38.0, 83.0),
    (16, 39.0, 85.0),
    (17, 40.0, 87.0),
];

/// The plausible weight range (kg, inclusive) for a child of `years` completed years.
pub fn plausible_weight(years: u32) -> (f64, f64) {
    let row = WEIGHT_PERCENTILES
        .iter()
        .rev()
        .find(|(y, _, _)| *y <= years)
        .copied()
        .unwrap_or((0, 0.75, 11.4));
    let round1 = |x: f64| (x * 10.0).round() / 10.0;
    (round1(row.1 * LOW_FACTOR), round1(row.2 * HIGH_FACTOR))
}

/// Days after which a weight is too old to work out a dose from: children grow fast
/// when small. Under 1 year: 30 days; 1 to 5 years: 90 days; from 6: 180 days.
pub fn weight_stale_days(years: u32) -> i64 {
    match years {
        0 => 30,
        1..=5 => 90,
        _ => 180,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_worked_by_hand() {
        // 3 years: 0.4 × 11.0 = 4.4; 2 × 19.8 = 39.6.
        assert_eq!(plausible_weight(3), (4.4, 39.6));
        // 0 years: 0.4 × 0.75 = 0.3; 2 × 11.4 = 22.8.
        assert_eq!(plausible_weight(0), (0.3, 22.8));
        // 10 years: 0.4 × 23 = 9.2; 2 × 55 = 110.
        assert_eq!(plausible_weight(10), (9.2, 110.0));
        // 40 years: the age-17 row, 0.4 × 40 = 16; 2 × 87 = 174.
        assert_eq!(plausible_weight(40), (16.0, 174.0));
    }

    #[test]
    fn rows_are_in_order_and_grow() {
        for w in WEIGHT_PERCENTILES.windows(2) {
            let [(a, la, ha), (b, lb, hb)] = w else {
                continue;
            };
            assert_eq!(*b, a + 1);
            assert!(lb > la && hb > ha);
        }
    }
}
