//! The 和暦 parser: never panics, and what it reads as a date formats back to the same date.
#![no_main]
use kyoten_core::calendar::wareki::{Parsed, format_date, format_fiscal_year, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match parse(text) {
        Ok(Parsed::Date(d)) => {
            if let Some(w) = format_date(d) {
                assert_eq!(parse(&w), Ok(Parsed::Date(d)), "{w}");
            }
        }
        Ok(Parsed::FiscalYear(fy)) => {
            if let Some(w) = format_fiscal_year(fy) {
                assert_eq!(parse(&w), Ok(Parsed::FiscalYear(fy)), "{w}");
            }
        }
        Err(_) => {}
    }
});
