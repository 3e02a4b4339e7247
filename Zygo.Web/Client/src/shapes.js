// Node and edge visuals. Each node type gets its own registered shape (colour and icon baked in), so a node in
// the model carries only its data and label: 1000 nodes stay light to render and to serialise.
import { Graph } from '@antv/x6';

export const AGENT_TYPE = 'ai_agent';
export const TRIGGER_TYPE = 'trigger';
export const AGENT_SIZE = 128;
export const PILL_WIDTH = 184;
export const PILL_HEIGHT = 44;
export const TOOL_HANDLE = 'tool';

const INK = '#1f2937';
const PORT_STROKE = '#64748b';
const EDGE_COLOR = '#94a3b8';
const CAPABILITY_COLOR = '#7c3aed';

export const shapeName = (type) => `zygo-node-${type}`;

/** Registers one shape per node type of the catalogue; re-registering is harmless (same catalogue, same shape). */
export function registerShapes(types) {
    for (const type of types) {
        const icon = iconMarkup(type.icon);
        const definition = type.id === AGENT_TYPE ? agentShape(type, icon) : pillShape(type, icon);
        Graph.registerNode(shapeName(type.id), definition, true);
    }

    Graph.registerNode(shapeName('unknown'), pillShape({ id: 'unknown', color: '#9ca3af' }, []), true);
    Graph.registerEdge('zygo-edge', {
        inherit: 'edge',
        connector: { name: 'smooth' },
        attrs: {
            line: { stroke: EDGE_COLOR, strokeWidth: 1.6, targetMarker: { name: 'block', width: 8, height: 6 } },
        },
        zIndex: 0,
    }, true);
}

/** Edges to and from the agent (except the trigger that starts it) are capabilities, not flow: drawn dashed. */
export function edgeLineAttrs(capability) {
    return capability
        ? { stroke: CAPABILITY_COLOR, strokeWidth: 1.8, strokeDasharray: '6 4', targetMarker: null }
        : { stroke: EDGE_COLOR, strokeWidth: 1.6, strokeDasharray: null, targetMarker: { name: 'block', width: 8, height: 6 } };
}

/** The icon is the registry's SVG fragment (24×24 viewBox); turned into x6 markup once per type. */
function iconMarkup(svg) {
    if (!svg) {
        return [];
    }

    const doc = new DOMParser().parseFromString(`<svg xmlns="http://www.w3.org/2000/svg">${svg}</svg>`, 'image/svg+xml');
    // Material icons carry a transparent 24×24 box (fill="none"): nothing to draw.
    const drawn = (el) => el.getAttribute('fill') !== 'none';
    const convert = (el) => ({
        tagName: el.tagName,
        attrs: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])),
        children: [...el.children].filter(drawn).map(convert),
    });
    return [...doc.documentElement.children].filter(drawn).map(convert);
}

// Few and cheap elements per node (no text or title elements besides the label): they decide how fast 1000 nodes paint.
const statusBadge = () => [
    { tagName: 'circle', selector: 'status' },
    { tagName: 'circle', selector: 'problem' },
    { tagName: 'path', selector: 'problemMark' },
];

const badgeAttrs = (x, y) => ({
    // Coloured by the zygo-run-{state} class run-status.js puts on the node (WorkflowCanvas.razor.css).
    status: { r: 7, cx: x, cy: y, fill: 'transparent', stroke: 'none', class: 'zygo-status' },
    problem: { r: 8, cx: x, cy: y, fill: '#dc2626', stroke: '#fff', strokeWidth: 1.5, visibility: 'hidden', class: 'zygo-problem' },
    problemMark: {
        d: `M ${x} ${y - 4.5} V ${y + 1} M ${x} ${y + 3} V ${y + 4}`, stroke: '#fff', strokeWidth: 2, strokeLinecap: 'round',
        visibility: 'hidden', pointerEvents: 'none',
    },
});

function pillShape(type, icon) {
    const h = PILL_HEIGHT;
    return {
        width: PILL_WIDTH,
        height: h,
        zIndex: 2,
        markup: [
            { tagName: 'rect', selector: 'body' },
            { tagName: 'circle', selector: 'iconBg' },
            { tagName: 'g', selector: 'icon', children: icon },
            { tagName: 'text', selector: 'label' },
            ...statusBadge(),
        ],
        attrs: {
            body: {
                width: PILL_WIDTH, height: h, rx: h / 2, ry: h / 2, fill: '#ffffff', stroke: type.color, strokeWidth: 2,
                class: 'zygo-node-body',
            },
            iconBg: { cx: h / 2, cy: h / 2, r: h / 2 - 7, fill: type.color },
            icon: { transform: `translate(${h / 2 - 10},${h / 2 - 10}) scale(0.8333)`, fill: '#ffffff', pointerEvents: 'none' },
            label: {
                x: h + 2, y: h / 2, dominantBaseline: 'central', textAnchor: 'start', fill: INK, fontSize: 13,
                fontWeight: 500, fontFamily: 'Roboto, Helvetica, Arial, sans-serif', pointerEvents: 'none',
            },
            ...badgeAttrs(PILL_WIDTH - 6, 6),
        },
        ports: {
            groups: {
                in: portGroup('left'),
                out: portGroup('right'),
                branch: portGroup('right', true),
            },
        },
    };
}

function agentShape(type, icon) {
    const s = AGENT_SIZE;
    return {
        width: s,
        height: s,
        zIndex: 3,
        markup: [
            { tagName: 'circle', selector: 'halo' },
            { tagName: 'circle', selector: 'body' },
            { tagName: 'g', selector: 'icon', children: icon },
            { tagName: 'text', selector: 'kind' },
            { tagName: 'text', selector: 'label' },
            ...statusBadge(),
        ],
        attrs: {
            halo: { cx: s / 2, cy: s / 2, r: s / 2 + 6, fill: 'none', stroke: type.color, strokeOpacity: 0.25, strokeWidth: 6 },
            body: { cx: s / 2, cy: s / 2, r: s / 2, fill: type.color, stroke: '#ffffff', strokeWidth: 3, class: 'zygo-node-body' },
            icon: { transform: `translate(${s / 2 - 22},${s / 2 - 34}) scale(1.8333)`, fill: '#ffffff', pointerEvents: 'none' },
            kind: {
                text: 'AI AGENT', x: s / 2, y: s / 2 + 26, textAnchor: 'middle', fill: '#ede9fe', fontSize: 10, fontWeight: 700,
                letterSpacing: 1, fontFamily: 'Roboto, Helvetica, Arial, sans-serif', pointerEvents: 'none',
            },
            label: {
                x: s / 2, y: s + 22, textAnchor: 'middle', fill: INK, fontSize: 14, fontWeight: 600,
                fontFamily: 'Roboto, Helvetica, Arial, sans-serif', pointerEvents: 'none',
            },
            ...badgeAttrs(s - 16, 16),
        },
        ports: {
            groups: {
                in: portGroup('left'),
                out: portGroup('right'),
                tool: portGroup('absolute'),
            },
        },
    };
}

/** Only branch ports (true/false, body/done, condition ids) carry a label: a text element per port is not free. */
function portGroup(position, labelled = false) {
    const circle = { r: 5, magnet: true, stroke: PORT_STROKE, strokeWidth: 1.5, fill: '#ffffff', class: 'zygo-port' };
    return labelled
        ? {
            position,
            label: { position: 'right' },
            attrs: { circle, text: { fontSize: 10, fill: '#475569', fontFamily: 'Roboto, Helvetica, Arial, sans-serif' } },
        }
        : { position, markup: [{ tagName: 'circle', selector: 'circle' }], attrs: { circle } };
}

/**
 * The ports a node offers, from its type and config: named branch handles for conditional and loop, a ring of tool
 * ports on the agent. Handles that stored edges use but the config no longer names still get a port, so no edge is lost.
 */
export function portsFor(type, config, usedHandles) {
    const items = [];
    if (type === AGENT_TYPE) {
        items.push({ id: 'in', group: 'in' });
        const s = AGENT_SIZE;
        const ring = [[s / 2, 0], [s, s / 2], [s / 2, s], [s * 0.85, s * 0.15], [s * 0.85, s * 0.85]];
        ring.forEach(([x, y], i) => items.push({ id: `tool-${i}`, group: 'tool', args: { x, y } }));
        return items;
    }

    if (type !== TRIGGER_TYPE) {
        items.push({ id: 'in', group: 'in' });
    }

    const named = branchHandles(type, config);
    for (const handle of usedHandles) {
        if (!named.includes(handle)) {
            named.push(handle);
        }
    }

    if (named.length === 0) {
        items.push({ id: 'out', group: 'out' });
    }

    for (const handle of named) {
        items.push({ id: handle, group: 'branch', attrs: { text: { text: handle } } });
    }

    return items;
}

function branchHandles(type, config) {
    if (type === 'loop') {
        return ['body', 'done'];
    }

    if (type === 'conditional') {
        if (config?.evaluationMode === 'custom' && Array.isArray(config.conditions)) {
            const ids = config.conditions.map((c) => c?.id).filter((id) => typeof id === 'string' && id);
            if (config.defaultBranch && !ids.includes(config.defaultBranch)) {
                ids.push(config.defaultBranch);
            }

            return ids;
        }

        return ['true', 'false'];
    }

    return [];
}
