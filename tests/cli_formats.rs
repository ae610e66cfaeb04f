//! Every output format and exit code of `check` and `extract`, as a user meets them on the
//! command line: one snapshot per run (arguments, exit code, stdout, stderr) in the
//! top-level snapshots/ folder. Runs are deterministic: relative paths from the package
//! folder, `NO_COLOR`, and miette's fixed width.

use insta_cmd::assert_cmd_snapshot;
use std::process::Command;

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    // the driver version would change every release
    s.add_filter(r#""version": "\d+\.\d+\.\d+""#, r#""version": "[version]""#);
    s
}

fn qc() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_quotecheck"));
    c.current_dir(env!("CARGO_MANIFEST_DIR")).env("NO_COLOR", "1");
    for v in ["FORCE_COLOR", "CLICOLOR_FORCE", "NO_GRAPHICS", "FORCE_HYPERLINK"] {
        c.env_remove(v);
    }
    c
}

const TENSION: &str = "tests/fixtures/reference_tension.txt";
const CLEAN: &str = "tests/fixtures/no_tension.txt";

#[test]
fn check_in_every_format() {
    for format in ["human", "concise", "json", "jsonl", "sarif", "github"] {
        settings().bind(|| {
            assert_cmd_snapshot!(format!("cli_check_{format}"), qc().args(["check", "--format", format, TENSION]));
        });
    }
}

#[test]
fn extract_in_every_format() {
    for format in ["table", "claims", "json", "jsonl"] {
        settings().bind(|| {
            assert_cmd_snapshot!(format!("cli_extract_{format}"), qc().args(["extract", "--format", format, TENSION]));
        });
    }
}

#[test]
fn exit_codes() {
    settings().bind(|| {
        // a warning does not fail the default threshold (error); --fail-on warning does
        assert_cmd_snapshot!("cli_exit_warning_default", qc().args(["check", "--format", "concise", TENSION]));
        assert_cmd_snapshot!("cli_exit_fail_on_warning", qc().args(["check", "--format", "concise", "--fail-on", "warning", TENSION]));
        assert_cmd_snapshot!("cli_exit_zero", qc().args(["check", "--format", "concise", "--fail-on", "info", "--exit-zero", TENSION]));
        assert_cmd_snapshot!("cli_exit_clean", qc().args(["check", "--format", "concise", CLEAN]));
        // usage and input errors exit 2
        assert_cmd_snapshot!("cli_exit_usage", qc().args(["check", "--format", "yaml", TENSION]));
        assert_cmd_snapshot!("cli_exit_missing_file", qc().args(["check", "--format", "concise", "tests/fixtures/no_such_article.txt"]));
    });
}
