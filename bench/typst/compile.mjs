// bench/typst/compile.mjs: compiles a .typ file to PDF/A-3b with Typst's node binding, once per process or many times on one compiler, and prints the times.
//
// node compile.mjs once MAIN.typ OUT.pdf FONT_DIR
//     one compile in this process (the whole-process figure is timed by
//     the caller); prints nothing but errors.
// node compile.mjs warm MAIN.typ OUT.pdf FONT_DIR RUNS
//     one compiler, reused: a first compile (fonts loaded, caches cold),
//     then RUNS compiles with Typst's memoization cache emptied before
//     each (evictCache(0): the layout is done again, as bc_render does it
//     again on an open context), then RUNS compiles with the cache kept
//     (Typst's incremental recompile of the same text). Prints one JSON
//     object: {"first": ms, "evicted": [ms...], "evictedCpu": [ms...],
//     "cached": [ms...]}: wall times, and the process's CPU time (all its
//     threads) of the evicted runs.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

const [mode, main, out, fontDir, runsArg] = process.argv.slice(2);
if (!['once', 'warm'].includes(mode) || !main || !out || !fontDir) {
  console.error('usage: node compile.mjs once|warm MAIN.typ OUT.pdf FONT_DIR [RUNS]');
  process.exit(2);
}
const mainPath = resolve(main);

function build(compiler) {
  const result = compiler.compile({ mainFilePath: mainPath });
  const doc = result.result;
  if (!doc) {
    const diags = compiler.fetchDiagnostics(result.takeError());
    console.error(JSON.stringify(diags, null, 1));
    process.exit(1);
  }
  return compiler.pdf(doc, { pdfStandard: 'a-3b', creationTimestamp: 1700000000 });
}

const compiler = NodeCompiler.create({
  workspace: dirname(mainPath),
  fontArgs: [{ fontPaths: [resolve(fontDir)] }],
});

if (mode === 'once') {
  writeFileSync(out, build(compiler));
} else {
  const runs = Number(runsArg || 21);
  const cpu = [];
  const time = () => {
    const t = performance.now(), c = process.cpuUsage();
    const pdf = build(compiler);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    return [performance.now() - t, pdf];
  };
  const [first, pdf] = time();
  writeFileSync(out, pdf);
  const evicted = [];
  for (let i = 0; i < runs; i++) {
    compiler.evictCache(0);
    evicted.push(time()[0]);
  }
  const evictedCpu = cpu.slice(1);
  const cached = [];
  for (let i = 0; i < runs; i++) cached.push(time()[0]);
  process.stdout.write(JSON.stringify({ first, evicted, evictedCpu, cached }) + '\n');
}
