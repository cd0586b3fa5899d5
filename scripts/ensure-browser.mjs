#!/usr/bin/env node
// The end-to-end tests drive Debian's Chromium with a CJK font (without one, Chinese labels
// render as empty boxes and nothing errors). Installs both with apt where it can (Debian,
// root); elsewhere stops with a message that says what to install.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function hasCjkFont() {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

export function ensureBrowser() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (!hasCjkFont()) missing.push('fonts-wqy-zenhei');
  if (missing.length === 0) return;

  const debian = existsSync('/etc/debian_version') || /debian/i.test(existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '');
  const root = process.getuid?.() === 0;
  if (!debian || !root) {
    console.error(
      `End-to-end tests need Chromium at ${CHROMIUM} (or set CHROMIUM_PATH) and a CJK font.\n` +
        `Missing: ${missing.join(', ')}. On Debian/Ubuntu: sudo apt-get install -y chromium fonts-wqy-zenhei`,
    );
    process.exit(1);
  }
  console.log(`Installing ${missing.join(' ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync('apt-get update -qq', { stdio: 'inherit', env });
  execSync(`apt-get install -y -qq --no-install-recommends chromium fonts-wqy-zenhei`, { stdio: 'inherit', env });
}

if (import.meta.url === `file://${process.argv[1]}`) ensureBrowser();
