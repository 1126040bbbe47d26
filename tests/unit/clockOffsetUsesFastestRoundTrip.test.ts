import { describe, expect, it } from 'vitest'
import { estimateClockOffset } from '../../client/workshop/facilitation/clockOffset.ts'

describe('estimateClockOffset', () => {
  it('takes the sample with the shortest round trip and assumes the server answered half-way', () => {
    // The server's clock is 5 000 ms ahead. Sample 2 has the shortest round trip (40 ms):
    // the server read its clock at local 1 020 → 6 020; offset = 6 020 + 20 − 1 040 = 5 000.
    const offset = estimateClockOffset([
      { sentAt: 0, receivedAt: 400, serverNow: 5_100 },
      { sentAt: 1_000, receivedAt: 1_040, serverNow: 6_020 },
      { sentAt: 2_000, receivedAt: 2_300, serverNow: 7_250 },
    ])
    expect(offset).toBe(5_000)
  })

  it('is negative when the local clock runs ahead of the server', () => {
    // Local is 2 s ahead: the server said 8 000 when it was 10 000 + 10 locally.
    expect(estimateClockOffset([{ sentAt: 10_000, receivedAt: 10_020, serverNow: 8_010 }])).toBe(
      -2_000,
    )
  })

  it('ignores impossible samples and gives null without any usable one', () => {
    expect(estimateClockOffset([])).toBeNull()
    // A negative round trip means the local clock jumped back mid-request.
    expect(estimateClockOffset([{ sentAt: 100, receivedAt: 50, serverNow: 0 }])).toBeNull()
    expect(
      estimateClockOffset([
        { sentAt: 100, receivedAt: 50, serverNow: 0 },
        { sentAt: 0, receivedAt: 100, serverNow: 1_050 },
      ]),
    ).toBe(1_000)
  })
})
