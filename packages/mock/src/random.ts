// SPDX-License-Identifier: MIT
import type { Random } from '@kc/backend';

/**
 * A seeded pseudo-random generator (sfc32): the same seed gives the same sequence in every engine, so a fault
 * scenario or a demo run can be replayed exactly. Not for secrets: the mock is never a real contact center.
 */
export interface SeededRandom extends Random {
  /** A number in `[0, 1)`. */
  next(): number;
  /** An integer in `[min, max]`. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
}

/** Mixes a 32-bit seed (splitmix32), so that seeds 1, 2, 3… give unrelated sequences. */
function mix(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
}

/**
 * Creates a {@link SeededRandom}.
 *
 * @example
 * ```ts
 * const random = createSeededRandom(42);
 * random.int(100, 300); // the same number on every run
 * ```
 */
export function createSeededRandom(seed: number): SeededRandom {
  const init = mix(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) next32();

  const random: SeededRandom = {
    next: () => next32() / 4294967296,
    int: (min, max) => min + Math.floor(random.next() * (max - min + 1)),
    pick<T>(list: readonly T[]): T {
      if (list.length === 0) throw new RangeError('[kc] pick() from an empty list');
      return list[Math.floor(random.next() * list.length)] as T;
    },
    bytes(n: number): Uint8Array {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i += 4) {
        const word = next32();
        for (let j = 0; j < 4 && i + j < n; j++) out[i + j] = (word >>> (8 * j)) & 0xff;
      }
      return out;
    },
    uuid(): string {
      const b = random.bytes(16);
      b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
      b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
      const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
  };
  return random;
}
