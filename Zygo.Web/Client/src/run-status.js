// Run status on the canvas: each node's state (a zygo-run-{state} class on the node, which colours its badge and
// body; a data-run-status attribute; a caption under the node with its duration or error; the error as tooltip) and
// the edges a run has taken, drawn as moving dashes.
// One RunOverlay per canvas; .NET sends only the nodes whose status changed, batched, in one call.

const STATES = ['queued', 'running', 'completed', 'failed', 'skipped', 'cancelled'];
const STARTED = new Set(['running', 'completed', 'failed', 'cancelled']);
const SVG = 'http://www.w3.org/2000/svg';
const CAPTION_MAX = 30;

const formatMs = (ms) => (ms < 1000 ? `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`);

function caption(st) {
    const times = st.n > 1 ? ` · ${st.n}×` : '';
    if (st.s === 'failed') {
        // The end of a message is its most specific part ("…: Error: no luck"); the tooltip and panel have all of it.
        const message = (st.e ?? 'failed').split(': ').filter(Boolean).pop() ?? 'failed';
        return message.length > CAPTION_MAX ? `${message.slice(0, CAPTION_MAX - 1)}…` : message;
    }

    if (st.s === 'completed' && st.d != null) {
        return formatMs(st.d) + times;
    }

    return st.s === 'cancelled' || st.s === 'skipped' ? st.s : '';
}

function tooltip(st) {
    const duration = st.d != null ? ` in ${formatMs(st.d)}` : '';
    return st.s === 'failed' ? `Failed${duration}: ${st.e ?? ''}` : `${st.s[0].toUpperCase()}${st.s.slice(1)}${duration}`;
}

export class RunOverlay {
    constructor(graph) {
        this.graph = graph;
        this.states = new Map();
        // A large graph draws only the cells in view: a cell scrolled into view is drawn afresh, without its status.
        // x6 draws its markup right after this event, so the status goes on once that is done.
        graph.on('view:mounted', ({ view }) => {
            const cell = view.cell;
            if (this.states.size > 0) {
                queueMicrotask(() => this.repaint(cell));
            }
        });
    }

    repaint(cell) {
        if (cell.isNode() && this.states.has(cell.id)) {
            this.paintNode(cell, this.states.get(cell.id));
        } else if (cell.isEdge()) {
            this.paintEdge(cell);
        }
    }

    /** statuses: { nodeId: { s: state, d: durationMs, n: runs, e: error } }; an empty or unknown state clears the node. */
    apply(statuses) {
        const touched = new Set();
        for (const [id, st] of Object.entries(statuses)) {
            const node = this.graph.getCellById(id);
            if (!node?.isNode()) {
                continue;
            }

            if (STATES.includes(st?.s)) {
                this.states.set(id, st);
            } else {
                this.states.delete(id);
            }

            this.paintNode(node, this.states.get(id));
            touched.add(node);
        }

        const edges = new Set();
        for (const node of touched) {
            for (const edge of this.graph.getConnectedEdges(node)) {
                edges.add(edge);
            }
        }

        for (const edge of edges) {
            this.paintEdge(edge);
        }
    }

    /** Forgets every status (a new graph was loaded). */
    reset() {
        const ids = Object.fromEntries([...this.states.keys()].map((id) => [id, { s: '' }]));
        this.apply(ids);
    }

    // Only the node's drawn elements change, never its model: a model change (setAttrs) is redrawn by x6's job queue
    // in later animation frames, 16 ms of each, and a hundred of them kept the browser from the next statuses.
    paintNode(node, st) {
        const view = this.graph.findViewByCell(node);
        const root = view?.container;
        if (!root) {
            return;
        }

        for (const s of STATES) {
            root.classList.toggle(`zygo-run-${s}`, st?.s === s);
        }

        let info = root.querySelector(':scope > .zygo-run-info');
        if (!st) {
            root.removeAttribute('data-run-status');
            info?.remove();
            return;
        }

        root.setAttribute('data-run-status', st.s);
        if (!info) {
            info = document.createElementNS(SVG, 'g');
            info.setAttribute('class', 'zygo-run-info');
            info.setAttribute('pointer-events', 'none');
            const text = document.createElementNS(SVG, 'text');
            const { width, height } = node.getSize();
            // The agent hub has its label under the circle; the caption goes below that.
            const round = width === height;
            text.setAttribute('x', round ? String(width / 2) : '12');
            text.setAttribute('y', String(height + (round ? 42 : 16)));
            text.setAttribute('text-anchor', round ? 'middle' : 'start');
            info.appendChild(text);
            root.appendChild(info);
        }

        const text = info.firstChild;
        text.textContent = caption(st);
        text.setAttribute('class', `zygo-run-caption zygo-run-caption-${st.s}`);
        // The tooltip of the whole node (hovering anywhere on it), kept as the node group's first child.
        let title = root.querySelector(':scope > title');
        if (!title) {
            title = document.createElementNS(SVG, 'title');
            root.insertBefore(title, root.firstChild);
        }

        title.textContent = tooltip(st);
        root.setAttribute('data-run-error', st.e ?? '');
    }

    /** An edge is taken when its source completed and its target started. */
    paintEdge(edge) {
        const root = this.graph.findViewByCell(edge)?.container;
        if (!root) {
            return;
        }

        const source = this.states.get(edge.getSourceCellId());
        const target = this.states.get(edge.getTargetCellId());
        const taken = source?.s === 'completed' && STARTED.has(target?.s);
        root.classList.toggle('zygo-edge-taken', taken);
        root.classList.toggle('zygo-edge-active', taken && target.s === 'running');
    }
}
