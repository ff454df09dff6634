// Writes the rule catalogue (every rule's id, severity, title and explanation, from the code) into
// docs/rules.md and between the markers in README.md. `--check` fails when either is out of date.
import { readFile, writeFile } from 'node:fs/promises';
import { defaultProtocols, genericRules, truthRules } from '../lib/core/index.js';

const START = '<!-- rule-catalogue:start -->';
const END = '<!-- rule-catalogue:end -->';

const cell = (text) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const groups = [
  ['Any protocol, and expectations from the config', genericRules],
  ['Ground truth: beacons against what the video really did (audits and attachInspector)', truthRules],
  ...defaultProtocols.map((p) => [p.label, p.rules]),
];

function table() {
  const lines = [];
  for (const [title, rules] of groups) {
    lines.push(`#### ${title}`, '', '| id | severity | checks |', '|---|---|---|');
    for (const r of rules)
      lines.push(`| \`${r.id}\` | ${r.severity} | **${cell(r.title)}**: ${cell(r.explanation)} |`);
    lines.push('');
  }
  return lines.join('\n');
}

const body = table();
const docs = `# Rule catalogue\n\nGenerated from the code by \`node scripts/rule-catalogue.mjs\`; ids are stable (reports, configs and CI\nscripts depend on them). Severities can be changed or rules turned off in the config file (\`rules\`).\n\n${body}`;
const readme = await readFile('README.md', 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start === -1 || end === -1) throw new Error(`README.md lacks the ${START} / ${END} markers`);
const newReadme = `${readme.slice(0, start + START.length)}\n${body}\n${readme.slice(end)}`;

if (process.argv.includes('--check')) {
  const current = await readFile('docs/rules.md', 'utf8').catch(() => '');
  if (current !== docs || readme !== newReadme) {
    console.error(
      'The rule catalogue in README.md / docs/rules.md is out of date: run node scripts/rule-catalogue.mjs',
    );
    process.exit(1);
  }
} else {
  await writeFile('docs/rules.md', docs);
  await writeFile('README.md', newReadme);
}
