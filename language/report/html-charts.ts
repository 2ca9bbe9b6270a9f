/**
 * Inline SVG pictures for the HTML report: a radar of the ten agentic factors and a MAESTRO
 * layer-coverage heat map. Pure strings, no script, no external resource; every text that can
 * come from a model goes through `escapeHtml`. Coordinates are integers or fixed decimals
 * (presentation only, never a score).
 */
import type { Severity } from '../aivss/aivss-types.js';
import { formatScaled } from '../aivss/decimal.js';
import { severityOf } from '../aivss/aivss-score.js';
import { escapeHtml as h } from './escape.js';
import { layoutRadar, RADAR_FONT_SIZE, RADAR_RADIUS, spokeDirection } from './radar-geometry.js';
import type { FactorView, LayerView } from './report-view.js';

/** A coordinate relative to the chart's centre, rounded to 0.1 px. */
function px(value: number): string {
    // `-0.0` would print for tiny negative values; the picture is the same, the text is not.
    const text = value.toFixed(1);
    return text === '-0.0' ? '0.0' : text;
}

/**
 * The radar's viewBox is centred on the chart and sized to hold every label (radar-geometry.ts),
 * so long factor keys are never cut at the picture's edge.
 */
export function factorRadar(factors: readonly FactorView[], label: string): string {
    const count = factors.length;
    const texts = factors.map((factor) => `${factor.key} ${factor.value ?? 'missing'}`);
    const layout = layoutRadar(texts);
    const point = (index: number, scale: number): string => {
        const { cos, sin } = spokeDirection(index, count);
        return `${px(RADAR_RADIUS * scale * cos)},${px(RADAR_RADIUS * scale * sin)}`;
    };
    const { x, y, width, height } = layout.viewBox;
    const parts: string[] = [];
    parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x} ${y} ${width} ${height}" width="${width}" height="${height}" role="img" class="radar">`);
    parts.push(`<title>${h(`Agentic factors of ${label}`)}</title>`);
    for (const ring of [0.25, 0.5, 0.75, 1]) {
        const points = factors.map((_, index) => point(index, ring)).join(' ');
        parts.push(`<polygon points="${points}" fill="none" stroke="#ccc" stroke-width="1"/>`);
    }
    layout.labels.forEach((spoke, index) => {
        parts.push(`<line x1="0" y1="0" x2="${px(spoke.spokeX)}" y2="${px(spoke.spokeY)}" stroke="#ddd"/>`);
        parts.push(`<text x="${px(spoke.x)}" y="${px(spoke.y)}" text-anchor="${spoke.anchor}" font-family="monospace" font-size="${RADAR_FONT_SIZE}">${h(texts[index]!)}</text>`);
    });
    const shape = factors.map((factor, index) => point(index, factor.value100 / 100)).join(' ');
    parts.push(`<polygon points="${shape}" fill="rgba(200,60,40,0.35)" stroke="#c83c28" stroke-width="2"/>`);
    parts.push('</svg>');
    return parts.join('');
}

const STATUS_FILL = { covered: '#4caf50', uncertain: '#ffb300', missing: '#e53935' } as const;
const SEVERITY_FILL: Readonly<Record<Severity, string>> = {
    None: '#eeeeee',
    Low: '#fff3c4',
    Medium: '#ffcc80',
    High: '#ff8a65',
    Critical: '#c62828'
};

/** One row per layer: its coverage status and the band of its highest complete threat score. */
export function layerHeatMap(layers: readonly LayerView[], label: string): string {
    const rowHeight = 26;
    const width = 520;
    const height = 30 + rowHeight * layers.length;
    const parts: string[] = [];
    parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" class="heatmap">`);
    parts.push(`<title>${h(`MAESTRO layer coverage of ${label}`)}</title>`);
    parts.push('<text x="0" y="16" font-size="11" font-weight="bold">Layer</text>');
    parts.push('<text x="260" y="16" font-size="11" font-weight="bold">Coverage</text>');
    parts.push('<text x="380" y="16" font-size="11" font-weight="bold">Highest threat score</text>');
    layers.forEach((layer, index) => {
        const y = 24 + index * rowHeight;
        const severity = layer.max10 === undefined ? undefined : severityOf(layer.max10);
        const scoreText = layer.max10 === undefined ? (layer.threats > 0 ? 'incomplete' : 'no threats') : `${formatScaled(layer.max10, 1)} ${severity}`;
        parts.push(`<text x="0" y="${y + 17}" font-size="11">${h(`${layer.id} ${layer.name}`)}</text>`);
        parts.push(`<rect x="260" y="${y}" width="110" height="${rowHeight - 4}" fill="${STATUS_FILL[layer.status]}"><title>${h(`${layer.id}: ${layer.status}`)}</title></rect>`);
        parts.push(`<text x="266" y="${y + 16}" font-size="11">${h(layer.status)}</text>`);
        parts.push(`<rect x="380" y="${y}" width="130" height="${rowHeight - 4}" fill="${severity ? SEVERITY_FILL[severity] : '#f5f5f5'}"/>`);
        parts.push(`<text x="386" y="${y + 16}" font-size="11">${h(scoreText)}</text>`);
    });
    parts.push('</svg>');
    return parts.join('');
}
