/**
 * Trusted Types for the component's frame. The frame's CSP requires them for every string-to-code and
 * string-to-markup sink (`require-trusted-types-for 'script'`) and allows only the policy names below, each
 * once. The runtime creates both before any component code runs, so a component can create none:
 *
 * - `componentgen` (private to the runtime): turns the runtime's own compiled component and module code into
 *   scripts (see evaluate.ts).
 * - `default` (applied by the browser to every plain string a sink receives): markup passes unless it could
 *   make a nested browsing context, a script or a navigation — a nested frame would be a fresh realm whose
 *   WebRTC and other APIs this runtime never locked down; scripts and script URLs from strings never pass.
 *
 * The refusal is textual and deliberately broad: such a start tag is refused in any namespace or with any
 * prefix, and so is any markup declaration other than a comment (an XML entity can hide a tag).
 */

interface TrustedTypePolicy {
  createScript(input: string): unknown;
}

// The default policy is called with the value, the trusted type's name and the sink (e.g. "Element innerHTML").
type PolicyFunction = (input: string, type?: string, sink?: string) => string | null;

interface TrustedTypePolicyOptions {
  createHTML?: PolicyFunction;
  createScript?: PolicyFunction;
  createScriptURL?: PolicyFunction;
}

interface TrustedTypePolicyFactory {
  createPolicy(name: string, options: TrustedTypePolicyOptions): TrustedTypePolicy;
}

/** Policy names the frame's CSP allows (the bootstrap's is used once, to load this runtime). */
export const POLICY_NAMES = ["componentgen-bootstrap", "componentgen", "default"] as const;

// A start tag whose local name (after any `prefix:`) could load something or make a realm.
const FRAME_LIKE_TAG =
  /<\s*(?:[\w.-]+:)?(?:iframe|frame|frameset|fencedframe|portal|object|embed|applet|script|meta|base|link)(?=[\s/>]|$)/i;
const DECLARATION = /<!(?!--)/;

/** Why an HTML string may not reach a sink, or null when it may. */
export function refusedMarkup(html: string): string | null {
  const tag = FRAME_LIKE_TAG.exec(html);
  if (tag) return `markup with ${tag[0].trim()}…> (frames, scripts and navigation are not allowed)`;
  if (DECLARATION.test(html)) return "markup with a <!…> declaration";
  return null;
}

let privatePolicy: TrustedTypePolicy | null = null;

function factory(): TrustedTypePolicyFactory | null {
  const candidate = (window as unknown as { trustedTypes?: TrustedTypePolicyFactory }).trustedTypes;
  return candidate ?? null;
}

/**
 * Create the runtime's policies. `onRefused` hears every refusal (the sink then throws a TypeError in the
 * component's code, which the component sees like any other error).
 */
export function installTrustedTypes(onRefused: (what: string) => void): void {
  const types = factory();
  if (!types) return;
  privatePolicy = types.createPolicy("componentgen", { createScript: (input) => input });
  types.createPolicy("default", {
    createHTML: (input, _type, sink) => {
      const reason = refusedMarkup(input);
      if (reason === null) return input;
      onRefused(`${sink ?? "an HTML sink"} was given ${reason}`);
      return null;
    },
    createScript: (_input, _type, sink) => {
      onRefused(`${sink ?? "a script sink"} was given a string to run as code`);
      return null;
    },
    createScriptURL: (_input, _type, sink) => {
      onRefused(`${sink ?? "a script URL sink"} was given a script URL`);
      return null;
    },
  });
}

/** The runtime's own code as a script body its inline <script> accepts. */
export function trustedScript(source: string): string {
  return (privatePolicy ? privatePolicy.createScript(source) : source) as string;
}
