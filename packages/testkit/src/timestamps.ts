// Timestamps in the two forms Ollama prints: `created_at` in UTC and `modified_at`/`expires_at` in local
// time with an offset, both RFC 3339 with trailing fractional zeros trimmed (Go's RFC3339Nano).

function trimFraction(iso: string): string {
  return iso.replace(/\.(\d*?)0+(?=Z|[+-]\d\d:\d\d$)/, (_match, digits: string) =>
    digits === '' ? '' : `.${digits}`,
  );
}

/** `2025-07-07T20:22:19.184Z`: a UTC instant as Go's RFC3339Nano prints it. */
export function rfc3339Utc(date: Date): string {
  return trimFraction(date.toISOString());
}

/** `2025-07-07T13:22:19.184-07:00`: a local-time instant with its offset, as Go prints `time.Local`. */
export function rfc3339Local(date: Date): string {
  const offsetMinutes = -date.getTimezoneOffset();
  if (offsetMinutes === 0) return rfc3339Utc(date);
  const shifted = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, -1);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return trimFraction(`${shifted}${offset}`);
}
