import { For } from "solid-js";
import type { Histogram } from "../../db/queries/sendsHistogram";
import { formatCount } from "../format/number";
import { formatShort } from "../format/time";

const WIDTH = 600;
const HEIGHT = 140;
const PLOT_TOP = 18;
const PLOT_BOTTOM = 112;

/** Sends per bucket as SVG bars, with the peak, the first and the last time written out. */
export function SendsHistogram(props: { histogram: Histogram }) {
  const peak = () => Math.max(1, ...props.histogram.counts);
  const peakIndex = () => props.histogram.counts.indexOf(peak());
  const barWidth = () => WIDTH / props.histogram.counts.length;
  const end = () => props.histogram.start + props.histogram.counts.length * props.histogram.bucketMs;
  const summary = () =>
    `Sends per ${props.histogram.unit}, from ${formatShort(props.histogram.start)} to ${formatShort(end())}; ` +
    `peak ${formatCount(peak())} at ${formatShort(props.histogram.start + peakIndex() * props.histogram.bucketMs)}.`;
  return (
    <figure class="histogram">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary()} preserveAspectRatio="none">
        <For each={props.histogram.counts}>
          {(count, i) => {
            const height = () => ((PLOT_BOTTOM - PLOT_TOP) * count) / peak();
            return (
              <rect
                class="histogram-bar"
                x={i() * barWidth()}
                y={PLOT_BOTTOM - height()}
                width={Math.max(1, barWidth() - 1)}
                height={height()}
              >
                <title>
                  {formatShort(props.histogram.start + i() * props.histogram.bucketMs)}: {formatCount(count)}
                </title>
              </rect>
            );
          }}
        </For>
        <line class="histogram-axis" x1="0" x2={WIDTH} y1={PLOT_BOTTOM} y2={PLOT_BOTTOM} />
      </svg>
      <figcaption class="histogram-caption muted">
        <span>{formatShort(props.histogram.start)}</span>
        <span>
          sends per {props.histogram.unit} · peak {formatCount(peak())}
        </span>
        <span>{formatShort(end())}</span>
      </figcaption>
    </figure>
  );
}
