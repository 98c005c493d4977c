/**
 * Pakistan Standard Time formatting (docs/protocol.md §10.2): the chain stores UTC seconds, tools
 * show PKT = UTC+05:00, no daylight saving.
 */

/** PKT's offset from UTC, in seconds. */
export const PKT_OFFSET_SECONDS = 5 * 60 * 60;

function toSeconds(unixSeconds: number | bigint): number {
  const seconds = typeof unixSeconds === "bigint" ? Number(unixSeconds) : unixSeconds;
  if (!Number.isSafeInteger(seconds)) {
    throw new RangeError(`not a whole number of Unix seconds: ${String(unixSeconds)}`);
  }
  return seconds;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/** `YYYY-MM-DD` and `HH:MM` (`HH:MM:SS` when the seconds are not zero) of a time in PKT. */
function pktParts(unixSeconds: number | bigint): { date: string; time: string } {
  const shifted = new Date((toSeconds(unixSeconds) + PKT_OFFSET_SECONDS) * 1000);
  const date = `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
  const seconds = shifted.getUTCSeconds();
  const time =
    `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}` +
    (seconds === 0 ? "" : `:${pad(seconds)}`);
  return { date, time };
}

/**
 * A Unix time (UTC seconds, as block timestamps) in Pakistan time, e.g. `2026-11-23 13:05 PKT`
 * for 08:05 UTC; the seconds are shown only when not zero (`2026-11-23 17:59:59 PKT`).
 */
export function formatPkt(unixSeconds: number | bigint): string {
  const { date, time } = pktParts(unixSeconds);
  return `${date} ${time} PKT`;
}

/**
 * A polling window `[start, end)` in PKT: `08:00–18:00 PKT (2026-11-23)` when both ends fall on
 * the same PKT day, otherwise `2026-11-23 08:00 PKT – 2026-11-24 18:00 PKT`.
 */
export function formatPktWindow(start: number | bigint, end: number | bigint): string {
  const from = pktParts(start);
  const to = pktParts(end);
  if (from.date === to.date) return `${from.time}–${to.time} PKT (${from.date})`;
  return `${formatPkt(start)} – ${formatPkt(end)}`;
}
