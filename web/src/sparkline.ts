/** A story's coverage over time as a small bar chart (SVG built with DOM APIs): articles per publication day. */
import { svg } from './dom.js';
import type { Translate } from './i18n.js';

export interface DayCount {
  readonly day: string;
  readonly articles: number;
}

const WIDTH = 120;
const HEIGHT = 24;
const DAY_MS = 86_400_000;
/** More days than this share bars (a week-long bar for a year-long storyline), so bars stay visible. */
const MAX_BARS = 60;
/** A day with one article stays visible beside a day with fifty. */
const MIN_BAR_HEIGHT = 4;

/** The time and count scale the sparklines of one list share, so they compare at a glance. */
export interface SparklineAxis {
  readonly firstDay: string;
  readonly lastDay: string;
  /** Articles on the busiest day: a full-height bar. */
  readonly most: number;
}

/** The axis covering every story's days; null when none has a dated article. */
export function sharedAxis(coverages: readonly (readonly DayCount[])[]): SparklineAxis | null {
  const all = coverages.flat().filter((d) => !Number.isNaN(Date.parse(d.day)));
  if (all.length === 0) return null;
  const days = all.map((d) => d.day).sort();
  return { firstDay: days[0]!, lastDay: days.at(-1)!, most: Math.max(...all.map((d) => d.articles)) };
}

/** Articles per day along the shared axis, quiet days as gaps; null when no article has a day. */
export function coverageSparkline(days: readonly DayCount[], axis: SparklineAxis, t: Translate): SVGSVGElement | null {
  const dated = days.filter((d) => !Number.isNaN(Date.parse(d.day))).sort((a, b) => a.day.localeCompare(b.day));
  if (dated.length === 0) return null;
  const start = Date.parse(axis.firstDay);
  const span = Math.round((Date.parse(axis.lastDay) - start) / DAY_MS) + 1;
  const daysPerBar = Math.ceil(span / MAX_BARS);
  const bars = new Array<number>(Math.ceil(span / daysPerBar)).fill(0);
  for (const d of dated) {
    const index = Math.floor(Math.round((Date.parse(d.day) - start) / DAY_MS) / daysPerBar);
    bars[index] = (bars[index] ?? 0) + d.articles;
  }
  const slot = WIDTH / bars.length;
  const description = `${t('articlesPerDay')}: ${dated.map((d) => `${d.day} ${d.articles}`).join(', ')}`;
  const chart = svg('svg', { class: 'sparkline', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT, role: 'img', 'aria-label': description }, svg('title', {}, description));
  chart.appendChild(svg('line', { class: 'sparkline-base', x1: 0, y1: HEIGHT - 0.5, x2: WIDTH, y2: HEIGHT - 0.5 }));
  bars.forEach((count, i) => {
    if (count === 0) return;
    const height = Math.max(MIN_BAR_HEIGHT, (count / Math.max(axis.most, count)) * (HEIGHT - 2));
    chart.appendChild(svg('rect', { class: 'sparkline-bar', x: (i * slot + slot * 0.1).toFixed(2), y: (HEIGHT - height).toFixed(2), width: Math.max(1, slot * 0.8).toFixed(2), height: height.toFixed(2) }));
  });
  return chart;
}
