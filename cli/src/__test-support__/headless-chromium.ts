import { existsSync } from 'node:fs';

/**
 * The part of playwright-core's API the browser specs use, typed here so the specs compile
 * whether or not the package is installed (it is loaded at run time, see launchChromium).
 */
export interface BrowserLocator {
  count(): Promise<number>;
  nth(index: number): BrowserLocator;
  locator(selector: string): BrowserLocator;
  click(): Promise<void>;
  textContent(): Promise<string | null>;
  isVisible(): Promise<boolean>;
  getAttribute(name: string): Promise<string | null>;
  boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null>;
}

export interface BrowserPage {
  goto(url: string): Promise<unknown>;
  locator(selector: string): BrowserLocator;
  screenshot(options: { path: string; fullPage: boolean }): Promise<unknown>;
  on(event: 'console', listener: (message: { type(): string; text(): string }) => void): void;
  on(event: 'request', listener: (request: { url(): string }) => void): void;
  on(event: 'pageerror', listener: (error: Error) => void): void;
}

export interface HeadlessBrowser {
  newPage(options?: { viewport: { width: number; height: number } }): Promise<BrowserPage>;
  close(): Promise<void>;
}

interface ChromiumLauncher {
  launch(options: { executablePath: string; headless: boolean; args: string[] }): Promise<HeadlessBrowser>;
}

/** Debian's chromium package; CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/**
 * Headless Chromium driven by playwright-core. Throws (so the spec fails rather than skips) with
 * the install command when the browser or the package is missing.
 */
export async function launchChromium(): Promise<HeadlessBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it with "sudo apt-get install -y chromium" (Debian/Ubuntu), or set CHROMIUM_PATH`);
  }
  const moduleName = 'playwright-core';
  let chromium: ChromiumLauncher;
  try {
    chromium = ((await import(moduleName)) as { chromium: ChromiumLauncher }).chromium;
  } catch {
    throw new Error('playwright-core is not installed: npm install --save-dev playwright-core');
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
