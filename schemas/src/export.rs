//! Writing tables for spreadsheets: CSV files (UTF-8 with a byte-order mark, so that Excel
//! opens Japanese text correctly) and one `.xlsx` workbook (one sheet per table, Japanese
//! headers), with the `csv` and `rust_xlsxwriter` crates.

use crate::show::Table;
use std::path::Path;

/// Tables gathered over many documents: rows of the same table (same operation and path)
/// from several files go into one table, with the file as the first column.
#[derive(Debug, Default)]
pub struct Book {
    /// The tables, in first-seen order.
    pub tables: Vec<Table>,
}

impl Book {
    /// Adds a document's table; `file` becomes the first column.
    pub fn add(&mut self, file: &str, file_header: &str, t: Table) {
        let mut keys = vec!["file".to_owned()];
        keys.extend(t.keys.iter().cloned());
        let mut headers = vec![file_header.to_owned()];
        headers.extend(t.headers.iter().cloned());
        let rows: Vec<Vec<String>> = t
            .rows
            .into_iter()
            .map(|r| {
                let mut row = vec![file.to_owned()];
                row.extend(r);
                row
            })
            .collect();
        match self.tables.iter_mut().find(|x| x.name == t.name) {
            None => self.tables.push(Table {
                name: t.name,
                headers,
                keys,
                rows,
            }),
            Some(existing) => {
                // Union of columns: new keys are appended, missing cells are empty.
                for (k, h) in keys.iter().zip(&headers) {
                    if !existing.keys.contains(k) {
                        existing.keys.push(k.clone());
                        existing.headers.push(h.clone());
                        for r in &mut existing.rows {
                            r.push(String::new());
                        }
                    }
                }
                for r in rows {
                    let mapped = existing
                        .keys
                        .iter()
                        .map(|k| {
                            keys.iter()
                                .position(|x| x == k)
                                .and_then(|i| r.get(i).cloned())
                                .unwrap_or_default()
                        })
                        .collect();
                    existing.rows.push(mapped);
                }
            }
        }
    }
}

/// A file name for a table: letters, digits, `.`, `_` and `-` kept, anything else `_`.
pub fn file_name(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{s}.csv")
}

/// One table as CSV bytes: UTF-8 with BOM, a header line, CRLF line ends (as Excel writes).
pub fn csv_bytes(t: &Table) -> Result<Vec<u8>, String> {
    let mut out = "\u{FEFF}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        w.write_record(&t.headers).map_err(|e| e.to_string())?;
        for r in &t.rows {
            w.write_record(r).map_err(|e| e.to_string())?;
        }
        w.flush().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// Writes every table as `DIR/<table>.csv`; returns the files written.
pub fn write_csv(book: &Book, dir: &Path) -> Result<Vec<String>, String> {
    std::fs::create_dir_all(dir).map_err(|e| {
        format!(
            "{}: フォルダを作れません / cannot create: {e}",
            dir.display()
        )
    })?;
    let mut written = Vec::new();
    for t in &book.tables {
        let path = dir.join(file_name(&t.name));
        std::fs::write(&path, csv_bytes(t)?)
            .map_err(|e| format!("{}: 書けません / cannot write: {e}", path.display()))?;
        written.push(path.display().to_string());
    }
    Ok(written)
}

/// An Excel sheet name (at most 31 characters, none of `[]:*?/\`), unique in `taken`.
pub fn sheet_name(name: &str, taken: &[String]) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\'".contains(c) { '_' } else { c })
        .collect();
    let base: String = clean.chars().take(31).collect();
    if !taken.iter().any(|t| t.eq_ignore_ascii_case(&base)) {
        return base;
    }
    for n in 2.. {
        let suffix = format!("~{n}");
        let head: String = clean.chars().take(31 - suffix.len()).collect();
        let candidate = format!("{head}{suffix}");
        if !taken.iter().any(|t| t.eq_ignore_ascii_case(&candidate)) {
            return candidate;
        }
    }
    base
}

/// Writes every table to one workbook: a contents sheet (目次) naming each sheet's table,
/// then one sheet per table, header row bold and frozen, numbers as numbers.
pub fn write_xlsx(book: &Book, path: &Path) -> Result<(), String> {
    use rust_xlsxwriter::{Format, Workbook};
    let err = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let mut names: Vec<String> = vec!["目次".to_owned()];
    for t in &book.tables {
        let n = sheet_name(&t.name, &names);
        names.push(n);
    }
    {
        let ws = wb.add_worksheet();
        ws.set_name("目次").map_err(err)?;
        ws.write_string_with_format(0, 0, "シート / sheet", &bold)
            .map_err(err)?;
        ws.write_string_with_format(0, 1, "表 / table", &bold)
            .map_err(err)?;
        ws.write_string_with_format(0, 2, "行数 / rows", &bold)
            .map_err(err)?;
        for (i, (t, n)) in book.tables.iter().zip(names.iter().skip(1)).enumerate() {
            let r = u32::try_from(i + 1).map_err(|e| e.to_string())?;
            ws.write_string(r, 0, n).map_err(err)?;
            ws.write_string(r, 1, &t.name).map_err(err)?;
            ws.write_number(r, 2, t.rows.len() as f64).map_err(err)?;
        }
        ws.set_column_width(0, 32).map_err(err)?;
        ws.set_column_width(1, 48).map_err(err)?;
    }
    for (t, n) in book.tables.iter().zip(names.iter().skip(1)) {
        let ws = wb.add_worksheet();
        ws.set_name(n).map_err(err)?;
        for (c, h) in t.headers.iter().enumerate() {
            let c = u16::try_from(c).map_err(|e| e.to_string())?;
            ws.write_string_with_format(0, c, h, &bold).map_err(err)?;
            ws.set_column_width(c, 14).map_err(err)?;
        }
        ws.set_freeze_panes(1, 0).map_err(err)?;
        for (r, row) in t.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).map_err(|e| e.to_string())?;
            for (c, v) in row.iter().enumerate() {
                let c = u16::try_from(c).map_err(|e| e.to_string())?;
                match number(v) {
                    Some(x) => ws.write_number(r, c, x).map_err(err)?,
                    None => ws.write_string(r, c, v).map_err(err)?,
                };
            }
        }
    }
    wb.save(path)
        .map_err(|e| format!("{}: 書けません / cannot write: {e}", path.display()))
}

/// A cell that is a plain decimal number (no leading zeros that a code would have, such
/// as a municipality code or a phone number).
fn number(s: &str) -> Option<f64> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    if digits.is_empty()
        || digits.len() > 15
        || !digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        || (digits.len() > 1 && digits.starts_with('0') && !digits.starts_with("0."))
    {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(name: &str, keys: &[&str], rows: &[&[&str]]) -> Table {
        Table {
            name: name.into(),
            headers: keys.iter().map(|k| k.to_uppercase()).collect(),
            keys: keys.iter().map(|k| (*k).to_owned()).collect(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
                .collect(),
        }
    }

    #[test]
    fn tables_of_many_files_merge_with_a_file_column() {
        let mut b = Book::default();
        b.add("a.json", "ファイル", t("op.x", &["n"], &[&["1"]]));
        b.add("b.json", "ファイル", t("op.x", &["n", "m"], &[&["2", "3"]]));
        assert_eq!(b.tables.len(), 1);
        assert_eq!(b.tables[0].headers, vec!["ファイル", "N", "M"]);
        assert_eq!(
            b.tables[0].rows,
            vec![vec!["a.json", "1", ""], vec!["b.json", "2", "3"]]
        );
    }

    #[test]
    fn csv_has_a_bom_and_quotes() {
        let bytes = csv_bytes(&t("x", &["a", "b"], &[&["取組, \"1\"", "2"]])).unwrap();
        assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert_eq!(text, "A,B\r\n\"取組, \"\"1\"\"\",2\r\n");
    }

    #[test]
    fn sheet_names_are_short_unique_and_clean() {
        let taken = vec!["summary.emergency_view.result.a".to_owned()];
        assert_eq!(sheet_name("a/b[c]", &[]), "a_b_c_");
        let long = "summary.emergency_view.result.a";
        assert_eq!(sheet_name(long, &taken), "summary.emergency_view.result~2");
        assert_eq!(sheet_name(long, &taken).chars().count(), 31);
    }

    #[test]
    fn numbers_but_not_codes() {
        assert_eq!(number("23"), Some(23.0));
        assert_eq!(number("-1.5"), Some(-1.5));
        assert_eq!(number("0"), Some(0.0));
        assert_eq!(number("011234"), None);
        assert_eq!(number("2017-10-16"), None);
        assert_eq!(number(""), None);
    }
}
