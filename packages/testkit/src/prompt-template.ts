// The templated prompt the simulated model "reads", in Llama 3's chat format. Ollama's prompt_eval_count
// counts the rendered template (role markers, tool definitions, images), not the raw message text; counting
// our own rendering with the simulator's tokenizer is the documented approximation of that.
import { nodeToValue } from './go-json.js';
import type { WireMessage, WireTool } from './request-types.js';

const BEGIN = '<|begin_of_text|>';
const END = '<|eot_id|>';
// Vision models spend a fixed block of tokens per image; one marker keeps the count honest about images.
const IMAGE = '<|image|>';

function header(role: string): string {
  return `<|start_header_id|>${role}<|end_header_id|>\n\n`;
}

function toolJson(tools: readonly WireTool[]): string {
  return JSON.stringify(
    tools.map((tool) => ({
      type: tool.type ?? 'function',
      function: {
        name: tool.function?.name ?? '',
        description: tool.function?.description ?? '',
        parameters: tool.function?.parameters === undefined ? {} : nodeToValue(tool.function.parameters),
      },
    })),
  );
}

/** Renders a chat request's messages and tools the way a Llama 3 template would. */
export function renderChatPrompt(messages: readonly WireMessage[], tools: readonly WireTool[]): string {
  let prompt = BEGIN;
  if (tools.length > 0) prompt += `${header('system')}You can call these tools: ${toolJson(tools)}${END}`;
  for (const message of messages) {
    const images = IMAGE.repeat(message.images?.length ?? 0);
    const calls = (message.tool_calls ?? []).map((call) => JSON.stringify(call.function ?? {})).join('');
    prompt += `${header(message.role ?? '')}${images}${message.content ?? ''}${calls}${END}`;
  }
  return `${prompt}${header('assistant')}`;
}

/** Renders a /api/generate prompt: verbatim in raw mode, else system and user turns plus the assistant header. */
export function renderGeneratePrompt(
  prompt: string,
  system: string,
  raw: boolean,
  imageCount: number,
): string {
  const images = IMAGE.repeat(imageCount);
  if (raw) return `${images}${prompt}`;
  const systemTurn = system === '' ? '' : `${header('system')}${system}${END}`;
  return `${BEGIN}${systemTurn}${header('user')}${images}${prompt}${END}${header('assistant')}`;
}
