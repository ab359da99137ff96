// Go's base64.StdEncoding.Decode, reproduced for its error positions: `illegal base64 data at input byte N`
// is what Ollama answers for an image sent as a `data:` URL instead of bare base64.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes standard padded base64 like Go; returns the bytes, or Go's error message for bad input. */
export function goDecodeBase64(input: string): Uint8Array | string {
  const corrupt = (at: number): string => `illegal base64 data at input byte ${at}`;
  const out: number[] = [];
  let si = 0;
  const isNewline = (c: string | undefined): boolean => c === '\n' || c === '\r';
  while (si < input.length) {
    const quantum: number[] = [];
    let ended = false;
    for (let j = 0; j < 4; j++) {
      if (si === input.length) {
        // Go: a quantum cut short is an error (StdEncoding requires padding).
        if (j === 0) return Uint8Array.from(out);
        return corrupt(si - j);
      }
      const c = input[si] ?? '';
      si++;
      const value = ALPHABET.indexOf(c);
      if (value >= 0 && c !== '') {
        quantum.push(value);
        continue;
      }
      if (isNewline(c)) {
        j--;
        continue;
      }
      if (c !== '=') return corrupt(si - 1);
      if (j === 0 || j === 1) return corrupt(si - 1);
      if (j === 2) {
        while (si < input.length && isNewline(input[si])) si++;
        if (si === input.length) return corrupt(input.length);
        if (input[si] !== '=') return corrupt(si - 1);
        si++;
      }
      while (si < input.length && isNewline(input[si])) si++;
      if (si < input.length) return corrupt(si);
      ended = true;
      break;
    }
    const [a = 0, b = 0, c = 0, d = 0] = quantum;
    const bits = (a << 18) | (b << 12) | (c << 6) | d;
    const bytes = [(bits >> 16) & 0xff, (bits >> 8) & 0xff, bits & 0xff];
    out.push(...bytes.slice(0, Math.max(quantum.length - 1, 0)));
    if (ended) break;
  }
  return Uint8Array.from(out);
}
