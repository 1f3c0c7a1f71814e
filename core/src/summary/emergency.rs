//! 救急時の要約 / The emergency view: the few facts an emergency doctor needs first
//! ([S-000] №17: 「医療関係者はここを見ればよい、というのがわかるように」).
//!
//! Always the same sections in the same order, each capped so that the whole view fits
//! on one screen ([`MAX_LINES`] lines of text at most), as data ([`EmergencyView`]) and as
//! plain Japanese text lines (`text_ja`):
//!
//! 1. 本人 — name, kana, sex, age, date of birth, blood type, weight
//! 2. 診断 — main diagnosis first, at most 3
//! 3. 蘇生 — wishes about resuscitation (DNAR)
//! 4. アレルギー — "none" and "unknown" kept apart; drugs and anaphylaxis first, at most 4
//! 5. 呼吸・気道 — airway and breathing devices with their settings, at most 4
//! 6. 医療的ケア — the care items, at most 8
//! 7. 薬 — rescue medicines first with when to give them, then regular ones, at most 5
//! 8. 平常時 — usual SpO2, heart rate, respiratory rate, temperature
//! 9. 緊急時の対応 — the plan's actions, at most 4
//! 10. 連絡先 — destination hospital, primary doctor, emergency contacts, and the device
//!     supplier when the plan says to call it (業者へ連絡) (five lines at most, six with the supplier)
//!
//! When items are left out the section says how many (`omitted`) and the info finding
//! `summary.emergency_view.truncated` points at the list in the input. The view is built
//! even from a summary with errors (an emergency does not wait); the report carries the
//! validation's errors so a reader sees the data is not clean.

use super::{
    Age, AllergySeverity, AllergyStatus, BloodType, CareRole, ChildSummary, Device, Sex,
    SummaryRequest, labelled,
};
use crate::calendar::IsoDate;
use crate::care::{CareItem, Per};
use crate::finding::{Finding, Path};
use crate::input::model::joined;
use crate::operation::Computed;
use serde::Serialize;

/// Most text lines of the view (a header and one line per section).
pub const MAX_LINES: usize = 11;
/// Longest item, in characters; longer free text is cut with "…".
pub const MAX_ITEM_CHARS: usize = 40;

crate::rule!(
    TRUNCATED,
    "summary.emergency_view.truncated",
    Info,
    "一画面に収めるため一部を省略しました（{section} {omitted} 件）",
    "Some items were left out to fit one screen ({section}: {omitted} left out)"
);

labelled! {
    /// 救急時の要約の区分 / A section of the emergency view, in display order.
    EmergencySection {
        /// 本人 / The child.
        Patient => "本人", "patient";
        /// 診断 / Diagnoses.
        Diagnoses => "診断", "diagnoses";
        /// 蘇生 / Resuscitation wishes.
        Resuscitation => "蘇生", "resuscitation";
        /// アレルギー / Allergies.
        Allergies => "アレルギー", "allergies";
        /// 呼吸・気道 / Airway and breathing.
        Airway => "呼吸・気道", "airway and breathing";
        /// 医療的ケア / Medical care.
        Care => "医療的ケア", "medical care";
        /// 薬 / Medicines.
        Medications => "薬", "medicines";
        /// 平常時 / Usual vital signs.
        Baseline => "平常時", "baseline";
        /// 緊急時の対応 / What to do.
        Actions => "緊急時の対応", "actions";
        /// 連絡先 / Whom to call.
        Contacts => "連絡先", "contacts";
    }
}

/// 救急時の要約の本人欄 / The child, as the emergency view shows it.
#[derive(Debug, Clone, PartialEq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EmergencyChild {
    /// 氏名 / Name.
    pub name: String,
    /// ふりがな / Kana.
    pub kana: String,
    /// 性別 / Sex.
    pub sex: Sex,
    /// 生年月日 / Date of birth.
    pub date_of_birth: IsoDate,
    /// 年齢 / Age on `as_of`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age: Option<Age>,
    /// 血液型 / Blood type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blood_type: Option<BloodType>,
    /// 体重 (kg) / Weight (kg).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight_kg: Option<f64>,
}

/// 区分ごとの内容 / One section of the view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EmergencyBlock {
    /// 区分 / Section.
    pub section: EmergencySection,
    /// 見出し / Japanese heading.
    pub title_ja: &'static str,
    /// 項目（短い日本語の文） / Items, short Japanese phrases.
    pub items: Vec<String>,
    /// 省略した件数 / Number of items left out to fit one screen.
    pub omitted: u32,
}

/// 救急時の要約 / The emergency view.
#[derive(Debug, Clone, PartialEq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EmergencyView {
    /// 基準日 / As of.
    pub as_of: IsoDate,
    /// 本人 / The child.
    pub child: EmergencyChild,
    /// 区分（決まった順） / The sections, always all ten, in the fixed order.
    pub sections: Vec<EmergencyBlock>,
    /// 平文（日本語） / The same as plain Japanese text, one line per section.
    pub text_ja: Vec<String>,
}

/// Cuts `s` to [`MAX_ITEM_CHARS`] characters, with "…" when cut.
fn short(s: &str) -> String {
    let s = s.trim();
    if s.chars().count() <= MAX_ITEM_CHARS {
        s.to_owned()
    } else {
        let mut out = String::new();
        for c in s.chars().take(MAX_ITEM_CHARS.saturating_sub(1)) {
            out.push(c);
        }
        out.push('…');
        out
    }
}

fn num(v: f64) -> String {
    crate::number_text::shortest(v)
}

/// A setting's value as written on the device: a tracheostomy tube's inner diameter
/// always with one decimal (4.0, 4.5: sizes come in 0.5 mm steps and "4" reads as a
/// different size on a sheet), other settings as they are.
fn setting_value(p: super::SettingParameter, v: f64) -> String {
    if p == super::SettingParameter::InnerDiameterMm && (v * 10.0).fract() == 0.0 {
        crate::number_text::tenths(v)
    } else {
        num(v)
    }
}

fn age_text(age: Option<Age>) -> String {
    match age {
        Some(a) if a.years < 3 => format!("{}歳{}か月", a.years, a.months),
        Some(a) => format!("{}歳", a.years),
        None => "年齢不明".to_owned(),
    }
}

fn device_text(d: &Device) -> String {
    let mut parts: Vec<String> = vec![d.kind.label_ja().to_owned()];
    if let Some(m) = &d.mode {
        parts.push(short(m));
    }
    for st in &d.settings {
        parts.push(format!(
            "{} {}{}",
            st.parameter.label_ja(),
            setting_value(st.parameter, st.value),
            st.parameter.unit()
        ));
    }
    if let Some(c) = d.last_changed {
        parts.push(format!("（最終交換 {c}）"));
    }
    joined(&parts, " ")
}

fn care_text(item: &CareItem) -> String {
    let mut detail: Vec<String> = Vec::new();
    for v in &item.ventilation {
        detail.push(v.label_ja().to_owned());
    }
    if let Some(h) = item.hours_per_day {
        detail.push(format!("1日{h}時間"));
    }
    if let Some(r) = item.feeding_route {
        detail.push(r.label_ja().to_owned());
    }
    if let Some(r) = item.urinary_route {
        detail.push(r.label_ja().to_owned());
    }
    for s in &item.suction_sites {
        detail.push(s.label_ja().to_owned());
    }
    for m in &item.seizure_measures {
        detail.push(m.label_ja().to_owned());
    }
    if let Some(f) = item.frequency {
        let per = match f.per {
            Per::Hour => "1時間に",
            Per::Day => "1日",
            Per::Week => "週",
        };
        detail.push(format!("{per}{}回", f.times));
    }
    if item.continuous {
        detail.push("継続".to_owned());
    }
    let label = item.kind.label_ja();
    if detail.is_empty() {
        label.to_owned()
    } else {
        // "経管栄養（経鼻胃管・胃ろう）" + "胃瘻" → "経管栄養（胃瘻）".
        let head = label.split('（').next().unwrap_or(label);
        format!("{head}（{}）", joined(&detail, "・"))
    }
}

/// True if the emergency plan tells the carer to call the device supplier: an action
/// mentioning 業者 or メーカー, or any action for a ventilator failure.
fn plan_calls_supplier(s: &ChildSummary) -> bool {
    s.emergency_plan.as_ref().is_some_and(|p| {
        p.actions.iter().any(|a| {
            a.situation == super::Situation::VentilatorFailure
                || crate::text::contains(&a.action, "業者")
                || crate::text::contains(&a.action, "メーカー")
        })
    })
}

/// 「機器業者 人工呼吸器 在宅医療機器サービス 0120-000-111」: one line per supplier of the
/// devices (airway devices first; one line per supplier), when the plan calls for it.
/// The device's own `supplier_phone` comes first, then the care-team member's
/// out-of-hours phone, then its phone.
fn supplier_lines(s: &ChildSummary) -> Vec<String> {
    if !plan_calls_supplier(s) {
        return Vec::new();
    }
    let mut devices: Vec<&Device> = Vec::new();
    for d in &s.devices {
        if d.supplier.is_some() || d.supplier_phone.is_some() {
            devices.push(d);
        }
    }
    crate::sorting::by_field(&mut devices, |d| !d.kind.is_airway());
    let mut seen: Vec<(Option<&str>, Option<&str>)> = Vec::new();
    let mut out = Vec::new();
    for d in devices {
        let member = d
            .supplier
            .as_ref()
            .and_then(|id| s.care_team.iter().find(|m| &m.id == id));
        let phone = d.supplier_phone.as_deref().or_else(|| {
            member.and_then(|m| m.phone_out_of_hours.as_deref().or(m.phone.as_deref()))
        });
        let key = (d.supplier.as_deref(), phone);
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let org = member.map(|m| short(&m.organisation));
        let mut line = format!("機器業者 {}", d.kind.label_ja());
        if let Some(o) = org {
            line.push(' ');
            line.push_str(&o);
        }
        match phone {
            Some(ph) => {
                line.push(' ');
                line.push_str(&short(ph));
            }
            None => line.push_str(" 電話番号なし"),
        }
        out.push(line);
    }
    out
}

/// Takes at most `cap` items; the rest are counted as omitted.
fn block(section: EmergencySection, mut items: Vec<String>, cap: usize) -> EmergencyBlock {
    let omitted = u32::try_from(items.len().saturating_sub(cap)).unwrap_or(u32::MAX);
    items.truncate(cap);
    EmergencyBlock {
        section,
        title_ja: section.label_ja(),
        items,
        omitted,
    }
}

/// Builds the emergency view of `s` on `as_of`, with an info finding for each section
/// whose list was cut. Never panics.
pub fn build(s: &ChildSummary, as_of: IsoDate) -> (EmergencyView, Vec<Finding>) {
    let root = Path::root().key("summary");
    let weight = s.vital_signs.as_ref().and_then(|v| v.weight_kg);
    let age = Age::on(s.child.date_of_birth, as_of);
    let child = EmergencyChild {
        name: s.child.name.clone(),
        kana: s.child.kana.clone(),
        sex: s.child.sex,
        date_of_birth: s.child.date_of_birth,
        age,
        blood_type: s.child.blood_type,
        weight_kg: weight,
    };

    // 1. The child.
    let mut patient = vec![
        format!("{}（{}）", short(&s.child.name), short(&s.child.kana)),
        format!("{} {}", s.child.sex.label_ja(), age_text(age)),
        format!("生年月日 {}", s.child.date_of_birth),
    ];
    if let Some(b) = s.child.blood_type {
        patient.push(format!("血液型 {}{}", b.abo.label_ja(), b.rh.label_ja()));
    }
    if let (Some(w), Some(v)) = (weight, s.vital_signs.as_ref()) {
        patient.push(format!("体重 {}kg（{}）", num(w), v.measured_on));
    }

    // 2. Diagnoses, main first.
    let mut dx: Vec<&super::Diagnosis> = Vec::new();
    for d in &s.diagnoses {
        dx.push(d);
    }
    crate::sorting::by_field(&mut dx, |d| !d.primary);
    let mut diagnoses: Vec<String> = Vec::new();
    for d in dx {
        diagnoses.push(match &d.icd10 {
            Some(c) => format!("{}（{}）", short(&d.name), short(c)),
            None => short(&d.name),
        });
    }

    // 3. Resuscitation.
    let resuscitation = vec![match &s.emergency_plan {
        Some(p) => p.resuscitation.label_ja().to_owned(),
        None => "緊急時の対応計画なし".to_owned(),
    }];

    // 4. Allergies: drugs and the most severe first.
    let allergies = match s.allergies.status {
        AllergyStatus::NoneKnown => vec![AllergyStatus::NoneKnown.label_ja().to_owned()],
        AllergyStatus::Unknown => vec![AllergyStatus::Unknown.label_ja().to_owned()],
        AllergyStatus::Present => {
            let mut items: Vec<&super::Allergy> = Vec::new();
            for a in &s.allergies.items {
                items.push(a);
            }
            crate::sorting::by_field(&mut items, |a| {
                (
                    a.category != super::AllergyCategory::Drug,
                    std::cmp::Reverse(a.severity.unwrap_or(AllergySeverity::Mild)),
                )
            });
            let mut lines = Vec::new();
            for a in items {
                lines.push(match a.severity {
                    Some(sev) => format!(
                        "{}（{}・{}）",
                        short(&a.substance),
                        a.category.label_ja(),
                        sev.label_ja()
                    ),
                    None => format!("{}（{}）", short(&a.substance), a.category.label_ja()),
                });
            }
            lines
        }
    };

    // 5. Airway and breathing devices.
    let mut airway: Vec<String> = Vec::new();
    for d in &s.devices {
        if d.kind.is_airway() {
            airway.push(device_text(d));
        }
    }
    let airway = if airway.is_empty() {
        vec!["呼吸器・気道の機器なし".to_owned()]
    } else {
        airway
    };

    // 6. Care items, and non-airway devices with settings (feeding tube sizes).
    let mut care: Vec<String> = Vec::new();
    for c in &s.clinical.care {
        care.push(care_text(c));
    }
    for d in &s.devices {
        if !d.kind.is_airway() && !d.settings.is_empty() {
            care.push(device_text(d));
        }
    }
    let care = if care.is_empty() {
        vec!["医療的ケアなし".to_owned()]
    } else {
        care
    };

    // 7. Medicines: rescue first.
    let mut meds: Vec<&super::Medication> = Vec::new();
    for m in &s.medications {
        meds.push(m);
    }
    crate::sorting::by_field(&mut meds, |m| !m.rescue);
    let mut medications: Vec<String> = Vec::new();
    for m in meds {
        medications.push({
            let mut t = short(&m.name);
            if let Some(d) = &m.dose {
                t.push(' ');
                t.push_str(&short(d));
            }
            // The form once: 「ジアゼパム坐剤 4mg」, not 「ジアゼパム坐剤 4mg 坐剤」.
            let route = m.route.label_ja();
            let written = crate::text::contains(&m.name, route)
                || m.dose
                    .as_deref()
                    .is_some_and(|d| crate::text::contains(d, route));
            if !written {
                t.push(' ');
                t.push_str(route);
            }
            if let Some(n) = m.times_per_day {
                t.push_str(&format!(" 1日{n}回"));
            }
            if m.rescue {
                t.insert_str(0, "【緊急時】");
            } else if m.as_needed {
                t.push_str(" 頓用");
            }
            // When to give it (rescue and as-needed medicines): 「痙攣が5分以上続くとき」.
            if (m.rescue || m.as_needed)
                && let Some(ind) = m.indication.as_deref().filter(|i| !i.trim().is_empty())
            {
                t.push_str(&format!("（{}）", short(ind)));
            }
            t
        });
    }

    if medications.is_empty() {
        medications.push("定期薬なし".to_owned());
    }

    // 8. Baseline.
    let mut baseline: Vec<String> = Vec::new();
    if let Some(v) = &s.vital_signs {
        let r = |label: &str, unit: &str, x: Option<&super::Range>| {
            x.map(|x| format!("{label} {}〜{}{unit}", num(x.min), num(x.max)))
        };
        baseline.extend(r("SpO2", "%", v.spo2_percent.as_ref()));
        baseline.extend(r("心拍", "/分", v.heart_rate_per_min.as_ref()));
        baseline.extend(r("呼吸", "/分", v.respiratory_rate_per_min.as_ref()));
        baseline.extend(r("体温", "℃", v.temperature_c.as_ref()));
        baseline.extend(r("血圧(収縮期)", "mmHg", v.systolic_mmhg.as_ref()));
    }
    if baseline.is_empty() {
        baseline.push("記載なし".to_owned());
    }

    // 9. Actions.
    let mut actions: Vec<String> = Vec::new();
    if let Some(p) = &s.emergency_plan {
        for a in &p.actions {
            actions.push(format!("{}: {}", a.situation.label_ja(), short(&a.action)));
        }
    }
    let actions = if actions.is_empty() {
        vec!["記載なし".to_owned()]
    } else {
        actions
    };

    // 10. Contacts: destination, primary doctor, emergency contacts.
    let mut contacts: Vec<String> = Vec::new();
    let member_line = |m: &super::CareTeamMember, label: &str| {
        let phone = m.phone_out_of_hours.as_ref().or(m.phone.as_ref());
        let name = match &m.person {
            Some(p) => format!("{} {}", short(&m.organisation), short(p)),
            None => short(&m.organisation),
        };
        match phone {
            Some(ph) => format!("{label} {name} {}", short(ph)),
            None => format!("{label} {name} 電話番号なし"),
        }
    };
    let destination = s
        .emergency_plan
        .as_ref()
        .and_then(|p| p.destination.as_ref())
        .and_then(|id| s.care_team.iter().find(|m| &m.id == id));
    if let Some(m) = destination {
        contacts.push(member_line(m, "搬送先"));
    }
    if let Some(m) = s
        .care_team
        .iter()
        .find(|m| m.role == CareRole::PrimaryDoctor)
        .or_else(|| {
            s.care_team
                .iter()
                .find(|m| m.role == CareRole::PrimaryHospital)
        })
        .filter(|m| destination.is_none_or(|d| d.id != m.id))
    {
        contacts.push(member_line(m, "主治医"));
    }
    let suppliers = supplier_lines(s);
    let family_first = contacts.len() + 1;
    for c in &s.emergency_contacts {
        let phone = c.phone.as_ref().or(c.phone_alt.as_ref());
        contacts.push(match phone {
            Some(ph) => format!(
                "{} {} {}",
                c.relationship.label_ja(),
                short(&c.name),
                short(ph)
            ),
            None => format!(
                "{} {} 電話番号なし",
                c.relationship.label_ja(),
                short(&c.name)
            ),
        });
    }
    // The supplier after the first family contact, so that both fit in five lines.
    let at = family_first.min(contacts.len());
    // One more line for the supplier, so that no family contact is pushed out by it.
    let contacts_cap = if suppliers.is_empty() { 5 } else { 6 };
    for (k, line) in suppliers.into_iter().enumerate() {
        contacts.insert(at + k, line);
    }
    let contacts = if contacts.is_empty() {
        vec!["記載なし".to_owned()]
    } else {
        contacts
    };

    let sections = vec![
        block(EmergencySection::Patient, patient, 5),
        block(EmergencySection::Diagnoses, diagnoses, 3),
        block(EmergencySection::Resuscitation, resuscitation, 1),
        block(EmergencySection::Allergies, allergies, 4),
        block(EmergencySection::Airway, airway, 4),
        block(EmergencySection::Care, care, 8),
        block(EmergencySection::Medications, medications, 5),
        block(EmergencySection::Baseline, baseline, 5),
        block(EmergencySection::Actions, actions, 4),
        block(EmergencySection::Contacts, contacts, contacts_cap),
    ];

    let mut findings = Vec::new();
    for b in &sections {
        if b.omitted > 0 {
            let at = match b.section {
                EmergencySection::Diagnoses => root.key("diagnoses"),
                EmergencySection::Allergies => root.key("allergies").key("items"),
                EmergencySection::Airway => root.key("devices"),
                EmergencySection::Care => root.key("clinical").key("care"),
                EmergencySection::Medications => root.key("medications"),
                EmergencySection::Actions => root.key("emergency_plan").key("actions"),
                EmergencySection::Contacts => root.key("emergency_contacts"),
                _ => root.clone(),
            };
            findings.push(
                TRUNCATED
                    .at(at)
                    .with(
                        "section",
                        crate::finding::Label {
                            code: "",
                            ja: b.title_ja,
                            en: b.section.label_en(),
                        },
                    )
                    .with("omitted", b.omitted),
            );
        }
    }

    let mut text_ja = vec![format!("救急時の要約（{as_of} 時点）")];
    for b in &sections {
        let mut line = format!("【{}】{}", b.title_ja, joined(&b.items, "／"));
        if b.omitted > 0 {
            line.push_str(&format!("／ほか{}件", b.omitted));
        }
        text_ja.push(line);
    }

    (
        EmergencyView {
            as_of,
            child,
            sections,
            text_ja,
        },
        findings,
    )
}

/// The `summary.emergency_view` operation: the view and its own info findings (the
/// summary's errors come with the report: its checks run once, in `execute`).
pub(super) fn operation(req: SummaryRequest) -> Computed<EmergencyView> {
    let (view, own) = build(&req.summary, req.as_of);
    Computed::new(own, Some(view))
}
