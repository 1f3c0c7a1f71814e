//! 救急時情報シート / The printable emergency sheet and its offline QR code.
//!
//! `summary.emergency_sheet` turns a [`SummaryRequest`] into one self-contained HTML
//! document for A4 paper (inline CSS, no script, no external font or image, the QR code
//! as inline SVG), at most two pages, readable in black and white, Japanese first. It is
//! rendered from the emergency view ([`crate::summary::emergency`]) and the summary's
//! lists, in this order: who, main diagnoses, what to do in an emergency, airway and
//! every device with its settings, medical care, medicines, allergies, contacts in
//! calling order, care team, baseline vital signs, and who recorded each part when.
//!
//! Every input text goes through one escape function ([`html::escape`]); long texts are
//! cut with a visible "…（省略）". When the estimate of the printed length is over two
//! pages, the lower-priority parts ([`SHORTEN_ORDER`]) are shortened with a visible note
//! and the info finding `sheet.part.shortened`, never silently.
//!
//! The QR code holds the emergency essentials in the `KY1` format ([`qr`], documented in
//! `docs/emergency-qr.md`); `sheet.read_qr` turns the payload text back into data.
//!
//! | code | severity | when |
//! |---|---|---|
//! | `sheet.part.shortened` | info | a part of the sheet was shortened to fit two pages |
//! | `sheet.qr.subset` | info | some essentials did not fit in the QR code and were left out |
//! | `sheet.qr.none` | info | no QR code could be made (not even the child fits) |
//! | `sheet.qr.prefix` | error | the text is not a kyoten emergency QR payload (no `KY1:`) |
//! | `sheet.qr.version` | error | a payload of a format version this library does not read |
//! | `sheet.qr.character` | error | a character a QR payload cannot contain |
//! | `sheet.qr.truncated` | error | the payload is cut off |
//! | `sheet.qr.checksum` | error | the payload was changed or damaged (checksum mismatch) |
//! | `sheet.qr.contents` | error | the payload decodes but does not hold format `KY1` data |

pub mod base45;
pub mod html;
pub mod qr;

use crate::finding::{Finding, Label, Path, Rule, Severity};
use crate::ops::{Computed, Operation};
use crate::summary::emergency::{self, EmergencySection, EmergencyView};
use crate::summary::{
    AllergyCategory, AllergySeverity, AllergyStatus, CareRole, ChildSummary, SettingParameter,
    SummaryRequest,
};
use html::{escape, text, width};
use serde::{Deserialize, Serialize};

use crate::rule;

rule!(
    PART_SHORTENED,
    "sheet.part.shortened",
    Info,
    "用紙を2ページに収めるため一部を省略しました（{part} {count}件）",
    "Some items were left out to fit the sheet on two pages ({part}: {count} left out)"
);
rule!(
    QR_SUBSET,
    "sheet.qr.subset",
    Info,
    "QRコードに入りきらない項目 {count}件を省きました（用紙には記載）",
    "{count} items did not fit in the QR code and were left out of it (they are on the sheet)"
);
rule!(
    QR_NONE,
    "sheet.qr.none",
    Info,
    "QRコードを作れませんでした（すべての項目は用紙に記載）",
    "No QR code could be made (every item is on the sheet)",
    "The QR code holds the child and the emergency essentials; items are left out of it, \
     lowest priority first, until it fits a version-25 symbol. When even the child's own \
     details do not fit, the sheet is printed without a code. Nothing is lost: the sheet \
     prints everything."
);
rule!(
    QR_PREFIX,
    "sheet.qr.prefix",
    Error,
    "救急時情報シートのQRコードの内容ではありません（KY1: で始まりません）",
    "This is not the content of an emergency sheet's QR code (it does not start with KY1:)"
);
rule!(
    QR_VERSION,
    "sheet.qr.version",
    Error,
    "このQRコードの形式の版には対応していません",
    "This QR code's format version cannot be read by this program"
);
rule!(
    QR_CHARACTER,
    "sheet.qr.character",
    Error,
    "QRコードの内容の {position} 文字目に使えない文字があります（読み取り時に日本語入力がオンだった可能性があります）",
    "Character {position} of the text cannot be in a QR payload (the Japanese input method may have been on while scanning)"
);
rule!(
    QR_TRUNCATED,
    "sheet.qr.truncated",
    Error,
    "QRコードの内容が途中で切れています",
    "The QR code's text is cut off"
);
rule!(
    QR_CHECKSUM,
    "sheet.qr.checksum",
    Error,
    "QRコードの内容が壊れているか書き換えられています（検査値が合いません）",
    "The QR code's text is damaged or was changed (the check value does not match)"
);
rule!(
    QR_CONTENTS,
    "sheet.qr.contents",
    Error,
    "QRコードの内容を救急時情報として読めません",
    "The QR code's content cannot be read as emergency information"
);

/// The rules of this module.
pub static RULES: &[&Rule] = &[
    &PART_SHORTENED,
    &QR_SUBSET,
    &QR_NONE,
    &QR_PREFIX,
    &QR_VERSION,
    &QR_CHARACTER,
    &QR_TRUNCATED,
    &QR_CHECKSUM,
    &QR_CONTENTS,
];

crate::labels::labelled_enum! {
    /// 救急時情報シートの区分 / A part of the emergency sheet, in print order.
    SheetPart {
        /// 本人 / The child.
        Child => "本人", "child";
        /// 主な診断 / Main diagnoses.
        Diagnoses => "主な診断", "main diagnoses";
        /// 緊急時の対応 / What to do in an emergency.
        Emergency => "緊急時の対応", "what to do in an emergency";
        /// 呼吸・気道と医療機器 / Airway, breathing and devices.
        Devices => "呼吸・気道と医療機器", "airway, breathing and devices";
        /// 医療的ケア / Medical care.
        Care => "医療的ケア", "medical care";
        /// 薬 / Medicines.
        Medications => "薬", "medicines";
        /// アレルギー / Allergies.
        Allergies => "アレルギー", "allergies";
        /// 連絡先（かける順） / Contacts, in calling order.
        Contacts => "連絡先（かける順）", "contacts in calling order";
        /// 支援チーム / Care team.
        CareTeam => "支援チーム", "care team";
        /// 平常時のバイタルサイン / Baseline vital signs.
        Baseline => "平常時のバイタルサイン", "baseline vital signs";
        /// 記録者と記録日 / Who recorded each part, and when.
        Provenance => "記録者と記録日", "who recorded each part, and when";
    }
}

/// The order in which parts are shortened when the sheet would run over two pages
/// (first shortened first). The child, resuscitation wishes and destination are never cut.
pub const SHORTEN_ORDER: &[SheetPart] = &[
    SheetPart::Provenance,
    SheetPart::CareTeam,
    SheetPart::Care,
    SheetPart::Diagnoses,
    SheetPart::Medications,
    SheetPart::Contacts,
    SheetPart::Devices,
    SheetPart::Allergies,
    SheetPart::Emergency,
];

/// Estimated lines the two A4 pages hold (9 pt text at 1.35 line height, 10 mm margins:
/// 64 lines a page), less room for page breaks.
pub const PAGE_BUDGET_LINES: usize = 126;
/// Full-width characters per printed line, for the estimate (190 mm at 9 pt holds 59;
/// cell padding and word wrapping lose some).
const LINE_CHARS: usize = 54;
/// Longest printed name, in characters.
pub const MAX_NAME_CHARS: usize = 60;
/// Longest printed cell text, in characters.
pub const MAX_CELL_CHARS: usize = 160;
/// Fewest rows a shortened part keeps.
const MIN_ROWS: usize = 2;
/// Width of the printed QR code, in millimetres.
pub const QR_SIZE_MM: u32 = 56;

/// `summary.emergency_sheet` の結果 / Result of `summary.emergency_sheet`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, crate::emit::Emit)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EmergencySheet {
    /// 印刷用HTML（A4・2ページまで、外部参照なし） / The printable HTML document (A4, at most two pages, nothing external).
    pub html: String,
    /// QRコードの内容（KY1形式） / The QR code's payload text (format KY1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qr_payload: Option<String>,
    /// QRコードの型番（1〜25、誤り訂正レベルM） / The QR code's version (1–25, error correction M).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qr_version: Option<u32>,
    /// QRコードに入らなかった項目数 / Items left out of the QR code to fit.
    pub qr_left_out: u32,
    /// 短縮した区分 / Parts shortened to fit two pages.
    pub shortened: Vec<SheetPart>,
}

/// `sheet.read_qr` の入力 / Input of `sheet.read_qr`: the text a 2D scanner typed.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct QrPayload {
    /// JSON Schema の URL（任意） / URL of this document's JSON Schema (optional).
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// 文書形式の版（任意、無ければ 1） / Document format version (optional; absent means 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<crate::version::FormatVersion>,
    /// QRコードの内容（KY1: で始まる文字列） / The QR code's text, starting with `KY1:`.
    pub payload: String,
}

/// One part as rows of cells, before printing.
struct Part {
    part: SheetPart,
    headers: &'static [(&'static str, usize)],
    rows: Vec<Vec<String>>,
    /// Rows left out by the emergency view itself (its one-screen caps).
    view_omitted: usize,
    /// Rows kept after shortening.
    keep: usize,
    /// Where the list is in the input.
    at: Path,
    /// A line printed above the table (not shortened).
    lead: Option<String>,
}

impl Part {
    fn new(
        part: SheetPart,
        headers: &'static [(&'static str, usize)],
        rows: Vec<Vec<String>>,
        at: Path,
    ) -> Self {
        let keep = rows.len();
        Part {
            part,
            headers,
            rows,
            view_omitted: 0,
            keep,
            at,
            lead: None,
        }
    }

    /// Estimated height of a row in tenths of a line: its tallest cell, plus padding.
    fn row_tenths(&self, row: &[String]) -> usize {
        let tallest = if self.headers.is_empty() {
            lines_of(&row.join(" "), 100)
        } else {
            row.iter()
                .zip(self.headers.iter())
                .map(|(c, (_, pct))| lines_of(c, *pct))
                .max()
                .unwrap_or(1)
        };
        tallest * 10 + if self.headers.is_empty() { 0 } else { 3 }
    }

    /// Estimated height of the part, in tenths of a line.
    fn tenths(&self) -> usize {
        let head = 22 + if self.headers.is_empty() { 0 } else { 13 };
        let lead = self.lead.as_ref().map_or(0, |l| lines_of(l, 100) * 10);
        let body: usize = self
            .rows
            .iter()
            .take(self.keep)
            .map(|r| self.row_tenths(r))
            .sum();
        let note = if self.keep < self.rows.len() || self.view_omitted > 0 {
            14
        } else {
            0
        };
        head + lead + body + note
    }
}

/// Printed lines of `s` in a column `pct` percent of the page wide.
fn lines_of(s: &str, pct: usize) -> usize {
    let per_line = (LINE_CHARS * pct / 100).max(1);
    width(&html::clip(s, MAX_CELL_CHARS))
        .div_ceil(per_line)
        .max(1)
}

fn num(v: f64) -> String {
    crate::number_text::shortest(v)
}

fn setting_text(p: SettingParameter, v: f64) -> String {
    let value = if p == SettingParameter::InnerDiameterMm {
        crate::number_text::tenths(v)
    } else {
        num(v)
    };
    format!("{} {}{}", p.label_ja(), value, p.unit())
}

fn view_items(view: &EmergencyView, section: EmergencySection) -> (Vec<String>, usize) {
    view.sections
        .iter()
        .find(|b| b.section == section)
        .map(|b| {
            (
                b.items.clone(),
                usize::try_from(b.omitted).unwrap_or(usize::MAX),
            )
        })
        .unwrap_or_default()
}

fn member_name(s: &ChildSummary, id: &str) -> Option<String> {
    s.care_team
        .iter()
        .find(|m| m.id == id)
        .map(|m| match &m.person {
            Some(p) => format!("{} {}", m.organisation, p),
            None => m.organisation.clone(),
        })
}

fn parts(s: &ChildSummary, view: &EmergencyView) -> Vec<Part> {
    let root = Path::root().key("summary");
    let mut out = Vec::new();

    // Main diagnoses, main first.
    let mut dx: Vec<&crate::summary::Diagnosis> = s.diagnoses.iter().collect();
    dx.sort_by_key(|d| !d.primary);
    let rows = dx
        .iter()
        .map(|d| {
            vec![
                if d.primary {
                    format!("◎ {}", d.name)
                } else {
                    d.name.clone()
                },
                d.icd10.clone().unwrap_or_default(),
                d.diagnosed_on.map(|x| x.to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    out.push(Part::new(
        SheetPart::Diagnoses,
        &[("診断名（◎主診断）", 64), ("ICD-10", 16), ("診断日", 20)],
        rows,
        root.key("diagnoses"),
    ));

    // What to do: resuscitation wishes and destination as the lead, then each situation.
    let plan = s.emergency_plan.as_ref();
    let mut lead = match plan {
        Some(p) => format!("蘇生: {}", p.resuscitation.label_ja()),
        None => "緊急時の対応計画が登録されていません".to_owned(),
    };
    if let Some(p) = plan {
        match p.destination.as_deref().and_then(|d| member_name(s, d)) {
            Some(d) => lead.push_str(&format!("　／　搬送先: {d}")),
            None => lead.push_str("　／　搬送先: 記載なし"),
        }
        if let Some(d) = p.agreed_on {
            lead.push_str(&format!("　／　取り決め日 {d}"));
        }
    }
    let rows = plan
        .map(|p| {
            p.actions
                .iter()
                .map(|a| vec![a.situation.label_ja().to_owned(), a.action.clone()])
                .collect()
        })
        .unwrap_or_default();
    let mut emergency_part = Part::new(
        SheetPart::Emergency,
        &[("状況", 24), ("対応", 76)],
        rows,
        root.key("emergency_plan").key("actions"),
    );
    emergency_part.lead = Some(lead);
    out.push(emergency_part);

    // Every device, airway first, with its settings.
    let mut devices: Vec<&crate::summary::Device> = s.devices.iter().collect();
    devices.sort_by_key(|d| !d.kind.is_airway());
    let rows = devices
        .iter()
        .map(|d| {
            let mut what = Vec::new();
            what.extend(d.product.clone());
            what.extend(d.mode.clone());
            let settings: Vec<String> = d
                .settings
                .iter()
                .map(|st| setting_text(st.parameter, st.value))
                .collect();
            let mut when = Vec::new();
            if let Some(c) = d.last_changed {
                when.push(format!("交換 {c}"));
            }
            if let Some(sup) = d.supplier.as_deref() {
                when.push(format!(
                    "業者 {}",
                    member_name(s, sup).unwrap_or_else(|| sup.to_owned())
                ));
            }
            let mut settings = settings.join("、");
            if let Some(n) = &d.note {
                if !settings.is_empty() {
                    settings.push('　');
                }
                settings.push_str(&format!("（{n}）"));
            }
            vec![
                d.kind.label_ja().to_owned(),
                what.join(" "),
                settings,
                when.join(" "),
            ]
        })
        .collect();
    out.push(Part::new(
        SheetPart::Devices,
        &[
            ("機器", 16),
            ("製品・モード", 24),
            ("設定・サイズ", 38),
            ("交換日・業者", 22),
        ],
        rows,
        root.key("devices"),
    ));

    // Medical care, as the view words it.
    let (items, omitted) = view_items(view, EmergencySection::Care);
    let mut care = Part::new(
        SheetPart::Care,
        &[],
        items.into_iter().map(|i| vec![i]).collect(),
        root.key("clinical").key("care"),
    );
    care.view_omitted = omitted;
    out.push(care);

    // Medicines: rescue first, with doses, times and when to give them.
    let mut meds: Vec<&crate::summary::Medication> = s.medications.iter().collect();
    meds.sort_by_key(|m| !m.rescue);
    let rows = meds
        .iter()
        .map(|m| {
            let mut when = Vec::new();
            if m.rescue {
                when.push("【緊急時】".to_owned());
            } else if m.as_needed {
                when.push("頓用".to_owned());
            }
            when.extend(m.indication.clone());
            vec![
                m.name.clone(),
                m.dose.clone().unwrap_or_default(),
                m.route.label_ja().to_owned(),
                m.times_per_day
                    .map(|n| format!("1日{n}回"))
                    .unwrap_or_default(),
                when.join(" "),
            ]
        })
        .collect();
    out.push(Part::new(
        SheetPart::Medications,
        &[
            ("薬", 30),
            ("量", 14),
            ("経路", 9),
            ("回数", 9),
            ("使うとき", 38),
        ],
        rows,
        root.key("medications"),
    ));

    // Allergies: drugs and the most severe first.
    let mut allergy = match s.allergies.status {
        AllergyStatus::Present => {
            let mut items: Vec<&crate::summary::Allergy> = s.allergies.items.iter().collect();
            items.sort_by_key(|a| {
                (
                    a.category != AllergyCategory::Drug,
                    std::cmp::Reverse(a.severity.unwrap_or(AllergySeverity::Mild)),
                )
            });
            let rows = items
                .iter()
                .map(|a| {
                    vec![
                        a.substance.clone(),
                        a.category.label_ja().to_owned(),
                        a.severity
                            .map(|x| x.label_ja().to_owned())
                            .unwrap_or_default(),
                        a.reaction.clone().unwrap_or_default(),
                    ]
                })
                .collect();
            Part::new(
                SheetPart::Allergies,
                &[("原因", 34), ("種類", 14), ("重さ", 16), ("症状", 36)],
                rows,
                root.key("allergies").key("items"),
            )
        }
        other => Part::new(
            SheetPart::Allergies,
            &[],
            vec![vec![other.label_ja().to_owned()]],
            root.key("allergies"),
        ),
    };
    if s.allergies.status == AllergyStatus::Present {
        allergy.lead = Some(AllergyStatus::Present.label_ja().to_owned());
    }
    out.push(allergy);

    // Contacts in calling order.
    let rows = s
        .emergency_contacts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            vec![
                format!("{}", i + 1),
                c.relationship.label_ja().to_owned(),
                c.name.clone(),
                c.phone.clone().unwrap_or_else(|| "電話番号なし".to_owned()),
                c.phone_alt.clone().unwrap_or_default(),
                c.note.clone().unwrap_or_default(),
            ]
        })
        .collect();
    out.push(Part::new(
        SheetPart::Contacts,
        &[
            ("順", 4),
            ("続柄", 10),
            ("氏名", 22),
            ("電話", 18),
            ("別の電話", 18),
            ("備考", 28),
        ],
        rows,
        root.key("emergency_contacts"),
    ));

    // Care team: doctors, visiting nurses and the counsellor first.
    let rank = |r: CareRole| match r {
        CareRole::PrimaryDoctor => 0,
        CareRole::PrimaryHospital => 1,
        CareRole::EmergencyHospital => 2,
        CareRole::VisitingNurseStation => 3,
        CareRole::Counsellor => 4,
        CareRole::Coordinator => 5,
        CareRole::LocalDoctor => 6,
        _ => 7,
    };
    let mut team: Vec<&crate::summary::CareTeamMember> = s.care_team.iter().collect();
    team.sort_by_key(|m| rank(m.role));
    let rows = team
        .iter()
        .map(|m| {
            vec![
                m.role.label_ja().to_owned(),
                m.organisation.clone(),
                m.person.clone().unwrap_or_default(),
                m.phone.clone().unwrap_or_default(),
                m.phone_out_of_hours.clone().unwrap_or_default(),
            ]
        })
        .collect();
    out.push(Part::new(
        SheetPart::CareTeam,
        &[
            ("役割", 22),
            ("機関", 34),
            ("担当", 14),
            ("電話", 15),
            ("夜間・休日", 15),
        ],
        rows,
        root.key("care_team"),
    ));

    // Baseline vital signs, as the view words them.
    let (items, omitted) = view_items(view, EmergencySection::Baseline);
    let mut baseline = Part::new(
        SheetPart::Baseline,
        &[],
        vec![vec![items.join("　")]],
        root.key("vital_signs"),
    );
    baseline.view_omitted = omitted;
    if let Some(v) = &s.vital_signs {
        baseline.lead = Some(format!("測定日 {}", v.measured_on));
    }
    out.push(baseline);

    // Who recorded each part, and when: parts recorded on one day by one person share a row.
    let mut rows: Vec<Vec<String>> = Vec::new();
    for p in &s.provenance {
        let by = p
            .member
            .as_deref()
            .and_then(|m| member_name(s, m))
            .or_else(|| p.recorded_by.clone())
            .unwrap_or_default();
        let date = p.recorded_on.to_string();
        let role = p.role.label_ja().to_owned();
        let same = rows
            .iter_mut()
            .find(|r| r.get(1) == Some(&date) && r.get(2) == Some(&role) && r.get(3) == Some(&by));
        match same.and_then(|r| r.first_mut()) {
            Some(sections) => {
                sections.push('・');
                sections.push_str(p.section.label_ja());
            }
            None => rows.push(vec![p.section.label_ja().to_owned(), date, role, by]),
        }
    }
    out.push(Part::new(
        SheetPart::Provenance,
        &[
            ("区分", 42),
            ("記録日", 14),
            ("記録者", 16),
            ("所属・氏名", 28),
        ],
        rows,
        root.key("provenance"),
    ));
    out
}

/// Lines of the header (title, the child, the QR code beside: 72 mm).
const HEADER_LINES: usize = 17;

/// Row limits tried in turn when shortening, most generous first.
const SHORTEN_LEVELS: &[usize] = &[24, 16, 12, 8, 5, MIN_ROWS];

/// Shortens parts until the estimate fits [`PAGE_BUDGET_LINES`]: at each limit of
/// [`SHORTEN_LEVELS`], the parts of [`SHORTEN_ORDER`] in turn, one row at a time, so that
/// the cuts are spread (no part loses nearly everything while another keeps 30 rows).
fn fit(parts: &mut [Part]) {
    let total = |parts: &[Part]| {
        HEADER_LINES + 2 + parts.iter().map(Part::tenths).sum::<usize>().div_ceil(10)
    };
    for level in SHORTEN_LEVELS {
        for which in SHORTEN_ORDER {
            while total(parts) > PAGE_BUDGET_LINES {
                let Some(p) = parts.iter_mut().find(|p| p.part == *which) else {
                    break;
                };
                if p.keep <= *level {
                    break;
                }
                p.keep -= 1;
            }
        }
    }
}

const CSS: &str = "\
@page{size:A4;margin:10mm}\
*{box-sizing:border-box}\
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}\
body{margin:0;color:#000;background:#fff;font-family:Meiryo,\"メイリオ\",\"Yu Gothic\",YuGothic,\"游ゴシック\",\"Hiragino Sans\",\"Hiragino Kaku Gothic ProN\",\"ヒラギノ角ゴ ProN\",\"Noto Sans CJK JP\",\"Noto Sans JP\",\"IPAexGothic\",\"IPAGothic\",sans-serif;font-size:9pt;line-height:1.35}\
main{width:190mm}\
h1{font-size:14pt;margin:0 0 1mm;border-bottom:1.2pt solid #000}\
h1 small{font-size:8pt;font-weight:normal}\
h2{font-size:10.5pt;margin:2.2mm 0 .8mm;padding:.3mm 1.5mm;border-left:3pt solid #000;background:#eee;break-after:avoid}\
.top{display:flex;gap:4mm;align-items:flex-start}\
.who{flex:1;min-width:0}\
.name{font-size:16pt;font-weight:bold;line-height:1.2}\
.kana{font-size:10pt}\
.qrbox{width:58mm;text-align:center;font-size:7pt;flex:none}\
.qr{display:block;margin:0 auto}\
table{width:100%;border-collapse:collapse;table-layout:fixed}\
th,td{border:.6pt solid #000;padding:.4mm 1mm;vertical-align:top;text-align:left}\
th{background:#eee;font-weight:bold;font-size:8pt}\
tr{break-inside:avoid}\
td,th,p,li,div,span{overflow-wrap:anywhere;word-break:normal;unicode-bidi:isolate}\
.who td{border:none;padding:.2mm 1mm}\
.who th{border:none;background:none;width:22mm;padding:.2mm 1mm}\
.lead{margin:.5mm 0;font-weight:bold}\
.note{margin:.5mm 0;font-size:8pt;border:.6pt dashed #000;padding:.3mm 1mm}\
.mark{font-weight:bold}\
ul{margin:0;padding-left:5mm}\
footer{margin-top:2mm;font-size:7.5pt;border-top:.6pt solid #000;padding-top:.5mm}\
";

fn render_part(p: &Part, out: &mut String) {
    out.push_str(&format!("<section><h2>{}</h2>", p.part.label_ja()));
    if let Some(l) = &p.lead {
        out.push_str(&format!(
            "<p class=\"lead\">{}</p>",
            text(l, MAX_CELL_CHARS * 2)
        ));
    }
    let rows: Vec<&Vec<String>> = p.rows.iter().take(p.keep).collect();
    if rows.is_empty() {
        out.push_str("<p>記載なし</p>");
    } else if p.headers.is_empty() {
        out.push_str("<ul>");
        for r in rows {
            out.push_str(&format!(
                "<li>{}</li>",
                text(&r.join(" "), MAX_CELL_CHARS * 2)
            ));
        }
        out.push_str("</ul>");
    } else {
        out.push_str("<table><colgroup>");
        for (_, pct) in p.headers {
            out.push_str(&format!("<col style=\"width:{pct}%\">"));
        }
        out.push_str("</colgroup><thead><tr>");
        for (h, _) in p.headers {
            out.push_str(&format!("<th>{h}</th>"));
        }
        out.push_str("</tr></thead><tbody>");
        for r in rows {
            out.push_str("<tr>");
            for c in r {
                out.push_str(&format!("<td>{}</td>", text(c, MAX_CELL_CHARS)));
            }
            out.push_str("</tr>");
        }
        out.push_str("</tbody></table>");
    }
    let cut = p.rows.len().saturating_sub(p.keep);
    if cut > 0 {
        out.push_str(&format!(
            "<p class=\"note\"><span class=\"mark\">※省略</span> ほか{cut}件は用紙を2ページに収めるため省略しました（全件は拠点の記録を参照） / {cut} more not printed to fit two pages</p>"
        ));
    } else if p.view_omitted > 0 {
        out.push_str(&format!(
            "<p class=\"note\"><span class=\"mark\">※省略</span> ほか{}件（全件は拠点の記録を参照） / {} more in the hub's record</p>",
            p.view_omitted, p.view_omitted
        ));
    }
    out.push_str("</section>");
}

fn age_text(view: &EmergencyView) -> String {
    match view.child.age {
        Some(a) => format!("{}歳{}か月", a.years, a.months),
        None => "年齢不明".to_owned(),
    }
}

fn render(
    s: &ChildSummary,
    view: &EmergencyView,
    parts: &[Part],
    made: Option<&qr::Made>,
    errors: usize,
    consent: bool,
) -> String {
    let c = &view.child;
    let mut out = String::with_capacity(16 * 1024);
    out.push_str("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\">");
    out.push_str(&format!(
        "<title>救急時情報シート {}</title>",
        text(&c.name, MAX_NAME_CHARS)
    ));
    out.push_str("<style>");
    out.push_str(CSS);
    out.push_str("</style></head><body><main>");
    out.push_str(&format!(
        "<h1>救急時情報シート <small>Emergency information sheet　{} 時点 / as of {}</small></h1>",
        view.as_of, view.as_of
    ));
    if errors > 0 {
        out.push_str(&format!(
            "<p class=\"note\"><span class=\"mark\">※注意</span> 元の記録に誤りが{errors}件あります。内容を拠点に確認してください / The record has {errors} errors</p>"
        ));
    }
    if !consent {
        out.push_str(
            "<p class=\"note\"><span class=\"mark\">※同意</span> この情報シートを作ることへの家族の同意の記録がありません。同意を確認してください / No recorded family consent covers this sheet</p>",
        );
    }
    out.push_str("<div class=\"top\"><div class=\"who\">");
    out.push_str(&format!(
        "<div class=\"name\">{}</div><div class=\"kana\">{}</div><table>",
        text(&c.name, MAX_NAME_CHARS),
        text(&c.kana, MAX_NAME_CHARS)
    ));
    let mut row = |k: &str, v: String| {
        out.push_str(&format!("<tr><th>{k}</th><td>{v}</td></tr>"));
    };
    row("年齢", escape(&age_text(view)));
    row("性別", escape(c.sex.label_ja()));
    row("生年月日", c.date_of_birth.to_string());
    if let Some(b) = c.blood_type {
        row(
            "血液型",
            format!("{}{}", b.abo.label_ja(), escape(b.rh.label_ja())),
        );
    }
    let weight = match (c.weight_kg, s.vital_signs.as_ref()) {
        (Some(w), Some(v)) => format!("{}kg（{} 測定）", num(w), v.measured_on),
        _ => "記載なし".to_owned(),
    };
    row("体重", weight);
    row(
        "呼吸・気道",
        text(
            &view_items(view, EmergencySection::Airway).0.join("／"),
            120,
        ),
    );
    out.push_str("</table></div><div class=\"qrbox\">");
    match made {
        Some(m) => {
            let version = m.version;
            out.push_str(&qr::svg(m, QR_SIZE_MM, "救急時情報QRコード"));
            out.push_str(&format!(
                "<div>オフラインQR（{}形式・{}型）<br>2次元コードリーダーで読み取れます</div>",
                escape(qr::PREFIX.trim_end_matches(':')),
                version
            ));
            if m.dropped > 0 {
                out.push_str(&format!(
                    "<div class=\"note\"><span class=\"mark\">※QR一部</span> {}件はQRに入らず、用紙のみに記載</div>",
                    m.dropped
                ));
            }
        }
        None => out.push_str("<div class=\"note\">QRコードなし</div>"),
    }
    out.push_str("</div></div>");
    for p in parts {
        render_part(p, &mut out);
    }
    out.push_str(&format!(
        "<footer>この用紙は kyoten で {} 時点の記録から作成しました。各区分の記録者と記録日は「記録者と記録日」を参照。本人・保護者の同意のもとで携行・提示してください。 / Made by kyoten from the record as of {}.</footer>",
        view.as_of, view.as_of
    ));
    out.push_str("</main></body></html>");
    out
}

/// Builds the sheet of `req` and its findings: the validation's errors (the sheet is
/// made all the same: an emergency does not wait), one `sheet.part.shortened` per
/// shortened part, `sheet.qr.subset` when the QR code left items out.
pub fn build(req: &SummaryRequest) -> (EmergencySheet, Vec<Finding>) {
    let mut findings: Vec<Finding> = crate::summary::validate(req)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    let (sheet, own) = build_seeing(req, findings.len());
    findings.extend(own);
    (sheet, findings)
}

/// The QR code's finding, given how many items were left out of it (`None`: no code
/// could be made at all).
fn qr_finding(dropped: Option<u32>) -> Option<Finding> {
    let root = Path::root().key("summary");
    match dropped {
        Some(0) => None,
        Some(n) => Some(QR_SUBSET.at(root).with("count", n)),
        None => Some(QR_NONE.at(root)),
    }
}

/// The sheet of `req` and its own findings, given how many errors the summary's checks
/// found (printed on the sheet).
fn build_seeing(req: &SummaryRequest, errors: usize) -> (EmergencySheet, Vec<Finding>) {
    let mut findings: Vec<Finding> = Vec::new();
    // 要配慮個人情報: the family's consent to an emergency sheet; the sheet is made all the
    // same (an emergency does not wait), with a finding and a visible line when none covers it.
    let consent = crate::summary::consent::consent_covers(
        &req.summary,
        crate::summary::consent::ConsentUse::EmergencySheet,
        None,
        req.as_of,
    );
    let consented = consent.finding(
        crate::summary::consent::ConsentUse::EmergencySheet,
        &Path::root().key("summary"),
    );
    let consent_ok = consented.is_none();
    findings.extend(consented);
    let (view, _) = emergency::build(&req.summary, req.as_of);
    let mut ps = parts(&req.summary, &view);
    fit(&mut ps);
    let made = qr::make(&view);
    let mut shortened = Vec::new();
    for p in &ps {
        let cut = p.rows.len().saturating_sub(p.keep) + p.view_omitted;
        if cut > 0 {
            shortened.push(p.part);
            findings.push(
                PART_SHORTENED
                    .at(p.at.clone())
                    .with(
                        "part",
                        Label {
                            code: "",
                            ja: p.part.label_ja(),
                            en: p.part.label_en(),
                        },
                    )
                    .with("count", cut),
            );
        }
    }
    findings.extend(qr_finding(made.as_ref().map(|m| m.dropped)));
    let html = render(&req.summary, &view, &ps, made.as_ref(), errors, consent_ok);
    let sheet = EmergencySheet {
        html,
        qr_payload: made.as_ref().map(|m| m.payload.clone()),
        qr_version: made.as_ref().map(|m| m.version),
        qr_left_out: made.as_ref().map_or(0, |m| m.dropped),
        shortened,
    };
    (sheet, findings)
}

/// `summary.emergency_sheet`: the summary's checks ran once in `execute`; the sheet
/// prints how many errors they found.
fn sheet_operation(req: SummaryRequest, checks: &[Finding]) -> Computed<EmergencySheet> {
    let errors = checks
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let (sheet, findings) = build_seeing(&req, errors);
    Computed::new(findings, Some(sheet))
}

fn read_qr_operation(input: QrPayload) -> Computed<qr::QrEssentials> {
    let at = Path::root().key("payload");
    match qr::read(&input.payload) {
        Ok(e) => Computed::new(Vec::new(), Some(e)),
        Err(e) => {
            let f = match e {
                qr::ReadError::Prefix => QR_PREFIX.at(at),
                qr::ReadError::Version => QR_VERSION.at(at),
                qr::ReadError::Character(i) => {
                    QR_CHARACTER.at(at).with("position", i.saturating_add(5))
                }
                qr::ReadError::Truncated => QR_TRUNCATED.at(at),
                qr::ReadError::Checksum => QR_CHECKSUM.at(at),
                qr::ReadError::Contents => QR_CONTENTS.at(at),
            };
            Computed::new(vec![f], None)
        }
    }
}

/// Operations of this module.
pub static OPS: &[Operation] = &[
    crate::operation!(
        "summary.emergency_sheet",
        "救急時情報シート（A4・2ページ以内、オフラインQRコード付き）を印刷用HTMLで作る",
        "The printable emergency sheet (A4, at most two pages, with an offline QR code) as HTML",
        SummaryRequest => EmergencySheet,
        sheet_operation,
        errors_only_seen
    ),
    crate::operation!(
        "sheet.read_qr",
        "救急時情報シートのQRコードの内容（KY1形式）を読み取る",
        "Read the content of an emergency sheet's QR code (format KY1)",
        QrPayload => qr::QrEssentials,
        read_qr_operation
    ),
];

#[cfg(test)]
mod tests {
    use super::qr_finding;

    #[test]
    fn qr_finding_says_how_many_items_were_left_out_or_that_there_is_no_code() {
        // Passing: the whole essentials fit, no finding.
        assert_eq!(qr_finding(Some(0)), None);
        // Failing: 15 items left out.
        let f = qr_finding(Some(15));
        assert_eq!(f.as_ref().map(|f| f.code.as_str()), Some("sheet.qr.subset"));
        assert_eq!(
            f.as_ref().map(|f| f.message_ja()).as_deref(),
            Some("QRコードに入りきらない項目 15件を省きました（用紙には記載）")
        );
        assert_eq!(
            f.as_ref().map(|f| f.message_en()).as_deref(),
            Some(
                "15 items did not fit in the QR code and were left out of it (they are on the sheet)"
            )
        );
        // Failing: no code at all.
        let f = qr_finding(None);
        assert_eq!(f.as_ref().map(|f| f.code.as_str()), Some("sheet.qr.none"));
        assert_eq!(f.as_ref().map(|f| f.path.as_str()), Some("/summary"));
        assert_eq!(
            f.as_ref().map(|f| f.message_ja()).as_deref(),
            Some("QRコードを作れませんでした（すべての項目は用紙に記載）")
        );
    }
}
