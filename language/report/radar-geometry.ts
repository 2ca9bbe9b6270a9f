/**
 * Where the radar's spokes and labels go, and the viewBox that holds them all. The labels are
 * long (`external_tool_control_surface 0.00`) beside a small chart, so the box is computed from
 * the labels instead of being a fixed square that clips them at its edges.
 *
 * Text cannot be measured without a browser, so labels are set in a monospace font, whose
 * advance is the same for every character: 0.6 em in the common ones (DejaVu Sans Mono 0.602,
 * Liberation Mono and Courier 0.6, Consolas 0.55). The estimates below round up, so a label
 * drawn in any of them is no wider or taller than the box reserved for it.
 */

/** The chart's radius in px; the spokes end there. */
export const RADAR_RADIUS = 110;
/** The labels' font size in px. */
export const RADAR_FONT_SIZE = 9;
/** Space between a spoke's end and its label. */
const LABEL_GAP = 8;
/** Space between the outermost drawing and the edge of the picture. */
const PADDING = 6;
/** Per-character advance, in em, rounded up from the widest common monospace font. */
const CHAR_EM = 0.62;
/** Ascent and descent of the line box, in em, rounded up (DejaVu: 0.93 and 0.24). */
const ASCENT_EM = 0.95;
const DESCENT_EM = 0.25;
/** |cos| below this counts as straight up or down: such a label is centred on its spoke. */
const CENTRED = 0.2;

export interface Box {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
}

export interface RadarLabel {
    /** The spoke's end, relative to the centre. */
    readonly spokeX: number;
    readonly spokeY: number;
    /** The text's anchor point (its baseline), relative to the centre. */
    readonly x: number;
    readonly y: number;
    readonly anchor: 'start' | 'middle' | 'end';
    /** The box the text is estimated to fill, relative to the centre. */
    readonly box: Box;
}

export interface RadarLayout {
    readonly labels: readonly RadarLabel[];
    /** The picture's box, relative to the centre: every label box and the chart lie inside it, with padding. */
    readonly viewBox: Box;
}

/** The unit vector of spoke `index` of `count`, the first pointing straight up, clockwise. */
export function spokeDirection(index: number, count: number): { cos: number; sin: number } {
    const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
    return { cos: Math.cos(angle), sin: Math.sin(angle) };
}

/** The estimated width of `text` in the label font (characters, not UTF-16 units). */
export function labelWidth(text: string): number {
    return [...text].length * CHAR_EM * RADAR_FONT_SIZE;
}

/**
 * Labels stand off the end of their spoke on the side away from the centre: right of a spoke
 * that points right (anchor start), left of one that points left (anchor end), centred above
 * the top spoke and below the bottom one, and vertically centred on the side spokes.
 */
export function layoutRadar(texts: readonly string[]): RadarLayout {
    const ascent = ASCENT_EM * RADAR_FONT_SIZE;
    const descent = DESCENT_EM * RADAR_FONT_SIZE;
    const labels = texts.map((text, index): RadarLabel => {
        const { cos, sin } = spokeDirection(index, texts.length);
        const px = (RADAR_RADIUS + LABEL_GAP) * cos;
        const py = (RADAR_RADIUS + LABEL_GAP) * sin;
        const width = labelWidth(text);
        const anchor = cos > CENTRED ? 'start' : cos < -CENTRED ? 'end' : 'middle';
        const left = anchor === 'start' ? px : anchor === 'end' ? px - width : px - width / 2;
        // The baseline such that the whole line box lies beyond the point, away from the chart.
        const baseline = sin < -CENTRED ? py - descent : sin > CENTRED ? py + ascent : py + (ascent - descent) / 2;
        return {
            spokeX: RADAR_RADIUS * cos,
            spokeY: RADAR_RADIUS * sin,
            x: px,
            y: baseline,
            anchor,
            box: { x: left, y: baseline - ascent, width, height: ascent + descent }
        };
    });
    const boxes: Box[] = [{ x: -RADAR_RADIUS, y: -RADAR_RADIUS, width: 2 * RADAR_RADIUS, height: 2 * RADAR_RADIUS }, ...labels.map((label) => label.box)];
    // Whole pixels, so the picture's size attributes are integers and nothing is cut by rounding.
    const minX = Math.floor(Math.min(...boxes.map((box) => box.x)) - PADDING);
    const minY = Math.floor(Math.min(...boxes.map((box) => box.y)) - PADDING);
    const maxX = Math.ceil(Math.max(...boxes.map((box) => box.x + box.width)) + PADDING);
    const maxY = Math.ceil(Math.max(...boxes.map((box) => box.y + box.height)) + PADDING);
    return { labels, viewBox: { x: minX, y: minY, width: maxX - minX, height: maxY - minY } };
}
