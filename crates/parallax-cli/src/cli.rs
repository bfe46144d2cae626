//! Command-line parsing and the subcommands.

mod refresh;
mod store_cmds;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand, ValueEnum};

use parallax::document::{self, LoadOptions};
use parallax::export::{self, ExportFormat, Format};
use parallax::segment::Unit;
use parallax::{Comparison, Document, Options};

/// Read several accounts of one story side by side.
#[derive(Debug, Parser)]
// Options may come before a command ("parallax --data-dir D list"): clap reads a first
// word that names a command as that command, and anything else as a file for the reader.
#[command(
    name = "parallax",
    version,
    about,
    override_usage = "parallax [OPTIONS] [FILES]...\n       parallax [OPTIONS] <COMMAND>"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Sources to open in the reader (none: the bundled demo). `-` reads standard input.
    files: Vec<String>,
    #[command(flatten)]
    input: InputArgs,
    /// Where saved comparisons live (default: $PARALLAX_DATA_DIR, else the platform's data
    /// directory, e.g. ~/.local/share/parallax).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
}

#[derive(Debug, Clone, clap::Args)]
struct InputArgs {
    /// What one passage is.
    #[arg(long, value_enum, default_value_t = UnitArg::Sentence, global = true)]
    unit: UnitArg,
    /// Refuse inputs larger than this: bytes, or with a unit (50MB, 2GiB).
    #[arg(long, default_value = "50MiB", value_parser = document::parse_size, global = true)]
    max_size: u64,
    /// Align without the sentence encoder (the reader always does, for now): much faster,
    /// finds fewer reworded claims.
    #[arg(long, global = true)]
    fast: bool,
    /// Show only links at least this likely to be right (0 to 1; default 0.6).
    #[arg(long, value_name = "P", value_parser = parse_probability, global = true)]
    min_score: Option<f32>,
}

fn parse_probability(s: &str) -> std::result::Result<f32, String> {
    match s.parse::<f32>() {
        Ok(p) if (0.0..=1.0).contains(&p) => Ok(p),
        _ => Err(format!("'{s}' is not a probability between 0 and 1")),
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Align two or more sources and print the comparison.
    Align {
        /// The sources (`-` for standard input); at least two.
        #[arg(required = true, num_args = 1..)]
        files: Vec<String>,
        /// Output format.
        #[arg(long, value_parser = report_formats(), default_value = "text")]
        format: Format,
        /// Aligner parameters other than the defaults, as a JSON object holding any of
        /// them (for evaluation sweeps; see ARCHITECTURE.md).
        #[arg(long, value_name = "FILE")]
        params: Option<PathBuf>,
        /// Apply the corrections by hand (links marked wrong, links made by hand) of a
        /// comparison the reader saved (a .parallax.json file), placed on these sources by
        /// the text they quote.
        #[arg(long, value_name = "FILE")]
        corrections: Option<PathBuf>,
    },
    /// Align sources and save the comparison under NAME (to reopen, list and export).
    Save {
        /// The name to save it under.
        name: String,
        /// The sources; at least two.
        #[arg(required = true, num_args = 1..)]
        files: Vec<String>,
    },
    /// Reopen a saved comparison by name or path.
    Open {
        /// A saved comparison's name, or the path of a .parallax.json file.
        target: String,
        /// Read the sources again, rebuild the comparison and place the notes again. The
        /// files the saved comparison names are shown and read only once confirmed (or with
        /// --yes); files named with --source are read without asking.
        #[arg(long)]
        refresh: bool,
        /// With --refresh: read a source from FILE, the path it was saved from, or from
        /// another file with LETTER=FILE (B=new/story.txt). Repeat for several sources.
        #[arg(long = "source", value_name = "[LETTER=]FILE", requires = "refresh")]
        sources: Vec<String>,
        /// With --refresh: read the files the saved comparison names without asking.
        #[arg(long, short = 'y', requires = "refresh")]
        yes: bool,
    },
    /// List the saved comparisons.
    List,
    /// Export a saved comparison with its notes.
    Export {
        /// A saved comparison's name, or the path of a .parallax.json file.
        target: String,
        /// Output format.
        #[arg(long, value_parser = export_formats())]
        format: ExportFormat,
        /// The file to write (`-`, the default, for standard output).
        #[arg(short, long, value_name = "FILE", default_value = "-")]
        output: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum UnitArg {
    Sentence,
    Paragraph,
    Line,
}

impl From<UnitArg> for Unit {
    fn from(u: UnitArg) -> Unit {
        match u {
            UnitArg::Sentence => Unit::Sentence,
            UnitArg::Paragraph => Unit::Paragraph,
            UnitArg::Line => Unit::Line,
        }
    }
}

/// `--format` of `parallax align`: the engine's report formats, by their names.
fn report_formats() -> impl TypedValueParser<Value = Format> {
    let names = Format::ALL.map(|f| PossibleValue::new(f.name()).aliases(f.aliases()));
    PossibleValuesParser::new(names).map(|s| s.parse::<Format>().expect("a possible value"))
}

/// `--format` of `parallax export`: the engine's export formats, by their extensions.
fn export_formats() -> impl TypedValueParser<Value = ExportFormat> {
    let names = ExportFormat::ALL.map(|f| {
        PossibleValue::new(f.extension())
            .aliases(f.aliases())
            .help(f.help())
    });
    PossibleValuesParser::new(names).map(|s| s.parse::<ExportFormat>().expect("a possible value"))
}

/// The aligner parameters in JSON file `path`.
fn read_params(path: &std::path::Path) -> Result<parallax::align::Params> {
    let shown = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{shown}: {e}"))?;
    parallax::align::Params::from_json(&text)
        .map_err(|e| anyhow::anyhow!("{shown}: not aligner parameters: {e}"))
}

/// The report of `cmp` with the corrections of `saved` placed on it and applied.
fn corrected_report(cmp: &Comparison, saved: parallax::store::Saved, format: Format) -> String {
    let mut notes = saved.notes;
    let placed = notes.reattach(cmp);
    if placed.corrections_detached > 0 {
        say!(
            "{} of {} quote text these sources do not have; left out",
            parallax::text::counted(placed.corrections_detached, "correction"),
            saved.name
        );
    }
    export::report_corrected(&notes.corrected(cmp), &notes, format)
}

/// Parses the command line and runs it.
pub fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    let mut options = Options {
        unit: cli.input.unit.into(),
        fast: cli.input.fast,
        ..Options::default()
    };
    let min_score = cli.input.min_score;
    let set_min_score = |options: &mut Options| {
        if let Some(p) = min_score {
            options.params.link_model.min_score = p;
        }
    };
    set_min_score(&mut options);
    match cli.command {
        Some(Command::Align {
            files,
            format,
            params,
            corrections,
        }) => {
            if let Some(path) = params {
                options.params = read_params(&path)?;
                set_min_score(&mut options);
            }
            // Read first: a broken file is refused before the sources are aligned.
            let saved = corrections
                .as_deref()
                .map(parallax::store::load_file)
                .transpose()?;
            let docs = load_all(&files, &cli.input)?;
            let cmp = Comparison::build(docs, &options)?;
            say_unencoded(&cmp);
            match saved {
                Some(saved) => emit(&corrected_report(&cmp, saved, format))?,
                None => emit(&export::report(&cmp, format))?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Save { name, files }) => {
            parallax::store::validate_name(&name)?;
            let docs = load_all(&files, &cli.input)?;
            store_cmds::save(&store_cmds::locate(cli.data_dir)?, &name, docs, &options)
        }
        Some(Command::Open {
            target,
            refresh,
            sources,
            yes,
        }) => {
            let load = LoadOptions {
                max_size: cli.input.max_size,
            };
            let store = store_cmds::locate(cli.data_dir)?;
            let path = store.resolve(&target)?;
            let (saved, stamp) = parallax::store::load_stamped(&path)?;
            let files = match refresh {
                true => Some(refresh::files(&saved, &path, &sources, yes)?),
                false => None,
            };
            let opening = crate::tui::effects::Opening {
                path,
                saved,
                stamp,
                refresh: files,
            };
            if std::io::stdout().is_terminal() {
                let start = crate::tui::Start::Saved(Box::new(opening));
                return crate::tui::run(start, Ok(store), load);
            }
            store_cmds::open(opening, &load)
        }
        Some(Command::List) => store_cmds::list(&store_cmds::locate(cli.data_dir)?),
        Some(Command::Export {
            target,
            format,
            output,
        }) => store_cmds::export(&store_cmds::locate(cli.data_dir)?, &target, format, &output),
        None if cli.files.is_empty() => {
            // The bundled demo: all four sources, the two 2019 articles in the panes.
            reader(Sources::Demo(parallax::demo::documents()), &options, &cli)
        }
        None => {
            // Read before the count is checked: a lone name that is no file is more likely a
            // mistyped command or path than a request to compare one source, so say what is
            // wrong with it.
            let files = read_all(&cli.files, &cli.input)?;
            if files.len() < 2 {
                anyhow::bail!(
                    "the reader needs at least two sources (got {})",
                    files.len()
                );
            }
            reader(Sources::Files(files), &options, &cli)
        }
    }
}

/// What the reader opens on.
enum Sources {
    /// The bundled demo's documents.
    Demo(Vec<Document>),
    /// Files the user named, read and checked; the reader turns them into documents on its
    /// worker thread, so its keys work meanwhile (F19).
    Files(Vec<document::Checked>),
}

/// Opens the reader; when standard output is not a terminal, prints the text report instead.
fn reader(sources: Sources, options: &Options, cli: &Cli) -> Result<ExitCode> {
    if !std::io::stdout().is_terminal() {
        let docs = match sources {
            Sources::Demo(docs) => docs,
            Sources::Files(files) => convert_all(files)?,
        };
        let cmp = Comparison::build(docs, options)?;
        say_unencoded(&cmp);
        emit(&export::report(&cmp, Format::Text))?;
        return Ok(ExitCode::SUCCESS);
    }
    // No data dir is no reason not to read: `s` says why it cannot save.
    let store = store_cmds::locate(cli.data_dir.clone()).map_err(|e| format!("{e:#}"));
    let load = LoadOptions {
        max_size: cli.input.max_size,
    };
    let start = match sources {
        Sources::Demo(docs) => crate::tui::Start::Docs(docs, Box::new(options.clone())),
        Sources::Files(files) => crate::tui::Start::Files(files, Box::new(options.clone())),
    };
    crate::tui::run(start, store, load)
}

/// Reads and checks every source, stopping at the first that fails.
fn read_all(files: &[String], input: &InputArgs) -> Result<Vec<document::Checked>> {
    let opts = LoadOptions {
        max_size: input.max_size,
    };
    if files.iter().filter(|f| *f == "-").count() > 1 {
        anyhow::bail!("-: standard input can be read only once");
    }
    files
        .iter()
        .map(|f| document::read(f, &opts).map_err(Into::into))
        .collect()
}

/// Says which sources were too long for the sentence encoder (one line each): they were
/// aligned without it, and the user should know why the links may differ from a short text's.
pub(crate) fn say_unencoded(cmp: &Comparison) {
    for s in &cmp.sources {
        if s.too_long_to_encode(&cmp.options) {
            crate::say!(
                "note: {}: {} passages, more than the sentence encoder reads ({}); aligned \
                 without it, as with --fast",
                s.document.name(),
                s.segments.len(),
                parallax::comparison::ENCODER_MAX_PASSAGES
            );
        }
    }
}

/// Turns checked sources into documents, stopping at the first that fails; warnings go to
/// standard error.
fn convert_all(files: Vec<document::Checked>) -> Result<Vec<Document>> {
    let mut docs = Vec::with_capacity(files.len());
    for f in files {
        let doc = f.convert()?;
        for w in &doc.warnings {
            crate::say!("warning: {w}");
        }
        docs.push(doc);
    }
    Ok(docs)
}

/// Loads every source, stopping at the first that fails; warnings go to standard error.
fn load_all(files: &[String], input: &InputArgs) -> Result<Vec<Document>> {
    convert_all(read_all(files, input)?)
}

/// Writes a report to standard output; a reader that stops early (`| head`) is no error.
fn emit(text: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
