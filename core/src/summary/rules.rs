//! `summary.*` の検証規則 / The rules of a child care summary.
//!
//! [`validate`] reports every violation of every rule in [`RULES`], in document order,
//! then the clinical profile's `care.*` rules (from [`crate::care::validate_clinical`]).
//! Messages never echo names, notes, phone numbers or any other text from the input.
//!
//! | code | severity | when |
//! |---|---|---|
//! | `summary.field.empty` | error | a required text is empty or blank |
//! | `calendar.date.before_birth` | error | an event dated before the date of birth (the calendar's rule, shared) |
//! | `calendar.date.after_as_of` | error | an event (or the birth) dated after `as_of` (the calendar's rule, shared) |
//! | `summary.date.end_before_start` | error | a discharge or end before its start |
//! | `summary.value.out_of_range` | error | a number outside its plausible range (SpO2 0–100, …) |
//! | `summary.value.range_inverted` | error | a usual range whose min is above its max |
//! | `summary.kana.not_kana` | error | a kana field with characters other than full-width kana |
//! | `summary.kana.mixed_scripts` | warning | a kana field mixing hiragana and katakana |
//! | `summary.phone.invalid` | warning | a phone number that is not a Japanese 10–11 digit number |
//! | `summary.emergency_contacts.none` | error | no emergency contact |
//! | `summary.emergency_contact.no_phone` | error | an emergency contact without a phone |
//! | `summary.guardians.none` | warning | no guardian |
//! | `summary.guardian.no_phone` | warning | a guardian without a phone |
//! | `summary.care_team.duplicate_id` | error | two care-team members with one id |
//! | `summary.care_team.no_phone` | warning | a care-team member without a phone |
//! | `summary.care_team.no_primary_hospital` | warning | no primary hospital in the team |
//! | `summary.ref.unknown_member` | error | a reference to a care-team id that does not exist |
//! | `summary.duplicate_entry` | warning | the same entry twice in a list |
//! | `summary.diagnoses.none` | warning | no diagnosis |
//! | `summary.diagnoses.multiple_primary` | warning | more than one main diagnosis |
//! | `summary.diagnoses.no_primary` | warning | diagnoses, but none marked as the main one |
//! | `summary.diagnosis.icd10_invalid` | error | an ICD-10 code not shaped like `G80` or `G80.0` |
//! | `summary.allergies.status_conflict` | error | "none"/"unknown" with items, or "present" without |
//! | `summary.allergies.unknown` | warning | allergy status not yet confirmed |
//! | `summary.device.no_settings` | warning | an airway or feeding device without settings |
//! | `summary.device.care_not_recorded` | warning | a device whose care is not in the clinical profile |
//! | `summary.care.device_not_recorded` | warning | a care item whose device is not listed |
//! | `summary.medication.no_frequency` | warning | a medicine neither regular nor as-needed |
//! | `summary.medication.rescue_without_indication` | warning | a rescue medicine without when to give it |
//! | `summary.medication.tube_route_without_tube` | warning | given by tube, but no feeding tube recorded |
//! | `summary.history.overlapping_stays` | warning | two admissions that overlap |
//! | `summary.history.nicu_discharge_mismatch` | warning | the clinical NICU discharge date ends no NICU stay in the history |
//! | `summary.emergency_plan.missing` | warning | a child with medical care but no emergency plan |
//! | `summary.emergency_plan.no_destination` | warning | a plan without a destination hospital |
//! | `summary.emergency_plan.destination_not_hospital` | warning | a destination that is not a hospital |
//! | `summary.emergency_plan.situation_missing` | warning | no action for a situation the child's care makes likely |
//! | `summary.vital_signs.stale` | warning | baseline vital signs older than [`STALE_DAYS`] |
//! | `summary.provenance.missing` | warning | parts with content but no record of who wrote them: one finding listing them (one per part with `strict_provenance`) |
//! | `summary.provenance.stale` | warning | a fast-changing part last recorded more than [`STALE_DAYS`] ago |
//! | `summary.timeline.no_first_consultation` | warning | no 初診日 recorded before the pension claim at 20 |
//! | `summary.emergency_view.truncated` | info | the emergency view left items out to fit one screen |
//! | `summary.child.id_invalid` | error | a child id not shaped `^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$` |
//! | `summary.child.id_personal` | warning | a child id containing the birth date, a phone number or the name in romaji |
//! | `summary.municipality_code.invalid` | error | a municipality code that is not six digits with a prefecture 01–47 |
//! | `summary.municipality_code.check_digit` | error | a municipality code whose check digit does not match |
//! | `summary.municipality_code.missing` | warning | no municipality code (statistics by municipality need it) |
//! | `summary.consents.none` | warning | no consent recorded |
//! | `summary.consent.recipient_missing` | error | a consent whose `to` lacks its member, role or institution |
//! | `summary.version.old` | info | a document read as version 1 |
//! | `summary.weight.missing` | warning | medicines recorded but no weight |
//! | `summary.weight.implausible` | error | a weight no child of that age can have (bounds in [`super::growth`]) |
//! | `summary.weight.stale` | warning | medicines recorded and the weight older than [`super::growth::weight_stale_days`] |

use super::consent::RecipientScope;
use super::identity::CodeProblem;
use super::{
    AllergyStatus, CareRole, ChildSummary, Contact, DeviceKind, HistoryKind, MedicationRoute,
    Range, Section, Situation, SummaryRequest, Vaccine,
};
use crate::calendar::IsoDate;
use crate::care::CareKind;
use crate::finding::{ArgValue, Finding, Label, Place, Rule};
use crate::index::TextIndex;
use std::borrow::Cow;

/// Days after which a fast-changing part (medications, devices, clinical profile,
/// allergies, emergency plan) or the baseline vital signs are worth re-checking.
pub const STALE_DAYS: i64 = 180;

use crate::rule;

rule!(
    FIELD_EMPTY,
    "summary.field.empty",
    Error,
    "必須項目が空です",
    "A required field is empty"
);
// One code per condition: the date rules are the calendar's (`calendar.date.*`).
pub use crate::calendar::{DATE_AFTER_AS_OF, DATE_BEFORE_BIRTH};
rule!(
    DATE_END_BEFORE_START,
    "summary.date.end_before_start",
    Error,
    "終了日（退院日）が開始日（入院日）より前です[（{end} < {start}）]",
    "The end (discharge) is before the start (admission)[ ({end} < {start})]"
);
rule!(
    VALUE_OUT_OF_RANGE,
    "summary.value.out_of_range",
    Error,
    "値が範囲外です（[{value}[ {unit}]、]範囲は {min}〜{max}[ {unit}]）",
    "The value is out of range ([{value}[ {unit}]; ]allowed: {min}–{max}[ {unit}])",
    "A number outside what is possible for its field: a device setting outside its plausible range, times a day outside 1–24, a dose number outside 1–10, a weight outside 0.3–200 kg, a height outside 20–250 cm, or a usual vital sign outside its range. The message writes the value as the document has it (a number too large to write exactly is left out). It is usually a typing slip or a value in another unit."
);
rule!(
    RANGE_INVERTED,
    "summary.value.range_inverted",
    Error,
    "下限が上限より大きくなっています[（下限 {min}、上限 {max}[ {unit}]）]",
    "The minimum is above the maximum[ (minimum {min}, maximum {max}[ {unit}])]"
);
rule!(
    KANA_NOT_KANA,
    "summary.kana.not_kana",
    Error,
    "ふりがなは全角のひらがな又はカタカナで書いてください",
    "Write the kana in full-width hiragana or katakana"
);
rule!(
    KANA_MIXED,
    "summary.kana.mixed_scripts",
    Warning,
    "ふりがなにひらがなとカタカナが混在しています",
    "The kana mixes hiragana and katakana"
);
rule!(
    PHONE_INVALID,
    "summary.phone.invalid",
    Warning,
    "電話番号の形が正しくありません（半角数字10〜11桁）",
    "The phone number is not a 10–11 digit Japanese number"
);
rule!(
    EMERGENCY_CONTACTS_NONE,
    "summary.emergency_contacts.none",
    Error,
    "緊急連絡先がありません",
    "There is no emergency contact"
);
rule!(
    EMERGENCY_CONTACT_NO_PHONE,
    "summary.emergency_contact.no_phone",
    Error,
    "緊急連絡先に電話番号がありません",
    "An emergency contact has no phone number"
);
rule!(
    GUARDIANS_NONE,
    "summary.guardians.none",
    Warning,
    "保護者の記載がありません",
    "There is no guardian"
);
rule!(
    GUARDIAN_NO_PHONE,
    "summary.guardian.no_phone",
    Warning,
    "保護者に電話番号がありません",
    "A guardian has no phone number"
);
rule!(
    CARE_TEAM_DUPLICATE_ID,
    "summary.care_team.duplicate_id",
    Error,
    "支援チームの id が重複しています（{first} 番目と同じ）",
    "Two care-team members have the same id (same as member {first})"
);
rule!(
    CARE_TEAM_NO_PHONE,
    "summary.care_team.no_phone",
    Warning,
    "支援チームの連絡先に電話番号がありません",
    "A care-team member has no phone number"
);
rule!(
    CARE_TEAM_NO_PRIMARY_HOSPITAL,
    "summary.care_team.no_primary_hospital",
    Warning,
    "支援チームに主治医療機関がありません",
    "The care team has no primary hospital"
);
rule!(
    REF_UNKNOWN_MEMBER,
    "summary.ref.unknown_member",
    Error,
    "支援チームにない id を参照しています",
    "Refers to a care-team id that does not exist"
);
rule!(
    DUPLICATE_ENTRY,
    "summary.duplicate_entry",
    Warning,
    "同じ内容が重複しています（{first} 番目と同じ）",
    "The same entry appears twice (same as entry {first})"
);
rule!(
    DIAGNOSES_NONE,
    "summary.diagnoses.none",
    Warning,
    "診断名がありません",
    "There is no diagnosis"
);
rule!(
    DIAGNOSES_MULTIPLE_PRIMARY,
    "summary.diagnoses.multiple_primary",
    Warning,
    "主病名が複数あります",
    "More than one diagnosis is marked as the main one"
);
rule!(
    DIAGNOSES_NO_PRIMARY,
    "summary.diagnoses.no_primary",
    Warning,
    "主病名の指定がありません",
    "No diagnosis is marked as the main one"
);
rule!(
    ICD10_INVALID,
    "summary.diagnosis.icd10_invalid",
    Error,
    "ICD-10 コードの形が正しくありません（例 G80 又は G80.0）",
    "The ICD-10 code is not shaped like G80 or G80.0"
);
rule!(
    ALLERGY_STATUS_CONFLICT,
    "summary.allergies.status_conflict",
    Error,
    "アレルギーの有無と一覧が矛盾しています",
    "The allergy status contradicts the list"
);
rule!(
    ALLERGY_UNKNOWN,
    "summary.allergies.unknown",
    Warning,
    "アレルギーの有無が未確認です",
    "Allergies have not been confirmed"
);
rule!(
    DEVICE_NO_SETTINGS,
    "summary.device.no_settings",
    Warning,
    "救急時に必要な機器の設定（サイズ等）がありません（{device}）",
    "A device an emergency doctor needs has no settings (size, pressures) ({device})"
);
rule!(
    DEVICE_CARE_NOT_RECORDED,
    "summary.device.care_not_recorded",
    Warning,
    "機器に対応する医療的ケアが記載されていません（スコアに数えられません）（{device}）",
    "The device's medical care is not in the clinical profile (scores will not count it) ({device})"
);
rule!(
    CARE_DEVICE_NOT_RECORDED,
    "summary.care.device_not_recorded",
    Warning,
    "医療的ケアに使う機器が記載されていません（{care}）",
    "The device this medical care uses is not listed ({care})"
);
rule!(
    MEDICATION_NO_FREQUENCY,
    "summary.medication.no_frequency",
    Warning,
    "服薬の回数（定時）又は頓用の指定がありません",
    "The medicine has neither times a day nor as-needed"
);
rule!(
    MEDICATION_RESCUE_WITHOUT_INDICATION,
    "summary.medication.rescue_without_indication",
    Warning,
    "緊急時に使う薬に使用条件（いつ使うか）がありません",
    "A rescue medicine does not say when to give it"
);
rule!(
    MEDICATION_TUBE_WITHOUT_TUBE,
    "summary.medication.tube_route_without_tube",
    Warning,
    "経管投与の薬がありますが、経管栄養の機器が記載されていません",
    "A medicine is given by tube, but no feeding tube is listed"
);
rule!(
    HISTORY_OVERLAPPING_STAYS,
    "summary.history.overlapping_stays",
    Warning,
    "入院期間が重なっています",
    "Two admissions overlap"
);
rule!(
    HISTORY_NICU_DISCHARGE_MISMATCH,
    "summary.history.nicu_discharge_mismatch",
    Warning,
    "NICU 退院日が受診・入院歴の NICU 入院の終了日と一致しません（{discharge}）",
    "The NICU discharge date matches the end of no NICU stay in the history ({discharge})"
);
rule!(
    EMERGENCY_PLAN_MISSING,
    "summary.emergency_plan.missing",
    Warning,
    "医療的ケアのある子に緊急時の対応計画がありません",
    "A child with medical care has no emergency plan"
);
rule!(
    EMERGENCY_PLAN_NO_DESTINATION,
    "summary.emergency_plan.no_destination",
    Warning,
    "緊急時の搬送先がありません",
    "The emergency plan names no destination hospital"
);
rule!(
    EMERGENCY_PLAN_DESTINATION_NOT_HOSPITAL,
    "summary.emergency_plan.destination_not_hospital",
    Warning,
    "搬送先が病院（主治医療機関又は救急時の搬送先病院）ではありません",
    "The destination is not a hospital (primary or emergency hospital)"
);
rule!(
    EMERGENCY_PLAN_SITUATION_MISSING,
    "summary.emergency_plan.situation_missing",
    Warning,
    "医療的ケアから起こりうる場面の対応が計画にありません（{situation}）",
    "The plan has no action for a situation the child's care makes likely ({situation})"
);
rule!(
    VITAL_SIGNS_STALE,
    "summary.vital_signs.stale",
    Warning,
    "平常時のバイタルサインが古くなっています（{days} 日超）",
    "The baseline vital signs are out of date (over {days} days)"
);
rule!(
    PROVENANCE_MISSING,
    "summary.provenance.missing",
    Warning,
    "記録者と記録日のない区分があります[（{part}）][（{count}区分: {parts}）]",
    "Some parts have no record of who wrote them and when[ ({part})][ ({count} parts: {parts})]"
);
rule!(
    PROVENANCE_STALE,
    "summary.provenance.stale",
    Warning,
    "変わりやすい区分の記録が古くなっています（{part}、{days} 日超）",
    "A part that changes often was last recorded long ago ({part}, over {days} days)"
);
rule!(
    TIMELINE_NO_FIRST_CONSULTATION,
    "summary.timeline.no_first_consultation",
    Warning,
    "障害年金の請求に必要な初診日が受診歴にありません（20歳に達する日: {reaches_20}）",
    "No first-consultation date (初診日) is recorded for the disability pension claim (the child reaches 20 on {reaches_20})"
);

rule!(
    CHILD_ID_INVALID,
    "summary.child.id_invalid",
    Error,
    "対象児 id の形が正しくありません（半角英数字と . _ : - で64文字まで、英数字で始める）",
    "The child id is not shaped right (up to 64 ASCII letters, digits, . _ : -, starting with a letter or digit)"
);
rule!(
    CHILD_ID_PERSONAL,
    "summary.child.id_personal",
    Warning,
    "対象児 id に個人情報（生年月日・電話番号・氏名）らしいものが含まれています。個人を表さない番号にしてください（{parts}）",
    "The child id seems to contain personal data (birth date, phone number or name); use a number that does not identify the child ({parts})"
);
rule!(
    MUNICIPALITY_CODE_INVALID,
    "summary.municipality_code.invalid",
    Error,
    "全国地方公共団体コードの形が正しくありません[（{problem}）]",
    "The municipality code is not shaped like a 全国地方公共団体コード[ ({problem})]"
);
rule!(
    MUNICIPALITY_CODE_CHECK_DIGIT,
    "summary.municipality_code.check_digit",
    Error,
    "全国地方公共団体コードの検査数字（6桁目）が合いません。写し間違いがないか確認してください",
    "The municipality code's check digit (sixth digit) does not match: check for a copying mistake"
);
rule!(
    MUNICIPALITY_CODE_MISSING,
    "summary.municipality_code.missing",
    Warning,
    "全国地方公共団体コードがありません（市町村別の集計に必要です）",
    "There is no municipality code (statistics by municipality need it)"
);
rule!(
    CONSENTS_NONE,
    "summary.consents.none",
    Warning,
    "情報提供についての同意の記録がありません（要配慮個人情報のため、外部に出す操作は同意なしと報告します）",
    "No consent is recorded (the summary is sensitive personal data: every export will report it)"
);
rule!(
    CONSENT_RECIPIENT_MISSING,
    "summary.consent.recipient_missing",
    Error,
    "同意の相手の指定がありません（to に合わせて member・role・institution のいずれかが必要です）",
    "The consent does not say who the recipient is (`to` needs its member, role or institution)"
);
rule!(
    WEIGHT_MISSING,
    "summary.weight.missing",
    Warning,
    "薬が記録されていますが体重がありません（用量の確認に必要です）",
    "Medicines are recorded but there is no weight (doses are checked against it)"
);
rule!(
    WEIGHT_IMPLAUSIBLE,
    "summary.weight.implausible",
    Error,
    "体重がこの年齢ではありえない値です（{weight} kg、{years} 歳では {min}〜{max} kg。入力の誤りの可能性）",
    "The weight is impossible for the child's age ({weight} kg; {min}–{max} kg at age {years}; probably a typing slip)"
);
rule!(
    WEIGHT_STALE,
    "summary.weight.stale",
    Warning,
    "用量の確認に使う体重が古くなっています（{age_days} 日前、{years} 歳は {limit} 日まで）",
    "The weight that doses are checked against is out of date ({age_days} days old; {limit} days at age {years})"
);
rule!(
    VERSION_OLD,
    "summary.version.old",
    Info,
    "古い版の文書として読みました（document.upgrade で更新できます）（版 {version}）",
    "Read as an older document version (document.upgrade brings it up to date) (version {version})"
);

/// Every rule of this module.
pub const RULES: &[&Rule] = &[
    &FIELD_EMPTY,
    &DATE_END_BEFORE_START,
    &VALUE_OUT_OF_RANGE,
    &RANGE_INVERTED,
    &KANA_NOT_KANA,
    &KANA_MIXED,
    &PHONE_INVALID,
    &EMERGENCY_CONTACTS_NONE,
    &EMERGENCY_CONTACT_NO_PHONE,
    &GUARDIANS_NONE,
    &GUARDIAN_NO_PHONE,
    &CARE_TEAM_DUPLICATE_ID,
    &CARE_TEAM_NO_PHONE,
    &CARE_TEAM_NO_PRIMARY_HOSPITAL,
    &REF_UNKNOWN_MEMBER,
    &DUPLICATE_ENTRY,
    &DIAGNOSES_NONE,
    &DIAGNOSES_MULTIPLE_PRIMARY,
    &DIAGNOSES_NO_PRIMARY,
    &ICD10_INVALID,
    &ALLERGY_STATUS_CONFLICT,
    &ALLERGY_UNKNOWN,
    &DEVICE_NO_SETTINGS,
    &DEVICE_CARE_NOT_RECORDED,
    &CARE_DEVICE_NOT_RECORDED,
    &MEDICATION_NO_FREQUENCY,
    &MEDICATION_RESCUE_WITHOUT_INDICATION,
    &MEDICATION_TUBE_WITHOUT_TUBE,
    &HISTORY_OVERLAPPING_STAYS,
    &HISTORY_NICU_DISCHARGE_MISMATCH,
    &EMERGENCY_PLAN_MISSING,
    &EMERGENCY_PLAN_NO_DESTINATION,
    &EMERGENCY_PLAN_DESTINATION_NOT_HOSPITAL,
    &EMERGENCY_PLAN_SITUATION_MISSING,
    &VITAL_SIGNS_STALE,
    &PROVENANCE_MISSING,
    &PROVENANCE_STALE,
    &TIMELINE_NO_FIRST_CONSULTATION,
    &super::emergency::TRUNCATED,
    &CHILD_ID_INVALID,
    &CHILD_ID_PERSONAL,
    &MUNICIPALITY_CODE_INVALID,
    &MUNICIPALITY_CODE_CHECK_DIGIT,
    &MUNICIPALITY_CODE_MISSING,
    &CONSENTS_NONE,
    &CONSENT_RECIPIENT_MISSING,
    &VERSION_OLD,
    &WEIGHT_MISSING,
    &WEIGHT_IMPLAUSIBLE,
    &WEIGHT_STALE,
];

/// What a kana field contains, if it is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KanaProblem {
    /// A character that is not full-width kana, a long-vowel mark, a middle dot or a space.
    NotKana,
    /// Both hiragana and katakana letters.
    Mixed,
}

/// Checks a kana reading: full-width hiragana or katakana, with ー, ・ and spaces.
pub fn kana_problem(s: &str) -> Option<KanaProblem> {
    let (mut hira, mut kata) = (false, false);
    for c in s.chars() {
        match c {
            '\u{3041}'..='\u{3096}' | '\u{309D}' | '\u{309E}' => hira = true,
            '\u{30A1}'..='\u{30FA}' | '\u{30FD}' | '\u{30FE}' => kata = true,
            '\u{30FC}' | '\u{30FB}' | ' ' | '\u{3000}' => {}
            _ => return Some(KanaProblem::NotKana),
        }
    }
    if hira && kata {
        Some(KanaProblem::Mixed)
    } else {
        None
    }
}

/// The digits of a Japanese phone number (`+81` read as a leading 0), if it is shaped
/// like one: ASCII digits with optional `-`, spaces and parentheses, 10 or 11 digits
/// starting with 0.
pub fn phone_digits(s: &str) -> Option<String> {
    let t = s.trim();
    let (mut digits, rest) = match t.strip_prefix("+81") {
        Some(rest) => (String::from("0"), rest),
        None => (String::new(), t),
    };
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '-' | ' ' | '(' | ')' => {}
            _ => return None,
        }
    }
    // "+81 (0)90-…": the trunk zero written after the country code.
    if t.starts_with("+81") && digits.starts_with("00") {
        digits.remove(0);
    }
    let ok = digits.starts_with('0') && (10..=11).contains(&digits.len());
    ok.then_some(digits)
}

/// True if `s` is shaped like an ICD-10 code: a capital letter, two digits, and
/// optionally a dot with one or two digits or capitals, and a dagger or asterisk.
pub fn icd10_ok(s: &str) -> bool {
    let body = s.strip_suffix(['†', '*']).unwrap_or(s);
    let b = body.as_bytes();
    let head_ok = matches!(b, [l, d1, d2, ..] if l.is_ascii_uppercase() && d1.is_ascii_digit() && d2.is_ascii_digit());
    if !head_ok {
        return false;
    }
    match b.get(3..) {
        None | Some([]) => true,
        Some([b'.', rest @ ..]) => {
            (1..=2).contains(&rest.len())
                && rest
                    .iter()
                    .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        }
        Some(_) => false,
    }
}

/// A date as a finding argument (`YYYY-MM-DD`).
fn date(d: IsoDate) -> ArgValue {
    ArgValue::Date {
        year: d.year(),
        month: d.month(),
        day: d.day(),
    }
}

/// `f` with the numbers of the model as exact decimal arguments (a number too large to
/// write exactly is left out, and with it the template's optional part) and a unit.
fn decimals(mut f: Finding, numbers: &[(&'static str, f64)], unit: Option<Label>) -> Finding {
    for &(name, v) in numbers {
        if let Some(d) = ArgValue::from_f64(v) {
            f = f.with(name, d);
        }
    }
    match unit {
        Some(u) => f.with("unit", u),
        None => f,
    }
}

/// Labels as a finding argument (the library's own words).
const fn words(ja: &'static str, en: &'static str) -> Label {
    Label { code: "", ja, en }
}

/// True if `s` is shaped like a Japanese phone number: the same answer as
/// `phone_digits(s).is_some()`, without building the digits.
fn phone_ok(s: &str) -> bool {
    let t = s.trim();
    let (plus81, rest) = match t.strip_prefix("+81") {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let mut count = 0usize;
    let mut first = None;
    for c in rest.chars() {
        match c {
            '0'..='9' => {
                first.get_or_insert(c);
                count += 1;
            }
            '-' | ' ' | '(' | ')' => {}
            _ => return false,
        }
    }
    let (count, starts_with_zero) = if plus81 {
        // "0" is put in front; a trunk zero written after "+81" is dropped again.
        if first == Some('0') {
            (count, true)
        } else {
            (count + 1, true)
        }
    } else {
        (count, first == Some('0'))
    };
    starts_with_zero && (10..=11).contains(&count)
}

/// A phone number compared by its digits as [`phone_digits`] gives them (for a number
/// that [`phone_ok`] accepts), without building them.
#[derive(Debug, Clone, Copy)]
struct PhoneKey<'a>(&'a str);

impl PhoneKey<'_> {
    fn digits(&self) -> impl Iterator<Item = char> + '_ {
        let t = self.0.trim();
        let (plus81, rest) = match t.strip_prefix("+81") {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        let digits = rest.chars().filter(char::is_ascii_digit);
        // "+81" reads as a leading 0, unless a trunk zero follows it.
        let lead = plus81 && digits.clone().next() != Some('0');
        std::iter::once('0').filter(move |_| lead).chain(digits)
    }
}

impl PartialEq for PhoneKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}
impl Eq for PhoneKey<'_> {}
impl PartialOrd for PhoneKey<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for PhoneKey<'_> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.digits().cmp(other.digits())
    }
}

/// Text compared for duplicates: with `strip`, every kind of white space removed.
/// Compares as the text so built would, without building it.
#[derive(Debug, Clone, Copy)]
struct Norm<'a> {
    text: &'a str,
    strip: bool,
}

/// `s` with white space removed, for comparing.
fn norm(text: &str) -> Norm<'_> {
    Norm { text, strip: true }
}

impl Norm<'_> {
    fn chars(&self) -> impl Iterator<Item = char> + '_ {
        let strip = self.strip;
        self.text
            .chars()
            .filter(move |c| !strip || !c.is_whitespace())
    }
}

impl PartialEq for Norm<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}
impl Eq for Norm<'_> {}
impl PartialOrd for Norm<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Norm<'_> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.chars().cmp(other.chars())
    }
}

struct Ctx<'a> {
    birth: IsoDate,
    as_of: IsoDate,
    ids: Vec<&'a str>,
    out: Vec<Finding>,
}

impl Ctx<'_> {
    fn push(&mut self, f: Finding) {
        self.out.push(f);
    }
    fn required(&mut self, text: &str, path: &Place<'_>) {
        if text.chars().all(char::is_whitespace) {
            self.push(FIELD_EMPTY.at(path));
        }
    }
    /// An event that has happened: birth ≤ date ≤ as_of.
    fn event(&mut self, on: IsoDate, path: &Place<'_>) {
        if on < self.birth {
            self.push(
                DATE_BEFORE_BIRTH
                    .at(path)
                    .with("date", on)
                    .with("birth", self.birth),
            );
        } else if on > self.as_of {
            self.push(
                DATE_AFTER_AS_OF
                    .at(path)
                    .with("date", on)
                    .with("as_of", self.as_of),
            );
        }
    }
    /// `value` outside `min..=max` (in `unit`, if it has one).
    fn range(&mut self, value: f64, min: f64, max: f64, unit: Option<Label>, path: &Place<'_>) {
        if !(min..=max).contains(&value) {
            let f = VALUE_OUT_OF_RANGE.at(path);
            self.push(decimals(
                f,
                &[("value", value), ("min", min), ("max", max)],
                unit,
            ));
        }
    }
    fn usual(&mut self, r: Option<&Range>, min: f64, max: f64, unit: Label, path: &Place<'_>) {
        let Some(r) = r else { return };
        self.range(r.min, min, max, Some(unit), &path.key("min"));
        self.range(r.max, min, max, Some(unit), &path.key("max"));
        if r.min > r.max {
            let f = RANGE_INVERTED.at(path);
            self.push(decimals(f, &[("min", r.min), ("max", r.max)], Some(unit)));
        }
    }
    fn phone(&mut self, phone: Option<&String>, path: &Place<'_>) {
        if let Some(p) = phone
            && !phone_ok(p)
        {
            self.push(PHONE_INVALID.at(path));
        }
    }
    fn member(&mut self, id: Option<&String>, path: &Place<'_>) {
        if let Some(id) = id
            && self.ids.binary_search(&id.as_str()).is_err()
        {
            self.push(REF_UNKNOWN_MEMBER.at(path));
        }
    }
    fn kana(&mut self, kana: &str, path: &Place<'_>) {
        match kana_problem(kana) {
            Some(KanaProblem::NotKana) => self.push(KANA_NOT_KANA.at(path)),
            Some(KanaProblem::Mixed) => self.push(KANA_MIXED.at(path)),
            None => {}
        }
    }
    /// A duplicate of the entry at index `first`.
    fn duplicate(&mut self, path: &Place<'_>, first: usize) {
        self.push(DUPLICATE_ENTRY.at(path).with("first", first));
    }
}

/// Reports entries whose key (built by `key`, `None` = not compared) equals an earlier one's.
fn duplicates<'t, T, K: Ord>(
    ctx: &mut Ctx<'_>,
    items: &'t [T],
    base: &Place<'_>,
    key: impl Fn(&'t T) -> Option<K>,
) {
    if items.len() < 2 {
        return;
    }
    if items.len() <= crate::index::SMALL_LIST {
        // Pair by pair, with no allocation (most lists are short: P7).
        for (i, item) in items.iter().enumerate() {
            let Some(k) = key(item) else { continue };
            let mut first = None;
            for (j, earlier) in items.iter().take(i).enumerate() {
                if key(earlier).is_some_and(|e| e == k) {
                    first = Some(j);
                    break;
                }
            }
            if let Some(first) = first {
                ctx.duplicate(&base.index(i), first);
            }
        }
        return;
    }
    let mut keys: Vec<Option<K>> = Vec::with_capacity(items.len());
    for item in items {
        keys.push(key(item));
    }
    for (i, first) in first_duplicates(&keys) {
        ctx.duplicate(&base.index(i), first);
    }
}

/// For every key equal to an earlier one (`None` = not compared), its index and the index
/// of the first one with that key, in order; n log n (`crate::index::first_equal`).
fn first_duplicates<K: Ord>(keys: &[Option<K>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, first) in crate::index::first_equal(keys).into_iter().enumerate() {
        if let Some(f) = first {
            out.push((i, f));
        }
    }
    out
}

/// How far a stay reaches: until its end date, or open (still in hospital).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Reach {
    Until(IsoDate),
    Open,
}

/// For each stay (start, end; `None` = still in hospital), whether an earlier stay in the
/// list overlaps it. Two stays overlap when each starts strictly before the other ends, so a
/// transfer on the same day (NICU → ward, hospital → hospital) is not an overlap.
///
/// n log n: a Fenwick tree over the stays' starts (in date order) holds the furthest reach
/// of the earlier stays; a stay is overlapped when some earlier stay starting before its end
/// reaches beyond its start.
fn overlaps_earlier(stays: &[(IsoDate, Option<IsoDate>)]) -> Vec<bool> {
    let mut starts: Vec<IsoDate> = Vec::with_capacity(stays.len());
    for st in stays {
        starts.push(st.0);
    }
    crate::sorting::unstable(&mut starts);
    starts.dedup();
    let n = starts.len();
    let mut tree: Vec<Option<Reach>> = vec![None; n + 1];
    let mut out = Vec::with_capacity(stays.len());
    for (start, end) in stays {
        // The earlier stays that start before this one ends: ranks 1..=k.
        let mut j = match end {
            None => n,
            Some(e) => starts.partition_point(|x| x < e),
        };
        let mut furthest: Option<Reach> = None;
        while j > 0 {
            furthest = furthest.max(tree.get(j).copied().flatten());
            j &= j - 1;
        }
        out.push(furthest.is_some_and(|r| r > Reach::Until(*start)));
        let reach = end.map_or(Reach::Open, Reach::Until);
        let mut j = starts.partition_point(|x| x < start) + 1;
        while j <= n {
            if let Some(slot) = tree.get_mut(j) {
                *slot = (*slot).max(Some(reach));
            }
            j += j & j.wrapping_neg();
        }
    }
    out
}

/// The sections that have content but no provenance record.
pub fn unrecorded_sections(s: &ChildSummary) -> Vec<Section> {
    let has = |sec: Section| match sec {
        Section::Child => true,
        Section::Contacts => !s.guardians.is_empty() || !s.emergency_contacts.is_empty(),
        Section::Diagnoses => !s.diagnoses.is_empty(),
        Section::Clinical => s.clinical != crate::care::ClinicalProfile::default(),
        Section::Devices => !s.devices.is_empty(),
        Section::Medications => !s.medications.is_empty(),
        Section::Allergies => true,
        Section::Vaccinations => !s.vaccinations.is_empty(),
        Section::VitalSigns => s.vital_signs.is_some(),
        Section::CareTeam => !s.care_team.is_empty(),
        Section::History => !s.history.is_empty(),
        Section::EmergencyPlan => s.emergency_plan.is_some(),
    };
    let mut out = Vec::new();
    for sec in Section::ALL.iter().copied() {
        if has(sec) && !s.provenance.iter().any(|p| p.section == sec) {
            out.push(sec);
        }
    }
    out
}

/// The devices that carry out a kind of care, for the cross-checks between the clinical
/// profile and the device list; empty for care that needs no listed device.
pub fn devices_for(kind: CareKind) -> &'static [DeviceKind] {
    match kind {
        CareKind::Ventilator => &[
            DeviceKind::Ventilator,
            DeviceKind::CoughAssist,
            DeviceKind::HighFlow,
        ],
        CareKind::Tracheostomy => &[DeviceKind::TracheostomyTube],
        CareKind::NasopharyngealAirway => &[DeviceKind::NasopharyngealAirway],
        CareKind::Oxygen => &[
            DeviceKind::OxygenConcentrator,
            DeviceKind::OxygenCylinder,
            DeviceKind::HighFlow,
        ],
        CareKind::TubeFeeding => &[
            DeviceKind::NasogastricTube,
            DeviceKind::Gastrostomy,
            DeviceKind::NasojejunalTube,
            DeviceKind::Jejunostomy,
        ],
        CareKind::EnteralFeeding => &[DeviceKind::Jejunostomy, DeviceKind::NasojejunalTube],
        CareKind::FeedingPump => &[DeviceKind::FeedingPump],
        CareKind::CentralLine => &[DeviceKind::CentralVenousCatheter],
        CareKind::SubcutaneousPump => &[DeviceKind::InfusionPump],
        CareKind::ContinuousCatheterization => &[DeviceKind::UrinaryCatheter],
        CareKind::Stoma => &[DeviceKind::StomaAppliance],
        _ => &[],
    }
}

/// The care kinds a device implies (any one of them recorded is enough).
fn care_for(kind: DeviceKind) -> &'static [CareKind] {
    match kind {
        DeviceKind::Ventilator | DeviceKind::CoughAssist => &[CareKind::Ventilator],
        DeviceKind::HighFlow => &[CareKind::Ventilator, CareKind::Oxygen],
        DeviceKind::TracheostomyTube => &[CareKind::Tracheostomy],
        DeviceKind::NasopharyngealAirway => &[CareKind::NasopharyngealAirway],
        // Oxygen and suction kept for seizures count under seizure care.
        DeviceKind::OxygenConcentrator | DeviceKind::OxygenCylinder => {
            &[CareKind::Oxygen, CareKind::SeizureCare]
        }
        DeviceKind::SuctionUnit => &[CareKind::Suctioning, CareKind::SeizureCare],
        DeviceKind::NasogastricTube | DeviceKind::Gastrostomy => &[CareKind::TubeFeeding],
        DeviceKind::NasojejunalTube | DeviceKind::Jejunostomy => {
            &[CareKind::TubeFeeding, CareKind::EnteralFeeding]
        }
        DeviceKind::Nebulizer => &[CareKind::Nebulizer],
        DeviceKind::FeedingPump => &[CareKind::FeedingPump],
        DeviceKind::CentralVenousCatheter => &[CareKind::CentralLine],
        DeviceKind::InfusionPump => &[CareKind::SubcutaneousPump, CareKind::SubcutaneousInjection],
        DeviceKind::GlucoseMonitor => &[CareKind::BloodGlucose],
        DeviceKind::DialysisCycler => &[CareKind::Dialysis],
        DeviceKind::UrinaryCatheter => &[CareKind::ContinuousCatheterization],
        DeviceKind::StomaAppliance => &[CareKind::Stoma, CareKind::ContinuousCatheterization],
        DeviceKind::VagusNerveStimulator => &[CareKind::SeizureCare],
        _ => &[],
    }
}

/// The situations an emergency plan should cover for a kind of care.
pub fn situations_for(kind: CareKind) -> &'static [Situation] {
    match kind {
        CareKind::Ventilator => &[Situation::VentilatorFailure],
        CareKind::Tracheostomy => &[Situation::TracheostomyDislodged],
        CareKind::SeizureCare => &[Situation::Seizure],
        _ => &[],
    }
}

/// Validates a summary request: every `summary.*` rule, then the clinical profile's
/// `care.*` rules. Never panics.
pub fn validate(req: &SummaryRequest) -> Vec<Finding> {
    let s = &req.summary;
    let root = Place::ROOT.key("summary");
    let mut ctx = Ctx {
        birth: s.child.date_of_birth,
        as_of: req.as_of,
        ids: {
            let mut ids: Vec<&str> = Vec::with_capacity(s.care_team.len());
            for m in &s.care_team {
                ids.push(m.id.as_str());
            }
            crate::sorting::unstable(&mut ids);
            ids
        },
        out: Vec::new(),
    };
    let care = s.care_kinds();

    // The child.
    let p = root.key("child");
    ctx.required(&s.child.name, &p.key("name"));
    if s.child.kana.trim().is_empty() {
        ctx.push(FIELD_EMPTY.at(p.key("kana")));
    } else {
        ctx.kana(&s.child.kana, &p.key("kana"));
    }
    ctx.required(&s.child.municipality, &p.key("municipality"));
    if !s.child.id.is_well_formed() {
        ctx.push(CHILD_ID_INVALID.at(p.key("id")));
    } else {
        let parts = super::identity::personal_parts(s.child.id.as_str(), &s.child);
        if !parts.is_empty() {
            let mut labels: Vec<Label> = Vec::with_capacity(parts.len());
            for x in &parts {
                labels.push(words(x.label_ja(), x.label_en()));
            }
            let parts = labels;
            ctx.push(CHILD_ID_PERSONAL.at(p.key("id")).with("parts", parts));
        }
    }
    match &s.child.municipality_code {
        None => ctx.push(MUNICIPALITY_CODE_MISSING.at(p.key("municipality_code"))),
        Some(code) => match code.problem() {
            None => {}
            Some(CodeProblem::CheckDigit) => {
                ctx.push(MUNICIPALITY_CODE_CHECK_DIGIT.at(p.key("municipality_code")))
            }
            Some(other) => ctx.push(
                MUNICIPALITY_CODE_INVALID
                    .at(p.key("municipality_code"))
                    .with("problem", words(other.label_ja(), other.label_en())),
            ),
        },
    }
    if crate::version::FormatVersion::of(req.version) < crate::version::CURRENT {
        ctx.push(
            VERSION_OLD
                .at(Place::ROOT.key("version"))
                .with("version", crate::version::FormatVersion::of(req.version)),
        );
    }
    if s.child.date_of_birth > req.as_of {
        ctx.push(
            DATE_AFTER_AS_OF
                .at(p.key("date_of_birth"))
                .with("date", s.child.date_of_birth)
                .with("as_of", req.as_of),
        );
    }

    // Guardians and emergency contacts.
    let contact = |ctx: &mut Ctx<'_>, c: &Contact, p: &Place<'_>| {
        ctx.required(&c.name, &p.key("name"));
        if let Some(k) = &c.kana {
            if k.trim().is_empty() {
                ctx.push(FIELD_EMPTY.at(p.key("kana")));
            } else {
                ctx.kana(k, &p.key("kana"));
            }
        }
        ctx.phone(c.phone.as_ref(), &p.key("phone"));
        ctx.phone(c.phone_alt.as_ref(), &p.key("phone_alt"));
    };
    let p = root.key("guardians");
    if s.guardians.is_empty() {
        ctx.push(GUARDIANS_NONE.at(p));
    }
    for (i, g) in s.guardians.iter().enumerate() {
        let gp = p.index(i);
        contact(&mut ctx, g, &gp);
        if g.phone.is_none() && g.phone_alt.is_none() {
            ctx.push(GUARDIAN_NO_PHONE.at(gp.key("phone")));
        }
    }
    duplicates(&mut ctx, &s.guardians, &p, |g| {
        Some((norm(&g.name), g.relationship))
    });
    let p = root.key("emergency_contacts");
    if s.emergency_contacts.is_empty() {
        ctx.push(EMERGENCY_CONTACTS_NONE.at(p));
    }
    for (i, c) in s.emergency_contacts.iter().enumerate() {
        let cp = p.index(i);
        contact(&mut ctx, c, &cp);
        if c.phone.is_none() && c.phone_alt.is_none() {
            ctx.push(EMERGENCY_CONTACT_NO_PHONE.at(cp.key("phone")));
        }
    }
    duplicates(&mut ctx, &s.emergency_contacts, &p, |c| {
        c.phone
            .as_deref()
            .filter(|p| phone_ok(p))
            .map(|p| (norm(&c.name), PhoneKey(p)))
    });

    // Diagnoses.
    let p = root.key("diagnoses");
    if s.diagnoses.is_empty() {
        ctx.push(DIAGNOSES_NONE.at(p));
    }
    let mut primaries = 0usize;
    for (i, d) in s.diagnoses.iter().enumerate() {
        let dp = p.index(i);
        ctx.required(&d.name, &dp.key("name"));
        if let Some(code) = &d.icd10
            && !icd10_ok(code)
        {
            ctx.push(ICD10_INVALID.at(dp.key("icd10")));
        }
        if let Some(on) = d.diagnosed_on {
            ctx.event(on, &dp.key("diagnosed_on"));
        }
        if d.primary {
            primaries += 1;
            if primaries == 2 {
                ctx.push(DIAGNOSES_MULTIPLE_PRIMARY.at(dp.key("primary")));
            }
        }
    }
    if !s.diagnoses.is_empty() && primaries == 0 {
        ctx.push(DIAGNOSES_NO_PRIMARY.at(p));
    }
    duplicates(&mut ctx, &s.diagnoses, &p, |d| {
        Some(match &d.icd10 {
            Some(code) => Norm {
                text: code,
                strip: false,
            },
            None => norm(&d.name),
        })
    });

    // Clinical profile: the scores engineer's care.* rules run at the end.

    // Devices.
    let p = root.key("devices");
    for (i, dev) in s.devices.iter().enumerate() {
        let dp = p.index(i);
        if dev.kind.settings_needed() && dev.settings.is_empty() {
            ctx.push(
                DEVICE_NO_SETTINGS
                    .at(dp.key("settings"))
                    .with("device", words(dev.kind.label_ja(), dev.kind.label_en())),
            );
        }
        for (j, st) in dev.settings.iter().enumerate() {
            let (min, max) = st.parameter.range();
            ctx.range(
                st.value,
                min,
                max,
                Some(words(st.parameter.unit(), st.parameter.unit_en())),
                &dp.key("settings").index(j).key("value"),
            );
        }
        duplicates(&mut ctx, &dev.settings, &dp.key("settings"), |st| {
            Some(st.parameter)
        });
        if let Some(d) = dev.since {
            ctx.event(d, &dp.key("since"));
        }
        if let Some(d) = dev.last_changed {
            ctx.event(d, &dp.key("last_changed"));
            if let Some(since) = dev.since
                && d < since
            {
                ctx.push(DATE_END_BEFORE_START.at(dp.key("last_changed")));
            }
        }
        ctx.member(dev.supplier.as_ref(), &dp.key("supplier"));
        ctx.phone(dev.supplier_phone.as_ref(), &dp.key("supplier_phone"));
        let implied = care_for(dev.kind);
        if !implied.is_empty() && !implied.iter().any(|k| care.contains(k)) {
            ctx.push(
                DEVICE_CARE_NOT_RECORDED
                    .at(dp.key("kind"))
                    .with("device", words(dev.kind.label_ja(), dev.kind.label_en())),
            );
        }
    }
    for kind in &care {
        let needed = devices_for(*kind);
        if !needed.is_empty() && !s.devices.iter().any(|d| needed.contains(&d.kind)) {
            ctx.push(
                CARE_DEVICE_NOT_RECORDED
                    .at(p)
                    .with("care", words(kind.label_ja(), kind.label_en())),
            );
        }
    }

    // Medications.
    let p = root.key("medications");
    let has_tube = s.devices.iter().any(|d| d.kind.is_feeding_tube());
    let mut tube_reported = false;
    for (i, m) in s.medications.iter().enumerate() {
        let mp = p.index(i);
        ctx.required(&m.name, &mp.key("name"));
        match m.times_per_day {
            Some(n) => ctx.range(
                f64::from(n),
                1.0,
                24.0,
                Some(words("回/日", "times a day")),
                &mp.key("times_per_day"),
            ),
            None if !m.as_needed => ctx.push(MEDICATION_NO_FREQUENCY.at(mp)),
            None => {}
        }
        if let Some(d) = m.since {
            ctx.event(d, &mp.key("since"));
        }
        if m.rescue && m.indication.as_deref().is_none_or(|t| t.trim().is_empty()) {
            ctx.push(MEDICATION_RESCUE_WITHOUT_INDICATION.at(mp.key("indication")));
        }
        if m.route == MedicationRoute::Tube && !has_tube && !tube_reported {
            tube_reported = true;
            ctx.push(MEDICATION_TUBE_WITHOUT_TUBE.at(mp.key("route")));
        }
    }
    duplicates(&mut ctx, &s.medications, &p, |m| {
        Some((norm(&m.name), m.route, m.as_needed))
    });

    // Allergies.
    let p = root.key("allergies");
    match (s.allergies.status, s.allergies.items.is_empty()) {
        (AllergyStatus::Present, true) => ctx.push(ALLERGY_STATUS_CONFLICT.at(p.key("items"))),
        (AllergyStatus::NoneKnown | AllergyStatus::Unknown, false) => {
            ctx.push(ALLERGY_STATUS_CONFLICT.at(p.key("status")))
        }
        _ => {}
    }
    if s.allergies.status == AllergyStatus::Unknown {
        ctx.push(ALLERGY_UNKNOWN.at(p.key("status")));
    }
    for (i, a) in s.allergies.items.iter().enumerate() {
        ctx.required(&a.substance, &p.key("items").index(i).key("substance"));
    }
    duplicates(&mut ctx, &s.allergies.items, &p.key("items"), |a| {
        Some(norm(&a.substance))
    });

    // Vaccinations.
    let p = root.key("vaccinations");
    for (i, v) in s.vaccinations.iter().enumerate() {
        let vp = p.index(i);
        ctx.event(v.date, &vp.key("date"));
        if let Some(n) = v.dose {
            // A dose number needs no unit (the location names the field).
            ctx.range(f64::from(n), 1.0, 10.0, None, &vp.key("dose"));
        }
        match &v.name {
            Some(n) => ctx.required(n, &vp.key("name")),
            None if v.vaccine == Vaccine::Other => ctx.push(FIELD_EMPTY.at(vp.key("name"))),
            None => {}
        }
    }
    duplicates(&mut ctx, &s.vaccinations, &p, |v| {
        Some((v.vaccine, v.date, v.name.as_deref().map(norm)))
    });

    // Baseline vital signs.
    if let Some(v) = &s.vital_signs {
        let p = root.key("vital_signs");
        ctx.event(v.measured_on, &p.key("measured_on"));
        if ctx.as_of.days_until(v.measured_on) < -STALE_DAYS {
            ctx.push(
                VITAL_SIGNS_STALE
                    .at(p.key("measured_on"))
                    .with("days", STALE_DAYS),
            );
        }
        if let Some(w) = v.weight_kg {
            ctx.range(w, 0.3, 200.0, Some(words("kg", "kg")), &p.key("weight_kg"));
            if let Some(age) = super::Age::on(s.child.date_of_birth, v.measured_on) {
                let (lo, hi) = super::growth::plausible_weight(age.years);
                if (0.3..=200.0).contains(&w) && !(lo..=hi).contains(&w) {
                    let f = WEIGHT_IMPLAUSIBLE
                        .at(p.key("weight_kg"))
                        .with("years", age.years);
                    ctx.push(decimals(
                        f,
                        &[("weight", w), ("min", lo), ("max", hi)],
                        None,
                    ));
                }
            }
        }
        if let Some(h) = v.height_cm {
            ctx.range(h, 20.0, 250.0, Some(words("cm", "cm")), &p.key("height_cm"));
        }
        ctx.usual(
            v.spo2_percent.as_ref(),
            0.0,
            100.0,
            words("%", "%"),
            &p.key("spo2_percent"),
        );
        ctx.usual(
            v.heart_rate_per_min.as_ref(),
            20.0,
            300.0,
            words("回/分", "per min"),
            &p.key("heart_rate_per_min"),
        );
        ctx.usual(
            v.respiratory_rate_per_min.as_ref(),
            3.0,
            150.0,
            words("回/分", "per min"),
            &p.key("respiratory_rate_per_min"),
        );
        ctx.usual(
            v.temperature_c.as_ref(),
            30.0,
            43.0,
            words("℃", "°C"),
            &p.key("temperature_c"),
        );
        ctx.usual(
            v.systolic_mmhg.as_ref(),
            30.0,
            250.0,
            words("mmHg", "mmHg"),
            &p.key("systolic_mmhg"),
        );
    }

    // The weight doses are worked out from.
    if !s.medications.is_empty() {
        let weighed = s
            .vital_signs
            .as_ref()
            .and_then(|v| v.weight_kg.map(|_| v.measured_on));
        match weighed {
            None => {
                let vital = root.key("vital_signs");
                let at = match &s.vital_signs {
                    Some(_) => vital.key("weight_kg"),
                    None => vital,
                };
                ctx.push(WEIGHT_MISSING.at(at));
            }
            Some(on) => {
                let years = super::Age::on(s.child.date_of_birth, req.as_of).map_or(0, |a| a.years);
                let limit = super::growth::weight_stale_days(years);
                let age_days = on.days_until(req.as_of);
                if age_days > limit {
                    ctx.push(
                        WEIGHT_STALE
                            .at(root.key("vital_signs").key("measured_on"))
                            .with("age_days", age_days)
                            .with("years", years)
                            .with("limit", limit),
                    );
                }
            }
        }
    }

    // Care team.
    let p = root.key("care_team");
    let mut first_with_id = TextIndex::new();
    for (i, m) in s.care_team.iter().enumerate() {
        let mp = p.index(i);
        ctx.required(&m.id, &mp.key("id"));
        ctx.required(&m.organisation, &mp.key("organisation"));
        if m.phone.is_none() {
            ctx.push(CARE_TEAM_NO_PHONE.at(mp.key("phone")));
        }
        ctx.phone(m.phone.as_ref(), &mp.key("phone"));
        ctx.phone(m.phone_out_of_hours.as_ref(), &mp.key("phone_out_of_hours"));
        if let Some(first) = first_with_id.first(Cow::Borrowed(m.id.as_str()), i) {
            ctx.push(CARE_TEAM_DUPLICATE_ID.at(mp.key("id")).with("first", first));
        }
    }
    if !s
        .care_team
        .iter()
        .any(|m| m.role == CareRole::PrimaryHospital)
    {
        ctx.push(CARE_TEAM_NO_PRIMARY_HOSPITAL.at(p));
    }

    // History.
    let p = root.key("history");
    let mut stays: Vec<(IsoDate, Option<IsoDate>)> = Vec::new();
    for h in &s.history {
        if h.kind.is_stay() {
            stays.push((h.start, h.end));
        }
    }
    let mut overlapped = overlaps_earlier(&stays).into_iter();
    for (i, h) in s.history.iter().enumerate() {
        let hp = p.index(i);
        ctx.required(&h.institution, &hp.key("institution"));
        ctx.member(h.member.as_ref(), &hp.key("member"));
        ctx.event(h.start, &hp.key("start"));
        if let Some(end) = h.end {
            if end < h.start {
                ctx.push(
                    DATE_END_BEFORE_START
                        .at(hp.key("end"))
                        .with("end", date(end))
                        .with("start", date(h.start)),
                );
            } else {
                ctx.event(end, &hp.key("end"));
            }
        }
        if h.kind.is_stay() && overlapped.next().unwrap_or(false) {
            ctx.push(HISTORY_OVERLAPPING_STAYS.at(hp.key("start")));
        }
    }
    duplicates(&mut ctx, &s.history, &p, |h| {
        Some((h.kind, norm(&h.institution), h.start))
    });
    if let Some(discharge) = s.clinical.nicu_discharge {
        let mut stays: Vec<Option<IsoDate>> = Vec::new();
        for h in &s.history {
            if h.kind == HistoryKind::Nicu {
                stays.push(h.end);
            }
        }
        if !stays.is_empty() && !stays.contains(&Some(discharge)) {
            ctx.push(
                HISTORY_NICU_DISCHARGE_MISMATCH
                    .at(root.key("clinical").key("nicu_discharge"))
                    .with("discharge", date(discharge)),
            );
        }
    }

    // Emergency plan.
    let p = root.key("emergency_plan");
    match &s.emergency_plan {
        None => {
            if !care.is_empty() {
                ctx.push(EMERGENCY_PLAN_MISSING.at(root));
            }
        }
        Some(plan) => {
            match &plan.destination {
                None => ctx.push(EMERGENCY_PLAN_NO_DESTINATION.at(p)),
                Some(id) => match s.care_team.iter().find(|m| &m.id == id) {
                    None => ctx.push(REF_UNKNOWN_MEMBER.at(p.key("destination"))),
                    Some(m) if !m.role.is_hospital() => {
                        ctx.push(EMERGENCY_PLAN_DESTINATION_NOT_HOSPITAL.at(p.key("destination")))
                    }
                    Some(_) => {}
                },
            }
            ctx.member(plan.doctor.as_ref(), &p.key("doctor"));
            if let Some(d) = plan.agreed_on {
                ctx.event(d, &p.key("agreed_on"));
            }
            for (i, a) in plan.actions.iter().enumerate() {
                ctx.required(&a.action, &p.key("actions").index(i).key("action"));
            }
            duplicates(&mut ctx, &plan.actions, &p.key("actions"), |a| {
                (a.situation != Situation::Other).then_some(a.situation)
            });
            for kind in &care {
                for sit in situations_for(*kind) {
                    if !plan.actions.iter().any(|a| a.situation == *sit) {
                        ctx.push(
                            EMERGENCY_PLAN_SITUATION_MISSING
                                .at(p.key("actions"))
                                .with("situation", words(sit.label_ja(), sit.label_en())),
                        );
                    }
                }
            }
        }
    }

    // Provenance.
    let p = root.key("provenance");
    for (i, pr) in s.provenance.iter().enumerate() {
        let pp = p.index(i);
        ctx.event(pr.recorded_on, &pp.key("recorded_on"));
        ctx.member(pr.member.as_ref(), &pp.key("member"));
        if let Some(n) = &pr.recorded_by {
            ctx.required(n, &pp.key("recorded_by"));
        }
    }
    let unrecorded = unrecorded_sections(s);
    if req.strict_provenance {
        for sec in &unrecorded {
            ctx.push(
                PROVENANCE_MISSING
                    .at(p)
                    .with("part", words(sec.label_ja(), sec.label_en())),
            );
        }
    } else if !unrecorded.is_empty() {
        // One finding for the document, listing the parts (a new registration has many).
        let mut parts: Vec<Label> = Vec::with_capacity(unrecorded.len());
        for x in &unrecorded {
            parts.push(words(x.label_ja(), x.label_en()));
        }
        ctx.push(
            PROVENANCE_MISSING
                .at(p)
                .with("count", unrecorded.len())
                .with("parts", parts),
        );
    }
    for sec in Section::ALL.iter().copied().filter(|s| s.changes_often()) {
        // The latest record (the last one of the latest date).
        let mut latest: Option<(usize, &super::Provenance)> = None;
        for (i, pr) in s.provenance.iter().enumerate() {
            if pr.section == sec
                && pr.recorded_on <= req.as_of
                && latest.is_none_or(|(_, l)| pr.recorded_on >= l.recorded_on)
            {
                latest = Some((i, pr));
            }
        }
        if let Some((i, pr)) = latest
            && req.as_of.days_until(pr.recorded_on) < -STALE_DAYS
        {
            ctx.push(
                PROVENANCE_STALE
                    .at(p.index(i).key("recorded_on"))
                    .with("part", words(sec.label_ja(), sec.label_en()))
                    .with("days", STALE_DAYS),
            );
        }
    }

    // Consents.
    let p = root.key("consents");
    if s.consents.is_empty() {
        ctx.push(CONSENTS_NONE.at(p));
    }
    for (i, c) in s.consents.iter().enumerate() {
        let cp = p.index(i);
        if c.uses.is_empty() {
            ctx.push(FIELD_EMPTY.at(cp.key("uses")));
        }
        duplicates(&mut ctx, &c.uses, &cp.key("uses"), |u| Some(*u));
        let missing = match c.to {
            RecipientScope::CareTeamMember => c.member.is_none().then_some("member"),
            RecipientScope::CareRole => c.role.is_none().then_some("role"),
            RecipientScope::Institution => c
                .institution
                .as_deref()
                .is_none_or(|t| t.trim().is_empty())
                .then_some("institution"),
            _ => None,
        };
        if let Some(field) = missing {
            ctx.push(CONSENT_RECIPIENT_MISSING.at(cp.key(field)));
        }
        ctx.member(c.member.as_ref(), &cp.key("member"));
        ctx.event(c.given_on, &cp.key("given_on"));
        for (end, key) in [
            (c.withdrawn_on, "withdrawn_on"),
            (c.expires_on, "expires_on"),
        ] {
            if let Some(end) = end
                && end < c.given_on
            {
                ctx.push(
                    DATE_END_BEFORE_START
                        .at(cp.key(key))
                        .with("end", date(end))
                        .with("start", date(c.given_on)),
                );
            }
        }
        if let Some(w) = c.withdrawn_on {
            ctx.event(w, &cp.key("withdrawn_on"));
        }
    }

    let mut out = ctx.out;
    crate::care::validate_clinical(
        &s.clinical,
        &root.key("clinical").path(),
        s.child.date_of_birth,
        req.as_of,
        &mut out,
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The former pairwise check of overlapping stays (quadratic), kept as the reference.
    fn overlaps_earlier_pairwise(stays: &[(IsoDate, Option<IsoDate>)]) -> Vec<bool> {
        stays
            .iter()
            .enumerate()
            .map(|(i, (hs, he))| {
                stays.iter().take(i).any(|(os, oe)| {
                    he.is_none_or(|e| *os <= e)
                        && oe.is_none_or(|e| *hs <= e)
                        && *oe != Some(*hs)
                        && *he != Some(*os)
                })
            })
            .collect()
    }

    /// The former pairwise duplicate search (quadratic), kept as the reference.
    fn first_duplicates_pairwise(keys: &[Option<u8>]) -> Vec<(usize, usize)> {
        let mut seen: Vec<(u8, usize)> = Vec::new();
        let mut out = Vec::new();
        for (i, k) in keys.iter().enumerate() {
            let Some(k) = k else { continue };
            if let Some((_, first)) = seen.iter().find(|(s, _)| s == k) {
                out.push((i, *first));
            } else {
                seen.push((*k, i));
            }
        }
        out
    }

    fn day(n: u8) -> IsoDate {
        IsoDate::from_ymd(2024, 1, 1)
            .and_then(|d| d.add_days(i64::from(n)))
            .unwrap()
    }

    proptest! {
        #[test]
        fn overlaps_match_the_pairwise_check(
            raw in proptest::collection::vec((0u8..40, proptest::option::of(0u8..40)), 0..40)
        ) {
            let stays: Vec<(IsoDate, Option<IsoDate>)> =
                raw.iter().map(|(s, e)| (day(*s), e.map(day))).collect();
            prop_assert_eq!(overlaps_earlier(&stays), overlaps_earlier_pairwise(&stays));
        }

        #[test]
        fn small_duplicates_match_the_pairwise_search(
            keys in proptest::collection::vec(proptest::option::of(0u8..6), 0..=crate::index::SMALL_LIST)
        ) {
            prop_assert_eq!(first_duplicates(&keys), first_duplicates_pairwise(&keys));
        }

        #[test]
        fn phone_keys_compare_as_the_digits(a in "[+81 0-9()\\-]{0,14}", b in "[+81 0-9()\\-]{0,14}") {
            if let (Some(da), Some(db)) = (phone_digits(&a), phone_digits(&b)) {
                prop_assert_eq!(PhoneKey(&a).cmp(&PhoneKey(&b)), da.cmp(&db));
                prop_assert_eq!(PhoneKey(&a).digits().collect::<String>(), da);
            }
        }

        #[test]
        fn phone_ok_agrees_with_phone_digits(s in "[+81 0-9()\\-a]{0,16}") {
            prop_assert_eq!(phone_ok(&s), phone_digits(&s).is_some(), "{:?}", s);
        }

        #[test]
        fn norm_compares_as_the_stripped_text(a in "[ab \u{3000}\t]{0,6}", b in "[ab \u{3000}\t]{0,6}") {
            let strip = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            prop_assert_eq!(norm(&a).cmp(&norm(&b)), strip(&a).cmp(&strip(&b)));
            let (ra, rb) = (Norm { text: &a, strip: false }, Norm { text: &b, strip: false });
            prop_assert_eq!(ra.cmp(&rb), a.cmp(&b));
        }

        #[test]
        fn duplicates_match_the_pairwise_search(
            keys in proptest::collection::vec(proptest::option::of(0u8..12), 0..60)
        ) {
            prop_assert_eq!(
                first_duplicates(&keys),
                first_duplicates_pairwise(&keys)
            );
        }
    }

    #[test]
    fn overlapping_stays_by_hand() {
        // [1, 10], then [10, 12] (same-day transfer: no), [5, 6] (inside the first: yes),
        // [20, open], then [25, 26] (inside the open stay: yes), [19, 20] (ends the day the
        // open one starts: no), [3, 2] (inverted, inside the first: yes).
        let stays = [
            (day(1), Some(day(10))),
            (day(10), Some(day(12))),
            (day(5), Some(day(6))),
            (day(20), None),
            (day(25), Some(day(26))),
            (day(19), Some(day(20))),
            (day(3), Some(day(2))),
        ];
        assert_eq!(
            overlaps_earlier(&stays),
            [false, false, true, false, true, false, true]
        );
    }

    #[test]
    fn duplicates_by_hand() {
        let keys = [Some(3), None, Some(3), Some(1), None, Some(1), Some(3)];
        assert_eq!(first_duplicates(&keys), [(2, 0), (5, 3), (6, 0)]);
    }

    #[test]
    fn kana() {
        assert_eq!(kana_problem("やまだ はなこ"), None);
        assert_eq!(kana_problem("ヤマダ　ハナコ"), None);
        assert_eq!(kana_problem("ヴィーナス・ー"), None);
        assert_eq!(kana_problem("やまだ ハナコ"), Some(KanaProblem::Mixed));
        assert_eq!(kana_problem("ﾔﾏﾀﾞ"), Some(KanaProblem::NotKana));
        assert_eq!(kana_problem("山田"), Some(KanaProblem::NotKana));
        assert_eq!(kana_problem("yamada"), Some(KanaProblem::NotKana));
    }

    #[test]
    fn phones() {
        assert_eq!(
            phone_digits("090-1234-5678").as_deref(),
            Some("09012345678")
        );
        assert_eq!(
            phone_digits("0463 (12) 3456").as_deref(),
            Some("0463123456")
        );
        assert_eq!(
            phone_digits("+81 90 1234 5678").as_deref(),
            Some("09012345678")
        );
        assert_eq!(
            phone_digits("+81 (0)90 1234 5678").as_deref(),
            Some("09012345678")
        );
        assert_eq!(phone_digits("1234-5678"), None);
        assert_eq!(phone_digits("０９０１２３４５６７８"), None);
        assert_eq!(phone_digits("090-1234-56789"), None);
        assert_eq!(phone_digits("ask the mother"), None);
        for (s, ok) in [
            ("090-1234-5678", true),
            ("+81 (0)90 1234 5678", true),
            ("+81 90 1234 5678", true),
            ("+81 0", false),
            ("1234-5678", false),
            ("", false),
        ] {
            assert_eq!(phone_ok(s), ok, "{s}");
        }
    }

    #[test]
    fn icd10() {
        for ok in ["G80", "G80.0", "Q90.9", "P07.12", "U07.1", "G40.4†", "E88*"] {
            assert!(icd10_ok(ok), "{ok}");
        }
        for bad in [
            "",
            "g80",
            "G8",
            "G800",
            "G80.",
            "G80.123",
            "80.0",
            "ＧＳ0",
            "G80.0†x",
        ] {
            assert!(!icd10_ok(bad), "{bad}");
        }
    }
}
