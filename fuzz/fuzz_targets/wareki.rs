//! The 和暦 parser: never panics, and what it reads formats back (in both number styles)
//! to the same value.
#![no_main]
use kyoten_core::calendar::wareki::{
    Parsed, WarekiStyle, format_approx_month, format_date_styled, format_fiscal_year_styled, parse,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(parsed) = parse(text) else { return };
    for style in [WarekiStyle::Arabic, WarekiStyle::Kanji] {
        let written = match parsed {
            Parsed::Date(d) => format_date_styled(d, style),
            Parsed::FiscalYear(fy) => format_fiscal_year_styled(fy, style),
            Parsed::ApproxMonth(m) => format_approx_month(m, style),
        };
        if let Some(w) = written {
            assert_eq!(parse(&w), Ok(parsed), "{w}");
        }
    }
});
