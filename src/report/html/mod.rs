//! The editorial review report of `quotecheck report`: one self-contained HTML page with the
//! article text (every quotation in its speaker's colour, the cue underlined), a speakers
//! panel, a findings panel and, for several articles, a table of contents with a summary.
//!
//! Article text is untrusted. Every piece of it, in text and in attributes, goes through
//! [`escape`]; none of it reaches the script, which reads only ids and classes this module
//! writes. The page carries a Content-Security-Policy that allows nothing but its own inline
//! style and script, each by its SHA-256 hash, so even a mistake in the escaping could not
//! load or run anything.
//!
//! The stylesheet and the script are constants (`report.css`, `report.js` beside this file),
//! and nothing in the page depends on the time or the machine: the output is a function of the
//! analyses, byte for byte.

use crate::claims::{Aspect, Modality, Polarity, Time};
use crate::model::{Analysis, EntityKind, QuoteKind, Severity, Via};
use crate::span::{floor_char_boundary, Span};
use base64::Engine as _;
use sha2::{Digest, Sha256};
use std::cmp::Reverse;
use std::fmt::Write as _;
use std::path::Path;

const CSS: &str = include_str!("report.css");
const JS: &str = include_str!("report.js");

/// The colour of the article text, on every highlight.
pub const TEXT_COLOR: &str = "#111111";

/// Speaker colours, given by entity number (modulo the length): a light background for the
/// quotations and a dark ink for the speaker's mention, the cue and the swatch. Every
/// background keeps [`TEXT_COLOR`] above WCAG AA (4.5:1, in fact above 7:1), and every ink
/// stands out from white and from its background (3:1, for non-text marks); a unit test
/// checks both. Hues are spread so that neighbouring entities (the usual case of an
/// organisation and its spokesperson) do not look alike; grey is kept for unattributed quotes.
pub const PALETTE: [(&str, &str); 12] = [
    ("#a5d8ff", "#0b5394"),
    ("#ffd8a8", "#a34a00"),
    ("#b2f2bb", "#1b6e2a"),
    ("#fcc2d7", "#a61e4d"),
    ("#d0bfff", "#5f3dc4"),
    ("#ffec99", "#7a5c00"),
    ("#99e9f2", "#0b6674"),
    ("#ffc9c9", "#b02525"),
    ("#d8f5a2", "#4a7a0a"),
    ("#eebefa", "#862e9c"),
    ("#c3fae8", "#087f5b"),
    ("#bac8ff", "#364fc7"),
];

/// The stylesheet: `report.css` and one rule per palette colour. A constant too, so its hash
/// in the policy is the same on every run.
fn stylesheet() -> String {
    let mut css = String::from(CSS);
    css.push_str("/* speaker colours (PALETTE in html/mod.rs) */\n");
    for (i, (bg, ink)) in PALETTE.iter().enumerate() {
        let _ = writeln!(css, ".c{i} {{ --bg: {bg}; --ink: {ink}; }}");
    }
    css
}

/// The CSP source of an inline element's exact text: `'sha256-<base64>'`.
fn csp_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
}

/// The Content-Security-Policy of the page: nothing from anywhere (no network, no images, no
/// fonts, no frames, no forms), except the page's one style element and one script element,
/// named by hash. `base-uri` and `form-action` are not covered by `default-src`, so they are
/// closed as well.
pub fn content_security_policy() -> String {
    format!("default-src 'none'; style-src {}; script-src {}; base-uri 'none'; form-action 'none'", csp_hash(&stylesheet()), csp_hash(JS))
}

/// Escapes text for HTML text and for (quoted) attribute values alike: the five characters
/// that could end a text run or an attribute, or start a tag or an entity.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The report of some analysed articles, in their order, as one HTML page.
///
/// Ids in the page: `doc-N` for the N-th article; `dN-qK`, `dN-eK`, `dN-cK` for its
/// quotations, speakers and claims (K as in the JSON report: `q1` is `dN-q1`); `finding-M` for
/// the M-th finding of the whole page (counted across articles, in order) and
/// `finding-M-primary`, `finding-M-related-J` for its spans (and `finding-M-item` for its
/// entry in the findings panel). Opening the page at `#finding-M` marks both spans of that
/// finding.
pub fn render(analyses: &[Analysis]) -> String {
    let mut out = String::new();
    let css = stylesheet();
    let stats: Vec<Stats> = analyses.iter().map(Stats::of).collect();
    let total = stats.iter().fold(Stats::default(), |a, b| a.add(b));
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(out, "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">", escape(&content_security_policy()));
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"referrer\" content=\"no-referrer\">\n");
    let title = match analyses {
        [one] => format!("Review report: {}", one.path),
        _ => format!("Review report: {} articles", analyses.len()),
    };
    let _ = writeln!(out, "<title>{}</title>", escape(&title));
    let _ = write!(out, "<style>{css}</style>\n</head>\n<body>\n");
    out.push_str("<a class=\"skip\" href=\"#main\">Skip to the articles</a>\n");
    out.push_str("<header>\n<h1>Review report</h1>\n");
    let _ = writeln!(out, "<p class=\"summary\">{}: {}.</p>", plural(analyses.len(), "article", "articles"), total.sentence());
    out.push_str(
        "<p class=\"keys\">Tab moves through the quotations (each shows its speaker, cue and how the speaker was found) and the links; \
         choose a finding to mark both of its spans in the text; Escape clears the marks.</p>\n</header>\n",
    );
    contents(&mut out, analyses, &stats, &total);
    out.push_str("<main id=\"main\">\n");
    let mut finding_no = 0;
    for (d, (a, s)) in analyses.iter().zip(&stats).enumerate() {
        document(&mut out, d + 1, a, s, &mut finding_no);
    }
    if analyses.is_empty() {
        out.push_str("<p>No articles.</p>\n");
    }
    out.push_str("</main>\n<footer>\n<p>Made by quotecheck. Quotations, speakers and findings are the analysis of a program: check them against the text.</p>\n</footer>\n");
    out.push_str("<p id=\"qc-status\" class=\"visually-hidden\" role=\"status\"></p>\n");
    let _ = write!(out, "<script>{JS}</script>\n</body>\n</html>\n");
    out
}

/// Why the report could not be written.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum ReportError {
    #[error("cannot write the report {path}")]
    #[diagnostic(code(quotecheck::report), help("check that the folder exists and can be written to"))]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// Writes a rendered report to `path` atomically: a temporary file in the same folder, renamed
/// over the old one, so a browser that reloads the page never sees half of it.
pub fn write(path: &Path, html: &str) -> Result<(), ReportError> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "report.html".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        use std::io::Write;
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(html.as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(|source| ReportError::Write { path: path.display().to_string(), source })
}

/// Counts of one article (or of all).
#[derive(Debug, Clone, Copy, Default)]
struct Stats {
    /// Quotations and reported speech, scare quotes not counted (they report no speech).
    quotes: usize,
    unattributed: usize,
    /// Entities with at least one quotation.
    speakers: usize,
    error: usize,
    warning: usize,
    info: usize,
}

impl Stats {
    fn of(a: &Analysis) -> Stats {
        let speech = || a.quotes.iter().filter(|q| q.kind != QuoteKind::Scare);
        let mut s = Stats {
            quotes: speech().count(),
            unattributed: speech().filter(|q| q.speaker.is_none()).count(),
            speakers: (0..a.entities.len()).filter(|&e| a.quotes.iter().any(|q| q.speaker.as_ref().is_some_and(|s| s.entity == e))).count(),
            ..Stats::default()
        };
        for f in &a.findings {
            match f.severity {
                Severity::Error => s.error += 1,
                Severity::Warning => s.warning += 1,
                Severity::Info => s.info += 1,
            }
        }
        s
    }

    fn add(self, o: &Stats) -> Stats {
        Stats {
            quotes: self.quotes + o.quotes,
            unattributed: self.unattributed + o.unattributed,
            speakers: self.speakers + o.speakers,
            error: self.error + o.error,
            warning: self.warning + o.warning,
            info: self.info + o.info,
        }
    }

    fn sentence(&self) -> String {
        format!(
            "{} ({} unattributed), {}, findings: {}, {}, {} info",
            plural(self.quotes, "quotation", "quotations"),
            self.unattributed,
            plural(self.speakers, "speaker", "speakers"),
            plural(self.error, "error", "errors"),
            plural(self.warning, "warning", "warnings"),
            self.info
        )
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The table of contents: one row per article with its counts, and the totals.
fn contents(out: &mut String, analyses: &[Analysis], stats: &[Stats], total: &Stats) {
    out.push_str("<nav aria-labelledby=\"toc-h\">\n<h2 id=\"toc-h\">Articles</h2>\n<table class=\"toc\">\n");
    out.push_str("<thead><tr><th scope=\"col\">Article</th><th scope=\"col\">Quotations</th><th scope=\"col\">Unattributed</th><th scope=\"col\">Speakers</th><th scope=\"col\">Errors</th><th scope=\"col\">Warnings</th><th scope=\"col\">Info</th></tr></thead>\n<tbody>\n");
    for (d, (a, s)) in analyses.iter().zip(stats).enumerate() {
        let _ = writeln!(out, "<tr><th scope=\"row\"><a href=\"#doc-{}\">{}</a></th>{}</tr>", d + 1, escape(&a.path), cells(s));
    }
    let _ = writeln!(out, "</tbody>\n<tfoot><tr><th scope=\"row\">Total</th>{}</tr></tfoot>\n</table>\n</nav>", cells(total));
}

fn cells(s: &Stats) -> String {
    [s.quotes, s.unattributed, s.speakers, s.error, s.warning, s.info].iter().map(|n| format!("<td>{n}</td>")).collect()
}

/// One article: its heading and counts, the marked-up text, and the speakers and findings
/// panels beside it. `finding_no` counts the findings of the page so far.
fn document(out: &mut String, d: usize, a: &Analysis, s: &Stats, finding_no: &mut usize) {
    let first_finding = *finding_no + 1;
    *finding_no += a.findings.len();
    let _ = writeln!(out, "<section class=\"doc\" id=\"doc-{d}\" aria-labelledby=\"doc-{d}-h\">");
    let _ = writeln!(out, "<h2 id=\"doc-{d}-h\">{}</h2>", escape(&a.path));
    let _ = writeln!(out, "<p class=\"summary\">{}.</p>", s.sentence());
    let _ = writeln!(
        out,
        "<p class=\"jump\"><a href=\"#d{d}-text-h\">Text</a> · <a href=\"#d{d}-findings-h\">Findings</a> · <a href=\"#d{d}-speakers-h\">Speakers</a></p>"
    );
    out.push_str("<div class=\"layout\">\n");
    let _ = writeln!(out, "<section class=\"text\" aria-labelledby=\"d{d}-text-h\">\n<h3 id=\"d{d}-text-h\">Text</h3>");
    let _ = writeln!(out, "<div class=\"src\">{}</div>", marked_text(d, a, first_finding));
    // the descriptions the quotations point at with aria-describedby (hidden: the tooltip
    // shows the same text to sighted readers)
    out.push_str("<div hidden>\n");
    for (i, q) in a.quotes.iter().enumerate() {
        let _ = writeln!(out, "<span id=\"d{d}-q{}-desc\">{}</span>", i + 1, escape(&quote_tip(a, i, q).replace('\n', "; ")));
    }
    out.push_str("</div>\n</section>\n");
    let _ = writeln!(out, "<aside aria-label=\"Findings and speakers of article {d}\">");
    // findings first: they are what the desk acts on
    findings_panel(out, d, a, first_finding);
    speakers_panel(out, d, a);
    out.push_str("</aside>\n</div>\n</section>\n");
}

/// The speakers panel: every entity with its kind, titles, affiliation, quotations (linked)
/// and claims in order; then the claims of the article's own narrative.
fn speakers_panel(out: &mut String, d: usize, a: &Analysis) {
    let _ = writeln!(out, "<section class=\"panel speakers\" aria-labelledby=\"d{d}-speakers-h\">\n<h3 id=\"d{d}-speakers-h\">Speakers</h3>");
    if a.entities.is_empty() {
        out.push_str("<p class=\"none\">No speakers.</p>\n");
    } else {
        out.push_str("<ol class=\"entities\">\n");
    }
    for (e, ent) in a.entities.iter().enumerate() {
        let quotes: Vec<usize> = (0..a.quotes.len()).filter(|&q| a.quotes[q].speaker.as_ref().is_some_and(|s| s.entity == e)).collect();
        let _ = writeln!(out, "<li class=\"entity\" id=\"d{d}-e{}\">", e + 1);
        let _ = writeln!(
            out,
            "<h4><span class=\"swatch {}\" aria-hidden=\"true\"></span>{} <span class=\"kind\">{}</span></h4>",
            colour(e),
            escape(&ent.name),
            entity_kind(ent.kind)
        );
        let mut facts = Vec::new();
        if !ent.titles.is_empty() {
            facts.push(escape(&ent.titles.join("; ")));
        }
        if let Some(org) = ent.affiliation.and_then(|o| a.entities.get(o).map(|x| (o, x))) {
            facts.push(format!("speaks for <a href=\"#d{d}-e{}\">{}</a>", org.0 + 1, escape(&org.1.name)));
        }
        facts.push(plural(quotes.len(), "quotation", "quotations"));
        let _ = writeln!(out, "<p class=\"facts\">{}</p>", facts.join(" · "));
        if !quotes.is_empty() {
            let links: Vec<String> = quotes.iter().map(|q| format!("<a href=\"#d{d}-q{0}\">q{0}</a>", q + 1)).collect();
            let _ = writeln!(out, "<p class=\"quotes\">Quotations: {}</p>", links.join(" "));
        }
        claims_list(out, d, a, Some(e));
        out.push_str("</li>\n");
    }
    if !a.entities.is_empty() {
        out.push_str("</ol>\n");
    }
    if a.claims.iter().any(|c| c.speaker.is_none()) {
        out.push_str("<h4>The article’s own text</h4>\n");
        claims_list(out, d, a, None);
    }
    out.push_str("</section>\n");
}

/// The claims of one speaker (`None`: the narrative), in order, each linked to its place.
fn claims_list(out: &mut String, d: usize, a: &Analysis, who: Option<usize>) {
    let claims: Vec<usize> = (0..a.claims.len()).filter(|&c| a.claims[c].speaker == who).collect();
    if claims.is_empty() {
        return;
    }
    out.push_str("<ol class=\"claims\">\n");
    for c in claims {
        let claim = &a.claims[c];
        let marks = claim_marks(claim);
        let _ = writeln!(
            out,
            "<li><a href=\"#d{d}-c{}\">{}</a>{}</li>",
            c + 1,
            escape(&clip(claim.span.slice(&a.text), 160)),
            if marks.is_empty() { String::new() } else { format!(" <span class=\"marks\">{}</span>", marks.join(", ")) }
        );
    }
    out.push_str("</ol>\n");
}

/// What an editor scans a claim for: denial, modality, state and time (words, not symbols).
fn claim_marks(c: &crate::claims::Claim) -> Vec<&'static str> {
    let mut marks = Vec::new();
    if c.polarity == Polarity::Negative {
        marks.push("negative");
    }
    marks.extend(match c.modality {
        Modality::Asserted => None,
        Modality::Possible => Some("possible"),
        Modality::Expected => Some("expected"),
        Modality::Intended => Some("intended"),
        Modality::Conditional => Some("conditional"),
        Modality::Hypothetical => Some("hypothetical"),
        Modality::Question => Some("question"),
    });
    marks.extend(match c.aspect {
        Aspect::None => None,
        Aspect::Continues => Some("continues"),
        Aspect::Cessation => Some("halted"),
        Aspect::Resumption => Some("resumed"),
    });
    marks.extend(match c.time {
        Time::Present => None,
        Time::Past => Some("past"),
        Time::Future => Some("future"),
    });
    marks
}

/// The findings panel: each finding with its severity (in words and by shape, not only by
/// colour), code, rule, message, the labels of its spans (each a link to the span), help, and
/// a link that marks both spans.
fn findings_panel(out: &mut String, d: usize, a: &Analysis, first: usize) {
    let _ = writeln!(out, "<section class=\"panel findings\" aria-labelledby=\"d{d}-findings-h\">\n<h3 id=\"d{d}-findings-h\">Findings</h3>");
    if a.findings.is_empty() {
        out.push_str("<p class=\"none\">No findings.</p>\n</section>\n");
        return;
    }
    out.push_str("<ol class=\"findings\">\n");
    for (k, f) in a.findings.iter().enumerate() {
        let n = first + k;
        let mut ids = vec![format!("finding-{n}-primary")];
        ids.extend((1..=f.related.len()).map(|j| format!("finding-{n}-related-{j}")));
        let sev = f.severity.as_str();
        // `#finding-N` is no element's id: the script handles it (marks both spans, scrolls to
        // them if they are out of sight), and the browser does not first jump to the list item
        let _ = writeln!(out, "<li class=\"finding sev-{sev}\" id=\"finding-{n}-item\" data-spans=\"{}\">", ids.join(" "));
        let _ = writeln!(
            out,
            "<p class=\"fhead\"><span class=\"sev\">{sev}</span> <code>{}</code> {} <span class=\"fno\">#{n}</span></p>",
            escape(f.code),
            escape(f.rule)
        );
        let _ = writeln!(out, "<p class=\"msg\">{}</p>", escape(&f.message));
        out.push_str("<ul class=\"fspans\">\n");
        let spans = std::iter::once((&f.primary_label, f.primary, &ids[0])).chain(f.related.iter().zip(&ids[1..]).map(|(r, id)| (&r.label, r.span, id)));
        for (label, span, id) in spans {
            let excerpt = clip(span.slice(&a.text), 120);
            // a tension's labels quote their span already; a lint label ("who said this?") does not
            let head: String = excerpt.chars().take(24).collect();
            if !label.is_empty() && label.contains(&head) {
                let _ = writeln!(out, "<li><a href=\"#{id}\">{}</a></li>", escape(label));
            } else {
                let label = if label.is_empty() { "here" } else { label.as_str() };
                let _ = writeln!(out, "<li><a href=\"#{id}\">{}</a>: <q>{}</q></li>", escape(label), escape(&excerpt));
            }
        }
        out.push_str("</ul>\n");
        if !f.help.is_empty() {
            let _ = writeln!(out, "<p class=\"help\">{}</p>", escape(&f.help));
        }
        let both = if f.related.is_empty() { "Mark its span in the text" } else { "Mark both spans in the text" };
        let _ = writeln!(out, "<p><a class=\"show\" href=\"#finding-{n}\">{both}</a></p>\n</li>");
    }
    out.push_str("</ol>\n</section>\n");
}

fn entity_kind(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "person",
        EntityKind::Organization => "organisation",
        EntityKind::Group => "group",
        EntityKind::Anonymous => "anonymous",
    }
}

fn colour(entity: usize) -> String {
    format!("c{}", entity % PALETTE.len())
}

/// One line, at most `n` characters (an ellipsis when cut).
fn clip(s: &str, n: usize) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= n {
        return one_line;
    }
    let cut: String = one_line.chars().take(n.saturating_sub(1)).collect();
    format!("{cut}…")
}

/// What the tooltip of a quotation says (one fact a line): its id and kind, the speaker, the
/// cue, and how the speaker was found.
fn quote_tip(a: &Analysis, i: usize, q: &crate::model::Quote) -> String {
    let kind = match q.kind {
        QuoteKind::Direct => "direct quotation",
        QuoteKind::Partial => "partial quotation",
        QuoteKind::Mixed => "reported speech with quoted words",
        QuoteKind::Indirect => "reported speech",
        QuoteKind::Block => "quotation over several paragraphs",
        QuoteKind::Scare => "scare quotes: no speech reported",
    };
    let mut tip = format!("q{} · {kind}", i + 1);
    if q.kind == QuoteKind::Scare {
        return tip;
    }
    match &q.speaker {
        Some(s) => {
            let (name, title) = match a.entities.get(s.entity) {
                Some(e) => (e.name.as_str(), e.titles.first().map(|t| format!(" ({t})")).unwrap_or_default()),
                None => ("?", String::new()),
            };
            let mention = clip(s.mention.slice(&a.text), 60);
            let how = match s.via {
                Via::Explicit => format!("named next to the cue: “{mention}”"),
                Via::Pronoun => format!("pronoun “{mention}”, resolved to an earlier speaker"),
                Via::Continuation => "no cue of its own: continues the previous speaker".to_string(),
                Via::AccordingTo => format!("“according to” {mention}"),
                Via::Nearest => "no cue of its own: given to the speaker of the next quotation in the paragraph".to_string(),
            };
            let _ = write!(tip, "\nSpeaker: {name}{title}\nResolved: {} ({how})", via_name(s.via));
        }
        None => tip.push_str("\nSpeaker: none (unattributed)"),
    }
    match q.cue {
        Some(c) => {
            let _ = write!(tip, "\nCue: “{}”", clip(c.slice(&a.text), 60));
        }
        None => tip.push_str("\nCue: none"),
    }
    tip
}

fn via_name(v: Via) -> &'static str {
    match v {
        Via::Explicit => "explicit",
        Via::Pronoun => "pronoun",
        Via::Continuation => "continuation",
        Via::AccordingTo => "according-to",
        Via::Nearest => "nearest",
    }
}

/// What a marked range of the text is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    /// A piece of quotation `q` (its content, or one of its segments).
    Quote(usize),
    /// The cue of a quotation, in the colour of the speaker (if any).
    Cue(Option<usize>),
    /// The mention a quotation's speaker was found by.
    Speaker(usize),
    /// A span of a finding, by its id (`finding-3-primary`).
    FindingSpan(String),
    /// Where a claim starts (empty: a link target).
    ClaimAnchor(usize),
}

impl Kind {
    /// Nesting order when two ranges start and end at the same offsets: quotations outside,
    /// finding spans inside (so a selected span's mark is drawn over the speaker's colour).
    fn rank(&self) -> u8 {
        match self {
            Kind::Quote(_) => 0,
            Kind::Speaker(_) | Kind::Cue(_) => 1,
            Kind::FindingSpan(_) => 2,
            Kind::ClaimAnchor(_) => 3,
        }
    }
}

#[derive(Debug, Clone)]
struct Range {
    span: Span,
    kind: Kind,
}

/// A step of the marked-up text: an element opens (the `piece`-th element made for its range's
/// group), closes, or text runs.
enum Step {
    Open(usize),
    Close(usize),
    Text(usize, usize),
}

/// The ranges of an article to mark: quotations (content, or segments when it is split), cues,
/// speaker mentions, finding spans and claim starts. Offsets are clamped to the text and moved
/// to character boundaries, so that no slice can fall inside a UTF-8 character whatever the
/// analysis gives.
fn ranges(a: &Analysis, first_finding: usize) -> Vec<Range> {
    let text = a.text.as_str();
    let fix = |s: Span| {
        let start = floor_char_boundary(text, s.start.min(text.len()));
        let mut end = s.end.clamp(start, text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        Span::new(start, end)
    };
    let mut out = Vec::new();
    for (i, q) in a.quotes.iter().enumerate() {
        let pieces = if q.segments.is_empty() { vec![q.content] } else { q.segments.clone() };
        out.extend(pieces.into_iter().map(|s| Range { span: fix(s), kind: Kind::Quote(i) }));
        let who = q.speaker.as_ref().map(|s| s.entity);
        if let Some(c) = q.cue {
            out.push(Range { span: fix(c), kind: Kind::Cue(who) });
        }
        if let Some(s) = &q.speaker {
            out.push(Range { span: fix(s.mention), kind: Kind::Speaker(s.entity) });
        }
    }
    for (k, f) in a.findings.iter().enumerate() {
        let n = first_finding + k;
        out.push(Range { span: fix(f.primary), kind: Kind::FindingSpan(format!("finding-{n}-primary")) });
        for (j, r) in f.related.iter().enumerate() {
            out.push(Range { span: fix(r.span), kind: Kind::FindingSpan(format!("finding-{n}-related-{}", j + 1)) });
        }
    }
    for (c, claim) in a.claims.iter().enumerate() {
        let at = fix(claim.span).start;
        out.push(Range { span: Span::new(at, at), kind: Kind::ClaimAnchor(c) });
    }
    // a cue or mention shared by several quotations is marked once
    let mut seen = std::collections::BTreeSet::new();
    out.retain(|r| match &r.kind {
        Kind::Cue(_) | Kind::Speaker(_) => seen.insert((r.span, r.kind.rank())),
        _ => true,
    });
    out
}

/// Lays the ranges over the text in one sweep over their sorted boundaries and returns the
/// steps: elements open and close properly nested, and where two ranges cross, the inner one
/// is closed at the boundary and opened again after it (so one range may give several
/// elements). At each boundary the ranges that end there close, then empty ranges open and
/// close, then the ranges that start there and those that were cut open again, longest first
/// (the longest is the least likely to be cut again).
fn sweep(len: usize, ranges: &[Range]) -> Vec<Step> {
    let mut bounds: Vec<usize> = ranges.iter().flat_map(|r| [r.span.start, r.span.end]).chain([0, len]).collect();
    bounds.sort_unstable();
    bounds.dedup();
    let mut order: Vec<usize> = (0..ranges.len()).collect();
    order.sort_by_key(|&i| (ranges[i].span.start, Reverse(ranges[i].span.end), ranges[i].kind.rank(), i));
    let mut next = 0;
    let mut stack: Vec<usize> = Vec::new();
    let mut steps = Vec::new();
    for (b, &p) in bounds.iter().enumerate() {
        let mut opening = Vec::new();
        if let Some(cut) = stack.iter().position(|&r| ranges[r].span.end <= p) {
            for &r in stack[cut..].iter().rev() {
                steps.push(Step::Close(r));
            }
            opening.extend(stack.drain(cut..).filter(|&r| ranges[r].span.end > p));
        }
        while next < order.len() && ranges[order[next]].span.start == p {
            let r = order[next];
            if ranges[r].span.is_empty() {
                steps.push(Step::Open(r));
                steps.push(Step::Close(r));
            } else {
                opening.push(r);
            }
            next += 1;
        }
        opening.sort_by_key(|&r| (Reverse(ranges[r].span.end), ranges[r].kind.rank(), r));
        for r in opening {
            steps.push(Step::Open(r));
            stack.push(r);
        }
        if let Some(&q) = bounds.get(b + 1) {
            steps.push(Step::Text(p, q));
        }
    }
    for &r in stack.iter().rev() {
        steps.push(Step::Close(r));
    }
    steps
}

/// The article text with its quotations, cues, speaker mentions and finding spans marked.
/// The first element of a quotation carries its id, its tab stop and its description; the
/// first element of a finding span carries the span's id; the last element of a quotation is
/// marked `last` (print writes the quotation's facts after it).
fn marked_text(d: usize, a: &Analysis, first_finding: usize) -> String {
    let rs = ranges(a, first_finding);
    let steps = sweep(a.text.len(), &rs);
    // the group of a range: the quotation or the finding span it belongs to
    let group = |r: usize| match &rs[r].kind {
        Kind::Quote(q) => Some(format!("q{q}")),
        Kind::FindingSpan(id) => Some(id.clone()),
        _ => None,
    };
    let mut last_open = std::collections::BTreeMap::new();
    for (k, s) in steps.iter().enumerate() {
        if let Step::Open(r) = s {
            if let Some(g) = group(*r) {
                last_open.insert(g, k);
            }
        }
    }
    let mut opened = std::collections::BTreeSet::new();
    let mut out = String::with_capacity(a.text.len() * 2);
    for (k, s) in steps.iter().enumerate() {
        match *s {
            Step::Text(p, q) => out.push_str(&escape(a.text.get(p..q).unwrap_or(""))),
            Step::Close(r) => out.push_str(match rs[r].kind {
                Kind::FindingSpan(_) => "</mark>",
                _ => "</span>",
            }),
            Step::Open(r) => {
                let first = group(r).is_none_or(|g| opened.insert(g.clone()));
                let last = group(r).is_some_and(|g| last_open.get(&g) == Some(&k));
                open_tag(&mut out, d, a, &rs[r].kind, first, last);
            }
        }
    }
    out
}

fn open_tag(out: &mut String, d: usize, a: &Analysis, kind: &Kind, first: bool, last: bool) {
    match kind {
        Kind::Quote(i) => {
            let q = &a.quotes[*i];
            let mut class = vec!["q".to_string(), format!("k-{}", quote_kind(q.kind))];
            match (&q.speaker, q.kind) {
                (_, QuoteKind::Scare) => {}
                (Some(s), _) => class.push(colour(s.entity)),
                (None, _) => class.push("none".into()),
            }
            if first {
                class.push("first".into());
            }
            if last {
                class.push("last".into());
            }
            // line breaks as references, so that the page's own lines stay one tag each
            let tip = escape(&quote_tip(a, *i, q)).replace('\n', "&#10;");
            let n = i + 1;
            // every piece names its quotation (data-q); the first is its link target and tab stop
            if first {
                let _ = write!(
                    out,
                    "<span class=\"{}\" id=\"d{d}-q{n}\" data-q=\"d{d}-q{n}\" tabindex=\"0\" aria-describedby=\"d{d}-q{n}-desc\" data-tip=\"{tip}\">",
                    class.join(" ")
                );
            } else {
                let _ = write!(out, "<span class=\"{}\" data-q=\"d{d}-q{n}\" data-tip=\"{tip}\">", class.join(" "));
            }
        }
        Kind::Cue(who) => {
            let c = who.map(|e| format!(" {}", colour(e))).unwrap_or_default();
            let _ = write!(out, "<span class=\"cue{c}\">");
        }
        Kind::Speaker(e) => {
            let _ = write!(out, "<span class=\"who {}\">", colour(*e));
        }
        Kind::FindingSpan(id) => {
            if first {
                let _ = write!(out, "<mark class=\"fs\" id=\"{id}\" data-fs=\"{id}\">");
            } else {
                let _ = write!(out, "<mark class=\"fs\" data-fs=\"{id}\">");
            }
        }
        Kind::ClaimAnchor(c) => {
            let _ = write!(out, "<span class=\"claim-at\" id=\"d{d}-c{}\">", c + 1);
        }
    }
}

fn quote_kind(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Mixed => "mixed",
        QuoteKind::Indirect => "indirect",
        QuoteKind::Block => "block",
        QuoteKind::Scare => "scare",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG relative luminance of `#rrggbb`.
    fn luminance(hex: &str) -> f64 {
        let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).expect("a #rrggbb colour");
        let ch = |shift: u32| {
            let c = f64::from((v >> shift) & 0xff) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(16) + 0.7152 * ch(8) + 0.0722 * ch(0)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn palette_keeps_text_readable_and_marks_visible() {
        for (bg, ink) in PALETTE {
            assert!(contrast(TEXT_COLOR, bg) >= 7.0, "text on {bg}: {:.2}", contrast(TEXT_COLOR, bg));
            assert!(contrast(ink, "#ffffff") >= 4.5, "ink {ink} on white: {:.2}", contrast(ink, "#ffffff"));
            assert!(contrast(ink, bg) >= 3.0, "ink {ink} on {bg}: {:.2}", contrast(ink, bg));
        }
    }

    #[test]
    fn escape_covers_text_and_attributes() {
        assert_eq!(escape(r#"<a href="x" title='y'>&amp;</a>"#), "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
    }

    fn r(start: usize, end: usize, kind: Kind) -> Range {
        Range { span: Span::new(start, end), kind }
    }

    fn render_steps(text: &str, rs: &[Range]) -> String {
        let mut out = String::new();
        for s in sweep(text.len(), rs) {
            match s {
                Step::Open(i) => out.push_str(&format!("<{i}>")),
                Step::Close(i) => out.push_str(&format!("</{i}>")),
                Step::Text(p, q) => out.push_str(&text[p..q]),
            }
        }
        out
    }

    #[test]
    fn crossing_ranges_are_split_and_nesting_stays_proper() {
        let t = "abcdefghij";
        // a quote 1..6 with a nested one 2..4, crossed by a finding span 3..8
        let rs = [r(1, 6, Kind::Quote(0)), r(2, 4, Kind::Quote(1)), r(3, 8, Kind::FindingSpan("f".into()))];
        assert_eq!(render_steps(t, &rs), "a<0>b<1>c<2>d</2></1><2>ef</2></0><2>gh</2>ij");
        // the same span twice, and an empty one
        let rs = [r(2, 5, Kind::FindingSpan("a".into())), r(2, 5, Kind::Quote(0)), r(5, 5, Kind::ClaimAnchor(0))];
        assert_eq!(render_steps(t, &rs), "ab<1><0>cde</0></1><2></2>fghij");
    }

    #[test]
    fn multibyte_text_is_never_cut_inside_a_character() {
        let text = "“Ja,” sagte Jörg. «Ça va»";
        let mut a = Analysis { path: "x".into(), text: text.into(), quotes: vec![], entities: vec![], claims: vec![], findings: vec![] };
        // a finding span whose offsets fall inside “ and ö
        a.findings.push(crate::model::Finding {
            code: "QC999",
            rule: "test",
            severity: Severity::Info,
            message: String::new(),
            primary: Span::new(1, 18),
            primary_label: String::new(),
            related: vec![],
            claims: vec![],
            help: String::new(),
        });
        let html = marked_text(1, &a, 1);
        assert!(html.starts_with("<mark class=\"fs\" id=\"finding-1-primary\" data-fs=\"finding-1-primary\">“Ja,” sagte Jö</mark>"), "{html}");
        assert!(html.ends_with("rg. «Ça va»"), "{html}");
    }
}
