/** Timing helpers for bench/: warm up, run repeatedly, report the median (robust on 2 cores). */
export interface Timing {
  medianMs: number;
  runs: number;
}

export function time(runs: number, body: () => void, warmup = Math.min(3, runs)): Timing {
  for (let i = 0; i < warmup; i++) body();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    body();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)], runs };
}

/** Prints `name: value unit`, the summary format every bench script ends with. */
export function summaryLine(name: string, value: number, unit: string, digits = 2): string {
  return `${name}: ${value.toFixed(digits)} ${unit}`;
}
