/**
 * A short, stable, dependency-free hash for SARIF `partialFingerprints`: two independent 32-bit
 * FNV-1a passes (different offset bases) over the UTF-16 code units, as 16 hex digits. Not a
 * security hash; it only has to tell findings apart and stay the same across runs and hosts.
 */
export function fingerprint(...parts: readonly string[]): string {
    const text = parts.join('\u0000');
    let a = 0x811c9dc5;
    let b = 0x050c5d1f;
    for (let index = 0; index < text.length; index++) {
        const unit = text.charCodeAt(index);
        a = Math.imul(a ^ unit, 0x01000193) >>> 0;
        b = Math.imul(b ^ unit, 0x01000193) >>> 0;
        b = (b ^ (b >>> 13)) >>> 0;
    }
    return `${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}
