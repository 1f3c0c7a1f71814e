// kyoten: TypeScript types of every input and output document.
// Generated from the JSON Schemas by `cargo run -p kyoten-schemas --bin kyoten-gen -- write`; do not edit.

/** 操作表 / The operation table: operation name → input document and report. */
export interface Operations {
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
