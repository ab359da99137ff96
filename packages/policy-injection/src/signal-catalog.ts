import type { Signal } from './signal.js';
import { aiDenial, namedAiPersona, personaRulebook } from './signals/ai-persona.js';
import { aiPolicyReference } from './signals/ai-policy-reference.js';
import { authorityClaim } from './signals/authority-claim.js';
import { characterLock } from './signals/character-lock.js';
import { dataExfiltration } from './signals/data-exfiltration.js';
import { dualResponse } from './signals/dual-response.js';
import { encodedInstruction, encodedPayload, obfuscation } from './signals/evasion.js';
import { fakeRoleMarkup, roleLabel } from './signals/fake-role-markup.js';
import { harmPermission } from './signals/harm-permission.js';
import { harmfulIntent } from './signals/harmful-intent.js';
import { instructionOverride, newInstructions } from './signals/instruction-override.js';
import { jailbreakTerm, knownJailbreak } from './signals/known-jailbreak.js';
import { payloadSplitting } from './signals/payload-splitting.js';
import { personaFraming, personaSwitch } from './signals/persona-framing.js';
import { refusalSuppression } from './signals/refusal-suppression.js';
import { responseControl, templatePlaceholder } from './signals/response-control.js';
import { hiddenDirective, smuggledInstruction } from './signals/smuggled-instruction.js';
import { instructionProbe, systemPromptExtraction } from './signals/system-prompt-extraction.js';
import { unrestrictedPersona, unrestrictedWord } from './signals/unrestricted-persona.js';

/** Every signal the detector evaluates, one entry per named signal. */
export const SIGNALS: readonly Signal[] = [
  instructionOverride,
  newInstructions,
  systemPromptExtraction,
  instructionProbe,
  knownJailbreak,
  jailbreakTerm,
  unrestrictedPersona,
  unrestrictedWord,
  refusalSuppression,
  harmPermission,
  harmfulIntent,
  characterLock,
  dualResponse,
  personaFraming,
  personaSwitch,
  namedAiPersona,
  aiDenial,
  personaRulebook,
  responseControl,
  templatePlaceholder,
  aiPolicyReference,
  authorityClaim,
  fakeRoleMarkup,
  roleLabel,
  smuggledInstruction,
  hiddenDirective,
  dataExfiltration,
  encodedInstruction,
  payloadSplitting,
  obfuscation,
  encodedPayload,
];
