// Renders scripts/icon/icon.svg to media/icon.png (128×128, transparent corners) with Debian's chromium,
// driven by test/e2e's playwright-core (run scripts/editor/install-code-server.sh first). The SVG lives
// here, not in media/, because media/ is what the VSIX ships.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { chromium } = createRequire(join(root, 'test', 'e2e', 'package.json'))('playwright-core');
const svg = await readFile(join(root, 'scripts', 'icon', 'icon.svg'), 'utf8');

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: join(root, 'media', 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
