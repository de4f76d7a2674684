// Persian words never break inside (issue 20): a word split across two lines loses its joining
// («جس|ت‌وجو»). Every visible word of each page is measured: a word whose letters sit on more than
// one line is broken. Only a single token wider than the whole line (a long address) may wrap.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { demoPassphrase, signIn, signInAsStaff } from './support/accounts';

/** Words (of the page's visible text) whose letters are laid out on more than one line. */
async function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    // Text kept for screen readers only (a box of 1 px that clips what is in it, as the staff queue's
    // column heads on a phone) is laid out a letter a line and never seen: not a word a person reads.
    const visuallyHidden = (element: Element) => {
      for (let e: Element | null = element; e; e = e.parentElement) {
        const box = e.getBoundingClientRect();
        const style = getComputedStyle(e);
        if ((box.width <= 1 || box.height <= 1) && (style.overflow === 'hidden' || style.clipPath !== 'none' || style.clip !== 'auto')) return true;
      }
      return false;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, noscript, [hidden], textarea, pre, code') || visuallyHidden(parent)) continue;
      const text = node.textContent ?? '';
      for (const token of text.matchAll(/[^\s]+/g)) {
        // One token longer than any line (a URL, a key) has to wrap somewhere.
        if (token[0].length > 30 || token[0].includes('/')) continue;
        // A hyphen is a place a line may break (a test name «Example-k3x9»), not the inside of a word.
        for (const part of token[0].matchAll(/[^\-\u2010\u2013\u2014]+/g)) {
          const word = part[0];
          if (word.length < 2) continue;
          const start = token.index + part.index;
          const range = document.createRange();
          range.setStart(node, start);
          range.setEnd(node, start + word.length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(word);
        }
      }
    }
    return broken;
  });
}

/** The smallest text in the page's visible charts, in CSS pixels as drawn (an SVG scales its text). */
async function smallestChartText(page: Page): Promise<number> {
  return page.evaluate(() => {
    const sizes = [...document.querySelectorAll('svg text')].flatMap((text) => {
      const svg = text.closest('svg')!;
      const box = svg.getBoundingClientRect();
      if (box.width === 0 || !svg.viewBox.baseVal?.width) return [];
      return [parseFloat(getComputedStyle(text).fontSize) * (box.width / svg.viewBox.baseVal.width)];
    });
    return sizes.length ? Math.min(...sizes) : Number.NaN;
  });
}

for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
  test.describe(`Persian at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('public pages: no word is broken inside', async ({ page }) => {
      await page.goto('/fa');
      const person = await page.getByRole('main').locator('a[href*="/fa/persons/"]').first().getAttribute('href');
      for (const path of ['/fa', person!, '/fa/search?q=%D8%A2%D8%B1%D8%B4', '/fa/statistics']) {
        await page.goto(path);
        expect(await brokenWords(page), path).toEqual([]);
      }
      // Still on the statistics page: chart text a person can read on this screen.
      expect(await smallestChartText(page)).toBeGreaterThanOrEqual(11.9);
    });

    test('every submission step and the moderation queue: no word is broken inside', async ({ page, browser }) => {
      test.setTimeout(120_000);
      await signIn(page, 'demo-submitter', demoPassphrase);
      // The sign-in must have landed before the next page is asked for (else its cookie may not be set yet).
      await expect(page).not.toHaveURL(/\/sign-in/);
      await page.goto('/fa/submit');
      expect(await brokenWords(page), '/fa/submit').toEqual([]);
      // A new draft, and each of its steps (all open on a draft).
      await page.getByRole('button', { name: 'شروع روایت' }).click();
      await expect(page).toHaveURL(/\/fa\/submit\/[0-9a-f-]{36}\/about$/);
      const draft = new URL(page.url()).pathname.replace(/\/about$/, '');
      for (const step of ['about', 'account', 'files', 'consent', 'review']) {
        await page.goto(`${draft}/${step}`);
        expect(await brokenWords(page), `${draft}/${step}`).toEqual([]);
      }

      const staff = await (await browser.newContext({ viewport })).newPage();
      await signInAsStaff(staff, 'demo-moderator', '/en/staff');
      await staff.goto('/fa/staff');
      expect(await brokenWords(staff), '/fa/staff').toEqual([]);
      // The review page of the first waiting testimony (the demo data has several).
      const review = await staff.getByRole('table').locator('a[href*="/staff/testimonies/"]').first().getAttribute('href');
      expect(review).toMatch(/\/fa\/staff\/testimonies\//);
      await staff.goto(review!);
      expect(await brokenWords(staff), review!).toEqual([]);
    });
  });
}
