//! Command-line parsing and the subcommands.

mod refresh;
mod same_sources;
mod store_cmds;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand, ValueEnum};

use crate::fetch::{self, FetchOptions};
use parallax::document::{self, LoadOptions};
use parallax::export::{self, ExportFormat, Format};
use parallax::segment::Unit;
use parallax::{Comparison, Document, Options};
use same_sources::same_sources;

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
    read: ReadArgs,
    #[command(flatten)]
    align: AlignArgs,
    #[command(flatten)]
    store: StoreArgs,
}

/// Where saved comparisons live: an option of the reader and of the commands that save,
/// open, list or export, not of `align` (so `align --help` does not offer it).
#[derive(Debug, Clone, Default, clap::Args)]
struct StoreArgs {
    /// Where saved comparisons live (default: $PARALLAX_DATA_DIR, else the platform's data
    /// directory, e.g. ~/.local/share/parallax).
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
}

/// How sources are read: options of the reader and of the commands that read sources
/// (`align`, `save`, `open --refresh`), not of `list` or `export`. They may stand before the
/// command or after it.
#[derive(Debug, Clone, Default, clap::Args)]
struct ReadArgs {
    /// Refuse inputs larger than this: bytes, or with a unit (50MB, 2GiB) [default: 50MiB].
    #[arg(long, value_name = "SIZE", value_parser = document::parse_size)]
    max_size: Option<u64>,
    /// Give up fetching a URL source after this many seconds, connecting included
    /// [default: 30].
    #[arg(long, value_name = "SECS", value_parser = parse_seconds, allow_negative_numbers = true)]
    timeout: Option<f64>,
}

/// How sources are aligned: options of the reader, `align` and `save`.
#[derive(Debug, Clone, Default, clap::Args)]
struct AlignArgs {
    /// What one passage is [default: sentence].
    #[arg(long, value_enum)]
    unit: Option<UnitArg>,
    /// Align without the sentence encoder: much faster, finds fewer reworded claims. The
    /// reader then keeps its first links instead of refining them in the background.
    #[arg(long, overrides_with = "no_fast")]
    fast: bool,
    /// Align with the sentence encoder even though the configuration says `fast = true`.
    #[arg(long, overrides_with = "fast")]
    no_fast: bool,
    /// Show only links at least this likely to be right (0 to 1; default 0.6); a passage
    /// that tells a fact of a shown link another way joins it, which then says so and may
    /// score lower.
    #[arg(long, value_name = "P", value_parser = parse_probability, allow_negative_numbers = true)]
    min_score: Option<f32>,
}

/// The reading and aligning options in force: those given after the command, else before
/// it, else the defaults.
#[derive(Debug, Clone)]
struct InputArgs {
    unit: UnitArg,
    max_size: u64,
    timeout: f64,
    /// `--fast` (true) or `--no-fast` (false), the last given; none leaves it to the
    /// configuration.
    fast: Option<bool>,
    min_score: Option<f32>,
}

impl InputArgs {
    fn merged(
        (read, align): (&ReadArgs, &AlignArgs),
        (sub_read, sub_align): (Option<&ReadArgs>, Option<&AlignArgs>),
    ) -> InputArgs {
        let none_read = ReadArgs::default();
        let none_align = AlignArgs::default();
        let (sr, sa) = (
            sub_read.unwrap_or(&none_read),
            sub_align.unwrap_or(&none_align),
        );
        InputArgs {
            unit: sa.unit.or(align.unit).unwrap_or(UnitArg::Sentence),
            max_size: sr.max_size.or(read.max_size).unwrap_or(50 * 1024 * 1024),
            timeout: sr.timeout.or(read.timeout).unwrap_or(30.0),
            fast: sa.fast_given().or(align.fast_given()),
            min_score: sa.min_score.or(align.min_score),
        }
    }
}

impl AlignArgs {
    /// `--fast` or `--no-fast`, whichever was given last (clap keeps only that one).
    fn fast_given(&self) -> Option<bool> {
        match (self.fast, self.no_fast) {
            (true, _) => Some(true),
            (_, true) => Some(false),
            _ => None,
        }
    }
}

fn parse_seconds(s: &str) -> std::result::Result<f64, String> {
    match s.parse::<f64>() {
        Ok(t) if t > 0.0 && t <= 86_400.0 => Ok(t),
        _ => Err(format!(
            "'{s}' is not a number of seconds above 0 and at most 86400"
        )),
    }
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
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        align: AlignArgs,
    },
    /// Align sources and save the comparison under NAME (to reopen, list and export).
    Save {
        /// The name to save it under.
        name: String,
        /// The sources; at least two.
        #[arg(required = true, num_args = 1..)]
        files: Vec<String>,
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        align: AlignArgs,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Reopen a saved comparison by name or path.
    Open {
        /// A saved comparison's name, or the path of a .parallax.json file.
        target: String,
        /// Read the sources again (web pages fetched again), rebuild the comparison and
        /// place the notes again. The files and pages the saved comparison names are shown
        /// and read only once confirmed (or with --yes); files named with --source are read
        /// without asking.
        #[arg(long)]
        refresh: bool,
        /// With --refresh: read a source from FILE, the path it was saved from, or from
        /// another file with LETTER=FILE (B=new/story.txt). Repeat for several sources.
        #[arg(long = "source", value_name = "[LETTER=]FILE", requires = "refresh")]
        sources: Vec<String>,
        /// With --refresh: read the files and pages the saved comparison names without
        /// asking.
        #[arg(long, short = 'y', requires = "refresh")]
        yes: bool,
        #[command(flatten)]
        read: ReadArgs,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// List the saved comparisons.
    List {
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Delete a saved comparison from the list; its file is kept, renamed
    /// NAME.parallax.json.deleted (rename it back to undo).
    Delete {
        /// A saved comparison's name.
        name: String,
        #[command(flatten)]
        store: StoreArgs,
    },
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
        /// Replace the output file when it exists (never the comparison's own file or one
        /// of its sources).
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        store: StoreArgs,
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

/// The command line as clap reads it, `--help` ending with the reader's main keys (from the
/// keymap, so a renamed key is never described wrongly).
pub fn command() -> clap::Command {
    let keys = crate::tui::keymap::Keymap::default().summary();
    <Cli as clap::CommandFactory>::command().after_help(format!(
        "Keys in the reader (? there lists every key and mark):\n{keys}\n\
         Sources may be files, - (standard input) or http(s) URLs."
    ))
}

/// Parses the command line and runs it.
pub fn run() -> Result<ExitCode> {
    let matches = command().get_matches();
    let cli =
        <Cli as clap::FromArgMatches>::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    // `--data-dir` may stand before the command ("parallax --data-dir D list") or after it.
    let data_dir = |sub: StoreArgs| sub.data_dir.or(cli.store.data_dir.clone());
    // So may the reading and aligning options, for the commands that have them.
    let given = match &cli.command {
        Some(Command::Align { read, align, .. } | Command::Save { read, align, .. }) => {
            (Some(read), Some(align))
        }
        Some(Command::Open { read, .. }) => (Some(read), None),
        _ => (None, None),
    };
    let input = InputArgs::merged((&cli.read, &cli.align), given);
    // The configuration's `[align]` settings, for the commands that align (the command
    // line wins): read here so `align` and `save` do what the reader does.
    let aligns = matches!(
        cli.command,
        None | Some(Command::Align { .. } | Command::Save { .. })
    );
    let config = match aligns {
        true => crate::tui::config::Config::load_align()
            .map_err(|e| anyhow::anyhow!("configuration: {e}"))?,
        false => crate::tui::config::Config::default(),
    };
    let mut options = Options {
        unit: input.unit.into(),
        fast: input.fast.unwrap_or(config.fast),
        ..Options::default()
    };
    if let Some(p) = input.min_score.or(config.min_score) {
        options.params.link_model.min_score = p;
    }
    match cli.command {
        Some(Command::Align {
            files,
            format,
            params,
            corrections,
            ..
        }) => {
            if let Some(path) = params {
                options.params = read_params(&path)?;
                // The file's own minimum stands unless the command line gives one (the
                // configuration's is for everyday use, not for a sweep of parameters).
                if let Some(p) = input.min_score {
                    options.params.link_model.min_score = p;
                }
            }
            // Read first: a broken file is refused before the sources are aligned.
            let saved = corrections
                .as_deref()
                .map(parallax::store::load_file)
                .transpose()?;
            let docs = load_all(&files, &input)?;
            let cmp = Comparison::build(docs, &options)?;
            say_unencoded(&cmp);
            say_min_score_unused(&cmp, input.min_score.is_some());
            say_no_facts(&cmp);
            match saved {
                Some(saved) => emit(&corrected_report(&cmp, saved, format))?,
                None => emit(&export::report(&cmp, format))?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Save {
            name, files, store, ..
        }) => {
            parallax::store::validate_name(&name)?;
            let docs = load_all(&files, &input)?;
            let store = store_cmds::locate(data_dir(store))?;
            store_cmds::save(&store, &name, docs, &options, input.min_score.is_some())
        }
        Some(Command::Open {
            target,
            refresh,
            sources,
            yes,
            store,
            ..
        }) => {
            let fetch = input.fetch_options();
            let load = fetch.load.clone();
            let store = store_cmds::locate(data_dir(store))?;
            let path = store.resolve(&target)?;
            let (saved, stamp) = parallax::store::load_stamped(&path)?;
            let again = match refresh {
                true => Some(refresh::again(
                    refresh::files(&saved, &path, &sources, yes)?,
                    saved.sources.len(),
                    &fetch,
                )),
                false => None,
            };
            let opening = crate::tui::effects::Opening {
                path,
                saved,
                stamp,
                refresh: again,
            };
            if reader_fits_terminal() {
                let start = crate::tui::Start::Saved(Box::new(opening));
                return crate::tui::run(start, Ok(store), fetch, None);
            }
            store_cmds::open(opening, &load)
        }
        Some(Command::List { store }) => store_cmds::list(&store_cmds::locate(data_dir(store))?),
        Some(Command::Delete { name, store }) => {
            store_cmds::delete(&store_cmds::locate(data_dir(store))?, &name)
        }
        Some(Command::Export {
            target,
            format,
            output,
            force,
            store,
        }) => store_cmds::export(
            &store_cmds::locate(data_dir(store))?,
            &target,
            format,
            &output,
            force,
        ),
        None if cli.files.is_empty() => {
            // The bundled demo: all four sources, the two 2019 articles in the panes.
            reader(
                Sources::Demo(parallax::demo::documents()),
                &options,
                &cli,
                &input,
            )
        }
        None => {
            // Read before the count is checked: a lone name that is no file is more likely a
            // mistyped command or path than a request to compare one source, so say what is
            // wrong with it.
            if let Some(word) = cli.files.first().filter(|w| mistyped_command(w)) {
                let commands: Vec<String> = (command().get_subcommands())
                    .map(|c| c.get_name().to_string())
                    .filter(|n| n != "help")
                    .collect();
                anyhow::bail!(
                    "{word}: no such file, and no command of that name (commands: {}; \
                     parallax --help)",
                    commands.join(", ")
                );
            }
            let files = read_all(&cli.files, &input)?;
            if files.len() < 2 {
                anyhow::bail!(
                    "the reader needs at least two sources (got {})",
                    files.len()
                );
            }
            reader(Sources::Files(files), &options, &cli, &input)
        }
    }
}

/// True when `word`, given where the reader takes sources, is no file and reads like a
/// command: a short lower-case word ("compare", "rm"), not a path, a URL or `-`.
fn mistyped_command(word: &str) -> bool {
    (2..=12).contains(&word.len())
        && word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && !std::path::Path::new(word).exists()
}

/// What the reader opens on.
enum Sources {
    /// The bundled demo's documents.
    Demo(Vec<Document>),
    /// Files the user named, read and checked; the reader turns them into documents on its
    /// worker thread, so its keys work meanwhile (F19).
    Files(Vec<document::Checked>),
}

/// True when standard output is a terminal that can show the reader: one that moves its
/// cursor (not `TERM=dumb`, which says so when it is a terminal at all).
fn reader_fits_terminal() -> bool {
    if !std::io::stdout().is_terminal() {
        return false;
    }
    if std::env::var("TERM").is_ok_and(|t| t == "dumb") {
        crate::say!("TERM=dumb: this terminal cannot show the reader; here is the text report");
        return false;
    }
    true
}

/// Opens the reader; when standard output is not a terminal that can show it, prints the
/// text report instead.
fn reader(sources: Sources, options: &Options, cli: &Cli, input: &InputArgs) -> Result<ExitCode> {
    if !reader_fits_terminal() {
        let docs = match sources {
            Sources::Demo(docs) => docs,
            Sources::Files(files) => convert_all(files)?,
        };
        let cmp = Comparison::build(docs, options)?;
        say_unencoded(&cmp);
        say_min_score_unused(&cmp, input.min_score.is_some());
        say_no_facts(&cmp);
        emit(&export::report(&cmp, Format::Text))?;
        return Ok(ExitCode::SUCCESS);
    }
    // No data dir is no reason not to read: `s` says why it cannot save.
    let store = store_cmds::locate(cli.store.data_dir.clone()).map_err(|e| format!("{e:#}"));
    let fetch = input.fetch_options();
    let start = match sources {
        Sources::Demo(docs) => crate::tui::Start::Docs(docs, Box::new(options.clone())),
        Sources::Files(files) => crate::tui::Start::Files(files, Box::new(options.clone())),
    };
    // The note `read_all` printed is under the reader's screen: on its status line too.
    let note = same_sources(&cli.files).into_iter().next();
    crate::tui::run(start, store, fetch, note)
}

impl InputArgs {
    /// How sources are read and fetched.
    fn fetch_options(&self) -> FetchOptions {
        let load = LoadOptions {
            max_size: self.max_size,
        };
        FetchOptions::new(load, std::time::Duration::from_secs_f64(self.timeout))
    }
}

/// Reads and checks every source (a file, `-` or a URL), stopping at the first that fails.
fn read_all(files: &[String], input: &InputArgs) -> Result<Vec<document::Checked>> {
    let opts = input.fetch_options();
    if files.iter().filter(|f| *f == "-").count() > 1 {
        anyhow::bail!("-: standard input can be read only once");
    }
    for note in same_sources(files) {
        crate::say!("note: {note}");
    }
    files
        .iter()
        .map(|f| {
            if f == "-" && std::io::stdin().is_terminal() {
                // Without this the command seems to hang, waiting for text nobody knows to type.
                eprintln!("parallax: reading standard input: type or paste the text, then Ctrl-D");
            }
            fetch::read_source(f, &opts).map_err(anyhow::Error::msg)
        })
        .collect()
}

/// A note when the user gave `--min-score` and a source is not in English: the minimum is
/// a probability of the learned score, which judges English pairs only; other pairs keep
/// the aligner's own choice, whose scores are no probabilities, so it changes nothing there.
pub(crate) fn say_min_score_unused(cmp: &Comparison, given: bool) {
    let names = cmp.names();
    let other: Vec<&str> = (cmp.sources.iter().zip(&names))
        .filter(|(s, _)| s.lang != parallax::text::Language::English)
        .map(|(_, n)| n.as_str())
        .collect();
    if given && !other.is_empty() {
        crate::say!(
            "note: --min-score applies to English text only; {} not in English: its links are \
             the aligner's own choice, and their scores are no probabilities",
            other.join(", ")
        );
    }
}

/// A note when a source is in a language the fact extractors do not read (see
/// [`parallax::text::Language::has_fact_rules`]): only a number a word change replaces is
/// flagged there, which the user would otherwise take for "no other facts differ".
pub(crate) fn say_no_facts(cmp: &Comparison) {
    let unread = cmp.facts_unread();
    if !unread.is_empty() {
        crate::say!(
            "note: facts are read in English and German only; {} compared by words alone: \
             only a number a word change replaces is flagged",
            unread.join(", ")
        );
    }
}

/// Says what the sentence encoder read of each source too long to read whole (one line
/// each): only the passages the words leave in doubt, none because every one is linked
/// surely, or none because too many are in doubt; so the user knows why the links may
/// differ from a short text's. Nothing is said when no other source could be encoded.
pub(crate) fn say_unencoded(cmp: &Comparison) {
    let most = parallax::comparison::ENCODER_MAX_PASSAGES;
    let names = cmp.names();
    for (k, s) in cmp.sources.iter().enumerate() {
        let id = parallax::SourceId(k);
        if !s.too_long_to_encode(&cmp.options) || !cmp.encoder_applies(id) {
            continue;
        }
        let (name, n) = (&names[k], s.segments.len());
        let head = format!(
            "note: {name}: {n} passages, more than the sentence encoder reads whole ({most})"
        );
        let plural = |x: usize| if x == 1 { "passage" } else { "passages" };
        match cmp.encoded(id) {
            (0, 0) => crate::say!("{head}; its words link every passage surely, so it read none"),
            (0, doubt) if doubt > most => crate::say!(
                "{head}, and {doubt} without a sure link by their words; aligned without the \
                 encoder, as with --fast"
            ),
            (0, doubt) => crate::say!(
                "{head}; it read none of the {doubt} {} without a sure link: the other source \
                 left none or too many of its own in doubt; aligned as with --fast",
                plural(doubt)
            ),
            (read, _) => crate::say!(
                "{head}; it read only the {read} {} without a sure link by their words",
                plural(read)
            ),
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
