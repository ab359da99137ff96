// The Keeptrusts console's client script (#22): sign-in, sign-out, live figures, the live log,
// live target health and the policy playground. Served by the gateway; the CSP allows no other
// script. Text from the gateway is written with textContent only, never as HTML.

(() => {
  const base = '/console';
  const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';

  /** POSTs JSON with the session's CSRF token; resolves with the parsed answer and its status. */
  async function post(path, body) {
    const response = await fetch(base + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify(body ?? {}),
      credentials: 'same-origin',
    });
    return { status: response.status, body: await response.json().catch(() => ({})) };
  }

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '' : String(text);
    if (className) td.className = className;
    row.appendChild(td);
    return td;
  }

  function onLogin() {
    const form = document.getElementById('login-form');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const key = document.getElementById('admin-key').value;
      const { status, body } = await post('/api/login', { key });
      if (status === 200) location.assign(`${base}/`);
      else
        document.getElementById('login-error').textContent =
          body.error?.message ?? `sign-in failed (${status})`;
    });
  }

  function onSignOut() {
    document.getElementById('sign-out')?.addEventListener('click', async () => {
      await post('/api/logout');
      location.assign(`${base}/login`);
    });
  }

  /** Subscribes to an SSE stream of the console; reconnects on its own (EventSource does). */
  function stream(path, event, handle, stateElement) {
    const source = new EventSource(base + path);
    source.addEventListener(event, (e) => handle(JSON.parse(e.data)));
    if (stateElement) {
      source.addEventListener('open', () => {
        stateElement.textContent = 'live';
      });
      source.addEventListener('error', () => {
        stateElement.textContent = 'reconnecting…';
      });
    }
    return source;
  }

  function chart(id, title, series) {
    const element = document.getElementById(id);
    if (!element || typeof uPlot === 'undefined') return undefined;
    const data = [[], ...series.map(() => [])];
    const plot = new uPlot(
      {
        title,
        width: element.clientWidth || 480,
        height: 200,
        series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.stroke, width: 2 }))],
        axes: [{}, { size: 50 }],
      },
      data,
      element,
    );
    return {
      push(at, values) {
        data[0].push(at / 1000);
        for (const [i, v] of values.entries()) data[i + 1].push(v);
        if (data[0].length > 120) for (const column of data) column.shift();
        plot.setData(data);
      },
    };
  }

  function onOverview() {
    const rps = chart('chart-rps', 'Requests/s', [{ label: 'req/s', stroke: '#0b5cad' }]);
    const latency = chart('chart-latency', 'Latency (ms)', [
      { label: 'p50', stroke: '#1a7f37' },
      { label: 'p95', stroke: '#c62828' },
    ]);
    stream('/api/overview/stream', 'tick', ({ figures }) => {
      for (const element of document.querySelectorAll('[data-figure]')) {
        const key = element.getAttribute('data-figure');
        const value = figures[key];
        element.textContent =
          value === null || value === undefined
            ? '–'
            : key === 'errorRate'
              ? (value * 100).toFixed(1)
              : String(value);
      }
      const body = document.querySelector('#blocks tbody');
      body.replaceChildren();
      for (const [rule, n] of Object.entries(figures.blocksByRule)) {
        const row = document.createElement('tr');
        cell(row, rule);
        cell(row, n);
        body.appendChild(row);
      }
      rps?.push(figures.at, [figures.requestsPerSecond]);
      latency?.push(figures.at, [figures.latencyP50Ms, figures.latencyP95Ms]);
    });
  }

  function probeText(t) {
    if (!t.probed) return 'not probed (health_probe: false)';
    if (t.lastProbe === null) return 'no probe yet';
    return t.lastProbe.ok
      ? `ok at ${t.lastProbe.at}`
      : `failed at ${t.lastProbe.at}: ${t.lastProbe.error ?? ''}`;
  }

  function onTargets() {
    stream('/api/overview/stream', 'tick', ({ targets }) => {
      for (const t of targets) {
        const row = document.querySelector(`tr[data-target="${CSS.escape(t.id)}"]`);
        if (!row) continue;
        row.className = t.healthy ? 'healthy' : 'down';
        row.querySelector('.health').textContent = t.healthy ? 'up' : 'down';
        row.querySelector('.probe').textContent = probeText(t);
        row.querySelector('.inflight').textContent = String(t.inFlight);
        row.querySelector('.latency').textContent = t.lastProbe ? String(t.lastProbe.ms) : '–';
      }
    });
  }

  function onRequests() {
    const body = document.querySelector('#requests tbody');
    const form = document.getElementById('filters');
    const matches = (row) => {
      const q = form.q.value.trim().toLowerCase();
      const status = form.status.value;
      const decision = form.decision.value;
      if (q && !row.textContent.toLowerCase().includes(q)) return false;
      if (status && !row.dataset.status.startsWith(status)) return false;
      if (decision && !row.dataset.decisions.includes(`:${decision}`)) return false;
      return true;
    };
    const refilter = () => {
      for (const row of body.rows) row.classList.toggle('hidden', !matches(row));
    };
    form.addEventListener('input', refilter);
    form.addEventListener('submit', (e) => e.preventDefault());
    stream(
      '/api/requests/stream',
      'requests',
      (batch) => {
        for (const r of batch) {
          const row = document.createElement('tr');
          row.dataset.requestId = r.request_id;
          row.dataset.status = String(r.status);
          row.dataset.decisions = r.decisions;
          cell(row, r.time);
          const link = document.createElement('a');
          link.href = `${base}/requests/${encodeURIComponent(r.request_id)}`;
          link.textContent = r.request_id;
          cell(row, '').appendChild(link);
          cell(row, r.key_id);
          cell(row, `${r.method} ${r.endpoint}`);
          cell(row, r.target);
          cell(row, r.model);
          cell(row, r.status);
          cell(row, r.latency_ms);
          cell(row, r.decisions, 'decisions');
          row.classList.toggle('hidden', !matches(row));
          body.insertBefore(row, body.firstChild);
        }
        while (body.rows.length > 500) body.deleteRow(body.rows.length - 1);
      },
      document.getElementById('live-state'),
    );
  }

  function onPolicies() {
    const form = document.getElementById('playground');
    const out = document.getElementById('playground-result');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const { status, body } = await post('/api/playground', {
        text: form.text.value,
        target: form.target.value,
      });
      out.replaceChildren();
      if (status !== 200) {
        const p = document.createElement('p');
        p.className = 'error';
        p.textContent = body.error?.message ?? `failed (${status})`;
        out.appendChild(p);
        return;
      }
      const verdict = document.createElement('p');
      verdict.id = 'playground-verdict';
      verdict.className = body.blocked ? 'error' : 'ok';
      verdict.textContent = body.blocked
        ? `blocked by ${body.blocked.rule} (policy ${body.blocked.policy}): ${body.blocked.reason}`
        : body.rewritten !== null
          ? 'allowed, rewritten'
          : 'allowed';
      out.appendChild(verdict);
      if (body.rewritten !== null) {
        const pre = document.createElement('pre');
        pre.textContent = body.rewritten;
        out.appendChild(pre);
      }
      const table = document.createElement('table');
      table.id = 'playground-decisions';
      const head = document.createElement('tr');
      for (const h of ['policy', 'rule', 'action', 'findings']) {
        const th = document.createElement('th');
        th.textContent = h;
        head.appendChild(th);
      }
      table.appendChild(head);
      for (const d of body.decisions) {
        const row = document.createElement('tr');
        cell(row, d.policy);
        cell(row, d.rule);
        cell(row, d.action, `action-${d.action}`);
        cell(
          row,
          d.findings
            .map(
              (f) =>
                `${f.type} ×${f.count}${f.score === undefined ? '' : ` score ${f.score}`}${f.signals ? ` [${f.signals.join(', ')}]` : ''}`,
            )
            .join('; '),
        );
        table.appendChild(row);
      }
      out.appendChild(table);
    });
  }

  const page = document.body.dataset.page;
  if (page === 'login') onLogin();
  onSignOut();
  if (page === 'overview') onOverview();
  if (page === 'targets') onTargets();
  if (page === 'requests') onRequests();
  if (page === 'policies') onPolicies();
})();
