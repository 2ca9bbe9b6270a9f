// Draws the extension icons (images/icon.png, 128 px, for the Marketplace; images/file-icon.png,
// 32 px, for `.tm` files) without an image toolchain: a shield with three layer bars and a
// score dot, rasterised with 4×4 supersampling and written as an RGBA PNG. Deterministic, so
// re-running it changes no bytes: `node scripts/draw-icon.mjs`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SHIELD = [0x13, 0x6f, 0x7a]; // teal
const RIM = [0x0b, 0x3d, 0x48]; // dark teal
const BAR = [0xff, 0xff, 0xff];
const DOT = [0xf5, 0x9e, 0x0b]; // amber: the score

/** The shield outline in a 0..1 square, curves flattened into a polygon. */
function shieldPolygon(inset) {
    const points = [];
    const top = 0.06 + inset;
    const left = 0.14 + inset;
    const right = 0.86 - inset;
    const shoulder = 0.5;
    const tip = 0.95 - inset * 1.4;
    points.push([0.5, top - 0.02], [right, top + 0.08], [right, shoulder]);
    for (let t = 0; t <= 1; t += 1 / 24) {
        // Quadratic curve from the right shoulder to the tip, bulging outwards.
        const control = [right, 0.78];
        points.push(quad([right, shoulder], control, [0.5, tip], t));
    }
    for (let t = 0; t <= 1; t += 1 / 24) {
        points.push(quad([0.5, tip], [left, 0.78], [left, shoulder], t));
    }
    points.push([left, top + 0.08]);
    return points;
}

function quad(a, c, b, t) {
    const u = 1 - t;
    return [u * u * a[0] + 2 * u * t * c[0] + t * t * b[0], u * u * a[1] + 2 * u * t * c[1] + t * t * b[1]];
}

function insidePolygon(x, y, polygon) {
    let inside = false;
    for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
        const [xi, yi] = polygon[i];
        const [xj, yj] = polygon[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) {
            inside = !inside;
        }
    }
    return inside;
}

function insideRoundedBar(x, y, x0, x1, yc, half) {
    if (y < yc - half || y > yc + half) return false;
    if (x >= x0 && x <= x1) return true;
    const cx = x < x0 ? x0 : x1;
    return (x - cx) ** 2 + (y - yc) ** 2 <= half * half;
}

/** The colour at a point of the unit square, or undefined for transparent. */
function colourAt(x, y, outer, inner) {
    if (!insidePolygon(x, y, outer)) return undefined;
    if (!insidePolygon(x, y, inner)) return RIM;
    if ((x - 0.5) ** 2 + (y - 0.7) ** 2 <= 0.075 ** 2) return DOT;
    const bars = [
        [0.3, 0.7, 0.3],
        [0.34, 0.66, 0.42],
        [0.39, 0.61, 0.54]
    ];
    for (const [x0, x1, yc] of bars) {
        if (insideRoundedBar(x, y, x0, x1, yc, 0.035)) return BAR;
    }
    return SHIELD;
}

function render(size) {
    const outer = shieldPolygon(0);
    const inner = shieldPolygon(0.045);
    const samples = 4;
    const pixels = Buffer.alloc(size * size * 4);
    for (let py = 0; py < size; py++) {
        for (let px = 0; px < size; px++) {
            let r = 0;
            let g = 0;
            let b = 0;
            let covered = 0;
            for (let sy = 0; sy < samples; sy++) {
                for (let sx = 0; sx < samples; sx++) {
                    const colour = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, outer, inner);
                    if (colour) {
                        r += colour[0];
                        g += colour[1];
                        b += colour[2];
                        covered++;
                    }
                }
            }
            const offset = (py * size + px) * 4;
            if (covered > 0) {
                pixels[offset] = Math.round(r / covered);
                pixels[offset + 1] = Math.round(g / covered);
                pixels[offset + 2] = Math.round(b / covered);
                pixels[offset + 3] = Math.round((255 * covered) / (samples * samples));
            }
        }
    }
    return encodePng(size, size, pixels);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
});

function crc32(buffer) {
    let crc = 0xffffffff;
    for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
}

function encodePng(width, height, rgba) {
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(height, 4);
    header[8] = 8; // bit depth
    header[9] = 6; // RGBA
    const rows = [];
    for (let y = 0; y < height; y++) {
        rows.push(Buffer.from([0]), rgba.subarray(y * width * 4, (y + 1) * width * 4));
    }
    return Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        chunk('IHDR', header),
        chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
        chunk('IEND', Buffer.alloc(0))
    ]);
}

const images = new URL('../images/', import.meta.url);
writeFileSync(new URL('icon.png', images), render(128));
writeFileSync(new URL('file-icon.png', images), render(32));
console.log('wrote images/icon.png (128 px) and images/file-icon.png (32 px)');
