//! 対象児の情報集約 / Child care summaries ([S-000] theme ⑤情報集約 №17–18, `docs/sources.md`).
//!
//! One [`ChildSummary`] that a hospital EMR, a school, a day service and an emergency room
//! can all read: the child, guardians and emergency contacts, diagnoses, the clinical
//! profile (care items, motor level, IQ: [`crate::care::ClinicalProfile`]), devices with
//! their settings, medications, allergies, vaccinations, baseline vital signs, the care
//! team, the history of visits and admissions with the first-consultation date (初診日),
//! an emergency plan, and who recorded each part and when.
//!
//! Operations (all take a [`SummaryRequest`]):
//!
//! | operation | result |
//! |---|---|
//! | `summary.validate` | [`SummaryCheck`]: every `summary.*` and `care.*` rule |
//! | `summary.scores` | the clinical scores of [C-A]–[C-D] (`docs/sources.md`), findings under `/summary/clinical` |
//! | `summary.emergency_view` | [`emergency::EmergencyView`]: the facts an emergency doctor needs first |
//! | `summary.timeline` | [`timeline::Timeline`]: the life-stage timeline ([S-000] №18) |
//!
//! The rules are listed in [`RULES`] (see [`rules`]).

pub mod consent;
pub mod emergency;
pub mod growth;
pub mod identity;
pub mod rules;
pub mod timeline;

use crate::calendar::IsoDate;
use crate::care::CareKind;
use crate::finding::Path;
use crate::operation::{Computed, Operation};
use serde::{Deserialize, Serialize};

pub use consent::{Consent, ConsentStatus, ConsentUse, Recipient, RecipientRef, consent_covers};
pub use identity::{ChildId, Match, MunicipalityCode, same_child};
pub use rules::{RULES, validate};

pub(crate) use crate::labels::labelled_enum as labelled;

/// `summary.*` 操作の入力 / Input of every `summary.*` operation.
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SummaryRequest {
    /// JSON Schema の URL（任意） / URL of this document's JSON Schema (optional).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// 文書の形式の版（省略時は 1） / Document format version (absent means 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<crate::version::FormatVersion>,
    /// 基準日 / The day the summary is read on ("today"): ages, past/upcoming and staleness are judged on it.
    pub as_of: IsoDate,
    /// 対象児の情報 / The child's summary.
    pub summary: ChildSummary,
    /// 記録者の記録のない区分を一つずつ指摘する（省略時は文書に一件） / Report each part without a provenance record separately (default: one finding per document listing the parts).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub strict_provenance: bool,
}

/// 対象児の情報集約 / A child's care summary.
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChildSummary {
    /// 本人 / The child.
    pub child: Child,
    /// 保護者 / Guardians.
    #[serde(default)]
    pub guardians: Vec<Contact>,
    /// 緊急連絡先（優先順） / Emergency contacts, first to call first.
    #[serde(default)]
    pub emergency_contacts: Vec<Contact>,
    /// 診断名 / Diagnoses.
    #[serde(default)]
    pub diagnoses: Vec<Diagnosis>,
    /// 医療的ケア・運動機能・知能 / Clinical profile: care items, motor level, IQ/DQ.
    #[serde(default)]
    pub clinical: crate::care::ClinicalProfile,
    /// 医療機器と設定 / Devices and their settings.
    #[serde(default)]
    pub devices: Vec<Device>,
    /// 服薬 / Medications.
    #[serde(default)]
    pub medications: Vec<Medication>,
    /// アレルギー / Allergies.
    pub allergies: Allergies,
    /// 予防接種歴 / Vaccinations.
    #[serde(default)]
    pub vaccinations: Vec<Vaccination>,
    /// 平常時のバイタルサイン / Baseline vital signs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vital_signs: Option<VitalSigns>,
    /// 支援チーム / Care team.
    #[serde(default)]
    pub care_team: Vec<CareTeamMember>,
    /// 受診・入院歴 / History of visits and admissions.
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
    /// 緊急時の対応計画 / Emergency plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emergency_plan: Option<EmergencyPlan>,
    /// 記録者と記録日 / Who recorded each part, and when.
    #[serde(default)]
    pub provenance: Vec<Provenance>,
    /// 情報提供についての同意（要配慮個人情報） / The family's consents to share this summary (it is 要配慮個人情報).
    #[serde(default)]
    pub consents: Vec<Consent>,
}

impl ChildSummary {
    /// この子が受けている医療的ケアの種類 / The kinds of medical care the child receives
    /// (from the clinical profile), sorted and without duplicates; for the short-stay match.
    pub fn care_kinds(&self) -> Vec<CareKind> {
        let mut kinds = self.clinical.care_kinds();
        crate::sorting::sort(&mut kinds);
        kinds.dedup();
        kinds
    }

    /// 医療型短期入所の利用根拠 / The grounds on which the child may use 医療型短期入所
    /// ([C-D], `docs/sources.md`), from the clinical profile; for the short-stay match.
    pub fn short_stay_grounds(&self, as_of: IsoDate) -> Vec<crate::care::ShortStayGround> {
        crate::scores::short_stay_grounds(&self.clinical, as_of)
    }
}

labelled! {
    /// 性別 / Sex.
    Sex {
        /// 男 / Male.
        Male => "男", "male";
        /// 女 / Female.
        Female => "女", "female";
        /// 未確定（性分化疾患等） / Not yet determined (differences of sex development).
        Undetermined => "未確定", "undetermined";
        /// 不明 / Unknown.
        Unknown => "不明", "unknown";
    }
}

labelled! {
    /// ABO 血液型 / ABO blood group.
    AboGroup {
        /// A型 / A.
        A => "A型", "A";
        /// B型 / B.
        B => "B型", "B";
        /// O型 / O.
        O => "O型", "O";
        /// AB型 / AB.
        Ab => "AB型", "AB";
        /// 不明 / Unknown.
        Unknown => "不明", "unknown";
    }
}

labelled! {
    /// Rh 血液型 / Rh(D) type.
    RhType {
        /// Rh+ / Rh positive.
        Positive => "Rh+", "Rh positive";
        /// Rh− / Rh negative.
        Negative => "Rh−", "Rh negative";
        /// 不明 / Unknown.
        Unknown => "不明", "unknown";
    }
}

/// 血液型 / Blood type.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    crate::input::Recover,
    crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BloodType {
    /// ABO 式 / ABO group.
    pub abo: AboGroup,
    /// Rh 式 / Rh(D) type.
    pub rh: RhType,
}

/// 本人 / The child.
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Child {
    /// 対象児 id（拠点が付ける、氏名・生年月日・電話番号を含まない） / Child id assigned by the hub, e.g. `kyoten:odawara:2024-0017` (no name, birth date or phone number in it).
    pub id: ChildId,
    /// 氏名 / Name.
    pub name: String,
    /// ふりがな（ひらがな又はカタカナ） / Name in kana (hiragana or katakana).
    pub kana: String,
    /// 性別 / Sex.
    pub sex: Sex,
    /// 生年月日 / Date of birth.
    pub date_of_birth: IsoDate,
    /// 住所地の市区町村 / Municipality of residence.
    pub municipality: String,
    /// 全国地方公共団体コード（6桁、検査数字付き） / The municipality's 全国地方公共団体コード (six digits with the check digit), e.g. 142069.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality_code: Option<MunicipalityCode>,
    /// 血液型（任意） / Blood type (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blood_type: Option<BloodType>,
}

labelled! {
    /// 続柄 / Relationship to the child.
    Relationship {
        /// 母 / Mother.
        Mother => "母", "mother";
        /// 父 / Father.
        Father => "父", "father";
        /// 祖母 / Grandmother.
        Grandmother => "祖母", "grandmother";
        /// 祖父 / Grandfather.
        Grandfather => "祖父", "grandfather";
        /// きょうだい / Sibling.
        Sibling => "きょうだい", "sibling";
        /// その他の親族 / Other relative.
        OtherRelative => "その他の親族", "other relative";
        /// 未成年後見人 / Legal guardian.
        LegalGuardian => "後見人", "legal guardian";
        /// 里親 / Foster parent.
        FosterParent => "里親", "foster parent";
        /// 施設職員 / Facility staff.
        FacilityStaff => "施設職員", "facility staff";
        /// その他 / Other.
        Other => "その他", "other";
    }
}

/// 保護者・緊急連絡先 / A guardian or an emergency contact.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// 氏名 / Name.
    pub name: String,
    /// ふりがな（任意） / Name in kana (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kana: Option<String>,
    /// 続柄 / Relationship to the child.
    pub relationship: Relationship,
    /// 電話番号 / Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// 別の電話番号（任意） / Another phone number (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_alt: Option<String>,
    /// 連絡がつく時間帯など（任意） / When reachable, and other notes (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// 診断名 / A diagnosis.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Diagnosis {
    /// 病名 / Name of the condition.
    pub name: String,
    /// ICD-10 コード（任意、例 G80.0） / ICD-10 code (optional, e.g. G80.0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icd10: Option<String>,
    /// 主病名 / The main diagnosis.
    #[serde(default)]
    pub primary: bool,
    /// 診断日（任意） / Date of diagnosis (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diagnosed_on: Option<IsoDate>,
}

labelled! {
    /// 医療機器の種類 / Kind of device.
    DeviceKind {
        /// 人工呼吸器 / Ventilator.
        Ventilator => "人工呼吸器", "ventilator";
        /// 排痰補助装置（カフアシスト等） / Cough assist.
        CoughAssist => "排痰補助装置", "cough assist";
        /// 気管カニューレ / Tracheostomy tube.
        TracheostomyTube => "気管カニューレ", "tracheostomy tube";
        /// 鼻咽頭エアウェイ / Nasopharyngeal airway.
        NasopharyngealAirway => "鼻咽頭エアウェイ", "nasopharyngeal airway";
        /// 酸素濃縮器 / Oxygen concentrator.
        OxygenConcentrator => "酸素濃縮器", "oxygen concentrator";
        /// 酸素ボンベ / Oxygen cylinder.
        OxygenCylinder => "酸素ボンベ", "oxygen cylinder";
        /// ハイフロー装置 / High-flow device.
        HighFlow => "ハイフロー装置", "high-flow device";
        /// パルスオキシメーター / Pulse oximeter.
        PulseOximeter => "パルスオキシメーター", "pulse oximeter";
        /// 吸引器 / Suction unit.
        SuctionUnit => "吸引器", "suction unit";
        /// ネブライザー / Nebuliser.
        Nebulizer => "ネブライザー", "nebuliser";
        /// 経鼻胃管 / Nasogastric tube.
        NasogastricTube => "経鼻胃管", "nasogastric tube";
        /// 経鼻腸管（EDチューブ） / Nasoduodenal / nasojejunal tube.
        NasojejunalTube => "経鼻腸管（EDチューブ）", "nasojejunal tube";
        /// 胃ろう（ボタン・チューブ） / Gastrostomy button or tube.
        Gastrostomy => "胃ろう", "gastrostomy";
        /// 腸ろう・経胃瘻腸管 / Jejunostomy or gastro-jejunal tube.
        Jejunostomy => "腸ろう", "jejunostomy";
        /// 経腸栄養ポンプ / Feeding pump.
        FeedingPump => "経腸栄養ポンプ", "feeding pump";
        /// 中心静脈カテーテル / Central venous catheter.
        CentralVenousCatheter => "中心静脈カテーテル", "central venous catheter";
        /// インスリンポンプ・持続皮下注射ポンプ / Insulin or subcutaneous infusion pump.
        InfusionPump => "持続皮下注射ポンプ", "subcutaneous infusion pump";
        /// 持続血糖測定器 / Continuous glucose monitor.
        GlucoseMonitor => "持続血糖測定器", "continuous glucose monitor";
        /// 腹膜透析装置 / Peritoneal dialysis cycler.
        DialysisCycler => "腹膜透析装置", "peritoneal dialysis cycler";
        /// 尿道留置カテーテル・膀胱瘻 / Urinary catheter or cystostomy.
        UrinaryCatheter => "尿道カテーテル・膀胱瘻", "urinary catheter / cystostomy";
        /// ストーマ装具 / Stoma appliance.
        StomaAppliance => "ストーマ装具", "stoma appliance";
        /// 迷走神経刺激装置（VNS） / Vagus nerve stimulator.
        VagusNerveStimulator => "迷走神経刺激装置（VNS）", "vagus nerve stimulator";
        /// 脳室腹腔シャント（VPシャント） / Ventriculoperitoneal shunt.
        VpShunt => "VPシャント", "VP shunt";
        /// その他 / Other.
        Other => "その他", "other";
    }
}

impl DeviceKind {
    /// Devices whose settings an emergency doctor needs (airway, breathing, feeding access).
    pub const fn settings_needed(self) -> bool {
        matches!(
            self,
            DeviceKind::Ventilator
                | DeviceKind::TracheostomyTube
                | DeviceKind::HighFlow
                | DeviceKind::OxygenConcentrator
                | DeviceKind::OxygenCylinder
                | DeviceKind::Gastrostomy
                | DeviceKind::Jejunostomy
                | DeviceKind::NasogastricTube
                | DeviceKind::NasojejunalTube
        )
    }
    /// Airway and breathing devices, shown first in the emergency view.
    pub const fn is_airway(self) -> bool {
        matches!(
            self,
            DeviceKind::Ventilator
                | DeviceKind::CoughAssist
                | DeviceKind::TracheostomyTube
                | DeviceKind::NasopharyngealAirway
                | DeviceKind::OxygenConcentrator
                | DeviceKind::OxygenCylinder
                | DeviceKind::HighFlow
        )
    }
    /// Feeding-tube devices (a medication given "by tube" needs one).
    pub const fn is_feeding_tube(self) -> bool {
        matches!(
            self,
            DeviceKind::Gastrostomy
                | DeviceKind::Jejunostomy
                | DeviceKind::NasogastricTube
                | DeviceKind::NasojejunalTube
        )
    }
}

macro_rules! parameters {
    ($( $(#[$m:meta])* $variant:ident => $ja:literal, $unit:literal, $unit_en:literal, $min:literal, $max:literal; )*) => {
        /// 設定項目 / A device setting, with its unit.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum SettingParameter {
            $( $(#[$m])* $variant, )*
        }
        impl SettingParameter {
            /// Every parameter.
            pub const ALL: &'static [SettingParameter] = &[$(SettingParameter::$variant,)*];
            /// 日本語ラベル / Japanese label.
            pub const fn label_ja(self) -> &'static str {
                match self { $(SettingParameter::$variant => $ja,)* }
            }
            /// 単位 / Unit.
            pub const fn unit(self) -> &'static str {
                match self { $(SettingParameter::$variant => $unit,)* }
            }
            /// The unit in English messages.
            pub const fn unit_en(self) -> &'static str {
                match self { $(SettingParameter::$variant => $unit_en,)* }
            }
            /// Plausible range (inclusive): values outside are an input error.
            pub const fn range(self) -> (f64, f64) {
                match self { $(SettingParameter::$variant => ($min, $max),)* }
            }
        }
    };
}

parameters! {
    /// 一回換気量 (mL) / Tidal volume (mL).
    TidalVolumeMl => "一回換気量", "mL", "mL", 1.0, 2000.0;
    /// 換気回数 (回/分) / Set respiratory rate (per minute).
    RespiratoryRatePerMin => "換気回数", "回/分", "per min", 1.0, 150.0;
    /// 最高気道内圧 PIP (cmH2O) / Peak inspiratory pressure.
    PipCmH2o => "PIP", "cmH2O", "cmH2O", 1.0, 80.0;
    /// PEEP (cmH2O) / Positive end-expiratory pressure.
    PeepCmH2o => "PEEP", "cmH2O", "cmH2O", 0.0, 30.0;
    /// プレッシャーサポート (cmH2O) / Pressure support.
    PressureSupportCmH2o => "PS", "cmH2O", "cmH2O", 0.0, 50.0;
    /// IPAP (cmH2O) / Inspiratory positive airway pressure (NIPPV).
    IpapCmH2o => "IPAP", "cmH2O", "cmH2O", 1.0, 50.0;
    /// EPAP (cmH2O) / Expiratory positive airway pressure (NIPPV).
    EpapCmH2o => "EPAP", "cmH2O", "cmH2O", 0.0, 30.0;
    /// CPAP 圧 (cmH2O) / CPAP pressure.
    CpapCmH2o => "CPAP", "cmH2O", "cmH2O", 1.0, 30.0;
    /// 吸気時間 (秒) / Inspiratory time (s).
    InspiratoryTimeS => "吸気時間", "秒", "s", 0.1, 5.0;
    /// 吸入酸素濃度 FiO2 (%) / Inspired oxygen fraction (%).
    Fio2Percent => "FiO2", "%", "%", 21.0, 100.0;
    /// 酸素流量 (L/分) / Oxygen or high-flow rate (L/min).
    OxygenFlowLPerMin => "酸素流量", "L/分", "L/min", 0.01, 60.0;
    /// 内径 (mm) / Inner diameter (mm), e.g. a tracheostomy tube.
    InnerDiameterMm => "内径", "mm", "mm", 2.0, 12.0;
    /// 太さ (Fr) / Size (French).
    SizeFr => "サイズ", "Fr", "Fr", 3.0, 34.0;
    /// 長さ (cm) / Length (cm).
    LengthCm => "長さ", "cm", "cm", 0.5, 150.0;
    /// カフ・バルーン水量 (mL) / Cuff or balloon volume (mL).
    CuffOrBalloonMl => "カフ・バルーン水量", "mL", "mL", 0.0, 30.0;
    /// 注入速度 (mL/時) / Feeding rate (mL/h).
    FeedingRateMlPerH => "注入速度", "mL/時", "mL/h", 1.0, 500.0;
    /// 基礎注入量 (単位/時) / Basal infusion rate (units/h).
    BasalRateUnitsPerH => "基礎注入量", "単位/時", "units/h", 0.0, 10.0;
}

/// 設定値 / One setting of a device.
#[derive(
    Debug, Clone, Copy, PartialEq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DeviceSetting {
    /// 項目 / Parameter (its unit is fixed by the parameter).
    pub parameter: SettingParameter,
    /// 値 / Value, in the parameter's unit.
    pub value: f64,
}

/// 医療機器 / A device.
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Device {
    /// 種類 / Kind.
    pub kind: DeviceKind,
    /// 製品名・型番（任意） / Product and model (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
    /// モード（人工呼吸器、任意） / Mode (ventilator, optional), e.g. SIMV.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// 設定 / Settings.
    #[serde(default)]
    pub settings: Vec<DeviceSetting>,
    /// 使用開始日（任意） / In use since (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<IsoDate>,
    /// 最終交換日（任意） / Last changed on (optional), e.g. a tracheostomy tube.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_changed: Option<IsoDate>,
    /// 供給・管理する事業者（支援チームの id、任意） / Supplier or manager (care-team id, optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplier: Option<String>,
    /// 業者の緊急連絡先（任意、24時間窓口など。支援チームの電話番号より優先） / The supplier's emergency phone for this device (optional, e.g. a 24-hour line; used before the care-team member's phone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplier_phone: Option<String>,
    /// 備考（任意） / Notes (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

labelled! {
    /// 投与経路 / Route of administration.
    MedicationRoute {
        /// 経口 / By mouth.
        Oral => "経口", "oral";
        /// 経管（胃ろう・経鼻胃管等） / By feeding tube.
        Tube => "経管", "by tube";
        /// 坐剤・経直腸 / Rectal.
        Rectal => "坐剤", "rectal";
        /// 口腔内（頬粘膜） / Buccal.
        Buccal => "口腔内", "buccal";
        /// 吸入 / Inhaled.
        Inhaled => "吸入", "inhaled";
        /// 点鼻 / Nasal.
        Nasal => "点鼻", "nasal";
        /// 皮下注射 / Subcutaneous.
        Subcutaneous => "皮下注射", "subcutaneous";
        /// 静脈内 / Intravenous.
        Intravenous => "静脈内", "intravenous";
        /// 貼付 / Transdermal.
        Transdermal => "貼付", "transdermal";
        /// 外用・点眼 / Topical or eye drops.
        Topical => "外用", "topical";
        /// その他 / Other.
        Other => "その他", "other";
    }
}

/// 服薬 / A medication.
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Medication {
    /// 薬剤名 / Name of the medicine.
    pub name: String,
    /// 用量（任意、例 "2.5mg"） / Dose (optional), e.g. "2.5mg".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dose: Option<String>,
    /// 投与経路 / Route.
    pub route: MedicationRoute,
    /// 1日の回数（定時薬） / Times a day (regular medicines).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times_per_day: Option<u32>,
    /// 頓用 / As needed (PRN).
    #[serde(default)]
    pub as_needed: bool,
    /// 緊急時に使う薬（痙攣時の坐剤等） / Rescue medicine for an emergency (e.g. a seizure suppository).
    #[serde(default)]
    pub rescue: bool,
    /// 使用条件・目的（任意） / When to give it, or what for (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indication: Option<String>,
    /// 開始日（任意） / Started on (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<IsoDate>,
}

labelled! {
    /// アレルギーの有無 / Whether the child has allergies.
    AllergyStatus {
        /// なし（確認済み） / None known: asked and confirmed none.
        NoneKnown => "なし（確認済み）", "none known";
        /// 不明（未確認） / Unknown: not asked or not known.
        Unknown => "不明（未確認）", "unknown";
        /// あり / Present (listed in `items`).
        Present => "あり", "present";
    }
}

labelled! {
    /// アレルゲンの分類 / Kind of allergen.
    AllergyCategory {
        /// 薬剤 / Medicine.
        Drug => "薬剤", "drug";
        /// 食物 / Food.
        Food => "食物", "food";
        /// ラテックス / Latex.
        Latex => "ラテックス", "latex";
        /// 環境（花粉・ダニ等） / Environmental.
        Environmental => "環境", "environmental";
        /// その他 / Other.
        Other => "その他", "other";
    }
}

labelled! {
    /// 反応の重さ / Severity of the reaction.
    AllergySeverity {
        /// 軽症 / Mild.
        Mild => "軽症", "mild";
        /// 中等症 / Moderate.
        Moderate => "中等症", "moderate";
        /// 重症 / Severe.
        Severe => "重症", "severe";
        /// アナフィラキシー / Anaphylaxis.
        Anaphylaxis => "アナフィラキシー", "anaphylaxis";
    }
}

/// アレルギー / Allergies: a status ("none" differs from "unknown") and the list.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Allergies {
    /// 有無 / Status.
    pub status: AllergyStatus,
    /// アレルギー（status が present のとき） / The allergies (when status is present).
    #[serde(default)]
    pub items: Vec<Allergy>,
}

/// アレルギー一件 / One allergy.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Allergy {
    /// アレルゲン / Substance.
    pub substance: String,
    /// 分類 / Kind.
    pub category: AllergyCategory,
    /// 反応の重さ（任意） / Severity (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<AllergySeverity>,
    /// 症状（任意） / Reaction (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reaction: Option<String>,
}

labelled! {
    /// ワクチン / Vaccine.
    Vaccine {
        /// ヒブ / Hib.
        Hib => "ヒブ", "Hib";
        /// 小児肺炎球菌 / Pneumococcal conjugate.
        Pneumococcal => "小児肺炎球菌", "pneumococcal conjugate";
        /// B型肝炎 / Hepatitis B.
        HepatitisB => "B型肝炎", "hepatitis B";
        /// ロタウイルス / Rotavirus.
        Rotavirus => "ロタウイルス", "rotavirus";
        /// 四種混合 / DTaP-IPV.
        DtapIpv => "四種混合", "DTaP-IPV";
        /// 五種混合 / DTaP-IPV-Hib.
        DtapIpvHib => "五種混合", "DTaP-IPV-Hib";
        /// BCG / BCG.
        Bcg => "BCG", "BCG";
        /// 麻しん風しん混合（MR） / Measles-rubella.
        Mr => "麻しん風しん混合（MR）", "measles-rubella";
        /// 水痘 / Varicella.
        Varicella => "水痘", "varicella";
        /// 日本脳炎 / Japanese encephalitis.
        JapaneseEncephalitis => "日本脳炎", "Japanese encephalitis";
        /// 二種混合（DT） / DT.
        Dt => "二種混合（DT）", "DT";
        /// HPV / HPV.
        Hpv => "HPV", "HPV";
        /// インフルエンザ / Influenza.
        Influenza => "インフルエンザ", "influenza";
        /// 新型コロナウイルス / COVID-19.
        Covid19 => "新型コロナウイルス", "COVID-19";
        /// RSウイルス抗体（パリビズマブ等） / RSV antibody (palivizumab and others).
        RsvAntibody => "RSウイルス抗体", "RSV antibody";
        /// その他 / Other.
        Other => "その他", "other";
    }
}

/// 予防接種 / One vaccination.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Vaccination {
    /// ワクチン / Vaccine.
    pub vaccine: Vaccine,
    /// 接種日 / Date given.
    pub date: IsoDate,
    /// 何回目か（任意、1 以上） / Dose number (optional, 1 or more).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dose: Option<u32>,
    /// ワクチン名（other のとき） / Name of the vaccine (when `other`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// 範囲 / An inclusive range of a measurement (usual values).
#[derive(
    Debug, Clone, Copy, PartialEq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Range {
    /// 下限 / Lowest usual value.
    pub min: f64,
    /// 上限 / Highest usual value.
    pub max: f64,
}

/// 平常時のバイタルサイン / Baseline vital signs (the child's usual values).
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct VitalSigns {
    /// 測定日 / Measured on.
    pub measured_on: IsoDate,
    /// 体重 (kg) / Weight (kg).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight_kg: Option<f64>,
    /// 身長 (cm) / Height (cm).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height_cm: Option<f64>,
    /// 平常時の SpO2 (%) / Usual SpO2 (%).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spo2_percent: Option<Range>,
    /// 平常時の心拍数 (回/分) / Usual heart rate (per minute).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heart_rate_per_min: Option<Range>,
    /// 平常時の呼吸数 (回/分) / Usual respiratory rate (per minute).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respiratory_rate_per_min: Option<Range>,
    /// 平熱 (℃) / Usual body temperature (°C).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temperature_c: Option<Range>,
    /// 平常時の収縮期血圧 (mmHg) / Usual systolic blood pressure (mmHg).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub systolic_mmhg: Option<Range>,
}

labelled! {
    /// 支援チームでの役割 / Role in the care team.
    CareRole {
        /// 主治医療機関（基幹病院） / Primary hospital.
        PrimaryHospital => "主治医療機関", "primary hospital";
        /// 主治医 / Primary doctor.
        PrimaryDoctor => "主治医", "primary doctor";
        /// かかりつけ医（地域の診療所） / Local doctor.
        LocalDoctor => "かかりつけ医", "local doctor";
        /// 救急時の搬送先病院 / Hospital for emergencies.
        EmergencyHospital => "救急時の搬送先病院", "emergency hospital";
        /// 訪問看護ステーション / Visiting-nurse station.
        VisitingNurseStation => "訪問看護ステーション", "visiting-nurse station";
        /// 相談支援専門員 / Counsellor (相談支援専門員).
        Counsellor => "相談支援専門員", "counsellor";
        /// 医療的ケア児等コーディネーター / Medical-care coordinator.
        Coordinator => "医療的ケア児等コーディネーター", "medical-care coordinator";
        /// 学校（特別支援学校等） / School.
        School => "学校", "school";
        /// 通所（児童発達支援・放課後等デイサービス） / Day service.
        DayService => "通所支援事業所", "day service";
        /// 保健師 / Public-health nurse.
        PublicHealthNurse => "保健師", "public-health nurse";
        /// 短期入所施設 / Short-stay facility.
        ShortStay => "短期入所施設", "short-stay facility";
        /// 居宅介護事業所 / Home-help office.
        HomeHelp => "居宅介護事業所", "home-help office";
        /// リハビリテーション（療法士） / Therapist.
        Therapist => "リハビリテーション", "therapist";
        /// 薬局 / Pharmacy.
        Pharmacy => "薬局", "pharmacy";
        /// 歯科 / Dentist.
        Dentist => "歯科", "dentist";
        /// 医療機器業者 / Device supplier.
        DeviceSupplier => "医療機器業者", "device supplier";
        /// 市町村（障害福祉担当） / Municipal welfare office.
        Municipality => "市町村", "municipality";
        /// その他 / Other.
        Other => "その他", "other";
    }
}

impl CareRole {
    /// A role an ambulance can take the child to.
    pub const fn is_hospital(self) -> bool {
        matches!(
            self,
            CareRole::PrimaryHospital | CareRole::EmergencyHospital
        )
    }
}

/// 支援チームの一員 / A member of the care team (an organisation, or a person in one).
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CareTeamMember {
    /// 識別子（この文書の中で一意、他の項目から参照） / Id, unique in this document, referred to by other parts.
    pub id: String,
    /// 役割 / Role.
    pub role: CareRole,
    /// 機関名 / Organisation.
    pub organisation: String,
    /// 担当者名（任意） / Person (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// 電話番号 / Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// 夜間・休日の電話番号（任意） / Out-of-hours phone number (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_out_of_hours: Option<String>,
}

labelled! {
    /// 受診・入院の種類 / Kind of history entry.
    HistoryKind {
        /// 初診（障害年金の初診日） / First consultation (初診日, for the disability pension).
        FirstConsultation => "初診", "first consultation";
        /// 外来通院 / Outpatient care.
        Outpatient => "外来通院", "outpatient";
        /// 入院 / Admission.
        Admission => "入院", "admission";
        /// NICU・GCU 入院 / NICU or GCU admission.
        Nicu => "NICU・GCU入院", "NICU / GCU admission";
        /// 救急受診 / Emergency visit.
        EmergencyVisit => "救急受診", "emergency visit";
        /// 手術 / Surgery.
        Surgery => "手術", "surgery";
    }
}

impl HistoryKind {
    /// Kinds that are a stay with an end date (入院・NICU).
    pub const fn is_stay(self) -> bool {
        matches!(self, HistoryKind::Admission | HistoryKind::Nicu)
    }
}

/// 受診・入院歴 / One visit, admission or surgery.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HistoryEntry {
    /// 種類 / Kind.
    pub kind: HistoryKind,
    /// 医療機関名 / Institution.
    pub institution: String,
    /// 支援チームの id（任意） / Care-team id of the institution (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
    /// 診療科（任意） / Department (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// 開始日（受診日・入院日・初診日） / Start: visit, admission or first-consultation date.
    pub start: IsoDate,
    /// 終了日（退院日・通院終了日、任意） / End: discharge or last visit (optional; none = ongoing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<IsoDate>,
    /// 理由（任意） / Reason (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

labelled! {
    /// 心肺蘇生についての意思 / Wishes about resuscitation.
    Resuscitation {
        /// すべての蘇生処置を希望 / Full resuscitation.
        Full => "すべての蘇生処置を希望", "full resuscitation";
        /// 一部の処置を希望しない / Some interventions declined.
        Limited => "一部の処置を希望しない", "limited";
        /// 心肺蘇生を希望しない（DNAR） / Do not attempt resuscitation.
        Dnar => "心肺蘇生を希望しない（DNAR）", "DNAR";
        /// 未確認 / Not discussed.
        NotDiscussed => "未確認", "not discussed";
    }
}

labelled! {
    /// 緊急時の場面 / An emergency situation the plan covers.
    Situation {
        /// 痙攣発作 / Seizure.
        Seizure => "痙攣発作", "seizure";
        /// 低酸素・SpO2 低下 / Desaturation.
        Desaturation => "SpO2低下", "desaturation";
        /// 気管カニューレ事故抜去 / Tracheostomy tube dislodged.
        TracheostomyDislodged => "気管カニューレ事故抜去", "tracheostomy tube dislodged";
        /// 気管カニューレ閉塞 / Tracheostomy tube blocked.
        TracheostomyBlocked => "気管カニューレ閉塞", "tracheostomy tube blocked";
        /// 人工呼吸器の故障・停電 / Ventilator failure or power cut.
        VentilatorFailure => "人工呼吸器の故障・停電", "ventilator failure or power cut";
        /// 胃ろう・経管チューブ抜去 / Feeding tube dislodged.
        FeedingTubeDislodged => "胃ろう・経管チューブ抜去", "feeding tube dislodged";
        /// 発熱 / Fever.
        Fever => "発熱", "fever";
        /// 低血糖 / Hypoglycaemia.
        Hypoglycemia => "低血糖", "hypoglycaemia";
        /// シャント不全の疑い / Suspected shunt malfunction.
        ShuntMalfunction => "シャント不全の疑い", "suspected shunt malfunction";
        /// その他 / Other.
        Other => "その他", "other";
    }
}

/// 場面ごとの対応 / What to do in one situation.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EmergencyAction {
    /// 場面 / Situation.
    pub situation: Situation,
    /// 対応 / What to do.
    pub action: String,
}

/// 緊急時の対応計画 / Emergency plan, agreed by the family and the doctor.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EmergencyPlan {
    /// 搬送先（支援チームの id） / Where to take the child (care-team id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination: Option<String>,
    /// 計画を確認した医師（支援チームの id、任意） / Doctor who agreed the plan (care-team id, optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doctor: Option<String>,
    /// 心肺蘇生についての意思 / Wishes about resuscitation.
    pub resuscitation: Resuscitation,
    /// 場面ごとの対応（優先順） / Actions per situation, most important first.
    #[serde(default)]
    pub actions: Vec<EmergencyAction>,
    /// 家族と合意した日 / Date agreed with the family.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreed_on: Option<IsoDate>,
}

labelled! {
    /// 情報の区分 / A part of the summary.
    Section {
        /// 本人 / The child.
        Child => "本人", "child";
        /// 保護者・緊急連絡先 / Guardians and emergency contacts.
        Contacts => "保護者・緊急連絡先", "contacts";
        /// 診断名 / Diagnoses.
        Diagnoses => "診断名", "diagnoses";
        /// 医療的ケア / Clinical profile.
        Clinical => "医療的ケア", "clinical profile";
        /// 医療機器 / Devices.
        Devices => "医療機器", "devices";
        /// 服薬 / Medications.
        Medications => "服薬", "medications";
        /// アレルギー / Allergies.
        Allergies => "アレルギー", "allergies";
        /// 予防接種 / Vaccinations.
        Vaccinations => "予防接種", "vaccinations";
        /// バイタルサイン / Vital signs.
        VitalSigns => "バイタルサイン", "vital signs";
        /// 支援チーム / Care team.
        CareTeam => "支援チーム", "care team";
        /// 受診・入院歴 / History.
        History => "受診・入院歴", "history";
        /// 緊急時の対応計画 / Emergency plan.
        EmergencyPlan => "緊急時の対応計画", "emergency plan";
    }
}

impl Section {
    /// Parts that go out of date quickly: a record older than [`rules::STALE_DAYS`] is worth a warning.
    pub const fn changes_often(self) -> bool {
        matches!(
            self,
            Section::Clinical
                | Section::Devices
                | Section::Medications
                | Section::Allergies
                | Section::EmergencyPlan
        )
    }
}

labelled! {
    /// 記録者の立場 / Who recorded a part.
    RecorderRole {
        /// 家族 / Family.
        Family => "家族", "family";
        /// 医師 / Doctor.
        Doctor => "医師", "doctor";
        /// 看護師 / Nurse.
        Nurse => "看護師", "nurse";
        /// 退院支援看護師 / Discharge-support nurse.
        DischargeNurse => "退院支援看護師", "discharge-support nurse";
        /// 保健師 / Public-health nurse.
        PublicHealthNurse => "保健師", "public-health nurse";
        /// 相談支援専門員 / Counsellor.
        Counsellor => "相談支援専門員", "counsellor";
        /// 医療的ケア児等コーディネーター / Medical-care coordinator.
        Coordinator => "医療的ケア児等コーディネーター", "coordinator";
        /// 教員 / Teacher.
        Teacher => "教員", "teacher";
        /// その他 / Other.
        Other => "その他", "other";
    }
}

/// 記録 / Who recorded one part of the summary, and when.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// 区分 / The part recorded.
    pub section: Section,
    /// 記録者の立場 / Role of the recorder.
    pub role: RecorderRole,
    /// 記録者名（任意） / Recorder's name (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_by: Option<String>,
    /// 所属（支援チームの id、任意） / The recorder's organisation (care-team id, optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
    /// 記録日 / Date recorded.
    pub recorded_on: IsoDate,
}

/// 年齢 / Age in whole years and months.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    crate::input::Recover,
    crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Age {
    /// 歳 / Whole years.
    pub years: u32,
    /// か月（0–11） / Months past the last birthday (0–11).
    pub months: u32,
}

impl Age {
    /// The age on `on` of a child born on `birth` (years by [`crate::calendar::age_on`];
    /// months counted the same way, the month-day falling back to the month's last day).
    /// `None` if `on` is before `birth`.
    pub fn on(birth: IsoDate, on: IsoDate) -> Option<Age> {
        let years = crate::calendar::age_on(birth, on)?;
        let mut months = 0u32;
        for m in (0..12u32).rev() {
            if let Some(d) = month_anniversary(birth, years.checked_mul(12)?.checked_add(m)?)
                && d <= on
            {
                months = m;
                break;
            }
        }
        Some(Age { years, months })
    }
}

/// The date `n` months after `birth` (day clamped to the month's length).
fn month_anniversary(birth: IsoDate, n: u32) -> Option<IsoDate> {
    let total = i64::from(birth.year()) * 12 + i64::from(birth.month()) - 1 + i64::from(n);
    let year = i32::try_from(total.div_euclid(12)).ok()?;
    let month = u8::try_from(total.rem_euclid(12) + 1).ok()?;
    let mut day = birth.day();
    loop {
        if let Some(d) = IsoDate::from_ymd(year, month, day) {
            return Some(d);
        }
        if day <= 28 {
            return None;
        }
        day -= 1;
    }
}

/// `summary.validate` の結果 / Result of `summary.validate`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SummaryCheck {
    /// 基準日の年齢 / Age on `as_of` (absent if born after it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age: Option<Age>,
    /// 医療的ケアの種類 / Kinds of medical care received.
    pub care_kinds: Vec<CareKind>,
    /// 記録のない区分 / Parts with content but no provenance record.
    pub unrecorded_sections: Vec<Section>,
}

fn validate_operation(req: SummaryRequest) -> Computed<SummaryCheck> {
    // The findings are the summary's checks (`crate::checks`), run once by `execute`.
    let check = SummaryCheck {
        age: Age::on(req.summary.child.date_of_birth, req.as_of),
        care_kinds: req.summary.care_kinds(),
        unrecorded_sections: rules::unrecorded_sections(&req.summary),
    };
    Computed::new(Vec::new(), Some(check))
}

/// `summary.scores`: computes every score of [C-A]–[C-D] (`docs/sources.md`), with
/// findings pointing under `/summary/clinical`; the summary's checks (every `summary.*`
/// and `care.*` rule) come with the report, run once by `execute`. A child born after
/// `as_of` gets no result (`calendar.date.after_as_of`, from the checks).
fn scores_operation(req: SummaryRequest) -> Computed<crate::scores::ScoreResult> {
    let s = &req.summary;
    let birth = s.child.date_of_birth;
    if birth > req.as_of {
        return Computed::new(Vec::new(), None);
    }
    let base = Path::root().key("summary").key("clinical");
    let birth_path = Path::root()
        .key("summary")
        .key("child")
        .key("date_of_birth");
    let (result, findings) = crate::scores::compute_with(
        &s.clinical,
        birth,
        req.as_of,
        &base,
        &birth_path,
        crate::scores::EntitlementPolicy::default(),
    );
    Computed::new(findings, Some(result))
}

/// Operations of this module.
pub static OPS: &[Operation] = &[
    crate::operation!(
        "summary.validate",
        "対象児の情報集約を検証する",
        "Validate a child care summary",
        SummaryRequest => SummaryCheck,
        validate_operation
    ),
    crate::operation!(
        "summary.scores",
        "対象児の超重症児スコア・医療的ケア判定スコア・大島分類・医療型短期入所の利用根拠を求める",
        "Compute a child's super-severe score, medical care score, Oshima cell and short-stay grounds",
        SummaryRequest => crate::scores::ScoreResult,
        scores_operation
    ),
    crate::operation!(
        "summary.emergency_view",
        "救急医が最初に見るべき情報を一画面にまとめる",
        "The facts an emergency doctor needs first, on one screen",
        SummaryRequest => emergency::EmergencyView,
        emergency::operation,
        errors_only
    ),
    crate::operation!(
        "summary.timeline",
        "生年月日と基準日からライフステージの予定表を作る",
        "Life-stage timeline from the date of birth and as_of",
        SummaryRequest => timeline::Timeline,
        timeline::operation,
        errors_only
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> IsoDate {
        IsoDate::parse(s).unwrap()
    }

    #[test]
    fn age_in_years_and_months() {
        assert_eq!(
            Age::on(d("2020-01-31"), d("2020-02-28")),
            Some(Age {
                years: 0,
                months: 0
            })
        );
        assert_eq!(
            Age::on(d("2020-01-31"), d("2020-02-29")),
            Some(Age {
                years: 0,
                months: 1
            })
        );
        assert_eq!(
            Age::on(d("2020-04-02"), d("2026-04-01")),
            Some(Age {
                years: 5,
                months: 11
            })
        );
        assert_eq!(
            Age::on(d("2020-04-02"), d("2026-04-02")),
            Some(Age {
                years: 6,
                months: 0
            })
        );
        assert_eq!(Age::on(d("2020-04-02"), d("2020-04-01")), None);
    }
}
