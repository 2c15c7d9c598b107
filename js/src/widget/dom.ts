/** A tiny element builder for the view. */

type Attributes = Record<string, string | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, "");
    else if (typeof value === "string") element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

/**
 * Resolves once `node` is in the page, or after `limitMs`, or when `gone()` says the caller went away. A view
 * is rendered before JupyterLab attaches it; a page in the background has no animation frames, so a timer
 * stands in for them.
 */
export async function whenConnected(node: Node, gone: () => boolean, limitMs = 5000): Promise<void> {
  const nextFrame = (): Promise<void> =>
    new Promise((done) => {
      const timer = setTimeout(done, 50);
      requestAnimationFrame(() => {
        clearTimeout(timer);
        done();
      });
    });
  for (let waited = 0; !node.isConnected && waited < limitMs && !gone(); waited += 16) await nextFrame();
}
