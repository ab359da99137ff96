import type { TextSegment } from '../plugin/decision.js';
import type { EndpointKind } from '../plugin/types.js';
import type { ChatCompletionRequest, CompletionRequest, EmbeddingRequest } from '../wire/openai.js';

type Body = ChatCompletionRequest | CompletionRequest | EmbeddingRequest;

/** The texts of a request, and a way to build the request again with some of them replaced. */
export interface RequestTexts<T extends Body> {
  segments: TextSegment[];
  apply(changes: ReadonlyMap<number, string>): T;
}

/**
 * Lists every text a request carries (message strings, text parts, tool-call arguments,
 * completion prompts, embedding inputs), so policies see all of them and nothing slips past.
 */
export function requestTexts<T extends Body>(endpoint: EndpointKind, body: T): RequestTexts<T> {
  const segments: TextSegment[] = [];
  const paths: (string | number)[][] = [];
  const add = (segment: Omit<TextSegment, 'id'>, path: (string | number)[]) => {
    segments.push({ ...segment, id: segments.length });
    paths.push(path);
  };

  if (endpoint === 'chat') {
    for (const [m, message] of (body as ChatCompletionRequest).messages.entries()) {
      const role = message.role;
      const content = message.content;
      if (typeof content === 'string') {
        add({ role, source: 'message', text: content }, ['messages', m, 'content']);
      } else if (Array.isArray(content)) {
        for (const [p, part] of content.entries()) {
          if (part.type === 'text')
            add({ role, source: 'message', text: part.text }, ['messages', m, 'content', p, 'text']);
        }
      }
      if (message.role === 'assistant') {
        for (const [c, call] of (message.tool_calls ?? []).entries()) {
          add({ role, source: 'tool_arguments', text: call.function.arguments }, [
            'messages',
            m,
            'tool_calls',
            c,
            'function',
            'arguments',
          ]);
        }
      }
    }
  } else if (endpoint === 'completion') {
    const request = body as CompletionRequest;
    if (typeof request.prompt === 'string') add({ source: 'prompt', text: request.prompt }, ['prompt']);
    else for (const [i, text] of request.prompt.entries()) add({ source: 'prompt', text }, ['prompt', i]);
    if (typeof request.suffix === 'string') add({ source: 'prompt', text: request.suffix }, ['suffix']);
  } else {
    const input = (body as EmbeddingRequest).input;
    if (typeof input === 'string') add({ source: 'embedding_input', text: input }, ['input']);
    else for (const [i, text] of input.entries()) add({ source: 'embedding_input', text }, ['input', i]);
  }

  return {
    segments,
    // The body is copied only when a policy rewrote something, not on every request.
    apply(changes) {
      const copy = structuredClone(body);
      for (const [id, text] of changes) {
        const path = paths[id];
        if (path === undefined) continue;
        let node = copy as unknown as Record<string | number, unknown>;
        for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
        node[path.at(-1)!] = text;
      }
      return copy;
    },
  };
}
