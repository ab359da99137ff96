// The least a Node.js gateway can do per request, as a floor for the throughput table (#14):
// node:http's server, the OpenAI request parsed and turned into Ollama's, one upstream call, the
// answer parsed and written back in OpenAI's shape. No framework, no validation, no policies, no
// audit, no error handling. CLIENT picks the upstream client: `undici` (its request API over one
// keep-alive Agent, as the gateway's transport) or `http` (node:http over a keep-alive Agent).
//
//   node bench/src/bare-proxy.ts UPSTREAM_URL PORT      prints "listening on http://127.0.0.1:PORT"
import http from 'node:http';
import { Agent, request } from 'undici';

const [upstream = '', port = '0'] = process.argv.slice(2);
const chatUrl = new URL('/api/chat', upstream);
const client = process.env.CLIENT ?? 'undici';
const dispatcher = new Agent({ headersTimeout: 0, bodyTimeout: 0 });
const agent = new http.Agent({ keepAlive: true });

interface OllamaAnswer {
  model: string;
  message: { content: string };
  prompt_eval_count: number;
  eval_count: number;
}

async function viaUndici(body: string): Promise<OllamaAnswer> {
  const response = await request(chatUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    dispatcher,
  });
  return (await response.body.json()) as OllamaAnswer;
}

function viaHttp(body: string): Promise<OllamaAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      chatUrl,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as OllamaAnswer));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const call = client === 'http' ? viaHttp : viaUndici;

const server = http.createServer((req, res) => {
  // GET is the readiness check.
  if (req.method !== 'POST') {
    res.end('ok');
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    const sent = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { model: string; messages: unknown[] };
    const answer = await call(JSON.stringify({ model: sent.model, messages: sent.messages, stream: false }));
    const text = JSON.stringify({
      id: 'chatcmpl-bare',
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: answer.model,
      choices: [
        { index: 0, message: { role: 'assistant', content: answer.message.content }, finish_reason: 'stop' },
      ],
      usage: {
        prompt_tokens: answer.prompt_eval_count,
        completion_tokens: answer.eval_count,
        total_tokens: answer.prompt_eval_count + answer.eval_count,
      },
    });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  });
});
server.listen(Number(port), '127.0.0.1', () => {
  const address = server.address() as { port: number };
  console.log(`listening on http://127.0.0.1:${address.port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
