import { describe, expect, it } from "vitest"
import { Score as ScoreModule } from "../src/index.ts"
import { daysAgo, interaction, invalid, NOW, Score, series, Weights } from "./fixture.ts"

const opts = { now: NOW }

describe("Score.score", () => {
  it("decays each interaction by half every half-life", () => {
    const fresh = Score.score([interaction("meeting", NOW)], undefined, opts)
    const older = Score.score([interaction("meeting", daysAgo(90))], undefined, opts)
    const oldest = Score.score([interaction("meeting", daysAgo(180))], undefined, opts)
    expect(fresh.score).toBeCloseTo(Weights.defaults.kinds.meeting.mutual, 10)
    expect(older.score).toBeCloseTo(fresh.score / 2, 10)
    expect(oldest.score).toBeCloseTo(fresh.score / 4, 10)
    const shortLife = Score.score([interaction("meeting", daysAgo(30))], undefined, {
      now: NOW,
      halfLifeDays: 30,
    })
    expect(shortLife.score).toBeCloseTo(fresh.score / 2, 10)
  })

  it("ranks recency above volume long ago", () => {
    const recent = Score.score([interaction("message", daysAgo(3))], undefined, opts)
    const volume = Score.score(series("message", 760, 730, 1), undefined, opts)
    expect(volume.count).toBe(31)
    expect(recent.score).toBeGreaterThan(volume.score)
  })

  it("orders kinds: meeting > message I sent > dm > mention/reply > invitation; unanswered counts less", () => {
    const one = (kind: Parameters<typeof interaction>[0], direction?: "incoming" | "outgoing") =>
      Score.score([interaction(kind, daysAgo(1), direction)], undefined, opts).score
    expect(one("meeting")).toBeGreaterThan(one("message"))
    expect(one("message")).toBeGreaterThan(one("dm"))
    expect(one("dm")).toBeGreaterThan(one("mention"))
    expect(one("dm")).toBeGreaterThan(one("reply"))
    expect(Math.min(one("mention"), one("reply"))).toBeGreaterThan(one("invitation"))
    expect(one("message", "outgoing")).toBeGreaterThan(one("message", "incoming"))
  })

  it("counts a connection date once, with a small weight", () => {
    const connected = Score.score([], "2026-03-15", opts)
    expect(connected.score).toBeGreaterThan(0)
    expect(connected.score).toBeLessThan(
      Score.score([interaction("invitation", daysAgo(0))], undefined, opts).score,
    )
    expect(connected.count).toBe(0)
    expect(connected.connectedOn).toBe(Date.parse("2026-03-15"))
  })

  it("adds a reciprocity bonus when both sides write within the window", () => {
    const both = [
      interaction("message", daysAgo(10), "outgoing"),
      interaction("message", daysAgo(12), "incoming"),
    ]
    const stale = [
      interaction("message", daysAgo(10), "outgoing"),
      interaction("message", daysAgo(200), "incoming"),
    ]
    const plain = (xs: typeof both) =>
      Score.score(xs, undefined, { now: NOW, weights: Weights.make({ reciprocityBonus: 0 }) }).score
    const withBonus = Score.score(both, undefined, opts)
    expect(withBonus.reciprocal).toBe(true)
    expect(withBonus.score).toBeCloseTo(plain(both) * (1 + Weights.defaults.reciprocityBonus), 10)
    const outside = Score.score(stale, undefined, opts)
    expect(outside.reciprocal).toBe(false)
    expect(outside.score).toBeCloseTo(plain(stale), 10)
    // A wider window reaches the old incoming message.
    expect(Score.score(stale, undefined, { now: NOW, reciprocityWindowDays: 365 }).reciprocal).toBe(true)
  })

  it("does not score an upcoming meeting but reports the earliest as nextMeeting", () => {
    const activity = Score.score(
      [
        interaction("meeting", daysAgo(-10)),
        interaction("meeting", daysAgo(-3)),
        interaction("message", daysAgo(-1)),
      ],
      undefined,
      opts,
    )
    expect(activity.score).toBe(0)
    expect(activity.count).toBe(0)
    expect(activity.last).toBeUndefined()
    expect(activity.nextMeeting).toBe(Date.parse(daysAgo(-3)))
  })

  it("is independent of input order and skips unreadable timestamps", () => {
    const xs = [
      ...series("message", 300, 0, 7),
      ...series("meeting", 200, 10, 30),
      interaction("dm", "not a date"),
    ]
    const a = Score.score(xs, undefined, opts)
    const b = Score.score([...xs].reverse(), undefined, opts)
    expect(b.score).toBe(a.score)
    expect(a.count).toBe(xs.length - 1)
    expect(a.byKind).toEqual({ message: 43, meeting: 7 })
  })

  it("requires a valid now and half-life", () => {
    expect(invalid(ScoreModule.score([], undefined, { now: "yesterday-ish" })).message).toBe(
      "now is not a valid time: yesterday-ish",
    )
    expect(invalid(ScoreModule.score([], undefined, { now: NOW, halfLifeDays: 0 })).option).toBe(
      "halfLifeDays",
    )
  })
})

describe("Score.decaysToOneOn", () => {
  it("is now + halfLife * log2(score), in the past below 1, year 0000 for 0", () => {
    expect(Score.decaysToOneOn(8, NOW, 90)).toBe(daysAgo(-270))
    expect(Score.decaysToOneOn(1, NOW, 90)).toBe(NOW)
    expect(Score.decaysToOneOn(0.5, NOW, 90)).toBe(daysAgo(90))
    expect(Score.decaysToOneOn(0, NOW, 90)).toBe("0000-01-01T00:00:00.000Z")
  })

  it("sorts like the score, and stays put as time passes without new interactions", () => {
    const histories = [
      [interaction("meeting", daysAgo(2))],
      series("message", 400, 300, 5),
      [interaction("mention", daysAgo(700), "incoming")],
      series("dm", 60, 0, 3, "incoming"),
      [interaction("call", daysAgo(45))],
      [],
    ]
    const scored = histories.map((h) => Score.score(h, undefined, opts))
    const byScore = [...scored].sort((a, b) => b.score - a.score)
    const byDate = [...scored].sort((a, b) => (a.decaysToOneOn < b.decaysToOneOn ? 1 : -1))
    expect(byDate).toEqual(byScore)
    const later = histories.map((h) => Score.score(h, undefined, { now: daysAgo(-50) }))
    for (const [i, s] of scored.entries()) {
      if (s.score === 0 || s.reciprocal) continue
      const drift = Math.abs(Date.parse(later[i]!.decaysToOneOn) - Date.parse(s.decaysToOneOn))
      expect(drift).toBeLessThan(5)
    }
  })
})
