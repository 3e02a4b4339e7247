// Run-status benchmark: real headless Chromium against a running Zygo.
//   node run-status-bench.mjs --url http://localhost:5080 --email owner@zygo.local --password '…' [--nodes 100 --runs 3]
// Runs a workflow of --nodes nodes (a trigger and parallel chains of code nodes) from the editor's Run button and
// measures, per node and state, the time from the engine's event (the node's recorded start or end, written at the
// moment the event is published) to the state being visible on the canvas (the node's data-run-status attribute,
// seen by a MutationObserver). Server and browser run on the same machine, so both read the same clock.
import { chromium } from 'playwright-core';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
    (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
const base = args.url ?? process.env.ZYGO_URL ?? 'http://localhost:5080';
const email = args.email ?? process.env.ZYGO_EMAIL ?? 'owner@zygo.local';
const password = args.password ?? process.env.ZYGO_PASSWORD;
const nodeCount = Number(args.nodes ?? 100);
const chains = Number(args.chains ?? 11);
const runs = Number(args.runs ?? 3);
if (!password) {
    console.error('Give the Owner password: --password or ZYGO_PASSWORD.');
    process.exit(2);
}

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

/** A trigger fanning out into parallel chains of code nodes: sequential and concurrent status changes both. */
function buildGraph(n, width) {
    const nodes = [{ id: 'n0', type: 'trigger', label: 'Start', position: { x: 40, y: 40 + (width * 70) / 2 }, config: { triggerMode: 'manual' } }];
    const edges = [];
    for (let i = 1; i < n; i++) {
        const chain = (i - 1) % width;
        const step = Math.floor((i - 1) / width);
        nodes.push({
            id: `n${i}`, type: 'code', label: `Step ${i}`, position: { x: 300 + step * 230, y: 40 + chain * 70 },
            config: { language: 'javascript', code: 'return { step: (input?.step ?? 0) + 1 };' },
        });
        edges.push({ id: `e${i}`, source: step === 0 ? 'n0' : `n${i - width}`, target: `n${i}` });
    }

    return { nodes, edges };
}

// Every change of a node's data-run-status, with the wall-clock time (ms since the epoch) it reached the DOM.
const statusProbe = () => {
    window.__statusSeen = [];
    new MutationObserver((records) => {
        const at = performance.timeOrigin + performance.now();
        for (const r of records) {
            const status = r.target.getAttribute('data-run-status');
            if (status) window.__statusSeen.push({ id: r.target.getAttribute('data-cell-id'), status, at });
        }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-run-status'] });
};

const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
});
try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/account/login`);
    await page.fill('input[name=Email]', email);
    await page.fill('input[name=Password]', password);
    await page.click('button[type=submit]');
    await page.waitForURL((u) => !u.toString().includes('/account/login'));

    const created = await page.request.post(`${base}/api/v1/workflows`, {
        data: { name: `Run status benchmark ${nodeCount} nodes ${Date.now()}`, ...buildGraph(nodeCount, chains) },
    });
    if (!created.ok()) throw new Error(`creating the workflow failed: ${created.status()} ${await created.text()}`);
    const { id } = await created.json();

    const started = [], ended = [], calls = [];
    await page.addInitScript(statusProbe);
    for (let run = 0; run < runs; run++) {
        await page.goto(`${base}/workflows/${id}`);
        await page.locator('[data-testid=editor]:not([data-graph-revision="0"])').waitFor({ timeout: 60_000 });
        await page.evaluate(() => { window.__statusSeen = []; });
        await page.click('[data-testid=run]');
        await page.click('[data-testid=run-input-submit]');
        await page.locator('[data-testid=execution-panel][data-live=false][data-status=completed]').waitFor({ timeout: 60_000 });
        const executionId = await page.locator('[data-testid=execution-panel]').getAttribute('data-execution-id');
        const seen = await page.evaluate(() => window.__statusSeen);
        const record = await (await page.request.get(`${base}/api/v1/workflows/${id}/executions/${executionId}`)).json();
        const first = (status) => new Map(seen.filter((s) => s.status === status).reverse().map((s) => [s.id, s.at]));
        const running = first('running');
        const completed = first('completed');
        for (const n of record.nodeExecutions) {
            const at = (iso) => Date.parse(iso.endsWith('Z') ? iso : `${iso}Z`);
            if (running.has(n.nodeId)) started.push(running.get(n.nodeId) - at(n.startedAt));
            if (completed.has(n.nodeId)) ended.push(completed.get(n.nodeId) - at(n.completedAt));
        }

        calls.push(new Set(seen.map((s) => Math.round(s.at))).size);
    }

    const line = (name, xs) => console.log(`  ${name.padEnd(44)} median ${quantile(xs, 0.5).toFixed(1)}  p95 ${quantile(xs, 0.95).toFixed(1)}  max ${Math.max(...xs).toFixed(1)}  (n=${xs.length})`);
    console.log(`Zygo run-status benchmark, ${nodeCount} nodes in ${chains} parallel chains, ${runs} runs, headless Chromium`);
    line('node started → "running" on the canvas (ms)', started);
    line('node ended → "completed" on the canvas (ms)', ended);
    console.log(`  canvas updates per run (distinct ms with changes): ${calls.join(', ')}`);
    console.log('  ("running" is missed for nodes that start and end within one batch: they go straight to "completed".)');
} finally {
    await browser.close();
}
