import parsePrometheusTextFormat from 'parse-prometheus-text-format';

/** A parsed `/metrics` exposition, read the way a Prometheus query would. */
export interface Scrape {
  /** Whether a family of that name is exposed. */
  has(name: string): boolean;
  /** The sum of a counter's or gauge's samples whose labels include `labels`. */
  value(name: string, labels?: Record<string, string>): number;
  /** The summed observation count of a histogram's series whose labels include `labels`. */
  count(name: string, labels?: Record<string, string>): number;
  /** The summed observation total of a histogram's series whose labels include `labels`. */
  sum(name: string, labels?: Record<string, string>): number;
  /** Every label set of a family's samples. */
  labels(name: string): Record<string, string>[];
}

/**
 * Parses Prometheus text format with a real parser (it throws on malformed text). The parser folds
 * a histogram's series into one and drops their labels, so histograms' TYPE lines are left out: their
 * `_bucket`, `_sum` and `_count` samples then parse as plain series, labels kept.
 */
export function parseScrape(text: string): Scrape {
  const histograms = new Set<string>();
  const kept = text
    .split('\n')
    .filter((line) => {
      const match = /^# TYPE (\S+) histogram$/.exec(line);
      if (match !== null) histograms.add(match[1]!);
      return match === null;
    })
    .join('\n');
  const families = new Map(parsePrometheusTextFormat(kept).map((f) => [f.name, f]));
  const matching = (name: string, labels: Record<string, string>) =>
    (families.get(name)?.metrics ?? []).filter((m) =>
      Object.entries(labels).every(([k, v]) => m.labels?.[k] === v),
    );
  const total = (name: string, labels: Record<string, string>) =>
    matching(name, labels).reduce((n, m) => n + Number(m.value), 0);
  const histogram = (name: string) => {
    if (!histograms.has(name)) throw new Error(`${name} is not a histogram of this scrape`);
    return name;
  };
  return {
    has: (name) => families.has(name) || histograms.has(name),
    value: (name, labels = {}) => total(name, labels),
    count: (name, labels = {}) => total(`${histogram(name)}_count`, labels),
    sum: (name, labels = {}) => total(`${histogram(name)}_sum`, labels),
    labels: (name) => (families.get(name)?.metrics ?? []).map((m) => m.labels ?? {}),
  };
}

/** Fetches and parses `url` (a `/metrics` endpoint). */
export async function scrape(url: string, headers: Record<string, string> = {}): Promise<Scrape> {
  const response = await fetch(url, { headers });
  if (response.status !== 200)
    throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return parseScrape(await response.text());
}
