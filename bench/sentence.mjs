// `npm run bench:sentence`: the sentence-to-report matcher (lib/tickets/sentence.ts)
// on its corpus (lib/tickets/sentence.corpus.ts: sentences as the floor says them,
// over the demo plant's machines, each with what a supervisor would fill in, by
// hand). Prints the right machine n/N (a sentence that fits two machines is right
// when the form asks between exactly those), the right priority n/N, each miss,
// the time per sentence, and the time at 500 machines. Prints, does not assert:
// sentence.test.ts does.
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

// A bigger plant, as the old system's imports bring: the matcher reads every machine a sentence could mean.
const kinds = corpusMachines.map((m) => m.machineType);
const plant = Array.from({ length: 500 }, (_, i) => ({
  id: 1000 + i,
  machineType: kinds[i % kinds.length],
  model: `Modèle ${String.fromCharCode(65 + (i % 26))}${i}`,
  serialNumber: `SN-${1000 + i}-X`,
  location: `Atelier ${String.fromCharCode(65 + (i % 5))} – poste ${i % 40}`,
}));
const timed = (sentence) => {
  const start = performance.now();
  reportFromSentence(sentence.said, sentence.locale, plant);
  return performance.now() - start;
};
const first = timed(corpus[0]);
const after = corpus.map(timed).sort((a, b) => a - b);
console.log(`  at 500 machines: ${first.toFixed(1)} ms for the first sentence (the machines read), then p50 ${after[after.length >> 1].toFixed(2)} ms, p95 ${after[Math.floor(after.length * 0.95)].toFixed(2)} ms per sentence`);
if (misses.length) console.log(`Misses:\n${misses.join("\n")}`);
