/**
 * React's production build throws "Minified React error #N; visit https://react.dev/errors/N?args[]=… for the
 * full message…", which tells a person nothing. The frame runs that build, so the errors models' code trips
 * most often are spelled out here in plain words, with React's arguments filled in.
 */

/** Plain explanations by React error code; `%s` takes React's arguments in order. */
const EXPLAINED: Readonly<Record<number, string>> = {
  31:
    "Objects are not valid as a React child (found: %s). Render a string, a number or elements; " +
    "for a list, map it to elements; for an object or a date, render one of its fields or a formatted string.",
  60: "An element has both children and dangerouslySetInnerHTML; give it only one of them.",
  61: "dangerouslySetInnerHTML must be an object of the form {__html: '…'}.",
  62:
    "The style prop takes an object, not a string: write style={{marginTop: 8}} " +
    'rather than style="margin-top: 8px".',
  130:
    "Element type is invalid: a JSX tag names something that is not a component (it is %s).%s " +
    "Usually an import names something its module does not export, or a default import should be a " +
    "named one (or the other way round).",
  137: "<%s> is a void element: it cannot have children or dangerouslySetInnerHTML.",
  143:
    "React.Children.only expected exactly one child element: a component with `asChild` (or a " +
    "Slot) needs a single element inside it, with no text or second element beside it.",
  152:
    "Nothing was returned from render: the component is missing a `return`. To render nothing, " +
    "return null.",
  185:
    "Maximum update depth exceeded: a state update keeps triggering another one (often an effect " +
    "that sets state it also depends on, or a callback that sets state on every render).",
  300: "Rendered fewer hooks than expected: a hook is skipped by an early return or a condition.",
  301:
    "Too many re-renders: the component sets state while it renders, so it renders forever. " +
    "Typical cause: onClick={setValue(x)} instead of onClick={() => setValue(x)}.",
  306: "Element type is invalid: a lazy component resolved to %s instead of a component.%s",
  310: "Rendered more hooks than during the previous render: a hook is called conditionally or in a loop.",
  311: "A hook is called conditionally, which React does not allow: call hooks in the same order every render.",
  321:
    "Invalid hook call: hooks (useState, useEffect…) can only be called at the top of a function " +
    "component's body, not in loops, conditions, event handlers or plain functions.",
  438: "An unsupported value was passed to use(): %s",
  482:
    "The component is an async function: components in this runtime run in the browser and cannot " +
    "be async. Load data in an effect (useEffect) and keep it in state instead.",
  525:
    "A React element from another copy of React was rendered: use the runtime's React (import it from " +
    '"react").',
};

const MINIFIED =
  /Minified React error #(\d+); visit (https:\/\/react\.dev\/errors\/\d+)(\?\S*)? for the full message[^.]*\./;

/** React's arguments from the error page's query (`args[]=…&args[]=…`), decoded. */
function argumentsOf(query: string | undefined): string[] {
  if (!query) return [];
  const args: string[] = [];
  for (const pair of query.slice(1).split("&")) {
    const [key, value = ""] = pair.split("=");
    if (key !== "args[]" && key !== "args%5B%5D") continue;
    try {
      args.push(decodeURIComponent(value.replace(/\+/g, " ")));
    } catch {
      args.push(value);
    }
  }
  return args;
}

function fill(template: string, args: readonly string[]): string {
  let index = 0;
  return template.replace(/%s/g, () => args[index++] ?? "");
}

/**
 * The message with React's minified error spelled out (the code kept, for searching); other messages are
 * returned unchanged.
 */
export function explainReactError(message: string): string {
  const match = MINIFIED.exec(message);
  if (!match) return message;
  const code = Number(match[1]);
  const args = argumentsOf(match[3]);
  const template = EXPLAINED[code];
  const text = template
    ? fill(template, args).replace(/\s+\./g, ".").trim()
    : `React error #${code} (see ${match[2]}${args.length ? `; details: ${args.filter(Boolean).join(", ")}` : ""}).`;
  const rest = message.slice(match.index + match[0].length).trim();
  const before = message.slice(0, match.index).trim();
  return [before, template ? `${text} (React error #${code})` : text, rest].filter(Boolean).join(" ");
}
