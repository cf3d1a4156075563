// Copies the pinned Chart.js build into wwwroot/vendor and records its version and SHA-256 in vendor.json.
// Run after `npm ci`; CI fails when the result differs from what is committed.
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, 'node_modules', 'chart.js', 'dist', 'chart.umd.min.js');
const served = 'vendor/chart.umd.min.js';
const target = join(here, 'wwwroot', served);

copyFileSync(source, target);
const { version } = JSON.parse(readFileSync(join(here, 'node_modules', 'chart.js', 'package.json'), 'utf8'));
const sha256 = createHash('sha256').update(readFileSync(target)).digest('hex');
const record = { package: 'chart.js', version, file: served, sha256 };
writeFileSync(join(here, 'vendor.json'), JSON.stringify(record, null, 2) + '\n');
console.log(`chart.js ${version} -> wwwroot/${served} sha256 ${sha256}`);
