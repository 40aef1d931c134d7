// Regenerates the README's rule table from rule metadata (between the
// <!-- rules:start --> and <!-- rules:end --> markers) through `greenml rules
// --format markdown`. The parity test fails when the README is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const table = execFileSync(process.execPath, ['dist/cli.js', 'rules', '--format', 'markdown'], { encoding: 'utf8' });
const readme = readFileSync('README.md', 'utf8');
const updated = readme.replace(/<!-- rules:start -->\n[\s\S]*?<!-- rules:end -->/, `<!-- rules:start -->\n${table}<!-- rules:end -->`);
if (updated === readme) console.log('README rule table already up to date');
else {
  writeFileSync('README.md', updated);
  console.log('README rule table updated');
}
