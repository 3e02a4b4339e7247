// Auto-layout: flow nodes left to right (dagre); each AI Agent's tools in a ring around it, and what hangs off
// a tool further out along the same spoke, as in the spec's picture of the agent as a hub.
import dagre from '@dagrejs/dagre';
import { AGENT_TYPE, TRIGGER_TYPE } from './shapes.js';

const SPOKE_STEP = 240;

export function layout(graph) {
    const nodes = graph.getNodes();
    const typeOf = new Map(nodes.map((n) => [n.id, n.getData()?.type]));
    const edges = graph.getEdges().map((e) => ({ source: e.getSourceCellId(), target: e.getTargetCellId() }))
        .filter((e) => typeOf.has(e.source) && typeOf.has(e.target));

    const spokes = agentSpokes(nodes, edges, typeOf);
    const onSpoke = new Set([...spokes.values()].flatMap((list) => list.flat()));

    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90, marginx: 40, marginy: 40 });
    g.setDefaultEdgeLabel(() => ({}));
    for (const node of nodes) {
        if (onSpoke.has(node.id)) {
            continue;
        }

        const size = node.getSize();
        const radius = spokes.has(node.id) ? ringRadius(spokes.get(node.id)) : 0;
        // An agent reserves room for its ring so the flow around it does not overlap the tools.
        const reach = radius ? 2 * (radius + depth(spokes.get(node.id)) * SPOKE_STEP) + size.width : 0;
        g.setNode(node.id, { width: Math.max(size.width, reach), height: Math.max(size.height, reach) });
    }

    for (const e of edges) {
        if (!onSpoke.has(e.source) && !onSpoke.has(e.target) && e.source !== e.target) {
            g.setEdge(e.source, e.target);
        }
    }

    dagre.layout(g);
    graph.startBatch('layout');
    try {
        for (const id of g.nodes()) {
            const cell = graph.getCellById(id);
            const { x, y } = g.node(id);
            const size = cell.getSize();
            cell.setPosition(x - size.width / 2, y - size.height / 2);
        }

        for (const [agentId, list] of spokes) {
            placeRing(graph, graph.getCellById(agentId), list);
        }
    } finally {
        graph.stopBatch('layout');
    }
}

/** For each agent: its tools (wired either way, except the trigger), each with the chain that hangs off it. */
function agentSpokes(nodes, edges, typeOf) {
    const outgoing = new Map();
    for (const e of edges) {
        outgoing.set(e.source, [...(outgoing.get(e.source) ?? []), e.target]);
    }

    const spokes = new Map();
    const taken = new Set();
    for (const agent of nodes.filter((n) => typeOf.get(n.id) === AGENT_TYPE)) {
        const roots = edges
            .filter((e) => (e.source === agent.id && typeOf.get(e.target) !== AGENT_TYPE) ||
                (e.target === agent.id && typeOf.get(e.source) !== TRIGGER_TYPE && typeOf.get(e.source) !== AGENT_TYPE))
            .map((e) => (e.source === agent.id ? e.target : e.source))
            .filter((id) => !taken.has(id));
        const list = [];
        for (const root of new Set(roots)) {
            const chain = [];
            let current = root;
            while (current && !taken.has(current) && typeOf.get(current) !== AGENT_TYPE) {
                taken.add(current);
                chain.push(current);
                current = (outgoing.get(current) ?? []).find((t) => t !== agent.id && !taken.has(t));
            }

            if (chain.length) {
                list.push(chain);
            }
        }

        if (list.length) {
            spokes.set(agent.id, list);
        }
    }

    return spokes;
}

const ringRadius = (list) => Math.max(230, list.length * 52);
const depth = (list) => Math.max(...list.map((chain) => chain.length)) - 1;

function placeRing(graph, agent, list) {
    const box = agent.getBBox();
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const radius = ringRadius(list);
    // Start at the top right and go clockwise, leaving the left side free for the trigger's edge.
    const start = -Math.PI / 2 + Math.PI / (list.length + 1);
    const sweep = list.length === 1 ? 0 : (1.5 * Math.PI) / (list.length - 1);
    list.forEach((chain, i) => {
        const angle = list.length === 1 ? 0 : start + i * Math.min(sweep, (2 * Math.PI) / list.length);
        chain.forEach((id, step) => {
            const cell = graph.getCellById(id);
            const size = cell.getSize();
            const r = radius + step * SPOKE_STEP;
            cell.setPosition(cx + r * Math.cos(angle) - size.width / 2, cy + r * Math.sin(angle) - size.height / 2);
        });
    });
}
