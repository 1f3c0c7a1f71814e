//! 医療的ケア / The kinds of medical care a child receives and a facility can give.
//!
//! [`CareKind`] is the shared vocabulary: a child summary records which kinds a child
//! needs (with details in [`crate::summary`]), the scores of [`crate::scores`] read them,
//! and a short-stay facility ([`crate::shortstay`]) lists which kinds it can give.
//! [`ShortStayGround`] names the grounds on which a child may use 医療型短期入所
//! ([C-D], `docs/sources.md`).

use crate::calendar::IsoDate;
use crate::finding::{Finding, Label, Path, Rule};
use crate::labels::labelled_enum;
use serde::{Deserialize, Serialize};

macro_rules! care_kinds {
    ($( $(#[$m:meta])* $variant:ident => $ja:literal, $en:literal; )*) => {
        /// 医療的ケアの種類 / A kind of medical care.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum CareKind {
            $( $(#[$m])* $variant, )*
        }
        impl CareKind {
            /// Every kind, in catalogue order.
            pub const ALL: &'static [CareKind] = &[$(CareKind::$variant,)*];
            /// 日本語ラベル / Japanese label.
            pub const fn label_ja(self) -> &'static str {
                match self { $(CareKind::$variant => $ja,)* }
            }
            /// English label.
            pub const fn label_en(self) -> &'static str {
                match self { $(CareKind::$variant => $en,)* }
            }
        }
    };
}

care_kinds! {
    /// 人工呼吸器 / Ventilator (invasive, NIPPV, CPAP, high-flow, cough assist).
    Ventilator => "人工呼吸器", "ventilator";
    /// 気管切開 / Tracheostomy.
    Tracheostomy => "気管切開", "tracheostomy";
    /// 鼻咽頭エアウェイ / Nasopharyngeal airway.
    NasopharyngealAirway => "鼻咽頭エアウェイ", "nasopharyngeal airway";
    /// 酸素療法 / Oxygen therapy.
    Oxygen => "酸素療法", "oxygen therapy";
    /// 吸引 / Suctioning.
    Suctioning => "吸引", "suctioning";
    /// ネブライザー / Nebuliser.
    Nebulizer => "ネブライザー", "nebuliser";
    /// 経口摂取（全介助） / Oral feeding with full assistance.
    OralFeedingAssisted => "経口摂取（全介助）", "oral feeding, fully assisted";
    /// 経管栄養（経鼻胃管・胃ろう） / Tube feeding (nasogastric, gastrostomy).
    TubeFeeding => "経管栄養（経鼻胃管・胃ろう）", "tube feeding (nasogastric, gastrostomy)";
    /// 腸ろう・腸管栄養 / Jejunostomy or enteral (post-pyloric) feeding.
    EnteralFeeding => "腸ろう・腸管栄養", "jejunostomy / enteral feeding";
    /// 持続注入ポンプ / Continuous feeding pump.
    FeedingPump => "持続注入ポンプ", "continuous feeding pump";
    /// 中心静脈カテーテル（IVH） / Central venous line (IVH).
    CentralLine => "中心静脈カテーテル（IVH）", "central venous line (IVH)";
    /// 皮下注射 / Subcutaneous injection (insulin, opioids).
    SubcutaneousInjection => "皮下注射", "subcutaneous injection";
    /// 持続皮下注射ポンプ / Continuous subcutaneous infusion pump.
    SubcutaneousPump => "持続皮下注射ポンプ", "subcutaneous infusion pump";
    /// 血糖測定 / Blood glucose measurement (incl. continuous monitors).
    BloodGlucose => "血糖測定", "blood glucose measurement";
    /// 透析 / Dialysis (haemodialysis, peritoneal).
    Dialysis => "透析", "dialysis";
    /// 間欠的導尿 / Intermittent catheterisation.
    IntermittentCatheterization => "間欠的導尿", "intermittent catheterisation";
    /// 持続的導尿 / Continuous urinary drainage (indwelling catheter, cystostomy, nephrostomy, urostomy).
    ContinuousCatheterization => "持続的導尿", "continuous urinary drainage";
    /// 消化管ストーマ（人工肛門） / Intestinal stoma.
    Stoma => "消化管ストーマ（人工肛門）", "intestinal stoma";
    /// 摘便・洗腸 / Manual evacuation or bowel irrigation.
    BowelCare => "摘便・洗腸", "manual evacuation / bowel irrigation";
    /// 浣腸 / Enema.
    Enema => "浣腸", "enema";
    /// 痙攣時の対応（坐剤・吸引・酸素・迷走神経刺激装置） / Seizure care.
    SeizureCare => "痙攣時の対応", "seizure care";
    /// 体位交換 / Position changes.
    PositionChange => "体位交換", "position changes";
    /// 過緊張への対応（発汗による更衣と姿勢修正） / Care for hypertonia.
    HypertoniaCare => "過緊張への対応", "hypertonia care";
}

macro_rules! grounds {
    ($( $(#[$m:meta])* $variant:ident => $ja:literal, $en:literal, $confirmed:literal; )*) => {
        /// 医療型短期入所の利用根拠 / A ground on which a child may use 医療型短期入所
        /// ([C-D], `docs/sources.md`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum ShortStayGround {
            $( $(#[$m])* $variant, )*
        }
        impl ShortStayGround {
            /// Every ground, in the order of the source list ([C-D], `docs/sources.md`).
            pub const ALL: &'static [ShortStayGround] = &[$(ShortStayGround::$variant,)*];
            /// 日本語ラベル / Japanese label.
            pub const fn label_ja(self) -> &'static str {
                match self { $(ShortStayGround::$variant => $ja,)* }
            }
            /// English label.
            pub const fn label_en(self) -> &'static str {
                match self { $(ShortStayGround::$variant => $en,)* }
            }
            /// False for grounds found in one source only (marked unconfirmed in `docs/sources.md` [C-D]).
            pub const fn confirmed(self) -> bool {
                match self { $(ShortStayGround::$variant => $confirmed,)* }
            }
        }
    };
}

grounds! {
    /// 重症心身障害児（大島分類1〜4） / Severe motor and intellectual disabilities (Oshima 1–4).
    SevereMotorIntellectual => "重症心身障害児（大島分類1〜4）", "severe motor and intellectual disabilities (Oshima 1-4)", true;
    /// 障害支援区分6・気管切開を伴う人工呼吸器管理 / Support level 6 with tracheostomy ventilation.
    SupportLevel6Ventilator => "障害支援区分6で気管切開を伴う人工呼吸器管理", "support level 6 with tracheostomy ventilation", true;
    /// 障害支援区分5以上・進行性筋萎縮症 / Support level 5+ with progressive muscular atrophy.
    SupportLevel5MuscularDystrophy => "障害支援区分5以上で進行性筋萎縮症", "support level 5+ with progressive muscular atrophy", true;
    /// 障害支援区分5以上・重度の知的障害と肢体不自由 / Support level 5+ with severe intellectual and motor disability.
    SupportLevel5SevereDisability => "障害支援区分5以上で重度の知的障害及び肢体不自由", "support level 5+ with severe intellectual and motor disability", true;
    /// 遷延性意識障害等（区分1以上） / Persistent vegetative state or similar, incl. intractable diseases (level 1+).
    PersistentVegetativeState => "障害支援区分1以上で遷延性意識障害等", "support level 1+ in a persistent vegetative state or similar", true;
    /// ALS等の運動ニューロン疾患（区分1以上） / ALS or other motor neuron disease (level 1+).
    MotorNeuronDisease => "障害支援区分1以上で筋萎縮性側索硬化症等の運動ニューロン疾患", "support level 1+ with ALS or other motor neuron disease", true;
    /// 医療的ケア判定スコア16点以上（2021年追加） / Medical care score 16 or more (2021).
    MedicalCareScore16 => "医療的ケア判定スコア16点以上", "medical care score of 16 or more", true;
    /// 行動関連項目10点以上かつ医療的ケア判定スコア8点以上（未確認） / Behaviour score ≥ 10 and medical care score ≥ 8 (unconfirmed).
    BehaviourAndCareScore8 => "行動関連項目10点以上かつ医療的ケア判定スコア8点以上（未確認）", "behaviour score 10+ and medical care score 8+ (unconfirmed)", false;
    /// 遷延性意識障害かつ医療的ケア判定スコア8点以上（未確認） / Persistent vegetative state with medical care score ≥ 8 (unconfirmed).
    VegetativeAndCareScore8 => "遷延性意識障害かつ医療的ケア判定スコア8点以上（未確認）", "persistent vegetative state with medical care score 8+ (unconfirmed)", false;
}

// ---------------------------------------------------------------------------------------
// The clinical profile a child summary embeds, and its rules.
// ---------------------------------------------------------------------------------------

labelled_enum! {
    /// 見守りの度合い / Watch level (見守りスコア) of the medical care score: how quickly a
    /// carer must respond ([C-B], `docs/sources.md`).
    WatchLevel {
        /// 高 / High: a carer must respond at once.
        High => "高", "high";
        /// 中 / Medium.
        Medium => "中", "medium";
        /// 低 / Low (scores 0).
        Low => "低", "low";
    }
}

labelled_enum! {
    /// 運動機能 / Motor level, the columns of the Oshima classification ([C-C], `docs/sources.md`).
    MotorLevel {
        /// 走れる / Runs.
        Runs => "走れる", "runs";
        /// 歩ける / Walks.
        Walks => "歩ける", "walks";
        /// 歩行障害 / Walks with difficulty.
        WalksWithDifficulty => "歩行障害", "walks with difficulty";
        /// 座れる / Sits.
        Sits => "座れる", "sits";
        /// 寝たきり / Bedridden.
        Bedridden => "寝たきり", "bedridden";
    }
}

impl MotorLevel {
    /// True when the motor condition of the super-severe score holds: 「運動機能：座位まで」
    /// (sits or bedridden). A child who walks, even with difficulty, does not meet it.
    pub const fn up_to_sitting(self) -> bool {
        matches!(self, MotorLevel::Sits | MotorLevel::Bedridden)
    }
}

labelled_enum! {
    /// 人工呼吸器の種類 / Kind of ventilation ([C-A] row 1, [C-B] row 1, `docs/sources.md`).
    VentilationMode {
        /// 侵襲的人工呼吸（気管切開・挿管） / Invasive ventilation (tracheostomy or intubation).
        Invasive => "侵襲的人工呼吸", "invasive ventilation";
        /// 鼻マスク式補助換気法（NIPPV） / Non-invasive positive-pressure ventilation.
        Nippv => "鼻マスク式補助換気法（NIPPV）", "NIPPV";
        /// 持続陽圧呼吸（CPAP） / Continuous positive airway pressure.
        Cpap => "持続陽圧呼吸（CPAP）", "CPAP";
        /// ハイフローセラピー / High-flow nasal cannula therapy.
        HighFlow => "ハイフローセラピー", "high-flow therapy";
        /// 排痰補助装置（カフマシン） / Mechanical cough assist.
        CoughAssist => "排痰補助装置（カフマシン）", "cough assist";
        /// 間歇的陽圧吸入法（IPPB） / Intermittent positive-pressure breathing.
        Ippb => "間歇的陽圧吸入法", "intermittent positive-pressure breathing";
        /// 高頻度胸壁振動装置 / High-frequency chest-wall oscillation.
        ChestWallOscillation => "高頻度胸壁振動装置", "high-frequency chest-wall oscillation";
    }
}

impl VentilationMode {
    /// True for the devices super-severe row 1 counts only when used every day
    /// (「毎日行う」): NIPPV, CPAP and cough assist.
    pub const fn needs_daily_use(self) -> bool {
        matches!(
            self,
            VentilationMode::Nippv | VentilationMode::Cpap | VentilationMode::CoughAssist
        )
    }
    /// True for the devices that count for super-severe row 1 (レスピレーター管理):
    /// invasive ventilation, and NIPPV, CPAP and cough assist when used every day (the
    /// row's note 「毎日行う機械的気道加圧を要するカフマシン・NIPPV・CPAPなどは、
    /// レスピレーター管理に含む」; [`VentilationMode::needs_daily_use`]).
    /// High-flow, IPPB and chest-wall oscillation are named only by the medical care score.
    pub const fn counts_as_respirator(self) -> bool {
        matches!(
            self,
            VentilationMode::Invasive
                | VentilationMode::Nippv
                | VentilationMode::Cpap
                | VentilationMode::CoughAssist
        )
    }
}

labelled_enum! {
    /// 吸引の部位 / Where suctioning is done.
    SuctionSite {
        /// 口鼻腔 / Oral or nasal cavity.
        OralNasal => "口鼻腔", "oral / nasal";
        /// 気管内 / Tracheal (incl. through a tracheostomy).
        Tracheal => "気管内", "tracheal";
        /// 鼻咽頭エアウェイ内 / Through a nasopharyngeal airway.
        NasopharyngealAirway => "鼻咽頭エアウェイ内", "nasopharyngeal airway";
        /// その他 / Other.
        Other => "その他", "other";
    }
}

impl SuctionSite {
    /// True for the sites the medical care score counts (「口鼻腔又は気管内吸引に限る」).
    pub const fn counts_for_medical_care(self) -> bool {
        matches!(self, SuctionSite::OralNasal | SuctionSite::Tracheal)
    }
}

labelled_enum! {
    /// 栄養経路 / Feeding route of tube or enteral feeding.
    FeedingRoute {
        /// 経鼻胃管 / Nasogastric tube.
        Nasogastric => "経鼻胃管", "nasogastric tube";
        /// 胃瘻 / Gastrostomy.
        Gastrostomy => "胃瘻", "gastrostomy";
        /// 食道瘻 / Oesophagostomy.
        Esophagostomy => "食道瘻", "oesophagostomy";
        /// 経鼻腸管（ED チューブ） / Nasojejunal (nasoduodenal) tube.
        Nasojejunal => "経鼻腸管", "nasojejunal tube";
        /// 経胃瘻腸管 / Gastrojejunal tube through a gastrostomy.
        Gastrojejunal => "経胃瘻腸管", "gastrojejunal tube";
        /// 腸瘻 / Jejunostomy.
        Jejunostomy => "腸瘻", "jejunostomy";
    }
}

impl FeedingRoute {
    /// True for routes that end beyond the stomach (腸ろう・腸管栄養: super-severe row 9).
    pub const fn is_enteral(self) -> bool {
        matches!(
            self,
            FeedingRoute::Nasojejunal | FeedingRoute::Gastrojejunal | FeedingRoute::Jejunostomy
        )
    }
}

labelled_enum! {
    /// 持続的導尿の方法 / Kind of continuous urinary drainage.
    UrinaryRoute {
        /// 尿道留置カテーテル / Indwelling urethral catheter.
        UrethralCatheter => "尿道留置カテーテル", "indwelling urethral catheter";
        /// 膀胱瘻 / Cystostomy.
        Cystostomy => "膀胱瘻", "cystostomy";
        /// 腎瘻 / Nephrostomy.
        Nephrostomy => "腎瘻", "nephrostomy";
        /// 尿路ストーマ / Urostomy.
        Urostomy => "尿路ストーマ", "urostomy";
    }
}

impl UrinaryRoute {
    /// True for a 人工膀胱 (cystostomy or urostomy), which super-severe row 12 counts with
    /// 定期導尿. This project's reading: the table says only 「人工膀胱を含む」.
    pub const fn is_artificial_bladder(self) -> bool {
        matches!(self, UrinaryRoute::Cystostomy | UrinaryRoute::Urostomy)
    }
}

labelled_enum! {
    /// 痙攣時の対応 / What is done during a seizure (medical care score row 14).
    SeizureMeasure {
        /// 坐剤挿入 / Rectal suppository.
        Suppository => "坐剤挿入", "suppository";
        /// 吸引 / Suctioning.
        Suction => "吸引", "suctioning";
        /// 酸素投与 / Oxygen.
        Oxygen => "酸素投与", "oxygen";
        /// 迷走神経刺激装置の作動 / Activating a vagus nerve stimulator.
        VagusNerveStimulator => "迷走神経刺激装置の作動", "vagus nerve stimulator";
        /// 口腔・鼻腔内投与（点鼻等） / Buccal or intranasal medicine.
        BuccalOrNasal => "口腔・鼻腔内投与", "buccal or intranasal medicine";
        /// その他 / Other.
        Other => "その他", "other";
    }
}

labelled_enum! {
    /// 頻度の単位 / Unit of a frequency.
    Per {
        /// 1時間あたり / Per hour.
        Hour => "時間", "hour";
        /// 1日あたり / Per day.
        Day => "日", "day";
        /// 1週あたり / Per week.
        Week => "週", "week";
    }
}

labelled_enum! {
    /// 状態・疾患 / A condition that decides entitlement to 医療型短期入所 ([C-D], `docs/sources.md`).
    ClinicalCondition {
        /// 遷延性意識障害 / Persistent vegetative state.
        PersistentVegetativeState => "遷延性意識障害", "persistent vegetative state";
        /// 難病等（遷延性意識障害に準ずる状態） / Intractable disease or a similar state.
        IntractableDisease => "難病等（遷延性意識障害に準ずる状態）", "intractable disease or similar state";
        /// 筋萎縮性側索硬化症等の運動ニューロン疾患 / ALS or other motor neuron disease.
        MotorNeuronDisease => "運動ニューロン疾患（ALS 等）", "motor neuron disease (ALS etc.)";
        /// 進行性筋萎縮症 / Progressive muscular atrophy (muscular dystrophy).
        ProgressiveMuscularAtrophy => "進行性筋萎縮症", "progressive muscular atrophy";
    }
}

/// 頻度 / How often something is done: `times` per `per`.
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
pub struct Frequency {
    /// 回数 / Number of times (at least 1).
    #[cfg_attr(feature = "schema", schemars(range(min = 1)))]
    pub times: u16,
    /// 単位 / Per hour, day or week.
    pub per: Per,
}

impl Frequency {
    /// Times per week (saturating), the common unit the score thresholds compare in.
    pub fn per_week(self) -> u32 {
        let t = u32::from(self.times);
        match self.per {
            Per::Hour => t.saturating_mul(168),
            Per::Day => t.saturating_mul(7),
            Per::Week => t,
        }
    }
    /// True if at least `n` times a day on average.
    pub fn at_least_per_day(self, n: u32) -> bool {
        self.per_week() >= n.saturating_mul(7)
    }
    /// True if at least `n` times an hour on average (24·n a day).
    pub fn at_least_per_hour(self, n: u32) -> bool {
        self.per_week() >= n.saturating_mul(168)
    }
}

/// 医療的ケアの1項目 / One kind of medical care a child receives, with the detail the
/// scores need. Detail fields apply to some kinds only (each field says which); a field
/// given for another kind is the error `care.item.detail_not_applicable`.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CareItem {
    /// 種類 / Kind of care.
    pub kind: CareKind,
    /// 開始日 / Since when (for the 6-month and NICU 1-month rules of the super-severe score).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<IsoDate>,
    /// 見守り / Watch level, where the medical care score offers one for this kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub watch: Option<WatchLevel>,
    /// 人工呼吸器の種類 / Ventilation modes used (ventilator only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ventilation: Vec<VentilationMode>,
    /// 1日の使用時間 / Hours a day, 1–24 (ventilator and oxygen only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 24)))]
    pub hours_per_day: Option<u8>,
    /// 頻度 / How often (ventilator — for NIPPV, CPAP and cough assist, which the
    /// super-severe score counts only when used every day —, suctioning, nebuliser,
    /// catheterisation, position changes, hypertonia care, injections, glucose, dialysis,
    /// bowel care, enema, seizure care).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<Frequency>,
    /// 継続使用 / Used continuously (nebuliser only).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub continuous: bool,
    /// 吸引の部位 / Suction sites (suctioning only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suction_sites: Vec<SuctionSite>,
    /// 栄養経路 / Feeding route (tube feeding and enteral feeding only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feeding_route: Option<FeedingRoute>,
    /// 導尿の方法 / Kind of continuous drainage (continuous catheterisation only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urinary_route: Option<UrinaryRoute>,
    /// 痙攣時の対応 / Measures during a seizure (seizure care only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seizure_measures: Vec<SeizureMeasure>,
    /// 市販の使い捨てグリセリン浣腸のみ / Only small commercial disposable glycerin
    /// enemas (enema only; these do not count for the medical care score).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub commercial_glycerin_only: bool,
}

impl CareItem {
    /// An item of `kind` with no detail.
    pub fn new(kind: CareKind) -> Self {
        CareItem {
            kind,
            since: None,
            watch: None,
            ventilation: Vec::new(),
            hours_per_day: None,
            frequency: None,
            continuous: false,
            suction_sites: Vec::new(),
            feeding_route: None,
            urinary_route: None,
            seizure_measures: Vec::new(),
            commercial_glycerin_only: false,
        }
    }
}

/// SpO2 低値 / Time spent at SpO2 90% or below (super-severe row 4, without oxygen).
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
pub struct LowSpo2 {
    /// SpO2 90%以下の時間の割合（%） / Share of the time at SpO2 ≤ 90%, in percent (0–100).
    #[cfg_attr(feature = "schema", schemars(range(max = 100)))]
    pub percent_of_time: u8,
    /// 開始日 / Since when the state has lasted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<IsoDate>,
}

/// 臨床像 / The clinical profile of a child: the medical care received and the facts the
/// scores of [C-A]–[C-D] (`docs/sources.md`) read. A child summary embeds it.
#[derive(
    Debug,
    Clone,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    crate::input::Recover,
    crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ClinicalProfile {
    /// 医療的ケア / Medical care received, one item per kind.
    #[serde(default)]
    pub care: Vec<CareItem>,
    /// 運動機能 / Motor level, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub motor_level: Option<MotorLevel>,
    /// 知能指数（IQ） / Intelligence quotient (0–200), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(max = 200)))]
    pub iq: Option<u16>,
    /// 発達指数（DQ） / Developmental quotient (0–200), used for the Oshima band when no IQ is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(max = 200)))]
    pub dq: Option<u16>,
    /// NICU 退院日 / Date of discharge from the NICU (for the 1-month rule).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nicu_discharge: Option<IsoDate>,
    /// SpO2 低値 / Time at SpO2 ≤ 90%, where measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low_spo2: Option<LowSpo2>,
    /// 障害支援区分 / Disability support level 0–6 (0 = 非該当).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(max = 6)))]
    pub support_level: Option<u8>,
    /// 行動関連項目の合計点 / Behaviour-related score (0–24).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(max = 24)))]
    pub behaviour_score: Option<u8>,
    /// 状態・疾患 / Conditions that decide entitlement to 医療型短期入所.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<ClinicalCondition>,
}

impl ClinicalProfile {
    /// The kinds of care received, in document order, without repeats.
    pub fn care_kinds(&self) -> Vec<CareKind> {
        let mut out: Vec<CareKind> = Vec::new();
        for item in &self.care {
            if !out.contains(&item.kind) {
                out.push(item.kind);
            }
        }
        out
    }
    /// The first care item of `kind`, with its index in `care`.
    pub fn item(&self, kind: CareKind) -> Option<(usize, &CareItem)> {
        self.care.iter().enumerate().find(|(_, it)| it.kind == kind)
    }
    /// True if the care list has an item of `kind`.
    pub fn has(&self, kind: CareKind) -> bool {
        self.care.iter().any(|it| it.kind == kind)
    }
    /// True if `condition` is recorded.
    pub fn has_condition(&self, condition: ClinicalCondition) -> bool {
        self.conditions.contains(&condition)
    }
    /// The IQ, or the DQ when no IQ is recorded, with a flag that is true for DQ.
    pub fn intelligence(&self) -> Option<(u16, bool)> {
        match (self.iq, self.dq) {
            (Some(iq), _) => Some((iq, false)),
            (None, Some(dq)) => Some((dq, true)),
            (None, None) => None,
        }
    }
}

use crate::rule;

rule!(
    DUPLICATE_KIND,
    "care.item.duplicate",
    Error,
    "同じ種類の医療的ケア（{kind}）が二度記録されています",
    "The same kind of care ({kind}) is recorded twice"
);
pub use crate::calendar::{DATE_AFTER_AS_OF, DATE_BEFORE_BIRTH};
rule!(
    WATCH_NOT_OFFERED,
    "care.item.watch_not_offered",
    Error,
    "医療的ケア判定スコアの表にない見守りの度合いです（{kind}：見守り{watch}）",
    "The medical care score table offers no such watch level for this item ({kind}: watch {watch})"
);
rule!(
    DETAIL_NOT_APPLICABLE,
    "care.item.detail_not_applicable",
    Error,
    "この種類の医療的ケア（{kind}）には使えない項目です",
    "This detail does not apply to this kind of care ({kind})"
);
rule!(
    HOURS_OUT_OF_RANGE,
    "care.item.hours_out_of_range",
    Error,
    "1日の使用時間は1〜24時間です（{hours} 時間）",
    "Hours a day must be 1 to 24 ({hours} hours)"
);
rule!(
    FREQUENCY_NOT_POSITIVE,
    "care.frequency.not_positive",
    Error,
    "回数は1以上です",
    "The number of times must be at least 1"
);
rule!(
    FREQUENCY_IMPLAUSIBLE,
    "care.frequency.implausible",
    Warning,
    "回数が多すぎます（{times}回/{per}、1時間に60回を超えます）",
    "Implausibly frequent ({times} per {per}, more than 60 times an hour)"
);
rule!(
    SPO2_OUT_OF_RANGE,
    "care.spo2.out_of_range",
    Error,
    "SpO2 の割合は0〜100%です（{percent}%）",
    "The SpO2 share must be 0 to 100 percent ({percent}%)"
);
rule!(
    FEEDING_ROUTE_MISMATCH,
    "care.feeding.route_mismatch",
    Error,
    "栄養経路（{route}）がケアの種類（{kind}）と合いません（経管栄養は胃まで、腸管栄養は腸まで）",
    "The feeding route ({route}) does not match the kind ({kind}) (tube feeding ends in the stomach, enteral feeding beyond it)"
);
rule!(
    PUMP_WITHOUT_TUBE,
    "care.feeding_pump.without_tube",
    Warning,
    "持続注入ポンプがありますが経管栄養・腸管栄養の記録がありません",
    "A feeding pump is recorded without tube or enteral feeding"
);
rule!(
    VENTILATION_MODE_MISSING,
    "care.ventilator.mode_missing",
    Warning,
    "人工呼吸器の種類が記録されていません",
    "The kind of ventilation is not recorded"
);
rule!(
    DUPLICATE_VALUE,
    "care.item.duplicate_value",
    Error,
    "同じ値が二度あります",
    "The same value appears twice"
);
rule!(
    QUOTIENT_OUT_OF_RANGE,
    "care.quotient.out_of_range",
    Error,
    "IQ・DQ は0〜200です（{value}）",
    "IQ and DQ must be 0 to 200 ({value})"
);
rule!(
    SUPPORT_LEVEL_OUT_OF_RANGE,
    "care.support_level.out_of_range",
    Error,
    "障害支援区分は0（非該当）〜6です（{value}）",
    "The support level must be 0 (not applicable) to 6 ({value})"
);
rule!(
    BEHAVIOUR_SCORE_OUT_OF_RANGE,
    "care.behaviour_score.out_of_range",
    Error,
    "行動関連項目の合計点は0〜24点です（{value} 点）",
    "The behaviour score must be 0 to 24 ({value})"
);
rule!(
    DUPLICATE_CONDITION,
    "care.condition.duplicate",
    Error,
    "同じ状態・疾患（{condition}）が二度記録されています",
    "The same condition ({condition}) is recorded twice"
);

/// Every rule of the clinical profile.
pub const RULES: &[&Rule] = &[
    &DUPLICATE_KIND,
    &WATCH_NOT_OFFERED,
    &DETAIL_NOT_APPLICABLE,
    &HOURS_OUT_OF_RANGE,
    &FREQUENCY_NOT_POSITIVE,
    &FREQUENCY_IMPLAUSIBLE,
    &SPO2_OUT_OF_RANGE,
    &FEEDING_ROUTE_MISMATCH,
    &PUMP_WITHOUT_TUBE,
    &VENTILATION_MODE_MISSING,
    &DUPLICATE_VALUE,
    &QUOTIENT_OUT_OF_RANGE,
    &SUPPORT_LEVEL_OUT_OF_RANGE,
    &BEHAVIOUR_SCORE_OUT_OF_RANGE,
    &DUPLICATE_CONDITION,
];

/// Kinds for which a `frequency` may be given.
const fn takes_frequency(kind: CareKind) -> bool {
    use CareKind as K;
    matches!(
        kind,
        K::Ventilator
            | K::Suctioning
            | K::Nebulizer
            | K::IntermittentCatheterization
            | K::PositionChange
            | K::HypertoniaCare
            | K::SubcutaneousInjection
            | K::BloodGlucose
            | K::Dialysis
            | K::BowelCare
            | K::Enema
            | K::SeizureCare
    )
}

/// Labels as a finding argument.
const fn label(ja: &'static str, en: &'static str) -> Label {
    Label { code: "", ja, en }
}

fn check_date(
    date: IsoDate,
    path: &Path,
    birth: IsoDate,
    as_of: IsoDate,
    findings: &mut Vec<Finding>,
) {
    if date < birth {
        findings.push(
            DATE_BEFORE_BIRTH
                .at(path)
                .with("date", date)
                .with("birth", birth),
        );
    } else if date > as_of {
        findings.push(
            DATE_AFTER_AS_OF
                .at(path)
                .with("date", date)
                .with("as_of", as_of),
        );
    }
}

fn check_unique<T: PartialEq>(values: &[T], path: &Path, findings: &mut Vec<Finding>) {
    for (i, v) in values.iter().enumerate() {
        if values.iter().take(i).any(|w| w == v) {
            findings.push(DUPLICATE_VALUE.at(path.index(i)));
        }
    }
}

fn check_item(
    item: &CareItem,
    path: &Path,
    birth: IsoDate,
    as_of: IsoDate,
    findings: &mut Vec<Finding>,
) {
    use CareKind as K;
    let kind = item.kind;
    if let Some(since) = item.since {
        check_date(since, &path.key("since"), birth, as_of, findings);
    }
    if let Some(level) = item.watch
        && !crate::scores::medical_care::watch_offered(kind, level)
    {
        findings.push(
            WATCH_NOT_OFFERED
                .at(path.key("watch"))
                .with("kind", label(kind.label_ja(), kind.label_en()))
                .with("watch", label(level.label_ja(), level.label_en())),
        );
    }
    let not_applicable = |field: &str, findings: &mut Vec<Finding>| {
        findings.push(
            DETAIL_NOT_APPLICABLE
                .at(path.key(field))
                .with("kind", label(kind.label_ja(), kind.label_en())),
        );
    };
    // Ventilation modes.
    if kind == K::Ventilator {
        if item.ventilation.is_empty() {
            findings.push(VENTILATION_MODE_MISSING.at(path.key("kind")));
        }
        check_unique(&item.ventilation, &path.key("ventilation"), findings);
    } else if !item.ventilation.is_empty() {
        not_applicable("ventilation", findings);
    }
    // Hours a day.
    if let Some(h) = item.hours_per_day {
        if !matches!(kind, K::Ventilator | K::Oxygen) {
            not_applicable("hours_per_day", findings);
        } else if !(1..=24).contains(&h) {
            findings.push(
                HOURS_OUT_OF_RANGE
                    .at(path.key("hours_per_day"))
                    .with("hours", h),
            );
        }
    }
    // Frequency.
    if let Some(f) = item.frequency {
        let fp = path.key("frequency");
        if !takes_frequency(kind) {
            not_applicable("frequency", findings);
        } else if f.times == 0 {
            findings.push(FREQUENCY_NOT_POSITIVE.at(fp.key("times")));
        } else if f.per_week() > 60 * 168 {
            findings.push(
                FREQUENCY_IMPLAUSIBLE
                    .at(fp.key("times"))
                    .with("times", f.times)
                    .with("per", label(f.per.label_ja(), f.per.label_en())),
            );
        }
    }
    if item.continuous && kind != K::Nebulizer {
        not_applicable("continuous", findings);
    }
    if kind == K::Suctioning {
        check_unique(&item.suction_sites, &path.key("suction_sites"), findings);
    } else if !item.suction_sites.is_empty() {
        not_applicable("suction_sites", findings);
    }
    if let Some(route) = item.feeding_route {
        match kind {
            K::TubeFeeding | K::EnteralFeeding => {
                if route.is_enteral() != (kind == K::EnteralFeeding) {
                    findings.push(
                        FEEDING_ROUTE_MISMATCH
                            .at(path.key("feeding_route"))
                            .with("route", label(route.label_ja(), route.label_en()))
                            .with("kind", label(kind.label_ja(), kind.label_en())),
                    );
                }
            }
            _ => not_applicable("feeding_route", findings),
        }
    }
    if item.urinary_route.is_some() && kind != K::ContinuousCatheterization {
        not_applicable("urinary_route", findings);
    }
    if kind == K::SeizureCare {
        check_unique(
            &item.seizure_measures,
            &path.key("seizure_measures"),
            findings,
        );
    } else if !item.seizure_measures.is_empty() {
        not_applicable("seizure_measures", findings);
    }
    if item.commercial_glycerin_only && kind != K::Enema {
        not_applicable("commercial_glycerin_only", findings);
    }
}

/// Checks a clinical profile found at `path` for a child born on `birth`, as of `as_of`,
/// and appends every `care.*` finding to `findings` (paths point into the input).
pub fn validate_clinical(
    profile: &ClinicalProfile,
    path: &Path,
    birth: IsoDate,
    as_of: IsoDate,
    findings: &mut Vec<Finding>,
) {
    let care_path = path.key("care");
    let mut seen = crate::index::Seen::new();
    for (i, item) in profile.care.iter().enumerate() {
        let ip = care_path.index(i);
        if !seen.insert(item.kind) {
            findings.push(
                DUPLICATE_KIND
                    .at(ip.key("kind"))
                    .with("kind", label(item.kind.label_ja(), item.kind.label_en())),
            );
        }
        check_item(item, &ip, birth, as_of, findings);
    }
    if profile.has(CareKind::FeedingPump)
        && !profile.has(CareKind::TubeFeeding)
        && !profile.has(CareKind::EnteralFeeding)
        && let Some((i, _)) = profile.item(CareKind::FeedingPump)
    {
        findings.push(PUMP_WITHOUT_TUBE.at(care_path.index(i).key("kind")));
    }
    for (field, value) in [("iq", profile.iq), ("dq", profile.dq)] {
        if let Some(v) = value
            && v > 200
        {
            findings.push(QUOTIENT_OUT_OF_RANGE.at(path.key(field)).with("value", v));
        }
    }
    if let Some(d) = profile.nicu_discharge {
        check_date(d, &path.key("nicu_discharge"), birth, as_of, findings);
    }
    if let Some(low) = profile.low_spo2 {
        let lp = path.key("low_spo2");
        if low.percent_of_time > 100 {
            findings.push(
                SPO2_OUT_OF_RANGE
                    .at(lp.key("percent_of_time"))
                    .with("percent", low.percent_of_time),
            );
        }
        if let Some(since) = low.since {
            check_date(since, &lp.key("since"), birth, as_of, findings);
        }
    }
    if let Some(l) = profile.support_level
        && l > 6
    {
        findings.push(
            SUPPORT_LEVEL_OUT_OF_RANGE
                .at(path.key("support_level"))
                .with("value", l),
        );
    }
    if let Some(s) = profile.behaviour_score
        && s > 24
    {
        findings.push(
            BEHAVIOUR_SCORE_OUT_OF_RANGE
                .at(path.key("behaviour_score"))
                .with("value", s),
        );
    }
    for (i, c) in profile.conditions.iter().enumerate() {
        if profile.conditions.iter().take(i).any(|d| d == c) {
            findings.push(
                DUPLICATE_CONDITION
                    .at(path.key("conditions").index(i))
                    .with("condition", label(c.label_ja(), c.label_en())),
            );
        }
    }
}
