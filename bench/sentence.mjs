// `npm run bench:sentence`: the sentence-to-report matcher (lib/tickets/sentence.ts)
// on its corpus (lib/tickets/sentence.corpus.ts: sentences as the floor says them,
// over the demo plant's machines, each with what a supervisor would fill in, by
// hand). Prints the right machine n/N (a sentence that fits two machines is right
// when the form asks between exactly those), the right priority n/N, each miss,
// and the time per sentence. Prints, does not assert: sentence.test.ts does.
import { performance } from "node:perf_hooks";
import { corpus, corpusMachines } from "../lib/tickets/sentence.corpus.ts";
import { reportFromSentence } from "../lib/tickets/sentence.ts";

const asText = (machine) => (machine === null ? "none" : typeof machine === "number" ? `#${machine}` : `ask ${[...machine.candidates ?? machine].sort((a, b) => a - b).map((id) => `#${id}`).join("/")}`);
const expected = (machine) => (Array.isArray(machine) ? { candidates: machine } : machine);

let machines = 0;
let priorities = 0;
const misses = [];
const started = performance.now();
for (const sentence of corpus) {
  const report = reportFromSentence(sentence.said, sentence.locale, corpusMachines);
  const machineRight = asText(report.machine) === asText(expected(sentence.machine));
  const priorityRight = report.priority === sentence.priority;
  machines += machineRight ? 1 : 0;
  priorities += priorityRight ? 1 : 0;
  if (!machineRight || !priorityRight) {
    misses.push(
      `  [${sentence.locale}] ${JSON.stringify(sentence.said)}` +
        (machineRight ? "" : `  machine: ${asText(report.machine)}, expected ${asText(expected(sentence.machine))}`) +
        (priorityRight ? "" : `  priority: ${report.priority}, expected ${sentence.priority}`),
    );
  }
}
const elapsed = performance.now() - started;
const share = (n) => `${n}/${corpus.length} (${Math.round((100 * n) / corpus.length)} %)`;
console.log(`Sentence to report, on ${corpus.length} sentences (${corpus.filter((s) => s.locale === "fr").length} fr, ${corpus.filter((s) => s.locale === "en").length} en) over ${corpusMachines.length} machines`);
console.log(`  right machine:  ${share(machines)}`);
console.log(`  right priority: ${share(priorities)}`);
console.log(`  both right:     ${share(corpus.length - misses.length)}`);
console.log(`  ${(elapsed / corpus.length).toFixed(2)} ms per sentence (Node, first run included)`);
if (misses.length) console.log(`Misses:\n${misses.join("\n")}`);
