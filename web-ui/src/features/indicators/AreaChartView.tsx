import { CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Scatter, XAxis, YAxis } from 'recharts';
import type { IndicatorArea, Measurement } from '../../api/types';
import { formatNumber, formatPeriod } from '../../lib/format';
import { areaChart } from './chartData';

const tickPeriod = (x: number) => {
  const year = Math.floor(x);
  const rest = x - year;
  if (Math.abs(rest - 0.5) < 0.01) return String(year);
  if (Math.abs(rest - 0.25) < 0.01) return formatPeriod(`${year}-H1`).replace('eerste helft', 'H1');
  if (Math.abs(rest - 0.75) < 0.01) return formatPeriod(`${year}-H2`).replace('tweede helft', 'H2');
  return String(year);
};

/** The baseline as an open square around the measurement dot, so both stay visible. */
function BaselineMark({ cx, cy, payload }: { cx?: number | null; cy?: number | null; payload?: { baseline?: number } }) {
  if (cx == null || cy == null || payload?.baseline === undefined) return null;
  return <rect x={cx - 8} y={cy - 8} width={16} height={16} fill="none" stroke="#1f4e79" strokeWidth={2} />;
}

/**
 * One area's chart. The picture is one image for assistive technology (role="img" with the same
 * sentence as the caption); the table beside it carries every figure.
 */
export function AreaChartView({ area, measurements, unit }: { area: IndicatorArea; measurements: Measurement[]; unit: string }) {
  const chart = areaChart(area, measurements, formatNumber);
  return (
    <figure className="area-chart">
      <div className="area-chart__canvas" role="img" aria-label={`Grafiek ${area.areaName}. ${chart.summary}`}>
        <ResponsiveContainer width="100%" height={240}>
          <ComposedChart data={chart.rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#d8d8d8" strokeDasharray="2 4" />
            <XAxis dataKey="x" type="number" domain={chart.xDomain} ticks={chart.xTicks} tickFormatter={tickPeriod} stroke="#444" />
            <YAxis
              domain={chart.yDomain}
              ticks={chart.yTicks}
              tickFormatter={(v: number) => formatNumber(v)}
              width={64}
              stroke="#444"
              label={unit ? { value: unit, angle: -90, position: 'insideLeft', offset: 4, fill: '#444' } : undefined}
            />
            <Legend />
            {area.target && (
              <ReferenceLine
                y={area.target.value}
                stroke="#a0410d"
                strokeDasharray="2 3"
                ifOverflow="extendDomain"
              />
            )}
            <Line
              name="Lijn naar de streefwaarde"
              dataKey="guide"
              stroke="#6b6b6b"
              strokeWidth={2}
              strokeDasharray="6 5"
              dot={false}
              legendType="plainline"
              connectNulls
              isAnimationActive={false}
            />
            <Line
              name="Meting"
              dataKey="measured"
              stroke="#1f4e79"
              strokeWidth={2.5}
              dot={{ r: 4, fill: '#1f4e79' }}
              connectNulls
              isAnimationActive={false}
            />
            <Scatter name="Uitgangswaarde" dataKey="baseline" fill="#1f4e79" shape={BaselineMark} legendType="square" isAnimationActive={false} />
            <Scatter name="Streefwaarde" dataKey="target" fill="#a0410d" shape="diamond" isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="area-chart__caption">{chart.summary}</figcaption>
    </figure>
  );
}
