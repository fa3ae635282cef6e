/**
 * Tiny DOM builders for the pane. Every piece of data becomes a text node or an attribute value,
 * never markup: nothing here parses HTML, so a figure or a cell the user typed cannot inject any.
 */

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  readonly className?: string;
  readonly id?: string;
  /** Plain attributes (aria-*, role, type, data-*); values are set as strings, not parsed. */
  readonly attrs?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly onClick?: (event: MouseEvent) => void;
}

/** Creates an element with props and children; strings become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: Props = {},
  ...children: readonly Child[]
): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  if (props.className) element.className = props.className;
  if (props.id) element.id = props.id;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  if (props.onClick) element.addEventListener("click", props.onClick as EventListener);
  append(element, children);
  return element;
}

/** Appends children, turning strings and numbers into text nodes and skipping empty ones. */
export function append(parent: Node, children: readonly Child[]): void {
  const doc = parent.ownerDocument ?? (parent as Document);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" || typeof child === "number" ? doc.createTextNode(String(child)) : child);
  }
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent: Element, children: readonly Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

/** The element with this id, or a clear error naming the id the template lacks. */
export function byId<T extends HTMLElement = HTMLElement>(doc: Document, id: string): T {
  const element = doc.getElementById(id);
  if (!element) throw new Error(`The pane's page has no element with id "${id}"; taskpane.html and the code disagree.`);
  return element as T;
}
