/** A child of h(): nodes and text; null, undefined and false are left out so views can use `cond && node`. */
export type Child = Node | string | null | undefined | false;

type Attributes = Record<string, string | number | boolean | null | undefined>;

/**
 * Builds an element. Texts always go in as text nodes, never as HTML, because survey texts and server
 * messages are not ours. `true` sets a boolean attribute, false/null/undefined leave it out.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/** Ids built from survey slugs stay valid and unique within the page. */
export function domId(...parts: string[]): string {
  return parts.join('--');
}
