/**
 * What time it is, injected everywhere (tests move it by hand). A core module: it
 * imports nothing, so any feature may use it without pulling in the context.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
