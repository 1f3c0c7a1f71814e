//! `summary.from_fhir` on any bytes (as the raw operation input, and as the bundle of a
//! request); when a summary comes out, exporting it and reading it back gives it again.
#![no_main]
use kyoten_core::fhir::{FhirImportRequest, from_fhir, to_fhir};
use kyoten_core::input::Limits;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let op = kyoten_core::ops::find("summary.from_fhir").expect("operation exists");
    let out = (op.run)(data, &Limits::default());
    let v: serde_json::Value = serde_json::from_str(&out.json).expect("report is JSON");
    assert_eq!(out.valid, v["errors"] == 0);
    let Ok(bundle) = serde_json::from_slice::<serde_json::Value>(data) else { return };
    let got = from_fhir(&FhirImportRequest { schema: None, version: None, child_id: None, as_of: None, bundle });
    if let Some(summary) = got.result {
        let again = from_fhir(&FhirImportRequest { schema: None, version: None, child_id: None, as_of: None, bundle: to_fhir(&summary) });
        assert_eq!(again.result.as_ref(), Some(&summary), "a summary read from FHIR survives its own round trip");
    }
});
