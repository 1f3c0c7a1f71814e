// kyoten: TypeScript types of every input and output document.
// Generated from the JSON Schemas by `cargo run -p kyoten-schemas --bin kyoten-gen -- write`; do not edit.

/** 操作表 / The operation table: operation name → input document and report. */
export interface Operations {
  /** 和暦・西暦の日付と年度を相互に変換する / Convert dates and fiscal years between 和暦 and the western calendar */
  "calendar.convert": { input: ConvertRequest; output: Report<ConvertResult> };
  /** 満年齢、年度、就学年などを計算する / Compute age, fiscal year and school-entry dates from a date of birth */
  "calendar.age": { input: AgeRequest; output: Report<AgeResult> };
  /** 6つのタスクの一覧を返す / List the six tasks of the national framework */
  "tasks.list": { input: TasksQuery; output: Report<TaskCatalogue> };
  /** 取組計画を検査し、すべての指摘と概要を返す / Check an initiative plan and return every finding and its size */
  "plan.validate": { input: Plan; output: Report<PlanSummary> };
  /** 取組計画のタスク別・四半期別の取組数と主たる機関の負担を集計する / Count a plan's items per task and per quarter, and each lead organisation's load */
  "plan.coverage": { input: Plan; output: Report<Coverage> };
  /** 計画とともに記録した進捗から、完了・遅延・未着手の件数、タスク×四半期の表、遅れている取組（項目・主たる機関・理由）、指標の達成状況をまとめる / From the progress kept with the plan: done / delayed / not started totals, the task × quarter grid, late items (title, lead, reason) and indicators */
  "plan.progress": { input: Plan; output: Report<Progress> };
  /** 旧形式の進捗の照会（計画と状況の組）を、進捗を持つ計画に書き換える / Turn an older progress request (plan plus statuses) into a plan carrying its progress */
  "plan.progress_upgrade": { input: ProgressRequest; output: Report<Plan> };
  /** 取組計画のスケジュール図（SVG）を作る：取組ごとの段階の帯、進捗の色と模様、タスク×四半期の表 / Draw a plan's schedule chart (SVG): phase bars per item, progress by colour and pattern, a task × quarter table */
  "plan.chart": { input: ChartRequest; output: Report<Chart> };
  /** 対象児の情報集約を検証する / Validate a child care summary */
  "summary.validate": { input: SummaryRequest; output: Report<SummaryCheck> };
  /** 対象児の超重症児スコア・医療的ケア判定スコア・大島分類・医療型短期入所の利用根拠を求める / Compute a child's super-severe score, medical care score, Oshima cell and short-stay grounds */
  "summary.scores": { input: SummaryRequest; output: Report<ScoreResult> };
  /** 救急医が最初に見るべき情報を一画面にまとめる / The facts an emergency doctor needs first, on one screen */
  "summary.emergency_view": { input: SummaryRequest; output: Report<EmergencyView> };
  /** 生年月日と基準日からライフステージの予定表を作る / Life-stage timeline from the date of birth and as_of */
  "summary.timeline": { input: SummaryRequest; output: Report<Timeline> };
  /** 救急時情報シート（A4・2ページ以内、オフラインQRコード付き）を印刷用HTMLで作る / The printable emergency sheet (A4, at most two pages, with an offline QR code) as HTML */
  "summary.emergency_sheet": { input: SummaryRequest; output: Report<EmergencySheet> };
  /** 救急時情報シートのQRコードの内容（KY1形式）を読み取る / Read the content of an emergency sheet's QR code (format KY1) */
  "sheet.read_qr": { input: QrPayload; output: Report<QrEssentials> };
  /** 対象児の情報集約を FHIR R4 の文書 Bundle（JP Core・JP-CLINS 準拠）にする / A child summary as one FHIR R4 document Bundle, shaped by JP Core and JP-CLINS */
  "summary.to_fhir": { input: SummaryRequest; output: Report<unknown> };
  /** FHIR R4 の Bundle（kyoten の文書、JP-CLINS の退院時サマリー・診療情報提供書・6情報）から情報集約を作る / A child summary from a FHIR R4 Bundle (kyoten's documents, JP-CLINS discharge summaries, referrals and 6-information collections) */
  "summary.from_fhir": { input: FhirImportRequest; output: Report<SummaryRequestOutput> };
  /** 超重症児スコア・医療的ケア判定スコア・大島分類・医療型短期入所の対象を計算する / Compute the super-severe score, medical care score, Oshima cell and short-stay entitlement */
  "scores.compute": { input: ScoreRequest; output: Report<ScoreResult> };
  /** 1件の短期入所申込について各施設の利用可否と理由、利用可能な施設の順位を返す / Evaluate one short-stay request against the directory and the vacancy board */
  "shortstay.evaluate": { input: ShortstayEvaluation; output: Report<EvaluationResult> };
  /** 複数家族の短期入所申込を、利用日数の少ない家族から順に一晩ずつ公平に割り当てる / Allocate many families' short-stay requests night by night, fewest used days first */
  "shortstay.allocate": { input: ShortstayAllocation; output: Report<AllocationResult> };
  /** ショートステイ空き情報を施設×日付の表として表示する / Render the short-stay vacancy board: facilities down, days across */
  "shortstay.board": { input: ShortstayBoardQuery; output: Report<BoardView> };
  /** 圏域・必要な医療的ケア・年齢で短期入所施設を検索する / Search short-stay facilities by area, required care and age */
  "shortstay.search": { input: ShortstaySearch; output: Report<SearchResult> };
  /** 拠点の職員配置を国（または都道府県）の基準で確認する / Check a hub's staffing against the national (or a prefecture's) rules */
  "staffing.check": { input: StaffingRequest; output: Report<StaffingReport> };
  /** 多数の対象児の情報集約から、市町村・年齢・就学段階・医療的ケア・機器・スコア区分・短期入所の別に人数を数える（公表用は少数のセルを秘匿） / Count many children's summaries by municipality, age, school stage, care, device, score category and short-stay entitlement (small cells suppressed for publication) */
  "summaries.aggregate": { input: AggregateRequest; output: Report<Aggregate> };
  /** 相談記録から、年度の月別件数・相談元別・相談内容別・前年度比を集計する / Summarise a consultation log: monthly counts over the fiscal year, by source, by topic, year on year */
  "consultations.summarize": { input: ConsultationLog; output: Report<ConsultationSummary> };
  /** 研修記録から、職種別・タスク別・四半期別の回数と参加者数を集計する / Summarise a training log: sessions and attendees by profession, by task and by quarter */
  "trainings.summarize": { input: TrainingLog; output: Report<TrainingSummary> };
  /** 会議の記録（協議会の議事概要・ケア会議）を検証し、発言を取組番号・機関ごとに数える / Validate a meeting record (council minutes or care conference) and count its statements per item and organisation */
  "meeting.validate": { input: Meeting; output: Report<MeetingSummary> };
  /** 1年間の会議を、計画の取組ごと（開催日・発言機関・決定事項）と機関ごと（出席・発言）にまとめる / A year of meetings per plan item (when, who spoke, decisions) and per organisation (attendance where listed, statements) */
  "meetings.by_item": { input: MeetingRecords; output: Report<ByItem> };
  /** ケア会議の未完了の担当事項を子どもごとに一覧にする / Open care-conference assignments, per child */
  "care_conferences.open": { input: MeetingRecords; output: Report<OpenAssignments> };
  /** 計画の進捗を、その計画の協議会の開催記録を根拠に加えて集計する / A plan's progress with its council meetings as evidence: a 会議開催 phase is met by a meeting held in its quarter */
  "meetings.progress": { input: MeetingProgressRequest; output: Report<MeetingProgress> };
  /** 古い版の kyoten 文書を最新の版に更新する / Upgrade an older kyoten document to the current format version */
  "document.upgrade": { input: UpgradeRequest; output: Report<UpgradeResult> };
  /** すべての規則（コード・重大度・メッセージの型・説明）と選択肢のラベルを返す / List every rule (code, severity, message templates, explanation) and the labels of every choice */
  "rules.list": { input: RulesQuery; output: Report<RuleCatalogue> };
}

/** 操作名 / An operation name. */
export type OperationName = keyof Operations;

/** 入力文書 / The input document of operation `K`. */
export type InputOf<K extends OperationName> = Operations[K]["input"];

/** 結果報告 / The report of operation `K`. */
export type OutputOf<K extends OperationName> = Operations[K]["output"];

/** 結果報告 / The answer of every operation: all findings for one input, and the operation's result where it could be computed. */
export interface Report<T = unknown> {
  /** エラー件数 / Number of findings of severity `error`. */
  errors: number;
  /** 指摘 / Every finding, in document order (deterministic). */
  findings: Finding[];
  /** 情報件数 / Number of findings of severity `info`. */
  infos: number;
  /** 操作名 / Name of the operation that produced this report, e.g. `plan.validate`. */
  operation: string;
  /**
   * 暫定 / True when the input was read in draft mode: the result is computed from a
   * document not yet filled in and is provisional.
   */
  provisional?: boolean;
  /** 妥当 / True if and only if no finding has severity `error`. */
  valid: boolean;
  /** 警告件数 / Number of findings of severity `warning`. */
  warnings: number;
  /**
   * 保留 / Draft mode: the places of the result (JSON Pointers into `result`) left out
   * because they rest on a field not filled in yet (see `input.draft.withheld`); `""`
   * when the whole result is. Absent when nothing is withheld.
   */
  withheld?: string[];
  /** 結果 / The operation's result; absent when the input could not be read. */
  result?: T;
}

/** 規則コード / Every rule code of the library (the rule catalogue, `rules.list`), the skins' own reports included (`abi.null_argument`, `wasm.not_initialized`): no other code is ever written. */
export type FindingCode =
  | "abi.null_argument"
  | "calendar.age.before_birth"
  | "calendar.age.beyond_calendar"
  | "calendar.date.after_as_of"
  | "calendar.date.before_birth"
  | "calendar.wareki.impossible_date"
  | "calendar.wareki.outside_era"
  | "calendar.wareki.unknown_era"
  | "calendar.wareki.unreadable"
  | "calendar.wareki.weekday_mismatch"
  | "care.behaviour_score.out_of_range"
  | "care.condition.duplicate"
  | "care.feeding.route_mismatch"
  | "care.feeding_pump.without_tube"
  | "care.frequency.implausible"
  | "care.frequency.not_positive"
  | "care.item.detail_not_applicable"
  | "care.item.duplicate"
  | "care.item.duplicate_value"
  | "care.item.hours_out_of_range"
  | "care.item.watch_not_offered"
  | "care.quotient.out_of_range"
  | "care.spo2.out_of_range"
  | "care.support_level.out_of_range"
  | "care.ventilator.mode_missing"
  | "care_conferences.assignment_overdue"
  | "care_conferences.review_overdue"
  | "consent.expired"
  | "consent.none"
  | "consent.not_covered"
  | "consent.withdrawn"
  | "fhir.export.no_child_id"
  | "fhir.import.bundle_type"
  | "fhir.import.child_id_differs"
  | "fhir.import.code_unknown"
  | "fhir.import.coding_unmapped"
  | "fhir.import.derived_skipped"
  | "fhir.import.element_not_mapped"
  | "fhir.import.extension_unknown"
  | "fhir.import.many_patients"
  | "fhir.import.missing"
  | "fhir.import.no_as_of"
  | "fhir.import.no_child_id"
  | "fhir.import.no_patient"
  | "fhir.import.not_a_bundle"
  | "fhir.import.profile_unknown"
  | "fhir.import.reference_broken"
  | "fhir.import.resource_not_mapped"
  | "fhir.import.too_many_entries"
  | "fhir.import.undisclosed_condition"
  | "fhir.import.value_invalid"
  | "input.draft.not_filled"
  | "input.draft.withheld"
  | "input.duplicate_field"
  | "input.invalid_date"
  | "input.invalid_value"
  | "input.missing_field"
  | "input.not_json"
  | "input.not_utf8"
  | "input.number_out_of_range"
  | "input.too_deep"
  | "input.too_large"
  | "input.unknown_field"
  | "input.unknown_value"
  | "input.wrong_length"
  | "input.wrong_type"
  | "meeting.attendee.unknown_organisation"
  | "meeting.care_conference.duplicate_participant"
  | "meeting.care_conference.invalid_child_id"
  | "meeting.care_conference.missing"
  | "meeting.care_conference.no_coordinator"
  | "meeting.care_conference.no_family"
  | "meeting.care_conference.no_role"
  | "meeting.care_conference.review_before_meeting"
  | "meeting.care_conference.unexpected"
  | "meeting.care_conference.unknown_participant"
  | "meeting.date_text.mismatch"
  | "meeting.decision.done_before_meeting"
  | "meeting.decision.due_before_meeting"
  | "meeting.decision.no_responsible"
  | "meeting.decision.unknown_responsible"
  | "meeting.next_meeting.before_this_one"
  | "meeting.next_meeting.date_and_month"
  | "meeting.next_meeting.text_mismatch"
  | "meeting.next_meeting.undated"
  | "meeting.organisation.duplicate_id"
  | "meeting.plan.missing"
  | "meeting.statement.duplicate"
  | "meeting.statement.empty"
  | "meeting.statement.speaker_not_listed"
  | "meeting.statement.unknown_organisation"
  | "meeting.time.end_before_start"
  | "meeting.time.invalid"
  | "meeting.time_text.mismatch"
  | "meetings.date.after_as_of"
  | "meetings.plan.other_plan"
  | "meetings.plan.unknown_item"
  | "meetings.plan.unknown_organisation"
  | "operation.input_not_json"
  | "operation.internal"
  | "operation.unknown"
  | "options.invalid"
  | "options.max_input_bytes.out_of_range"
  | "plan.chart.title_shortened"
  | "plan.fiscal_year.implausible"
  | "plan.fiscal_year.missing_for_schedule"
  | "plan.fiscal_year_label.mismatch"
  | "plan.fiscal_year_label.unreadable"
  | "plan.issue_group.duplicate_number"
  | "plan.issue_group.empty_title"
  | "plan.issue_group.unused"
  | "plan.item.duplicate_number"
  | "plan.item.duplicate_organisation"
  | "plan.item.duplicate_task"
  | "plan.item.duplicate_title"
  | "plan.item.empty_content_line"
  | "plan.item.empty_title"
  | "plan.item.implementer_organisation_missing"
  | "plan.item.implementer_organisation_unexpected"
  | "plan.item.lead_not_member"
  | "plan.item.membership_duplicate"
  | "plan.item.membership_not_mentioned"
  | "plan.item.no_lead"
  | "plan.item.no_task"
  | "plan.item.number_zero"
  | "plan.item.repeat_of_repeat"
  | "plan.item.repeat_same_task"
  | "plan.item.repeat_self"
  | "plan.item.repeat_task_missing"
  | "plan.item.repeat_unknown"
  | "plan.item.task_out_of_range"
  | "plan.item.unknown_issue_group"
  | "plan.item.unknown_organisation"
  | "plan.items.empty"
  | "plan.items.numbering_gap"
  | "plan.organisation.duplicate_id"
  | "plan.organisation.duplicate_name"
  | "plan.organisation.empty_id"
  | "plan.organisation.empty_name"
  | "plan.organisation.unused"
  | "plan.past_initiative.empty_text"
  | "plan.past_initiative.task_out_of_range"
  | "plan.progress.as_of_outside_year"
  | "plan.progress.duplicate_status"
  | "plan.progress.evidence_unknown_item"
  | "plan.progress.indicator_over_target"
  | "plan.progress.indicator_unknown_item"
  | "plan.progress.no_fiscal_year"
  | "plan.progress.none"
  | "plan.progress.unknown_item"
  | "plan.progress.unscheduled_quarter"
  | "plan.progress.upgrade_replaces_progress"
  | "plan.region.empty"
  | "plan.schedule.duplicate_quarter"
  | "plan.schedule.empty_entry"
  | "plan.schedule.other_empty"
  | "plan.schedule.phase_regression"
  | "plan.task.uncovered"
  | "report.findings_truncated"
  | "scores.medical_care.glucose_pump_note"
  | "scores.medical_care.glycerin_enema"
  | "scores.medical_care.level1_unconfirmed"
  | "scores.medical_care.not_a_row"
  | "scores.medical_care.one_ventilator_item"
  | "scores.medical_care.row_once"
  | "scores.medical_care.select_one_unconfirmed"
  | "scores.medical_care.suction_site"
  | "scores.medical_care.tracheostomy_watch_with_ventilator"
  | "scores.medical_care.watch_missing"
  | "scores.oshima.above_80"
  | "scores.oshima.from_dq"
  | "scores.oshima.no_motor"
  | "scores.oshima.no_quotient"
  | "scores.short_stay.child_ground_over_18"
  | "scores.short_stay.draft"
  | "scores.short_stay.unconfirmed_ground"
  | "scores.short_stay.unconfirmed_ground_not_accepted"
  | "scores.super_severe.below_threshold"
  | "scores.super_severe.daily_assumed"
  | "scores.super_severe.device_not_listed"
  | "scores.super_severe.excluded"
  | "scores.super_severe.motor_not_met"
  | "scores.super_severe.motor_unknown"
  | "scores.super_severe.nicu_rule"
  | "scores.super_severe.not_a_row"
  | "scores.super_severe.not_daily"
  | "scores.super_severe.since_unknown"
  | "scores.super_severe.too_short"
  | "sheet.part.shortened"
  | "sheet.qr.character"
  | "sheet.qr.checksum"
  | "sheet.qr.contents"
  | "sheet.qr.none"
  | "sheet.qr.prefix"
  | "sheet.qr.subset"
  | "sheet.qr.truncated"
  | "sheet.qr.version"
  | "shortstay.allocation.granted"
  | "shortstay.allocation.invalid_request"
  | "shortstay.allocation.no_bed_left"
  | "shortstay.allocation.no_eligible_facility"
  | "shortstay.board.days_out_of_range"
  | "shortstay.board.duplicate_row"
  | "shortstay.board.stale"
  | "shortstay.board.unknown_facility"
  | "shortstay.board.updated_after_as_of"
  | "shortstay.evaluation.none_eligible"
  | "shortstay.facility.age_range_inverted"
  | "shortstay.facility.duplicate_id"
  | "shortstay.facility.no_beds"
  | "shortstay.reason.age_out_of_range"
  | "shortstay.reason.care_not_provided"
  | "shortstay.reason.no_free_night"
  | "shortstay.reason.not_entitled"
  | "shortstay.reason.over_granted_days"
  | "shortstay.reason.stale_data"
  | "shortstay.reason.stay_too_long"
  | "shortstay.reason.vacancy_unknown"
  | "shortstay.request.born_after_stay"
  | "shortstay.request.duplicate_id"
  | "shortstay.request.nights_out_of_range"
  | "shortstay.request.used_over_granted"
  | "staffing.hub.host_blank"
  | "staffing.hub.name_blank"
  | "staffing.meetings.after_as_of"
  | "staffing.meetings.duplicate_date"
  | "staffing.meetings.gap_too_long"
  | "staffing.meetings.interval_too_long"
  | "staffing.meetings.missing"
  | "staffing.meetings.overdue"
  | "staffing.policy.duplicate_role"
  | "staffing.policy.looser_than_national"
  | "staffing.policy.share_out_of_range"
  | "staffing.role.desirable_missing"
  | "staffing.role.required_missing"
  | "staffing.staff.contracted_zero"
  | "staffing.staff.duplicate_id"
  | "staffing.staff.duplicate_role"
  | "staffing.staff.facility_blank"
  | "staffing.staff.hub_above_contracted"
  | "staffing.staff.id_blank"
  | "staffing.staff.no_hub_time"
  | "staffing.staff.no_role"
  | "staffing.staff.physician_and_nurse"
  | "staffing.staff.share_below_minimum"
  | "staffing.staff.time_exceeds_period"
  | "stats.aggregate.born_after_as_of"
  | "stats.aggregate.consent_not_covering"
  | "stats.aggregate.consent_withdrawn"
  | "stats.aggregate.duplicate_child"
  | "stats.aggregate.more_errors"
  | "stats.aggregate.more_infos"
  | "stats.aggregate.more_warnings"
  | "stats.aggregate.municipality_code_invalid"
  | "stats.aggregate.municipality_code_missing"
  | "stats.aggregate.no_id"
  | "stats.aggregate.possible_duplicate"
  | "stats.aggregate.threshold_low"
  | "stats.consultations.no_topic"
  | "stats.consultations.outside_years"
  | "stats.consultations.task_out_of_range"
  | "stats.trainings.no_profession"
  | "stats.trainings.outside_year"
  | "stats.trainings.task_out_of_range"
  | "summary.allergies.status_conflict"
  | "summary.allergies.unknown"
  | "summary.care.device_not_recorded"
  | "summary.care_team.duplicate_id"
  | "summary.care_team.no_phone"
  | "summary.care_team.no_primary_hospital"
  | "summary.child.id_invalid"
  | "summary.child.id_personal"
  | "summary.consent.recipient_missing"
  | "summary.consents.none"
  | "summary.date.end_before_start"
  | "summary.device.care_not_recorded"
  | "summary.device.no_settings"
  | "summary.diagnoses.multiple_primary"
  | "summary.diagnoses.no_primary"
  | "summary.diagnoses.none"
  | "summary.diagnosis.icd10_invalid"
  | "summary.duplicate_entry"
  | "summary.emergency_contact.no_phone"
  | "summary.emergency_contacts.none"
  | "summary.emergency_plan.destination_not_hospital"
  | "summary.emergency_plan.missing"
  | "summary.emergency_plan.no_destination"
  | "summary.emergency_plan.situation_missing"
  | "summary.emergency_view.truncated"
  | "summary.field.empty"
  | "summary.guardian.no_phone"
  | "summary.guardians.none"
  | "summary.history.nicu_discharge_mismatch"
  | "summary.history.overlapping_stays"
  | "summary.kana.mixed_scripts"
  | "summary.kana.not_kana"
  | "summary.medication.no_frequency"
  | "summary.medication.rescue_without_indication"
  | "summary.medication.tube_route_without_tube"
  | "summary.municipality_code.check_digit"
  | "summary.municipality_code.invalid"
  | "summary.municipality_code.missing"
  | "summary.phone.invalid"
  | "summary.provenance.missing"
  | "summary.provenance.stale"
  | "summary.ref.unknown_member"
  | "summary.timeline.no_first_consultation"
  | "summary.value.out_of_range"
  | "summary.value.range_inverted"
  | "summary.version.old"
  | "summary.vital_signs.stale"
  | "summary.weight.implausible"
  | "summary.weight.missing"
  | "summary.weight.stale"
  | "upgrade.already_current"
  | "upgrade.field_added"
  | "upgrade.field_available"
  | "upgrade.field_needed"
  | "upgrade.not_object"
  | "upgrade.type_unknown"
  | "upgrade.version_unknown"
  | "wasm.not_initialized";

/**
 * 下書き / A document being filled in (draft mode, `run(op, input, { draft: true })`):
 * every field may be absent, and any value may still be `""` (not filled in yet).
 */
export type Draft<T> = T extends readonly (infer U)[]
  ? DraftValue<U>[]
  : T extends object
    ? { [K in keyof T]?: DraftValue<T[K]> }
    : T;

/** 下書きの値 / A value in a draft: the value (itself a draft), or `""` (not filled in yet). */
export type DraftValue<T> = Draft<T> | "";

/** ABO 血液型 / ABO blood group. */
export type AboGroup = "a" | "b" | "o" | "ab" | "unknown";

/** 年齢 / Age in whole years and months. */
export interface Age {
  /** か月（0–11） / Months past the last birthday (0–11). */
  months: number;
  /** 歳 / Whole years. */
  years: number;
}

/** Input of `calendar.age`. */
export interface AgeRequest {
  /** JSON Schema の URL（任意） / URL of this document's JSON Schema (optional). */
  $schema?: string | null;
  /** 基準日 / The reference date ("today"). */
  as_of: string;
  /** 生年月日 / Date of birth. */
  birth_date: string;
  /** 文書の形式の版（省略時は 1） / Document format version (absent means 1). */
  version?: FormatVersion | null;
}

/** Result of `calendar.age`. */
export interface AgeResult {
  /** 満年齢 / Age in whole years on `as_of` (年齢計算ニ関スル法律). */
  age: number;
  /** 生年月日（和暦） / Date of birth in 和暦. */
  birth_date_wareki?: string | null;
  /** 基準日の年度 / Fiscal year of `as_of`. */
  fiscal_year: number;
  /** 基準日の年度（和暦） / Fiscal year of `as_of` in 和暦. */
  fiscal_year_wareki?: string | null;
  /** 高等学校（高等部）入学日 / High school (department) entry (1 April). */
  high_school_entry: string;
  /** 中学校（中学部）入学日 / Junior high entry (1 April). */
  junior_high_entry: string;
  /** 6歳に達する日（その日の終わり） / The day at whose end the child reaches 6. */
  reaches_six: string;
  /** 20歳に達する日（その日の終わり） / The day at whose end the person reaches 20. */
  reaches_twenty: string;
  /** 小学校入学日 / Elementary school entry (1 April). */
  school_entry: string;
}

/** 議題 / One agenda item. */
export interface AgendaItem {
  /** 番号（記録のとおり、例: （１）） / Number, as the record writes it. */
  no?: string | null;
  /** 内容 / What was done under it. */
  notes?: string[];
  /** 議題 / Title. */
  title: string;
}

/** 集計結果 / Result of `summaries.aggregate`. */
export interface Aggregate {
  /** 基準日 / The day of the counts. */
  as_of: string;
  /** 対象児数 / Number of children counted. */
  children: Cell;
  /** 用途 / Mode. */
  mode: Mode;
  /** 市区町村 × 医療的ケア / The cross-table municipality × care kind. */
  municipality_by_care_kind: CrossTable;
  /** 秘匿したセルの数 / Number of suppressed cells (cross-table column totals counted once). */
  suppressed_cells: number;
  /** 集計表 / The tables. */
  tables: Table[];
  /** 秘匿の基準 / Threshold (publication mode). */
  threshold: number;
}

/** 集計の依頼 / Input of `summaries.aggregate`. */
export interface AggregateRequest {
  /** JSON Schema の URL（任意） / URL of this document's JSON Schema (optional). */
  $schema?: string | null;
  /** 基準日 / The day ages, school stages and scores are judged on. */
  as_of: string;
  /** 用途（既定は公表用） / Publication (default: small cells suppressed) or internal (exact counts). */
  mode?: Mode;
  /** 対象児の情報集約 / The children's summaries. */
  summaries?: ChildSummary[];
  /**
   * 秘匿の基準（既定 10：この数未満のセルを秘匿） / Cells under this count are suppressed in
   * publication mode (default 10, the NDB open data rule).
   */
  threshold?: number;
  /** 文書の形式の版（省略時は 1） / Document format version (absent means 1). */
  version?: FormatVersion | null;
}

/** 合意したサービス / A service agreed at a care conference. */
export interface AgreedService {
  /** 開始日 / Start date. */
  from?: string | null;
  /** 提供者（参加者ID） / Who provides it (a participant id). */
  provider?: string | null;
  /** サービス / The service (e.g. 訪問看護 週3回). */
  service: string;
}

/** アレルギー / Allergies: a status ("none" differs from "unknown") and the list. */
export interface Allergies {
  /** アレルギー（status が present のとき） / The allergies (when status is present). */
  items?: Allergy[];
  /** 有無 / Status. */
  status: AllergyStatus;
}

/** アレルギー / Allergies: a status ("none" differs from "unknown") and the list. */
export interface AllergiesOutput {
  /** アレルギー（status が present のとき） / The allergies (when status is present). */
  items: Allergy[];
  /** 有無 / Status. */
  status: AllergyStatus;
}

/** アレルギー一件 / One allergy. */
export interface Allergy {
  /** 分類 / Kind. */
  category: AllergyCategory;
  /** 症状（任意） / Reaction (optional). */
  reaction?: string | null;
  /** 反応の重さ（任意） / Severity (optional). */
  severity?: AllergySeverity | null;
  /** アレルゲン / Substance. */
  substance: string;
}

/** アレルゲンの分類 / Kind of allergen. */
export type AllergyCategory = "drug" | "food" | "latex" | "environmental" | "other";

/** 反応の重さ / Severity of the reaction. */
export type AllergySeverity = "mild" | "moderate" | "severe" | "anaphylaxis";

/** アレルギーの有無 / Whether the child has allergies. */
export type AllergyStatus = "none_known" | "unknown" | "present";

/** 割当結果 / Result of `shortstay.allocate`. */
export interface AllocationResult {
  /** 判定（夜の順、各夜は優先順） / Every decision, night by night, in the order made; then one `invalid_request` decision per request that could not be evaluated. */
  decisions: DecisionOutput[];
  /** 施設・夜ごとの使用状況 / Use of every facility-night that was considered, by facility then night. */
  load: FacilityNight[];
  /** 申込ごとの結果（入力の順） / Per request, in input order. */
  requests: RequestOutcome[];
}

/** 適用した方針 / The policy as applied: national values merged with the overrides. */
export interface AppliedPolicy {
  /** ミーティング間隔の上限（日） / Longest allowed gap between meetings, in days. */
  max_meeting_gap_days: number;
  /** 国の基準のまま / True when no override was given (the national rules apply as they are). */
  national: boolean;
  /** 役割ごとの基準 / The rule of every role. */
  roles: RoleRule[];
}

/** 出席者 / An attendee listed by the record. */
export interface Attendee {
  /** 機関ID / The organisation (id in `organisations`). */
  organisation: string;
  /** 人数（任意） / Number of people (optional). */
  people?: number | null;
}

/** 血液型 / Blood type. */
export interface BloodType {
  /** ABO 式 / ABO group. */
  abo: AboGroup;
  /** Rh 式 / Rh(D) type. */
  rh: RhType;
}

/** 空き情報 / The vacancy board a hub publishes. */
export interface Board {
  /** 行 / Rows, facilities down. */
  rows?: BoardRow[];
  /** 表題（任意） / Title (optional), e.g. ショートステイ空き情報. */
  title?: string | null;
}

/** 表の一行 / One row of the rendered board. */
export interface BoardLine {
  /** 施設ID / Facility id. */
  facility_id: string;
  /** 空き状況（日付ごと、実効値） / Effective mark per shown date (stale → unknown). */
  marks: Vacancy[];
  /** 名称 / Name from the directory (absent when the facility is not in it). */
  name?: string | null;
  /** 電話番号 / Phone number from the directory. */
  phone?: string | null;
  /** 古い / The row is stale: every mark shows as unknown. */
  stale: boolean;
  /** 最終更新日 / Date the row was last updated. */
  updated_on: string;
}

/** 空き情報の一行 / One row of the vacancy board: one facility, marks for consecutive dates. */
export interface BoardRow {
  /** 施設ID / The facility's id in the directory. */
  facility_id: string;
  /** 空き状況 / Marks for `start`, `start`+1, … (a date past the end is unknown). */
  marks: Vacancy[];
  /** 開始日 / Date of the first mark. */
  start: string;
  /** 最終更新日 / Date this row was last updated. */
  updated_on: string;
}

/** 空き情報の表 / Result of `shortstay.board`. */
export interface BoardView {
  /** 表示する日付 / The dates shown, left to right. */
  dates: string[];
  /** 表のテキスト（タブ区切り、1行目は見出し） / The board as tab-separated text lines, heading first, as [S-004] shows it. */
  lines: string[];
  /** 行（空き情報の順） / Rows, in board order (facilities down). */
  rows: BoardLine[];
  /** 表題 / Title. */
  title: string;
}

/** Result of `meetings.by_item`. */
export interface ByItem {
  /** 年度 / The fiscal year reported. */
  fiscal_year: number;
  /** 取組ごと（計画、番号順） / Per item, by plan and number. */
  items: ItemMeetings[];
  /** 年度内の会議の数 / Meetings in the year. */
  meetings: number;
  /** 機関ごと（ID順） / Per organisation, by id. */
  organisations: OrganisationActivity[];
}

/** ケア会議 / The particulars of a care conference about one child. */
export interface CareConference {
  /**
   * 対象児のID（情報集約シートの child.id。個人情報は写さない） / The child's id (the
   * `child.id` of the child's summary; no personal data is copied).
   */
  child_id: ChildId;
  /** 調整役（参加者ID） / Who coordinates (a participant id). */
  coordinator?: string | null;
  /** 参加者 / Participants, by role (the family included). */
  participants: Participant[];
  /** 見直し予定日 / When the agreed plan is reviewed. */
  review_on?: string | null;
  /** 合意したサービス / Services agreed. */
  services?: AgreedService[];
}

/**
 * 医療的ケアの1項目 / One kind of medical care a child receives, with the detail the
 * scores need. Detail fields apply to some kinds only (each field says which); a field
 * given for another kind is the error `care.item.detail_not_applicable`.
 */
export interface CareItem {
  /**
   * 市販の使い捨てグリセリン浣腸のみ / Only small commercial disposable glycerin
   * enemas (enema only; these do not count for the medical care score).
   */
  commercial_glycerin_only?: boolean;
  /** 継続使用 / Used continuously (nebuliser only). */
  continuous?: boolean;
  /** 栄養経路 / Feeding route (tube feeding and enteral feeding only). */
  feeding_route?: FeedingRoute | null;
  /**
   * 頻度 / How often (ventilator — for NIPPV, CPAP and cough assist, which the
   * super-severe score counts only when used every day —, suctioning, nebuliser,
   * catheterisation, position changes, hypertonia care, injections, glucose, dialysis,
   * bowel care, enema, seizure care).
   */
  frequency?: Frequency | null;
  /** 1日の使用時間 / Hours a day, 1–24 (ventilator and oxygen only). */
  hours_per_day?: number | null;
  /** 種類 / Kind of care. */
  kind: CareKind;
  /** 痙攣時の対応 / Measures during a seizure (seizure care only). */
  seizure_measures?: SeizureMeasure[];
  /** 開始日 / Since when (for the 6-month and NICU 1-month rules of the super-severe score). */
  since?: string | null;
  /** 吸引の部位 / Suction sites (suctioning only). */
  suction_sites?: SuctionSite[];
  /** 導尿の方法 / Kind of continuous drainage (continuous catheterisation only). */
  urinary_route?: UrinaryRoute | null;
  /** 人工呼吸器の種類 / Ventilation modes used (ventilator only). */
  ventilation?: VentilationMode[];
  /** 見守り / Watch level, where the medical care score offers one for this kind. */
  watch?: WatchLevel | null;
}

/** 医療的ケアの種類 / A kind of medical care. */
export type CareKind = "ventilator" | "tracheostomy" | "nasopharyngeal_airway" | "oxygen" | "suctioning" | "nebulizer" | "oral_feeding_assisted" | "tube_feeding" | "enteral_feeding" | "feeding_pump" | "central_line" | "subcutaneous_injection" | "subcutaneous_pump" | "blood_glucose" | "dialysis" | "intermittent_catheterization" | "continuous_catheterization" | "stoma" | "bowel_care" | "enema" | "seizure_care" | "position_change" | "hypertonia_care";

/** 支援チームでの役割 / Role in the care team. */
export type CareRole = "primary_hospital" | "primary_doctor" | "local_doctor" | "emergency_hospital" | "visiting_nurse_station" | "counsellor" | "coordinator" | "school" | "day_service" | "public_health_nurse" | "short_stay" | "home_help" | "therapist" | "pharmacy" | "dentist" | "device_supplier" | "municipality" | "other";

/** 支援チームの一員 / A member of the care team (an organisation, or a person in one). */
export interface CareTeamMember {
  /** 識別子（この文書の中で一意、他の項目から参照） / Id, unique in this document, referred to by other parts. */
  id: string;
  /** 機関名 / Organisation. */
  organisation: string;
  /** 担当者名（任意） / Person (optional). */
  person?: string | null;
  /** 電話番号 / Phone number. */
  phone?: string | null;
  /** 夜間・休日の電話番号（任意） / Out-of-hours phone number (optional). */
  phone_out_of_hours?: string | null;
  /** 役割 / Role. */
  role: CareRole;
}

/** 継続検討事項 / A matter carried over (引き続きの検討課題). */
export interface CarriedOver {
  /** 計画の取組番号 / The plan items it concerns. */
  items?: ItemRef[];
  /** 内容（記録のとおり） / The matter, as the record writes it. */
  text: string;
  /** テーマ（記録のとおり） / Theme heading, as the record writes it. */
  theme?: string | null;
}

/** 集計のセル / One cell of a table. */
export interface Cell {
  /** 人数（秘匿のときはなし） / Number of children; absent when suppressed. */
  count?: number | null;
  /** キー / Stable key (`0-4`, `ventilator`, a municipality code, …). */
  key: string;
  /** 見出し（英語） / Label in English. */
  label_en: string;
  /** 見出し / Label in Japanese. */
  label_ja: string;
  /** 秘匿 / True if the count is suppressed. */
  suppressed: boolean;
}

/** 工程表 / Result of `plan.chart`. */
export interface Chart {
  /** 段階の帯の数 / Phase bars drawn (one per phase of each quarter). */
  bars: number;
  /** 取組の行数 / Item rows drawn. */
  rows: number;
  /** 省略した取組名 / Numbers of the items whose title was shortened. */
  shortened_titles: number[];
  /**
   * SVG 文書（スケジュール図とタスク×四半期の表） / The SVG document: the schedule chart
   * and the task × quarter table-chart below it.
   */
  svg: string;
  /** タスク×四半期の取組数 / Initiatives per task and quarter. */
  task_quarters: TaskQuarters[];
}

/** 行のまとめ方 / How the chart groups its rows. */
export type ChartGrouping = "issue_group" | "task";

/**
 * 工程表の照会 / Input of `plan.chart`: the plan and, optionally, progress statuses. When
 * `statuses` is empty, the plan's own progress part (what `plan.progress` reads) gives the
 * statuses, and its date stands in for a missing `as_of`.
 */
export interface ChartRequest {
  /** JSON Schema の URL（任意） / URL of this document's JSON Schema (optional). */
  $schema?: string | null;
  /** 基準日（任意） / The date progress is judged on (optional; drawn as a line). */
  as_of?: string | null;
  /** 行のまとめ方 / Group the rows by issue group (default) or by home task. */
  group_by?: ChartGrouping;
  /** 注記 / Notes on the document. */
  notes?: string | null;
  /** 取組計画 / The plan. */
  plan: Plan;
  /** 取組ごと・四半期ごとの状況（任意） / Status per item and quarter (optional). */
  statuses?: ItemStatus[];
  /** 文書形式の版（任意、無ければ 1） / Document format version (optional; absent means 1). */
  version?: FormatVersion | null;
}

/** 本人 / The child. */
export interface Child {
  /** 血液型（任意） / Blood type (optional). */
  blood_type?: BloodType | null;
  /** 生年月日 / Date of birth. */
  date_of_birth: string;
  /** 対象児 id（拠点が付ける、氏名・生年月日・電話番号を含まない） / Child id assigned by the hub, e.g. `kyoten:odawara:2024-0017` (no name, birth date or phone number in it). */
  id: ChildId;
  /** ふりがな（ひらがな又はカタカナ） / Name in kana (hiragana or katakana). */
  kana: string;
  /** 住所地の市区町村 / Municipality of residence. */
  municipality: string;
  /** 全国地方公共団体コード（6桁、検査数字付き） / The municipality's 全国地方公共団体コード (six digits with the check digit), e.g. 142069. */
  municipality_code?: MunicipalityCode | null;
  /** 氏名 / Name. */
  name: string;
  /** 性別 / Sex. */
  sex: Sex;
}

/** 子どもごとの未完了事項 / One child's open assignments. */
export interface ChildAssignments {
  /** 対象児のID / The child's id. */
  child_id: ChildId;
  /** ケア会議の回数 / Care conferences held (on or before `as_of`). */
  conferences: number;
  /** 調整役（参加者ID、直近の会議） / Who coordinates (participant id, latest conference). */
  coordinator?: string | null;
  /** 直近のケア会議 / Date of the latest conference. */
  last_conference: string;
  /** 未完了の担当事項（会議順） / Open assignments, by conference. */
  open: OpenAssignment[];
  /** 見直し予定日（直近の会議） / Review date (latest conference). */
  review_on?: string | null;
  /** 見直し期限切れ / True if the review date is before `as_of`. */
  review_overdue: boolean;
}

/**
 * 対象児 id / An opaque child id assigned by the hub, e.g. `kyoten:odawara:2024-0017`.
 *
 * Not personal data: no name, birth date or phone number in it. Two records with the
 * same id describe the same child.
 */
export type ChildId = string;

/** 対象児の情報集約 / A child's care summary. */
export interface ChildSummary {
  /** アレルギー / Allergies. */
  allergies: Allergies;
  /** 支援チーム / Care team. */
  care_team?: CareTeamMember[];
  /** 本人 / The child. */
  child: Child;
  /** 医療的ケア・運動機能・知能 / Clinical profile: care items, motor level, IQ/DQ. */
  clinical?: ClinicalProfile;
  /** 情報提供についての同意（要配慮個人情報） / The family's consents to share this summary (it is 要配慮個人情報). */
  consents?: Consent[];
  /** 医療機器と設定 / Devices and their settings. */
  devices?: Device[];
  /** 診断名 / Diagnoses. */
  diagnoses?: Diagnosis[];
  /** 緊急連絡先（優先順） / Emergency contacts, first to call first. */
  emergency_contacts?: Contact[];
  /** 緊急時の対応計画 / Emergency plan. */
  emergency_plan?: EmergencyPlan | null;
  /** 保護者 / Guardians. */
  guardians?: Contact[];
  /** 受診・入院歴 / History of visits and admissions. */
  history?: HistoryEntry[];
  /** 服薬 / Medications. */
  medications?: Medication[];
  /** 記録者と記録日 / Who recorded each part, and when. */
  provenance?: Provenance[];
  /** 予防接種歴 / Vaccinations. */
  vaccinations?: Vaccination[];
  /** 平常時のバイタルサイン / Baseline vital signs. */
  vital_signs?: VitalSigns | null;
}

/** 対象児の情報集約 / A child's care summary. */
export interface ChildSummaryOutput {
  /** アレルギー / Allergies. */
  allergies: AllergiesOutput;
  /** 支援チーム / Care team. */
  care_team: CareTeamMember[];
  /** 本人 / The child. */
  child: Child;
  /** 医療的ケア・運動機能・知能 / Clinical profile: care items, motor level, IQ/DQ. */
  clinical: ClinicalProfileOutput;
  /** 情報提供についての同意（要配慮個人情報） / The family's consents to share this summary (it is 要配慮個人情報). */
  consents: Consent[];
  /** 医療機器と設定 / Devices and their settings. */
  devices: DeviceOutput[];
  /** 診断名 / Diagnoses. */
  diagnoses: DiagnosisOutput[];
  /** 緊急連絡先（優先順） / Emergency contacts, first to call first. */
  emergency_contacts: Contact[];
  /** 緊急時の対応計画 / Emergency plan. */
  emergency_plan?: EmergencyPlanOutput | null;
  /** 保護者 / Guardians. */
  guardians: Contact[];
  /** 受診・入院歴 / History of visits and admissions. */
  history: HistoryEntry[];
  /** 服薬 / Medications. */
  medications: MedicationOutput[];
  /** 記録者と記録日 / Who recorded each part, and when. */
  provenance: Provenance[];
  /** 予防接種歴 / Vaccinations. */
  vaccinations: Vaccination[];
  /** 平常時のバイタルサイン / Baseline vital signs. */
  vital_signs?: VitalSigns | null;
}

/** 状態・疾患 / A condition that decides entitlement to 医療型短期入所 ([C-D], `docs/sources.md`). */
export type ClinicalCondition = "persistent_vegetative_state" | "intractable_disease" | "motor_neuron_disease" | "progressive_muscular_atrophy";

/**
 * 臨床像 / The clinical profile of a child: the medical care received and the facts the
 * scores of [C-A]–[C-D] (`docs/sources.md`) read. A child summary embeds it.
 */
export interface ClinicalProfile {
  /** 行動関連項目の合計点 / Behaviour-related score (0–24). */
  behaviour_score?: number | null;
  /** 医療的ケア / Medical care received, one item per kind. */
  care?: CareItem[];
  /** 状態・疾患 / Conditions that decide entitlement to 医療型短期入所. */
  conditions?: ClinicalCondition[];
  /** 発達指数（DQ） / Developmental quotient (0–200), used for the Oshima band when no IQ is known. */
  dq?: number | null;
  /** 知能指数（IQ） / Intelligence quotient (0–200), where known. */
  iq?: number | null;
  /** SpO2 低値 / Time at SpO2 ≤ 90%, where measured. */
  low_spo2?: LowSpo2 | null;
  /** 運動機能 / Motor level, where known. */
  motor_level?: MotorLevel | null;
  /** NICU 退院日 / Date of discharge from the NICU (for the 1-month rule). */
  nicu_discharge?: string | null;
  /** 障害支援区分 / Disability support level 0–6 (0 = 非該当). */
  support_level?: number | null;
}

/**
 * 臨床像 / The clinical profile of a child: the medical care received and the facts the
 * scores of [C-A]–[C-D] (`docs/sources.md`) read. A child summary embeds it.
 */
export interface ClinicalProfileOutput {
  /** 行動関連項目の合計点 / Behaviour-related score (0–24). */
  behaviour_score?: number | null;
  /** 医療的ケア / Medical care received, one item per kind. */
  care: CareItem[];
  /** 状態・疾患 / Conditions that decide entitlement to 医療型短期入所. */
  conditions?: ClinicalCondition[];
  /** 発達指数（DQ） / Developmental quotient (0–200), used for the Oshima band when no IQ is known. */
  dq?: number | null;
  /** 知能指数（IQ） / Intelligence quotient (0–200), where known. */
  iq?: number | null;
  /** SpO2 低値 / Time at SpO2 ≤ 90%, where measured. */
  low_spo2?: LowSpo2 | null;
  /** 運動機能 / Motor level, where known. */
  motor_level?: MotorLevel | null;
  /** NICU 退院日 / Date of discharge from the NICU (for the 1-month rule). */
  nicu_discharge?: string | null;
  /** 障害支援区分 / Disability support level 0–6 (0 = 非該当). */
  support_level?: number | null;
}

/** 同意 / One consent: for which uses, to whom, given when and by whom, withdrawn when. */
export interface Consent {
  /** 有効期限（任意、この日まで有効） / Valid until this day (optional). */
  expires_on?: string | null;
  /** 同意した人 / Who gave it. */
  given_by: ConsentGiver;
  /** 同意した日 / Date given. */
  given_on: string;
  /** 機関名（to が institution のとき） / Institution's name (when `to` is `institution`). */
  institution?: string | null;
  /** 支援チームの id（to が care_team_member のとき） / Care-team id (when `to` is `care_team_member`). */
  member?: string | null;
  /** 役割（to が care_role のとき） / Care-team role (when `to` is `care_role`). */
  role?: CareRole | null;
  /** 相手の範囲 / To whom. */
  to: RecipientScope;
  /** 利用目的（一つ以上） / The uses consented to (one or more). */
  uses: ConsentUse[];
  /** 撤回した日（任意、この日から無効） / Withdrawn on this day (optional; no longer valid from it). */
  withdrawn_on?: string | null;
}

/** 同意した人 / Who gave the consent. */
export type ConsentGiver = "child" | "mother" | "father" | "legal_guardian" | "foster_parent" | "facility_head" | "other";

/** 同意の対象となる利用目的 / A use of the summary that a consent covers. */
export type ConsentUse = "emergency_sheet" | "emergency_care" | "information_sharing" | "fhir_export" | "statistics" | "care_conference" | "research";

/** 相談1件 / One consultation (one line of the log; every field is one column). */
export interface Consultation {
  /** 相談日 / Date of the consultation. */
  date: string;
  /** 解決 / Resolved (absent: not recorded). */
  resolved?: boolean | null;
  /** 相談元 / Who asked. */
  source: Source;
  /** 対応するタスク（1〜6） / The task (1–6) the consultation serves. */
  task?: TaskNo | null;
  /** 相談内容 / What it was about (one or more). */
  topics?: Topic[];
}

/** 相談記録 / Input of `consultations.summarize`: the consultation log. */
export interface ConsultationLog {
  /** JSON Schema の URL（任意） / URL of this document's JSON Schema (optional). */
  $schema?: string | null;
  /** 相談 / The consultations, one per line of the log. */
  consultations?: Consultation[];
  /**
   * 集計する年度（西暦の開始年、2012 = 平成24年度） / Fiscal year to summarise (its first
   * calendar year: 2012 = 平成24年度, April 2012 to March 2013).
   */
  fiscal_year: number;
  /** 注記 / Notes on the log. */
  notes?: string | null;
  /** 文書の形式の版（省略時は 1） / Document format version (absent means 1). */
  version?: FormatVersion | null;
}

/** 相談の集計 / Result of `consultations.summarize`. */
export interface ConsultationSummary {
  /** 相談元別（当年度、多い順） / This year by source, most first. */
  by_source: CountRow[];
  /** タスク別（当年度） / This year by task (1–6, then none). */
  by_task: CountRow[];
  /** 相談内容別（当年度、多い順） / This year by topic, most first. */
  by_topic: CountRow[];
  /** 年度 / The fiscal year. */
  fiscal_year: number;
  /** 年度（和暦） / The fiscal year in 和暦 (平成24年度). */
  fiscal_year_ja: string;
  /** 月別件数（当年度、前年度の順） / Monthly counts: this year, then last year. */
  monthly: MonthlyRow[];
  /** 相談元別の月別件数（当年度、件数のある区分） / This year's monthly counts of each source with any. */
  monthly_by_source: MonthlyRow[];
  /** 解決状況（当年度） / This year: resolved, unresolved, not recorded. */
  resolution: CountRow[];
  /** 前年度比 / Year on year. */
  year_on_year: YearOnYear;
}

/** 保護者・緊急連絡先 / A guardian or an emergency contact. */
export interface Contact {
  /** ふりがな（任意） / Name in kana (optional). */
  kana?: string | null;
  /** 氏名 / Name. */
  name: string;
  /** 連絡がつく時間帯など（任意） / When reachable, and other notes (optional). */
  note?: string | null;
  /** 電話番号 / Phone number. */
  phone?: string | null;
  /** 別の電話番号（任意） / Another phone number (optional). */
  phone_alt?: string | null;
  /** 続柄 / Relationship to the child. */
  relationship: Relationship;
}

/** 一件の変換結果 / One converted text, in input order. */
export interface Conversion {
  /** 西暦の日付 / The date (for dates). */
  date?: string | null;
  /** 年度（西暦、開始年） / The fiscal year, named by the calendar year it starts in. */
  fiscal_year?: number | null;
  /** 種類 / What the text was read as. */
  kind: ConversionKind;
  /** 年月（頃） / The month (for approximate months), `YYYY-MM`. */
  month?: string | null;
  /** 四半期 / The fiscal quarter (for dates and months). */
  quarter?: Quarter | null;
  /** 和暦表記 / The 和暦 form (令和元年5月1日, 令和元年度, 平成29年9月頃), in the requested style. */
  wareki?: string | null;
}

/** 変換結果の種類 / What a text was read as. */
export type ConversionKind = "date" | "fiscal_year" | "approx_month" | "invalid";

/** Input of `calendar.convert`: texts to read as dates or fiscal years. */
export interface ConvertRequest {
  /** JSON Schema の URL（任意） / URL of this document's JSON Schema (optional). */
  $schema?: string | null;
  /**
   * 和暦表記の数字（任意、既定は算用数字） / How numbers are written in the 和暦 output
   * (optional; Arabic digits by default).
   */
  style?: WarekiStyle | null;
  /**
   * 変換する文字列 / Texts to convert: 和暦 or ISO dates, approximate months (平成29年９月頃),
   * 和暦 or western fiscal years; numbers in digits or kanji numerals.
   */
  values: string[];
  /** 文書の形式の版（省略時は 1） / Document format version (absent means 1). */
  version?: FormatVersion | null;
}

/** Result of `calendar.convert`. */
export interface ConvertResult {
  /** 変換結果（入力と同じ順） / One conversion per input text, in the same order. */
  values: Conversion[];
}

/** 件数の行 / One labelled count. */
export interface CountRow {
  /** 件数 / Count. */
  count: number;
  /** キー / Key. */
  key: string;
  /** 見出し（英語） / Label in English. */
  label_en: string;
  /** 見出し / Label in Japanese. */
  label_ja: string;
}

/** タスク別・四半期別の集計 / Result of `plan.coverage`. */
export interface Coverage {
  /** 実施主体別 / Initiatives per implementer. */
  implementers: ImplementerCount;
  /** 取組（再掲を除く） / Number of distinct initiatives (items that are not 再掲). */
  initiatives: number;
  /** 取組数 / Number of items (再掲 included). */
  items: number;
  /** 主たる機関の負担 / Initiatives led per organisation, most first. */
  lead_load: LeadLoad[];
  /** モデル地域で実施 / Initiatives run (partly) in the model area. */
  model_area: number;
  /** 四半期別 / Per quarter, Q1–Q4 in order. */
  per_quarter: QuarterCoverage[];
  /** タスク別 / Per task, 1–6 in order. */
  per_task: TaskCoverage[];
  /** 再掲数 / Number of 再掲 items. */
  repeats: number;
  /** 取組のないタスク / Tasks no item serves. */
  uncovered_tasks: number[];
}

/** クロス表の行 / One row (a municipality) of the cross-table. */
export interface CrossRow {
  /** 列ごとのセル / One cell per column, in column order. */
  cells: Cell[];
  /** 市区町村コード（`unknown` はコード未記入） / Municipality code (`unknown`: no code). */
  key: string;
  /** 見出し / Label in Japanese. */
  label_ja: string;
}

/** 市区町村 × 医療的ケアのクロス表 / The cross-table municipality × care kind. */
export interface CrossTable {
  /** 列の合計（医療的ケア別の表と同じ） / Column totals: the cells of the care-kind table. */
  column_totals: Cell[];
  /** 行（市区町村） / Rows, one per municipality. */
  rows: CrossRow[];
  /** 表題（英語） / Title in English. */
  title_en: string;
  /** 表題 / Title in Japanese. */
  title_ja: string;
}

/** 決定事項 / A decision. */
export interface Decision {
  /** 完了日 / Date done (absent: still open). */
  done_on?: string | null;
  /** 期限 / Due date. */
  due?: string | null;
  /** 計画の取組番号 / The plan items it concerns. */
  items?: ItemRef[];
  /**
   * 担当（機関ID、ケア会議では参加者ID） / Who is responsible (organisation ids; for a
   * care conference, participant ids).
   */
  responsible?: string[];
  /** 内容 / What was decided. */
  text: string;
}

/** 判定 / Granted or refused. */
export type DecisionOutcome = "granted" | "refused";

/** 一晩の判定 / One decision: one request, one night. */
export interface DecisionOutput {
  /** 説明 / Why (`shortstay.allocation.*`), pointing at the request. */
  explanation: Finding;
  /** 施設ID / The facility given, when granted. */
  facility_id?: string | null;
  /** 夜 / The night (for an invalid request, its first night). */
  night: string;
  /** 判定 / Granted or refused. */
  outcome: DecisionOutcome;
  /** 申込ID / Request id. */
  request_id: string;
  /** 申込の位置 / Position of the request in the input (0-based). */
  request_index: number;
  /** 判定時の利用日数 / Used days the family was judged with (its priority: fewer first). */
  used_before: number;
}

/** 遅れの理由 / Why an item is late. */
export type DelayReason = "scheduling" | "coordination" | "staffing" | "budget" | "review" | "dependency" | "other";

/** 医療機器 / A device. */
export interface Device {
  /** 種類 / Kind. */
  kind: DeviceKind;
  /** 最終交換日（任意） / Last changed on (optional), e.g. a tracheostomy tube. */
  last_changed?: string | null;
  /** モード（人工呼吸器、任意） / Mode (ventilator, optional), e.g. SIMV. */
  mode?: string | null;
  /** 備考（任意） / Notes (optional). */
  note?: string | null;
  /** 製品名・型番（任意） / Product and model (optional). */
  product?: string | null;
  /** 設定 / Settings. */
  settings?: DeviceSetting[];
  /** 使用開始日（任意） / In use since (optional). */
  since?: string | null;
  /** 供給・管理する事業者（支援チームの id、任意） / Supplier or manager (care-team id, optional). */
  supplier?: string | null;
  /** 業者の緊急連絡先（任意、24時間窓口など。支援チームの電話番号より優先） / The supplier's emergency phone for this device (optional, e.g. a 24-hour line; used before the care-team member's phone). */
  supplier_phone?: string | null;
}

/** 医療機器の種類 / Kind of device. */
export type DeviceKind = "ventilator" | "cough_assist" | "tracheostomy_tube" | "nasopharyngeal_airway" | "oxygen_concentrator" | "oxygen_cylinder" | "high_flow" | "pulse_oximeter" | "suction_unit" | "nebulizer" | "nasogastric_tube" | "nasojejunal_tube" | "gastrostomy" | "jejunostomy" | "feeding_pump" | "central_venous_catheter" | "infusion_pump" | "glucose_monitor" | "dialysis_cycler" | "urinary_catheter" | "stoma_appliance" | "vagus_nerve_stimulator" | "vp_shunt" | "other";

/** 医療機器 / A device. */
export interface DeviceOutput {
  /** 種類 / Kind. */
  kind: DeviceKind;
  /** 最終交換日（任意） / Last changed on (optional), e.g. a tracheostomy tube. */
  last_changed?: string | null;
  /** モード（人工呼吸器、任意） / Mode (ventilator, optional), e.g. SIMV. */
  mode?: string | null;
  /** 備考（任意） / Notes (optional). */
  note?: string | null;
  /** 製品名・型番（任意） / Product and model (optional). */
  product?: string | null;
  /** 設定 / Settings. */
  settings: DeviceSetting[];
  /** 使用開始日（任意） / In use since (optional). */
  since?: string | null;
  /** 供給・管理する事業者（支援チームの id、任意） / Supplier or manager (care-team id, optional). */
  supplier?: string | null;
  /** 業者の緊急連絡先（任意、24時間窓口など。支援チームの電話番号より優先） / The supplier's emergency phone for this device (optional, e.g. a 24-hour line; used before the care-team member's phone). */
  supplier_phone?: string | null;
}

/** 設定値 / One setting of a device. */
export interface DeviceSetting {
  /** 項目 / Parameter (its unit is fixed by the parameter). */
  parameter: SettingParameter;
  /** 値 / Value, in the parameter's unit. */
  value: number;
}

/** 診断名 / A diagnosis. */
export interface Diagnosis {
  /** 診断日（任意） / Date of diagnosis (optional). */
  diagnosed_on?: string | null;
  /** ICD-10 コード（任意、例 G80.0） / ICD-10 code (optional, e.g. G80.0). */
  icd10?: string | null;
  /** 病名 / Name of the condition. */
  name: string;
  /** 主病名 / The main diagnosis. */
  primary?: boolean;
}

/** 診断名 / A diagnosis. */
export interface DiagnosisOutput {
  /** 診断日（任意） / Date of diagnosis (optional). */
  diagnosed_on?: string | null;
  /** ICD-10 コード（任意、例 G80.0） / ICD-10 code (optional, e.g. G80.0). */
  icd10?: string | null;
  /** 病名 / Name of the condition. */
  name: string;
  /** 主病名 / The main diagnosis. */
  primary: boolean;
}

/** 文書の種類 / A kyoten document type: the file-name stem of its schema. */
export type DocumentType = "age-request" | "aggregate-request" | "chart-request" | "consultation-log" | "convert-request" | "meeting" | "meeting-progress-request" | "meeting-records" | "fhir-import-request" | "plan" | "progress-request" | "qr-payload" | "rules-query" | "score-request" | "shortstay-allocation" | "shortstay-board-query" | "shortstay-evaluation" | "shortstay-search" | "staffing-request" | "summary-request" | "tasks-query" | "training-log" | "upgrade-request";

/**
 * 会議で完了とした段階 / A 会議開催 item-quarter counted as done because a council meeting
 * of the plan was held in it.
 */
export interface DoneByMeeting {
  /** 開催日 / The first meeting held in it. */
  held_on: string;
  /** 取組 / The item. */
  item: ItemRef;
  /** 四半期 / The quarter. */
  quarter: Quarter;
}

/** 場面ごとの対応 / What to do in one situation. */
export interface EmergencyAction {
  /** 対応 / What to do. */
  action: string;
  /** 場面 / Situation. */
  situation: Situation;
}

/** 区分ごとの内容 / One section of the view. */
export interface EmergencyBlock {
  /** 項目（短い日本語の文） / Items, short Japanese phrases. */
  items: string[];
  /** 省略した件数 / Number of items left out to fit one screen. */
  omitted: number;
  /** 区分 / Section. */
  section: EmergencySection;
  /** 見出し / Japanese heading. */
  title_ja: string;
}

/** 救急時の要約の本人欄 / The child, as the emergency view shows it. */
export interface EmergencyChild {
  /** 年齢 / Age on `as_of`. */
  age?: Age | null;
  /** 血液型 / Blood type. */
  blood_type?: BloodType | null;
  /** 生年月日 / Date of birth. */
  date_of_birth: string;
  /** ふりがな / Kana. */
  kana: string;
  /** 氏名 / Name. */
  name: string;
  /** 性別 / Sex. */
  sex: Sex;
  /** 体重 (kg) / Weight (kg). */
  weight_kg?: number | null;
}

/** 緊急時の対応計画 / Emergency plan, agreed by the family and the doctor. */
export interface EmergencyPlan {
  /** 場面ごとの対応（優先順） / Actions per situation, most important first. */
  actions?: EmergencyAction[];
  /** 家族と合意した日 / Date agreed with the family. */
  agreed_on?: string | null;
  /** 搬送先（支援チームの id） / Where to take the child (care-team id). */
  destination?: string | null;
  /** 計画を確認した医師（支援チームの id、任意） / Doctor who agreed the plan (care-team id, optional). */
  doctor?: string | null;
  /** 心肺蘇生についての意思 / Wishes about resuscitation. */
  resuscitation: Resuscitation;
}

/** 緊急時の対応計画 / Emergency plan, agreed by the family and the doctor. */
export interface EmergencyPlanOutput {
  /** 場面ごとの対応（優先順） / Actions per situation, most important first. */
  actions: EmergencyAction[];
  /** 家族と合意した日 / Date agreed with the family. */
  agreed_on?: string | null;
  /** 搬送先（支援チームの id） / Where to take the child (care-team id). */
  destination?: string | null;
  /** 計画を確認した医師（支援チームの id、任意） / Doctor who agreed the plan (care-team id, optional). */
  doctor?: string | null;
  /** 心肺蘇生についての意思 / Wishes about resuscitation. */
  resuscitation: Resuscitation;
}

/** 救急時の要約の区分 / A section of the emergency view, in display order. */
export type EmergencySection = "patient" | "diagnoses" | "resuscitation" | "allergies" | "airway" | "care" | "medications" | "baseline" | "actions" | "contacts";

/** `summary.emergency_sheet` の結果 / Result of `summary.emergency_sheet`. */
export interface EmergencySheet {
  /** 印刷用HTML（A4・2ページまで、外部参照なし） / The printable HTML document (A4, at most two pages, nothing external). */
  html: string;
  /** QRコードに入らなかった項目数 / Items left out of the QR code to fit. */
  qr_left_out: number;
  /** QRコードの内容（KY1形式） / The QR code's payload text (format KY1). */
  qr_payload?: string | null;
  /** QRコードの型番（1〜25、誤り訂正レベルM） / The QR code's version (1–25, error correction M). */
  qr_version?: number | null;
  /** 短縮した区分 / Parts shortened to fit two pages. */
  shortened: SheetPart[];
}

/** 救急時の要約 / The emergency view. */
export interface EmergencyView {
  /** 基準日 / As of. */
  as_of: string;
  /** 本人 / The child. */
  child: EmergencyChild;
  /** 区分（決まった順） / The sections, always all ten, in the fixed order. */
  sections: EmergencyBlock[];
  /** 平文（日本語） / The same as plain Japanese text, one line per section. */
  text_ja: string[];
}

/** 医療型短期入所の判断の方針 / Policy for deciding entitlement to 医療型短期入所. */
export interface EntitlementPolicy {
  /**
   * 未確認の根拠を認める / Accept an unconfirmed ground (found in one source only) on its
   * own as a ground for 医療型短期入所 (default false). Either way an `info` finding says
   * when the result depends on one.
   */
  accept_unconfirmed_grounds?: boolean;
}

/** 判定結果 / Result of `shortstay.evaluate`. */
export interface EvaluationResult {
  /** 支給量から差し引く日数 / Days the stay counts against the granted days. */
  days_counted: number;
  /** 利用可能な施設（順位順） / Eligible facilities, best first (see the module docs for the order). */
  eligible: RankedFacility[];
  /** 全施設の判定（施設一覧の順） / Every facility's verdict, in directory order. */
  facilities: FacilityVerdict[];
  /** 利用する夜 / The requested nights. */
  nights: string[];
  /** 申込ID / Request id. */
  request_id: string;
}

/** 根拠 / One piece of evidence for an item's progress. */
export interface Evidence {
  /** 日付 / Date of the document or event. */
  date?: string | null;
  /** 取組 / The item it is evidence for. */
  item: ItemRef;
  /** 種類 / Kind. */
  kind: EvidenceKind;
  /** 四半期 / The quarter it is evidence for, if one. */
  quarter?: Quarter | null;
  /** 表題 / Title of the document or event. */
  title: string;
}

/** 根拠の種類 / Kind of evidence. */
export type EvidenceKind = "document" | "report" | "event" | "meeting" | "other";

/** 短期入所施設 / One facility of the short-stay directory. */
export interface Facility {
  /** 圏域 / Area (e.g. a secondary medical area); a request from the same area ranks it first. */
  area: string;
  /** 短期入所の病床数 / Beds for short stays. */
  beds: number;
  /** 対応できる医療的ケア / The kinds of medical care the facility can give. */
  care?: CareKind[];
  /** 施設ID / Identifier, unique in the directory; board rows refer to it. */
  id: string;
  /** 種別 / Kind of facility. */
  kind: FacilityKind;
  /** 受入上限年齢（歳、この年齢まで） / Oldest age accepted, in whole years, inclusive; absent = no limit. */
  max_age?: number | null;
  /** 連続利用の上限（泊） / Longest stay, in nights. */
  max_nights: number;
  /** 受入下限年齢（歳） / Youngest age accepted, in whole years (default 0). */
  min_age?: number;
  /** 市町村 / Municipality. */
  municipality: string;
  /** 名称 / Name (as the hub publishes it). */
  name: string;
  /** 電話番号（任意） / Phone number (optional). */
  phone?: string | null;
  /** 類型 / Medical (医療型) or welfare (福祉型) short stay. */
  service: ServiceType;
}

/** 利用不可の施設と理由コード / A facility a request cannot use, with the reason codes. */
export interface FacilityCodes {
  /** 施設ID / Facility id. */
  facility_id: string;
  /** 理由コード / The `shortstay.reason.*` codes (see `shortstay.evaluate` for messages). */
  reasons: string[];
}

/** 施設の種別 / Kind of facility. */
export type FacilityKind = "hospital" | "clinic" | "medical_disabled_child_facility" | "long_term_care_health_facility" | "welfare_short_stay" | "other";

/** 施設・夜ごとの使用状況 / Beds used on one facility-night that some request asked for. */
export interface FacilityNight {
  /** 割当可能数 / Beds the allocator could give (from the board and the policy). */
  capacity: number;
  /** 施設ID / Facility id. */
  facility_id: string;
  /** 割当数 / Beds given. */
  granted: number;
  /** 夜 / The night. */
  night: string;
}

/** 短期入所施設 / One facility of the short-stay directory. */
export interface FacilityOutput {
  /** 圏域 / Area (e.g. a secondary medical area); a request from the same area ranks it first. */
  area: string;
  /** 短期入所の病床数 / Beds for short stays. */
  beds: number;
  /** 対応できる医療的ケア / The kinds of medical care the facility can give. */
  care: CareKind[];
  /** 施設ID / Identifier, unique in the directory; board rows refer to it. */
  id: string;
  /** 種別 / Kind of facility. */
  kind: FacilityKind;
  /** 受入上限年齢（歳、この年齢まで） / Oldest age accepted, in whole years, inclusive; absent = no limit. */
  max_age?: number | null;
  /** 連続利用の上限（泊） / Longest stay, in nights. */
  max_nights: number;
  /** 受入下限年齢（歳） / Youngest age accepted, in whole years (default 0). */
  min_age: number;
  /** 市町村 / Municipality. */
  municipality: string;
  /** 名称 / Name (as the hub publishes it). */
  name: string;
  /** 電話番号（任意） / Phone number (optional). */
  phone?: string | null;
  /** 類型 / Medical (医療型) or welfare (福祉型) short stay. */
  service: ServiceType;
}

/** 施設ごとの判定 / The verdict for one facility. */
export interface FacilityVerdict {
  /** 利用可 / True when no reason applies. */
  eligible: boolean;
  /** 施設ID / Facility id. */
  facility_id: string;
  /** 施設一覧での位置 / Position in the directory (0-based). */
  facility_index: number;
  /** △の夜数 / Requested nights marked few. */
  few_nights: number;
  /** ○の夜数 / Requested nights marked free. */
  free_nights: number;
  /** ×の夜数 / Requested nights marked full. */
  full_nights: number;
  /** 理由 / Every reason the facility cannot take the request (`shortstay.reason.*`). */
  reasons: Finding[];
  /** 同じ圏域 / The facility is in the family's area. */
  same_area: boolean;
  /** 不明の夜数 / Requested nights unknown (no mark, unknown, or stale). */
  unknown_nights: number;
}

/** 栄養経路 / Feeding route of tube or enteral feeding. */
export type FeedingRoute = "nasogastric" | "gastrostomy" | "esophagostomy" | "nasojejunal" | "gastrojejunal" | "jejunostomy";

/** `summary.from_fhir` の入力 / Input of `summary.from_fhir`: a FHIR R4 Bundle as JSON. */
export interface FhirImportRequest {
  /** JSON Schema の URL（任意） / URL of this document's JSON Schema (optional). */
  $schema?: string | null;
  /**
   * 基準日（任意、なければ Bundle の timestamp の日付） / The as-of day of the summary
   * (optional; without it, the date of the Bundle's `timestamp`).
   */
  as_of?: string | null;
  /** FHIR R4 の Bundle（document 又は collection） / The FHIR R4 Bundle (document or collection), as JSON. */
  bundle: unknown;
  /**
   * 対象児 id（任意） / The child id the hub assigns to the child of a bundle that carries
   * none (a JP-CLINS or 6情報 bundle from a hospital). Used when the Patient has no
   * identifier of kyoten's child-id system.
   */
  child_id?: ChildId | null;
  /** 文書の形式の版（任意、現在は 2） / Document format version (optional; currently 2). */
  version?: FormatVersion | null;
}

/**
 * One field of an input document type, with its labels (the labels the readable
 * locations of findings are built from).
 */
export interface FieldInfo {
  /** 項目 / The field as written in documents (e.g. `date_of_birth`). */
  field: string;
  /** 英語ラベル / English label (the field's name in words). */
  label_en: string;
  /** 日本語ラベル / Japanese label (the schema's title). */
  label_ja: string;
  /** 型 / The object type's name in the schemas (e.g. `Child`). */
  of: string;
}

/** The written form of a [`Finding`] (what reports contain). */
export interface Finding {
  /**
   * 引数 / The message's arguments as data, by name: integers (JSON numbers), exact
   * decimals (strings such as `"19.75"`, written exactly as in the message), dates
   * (`YYYY-MM-DD`), codes, and labelled values (`{"code","label_ja","label_en"}`) or
   * lists of them.
   */
  args?: Record<string, unknown> | null;
  /** コード / Stable dotted rule code, e.g. `plan.item.no_lead`. */
  code: FindingCode;
  /** 場所（英語） / Readable location in English ("medical care 3 (suctioning) › frequency"). */
  location_en?: string | null;
  /** 場所（日本語） / Readable location in Japanese (「医療的ケア 3（吸引）› 頻度」). */
  location_ja?: string | null;
  /** メッセージ（英語） / Message in English. */
  message_en: string;
  /** メッセージ（日本語） / Message in Japanese. */
  message_ja: string;
  /** 位置 / RFC 6901 JSON Pointer to the offending value ("" is the whole document). */
  path: string;
  /** 重大度 / Severity. */
  severity: Severity;
}

/** 文書の形式の版（1 又は 2、省略時は 1。現在の版は 2） / The kyoten document format version (1 or 2; absent means 1; the current version is 2). */
export type FormatVersion = number;

/** 頻度 / How often something is done: `times` per `per`. */
export interface Frequency {
  /** 単位 / Per hour, day or week. */
  per: Per;
  /** 回数 / Number of times (at least 1). */
  times: number;
}

/** 利用根拠 / One ground that holds, with the reason. */
export interface GroundResult {
  /** 確認済み / False for grounds found in one source only. */
  confirmed: boolean;
  /** 根拠 / The ground. */
  ground: ShortStayGround;
  /** 根拠（日本語） / The ground in Japanese. */
  ground_ja: string;
  /** 理由（英語） / Why it holds, in English. */
  reason_en: string;
  /** 理由 / Why it holds, in Japanese (numbers and the library's own words only). */
  reason_ja: string;
}

/** 受診・入院歴 / One visit, admission or surgery. */
export interface HistoryEntry {
  /** 診療科（任意） / Department (optional). */
  department?: string | null;
  /** 終了日（退院日・通院終了日、任意） / End: discharge or last visit (optional; none = ongoing). */
  end?: string | null;
  /** 医療機関名 / Institution. */
  institution: string;
  /** 種類 / Kind. */
  kind: HistoryKind;
  /** 支援チームの id（任意） / Care-team id of the institution (optional). */
  member?: string | null;
  /** 理由（任意） / Reason (optional). */
  reason?: string | null;
  /** 開始日（受診日・入院日・初診日） / Start: visit, admission or first-consultation date. */
  start: string;
}

/** 受診・入院の種類 / Kind of history entry. */
export type HistoryKind = "first_consultation" | "outpatient" | "admission" | "nicu" | "emergency_visit" | "surgery";

/** 拠点 / A coordination hub. */
export interface Hub {
  /** 実施主体（設置機関） / Host organisation running the hub. */
  host_organisation: string;
  /** ミーティング（任意） / Meetings (optional; needed when staff sit in two or more facilities). */
  meetings?: Meetings | null;
  /** 拠点の名称 / Name of the hub. */
  name: string;
  /** 職員 / Staff. */
  staff: StaffMember[];
}

/** 実施主体 / Who runs an item. */
export interface Implementer {
  /** 区分 / Run by the prefecture, or consigned. */
  by: ImplementerKind;
  /** 委託先 / The organisation it is consigned to (id); only with `by: consigned`. */
  organisation?: string | null;
}

/** 実施主体別の件数 / Initiatives per implementer. */
export interface ImplementerCount {
  /** 委託 / Consigned. */
  consigned: number;
  /** 県が実施 / Run by the prefecture. */
  prefecture: number;
  /** 記載なし / Not stated. */
  unspecified: number;
}

/** 実施主体の区分 / Kind of implementer. */
export type ImplementerKind = "prefecture" | "consigned";

/** 評価指標 / An evaluation indicator of an item: what is measured, the target, the actual. */
export interface Indicator {
  /** 実績値 / Actual so far. */
  actual?: number | null;
  /** 取組 / The item. */
  item: ItemRef;
  /** 指標（何を測るか） / What is measured (e.g. 研修の参加者数). */
  measure: string;
  /** 目標値 / Target. */
  target?: number | null;
  /** 単位 / Unit (e.g. 人, 回, か所). */
  unit?: string | null;
}

/** 指標の状況 / An indicator with how far it has come. */
export interface IndicatorResult {
  /** 達成率（%、切り捨て） / Actual over target in percent, rounded down (absent without both, or a zero target). */
  achieved_percent?: number | null;
  /** 実績値 / Actual. */
  actual?: number | null;
  /** 取組 / The item. */
  item: ItemRef;
  /** 指標 / What is measured. */
  measure: string;
  /** 目標値 / Target. */
  target?: number | null;
  /** 項目 / The item's title. */
  title: string;
  /** 単位 / Unit. */
  unit?: string | null;
}

/** 課題 / A numbered issue group, e.g. (1)関係機関とのネットワーク構築. */
export interface IssueGroup {
  /** 番号 / Number, referred to by items. */
  no: number;
  /** 課題名 / Title. */
  title: string;
}

/** 取組 / One item (initiative) of a plan. */
export interface Item {
  /** 課題区分 / Regional category (free label, e.g. ネットワーク, 療育). */
  category?: string | null;
  /** 内容 / Content lines. */
  content?: string[];
  /** 協力を得たい関係機関 / Cooperating organisations (ids). */
  cooperating?: string[];
  /** 実施主体 / Who runs the item: the prefecture, or consigned to an organisation. */
  implementer?: Implementer | null;
  /** 課題 / Number of the issue group. */
  issue_group?: number | null;
  /** 番号の表記 / The number as written (e.g. ①). */
  label?: string | null;
  /** 主たる機関 / Lead organisations (ids). */
  lead?: string[];
  /**
   * この取組での会議委員所属の記載 / How mentions of organisations in this item are
   * written (as a council member or not), where they differ from the organisation's
   * default `member`; each entry names one mention (organisation and list).
   */
  membership?: Membership[];
  /** モデル地域で実施 / True if (part of) the item runs in the model area. */
  model_area?: boolean;
  /**
   * 番号 / Number: unique in the plan, or under the item's first task with
   * `numbering: per_task`.
   */
  no: number;
  /** 注記 / Notes by whoever transcribed the item (ambiguities, assumptions). */
  notes?: string | null;
  /** 提案機関 / Proposing organisations (ids). */
  proposing?: string[];
  /** 備考 / Remarks as written in the source. */
  remarks?: string | null;
  /** 再掲 / The item this one lists again under another task. */
  repeats?: ItemRef | null;
  /** スケジュール / Phases per quarter. */
  schedule?: ScheduleEntry[];
  /** タスク / The tasks (1–6) the item serves; the first is its home task. */
  tasks: TaskNo[];
  /** 項目 / Title. */
  title: string;
}

/** 取組番号ごとの発言数 / Statements about one plan item. */
export interface ItemCount {
  /** 取組 / The item (in the record's plan). */
  item: ItemRef;
  /** 発言数 / Statements naming it. */
  statements: number;
}

/** 取組の会議の記録 / What the council meetings of a plan say about one item. */
export interface ItemEvidence {
  /** 決定事項 / What was decided about it. */
  decisions?: string[];
  /** 話し合われた日 / Dates of meetings where it was discussed. */
  discussed_on?: string[];
  /** 取組 / The item. */
  item: ItemRef;
  /** 会議開催の段階 / The item's 会議開催 phases and the meetings held in them. */
  meeting_phases?: MeetingPhase[];
}

/** 取組ごとの会議の一回 / One meeting's part in one item. */
export interface ItemMeeting {
  /** 継続検討事項 / Matters about the item carried over. */
  carried_over: number;
  /** 開催日 / Date held. */
  date: string;
  /** 決定事項 / Decisions about the item. */
  decisions: string[];
  /** 記録の位置 / JSON Pointer of the record (`/meetings/i`). */
  meeting: string;
  /** 発言した機関（ID、発言順） / Organisations that spoke about the item (ids, in order). */
  speakers: string[];
  /** 発言数 / Statements about the item. */
  statements: number;
}

/** 取組ごとの会議 / The meetings of one plan item. */
export interface ItemMeetings {
  /** 取組 / The item. */
  item: ItemRef;
  /** 会議（日付順） / Meetings, by date. */
  meetings: ItemMeeting[];
  /**
   * 計画の地域（記録の計画参照） / Region of the plan the number belongs to (absent:
   * the record does not say).
   */
  plan_region?: string | null;
  /** 計画で確認済み / True if the held plan has the item (false: unresolved reference). */
  resolved: boolean;
}

/**
 * 取組の参照 / A reference to an item: its number, and with `numbering: per_task` the
 * task it is numbered under. With plan-wide numbering a task may be given too; it must
 * then be one of the item's tasks.
 */
export interface ItemRef {
  /** 番号 / The item's number. */
  no: number;
  /** タスク / The task the item is numbered under (required with `numbering: per_task`). */
  task?: TaskNo | null;
}

/** 取組の四半期の状況 / The status of one item in one quarter. */
export interface ItemStatus {
  /** 取組 / The item. */
  item: ItemRef;
  /** 補足 / A free note. */
  note?: string | null;
  /** 四半期 / The quarter. */
  quarter: Quarter;
  /** 遅れの理由 / Why it is late (for a delayed or not-started status). */
  reason?: DelayReason | null;
  /** 状況 / Status. */
  status: Status;
}

/** 遅れている取組 / A scheduled item-quarter that ended and is not done. */
export interface LateItem {
  /** 根拠の数 / Pieces of evidence recorded for the item in that quarter (or for no quarter). */
  evidence: number;
  /** 取組 / The item. */
  item: ItemRef;
  /** 番号の表記 / The number as written (①), if any. */
  label?: string | null;
  /** 主たる機関 / Lead organisations, by name (the id when the plan does not declare it). */
  lead: string[];
  /** 補足 / The status's note. */
  note?: string | null;
  /** 位置 / JSON Pointer of the item in the plan. */
  path: string;
  /** 四半期 / The quarter. */
  quarter: Quarter;
  /** 遅れの理由 / Reported reason. */
  reason?: DelayReason | null;
  /** 遅れの理由（日本語） / Reported reason in Japanese. */
  reason_ja?: string | null;
  /** 状況 / Reported status (absent if none was reported). */
  status?: Status | null;
  /** 項目 / The item's title. */
  title: string;
}

/** 主たる機関の負担 / How many initiatives an organisation leads. */
export interface LeadLoad {
  /** 主たる機関としての取組数 / Initiatives it leads. */
  items: number;
  /** 会議委員所属団体 / Whether it belongs to a council member (false if undeclared). */
  member: boolean;
  /** 名称 / The organisation's name (its id when the plan does not declare it). */
  name: string;
  /** 機関 / Organisation id. */
  organisation: string;
}

/** SpO2 低値 / Time spent at SpO2 90% or below (super-severe row 4, without oxygen). */
export interface LowSpo2 {
  /** SpO2 90%以下の時間の割合（%） / Share of the time at SpO2 ≤ 90%, in percent (0–100). */
  percent_of_time: number;
  /** 開始日 / Since when the state has lasted. */
  since?: string | null;
}

/** 加点項目 / One row that contributed to the medical care total. */
export interface MedicalCareItem {
  /** 基本スコア / Base points. */
  base: number;
  /** 確認済み / False if the row or a rule that changed it is unconfirmed. */
  confirmed: boolean;
  /** 項目 / The table's wording. */
  item_ja: string;
  /** 根拠の位置 / JSON Pointer to the care item. */
  path: string;
  /** 点数 / Base plus watch points. */
  points: number;
  /** 番号 / Row number (`7a`). */
  row: string;
  /** 見守り / Watch level counted, if any. */
  watch?: WatchLevel | null;
  /** 見守りスコア / Watch points counted. */
  watch_points: number;
}

/** 医療的ケア区分 / Care level for child day services (2021). */
export type MedicalCareLevel = "level3" | "level2" | "level1" | "not_applicable";

/** 医療的ケア判定スコア / Result of the medical care score. */
export interface MedicalCareResult {
  /** 16点以上（医療型短期入所の対象） / 16 or more: may use 医療型短期入所 (2021). */
  at_least_16: boolean;
  /** 加点項目 / Every contributing row, in table order. */
  items: MedicalCareItem[];
  /** 医療的ケア区分 / Care level. */
  level: MedicalCareLevel;
  /** 区分（日本語） / Care level in Japanese. */
  level_ja: string;
  /** 合計 / Total points. */
  total: number;
}

/** 服薬 / A medication. */
export interface Medication {
  /** 頓用 / As needed (PRN). */
  as_needed?: boolean;
  /** 用量（任意、例 "2.5mg"） / Dose (optional), e.g. "2.5mg". */
  dose?: string | null;
  /** 使用条件・目的（任意） / When to give it, or what for (optional). */
  indication?: string | null;
  /** 薬剤名 / Name of the medicine. */
  name: string;
  /** 緊急時に使う薬（痙攣時の坐剤等） / Rescue medicine for an emergency (e.g. a seizure suppository). */
  rescue?: boolean;
  /** 投与経路 / Route. */
  route: MedicationRoute;
  /** 開始日（任意） / Started on (optional). */
  since?: string | null;
  /** 1日の回数（定時薬） / Times a day (regular medicines). */
  times_per_day?: number | null;
}

/** 服薬 / A medication. */
export interface MedicationOutput {
  /** 頓用 / As needed (PRN). */
  as_needed: boolean;
  /** 用量（任意、例 "2.5mg"） / Dose (optional), e.g. "2.5mg". */
  dose?: string | null;
  /** 使用条件・目的（任意） / When to give it, or what for (optional). */
  indication?: string | null;
  /** 薬剤名 / Name of the medicine. */
  name: string;
  /** 緊急時に使う薬（痙攣時の坐剤等） / Rescue medicine for an emergency (e.g. a seizure suppository). */
  rescue: boolean;
  /** 投与経路 / Route. */
  route: MedicationRoute;
  /** 開始日（任意） / Started on (optional). */
  since?: string | null;
  /** 1日の回数（定時薬） / Times a day (regular medicines). */
  times_per_day?: number | null;
}

/** 投与経路 / Route of administration. */
export type MedicationRoute = "oral" | "tube" | "rectal" | "buccal" | "inhaled" | "nasal" | "subcutaneous" | "intravenous" | "transdermal" | "topical" | "other";

/** 会議の記録 / The record of one meeting (minutes). */
export interface Meeting {
  /** JSON Schema の URL（任意） / URL of this document's JSON Schema (optional). */
  $schema?: string | null;
  /** 議題 / Agenda, in order. */
  agenda?: AgendaItem[];
  /**
   * 出席者（記録に名簿がある場合のみ） / Attendees, only where the record lists them
   * (absent: the record has no list; speakers are known from the statements).
   */
  attendees?: Attendee[] | null;
  /** ケア会議の内容（ケア会議のみ） / The care conference's particulars (care conferences only). */
  care_conference?: CareConference | null;
  /** 継続検討事項 / Matters carried over to later meetings. */
  carried_over?: CarriedOver[];
  /** 開催日 / Date held. */
  date: string;
  /**
   * 開催日（記録のとおり、例: 平成 28年 12月 19日（月）） / The date as the record writes it;
   * it must read to `date`.
   */
  date_text?: string | null;
  /** 決定事項 / Decisions. */
  decisions?: Decision[];
  /** 終了時刻（HH:MM） / End time, `HH:MM`. */
  end_time?: string | null;
  /** 種類 / Kind of meeting. */
  kind: MeetingKind;
  /** 次回開催予定 / The next meeting. */
  next_meeting?: NextMeeting | null;
  /** 注記（転記の読み方など） / Notes (e.g. how the record was read). */
  notes?: string | null;
  /**
   * 記録に出てくる機関 / The organisations the record names (speakers, attendees,
   * those responsible), each with an id used in this record.
   */
  organisations?: MeetingOrganisation[];
  /** 場所 / Place. */
  place?: string | null;
  /** 対象の計画 / The plan whose item numbers the record uses (council meetings). */
  plan?: PlanRef | null;
  /** 開始時刻（HH:MM） / Start time, `HH:MM`. */
  start_time?: string | null;
  /** 発言（主な意見） / Statements (主な意見), in the record's order. */
  statements?: Statement[];
  /** 時刻（記録のとおり、例: 19：00～21：00） / The time as the record writes it. */
  time_text?: string | null;
  /** 表題（記録のとおり） / Title, as the record writes it. */
  title?: string | null;
  /** 文書の形式の版（省略時は 1） / Document format version (absent means 1). */
  version?: FormatVersion | null;
}

/** 会議の種類 / Kind of meeting. */
export type MeetingKind = "council" | "care_conference" | "hub_staff";

/** 記録の機関 / An organisation named in the record. */
export interface MeetingOrganisation {
  /**
   * ID（この記録の中で一意。計画がある場合は計画の機関ID） / Id, unique in the record;
   * with a plan, the plan's organisation id.
   */
  id: string;
  /** 名称（記録のとおり） / Name, as the record writes it. */
  name: string;
}

/**
 * 会議開催の段階 / One 会議開催 phase of an item, and the council meetings of the plan
 * held in its quarter.
 */
export interface MeetingPhase {
  /** 開催日 / Dates of the plan's council meetings held in it (on or before `as_of`). */
  held_on: string[];
  /** 四半期 / The quarter. */
  quarter: Quarter;
}

/** Result of `meetings.progress`. */
export interface MeetingProgress {
  /** 会議で完了とした段階 / The item-quarters counted as done by a meeting. */
  done_by_meetings: DoneByMeeting[];
  /** 取組ごとの会議の記録 / Per item, the meeting evidence. */
  evidence: ItemEvidence[];
  /**
   * 進捗（計画の進捗と同じ計算。会議録を根拠に加え、状況の報告がない会議開催の段階は
   * 開催済みの会議で完了） / Progress, computed as plan.progress does with the minutes
   * added to the evidence and every unreported 会議開催 item-quarter met by a council
   * meeting of the plan counted as done.
   */
  progress: Progress;
}

/**
 * 会議記録つきの進捗照会 / Input of `meetings.progress`: a plan carrying its progress part
 * (as `plan.progress` reads it), with the minutes of its meetings beside it.
 */
export interface MeetingProgressRequest {
  /** JSON Schema の URL（任意） / URL of this document's JSON Schema (optional). */
  $schema?: string | null;
  /** 会議の記録 / Meeting records (the plan's council meetings in its fiscal year are evidence). */
  meetings?: Meeting[];
  /** 注記 / Notes on the document. */
  notes?: string | null;
  /**
   * 取組計画（進捗つき：基準日・状況・指標・根拠） / The plan with its progress part (the
   * date, statuses, indicators and evidence), as plan.progress reads it.
   */
  plan: Plan;
  /** 文書の形式の版（省略時は 1） / Document format version (absent means 1). */
  version?: FormatVersion | null;
}

/**
 * 会議記録の束 / Input of `meetings.by_item` and `care_conferences.open`: meeting records,
 * the date they are judged on, and optionally the plan their item numbers belong to.
 */
export interface MeetingRecords {
  /** JSON Schema の URL（任意） / URL of this document's JSON Schema (optional). */
  $schema?: string | null;
  /** 基準日 / The reference date ("today"). */
  as_of: string;
  /**
   * 集計する年度（任意、既定は計画の年度、なければ基準日の年度） / The fiscal year to
   * report (optional; default the plan's, else that of `as_of`).
   */
  fiscal_year?: number | null;
  /** 会議の記録 / The meeting records. */
  meetings: Meeting[];
  /** 取組計画（任意） / The plan the item numbers belong to (optional). */
  plan?: Plan | null;
  /**
   * 対象児の情報集約（任意） / Summaries of the children the care conferences concern
   * (optional; matched by `child.id`). For each child with a care conference,
   * `care_conferences.open` checks that a recorded consent covers using the summary at
   * care conferences on `as_of` (`consent.*` warnings at `/summaries/i/consents`).
   * Each summary is also checked by the summary's own rules on `as_of`.
   */
  summaries?: ChildSummary[];
  /** 文書の形式の版（省略時は 1） / Document format version (absent means 1). */
  version?: FormatVersion | null;
}

/** ミーティングの状況 / What the check found about meetings. */
export interface MeetingStatus {
  /** 所属施設の数 / Number of distinct home facilities. */
  facilities: number;
  /** 最後の開催日 / The last meeting held on or before `as_of`. */
  last_held?: string | null;
  /**
   * 最長の間隔（日） / The longest gap between consecutive meetings held, and from the
   * last one to `as_of`, in days.
   */
  longest_gap_days?: number | null;
  /** ミーティングが必要 / True iff staff sit in two or more facilities. */
  required: boolean;
}

/** 会議の要約 / Result of `meeting.validate`. */
export interface MeetingSummary {
  /** 出席者名簿の有無 / True if the record lists attendees. */
  attendees_listed: boolean;
  /** 継続検討事項 / Matters carried over. */
  carried_over: number;
  /** 開催日 / Date held. */
  date: string;
  /** 開催日（和暦） / Date held, in 和暦. */
  date_wareki?: string | null;
  /** 決定事項 / Decisions. */
  decisions: number;
  /** 年度 / Fiscal year of the meeting. */
  fiscal_year: number;
  /** 種類 / Kind of meeting. */
  kind: MeetingKind;
  /** 次回開催日 / The next meeting's date, if fixed. */
  next_date?: string | null;
  /** 次回開催（年月、頃） / The next meeting's month, if approximate. */
  next_month?: string | null;
  /** 未完了の決定事項 / Decisions not marked done. */
  open_decisions: number;
  /** 取組番号ごと（番号順） / Statements per item number, in number order. */
  per_item: ItemCount[];
  /** 機関ごと（記録に初めて出る順） / Statements per organisation, in order of first statement. */
  per_organisation: OrganisationCount[];
  /** 四半期 / Fiscal quarter of the meeting. */
  quarter: Quarter;
  /** 発言数 / Statements. */
  statements: number;
}

/** ミーティング / Meetings of the hub's staff: a recurring interval, dated meetings held, or both. */
export interface Meetings {
  /** 開催日 / Dates of meetings held (any order). */
  held?: string[];
  /** 定例の開催間隔（日） / Recurring interval in days (e.g. 28 for every four weeks). */
  interval_days?: number | null;
}

/**
 * 会議委員所属の記載（一つの記載） / How one mention of an organisation in an item is
 * written: as belonging to a council member, or not (in parentheses in the Odawara plan).
 */
export interface Membership {
  /** 欄 / The list of the item the mention is in. */
  list: OrganisationList;
  /** 会議委員所属団体 / True if this mention is written as a council member. */
  member: boolean;
  /** 注記 / Notes (e.g. another reading of the source). */
  notes?: string | null;
  /** 機関 / The organisation's id; it must be in the item's list named by `list`. */
  organisation: string;
}

/** 節目 / One milestone of the timeline. */
export interface Milestone {
  /** 年齢 / Age in whole years on `date`; for the 15, 18 and 20 milestones, the age reached at the end of that day. */
  age_years: number;
  /** 日付（期間の初日） / Date (first day of its period). */
  date: string;
  /** 基準日からの日数（過去は負） / Days from `as_of` to `date` (negative when past). */
  days_from_as_of: number;
  /** 期間の末日（期間のあるもの） / Last day of its period, where it has one. */
  end?: string | null;
  /** 種類 / Kind. */
  kind: MilestoneKind;
  /** 名称 / Japanese label of the kind. */
  label_ja: string;
  /** 時期 / Past, current or upcoming, on `as_of`. */
  status: MilestoneStatus;
}

/** ライフステージの節目 / A life-stage milestone. */
export type MilestoneKind = "birth" | "nicu_discharge" | "school_consultation" | "school_entry" | "junior_high_entry" | "high_school_entry" | "graduation" | "adult_care_transition" | "child_welfare_end" | "pension_claim";

/** 時期 / Whether a milestone is past. */
export type MilestoneStatus = "past" | "current" | "upcoming";

/** 集計の用途 / What the counts are for. */
export type Mode = "publication" | "internal";

/** 月別件数の行 / One row of monthly counts: April to March and the total. */
export interface MonthlyRow {
  /** キー / Row key (the fiscal year, or a source's key). */
  key: string;
  /** 見出し / Label (平成24年度, うち地域住民, …). */
  label_ja: string;
  /** 4月〜3月 / Counts for April, May, …, March (12 numbers). */
  months: number[];
  /** 計 / Total. */
  total: number;
}

/** 運動機能 / Motor level, the columns of the Oshima classification ([C-C], `docs/sources.md`). */
export type MotorLevel = "runs" | "walks" | "walks_with_difficulty" | "sits" | "bedridden";

/**
 * 全国地方公共団体コード / A six-digit 全国地方公共団体コード (JIS X 0402 with its check
 * digit), e.g. `142069` (小田原市).
 */
export type MunicipalityCode = string;

/** 次回開催予定 / The next meeting: a date, or a month meant approximately (９月頃). */
export interface NextMeeting {
  /** 日付 / The date, if fixed. */
  date?: string | null;
  /** 年月（頃、YYYY-MM） / The month, approximately. */
  month?: string | null;
  /**
   * 記録のとおり（例: 平成 29年９月頃） / As the record writes it; it must read to `date`
   * or `month`.
   */
  text?: string | null;
}

/** 割り当てた夜 / One night granted to a request. */
export interface NightGrant {
  /** 施設ID / The facility. */
  facility_id: string;
  /** 夜 / The night. */
  night: string;
}

/** 番号の付け方 / How items are numbered. */
export type Numbering = "plan" | "per_task";

/** 未完了の担当事項 / An open assignment from a care conference. */
export interface OpenAssignment {
  /** 会議の日 / Date of the conference. */
  decided_on: string;
  /** 決定事項の位置 / JSON Pointer of the decision (`/meetings/i/decisions/k`). */
  decision: string;
  /** 期限 / Due date. */
  due?: string | null;
  /** 期限切れ / True if the due date is before `as_of`. */
  overdue: boolean;
  /** 担当（参加者ID） / Who is responsible. */
  responsible: string[];
  /** 内容 / What was decided. */
  text: string;
}

/** Result of `care_conferences.open`. */
export interface OpenAssignments {
  /** 基準日 / The reference date. */
  as_of: string;
  /** 子どもごと（ID順） / Per child, by id. */
  children: ChildAssignments[];
}

/** 関係機関 / An organisation taking part in the plan. */
export interface Organisation {
  /** 総称 / True for a collective description (関係機関等, 医療機関) rather than one body. */
  collective?: boolean;
  /** 識別子 / Id, unique in the plan, referred to by items (e.g. `odawara-ishikai`). */
  id: string;
  /**
   * 会議委員所属団体（既定） / True if the organisation is written as belonging to a
   * council member where an item's mention does not say otherwise. Membership is
   * marked per mention in the Odawara plan (「※（）で記載したものは会議委員所属団体以外の
   * 所属」: one organisation can be in parentheses in one item and not in another), so an
   * item can record how each mention is written ([`Item::membership`]); this is the
   * default for mentions it does not list.
   */
  member: boolean;
  /** 名称 / Name as written. */
  name: string;
  /** 注記 / Notes (e.g. where the source is inconsistent about membership). */
  notes?: string | null;
  /** 分野 / Sector. */
  sector: Sector;
}

/** 機関ごとの会議 / One organisation across the meetings. */
export interface OrganisationActivity {
  /** 出席（名簿のある会議のうち） / Attended, among those meetings. */
  attended: number;
  /** 発言した会議の数 / Meetings where it spoke. */
  meetings_spoken: number;
  /** 出席者名簿のある会議の数 / Meetings (naming it) whose record lists attendees. */
  meetings_with_attendee_list: number;
  /** 機関ID / The organisation's id. */
  organisation: string;
  /** 発言数 / Statements. */
  statements: number;
}

/** 機関ごとの発言数 / Statements by one organisation. */
export interface OrganisationCount {
  /** 機関ID / The organisation's id in the record. */
  organisation: string;
  /** 発言数 / Its statements. */
  statements: number;
}

/** 機関の欄 / One of an item's lists of organisations. */
export type OrganisationList = "proposing" | "lead" | "cooperating";

/** 大島分類の区分 / Group of an Oshima cell. */
export type OshimaGroup = "severe_motor_intellectual" | "borderline" | "other";

/** 大島分類 / Result of the Oshima classification. */
export interface OshimaResult {
  /** 区分番号 / Cell number 1–25. */
  cell: number;
  /** DQ を用いた / True if the DQ stood in for a missing IQ. */
  from_dq: boolean;
  /** 区分 / Group. */
  group: OshimaGroup;
  /** 区分（日本語） / Group in Japanese. */
  group_ja: string;
  /** IQ の帯 / The IQ band's wording. */
  iq_band_ja: string;
  /** 運動機能 / Motor level used. */
  motor_level: MotorLevel;
  /** 運動機能（日本語） / Motor level in Japanese. */
  motor_level_ja: string;
  /** 用いた指数 / The quotient used. */
  quotient: number;
}

/** ケア会議の参加者 / A participant in a care conference. */
export interface Participant {
  /** ID（この記録の中で一意、例: mother, nurse-station） / Id, unique in the record. */
  id: string;
  /** 立場 / Who the participant is. */
  kind: ParticipantKind;
  /** 支援チームでの役割（支援チームの場合） / Care-team role (for care-team members). */
  role?: CareRole | null;
}

/** ケア会議の参加者の立場 / Who a care-conference participant is. */
export type ParticipantKind = "family" | "child" | "care_team" | "hub" | "other";

/** これまでの主な取組みの欄 / Whose past initiative. */
export type PastBy = "prefecture" | "consignee" | "others";

/** これまでの主な取組み / A past initiative listed beside the plan. */
export interface PastInitiative {
  /** 欄 / Whose initiative it was, when known. */
  by?: PastBy | null;
  /** タスク / The task row it stands in, when known. */
  task?: TaskNo | null;
  /** 内容 / Text as written. */
  text: string;
}

/** 頻度の単位 / Unit of a frequency. */
export type Per = "hour" | "day" | "week";

/**
 * 段階 / A phase of work in a quarter. Written as a string (`"method_study"`) or, for
 * other phases, as `{"other": "…"}`.
 */
export type Phase = "method_study" | "survey_design" | "course_planning" | "training_planning" | "rollout" | "meeting" | "progress_report" | {
  other: string;
};

/** 段階の件数 / How often one kind of phase occurs. */
export interface PhaseCount {
  /** 件数 / Count. */
  count: number;
  /** 日本語ラベル / Japanese label. */
  label_ja: string;
  /** 段階 / Phase kind. */
  phase: PhaseKind;
}

/** 段階の種類 / The kind of a phase (used in results). */
export type PhaseKind = "method_study" | "survey_design" | "course_planning" | "training_planning" | "rollout" | "meeting" | "progress_report" | "other";

/** 取組計画 / An initiative plan of one region. */
export interface Plan {
  /** JSON Schema の URL（任意） / URL of this document's JSON Schema (optional). */
  $schema?: string | null;
  /**
   * 年度 / Fiscal year, named by the calendar year it starts in (2017 for 平成29年度);
   * absent when the source does not say.
   */
  fiscal_year?: number | null;
  /** 年度の表記 / The fiscal year as written (e.g. 平成29年度); checked against `fiscal_year`. */
  fiscal_year_label?: string | null;
  /** 課題 / Issue groups, numbered. */
  issue_groups?: IssueGroup[];
  /** 取組 / The plan's items. */
  items: Item[];
  /** 注記 / Notes on the document (e.g. how it was transcribed). */
  notes?: string | null;
  /** 番号の付け方 / How items are numbered: across the plan (default) or afresh per task. */
  numbering?: Numbering;
  /** 関係機関 / Organisations, each declared once and referred to by id. */
  organisations?: Organisation[];
  /** これまでの主な取組み / Past initiatives listed beside the plan (Kanagawa table). */
  past_initiatives?: PastInitiative[];
  /**
   * 進捗（任意） / Progress kept with the plan: statuses per item and quarter on a date,
   * evaluation indicators and evidence (read by `plan.progress`).
   */
  progress?: PlanProgress | null;
  /** 地域 / Region (e.g. 小田原地域, 神奈川県). */
  region: string;
  /** 状態 / Draft or adopted; absent when the source does not say. */
  status?: PlanStatus | null;
  /** 表題 / Title of the plan as written. */
  title?: string | null;
  /** 文書の形式の版（省略時は 1） / Document format version (absent means 1). */
  version?: FormatVersion | null;
}

/** 進捗 / The progress part of a plan: statuses, indicators and evidence on one date. */
export interface PlanProgress {
  /** 基準日 / The date progress is judged on. */
  as_of: string;
  /** 根拠 / Evidence the statuses rest on (documents, reports, events, …). */
  evidence?: Evidence[];
  /** 評価指標 / Evaluation indicators (指標) per item. */
  indicators?: Indicator[];
  /** 注記 / Notes on the progress record. */
  notes?: string | null;
  /** 取組ごと・四半期ごとの状況 / Status per item and quarter. */
  statuses?: ItemStatus[];
}

/**
 * 計画の参照 / Which plan the item numbers belong to: the region and fiscal year of the
 * plan (e.g. 厚木地域 平成29年度). Numbers of a plan that is not held stay unresolved.
 */
export interface PlanRef {
  /** 年度（西暦、開始年） / The plan's fiscal year (optional). */
  fiscal_year?: number | null;
  /** 地域 / The plan's region, as the plan names it (e.g. 小田原地域). */
  region: string;
}

/** 計画の状態 / Status of a plan. */
export type PlanStatus = "draft" | "adopted";

/** 計画の概要 / Result of `plan.validate`: the plan's size. */
export interface PlanSummary {
  /** 課題数 / Number of issue groups. */
  issue_groups: number;
  /** 取組数 / Number of items (再掲 included). */
  items: number;
  /** 会議委員所属の機関数 / Number of organisations that belong to a council member. */
  members: number;
  /** 関係機関数 / Number of organisations. */
  organisations: number;
  /** 再掲数 / Number of items that list another again (再掲). */
  repeats: number;
  /** 取組のあるタスク / Task numbers (1–6) that at least one item serves. */
  tasks_covered: number[];
}

/** 方針 / Rules a prefecture or hub may set; every field has the default shown. */
export interface Policy {
  /**
   * 未確認の根拠を認める / Accept an unconfirmed ground for 医療型短期入所 (found in one
   * source only) on its own (default false); either way an `info` finding says when the
   * result depends on one.
   */
  accept_unconfirmed_grounds?: boolean;
  /** 退所日も数える / Count the departure day against the granted days, so 1 night = 2 days (default true, as 短期入所 is billed). */
  count_departure_day?: boolean;
  /** △の夜に割り当てる床数 / Beds the allocator may give on a △ night (default 1; never more than the facility's beds). */
  few_beds?: number;
  /** 1回の申込の上限（泊） / Most nights one request may ask for (default 31; at most 366). */
  max_request_nights?: number;
  /** 鮮度の上限（日） / A board row updated more than this many days before `as_of` is stale (default 7). */
  stale_after_days?: number;
}

/** 職種 / A profession (or audience) a training is for. */
export type Profession = "doctor" | "nurse" | "visiting_nurse" | "public_health_nurse" | "pharmacist" | "care_worker" | "care_manager" | "consultation_support_specialist" | "therapist" | "social_worker" | "teacher" | "childcare_worker" | "government_officer" | "family" | "resident" | "other" | "unknown";

/** 進捗 / Result of `plan.progress`. */
export interface Progress {
  /** 基準日 / The date. */
  as_of: string;
  /** 根拠の数 / Pieces of evidence recorded. */
  evidence: number;
  /** 年度 / The plan's fiscal year. */
  fiscal_year: number;
  /** 評価指標 / Indicators, in document order. */
  indicators: IndicatorResult[];
  /** 遅れている取組 / Late item-quarters, in plan order. */
  late: LateItem[];
  /** 四半期別 / Per quarter, Q1–Q4. */
  per_quarter: QuarterProgress[];
  /** タスク別（タスク × 四半期の表） / Per task, 1–6, each with its quarters: the task × quarter grid. */
  per_task: TaskProgress[];
  /** 全体 / Totals over all scheduled item-quarters. */
  totals: StatusTotals;
}

/**
 * 進捗の照会（旧形式） / The older input of `plan.progress`: the whole plan copied beside
 * the statuses. Read by `plan.progress_upgrade`.
 */
export interface ProgressRequest {
  /** JSON Schema の URL（任意） / URL of this document's JSON Schema (optional). */
  $schema?: string | null;
  /** 基準日 / The date progress is judged on. */
  as_of: string;
  /** 注記 / Notes on the document. */
  notes?: string | null;
  /** 取組計画 / The plan. */
  plan: Plan;
  /** 取組ごと・四半期ごとの状況 / Status per item and quarter. */
  statuses?: ItemStatus[];
  /** 文書の形式の版（省略時は 1） / Document format version (absent means 1). */
  version?: FormatVersion | null;
}

/** 記録 / Who recorded one part of the summary, and when. */
export interface Provenance {
  /** 所属（支援チームの id、任意） / The recorder's organisation (care-team id, optional). */
  member?: string | null;
  /** 記録者名（任意） / Recorder's name (optional). */
  recorded_by?: string | null;
  /** 記録日 / Date recorded. */
  recorded_on: string;
  /** 記録者の立場 / Role of the recorder. */
  role: RecorderRole;
  /** 区分 / The part recorded. */
  section: Section;
}

/** QRコードの内容 / What the sheet's QR code holds (format `KY1`). */
export interface QrEssentials {
  /** 生年月日 / Date of birth. */
  b: string;
  /** 血液型 / Blood type. */
  bt?: BloodType | null;
  /** 作成の基準日 / The day the sheet was made for. */
  d: string;
  /** 形式の版 / Format version (1). */
  f: number;
  /** ふりがな（40文字まで） / Kana (at most 40 characters). */
  k: string;
  /** 氏名（40文字まで） / Name (at most 40 characters). */
  n: string;
  /** 区分（優先順） / The parts, most important first. */
  p: QrPart[];
  /** 性別 / Sex. */
  s: Sex;
  /** 体重 (kg) / Weight (kg). */
  w?: number | null;
}

/** QRコードの一区分 / One part of the code. */
export interface QrPart {
  /** 項目（短い日本語の文） / Items, short Japanese phrases. */
  i: string[];
  /** 入っていない件数 / Items of this part not in the code (left out by the view or to fit). */
  o?: number;
  /** 区分 / Section of the emergency view. */
  s: EmergencySection;
}

/** `sheet.read_qr` の入力 / Input of `sheet.read_qr`: the text a 2D scanner typed. */
export interface QrPayload {
  /** JSON Schema の URL（任意） / URL of this document's JSON Schema (optional). */
  $schema?: string | null;
  /** QRコードの内容（KY1: で始まる文字列） / The QR code's text, starting with `KY1:`. */
  payload: string;
  /** 文書形式の版（任意、無ければ 1） / Document format version (optional; absent means 1). */
  version?: FormatVersion | null;
}

/** 四半期 / A quarter of the fiscal year. */
export type Quarter = "q1" | "q2" | "q3" | "q4";

/** 四半期別の集計 / Activity in one quarter. */
export interface QuarterCoverage {
  /** 予定のある取組数 / Items with an entry in this quarter. */
  active_items: number;
  /** 段階別の件数 / Number of each phase (kinds with none are left out). */
  phases: PhaseCount[];
  /** 四半期 / Quarter. */
  quarter: Quarter;
}

/** 四半期別の状況 / Totals of one quarter. */
export interface QuarterProgress {
  /** 基準日より前に終了 / True if the quarter ended before `as_of`. */
  ended: boolean;
  /** 四半期 / Quarter. */
  quarter: Quarter;
  /** 件数 / Totals. */
  totals: StatusTotals;
}

/** 範囲 / An inclusive range of a measurement (usual values). */
export interface Range {
  /** 上限 / Highest usual value. */
  max: number;
  /** 下限 / Lowest usual value. */
  min: number;
}

/** 利用可能な施設 / An eligible facility, in ranking order. */
export interface RankedFacility {
  /** 施設ID / Facility id. */
  facility_id: string;
  /** △の夜数 / Requested nights marked few. */
  few_nights: number;
  /** 名称 / Name. */
  name: string;
  /** 電話番号 / Phone number. */
  phone?: string | null;
  /** 順位 / Rank, 1 = best. */
  rank: number;
  /** 同じ圏域 / In the family's area. */
  same_area: boolean;
}

/** 同意の相手の範囲 / Whom a consent allows the summary to be given to. */
export type RecipientScope = "care_team" | "care_team_member" | "care_role" | "institution" | "any_medical_institution_in_emergency" | "hub";

/** 記録者の立場 / Who recorded a part. */
export type RecorderRole = "family" | "doctor" | "nurse" | "discharge_nurse" | "public_health_nurse" | "counsellor" | "coordinator" | "teacher" | "other";

/** 続柄 / Relationship to the child. */
export type Relationship = "mother" | "father" | "grandmother" | "grandfather" | "sibling" | "other_relative" | "legal_guardian" | "foster_parent" | "facility_staff" | "other";

/** 申込ごとの結果 / The outcome for one request. */
export interface RequestOutcome {
  /** 利用可能な施設（順位順） / Eligible facility ids, best first. */
  eligible_facilities: string[];
  /** 割り当てた夜 / The nights granted, in date order. */
  grants: NightGrant[];
  /** 利用不可の施設 / Facilities the request cannot use, with reason codes. */
  ineligible: FacilityCodes[];
  /** 割当泊数 / Nights granted. */
  nights_granted: number;
  /** 希望泊数 / Nights requested. */
  nights_requested: number;
  /** 申込ID / Request id. */
  request_id: string;
  /** 申込の位置 / Position in the input (0-based). */
  request_index: number;
}

/** 配置の要否 / Whether a role must be filled. */
export type Requirement = "optional" | "desirable" | "required";

/** 心肺蘇生についての意思 / Wishes about resuscitation. */
export type Resuscitation = "full" | "limited" | "dnar" | "not_discussed";

/** Rh 血液型 / Rh(D) type. */
export type RhType = "positive" | "negative" | "unknown";

/** 職員の役割（[S-004]「配置すべき職員等」） / A staff role named in [S-004]. */
export type Role = "physician" | "local_resource_staff" | "family_support_nurse" | "public_health_nurse";

/** 役割の充足 / Who holds one role. */
export interface RoleCoverage {
  /** 担当者の ID / Ids of the people holding the role. */
  holders: string[];
  /** 最低割合を満たす担当者の数 / How many holders meet their minimum share. */
  holders_meeting_minimum: number;
  /** 日本語ラベル / Japanese label of the role. */
  label_ja: string;
  /** 配置の要否 / Requirement under the applied policy. */
  requirement: Requirement;
  /** 役割 / The role. */
  role: Role;
}

/** 役割ごとの設定 / An override of one role's rule. */
export interface RoleOverride {
  /** 最低割合（%） / Minimum share of working time, in whole percent 0–100 (absent: the national value). */
  min_share_percent?: number | null;
  /** 配置の要否（省略時は国の基準） / Requirement (absent: the national value). */
  requirement?: Requirement | null;
  /** 役割 / The role. */
  role: Role;
}

/** 役割の基準 / The rule for one role, as applied. */
export interface RoleRule {
  /** 最低割合（%） / Minimum share of working time, whole percent. */
  min_share_percent: number;
  /** 配置の要否 / Requirement. */
  requirement: Requirement;
  /** 役割 / The role. */
  role: Role;
}

/** Result of `rules.list`. */
export interface RuleCatalogue {
  /** 項目 / Every field of every object type in the input documents, with labels. */
  fields: FieldInfo[];
  /** 規則 / Every rule. */
  rules: RuleInfo[];
  /** 選択肢 / Every value of every enumeration in the input documents, with labels. */
  values: ValueInfo[];
}

/** One rule, for people. */
export interface RuleInfo {
  /** 旧コード / Former codes of the same condition, still documented. */
  aliases: string[];
  /** 引数 / Names of the template's arguments (the keys of a finding's `args`). */
  arguments: string[];
  /** コード / Stable dotted code. */
  code: string;
  /**
   * 説明 / What the rule catches, why, and how to fix it ("" if the message says it all,
   * and in the WASM form module, which leaves the explanations out).
   */
  explain: string;
  /** 重大度 / Severity. */
  severity: Severity;
  /** メッセージの型（英語） / English message template. */
  template_en: string;
  /** メッセージの型（日本語） / Japanese message template (`{name}` an argument, `[…]` optional). */
  template_ja: string;
}

/** Input of `rules.list`: nothing but an optional `$schema`. */
export interface RulesQuery {
  /** JSON Schema の URL（任意） / URL of this document's JSON Schema (optional). */
  $schema?: string | null;
  /** 文書形式の版（任意、無ければ 1） / Document format version (optional; absent means 1). */
  version?: FormatVersion | null;
}

/**
 * 実行オプション / Options of one call, read from a JSON document. Every field is
 * optional; `{}` means the defaults.
 */
export interface RunOptions {
  /**
   * 下書き / Draft mode: missing or empty (`""`) required fields are warnings
   * (`input.draft.not_filled`) instead of errors (an optional field left `""` is
   * absent), the operation computes what it can, the parts of the result that rest on
   * a field not filled in are left out (listed in the report's `withheld`), and the
   * report is marked `provisional`. A draft never grants a short-stay entitlement.
   * Default false.
   */
  draft?: boolean;
  /**
   * 入力の上限（バイト） / Largest input accepted by this call, in bytes (1 to
   * 4294967295). Default 16777216 (16 MiB).
   */
  max_input_bytes?: number | null;
}

/** 四半期の予定 / The phases of an item in one quarter. */
export interface ScheduleEntry {
  /** 補足 / A free note (e.g. ９月頃, or the reason for going back to design). */
  note?: string | null;
  /** 段階 / Phases in this quarter. */
  phases?: Phase[];
  /** 四半期 / Quarter of the fiscal year. */
  quarter: Quarter;
}

/**
 * スコア計算の入力 / Input of `scores.compute`: a clinical profile, the date of birth and
 * the day to score on.
 */
export interface ScoreRequest {
  /** JSON Schema の URL（任意） / URL of this document's JSON Schema (optional). */
  $schema?: string | null;
  /** 基準日 / The day to score on (for the 6-month and 1-month rules). */
  as_of: string;
  /** 生年月日 / Date of birth. */
  birth_date: string;
  /** 臨床像 / The clinical profile. */
  clinical: ClinicalProfile;
  /** 方針 / Policy for the short-stay entitlement (every field has a default). */
  policy?: EntitlementPolicy;
  /** 文書の形式の版（省略時は 1） / Document format version (absent means 1). */
  version?: FormatVersion | null;
}

/** 臨床スコア / Every score of [C-A]–[C-D] (`docs/sources.md`). */
export interface ScoreResult {
  /** 医療的ケア判定スコア / Medical care score (B). */
  medical_care: MedicalCareResult;
  /** 大島分類 / Oshima cell (C); absent without IQ/DQ and motor level, or above IQ 80. */
  oshima?: OshimaResult | null;
  /** 医療型短期入所 / Entitlement to 医療型短期入所 (D). */
  short_stay: ShortStayEntitlement;
  /** 超重症児スコア / Super-severe score (A). */
  super_severe: SuperSevereResult;
}

/** 検索結果 / Result of `shortstay.search`. */
export interface SearchResult {
  /** 該当する施設（施設一覧の順） / Matching facilities, in directory order. */
  facilities: FacilityOutput[];
}

/** 情報の区分 / A part of the summary. */
export type Section = "child" | "contacts" | "diagnoses" | "clinical" | "devices" | "medications" | "allergies" | "vaccinations" | "vital_signs" | "care_team" | "history" | "emergency_plan";

/** 分野 / The sector of an organisation. */
export type Sector = "administration" | "medical" | "welfare" | "education" | "family" | "legislature" | "mixed" | "other";

/** 痙攣時の対応 / What is done during a seizure (medical care score row 14). */
export type SeizureMeasure = "suppository" | "suction" | "oxygen" | "vagus_nerve_stimulator" | "buccal_or_nasal" | "other";

/** 短期入所の類型 / Type of short-stay service the facility is designated for. */
export type ServiceType = "medical" | "welfare";

/** 回数と参加者数 / Sessions and attendees under one heading. */
export interface SessionCount {
  /** 参加者数 / Attendees. */
  attendees: number;
  /** キー / Key. */
  key: string;
  /** 見出し（英語） / Label in English. */
  label_en: string;
  /** 見出し / Label in Japanese. */
  label_ja: string;
  /** 回数 / Sessions. */
  sessions: number;
}

/** 研修の行 / One session as the report lists it. */
export interface SessionRow {
  /** 参加者 / Attendees. */
  attendees: number;
  /** 対象者 / Audience: the log's wording, or the professions joined with 「・」. */
  audience_ja: string;
  /** 実施日 / Date. */
  date: string;
  /** 実施日（月/日） / Date as the reports print it (7/13). */
  date_ja: string;
  /** テーマ / Theme. */
  theme: string;
}

/** 設定項目 / A device setting, with its unit. */
export type SettingParameter = "tidal_volume_ml" | "respiratory_rate_per_min" | "pip_cm_h2o" | "peep_cm_h2o" | "pressure_support_cm_h2o" | "ipap_cm_h2o" | "epap_cm_h2o" | "cpap_cm_h2o" | "inspiratory_time_s" | "fio2_percent" | "oxygen_flow_l_per_min" | "inner_diameter_mm" | "size_fr" | "length_cm" | "cuff_or_balloon_ml" | "feeding_rate_ml_per_h" | "basal_rate_units_per_h";

/** 重大度 / How serious a finding is. */
export type Severity = "error" | "warning" | "info";

/** 性別 / Sex. */
export type Sex = "male" | "female" | "undetermined" | "unknown";

/** 割合 / An exact share: a reduced fraction and a percentage truncated to 2 decimals. */
export interface Share {
  /** 分母 / Denominator of the reduced fraction (never 0). */
  denominator: number;
  /** 分数 / The reduced fraction as text, e.g. `"1/5"`. */
  fraction: string;
  /** 分子 / Numerator of the reduced fraction. */
  numerator: number;
  /** 百分率 / The percentage truncated (not rounded) to two decimals, e.g. `"19.75"`. */
  percent: string;
}

/** 救急時情報シートの区分 / A part of the emergency sheet, in print order. */
export type SheetPart = "child" | "diagnoses" | "emergency" | "devices" | "care" | "medications" | "allergies" | "contacts" | "care_team" | "baseline" | "provenance";

/** 医療型短期入所の対象か / Entitlement to 医療型短期入所. */
export interface ShortStayEntitlement {
  /**
   * 対象 / True if a confirmed ground applies, or, when the policy accepts them
   * (`policy.accept_unconfirmed_grounds`), an unconfirmed one.
   */
  eligible: boolean;
  /** 根拠 / Every ground that applies on the day, in the order of the ground list. */
  grounds: GroundResult[];
  /**
   * 未確認の根拠のみ / True if the only grounds that apply are unconfirmed (the result
   * then depends on the policy).
   */
  only_unconfirmed: boolean;
  /**
   * 18歳以上のため適用しない根拠 / Grounds the profile shows that apply to children
   * (under 18) only and so do not apply on the day.
   */
  over_18?: ShortStayGround[];
}

/**
 * 医療型短期入所の利用根拠 / A ground on which a child may use 医療型短期入所
 * ([C-D], `docs/sources.md`).
 */
export type ShortStayGround = "severe_motor_intellectual" | "support_level6_ventilator" | "support_level5_muscular_dystrophy" | "support_level5_severe_disability" | "persistent_vegetative_state" | "motor_neuron_disease" | "medical_care_score16" | "behaviour_and_care_score8" | "vegetative_and_care_score8";

/** 短期入所の割当 / Input of `shortstay.allocate`: many requests over one directory and board. */
export interface ShortstayAllocation {
  /** JSON Schema の URL（任意） / URL of this document's JSON Schema (optional). */
  $schema?: string | null;
  /** 基準日 / The day the allocation is made ("today"), for the freshness of the board. */
  as_of: string;
  /** 空き情報 / The vacancy board. */
  board: Board;
  /** 施設一覧 / The facility directory. */
  facilities: Facility[];
  /** 方針 / Policy (every field has a default). */
  policy?: Policy;
  /** 申込（1家族1件） / The requests, one per family. */
  requests: StayRequest[];
  /** 文書の形式の版（省略時は 1） / Document format version (absent means 1). */
  version?: FormatVersion | null;
}

/** 空き情報の表示 / Input of `shortstay.board`. */
export interface ShortstayBoardQuery {
  /** JSON Schema の URL（任意） / URL of this document's JSON Schema (optional). */
  $schema?: string | null;
  /** 基準日 / The day the board is shown ("today"), for freshness. */
  as_of: string;
  /** 空き情報 / The vacancy board. */
  board: Board;
  /** 表示日数（任意） / Days shown, 1–366; absent = up to the last marked day of a fresh row (at most 31). */
  days?: number | null;
  /** 施設一覧 / The facility directory (names and phone numbers). */
  facilities: Facility[];
  /** 表示の開始日（任意） / First day shown; absent = the earliest start of a fresh row, or `as_of` when there is none. */
  from?: string | null;
  /** 方針 / Policy (every field has a default). */
  policy?: Policy;
  /** 文書の形式の版（省略時は 1） / Document format version (absent means 1). */
  version?: FormatVersion | null;
}

/** 短期入所の利用可否判定 / Input of `shortstay.evaluate`: one request, the directory, the board. */
export interface ShortstayEvaluation {
  /** JSON Schema の URL（任意） / URL of this document's JSON Schema (optional). */
  $schema?: string | null;
  /** 基準日 / The day the evaluation is made ("today"), for the freshness of the board. */
  as_of: string;
  /** 空き情報 / The vacancy board. */
  board: Board;
  /** 施設一覧 / The facility directory. */
  facilities: Facility[];
  /** 方針 / Policy (every field has a default). */
  policy?: Policy;
  /** 申込 / The request. */
  request: StayRequest;
  /** 文書の形式の版（省略時は 1） / Document format version (absent means 1). */
  version?: FormatVersion | null;
}

/** 施設検索 / Input of `shortstay.search`. */
export interface ShortstaySearch {
  /** JSON Schema の URL（任意） / URL of this document's JSON Schema (optional). */
  $schema?: string | null;
  /** 年齢（任意） / Only facilities that take a child of this age (optional). */
  age?: number | null;
  /** 圏域（任意） / Only facilities in this area (optional). */
  area?: string | null;
  /** 必要な医療的ケア / Only facilities that can give every one of these. */
  care?: CareKind[];
  /** 施設一覧 / The facility directory. */
  facilities: Facility[];
  /** 類型（任意） / Only facilities of this service type (optional). */
  service?: ServiceType | null;
  /** 文書の形式の版（省略時は 1） / Document format version (absent means 1). */
  version?: FormatVersion | null;
}

/** 緊急時の場面 / An emergency situation the plan covers. */
export type Situation = "seizure" | "desaturation" | "tracheostomy_dislodged" | "tracheostomy_blocked" | "ventilator_failure" | "feeding_tube_dislodged" | "fever" | "hypoglycemia" | "shunt_malfunction" | "other";

/** 相談元の区分 / Who asked. */
export type Source = "family" | "home_care_support_office" | "medical_institution" | "resident" | "community_support_center" | "visiting_nurse_station" | "group_home" | "disability_support_center" | "small_multifunction" | "consultation_support_office" | "school" | "government" | "other" | "unknown";

/** 職員 / One staff member. */
export interface StaffMember {
  /** 時間の単位期間 / Period both times below are counted over. */
  basis: TimeBasis;
  /** 勤務時間（分） / Contracted working time in minutes per period. */
  contracted_minutes: number;
  /**
   * 所属施設 / Home facility (compared exactly after trimming surrounding spaces:
   * spell one facility the same way, or use an id).
   */
  facility: string;
  /** 拠点事業に充てる時間（分） / Time given to the hub in minutes per period. */
  hub_minutes: number;
  /** 職員 ID / An id unique within the hub (not a name). */
  id: string;
  /** 役割 / Roles this person holds (one or more; the strictest minimum share applies). */
  roles: Role[];
}

/** 職員ごとの割合 / One person's share of working time given to the hub. */
export interface StaffShare {
  /** 時間の単位期間 / Period of both times. */
  basis: TimeBasis;
  /** 勤務時間（分） / Contracted minutes. */
  contracted_minutes: number;
  /** 拠点事業に充てる時間（分） / Hub minutes. */
  hub_minutes: number;
  /** 職員 ID / The person's id. */
  id: string;
  /**
   * 最低割合を満たす / True iff contracted time is positive, hub time is positive and
   * within it, and the share is at least the minimum (a person giving no time meets
   * nothing, even a 0% minimum).
   */
  meets_minimum: boolean;
  /** 最低割合（%） / The strictest minimum share of this person's roles. */
  min_share_percent: number;
  /** 役割 / Roles. */
  roles: Role[];
  /** 割合 / Share hub ÷ contracted (absent when contracted time is 0). */
  share?: Share | null;
}

/** 職員配置の確認結果 / Result of `staffing.check`. */
export interface StaffingReport {
  /** ミーティング / Meetings. */
  meetings: MeetingStatus;
  /** 適用した方針 / The policy applied. */
  policy: AppliedPolicy;
  /** 役割ごとの充足 / Each role's holders, in the order of 004. */
  roles: RoleCoverage[];
  /** 職員ごとの割合 / Each person's share, in input order. */
  staff: StaffShare[];
}

/**
 * 職員配置の確認の入力 / Input of `staffing.check`: a hub, the date of the check, and an
 * optional policy (absent: the national rules).
 */
export interface StaffingRequest {
  /** JSON Schema の URL（任意） / URL of this document's JSON Schema (optional). */
  $schema?: string | null;
  /** 基準日 / The date of the check (meetings are checked up to this day). */
  as_of: string;
  /** 拠点 / The hub. */
  hub: Hub;
  /**
   * 会議の記録（任意） / Meeting records (optional): those of kind `hub_staff` count as
   * meetings held, beside `hub.meetings.held`.
   */
  meeting_records?: Meeting[];
  /** 方針（省略時は国の基準） / Policy overrides; absent means the national rules. */
  policy?: StaffingRequestPolicy | null;
  /** 文書の形式の版（省略時は 1） / Document format version (absent means 1). */
  version?: FormatVersion | null;
}

/** 方針 / A policy: overrides merged over the national rules. */
export interface StaffingRequestPolicy {
  /**
   * ミーティング間隔の上限（日） / Longest allowed gap between meetings, in days
   * (absent: 35 days, this project's default).
   */
  max_meeting_gap_days?: number | null;
  /** 役割ごとの設定 / Per-role overrides (roles not listed keep the national values). */
  roles?: RoleOverride[];
}

/** 発言 / One statement (an opinion in 主な意見). */
export interface Statement {
  /**
   * 取組名（記録が番号に添えている場合、例: 小児科及び内科医向け研修会） / The item's
   * name where the record writes one beside the number.
   */
  item_label?: string | null;
  /** 計画の取組番号（【№1】など） / The plan items it concerns (【№1】…). */
  items?: ItemRef[];
  /**
   * 発言した機関 / The organisation that spoke (id in `organisations`; for a care
   * conference, a participant id).
   */
  organisation: string;
  /** 発言内容（記録のとおり） / What was said, as the record writes it. */
  text: string;
  /** テーマ（記録のとおり、例: ①体制構築） / Theme heading, as the record writes it. */
  theme?: string | null;
}

/** 状況 / Progress status. */
export type Status = "done" | "delayed" | "not_started";

/** 状況別の件数 / Counts of scheduled item-quarters per status. */
export interface StatusTotals {
  /** 遅延 / Delayed. */
  delayed: number;
  /** 完了 / Done. */
  done: number;
  /** 未着手 / Not started. */
  not_started: number;
  /** 予定数 / Scheduled item-quarters. */
  scheduled: number;
  /** 報告なし / No status reported. */
  unreported: number;
}

/** 利用する子ども / The child of a request, described directly. */
export interface StayChild {
  /** 生年月日 / Date of birth. */
  birth_date: string;
  /** 必要な医療的ケア / The medical care the child needs. */
  care?: CareKind[];
  /**
   * 医療型短期入所の利用根拠 / Grounds on which the child may use 医療型短期入所; empty = not
   * entitled. The children's grounds apply only while the child is under 18 on the first
   * night, and unconfirmed grounds alone only when the policy accepts them.
   */
  grounds?: ShortStayGround[];
}

/** 利用目的 / Why the family asks for a short stay. */
export type StayReason = "respite" | "guardian_illness" | "family_event" | "sibling_care" | "other";

/** 利用申込 / One family's short-stay request. */
export interface StayRequest {
  /** 居住圏域（任意） / The family's area (optional): facilities in it rank first. */
  area?: string | null;
  /** 子ども / The child. */
  child: StayChild;
  /** 初日の夜 / Date of the first night. */
  first_night: string;
  /** 支給量（日/月） / Days granted per month by the municipality (支給量), for the month of the first night. */
  granted_days: number;
  /** 申込ID / Identifier of the request (one family per request in an allocation). */
  id: string;
  /** 泊数 / Number of consecutive nights (1 to the policy's limit, never above 366). */
  nights: number;
  /** 利用目的 / Reason for the stay. */
  reason: StayReason;
  /** 申込日（任意） / Date the request was made (optional): breaks ties in allocation, earlier first. */
  submitted_on?: string | null;
  /** 今月の利用済み日数 / Days already used in that month. */
  used_days: number;
}

/** 吸引の部位 / Where suctioning is done. */
export type SuctionSite = "oral_nasal" | "tracheal" | "nasopharyngeal_airway" | "other";

/** `summary.validate` の結果 / Result of `summary.validate`. */
export interface SummaryCheck {
  /** 基準日の年齢 / Age on `as_of` (absent if born after it). */
  age?: Age | null;
  /** 医療的ケアの種類 / Kinds of medical care received. */
  care_kinds: CareKind[];
  /** 記録のない区分 / Parts with content but no provenance record. */
  unrecorded_sections: Section[];
}

/** `summary.*` 操作の入力 / Input of every `summary.*` operation. */
export interface SummaryRequest {
  /** JSON Schema の URL（任意） / URL of this document's JSON Schema (optional). */
  $schema?: string | null;
  /** 基準日 / The day the summary is read on ("today"): ages, past/upcoming and staleness are judged on it. */
  as_of: string;
  /** 記録者の記録のない区分を一つずつ指摘する（省略時は文書に一件） / Report each part without a provenance record separately (default: one finding per document listing the parts). */
  strict_provenance?: boolean;
  /** 対象児の情報 / The child's summary. */
  summary: ChildSummary;
  /** 文書の形式の版（省略時は 1） / Document format version (absent means 1). */
  version?: FormatVersion | null;
}

/** `summary.*` 操作の入力 / Input of every `summary.*` operation. */
export interface SummaryRequestOutput {
  /** JSON Schema の URL（任意） / URL of this document's JSON Schema (optional). */
  $schema?: string | null;
  /** 基準日 / The day the summary is read on ("today"): ages, past/upcoming and staleness are judged on it. */
  as_of: string;
  /** 記録者の記録のない区分を一つずつ指摘する（省略時は文書に一件） / Report each part without a provenance record separately (default: one finding per document listing the parts). */
  strict_provenance?: boolean;
  /** 対象児の情報 / The child's summary. */
  summary: ChildSummaryOutput;
  /** 文書の形式の版（省略時は 1） / Document format version (absent means 1). */
  version?: FormatVersion | null;
}

/** 判定 / Category under the 2020 medical-fee rule. */
export type SuperSevereCategory = "super_severe" | "semi_super_severe" | "not_applicable" | "undetermined";

/** 加点項目 / One row that contributed to the super-severe total. */
export interface SuperSevereItem {
  /** 確認済み / False if the row is unconfirmed. */
  confirmed: boolean;
  /** 項目 / The table's wording. */
  item_ja: string;
  /** 根拠の位置 / JSON Pointer to the input value that earned the points. */
  path: string;
  /** 点数 / Points. */
  points: number;
  /** 番号 / Row number. */
  row: string;
}

/** 超重症児スコア / Result of the super-severe score. */
export interface SuperSevereResult {
  /** 判定 / Category (2020 rule, motor condition applies). */
  category: SuperSevereCategory;
  /** 判定（日本語） / Category in Japanese. */
  category_ja: string;
  /** 加点項目 / Every contributing row, in table order. */
  items: SuperSevereItem[];
  /** 運動機能が座位まで / Whether the motor condition 「座位まで」 holds; absent when unknown. */
  motor_up_to_sitting?: boolean | null;
  /** 合計 / Total points. */
  total: number;
  /** 特別重度支援加算（2021年） / Category under the 2021 welfare-side rule. */
  welfare_2021: WelfareCategory;
  /** 特別重度支援加算（日本語） / That category in Japanese. */
  welfare_2021_ja: string;
}

/** 集計表 / One table. */
export interface Table {
  /** 表の識別子 / Table id (`age_band`, …). */
  id: string;
  /** 行 / Rows. */
  rows: Cell[];
  /** 行の合計が対象児数になる / True if every child is in exactly one row. */
  rows_add_up: boolean;
  /** 表題（英語） / Title in English. */
  title_en: string;
  /** 表題 / Title in Japanese. */
  title_ja: string;
}

/** 一つのタスク / One task of the framework. */
export interface Task {
  /** 取組の例 / Typical initiatives: the national description's (具体例), quoted exactly. */
  examples_ja: string[];
  /** 英語名 / English name. */
  name_en: string;
  /** 神奈川県のタスク表での名称（[S-003]） / Wording in Kanagawa's task table ([S-003]). */
  name_kanagawa_ja: string;
  /** 国の事業説明での名称（[S-004]） / Wording in the national description ([S-004]). */
  name_national_ja: string;
  /** 番号 / Number 1–6. */
  no: number;
  /** 目的（英語） / Purpose, in English. */
  purpose_en: string;
  /** 目的 / Purpose, in Japanese: the national description's ○内容, quoted. */
  purpose_ja: string;
}

/** Result of `tasks.list`. */
export interface TaskCatalogue {
  /** 6つのタスク / The six tasks. */
  tasks: Task[];
}

/** タスク別の取組 / The initiatives serving one task. */
export interface TaskCoverage {
  /** 取組 / The initiatives (their keys), in document order. */
  item_refs: ItemRef[];
  /** 取組数 / Distinct initiatives serving the task. */
  items: number;
  /** タスク名（国） / The task's national wording. */
  name_ja: string;
  /** タスク番号 / Task number 1–6. */
  task: number;
  /** うち再掲による / Of which listed here only through a 再掲. */
  via_repeat: number;
}

/**
 * タスク番号 / A task number, 1–6. Deserialising any other number is an
 * `input.invalid_value` finding; plan rules report it with the plan's own code.
 */
export type TaskNo = number;

/** タスク別の状況 / Totals of one task. */
export interface TaskProgress {
  /** タスク名 / The task's national wording. */
  name_ja: string;
  /** 四半期別（第1〜第4四半期） / Totals in each quarter, Q1–Q4: one row of the task × quarter grid. */
  quarters: StatusTotals[];
  /** タスク番号 / Task 1–6. */
  task: number;
  /** 件数 / Totals over the items serving the task. */
  totals: StatusTotals;
}

/** タスク別・四半期別の取組数 / Initiatives of one task per quarter. */
export interface TaskQuarters {
  /** タスク名 / The task's national wording. */
  name_ja: string;
  /** 第1四半期 / Q1: initiatives with an entry in April–June. */
  q1: number;
  /** 第2四半期 / Q2. */
  q2: number;
  /** 第3四半期 / Q3. */
  q3: number;
  /** 第4四半期 / Q4. */
  q4: number;
  /** タスク番号 / Task 1–6. */
  task: number;
  /** 計 / Distinct initiatives serving the task. */
  total: number;
}

/** Input of `tasks.list`: nothing but an optional `$schema`. */
export interface TasksQuery {
  /** JSON Schema の URL（任意） / URL of this document's JSON Schema (optional). */
  $schema?: string | null;
  /** 文書の形式の版（省略時は 1） / Document format version (absent means 1). */
  version?: FormatVersion | null;
}

/** 時間の単位期間 / The period both of a person's times are counted over. */
export type TimeBasis = "week" | "month";

/** ライフステージの予定表 / The life-stage timeline of one child. */
export interface Timeline {
  /** 基準日の年齢 / Age on `as_of` (absent if born after it). */
  age?: Age | null;
  /** 基準日 / As of. */
  as_of: string;
  /** 生年月日 / Date of birth. */
  date_of_birth: string;
  /** 初診日（受診歴の最初の初診） / Earliest first consultation (初診日) in the history. */
  first_consultation?: string | null;
  /** 節目（日付順） / Milestones, by date. */
  milestones: Milestone[];
  /** 小学校入学年 / Calendar year of school entry. */
  school_entry_year?: number | null;
}

/** 相談内容 / What the consultation was about. */
export type Topic = "local_resources" | "consultation_support" | "placement_high_medical_needs" | "home_visit_doctor" | "residential_facility" | "short_stay" | "medical_care" | "schooling" | "welfare" | "other" | "unknown";

/** 研修1回 / One training session (one line of the log). */
export interface Training {
  /** 参加者数 / Number of attendees. */
  attendees: number;
  /** 対象者（職種） / The professions it was for. */
  audience?: Profession[];
  /**
   * 対象者の表記（任意。一覧に載せる文言、例「介護・看護職員」） / How the listing words the
   * audience (optional, e.g. 「介護・看護職員」); without it the professions are joined with 「・」.
   */
  audience_label?: string | null;
  /** 実施日 / Date. */
  date: string;
  /** 対応するタスク（1〜6） / The task (1–6) it serves. */
  task?: TaskNo | null;
  /** テーマ / Theme. */
  theme: string;
}

/** 研修記録 / Input of `trainings.summarize`: the training log. */
export interface TrainingLog {
  /** JSON Schema の URL（任意） / URL of this document's JSON Schema (optional). */
  $schema?: string | null;
  /** 集計する年度（西暦の開始年） / Fiscal year to summarise (its first calendar year). */
  fiscal_year: number;
  /** 注記 / Notes on the log. */
  notes?: string | null;
  /** 研修 / The sessions, one per line of the log. */
  trainings?: Training[];
  /** 文書の形式の版（省略時は 1） / Document format version (absent means 1). */
  version?: FormatVersion | null;
}

/** 研修の集計 / Result of `trainings.summarize`. */
export interface TrainingSummary {
  /** 職種別（重複あり） / By profession (a session for several counts in each). */
  by_profession: SessionCount[];
  /** 四半期別 / By quarter. */
  by_quarter: SessionCount[];
  /** タスク別 / By task (1–6, then none). */
  by_task: SessionCount[];
  /** 年度 / The fiscal year. */
  fiscal_year: number;
  /** 年度（和暦） / The fiscal year in 和暦. */
  fiscal_year_ja: string;
  /** 研修一覧（日付順） / The sessions, by date. */
  sessions: SessionRow[];
  /** 合計 / Totals. */
  total: SessionCount;
}

/** `document.upgrade` の入力 / Input of `document.upgrade`. */
export interface UpgradeRequest {
  /** JSON Schema の URL（任意） / URL of this document's JSON Schema (optional). */
  $schema?: string | null;
  /** 更新する文書（古い版の kyoten 文書） / The older kyoten document to upgrade. */
  document: unknown;
  /** 文書の種類（省略時は文書の $schema から判断） / The document's type (absent: read from the document's `$schema`). */
  type?: DocumentType | null;
  /** 文書の形式の版（省略時は 1） / Document format version (absent means 1). */
  version?: FormatVersion | null;
}

/** `document.upgrade` の結果 / Result of `document.upgrade`. */
export interface UpgradeResult {
  /** 更新した文書 / The upgraded document. */
  document: unknown;
  /** 元の版 / The version the document was in. */
  from_version: number;
  /** 人が記入すべき項目（更新後の文書の JSON Pointer） / Fields a person must fill in (JSON Pointers into the upgraded document). */
  needs_input: string[];
  /** 更新後の版 / The version it is in now. */
  to_version: number;
  /** 文書の種類 / The document's type. */
  type: DocumentType;
}

/** 持続的導尿の方法 / Kind of continuous urinary drainage. */
export type UrinaryRoute = "urethral_catheter" | "cystostomy" | "nephrostomy" | "urostomy";

/** 空き状況 / One mark of the vacancy board. */
export type Vacancy = "free" | "few" | "full" | "unknown";

/** 予防接種 / One vaccination. */
export interface Vaccination {
  /** 接種日 / Date given. */
  date: string;
  /** 何回目か（任意、1 以上） / Dose number (optional, 1 or more). */
  dose?: number | null;
  /** ワクチン名（other のとき） / Name of the vaccine (when `other`). */
  name?: string | null;
  /** ワクチン / Vaccine. */
  vaccine: Vaccine;
}

/** ワクチン / Vaccine. */
export type Vaccine = "hib" | "pneumococcal" | "hepatitis_b" | "rotavirus" | "dtap_ipv" | "dtap_ipv_hib" | "bcg" | "mr" | "varicella" | "japanese_encephalitis" | "dt" | "hpv" | "influenza" | "covid19" | "rsv_antibody" | "other";

/** One value of an enumeration, with its labels. */
export interface ValueInfo {
  /** 選択肢の種類 / The enumeration's name in the schemas (e.g. `CareKind`). */
  choice: string;
  /** コード / The value as written in documents. */
  code: string;
  /** 英語ラベル / English label. */
  label_en: string;
  /** 日本語ラベル / Japanese label. */
  label_ja: string;
}

/** 人工呼吸器の種類 / Kind of ventilation ([C-A] row 1, [C-B] row 1, `docs/sources.md`). */
export type VentilationMode = "invasive" | "nippv" | "cpap" | "high_flow" | "cough_assist" | "ippb" | "chest_wall_oscillation";

/** 平常時のバイタルサイン / Baseline vital signs (the child's usual values). */
export interface VitalSigns {
  /** 平常時の心拍数 (回/分) / Usual heart rate (per minute). */
  heart_rate_per_min?: Range | null;
  /** 身長 (cm) / Height (cm). */
  height_cm?: number | null;
  /** 測定日 / Measured on. */
  measured_on: string;
  /** 平常時の呼吸数 (回/分) / Usual respiratory rate (per minute). */
  respiratory_rate_per_min?: Range | null;
  /** 平常時の SpO2 (%) / Usual SpO2 (%). */
  spo2_percent?: Range | null;
  /** 平常時の収縮期血圧 (mmHg) / Usual systolic blood pressure (mmHg). */
  systolic_mmhg?: Range | null;
  /** 平熱 (℃) / Usual body temperature (°C). */
  temperature_c?: Range | null;
  /** 体重 (kg) / Weight (kg). */
  weight_kg?: number | null;
}

/** 和暦の数字の書き方 / How numbers are written in a 和暦 output. */
export type WarekiStyle = "arabic" | "kanji";

/**
 * 見守りの度合い / Watch level (見守りスコア) of the medical care score: how quickly a
 * carer must respond ([C-B], `docs/sources.md`).
 */
export type WatchLevel = "high" | "medium" | "low";

/** 特別重度支援加算（2021年改定） / Category under the 2021 welfare-side rule (no motor condition). */
export type WelfareCategory = "special_i" | "special_i_i" | "not_applicable";

/** 前年度比 / Year on year. */
export interface YearOnYear {
  /** 増減 / Difference. */
  difference: number;
  /** 前年度 / Last year's total. */
  last_year: number;
  /** 倍率（小数2桁、前年度0件ならなし） / This year over last year, 2 decimals; absent if last year had none. */
  ratio?: number | null;
  /** 当年度 / This year's total. */
  this_year: number;
}
