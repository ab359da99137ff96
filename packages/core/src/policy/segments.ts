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
  const copy = structuredClone(body);
  const segments: TextSegment[] = [];
  const setters: ((text: string) => void)[] = [];
  const add = (segment: Omit<TextSegment, 'id'>, set: (text: string) => void) => {
    segments.push({ ...segment, id: segments.length });
    setters.push(set);
  };

  if (endpoint === 'chat') {
    for (const message of (copy as ChatCompletionRequest).messages) {
      const role = message.role;
      const content = message.content;
      if (typeof content === 'string') {
        add({ role, source: 'message', text: content }, (t) => {
          message.content = t;
        });
      } else if (Array.isArray(content)) {
        for (const part of content) {
          if (part.type === 'text') {
            add({ role, source: 'message', text: part.text }, (t) => {
              part.text = t;
            });
          }
        }
      }
      if (message.role === 'assistant') {
        for (const call of message.tool_calls ?? []) {
          add({ role, source: 'tool_arguments', text: call.function.arguments }, (t) => {
            call.function.arguments = t;
          });
        }
      }
    }
  } else if (endpoint === 'completion') {
    const request = copy as CompletionRequest;
    const prompt = request.prompt;
    if (typeof prompt === 'string') {
      add({ source: 'prompt', text: prompt }, (t) => {
        request.prompt = t;
      });
    } else {
      for (const [i, text] of prompt.entries()) {
        add({ source: 'prompt', text }, (t) => {
          prompt[i] = t;
        });
      }
    }
    if (typeof request.suffix === 'string') {
      add({ source: 'prompt', text: request.suffix }, (t) => {
        request.suffix = t;
      });
    }
  } else {
    const request = copy as EmbeddingRequest;
    const input = request.input;
    if (typeof input === 'string') {
      add({ source: 'embedding_input', text: input }, (t) => {
        request.input = t;
      });
    } else {
      for (const [i, text] of input.entries()) {
        add({ source: 'embedding_input', text }, (t) => {
          input[i] = t;
        });
      }
    }
  }

  return {
    segments,
    apply(changes) {
      for (const [id, text] of changes) setters[id]?.(text);
      return copy;
    },
  };
}
