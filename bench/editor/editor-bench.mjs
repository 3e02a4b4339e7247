// Editor benchmark: real headless Chromium (Debian's /usr/bin/chromium) against a running Zygo.
//   node editor-bench.mjs --url http://localhost:5080 --email owner@zygo.local --password '…' [--nodes 1000 --edges 1200 --runs 3]
// Measures (1) page navigation to a painted canvas for a large workflow, (2) frames per second while panning it,
// (3) drag commit latency: mouse-up until .NET has the changed graph and has re-rendered (the page's graph revision).
import { chromium } from 'playwright-core';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
    (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
const base = args.url ?? process.env.ZYGO_URL ?? 'http://localhost:5080';
const email = args.email ?? process.env.ZYGO_EMAIL ?? 'owner@zygo.local';
const password = args.password ?? process.env.ZYGO_PASSWORD;
const nodeCount = Number(args.nodes ?? 1000);
const edgeCount = Number(args.edges ?? 1200);
const runs = Number(args.runs ?? 3);
if (!password) {
    console.error('Give the Owner password: --password or ZYGO_PASSWORD.');
    process.exit(2);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) => `median ${median(xs).toFixed(0)} (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`;

// Records when the first node of the canvas appears, measured from navigation start (performance.now()).
const paintProbe = () => {
    window.__zygoPaint = null;
    new MutationObserver((_, observer) => {
        if (document.querySelector('[data-testid=canvas] g.x6-node')) {
            requestAnimationFrame(() => { window.__zygoPaint = performance.now(); });
            observer.disconnect();
        }
    }).observe(document, { childList: true, subtree: true });
};

function buildGraph(n, m) {
    const nodes = Array.from({ length: n }, (_, i) => ({
        id: `n${i}`,
        type: i === 0 ? 'trigger' : 'code',
        label: i === 0 ? 'Start' : `Step ${i}`,
        description: `Step ${i} of the benchmark workflow.`,
        position: { x: 40 + (i % 25) * 240, y: 40 + Math.floor(i / 25) * 120 },
        config: i === 0 ? { triggerMode: 'manual' } : { language: 'javascript', code: 'return input;' },
    }));
    const edges = [];
    for (let i = 0; i + 1 < n && edges.length < m; i++) edges.push({ id: `e${edges.length}`, source: `n${i}`, target: `n${i + 1}` });
    for (let i = 0; i + 2 < n && edges.length < m; i += 4) edges.push({ id: `e${edges.length}`, source: `n${i}`, target: `n${i + 2}` });
    return { nodes, edges };
}

/** A point on the canvas background (no node or edge under it), for panning. */
async function blankPoint(page) {
    return page.evaluate(() => {
        const box = document.querySelector('[data-testid=canvas]').getBoundingClientRect();
        for (let y = box.top + 20; y < box.bottom - 150; y += 7) {
            for (let x = box.left + 20; x < box.right - 220; x += 7) {
                const el = document.elementFromPoint(x, y);
                if (el && el.closest('[data-testid=canvas]') && !el.closest('.x6-cell')) {
                    return { x, y };
                }
            }
        }
        return null;
    });
}

async function panFps(page) {
    const start = await blankPoint(page);
    if (!start) return NaN;
    await page.evaluate(() => {
        window.__frames = 0;
        window.__counting = true;
        const tick = () => { if (window.__counting) { window.__frames++; requestAnimationFrame(tick); } };
        requestAnimationFrame(tick);
        window.__t0 = performance.now();
    });
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 120; i++) {
        await page.mouse.move(start.x + 150 * Math.sin(i / 10), start.y + 100 * Math.cos(i / 10));
    }
    await page.mouse.up();
    return page.evaluate(() => {
        window.__counting = false;
        return (window.__frames * 1000) / (performance.now() - window.__t0);
    });
}

async function dragCommit(page) {
    const node = page.locator('[data-testid=canvas] g.x6-node').nth(3);
    const box = await node.boundingBox();
    await page.evaluate(() => {
        const editor = document.querySelector('[data-testid=editor]');
        window.__up = null;
        window.__committed = null;
        window.addEventListener('mouseup', () => { window.__up = performance.now(); }, { capture: true, once: true });
        const before = editor.getAttribute('data-graph-revision');
        new MutationObserver((_, observer) => {
            if (editor.getAttribute('data-graph-revision') !== before) {
                window.__committed = performance.now();
                observer.disconnect();
            }
        }).observe(editor, { attributes: true, attributeFilter: ['data-graph-revision'] });
    });
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 30, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(() => window.__committed !== null, null, { timeout: 10_000 });
    return page.evaluate(() => window.__committed - window.__up);
}

const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
});
try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const login = await context.newPage();
    await login.goto(`${base}/account/login`);
    await login.fill('input[name=Email]', email);
    await login.fill('input[name=Password]', password);
    await login.click('button[type=submit]');
    await login.waitForURL((u) => !u.toString().includes('/account/login'));

    const graph = buildGraph(nodeCount, edgeCount);
    const created = await login.request.post(`${base}/api/v1/workflows`, {
        data: { name: `Editor benchmark ${nodeCount} nodes ${Date.now()}`, ...graph },
    });
    if (!created.ok()) throw new Error(`creating the workflow failed: ${created.status()} ${await created.text()}`);
    const { id } = await created.json();
    await login.close();

    const open = [], inDotNet = [], fps = [], commit = [], loadArrived = [], loadCall = [];
    for (let run = 0; run < runs; run++) {
        const page = await context.newPage();
        await page.addInitScript(paintProbe);
        await page.goto(`${base}/workflows/${id}`);
        await page.waitForFunction(() => window.__zygoPaint !== null, null, { timeout: 60_000 });
        open.push(await page.evaluate(() => window.__zygoPaint));
        // Where the open time goes, from the canvas's performance marks (absent in builds without them).
        const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
        if (marks['zygo-load-end'] !== undefined) {
            loadArrived.push(marks['zygo-load-start']);
            loadCall.push(marks['zygo-load-end'] - marks['zygo-load-start']);
        }

        await page.locator('[data-testid=editor]:not([data-graph-revision="0"])').waitFor({ timeout: 60_000 });
        inDotNet.push(await page.evaluate(() => performance.now()));
        await page.waitForTimeout(500);
        fps.push(await panFps(page));
        commit.push(await dragCommit(page));
        await page.close();
    }

    console.log(`Zygo editor benchmark, ${nodeCount} nodes / ${edgeCount} edges, ${runs} runs, headless Chromium at 1440x900`);
    console.log(`  navigation → canvas painted (ms):              ${fmt(open)}`);
    if (loadCall.length) {
        console.log(`    of which: graph reaches the canvas (ms):     ${fmt(loadArrived)}`);
        console.log(`    of which: canvas load() call (ms):           ${fmt(loadCall)}`);
    }
    console.log(`  navigation → graph handed to .NET (ms):        ${fmt(inDotNet)}`);
    console.log(`  panning (frames per second):                   ${fmt(fps)}`);
    console.log(`  node drag: mouse-up → committed in .NET (ms):  ${fmt(commit)}`);
} finally {
    await browser.close();
}
