import { ScanStage } from '@keeptrusts/core';
import { it } from 'vitest';
import { createPiiScanner } from './scanner.js';
it('probe', () => {
  const s = createPiiScanner({});
  const text = ["Here's a short guide to brewing a good cup of pour-over coffee at home (no special gear needed).",
    '', 'What you need:', '- freshly roasted beans, ground medium-fine, i.e. like coarse sand;',
    '- a kettle, a paper filter and a cone — ceramic, glass or plastic all work;',
    '- water just off the boil; too hot and the coffee tastes bitter, too cool and it tastes sour.', '',
    "Rinse the filter first: it removes the papery taste and warms the cone. Add the grounds, shake",
    "them level, then pour just enough water to wet them and wait while they bloom. That's the gas",
    'escaping; if you skip it, the water runs around the grounds instead of through them.', '',
    'Pour the rest slowly, in small circles, keeping the level steady. The whole brew should take',
    'a few minutes. Taste it and adjust: finer grounds if it is weak or sour, coarser if it is harsh',
    "and/or bitter. Don't worry about getting it perfect the first time — even baristas tweak their",
    'recipe every morning. Enjoy your café-style coffee! ☕'].join('\n');
  const st = new ScanStage(s); let sent = '', rec = '';
  for (const c of [...text]) { sent += c; rec += st.push(c).text; const h = sent.length - rec.length; const w = /\S*$/u.exec(sent)![0].length; if (h > w) console.log(JSON.stringify(sent.slice(-20)), h, w); }
});
