import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const encodeTime = (ms: number): string => {
  let out = '';
  let rest = ms;
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD.charAt(rest % 32) + out;
    rest = Math.floor(rest / 32);
  }
  return out;
};

/** 80 random bits as 16 Crockford characters (5 bits each). */
const encodeRandom = (bits: bigint): string => {
  let out = '';
  let rest = bits;
  for (let i = 0; i < 16; i++) {
    out = CROCKFORD.charAt(Number(rest & 31n)) + out;
    rest >>= 5n;
  }
  return out;
};

const MAX_RANDOM = (1n << 80n) - 1n;

/**
 * Makes ULID-like ids: 26 characters, lexically sortable by creation time, monotonic within the
 * generator (same millisecond: random part incremented), unique across processes (80 random bits).
 * One generator per store instance; there is no module-level state.
 */
export const createIdGenerator = (now: () => number = Date.now): (() => string) => {
  let lastTime = -1;
  let lastRandom = 0n;
  return () => {
    let time = now();
    if (time <= lastTime) {
      time = lastTime;
      // Overflow of 80 random bits within one millisecond is practically impossible; move on a ms.
      if (lastRandom === MAX_RANDOM) {
        time += 1;
        lastRandom = BigInt(`0x${randomBytes(10).toString('hex')}`) >> 1n;
      } else {
        lastRandom += 1n;
      }
    } else {
      // Top bit cleared so a run of increments within a millisecond has room before overflowing.
      lastRandom = BigInt(`0x${randomBytes(10).toString('hex')}`) >> 1n;
    }
    lastTime = time;
    return encodeTime(time) + encodeRandom(lastRandom);
  };
};
