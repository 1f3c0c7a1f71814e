//! Generators of child summaries shared by `summary_props.rs` and `fhir_props.rs`.
#![allow(dead_code, unused_imports)]

use kyoten_core::calendar::IsoDate;
use kyoten_core::care::{
    CareItem, CareKind, ClinicalProfile, FeedingRoute, Frequency, MotorLevel, Per, SeizureMeasure,
    SuctionSite, VentilationMode, WatchLevel,
};
use kyoten_core::summary::*;
use proptest::prelude::*;
use serde_json::Value;

pub fn pick<T: Clone + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    prop::sample::select(all)
}

/// Mostly recent dates, sometimes the ends of the calendar (years 1 and 9999).
pub fn date() -> impl Strategy<Value = IsoDate> {
    let near = (1990i32..2045, 1u8..=12, 1u8..=31);
    let far = (prop_oneof![1i32..4, 9996i32..=9999], 1u8..=12, 1u8..=31);
    prop_oneof![9 => near, 1 => far].prop_map(|(y, m, d)| {
        IsoDate::from_ymd(y, m, d)
            .or_else(|| IsoDate::from_ymd(y, m, 28))
            .unwrap()
    })
}

/// Any text, including blanks, kana, digits and odd characters.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,12}",
        "[ぁ-ゖァ-ヺー 　]{0,8}",
        "[0-9+() -]{0,16}",
        "[A-Z][0-9]{2}(\\.[0-9]{1,2})?",
    ]
}

pub fn id() -> impl Strategy<Value = String> {
    prop_oneof!["[a-c]", "\\PC{0,4}"]
}

pub fn number() -> impl Strategy<Value = f64> {
    (-1000i32..300_000).prop_map(|n| f64::from(n) / 10.0)
}

pub fn range() -> impl Strategy<Value = Range> {
    (number(), number()).prop_map(|(min, max)| Range { min, max })
}

pub fn care_item() -> impl Strategy<Value = CareItem> {
    (
        pick(CareKind::ALL),
        prop::option::of(date()),
        prop::option::of(pick(WatchLevel::ALL)),
        prop::collection::vec(pick(VentilationMode::ALL), 0..2),
        prop::option::of(any::<u8>()),
        prop::option::of(
            (any::<u16>(), pick(Per::ALL)).prop_map(|(times, per)| Frequency { times, per }),
        ),
        prop::collection::vec(pick(SuctionSite::ALL), 0..2),
        prop::option::of(pick(FeedingRoute::ALL)),
        prop::collection::vec(pick(SeizureMeasure::ALL), 0..2),
    )
        .prop_map(
            |(kind, since, watch, ventilation, hours, frequency, sites, route, measures)| {
                let mut item = CareItem::new(kind);
                item.since = since;
                item.watch = watch;
                item.ventilation = ventilation;
                item.hours_per_day = hours;
                item.frequency = frequency;
                item.suction_sites = sites;
                item.feeding_route = route;
                item.seizure_measures = measures;
                item
            },
        )
}

pub fn clinical() -> impl Strategy<Value = ClinicalProfile> {
    (
        prop::collection::vec(care_item(), 0..6),
        prop::option::of(pick(MotorLevel::ALL)),
        prop::option::of(0u16..300),
        prop::option::of(date()),
    )
        .prop_map(|(care, motor_level, iq, nicu_discharge)| ClinicalProfile {
            care,
            motor_level,
            iq,
            nicu_discharge,
            ..ClinicalProfile::default()
        })
}

pub fn contact() -> impl Strategy<Value = Contact> {
    (
        text(),
        prop::option::of(text()),
        pick(Relationship::ALL),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
    )
        .prop_map(
            |(name, kana, relationship, phone, phone_alt, note)| Contact {
                name,
                kana,
                relationship,
                phone,
                phone_alt,
                note,
            },
        )
}

pub fn diagnosis() -> impl Strategy<Value = Diagnosis> {
    (
        text(),
        prop::option::of(text()),
        any::<bool>(),
        prop::option::of(date()),
    )
        .prop_map(|(name, icd10, primary, diagnosed_on)| Diagnosis {
            name,
            icd10,
            primary,
            diagnosed_on,
        })
}

pub fn medication() -> impl Strategy<Value = Medication> {
    (
        text(),
        prop::option::of(text()),
        pick(MedicationRoute::ALL),
        prop::option::of(0u32..40),
        any::<bool>(),
        any::<bool>(),
        prop::option::of(text()),
        prop::option::of(date()),
    )
        .prop_map(
            |(name, dose, route, times_per_day, as_needed, rescue, indication, since)| Medication {
                name,
                dose,
                route,
                times_per_day,
                as_needed,
                rescue,
                indication,
                since,
            },
        )
}

pub fn allergies() -> impl Strategy<Value = Allergies> {
    (
        pick(AllergyStatus::ALL),
        prop::collection::vec(
            (
                text(),
                pick(AllergyCategory::ALL),
                prop::option::of(pick(AllergySeverity::ALL)),
                prop::option::of(text()),
            )
                .prop_map(|(substance, category, severity, reaction)| Allergy {
                    substance,
                    category,
                    severity,
                    reaction,
                }),
            0..4,
        ),
    )
        .prop_map(|(status, items)| Allergies { status, items })
}

pub fn vaccination() -> impl Strategy<Value = Vaccination> {
    (
        pick(Vaccine::ALL),
        date(),
        prop::option::of(0u32..12),
        prop::option::of(text()),
    )
        .prop_map(|(vaccine, date, dose, name)| Vaccination {
            vaccine,
            date,
            dose,
            name,
        })
}

pub fn vitals() -> impl Strategy<Value = VitalSigns> {
    (
        date(),
        prop::option::of(number()),
        prop::option::of(number()),
        prop::option::of(range()),
        prop::option::of(range()),
        prop::option::of(range()),
        prop::option::of(range()),
        prop::option::of(range()),
    )
        .prop_map(
            |(measured_on, weight_kg, height_cm, spo2, hr, rr, temp, sys)| VitalSigns {
                measured_on,
                weight_kg,
                height_cm,
                spo2_percent: spo2,
                heart_rate_per_min: hr,
                respiratory_rate_per_min: rr,
                temperature_c: temp,
                systolic_mmhg: sys,
            },
        )
}

pub fn member() -> impl Strategy<Value = CareTeamMember> {
    (
        id(),
        pick(CareRole::ALL),
        text(),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
    )
        .prop_map(
            |(id, role, organisation, person, phone, phone_out_of_hours)| CareTeamMember {
                id,
                role,
                organisation,
                person,
                phone,
                phone_out_of_hours,
            },
        )
}

pub fn history() -> impl Strategy<Value = HistoryEntry> {
    (
        pick(HistoryKind::ALL),
        text(),
        prop::option::of(id()),
        prop::option::of(text()),
        date(),
        prop::option::of(date()),
        prop::option::of(text()),
    )
        .prop_map(
            |(kind, institution, member, department, start, end, reason)| HistoryEntry {
                kind,
                institution,
                member,
                department,
                start,
                end,
                reason,
            },
        )
}

pub fn plan() -> impl Strategy<Value = EmergencyPlan> {
    (
        prop::option::of(id()),
        prop::option::of(id()),
        pick(Resuscitation::ALL),
        prop::collection::vec(
            (pick(Situation::ALL), text())
                .prop_map(|(situation, action)| EmergencyAction { situation, action }),
            0..6,
        ),
        prop::option::of(date()),
    )
        .prop_map(
            |(destination, doctor, resuscitation, actions, agreed_on)| EmergencyPlan {
                destination,
                doctor,
                resuscitation,
                actions,
                agreed_on,
            },
        )
}

pub fn provenance() -> impl Strategy<Value = Provenance> {
    (
        pick(Section::ALL),
        pick(RecorderRole::ALL),
        prop::option::of(text()),
        prop::option::of(id()),
        date(),
    )
        .prop_map(
            |(section, role, recorded_by, member, recorded_on)| Provenance {
                section,
                role,
                recorded_by,
                member,
                recorded_on,
            },
        )
}
