// The fastest upstream we can put behind a gateway: node:http answering every chat call with one
// prebuilt body, so what a throughput run measures is the gateway, not the model server. It speaks
// both Ollama's native `/api/chat` (what Keeptrusts calls) and the OpenAI-compatible
// `/v1/chat/completions` Ollama also serves (what Portkey's `ollama` provider calls), plus the
// `GET /` and empty-prompt `/api/generate` the gateway's health probe sends.
//
//   node bench/src/stub-upstream.ts [PORT]      prints "listening on http://127.0.0.1:PORT"
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const answer = 'A short answer of a dozen or so tokens, enough to be realistic for a reply.';
const created = '2026-01-01T00:00:00.000000000Z';

const ollamaChat = Buffer.from(
  JSON.stringify({
    model: 'llama3.3',
    created_at: created,
    message: { role: 'assistant', content: answer },
    done: true,
    done_reason: 'stop',
    total_duration: 1000,
    load_duration: 10,
    prompt_eval_count: 24,
    prompt_eval_duration: 100,
    eval_count: 18,
    eval_duration: 800,
  }),
);
const openaiChat = Buffer.from(
  JSON.stringify({
    id: 'chatcmpl-stub',
    object: 'chat.completion',
    created: 1767225600,
    model: 'llama3.3',
    system_fingerprint: 'fp_ollama',
    choices: [{ index: 0, message: { role: 'assistant', content: answer }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 24, completion_tokens: 18, total_tokens: 42 },
  }),
);
const loaded = Buffer.from(
  JSON.stringify({ model: 'llama3.3', created_at: created, response: '', done: true, done_reason: 'load' }),
);
const running = Buffer.from('Ollama is running');

const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  // The request body is read and dropped: the answer never depends on it.
  req.resume();
  req.once('end', () => {
    const url = req.url ?? '/';
    const body =
      url === '/api/chat'
        ? ollamaChat
        : url === '/v1/chat/completions'
          ? openaiChat
          : url === '/api/generate'
            ? loaded
            : url === '/'
              ? running
              : undefined;
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    res
      .writeHead(200, {
        'content-type': body === running ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
        'content-length': body.length,
      })
      .end(body);
  });
});
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`listening on http://127.0.0.1:${port}\n`);
});
process.once('SIGTERM', () => process.exit(0));
