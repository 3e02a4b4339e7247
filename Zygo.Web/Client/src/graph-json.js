// Between the workflow contract ({nodes:[{id,type,label,description,position,config}], edges:[{id,source,target,
// sourceHandle?,targetHandle?}]}) and x6 cells. Members the editor does not know are kept, so a round trip is lossless.
import { AGENT_TYPE, TOOL_HANDLE, TRIGGER_TYPE, edgeLineAttrs, portsFor, shapeName } from './shapes.js';

const NODE_KEYS = new Set(['id', 'type', 'label', 'description', 'position', 'config']);
const EDGE_KEYS = new Set(['id', 'source', 'target', 'sourceHandle', 'targetHandle']);
const LABEL_CHARS = 20;

export const newId = () => crypto.randomUUID();

const rest = (obj, known) => Object.fromEntries(Object.entries(obj).filter(([k]) => !known.has(k)));

export function shortLabel(label) {
    return label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label;
}

/** Cells for x6 from a workflow graph; `known` is the set of registered type ids. */
export function toCells(workflow, known) {
    const nodes = Array.isArray(workflow?.nodes) ? workflow.nodes : [];
    const edges = Array.isArray(workflow?.edges) ? workflow.edges : [];
    const usedHandles = new Map();
    for (const e of edges) {
        if (e?.sourceHandle && e.sourceHandle !== TOOL_HANDLE) {
            const list = usedHandles.get(e.source) ?? [];
            list.push(String(e.sourceHandle));
            usedHandles.set(e.source, list);
        }
    }

    const typeOf = new Map();
    const nodeCells = nodes.filter((n) => n && typeof n.id === 'string').map((n, i) => {
        typeOf.set(n.id, n.type);
        return nodeCell({
            id: n.id,
            type: String(n.type ?? ''),
            label: n.label ?? '',
            description: n.description ?? '',
            config: n.config && typeof n.config === 'object' ? n.config : {},
            extra: rest(n, NODE_KEYS),
        }, n.position ?? { x: 40 + (i % 10) * 220, y: 40 + Math.floor(i / 10) * 110 }, known, usedHandles.get(n.id) ?? []);
    });

    const edgeCells = edges.filter((e) => e && typeOf.has(e.source) && typeOf.has(e.target)).map((e) => edgeCell({
        id: typeof e.id === 'string' && e.id ? e.id : newId(),
        source: e.source,
        target: e.target,
        sourceHandle: e.sourceHandle ?? null,
        targetHandle: e.targetHandle ?? null,
        extra: rest(e, EDGE_KEYS),
    }, typeOf));

    return { nodes: nodeCells, edges: edgeCells, hasPositions: nodes.every((n) => n?.position) };
}

export function nodeCell(data, position, known, usedHandles = []) {
    const shape = known.has(data.type) ? shapeName(data.type) : shapeName('unknown');
    return {
        id: data.id,
        shape,
        x: Number(position?.x) || 0,
        y: Number(position?.y) || 0,
        data,
        attrs: labelAttrs(data),
        ports: { items: portsFor(data.type, data.config, usedHandles) },
    };
}

export function labelAttrs(data) {
    return { label: { text: shortLabel(data.label || data.type) } };
}

/** An edge attached to the ports its handles name; an agent end attaches to the hub itself. */
export function edgeCell(data, typeOf) {
    const sourceType = typeOf.get(data.source);
    const targetType = typeOf.get(data.target);
    const sourcePort = sourceType === AGENT_TYPE ? undefined : (data.sourceHandle && data.sourceHandle !== TOOL_HANDLE ? data.sourceHandle : 'out');
    const targetPort = targetType === AGENT_TYPE
        ? (sourceType === TRIGGER_TYPE ? 'in' : undefined)
        : 'in';
    return {
        id: data.id,
        shape: 'zygo-edge',
        source: sourcePort ? { cell: data.source, port: sourcePort } : { cell: data.source },
        target: targetPort ? { cell: data.target, port: targetPort } : { cell: data.target },
        data,
        // The registered edge draws a flow link; only a capability link needs its own line (merged per cell: not free).
        ...(isCapability(sourceType, targetType) ? { attrs: { line: edgeLineAttrs(true) } } : {}),
    };
}

export const isCapability = (sourceType, targetType) =>
    (sourceType === AGENT_TYPE || targetType === AGENT_TYPE) && sourceType !== TRIGGER_TYPE;

/** The workflow graph of what the canvas holds now. */
export function toWorkflow(graph) {
    const nodes = graph.getNodes().map((node) => {
        const d = node.getData() ?? {};
        const p = node.getPosition();
        return {
            ...(d.extra ?? {}),
            id: node.id,
            type: d.type,
            label: d.label ?? '',
            description: d.description ?? '',
            position: { x: Math.round(p.x), y: Math.round(p.y) },
            config: d.config ?? {},
        };
    });

    const edges = [];
    for (const edge of graph.getEdges()) {
        const source = edge.getSourceCell();
        const target = edge.getTargetCell();
        if (!source || !target) {
            continue; // an edge still being drawn
        }

        const d = edge.getData() ?? {};
        const out = { ...(d.extra ?? {}), id: edge.id, source: source.id, target: target.id };
        const sourceHandle = handleOf(source, edge.getSourcePortId(), d.sourceHandle);
        const targetHandle = handleOf(target, edge.getTargetPortId(), d.targetHandle);
        if (sourceHandle) {
            out.sourceHandle = sourceHandle;
        }

        if (targetHandle) {
            out.targetHandle = targetHandle;
        }

        edges.push(out);
    }

    return { nodes, edges };
}

/** 'in' and 'out' are the plain ports (no handle); the agent's ring ports are its tool handle. */
function handleOf(node, port, stored) {
    if (!port) {
        return stored ?? null;
    }

    if (port === 'in' || port === 'out') {
        return null;
    }

    return port.startsWith('tool-') ? TOOL_HANDLE : port;
}
