/**
 * The batch progress bar, drawn on stderr (only when it is a terminal): records done, rate, and — when the
 * input's size is known — a bar, the percentage and the time left, estimated from the bytes done (eta.ts).
 */
import { EtaEstimator } from './eta';

export interface ProgressState {
  records: number;
  failed: number;
  bytes: number;
  /** Input size in bytes, when known (a regular file). */
  totalBytes?: number;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

const group = (n: number): string => Math.round(n).toLocaleString('en-US');

/**
 * The progress line for a state after `elapsed` seconds, at most `columns` wide. `eta`: the seconds left, null
 * when not known yet ("ETA …"); when not given, the bytes left at the average rate since the start.
 */
export function progressLine(state: ProgressState, elapsed: number, columns = 80, eta?: number | null): string {
  const rate = elapsed > 0 ? state.records / elapsed : 0;
  const parts = [`${group(state.records)} records`, `${rate >= 10 ? group(rate) : rate.toFixed(1)}/s`];
  if (state.failed > 0) parts.push(`${group(state.failed)} failed`);
  let bar = '';
  if (state.totalBytes && state.totalBytes > 0) {
    const frac = Math.min(1, state.bytes / state.totalBytes);
    const byteRate = elapsed > 0 ? state.bytes / elapsed : 0;
    const left = eta !== undefined ? eta : byteRate > 0 ? (state.totalBytes - state.bytes) / byteRate : Number.NaN;
    parts.push(`${(frac * 100).toFixed(1)}%`, `ETA ${left === null ? '…' : duration(left)}`);
    const text = parts.join('  ');
    const width = Math.max(0, Math.min(40, columns - text.length - 4));
    if (width >= 10) {
      const full = Math.round(frac * width);
      bar = `[${'#'.repeat(full)}${'.'.repeat(width - full)}] `;
    }
  }
  const line = bar + parts.join('  ');
  return line.length > columns - 1 ? line.slice(0, Math.max(0, columns - 1)) : line;
}

export class ProgressBar {
  private timer: NodeJS.Timeout | null = null;
  private readonly started = Date.now();
  private drawn = false;
  private readonly eta = new EtaEstimator();

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly state: () => ProgressState,
    intervalMs = 100,
  ) {
    this.timer = setInterval(() => this.draw(), intervalMs);
    this.timer.unref();
  }

  draw(): void {
    const state = this.state();
    const elapsed = (Date.now() - this.started) / 1000;
    this.eta.update(elapsed, state.bytes);
    const eta = state.totalBytes ? this.eta.remaining(state.totalBytes) : undefined;
    const line = progressLine(state, elapsed, this.stream.columns || 80, eta);
    this.stream.write(`\r\x1b[K${line}`);
    this.drawn = true;
  }

  /** Draw the final state and end the line. */
  finish(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.draw();
    if (this.drawn) this.stream.write('\n');
  }
}
