//! Batches from the command line: folder walking (formats, .gitignore, hidden files, symbolic
//! links), --input-format, and --jobs, whose output must be the same for any number of jobs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_quotecheck"))
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin().current_dir(dir).args(args).stdin(Stdio::null()).output().expect("quotecheck runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh temporary folder for one test.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("quotecheck-batch-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().expect("parent")).expect("folders");
    std::fs::write(p, text).expect("write");
}

/// The `path` of every document in JSON Lines output, in order.
fn paths(out: &str) -> Vec<String> {
    out.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            v["path"].as_str().expect("path").to_string()
        })
        .collect()
}

fn article(speaker: &str, words: &str) -> String {
    format!("“{words},” {speaker} said.\n")
}

#[test]
fn folders_take_text_markdown_and_html_and_honour_gitignore() {
    let dir = scratch("walk");
    write(&dir, "a.txt", &article("Ana Holm", "The pier opens in May"));
    write(&dir, "b.md", &format!("# Pier\n\n{}", article("Ana Holm", "We are ready")));
    write(&dir, "c.HTML", &format!("<p>{}</p>", article("Ana Holm", "Come and see")));
    write(&dir, "d.htm", "<p>“Short,” Ana Holm said.</p>");
    write(&dir, "e.markdown", "“Long,” Ana Holm said.\n");
    write(&dir, "f.text", "“Plain,” Ana Holm said.\n");
    write(&dir, "notes.rs", "// not an article\n");
    write(&dir, "sub/deeper/g.md", &article("Ana Holm", "Deep"));
    write(&dir, "sub/h.txt", &article("Ana Holm", "Sub"));
    write(&dir, ".hidden.txt", "“Hidden,” she said.\n");
    write(&dir, ".private/i.txt", "“Private,” she said.\n");
    write(&dir, "drafts/j.txt", "“Draft,” she said.\n");
    write(&dir, "k.draft.md", "“Draft too,” she said.\n");
    write(&dir, "vendor/l.txt", "“Vendored,” she said.\n");
    write(&dir, ".gitignore", "drafts/\n*.draft.md\n");
    write(&dir, ".ignore", "vendor/\n");
    let o = run_in(&dir, &["extract", "--format", "jsonl", "."]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        paths(&stdout(&o)),
        ["./a.txt", "./b.md", "./c.HTML", "./d.htm", "./e.markdown", "./f.text", "./sub/deeper/g.md", "./sub/h.txt"],
        "sorted within each folder, depth first; ignored, hidden and other files skipped"
    );
    // a file named on the command line is taken whatever its extension or the ignore files say
    let o = run_in(&dir, &["extract", "--format", "jsonl", "drafts/j.txt", "k.draft.md", "notes.rs", ".hidden.txt"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(paths(&stdout(&o)), ["drafts/j.txt", "k.draft.md", "notes.rs", ".hidden.txt"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_extension_chooses_the_format_and_input_format_overrides_it() {
    let dir = scratch("format");
    let html = "<p data-x=\"“not a quote”\">“Open,” Ana Holm said.</p>\n";
    write(&dir, "page.html", html);
    write(&dir, "page.txt", html);
    let quotes = |o: &Output| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
        v["documents"][0]["quotes"].as_array().expect("quotes").iter().map(|q| q["content"]["text"].as_str().unwrap_or_default().to_string()).collect()
    };
    let as_html = run_in(&dir, &["extract", "--format", "json", "page.html"]);
    assert_eq!(quotes(&as_html), ["Open,"]);
    let as_text = run_in(&dir, &["extract", "--format", "json", "page.txt"]);
    assert!(quotes(&as_text).iter().any(|q| q.contains("not a quote")), "{:?}", quotes(&as_text));
    let forced = run_in(&dir, &["extract", "--format", "json", "--input-format", "html", "page.txt"]);
    assert_eq!(quotes(&forced), ["Open,"]);
    let forced = run_in(&dir, &["check", "--format", "json", "--input-format", "text", "page.html"]);
    assert!(quotes(&forced).iter().any(|q| q.contains("not a quote")));
    // standard input is text unless told otherwise
    let mut child =
        bin().args(["extract", "--format", "json", "--input-format", "markdown", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().expect("spawn");
    use std::io::Write;
    child.stdin.take().expect("stdin").write_all(b"```\n\"code\"\n```\n\n\"Open,\" Ana Holm said.\n").expect("write");
    let o = child.wait_with_output().expect("wait");
    assert_eq!(quotes(&o), ["Open,"]);
    let o = run_in(&dir, &["check", "--input-format", "docx", "page.txt"]);
    assert_eq!(o.status.code(), Some(2), "an unknown format is a usage error");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn output_is_the_same_with_one_job_and_with_four() {
    let dir = scratch("jobs");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    // the articles at the top level (the subfolders hold configurations: see the next test)
    let mut names: Vec<PathBuf> = std::fs::read_dir(&fixtures).expect("fixtures").map(|e| e.expect("entry").path()).filter(|p| p.is_file()).collect();
    names.sort();
    // ~60 files of every format, in nested folders, with a bad file in the middle
    for round in 0..3 {
        for p in &names {
            let name = p.file_name().and_then(|n| n.to_str()).expect("name");
            let text = std::fs::read_to_string(p).expect("fixture");
            write(&dir, &format!("r{round}/{name}"), &text);
        }
    }
    std::fs::write(dir.join("r1/broken.txt"), b"caf\xe9").expect("write");
    for args in [
        &["check", "--format", "jsonl", "--fail-on", "never"][..],
        &["check", "--format", "concise"],
        &["check", "--format", "human"],
        &["check", "--format", "json"],
        &["check", "--format", "sarif"],
        &["extract"],
    ] {
        let one = run_in(&dir, &[args, &["--jobs", "1", "."]].concat());
        let four = run_in(&dir, &[args, &["--jobs", "4", "."]].concat());
        assert!(!one.stdout.is_empty(), "{args:?}");
        assert_eq!(stdout(&one), stdout(&four), "{args:?}: stdout differs between --jobs 1 and --jobs 4");
        assert_eq!(stderr(&one), stderr(&four), "{args:?}: stderr differs");
        assert_eq!(one.status.code(), four.status.code());
        assert_eq!(one.status.code(), Some(2), "the broken file fails the run");
        assert!(stderr(&one).contains("broken.txt is not UTF-8 text"));
    }
    let o = run_in(&dir, &["check", "--format", "jsonl", "--jobs", "4", "."]);
    let got = paths(&stdout(&o));
    let mut sorted = got.clone();
    sorted.sort();
    assert_eq!(got, sorted, "documents come in the order of the walk");
    assert_eq!(got.len(), 3 * names.len());
    let o = run_in(&dir, &["check", "--jobs", "0", "."]);
    assert_eq!(o.status.code(), Some(2), "--jobs 0 is a usage error");
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_unreadable_files_are_named_and_the_rest_checked() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    let dir = scratch("links");
    write(&dir, "good.md", &article("Ana Holm", "Good"));
    write(&dir, "sub/inner.txt", &article("Ana Holm", "Inner"));
    symlink("loop2.md", dir.join("loop1.md")).expect("symlink");
    symlink("loop1.md", dir.join("loop2.md")).expect("symlink");
    symlink("..", dir.join("sub/up")).expect("symlink"); // a folder loop: never followed
    symlink("missing.txt", dir.join("dangling.txt")).expect("symlink");
    symlink("good.md", dir.join("zz-link.md")).expect("symlink"); // a link to a file is read
    write(&dir, "secret.txt", &article("Ana Holm", "Secret"));
    let secret = dir.join("secret.txt");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    // root (or CAP_DAC_OVERRIDE) reads a mode-000 file anyway
    let can_test_unreadable = std::fs::read(&secret).is_err();
    if !can_test_unreadable {
        eprintln!("note: running as root, chmod 000 does not stop reads; the unreadable-file part is skipped");
    }

    for jobs in ["1", "2"] {
        let o = run_in(&dir, &["extract", "--format", "jsonl", "--jobs", jobs, "."]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "something failed: {err}");
        assert!(err.contains("cannot read ./loop1.md"), "{err}");
        assert!(err.contains("cannot read ./loop2.md"), "{err}");
        assert!(err.contains("./dangling.txt: no such file or directory"), "{err}");
        let mut expected = vec!["./good.md"];
        if !can_test_unreadable {
            expected.push("./secret.txt");
        } else {
            assert!(err.contains("cannot read ./secret.txt: Permission denied"), "{err}");
        }
        expected.extend(["./sub/inner.txt", "./zz-link.md"]);
        assert_eq!(paths(&stdout(&o)), expected, "the other files are checked, each once");
    }
    // named on the command line, a loop is an error for that path too
    let o = run_in(&dir, &["check", "loop1.md", "good.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("loop1.md"), "{}", stderr(&o));

    // an unreadable folder is named, and its siblings are checked
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    if can_test_unreadable {
        let locked = dir.join("sub");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        let o = run_in(&dir, &["extract", "--format", "jsonl", "."]);
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains("./sub"), "{}", stderr(&o));
        assert!(paths(&stdout(&o)).contains(&"./good.md".to_string()));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_bad_ignore_pattern_is_a_warning_and_the_rest_applies() {
    let dir = scratch("badignore");
    write(&dir, "a.txt", &article("Ana Holm", "Kept"));
    write(&dir, "skip.txt", &article("Ana Holm", "Skipped"));
    write(&dir, ".gitignore", "{unclosed\nskip.txt\n");
    let o = run_in(&dir, &["extract", "--format", "jsonl", "."]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(paths(&stdout(&o)), ["./a.txt"]);
    assert!(stderr(&o).contains("./.gitignore: line 1: error parsing glob '{unclosed'"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Copies the folder `from` into `to`, recursively.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("folder");
    let mut entries: Vec<PathBuf> = std::fs::read_dir(from).expect("list").map(|e| e.expect("entry").path()).collect();
    entries.sort();
    for p in entries {
        let target = to.join(p.file_name().expect("name"));
        if p.is_dir() {
            copy_tree(&p, &target);
        } else {
            std::fs::copy(&p, &target).expect("copy");
        }
    }
}

/// With quotecheck.toml files in the tree (one at the top with levels, a known speaker and a
/// per-path override; the fixtures' own nearer ones; one broken), every file is checked with
/// the configuration that governs it, and the output, the errors, the exit code, a written
/// baseline and the findings a baseline hides are the same with one job and with four.
#[test]
fn configured_runs_are_the_same_with_one_job_and_with_four() {
    let dir = scratch("jobs-config");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for round in ["r0", "r1"] {
        copy_tree(&fixtures, &dir.join(round));
    }
    write(
        &dir,
        "quotecheck.toml",
        "[rules]\nQC101 = \"error\"\nmodality-gap = \"off\"\n\n[[speakers]]\nname = \"Jonas Kettering\"\ntitles = [\"Foreign Ministry spokesman\"]\n\n\
         [[overrides]]\npaths = [\"r1/**\"]\n[overrides.rules]\nstate-reversal = \"info\"\n",
    );
    // a broken configuration in the middle: reported once, its files fail, the rest is checked
    write(&dir, "r0/desk/quotecheck.toml", "[rules]\nQC101 = \"loud\"\n");
    write(&dir, "r0/desk/a.txt", &article("Ana Holm", "The pier opens in May"));
    write(&dir, "r0/desk/b.md", &format!("# Pier\n\n{}", article("Ana Holm", "We are ready")));
    for args in [
        &["check", "--format", "jsonl", "--fail-on", "never"][..],
        &["check", "--format", "concise"],
        &["check", "--format", "human"],
        &["check", "--format", "json"],
        &["check", "--format", "sarif"],
        &["check", "--format", "github"],
        &["extract"],
        &["extract", "--format", "jsonl"],
    ] {
        let one = run_in(&dir, &[args, &["--jobs", "1", "."]].concat());
        let four = run_in(&dir, &[args, &["--jobs", "4", "."]].concat());
        assert!(!one.stdout.is_empty(), "{args:?}");
        assert_eq!(stdout(&one), stdout(&four), "{args:?}: stdout differs between --jobs 1 and --jobs 4");
        assert_eq!(stderr(&one), stderr(&four), "{args:?}: stderr differs");
        assert_eq!(one.status.code(), Some(2), "{args:?}: the broken configuration fails its files");
        assert_eq!(four.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&one).matches("invalid level `loud` for QC101").count(), 1, "{args:?}: {}", stderr(&one));
    }

    // each file got its own configuration
    let o = run_in(&dir, &["check", "--format", "concise", "--jobs", "4", "."]);
    let out = stdout(&o);
    assert!(!out.contains("desk/"), "the broken configuration's files are not checked: {out}");
    let line = |path: &str, code: &str| out.lines().find(|l| l.starts_with(path) && l.contains(code)).unwrap_or_default().to_string();
    // the top-level file: QC101 raised to an error, QC201 an error (r0) or info (r1, override)
    assert!(line("./r0/unattributed.txt:", "QC101").contains(": error QC101"), "{out}");
    assert!(line("./r0/config/pier.txt:", "QC201").contains(": error QC201"), "{out}");
    assert!(line("./r1/config/pier.txt:", "QC201").contains(": info QC201"), "{out}");
    // a nearer quotecheck.toml wins: severity/ makes QC201 a warning, and the top-level
    // override does not apply there (files are not merged)
    assert!(line("./r1/config/severity/pier.txt:", "QC201").contains(": warning QC201"), "{out}");
    assert!(!out.contains("QC204"), "modality-gap is off: {out}");
    // suppression comments work in every format of the walk, the Markdown and HTML ones too
    assert!(!out.contains("./r0/suppress/ferry.md:") && !out.contains("./r0/suppress/ferry.html:"), "{out}");
    assert!(line("./r0/suppress/letters.txt:", "QC902").contains("QC299"), "{out}");

    // baselines: written the same, and hiding the same, with any number of jobs
    for round in ["r0", "r1"] {
        let _ = std::fs::remove_dir_all(dir.join(round).join("desk"));
    }
    let w1 = run_in(&dir, &["check", "--write-baseline", "b1.json", "--jobs", "1", "."]);
    let w4 = run_in(&dir, &["check", "--write-baseline", "b4.json", "--jobs", "4", "."]);
    assert_eq!(w1.status.code(), Some(0), "{}", stderr(&w1));
    assert_eq!(w4.status.code(), Some(0), "{}", stderr(&w4));
    let b1 = std::fs::read_to_string(dir.join("b1.json")).expect("baseline written");
    let b4 = std::fs::read_to_string(dir.join("b4.json")).expect("baseline written");
    assert_eq!(b1, b4, "the baseline does not depend on the number of jobs");
    assert!(b1.contains("\"path\":\"r1/config/pier.txt\""), "{b1}");
    // an edit: a new unattributed quotation in one file; only it is reported
    let pier = dir.join("r0/config/pier.txt");
    let text = std::fs::read_to_string(&pier).expect("read");
    std::fs::write(&pier, text.replacen("Residents have collected", "The ferry ran late again.\n\n“The ramp is a disgrace.”\n\nResidents have collected", 1))
        .expect("write");
    let h1 = run_in(&dir, &["check", "--format", "concise", "--baseline", "b1.json", "--jobs", "1", "."]);
    let h4 = run_in(&dir, &["check", "--format", "concise", "--baseline", "b1.json", "--jobs", "4", "."]);
    assert_eq!(stdout(&h1), stdout(&h4));
    assert_eq!(stderr(&h1), stderr(&h4));
    assert_eq!(h1.status.code(), h4.status.code());
    assert_eq!(stdout(&h1).lines().count(), 1, "only the new finding: {}", stdout(&h1));
    assert!(stdout(&h1).starts_with("./r0/config/pier.txt:") && stdout(&h1).contains("QC101"), "{}", stdout(&h1));
    assert!(stderr(&h1).contains("hidden by the baseline b1.json"), "{}", stderr(&h1));
    let _ = std::fs::remove_dir_all(&dir);
}
