//! Properties of the clinical profile and the scores, for every generated input.

use kyoten_core::calendar::IsoDate;
use kyoten_core::care::{
    CareItem, CareKind, ClinicalCondition, ClinicalProfile, FeedingRoute, Frequency, LowSpo2,
    MotorLevel, Per, SeizureMeasure, SuctionSite, UrinaryRoute, VentilationMode, WatchLevel,
    validate_clinical,
};
use kyoten_core::finding::{Path, Severity};
use kyoten_core::scores::{self, compute, short_stay_grounds};
use proptest::prelude::*;

fn date() -> impl Strategy<Value = IsoDate> {
    (1990i32..2040, 1u8..=12, 1u8..=31).prop_map(|(y, m, d)| {
        IsoDate::from_ymd(y, m, d)
            .or_else(|| IsoDate::from_ymd(y, m, 28))
            .unwrap()
    })
}
fn pick<T: Clone + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    prop::sample::select(all)
}

fn care_item() -> impl Strategy<Value = CareItem> {
    (
        (
            pick(CareKind::ALL),
            prop::option::of(date()),
            prop::option::of(pick(WatchLevel::ALL)),
            prop::collection::vec(pick(VentilationMode::ALL), 0..3),
            prop::option::of(any::<u8>()),
            prop::option::of(
                (any::<u16>(), pick(Per::ALL)).prop_map(|(times, per)| Frequency { times, per }),
            ),
        ),
        (
            any::<bool>(),
            prop::collection::vec(pick(SuctionSite::ALL), 0..3),
            prop::option::of(pick(FeedingRoute::ALL)),
            prop::option::of(pick(UrinaryRoute::ALL)),
            prop::collection::vec(pick(SeizureMeasure::ALL), 0..3),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (kind, since, watch, ventilation, hours_per_day, frequency),
                (
                    continuous,
                    suction_sites,
                    feeding_route,
                    urinary_route,
                    seizure_measures,
                    commercial_glycerin_only,
                ),
            )| CareItem {
                kind,
                since,
                watch,
                ventilation,
                hours_per_day,
                frequency,
                continuous,
                suction_sites,
                feeding_route,
                urinary_route,
                seizure_measures,
                commercial_glycerin_only,
            },
        )
}

fn profile() -> impl Strategy<Value = ClinicalProfile> {
    (
        prop::collection::vec(care_item(), 0..12),
        prop::option::of(pick(MotorLevel::ALL)),
        prop::option::of(0u16..300),
        prop::option::of(any::<u16>()),
        prop::option::of(date()),
        prop::option::of((any::<u8>(), prop::option::of(date())).prop_map(
            |(percent_of_time, since)| LowSpo2 {
                percent_of_time,
                since,
            },
        )),
        prop::option::of(0u8..10),
        prop::option::of(any::<u8>()),
        prop::collection::vec(pick(ClinicalCondition::ALL), 0..4),
    )
        .prop_map(
            |(
                care,
                motor_level,
                iq,
                dq,
                nicu_discharge,
                low_spo2,
                support_level,
                behaviour_score,
                conditions,
            )| {
                ClinicalProfile {
                    care,
                    motor_level,
                    iq,
                    dq,
                    nicu_discharge,
                    low_spo2,
                    support_level,
                    behaviour_score,
                    conditions,
                }
            },
        )
}

proptest! {
    #[test]
    fn profile_survives_serialise_parse(p in profile()) {
        let text = serde_json::to_string(&p).unwrap();
        let back: ClinicalProfile = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&back, &p);
        // And through the library's own reader, as every operation reads it.
        let read: ClinicalProfile =
            kyoten_core::input::read(text.as_bytes(), &kyoten_core::input::Limits::default()).unwrap();
        prop_assert_eq!(read, p);
    }

    #[test]
    fn scores_never_panic_nor_exceed_the_tables(p in profile(), birth in date(), as_of in date()) {
        let base = Path::root().key("clinical");
        let mut findings = Vec::new();
        validate_clinical(&p, &base, birth, as_of, &mut findings);
        let (r, info) = compute(&p, birth, as_of, &base);
        prop_assert!(r.super_severe.total <= 86);
        prop_assert!(r.super_severe.total <= scores::super_severe::max_total());
        prop_assert!(r.medical_care.total <= 125);
        let items: u16 = r.super_severe.items.iter().map(|i| u16::from(i.points)).sum();
        prop_assert_eq!(items, r.super_severe.total);
        let items: u16 = r.medical_care.items.iter().map(|i| u16::from(i.points)).sum();
        prop_assert_eq!(items, r.medical_care.total);
        if let Some(o) = &r.oshima {
            prop_assert!((1..=25).contains(&o.cell));
        }
        prop_assert!(info.iter().all(|f| f.severity == Severity::Info));
        prop_assert!(info.iter().chain(&findings).all(|f| f.path.starts_with("/clinical")));
        let grounds = short_stay_grounds(&p, as_of);
        let listed: Vec<_> = r.short_stay.grounds.iter().map(|g| g.ground).collect();
        // Every ground the profile shows is either listed or left out for the age (18+),
        // and a left-out ground is a child-only one.
        let shown: Vec<_> = grounds
            .iter()
            .copied()
            .filter(|g| !r.short_stay.over_18.contains(g))
            .collect();
        prop_assert_eq!(shown, listed);
        for g in &r.short_stay.over_18 {
            prop_assert!(grounds.contains(g));
            prop_assert!(scores::entitlement::child_only(*g));
        }
        let adult = kyoten_core::calendar::age_on(birth, as_of).is_some_and(|a| a >= 18);
        if !adult {
            prop_assert!(r.short_stay.over_18.is_empty());
        }
    }

    #[test]
    fn operation_never_panics_on_generated_requests(p in profile(), birth in date(), as_of in date()) {
        let doc = serde_json::json!({ "as_of": as_of, "birth_date": birth, "clinical": p });
        let out = kyoten_core::ops::run("scores.compute", doc.to_string().as_bytes()).unwrap();
        let v: serde_json::Value = serde_json::from_str(&out.json).unwrap();
        prop_assert_eq!(v["valid"].as_bool(), Some(out.valid));
    }

    #[test]
    fn operation_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let out = kyoten_core::ops::run("scores.compute", &bytes).unwrap();
        prop_assert!(!out.valid);
    }
}
