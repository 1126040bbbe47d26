/**
 * Update payloads that made Yjs' decoder hang (or try to), from the Yjs issue tracker. Our
 * server only speaks update format V1; payloads written for V2 are still sent as V1 updates,
 * where they are simply adversarial bytes for the V1 decoder. With lib0 ≥ 0.2.5x, reading
 * past the end throws "Unexpected end of array" instead of looping, and every payload here
 * is either rejected by `Y.decodeUpdate` or decodes to an update that changes nothing.
 */
export interface HangPayload {
  name: string
  /** The Yjs update bytes (wrapped in sync step 2 / update frames by the corpus). */
  update: Uint8Array
}

const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'))

export const yjsHangPayloads: HangPayload[] = [
  // yjs#498 "Passing zero-length buffer to applyUpdate causes an infinite-loop"
  // (lib0's readVarUint spun on an empty array). Exact payload: the empty update.
  { name: 'yjs#498 empty update', update: new Uint8Array(0) },
  // yjs#479 "Passing an invalid update Uint8array to Y.applyUpdate causes infinite loop in
  // lib0" (lib0#42). Exact payload: Buffer.from('garbagedoc', 'base64').
  {
    name: 'yjs#479 base64 "garbagedoc"',
    update: new Uint8Array(Buffer.from('garbagedoc', 'base64')),
  },
  // yjs#687 "Denial of Service vulnerability: run-length encoding can be exploited to lock
  // JS threads". Exact payloads of the test file of its fix, yjs PR #688
  // (tests/limits.tests.js, commit d88422fc; the first is also in the issue text, in hex): the
  // V2 ones target mergeUpdatesV2 / applyUpdateV2, only "265828 updates" the V1 decoder.
  {
    name: 'yjs#687 4398046511101 structs (V2)',
    update: hex('00010000000001000100010200001602000001fdffffffff7f0000'),
  },
  {
    name: 'yjs#687 265828 updates (V1)',
    update: hex('e49c100005ffff0500010000000101000000ed000000010100feb8c2e9ad87d91200000101ffedf6'),
  },
  {
    name: 'yjs#687 7658324286 updates (V2)',
    update: hex(
      'e4950000011800000100010000010000ed01be82e3c31c0102e49500000118000001180000010001ed00',
    ),
  },
  {
    name: 'yjs#687 GC item of length 553253 (V2)',
    update: hex(
      '8f018000000001aa010001020000160200e5c44314e7a68b93aeb5fd5de8269a8a590031d50f120130000000',
    ),
  },
  {
    name: 'yjs#687 267854847 structs in one update (V2)',
    update: hex(
      '00012300000001028100001000c7dc00c47a800041abead60001000001000084000010ffc7dcff000000',
    ),
  },
  // Constructed, not from an issue: the V1 shape of yjs#687's "too many structs" — one
  // client announcing 2^42 structs and then ending. The V1 decoder must stop at the end of
  // the array, not allocate or loop 2^42 times (Y.applyUpdate without decoding first throws
  // "Invalid array length" only because it pre-allocates).
  {
    name: 'constructed: V1 header announcing 2^42 structs',
    update: hex('01808080808080010000'),
  },
]
