/** The engine's only source of time (epoch ms, engine time). */
export interface Clock {
  now(): number;
}

/** Engine time that moves only when the loop advances it to the current event's time. */
export class SimulatedClock implements Clock {
  private current: number;

  constructor(start = 0) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  /** Moves time forward; engine time never runs backwards. */
  advanceTo(time: number): void {
    if (time < this.current) {
      throw new RangeError(`engine time cannot go back from ${this.current} to ${time}`);
    }
    this.current = time;
  }
}
