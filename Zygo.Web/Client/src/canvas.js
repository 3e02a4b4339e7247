// The workflow canvas: one ZygoCanvas per Blazor component (no module-level state besides the shape registry).
// .NET loads the graph in one call and hears back through a few coarse callbacks: the graph changed (debounced,
// with the whole graph as one JSON string, or after moves only the moved positions), a node was double-clicked, the
// selection changed, save was pressed, a context menu was asked for (right click, Shift+F10 or the menu key).
import { Dnd, EdgeView, Export, Graph, History, NodeView, Selection, Snapline } from '@antv/x6';
import { edgeCell, isCapability, labelAttrs, newId, nodeCell, toCells, toWorkflow } from './graph-json.js';
import { AGENT_TYPE, edgeLineAttrs, registerShapes } from './shapes.js';
import { layout } from './layout.js';
import { CanvasMiniMap } from './minimap.js';
import { RunOverlay } from './run-status.js';

const CHANGE_DELAY_MS = 30;
const PASTE_OFFSET = 40;
const NUDGE = 20;
const DRAG_THRESHOLD = 4;
const ARROWS = { arrowleft: [-1, 0], arrowright: [1, 0], arrowup: [0, -1], arrowdown: [0, 1] };
const MIN_OPEN_SCALE = 0.5;
const OPEN_PADDING = 48;
// A graph with more nodes than this opens at a readable zoom and draws only what is in and around the view: drawing a
// thousand nodes costs seconds on a CPU-only machine, and every frame repaints all that is drawn.
const LARGE_GRAPH = 300;
// How much is drawn around the view (graph units): a view that moves a little (wheel, minimap) shows its nodes at
// once, before x6 catches up with it (it follows view changes at most every 200 ms).
const DRAWN_MARGIN = 240;

/** Offers text as a file download (workflow export). */
export function download(fileName, content) {
    const url = URL.createObjectURL(new Blob([content], { type: 'application/json' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Opens the file picker of a hidden file input (workflow import). */
export function openFilePicker(input) {
    input.click();
}

// x6 deep-clones and merges its default view options for every cell view it creates (a third of the time a
// 1000-node graph takes to load); the options do not differ between views of one graph, so they are worked out once.
const sharedOptions = (Base) => class extends Base {
    ensureOptions(options) {
        const ctor = this.constructor;
        if (ctor.shared?.graph !== options.graph) {
            ctor.shared = super.ensureOptions(options);
        }

        return ctor.shared;
    }
};
const SharedOptionsNodeView = sharedOptions(NodeView);
const SharedOptionsEdgeView = sharedOptions(EdgeView);

const roundPosition = ({ x, y }) => ({ x: Math.round(x), y: Math.round(y) });

const isTyping = (target) => !!target?.closest?.('input, textarea, select, [contenteditable="true"], [role=dialog]');

export function create(container, minimapContainer, dotnet, typesJson, readOnly) {
    return new ZygoCanvas(container, minimapContainer, dotnet, JSON.parse(typesJson), readOnly);
}

class ZygoCanvas {
    constructor(container, minimapContainer, dotnet, types, readOnly) {
        this.container = container;
        this.readOnly = !!readOnly;
        this.dotnet = dotnet;
        this.types = new Map(types.map((t) => [t.id, t]));
        this.clipboard = null;
        this.changeTimer = 0;
        this.loading = false;
        registerShapes(types);

        this.graph = new Graph({
            container,
            autoResize: true,
            background: { color: '#f8fafc' },
            grid: { visible: true, size: 20, type: 'dot', args: { color: '#cbd5e1', thickness: 1 } },
            // A left drag on the background pans (see pan below); the right button opens the context menu.
            panning: { enabled: false },
            // Switched on per graph by load (large graphs only).
            virtual: { enabled: false, margin: DRAWN_MARGIN },
            mousewheel: { enabled: true, modifiers: null, factor: 1.1, minScale: 0.1, maxScale: 3 },
            // Viewers may pan, zoom and select, but not move, connect or delete.
            interacting: readOnly ? { nodeMovable: false, edgeMovable: false, magnetConnectable: false, edgeLabelMovable: false } : true,
            connecting: {
                snap: { radius: 24 },
                allowBlank: false,
                allowLoop: false,
                allowNode: true,
                allowMulti: 'withPort',
                highlight: true,
                connector: { name: 'smooth' },
                createEdge: () => this.graph.createEdge({ shape: 'zygo-edge', id: newId(), data: {} }),
                validateConnection: ({ sourceCell, targetCell, targetPort }) =>
                    !!sourceCell && !!targetCell && sourceCell !== targetCell &&
                    (targetCell.getData()?.type === AGENT_TYPE || targetPort === 'in'),
            },
            createCellView: (cell) => (cell.isNode() ? SharedOptionsNodeView : SharedOptionsEdgeView),
            highlighting: {
                magnetAvailable: { name: 'stroke', args: { attrs: { stroke: '#7c3aed', strokeWidth: 2 } } },
            },
        });

        this.graph.use(new Selection({
            enabled: true,
            multiple: true,
            rubberband: true,
            // Shift+drag draws the selection box; a plain drag on the background pans.
            modifiers: 'shift',
            movable: true,
            showNodeSelectionBox: true,
            pointerEvents: 'none',
            filter: (cell) => cell.isNode() || cell.isEdge(),
        }));
        this.graph.use(new Snapline({ enabled: true, sharp: true }));
        this.graph.use(new History({
            enabled: true,
            beforeAddCommand: (event, args) => !args?.options?.ignoreHistory,
        }));
        this.graph.use(new Export());
        this.minimap = minimapContainer
            ? new CanvasMiniMap(minimapContainer, this.graph, (node) => this.types.get(node.getData()?.type)?.color ?? '#94a3b8')
            : null;

        this.dnd = new Dnd({
            target: this.graph,
            scaled: false,
            getDropNode: (dragging) => {
                const node = dragging.clone({ keepId: false });
                node.setData({ ...node.getData(), id: node.id }, { overwrite: true });
                return node;
            },
        });

        this.runOverlay = new RunOverlay(this.graph);
        this.wireEvents();
    }

    wireEvents() {
        const g = this.graph;
        const { container } = this;
        const changed = () => this.scheduleChange();
        g.on('node:added', changed);
        g.on('cell:removed', changed);
        g.on('node:moved', ({ node }) => this.scheduleMove(node.id));
        g.on('edge:connected', ({ edge }) => {
            this.styleEdge(edge);
            this.scheduleChange(0);
        });
        g.on('cell:change:data', ({ cell, options }) => {
            if (!options?.ignoreHistory) {
                changed();
            }

            if (cell.isNode()) {
                cell.setAttrs(labelAttrs(cell.getData() ?? {}), { ignoreHistory: true });
            }
        });
        g.on('blank:mousedown', ({ e }) => this.pan(e));
        g.on('history:undo', changed);
        g.on('history:redo', changed);
        g.on('node:dblclick', ({ node }) => this.dotnet.invokeMethodAsync('OnNodeDoubleClickedJs', node.id));
        g.on('node:contextmenu', ({ e, node, x, y }) => this.openMenu('node', node, e.clientX, e.clientY, x, y));
        g.on('edge:contextmenu', ({ e, edge, x, y }) => this.openMenu('edge', edge, e.clientX, e.clientY, x, y));
        g.on('blank:contextmenu', ({ e, x, y }) => this.openMenu('blank', null, e.clientX, e.clientY, x, y));
        this.noNativeMenu = (e) => e.preventDefault();
        container.addEventListener('contextmenu', this.noNativeMenu);
        g.on('selection:changed', () => {
            const ids = g.getSelectedCells().filter((c) => c.isNode()).map((c) => c.id);
            this.dotnet.invokeMethodAsync('OnSelectionChangedJs', ids);
        });

        this.keydown = (e) => this.onKeyDown(e);
        this.container.tabIndex = 0;
        this.container.addEventListener('keydown', this.keydown);
        this.focus = () => this.container.focus({ preventScroll: true });
        this.container.addEventListener('mousedown', this.focus);
        // Ctrl+S saves and Ctrl+Enter runs from anywhere on the page, also while typing in the side panel; "?" lists the shortcuts
        // unless it is being typed into a field.
        this.pageKeys = (e) => {
            if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
                e.preventDefault();
                this.dotnet.invokeMethodAsync('OnSaveRequestedJs');
            } else if ((e.ctrlKey || e.metaKey) && e.key === 'Enter' && !document.querySelector('.mud-dialog-container')) {
                // With a dialog open (the run input among them) Ctrl+Enter belongs to the dialog.
                e.preventDefault();
                this.dotnet.invokeMethodAsync('OnRunRequestedJs');
            } else if (e.key === '?' && !e.ctrlKey && !e.metaKey && !isTyping(e.target)) {
                e.preventDefault();
                this.dotnet.invokeMethodAsync('OnHelpRequestedJs');
            }
        };
        document.addEventListener('keydown', this.pageKeys);
    }

    /**
     * Pans with a left drag on the background (Shift+drag selects instead). While the pointer moves, the drawn
     * SVG is moved by a CSS transform, which the browser composites without repainting, and the grid's tiles are
     * shifted; x6 gets the new translation once, at mouse-up. x6's own panning repaints every cell on every move,
     * which a graph of a thousand nodes cannot do at a smooth frame rate.
     */
    pan(e) {
        if (e.button !== 0 || e.shiftKey) {
            return;
        }

        const { svg, grid } = this.graph.view;
        const origin = this.graph.translate();
        const start = { x: e.clientX, y: e.clientY };
        let dx = 0;
        let dy = 0;
        this.container.classList.add('zygo-panning');
        const move = (m) => {
            dx = m.clientX - start.x;
            dy = m.clientY - start.y;
            svg.style.transform = `translate(${dx}px, ${dy}px)`;
            grid.style.backgroundPosition = `${dx}px ${dy}px`;
        };
        // Captured at the window: x6 stops the bubbling of the pointer events of a drag it also follows.
        const end = () => {
            window.removeEventListener('mousemove', move, true);
            this.container.classList.remove('zygo-panning');
            svg.style.transform = '';
            grid.style.backgroundPosition = '';
            if (dx !== 0 || dy !== 0) {
                this.graph.translate(origin.tx + dx, origin.ty + dy);
            }
        };
        window.addEventListener('mousemove', move, true);
        window.addEventListener('mouseup', end, { once: true, capture: true });
    }

    onKeyDown(e) {
        const ctrl = e.ctrlKey || e.metaKey;
        const key = e.key.toLowerCase();
        const handled = (fn) => {
            e.preventDefault();
            fn();
        };
        if (key === 'contextmenu' || (e.shiftKey && key === 'f10')) {
            handled(() => this.openMenuFromKeyboard());
            return;
        }

        if (key === 'escape') {
            handled(() => this.graph.cleanSelection());
            return;
        }

        if (this.readOnly) {
            return;
        }

        if (ARROWS[key] && !ctrl) {
            const [dx, dy] = ARROWS[key];
            const step = e.shiftKey ? 1 : NUDGE;
            handled(() => this.nudge(dx * step, dy * step));
        } else if (key === 'delete' || key === 'backspace') {
            handled(() => this.deleteSelection());
        } else if (ctrl && key === 'z' && !e.shiftKey) {
            handled(() => this.undo());
        } else if (ctrl && (key === 'y' || (key === 'z' && e.shiftKey))) {
            handled(() => this.redo());
        } else if (ctrl && key === 'c') {
            handled(() => this.copy());
        } else if (ctrl && key === 'v') {
            handled(() => this.paste());
        } else if (ctrl && key === 'a') {
            handled(() => this.selectAll());
        }
    }

    /** Asks .NET for the context menu of a cell (or the background) at a client point; x, y is the graph point. */
    openMenu(kind, cell, clientX, clientY, x, y) {
        if (cell && !this.graph.isSelected(cell)) {
            this.graph.cleanSelection();
            this.graph.select(cell);
        }

        const box = this.container.getBoundingClientRect();
        this.dotnet.invokeMethodAsync('OnContextMenuJs', JSON.stringify({
            kind,
            id: cell?.id ?? null,
            left: Math.round(clientX - box.left),
            top: Math.round(clientY - box.top),
            x: Math.round(x),
            y: Math.round(y),
            width: Math.round(box.width),
            height: Math.round(box.height),
            canPaste: !!this.clipboard?.nodes.length,
        }));
    }

    /** Shift+F10 or the menu key: the menu of the selected node, else of the background, at its centre. */
    openMenuFromKeyboard() {
        const node = this.graph.getSelectedCells().find((c) => c.isNode());
        const box = this.container.getBoundingClientRect();
        const point = node ? node.getBBox().center : this.graph.clientToLocal(box.left + box.width / 2, box.top + box.height / 2);
        const client = this.graph.localToClient(point);
        this.openMenu(node ? 'node' : 'blank', node ?? null, client.x, client.y, point.x, point.y);
    }

    /** Moves the selected nodes by (dx, dy) as one undoable step; it travels to .NET like a drag. */
    nudge(dx, dy) {
        const nodes = this.graph.getSelectedCells().filter((c) => c.isNode());
        if (!nodes.length) {
            return;
        }

        this.graph.startBatch('nudge');
        for (const node of nodes) {
            node.translate(dx, dy);
        }

        this.graph.stopBatch('nudge');
        for (const node of nodes) {
            this.scheduleMove(node.id);
        }
    }

    /** A structural change (or anything but a move) makes the next notice carry the whole graph. */
    scheduleChange(delay = CHANGE_DELAY_MS) {
        this.movedOnly = null;
        this.sawOtherChange = true;
        this.queueNotice(delay);
    }

    /**
     * A move is told at the end of the event that made it (a microtask: after the mouse-up or key handler, before the
     * browser paints), so the commit does not wait behind the repaint of a large graph; the nodes of one drag or nudge
     * still travel together.
     */
    scheduleMove(nodeId) {
        if (this.loading) {
            return;
        }

        if (this.sawOtherChange) {
            this.queueNotice(0);
            return;
        }

        this.movedOnly ??= new Set();
        this.movedOnly.add(nodeId);
        if (!this.moveQueued) {
            this.moveQueued = true;
            queueMicrotask(() => {
                this.moveQueued = false;
                if (this.movedOnly && !this.sawOtherChange) {
                    clearTimeout(this.changeTimer);
                    this.notifyChange();
                }
            });
        }
    }

    queueNotice(delay) {
        if (this.loading) {
            return;
        }

        clearTimeout(this.changeTimer);
        this.changeTimer = setTimeout(() => {
            this.sawOtherChange = false;
            this.notifyChange();
        }, delay);
    }

    /**
     * Tells .NET what changed. After moves only, just the moved nodes' positions travel (a drag commits in a small
     * message even on a 1000-node graph); any other change sends the whole graph.
     */
    notifyChange() {
        const history = this.graph.getPlugin('history');
        const moved = this.movedOnly;
        this.movedOnly = null;
        const payload = moved
            ? JSON.stringify(Object.fromEntries([...moved].map((id) => this.graph.getCellById(id)).filter(Boolean)
                .map((node) => [node.id, roundPosition(node.getPosition())])))
            : this.getGraph();
        this.dotnet.invokeMethodAsync('OnGraphChangedJs', payload, !!moved, history.canUndo(), history.canRedo());
    }

    styleEdge(edge) {
        const source = edge.getSourceCell()?.getData()?.type;
        const target = edge.getTargetCell()?.getData()?.type;
        edge.setAttrs({ line: edgeLineAttrs(isCapability(source, target)) }, { ignoreHistory: true });
    }

    // ---- called from .NET -------------------------------------------------------------------------------------

    /** Replaces the canvas with a workflow graph (one JSON string); returns whether it needed a layout. */
    load(graphJson) {
        performance.mark('zygo-load-start');
        const workflow = JSON.parse(graphJson);
        const cells = toCells(workflow, new Set(this.types.keys()));
        performance.mark('zygo-load-cells');
        this.loading = true;
        this.runOverlay.reset();
        try {
            this.graph.fromJSON({ nodes: cells.nodes, edges: cells.edges });
            performance.mark('zygo-load-model');
            if (!cells.hasPositions) {
                layout(this.graph);
            }

            this.graph.cleanHistory();
        } finally {
            this.loading = false;
        }

        // x6 draws the cells in animation frames after this call: the view and what to draw are settled first.
        if (cells.nodes.length > LARGE_GRAPH) {
            this.graph.enableVirtualRender();
            this.openView();
            this.drawAroundView();
        } else {
            this.graph.disableVirtualRender();
            this.zoomToFit();
        }

        performance.mark('zygo-load-end');
        return !cells.hasPositions;
    }

    getGraph() {
        performance.mark('zygo-getgraph-start');
        const json = JSON.stringify(toWorkflow(this.graph));
        performance.mark('zygo-getgraph-end');
        return json;
    }

    /** Adds a node of a type near the agent (or the centre of the view) when no position is given. */
    addNode(type, x, y) {
        const pos = x == null ? this.freeSpotNearHub() : { x, y };
        const node = this.graph.addNode(nodeCell(this.newNodeData(type), pos, new Set(this.types.keys())));
        this.graph.cleanSelection();
        this.graph.select(node);
        return node.id;
    }

    newNodeData(type) {
        const t = this.types.get(type);
        return { id: newId(), type, label: t?.label ?? type, description: '', config: structuredClone(t?.defaults ?? {}), extra: {} };
    }

    freeSpotNearHub() {
        const agent = this.graph.getNodes().find((n) => n.getData()?.type === AGENT_TYPE);
        const centre = agent ? agent.getBBox().center : this.graph.getGraphArea().center;
        const taken = (p) => this.graph.getNodesInArea(p.x - 10, p.y - 10, 200, 60).length > 0;
        for (let ring = 1; ring < 12; ring++) {
            for (let k = 0; k < 8; k++) {
                const a = (k / 8) * 2 * Math.PI - Math.PI / 2;
                const p = { x: Math.round(centre.x + ring * 130 * Math.cos(a) - 92), y: Math.round(centre.y + ring * 90 * Math.sin(a) - 22) };
                if (!taken(p)) {
                    return p;
                }
            }
        }

        return { x: centre.x, y: centre.y };
    }

    /**
     * Palette items (elements with data-node-type inside the element) start an x6 drag once the pressed pointer has
     * moved a few pixels; a press without moving stays a click (add near the agent), also where the palette lies
     * over the canvas on narrow windows.
     */
    bindPalette(element) {
        this.paletteElement = element;
        this.paletteDown = (down) => {
            const item = down.target.closest?.('[data-node-type]');
            if (!item || down.button !== 0) {
                return;
            }

            const stop = () => {
                window.removeEventListener('mousemove', move);
                window.removeEventListener('mouseup', stop);
            };
            const move = (e) => {
                if (Math.hypot(e.clientX - down.clientX, e.clientY - down.clientY) < DRAG_THRESHOLD) {
                    return;
                }

                stop();
                const type = item.getAttribute('data-node-type');
                const node = this.graph.createNode(nodeCell(this.newNodeData(type), { x: 0, y: 0 }, new Set(this.types.keys())));
                this.dnd.start(node, e);
            };
            window.addEventListener('mousemove', move);
            window.addEventListener('mouseup', stop);
        };
        element.addEventListener('mousedown', this.paletteDown);
    }

    /** Label, description and config edited in the side panel (undoable like any other change). */
    updateNode(id, json) {
        const node = this.graph.getCellById(id);
        if (!node?.isNode()) {
            return;
        }

        const change = JSON.parse(json);
        node.setData({ ...node.getData(), ...change }, { overwrite: true });
    }

    getNode(id) {
        const node = this.graph.getCellById(id);
        if (!node?.isNode()) {
            return null;
        }

        const d = node.getData();
        return JSON.stringify({ id, type: d.type, label: d.label, description: d.description, config: d.config });
    }

    selectNode(id) {
        const node = this.graph.getCellById(id);
        if (node) {
            this.graph.cleanSelection();
            this.graph.select(node);
            this.graph.centerCell(node);
        }
    }

    deleteSelection() {
        const cells = this.graph.getSelectedCells();
        if (cells.length) {
            this.graph.startBatch('delete');
            this.graph.removeCells(cells);
            this.graph.stopBatch('delete');
        }
    }

    selectAll() {
        this.graph.select(this.graph.getNodes());
    }

    /** The selected nodes and the edges between them, in the workflow contract. */
    snapshotSelection() {
        const ids = new Set(this.graph.getSelectedCells().filter((c) => c.isNode()).map((n) => n.id));
        const workflow = toWorkflow(this.graph);
        return {
            nodes: workflow.nodes.filter((n) => ids.has(n.id)),
            edges: workflow.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
        };
    }

    /** Copies the selected nodes and the edges between them. */
    copy() {
        this.clipboard = this.snapshotSelection();
        this.pasteCount = 0;
        return this.clipboard.nodes.length;
    }

    /** Pastes the copied nodes with new ids, offset a little further each time; the copies end up selected. */
    paste() {
        if (!this.clipboard?.nodes.length) {
            return [];
        }

        this.pasteCount += 1;
        const offset = PASTE_OFFSET * this.pasteCount;
        return this.insertCopies(this.clipboard, offset, offset);
    }

    /** Pastes the copied nodes with their top left corner at a graph point (the context menu's "paste here"). */
    pasteAt(x, y) {
        const nodes = this.clipboard?.nodes ?? [];
        if (!nodes.length) {
            return [];
        }

        const left = Math.min(...nodes.map((n) => n.position.x));
        const top = Math.min(...nodes.map((n) => n.position.y));
        return this.insertCopies(this.clipboard, Math.round(x - left), Math.round(y - top));
    }

    /** Copies of the selected nodes (and the edges between them) beside them; the clipboard stays as it was. */
    duplicate() {
        const snapshot = this.snapshotSelection();
        return snapshot.nodes.length ? this.insertCopies(snapshot, PASTE_OFFSET, PASTE_OFFSET) : [];
    }

    /** Adds copies of the snapshot's nodes and edges with new ids, moved by (dx, dy), as one undoable step. */
    insertCopies(snapshot, dx, dy) {
        const ids = new Map(snapshot.nodes.map((n) => [n.id, newId()]));
        const workflow = {
            nodes: snapshot.nodes.map((n) => ({
                ...structuredClone(n), id: ids.get(n.id), position: { x: n.position.x + dx, y: n.position.y + dy },
            })),
            edges: snapshot.edges.map((e) => ({ ...e, id: newId(), source: ids.get(e.source), target: ids.get(e.target) })),
        };
        const cells = toCells(workflow, new Set(this.types.keys()));
        const typeOf = new Map(workflow.nodes.map((n) => [n.id, n.type]));
        this.graph.startBatch('paste');
        // addNodes returns the graph, not the nodes: create them first to select them afterwards.
        const added = cells.nodes.map((n) => this.graph.createNode(n));
        this.graph.addNodes(added);
        this.graph.addEdges(cells.edges.map((e) => edgeCell(e.data, typeOf)));
        this.graph.stopBatch('paste');
        this.graph.cleanSelection();
        this.graph.select(added);
        return added.map((n) => n.id);
    }

    undo() {
        this.graph.undo();
    }

    redo() {
        this.graph.redo();
    }

    zoomBy(factor) {
        this.graph.zoom(factor - 1, { center: this.graph.getGraphArea().center });
    }

    /**
     * The first view of a large graph: all of it when that stays readable, else its start (top left) at the smallest
     * readable zoom; the zoom-to-fit button still shows everything.
     */
    openView() {
        this.zoomToFit();
        if (this.graph.zoom() < MIN_OPEN_SCALE) {
            const box = this.graph.getCellsBBox(this.graph.getNodes());
            this.graph.zoomTo(MIN_OPEN_SCALE);
            this.graph.translate(OPEN_PADDING - box.x * MIN_OPEN_SCALE, OPEN_PADDING - box.y * MIN_OPEN_SCALE);
        }
    }

    /**
     * Large graphs: draws what is in and around the view now. x6 follows later view changes itself, but at most every
     * 200 ms, which would let the first frames draw the whole graph.
     */
    drawAroundView() {
        this.graph.renderer.setRenderArea(this.graph.getGraphArea().clone().inflate(DRAWN_MARGIN, DRAWN_MARGIN));
    }

    /** Runs fn with every cell drawn (an export copies the drawing), then goes back to drawing only the view. */
    withEveryCellDrawn(fn) {
        if (!this.graph.virtualRender.isVirtualEnabled()) {
            fn();
            return;
        }

        this.graph.renderer.setRenderArea(undefined);
        // x6 has no public call to draw now what it would draw over the next frames.
        this.graph.renderer.schedule.queue.flushJobsSync();
        try {
            fn();
        } finally {
            this.drawAroundView();
        }
    }

    zoomToFit() {
        if (this.graph.getCellCount() === 0) {
            this.graph.zoomTo(1);
            return;
        }

        // The nodes' boxes: edges run between them, and x6's own content area measures every edge too (a tenth of a
        // second on a 1000-node graph).
        this.graph.zoomToRect(this.graph.getCellsBBox(this.graph.getNodes()), { padding: 48, maxScale: 1, minScale: 0.1 });
    }

    /**
     * After the canvas changed size (a panel opened): a small graph is fitted again; a large one keeps its readable
     * view (fitting it would make it unreadable and draw every node).
     */
    fitAfterResize() {
        if (this.graph.virtualRender.isVirtualEnabled()) {
            this.drawAroundView();
        } else {
            this.zoomToFit();
        }
    }

    autoLayout() {
        layout(this.graph);
        this.zoomToFit();
        this.scheduleChange(0);
    }

    exportPng(fileName) {
        this.withEveryCellDrawn(() => this.graph.exportPNG(fileName, { backgroundColor: '#ffffff', padding: 24, copyStyles: false }));
    }

    exportSvg(fileName) {
        this.withEveryCellDrawn(() => this.graph.exportSVG(fileName, { preserveDimensions: true, copyStyles: false }));
    }

    /** Validation problems per node id: a red badge (the side panel and the problems menu list the messages). */
    setProblems(json) {
        const problems = JSON.parse(json);
        for (const node of this.graph.getNodes()) {
            const messages = problems[node.id] ?? [];
            const visibility = messages.length ? 'visible' : 'hidden';
            if (node.attr('problem/visibility') !== visibility) {
                node.setAttrs({ problem: { visibility }, problemMark: { visibility } }, { ignoreHistory: true });
            }
        }
    }

    /** Run status per node id: { id: { s: state, d: durationMs, n: runs, e: error } }; see run-status.js. */
    setStatuses(json) {
        this.runOverlay.apply(JSON.parse(json));
    }

    dispose() {
        clearTimeout(this.changeTimer);
        document.removeEventListener('keydown', this.pageKeys);
        this.container.removeEventListener('keydown', this.keydown);
        this.container.removeEventListener('mousedown', this.focus);
        this.container.removeEventListener('contextmenu', this.noNativeMenu);
        this.paletteElement?.removeEventListener('mousedown', this.paletteDown);
        this.minimap?.dispose();
        this.dnd.dispose();
        this.graph.dispose();
    }
}
