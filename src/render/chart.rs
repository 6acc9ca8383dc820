//! Line charts of release sizes, drawn as the editor's gnuplot draws them:
//! one labelled line per measure on a logarithmic y axis, one x position
//! per release with its label rotated. SVG is plotters' own; PNG is that
//! SVG rasterized by resvg with a font shipped in `templates/fonts/`, so a
//! machine without fonts draws the same labels.

use std::path::Path;

use plotters::prelude::*;
use plotters::style::FontTransform;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The size of the seed post's charts.
pub const WIDTH: u32 = 1600;
pub const HEIGHT: u32 = 1000;

/// DejaVu Sans cut to Latin-1 (see `templates/fonts/README.md`).
const FONT: &[u8] = include_bytes!("../../templates/fonts/DejaVuSans-Latin1.ttf");
const FONT_FAMILY: &str = "DejaVu Sans";

/// gnuplot's first four line colours, which the editor's charts use.
const COLOURS: [RGBColor; 4] = [
    RGBColor(148, 0, 211),
    RGBColor(0, 158, 115),
    RGBColor(86, 180, 233),
    RGBColor(230, 159, 0),
];

/// What a chart shows: a label per x position and named lines of values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lines {
    pub labels: Vec<String>,
    pub series: Vec<Series>,
}

/// One labelled line; it has a value per label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    pub name: String,
    pub values: Vec<u64>,
}

/// The image formats a chart is written in, told by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    Svg,
    Png,
}

impl ImageFormat {
    pub fn of(path: &Path) -> Option<ImageFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "svg" => Some(ImageFormat::Svg),
            "png" => Some(ImageFormat::Png),
            _ => None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("{0}: a chart is written as .svg or .png; name the file so")]
    Extension(String),
    #[error("nothing to draw: no releases in the window")]
    Empty,
    #[error("drawing the chart: {0}")]
    Draw(String),
}

/// The chart as an SVG document.
pub fn svg(lines: &Lines) -> Result<String, ChartError> {
    if lines.labels.is_empty() {
        return Err(ChartError::Empty);
    }
    let mut out = String::new();
    draw(lines, SVGBackend::with_string(&mut out, (WIDTH, HEIGHT)))
        .map_err(|e| ChartError::Draw(e.to_string()))?;
    Ok(out)
}

/// The chart as a PNG image of [`WIDTH`] x [`HEIGHT`].
pub fn png(lines: &Lines) -> Result<Vec<u8>, ChartError> {
    let svg = svg(lines)?;
    let mut options = resvg::usvg::Options::default();
    let fonts = options.fontdb_mut();
    fonts.load_font_data(FONT.to_vec());
    fonts.set_sans_serif_family(FONT_FAMILY);
    options.font_family = FONT_FAMILY.to_string();
    let tree =
        resvg::usvg::Tree::from_str(&svg, &options).map_err(|e| ChartError::Draw(e.to_string()))?;
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| ChartError::Draw("the image has no size".into()))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| ChartError::Draw(e.to_string()))
}

/// The chart as a file named `path` holds it: SVG or PNG by its
/// extension.
pub fn file_bytes(lines: &Lines, path: &Path) -> Result<Vec<u8>, ChartError> {
    match ImageFormat::of(path) {
        Some(ImageFormat::Svg) => Ok(svg(lines)?.into_bytes()),
        Some(ImageFormat::Png) => png(lines),
        None => Err(ChartError::Extension(path.display().to_string())),
    }
}

type DrawResult = Result<(), Box<dyn std::error::Error>>;

fn draw<B: DrawingBackend>(lines: &Lines, backend: B) -> DrawResult
where
    B::ErrorType: 'static,
{
    let root = backend.into_drawing_area();
    root.fill(&WHITE)?;
    let (low, high) = decades(lines);
    let last = lines.labels.len().saturating_sub(1).max(1);
    let label_height = lines.labels.iter().map(String::len).max().unwrap_or(0) as u32 * 7 + 24;
    let mut chart = ChartBuilder::on(&root)
        .margin(24)
        .x_label_area_size(label_height.min(HEIGHT / 3))
        .y_label_area_size(90)
        .build_cartesian_2d(0..last, (low..high).log_scale())?;
    let whole = |v: &f64| format!("{v:.0}");
    chart
        .configure_mesh()
        .x_labels(lines.labels.len())
        // The mesh centres rotated labels on their tick; they are drawn
        // below instead, each ending at the axis.
        .x_label_formatter(&|_| String::new())
        .y_label_formatter(&whole)
        .y_label_style(("sans-serif", 15))
        .light_line_style(WHITE)
        .draw()?;
    let label_style = ("sans-serif", 13)
        .into_font()
        .transform(FontTransform::Rotate270)
        .into_text_style(&root)
        .pos(Pos::new(HPos::Right, VPos::Center));
    for (x, label) in lines.labels.iter().enumerate() {
        let (px, py) = chart.backend_coord(&(x, low));
        root.draw(&Text::new(
            label.as_str(),
            (px, py + 8),
            label_style.clone(),
        ))?;
    }
    for (series, colour) in lines.series.iter().zip(COLOURS.iter().cycle()) {
        let style = colour.stroke_width(2);
        let points = series
            .values
            .iter()
            .enumerate()
            .map(|(x, y)| (x, (*y).max(1) as f64));
        chart
            .draw_series(LineSeries::new(points, style).point_size(3))?
            .label(series.name.as_str())
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 24, y)], style));
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK)
        .label_font(("sans-serif", 17))
        .draw()?;
    root.present()?;
    Ok(())
}

/// The y axis' ends: whole decades around every value, with room above
/// (0 drawn as 1, as a log axis has no 0).
fn decades(lines: &Lines) -> (f64, f64) {
    let values = || {
        lines
            .series
            .iter()
            .flat_map(|s| &s.values)
            .map(|v| *v.max(&1))
    };
    let (min, max) = (values().min().unwrap_or(1), values().max().unwrap_or(1));
    // A value on a whole decade gets the decade below, off the axis.
    let low = 10f64
        .powi((min as f64 * 0.99).log10().floor() as i32)
        .max(1.0);
    // Half a decade or more over the highest value, for the legend.
    let high = 10f64.powi(((max as f64 * 3.0).log10().floor() as i32) + 1);
    (low, high)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines() -> Lines {
        let labels = vec!["v6.0-rc1(2022-08-14)".into(), "v6.0-rc2(2022-08-21)".into()];
        let series = ["files", "deletions", "insertions", "diff"]
            .iter()
            .map(|name| Series {
                name: name.to_string(),
                values: vec![12_000, 300],
            })
            .collect();
        Lines { labels, series }
    }

    #[test]
    fn the_y_axis_spans_whole_decades_around_the_values() {
        let mut l = lines();
        l.series[0].values = vec![0, 300];
        l.series[3].values = vec![923_456, 5];
        assert_eq!(decades(&l), (1.0, 10_000_000.0));
        l.series[0].values = vec![100, 300];
        l.series[3].values = vec![923, 5_000];
        assert_eq!(decades(&l), (10.0, 100_000.0));
        l.series[0].values = vec![100, 9_492];
        assert_eq!(decades(&l), (10.0, 100_000.0));
    }

    #[test]
    fn the_shipped_font_is_one_face_named_as_the_charts_ask() {
        let mut fonts = resvg::usvg::fontdb::Database::new();
        fonts.load_font_data(FONT.to_vec());
        let faces: Vec<_> = fonts.faces().collect();
        assert_eq!(faces.len(), 1);
        assert_eq!(faces[0].families[0].0, FONT_FAMILY);
    }

    #[test]
    fn a_chart_of_no_releases_is_an_error() {
        let empty = Lines {
            labels: Vec::new(),
            series: Vec::new(),
        };
        assert!(matches!(svg(&empty), Err(ChartError::Empty)));
    }

    #[test]
    fn the_format_is_told_by_the_extension() {
        assert_eq!(
            ImageFormat::of(Path::new("a/b.PNG")),
            Some(ImageFormat::Png)
        );
        assert_eq!(ImageFormat::of(Path::new("b.svg")), Some(ImageFormat::Svg));
        assert_eq!(ImageFormat::of(Path::new("b.jpg")), None);
    }
}
