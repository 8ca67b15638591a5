import { describe, expect, it } from "vitest"
import * as Phone from "../src/Phone.ts"

describe("Phone.toE164", () => {
  it.each<[string, string | undefined, string | undefined]>([
    ["", undefined, undefined],
    ["   ", undefined, undefined],
    ["abc", undefined, undefined],
    ["n/a", "GB", undefined],
    ["+44 20 7946 0958", undefined, "+442079460958"],
    // The trunk zero in brackets after the country code.
    ["+44 (0)20 7946 0958", undefined, "+442079460958"],
    ["+44(0)2079460958", undefined, "+442079460958"],
    ["+49 (0) 30 12345678", undefined, "+493012345678"],
    // 00 and 011 international prefixes, with or without a default region.
    ["0044 20 7946 0958", undefined, "+442079460958"],
    ["0044 20 7946 0958", "DE", "+442079460958"],
    ["(0049) 30 12345678", undefined, "+493012345678"],
    ["011 44 20 7946 0958", undefined, "+442079460958"],
    ["011 44 20 7946 0958", "US", "+442079460958"],
    // 011x is a UK area code (Bristol), not North America's international prefix
    ["0117 496 0732", "GB", "+441174960732"],
    // National numbers need the region.
    ["020 7946 0958", "GB", "+442079460958"],
    ["020 7946 0958", "gb", "+442079460958"],
    ["(030) 12345678", "DE", "+493012345678"],
    ["425-555-0100", undefined, undefined],
    ["425-555-0100", "XX", undefined],
    // Outlook's canonical format and extensions.
    ["+1 (425) 555-0100", undefined, "+14255550100"],
    ["+1 (425) 555-0100 x123", undefined, "+14255550100"],
    ["+1 425 555 0100 ext. 4", undefined, "+14255550100"],
    ["+1 425 555 0100;ext=5", undefined, "+14255550100"],
    ["tel:+1-425-555-0100", undefined, "+14255550100"],
    // Vanity letters.
    ["1-800-FLOWERS", "US", "+18003569377"],
    ["+1 800 FLOWERS", undefined, "+18003569377"],
    // Too short to be a number.
    ["555-0100", "US", undefined],
    ["+49 176 12345678", undefined, "+4917612345678"],
  ])("%j (region %s) gives %s", (input, region, expected) => {
    expect(Phone.toE164(input, region)).toBe(expected)
  })
})

describe("Phone.parse", () => {
  it.each<[string, string | undefined, Phone.ParsedPhone | undefined]>([
    ["", undefined, undefined],
    ["+1 (425) 555-0100 x123", undefined, { e164: "+14255550100", ext: "123", region: "US" }],
    ["+44 20 7946 0958 ext 12", undefined, { e164: "+442079460958", ext: "12", region: "GB" }],
    ["020 7946 0958", "GB", { e164: "+442079460958", region: "GB" }],
  ])("%j (region %s) gives %j", (input, region, expected) => {
    expect(Phone.parse(input, region)).toEqual(expected)
  })
})

describe("Phone.dominantRegion", () => {
  it.each<[ReadonlyArray<string>, string | undefined]>([
    [[], undefined],
    [["020 7946 0958", "n/a"], undefined],
    [["+44 20 7946 0958", "0044 7700 900123", "+1 425 555 0100", "07700 900123"], "GB"],
    // A tie goes to the alphabetically first region.
    [["+49 30 1234567", "+44 20 7946 0958"], "DE"],
  ])("%j gives %j", (input, expected) => {
    expect(Phone.dominantRegion(input)).toBe(expected)
  })

  it("reads only the sample", () => {
    expect(Phone.dominantRegion(["+1 425 555 0100", "+44 20 7946 0958", "+44 20 7946 0959"], 1)).toBe("US")
  })
})

describe("Phone.parse region", () => {
  it.each<[string, string | undefined]>([
    ["+44 7700 900123", "GB"],
    ["+1 800 356 9377", "US"],
    ["+49 30 1234567", "DE"],
  ])("%j is in %s", (input, expected) => {
    expect(Phone.parse(input)?.region).toBe(expected)
  })
})
