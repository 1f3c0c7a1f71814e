//! 同意 / The family's consent to share a child's summary.
//!
//! A care summary is 要配慮個人情報 (special-care-required personal information under the
//! 個人情報の保護に関する法律, art. 2(3)): giving it to anyone outside the hub needs the
//! consent of the child or the family (art. 27). [`ChildSummary::consents`] records
//! each consent: for which uses ([`ConsentUse`]), to whom ([`RecipientScope`] with a
//! care-team id, a care-team role or an institution's name), given on which day, by
//! whom ([`ConsentGiver`]), until when (optional) and when it was withdrawn (optional).
//!
//! Every operation that sends a summary out (the FHIR export, the printed emergency
//! sheet, statistics, a care conference's papers) asks [`consent_covers`] whether a
//! consent covers its use, and turns the answer into a finding with
//! [`ConsentStatus::finding`]:
//!
//! | code | severity | when |
//! |---|---|---|
//! | `consent.none` | warning | the summary records no consent at all |
//! | `consent.not_covered` | warning | no consent covers this use (and recipient) |
//! | `consent.withdrawn` | warning | the consent that covered this use was withdrawn |
//! | `consent.expired` | warning | the consent that covered this use ran out |
//!
//! The findings are warnings, not errors: the library cannot know every lawful ground
//! (an emergency where consent cannot be asked, art. 27(1)(ii), needs none), so the
//! caller's operation still produces its result and the person sending it decides.
//!
//! ```
//! use kyoten_core::summary::consent::{ConsentUse, Recipient, consent_covers};
//! use kyoten_core::summary::SummaryRequest;
//! use kyoten_core::finding::Path;
//! # fn demo(req: &SummaryRequest) -> Vec<kyoten_core::Finding> {
//! let status = consent_covers(&req.summary, ConsentUse::FhirExport, Some(&Recipient::Member("hosp")), req.as_of);
//! let mut findings = Vec::new();
//! // `None` when covered; otherwise one warning pointing into /summary/consents.
//! findings.extend(status.finding(ConsentUse::FhirExport, &Path::root().key("summary")));
//! findings
//! # }
//! ```
//!
//! Each use is separate: a consent to `information_sharing` does not cover
//! `fhir_export` or `research`. A recipient is covered by a consent whose scope is:
//! `care_team` (any member of the summary's care team, by id or by role);
//! `care_team_member` (that member, or its role when asked by role); `care_role` (that
//! role, or a member with that role); `institution` (that name, white space ignored,
//! or a care-team member whose organisation has that name);
//! `any_medical_institution_in_emergency` (the recipient
//! [`Recipient::EmergencyMedical`] only); `hub` ([`Recipient::Hub`] only). Asking with
//! no recipient accepts a consent of any scope for the use.

use super::{CareRole, ChildSummary, labelled};
use crate::calendar::IsoDate;
use crate::finding::{Finding, Label, Path, Rule};
use serde::{Deserialize, Serialize};

labelled! {
    /// 同意の対象となる利用目的 / A use of the summary that a consent covers.
    ConsentUse {
        /// 緊急時の情報シート（印刷・携行） / The printed emergency sheet the family carries.
        EmergencySheet => "緊急時の情報シート", "emergency sheet";
        /// 救急時の医療機関への提供 / Giving it to a hospital in an emergency.
        EmergencyCare => "救急時の医療機関への提供", "emergency care";
        /// 支援関係機関での情報共有 / Sharing among the organisations that support the child.
        InformationSharing => "支援関係機関での情報共有", "information sharing";
        /// 電子的な情報提供（FHIR 等） / Electronic export (FHIR and others).
        FhirExport => "電子的な情報提供（FHIR 等）", "electronic export (FHIR)";
        /// 統計（集計への算入） / Counting in statistics.
        Statistics => "統計（集計への算入）", "statistics";
        /// 支援会議（ケース会議）での利用 / Use at a care conference.
        CareConference => "支援会議での利用", "care conference";
        /// 研究 / Research.
        Research => "研究", "research";
    }
}

labelled! {
    /// 同意の相手の範囲 / Whom a consent allows the summary to be given to.
    RecipientScope {
        /// 支援チーム全体 / Every member of the care team.
        CareTeam => "支援チーム全体", "the whole care team";
        /// 支援チームの特定の機関（member に id） / One care-team member (its id in `member`).
        CareTeamMember => "支援チームの特定の機関", "one care-team member";
        /// 特定の役割（role に役割） / A care-team role (in `role`).
        CareRole => "特定の役割の機関", "a care-team role";
        /// 支援チーム外の特定の機関（institution に名称） / A named institution outside the team (in `institution`).
        Institution => "特定の機関", "a named institution";
        /// 救急時のすべての医療機関 / Any medical institution in an emergency.
        AnyMedicalInstitutionInEmergency => "救急時のすべての医療機関", "any medical institution in an emergency";
        /// 拠点事業の実施主体（都道府県・市町村） / The hub and the prefecture or municipality running it.
        Hub => "拠点事業の実施主体", "the hub and its prefecture or municipality";
    }
}

labelled! {
    /// 同意した人 / Who gave the consent.
    ConsentGiver {
        /// 本人 / The child (or the adult the child has become).
        Child => "本人", "the child";
        /// 母 / Mother.
        Mother => "母", "mother";
        /// 父 / Father.
        Father => "父", "father";
        /// 未成年後見人 / Legal guardian.
        LegalGuardian => "後見人", "legal guardian";
        /// 里親 / Foster parent.
        FosterParent => "里親", "foster parent";
        /// 施設長 / Head of the facility where the child lives.
        FacilityHead => "施設長", "head of facility";
        /// その他 / Other.
        Other => "その他", "other";
    }
}

/// 同意 / One consent: for which uses, to whom, given when and by whom, withdrawn when.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Consent {
    /// 利用目的（一つ以上） / The uses consented to (one or more).
    pub uses: Vec<ConsentUse>,
    /// 相手の範囲 / To whom.
    pub to: RecipientScope,
    /// 支援チームの id（to が care_team_member のとき） / Care-team id (when `to` is `care_team_member`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
    /// 役割（to が care_role のとき） / Care-team role (when `to` is `care_role`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<CareRole>,
    /// 機関名（to が institution のとき） / Institution's name (when `to` is `institution`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<String>,
    /// 同意した日 / Date given.
    pub given_on: IsoDate,
    /// 同意した人 / Who gave it.
    pub given_by: ConsentGiver,
    /// 有効期限（任意、この日まで有効） / Valid until this day (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_on: Option<IsoDate>,
    /// 撤回した日（任意、この日から無効） / Withdrawn on this day (optional; no longer valid from it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn_on: Option<IsoDate>,
}

/// The recipient an exporting operation asks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recipient<'a> {
    /// A care-team member, by its id in the summary.
    Member(&'a str),
    /// Whoever holds this care-team role.
    Role(CareRole),
    /// A named institution (compared with white space ignored).
    Institution(&'a str),
    /// Any medical institution treating the child in an emergency.
    EmergencyMedical,
    /// The hub and the prefecture or municipality running it (statistics).
    Hub,
}

labelled! {
    /// 提供先の種類 / The kind of recipient an export names.
    RecipientKind {
        /// 支援チームの機関（member に id） / A care-team member (its id in `member`).
        Member => "支援チームの機関", "care-team member";
        /// 役割（role に役割） / Whoever holds a care-team role (in `role`).
        Role => "支援チームの役割", "care-team role";
        /// 機関名（institution に名称） / A named institution (in `institution`).
        Institution => "機関", "institution";
        /// 救急時の医療機関 / A medical institution treating the child in an emergency.
        EmergencyMedical => "救急時の医療機関", "emergency medical institution";
        /// 拠点事業の実施主体 / The hub and the prefecture or municipality running it.
        Hub => "拠点事業の実施主体", "the hub";
    }
}

/// 提供先 / The recipient an export document names (for input documents of exporting
/// operations: a FHIR export, a care conference's papers). [`RecipientRef::recipient`]
/// turns it into the [`Recipient`] that [`consent_covers`] takes.
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::input::Recover, crate::emit::Emit,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RecipientRef {
    /// 種類 / Kind.
    pub kind: RecipientKind,
    /// 支援チームの id（kind が member のとき） / Care-team id (when `kind` is `member`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
    /// 役割（kind が role のとき） / Care-team role (when `kind` is `role`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<CareRole>,
    /// 機関名（kind が institution のとき） / Institution's name (when `kind` is `institution`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<String>,
}

impl RecipientRef {
    /// The recipient, or `None` when the field its kind needs is missing (the caller
    /// reports that at `<path>/member`, `/role` or `/institution`).
    pub fn recipient(&self) -> Option<Recipient<'_>> {
        match self.kind {
            RecipientKind::Member => self.member.as_deref().map(Recipient::Member),
            RecipientKind::Role => self.role.map(Recipient::Role),
            RecipientKind::Institution => self.institution.as_deref().map(Recipient::Institution),
            RecipientKind::EmergencyMedical => Some(Recipient::EmergencyMedical),
            RecipientKind::Hub => Some(Recipient::Hub),
        }
    }
}

/// The answer of [`consent_covers`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentStatus {
    /// Consent `index` (in `consents`) covers the use on `as_of`.
    Covered {
        /// Index of the covering consent.
        index: usize,
    },
    /// The summary records no consent at all.
    NoneRecorded,
    /// No consent covers this use and recipient.
    NotCovered,
    /// Consent `index` covered it but was withdrawn on `on` (on or before `as_of`).
    Withdrawn {
        /// Index of the consent.
        index: usize,
        /// Withdrawal date.
        on: IsoDate,
    },
    /// Consent `index` covered it but ran out on `on` (before `as_of`).
    Expired {
        /// Index of the consent.
        index: usize,
        /// Last valid day.
        on: IsoDate,
    },
}

use crate::rule;

rule!(
    CONSENT_NONE,
    "consent.none",
    Warning,
    "情報提供についての同意の記録がありません（利用目的: {purpose}）",
    "No consent to share the summary is recorded (use: {purpose})"
);
rule!(
    CONSENT_NOT_COVERED,
    "consent.not_covered",
    Warning,
    "この利用目的・提供先についての同意の記録がありません（利用目的: {purpose}）",
    "No recorded consent covers this use and recipient (use: {purpose})"
);
rule!(
    CONSENT_WITHDRAWN,
    "consent.withdrawn",
    Warning,
    "この利用目的についての同意は撤回されています（{purpose}、{on} に撤回）",
    "The consent for this use has been withdrawn ({purpose}, withdrawn on {on})"
);
rule!(
    CONSENT_EXPIRED,
    "consent.expired",
    Warning,
    "この利用目的についての同意は有効期限を過ぎています（{purpose}、{until} まで有効）",
    "The consent for this use has run out ({purpose}, valid until {until})"
);

/// Every rule of this module.
pub const RULES: &[&Rule] = &[
    &CONSENT_NONE,
    &CONSENT_NOT_COVERED,
    &CONSENT_WITHDRAWN,
    &CONSENT_EXPIRED,
];

impl ConsentStatus {
    /// True if a consent covers the use.
    pub const fn is_covered(self) -> bool {
        matches!(self, ConsentStatus::Covered { .. })
    }

    /// The warning for this status (`None` when covered), pointing into the consents of
    /// the summary at `summary` (e.g. `/summary`, or `/summaries/3` in a list).
    pub fn finding(self, use_: ConsentUse, summary: &Path) -> Option<Finding> {
        let consents = summary.key("consents");
        let purpose = Label {
            code: "",
            ja: use_.label_ja(),
            en: use_.label_en(),
        };
        let finding = match self {
            ConsentStatus::Covered { .. } => return None,
            ConsentStatus::NoneRecorded => CONSENT_NONE.at(consents),
            ConsentStatus::NotCovered => CONSENT_NOT_COVERED.at(consents),
            ConsentStatus::Withdrawn { index, on } => CONSENT_WITHDRAWN
                .at(consents.index(index).key("withdrawn_on"))
                .with("on", on),
            ConsentStatus::Expired { index, on } => CONSENT_EXPIRED
                .at(consents.index(index).key("expires_on"))
                .with("until", on),
        };
        Some(finding.with("purpose", purpose))
    }
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// True if consent `c` (in summary `s`) reaches `recipient` (`None` = any recipient).
fn reaches(s: &ChildSummary, c: &Consent, recipient: Option<&Recipient<'_>>) -> bool {
    let Some(r) = recipient else { return true };
    let member_by_id = |id: &str| s.care_team.iter().find(|m| m.id == id);
    match (c.to, r) {
        (RecipientScope::CareTeam, Recipient::Member(id)) => member_by_id(id).is_some(),
        (RecipientScope::CareTeam, Recipient::Role(role)) => {
            s.care_team.iter().any(|m| m.role == *role)
        }
        (RecipientScope::CareTeamMember, Recipient::Member(id)) => c.member.as_deref() == Some(*id),
        (RecipientScope::CareTeamMember, Recipient::Role(role)) => c
            .member
            .as_deref()
            .and_then(member_by_id)
            .is_some_and(|m| m.role == *role),
        (RecipientScope::CareRole, Recipient::Role(role)) => c.role == Some(*role),
        (RecipientScope::CareRole, Recipient::Member(id)) => {
            member_by_id(id).is_some_and(|m| Some(m.role) == c.role)
        }
        (RecipientScope::Institution, Recipient::Institution(name)) => c
            .institution
            .as_deref()
            .is_some_and(|i| !squeeze(i).is_empty() && squeeze(i) == squeeze(name)),
        (RecipientScope::Institution, Recipient::Member(id)) => member_by_id(id).is_some_and(|m| {
            c.institution
                .as_deref()
                .is_some_and(|i| !squeeze(i).is_empty() && squeeze(i) == squeeze(&m.organisation))
        }),
        (RecipientScope::AnyMedicalInstitutionInEmergency, Recipient::EmergencyMedical) => true,
        (RecipientScope::Hub, Recipient::Hub) => true,
        _ => false,
    }
}

/// Whether a recorded consent covers giving the summary `s` to `recipient` (`None` =
/// whoever) for `use_` on `as_of`.
///
/// A consent counts from `given_on` (on or before `as_of`) through `expires_on` (if any)
/// and stops on `withdrawn_on` (on or before `as_of`). When several consents match, any
/// valid one covers; otherwise a withdrawn one is reported before an expired one, the
/// latest first. Never panics.
pub fn consent_covers(
    s: &ChildSummary,
    use_: ConsentUse,
    recipient: Option<&Recipient<'_>>,
    as_of: IsoDate,
) -> ConsentStatus {
    if s.consents.is_empty() {
        return ConsentStatus::NoneRecorded;
    }
    let matching = s
        .consents
        .iter()
        .enumerate()
        .filter(|(_, c)| c.uses.contains(&use_) && c.given_on <= as_of)
        .filter(|(_, c)| reaches(s, c, recipient));
    let mut withdrawn: Option<(usize, IsoDate)> = None;
    let mut expired: Option<(usize, IsoDate)> = None;
    for (i, c) in matching {
        match (c.withdrawn_on, c.expires_on) {
            (Some(w), _) if w <= as_of => {
                if withdrawn.is_none_or(|(_, d)| w > d) {
                    withdrawn = Some((i, w));
                }
            }
            (_, Some(e)) if e < as_of => {
                if expired.is_none_or(|(_, d)| e > d) {
                    expired = Some((i, e));
                }
            }
            _ => return ConsentStatus::Covered { index: i },
        }
    }
    match (withdrawn, expired) {
        (Some((index, on)), _) => ConsentStatus::Withdrawn { index, on },
        (None, Some((index, on))) => ConsentStatus::Expired { index, on },
        (None, None) => ConsentStatus::NotCovered,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recipient_refs_need_their_field() {
        let r = |kind, member: Option<&str>| RecipientRef {
            kind,
            member: member.map(str::to_owned),
            role: None,
            institution: None,
        };
        assert_eq!(
            r(RecipientKind::Member, Some("kodomo")).recipient(),
            Some(Recipient::Member("kodomo"))
        );
        assert_eq!(r(RecipientKind::Member, None).recipient(), None);
        assert_eq!(r(RecipientKind::Role, None).recipient(), None);
        assert_eq!(r(RecipientKind::Institution, None).recipient(), None);
        assert_eq!(
            r(RecipientKind::Hub, None).recipient(),
            Some(Recipient::Hub)
        );
        assert_eq!(
            r(RecipientKind::EmergencyMedical, None).recipient(),
            Some(Recipient::EmergencyMedical)
        );
    }
}
