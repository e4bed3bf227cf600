/**
 * `Element.closest` that also climbs out of shadow roots, so a widget rendered inside another
 * component's shadow DOM still finds the page's `lang` or `<esr-provider>`.
 */
export function closestComposed(start: Element, selector: string): Element | null {
  let node: Element | null = start;
  while (node) {
    const found = node.closest(selector);
    if (found) return found;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}
