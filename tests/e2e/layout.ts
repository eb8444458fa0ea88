/**
 * Measuring the laid-out page: where an element, or each character of one, is drawn. Code run in the page is
 * passed as text, since the project type-checks without the DOM.
 */

import type { Locator, Page } from 'playwright-core';

export interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export async function box(locator: Locator): Promise<Box> {
  const rect = await locator.boundingBox();
  if (rect === null) throw new Error(`${String(locator)} is not shown`);
  return { left: rect.x, right: rect.x + rect.width, top: rect.y, bottom: rect.y + rect.height };
}

/** In the page: where each character of `element` is drawn, by offset into its text. */
const CHARACTER_LEFTS = `(element) => {
  const lefts = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    for (let offset = 0; offset < node.textContent.length; offset++) {
      const range = document.createRange();
      range.setStart(node, offset);
      range.setEnd(node, offset + 1);
      lefts.push(range.getBoundingClientRect().left);
    }
  }
  return lefts;
}`;

/** The left edge of each character of the element `selector` finds whose text is `text`, by offset into it. */
export function characterLefts(page: Page, selector: string, text: string): Promise<number[]> {
  return page.evaluate<number[]>(`(() => {
    const element = [...document.querySelectorAll(${JSON.stringify(selector)})].find(
      (candidate) => candidate.textContent === ${JSON.stringify(text)},
    );
    if (element === undefined) throw new Error('nothing shows the text');
    return (${CHARACTER_LEFTS})(element);
  })()`);
}

/**
 * Where the quote marks around the field in the paragraph `selector` finds are drawn, and the field's box:
 * isolated, the opening one is left of the field and the closing one right of it, as for any other text.
 */
export function quotesAround(
  page: Page,
  selector: string,
  field: string,
): Promise<{ open: number; close: number; field: Box }> {
  return page.evaluate(`(() => {
    const paragraph = document.querySelector(${JSON.stringify(selector)});
    const text = paragraph.textContent;
    const lefts = (${CHARACTER_LEFTS})(paragraph);
    const rect = paragraph.querySelector(${JSON.stringify(field)}).getBoundingClientRect();
    return {
      open: lefts[text.indexOf('“')],
      close: lefts[text.lastIndexOf('”')],
      field: { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom },
    };
  })()`);
}
