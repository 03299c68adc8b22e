/**
 * The batch progress bar's time-left estimate. Dividing what is left by the average rate since the start gave
 * wild first estimates (7 m 32 s at 0.8 %, 4 m 07 s at 1.8 % of a 33 s run of 840 stories): the first seconds
 * are spent loading the models in every worker, then the workers speed up as they warm (about threefold over
 * that run), and records come out in bursts, as each one waits for the records before it. So the clock starts
 * at the first progress, no estimate is given until a few seconds of it have been seen, and the rate after that
 * is an exponentially weighted average (time constant `smoothing` seconds) seeded with the average over those
 * first seconds: short enough to follow the speed-up within seconds, long enough to smooth the bursts. No
 * estimate from the past foresees a speed-up: early on it still errs long, by less and for less time.
 */

export interface EtaSettings {
  /** Seconds of progress to watch before the first estimate. Default 3. */
  warmup?: number;
  /** Time constant of the rate's moving average, in seconds. Default 5. */
  smoothing?: number;
}

export class EtaEstimator {
  private readonly warmup: number;
  private readonly smoothing: number;
  /** When progress was first seen, and how much there was then. */
  private first: { t: number; done: number } | null = null;
  private last: { t: number; done: number } | null = null;
  /** Units (bytes) a second, once warmed up. */
  private rate: number | null = null;

  constructor(settings: EtaSettings = {}) {
    this.warmup = settings.warmup ?? 3;
    this.smoothing = settings.smoothing ?? 5;
  }

  /** Note that `done` units were done `t` seconds after the start (t never decreasing). */
  update(t: number, done: number): void {
    if (this.first === null) {
      if (done > 0) this.first = this.last = { t, done };
      return;
    }
    const last = this.last!;
    const dt = t - last.t;
    if (dt <= 0) return;
    if (this.rate === null) {
      const span = t - this.first.t;
      if (span >= this.warmup) this.rate = (done - this.first.done) / span;
    } else {
      const weight = 1 - Math.exp(-dt / this.smoothing);
      this.rate += weight * ((done - last.done) / dt - this.rate);
    }
    this.last = { t, done };
  }

  /** Seconds left to reach `total` units; null while there is too little to go by. */
  remaining(total: number): number | null {
    if (this.rate === null || this.last === null) return null;
    const left = Math.max(0, total - this.last.done);
    if (left === 0) return 0;
    return this.rate > 0 ? left / this.rate : null;
  }
}
