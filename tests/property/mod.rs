//! The one runner of the native property tests (`properties.rs`, `wire_properties.rs`).

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use std::time::Instant;

/// How many generated cases each property runs over, at least.
pub const CASES: u32 = 10_000;

/// Runs `test` over `CASES` values of `strategy` and prints how many and how long.
pub fn property<S: Strategy>(
    name: &str,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S::Value: std::fmt::Debug,
{
    let started = Instant::now();
    let count = std::cell::Cell::new(0u32);
    let mut runner = TestRunner::new(Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&strategy, |value| {
            count.set(count.get() + 1);
            test(value)
        })
        .unwrap_or_else(|e| panic!("property {name:?} failed: {e}"));
    let secs = started.elapsed().as_secs_f64();
    assert!(
        count.get() >= CASES,
        "{name}: only {} cases ran",
        count.get()
    );
    println!("property {name}: {} cases in {secs:.2} s", count.get());
}
