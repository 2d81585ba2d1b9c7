// SHA-1 of a string's UTF-8 bytes, synchronous (crypto.subtle is async and absent in some workers'
// tests): Anki's note checksum (`notes.csum`) is the first 4 bytes of it, big-endian.

// Reused by every call: exports hash tens of thousands of short strings.
const w = new Uint32Array(80);
const encoder = new TextEncoder();

function rotl(x: number, n: number): number {
  return (x << n) | (x >>> (32 - n));
}

export function sha1(text: string): Uint8Array {
  const bytes = encoder.encode(text);
  const words = ((bytes.length + 8) >> 6) + 1;
  const m = new Uint32Array(words * 16);
  for (let i = 0; i < bytes.length; i++) m[i >> 2] |= bytes[i] << (24 - (i % 4) * 8);
  m[bytes.length >> 2] |= 0x80 << (24 - (bytes.length % 4) * 8);
  const bits = bytes.length * 8;
  m[words * 16 - 1] = bits >>> 0;
  m[words * 16 - 2] = Math.floor(bits / 2 ** 32);
  let [a0, b0, c0, d0, e0] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  for (let off = 0; off < m.length; off += 16) {
    for (let t = 0; t < 16; t++) w[t] = m[off + t];
    for (let t = 16; t < 80; t++) w[t] = rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    let [a, b, c, d, e] = [a0, b0, c0, d0, e0];
    for (let t = 0; t < 80; t++) {
      const f = t < 20 ? (b & c) | (~b & d) : t < 40 ? b ^ c ^ d : t < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
      const k = t < 20 ? 0x5a827999 : t < 40 ? 0x6ed9eba1 : t < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const tmp = (rotl(a, 5) + f + e + k + w[t]) >>> 0;
      e = d;
      d = c;
      c = rotl(b, 30) >>> 0;
      b = a;
      a = tmp;
    }
    a0 = (a0 + a) >>> 0;
    b0 = (b0 + b) >>> 0;
    c0 = (c0 + c) >>> 0;
    d0 = (d0 + d) >>> 0;
    e0 = (e0 + e) >>> 0;
  }
  const out = new Uint8Array(20);
  const view = new DataView(out.buffer);
  [a0, b0, c0, d0, e0].forEach((word, i) => view.setUint32(i * 4, word));
  return out;
}
