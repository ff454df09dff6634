import { describe, expect, it } from 'vitest';
import { launchChromium } from '../src/cli/browser/launch.js';

describe('launchChromium', () => {
  it('starts headless Chromium that renders a page', async () => {
    const { browser, close } = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent('<p id="x">hello</p>');
      expect(await page.$eval('#x', (el) => el.textContent)).toBe('hello');
    } finally {
      await close();
    }
  });
});
