import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** One headless Chromium for the whole build: it rasterises our SVG and prints our PDF. */
export class Renderer {
  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
  ) {}

  static async open(): Promise<Renderer> {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-dev-shm-usage',
        '--font-render-hinting=none',
      ],
    });
    const context = await browser.newContext({ deviceScaleFactor: 1, locale: 'fr-FR' });
    const page = await context.newPage();
    return new Renderer(browser, page);
  }

  /** Rasterises an SVG at its own size. */
  async svg(svg: string, width: number, height: number, type: 'png' | 'jpeg'): Promise<Buffer> {
    await this.page.setViewportSize({ width, height });
    await this.page.setContent(
      `<!DOCTYPE html><html><head><style>html,body{margin:0;padding:0;overflow:hidden}svg{display:block}</style></head><body>${svg}</body></html>`,
    );
    return this.page.screenshot({
      type,
      ...(type === 'jpeg' ? { quality: 86 } : {}),
      clip: { x: 0, y: 0, width, height },
    });
  }

  /** Prints an HTML page to an A4 PDF, backgrounds included. */
  async pdf(html: string): Promise<Buffer> {
    await this.page.setViewportSize({ width: 794, height: 1123 });
    await this.page.setContent(html);
    // Tagged, so screen readers know the headings, lists and reading order.
    return this.page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
    });
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
