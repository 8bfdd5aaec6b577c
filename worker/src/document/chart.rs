//! Line charts of an indicator's series with its target lines, drawn as PNG with the font the
//! crate ships (no system fonts: the picture is the same on every machine).

use std::sync::OnceLock;

use plotters::prelude::*;
use plotters::style::FontStyle;

use super::DocumentError;
use api::domain::progress::dutch_number;

/// The font the charts are drawn with: DejaVu Sans Condensed (free licence, see assets/fonts).
static FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSansCondensed.ttf");
const FAMILY: &str = "sans-serif";

/// Colours that stay apart for colour-blind readers (Okabe and Ito); the whole cooperation black.
const COOPERATION: RGBColor = RGBColor(0, 0, 0);
const PALETTE: [RGBColor; 7] = [
    RGBColor(0, 114, 178),
    RGBColor(213, 94, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(230, 159, 0),
    RGBColor(86, 180, 233),
    RGBColor(120, 120, 120),
];

/// One line: an area's figures, `x` in years on the time line (2019 drawn at 2019.5).
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    /// Its place in the palette, the same in every chart of a document; `None`: black.
    pub colour: Option<usize>,
    pub points: Vec<(f64, f64)>,
    /// The target in this area, drawn dashed in the line's colour up to its period.
    pub target: Option<TargetLine>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TargetLine {
    pub value: f64,
    /// Where the dashed line starts and ends on the time line.
    pub from_x: f64,
    pub to_x: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LineChart {
    pub title: String,
    pub unit: String,
    pub series: Vec<Series>,
}

pub const WIDTH: u32 = 760;
pub const HEIGHT: u32 = 380;

fn register_font() -> Result<(), String> {
    static REGISTERED: OnceLock<Result<(), String>> = OnceLock::new();
    REGISTERED
        .get_or_init(|| {
            plotters::style::register_font(FAMILY, FontStyle::Normal, FONT)
                .map_err(|_| "the chart font does not load".to_owned())
        })
        .clone()
}

/// Draws the chart and encodes it as PNG.
pub fn render_png(chart: &LineChart) -> Result<Vec<u8>, DocumentError> {
    let fail = |reason: String| DocumentError::Chart {
        title: chart.title.clone(),
        reason,
    };
    register_font().map_err(fail)?;
    let mut pixels = vec![0u8; (WIDTH * HEIGHT * 3) as usize];
    draw(chart, &mut pixels).map_err(fail)?;

    let mut png_bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut png_bytes, WIDTH, HEIGHT);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder
            .write_header()
            .map_err(|e| fail(format!("PNG: {e}")))?;
        writer
            .write_image_data(&pixels)
            .map_err(|e| fail(format!("PNG: {e}")))?;
    }
    Ok(png_bytes)
}

fn bounds(chart: &LineChart) -> ((f64, f64), (f64, f64)) {
    let mut xs: Vec<f64> = Vec::new();
    let mut ys: Vec<f64> = vec![0.0];
    for s in &chart.series {
        for (x, y) in &s.points {
            xs.push(*x);
            ys.push(*y);
        }
        if let Some(t) = &s.target {
            xs.push(t.from_x);
            xs.push(t.to_x);
            ys.push(t.value);
        }
    }
    let min = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
    let max = |v: &[f64]| v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (x0, x1) = if xs.is_empty() {
        (0.0, 1.0)
    } else {
        (
            min(&xs).floor(),
            max(&xs).ceil().max(min(&xs).floor() + 1.0),
        )
    };
    let (y0, y1) = (min(&ys), max(&ys));
    let span = (y1 - y0).max(1.0);
    ((x0, x1), (y0.min(0.0), y1 + span * 0.15))
}

fn draw(chart: &LineChart, pixels: &mut [u8]) -> Result<(), String> {
    let e = |err: plotters::drawing::DrawingAreaErrorKind<_>| format!("{err:?}");
    let root = BitMapBackend::with_buffer(pixels, (WIDTH, HEIGHT)).into_drawing_area();
    root.fill(&WHITE).map_err(e)?;
    let ((x0, x1), (y0, y1)) = bounds(chart);
    let years = (x1 - x0).round().max(1.0) as usize;
    let mut ctx = ChartBuilder::on(&root)
        .caption(&chart.title, (FAMILY, 17))
        .margin(12)
        .x_label_area_size(28)
        .y_label_area_size(62)
        .build_cartesian_2d(x0..x1, y0..y1)
        .map_err(e)?;
    let year_label = |v: &f64| {
        if (v - v.round()).abs() < 1e-6 {
            format!("{:.0}", v.round())
        } else {
            String::new()
        }
    };
    ctx.configure_mesh()
        .x_labels(years + 1)
        .x_label_formatter(&year_label)
        .y_label_formatter(&|v| dutch_number(*v))
        .y_desc(&chart.unit)
        .label_style((FAMILY, 13))
        .axis_desc_style((FAMILY, 13))
        .light_line_style(WHITE.mix(0.0))
        .bold_line_style(RGBColor(225, 225, 225))
        .draw()
        .map_err(e)?;
    for series in &chart.series {
        let colour = series
            .colour
            .map(|i| PALETTE[i % PALETTE.len()])
            .unwrap_or(COOPERATION);
        ctx.draw_series(LineSeries::new(
            series.points.iter().copied(),
            colour.stroke_width(2),
        ))
        .map_err(e)?
        .label(series.name.clone())
        .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], colour.stroke_width(2)));
        ctx.draw_series(
            series
                .points
                .iter()
                .map(|p| Circle::new(*p, 3, colour.filled())),
        )
        .map_err(e)?;
        if let Some(t) = &series.target {
            ctx.draw_series(DashedLineSeries::new(
                [(t.from_x, t.value), (t.to_x, t.value)],
                7,
                5,
                colour.stroke_width(1),
            ))
            .map_err(e)?;
            ctx.draw_series(std::iter::once(TriangleMarker::new(
                (t.to_x, t.value),
                5,
                colour.filled(),
            )))
            .map_err(e)?;
        }
    }
    ctx.configure_series_labels()
        .label_font((FAMILY, 12))
        .background_style(WHITE.mix(0.85))
        .border_style(RGBColor(200, 200, 200))
        .position(SeriesLabelPosition::UpperRight)
        .draw()
        .map_err(e)?;
    root.present().map_err(e)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> LineChart {
        LineChart {
            title: "totaal misdrijven".to_owned(),
            unit: "aantal".to_owned(),
            series: vec![Series {
                name: "Ermelo".to_owned(),
                colour: Some(0),
                points: vec![(2016.5, 1314.0), (2019.5, 930.0)],
                target: Some(TargetLine {
                    value: 800.0,
                    from_x: 2019.5,
                    to_x: 2024.5,
                }),
            }],
        }
    }

    #[test]
    fn draws_a_png_and_the_same_one_twice() {
        let a = render_png(&sample()).expect("draws");
        assert!(a.starts_with(&[0x89, b'P', b'N', b'G']));
        assert_eq!(a, render_png(&sample()).expect("draws"));
    }

    #[test]
    fn an_empty_chart_still_draws() {
        let chart = LineChart {
            series: vec![],
            ..sample()
        };
        assert!(render_png(&chart).is_ok());
    }
}
