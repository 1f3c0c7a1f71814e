//! 医療的ケア / The kinds of medical care a child receives and a facility can give.
//!
//! [`CareKind`] is the shared vocabulary: a child summary records which kinds a child
//! needs (with details in [`crate::summary`]), the scores of [`crate::scores`] read them,
//! and a short-stay facility ([`crate::shortstay`]) lists which kinds it can give.
//! [`ShortStayGround`] names the grounds on which a child may use 医療型短期入所
//! (CLINICAL.md D).

use serde::{Deserialize, Serialize};

macro_rules! care_kinds {
    ($( $(#[$m:meta])* $variant:ident => $ja:literal, $en:literal; )*) => {
        /// 医療的ケアの種類 / A kind of medical care.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
        /// (CLINICAL.md D).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum ShortStayGround {
            $( $(#[$m])* $variant, )*
        }
        impl ShortStayGround {
            /// Every ground, in CLINICAL.md order.
            pub const ALL: &'static [ShortStayGround] = &[$(ShortStayGround::$variant,)*];
            /// 日本語ラベル / Japanese label.
            pub const fn label_ja(self) -> &'static str {
                match self { $(ShortStayGround::$variant => $ja,)* }
            }
            /// English label.
            pub const fn label_en(self) -> &'static str {
                match self { $(ShortStayGround::$variant => $en,)* }
            }
            /// False for grounds found in one source only (CLINICAL.md marks them unconfirmed).
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
