import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headersFileText } from '../../worker/security';

describe('public/_headers', () => {
  it('is the policy in worker/security.ts, so static files and API answers carry the same headers', () => {
    // Regenerate with: npx tsx -e "import('./worker/security.ts').then(m=>process.stdout.write(m.headersFileText()))" > public/_headers
    expect(readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8')).toBe(headersFileText());
  });
});
