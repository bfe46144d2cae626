//! `parallax align` with three sources of one file name in three folders: each report names
//! them by the folders that tell them apart and sums each source up in one line.

use crate::support;

/// Three reports of one quake (A and B agree on the toll, C gives another and alone adds the
/// weather), written as `x/a.txt`, `y/a.txt` and `z/a.txt` under a temporary directory.
fn quake() -> (tempfile::TempDir, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let story = |toll: &str, extra: &str| {
        format!(
            "The earthquake killed {toll} people in the port city of Halden on Monday, officials said.\n\n\
             Rescue teams from three provinces searched the collapsed harbour warehouses overnight.\n\n{extra}"
        )
    };
    let texts = [
        ("x", story("42", "")),
        ("y", story("42", "")),
        (
            "z",
            story(
                "57",
                "Heavy rain is expected across the valley until Thursday.\n",
            ),
        ),
    ];
    let mut paths = Vec::new();
    for (folder, text) in texts {
        let d = dir.path().join(folder);
        std::fs::create_dir(&d).unwrap();
        let p = d.join("a.txt");
        std::fs::write(&p, text).unwrap();
        paths.push(p.display().to_string());
    }
    (dir, paths)
}

fn align(paths: &[String], format: &str) -> String {
    let mut args = vec!["align"];
    args.extend(paths.iter().map(String::as_str));
    args.extend(["--format", format]);
    let (out, _) = support::run(&args, None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_report_sums_up_each_source_by_a_name_that_tells_it_apart() {
    let (_dir, paths) = quake();
    let lines = [
        "A x/a.txt: 2 claims, 0 passages only here, 0 in conflict",
        "B y/a.txt: 2 claims, 0 passages only here, 0 in conflict",
        "C z/a.txt: 2 claims, 1 passage only here, 1 in conflict (1 where it alone differs)",
    ];
    let text = align(&paths, "text");
    let md = align(&paths, "markdown");
    for l in lines {
        assert!(text.contains(&format!("\n  {l}\n")), "{l} in\n{text}");
        assert!(md.contains(&format!("\n- {l}\n")), "{l} in\n{md}");
    }
    assert!(text.contains(&format!("  A: {}\n", paths[0])), "{text}");
    let json: serde_json::Value = serde_json::from_str(&align(&paths, "json")).unwrap();
    let names: Vec<&str> = json["summaries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["x/a.txt", "y/a.txt", "z/a.txt"]);
}
