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
  /** 妥当 / True if and only if no finding has severity `error`. */
  valid: boolean;
  /** 警告件数 / Number of findings of severity `warning`. */
  warnings: number;
  /** 結果 / The operation's result; absent when the input could not be read. */
  result?: T;
}

/** Input of `calendar.age`. */
export interface AgeRequest {
  /** JSON Schema の URL（任意） / URL of this document's JSON Schema (optional). */
  $schema?: string | null;
  /** 基準日 / The reference date ("today"). */
  as_of: string;
  /** 生年月日 / Date of birth. */
  birth_date: string;
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

/** 一件の変換結果 / One converted text, in input order. */
export interface Conversion {
  /** 西暦の日付 / The date (for dates). */
  date?: string | null;
  /** 年度（西暦、開始年） / The fiscal year, named by the calendar year it starts in. */
  fiscal_year?: number | null;
  /** 種類 / What the text was read as. */
  kind: ConversionKind;
  /** 四半期 / The fiscal quarter (for dates). */
  quarter?: Quarter | null;
  /** 和暦表記 / The 和暦 form (令和元年5月1日, 令和元年度). */
  wareki?: string | null;
}

/** 変換結果の種類 / What a text was read as. */
export type ConversionKind = "date" | "fiscal_year" | "invalid";

/** Input of `calendar.convert`: texts to read as dates or fiscal years. */
export interface ConvertRequest {
  /** JSON Schema の URL（任意） / URL of this document's JSON Schema (optional). */
  $schema?: string | null;
  /** 変換する文字列 / Texts to convert: 和暦 or ISO dates, 和暦 or western fiscal years. */
  values: string[];
}

/** Result of `calendar.convert`. */
export interface ConvertResult {
  /** 変換結果（入力と同じ順） / One conversion per input text, in the same order. */
  values: Conversion[];
}

/** 指摘 / One violation of a rule at one place in a document. */
export interface Finding {
  /** コード / Stable dotted rule code, e.g. `plan.item.no_lead`. */
  code: string;
  /** メッセージ（英語） / Message in English. */
  message_en: string;
  /** メッセージ（日本語） / Message in Japanese. */
  message_ja: string;
  /** 位置 / RFC 6901 JSON Pointer to the offending value ("" is the whole document). */
  path: string;
  /** 重大度 / Severity. */
  severity: Severity;
}

/** 四半期 / A quarter of the fiscal year. */
export type Quarter = "q1" | "q2" | "q3" | "q4";

/** 重大度 / How serious a finding is. */
export type Severity = "error" | "warning" | "info";

/** 一つのタスク / One task of the framework. */
export interface Task {
  /** 取組の例 / Typical initiatives, in Japanese. */
  examples_ja: string[];
  /** 英語名 / English name. */
  name_en: string;
  /** 神奈川県のタスク表での名称（資料003） / Wording in Kanagawa's task table (seed 003). */
  name_kanagawa_ja: string;
  /** 国の事業説明での名称（資料004） / Wording in the national description (seed 004). */
  name_national_ja: string;
  /** 番号 / Number 1–6. */
  no: number;
  /** 目的（英語） / Purpose, in English. */
  purpose_en: string;
  /** 目的 / Purpose, in Japanese. */
  purpose_ja: string;
}

/** Result of `tasks.list`. */
export interface TaskCatalogue {
  /** 6つのタスク / The six tasks. */
  tasks: Task[];
}

/** Input of `tasks.list`: nothing but an optional `$schema`. */
export interface TasksQuery {
  /** JSON Schema の URL（任意） / URL of this document's JSON Schema (optional). */
  $schema?: string | null;
}
